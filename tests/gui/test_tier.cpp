// The trainee's tier on the progress screen (gamification.h): the mean of the last five runs
// that are not practice, never above the highest tier those runs' own debriefs reached — a
// level-1 meeting cannot make anyone 高级, however well it is played (seed 003: tiers by content).
#include <catch2/catch.hpp>

#include "gamification.h"
#include "parley/loader.h"

using namespace parley;
using namespace parley::player;

namespace {

RunRecord run(int total, const std::string& tier, bool practice = false) {
    RunRecord r;
    r.total = total;
    r.tier = tier;
    r.practice = practice;
    return r;
}

CompetencyModel shipped_model() {
    Diagnostics diags;
    const auto content = load_content(PARLEY_SOURCE_DIR "/scenarios", diags);
    REQUIRE(content);
    return content->model;
}

}  // namespace

TEST_CASE("the trainee's tier is the mean of the last five runs, capped by the meetings' level", "[tier]") {
    const CompetencyModel model = shipped_model();   // junior 0, intermediate 60, senior 80
    CHECK(trainee_tier(model, {}) == nullptr);
    // Excellent runs of a level-1 meeting: their debriefs say junior, so the trainee is junior.
    CHECK(trainee_tier(model, {run(95, "junior"), run(92, "junior")})->id == "junior");
    // One senior-level run among them lifts the cap; the mean (90) then gives senior.
    CHECK(trainee_tier(model, {run(95, "junior"), run(85, "senior")})->id == "senior");
    // The mean still decides below the cap: (85 + 45) / 2 = 65 → intermediate.
    CHECK(trainee_tier(model, {run(85, "senior"), run(45, "junior")})->id == "intermediate");
    // Only the last five count, and practice runs never do.
    CHECK(trainee_tier(model, {run(90, "senior"), run(40, "junior"), run(40, "junior"), run(40, "junior"),
                               run(40, "junior"), run(40, "junior")})->id == "junior");
    CHECK(trainee_tier(model, {run(40, "junior"), run(99, "senior", true)})->id == "junior");
}
