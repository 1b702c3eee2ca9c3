// parley-cli replay: a recorded run gives the same debrief; other content is refused.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"

using namespace parley::test;
using nlohmann::json;

namespace {

const char* kChoices = "1,2,1,prep:concede=fee;hold=rate,offer:rate=5.40;fee=0.60,walk";

}  // namespace

TEST_CASE("a transcript written by play replays to the identical JSON debrief", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());
    const auto transcript = dir / "run.json";

    const auto played = run_cli({"play", scenario.string(), "--seed", "42", "--choices", kChoices,
                                 "--transcript-out", transcript.string(), "--json"});
    INFO(played.out << played.err);
    REQUIRE(played.exit == 0);
    const json recorded = json::parse(read_file(transcript));
    CHECK(recorded.at("scenario") == "fixture-visit");
    CHECK(recorded.at("seed") == 42);
    CHECK(recorded.at("decisions").size() == 6);

    const auto replayed = run_cli({"replay", transcript.string(), "--content", dir.path().string(), "--json"});
    INFO(replayed.err);
    REQUIRE(replayed.exit == 0);
    CHECK(json::parse(replayed.out) == json::parse(played.out));
}

TEST_CASE("replay finds the content folder above the current directory", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());
    const auto transcript = dir / "run.json";
    REQUIRE(run_cli({"play", scenario.string(), "--choices", kChoices, "--transcript-out", transcript.string(),
                     "--json"}).exit == 0);

    const auto run = run_cli({"replay", transcript.string(), "--lang", "en"}, "", dir / "library");

    INFO(run.out << run.err);
    CHECK(run.exit == 0);
    CHECK(run.out.find("Debrief") != std::string::npos);
    CHECK(run.out.find(dir.path().string()) != std::string::npos);   // which content it used
}

TEST_CASE("replay refuses a transcript recorded against a different version of the content", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());
    const auto transcript = dir / "run.json";
    REQUIRE(run_cli({"play", scenario.string(), "--choices", kChoices, "--transcript-out", transcript.string(),
                     "--json"}).exit == 0);
    // A number that can change the result: the content hash changes.
    write_file(scenario, replaced(scenario_json(), R"("effects": {"trust": 5, "set_flags")",
                                  R"("effects": {"trust": 6, "set_flags")"));

    const auto run = run_cli({"replay", transcript.string(), "--content", dir.path().string(), "--json"});

    CHECK(run.exit == 1);
    CHECK(run.out.empty());
    CHECK(run.err.find("different version") != std::string::npos);
}

TEST_CASE("replay accepts a transcript after the feedback was reworded, and shows the new words", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());
    const auto transcript = dir / "run.json";
    const auto played = run_cli({"play", scenario.string(), "--choices", kChoices, "--transcript-out",
                                 transcript.string(), "--json", "--lang", "en"});
    REQUIRE(played.exit == 0);
    // Wording is not in the content hash: a trainer fixing a typo invalidates no run.
    write_file(scenario, scenario_json("An agenda shows respect for the client's time."));

    const auto run = run_cli({"replay", transcript.string(), "--content", dir.path().string(), "--json",
                              "--lang", "en"});

    INFO(run.err);
    REQUIRE(run.exit == 0);
    const json before = json::parse(played.out), after = json::parse(run.out);
    CHECK(after.at("score") == before.at("score"));
    CHECK(after.at("decisions").at(0).at("feedback") == "An agenda shows respect for the client's time.");
}

TEST_CASE("replay refuses a transcript whose decisions do not fit the scenario", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());
    const auto transcript = dir / "run.json";
    REQUIRE(run_cli({"play", scenario.string(), "--choices", kChoices, "--transcript-out", transcript.string(),
                     "--json"}).exit == 0);
    json t = json::parse(read_file(transcript));
    t["decisions"][1] = "7";
    write_file(transcript, t.dump(2));

    const auto run = run_cli({"replay", transcript.string(), "--content", dir.path().string()});

    CHECK(run.exit == 1);
    CHECK(run.err.find("decision 2 '7'") != std::string::npos);
}

TEST_CASE("replay reports a file that is not a transcript and exits 1", "[cli]") {
    TempDir dir;
    write_fixture_content(dir.path());
    write_file(dir / "not-a-transcript.json", "{\"kind\": \"transcript\", \"format\": 1,\n  \"seed\": \"many\"}\n");

    const auto run = run_cli({"replay", (dir / "not-a-transcript.json").string(), "--content", dir.path().string()});

    CHECK(run.exit == 1);
    CHECK(run.err.find("not-a-transcript.json") != std::string::npos);
}
