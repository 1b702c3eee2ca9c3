// Scoring (scenario format §5) and the debrief: hand-computed totals, core weighting, the
// critical-violation cap, stars and tiers, negotiation blocks, and the debrief's JSON.
#include <catch2/catch.hpp>

#include "parley/debrief.h"
#include "parley/session.h"
#include "session_builders.h"

using namespace parley;
using namespace parley::runtime_test;

namespace {

void play(Session& s, std::initializer_list<const char*> moves) {
    for (const char* m : moves) {
        auto refused = s.decide(m);
        if (refused) FAIL("decision '" << m << "' refused: " << refused->message);
    }
}

// Two decisions, then an ending worth 80.
std::shared_ptr<const Scenario> two_steps(std::vector<Evidence> first, std::vector<Evidence> second,
                                          std::optional<Violation> violation = std::nullopt) {
    Option a = option("first", "second", std::move(first));
    a.violation = violation;
    Option b = option("second", "end", std::move(second));
    return scenario("two-steps",
                    {dialogue("first", {a}), dialogue("second", {b}), ending("end", OutcomeType::Deal, 80)},
                    {"p"});
}

}  // namespace

TEST_CASE("a run scores its competencies, outcome and total as the format reference computes them", "[scoring]") {
    auto sc = two_steps({{"A", 3}, {"H", 1}}, {{"A", 1}, {"C", -1}});
    const ContentSet cs = content({persona("p")}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    play(s, {"1", "1"});
    const Debrief d = debrief(s);
    // A: mean 2 → 50 + 50 × 2/3 = 83.3 → 83; C: mean −1 → 33.3 → 33; H: mean 1 → 66.7 → 67.
    REQUIRE(d.score.competencies.size() == 3);
    CHECK(d.score.competencies[0].id == "A");
    CHECK(d.score.competencies[0].score == 83);
    CHECK(d.score.competencies[0].observations == 2);
    CHECK(d.score.competencies[1].id == "C");
    CHECK(d.score.competencies[1].score == 33);
    CHECK(d.score.competencies[2].id == "H");
    CHECK(d.score.competencies[2].score == 67);
    // Weighted (A, C core ×2): (2·83 + 2·33 + 67) / 5 = 59.8 → 60.
    CHECK(d.score.competency_part == 60);
    CHECK(d.score.outcome_part == 80);
    CHECK_FALSE(d.score.negotiation_part);
    // No negotiation: its 15% goes to competencies. (60 × 75 + 80 × 25) / 100 = 65.
    CHECK(d.score.total == 65);
    CHECK(d.score.stars == 2);
    REQUIRE(d.score.tier);
    CHECK(d.score.tier->id == "intermediate");
    CHECK_FALSE(d.score.capped);
    CHECK(d.finished);
    CHECK(d.ending == "end");
    CHECK(d.outcome == OutcomeType::Deal);
}

TEST_CASE("core competencies weigh more than the others", "[scoring]") {
    auto strong_core = two_steps({{"A", 3}}, {{"H", -3}});
    auto strong_other = two_steps({{"A", -3}}, {{"H", 3}});
    const ContentSet cs = content({persona("p")}, {strong_core, strong_other});
    Session a(cs, strong_core, "p", 1, Difficulty::Normal), b(cs, strong_other, "p", 1, Difficulty::Normal);
    play(a, {"1", "1"});
    play(b, {"1", "1"});
    // (2 × 100 + 0) / 3 = 66.7 → 67 against (2 × 0 + 100) / 3 = 33.3 → 33.
    CHECK(debrief(a).score.competency_part == 67);
    CHECK(debrief(b).score.competency_part == 33);
}

TEST_CASE("a critical violation caps the total and is explained", "[scoring]") {
    Violation promise{RedLine::GuaranteedReturn, true, tx("never promise a return")};
    auto sc = two_steps({{"A", 3}}, {{"C", 3}}, promise);
    const ContentSet cs = content({persona("p")}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    play(s, {"1", "1"});
    const Debrief d = debrief(s);
    // Uncapped it would be (100 × 75 + 80 × 25) / 100 = 95.
    CHECK(d.score.total == 40);
    CHECK(d.score.capped);
    CHECK(d.score.stars == 1);
    CHECK(d.score.tier->id == "junior");
    REQUIRE(d.violations.size() == 1);
    CHECK(d.violations[0].decision == 0);
    CHECK(d.violations[0].violation.red_line == RedLine::GuaranteedReturn);

    Violation minor{RedLine::MisleadingComparison, false, tx("careful with comparisons")};
    auto soft = two_steps({{"A", 3}}, {{"C", 3}}, minor);
    const ContentSet cs2 = content({persona("p")}, {soft});
    Session t(cs2, soft, "p", 1, Difficulty::Normal);
    play(t, {"1", "1"});
    CHECK(debrief(t).score.total == 95);
    CHECK_FALSE(debrief(t).score.capped);
    CHECK(debrief(t).violations.size() == 1);
}

TEST_CASE("stars and tiers start exactly at their thresholds", "[scoring]") {
    // All of the total from the outcome, so the total is the ending's outcome_score.
    CompetencyModel m = model();
    m.share_competencies = 0;
    m.share_outcome = 100;
    m.share_negotiation = 0;
    const std::vector<std::pair<int, std::pair<int, const char*>>> cases{
        {0, {0, "junior"}},        {39, {0, "junior"}},       {40, {1, "junior"}},
        {59, {1, "junior"}},       {60, {1, "intermediate"}}, {64, {1, "intermediate"}},
        {65, {2, "intermediate"}}, {79, {2, "intermediate"}}, {80, {2, "senior"}},
        {84, {2, "senior"}},       {85, {3, "senior"}},       {100, {3, "senior"}}};
    for (const auto& [score, expected] : cases) {
        auto sc = scenario("thresholds",
                           {dialogue("start", {option("go", "end")}), ending("end", OutcomeType::Deal, score)},
                           {"p"});
        const ContentSet cs = content({persona("p")}, {sc}, m);
        Session s(cs, sc, "p", 1, Difficulty::Normal);
        play(s, {"1"});
        const Debrief d = debrief(s);
        INFO("outcome score " << score);
        CHECK(d.score.total == score);
        CHECK(d.score.stars == expected.first);
        CHECK(d.score.tier->id == expected.second);
    }
}

TEST_CASE("a negotiation adds bank value and rule adherence to the total", "[scoring]") {
    Persona p = persona("p");
    p.concession.patience_rounds = 4;
    auto sc = negotiation_scenario(terms_block(), {"p"});
    const ContentSet cs = content({p}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    play(s, {"prep:concede=fee;hold=rate", "hold", "trade:fee=0.60/rate=4.70", "hold", "accept"});
    const Debrief d = debrief(s);
    REQUIRE(d.negotiations.size() == 1);
    const NegotiationSummary& n = d.negotiations[0];
    CHECK(n.outcome == NegotiationOutcome::Deal);
    CHECK(n.agreed_display == std::map<std::string, std::string>{{"rate", "4.70"}, {"fee", "0.35"}});
    CHECK(n.bank_value == 25);
    CHECK(n.client_satisfaction == 33);
    CHECK(n.trainee_concessions == 1);
    CHECK(n.rule_adherence == 100);
    // I evidence: prep +2, hold +1, trade +2, hold +1, accept +1 → mean 7/5 → 50 + 50 × 1.4/3 = 73.3.
    REQUIRE(d.score.competencies.size() == 1);
    CHECK(d.score.competencies[0].id == "I");
    CHECK(d.score.competencies[0].score == 73);
    // Negotiation part (25 + 100) / 2 = 62.5 → 63. Total (73 × 60 + 100 × 25 + 63 × 15) / 100 = 78.25.
    CHECK(d.score.negotiation_part == 63);
    CHECK(d.score.total == 78);
}

TEST_CASE("rule adherence loses 15 per rule broken and a no-deal block scores no bank value", "[scoring]") {
    auto sc = negotiation_scenario(rate_block(), {"p"});
    const ContentSet cs = content({persona("p")}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    // Round 1 concession by offer (Slowly, TradeDontGive), again in round 2 (Slowly, Diminishing,
    // TradeDontGive): three distinct rules. Then walk away from a deal that was possible.
    play(s, {"prep:concede=rate;hold=", "offer:rate=5.50", "offer:rate=5.40", "walk"});
    const Debrief d = debrief(s);
    REQUIRE(d.negotiations.size() == 1);
    CHECK(d.negotiations[0].breaches.size() == 5);
    CHECK(d.negotiations[0].rule_adherence == 55);
    CHECK(d.negotiations[0].bank_value == 0);
    CHECK(d.negotiations[0].client_satisfaction == 0);
    CHECK(d.score.negotiation_part == 28);  // (0 + 55) / 2 = 27.5 → 28

    // When the client's reservation is beyond the bank's walk-away, no deal was possible:
    // walking away earns the whole bank value.
    Negotiation hopeless = rate_block();
    hopeless.issues[0].client_reservation = 450;
    auto sc2 = negotiation_scenario(hopeless, {"p"});
    const ContentSet cs2 = content({persona("p")}, {sc2});
    Session w(cs2, sc2, "p", 1, Difficulty::Normal);
    play(w, {"prep:concede=rate;hold=", "hold", "walk"});
    CHECK(debrief(w).negotiations[0].bank_value == 100);
    CHECK(w.decisions().back().evidence.at(0).value == 1);
}

TEST_CASE("the debrief JSON carries ids, texts in the chosen language and every decision", "[scoring]") {
    auto sc = two_steps({{"A", 2}}, {{"C", 1}}, Violation{RedLine::HidingRisk, true, tx("state the risks")});
    const ContentSet cs = content({persona("p")}, {sc});
    Session s(cs, sc, "p", 42, Difficulty::Hard);
    play(s, {"1", "1"});
    const nlohmann::json en = to_json(debrief(s), Lang::En);
    CHECK(en["scenario"] == "two-steps");
    CHECK(en["persona"] == "p");
    CHECK(en["seed"] == 42);
    CHECK(en["difficulty"] == "hard");
    CHECK(en["finished"] == true);
    CHECK(en["outcome"] == "deal");
    CHECK(en["ending"] == "end");
    CHECK(en["ending_summary"] == "summary of end");
    CHECK(en["score"]["competencies"] == nlohmann::json{{"A", 83}, {"C", 67}});
    CHECK(en["score"]["tier"] == "junior");
    CHECK(en["score"]["tier_name"] == "Junior");
    CHECK(en["score"]["capped"] == true);
    CHECK(en["score"]["negotiation_part"].is_null());
    CHECK(en["violations"][0] == nlohmann::json{{"decision", 0}, {"red_line", "hiding_risk"},
                                                {"critical", true}, {"explanation", "state the risks"}});
    REQUIRE(en["decisions"].size() == 2);
    const auto& first = en["decisions"][0];
    CHECK(first["decision"] == "1");
    CHECK(first["node"] == "first");
    CHECK(first["stage"] == "probing");
    CHECK(first["option"] == "first");
    CHECK(first["text"] == "say first");
    CHECK(first["feedback"] == "feedback on first");
    CHECK(first["evidence"] == nlohmann::json{{"A", 2}});
    CHECK(first["violation"]["red_line"] == "hiding_risk");
    CHECK(first["patience"] == 8);  // 10 − 1 (hard) − 1
    CHECK(first["emotion"] == "calm");
    CHECK_FALSE(en["decisions"][1].contains("violation"));

    const nlohmann::json zh = to_json(debrief(s), Lang::Zh);
    CHECK(zh["decisions"][0]["text"] == "「say first」");
    CHECK(zh["score"]["tier_name"] == "「Junior」");
}

TEST_CASE("an unfinished run has no outcome and scores what it showed so far", "[scoring]") {
    auto sc = two_steps({{"A", 3}}, {{"C", 3}});
    const ContentSet cs = content({persona("p")}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    play(s, {"1"});
    const Debrief d = debrief(s);
    CHECK_FALSE(d.finished);
    CHECK(d.score.outcome_part == 0);
    CHECK(d.score.total == 75);  // A = 100, weighted part 100, × 75%
    const nlohmann::json j = to_json(d, Lang::En);
    CHECK(j["outcome"].is_null());
    CHECK(j["ending"].is_null());
}
