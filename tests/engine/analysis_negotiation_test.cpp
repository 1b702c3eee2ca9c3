// The analysis explores negotiation blocks over a finite move set, and its memoised results
// equal a brute-force enumeration of every path over the same moves.
#include <algorithm>
#include <climits>
#include <set>

#include <catch2/catch.hpp>

#include "analysis_build.h"
#include "parley/analysis.h"
#include "parley/debrief.h"
#include "parley/negotiation.h"

using namespace parley;
using namespace parley::test;

namespace {

// Every path, no memoisation: the baseline the analysis must agree with.
struct Enumerated {
    int best = INT_MIN, worst = INT_MAX;
    std::size_t paths = 0;
    std::set<std::string> endings;
};

void enumerate(const Session& s, Enumerated& out) {
    if (s.finished()) {
        const int total = debrief(s).score.total;
        out.best = std::max(out.best, total);
        out.worst = std::min(out.worst, total);
        out.endings.insert(s.current_node().id);
        ++out.paths;
        return;
    }
    for (const auto& d : candidate_decisions(s)) {
        Session next = s;
        if (!next.decide(d)) enumerate(next, out);
    }
}

int replayed_total(const Built& b, const std::vector<std::string>& choices) {
    Session s(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    for (const auto& c : choices) {
        auto err = s.decide(c);
        INFO("decision " << c << ": " << (err ? err->message : ""));
        REQUIRE_FALSE(err);
    }
    REQUIRE(s.finished());
    return debrief(s).score.total;
}

// A good or a bad opening, then a one-issue rate negotiation.
Built rate_meeting() {
    return build({dialogue("open", {option("good", "terms", 3), option("bad", "terms", -3)}),
                  negotiation("terms", {rate_issue()}, "end_deal", "end_no_deal", "end_left"),
                  ending("end_deal", OutcomeType::Deal, 100),
                  ending("end_no_deal", OutcomeType::NoDeal, 20),
                  ending("end_left", OutcomeType::ClientLeft, 0)},
                 "end_left", 20);
}

NegotiationIssue fee_issue() {
    NegotiationIssue i;
    i.id = "fee";
    i.label = tx("Arrangement fee");
    i.unit = "%";
    i.decimals = 2;
    i.min = 0;
    i.max = 100;
    i.step = 5;
    i.bank_prefers_higher = true;
    i.bank_target = 50;
    i.bank_walkaway = 20;
    i.client_opening = 10;
    i.client_reservation = 40;
    return i;
}

}  // namespace

TEST_CASE("before a negotiation the analysis tries the author's lists, empty lists and swapped "
          "lists",
          "[analysis][negotiation]") {
    const Built b = build({negotiation("terms", {rate_issue(), fee_issue()}, "end_deal",
                                       "end_no_deal", "end_left"),
                           ending("end_deal", OutcomeType::Deal, 100),
                           ending("end_no_deal", OutcomeType::NoDeal, 20),
                           ending("end_left", OutcomeType::ClientLeft, 0)},
                          "end_left", 20);
    Session s(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    REQUIRE(s.in_negotiation());
    const auto before = candidate_decisions(s);
    REQUIRE(before.size() == 3);
    for (const auto& d : before) CHECK(d.rfind("prep:", 0) == 0);

    const Negotiation& block = *b.scenario->nodes[0].negotiation;
    std::string error;
    auto author = parse_move(before[0], block, error);
    REQUIRE(author);
    CHECK(author->concede == std::vector<std::string>{"fee"});
    CHECK(author->hold == std::vector<std::string>{"rate"});
    auto empty = parse_move(before[1], block, error);
    REQUIRE(empty);
    CHECK(empty->concede.empty());
    CHECK(empty->hold.empty());
    auto swapped = parse_move(before[2], block, error);
    REQUIRE(swapped);
    CHECK(swapped->concede == std::vector<std::string>{"rate"});
    CHECK(swapped->hold == std::vector<std::string>{"fee"});
}

TEST_CASE("during a negotiation the analysis tries hold, accept, walk, split, nibbles, small "
          "concessions and trades",
          "[analysis][negotiation]") {
    const Built b = build({negotiation("terms", {rate_issue(), fee_issue()}, "end_deal",
                                       "end_no_deal", "end_left"),
                           ending("end_deal", OutcomeType::Deal, 100),
                           ending("end_no_deal", OutcomeType::NoDeal, 20),
                           ending("end_left", OutcomeType::ClientLeft, 0)},
                          "end_left", 20);
    Session s(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    REQUIRE_FALSE(s.decide(candidate_decisions(s).front()));
    if (s.negotiation()->trainee_offer.empty()) {
        // The first move after preparing may have to be an opening offer.
        const auto first = candidate_decisions(s);
        REQUIRE_FALSE(first.empty());
        CHECK(first.front().rfind("offer:", 0) == 0);
        REQUIRE_FALSE(s.decide(first.front()));
    }
    REQUIRE(s.in_negotiation());
    const NegotiationState& ns = *s.negotiation();
    const auto moves = candidate_decisions(s);
    auto has = [&](const std::string& m) {
        return std::find(moves.begin(), moves.end(), m) != moves.end();
    };
    CHECK(has("hold"));
    CHECK(has("accept"));
    CHECK(has("walk"));
    CHECK(has("split"));

    const NegotiationIssue& rate = b.scenario->nodes[0].negotiation->issues[0];
    const NegotiationIssue& fee = b.scenario->nodes[0].negotiation->issues[1];
    const std::int64_t my_rate = ns.trainee_offer.at("rate"), their_rate = ns.client_offer.at("rate");
    const std::int64_t my_fee = ns.trainee_offer.at("fee"), their_fee = ns.client_offer.at("fee");
    REQUIRE(my_rate - their_rate >= 3 * rate.step);   // room for the moves below
    REQUIRE(my_fee - their_fee >= 3 * fee.step);
    CHECK(has("offer:rate=" + format_value(rate, my_rate - rate.step)));
    // Offers concede one step at a time: a bigger step is never better play, and it would
    // multiply the states explored.
    CHECK_FALSE(has("offer:rate=" + format_value(rate, my_rate - 2 * rate.step)));
    CHECK(has("offer:fee=" + format_value(fee, my_fee - fee.step)));
    CHECK(has("nibble:rate=" + format_value(rate, their_rate + rate.step)));
    CHECK(has("trade:fee=" + format_value(fee, my_fee - fee.step) +
              "/rate=" + format_value(rate, their_rate + rate.step)));
    CHECK(has("trade:rate=" + format_value(rate, my_rate - rate.step) +
              "/fee=" + format_value(fee, their_fee + fee.step)));
    // Every move the analysis tries is written in the syntax play --choices reads.
    for (const auto& m : moves) {
        std::string error;
        CHECK(parse_move(m, *b.scenario->nodes[0].negotiation, error));
    }
}

TEST_CASE("memoised best and worst through a negotiation equal a brute-force enumeration",
          "[analysis][negotiation]") {
    const Built b = rate_meeting();
    const PersonaAnalysis a = analyze(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    Enumerated all;
    enumerate(Session(b.content, b.scenario, "neutral", 1, Difficulty::Normal), all);

    REQUIRE(a.complete);
    REQUIRE(a.best);
    REQUIRE(a.worst);
    CHECK(a.best->total == all.best);
    CHECK(a.worst->total == all.worst);
    CHECK(a.states < all.paths);   // paths meet: far fewer states than paths
    for (const auto& e : a.endings) CHECK(e.reachable == (all.endings.count(e.id) == 1));
    CHECK(replayed_total(b, a.best->choices) == a.best->total);
    CHECK(replayed_total(b, a.worst->choices) == a.worst->total);
    CHECK(a.best->ending == "end_deal");
}

TEST_CASE("memoised best and worst over branching dialogue equal a brute-force enumeration",
          "[analysis]") {
    // Three rounds of three options with mixed evidence and trust effects; a close that is only
    // offered once trust is high, and branches on trust.
    auto trust_at_least = [](int v) {
        Condition c;
        c.kind = Condition::Kind::Compare;
        c.subject = "trust";
        c.op = CmpOp::Ge;
        c.value = v;
        return c;
    };
    auto step = [&](const std::string& id, const std::string& next) {
        Option warm = option("warm", next, 2);
        warm.consequence.effects.trust = 10;
        Option cold = option("cold", next, -1);
        cold.consequence.effects.trust = -5;
        Option facts = option("facts", next, 1);
        Branch b;
        b.when = trust_at_least(65);
        b.next = "end_deal";
        facts.consequence.branches.push_back(b);
        Option close = option("close", "end_next_step", 3);
        close.when = trust_at_least(60);
        return dialogue(id, {warm, cold, facts, close});
    };
    const Built b = build({step("r1", "r2"), step("r2", "r3"), step("r3", "end_no_deal"),
                           ending("end_deal", OutcomeType::Deal, 100),
                           ending("end_next_step", OutcomeType::NextStep, 60),
                           ending("end_no_deal", OutcomeType::NoDeal, 0),
                           ending("end_left", OutcomeType::ClientLeft, 0)},
                          "end_left", 12);
    const PersonaAnalysis a = analyze(b.content, b.scenario, "neutral", 1, Difficulty::Normal);
    Enumerated all;
    enumerate(Session(b.content, b.scenario, "neutral", 1, Difficulty::Normal), all);
    REQUIRE(a.best);
    REQUIRE(a.worst);
    CHECK(a.best->total == all.best);
    CHECK(a.worst->total == all.worst);
    CHECK(replayed_total(b, a.best->choices) == a.best->total);
    CHECK(replayed_total(b, a.worst->choices) == a.worst->total);
}
