// The validator's use of the analysis (internal): run check_soundness() on a scenario that
// loaded without errors and locate what it finds (line and column of /nodes/N) in the file.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "parley/diagnostics.h"
#include "parley/model.h"

namespace parley {

void check_soundness_located(const CompetencyModel& model, const std::map<std::string, Persona>& personas,
                             std::shared_ptr<const Scenario> scenario, std::string_view text,
                             Diagnostics& diags);

}  // namespace parley
