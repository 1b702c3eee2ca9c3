// Fonts that render Chinese: Noto Sans CJK SC from Debian's fonts-noto-cjk (face 2 of the
// collection), or whatever fontconfig offers for :lang=zh-cn elsewhere.
//
// The atlas holds only the characters the program can show: Latin plus every character of the
// text it loaded (scenarios, personas, its own strings) and of anything typed since. The full
// CJK range would make a huge atlas and a slow start. When new text arrives (a typed Chinese
// character, other content) cover() notes it and the atlas is rebuilt between frames.
//
//   Fonts fonts;                        // finds the font files
//   fonts.cover(all_text);              // every string the UI may show
//   fonts.set_size(18);
//   fonts.build();  platform.reload_fonts_texture();
//   ... each frame: if (fonts.dirty()) { fonts.build(); platform.reload_fonts_texture(); }
//
// The atlas reads the font files in place (memory-mapped, never copied): destroy a Fonts before
// the ImGui context that uses it.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;

namespace parley::ui {

struct FontFace {
    std::string path;
    int index = 0;   // face within a collection (.ttc)
};

// Debian's Noto Sans CJK SC if installed, else fontconfig's choice for Simplified Chinese.
std::optional<FontFace> find_cjk_font(bool bold);

class Fonts {
public:
    // What a character missing from the atlas is drawn as: U+25A1 WHITE SQUARE.
    static constexpr unsigned kMissingGlyph = 0x25A1;

    Fonts();
    ~Fonts();
    Fonts(const Fonts&) = delete;
    Fonts& operator=(const Fonts&) = delete;

    bool available() const { return regular_ != nullptr; }
    const std::string& error() const { return error_; }
    const FontFace& face() const;

    // Body text size in pixels; the other roles scale from it.
    void set_size(float body_px);
    float size() const { return size_; }

    // Make sure every character of `utf8` is in the atlas (at the next build).
    void cover(std::string_view utf8);
    bool covers(unsigned codepoint) const;
    bool dirty() const { return dirty_; }
    std::size_t characters() const { return count_; }

    // Rebuild ImGui's font atlas. Upload it afterwards (Platform::reload_fonts_texture()).
    // Returns false when no usable font was found (ImGui's built-in font is used then).
    bool build();

    // Fonts by role, valid after build().
    ImFont* body = nullptr;
    ImFont* small = nullptr;
    ImFont* heading = nullptr;   // bold
    ImFont* title = nullptr;     // bold, large
    ImFont* display = nullptr;   // bold, largest (scores)
    // Rasterised small for views drawn smaller than the UI (the editor's zoomed-out canvas):
    // glyphs shrunk from a larger size lose their thin strokes.
    ImFont* compact = nullptr;

private:
    void disown();
    struct Mapped;
    std::unique_ptr<Mapped> regular_, bold_;
    std::string error_;
    float size_ = 18.f;
    std::vector<bool> used_;   // one bit per BMP code point
    std::size_t count_ = 0;
    bool dirty_ = true;
    std::vector<unsigned short> ranges_;   // ImWchar pairs, zero-terminated, alive for the atlas
};

}  // namespace parley::ui
