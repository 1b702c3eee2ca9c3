// Font discovery, glyph coverage and the ImGui font atlas.
//
// Contents
//   1. Finding a Chinese font (Debian path, fontconfig)
//   2. Memory-mapped font files
//   3. Coverage
//   4. Building the atlas
#include "parley/ui/fonts.h"

#include <imgui.h>
#include <imgui_freetype.h>
#include <imgui_internal.h>   // ImTextCharFromUtf8

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#ifdef PARLEY_HAVE_FONTCONFIG
#include <fontconfig/fontconfig.h>
#endif

namespace parley::ui {

// ============================================================================
// 1. Finding a Chinese font
// ============================================================================

namespace {

// fonts-noto-cjk: a collection; face 2 is Simplified Chinese (JP, KR, SC, TC, HK, ...).
constexpr const char* kNotoRegular = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
constexpr const char* kNotoBold = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
constexpr int kNotoSimplifiedChinese = 2;

#ifdef PARLEY_HAVE_FONTCONFIG
std::optional<FontFace> fontconfig_match(bool bold) {
    if (!FcInit()) return std::nullopt;
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(":lang=zh-cn"));
    if (!pattern) return std::nullopt;
    FcPatternAddInteger(pattern, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    std::optional<FontFace> face;
    if (match) {
        FcChar8* file = nullptr;
        int index = 0;
        FcLangSet* langs = nullptr;
        // Only accept a font that really covers Chinese, not the generic last resort.
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
            FcPatternGetLangSet(match, FC_LANG, 0, &langs) == FcResultMatch &&
            FcLangSetHasLang(langs, reinterpret_cast<const FcChar8*>("zh-cn")) == FcLangEqual) {
            FcPatternGetInteger(match, FC_INDEX, 0, &index);
            face = FontFace{reinterpret_cast<const char*>(file), index};
        }
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    return face;
}
#endif

}  // namespace

std::optional<FontFace> find_cjk_font(bool bold) {
    std::error_code ec;
    const char* debian = bold ? kNotoBold : kNotoRegular;
    if (std::filesystem::is_regular_file(debian, ec)) return FontFace{debian, kNotoSimplifiedChinese};
#ifdef PARLEY_HAVE_FONTCONFIG
    return fontconfig_match(bold);
#else
    return std::nullopt;
#endif
}

// ============================================================================
// 2. Memory-mapped font files
// ============================================================================

// A CJK collection is ~20 MB; mapping it keeps only the pages FreeType touches resident, and
// one mapping serves every size.
struct Fonts::Mapped {
    FontFace face;
    void* data = nullptr;
    std::size_t size = 0;

