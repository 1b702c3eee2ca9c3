// The translators' round trip: every text of a scenario to a CSV file (UTF-8 with a byte order
// mark, so spreadsheet programs read Chinese right; columns id, zh, en; RFC 4180 quoting) and
// back. Each row that does not fit is reported at its line, and then nothing is imported.
#pragma once

#include <string>
#include <string_view>

#include "document.h"
#include "parley/diagnostics.h"

namespace parley::editor {

std::string export_texts_csv(const Scenario& scenario);

// Reads `csv` (named `file` in diagnostics) into the document as one undo step. Rows may come
// in any order and may leave texts out (those stay as they are). False, with every problem in
// `diags` and the document unchanged, when any row does not fit.
bool import_texts_csv(Document& doc, std::string_view csv, const std::string& file, Diagnostics& diags);

}  // namespace parley::editor
