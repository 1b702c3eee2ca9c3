// The content gate: every shipped scenario is sound for every persona it is written for —
// no soft-lock, every ending reachable, a best run worth three stars and a worst run worth at
// most one, and the best run the analysis reports replays to exactly its result.
// (The scenario's default difficulty and seed 1, as the validator checks it.)
#include <catch2/catch.hpp>

#include "parley/analysis.h"
#include "parley/debrief.h"
#include "parley/loader.h"

using namespace parley;

namespace {

Debrief replay_choices(const std::shared_ptr<const ContentSet>& content, const std::shared_ptr<const Scenario>& sc,
                       const std::string& persona, const std::vector<std::string>& choices) {
    Session s(content, sc, persona, 1, sc->default_difficulty);
    for (const auto& c : choices) {
        auto err = s.decide(c);
        INFO("decision '" << c << "': " << (err ? err->message : ""));
        REQUIRE_FALSE(err);
    }
    REQUIRE(s.finished());
    return debrief(s);
}

}  // namespace

TEST_CASE("every shipped scenario is sound for every persona it is written for",
          "[analysis][content]") {
    Diagnostics diags;
    const auto content = load_content(PARLEY_SOURCE_DIR "/scenarios", diags);
    for (const auto& d : diags.items) UNSCOPED_INFO(format(d));
    REQUIRE(content);
    REQUIRE_FALSE(content->scenarios.empty());

    for (const auto& sc : content->scenarios) {
        for (const auto& persona : sc->personas) {
            INFO("scenario " << sc->id << ", persona " << persona);
            const PersonaAnalysis a =
                analyze(content, sc, persona, 1, sc->default_difficulty);
            INFO(to_json(a).dump(1));
            CHECK(a.complete);
            CHECK(a.softlocks.empty());
            for (const auto& e : a.endings) {
                INFO("ending " << e.id);
                CHECK(e.reachable);
            }
            REQUIRE(a.best);
            REQUIRE(a.worst);
            CHECK(a.best->stars >= 3);
            CHECK(a.worst->stars <= 1);

            const Debrief best = replay_choices(content, sc, persona, a.best->choices);
            CHECK(best.score.total == a.best->total);
            CHECK(best.score.stars == a.best->stars);
            CHECK(best.outcome == a.best->outcome);
            CHECK(best.ending == a.best->ending);
            const Debrief worst = replay_choices(content, sc, persona, a.worst->choices);
            CHECK(worst.score.total == a.worst->total);
        }
    }
}
