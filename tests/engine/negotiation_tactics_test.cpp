// The client's tactics (seed 000 双赢谈判) and the answers the scoring rewards:
//   挤压法 (squeeze): "you'll have to do better" — hold, don't bid against yourself;
//   蚕食法 at the close (the client's nibble): "one small thing before I sign" — hold the terms.
// Two issues (rate weight 3, fee weight 1; terms_block), a linear client with patience 4.
#include <catch2/catch.hpp>

#include "parley/debrief.h"
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

struct Run {
    std::shared_ptr<const ContentSet> content;
    std::shared_ptr<const Scenario> scenario;
    Session session;
    explicit Run(Persona p)
        : content(parley::runtime_test::content({p}, {})),
          scenario(negotiation_scenario(terms_block(), {p.id})),
          session(content, scenario, p.id, 1, Difficulty::Normal) {}
    const DecisionRecord& last() const { return session.decisions().back(); }
};

Persona squeezer() {
    Persona p = persona("squeezer");
    p.concession.patience_rounds = 4;
    p.concession.squeeze_rounds = 1;
    return p;
}

Persona nibbler() {
    Persona p = persona("nibbler");
    p.concession.patience_rounds = 4;
    p.concession.nibble_at_close_percent = 2;  // 2% of the rate's 2.50 range: one step, 0.05
    return p;
}

}  // namespace

TEST_CASE("a squeezing client stands on its offer instead of countering", "[negotiation][tactics]") {
    Run r(squeezer());
    play(r.session, {"prep:concede=fee;hold=rate"});
    const IssueValues opening = r.session.negotiation()->client_offer;
    play(r.session, {"hold"});
    const NegotiationState& s = *r.session.negotiation();
    CHECK(s.squeezed);
    CHECK(s.squeezes == 1);
    CHECK(s.client_offer == opening);  // its curve does not advance while it squeezes
    CHECK(s.counters_left == 4);
    CHECK_FALSE(s.client_says.en.empty());
}

TEST_CASE("holding against a squeeze is the skill; bidding against yourself breaks a rule",
          "[negotiation][tactics]") {
    SECTION("hold: +2, no breach, and the client counters next") {
        Run r(squeezer());
        play(r.session, {"prep:concede=fee;hold=rate", "hold", "hold"});
        CHECK(r.last().breaches.empty());
        REQUIRE(r.last().evidence.size() == 1);
        CHECK(r.last().evidence[0].value == 2);
        CHECK_FALSE(r.session.negotiation()->squeezed);
        CHECK(r.session.negotiation()->counters_left == 3);
    }
    SECTION("a lower offer for nothing: a concession given, not traded, and negative evidence") {
        Run r(squeezer());
        play(r.session, {"prep:concede=fee;hold=rate", "hold", "offer:fee=0.75"});
        bool gave = false;
        for (const auto& b : r.last().breaches) gave |= b.rule == NegotiationRule::TradeDontGive;
        CHECK(gave);
        REQUIRE(r.last().evidence.size() == 1);
        CHECK(r.last().evidence[0].value < 0);
    }
}

TEST_CASE("a client that nibbles at the close asks for one small thing before it signs",
          "[negotiation][tactics]") {
    Run r(nibbler());
    // The clean negotiation of negotiation_rules_test: agreed at rate 4.70, fee 0.35 …
    play(r.session, {"prep:concede=fee;hold=rate", "hold", "trade:fee=0.60/rate=4.70", "hold",
                     "accept"});
    // … but the client first asks for 0.05 off the issue it weighs most, the rate.
    REQUIRE(r.session.in_negotiation());
    const NegotiationState& s = *r.session.negotiation();
    REQUIRE(s.pending_deal);
    CHECK(*s.pending_deal == IssueValues{{"rate", 470}, {"fee", 35}});
    CHECK(s.client_offer == IssueValues{{"rate", 465}, {"fee", 35}});
}

TEST_CASE("holding the agreed terms against the client's nibble is the skill; giving it away is "
          "a concession for nothing",
          "[negotiation][tactics]") {
    SECTION("hold: the deal stands as agreed, +2") {
        Run r(nibbler());
        play(r.session, {"prep:concede=fee;hold=rate", "hold", "trade:fee=0.60/rate=4.70", "hold",
                         "accept", "hold"});
        CHECK(r.last().breaches.empty());
        REQUIRE(r.last().evidence.size() == 1);
        CHECK(r.last().evidence[0].value == 2);
        const NegotiationState& done = r.session.negotiations_done().at(0);
        CHECK(done.outcome == NegotiationOutcome::Deal);
        CHECK(done.agreed == IssueValues{{"rate", 470}, {"fee", 35}});
    }
    SECTION("accept: the extra is given for nothing, a rule breaks, the evidence is negative") {
        Run r(nibbler());
        play(r.session, {"prep:concede=fee;hold=rate", "hold", "trade:fee=0.60/rate=4.70", "hold",
                         "accept", "accept"});
        CHECK_FALSE(r.last().breaches.empty());
        REQUIRE(r.last().evidence.size() == 1);
        CHECK(r.last().evidence[0].value < 0);
        const NegotiationState& done = r.session.negotiations_done().at(0);
        CHECK(done.outcome == NegotiationOutcome::Deal);
        CHECK(done.agreed.at("rate") == 465);
    }
    SECTION("the same run scores higher when the nibble is held") {
        Run held(nibbler()), gave(nibbler());
        play(held.session, {"prep:concede=fee;hold=rate", "hold", "trade:fee=0.60/rate=4.70", "hold",
                            "accept", "hold"});
        play(gave.session, {"prep:concede=fee;hold=rate", "hold", "trade:fee=0.60/rate=4.70", "hold",
                            "accept", "accept"});
        REQUIRE(held.session.finished());
        REQUIRE(gave.session.finished());
        CHECK(debrief(held.session).score.total > debrief(gave.session).score.total);
    }
}

TEST_CASE("a client nibbling after the trainee accepts its offer names the extra it asks for",
          "[negotiation][tactics]") {
    Run r(nibbler());
    play(r.session, {"prep:concede=fee;hold=rate", "hold", "hold", "hold", "hold", "accept"});
    REQUIRE(r.session.in_negotiation());
    const NegotiationState& s = *r.session.negotiation();
    REQUIRE(s.pending_deal);
    // The agreed terms are the offer accepted; the client asks one step less on the rate.
    CHECK(s.client_offer.at("rate") == s.pending_deal->at("rate") - 5);
    CHECK(s.client_says.en.find("one small thing: Loan rate") != std::string::npos);
}
