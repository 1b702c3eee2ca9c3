// The concession rules of seed 000 (双赢谈判), one test per rule, and a clean negotiation.
// One issue (rate, 5.60 → client 4.20…5.00): a linear client with patience 6 offers
// 4.35, 4.45, 4.60, 4.75, 4.85, 5.00 in rounds 1–6 while the trainee stays above that.
#include <catch2/catch.hpp>

#include "parley/negotiation.h"
#include "parley/session.h"
#include "session_builders.h"

using namespace parley;
using namespace parley::runtime_test;

namespace {

void play(Session& s, std::initializer_list<const char*> moves) {
    for (const char* m : moves) {
        auto refused = s.decide(m);
        if (refused) FAIL("move '" << m << "' refused: " << refused->message);
    }
}

std::vector<NegotiationRule> rules_of(const DecisionRecord& d) {
    std::vector<NegotiationRule> out;
    for (const auto& b : d.breaches) out.push_back(b.rule);
    return out;
}

using R = NegotiationRule;

struct Run {
    std::shared_ptr<const ContentSet> content;
    std::shared_ptr<const Scenario> scenario;
    Session session;
    Run(Negotiation block, Persona p)
        : content(parley::runtime_test::content({p}, {})),
          scenario(negotiation_scenario(std::move(block), {p.id})),
          session(content, scenario, p.id, 1, Difficulty::Normal) {}
};

}  // namespace

TEST_CASE("preparing without the must-hold issue on the hold list breaks Prepared", "[negotiation]") {
    Run r(terms_block(), persona("p"));
    play(r.session, {"prep:concede=fee;hold="});
    const DecisionRecord& d = r.session.decisions().back();
    REQUIRE(d.breaches.size() == 1);
    CHECK(d.breaches[0].rule == R::Prepared);
    CHECK(d.breaches[0].issue == "rate");
    CHECK(d.evidence.at(0).competency == "I");
    CHECK(d.evidence.at(0).value == -2);
    CHECK(d.feedback.zh.find("两张表") != std::string::npos);

    Run sound(terms_block(), persona("p"));
    play(sound.session, {"prep:concede=fee;hold=rate"});
    CHECK(sound.session.decisions().back().breaches.empty());
    CHECK(sound.session.decisions().back().evidence.at(0).value == 2);
}

TEST_CASE("more concessions than allowed break FewConcessions", "[negotiation]") {
    Run r(rate_block(2), persona("p"));
    // Three concessions, each smaller, never in consecutive rounds: only the third is too many.
    play(r.session, {"prep:concede=rate;hold=", "hold", "offer:rate=5.40", "hold", "offer:rate=5.30",
                     "hold", "offer:rate=5.25"});
    const auto& ds = r.session.decisions();
    CHECK(rules_of(ds[2]) == std::vector<R>{R::TradeDontGive});
    CHECK(rules_of(ds[4]) == std::vector<R>{R::TradeDontGive});
    CHECK(rules_of(ds[6]) == std::vector<R>{R::FewConcessions, R::TradeDontGive});
    CHECK(ds[6].breaches[0].round == 6);
    CHECK(ds[6].evidence.at(0).value == -3);
}

TEST_CASE("conceding in round 1 or in consecutive rounds breaks Slowly", "[negotiation]") {
    Run first(rate_block(), persona("p"));
    play(first.session, {"prep:concede=rate;hold=", "offer:rate=5.50"});
    CHECK(rules_of(first.session.decisions().back()) == std::vector<R>{R::Slowly, R::TradeDontGive});
    CHECK(first.session.decisions().back().breaches[0].round == 1);

    Run twice(rate_block(), persona("p"));
    play(twice.session, {"prep:concede=rate;hold=", "hold", "offer:rate=5.50", "offer:rate=5.45"});
    CHECK(rules_of(twice.session.decisions()[2]) == std::vector<R>{R::TradeDontGive});
    CHECK(rules_of(twice.session.decisions()[3]) == std::vector<R>{R::Slowly, R::TradeDontGive});
}

TEST_CASE("a concession no smaller than the last one on the issue breaks Diminishing", "[negotiation]") {
    Run r(rate_block(), persona("p"));
    play(r.session, {"prep:concede=rate;hold=", "hold", "offer:rate=5.50", "hold", "offer:rate=5.40"});
    const DecisionRecord& d = r.session.decisions().back();
    CHECK(rules_of(d) == std::vector<R>{R::Diminishing, R::TradeDontGive});
    CHECK(d.breaches[0].issue == "rate");
    CHECK(d.breaches[0].round == 4);
}

