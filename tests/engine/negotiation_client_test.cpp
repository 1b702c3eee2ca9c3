// The client's side of a negotiation: concession curves, reciprocity, reservation, patience,
// trades, nibbles, splitting the difference; and the move syntax.
#include <catch2/catch.hpp>

#include <cmath>

#include "det_math.h"
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

std::int64_t client(const Session& s, const std::string& issue) {
    REQUIRE(s.negotiation());
    return s.negotiation()->client_offer.at(issue);
}

ConcessionPolicy policy(int beta_percent) {
    ConcessionPolicy p;
    p.beta_percent = beta_percent;
    return p;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Concession curves: opening 4.20 → reservation 5.00 (80 units), steps of 0.05, T = 4.
// ---------------------------------------------------------------------------------------------

TEST_CASE("a linear client concedes the same amount every round", "[negotiation]") {
    const NegotiationIssue rate = rate_issue();
    CHECK(client_time_offer(rate, policy(100), 0, 4) == 420);
    CHECK(client_time_offer(rate, policy(100), 1, 4) == 440);
    CHECK(client_time_offer(rate, policy(100), 2, 4) == 460);
    CHECK(client_time_offer(rate, policy(100), 3, 4) == 480);
    CHECK(client_time_offer(rate, policy(100), 4, 4) == 500);
    CHECK(client_time_offer(rate, policy(100), 9, 4) == 500);  // never past the reservation
}

TEST_CASE("a Boulware client (beta below 1) holds and concedes late", "[negotiation]") {
    const NegotiationIssue rate = rate_issue();
    // beta 0.5: alpha = (t/4)^2 = 1/16, 1/4, 9/16 → +5, +20, +45 units.
    CHECK(client_time_offer(rate, policy(50), 1, 4) == 425);
    CHECK(client_time_offer(rate, policy(50), 2, 4) == 440);
    CHECK(client_time_offer(rate, policy(50), 3, 4) == 465);
    CHECK(client_time_offer(rate, policy(50), 4, 4) == 500);
    // beta 0.4: alpha(2/4) = 0.5^2.5 = 0.1768 → +14.1 → 4.34 → nearest step 4.35.
    CHECK(client_time_offer(rate, policy(40), 2, 4) == 435);
}

TEST_CASE("a conceder client (beta above 1) concedes early", "[negotiation]") {
    const NegotiationIssue rate = rate_issue();
    // beta 2: alpha = sqrt(t/4) = 0.5, 0.7071, 0.8660 → +40, +56.6, +69.3 units → 4.60, 4.77, 4.89,
    // each to the nearest step: 4.60, 4.75, 4.90.
    CHECK(client_time_offer(rate, policy(200), 1, 4) == 460);
    CHECK(client_time_offer(rate, policy(200), 2, 4) == 475);
    CHECK(client_time_offer(rate, policy(200), 3, 4) == 490);
    CHECK(client_time_offer(rate, policy(200), 4, 4) == 500);
}

TEST_CASE("concession curves work for issues the bank wants low", "[negotiation]") {
    NegotiationIssue term;
    term.id = "term";
    term.label = tx("Term");
    term.decimals = 0;
    term.min = 12;
    term.max = 84;
    term.step = 1;
    term.bank_prefers_higher = false;
    term.client_opening = 60;      // the client wants a long term
    term.client_reservation = 36;  // and goes down to 36 months at most
    CHECK(client_time_offer(term, policy(100), 1, 4) == 54);
    CHECK(client_time_offer(term, policy(100), 2, 4) == 48);
    CHECK(client_time_offer(term, policy(100), 4, 4) == 36);
}

TEST_CASE("deterministic pow, exp and log agree with the library to double precision", "[negotiation]") {
    for (double x : {0.001, 0.1, 0.25, 0.5, 0.75, 0.999, 1.0, 2.0, 10.0, 12345.678})
        CHECK(det_log(x) == Approx(std::log(x)).epsilon(1e-14).margin(1e-15));
    for (double y : {-20.0, -2.5, -0.3, 0.0, 0.7, 3.0, 20.0})
        CHECK(det_exp(y) == Approx(std::exp(y)).epsilon(1e-14));
    CHECK(det_pow(0.5, 0.5) == Approx(std::sqrt(0.5)).epsilon(1e-15));
    CHECK(det_pow(0.25, 2.0) == Approx(0.0625).epsilon(1e-15));
    CHECK(det_pow(0.0, 3.0) == 0.0);
    CHECK(round_div(5, 2) == 3);
    CHECK(round_div(-5, 2) == -3);
    CHECK(round_div(7, 3) == 2);
    CHECK(round_div(-7, 3) == -2);
}

// ---------------------------------------------------------------------------------------------
// The client in a session. One issue (rate), linear client, patience 6, max 8 rounds: T = 6,
// so the client's curve is 4.35, 4.45, 4.60, 4.75, 4.85, 5.00.
// ---------------------------------------------------------------------------------------------

TEST_CASE("the client follows its curve and accepts once the trainee's offer is no worse than its next", "[negotiation]") {
    auto sc = negotiation_scenario(rate_block(), {"p"});
    const auto cs = content({persona("p")}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    REQUIRE(s.in_negotiation());
    CHECK(s.decide("hold")->message.rfind("prepare first", 0) == 0);
    play(s, {"prep:concede=rate;hold="});
    CHECK(client(s, "rate") == 420);
    CHECK(s.negotiation()->trainee_offer.at("rate") == 560);
    play(s, {"offer:rate=4.75"});
    CHECK(client(s, "rate") == 435);
    play(s, {"hold"});
    CHECK(client(s, "rate") == 445);
    play(s, {"hold"});
    CHECK(client(s, "rate") == 460);
    CHECK(s.negotiation()->round == 3);
    play(s, {"hold"});  // the client's next offer would be 4.75: it takes the trainee's 4.75
    CHECK_FALSE(s.in_negotiation());
    REQUIRE(s.negotiations_done().size() == 1);
    const NegotiationState& done = s.negotiations_done()[0];
    CHECK(done.outcome == NegotiationOutcome::Deal);
    CHECK(done.agreed.at("rate") == 475);
    CHECK(done.client_says.en == "Agreed: Loan rate 4.75%.");
    CHECK(s.current_node().id == "end_deal");
}

TEST_CASE("the client mirrors a share of the trainee's concession (reciprocity)", "[negotiation]") {
    Persona mirror = persona("mirror");
    mirror.concession.reciprocity_percent = 50;
    Persona flat = persona("flat");
    auto sc = negotiation_scenario(rate_block(), {"mirror", "flat"});
    const auto cs = content({mirror, flat}, {sc});
    Session m(cs, sc, "mirror", 1, Difficulty::Normal), f(cs, sc, "flat", 1, Difficulty::Normal);
    for (Session* s : {&m, &f}) play(*s, {"prep:concede=rate;hold=", "hold", "offer:rate=5.40"});
    // The trainee gave 20 units in round 2; half of it comes back on top of the curve, for good.
    CHECK(client(f, "rate") == 445);
    CHECK(client(m, "rate") == 455);
    for (Session* s : {&m, &f}) play(*s, {"hold"});
    CHECK(client(f, "rate") == 460);
    CHECK(client(m, "rate") == 470);
}

TEST_CASE("the client never goes beyond its reservation", "[negotiation]") {
    Persona generous = persona("generous");
    generous.concession.reciprocity_percent = 100;
    generous.concession.beta_percent = 300;
    auto sc = negotiation_scenario(rate_block(), {"generous"});
    const auto cs = content({generous}, {sc});
    Session s(cs, sc, "generous", 1, Difficulty::Normal);
    play(s, {"prep:concede=rate;hold=", "hold", "offer:rate=5.20"});
    while (s.in_negotiation()) {
        CHECK(client(s, "rate") <= 500);
        play(s, {"hold"});
    }
    const NegotiationState& done = s.negotiations_done()[0];
    CHECK(done.outcome == NegotiationOutcome::ClientQuit);  // 5.20 is beyond its reservation
    CHECK(done.client_offer.at("rate") == 500);
    CHECK(s.current_node().id == "end_quit");
}

TEST_CASE("a client out of patience makes a final offer and then leaves", "[negotiation]") {
    Persona brisk = persona("brisk");
    brisk.concession.patience_rounds = 2;  // T = 2: 4.60, then 5.00 as its final offer
    auto sc = negotiation_scenario(rate_block(), {"brisk"});
    const auto cs = content({brisk}, {sc});

    Session quit(cs, sc, "brisk", 1, Difficulty::Normal);
    play(quit, {"prep:concede=rate;hold=", "hold"});
    CHECK(client(quit, "rate") == 460);
    play(quit, {"hold"});
    CHECK(client(quit, "rate") == 500);
    CHECK(quit.negotiation()->counters_left == 0);
    CHECK(quit.negotiation()->client_says.en == "Our terms: Loan rate 5.00%. This is our final offer.");
    play(quit, {"hold"});
    CHECK(quit.negotiations_done()[0].outcome == NegotiationOutcome::ClientQuit);
    CHECK(quit.current_node().id == "end_quit");

    Session take(cs, sc, "brisk", 1, Difficulty::Normal);
    play(take, {"prep:concede=rate;hold=", "hold", "hold", "accept"});
    CHECK(take.negotiations_done()[0].outcome == NegotiationOutcome::Deal);
    CHECK(take.negotiations_done()[0].agreed.at("rate") == 500);
}

TEST_CASE("when the rounds run out there is no deal", "[negotiation]") {
    Persona p = persona("p");
    p.concession.patience_rounds = 2;  // T = 2: 4.60, 5.00
    auto sc = negotiation_scenario(rate_block(3, 3), {"p"});
    const auto cs = content({p}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    play(s, {"prep:concede=rate;hold=", "hold", "hold"});
    CHECK(client(s, "rate") == 500);
    play(s, {"hold"});
    CHECK(s.negotiations_done()[0].outcome == NegotiationOutcome::NoDeal);
    CHECK(s.current_node().id == "end_no_deal");
}

TEST_CASE("walking away ends the negotiation with no deal", "[negotiation]") {
    auto sc = negotiation_scenario(rate_block(), {"p"});
    const auto cs = content({persona("p")}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    play(s, {"prep:concede=rate;hold=", "walk"});
    CHECK(s.negotiations_done()[0].outcome == NegotiationOutcome::NoDeal);
    CHECK(s.current_node().id == "end_no_deal");
    // A deal within the walk-away (4.60–5.00) was possible: walking away shows poor judgement.
    CHECK(s.decisions().back().evidence.at(0).competency == "I");
    CHECK(s.decisions().back().evidence.at(0).value == -1);
}

// ---------------------------------------------------------------------------------------------
// Trades (条件交换), two issues: rate (weight 3, range 250) and fee (weight 1, range 100).
// Client patience 4 → T = 4: rate 4.40, 4.60, 4.80, 5.00; fee 0.20, 0.25, 0.35, 0.40.
// ---------------------------------------------------------------------------------------------

TEST_CASE("a trade is taken when what it gives covers what it asks", "[negotiation]") {
    Persona p = persona("p");
    p.concession.patience_rounds = 4;
    auto sc = negotiation_scenario(terms_block(), {"p"});
    const auto cs = content({p}, {sc});

    // Round 2: giving fee 0.80 → 0.60 is worth 20/100 × 1 = 2000 bp; the client's own curve moves
    // the rate 4.40 → 4.60 this round, 20/250 × 3 = 2400 bp. Asking rate 4.80 (4800 bp) is too
    // much; rate 4.70 (3600 bp) is not.
    Session refused(cs, sc, "p", 1, Difficulty::Normal);
    play(refused, {"prep:concede=fee;hold=rate", "hold", "trade:fee=0.60/rate=4.80"});
    const NegotiationState* n = refused.negotiation();
    CHECK(n->client_says.en == "That exchange doesn't work for us. Our terms: Loan rate 4.60%, Fee 0.25%.");
    CHECK(n->trainee_offer.at("fee") == 80);
    CHECK(n->client_offer.at("rate") == 460);
    CHECK(n->round == 2);
    CHECK(refused.decisions().back().evidence.empty());

    Session taken(cs, sc, "p", 1, Difficulty::Normal);
    play(taken, {"prep:concede=fee;hold=rate", "hold", "trade:fee=0.60/rate=4.70"});
    n = taken.negotiation();
    CHECK(n->trainee_offer.at("fee") == 60);
    CHECK(n->trainee_offer.at("rate") == 470);
    CHECK(n->client_offer.at("rate") == 470);
    CHECK(n->client_offer.at("fee") == 25);
    REQUIRE(n->history.size() >= 2);
    bool traded_fee = false, traded_rate = false;
    for (const auto& c : n->history) {
        traded_fee = traded_fee || (c.by_trainee && c.traded && c.issue == "fee" && c.to == 60);
        traded_rate = traded_rate || (!c.by_trainee && c.traded && c.issue == "rate" && c.to == 470);
    }
    CHECK(traded_fee);
    CHECK(traded_rate);
    CHECK(taken.decisions().back().breaches.empty());
    CHECK(taken.decisions().back().evidence.at(0).value == 2);
}

TEST_CASE("a trade may take an issue past the client's reservation only when the client is paid for it",
          "[negotiation]") {
    Persona p = persona("p");
    p.concession.patience_rounds = 4;
    auto sc = negotiation_scenario(terms_block(), {"p"});
    const auto cs = content({p}, {sc});
    // Round 2, rate 4.40 → 5.05 asks 65/250 × 3 = 7800 bp. Giving the fee 0.80 → 0.75 (500 bp)
    // plus the curve's 2400 bp does not cover it: refused.
    Session short_paid(cs, sc, "p", 1, Difficulty::Normal);
    play(short_paid, {"prep:concede=fee;hold=rate", "hold", "trade:fee=0.75/rate=5.05"});
    REQUIRE(short_paid.in_negotiation());
    CHECK(short_paid.negotiation()->trainee_offer.at("fee") == 80);
    CHECK(short_paid.negotiation()->client_offer.at("rate") == 460);
    // Giving the whole fee (8000 bp) covers it, and the package is still worth more than its
    // reservations to the client: rate 0.05 past (−600 bp), fee 0.40 inside (+4000 bp). Taken,
    // and with the fee at nothing the trainee's terms beat the client's next offer: a deal.
    Session paid(cs, sc, "p", 1, Difficulty::Normal);
    play(paid, {"prep:concede=fee;hold=rate", "hold", "trade:fee=0.00/rate=5.05"});
    REQUIRE_FALSE(paid.in_negotiation());
    CHECK(paid.negotiations_done()[0].agreed == IssueValues{{"rate", 505}, {"fee", 0}});
}

TEST_CASE("a nibble close to agreement is granted once", "[negotiation]") {
    auto sc = negotiation_scenario(rate_block(), {"p"});
    const auto cs = content({persona("p")}, {sc});
    // Tolerance 5% of 250 units = 12.5. After round 5 the client offers 4.85 against 4.90.
    Session granted(cs, sc, "p", 1, Difficulty::Normal);
    play(granted, {"prep:concede=rate;hold=", "offer:rate=4.90", "hold", "hold", "hold", "hold"});
    CHECK(client(granted, "rate") == 485);
    play(granted, {"nibble:rate=4.95"});
    CHECK(granted.negotiations_done()[0].outcome == NegotiationOutcome::Deal);
    CHECK(granted.negotiations_done()[0].agreed.at("rate") == 495);
    CHECK(granted.decisions().back().evidence.at(0).value == 1);

    // Too big an extra (0.15 > 0.125) is refused, and a second nibble is refused too.
    Session greedy(cs, sc, "p", 1, Difficulty::Normal);
    play(greedy, {"prep:concede=rate;hold=", "offer:rate=4.90", "hold", "hold", "hold",
                  "nibble:rate=4.80"});
    CHECK(greedy.negotiation()->nibbled);
    CHECK(client(greedy, "rate") == 485);
    play(greedy, {"nibble:rate=4.95"});  // refused; the client's next offer meets the trainee's 4.90
    CHECK(greedy.negotiations_done()[0].agreed.at("rate") == 490);
}

TEST_CASE("a client with a split gap proposes splitting the difference itself", "[negotiation]") {
    Persona halver = persona("halver");
    halver.concession.split_gap_percent = 50;  // gaps up to 125 units
    auto sc = negotiation_scenario(rate_block(), {"halver"});
    const auto cs = content({halver}, {sc});
    Session s(cs, sc, "halver", 1, Difficulty::Normal);
    play(s, {"prep:concede=rate;hold=", "hold"});  // 5.60 against 4.35: a gap of 125
    CHECK(s.negotiation()->client_proposed_split);
    CHECK(s.negotiation()->client_says.en ==
          "Our terms: Loan rate 4.35%. We're close — shall we split the difference?");
    play(s, {"split"});
    // Midpoint 4.975: an exact half step goes to the client's side, 4.95.
    const NegotiationState& done = s.negotiations_done()[0];
    CHECK(done.agreed.at("rate") == 495);
    CHECK(done.breaches.empty());
}

TEST_CASE("a split beyond the client's reservation is refused and the round is used", "[negotiation]") {
    auto sc = negotiation_scenario(rate_block(), {"p"});
    const auto cs = content({persona("p")}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    play(s, {"prep:concede=rate;hold=", "offer:rate=6.00", "split"});  // midpoint of 6.00 and 4.35
    REQUIRE(s.in_negotiation());
    CHECK(s.negotiation()->round == 2);
    CHECK(client(s, "rate") == 445);
    CHECK(s.negotiation()->trainee_proposed_split);
}

// ---------------------------------------------------------------------------------------------
// Move syntax
// ---------------------------------------------------------------------------------------------

TEST_CASE("moves parse from and format to the transcript syntax", "[negotiation]") {
    const Negotiation block = terms_block();
    std::string error;
    auto prep = parse_move("prep:concede=fee;hold=rate", block, error);
    REQUIRE(prep);
    CHECK(prep->kind == MoveKind::Prepare);
    CHECK(prep->concede == std::vector<std::string>{"fee"});
    CHECK(prep->hold == std::vector<std::string>{"rate"});
    auto offer = parse_move("offer:fee=0.3;rate=5.2", block, error);
    REQUIRE(offer);
    CHECK(offer->values == IssueValues{{"rate", 520}, {"fee", 30}});
    CHECK(format_move(*offer, block) == "offer:rate=5.20;fee=0.30");
    auto trade = parse_move(" trade:fee=0.30/rate=5.10 ", block, error);
    REQUIRE(trade);
    CHECK(trade->values == IssueValues{{"fee", 30}});
    CHECK(trade->in_return == IssueValues{{"rate", 510}});
    for (const char* text : {"prep:concede=;hold=rate", "prep:concede=fee+rate;hold=", "hold",
                             "split", "accept", "walk", "nibble:fee=0.25", "trade:fee=0.30/rate=5.10"}) {
        auto m = parse_move(text, block, error);
        REQUIRE(m);
        CHECK(format_move(*m, block) == text);
    }
    CHECK(format_value(rate_issue(), 520) == "5.20");
    CHECK(format_value(rate_issue(), -5) == "-0.05");
}

TEST_CASE("malformed moves are refused with a message naming the problem", "[negotiation]") {
    const Negotiation block = terms_block();
    auto problem = [&](const char* text) {
        std::string error;
        CHECK_FALSE(parse_move(text, block, error));
        return error;
    };
    CHECK(problem("bid:rate=5") == "unknown move 'bid' (expected prep, offer, trade, hold, nibble, split, accept or walk)");
    CHECK(problem("offer:term=12") == "unknown issue 'term' (this negotiation has: rate, fee)");
    CHECK(problem("offer:rate=5.205") == "rate: '5.205' has more than 2 decimals");
    CHECK(problem("offer:rate=6.50") == "rate: 6.50 is outside 3.50–6.00");
    CHECK(problem("offer:rate=5.22") == "rate: 5.22 is not on a step of 0.05 from 3.50");
    CHECK(problem("offer:rate=abc") == "rate: 'abc' is not a number");
    CHECK(problem("offer:") == "expected issue=value");
    CHECK(problem("hold:rate=5") == "'hold' takes no values");
    CHECK(problem("prep:concede=rate;hold=rate") ==
          "issue 'rate' cannot be on both the concede list and the hold list");
    CHECK(problem("trade:fee=0.30") ==
          "expected trade:give=value/ask=value (what you give / what you ask in return)");
    CHECK(problem("nibble:fee=0.30;rate=5.00") == "a nibble asks for one small extra on one issue");
}

TEST_CASE("moves that do not fit the state are refused and change nothing", "[negotiation]") {
    auto sc = negotiation_scenario(terms_block(), {"p"});
    const auto cs = content({persona("p")}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    CHECK(s.decide("1"));  // a number is not a move
    play(s, {"prep:concede=fee;hold=rate"});
    const std::string key = s.state_key();
    CHECK(s.decide("prep:concede=fee;hold=rate")->message == "the concede and hold lists are already prepared");
    CHECK(s.decide("trade:fee=0.90/rate=5.00")->message ==
          "a trade gives something: fee 0.90 is not better for the client than your offer 0.80");
    CHECK(s.decide("trade:fee=0.50/rate=4.20")->message ==
          "a trade asks something in return: rate 4.20 is not better for the bank than the client's offer 4.20");
    CHECK(s.decide("nibble:rate=4.10")->message.rfind("a nibble asks for more than the client offers", 0) == 0);
    CHECK(s.choose(1)->message.rfind("this is a negotiation", 0) == 0);
    CHECK(s.state_key() == key);
    CHECK(s.decisions().size() == 1);
}
