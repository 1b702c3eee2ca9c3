// The validator's analysis check: what the analysis finds in a scenario that loads is reported at
// the node, with the line and column editors jump to. (check_soundness_located is what
// validate_paths, so `parley-cli validate`, calls for each scenario that loads without errors.)
#include <algorithm>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "analysis_validate.h"
#include "cli/cli_support.h"
#include "parley/loader.h"

using namespace parley;
using namespace parley::test;
using nlohmann::json;

namespace {

// The fixture scenario with a side door from the opening into a beat whose only option needs a
// need the trainee cannot have discovered yet: a soft-lock the schema and the graph checks
// cannot see.
std::string scenario_with_softlock() {
    json s = json::parse(scenario_json());
    json wander = s["nodes"][0]["options"][1];
    wander["id"] = "wander";
    wander["next"] = "stuck";
    s["nodes"][0]["options"].push_back(wander);
    json wait = s["nodes"][1]["options"][0];
    wait["id"] = "wait";
    wait["if"] = {{"need", "cash_flow"}};
    wait["next"] = "present";
    s["nodes"].push_back({{"id", "stuck"},
                          {"stage", "probing"},
                          {"line", {{"zh", "嗯……"}, {"en", "Hmm…"}}},
                          {"options", {wait}}});
    return s.dump(2);
}

// The fixture scenario with a way out at the opening that needs a need no one has discovered
// yet at the opening: its ending is designed (an option leads there) but never reached.
std::string scenario_with_dead_ending() {
    json s = json::parse(scenario_json());
    json leave = s["nodes"][0]["options"][1];
    leave["id"] = "leave_early";
    leave["if"] = {{"need", "cash_flow"}};
    leave["next"] = "end_early";
    s["nodes"][0]["options"].push_back(leave);
    s["nodes"].push_back({{"id", "end_early"},
                          {"stage", "ending"},
                          {"outcome", "no_deal"},
                          {"outcome_score", 10},
                          {"line", {{"zh", "下次再说吧。"}, {"en", "Another time."}}},
                          {"summary", {{"zh", "会谈提前结束。"}, {"en", "The meeting ended early."}}}});
    return s.dump(2);
}

// The personas named by located diagnostics of this severity saying the ending at `pointer`
// can never be reached, sorted.
std::vector<std::string> personas_unable_to_reach(const Diagnostics& diags, Severity severity,
                                                  const std::string& pointer, const std::string& ending) {
    const std::string words = "ending '" + ending + "' can never be reached with persona '";
    std::vector<std::string> personas;
    for (const auto& d : diags.items) {
        const auto at = d.message.find(words);
        if (d.severity != severity || d.pointer != pointer || d.line <= 0 || at == std::string::npos) continue;
        const auto from = at + words.size();
        personas.push_back(d.message.substr(from, d.message.find('\'', from) - from));
    }
    std::sort(personas.begin(), personas.end());
    return personas;
}

}  // namespace

// Loads the scenario file with its content root and runs the validator's analysis check.
Diagnostics check_file(const fs::path& file) {
    Diagnostics diags;
    const auto loaded = load_scenario_file(file, diags);
    REQUIRE(loaded);
    check_soundness_located(loaded->content->model, loaded->content->personas, loaded->scenario,
                            read_file(file), diags);
    return diags;
}

TEST_CASE("the validator's analysis reports a soft-lock as an error at the node's line",
          "[analysis][loader]") {
    TempDir dir;
    const auto file = write_fixture_content(dir.path());
    write_file(file, scenario_with_softlock());
    const Diagnostics diags = check_file(file);
    const Diagnostic* found = nullptr;
    for (const auto& d : diags.items)
        if (d.severity == Severity::Error && d.message.find("soft-lock") != std::string::npos) found = &d;
    REQUIRE(found);
    CHECK(found->pointer == "/nodes/7");
    CHECK_THAT(found->message, Catch::Contains("node 'stuck'"));
    CHECK_THAT(found->message, Catch::Contains("choices 3"));
    CHECK(found->file == file.string());
    // The line of the node object in the file as written (indent 2: each node starts with "{").
    const std::string text = read_file(file);
    const auto at = text.find("\"id\": \"stuck\"");
    REQUIRE(at != std::string::npos);
    const int id_line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
    CHECK(found->line > 0);
    CHECK(found->line <= id_line);
    CHECK(found->line >= id_line - 1);
}

TEST_CASE("the validator's analysis reports a designed ending no persona can reach as an error at its line",
          "[analysis][loader]") {
    TempDir dir;
    const auto file = write_fixture_content(dir.path());
    write_file(file, scenario_with_dead_ending());
    const Diagnostics diags = check_file(file);
    CHECK(personas_unable_to_reach(diags, Severity::Error, "/nodes/7", "end_early") ==
          std::vector<std::string>{"driver", "steady"});
}

TEST_CASE("the validator's analysis warns, at the ending, about a safety-net ending that is never needed",
          "[analysis][loader]") {
    // The fixture's end_left (patience_out and the negotiation's on_client_quit) is reached by
    // neither persona: the negotiation always ends before the client's patience does. A
    // well-paced scenario may never need it, so it is a warning, not an error.
    TempDir dir;
    const auto file = write_fixture_content(dir.path());
    const Diagnostics diags = check_file(file);
    CHECK(diags.errors() == 0);
    CHECK(personas_unable_to_reach(diags, Severity::Warning, "/nodes/6", "end_left") ==
          std::vector<std::string>{"driver", "steady"});
    for (const auto& d : diags.items) CHECK(d.message.find("soft-lock") == std::string::npos);
}
