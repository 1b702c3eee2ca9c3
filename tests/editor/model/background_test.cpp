// The workers behind the window: the analysis runs at the lowest priority (it must not take a
// core from the frames), the validator judges each revision off the window's thread with the
// same verdict as the synchronous validator.
#include <catch2/catch.hpp>

#include <sched.h>
#include <cerrno>
#include <sys/resource.h>

#include "background_analysis.h"
#include "background_validation.h"
#include "editor_fixture.h"
#include "problems.h"

using namespace parley;
using namespace parley::editor;
using namespace parley::editor::test;

TEST_CASE("the analysis worker runs in the idle class at niceness 19, the rest of the process does not",
          "[editor][analysis]") {
    Scratch s("priority");
    auto doc = s.open(s.copy_shipped());
    BackgroundAnalysis worker;
    worker.request(doc->shared(), doc->snapshot(), "analytical", doc->revision());
    worker.wait_idle();
    const long tid = worker.worker_kernel_id();
    REQUIRE(tid > 0);
    REQUIRE(worker.worker_priority_lowered());
    errno = 0;
    CHECK(::getpriority(PRIO_PROCESS, static_cast<id_t>(tid)) == 19);
    CHECK(::sched_getscheduler(static_cast<pid_t>(tid)) == SCHED_IDLE);
    // The calling (window's) thread keeps its own priority.
    CHECK(::sched_getscheduler(0) != SCHED_IDLE);
    CHECK(::getpriority(PRIO_PROCESS, 0) < 19);
}

TEST_CASE("the background validator gives each revision the synchronous validator's verdict", "[editor][problems]") {
    Scratch s("bgvalidate");
    auto doc = s.open(s.copy_shipped());
    BackgroundValidation worker;
    worker.request(doc->shared(), doc->snapshot(), doc->revision());
    worker.wait_idle();
    auto r = worker.latest();
    REQUIRE(r);
    CHECK(r->revision == doc->revision());
    CHECK(r->validation.complete);
    CHECK(r->validation.errors == 0);

    doc->connect(index_of(*doc, "lukewarm"), 0, "no_such_node");
    const Validation now = validate_model(doc->scenario(), *doc->shared());
    REQUIRE(now.errors > 0);
    worker.request(doc->shared(), doc->snapshot(), doc->revision());
    worker.wait_idle();
    r = worker.latest();
    REQUIRE(r);
    CHECK(r->revision == doc->revision());
    CHECK_FALSE(r->validation.complete);
    CHECK(r->validation.errors == now.errors);
    CHECK(r->validation.warnings == now.warnings);
    REQUIRE(r->validation.problems.size() == now.problems.size());
    for (std::size_t i = 0; i < now.problems.size(); ++i)
        CHECK(r->validation.problems[i].diagnostic.message == now.problems[i].diagnostic.message);
    // The judged model travels with the verdict (the analysis is asked for that very model).
    REQUIRE(r->scenario);
    CHECK(r->scenario->nodes[index_of(*doc, "lukewarm")].options[0].consequence.next == "no_such_node");
}
