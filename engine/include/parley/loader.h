// Loading and validating content: JSON → diagnostics + immutable model.
//
// A content root is a folder holding `competencies.json` and a `personas/` folder; scenario
// files live anywhere below it. Every problem is reported in one pass, located by file, line,
// column and JSON pointer. No input crashes or hangs the loader (truncated files, invalid
// UTF-8, deep nesting, huge numbers are all errors).
#pragma once

#include <nlohmann/json_fwd.hpp>

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

// The content a program uses when it is not told (--content). In order, the first found wins:
//   1. $PARLEY_CONTENT (a content root or a folder whose scenarios/ is one; used even if empty,
//      so that a wrong setting is reported, not skipped);
//   2. the user's own scenarios, user_data_dir()/scenarios, when it holds competencies.json;
//   3. the nearest content root (or scenarios/ folder) at or above the current directory;
//   4. an installed program's ../share/parley/scenarios (/usr/bin/parley → /usr/share/parley);
//   5. the nearest content root at or above the program's own folder (a build tree);
//   6. the same at or above `built_from` (the source tree it was built from), if given.
std::optional<std::filesystem::path> default_content_root(
    const std::optional<std::filesystem::path>& built_from = std::nullopt);

// The user's Parley data folder (XDG): $XDG_DATA_HOME/parley when that is absolute, else
// $HOME/.local/share/parley; nothing when neither is set.
std::optional<std::filesystem::path> user_data_dir();

// What default_content_root looks at, read from the process (environment, current directory,
// /proc/self/exe) by process_content_places; search_content_root is the search itself, so a
// test can stand in for an installed program.
struct ContentPlaces {
    std::optional<std::filesystem::path> env_content;      // $PARLEY_CONTENT
    std::optional<std::filesystem::path> user_scenarios;   // user_data_dir()/scenarios
    std::optional<std::filesystem::path> cwd;
    std::optional<std::filesystem::path> exe;              // the program's own file
    std::optional<std::filesystem::path> built_from;
};
ContentPlaces process_content_places(const std::optional<std::filesystem::path>& built_from = std::nullopt);
std::optional<std::filesystem::path> search_content_root(const ContentPlaces& places);

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

// parse_scenario_draft on a text whose JSON tree the caller has already: `document` must be the
// value `text` parses to (the text locates the diagnostics). For a tool that changes a text a
// piece at a time and keeps its tree (the editor's validator parses only the nodes an edit
// changed, not 2,000 that stayed). Problems only a parse finds (invalid JSON, a key given twice)
// are not looked for: it is meant for text the writer wrote.
ScenarioDraft read_scenario_document(const nlohmann::json& document, std::string_view text, const std::string& file,
                                     const CompetencyModel& model, const std::map<std::string, Persona>& personas,
                                     Diagnostics& diags);

// Whether `id` is an id as the format defines it (^[a-z0-9][a-z0-9_-]*$): for tools that make
// ids (the editor's renames) and must not write one the loader would refuse.
bool valid_id(std::string_view id);

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
