#include "layout.h"

#include "parley/ui/targets.h"

#include <imgui_stdlib.h>

#include <algorithm>
#include <ctime>

namespace parley::player {

namespace {
float g_page_width = 0.f;
}

void page_begin(const char* id) {
    const float u = ui::unit();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild(id, ImVec2(0, 0), false, ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleVar();
    if (ui::Targets* t = ui::Targets::current()) {
        const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        t->mark("page", pos, ImVec2(pos.x + size.x, pos.y + size.y));
    }
    const float avail = ImGui::GetContentRegionAvail().x;
    const float max_w = std::max(160.f * u, 1240.f);
    const float margin = std::max(3.f * u, (avail - max_w) * 0.5f);
    g_page_width = avail - 2.f * margin;
    ImGui::SetCursorPos(ImVec2(margin, 2.5f * u));
    ImGui::BeginGroup();
    ImGui::PushItemWidth(g_page_width);
}

void page_end() {
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    ui::vspace(3.f);
    ImGui::EndChild();
}

float page_width() { return g_page_width; }

namespace {

int cover_typed(ImGuiInputTextCallbackData* data) {
    auto* s = static_cast<Shared*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackEdit) s->fonts.cover(std::string_view(data->Buf, static_cast<std::size_t>(data->BufTextLen)));
    return 0;
}

}  // namespace

bool input_text(Shared& s, const char* id, std::string& value, const char* hint, float width, ImGuiInputTextFlags flags) {
    ImGui::SetNextItemWidth(width);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(1.2f * ui::unit(), 0.9f * ui::unit()));
    const bool changed =
        ImGui::InputTextWithHint(id, hint, &value, flags | ImGuiInputTextFlags_CallbackEdit, cover_typed, &s);
    ImGui::PopStyleVar();
    return changed;
}

void column_begin(const char* id, float width, float height) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild(id, ImVec2(width, height), false,
                      ImGuiWindowFlags_NavFlattened | (height == 0.f ? ImGuiWindowFlags_AlwaysAutoResize : 0) |
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
}

void column_end() { ImGui::EndChild(); }

const Text& level_name(int level) {
    const UiStrings& S = strings();
    return level <= 1 ? S.level_1 : level == 2 ? S.level_2 : S.level_3;
}

Text social_style(const Persona& p) {
    // The social-style quadrants: tell/ask × emotes/controlled.
    if (p.assertiveness >= 0 && p.responsiveness < 0) return {"驾驭型（重结果）", "Driver (results first)"};
    if (p.assertiveness >= 0) return {"表现型（重认可）", "Expressive (wants recognition)"};
    if (p.responsiveness < 0) return {"分析型（重事实）", "Analytical (facts first)"};
    return {"亲和型（重关系）", "Amiable (relationship first)"};
}

std::string competency_label(const Shared& s, const std::string& id) {
    if (const Competency* c = s.content.model.find(id)) return id + " " + c->name.in(s.lang());
    return id;
}

ImU32 difficulty_color(Difficulty d) {
    switch (d) {
        case Difficulty::Easy: return ui::palette::success;
        case Difficulty::Normal: return ui::palette::primary;
        case Difficulty::Hard: return ui::palette::danger;
    }
    return ui::palette::ink_muted;
}

std::string format_date(std::int64_t seconds) {
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

}  // namespace parley::player
