// The analysis finds the best and the worst result and the decisions that reach them, shares
// work between paths that meet, and values every decision of a run (regret).
#include <catch2/catch.hpp>

#include "analysis_build.h"
#include "parley/analysis.h"
#include "parley/debrief.h"
#include "parley/transcript.h"

using namespace parley;
using namespace parley::test;

namespace {

// Plays `choices` from the start and returns the debrief (the run must finish).
Debrief play(const Built& b, const std::vector<std::string>& choices,
             const std::string& persona = "neutral") {
    Session s(b.content, b.scenario, persona, 1, Difficulty::Normal);
    for (const auto& c : choices) {
        auto err = s.decide(c);
        INFO("decision " << c << ": " << (err ? err->message : ""));
        REQUIRE_FALSE(err);
    }
    REQUIRE(s.finished());
    return debrief(s);
}

// open: a good (+3) or a bad (−3) opening; mid: close the deal (100) or leave it (0).
// By hand (A = 75 after good, 25 after bad): good+close = 56.25 + 25 → 81, good+leave → 56,
// bad+close = 18.75 + 25 → 44, bad+leave → 19.
Built two_step() {
    return build({dialogue("open", {option("good", "mid", 3), option("bad", "mid", -3)}),
                  dialogue("mid", {option("close", "end_deal"), option("leave", "end_no_deal")}),
                  ending("end_deal", OutcomeType::Deal, 100),
                  ending("end_no_deal", OutcomeType::NoDeal, 0),
                  ending("end_left", OutcomeType::ClientLeft, 0)},
                 "end_left");
}

}  // namespace

TEST_CASE("the analysis finds the best and the worst result and the decisions that reach them",
          "[analysis]") {
    const Built b = two_step();
    const PersonaAnalysis a = analyze(b.content, b.scenario, "neutral", 1, Difficulty::Normal);

    CHECK(a.complete);
    REQUIRE(a.best);
    REQUIRE(a.worst);
    CHECK(a.best->total == 81);
    CHECK(a.best->stars == 3);
    CHECK(a.best->outcome == OutcomeType::Deal);
    CHECK(a.best->ending == "end_deal");
    CHECK(a.best->choices == std::vector<std::string>{"1", "1"});
    CHECK(a.worst->total == 19);
    CHECK(a.worst->stars == 0);
    CHECK(a.worst->outcome == OutcomeType::NoDeal);
    CHECK(a.worst->choices == std::vector<std::string>{"2", "2"});
    CHECK(a.softlocks.empty());
    CHECK(a.cycles_without_exit.empty());
}

