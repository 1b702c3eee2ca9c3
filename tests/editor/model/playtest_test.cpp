// Playtests from any node with a chosen state, replays after an edit, and the background analysis.
#include <catch2/catch.hpp>

#include "background_analysis.h"
#include "editor_fixture.h"
#include "playtest.h"

using namespace parley;
using namespace parley::editor;
using namespace parley::editor::test;

TEST_CASE("a playtest starts at any node with the state the trainer chose and reaches an ending",
          "[editor][playtest]") {
    Scratch s("playtest");
    auto doc = s.open(s.copy_shipped());
    PlaytestSetup setup;
    setup.persona = "analytical";
    setup.start_node = "lukewarm";
    setup.state = starting_state(doc->scenario(), doc->shared()->personas.at("analytical"), Difficulty::Normal);
    setup.state.trust = 90;
    Session run = start_playtest(doc->shared(), doc->snapshot(), setup);
    CHECK(run.current_node().id == "lukewarm");
    CHECK(run.state().trust == 90);
    while (!run.finished()) REQUIRE_FALSE(run.choose(1));
    CHECK(run.current_node().kind == NodeKind::Ending);
}

TEST_CASE("replaying the last playtest after an edit shows where the run now goes another way",
          "[editor][playtest]") {
    Scratch s("replay");
    auto doc = s.open(s.copy_shipped());
    PlaytestSetup setup;
    setup.persona = "analytical";
    setup.state = starting_state(doc->scenario(), doc->shared()->personas.at("analytical"), Difficulty::Normal);
    Session first = start_playtest(doc->shared(), doc->snapshot(), setup);
    std::vector<std::string> decisions = {"1", "1", "1"};
    for (const auto& d : decisions) REQUIRE_FALSE(first.decide(d));
    const auto path = first.path();

    Replay same = replay_playtest(doc->shared(), doc->snapshot(), setup, decisions, path);
    CHECK_FALSE(same.diverged_at);
    CHECK(same.replayed == 3);

    // The second decision (probe_project option 1) now leads somewhere else.
    doc->connect(index_of(*doc, "probe_project"), 0, "probe_confirm");
    Replay changed = replay_playtest(doc->shared(), doc->snapshot(), setup, decisions, path);
    REQUIRE(changed.diverged_at);
    CHECK(*changed.diverged_at == 1);
    CHECK(changed.was == path[2]);
    CHECK(changed.now == "probe_confirm");
}

TEST_CASE("the background analysis reports best and worst paths, reachability and ending totals",
          "[editor][analysis]") {
    Scratch s("analysis");
    auto doc = s.open(s.copy_shipped());
    BackgroundAnalysis worker;
    worker.request(doc->shared(), doc->snapshot(), "analytical", doc->revision());
    worker.wait_idle();
    auto r = worker.latest();
    REQUIRE(r);
    CHECK(r->error.empty());
    CHECK(r->revision == doc->revision());
    REQUIRE(r->analysis.best);
    // The same best total as the engine's own analysis (the editor adds nothing to the rules).
    const int engine_best = analyze(doc->shared(), doc->snapshot(), "analytical", 1,
                                   doc->scenario().default_difficulty, AnalysisLimits{200'000, 256}).best->total;
    CHECK(r->analysis.best->total == engine_best);
    CHECK(r->analysis.best->ending == "end_deal");
    REQUIRE(r->analysis.worst);
    CHECK(r->analysis.unreachable_nodes == std::vector<std::string>{"autocrat_cuts_in"});
    CHECK(r->analysis.softlocks.empty());
    CHECK(r->ending_best.at("end_deal") == engine_best);
    CHECK(r->ending_best.count("end_no_deal"));
    CHECK(r->ending_best.at("end_no_deal") < engine_best);

    // A dead end made by an edit shows as a soft-lock in the next result.
    doc->edit_node(index_of(*doc, "lukewarm"), "Clear options", "", [](Node& n) { n.options.clear(); });
    worker.request(doc->shared(), doc->snapshot(), "analytical", doc->revision());
    worker.wait_idle();
    r = worker.latest();
    CHECK(r->revision == doc->revision());
    CHECK(std::any_of(r->analysis.softlocks.begin(), r->analysis.softlocks.end(),
                      [](const Softlock& l) { return l.node == "lukewarm"; }));
    CHECK(r->soundness.errors() >= 1);
}
