// The analysis tells an author whether a scenario is sound: soft-locks, unreachable endings,
// cycles with no way out, and a clear message instead of a hang when a scenario is too big.
#include <catch2/catch.hpp>

#include "analysis_build.h"
#include "parley/analysis.h"
#include "parley/debrief.h"
#include "parley/report.h"

using namespace parley;
using namespace parley::test;

namespace {

Condition flag(const std::string& id) {
    Condition c;
    c.kind = Condition::Kind::Flag;
    c.subject = id;
    return c;
}

Option only_if(Option o, Condition c) {
    o.when = std::move(c);
    return o;
}

Option with_patience(Option o, int delta) {
    o.consequence.effects.patience = delta;
    return o;
}

std::vector<std::string> ids_of_unreachable_endings(const PersonaAnalysis& a) {
    std::vector<std::string> out;
    for (const auto& e : a.endings)
        if (!e.reachable) out.push_back(e.id);
    return out;
}

// Ten decisions of three kinds of evidence each: thousands of distinct histories.
Built ten_decisions() {
    std::vector<Node> nodes;
    for (int i = 0; i < 10; ++i) {
        const std::string next = i == 9 ? "end_deal" : "n" + std::to_string(i + 1);
        nodes.push_back(dialogue("n" + std::to_string(i),
                                 {option("a", next, 3), option("b", next, 1), option("c", next, -2)}));
    }
    nodes.push_back(ending("end_deal", OutcomeType::Deal, 100));
    nodes.push_back(ending("end_left", OutcomeType::ClientLeft, 0));
    return build(std::move(nodes), "end_left", 20);
}

}  // namespace

