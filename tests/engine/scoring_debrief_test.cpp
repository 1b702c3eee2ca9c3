// Scoring (scenario format §5) and the debrief: hand-computed totals, monotone competency
// scores, core weighting, failed runs, stars and tiers (capped by the scenario's level), duties,
// negotiation blocks with the client's satisfaction, and the debrief's JSON.
#include <catch2/catch.hpp>

#include <random>

#include "parley/debrief.h"
#include "parley/session.h"
#include "negotiation_runtime.h"
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
                                          std::optional<Violation> violation = std::nullopt, int level = 3) {
    Option a = option("first", "second", std::move(first));
    a.violation = violation;
    Option b = option("second", "end", std::move(second));
    return scenario("two-steps",
                    {dialogue("first", {a}), dialogue("second", {b}), ending("end", OutcomeType::Deal, 80)},
                    {"p"}, {}, level);
}

// A run of one dialogue node per evidence list, then an ending worth 80. A node no run reaches
// gives evidence on A, C, H and I, so the scenario assesses all four whatever the run shows.
Debrief run_with(const std::vector<std::vector<Evidence>>& steps) {
    std::vector<Node> nodes;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const std::string next = i + 1 < steps.size() ? "n" + std::to_string(i + 1) : "end";
        nodes.push_back(dialogue("n" + std::to_string(i), {option("o", next, steps[i])}));
    }
    nodes.push_back(ending("end", OutcomeType::Deal, 80));
    nodes.push_back(dialogue("aside", {option("o", "end", {{"A", 1}, {"C", 1}, {"H", 1}, {"I", 1}})}));
    auto sc = scenario("steps", std::move(nodes), {"p"});
    const auto cs = content({persona("p")}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    while (!s.finished())
        if (auto e = s.choose(1)) FAIL(e->message);
    return debrief(s);
}

int score_of(const Debrief& d, const std::string& id) {
    for (const auto& c : d.score.competencies)
        if (c.id == id) return c.score;
    return -1;
}

}  // namespace

