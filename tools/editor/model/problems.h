// The problems panel's content: the validator's diagnostics for the model as it is now (the
// canonical text of the model read back by the engine's loader, so an edit is judged exactly
// as `parley-cli validate` would judge the saved file), each tied to its node and option.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
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

// The canonical text of a model that changes a node at a time, without writing the whole
// scenario again: each node's text is kept under its version (Document::node_versions) and
// the text around the nodes under the header's version. Nodes are the writer's last field and
// a node's text depends on nothing outside it, so the text assembled is byte for byte
// canonical_text(scenario) (tests check it).
class CanonicalCache {
public:
    std::string text(const Scenario& scenario, const std::vector<std::uint64_t>& node_versions,
                     std::uint64_t header_version);
    std::size_t written_last() const { return written_last_; }   // nodes written by the last call

private:
    std::uint64_t header_version_ = 0;   // 0: nothing kept
    std::string prefix_, suffix_;        // up to and including "\"nodes\": [\n"; from "\n  ]"
    std::unordered_map<std::uint64_t, std::string> nodes_;
    std::size_t written_last_ = 0;
};

// What judging a text leaves to free: the loader's draft and its JSON tree. Freeing 2,000
// nodes of either is not free, so the validation worker does it after the verdict is shown.
struct Leftovers {
    std::shared_ptr<const Scenario> draft;
    std::shared_ptr<const void> document;
};

// validate_model on the cached canonical text; `keep`, when given, receives what is left to free.
Validation validate_text(const std::string& text, const Scenario& scenario, const ContentSet& shared,
                         Leftovers* keep = nullptr);

// Problems from diagnostics (the analysis' soundness checks, or those of opening a file).
std::vector<Problem> problems_from(const Diagnostics& diags, bool from_analysis);

}  // namespace parley::editor
