// The runtime of a dialogue: persona reactions, objection methods, closes, patience,
// conditions, errors and determinism.
#include <catch2/catch.hpp>

#include <set>
#include <stdexcept>

#include "conditions.h"
#include "parley/session.h"
#include "session_builders.h"

using namespace parley;
using namespace parley::runtime_test;

namespace {

StateDecl meters(int trust, int interest, int patience) {
    StateDecl d;
    d.trust = trust;
    d.interest = interest;
    d.patience = patience;
    return d;
}

// One node whose option 1 carries `tags` and moves trust and interest by the given deltas.
std::shared_ptr<const Scenario> one_move(std::vector<Tag> tags, int trust, int interest,
                                         std::vector<std::string> personas) {
    Option o = option("move", "end");
    o.tags = std::move(tags);
    o.consequence.effects.trust = trust;
    o.consequence.effects.interest = interest;
    return scenario("one-move", {dialogue("start", {o}), ending("end", OutcomeType::NextStep, 50)},
                    std::move(personas), meters(50, 50, 10));
}

}  // namespace

TEST_CASE("the same option moves two personas differently", "[session]") {
    Persona analyst = persona("analyst");
    analyst.reactions[Tag::FactsData] = {150, 2, 0, 0, std::nullopt};
    Persona driver = persona("driver");
    driver.reactions[Tag::FactsData] = {50, 0, 0, -1, Emotion::Boredom};
    auto sc = one_move({Tag::FactsData}, 10, 6, {"analyst", "driver"});
    const auto content_set = content({analyst, driver}, {sc});

    Session a(content_set, sc, "analyst", 1, Difficulty::Normal);
    REQUIRE_FALSE(a.choose(1));
    // trust 10 × 150% = 15, + 2 flat; interest 6 × 150% = 9; one patience per decision.
    CHECK(a.decisions().back().trust_delta == 17);
    CHECK(a.decisions().back().interest_delta == 9);
    CHECK(a.state().trust == 67);
    CHECK(a.state().interest == 59);
    CHECK(a.state().patience == 9);
    CHECK(a.state().emotion == Emotion::Calm);

    Session d(content_set, sc, "driver", 1, Difficulty::Normal);
    REQUIRE_FALSE(d.choose(1));
    // trust 10 × 50% = 5; interest 6 × 50% = 3; patience −1 − 1; bored by facts.
    CHECK(d.decisions().back().trust_delta == 5);
    CHECK(d.decisions().back().interest_delta == 3);
    CHECK(d.state().trust == 55);
    CHECK(d.state().patience == 8);
    CHECK(d.state().emotion == Emotion::Boredom);
}

