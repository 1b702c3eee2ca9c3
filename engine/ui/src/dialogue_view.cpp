#include "parley/ui/dialogue_view.h"

#include <algorithm>
#include <cmath>

#include "parley/ui/opaque_fill.h"
#include "parley/ui/theme.h"
#include "parley/ui/widgets.h"

namespace parley::ui {

namespace {

float line_h(ImFont* f) { return std::round(f->FontSize * 1.42f); }

// One bubble: name line, wrapped text, optional cue; aligned left or right.
void bubble(const DialogueEntry& e, float width) {
    using S = DialogueEntry::Speaker;
    ImFont* body = type().body ? type().body : ImGui::GetFont();
    ImFont* small = type().small ? type().small : body;
    const float u = unit();
    const float max_text = width * (e.speaker == S::Note ? 0.9f : 0.74f);
    const auto lines = wrap_lines(e.text, max_text - 3.f * u, body);
    std::vector<std::string_view> cue_lines;
    if (!e.cue.empty()) cue_lines = wrap_lines(e.cue, max_text - 3.f * u, small);
    float text_w = 0.f;
    for (const auto& l : lines)
        text_w = std::max(text_w, body->CalcTextSizeA(body->FontSize, FLT_MAX, 0.f, l.data(), l.data() + l.size()).x);
    for (const auto& l : cue_lines)
        text_w = std::max(text_w, small->CalcTextSizeA(small->FontSize, FLT_MAX, 0.f, l.data(), l.data() + l.size()).x);
    const float text_h = static_cast<float>(lines.size()) * line_h(body) - (line_h(body) - body->FontSize);
    const float cue_h = cue_lines.empty()
                            ? 0.f
                            : 0.6f * u + static_cast<float>(cue_lines.size()) * line_h(small) - (line_h(small) - small->FontSize);
    const ImVec2 pad(1.5f * u, 1.1f * u);
    const ImVec2 bsize(text_w + 2 * pad.x, text_h + cue_h + 2 * pad.y);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    const float name_h = e.who.empty() ? 0.f : small->FontSize + 0.4f * u;
    float x = p.x;
    if (e.speaker == S::Trainee) x = p.x + width - bsize.x;
    if (e.speaker == S::Note) x = p.x + (width - bsize.x) * 0.5f;
    if (!e.who.empty()) {
        observe_text(e.who);
        const ImVec2 ns = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0.f, e.who.c_str());
        const float nx = e.speaker == S::Trainee ? p.x + width - ns.x : (e.speaker == S::Note ? p.x + (width - ns.x) * 0.5f : x);
        dl->AddText(small, small->FontSize, ImVec2(nx, p.y), palette::ink_faint, e.who.c_str());
    }
    const ImVec2 a(x, p.y + name_h), b(x + bsize.x, p.y + name_h + bsize.y);
    ImU32 bg = palette::bubble_client, fg = palette::ink, border = palette::border;
    if (e.speaker == S::Trainee) bg = palette::bubble_trainee, fg = palette::rgb(255, 255, 255), border = bg;
    if (e.speaker == S::Note) bg = palette::accent_soft, fg = palette::ink, border = with_alpha(palette::accent, 120);
    const float round = 1.4f * u;
    if (!ImGui::IsRectVisible(p, b)) {   // scrolled out of view: nothing to draw
        ImGui::Dummy(ImVec2(width, name_h + bsize.y));
        return;
    }
    fill_opaque_rect(dl, a, b, bg, round);
    dl->AddRect(a, b, border, round);
    if (e.speaker == S::Client && e.accent)
        dl->AddRectFilled(ImVec2(a.x, a.y + round * 0.6f), ImVec2(a.x + 3.f, b.y - round * 0.6f), e.accent);
    float y = a.y + pad.y;
    for (const auto& l : lines) {
        dl->AddText(body, body->FontSize, ImVec2(a.x + pad.x, y), fg, l.data(), l.data() + l.size());
        y += line_h(body);
    }
    if (!cue_lines.empty()) {
        y += 0.6f * u - (line_h(body) - body->FontSize);
        for (const auto& l : cue_lines) {
            dl->AddText(small, small->FontSize, ImVec2(a.x + pad.x, y), palette::ink_muted, l.data(), l.data() + l.size());
            y += line_h(small);
        }
    }
    ImGui::Dummy(ImVec2(width, name_h + bsize.y));
}

}  // namespace

void dialogue_view(const char* id, const std::vector<DialogueEntry>& entries, ImVec2 size, bool follow) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(1.5f * unit(), 1.5f * unit()));
    // The conversation sits on the page colour inside its frame, like a messaging app: no fill
    // under the bubbles, which under a software renderer is a third of the screen shaded twice.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
    ImGui::BeginChild(id, size, true, ImGuiWindowFlags_NavFlattened);
    const float width = ImGui::GetContentRegionAvail().x;
    for (const auto& e : entries) {
        bubble(e, width);
        ImGui::Dummy(ImVec2(1.f, 0.4f * unit()));
    }
    if (follow) ImGui::SetScrollHereY(1.f);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

}  // namespace parley::ui
