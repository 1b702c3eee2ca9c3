// `parley-cli coverage`: which scenarios exercise each catalogue item, computed from the
// content; and the table in scenarios/README.md is exactly its --markdown output.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"

using namespace parley::test;
using nlohmann::json;

namespace {

const json& catalogue(const json& out, const std::string& id) {
    for (const auto& c : out["catalogues"])
        if (c["id"] == id) return c;
    FAIL("no catalogue " << id);
    static const json none;
    return none;
}

std::vector<std::string> users(const json& cat, const std::string& item) {
    for (const auto& i : cat["items"])
        if (i["id"] == item) return i["scenarios"].get<std::vector<std::string>>();
    FAIL("no item " << item);
    return {};
}

}  // namespace

TEST_CASE("coverage --json lists each catalogue item with the scenarios that exercise it",
          "[cli][coverage]") {
    TempDir dir;
    write_fixture_content(dir.path());
    const CliRun run = run_cli({"coverage", dir.path().string(), "--json"});
    INFO(run.err);
    REQUIRE(run.exit == 0);
    const json out = json::parse(run.out);
    CHECK(out["scenarios"] == json::array({"fixture-visit"}));
    const json& personas = catalogue(out, "personas");
    CHECK(personas["total"] == 2);
    CHECK(users(personas, "steady") == std::vector<std::string>{"fixture-visit"});
    const json& moments = catalogue(out, "entry_moments");
    CHECK(moments["total"] == 12);
    CHECK(moments["used"] == 1);
    const json& red = catalogue(out, "red_lines");
    CHECK(users(red, "guaranteed_return") == std::vector<std::string>{"fixture-visit"});
    CHECK(users(red, "private_settlement").empty());   // a gap: no scenario uses it
    CHECK(users(catalogue(out, "competencies"), "I") == std::vector<std::string>{"fixture-visit"});
    CHECK(catalogue(out, "3r_results")["used"] == 0);
    for (const char* id : {"personas", "entry_moments", "objection_methods", "closing_strategies", "red_lines",
                           "duties", "competencies", "stages", "outcomes", "3r_results"})
        CHECK(catalogue(out, id)["items"].size() > 0);
}

TEST_CASE("coverage marks the items no scenario uses", "[cli][coverage]") {
    TempDir dir;
    write_fixture_content(dir.path());
    const CliRun text = run_cli({"coverage", dir.path().string()});
    REQUIRE(text.exit == 0);
    CHECK(text.out.find("  - private_settlement") != std::string::npos);
    CHECK(text.out.find("not used") != std::string::npos);
    const CliRun md = run_cli({"coverage", dir.path().string(), "--markdown"});
    REQUIRE(md.exit == 0);
    CHECK(md.out.find("`private_settlement`") != std::string::npos);
}

TEST_CASE("coverage of content that does not load fails with its errors", "[cli][coverage]") {
    TempDir dir;
    write_fixture_content(dir.path());
    write_file(dir.path() / "competencies.json", "{ not json");
    const CliRun run = run_cli({"coverage", dir.path().string()});
    CHECK(run.exit == 1);
    CHECK(run.err.find("competencies.json") != std::string::npos);
}

TEST_CASE("the coverage table in scenarios/README.md is the coverage command's output",
          "[cli][coverage]") {
    const CliRun run = run_cli({"coverage", PARLEY_SOURCE_DIR "/scenarios", "--markdown"});
    REQUIRE(run.exit == 0);
    const std::string readme = read_file(fs::path(PARLEY_SOURCE_DIR) / "scenarios" / "README.md");
    const std::string begin = "<!-- coverage:begin (parley-cli coverage --markdown scenarios) -->\n";
    const std::string end = "<!-- coverage:end -->";
    const auto from = readme.find(begin);
    const auto to = readme.find(end);
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    const std::string table = readme.substr(from + begin.size(), to - from - begin.size());
    INFO("regenerate the table with: parley-cli coverage --markdown scenarios");
    CHECK(table == "\n" + run.out + "\n");
}

// Scenario library II's promise: the shipped library exercises every item of every catalogue
// of the training material (a new catalogue item, or a scenario cut, shows here first).
TEST_CASE("the shipped library covers every item of every catalogue", "[cli][coverage][content]") {
    const CliRun run = run_cli({"coverage", PARLEY_SOURCE_DIR "/scenarios", "--json"});
    INFO(run.err);
    REQUIRE(run.exit == 0);
    const json out = json::parse(run.out);
    REQUIRE(out["catalogues"].size() >= 10);
    for (const auto& c : out["catalogues"]) {
        INFO("catalogue " << c["id"].get<std::string>());
        for (const auto& item : c["items"]) {
            INFO("item " << item["id"].get<std::string>());
            CHECK_FALSE(item["scenarios"].empty());
        }
        CHECK(c["used"] == c["total"]);
    }
}
