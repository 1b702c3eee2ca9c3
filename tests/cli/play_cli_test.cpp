// parley-cli play: scripted (--choices) and interactive runs, the JSON debrief, bad decisions.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"

using namespace parley::test;
using nlohmann::json;

namespace {

// Agenda, open question, benefit, prepare the lists, walk away.
const char* kGoodChoices = "1,1,1,prep:concede=fee;hold=rate,walk";

json parse_stdout(const CliRun& run) {
    INFO("stdout: " << run.out << "\nstderr: " << run.err);
    REQUIRE(run.exit == 0);
    REQUIRE(json::accept(run.out));
    return json::parse(run.out);
}

}  // namespace

TEST_CASE("play --choices --json prints the debrief as JSON and nothing else", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());

    const auto run = run_cli({"play", scenario.string(), "--seed", "7", "--lang", "en", "--choices", kGoodChoices,
                              "--json"});
    const json j = parse_stdout(run);

    CHECK(j.at("scenario") == "fixture-visit");
    CHECK(j.at("persona") == "steady");   // the scenario's first persona
    CHECK(j.at("seed") == 7);
    CHECK(j.at("outcome").is_string());
    const json& score = j.at("score");
    CHECK(score.at("total").get<int>() >= 0);
    CHECK(score.at("total").get<int>() <= 100);
    CHECK(score.at("stars").get<int>() >= 0);
    CHECK(score.at("stars").get<int>() <= 3);
    CHECK(score.contains("tier"));
    CHECK(score.at("competencies").contains("A"));
    CHECK(score.at("competencies").contains("C"));
    CHECK(j.at("violations").empty());
    const json& decisions = j.at("decisions");
    REQUIRE(decisions.size() == 5);
    CHECK(decisions[0].at("option") == "agenda");
    CHECK(decisions[0].at("feedback") == "Setting an agenda first respects the client's time.");
    CHECK(decisions[1].at("option") == "ask_open");
    CHECK(decisions[1].at("feedback") == "An open question lets the client state the need.");
}

TEST_CASE("play --json reports a critical compliance violation and caps the score", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());

    const auto run = run_cli({"play", scenario.string(), "--lang", "en", "--choices",
                              "1,1,2,prep:concede=fee;hold=rate,walk", "--json"});
    const json j = parse_stdout(run);

    REQUIRE(j.at("violations").size() == 1);
    CHECK(j.at("violations")[0].dump().find("guaranteed_return") != std::string::npos);
    CHECK(j.at("score").at("total").get<int>() <= 40);
}

TEST_CASE("play uses the persona, seed and difficulty it is given", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());

    const auto run = run_cli({"play", scenario.string(), "--persona", "driver", "--seed", "99", "--difficulty",
                              "hard", "--choices", kGoodChoices, "--json"});
    const json j = parse_stdout(run);

    CHECK(j.at("persona") == "driver");
    CHECK(j.at("seed") == 99);
    CHECK(j.at("difficulty") == "hard");
}

TEST_CASE("play refuses a persona the scenario is not written for", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());

    const auto run = run_cli({"play", scenario.string(), "--persona", "nobody", "--choices", "1"});

    CHECK(run.exit == 2);
    CHECK(run.err.find("nobody") != std::string::npos);
    CHECK(run.err.find("steady, driver") != std::string::npos);
}

TEST_CASE("play --choices stops at an invalid decision, naming it and why", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());

    SECTION("an option number that is not offered") {
        const auto run = run_cli({"play", scenario.string(), "--choices", "1,9", "--json"});
        CHECK(run.exit == 1);
        CHECK(run.out.empty());
        CHECK(run.err.find("decision 2 '9': ") != std::string::npos);
    }
    SECTION("a negotiation move naming an unknown issue") {
        const auto run = run_cli({"play", scenario.string(), "--choices", "1,1,1,prep:concede=nope;hold=rate"});
        CHECK(run.exit == 1);
        CHECK(run.err.find("decision 4 'prep:concede=nope;hold=rate': ") != std::string::npos);
    }
    SECTION("a decision after the meeting has finished") {
        const auto run = run_cli({"play", scenario.string(), "--choices", std::string(kGoodChoices) + ",1"});
        CHECK(run.exit == 1);
        CHECK(run.err.find("decision 6 '1': ") != std::string::npos);
    }
}

TEST_CASE("play --choices that end before the meeting does exit 1 and say so", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());

    const auto run = run_cli({"play", scenario.string(), "--choices", "1,1"});

    CHECK(run.exit == 1);
    CHECK(run.err.find("before the meeting finished") != std::string::npos);
}

TEST_CASE("play without --json shows the beats and the debrief in the chosen language", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());

    SECTION("English") {
        const auto run = run_cli({"play", scenario.string(), "--lang", "en", "--choices", kGoodChoices});
        INFO(run.out << run.err);
        CHECK(run.exit == 0);
        CHECK(run.out.find("Hello, have a seat.") != std::string::npos);
        CHECK(run.out.find("1. Set out today's agenda.") != std::string::npos);
        CHECK(run.out.find("Debrief") != std::string::npos);
        CHECK(run.out.find("Setting an agenda first respects the client's time.") != std::string::npos);
    }
    SECTION("Chinese") {
        const auto run = run_cli({"play", scenario.string(), "--lang", "zh", "--choices", kGoodChoices});
        INFO(run.out << run.err);
        CHECK(run.exit == 0);
        CHECK(run.out.find("你好,请坐。") != std::string::npos);
        CHECK(run.out.find("复盘") != std::string::npos);
        CHECK(run.out.find("先说明议程,尊重客户的时间。") != std::string::npos);
    }
}

TEST_CASE("interactive play fed through stdin re-prompts on bad input and reaches the debrief", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());
    const std::string input = "abc\n9\n1\n\n1\n1\nhelp\nbogus\nprep:concede=fee;hold=rate\nwalk\n";

    const auto run = run_cli({"play", scenario.string(), "--lang", "en"}, input);

    INFO(run.out << run.err);
    CHECK(run.exit == 0);
    CHECK(run.out.find("Please type a number from 1 to 2.") != std::string::npos);
    CHECK(run.out.find("prep:concede=") != std::string::npos);   // the move syntax, from help
    CHECK(run.out.find("Debrief") != std::string::npos);
    CHECK(run.out.find("An open question lets the client state the need.") != std::string::npos);
}

TEST_CASE("interactive play ends cleanly when the input ends before the meeting", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());

    const auto run = run_cli({"play", scenario.string(), "--lang", "en"}, "1\n");

    CHECK(run.exit == 1);
    CHECK(run.err.find("input ended before the meeting finished") != std::string::npos);
}

TEST_CASE("play reports content errors with their location and exits 1", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());
    write_file(scenario, replaced(scenario_json(), "\"start\": \"open\"", "\"start\": \"nowhere\""));

    const auto run = run_cli({"play", scenario.string(), "--choices", "1"});

    CHECK(run.exit == 1);
    CHECK(run.err.find("fixture-visit.json:") != std::string::npos);
    CHECK(run.err.find("error:") != std::string::npos);
}