TEST_CASE("the reported best and worst paths replay to exactly the reported results",
          "[analysis]") {
    const Built b = two_step();
    const PersonaAnalysis a = analyze(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    REQUIRE(a.best);
    REQUIRE(a.worst);
    for (const PathResult* p : {&*a.best, &*a.worst}) {
        const Debrief d = play(b, p->choices);
        CHECK(d.score.total == p->total);
        CHECK(d.score.stars == p->stars);
        CHECK(d.ending == p->ending);
        CHECK(d.outcome == p->outcome);
    }
}

TEST_CASE("paths that reach the same state are explored once", "[analysis]") {
    // Two openings lead through different nodes to the same client state at "mid".
    const Built b = build({dialogue("open", {option("via_a", "a", 3), option("via_b", "b", 3)}),
                           dialogue("a", {option("go", "mid", 3)}),
                           dialogue("b", {option("go", "mid", 3)}),
                           dialogue("mid", {option("close", "end_deal")}),
                           ending("end_deal", OutcomeType::Deal, 100),
                           ending("end_left", OutcomeType::ClientLeft, 0)},
                          "end_left");
    const PersonaAnalysis a = analyze(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    CHECK(a.states == 5);   // open, a, b, one shared mid, one shared ending
    CHECK(a.histories == 5);
    REQUIRE(a.best);
    CHECK(a.best->total == 87);   // A = 750 / 9 = 83: 62.25 + 25
    CHECK(a.best->choices == std::vector<std::string>{"1", "1", "1"});
}

TEST_CASE("the score depends on the whole history, so one situation reached with different "
          "evidence is valued once per history",
          "[analysis]") {
    const Built b = two_step();
    const PersonaAnalysis a = analyze(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    // Situations: open, mid (the client is the same after either opening), two endings.
    CHECK(a.states == 4);
    // Histories: open; mid after good, after bad; four distinct finished runs.
    CHECK(a.histories == 7);
}

TEST_CASE("every decision at a point is valued by the best result still reachable after it",
          "[analysis]") {
    const Built b = two_step();
    Session s(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    const auto values = decision_values(s);
    REQUIRE(values.size() == 2);
    CHECK(values[0].decision == "1");
    CHECK(values[0].text.en == "say good");
    CHECK(values[0].best.total == 81);
    CHECK(values[0].best.choices == std::vector<std::string>{"1", "1"});
    CHECK(values[1].decision == "2");
    CHECK(values[1].best.total == 44);
    CHECK(values[1].best.choices == std::vector<std::string>{"2", "1"});

    // Later in the run the choices start from the beginning, ready for play --choices.
    REQUIRE_FALSE(s.decide("2"));
    const auto later = decision_values(s);
    REQUIRE(later.size() == 2);
    CHECK(later[0].best.total == 44);
    CHECK(later[0].best.choices == std::vector<std::string>{"2", "1"});
    CHECK(later[1].best.total == 19);
}

TEST_CASE("the regret of each decision names the best alternative and what it would have earned",
          "[analysis]") {
    const Built b = two_step();
    Session s(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    REQUIRE_FALSE(s.decide("2"));   // the bad opening
    REQUIRE_FALSE(s.decide("1"));   // then the right close
    const Regrets all = regrets(b.content, transcript_of(s));
    CHECK(all.complete);
    const auto& r = all.decisions;
    REQUIRE(r.size() == 2);

    CHECK(r[0].index == 0);
    CHECK(r[0].chosen == "2");
    CHECK(r[0].chosen_best_total == 44);
    CHECK(r[0].best == "1");
    CHECK(r[0].best_text.en == "say good");
    CHECK(r[0].best_total == 81);
    CHECK(r[0].best_stars == 3);
    CHECK(regret_of(r[0]) == 37);

    CHECK(r[1].chosen == "1");
    CHECK(r[1].best == "1");
    CHECK(r[1].chosen_best_total == 44);
    CHECK(regret_of(r[1]) == 0);

    const auto j = regrets_to_json(r, Lang::En);
    REQUIRE(j.size() == 2);
    CHECK(j[0]["best"] == "1");
    CHECK(j[0]["best_text"] == "say good");
    CHECK(j[0]["regret"] == 37);
    CHECK(j[1]["regret"] == 0);
}

TEST_CASE("a transcript that does not replay has no regret", "[analysis]") {
    const Built b = two_step();
    Session s(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    REQUIRE_FALSE(s.decide("1"));
    Transcript t = transcript_of(s);
    t.decisions = {"7"};
    CHECK(regrets(b.content, t).decisions.empty());
}

TEST_CASE("the analysis JSON names every field the CLI promises", "[analysis]") {
    const Built b = two_step();
    const auto j = to_json(analyze(b.content, b.scenario, "neutral", 1, Difficulty::Normal));
    CHECK(j["persona"] == "neutral");
    CHECK(j["states"] == 4);
    CHECK(j["histories"] == 7);
    CHECK(j["complete"] == true);
    CHECK(j["reachable_nodes"] == nlohmann::json({"open", "mid", "end_deal", "end_no_deal"}));
    CHECK(j["unreachable_nodes"] == nlohmann::json({"end_left"}));
    REQUIRE(j["endings"].size() == 3);
    CHECK(j["endings"][0] == nlohmann::json({{"id", "end_deal"}, {"reachable", true}}));
    CHECK(j["endings"][2] == nlohmann::json({{"id", "end_left"}, {"reachable", false}}));
    CHECK(j["softlocks"] == nlohmann::json::array());
    CHECK(j["best"]["total"] == 81);
    CHECK(j["best"]["stars"] == 3);
    CHECK(j["best"]["outcome"] == "deal");
    CHECK(j["best"]["choices"] == nlohmann::json({"1", "1"}));
    CHECK(j["worst"]["total"] == 19);
    CHECK(j["worst"]["outcome"] == "no_deal");
}
