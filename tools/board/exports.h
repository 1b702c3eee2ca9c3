// The trainer's exports of a class: CSV (UTF-8 with a byte-order mark, so Excel shows Chinese
// names) and an Excel workbook (libxlsxwriter): a results sheet like the CSV, then one sheet per
// decision node with how the class chose there and the best choice marked.
#pragma once

#include <string>

#include "class_report.h"
#include "parley/text.h"

namespace parley::board {

// One row per trainee: rank, name, total, stars, tier, each competency, violations, critical
// violations, seconds from joining to the result (shown, never ranked).
std::string to_csv(const ClassReport& report, Lang lang);

// The workbook's bytes; empty (and `error` set) when it could not be written.
std::string to_xlsx(const ClassReport& report, Lang lang, std::string& error);

}  // namespace parley::board
