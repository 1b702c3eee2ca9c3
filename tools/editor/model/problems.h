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

#include <nlohmann/json.hpp>

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
//
// The text's JSON tree is kept the same way: after an edit only the nodes whose version is new
// are parsed (and the text around the nodes, when it changed); the others' trees are moved
// over. Parsing the whole 2,000-node text was most of an edit's verdict.
class CanonicalCache {
public:
    std::string text(const Scenario& scenario, const std::vector<std::uint64_t>& node_versions,
                     std::uint64_t header_version);
    // The JSON tree of the text the last call returned, or nullptr when that text was not
    // assembled from pieces (then it has to be parsed).
    const nlohmann::json* document() const { return document_ok_ ? &document_ : nullptr; }
    std::size_t written_last() const { return written_last_; }   // nodes written by the last call
    std::size_t parsed_last() const { return parsed_last_; }     // nodes parsed by the last call

private:
    void update_document(const std::vector<std::uint64_t>& node_versions, bool header_changed);

    std::uint64_t header_version_ = 0;   // 0: nothing kept
    std::string prefix_, suffix_;        // up to and including "\"nodes\": [\n"; from "\n  ]"
    std::unordered_map<std::uint64_t, std::string> nodes_;
    std::size_t written_last_ = 0, parsed_last_ = 0;
    nlohmann::json document_;                        // the tree of prefix_ + nodes + suffix_
    std::vector<std::uint64_t> document_versions_;   // the version of each of its nodes
    bool document_ok_ = false;
};

// validate_model on the cached canonical text. `document`, when given, is that text's JSON tree
// (CanonicalCache::document), read instead of parsing the text again. `keep` receives the
// loader's draft so that the caller frees it when it likes (freeing 2,000 nodes is not free:
// after the verdict is shown).
Validation validate_text(const std::string& text, const Scenario& scenario, const ContentSet& shared,
                         std::shared_ptr<const Scenario>* keep = nullptr, const nlohmann::json* document = nullptr);

// Problems from diagnostics (the analysis' soundness checks, or those of opening a file).
std::vector<Problem> problems_from(const Diagnostics& diags, bool from_analysis);

}  // namespace parley::editor
