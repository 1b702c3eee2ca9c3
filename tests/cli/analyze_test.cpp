// End-to-end tests of `parley-cli analyze`: the JSON an author's tools read, the exit codes,
// and best paths that `play --choices` replays to the same result.
#include <algorithm>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"

using namespace parley::test;
using nlohmann::json;

namespace {

std::string joined(const json& choices) {
    std::string out;
    for (const auto& c : choices) out += (out.empty() ? "" : ",") + c.get<std::string>();
    return out;
}

bool sound(const json& a) {
    if (!a["complete"].get<bool>() || !a["softlocks"].empty() || a["best"].is_null()) return false;
    for (const auto& e : a["endings"])
        if (!e["reachable"].get<bool>()) return false;
    return true;
}

// The fixture scenario with an extra ending behind an option whose condition never holds
// where it is offered (the agenda is set by the opening itself).
std::string scenario_with_locked_ending() {
    json s = json::parse(scenario_json());
    json secret = s["nodes"][0]["options"][0];
    secret["id"] = "secret";
    secret["if"] = {{"flag", "agenda_set"}};
    secret["next"] = "end_secret";
    s["nodes"][0]["options"].push_back(secret);
    s["nodes"].push_back({{"id", "end_secret"},
                          {"stage", "ending"},
                          {"outcome", "deal"},
                          {"outcome_score", 100},
                          {"line", {{"zh", "成交。"}, {"en", "Deal."}}},
                          {"summary", {{"zh", "秘密结局。"}, {"en", "A secret ending."}}}});
    return s.dump(2);
}

}  // namespace

TEST_CASE("analyze --json reports each persona with its states, endings, soft-locks, best and worst",
          "[cli][analysis]") {
    TempDir dir;
    const auto file = write_fixture_content(dir.path());
    const CliRun run = run_cli({"analyze", file.string(), "--json"});
    INFO(run.err);
    const json out = json::parse(run.out);
    CHECK(out["scenario"] == "fixture-visit");
    CHECK(out["seed"] == 1);
    CHECK(out["difficulty"] == "normal");
    REQUIRE(out["personas"].size() == 1);
    const json& a = out["personas"][0];
    CHECK(a["persona"] == "steady");   // the scenario's first persona by default
    CHECK(a["states"].get<int>() > 0);
    for (const char* key : {"reachable_nodes", "unreachable_nodes", "endings", "softlocks"})
        CHECK(a[key].is_array());
    CHECK(a["endings"].size() == 3);
    for (const auto& e : a["endings"]) {
        CHECK(e["id"].is_string());
        CHECK(e["reachable"].is_boolean());
    }
    for (const char* which : {"best", "worst"}) {
        INFO(which);
        REQUIRE(a[which].is_object());
        for (const char* key : {"total", "stars", "outcome", "choices"}) CHECK(a[which].contains(key));
        CHECK(a[which]["choices"].is_array());
    }
    CHECK(a["best"]["total"].get<int>() >= a["worst"]["total"].get<int>());
    CHECK(run.exit == (sound(a) ? 0 : 1));
}

TEST_CASE("the best and worst paths analyze reports replay with play --choices to the same total",
          "[cli][analysis]") {
    TempDir dir;
    const auto file = write_fixture_content(dir.path());
    const CliRun run = run_cli({"analyze", file.string(), "--persona", "driver", "--json"});
    INFO(run.err);
    const json a = json::parse(run.out)["personas"][0];
    CHECK(a["persona"] == "driver");
    for (const char* which : {"best", "worst"}) {
        INFO(which);
        const CliRun played = run_cli({"play", file.string(), "--persona", "driver", "--choices",
                                       joined(a[which]["choices"]), "--json"});
        INFO(played.err);
        REQUIRE(played.exit == 0);
        const json d = json::parse(played.out);
        CHECK(d["score"]["total"] == a[which]["total"]);
        CHECK(d["score"]["stars"] == a[which]["stars"]);
        CHECK(d["outcome"] == a[which]["outcome"]);
    }
}

TEST_CASE("analyze --all-personas analyses every persona of the scenario", "[cli][analysis]") {
    TempDir dir;
    const auto file = write_fixture_content(dir.path());
    const CliRun run = run_cli({"analyze", file.string(), "--all-personas", "--json"});
    INFO(run.err);
    const json out = json::parse(run.out);
    REQUIRE(out["personas"].size() == 2);
    CHECK(out["personas"][0]["persona"] == "steady");
    CHECK(out["personas"][1]["persona"] == "driver");
}

