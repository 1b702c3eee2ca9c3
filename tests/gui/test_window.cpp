// Window and settings: the text size and language a trainee picks are kept across restarts;
// full screen toggles (F11) without losing the meeting in progress; the window has its icon.
#include <catch2/catch.hpp>

#include <SFML/Graphics/Image.hpp>

#include <cstdlib>

#include "gui_driver.h"
#include "x11_icon.h"
#include "parley/ui/window_icon.h"

using namespace parley;
using parley::test::GuiDriver;
using parley::test::TempDir;

TEST_CASE("the text size and the language chosen are kept when the player restarts", "[gui][settings]") {
    TempDir data("settings");
    {
        GuiDriver gui(data.path, std::nullopt, std::nullopt);
        const int before = gui.shared().settings.font_size;
        REQUIRE(gui.click("nav.font_larger"));
        gui.frames(2);
        CHECK(gui.shared().settings.font_size == before + 2);
        // The atlas was rebuilt at the new size.
        CHECK(gui.app().fonts().size() == static_cast<float>(before + 2));
        CHECK(gui.app().fonts().body->FontSize == static_cast<float>(before + 2));
        const Lang other = gui.shared().lang() == Lang::Zh ? Lang::En : Lang::Zh;
        gui.key(sf::Keyboard::F2);
        CHECK(gui.shared().lang() == other);
    }
    GuiDriver again(data.path, std::nullopt, std::nullopt);
    CHECK(again.shared().settings.font_size == 20);
    CHECK(again.app().fonts().body->FontSize == 20.f);
    CHECK(again.shared().lang() == Lang::En);
}

TEST_CASE("full screen switches on and off with F11 and the meeting goes on", "[gui][window]") {
    TempDir data("fullscreen");
    GuiDriver gui(data.path, Lang::Zh);
    REQUIRE(gui.click("library.card.sme-working-capital"));
    REQUIRE(gui.click("briefing.start"));
    REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Meeting; }));
    gui.key(sf::Keyboard::F11);
    gui.frames(3);
    CHECK(gui.shared().settings.fullscreen);
    REQUIRE(gui.app().window().isOpen());
    gui.key(sf::Keyboard::Num1);
    REQUIRE(gui.shared().run);
    CHECK(gui.shared().run->session().decisions().size() == 1);
    gui.key(sf::Keyboard::F11);
    gui.frames(3);
    CHECK_FALSE(gui.shared().settings.fullscreen);
    CHECK(gui.app().window().getSize() == sf::Vector2u(1280, 800));
    REQUIRE(gui.click("option.1"));
    CHECK(gui.shared().run->session().decisions().size() == 2);
}

TEST_CASE("every program's icon is shipped at the desktop sizes and the player's window gets its icon", "[gui][window]") {
    for (const char* program : {"parley", "parley-editor", "parley-board"})
        for (unsigned size : {16u, 32u, 48u, 64u, 128u, 256u}) {
            auto png = ui::find_icon(program, size);
            REQUIRE(png);
            sf::Image image;
            REQUIRE(image.loadFromFile(png->string()));
            CHECK(image.getSize() == sf::Vector2u(size, size));
        }
    TempDir data("icon");
    GuiDriver gui(data.path, Lang::Zh);
    CHECK(ui::set_window_icon(gui.app().window(), "parley"));
    gui.frames(2);

    // The X server has it: the shipped 128 px icon, pixel for pixel.
    const sf::Image shown = parley::test::icon_on_the_server(gui.app().window().getSystemHandle());
    REQUIRE(shown.getSize() == sf::Vector2u(128, 128));
    sf::Image shipped;
    REQUIRE(shipped.loadFromFile(ui::find_icon("parley", 128)->string()));
    std::size_t differ = 0, opaque = 0;
    for (unsigned y = 0; y < 128; ++y)
        for (unsigned x = 0; x < 128; ++x) {
            differ += shown.getPixel(x, y) != shipped.getPixel(x, y);
            opaque += shown.getPixel(x, y).a == 255;
        }
    CHECK(differ == 0);
    CHECK(opaque > 128 * 128 / 4);   // a drawn icon, not a blank square
    if (const char* dir = std::getenv("PARLEY_GUI_SHOTS"); dir && *dir)
        CHECK(shown.saveToFile(std::string(dir) + "/window-icon-from-x-server.png"));
}