TEST_CASE("reaction scales multiply in tag order, rounding half away from zero each time", "[session]") {
    Persona p = persona("p");
    p.reactions[Tag::FactsData] = {150, 0, 0, 0, std::nullopt};
    p.reactions[Tag::Story] = {50, 0, 0, 0, std::nullopt};
    // trust 3 → 4.5 → 5 → 2.5 → 3 (one rounding at the end would give 2);
    // interest −3 → −4.5 → −5 → −2.5 → −3.
    auto sc = one_move({Tag::FactsData, Tag::Story}, 3, -3, {"p"});
    const auto cs = content({p}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    REQUIRE_FALSE(s.choose(1));
    CHECK(s.decisions().back().trust_delta == 3);
    CHECK(s.decisions().back().interest_delta == -3);
}

TEST_CASE("an objection is resolved only by a method that works with this client", "[session]") {
    StateDecl st = meters(50, 50, 10);
    st.objections = {{"rate_high", ObjectionType::Price, tx("rate too high")}};
    Option raise = option("ask_price", "objection");
    raise.consequence.effects.raise_objections = {"rate_high"};
    Option answer = option("ask_why", "after");
    answer.consequence.effects.trust = 10;
    answer.consequence.effects.resolve_objections = {"rate_high"};
    answer.objection = ObjectionAnswer{"rate_high", ObjectionMethod::Questioning};
    Option still_open = option("still_open", "end");
    still_open.when.kind = Condition::Kind::Objection;
    still_open.when.subject = "rate_high";
    still_open.when.objection_is = Condition::ObjectionIs::Open;
    Option move_on = option("move_on", "end");
    auto sc = scenario("objection",
                       {dialogue("start", {raise}), dialogue("objection", {answer}, Stage::Objection),
                        dialogue("after", {still_open, move_on}), ending("end", OutcomeType::NextStep, 50)},
                       {"curious", "stubborn"}, st);
    Persona curious = persona("curious");
    curious.method_effectiveness[ObjectionMethod::Questioning] = 130;
    Persona stubborn = persona("stubborn");
    stubborn.method_effectiveness[ObjectionMethod::Questioning] = 60;
    const auto cs = content({curious, stubborn}, {sc});

    Session works(cs, sc, "curious", 1, Difficulty::Normal);
    REQUIRE_FALSE(works.choose(1));
    CHECK(works.state().raised.count("rate_high") == 1);
    REQUIRE_FALSE(works.choose(1));
    const DecisionRecord& w = works.decisions().back();
    CHECK(w.method_effectiveness == 130);
    CHECK(w.objection_resolved == true);
    CHECK(w.trust_delta == 13);
    CHECK(works.state().resolved.count("rate_high") == 1);
    // The open-objection option is hidden once it is resolved.
    REQUIRE(works.options().size() == 1);
    CHECK(works.options()[0].option->id == "move_on");

    Session fails(cs, sc, "stubborn", 1, Difficulty::Normal);
    REQUIRE_FALSE(fails.choose(1));
    REQUIRE_FALSE(fails.choose(1));
    const DecisionRecord& f = fails.decisions().back();
    CHECK(f.method_effectiveness == 60);
    CHECK(f.objection_resolved == false);
    CHECK(f.trust_delta == 6);
    CHECK(fails.state().resolved.count("rate_high") == 0);
    REQUIRE(fails.options().size() == 2);
    CHECK(fails.options()[0].option->id == "still_open");
}

TEST_CASE("a close without buying signals is premature and takes the premature path", "[session]") {
    StateDecl st = meters(50, 50, 10);
    st.flags = {"buying_signal"};
    Option signal = option("listen", "close");
    signal.consequence.effects.set_flags = {"buying_signal"};
    Option rush = option("rush", "close");
    Option ask = option("ask_for_business", "won", {{"A", 2}});
    ask.consequence.effects.trust = 5;
    ask.close = Close{};
    ask.close->strategy = CloseStrategy::Direct;
    ask.close->timely_when.kind = Condition::Kind::Flag;
    ask.close->timely_when.subject = "buying_signal";
    ask.close->premature.effects.trust = -10;
    ask.close->premature.evidence = {{"A", -2}};
    ask.close->premature.feedback = tx("too early");
    ask.close->premature.next = "lost";
    auto sc = scenario("close",
                       {dialogue("start", {signal, rush}), dialogue("close", {ask}, Stage::Closing),
                        ending("won", OutcomeType::Deal, 100), ending("lost", OutcomeType::NoDeal, 10)},
                       {"p"}, st);
    Persona p = persona("p");
    p.reactions[Tag::CloseDirect] = {200, 0, 0, 0, std::nullopt};  // the strategy's tag counts
    const auto cs = content({p}, {sc});

    Session timely(cs, sc, "p", 1, Difficulty::Normal);
    REQUIRE_FALSE(timely.choose(1));
    REQUIRE_FALSE(timely.choose(1));
    CHECK(timely.decisions().back().close_timely == true);
    CHECK(timely.decisions().back().trust_delta == 10);
    CHECK(timely.decisions().back().evidence[0].value == 2);
    CHECK(timely.current_node().id == "won");

    Session premature(cs, sc, "p", 1, Difficulty::Normal);
    REQUIRE_FALSE(premature.choose(2));
    REQUIRE_FALSE(premature.choose(1));
    const DecisionRecord& r = premature.decisions().back();
    CHECK(r.close_timely == false);
    CHECK(r.trust_delta == -20);
    CHECK(r.evidence[0].value == -2);
    CHECK(r.feedback.en == "too early");
    CHECK(premature.current_node().id == "lost");
}

TEST_CASE("when patience runs out the client ends the meeting", "[session]") {
    Option chat = option("small_talk", "chat");
    Option leave = option("wrap_up", "polite_end");
    auto sc = scenario("patience",
                       {dialogue("chat", {chat, leave}), ending("polite_end", OutcomeType::NextStep, 60),
                        ending("client_left", OutcomeType::ClientLeft, 0)},
                       {"p"}, meters(50, 50, 3));
    auto* mut = const_cast<Scenario*>(sc.get());
    mut->patience_out = "client_left";
    const auto cs = content({persona("p")}, {sc});

    Session normal(cs, sc, "p", 1, Difficulty::Normal);
    CHECK(normal.state().patience == 3);
    REQUIRE_FALSE(normal.choose(1));
    REQUIRE_FALSE(normal.choose(1));
    CHECK_FALSE(normal.finished());
    REQUIRE_FALSE(normal.choose(1));  // patience 0 and the target is not an ending
    CHECK(normal.finished());
    CHECK(normal.current_node().id == "client_left");
    CHECK(normal.path() == std::vector<std::string>{"chat", "chat", "chat", "client_left"});

    // Reaching an ending with the last patience point ends there, not at patience_out.
    Session last(cs, sc, "p", 1, Difficulty::Normal);
    REQUIRE_FALSE(last.choose(1));
    REQUIRE_FALSE(last.choose(1));
    REQUIRE_FALSE(last.choose(2));
    CHECK(last.current_node().id == "polite_end");

    // Difficulty: +2 easy, −1 hard.
    CHECK(Session(cs, sc, "p", 1, Difficulty::Easy).state().patience == 5);
    CHECK(Session(cs, sc, "p", 1, Difficulty::Hard).state().patience == 2);
    CHECK(visibility_of(Difficulty::Hard) == Visibility::Cues);
    CHECK(visibility_of(Difficulty::Normal) == Visibility::Meters);
}

TEST_CASE("persona offsets set the start of the meeting and meters stay within 0-100", "[session]") {
    Persona warm = persona("warm");
    warm.trust_offset = 60;
    warm.interest_offset = -70;
    warm.patience_offset = -20;
    auto sc = one_move({}, 30, -30, {"warm"});
    const auto cs = content({warm}, {sc});
    Session s(cs, sc, "warm", 1, Difficulty::Hard);
    CHECK(s.state().trust == 100);
    CHECK(s.state().interest == 0);
    CHECK(s.state().patience == 1);  // never below 1 at the start
    REQUIRE_FALSE(s.choose(1));
    CHECK(s.state().trust == 100);
    CHECK(s.state().interest == 0);
}

TEST_CASE("conditions hide options that do not apply to this client, persona or difficulty", "[session]") {
    Option warm = option("warm_only", "end");
    warm.when.kind = Condition::Kind::Compare;
    warm.when.subject = "trust";
    warm.when.op = CmpOp::Ge;
    warm.when.value = 60;
    Option always = option("always", "end");
    Option for_driver = option("driver_only", "end");
    for_driver.when.kind = Condition::Kind::Persona;
    for_driver.when.personas = {"driver"};
    Option hard = option("hard_only", "end");
    hard.when.kind = Condition::Kind::Difficulty;
    hard.when.difficulties = {Difficulty::Hard};
    auto sc = scenario("conditions",
                       {dialogue("start", {warm, always, for_driver, hard}),
                        ending("end", OutcomeType::NextStep, 50)},
                       {"analyst", "driver"}, meters(50, 50, 10));
    const auto cs = content({persona("analyst"), persona("driver")}, {sc});

    Session a(cs, sc, "analyst", 1, Difficulty::Normal);
    REQUIRE(a.options().size() == 1);
    CHECK(a.options()[0].option->id == "always");
    CHECK(a.options()[0].number == 1);
    auto refused = a.choose(2);
    REQUIRE(refused);
    CHECK(refused->message == "option 2 does not exist here (choose 1–1)");

    Session d(cs, sc, "driver", 1, Difficulty::Hard);
    std::vector<std::string> ids;
    for (const auto& o : d.options()) ids.push_back(o.option->id);
    CHECK(ids == std::vector<std::string>{"always", "driver_only", "hard_only"});
    REQUIRE_FALSE(d.choose(3));
    CHECK(d.decisions().back().option_id == "hard_only");
}

TEST_CASE("condition trees combine needs, emotions, objections and variables", "[session]") {
    ClientState st;
    st.trust = 40;
    st.variables["benefits"] = 2;
    st.needs = {"cash_flow"};
    st.raised = {"fees", "timing"};
    st.resolved = {"timing"};
    st.emotion = Emotion::Suspicion;
    const std::string who = "analyst";
    const ConditionContext ctx{st, who, Difficulty::Normal};

    auto leaf = [](Condition::Kind k, std::string subject) {
        Condition c;
        c.kind = k;
        c.subject = std::move(subject);
        return c;
    };
    Condition need = leaf(Condition::Kind::Need, "cash_flow");
    Condition var = leaf(Condition::Kind::Compare, "benefits");
    var.op = CmpOp::Eq;
    var.value = 2;
    Condition emotion;
    emotion.kind = Condition::Kind::Emotion;
    emotion.emotions = {Emotion::Anger, Emotion::Suspicion};
    Condition open_fees = leaf(Condition::Kind::Objection, "fees");
    Condition open_timing = leaf(Condition::Kind::Objection, "timing");
    Condition raised_timing = open_timing;
    raised_timing.objection_is = Condition::ObjectionIs::Raised;

    Condition all;
    all.kind = Condition::Kind::All;
    all.children = {need, var, emotion, open_fees, raised_timing};
    CHECK(holds(all, ctx));
    Condition not_open;
    not_open.kind = Condition::Kind::Not;
    not_open.children = {open_timing};
    CHECK(holds(not_open, ctx));
    Condition any;
    any.kind = Condition::Kind::Any;
    any.children = {open_timing, leaf(Condition::Kind::Flag, "agenda_set")};
    CHECK_FALSE(holds(any, ctx));
    Condition low_trust = leaf(Condition::Kind::Compare, "trust");
    low_trust.op = CmpOp::Lt;
    low_trust.value = 40;
    CHECK_FALSE(holds(low_trust, ctx));
}

TEST_CASE("a persona the scenario is not written for is refused", "[session]") {
    auto sc = one_move({}, 1, 1, {"analyst"});
    const auto cs = content({persona("analyst"), persona("driver")}, {sc});
    CHECK_THROWS_WITH(Session(cs, sc, "driver", 1, Difficulty::Normal),
                      "persona 'driver' is not playable in scenario 'one-move' (it is written for: analyst)");
    auto orphan = one_move({}, 1, 1, {"ghost"});
    CHECK_THROWS_AS(Session(cs, orphan, "ghost", 1, Difficulty::Normal), std::invalid_argument);
}

TEST_CASE("an invalid decision is refused and changes nothing", "[session]") {
    auto sc = one_move({}, 5, 5, {"p"});
    const auto cs = content({persona("p")}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    const std::string before = s.state_key();
    for (const char* bad : {"0", "2", "abc", "", "offer:rate=5.00", "99999999999"})
        CHECK(s.decide(bad));
    CHECK(s.decide("abc")->message == "expected an option number (1–1), got 'abc'");
    CHECK(s.negotiate(NegotiationMove{})->message ==
          "there is no negotiation here: choose an option by number");
    CHECK(s.state_key() == before);
    CHECK(s.decisions().empty());
    REQUIRE_FALSE(s.decide("1"));
    CHECK(s.finished());
    CHECK(s.decide("1")->message == "the run has finished");
}

TEST_CASE("arriving at a node shows its emotion and a persona cue picked by the seed", "[session]") {
    Node tense = dialogue("tense", {option("calm_down", "end")});
    tense.emotion = Emotion::Nervousness;
    Node scripted = dialogue("scripted", {option("go", "tense")});
    scripted.cue = tx("taps the table");
    auto sc = scenario("cues", {scripted, tense, ending("end", OutcomeType::NextStep, 50)}, {"p"},
                       meters(50, 50, 10));
    const auto cs = content({persona("p")}, {sc});

    Session s(cs, sc, "p", 7, Difficulty::Hard);
    CHECK(s.beat().cue.en == "taps the table");  // the node's own cue wins
    CHECK(s.beat().visibility == Visibility::Cues);
    REQUIRE_FALSE(s.choose(1));
    CHECK(s.state().emotion == Emotion::Nervousness);
    CHECK(s.beat().emotion == Emotion::Nervousness);
    CHECK(s.beat().cue.en.rfind("nervousness cue ", 0) == 0);

    // Same seed, same pick; across seeds every variant shows up.
    std::set<std::string> picked;
    for (std::uint64_t seed = 0; seed < 40; ++seed) {
        Session a(cs, sc, "p", seed, Difficulty::Normal), b(cs, sc, "p", seed, Difficulty::Normal);
        REQUIRE_FALSE(a.choose(1));
        REQUIRE_FALSE(b.choose(1));
        CHECK(a.beat().cue.en == b.beat().cue.en);
        picked.insert(a.beat().cue.en);
    }
    CHECK(picked.size() == 3);
}

TEST_CASE("line_by_persona gives each persona its own line", "[session]") {
    Node n = dialogue("start", {option("go", "end")});
    n.line_by_persona["driver"] = tx("get to the point");
    auto sc = scenario("lines", {n, ending("end", OutcomeType::NextStep, 50)}, {"analyst", "driver"});
    const auto cs = content({persona("analyst"), persona("driver")}, {sc});
    CHECK(Session(cs, sc, "driver", 1, Difficulty::Normal).beat().line.en == "get to the point");
    CHECK(Session(cs, sc, "analyst", 1, Difficulty::Normal).beat().line.en == "the client speaks at start");
}

TEST_CASE("the state key is equal exactly when the futures and scores are the same", "[session]") {
    Option a = option("a", "mid", {{"A", 1}});
    Option b = option("b", "mid", {{"A", 1}});
    Option c = option("c", "mid", {{"A", 2}});
    Option d = option("d", "mid", {{"A", 1}});
    d.consequence.effects.set_flags = {"noted"};
    StateDecl st = meters(50, 50, 10);
    st.flags = {"noted"};
    auto sc = scenario("keys",
                       {dialogue("start", {a, b, c, d}), dialogue("mid", {option("end", "end")}),
                        ending("end", OutcomeType::NextStep, 50)},
                       {"p"}, st);
    const auto cs = content({persona("p")}, {sc});
    auto after = [&](std::size_t n) {
        Session s(cs, sc, "p", 1, Difficulty::Normal);
        REQUIRE_FALSE(s.choose(n));
        return s.state_key();
    };
    CHECK(after(1) == after(2));  // different words, same effects and evidence
    CHECK(after(1) != after(3));  // stronger evidence: a different score ahead
    CHECK(after(1) != after(4));  // a flag set: a different state
}

TEST_CASE("a decision leading to a node that does not exist is refused and changes nothing", "[session]") {
    auto sc = scenario("broken", {dialogue("start", {option("lost", "nowhere")})}, {"p"},
                       meters(50, 50, 10));
    const auto cs = content({persona("p")}, {sc});
    Session s(cs, sc, "p", 1, Difficulty::Normal);
    const std::string before = s.state_key();
    auto refused = s.choose(1);
    REQUIRE(refused);
    CHECK(refused->message == "content error: node 'nowhere' does not exist");
    CHECK(s.state_key() == before);
    CHECK(s.decisions().empty());
    CHECK(s.path() == std::vector<std::string>{"start"});
}
