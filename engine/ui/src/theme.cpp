// Palette helpers and the ImGui style.
#include "parley/ui/theme.h"

#include <algorithm>
#include <cmath>

#include "parley/ui/fonts.h"

namespace parley::ui {

namespace {
Typeface g_type;
float g_unit = 8.f;
TextObserver g_observer = nullptr;
void* g_observer_user = nullptr;
}  // namespace

void set_text_observer(TextObserver observer, void* user) {
    g_observer = observer;
    g_observer_user = user;
}

void observe_text(std::string_view text) {
    if (g_observer) g_observer(text, g_observer_user);
}

ImVec4 to_vec4(ImU32 color) { return ImGui::ColorConvertU32ToFloat4(color); }

ImU32 with_alpha(ImU32 color, unsigned alpha) {
    return (color & ~IM_COL32_A_MASK) | (static_cast<ImU32>(std::min(alpha, 255u)) << IM_COL32_A_SHIFT);
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    const ImVec4 x = to_vec4(a), y = to_vec4(b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t,
                                                 x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

ImU32 emotion_color(Emotion e) {
    switch (e) {
        case Emotion::Pleased: return palette::success;
        case Emotion::Calm: return palette::primary;
        case Emotion::Boredom: return palette::rgb(120, 128, 140);
        case Emotion::Nervousness: return palette::rgb(150, 110, 190);
        case Emotion::Suspicion: return palette::warning;
        case Emotion::Defensiveness: return palette::rgb(196, 96, 40);
        case Emotion::Anger: return palette::danger;
    }
    return palette::ink_muted;
}

float unit() { return g_unit; }

const Typeface& type() { return g_type; }

void apply_theme(const Fonts& fonts) {
    g_type = Typeface{fonts.body, fonts.small, fonts.heading, fonts.title, fonts.display, fonts.compact};
    ImGui::GetIO().FontDefault = fonts.body;
    const float u = std::round(fonts.size() * 0.45f);
    g_unit = u;

    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    s.WindowPadding = ImVec2(2 * u, 2 * u);
    s.FramePadding = ImVec2(1.5f * u, 0.9f * u);
    s.ItemSpacing = ImVec2(1.5f * u, 1.2f * u);
    s.ItemInnerSpacing = ImVec2(u, u);
    s.CellPadding = ImVec2(u, 0.75f * u);
    s.IndentSpacing = 2.5f * u;
    s.ScrollbarSize = 1.6f * u;
    s.GrabMinSize = 1.5f * u;
    s.WindowRounding = 0.f;
    s.ChildRounding = u;
    s.FrameRounding = 0.75f * u;
    s.PopupRounding = u;
    s.ScrollbarRounding = u;
    s.GrabRounding = 0.75f * u;
    s.TabRounding = 0.75f * u;
    s.WindowBorderSize = 0.f;
    s.ChildBorderSize = 1.f;
    s.PopupBorderSize = 1.f;
    s.FrameBorderSize = 1.f;

    using namespace palette;
    auto set = [&](ImGuiCol c, ImU32 v) { s.Colors[c] = to_vec4(v); };
    set(ImGuiCol_Text, ink);
    set(ImGuiCol_TextDisabled, ink_faint);
    set(ImGuiCol_WindowBg, background);
    set(ImGuiCol_ChildBg, rgb(0, 0, 0, 0));
    set(ImGuiCol_PopupBg, surface);
    set(ImGuiCol_Border, border);
    set(ImGuiCol_BorderShadow, rgb(0, 0, 0, 0));
    set(ImGuiCol_FrameBg, surface);
    set(ImGuiCol_FrameBgHovered, surface_alt);
    set(ImGuiCol_FrameBgActive, primary_soft);
    set(ImGuiCol_TitleBg, header);
    set(ImGuiCol_TitleBgActive, header);
    set(ImGuiCol_TitleBgCollapsed, header);
    set(ImGuiCol_MenuBarBg, surface);
    set(ImGuiCol_ScrollbarBg, rgb(0, 0, 0, 0));
    set(ImGuiCol_ScrollbarGrab, rgb(190, 199, 211));
    set(ImGuiCol_ScrollbarGrabHovered, rgb(160, 171, 186));
    set(ImGuiCol_ScrollbarGrabActive, ink_faint);
    set(ImGuiCol_CheckMark, primary);
    set(ImGuiCol_SliderGrab, primary);
    set(ImGuiCol_SliderGrabActive, primary_active);
    set(ImGuiCol_Button, surface);
    set(ImGuiCol_ButtonHovered, primary_soft);
    set(ImGuiCol_ButtonActive, rgb(205, 220, 240));
    set(ImGuiCol_Header, primary_soft);
    set(ImGuiCol_HeaderHovered, rgb(214, 228, 245));
    set(ImGuiCol_HeaderActive, rgb(200, 218, 242));
    set(ImGuiCol_Separator, border);
    set(ImGuiCol_SeparatorHovered, primary_hover);
    set(ImGuiCol_SeparatorActive, primary);
    set(ImGuiCol_ResizeGrip, rgb(0, 0, 0, 0));
    set(ImGuiCol_ResizeGripHovered, primary_soft);
    set(ImGuiCol_ResizeGripActive, primary);
    set(ImGuiCol_Tab, surface_alt);
    set(ImGuiCol_TabHovered, primary_soft);
    set(ImGuiCol_TabActive, surface);
    set(ImGuiCol_TabUnfocused, surface_alt);
    set(ImGuiCol_TabUnfocusedActive, surface);
    set(ImGuiCol_PlotLines, primary);
    set(ImGuiCol_PlotLinesHovered, accent);
    set(ImGuiCol_PlotHistogram, primary);
    set(ImGuiCol_PlotHistogramHovered, accent);
    set(ImGuiCol_TableHeaderBg, surface_alt);
    set(ImGuiCol_TableBorderStrong, border);
    set(ImGuiCol_TableBorderLight, rgb(230, 235, 241));
    set(ImGuiCol_TableRowBg, rgb(0, 0, 0, 0));
    set(ImGuiCol_TableRowBgAlt, rgb(246, 248, 251, 180));
    set(ImGuiCol_TextSelectedBg, rgb(31, 78, 140, 60));
    set(ImGuiCol_DragDropTarget, accent);
    set(ImGuiCol_NavHighlight, accent);
    set(ImGuiCol_NavWindowingHighlight, accent);
    set(ImGuiCol_NavWindowingDimBg, rgb(20, 30, 45, 60));
    set(ImGuiCol_ModalWindowDimBg, rgb(20, 30, 45, 110));
}

}  // namespace parley::ui
