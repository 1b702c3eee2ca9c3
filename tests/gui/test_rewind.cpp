// The learning loop through the real window: finish a run, rewind at a decision where the
// choice was not the best ("Try from here"), take the better choice, and reach a debrief that
// shows both totals; the progress store records the rewound run as practice. With
// PARLEY_GUI_SHOTS=DIR it saves screenshots (zh and en) of the debrief with the rewind action,
// the rewound debrief and the recommendation.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <functional>

#include "gamification.h"
#include "gui_driver.h"
#include "parley/ui/screenshot.h"
#include "play_through.h"

using namespace parley;
using parley::test::GuiDriver;
using parley::test::TempDir;

namespace {

// Plays the meeting to its end through the UI and goes on to the debrief.
void play_to_end(GuiDriver& gui) {
    parley::test::play_meeting_to_end(gui);
    gui.key(sf::Keyboard::Enter);
    REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Debrief; }));
}

// Saves the screen in both languages as DIR/NAME-zh.png and DIR/NAME-en.png (F2 switches);
// `place` brings the part to show into view again after the switch (the page's length changes).
void shots(GuiDriver& gui, const std::string& name, const std::function<void()>& place) {
    const char* dir = std::getenv("PARLEY_GUI_SHOTS");
    if (!dir || !*dir) return;
    for (int k = 0; k < 2; ++k) {
        gui.frames(4);   // glyphs added to the atlas for new text show on the next frames
        place();
        const std::string lang = gui.shared().lang() == Lang::Zh ? "zh" : "en";
        std::string error;
        gui.app().on_frame_drawn([&](player::App& app) {
            CHECK(ui::save_screenshot(app.window(), std::string(dir) + "/" + name + "-" + lang + ".png", error));
        });
        gui.frames(1);
        gui.app().on_frame_drawn(nullptr);
        gui.key(sf::Keyboard::F2);
    }
}

}  // namespace

TEST_CASE("a finished run rewound at a decision that was not the best, played better, shows both totals and is kept as practice",
          "[gui][rewind]") {
    TempDir data("rewind");
    GuiDriver gui(data.path, Lang::Zh);
    REQUIRE(gui.click("library.card.sme-working-capital"));
    REQUIRE(gui.click("briefing.start"));
    REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Meeting; }));
    play_to_end(gui);

    // The best choice at every decision, worked out in the background.
    REQUIRE(gui.shared().finished);
    const auto original = gui.shared().finished;
    REQUIRE(gui.wait_until([&] { return original->regrets->ready(); }, 6000));
    REQUIRE(original->regrets->result);
    const DecisionRegret* missed = nullptr;   // the first dialogue decision that was not the best
    for (const auto& r : original->regrets->result->decisions)
        if (!missed && regret_of(r) > 0 && r.best != r.chosen && r.best.size() == 1 && r.best[0] >= '1' && r.best[0] <= '9')
            missed = &r;
    REQUIRE(missed);
    const std::size_t at = missed->index + 1;
    const int original_total = original->debrief.score.total;
    const std::string rewind_here = "debrief.rewind." + std::to_string(missed->index);
    auto show = [&](const std::string& target) { return [&gui, target] { REQUIRE(gui.show(target)); }; };
    REQUIRE(gui.show("debrief.costliest"));
    shots(gui, "1-debrief-costliest", show("debrief.costliest"));
    REQUIRE(gui.show(rewind_here));
    shots(gui, "2-debrief-rewind-action", show(rewind_here));

    // Try from here: the meeting resumes at that decision, the ones before it replayed.
    REQUIRE(gui.click(rewind_here));
    REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Meeting; }));
    REQUIRE(gui.shared().run);
    REQUIRE(gui.shared().run->practice());
    REQUIRE(gui.shared().run->session().decisions().size() == at - 1);
    for (std::size_t i = 0; i + 1 < at; ++i)
        CHECK(gui.shared().run->session().decisions()[i].decision == original->debrief.decisions[i].decision);
    // The better choice, by its number key.
    gui.key(static_cast<sf::Keyboard::Key>(sf::Keyboard::Num0 + (missed->best[0] - '0')));
    REQUIRE(gui.shared().run->session().decisions().size() == at);
    CHECK(gui.shared().run->session().decisions().back().decision == missed->best);
    play_to_end(gui);

    // The rewound debrief: marked, both totals side by side.
    REQUIRE(gui.shared().finished);
    const auto rewound = gui.shared().finished;
    REQUIRE(rewound->run->practice());
    REQUIRE(rewound->original_score);
    CHECK(rewound->original_score->total == original_total);
    CHECK(rewound->debrief.decisions[at - 1].decision == missed->best);
    REQUIRE(gui.show("debrief.rewound"));
    CHECK(gui.app().targets().find("debrief.rewound.total"));
    CHECK(gui.app().targets().find("debrief.rewound.original"));
    shots(gui, "3-debrief-rewound", show("debrief.rewound"));
    REQUIRE(gui.show("debrief.recommend"));
    auto page_end = [&] {
        REQUIRE(gui.show("debrief.recommend"));
        for (int k = 0; k < 4; ++k) {   // to the end of the page, so the whole panel is in view
            gui.app().input().wheel(gui.app().targets().find("debrief.recommend")->center(), -4.f);
            gui.frames(3);
        }
        REQUIRE(gui.show("debrief.recommend.reason"));
    };
    shots(gui, "4-debrief-recommendation", page_end);

    // The store keeps it as practice: half XP, no badge, not counted for stars or unlocks.
    const auto& runs = gui.shared().store.runs();
    REQUIRE(runs.size() == 2);
    CHECK_FALSE(runs[0].practice);
    CHECK(runs[1].practice);
    CHECK(runs[1].badges.empty());
    CHECK(runs[1].xp == player::practice_xp_for(rewound->debrief));
    CHECK(runs[1].transcript.find("\"rewound\"") != std::string::npos);
    CHECK(player::best_stars(runs, "sme-working-capital") == runs[0].stars);
    {
        player::ProgressStore reopened(data.path);   // what a restart reads back
        REQUIRE(reopened.runs().size() == 2);
        CHECK(reopened.runs()[1].practice);
        CHECK_FALSE(reopened.runs()[0].practice);
    }

    // The library recommends the next meeting, never a locked one.
    REQUIRE(gui.click("debrief.library"));
    REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Library; }));
    REQUIRE(gui.show("library.recommend"));
    shots(gui, "5-library-recommendation", show("library.recommend"));
    REQUIRE(gui.click("library.recommend"));
    REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Briefing; }));
    const auto& sel = gui.shared().selection;
    REQUIRE(sel.scenario);
    CHECK(player::persona_unlocked(gui.shared().content, *sel.scenario, sel.persona, runs));
    CHECK(player::difficulty_unlocked(*sel.scenario, sel.difficulty, runs));
}