TEST_CASE("a run scores its competencies, outcome and total as the format reference computes them", "[scoring]") {
    auto sc = two_steps({{"A", 3}, {"H", 1}}, {{"A", 1}, {"C", -1}});
    const auto cs = content({persona("p")}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    play(s, {"1", "1"});
    const Debrief d = debrief(s);
    // round((100 P + 50 K) / (P + N + K)), K = 3:
    // A: P 4 → 550 / 7 = 78.6 → 79; C: N 1 → 150 / 4 = 37.5 → 38; H: P 1 → 250 / 4 = 62.5 → 63.
    REQUIRE(d.score.competencies.size() == 3);
    CHECK(d.score.competencies[0].id == "A");
    CHECK(d.score.competencies[0].score == 79);
    CHECK(d.score.competencies[0].observations == 2);
    CHECK(d.score.competencies[1].id == "C");
    CHECK(d.score.competencies[1].score == 38);
    CHECK(d.score.competencies[2].id == "H");
    CHECK(d.score.competencies[2].score == 63);
    // Weighted (A, C core ×2): (2·79 + 2·38 + 63) / 5 = 59.4 → 59.
    CHECK(d.score.competency_part == 59);
    CHECK(d.score.outcome_part == 80);
    CHECK_FALSE(d.score.negotiation_part);
    // No negotiation: its 15% goes to competencies. (59 × 75 + 80 × 25) / 100 = 64.25 → 64.
    CHECK(d.score.total == 64);
    CHECK(d.score.stars == 1);
    REQUIRE(d.score.tier);
    CHECK(d.score.tier->id == "intermediate");
    CHECK_FALSE(d.score.failed);
    CHECK(d.finished);
    CHECK(d.ending == "end");
    CHECK(d.outcome == OutcomeType::Deal);
}

TEST_CASE("one more positive decision never lowers a competency, one more negative never raises it",
          "[scoring]") {
    // The mean of evidence would drop from +3 to +2 with a weak +1; the score must not.
    const Debrief strong = run_with({{{"I", 3}}, {{"I", 3}}});
    const Debrief plus_weak = run_with({{{"I", 3}}, {{"I", 3}}, {{"I", 1}}});
    CHECK(score_of(strong, "I") == 83);      // 750 / 9 = 83.3
    CHECK(score_of(plus_weak, "I") == 85);   // 850 / 10
    CHECK(plus_weak.score.total >= strong.score.total);

    // Property: for random runs, appending one positive (negative) decision never lowers
    // (raises) any competency score, the competency part or the total.
    std::mt19937 gen(20261202);
    std::uniform_int_distribution<int> strength(-3, 3), which(0, 3), length(1, 6);
    const char* ids[] = {"A", "C", "H", "I"};
    for (int trial = 0; trial < 200; ++trial) {
        std::vector<std::vector<Evidence>> steps;
        for (int i = length(gen); i > 0; --i) steps.push_back({{ids[which(gen)], strength(gen)}});
        const Debrief before = run_with(steps);
        const std::string id = ids[which(gen)];
        int extra = strength(gen);
        if (extra == 0) extra = 1;
        steps.push_back({{id, extra}});
        const Debrief after = run_with(steps);
        INFO("trial " << trial << ", one more " << id << " " << extra);
        if (extra > 0) {
            CHECK(score_of(after, id) >= score_of(before, id));
            CHECK(after.score.competency_part >= before.score.competency_part);
            CHECK(after.score.total >= before.score.total);
        } else {
            CHECK(score_of(after, id) <= score_of(before, id));
            CHECK(after.score.competency_part <= before.score.competency_part);
            CHECK(after.score.total <= before.score.total);
        }
    }
}

TEST_CASE("a competency the scenario assesses but the run never shows counts at 50", "[scoring]") {
    auto sc = two_steps({{"A", 3}}, {{"C", 3}});
    const auto cs = content({persona("p")}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    play(s, {"1"});
    const Debrief d = debrief(s);
    CHECK_FALSE(d.finished);
    REQUIRE(d.score.competencies.size() == 2);
    CHECK(d.score.competencies[1].id == "C");
    CHECK(d.score.competencies[1].score == 50);
    CHECK(d.score.competencies[1].observations == 0);
}

TEST_CASE("core competencies weigh more than the others", "[scoring]") {
    auto strong_core = two_steps({{"A", 3}}, {{"H", -3}});
    auto strong_other = two_steps({{"A", -3}}, {{"H", 3}});
    const auto cs = content({persona("p")}, {strong_core, strong_other});
    Session a(cs, strong_core, "p", 1, Difficulty::Normal), b(cs, strong_other, "p", 1, Difficulty::Normal);
    play(a, {"1", "1"});
    play(b, {"1", "1"});
    // A +3 → 450 / 6 = 75, H −3 → 150 / 6 = 25: (2 × 75 + 25) / 3 = 58.3 → 58 against
    // (2 × 25 + 75) / 3 = 41.7 → 42.
    CHECK(debrief(a).score.competency_part == 58);
    CHECK(debrief(b).score.competency_part == 42);
}

TEST_CASE("a critical red line fails the run: no star, a total below the first star, and why", "[scoring]") {
    Violation promise{RedLine::GuaranteedReturn, true, tx("never promise a return")};
    auto sc = two_steps({{"A", 3}}, {{"C", 3}}, promise);
    const auto cs = content({persona("p")}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    play(s, {"1", "1"});
    const Debrief d = debrief(s);
    // Without the red line it would be (75 × 75 + 80 × 25) / 100 = 76.25 → 76.
    CHECK(d.score.total == 30);
    CHECK(d.score.total < cs->model.star_thresholds.front());
    CHECK(d.score.failed);
    CHECK(d.score.stars == 0);
    CHECK(d.score.tier->id == "junior");
    REQUIRE(d.violations.size() == 1);
    CHECK(d.violations[0].decision == 0);
    CHECK(d.violations[0].red_line == RedLine::GuaranteedReturn);
    REQUIRE(d.failure_reasons.size() == 1);
    CHECK(d.failure_reasons[0].en == "never promise a return");

    Violation minor{RedLine::MisleadingComparison, false, tx("careful with comparisons")};
    auto soft = two_steps({{"A", 3}}, {{"C", 3}}, minor);
    const auto cs2 = content({persona("p")}, {soft});
    Session t(cs2, soft, "p", 1, Difficulty::Normal);
    play(t, {"1", "1"});
    CHECK(debrief(t).score.total == 76);
    CHECK_FALSE(debrief(t).score.failed);
    CHECK(debrief(t).failure_reasons.empty());
    CHECK(debrief(t).violations.size() == 1);
}

TEST_CASE("a duty left undone is a violation: critical fails the run, otherwise it costs H", "[scoring]") {
    auto build = [](bool critical, bool show_id) {
        Option id = option("show_id", "end", {{"A", 3}});
        if (show_id) id.fulfils = {Duty::Credentials};
        auto base = scenario("visit", {dialogue("open", {id}), ending("end", OutcomeType::NextStep, 80)}, {"p"});
        auto sc = std::make_shared<Scenario>(*base);
        sc->duties = {{Duty::Credentials, critical, tx("show your staff ID"), {}}};
        return std::shared_ptr<const Scenario>(sc);
    };
    for (bool critical : {true, false}) {
        auto undone = build(critical, false), done = build(critical, true);
        const auto cs = content({persona("p")}, {undone, done});
        Session a(cs, undone, "p", 1, Difficulty::Normal), b(cs, done, "p", 1, Difficulty::Normal);
        play(a, {"1"});
        play(b, {"1"});
        const Debrief missed = debrief(a), kept = debrief(b);
        INFO("critical " << critical);
        REQUIRE(missed.violations.size() == 1);
        CHECK(missed.violations[0].duty == Duty::Credentials);
        CHECK_FALSE(missed.violations[0].red_line);
        CHECK(missed.violations[0].critical == critical);
        CHECK(kept.violations.empty());
        CHECK(missed.score.failed == critical);
        CHECK_FALSE(kept.score.failed);
        CHECK(missed.score.total < kept.score.total);
        if (!critical) {
            // H (assessed because the scenario has duties): N 2 → 150 / 5 = 30; when kept, 50.
            CHECK(score_of(missed, "H") == 30);
            CHECK(score_of(kept, "H") == 50);
        }
    }
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
        const auto cs = content({persona("p")}, {sc}, m);
        Session s(cs, sc, "p", 1, Difficulty::Normal);
        play(s, {"1"});
        const Debrief d = debrief(s);
        INFO("outcome score " << score);
        CHECK(d.score.total == score);
        CHECK(d.score.stars == expected.first);
        CHECK(d.score.tier->id == expected.second);
    }
}

TEST_CASE("a run's tier is never above the scenario's level", "[scoring]") {
    CompetencyModel m = model();
    m.share_competencies = 0;
    m.share_outcome = 100;
    m.share_negotiation = 0;
    for (const auto& [level, tier] : std::vector<std::pair<int, const char*>>{
             {1, "junior"}, {2, "intermediate"}, {3, "senior"}}) {
        auto sc = scenario("top", {dialogue("start", {option("go", "end")}), ending("end", OutcomeType::Deal, 100)},
                           {"p"}, {}, level);
        const auto cs = content({persona("p")}, {sc}, m);
        Session s(cs, sc, "p", 1, Difficulty::Normal);
        play(s, {"1"});
        INFO("level " << level);
        CHECK(debrief(s).score.stars == 3);
        CHECK(debrief(s).score.tier->id == tier);
    }
}

TEST_CASE("a negotiation adds bank value, client satisfaction and rule adherence to the total", "[scoring]") {
    Persona p = persona("p");
    p.concession.patience_rounds = 4;
    auto sc = negotiation_scenario(terms_block(), {"p"});
    const auto cs = content({p}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    play(s, {"prep:concede=fee;hold=rate", "hold", "trade:fee=0.60/rate=4.70", "hold", "accept"});
    const Debrief d = debrief(s);
    REQUIRE(d.negotiations.size() == 1);
    const NegotiationSummary& n = d.negotiations[0];
    CHECK(n.outcome == NegotiationOutcome::Deal);
    // Linear client over T = 4 (units rounded, then snapped to the step): counters 4.40 / 0.20,
    // then (after the trade lifted the rate to 4.70) 4.70 / 0.25 and 4.70 / 0.35; accepted.
    CHECK(n.agreed_display == std::map<std::string, std::string>{{"rate", "4.70"}, {"fee", "0.35"}});
    CHECK(n.agreed_text.en == "Loan rate 4.70%, Fee 0.35%");
    // Bank: rate (4.70 − 4.60) / 0.60 = 17, fee (0.35 − 0.20) / 0.30 = 50 → (3·17 + 50) / 4 = 25.
    CHECK(n.bank_value == 25);
    // Client (its weights 3 and 1): rate (5.00 − 4.70) / 0.80 = 37.5 → 38, fee (0.40 − 0.35) / 0.30
    // = 17 → (3·38 + 17) / 4 = 32.75 → 33.
    CHECK(n.client_satisfaction == 33);
    CHECK(n.trainee_concessions == 1);
    CHECK(n.rule_adherence == 100);
    // Block: (25 × 40 + 33 × 20 + 100 × 40) / 100 = 56.6 → 57.
    CHECK(n.score == 57);
    // I evidence: prep +2, hold +1, trade +2, hold 0 (only a block's first hold counts),
    // accept +1 → P 6, N 0, K 3 → (100·6 + 50·3) / (6 + 0 + 3) = 750 / 9 = 83.3 → 83.
    REQUIRE(d.score.competencies.size() == 1);
    CHECK(d.score.competencies[0].id == "I");
    CHECK(d.score.competencies[0].score == 83);
    // Total (83 × 60 + 100 × 25 + 57 × 15) / 100 = 83.35 → 83.
    CHECK(d.score.negotiation_part == 57);
    CHECK(d.score.total == 83);
}

TEST_CASE("squeezing past the bank's target gains the bank nothing and costs the client's satisfaction",
          "[scoring][negotiation]") {
    // 不要太贪心: with the client's reservation at 5.40, a deal at the target 5.20 and one squeezed
    // to 5.30 are worth the same to the bank; the client is less satisfied with the second.
    Negotiation block = rate_block();
    block.issues[0].client_reservation = 540;
    const CompetencyModel m = model();
    auto deal_at = [&](std::int64_t rate) {
        NegotiationState s;
        s.block = &block;
        s.outcome = NegotiationOutcome::Deal;
        s.agreed = {{"rate", rate}};
        return s;
    };
    const NegotiationState fair = deal_at(520), squeezed = deal_at(530);
    CHECK(block_bank_value(fair) == 100);
    CHECK(block_bank_value(squeezed) == 100);
    CHECK(block_client_satisfaction(fair) == 17);      // (5.40 − 5.20) / (5.40 − 4.20)
    CHECK(block_client_satisfaction(squeezed) == 8);   // 0.10 / 1.20
    CHECK(block_score(fair, m) == 83);                 // (100·40 + 17·20 + 100·40) / 100 = 83.4
    CHECK(block_score(squeezed, m) == 82);             // 81.6
}

TEST_CASE("rule adherence loses 15 per rule broken and a no-deal block scores no bank value", "[scoring]") {
    auto sc = negotiation_scenario(rate_block(), {"p"});
    const auto cs = content({persona("p")}, {sc});
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
    CHECK(d.score.negotiation_part == 22);  // (0 × 40 + 0 × 20 + 55 × 40) / 100

    // When the client's reservation is beyond the bank's walk-away, no deal was possible:
    // walking away earns the whole bank value.
    Negotiation hopeless = rate_block();
    hopeless.issues[0].client_reservation = 450;
    auto sc2 = negotiation_scenario(hopeless, {"p"});
    const auto cs2 = content({persona("p")}, {sc2});
    Session w(cs2, sc2, "p", 1, Difficulty::Normal);
    play(w, {"prep:concede=rate;hold=", "hold", "walk"});
    CHECK(debrief(w).negotiations[0].bank_value == 100);
    CHECK(w.decisions().back().evidence.at(0).value == 1);
}

TEST_CASE("the debrief JSON carries ids, texts in the chosen language and every decision", "[scoring]") {
    auto sc = two_steps({{"A", 2}}, {{"C", 1}}, Violation{RedLine::HidingRisk, true, tx("state the risks")});
    const auto cs = content({persona("p")}, {sc});
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
    // A +2 → 350 / 5 = 70; C +1 → 250 / 4 = 62.5 → 63.
    CHECK(en["score"]["competencies"] == nlohmann::json{{"A", 70}, {"C", 63}});
    CHECK(en["score"]["tier"] == "junior");
    CHECK(en["score"]["tier_name"] == "Junior");
    CHECK(en["score"]["failed"] == true);
    CHECK(en["score"]["stars"] == 0);
    CHECK(en["failed"] == true);
    CHECK(en["failure_reasons"] == nlohmann::json{"state the risks"});
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
    CHECK(first["sources"] == nlohmann::json::array());
    CHECK(first["evidence"] == nlohmann::json{{"A", 2}});
    CHECK(first["violation"]["red_line"] == "hiding_risk");
    CHECK(first["patience"] == 8);  // 10 − 1 (hard) − 1
    CHECK(first["emotion"] == "calm");
    CHECK_FALSE(en["decisions"][1].contains("violation"));

    const nlohmann::json zh = to_json(debrief(s), Lang::Zh);
    CHECK(zh["decisions"][0]["text"] == "「say first」");
    CHECK(zh["score"]["tier_name"] == "「Junior」");
}

TEST_CASE("a decision's sources reach the debrief beside its feedback", "[scoring]") {
    Option o = option("ask", "end", {{"C", 2}});
    o.sources = {"004 第38招", "000 投诉处理"};
    auto sc = scenario("cited", {dialogue("open", {o}), ending("end", OutcomeType::NextStep, 60)}, {"p"});
    const auto cs = content({persona("p")}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    play(s, {"1"});
    const Debrief d = debrief(s);
    CHECK(d.decisions[0].sources == std::vector<std::string>{"004 第38招", "000 投诉处理"});
    CHECK(to_json(d, Lang::En)["decisions"][0]["sources"] == nlohmann::json{"004 第38招", "000 投诉处理"});
}

TEST_CASE("an unfinished run has no outcome and scores what it showed so far", "[scoring]") {
    auto sc = two_steps({{"A", 3}}, {{"C", 3}});
    const auto cs = content({persona("p")}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    play(s, {"1"});
    const Debrief d = debrief(s);
    CHECK_FALSE(d.finished);
    CHECK(d.score.outcome_part == 0);
    // A 75, C not shown yet 50: (150 + 100) / 4 = 62.5 → 63; × 75% = 47.25 → 47.
    CHECK(d.score.total == 47);
    const nlohmann::json j = to_json(d, Lang::En);
    CHECK(j["outcome"].is_null());
    CHECK(j["ending"].is_null());
}
