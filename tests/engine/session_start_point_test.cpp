// A run started at a chosen node in a chosen client state (the editor's playtest).
#include <catch2/catch.hpp>

#include <stdexcept>

#include "parley/session.h"
#include "session_builders.h"

using namespace parley;
using namespace parley::runtime_test;

TEST_CASE("a run can start at any node in the client state the trainer chose", "[session]") {
    Option gated = option("gated", "end");
    gated.when.kind = Condition::Kind::Flag;
    gated.when.subject = "met_before";
    auto sc = scenario("start-point",
                       {dialogue("first", {option("go", "second")}), dialogue("second", {gated, option("plain", "end")}),
                        ending("end", OutcomeType::NextStep, 50)},
                       {"p"}, StateDecl{});
    const auto set = content({persona("p")}, {sc});

    StartPoint from;
    from.node = "second";
    from.state.trust = 80;
    from.state.interest = 20;
    from.state.patience = 4;
    from.state.flags = {"met_before"};
    Session s(set, sc, "p", 7, Difficulty::Hard, from);
    CHECK(s.current_node().id == "second");
    CHECK(s.path() == std::vector<std::string>{"second"});
    CHECK(s.state().trust == 80);   // no persona or difficulty offsets on top
    CHECK(s.state().interest == 20);
    CHECK(s.state().patience == 4);
    REQUIRE(s.options().size() == 2);   // the flag set at the start opens the gated option
    REQUIRE_FALSE(s.choose(1));
    CHECK(s.finished());
    CHECK(s.state().patience == 3);

    from.node = "nowhere";
    CHECK_THROWS_AS(Session(set, sc, "p", 7, Difficulty::Hard, from), std::invalid_argument);
}
