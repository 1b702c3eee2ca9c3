// Parley's look: one light, calm palette (navy, white cards, a gold accent for achievement),
// consistent spacing, and the fonts by role. Every screen takes its colours from here.
#pragma once

#include <imgui.h>

#include <string_view>

#include "parley/catalogue.h"

namespace parley::ui {

class Fonts;

namespace palette {
constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) { return IM_COL32(r, g, b, a); }
inline const ImU32 background = rgb(236, 240, 245);
inline const ImU32 surface = rgb(255, 255, 255);
inline const ImU32 surface_alt = rgb(246, 248, 251);
inline const ImU32 border = rgb(214, 221, 230);
inline const ImU32 ink = rgb(27, 37, 51);
inline const ImU32 ink_muted = rgb(91, 104, 120);
inline const ImU32 ink_faint = rgb(138, 149, 163);
inline const ImU32 primary = rgb(31, 78, 140);
inline const ImU32 primary_hover = rgb(42, 95, 166);
inline const ImU32 primary_active = rgb(23, 61, 110);
inline const ImU32 primary_soft = rgb(227, 236, 247);
inline const ImU32 header = rgb(20, 50, 92);
inline const ImU32 header_ink = rgb(233, 239, 247);
inline const ImU32 accent = rgb(200, 150, 46);       // stars, badges
inline const ImU32 accent_soft = rgb(250, 241, 219);
inline const ImU32 success = rgb(38, 122, 88);
inline const ImU32 success_soft = rgb(223, 242, 233);
inline const ImU32 warning = rgb(178, 116, 24);
inline const ImU32 warning_soft = rgb(251, 240, 218);
inline const ImU32 danger = rgb(180, 52, 56);
inline const ImU32 danger_soft = rgb(248, 226, 226);
inline const ImU32 bubble_client = rgb(241, 244, 248);
inline const ImU32 bubble_trainee = rgb(31, 78, 140);
}  // namespace palette

ImVec4 to_vec4(ImU32 color);
ImU32 with_alpha(ImU32 color, unsigned alpha);
ImU32 mix(ImU32 a, ImU32 b, float t);

// The colour that stands for an emotion (meters, chips, the figure's accents).
ImU32 emotion_color(Emotion e);

// Spacing unit: everything is a multiple of it, scaled with the font size.
float unit();

// Fonts by role (set by apply_theme).
struct Typeface {
    ImFont* body = nullptr;
    ImFont* small = nullptr;
    ImFont* heading = nullptr;
    ImFont* title = nullptr;
    ImFont* display = nullptr;
    ImFont* compact = nullptr;   // regular, rasterised small (see Fonts::compact)
};
const Typeface& type();

// Every string the shared widgets draw passes here first, so the program can make sure the
// font atlas covers it (text made at run time, such as a move's description). Optional.
using TextObserver = void (*)(std::string_view text, void* user);
void set_text_observer(TextObserver observer, void* user);
void observe_text(std::string_view text);

// Style and colours for ImGui; call after the fonts are built (sizes scale with them).
void apply_theme(const Fonts& fonts);

}  // namespace parley::ui