TEST_CASE("analyze fails with exit code 1 when an ending can never be reached", "[cli][analysis]") {
    TempDir dir;
    write_fixture_content(dir.path());
    write_file(dir / "library" / "fixture-visit.json", scenario_with_locked_ending());
    const CliRun run =
        run_cli({"analyze", (dir / "library" / "fixture-visit.json").string(), "--json"});
    INFO(run.err);
    CHECK(run.exit == 1);
    const json a = json::parse(run.out)["personas"][0];
    bool secret_unreachable = false;
    for (const auto& e : a["endings"])
        if (e["id"] == "end_secret") secret_unreachable = !e["reachable"].get<bool>();
    CHECK(secret_unreachable);
    CHECK(std::find(a["unreachable_nodes"].begin(), a["unreachable_nodes"].end(), "end_secret") !=
          a["unreachable_nodes"].end());
}

TEST_CASE("analyze stops at its state bound with a clear message and exit code 1", "[cli][analysis]") {
    TempDir dir;
    const auto file = write_fixture_content(dir.path());
    const CliRun run = run_cli({"analyze", file.string(), "--max-states", "5", "--json"});
    CHECK(run.exit == 1);
    CHECK_THAT(run.err, Catch::Contains("limit 5"));
    const json a = json::parse(run.out)["personas"][0];
    CHECK(a["complete"] == false);
    CHECK(a["states"].get<int>() <= 5);
}

TEST_CASE("analyze prints a readable report with the choices to replay", "[cli][analysis]") {
    TempDir dir;
    const auto file = write_fixture_content(dir.path());
    const CliRun run = run_cli({"analyze", file.string(), "--lang", "en"});
    INFO(run.err);
    CHECK_THAT(run.out, Catch::Contains("persona steady"));
    CHECK_THAT(run.out, Catch::Contains("states explored:"));
    CHECK_THAT(run.out, Catch::Contains("best:"));
    CHECK_THAT(run.out, Catch::Contains("--choices 1,"));
}

TEST_CASE("analyze refuses an unknown persona and conflicting options as usage errors",
          "[cli][analysis]") {
    TempDir dir;
    const auto file = write_fixture_content(dir.path());
    const CliRun unknown = run_cli({"analyze", file.string(), "--persona", "nobody"});
    CHECK(unknown.exit == 2);
    CHECK_THAT(unknown.err, Catch::Contains("steady, driver"));
    const CliRun both = run_cli({"analyze", file.string(), "--persona", "steady", "--all-personas"});
    CHECK(both.exit == 2);
    const CliRun missing = run_cli({"analyze", (dir / "nope.json").string()});
    CHECK(missing.exit == 2);
}

TEST_CASE("play and replay --json report each decision's regret: none along the best path",
          "[cli][analysis]") {
    TempDir dir;
    const auto file = write_fixture_content(dir.path());
    const json a = json::parse(run_cli({"analyze", file.string(), "--json"}).out)["personas"][0];

    const CliRun best = run_cli({"play", file.string(), "--choices", joined(a["best"]["choices"]),
                                 "--json", "--lang", "en"});
    INFO(best.err);
    REQUIRE(best.exit == 0);
    const json b = json::parse(best.out);
    REQUIRE(b["regret"].size() == a["best"]["choices"].size());
    for (const auto& r : b["regret"]) {
        CHECK(r["regret"] == 0);
        CHECK(r["best_total"] == a["best"]["total"]);
        CHECK(r["best"] == r["chosen"]);
    }

    const auto transcript = dir / "worst.json";
    const CliRun worst = run_cli({"play", file.string(), "--choices", joined(a["worst"]["choices"]),
                                  "--json", "--lang", "en", "--transcript-out", transcript.string()});
    INFO(worst.err);
    REQUIRE(worst.exit == 0);
    const json w = json::parse(worst.out);
    REQUIRE(w["regret"].size() == a["worst"]["choices"].size());
    // At the first decision the best choice still reaches the scenario's best total; some
    // decision of the worst run lost points, and there the best choice is another one.
    CHECK(w["regret"][0]["best_total"] == a["best"]["total"]);
    const auto lost = std::find_if(w["regret"].begin(), w["regret"].end(),
                                   [](const json& r) { return r["regret"].get<int>() > 0; });
    REQUIRE(lost != w["regret"].end());
    CHECK((*lost)["best"] != (*lost)["chosen"]);
    CHECK_FALSE((*lost)["best_text"].get<std::string>().empty());

    const CliRun replayed = run_cli({"replay", transcript.string(), "--content", dir.path().string(),
                                     "--json", "--lang", "en"});
    INFO(replayed.err);
    REQUIRE(replayed.exit == 0);
    CHECK(json::parse(replayed.out)["regret"] == w["regret"]);
}
