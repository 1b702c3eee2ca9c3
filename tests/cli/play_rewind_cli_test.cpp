// parley-cli play --from TRANSCRIPT --at N: a recorded run resumed at decision N (rewind.h).
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"

using namespace parley::test;
using nlohmann::json;

namespace {

// Agenda, open question, a guaranteed return (a critical red line), the lists, walk away.
const char* kViolatingChoices = "1,1,2,prep:concede=fee;hold=rate,walk";

json json_of(const CliRun& run) {
    INFO("stdout: " << run.out << "\nstderr: " << run.err);
    REQUIRE(run.exit == 0);
    REQUIRE(json::accept(run.out));
    return json::parse(run.out);
}

}  // namespace

TEST_CASE("play --from --at resumes a recorded run at decision N and shows both totals", "[cli][rewind]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());
    const auto recorded = dir / "run.json";
    const json original = json_of(run_cli({"play", scenario.string(), "--seed", "5", "--persona", "driver", "--lang", "en",
                                           "--choices", kViolatingChoices, "--transcript-out", recorded.string(), "--json"}));
    REQUIRE(original.at("violations").size() == 1);

    SECTION("the better choice at decision 3") {
        const auto rewound = dir / "rewound.json";
        const json j = json_of(run_cli({"play", "--from", recorded.string(), "--at", "3", "--content", dir.path().string(),
                                        "--lang", "en", "--choices", "1,prep:concede=fee;hold=rate,walk",
                                        "--transcript-out", rewound.string(), "--json"}));
        // Same scenario, persona, seed; the first two decisions replayed.
        CHECK(j.at("persona") == "driver");
        CHECK(j.at("seed") == 5);
        REQUIRE(j.at("decisions").size() == 5);
        CHECK(j.at("decisions")[0].at("option") == "agenda");
        CHECK(j.at("decisions")[1].at("option") == "ask_open");
        CHECK(j.at("violations").empty());
        const json& r = j.at("rewound");
        CHECK(r.at("at") == 3);
        CHECK(r.at("practice") == true);
        CHECK(r.at("original").at("total") == original.at("score").at("total"));
        CHECK(r.at("total") == j.at("score").at("total"));
        CHECK(r.at("total").get<int>() > r.at("original").at("total").get<int>());
        // Its transcript is marked, and replays to the same total.
        const json t = json::parse(read_file(rewound));
        CHECK(t.at("rewound").at("at") == 3);
        CHECK(t.at("rewound").at("original") == json::array({"1", "1", "2", "prep:concede=fee;hold=rate", "walk"}));
        const json replayed = json_of(run_cli({"replay", rewound.string(), "--content", dir.path().string(), "--json"}));
        CHECK(replayed.at("score").at("total") == j.at("score").at("total"));
    }
    SECTION("the same remaining decisions give the original result") {
        const json j = json_of(run_cli({"play", "--from", recorded.string(), "--at", "2", "--content", dir.path().string(),
                                        "--lang", "en", "--choices", "1,2,prep:concede=fee;hold=rate,walk", "--json"}));
        json same = j;
        same.erase("rewound");
        CHECK(same == original);
    }
    SECTION("shown as text, in Chinese") {
        const auto run = run_cli({"play", "--from", recorded.string(), "--at", "3", "--content", dir.path().string(),
                                  "--choices", "1,prep:concede=fee;hold=rate,walk"});
        INFO(run.out << run.err);
        CHECK(run.exit == 0);
        CHECK(run.out.find("从第 3 个决定继续") != std::string::npos);
        CHECK(run.out.find("重来的练习(从第 3 个决定):本次 ") != std::string::npos);
    }
}

TEST_CASE("play --from refuses a decision number outside the run and arguments it does not take", "[cli][rewind]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());
    const auto recorded = dir / "run.json";
    REQUIRE(run_cli({"play", scenario.string(), "--choices", kViolatingChoices, "--transcript-out", recorded.string()}).exit == 0);
    const std::string content = dir.path().string();

    const auto beyond = run_cli({"play", "--from", recorded.string(), "--at", "6", "--content", content, "--choices", "1"});
    CHECK(beyond.exit == 1);
    CHECK(beyond.err.find("cannot rewind to decision 6: the run has 5 decisions (1 … 5)") != std::string::npos);

    CHECK(run_cli({"play", "--from", recorded.string(), "--content", content}).exit == 2);        // no --at
    CHECK(run_cli({"play", scenario.string(), "--at", "2"}).exit == 2);                            // --at without --from
    CHECK(run_cli({"play", scenario.string(), "--from", recorded.string(), "--at", "2"}).exit == 2);
    CHECK(run_cli({"play", "--from", recorded.string(), "--at", "2", "--seed", "3"}).exit == 2);
    const auto nothing = run_cli({"play"});
    CHECK(nothing.exit == 2);
    CHECK(nothing.err.find("--from TRANSCRIPT --at N") != std::string::npos);
}
