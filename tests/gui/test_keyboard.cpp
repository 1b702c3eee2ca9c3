// Every screen is usable with the keyboard alone: arrow keys move ImGui's navigation cursor,
// Space activates, number keys answer, Enter opens the debrief, Ctrl+2 / Esc move between
// screens. No mouse event is sent in this test.
#include <catch2/catch.hpp>

#include "gui_driver.h"

using namespace parley;
using parley::test::GuiDriver;
using parley::test::TempDir;

TEST_CASE("the library, briefing, meeting, debrief and progress screens work with the keyboard alone", "[gui][keyboard]") {
    TempDir data("keyboard");
    GuiDriver gui(data.path, Lang::En);
    const std::string scenario = "sme-working-capital";

    // Library → briefing.
    REQUIRE(gui.nav_to("library.card." + scenario));
    gui.key(sf::Keyboard::Space);
    REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Briefing; }));

    // Briefing: a harder difficulty, then start.
    REQUIRE(gui.nav_to("briefing.difficulty.easy"));
    gui.key(sf::Keyboard::Space);
    CHECK(gui.shared().selection.difficulty == Difficulty::Easy);
    REQUIRE(gui.nav_to("briefing.start"));
    gui.key(sf::Keyboard::Space);
    REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Meeting; }));

    // Meeting: number keys answer; the negotiation is played with arrows and Space.
    for (int guard = 0; guard < 60 && gui.shared().run && !gui.shared().run->session().finished(); ++guard) {
        const Session& s = gui.shared().run->session();
        const std::size_t before = s.decisions().size();
        if (!s.in_negotiation()) {
            gui.key(sf::Keyboard::Num1);
        } else if (!s.negotiation()->prepared) {
            const Negotiation& block = *s.negotiation()->block;
            for (const auto& id : block.should_concede) {
                REQUIRE(gui.nav_to("neg.prep." + id + ".concede"));
                gui.key(sf::Keyboard::Space);
            }
            for (const auto& id : block.must_hold) {
                REQUIRE(gui.nav_to("neg.prep." + id + ".hold"));
                gui.key(sf::Keyboard::Space);
            }
            REQUIRE(gui.nav_to("neg.prepare"));
            gui.key(sf::Keyboard::Space);
        } else {
            REQUIRE(gui.nav_to("neg.move.accept"));
            gui.key(sf::Keyboard::Space);
        }
        gui.frames(2);
        REQUIRE(gui.shared().run);
        REQUIRE(gui.shared().run->session().decisions().size() == before + 1);
    }
    REQUIRE(gui.shared().run);
    REQUIRE(gui.shared().run->session().finished());
    gui.key(sf::Keyboard::Enter);
    REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Debrief; }));
    CHECK(gui.shared().finished);

    // Progress with Ctrl+2; Esc goes back to the library.
    gui.key(sf::Keyboard::Num2, ui::KeyMods{true, false, false});
    REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Progress; }));
    CHECK(gui.shared().store.runs().size() == 1);
    gui.key(sf::Keyboard::Escape);
    REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Library; }));
}
