// Plays the meeting on screen to its end through the real window, as the GUI tests need it:
// option 1 at every dialogue beat (number key), the negotiation's two lists as the block
// advises, then accept the client's offer. Stops on the finished run (before the debrief).
#pragma once

#include <catch2/catch.hpp>

#include "gui_driver.h"

namespace parley::test {

inline void play_meeting_to_end(GuiDriver& gui) {
    for (int guard = 0; guard < 60 && gui.shared().run && !gui.shared().run->session().finished(); ++guard) {
        const Session& s = gui.shared().run->session();
        const std::size_t before = s.decisions().size();
        if (!s.in_negotiation()) {
            gui.key(sf::Keyboard::Num1);
        } else if (!s.negotiation()->prepared) {
            const Negotiation& block = *s.negotiation()->block;
            for (const auto& id : block.should_concede) REQUIRE(gui.click("neg.prep." + id + ".concede"));
            for (const auto& id : block.must_hold) REQUIRE(gui.click("neg.prep." + id + ".hold"));
            REQUIRE(gui.click("neg.prepare"));
        } else {
            REQUIRE(gui.click("neg.move.accept"));
        }
        gui.frames(2);
        REQUIRE(gui.shared().run);
        REQUIRE(gui.shared().run->session().decisions().size() == before + 1);
    }
    REQUIRE(gui.shared().run);
    REQUIRE(gui.shared().run->session().finished());
}

}  // namespace parley::test
