// Opaque fills done by the framebuffer's clear (the software renderer's fast path) must look
// exactly like Dear ImGui's own filled rectangles, and stay inside the clip rectangle of the
// window they are drawn in, scrolled or not.
#include <catch2/catch.hpp>

#include <SFML/Graphics/RenderWindow.hpp>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <string>

#include "parley/ui/fonts.h"
#include "parley/ui/opaque_fill.h"
#include "parley/ui/platform.h"
#include "parley/ui/screenshot.h"

using namespace parley;

namespace Catch {
template <>
struct StringMaker<sf::Color> {
    static std::string convert(const sf::Color& c) {
        return "rgb(" + std::to_string(c.r) + ", " + std::to_string(c.g) + ", " + std::to_string(c.b) + ")";
    }
};
}  // namespace Catch

namespace {

const sf::Color page(236, 240, 245);

// Draws one frame whose only content is `draw` inside a full-window ImGui window, and returns
// what the window shows.
sf::Image frame(sf::RenderWindow& window, ui::Platform& platform, const std::function<void()>& draw) {
    platform.new_frame(sf::seconds(1.f / 60.f));
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(static_cast<float>(window.getSize().x), static_cast<float>(window.getSize().y)));
    ImGui::Begin("##fill", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground);
    draw();
    ImGui::End();
    window.clear(page);
    platform.render();
    const sf::Image shown = ui::capture(window);
    window.display();
    return shown;
}

int channel_difference(sf::Color a, sf::Color b) {
    return std::max({std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b)});
}

struct Window {
    Window() : window(sf::VideoMode(320, 240), "opaque fill"), platform(window) {
        fonts.build();
        platform.reload_fonts_texture();
    }
    sf::RenderWindow window;
    ui::Platform platform;
    ui::Fonts fonts;
};

}  // namespace

TEST_CASE("a cleared opaque fill looks like Dear ImGui's rounded fill, corners included", "[gui][render]") {
    Window w;
    const ImU32 white = IM_COL32(255, 255, 255, 255);
    const ImVec2 a(20, 30), b(300, 200);
    const sf::Image reference = frame(w.window, w.platform, [&] { ImGui::GetWindowDrawList()->AddRectFilled(a, b, white, 10.f); });
    const sf::Image cleared = frame(w.window, w.platform, [&] { ui::fill_opaque_rect(ImGui::GetWindowDrawList(), a, b, white, 10.f); });

    // The body is the colour, the page around it untouched, the very corner still the page.
    CHECK(cleared.getPixel(160, 115) == sf::Color::White);
    CHECK(cleared.getPixel(19, 115) == page);
    CHECK(cleared.getPixel(300, 115) == page);
    CHECK(cleared.getPixel(20, 30) == page);
    CHECK(cleared.getPixel(299, 199) == page);
    // Every pixel as Dear ImGui draws it; the anti-aliased arcs may differ by a shade.
    int differing = 0, worst = 0;
    for (unsigned y = 0; y < 240; ++y)
        for (unsigned x = 0; x < 320; ++x) {
            const int d = channel_difference(reference.getPixel(x, y), cleared.getPixel(x, y));
            worst = std::max(worst, d);
            if (d > 0) ++differing;
        }
    INFO(differing << " pixels differ, by at most " << worst);
    CHECK(worst <= 24);
    CHECK(differing <= 40);
}

TEST_CASE("a cleared fill stays inside the clip rectangle of a scrolled child window", "[gui][render]") {
    Window w;
    const ImU32 blue = IM_COL32(30, 80, 140, 255);
    const sf::Image shown = frame(w.window, w.platform, [&] {
        ImGui::SetCursorScreenPos(ImVec2(40, 40));
        ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
        ImGui::BeginChild("##scrolled", ImVec2(200, 120), false, ImGuiWindowFlags_NoScrollbar);
        ImGui::SetScrollY(50.f);
        // A tall panel starting above the visible area and ending below it.
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ui::fill_opaque_rect(ImGui::GetWindowDrawList(), ImVec2(p.x - 30, p.y), ImVec2(p.x + 400, p.y + 400), blue, 8.f);
        ImGui::Dummy(ImVec2(100, 400));
        ImGui::EndChild();
        ImGui::PopStyleColor();
    });
    const sf::Color fill(30, 80, 140);
    CHECK(shown.getPixel(100, 100) == fill);    // inside the child
    CHECK(shown.getPixel(41, 41) == fill);      // its top-left corner: the panel's rounded corner is scrolled away
    CHECK(shown.getPixel(39, 100) == page);     // left of the child
    CHECK(shown.getPixel(240, 100) == page);    // right of it, where the panel would reach
    CHECK(shown.getPixel(100, 39) == page);     // above it, where the scrolled panel begins
    CHECK(shown.getPixel(100, 160) == page);    // below it
}

TEST_CASE("translucent and small fills are drawn by Dear ImGui as before", "[gui][render]") {
    Window w;
    const ImU32 glass = IM_COL32(30, 80, 140, 128);
    const sf::Image reference = frame(w.window, w.platform, [&] { ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(10, 10), ImVec2(300, 200), glass, 6.f); });
    const sf::Image shown = frame(w.window, w.platform, [&] { ui::fill_opaque_rect(ImGui::GetWindowDrawList(), ImVec2(10, 10), ImVec2(300, 200), glass, 6.f); });
    CHECK(shown.getPixel(150, 100) == reference.getPixel(150, 100));
    CHECK(shown.getPixel(150, 100) != page);
    const sf::Image chip = frame(w.window, w.platform, [&] { ui::fill_opaque_rect(ImGui::GetWindowDrawList(), ImVec2(10, 10), ImVec2(40, 30), IM_COL32(200, 0, 0, 255), 4.f); });
    CHECK(chip.getPixel(25, 20) == sf::Color(200, 0, 0));
    CHECK(chip.getPixel(45, 20) == page);
}
