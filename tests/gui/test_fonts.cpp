// Chinese renders: after switching the language, every character on screen comes from the font
// atlas (no missing-glyph box is drawn anywhere), and the Chinese glyphs were really rasterised.
#include <catch2/catch.hpp>

#include <imgui.h>
#include <imgui_internal.h>

#include <set>
#include <vector>

#include "gui_driver.h"
#include "parley/ui/fonts.h"
#include "parley/ui/screenshot.h"

using namespace parley;
using parley::test::GuiDriver;
using parley::test::TempDir;

namespace {

// Every corner UV of every vertex drawn this frame.
std::set<std::pair<float, float>> drawn_uvs() {
    std::set<std::pair<float, float>> out;
    const ImDrawData* dd = ImGui::GetDrawData();
    if (!dd) return out;
    for (int l = 0; l < dd->CmdListsCount; ++l)
        for (const ImDrawVert& v : dd->CmdLists[l]->VtxBuffer) out.emplace(v.uv.x, v.uv.y);
    return out;
}

// The alpha coverage of one glyph in the atlas.
std::vector<unsigned char> glyph_bitmap(const ImFontGlyph& g) {
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    std::vector<unsigned char> out;
    const int x0 = static_cast<int>(g.U0 * static_cast<float>(w) + 0.5f), x1 = static_cast<int>(g.U1 * static_cast<float>(w) + 0.5f);
    const int y0 = static_cast<int>(g.V0 * static_cast<float>(h) + 0.5f), y1 = static_cast<int>(g.V1 * static_cast<float>(h) + 0.5f);
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) out.push_back(pixels[(y * w + x) * 4 + 3]);
    return out;
}

int inked(const std::vector<unsigned char>& bitmap) {
    int n = 0;
    for (unsigned char a : bitmap) n += a > 128;
    return n;
}

// Dark pixels (text) inside a rectangle of a window capture.
int dark_pixels(const sf::Image& image, const ui::TargetRect& r) {
    int n = 0;
    for (unsigned y = static_cast<unsigned>(r.min.y); y < static_cast<unsigned>(r.max.y) && y < image.getSize().y; ++y)
        for (unsigned x = static_cast<unsigned>(r.min.x); x < static_cast<unsigned>(r.max.x) && x < image.getSize().x; ++x) {
            const sf::Color c = image.getPixel(x, y);
            n += (c.r + c.g + c.b) < 3 * 110;
        }
    return n;
}

}  // namespace

TEST_CASE("switching the language shows Chinese with every glyph rasterised, never the missing-glyph box", "[gui][fonts]") {
    TempDir data("fonts");
    GuiDriver gui(data.path, Lang::En);
    REQUIRE(gui.shared().lang() == Lang::En);
    REQUIRE(gui.app().fonts().available());
    REQUIRE(gui.wait_until([&] { return gui.app().targets().find("library.title").has_value(); }));
    const auto english_title = *gui.app().targets().find("library.title");
    const sf::Image english = ui::capture(gui.app().window());

    // The language button in the header, clicked like a user would.
    REQUIRE(gui.click("nav.lang"));
    gui.frames(3);
    REQUIRE(gui.shared().lang() == Lang::Zh);

    // Inspect the next frame as it is drawn.
    std::set<std::pair<float, float>> uvs;
    sf::Image chinese;
    gui.app().on_frame_drawn([&](player::App& app) {
        uvs = drawn_uvs();
        chinese = ui::capture(app.window());
    });
    gui.frames(1);
    gui.app().on_frame_drawn(nullptr);

    const ui::Fonts& fonts = gui.app().fonts();
    ImFont* roles[] = {fonts.body, fonts.small, fonts.heading, fonts.title};
    for (ImFont* f : roles) {
        // The missing-glyph box is a real glyph (U+25A1) and no frame draws it.
        REQUIRE(f->FallbackChar == ui::Fonts::kMissingGlyph);
        REQUIRE(uvs.count({f->FallbackGlyph->U0, f->FallbackGlyph->V0}) == 0);
    }

    // The screen title 场景库 is drawn from three distinct, inked glyphs of the title font.
    const std::u16string title = u"场景库";
    std::vector<std::vector<unsigned char>> bitmaps;
    for (char16_t c : title) {
        const ImFontGlyph* g = fonts.title->FindGlyphNoFallback(static_cast<ImWchar>(c));
        REQUIRE(g != nullptr);
        CHECK(uvs.count({g->U0, g->V0}) == 1);
        bitmaps.push_back(glyph_bitmap(*g));
        CHECK(inked(bitmaps.back()) > 30);
    }
    const auto box = glyph_bitmap(*fonts.title->FallbackGlyph);
    for (std::size_t i = 0; i < bitmaps.size(); ++i) {
        CHECK(bitmaps[i] != box);
        for (std::size_t j = i + 1; j < bitmaps.size(); ++j) CHECK(bitmaps[i] != bitmaps[j]);
    }

    // Every Chinese character of every string on the library screen is in the atlas.
    for (const auto& sc : gui.shared().content.scenarios)
        for (const std::string* text : {&sc->title.zh, &sc->summary.zh}) {
            const char* p = text->c_str();
            const char* end = p + text->size();
            while (p < end) {
                unsigned c = 0;
                p += ImTextCharFromUtf8(&c, p, end);
                CHECK(fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
            }
        }

    // And the window shows ink where the title is, different from the English title.
    const auto chinese_title = gui.app().targets().find("library.title");
    REQUIRE(chinese_title);
    CHECK(dark_pixels(chinese, *chinese_title) > 100);
    CHECK(dark_pixels(english, english_title) > 100);
    CHECK(chinese.getPixelsPtr() != nullptr);
    bool differs = false;
    for (unsigned y = static_cast<unsigned>(chinese_title->min.y); y < static_cast<unsigned>(chinese_title->max.y) && !differs; ++y)
        for (unsigned x = static_cast<unsigned>(chinese_title->min.x); x < static_cast<unsigned>(chinese_title->max.x); ++x)
            if (chinese.getPixel(x, y) != english.getPixel(x, y)) {
                differs = true;
                break;
            }
    CHECK(differs);
}

TEST_CASE("typing Chinese into the search adds its characters to the font atlas", "[gui][fonts]") {
    TempDir data("typing");
    GuiDriver gui(data.path, Lang::Zh);
    REQUIRE(gui.click("library.search"));
    // 鑫 appears in no content or UI string: typing it must bring it into the atlas.
    REQUIRE_FALSE(gui.app().fonts().covers(0x946B));
    gui.type("鑫");
    gui.frames(2);
    CHECK(gui.app().fonts().covers(0x946B));
    CHECK(gui.app().fonts().body->FindGlyphNoFallback(0x946B) != nullptr);
}
