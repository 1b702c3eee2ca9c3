// A run in progress can be left and resumed — across a restart of the program (SQLite under
// the data directory).
#include <catch2/catch.hpp>

#include "gui_driver.h"

using namespace parley;
using parley::test::GuiDriver;
using parley::test::TempDir;

TEST_CASE("a meeting left midway resumes where it was after the player restarts", "[gui][progress]") {
    TempDir data("resume");
    const std::string scenario = "sme-working-capital";
    std::vector<std::string> decisions;
    std::size_t log_size = 0;
    {
        GuiDriver gui(data.path, Lang::Zh);
        REQUIRE(gui.click("library.card." + scenario));
        REQUIRE(gui.shared().screen == player::Screen::Briefing);
        REQUIRE(gui.click("briefing.start"));
        REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Meeting; }));
        // Two decisions: one by click, one by number key.
        REQUIRE(gui.click("option.1"));
        gui.key(sf::Keyboard::Num1);
        REQUIRE(gui.shared().run);
        REQUIRE(gui.shared().run->session().decisions().size() == 2);
        log_size = gui.shared().run->log().size();
        for (const auto& d : gui.shared().run->session().decisions()) decisions.push_back(d.decision);
        REQUIRE(gui.click("meeting.leave"));
        REQUIRE(gui.click("meeting.leave.confirm"));
        REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Library; }));
        CHECK_FALSE(gui.shared().run);
    }
    // A new program on the same data folder offers the meeting back.
    GuiDriver gui(data.path, Lang::Zh);
    REQUIRE(gui.click("library.resume"));
    REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Meeting; }));
    REQUIRE(gui.shared().run);
    const Session& s = gui.shared().run->session();
    CHECK(s.scenario().id == scenario);
    REQUIRE(s.decisions().size() == 2);
    for (std::size_t i = 0; i < decisions.size(); ++i) CHECK(s.decisions()[i].decision == decisions[i]);
    CHECK(gui.shared().run->log().size() == log_size);
    // And play goes on from there.
    gui.key(sf::Keyboard::Num1);
    CHECK(gui.shared().run->session().decisions().size() == 3);
}