    static std::unique_ptr<Mapped> open(const FontFace& face, std::string& error) {
        const int fd = ::open(face.path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            error = "cannot open font " + face.path;
            return nullptr;
        }
        struct stat st {};
        std::unique_ptr<Mapped> m;
        if (::fstat(fd, &st) == 0 && st.st_size > 0) {
            void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
            if (p != MAP_FAILED) {
                m = std::make_unique<Mapped>();
                m->face = face;
                m->data = p;
                m->size = static_cast<std::size_t>(st.st_size);
            }
        }
        ::close(fd);
        if (!m) error = "cannot read font " + face.path;
        return m;
    }
    void release_pages() const { ::madvise(data, size, MADV_DONTNEED); }
    ~Mapped() {
        if (data) ::munmap(data, size);
    }
};

Fonts::Fonts() : used_(0x10000, false) {
    if (auto face = find_cjk_font(false)) regular_ = Mapped::open(*face, error_);
    else error_ = "no Chinese font found (install fonts-noto-cjk)";
    if (regular_) {
        if (auto face = find_cjk_font(true)) bold_ = Mapped::open(*face, error_);
    }
    // Latin, punctuation used by the UI, and the replacement character (the fallback glyph).
    cover(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`"
          "abcdefghijklmnopqrstuvwxyz{|}~\u00b7\u00d7\u2013\u2014\u2018\u2019\u201c\u201d"
          "\u2026\u2190\u2192\u2191\u2193\u25a1\u25b2\u25bc\u25cf\u2713\ufffd");
    for (unsigned c = 0xA0; c <= 0xFF; ++c) used_[c] = true;
}

Fonts::~Fonts() {
    disown();
}

const FontFace& Fonts::face() const {
    static const FontFace none{};
    return regular_ ? regular_->face : none;
}

void Fonts::set_size(float body_px) {
    if (body_px != size_) {
        size_ = body_px;
        dirty_ = true;
    }
}

// ============================================================================
// 3. Coverage
// ============================================================================

void Fonts::cover(std::string_view utf8) {
    const char* p = utf8.data();
    const char* end = p + utf8.size();
    while (p < end) {
        unsigned c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        p += n;
        if (c < used_.size() && !used_[c] && c >= 0x20) {
            used_[c] = true;
            ++count_;
            dirty_ = true;
        }
    }
}

bool Fonts::covers(unsigned codepoint) const {
    return codepoint < used_.size() && used_[codepoint];
}

// ============================================================================
// 4. Building the atlas
// ============================================================================

// ImGui copies font data it does not own, once per font size: five copies of a 20 MB
// collection. So the atlas is told it owns the mapping (no copy), and is told otherwise again
// before anything could free it (rebuild, shutdown).
void Fonts::disown() {
    if (!ImGui::GetCurrentContext()) return;
    for (ImFontConfig& cfg : ImGui::GetIO().Fonts->ConfigData)
        if ((regular_ && cfg.FontData == regular_->data) || (bold_ && cfg.FontData == bold_->data))
            cfg.FontDataOwnedByAtlas = false;
}

bool Fonts::build() {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    disown();
    atlas->Clear();
    body = small = heading = title = display = compact = nullptr;
    dirty_ = false;
    if (!regular_) {
        body = small = heading = title = display = compact = atlas->AddFontDefault();
        return false;
    }

    // Ranges: consecutive used code points become one [first, last] pair.
    ranges_.clear();
    for (unsigned c = 1; c < used_.size();) {
        if (!used_[c]) {
            ++c;
            continue;
        }
        unsigned last = c;
        while (last + 1 < used_.size() && used_[last + 1]) ++last;
        ranges_.push_back(static_cast<unsigned short>(c));
        ranges_.push_back(static_cast<unsigned short>(last));
        c = last + 1;
    }
    ranges_.push_back(0);

    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    const ImWchar* ranges = reinterpret_cast<const ImWchar*>(ranges_.data());
    // The display size shows scores and numbers only: Latin keeps it small.
    static const ImWchar latin[] = {0x0020, 0x00FF, 0x2026, 0x2026, 0x25A1, 0x25A1, 0xFFFD, 0xFFFD, 0};
    auto add = [&](const Mapped& file, float px, const ImWchar* glyphs) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = true;   // not a copy; see disown()
        cfg.FontNo = file.face.index;
        cfg.OversampleH = 1;                // FreeType hints; oversampling only grows the atlas
        cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        return atlas->AddFontFromMemoryTTF(file.data, static_cast<int>(file.size), px, &cfg, glyphs);
    };
    const Mapped& strong = bold_ ? *bold_ : *regular_;
    body = add(*regular_, size_, ranges);
    small = add(*regular_, std::round(size_ * 0.84f), ranges);
    heading = add(strong, std::round(size_ * 1.2f), ranges);
    title = add(strong, std::round(size_ * 1.6f), ranges);
    display = add(strong, std::round(size_ * 2.6f), latin);
    compact = add(*regular_, std::round(size_ * 0.62f), ranges);
    const bool built = atlas->Build();
    disown();
    // The rasteriser read much of the font files; let those pages go until the next build.
    regular_->release_pages();
    if (bold_) bold_->release_pages();
    if (!built) {
        error_ = "the font atlas could not be built from " + regular_->face.path;
        atlas->Clear();
        body = small = heading = title = display = compact = atlas->AddFontDefault();
        return false;
    }
    // A character the atlas lacks is drawn as a white square (the missing-glyph box), never as
    // a '?' that could be mistaken for text. Noto CJK has U+FFFD only in some builds.
    for (ImFont* f : {body, small, heading, title, display, compact})
        if (f->FindGlyphNoFallback(static_cast<ImWchar>(kMissingGlyph))) {
            f->FallbackChar = static_cast<ImWchar>(kMissingGlyph);
            f->BuildLookupTable();
        }
    return true;
}

}  // namespace parley::ui
