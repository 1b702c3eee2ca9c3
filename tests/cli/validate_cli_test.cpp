// parley-cli validate: exit codes and located diagnostics, run as a user runs it.
#include <regex>
#include <string>

#include <catch2/catch.hpp>

#include "cli/cli_support.h"

using namespace parley::test;

namespace {

// 1-based line of the first occurrence of `needle` in `text`.
int line_of(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    REQUIRE(at != std::string::npos);
    int line = 1;
    for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n';
    return line;
}

}  // namespace

TEST_CASE("validate accepts good content with exit code 0", "[cli]") {
    TempDir dir;
    write_fixture_content(dir.path());

    const auto run = run_cli({"validate", dir.path().string()});

    INFO(run.out << run.err);
    CHECK(run.exit == 0);
    CHECK(run.out.find(" 0 errors") != std::string::npos);
    CHECK(run.out.find("error:") == std::string::npos);
}

TEST_CASE("validate names the file, line and column of a broken reference and exits 1", "[cli]") {
    TempDir dir;
    write_fixture_content(dir.path());
    const std::string text = replaced(scenario_json(), R"("next": "probe"})", R"("next": "nowhere"})");
    const auto file = dir / "library/fixture-visit.json";
    write_file(file, text);

    const auto run = run_cli({"validate", file.string()});

    INFO(run.out << run.err);
    CHECK(run.exit == 1);
    const std::string expected = "fixture-visit.json:" + std::to_string(line_of(text, "\"nowhere\"")) + ":";
    CHECK(run.out.find(expected) != std::string::npos);
    CHECK(std::regex_search(run.out, std::regex(R"(fixture-visit\.json:\d+:[1-9]\d*: error: .*nowhere)")));
    CHECK(run.out.find("1 error") != std::string::npos);
}

TEST_CASE("validate locates a JSON syntax error in a folder it walks", "[cli]") {
    TempDir dir;
    write_fixture_content(dir.path());
    write_file(dir / "personas/broken.json", "{\"kind\": \"persona\",\n  \"format\": 1\n  \"id\": \"broken\"}\n");

    const auto run = run_cli({"validate", dir.path().string()});

    INFO(run.out << run.err);
    CHECK(run.exit == 1);
    CHECK(std::regex_search(run.out, std::regex(R"(broken\.json:3:\d+: error: )")));
}

TEST_CASE("validate reports every error of a file in one pass", "[cli]") {
    TempDir dir;
    write_fixture_content(dir.path());
    std::string text = scenario_json();
    for (const std::string good : {R"("next": "probe"})", R"("next": "present"})"}) {
        const auto at = text.find(good);
        text.replace(at, good.size(), R"("next": "missing_node"})");
    }
    const auto file = dir / "library/fixture-visit.json";
    write_file(file, text);

    const auto run = run_cli({"validate", file.string()});

    INFO(run.out);
    CHECK(run.exit == 1);
    std::size_t located = 0;
    const std::regex located_error(R"(fixture-visit\.json:\d+:\d+: error: .*missing_node)");
    for (auto it = std::sregex_iterator(run.out.begin(), run.out.end(), located_error); it != std::sregex_iterator(); ++it)
        ++located;
    CHECK(located >= 2);
}

TEST_CASE("usage errors exit with code 2", "[cli]") {
    TempDir dir;

    SECTION("a path that does not exist") {
        const auto run = run_cli({"validate", (dir / "no-such-folder").string()});
        CHECK(run.exit == 2);
        CHECK(run.err.find("no-such-folder") != std::string::npos);
    }
    SECTION("no path at all") { CHECK(run_cli({"validate"}).exit == 2); }
    SECTION("no subcommand") { CHECK(run_cli({}).exit == 2); }
    SECTION("an unknown subcommand") { CHECK(run_cli({"frobnicate"}).exit == 2); }
    SECTION("an unknown option") { CHECK(run_cli({"validate", "--frobnicate", dir.path().string()}).exit == 2); }
    SECTION("a difficulty that does not exist") {
        const auto scenario = write_fixture_content(dir.path());
        CHECK(run_cli({"play", scenario.string(), "--difficulty", "impossible"}).exit == 2);
    }
    SECTION("a transcript that does not exist") {
        CHECK(run_cli({"replay", (dir / "missing.json").string()}).exit == 2);
    }
}

TEST_CASE("help is not an error", "[cli]") {
    const auto run = run_cli({"--help"});
    CHECK(run.exit == 0);
    for (const char* sub : {"validate", "play", "replay"}) CHECK(run.out.find(sub) != std::string::npos);
}

TEST_CASE("the shipped scenarios folder validates with exit code 0, no error and no warning", "[cli]") {
    const auto run = run_cli({"validate", std::string(PARLEY_SOURCE_DIR) + "/scenarios"});

    INFO(run.out << run.err);
    CHECK(run.exit == 0);
    CHECK(run.out.find(" 0 errors, 0 warnings") != std::string::npos);
}

TEST_CASE("validate plays a scenario out and reports a soft-lock at the node's line, exit 1", "[cli]") {
    // Every reference resolves, so only playing the scenario finds that the side door from the
    // opening leads to a beat whose one option needs a need nobody has discovered yet.
    TempDir dir;
    write_fixture_content(dir.path());
    std::string text = replaced(scenario_json(), R"("next": "probe"})", R"("next": "stuck"})");
    const std::string last_node = R"(    {"id": "end_deal",)";
    text.insert(text.find(last_node), R"(    {"id": "stuck", "stage": "probing",
     "line": {"zh": "嗯……", "en": "Hmm…"},
     "options": [
       {"id": "wait", "text": {"zh": "等一等。", "en": "Wait."}, "if": {"need": "cash_flow"},
        "feedback": {"zh": "等待。", "en": "Waiting."}, "next": "present"}
     ]},
)");
    const auto file = dir / "library/fixture-visit.json";
    write_file(file, text);

    const auto run = run_cli({"validate", file.string()});

    INFO(run.out << run.err);
    CHECK(run.exit == 1);
    const std::string at = "fixture-visit.json:" + std::to_string(line_of(text, R"({"id": "stuck")")) + ":";
    CHECK(run.out.find(at) != std::string::npos);
    CHECK(std::regex_search(run.out, std::regex(R"(error: soft-lock with persona 'steady': at node 'stuck')")));
    CHECK(std::regex_search(run.out, std::regex(R"(error: soft-lock with persona 'driver': at node 'stuck')")));
}
