// The training material behind a meeting, shown where a trainee can go back to it: the
// briefing names the seed sections the meeting teaches, the debrief the one behind each
// decision's feedback.
#include <catch2/catch.hpp>

#include "gui_driver.h"
#include "play_through.h"

using namespace parley;
using parley::test::GuiDriver;
using parley::test::TempDir;

TEST_CASE("the briefing names the training material the meeting teaches and the debrief each decision's source",
          "[gui][sources]") {
    TempDir data("sources");
    GuiDriver gui(data.path, Lang::Zh);
    REQUIRE(gui.click("library.card.sme-working-capital"));
    REQUIRE(gui.show("briefing.sources"));
    REQUIRE(gui.click("briefing.start"));
    REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Meeting; }));
    parley::test::play_meeting_to_end(gui);
    gui.key(sf::Keyboard::Enter);
    REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Debrief; }));

    const auto& decisions = gui.shared().finished->debrief.decisions;
    std::size_t with = 0, shown = 0;
    for (std::size_t i = 0; i < decisions.size(); ++i) {
        if (decisions[i].sources.empty()) {
            const std::string none = "debrief.sources." + std::to_string(i);
            CHECK_FALSE((gui.app().targets().find(none) || gui.app().targets().find_hidden(none)));
            continue;
        }
        ++with;
        if (gui.show("debrief.sources." + std::to_string(i))) ++shown;
    }
    CHECK(with > 0);
    CHECK(shown == with);
}