TEST_CASE("proposing to split the difference first breaks NeverSplitFirst", "[negotiation]") {
    Run r(rate_block(), persona("p"));  // split_gap 0: this client never proposes it
    play(r.session, {"prep:concede=rate;hold=", "hold", "split"});
    const DecisionRecord& d = r.session.decisions().back();
    CHECK(rules_of(d) == std::vector<R>{R::NeverSplitFirst});
    const NegotiationState& done = r.session.negotiations_done().at(0);
    CHECK(done.trainee_proposed_split);
    CHECK(done.agreed.at("rate") == 495);  // midpoint of 5.60 and 4.35, on the client's side
}

TEST_CASE("a concession given by an offer rather than traded breaks TradeDontGive", "[negotiation]") {
    Run r(rate_block(), persona("p"));
    play(r.session, {"prep:concede=rate;hold=", "hold", "offer:rate=5.50"});
    const DecisionRecord& d = r.session.decisions().back();
    CHECK(rules_of(d) == std::vector<R>{R::TradeDontGive});
    CHECK(d.feedback.en == "Trade, never give: every concession should buy one from the client.");
    CHECK(d.evidence.at(0).value == -2);
}

TEST_CASE("conceding an issue on the trainee's own hold list breaks RespectHoldList", "[negotiation]") {
    Persona p = persona("p");
    p.concession.patience_rounds = 4;
    Run r(terms_block(), p);
    // Rate 5.60 → 5.40 (2400 bp) buys fee 0.20 → 0.30 (1000 bp): a fair trade, on the wrong issue.
    play(r.session, {"prep:concede=fee;hold=rate", "hold", "trade:rate=5.40/fee=0.30"});
    const DecisionRecord& d = r.session.decisions().back();
    CHECK(rules_of(d) == std::vector<R>{R::RespectHoldList});
    CHECK(d.breaches[0].issue == "rate");
}

TEST_CASE("a deal beyond the bank's walk-away breaks RespectWalkaway", "[negotiation]") {
    Run r(rate_block(), persona("p"));
    play(r.session, {"prep:concede=rate;hold=", "hold", "accept"});
    const DecisionRecord& d = r.session.decisions().back();
    CHECK(rules_of(d) == std::vector<R>{R::RespectWalkaway});
    CHECK(d.breaches[0].issue == "rate");
    CHECK(r.session.negotiations_done().at(0).agreed.at("rate") == 435);
}

TEST_CASE("a negotiation by the rules breaks none and shows the skill", "[negotiation]") {
    Persona p = persona("p");
    p.concession.patience_rounds = 4;  // rate 4.40, 4.60, 4.80, 5.00; fee 0.20, 0.25, 0.35, 0.40
    Run r(terms_block(), p);
    play(r.session, {"prep:concede=fee;hold=rate",  // both lists as the bank needs them
                     "hold",                        // nothing in round 1
                     "trade:fee=0.60/rate=4.70",    // give fee only for rate
                     "hold",                        // never two rounds running
                     "accept"});                    // rate 4.70, fee 0.35
    for (const auto& d : r.session.decisions()) {
        INFO(d.decision);
        CHECK(d.breaches.empty());
        if (&d == &r.session.decisions()[3]) {
            CHECK(d.evidence.empty());  // only the block's first hold is evidence of the skill
            continue;
        }
        REQUIRE(d.evidence.size() == 1);
        CHECK(d.evidence[0].value > 0);
    }
    const NegotiationState& done = r.session.negotiations_done().at(0);
    CHECK(done.outcome == NegotiationOutcome::Deal);
    CHECK(done.agreed == IssueValues{{"rate", 470}, {"fee", 35}});
    CHECK(done.breaches.empty());
    CHECK(r.session.current_node().id == "end_deal");
}

TEST_CASE("the value of an agreement runs from walk-away to target for the bank and opening to reservation for the client", "[negotiation]") {
    const Negotiation block = terms_block();
    // Bank: rate (4.70 − 4.60) / (5.20 − 4.60) = 17, fee (0.35 − 0.20) / (0.50 − 0.20) = 50;
    // weighted (3 × 17 + 50) / 4 = 25.25 → 25.
    CHECK(bank_value(block, {{"rate", 470}, {"fee", 35}}) == 25);
    CHECK(bank_value(block, {{"rate", 520}, {"fee", 50}}) == 100);
    // Below the walk-away an issue counts down (to −100 at most), above the target it stops at 100:
    // rate (4.50 − 4.60) / 0.60 = −17, fee 100; (3 × −17 + 100) / 4 = 12.25 → 12.
    CHECK(bank_value(block, {{"rate", 450}, {"fee", 90}}) == 12);
    // Client: rate (5.00 − 4.70) / (5.00 − 4.20) = 38, fee (0.40 − 0.35) / (0.40 − 0.10) = 17;
    // (3 × 38 + 17) / 4 = 32.75 → 33.
    CHECK(client_satisfaction(block, {{"rate", 470}, {"fee", 35}}) == 33);
    CHECK(client_satisfaction(block, {{"rate", 420}, {"fee", 10}}) == 100);
}
