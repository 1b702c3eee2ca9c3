// Loading and validating content: JSON → diagnostics + immutable model.
//
// A content root is a folder holding `competencies.json` and a `personas/` folder; scenario
// files live anywhere below it. Every problem is reported in one pass, located by file, line,
// column and JSON pointer. No input crashes or hangs the loader (truncated files, invalid
// UTF-8, deep nesting, huge numbers are all errors).
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/diagnostics.h"
#include "parley/model.h"

namespace parley {

// The nearest folder at or above `path` that holds competencies.json.
std::optional<std::filesystem::path> find_content_root(const std::filesystem::path& path);

// The content a program uses when it is not told (--content): the nearest content root (or
// scenarios/ folder) at or above the current directory, then at or above the program's own
// folder, then at or above `built_from` (the source tree it was built from), if given.
std::optional<std::filesystem::path> default_content_root(
    const std::optional<std::filesystem::path>& built_from = std::nullopt);

// Parse one document of each kind from text. `file` names it in diagnostics.
std::optional<CompetencyModel> parse_competency_model(std::string_view text, const std::string& file,
                                                      Diagnostics& diags);
std::optional<Persona> parse_persona(std::string_view text, const std::string& file,
                                     const CompetencyModel& model, Diagnostics& diags);
std::shared_ptr<const Scenario> parse_scenario(std::string_view text, const std::string& file,
                                               const CompetencyModel& model,
                                               const std::map<std::string, Persona>& personas,
                                               Diagnostics& diags);

// A scenario read as far as it goes, so that a tool can open a file with errors to fix it (the
// editor). Everything that could be read is there; what could not keeps the model's defaults
// (an empty id, no options, …). Nodes and options keep their document positions even when
// broken — nodes[i] is /nodes/i — and `node_index` maps every node id read (the first of
// duplicates) to its position. The diagnostics are those parse_scenario reports.
struct ScenarioDraft {
    std::shared_ptr<const Scenario> scenario;  // nullptr only when the text is not JSON
    bool complete = false;  // no errors: exactly the model parse_scenario returns (content hash set;
                            // 0 in an incomplete draft)
};
ScenarioDraft parse_scenario_draft(std::string_view text, const std::string& file, const CompetencyModel& model,
                                   const std::map<std::string, Persona>& personas, Diagnostics& diags);

// The node (and option) a diagnostic's JSON pointer points into: "/nodes/3/options/1/next" is
// node 3, option 1; "/nodes/3/negotiation/issues/0" node 3; "/state/trust" none. Indices are
// positions in Scenario::nodes and Node::options (the same as the document's).
struct NodeRef {
    std::size_t node = 0;
    std::optional<std::size_t> option;
};
std::optional<NodeRef> node_ref_of(std::string_view pointer);

// Load a whole content root: the competency model, every persona, every scenario.
// Returns nothing when there are errors (they are in `diags`).
std::shared_ptr<const ContentSet> load_content(const std::filesystem::path& root, Diagnostics& diags);

// Load the content root around one scenario file and return that scenario within it.
struct LoadedScenario {
    std::shared_ptr<const ContentSet> content;
    std::shared_ptr<const Scenario> scenario;
};
std::optional<LoadedScenario> load_scenario_file(const std::filesystem::path& file, Diagnostics& diags);

// Validate files or folders (any document kind, decided by its "kind" field). A scenario that
// loads without errors is also analysed for every persona (check_soundness in analysis.h).
void validate_paths(const std::vector<std::filesystem::path>& paths, Diagnostics& diags);

}  // namespace parley