TEST_CASE("a node whose every option is locked is a soft-lock, with the decisions reaching it",
          "[analysis]") {
    const Built b = build(
        {dialogue("open", {option("wander", "stuck", 1), option("close", "end_deal", 3)}),
         dialogue("stuck", {only_if(option("wait", "end_deal"), flag("never_set"))}),
         ending("end_deal", OutcomeType::Deal, 100), ending("end_left", OutcomeType::ClientLeft, 0)},
        "end_left");
    const PersonaAnalysis a = analyze(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    REQUIRE(a.softlocks.size() == 1);
    CHECK(a.softlocks[0].node == "stuck");
    CHECK(a.softlocks[0].choices == std::vector<std::string>{"1"});
    REQUIRE(a.best);
    CHECK(a.best->choices == std::vector<std::string>{"2"});
    // A soft-locked run never finishes, so it is no one's worst result either.
    REQUIRE(a.worst);
    CHECK(a.worst->choices == std::vector<std::string>{"2"});
}

TEST_CASE("an ending behind a condition that never holds is unreachable, as is an orphan",
          "[analysis]") {
    const Built b = build(
        {dialogue("open", {option("close", "end_deal", 3),
                           only_if(option("secret", "end_secret", 3), flag("never_set"))}),
         ending("end_deal", OutcomeType::Deal, 100),
         ending("end_secret", OutcomeType::Deal, 100),
         ending("end_orphan", OutcomeType::NoDeal, 0),
         ending("end_left", OutcomeType::ClientLeft, 0)},
        "end_left");
    const PersonaAnalysis a = analyze(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    CHECK(ids_of_unreachable_endings(a) ==
          std::vector<std::string>{"end_secret", "end_orphan", "end_left"});
    CHECK(a.unreachable_nodes == std::vector<std::string>{"end_secret", "end_orphan", "end_left"});
    CHECK(a.reachable_nodes == std::vector<std::string>{"open", "end_deal"});
}

TEST_CASE("a loop the trainee can enter but never leave is a cycle with no way out",
          "[analysis]") {
    const Built b = build({dialogue("open", {option("chat", "loop_a", 3), option("close", "end_deal", 3)}),
                           dialogue("loop_a", {option("more", "loop_b")}),
                           dialogue("loop_b", {option("again", "loop_a")}),
                           ending("end_deal", OutcomeType::Deal, 100),
                           ending("end_left", OutcomeType::ClientLeft, 0)},
                          "end_left", 6);
    const PersonaAnalysis a = analyze(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    CHECK(a.complete);
    CHECK(a.cycles_without_exit == std::vector<std::vector<std::string>>{{"loop_a", "loop_b"}});
    // Only the client's patience gets the trainee out: the worst run ends there.
    REQUIRE(a.worst);
    CHECK(a.worst->ending == "end_left");
    CHECK(a.worst->total == 56);   // evidence A +3 → 75, × 0.75; outcome 0
    CHECK(a.softlocks.empty());

    Session s(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    for (const auto& c : a.worst->choices) REQUIRE_FALSE(s.decide(c));
    REQUIRE(s.finished());
    CHECK(debrief(s).score.total == 56);
}

TEST_CASE("a loop with a way out is not reported", "[analysis]") {
    const Built b = build({dialogue("open", {option("chat", "loop_a", 3)}),
                           dialogue("loop_a", {option("more", "loop_b")}),
                           dialogue("loop_b", {option("again", "loop_a"), option("close", "end_deal")}),
                           ending("end_deal", OutcomeType::Deal, 100),
                           ending("end_left", OutcomeType::ClientLeft, 0)},
                          "end_left", 6);
    const PersonaAnalysis a = analyze(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    CHECK(a.cycles_without_exit.empty());
    REQUIRE(a.best);
    CHECK(a.best->total == 81);   // A 75 × 0.75 + 100 × 0.25
    CHECK(a.best->choices == std::vector<std::string>{"1", "1", "2"});
}

TEST_CASE("decisions that lead back to the same state terminate and keep exact values",
          "[analysis]") {
    // Small talk gives back the patience it costs: the state after it is the state before it.
    const Built b = build({dialogue("wait", {with_patience(option("small_talk", "wait"), 1),
                                             option("close", "end_deal", 3)}),
                           ending("end_deal", OutcomeType::Deal, 100),
                           ending("end_left", OutcomeType::ClientLeft, 0)},
                          "end_left");
    const PersonaAnalysis a = analyze(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    CHECK(a.complete);
    CHECK(a.states == 2);
    CHECK(a.cycles_without_exit.empty());
    REQUIRE(a.best);
    CHECK(a.best->total == 81);
    CHECK(a.best->choices == std::vector<std::string>{"2"});
    REQUIRE(a.worst);
    CHECK(a.worst->total == 81);
}

TEST_CASE("a state that only ever returns to itself is a cycle with no way out, not a hang",
          "[analysis]") {
    const Built b = build({dialogue("open", {option("drift", "limbo", 3), option("close", "end_deal", 3)}),
                           dialogue("limbo", {with_patience(option("small_talk", "limbo"), 1)}),
                           ending("end_deal", OutcomeType::Deal, 100),
                           ending("end_left", OutcomeType::ClientLeft, 0)},
                          "end_left");
    const PersonaAnalysis a = analyze(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    CHECK(a.complete);
    CHECK(a.cycles_without_exit == std::vector<std::vector<std::string>>{{"limbo"}});
    CHECK(a.softlocks.empty());
    REQUIRE(a.best);
    CHECK(a.best->choices == std::vector<std::string>{"2"});

    Session s(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    const auto values = decision_values(s);
    REQUIRE(values.size() == 2);
    CHECK(values[0].best.ending.empty());   // nothing finishes after drifting into limbo
    CHECK(values[1].best.total == 81);
}

TEST_CASE("a scenario beyond the exploration bound is reported as incomplete with a clear message",
          "[analysis]") {
    const Built b = ten_decisions();

    AnalysisLimits small;
    small.max_states = 10;
    const PersonaAnalysis a = analyze(b.content, b.scenario, "neutral", 1, Difficulty::Normal, small);
    CHECK_FALSE(a.complete);
    CHECK(a.states <= 10);
    CHECK_THAT(a.limit_message, Catch::Contains("10 distinct states (limit 10)"));
    CHECK(a.cycles_without_exit.empty());

    AnalysisLimits no_memory;
    no_memory.max_megabytes = 0;
    const PersonaAnalysis m =
        analyze(b.content, b.scenario, "neutral", 1, Difficulty::Normal, no_memory);
    CHECK_FALSE(m.complete);
    CHECK_THAT(m.limit_message, Catch::Contains("MB"));

    // Cancelled from outside (an editor closing): stopped at once, and said so.
    std::atomic<bool> cancel{true};
    AnalysisLimits cancelled;
    cancelled.cancel = &cancel;
    const PersonaAnalysis c = analyze(b.content, b.scenario, "neutral", 1, Difficulty::Normal, cancelled);
    CHECK_FALSE(c.complete);
    CHECK(c.limit_message == "the analysis was cancelled before it finished");

    // With the default bound the same scenario is explored completely.
    const PersonaAnalysis full = analyze(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    CHECK(full.complete);
    REQUIRE(full.best);
    CHECK(full.best->total == 96);   // A: P 30 → 3150 / 33 = 95; 71.25 + 25
    CHECK(full.best->choices == std::vector<std::string>(10, "1"));
}

TEST_CASE("a run report says when its regret was bounded by the exploration limit, and why", "[analysis][report]") {
    const Built b = ten_decisions();
    Session run(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    for (int i = 0; i < 10; ++i) REQUIRE_FALSE(run.decide(i == 0 ? "3" : "2"));
    REQUIRE(run.finished());

    ReportOptions bounded;
    bounded.limits.max_states = 10;
    const nlohmann::json small = run_report(run, Lang::En, bounded);
    CHECK(small["analysis"]["complete"] == false);
    CHECK_THAT(small["analysis"]["limit_message"].get<std::string>(), Catch::Contains("limit 10"));

    const nlohmann::json full = run_report(run, Lang::En);
    CHECK(full["analysis"]["complete"] == true);
    REQUIRE(full["regret"].size() == 10);
    CHECK(full["regret"][0]["best"] != "3");   // "c" (negative evidence) was not the best there
}

TEST_CASE("the validator reports soft-locks and unreachable endings as errors at the node, an unneeded safety net as a warning",
          "[analysis]") {
    const Built b = build(
        {dialogue("open", {option("wander", "stuck", 1), option("close", "end_deal", 3)}),
         dialogue("stuck", {only_if(option("wait", "end_deal"), flag("never_set"))}),
         ending("end_deal", OutcomeType::Deal, 100),
         ending("end_orphan", OutcomeType::NoDeal, 0),
         ending("end_left", OutcomeType::ClientLeft, 0)},
        "end_left");
    Diagnostics diags;
    check_soundness(b.content, b.scenario, diags);

    auto error_at = [&](const std::string& pointer, const std::string& words) {
        for (const auto& d : diags.items)
            if (d.severity == Severity::Error && d.pointer == pointer &&
                d.message.find(words) != std::string::npos && d.file == "test-scenario.json")
                return true;
        return false;
    };
    CHECK(error_at("/nodes/1", "soft-lock with persona 'neutral'"));
    CHECK(error_at("/nodes/1", "choices 1"));
    CHECK(error_at("/nodes/3", "ending 'end_orphan' can never be reached with persona 'neutral'"));
    CHECK(diags.errors() == 2);
    // end_left is only the patience-out safety net, and this client's patience never runs out.
    bool safety_net_warned = false;
    for (const auto& d : diags.items)
        if (d.severity == Severity::Warning && d.pointer == "/nodes/4" &&
            d.message.find("ending 'end_left' can never be reached") != std::string::npos &&
            d.message.find("safety net") != std::string::npos)
            safety_net_warned = true;
    CHECK(safety_net_warned);
}

TEST_CASE("a sound scenario passes the validator's analysis without errors", "[analysis]") {
    const Built b = build({dialogue("open", {option("good", "end_deal", 3), option("bad", "end_left", -3)}),
                           ending("end_deal", OutcomeType::Deal, 100),
                           ending("end_left", OutcomeType::ClientLeft, 0)},
                          "end_left");
    Diagnostics diags;
    check_soundness(b.content, b.scenario, diags);
    CHECK(diags.errors() == 0);
    CHECK(diags.warnings() == 0);
}
