// The teaching checks of negotiation blocks (format reference §8): one block that triggers each
// check and one that does not. The baseline is terms_block (rate weight 3 to hold, fee weight 1
// to concede, eight rounds) against a linear client with patience 4: a block worth practising,
// where the best path trades by the rules.
#include <catch2/catch.hpp>

#include <string>

#include "parley/analysis.h"
#include "session_builders.h"

using namespace parley;
using namespace parley::runtime_test;

namespace {

Persona client(int patience = 4) {
    Persona p = persona("p");
    p.concession.patience_rounds = patience;
    return p;
}

// The warnings check_soundness gives the block, at its node (/nodes/0), containing `words`.
int warnings(const Negotiation& block, const Persona& p, const std::string& words) {
    auto sc = negotiation_scenario(block, {p.id});
    const auto cs = content({p}, {sc});
    Diagnostics diags;
    check_soundness(cs, sc, diags);
    int n = 0;
    for (const auto& d : diags.items) {
        UNSCOPED_INFO(format(d));
        if (d.message.find(words) == std::string::npos) continue;
        CHECK(d.severity == Severity::Warning);
        CHECK(d.pointer == "/nodes/0");
        ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("the baseline block passes every teaching check", "[analysis][teaching]") {
    auto sc = negotiation_scenario(terms_block(), {"p"});
    const auto cs = content({client()}, {sc});
    Diagnostics diags;
    check_soundness(cs, sc, diags);
    for (const auto& d : diags.items) {
        INFO(format(d));
        CHECK(d.message.rfind("negotiation '", 0) == std::string::npos);  // how every teaching check starts
    }
}

TEST_CASE("teaching check: a block with no tension", "[analysis][teaching]") {
    CHECK(warnings(terms_block(), client(), "has no tension") == 0);
    Negotiation easy = terms_block();
    easy.issues[0].client_reservation = 530;  // beyond the bank's target 5.20
    easy.issues[1].client_reservation = 60;   // beyond the bank's target 0.50
    CHECK(warnings(easy, client(), "has no tension") == 1);
}

TEST_CASE("teaching check: a client reservation outside the walk-away … target range",
          "[analysis][teaching]") {
    CHECK(warnings(terms_block(), client(), "is outside the range") == 0);
    Negotiation below = terms_block();
    below.issues[0].client_reservation = 450;  // worse for the bank than its walk-away 4.60
    CHECK(warnings(below, client(), "no deal within the walk-away exists on it") == 1);
    Negotiation beyond = terms_block();
    beyond.issues[0].client_reservation = 530;  // better for the bank than its target 5.20
    CHECK(warnings(beyond, client(), "holding alone reaches the target on it") == 1);
}

TEST_CASE("teaching check: fewer than three counter-offers", "[analysis][teaching]") {
    CHECK(warnings(terms_block(), client(3), "fewer than three") == 0);
    CHECK(warnings(terms_block(), client(2), "fewer than three") == 1);
    Negotiation short_block = terms_block();
    short_block.max_rounds = 3;  // room for two counters and the round that takes the last
    CHECK(warnings(short_block, client(), "fewer than three") == 1);
}

TEST_CASE("teaching check: a concession curve longer than the block", "[analysis][teaching]") {
    CHECK(warnings(terms_block(), client(7), "its reservation is never on the table") == 0);
    CHECK(warnings(terms_block(), client(8), "its reservation is never on the table") == 1);
    Persona squeezes = client(7);
    squeezes.concession.squeeze_rounds = 1;  // a squeezed round does not advance the curve
    CHECK(warnings(terms_block(), squeezes, "its reservation is never on the table") == 1);
}

TEST_CASE("teaching check: a best path that breaks a concession rule", "[analysis][teaching]") {
    CHECK(warnings(terms_block(), client(), "the best path breaks a concession rule") == 0);
    // Four rounds against a patient client: its reservation is never offered, so the best the
    // trainee can do is propose to split first — the scoring would reward what the seed warns against.
    Negotiation hurried = terms_block();
    hurried.max_rounds = 4;
    CHECK(warnings(hurried, client(7), "the best path breaks a concession rule") == 1);
}

TEST_CASE("teaching check: a block where no trade is ever accepted", "[analysis][teaching]") {
    CHECK(warnings(terms_block(), client(), "the client never accepts any trade") == 0);
    // One issue: nothing to trade against, so 条件交换 cannot be practised.
    CHECK(warnings(rate_block(), client(), "the client never accepts any trade") == 1);
}
