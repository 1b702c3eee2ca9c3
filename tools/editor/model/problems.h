// The problems panel's content: the validator's diagnostics for the model as it is now (the
// canonical text of the model read back by the engine's loader, so an edit is judged exactly
// as `parley-cli validate` would judge the saved file), each tied to its node and option.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parley/diagnostics.h"
#include "parley/loader.h"
#include "parley/model.h"

namespace parley::editor {

struct Problem {
    Diagnostic diagnostic;
    std::optional<NodeRef> where;   // the node (and option) it is about
    bool from_analysis = false;     // soundness and teaching checks (background)
    bool teaching = false;          // a teaching check of a negotiation block (is_teaching_check)
};

// The teaching checks of the scoring issue reach the editor through check_soundness as
// warnings about a negotiation block ("negotiation 'terms' has no tension: …"); the problems
// panel lists them apart, since they are about what the block teaches, not whether it runs.
bool is_teaching_check(const Diagnostic& d);

struct Validation {
    std::vector<Problem> problems;
    bool complete = false;   // no errors: the scenario loads, the analysis and playtests may run
    std::size_t errors = 0, warnings = 0;
};

Validation validate_model(const Scenario& scenario, const ContentSet& shared);

// Problems from diagnostics (the analysis' soundness checks, or those of opening a file).
std::vector<Problem> problems_from(const Diagnostics& diags, bool from_analysis);

}  // namespace parley::editor
