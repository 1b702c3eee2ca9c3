// Shared widgets.
//
// Contents
//   1. Chinese-aware wrapping
//   2. Text
//   3. Containers
//   4. Buttons and chips
//   5. Stars, meters, badges, charts
#include "parley/ui/widgets.h"

#include "parley/ui/opaque_fill.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace parley::ui {

// ============================================================================
// 1. Chinese-aware wrapping
// ============================================================================

namespace {

bool is_cjk(unsigned c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x3000 && c <= 0x303F);
}

// 避头 — may not start a line.
bool no_break_before(unsigned c) {
    static const char32_t list[] = U"，。！？、；：）」』》】〕…·”’％,.!?;:)]}%";
    return std::find(std::begin(list), std::end(list) - 1, static_cast<char32_t>(c)) != std::end(list) - 1;
}

// 避尾 — may not end a line.
bool no_break_after(unsigned c) {
    static const char32_t list[] = U"（「『《【〔“‘([{";
    return std::find(std::begin(list), std::end(list) - 1, static_cast<char32_t>(c)) != std::end(list) - 1;
}

float line_height(ImFont* font) { return std::round(font->FontSize * 1.42f); }

std::string_view trim_right(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::vector<std::string_view> wrap_lines(std::string_view text, float width, ImFont* font) {
    if (!font) font = ImGui::GetFont();
    observe_text(text);
    std::vector<std::string_view> lines;
    const char* base = text.data();
    const char* end = base + text.size();
    std::size_t start = 0, brk = 0;
    float w = 0.f, w_at_brk = 0.f;
    unsigned prev = 0;
    bool have_brk = false;
    for (const char* p = base; p < end;) {
        unsigned c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0) break;
        const std::size_t i = static_cast<std::size_t>(p - base);
        if (c == '\n') {
            lines.push_back(trim_right(text.substr(start, i - start)));
            start = i + 1;
            w = 0.f;
            have_brk = false;
            prev = 0;
            p += n;
            continue;
        }
        if (i > start) {
            const bool after_space = prev == ' ';
            const bool cjk_edge = (is_cjk(c) || is_cjk(prev)) && !no_break_before(c) && !no_break_after(prev);
            if ((after_space || cjk_edge) && c != ' ') {
                brk = i;
                w_at_brk = w;
                have_brk = true;
            }
        }
        const float advance = c < 0x10000 ? font->GetCharAdvance(static_cast<ImWchar>(c)) : font->FallbackAdvanceX;
        if (w + advance > width && i > start && c != ' ') {
            if (have_brk && brk > start) {
                lines.push_back(trim_right(text.substr(start, brk - start)));
                start = brk;
                w -= w_at_brk;
            } else {
                lines.push_back(text.substr(start, i - start));
                start = i;
                w = 0.f;
            }
            have_brk = false;
        }
        w += advance;
        prev = c;
        p += n;
    }
    if (start < text.size() || lines.empty()) lines.push_back(trim_right(text.substr(start)));
    return lines;
}

float wrapped_height(std::string_view text, float width, ImFont* font) {
    if (!font) font = ImGui::GetFont();
    const auto lines = wrap_lines(text, width, font);
    return static_cast<float>(lines.size()) * line_height(font) - (line_height(font) - font->FontSize);
}

// ============================================================================
// 2. Text
// ============================================================================

namespace {

void draw_lines(ImFont* font, std::string_view text, ImU32 color, float width) {
    const auto lines = wrap_lines(text, width, font);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float lh = line_height(font);
    float widest = 0.f;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& l = lines[i];
        dl->AddText(font, font->FontSize, ImVec2(pos.x, pos.y + lh * static_cast<float>(i)), color,
                    l.data(), l.data() + l.size());
        widest = std::max(widest, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.f, l.data(), l.data() + l.size()).x);
    }
    const float h = static_cast<float>(lines.size()) * lh - (lh - font->FontSize);
    ImGui::Dummy(ImVec2(std::max(1.f, widest), h));
}

}  // namespace

void text_wrapped(std::string_view s, ImU32 color, float width) {
    if (width <= 0.f) width = avail_width();
    draw_lines(ImGui::GetFont(), s, color, std::max(width, 20.f));
}

void text(std::string_view s, ImU32 color) {
    observe_text(s);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::TextUnformatted(s.data(), s.data() + s.size());
    ImGui::PopStyleColor();
}

void heading(std::string_view s, ImU32 color) {
    ImGui::PushFont(type().heading);
    text_wrapped(s, color);
    ImGui::PopFont();
}

void title(std::string_view s, ImU32 color) {
    ImGui::PushFont(type().title);
    text_wrapped(s, color);
    ImGui::PopFont();
}

void caption(std::string_view s, ImU32 color) {
    ImGui::PushFont(type().small);
    text_wrapped(s, color);
    ImGui::PopFont();
}

void label_value(std::string_view label, std::string_view value, float label_width) {
    const float x = ImGui::GetCursorPosX();
    ImGui::PushFont(type().small);
    text(label, palette::ink_muted);
    ImGui::PopFont();
    ImGui::SameLine(x + label_width);
    text_wrapped(value, palette::ink);
}

// ============================================================================
// 3. Containers
// ============================================================================

bool begin_card(const char* id, ImVec2 size, ImU32 background, ImGuiWindowFlags flags) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(2.f * unit(), 2.f * unit()));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildRounding, 1.2f * unit());
    const bool auto_height = size.y == 0.f;
    const bool open = ImGui::BeginChild(id, size, true,
                                        flags | (auto_height ? ImGuiWindowFlags_AlwaysAutoResize : 0) |
                                            ImGuiWindowFlags_NavFlattened);
    fill_window_background(background);
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    return open;
}

void end_card() { ImGui::EndChild(); }

namespace {

struct Panel {
    ImDrawListSplitter splitter;
    ImDrawList* list = nullptr;
    ImVec2 start;
    float width = 0.f, pad = 0.f;
    ImU32 background = 0, border = 0;
};
std::vector<std::unique_ptr<Panel>> g_panels;

}  // namespace

void begin_panel(ImU32 background, float width, ImU32 border, float padding_units) {
    if (width <= 0.f) width = avail_width();
    auto p = std::make_unique<Panel>();
    p->list = ImGui::GetWindowDrawList();
    p->start = ImGui::GetCursorScreenPos();
    p->width = width;
    p->pad = padding_units * unit();
    p->background = background;
    p->border = border;
    p->splitter.Split(p->list, 2);
    p->splitter.SetCurrentChannel(p->list, 1);
    ImGui::SetCursorScreenPos(ImVec2(p->start.x + p->pad, p->start.y + p->pad));
    ImGui::BeginGroup();
    ImGui::PushItemWidth(width - 2.f * p->pad);
    g_panels.push_back(std::move(p));
}

void end_panel() {
    if (g_panels.empty()) return;
    std::unique_ptr<Panel> p = std::move(g_panels.back());
    g_panels.pop_back();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    const float bottom = std::max(ImGui::GetItemRectMax().y, p->start.y + p->pad) + p->pad;
    const ImVec2 a = p->start, b(p->start.x + p->width, bottom);
    p->splitter.SetCurrentChannel(p->list, 0);
    const float r = 1.2f * unit();
    // Shapes, unlike text, are not culled by Dear ImGui: a panel scrolled out of view would
    // still send its triangles to the renderer.
    if (ImGui::IsRectVisible(a, b)) {
        if (p->background) fill_opaque_rect(p->list, a, b, p->background, r);
        if (p->border) p->list->AddRect(a, b, p->border, r);
    }
    p->splitter.Merge(p->list);
    ImGui::SetCursorScreenPos(a);
    ImGui::Dummy(ImVec2(p->width, b.y - a.y));
}

float avail_width() {
    float w = ImGui::GetContentRegionAvail().x;
    if (!g_panels.empty()) {
        const Panel& p = *g_panels.back();
        w = std::min(w, p.start.x + p.width - p.pad - ImGui::GetCursorScreenPos().x);
    }
    return std::max(w, 1.f);
}

void vspace(float units) { ImGui::Dummy(ImVec2(1.f, units * unit())); }

void separator() {
    vspace(0.5f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = avail_width();
    ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + w, p.y), palette::border, 1.f);
    vspace(1.f);
}

// ============================================================================
// 4. Buttons and chips
// ============================================================================

bool button(const char* label, Button kind, ImVec2 size, bool enabled) {
    using namespace palette;
    ImU32 bg = surface, hover = primary_soft, active = rgb(205, 220, 240), fg = primary, border_c = border;
    switch (kind) {
        case Button::Primary:
            bg = primary, hover = primary_hover, active = primary_active, fg = rgb(255, 255, 255), border_c = primary;
            break;
        case Button::Danger:
            bg = surface, hover = danger_soft, active = rgb(240, 205, 205), fg = danger, border_c = rgb(226, 180, 182);
            break;
        case Button::Ghost:
            bg = rgb(0, 0, 0, 0), hover = primary_soft, active = rgb(205, 220, 240), fg = primary, border_c = rgb(0, 0, 0, 0);
            break;
        case Button::Selected:
            bg = primary_soft, hover = rgb(214, 228, 245), active = rgb(200, 218, 242), fg = primary_active,
            border_c = primary;
            break;
        case Button::Secondary:
            break;
    }
    if (!enabled) {
        bg = surface_alt, hover = surface_alt, active = surface_alt, fg = ink_faint, border_c = border;
    }
    ImGui::PushStyleColor(ImGuiCol_Button, bg);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, active);
    ImGui::PushStyleColor(ImGuiCol_Text, fg);
    ImGui::PushStyleColor(ImGuiCol_Border, border_c);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(2.f * unit(), 1.1f * unit()));
    if (!enabled) ImGui::PushItemFlag(ImGuiItemFlags_Disabled, true);
    const bool pressed = ImGui::Button(label, size);
    if (!enabled) ImGui::PopItemFlag();
    if (enabled && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(5);
    return pressed && enabled;
}

void chip(std::string_view s, ImU32 background, ImU32 foreground) {
    observe_text(s);
    ImFont* font = type().small ? type().small : ImGui::GetFont();
    const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.f, s.data(), s.data() + s.size());
    const ImVec2 pad(0.9f * unit(), 0.3f * unit());
    const ImVec2 size(ts.x + 2 * pad.x, ts.y + 2 * pad.y);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (ImGui::IsRectVisible(p, ImVec2(p.x + size.x, p.y + size.y))) {
        dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), background, size.y * 0.5f);
        dl->AddText(font, font->FontSize, ImVec2(p.x + pad.x, p.y + pad.y), foreground, s.data(), s.data() + s.size());
    }
    ImGui::Dummy(size);
}

namespace {
float chip_width(std::string_view s) {
    ImFont* font = type().small ? type().small : ImGui::GetFont();
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.f, s.data(), s.data() + s.size()).x + 1.8f * unit();
}
}  // namespace

ChipFlow::ChipFlow(float width) : width_(width > 0.f ? width : avail_width()) {}

void ChipFlow::add(std::string_view text, ImU32 background, ImU32 foreground) {
    const float gap = 0.5f * unit();
    const float w = chip_width(text);
    if (!first_ && x_ + gap + w <= width_) {
        ImGui::SameLine(0, gap);
        x_ += gap + w;
    } else {
        x_ = w;
    }
    first_ = false;
    chip(text, background, foreground);
}

void key_hint(std::string_view key) {
    ImFont* font = type().small ? type().small : ImGui::GetFont();
    const ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.f, key.data(), key.data() + key.size());
    const float h = ts.y + 0.5f * unit();
    const ImVec2 size(std::max(h, ts.x + 1.2f * unit()), h);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (ImGui::IsRectVisible(p, ImVec2(p.x + size.x, p.y + size.y + 2))) {
        dl->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + size.x, p.y + size.y + 2), palette::border, 4.f);
        dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), palette::surface_alt, 4.f);
        dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), palette::border, 4.f);
        dl->AddText(font, font->FontSize, ImVec2(p.x + (size.x - ts.x) * 0.5f, p.y + (size.y - ts.y) * 0.5f),
                    palette::ink_muted, key.data(), key.data() + key.size());
    }
    ImGui::Dummy(ImVec2(size.x, size.y + 2));
}

// ============================================================================
// 5. Stars, meters, badges, charts
// ============================================================================

void draw_star(ImDrawList* dl, ImVec2 c, float r, ImU32 fill, ImU32 outline) {
    ImVec2 pts[10];
    for (int i = 0; i < 10; ++i) {
        const float a = -IM_PI / 2.f + static_cast<float>(i) * IM_PI / 5.f;
        const float rr = (i % 2 == 0) ? r : r * 0.45f;
        pts[i] = ImVec2(c.x + std::cos(a) * rr, c.y + std::sin(a) * rr);
    }
    // Concave: fill as five triangles plus the centre pentagon.
    for (int i = 0; i < 10; i += 2)
        dl->AddTriangleFilled(pts[i], pts[(i + 1) % 10], pts[(i + 9) % 10], fill);
    ImVec2 inner[5] = {pts[1], pts[3], pts[5], pts[7], pts[9]};
    dl->AddConvexPolyFilled(inner, 5, fill);
    dl->AddPolyline(pts, 10, outline, ImDrawFlags_Closed, 1.2f);
}

void stars(int earned, int max, float height) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = height * 0.5f;
    const float gap = height * 0.2f;
    const float width = static_cast<float>(max) * (height + gap) - gap;
    if (ImGui::IsRectVisible(p, ImVec2(p.x + width, p.y + height)))
        for (int i = 0; i < max; ++i) {
            const ImVec2 c(p.x + r + static_cast<float>(i) * (height + gap), p.y + r);
            const bool on = i < earned;
            draw_star(dl, c, r, on ? palette::accent : palette::surface_alt, on ? palette::accent : palette::border);
        }
    ImGui::Dummy(ImVec2(width, height));
}

void meter(std::string_view label, int value, ImU32 color, float width, std::string_view detail) {
    value = std::clamp(value, 0, 100);
    ImFont* small = type().small ? type().small : ImGui::GetFont();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    observe_text(label);
    const float bar_y = p.y + small->FontSize + 0.5f * unit();
    const float bar_h = 0.8f * unit();
    const ImVec2 size(width, small->FontSize + 0.5f * unit() + bar_h);
    if (!ImGui::IsRectVisible(p, ImVec2(p.x + size.x, p.y + size.y))) {
        ImGui::Dummy(size);
        return;
    }
    dl->AddText(small, small->FontSize, p, palette::ink_muted, label.data(), label.data() + label.size());
    const std::string number = detail.empty() ? std::to_string(value) : std::string(detail);
    const ImVec2 ns = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0.f, number.c_str());
    dl->AddText(small, small->FontSize, ImVec2(p.x + width - ns.x, p.y), palette::ink, number.c_str());
    dl->AddRectFilled(ImVec2(p.x, bar_y), ImVec2(p.x + width, bar_y + bar_h), palette::surface_alt, bar_h);
    dl->AddRect(ImVec2(p.x, bar_y), ImVec2(p.x + width, bar_y + bar_h), palette::border, bar_h);
    if (value > 0)
        dl->AddRectFilled(ImVec2(p.x, bar_y), ImVec2(p.x + width * static_cast<float>(value) / 100.f, bar_y + bar_h),
                          color, bar_h);
    ImGui::Dummy(size);
}

void badge(std::string_view symbol, std::string_view name, bool earned, ImU32 color, float d) {
    ImGui::BeginGroup();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* small = type().small ? type().small : ImGui::GetFont();
    const float cell = std::max(d, 6.f * unit());
    const ImVec2 c(p.x + cell * 0.5f, p.y + d * 0.5f);
    const ImU32 ring = earned ? color : palette::border;
    const ImU32 fill = earned ? mix(color, palette::surface, 0.82f) : palette::surface_alt;
    if (ImGui::IsRectVisible(p, ImVec2(p.x + cell, p.y + d))) {
        dl->AddCircleFilled(c, d * 0.5f, fill, 40);
        dl->AddCircle(c, d * 0.5f, ring, 40, 2.5f);
        dl->AddCircle(c, d * 0.5f - 4.f, with_alpha(ring, earned ? 120 : 80), 40, 1.f);
    }
    // The symbol: the first character of the badge's name.
    const char* s = symbol.data();
    const char* se = s + symbol.size();
    unsigned first = 0;
    const int n = symbol.empty() ? 0 : ImTextCharFromUtf8(&first, s, se);
    ImFont* big = type().heading ? type().heading : ImGui::GetFont();
    const ImVec2 gs = big->CalcTextSizeA(big->FontSize, FLT_MAX, 0.f, s, s + n);
    dl->AddText(big, big->FontSize, ImVec2(c.x - gs.x * 0.5f, c.y - gs.y * 0.5f),
                earned ? mix(color, palette::ink, 0.3f) : palette::ink_faint, s, s + n);
    ImGui::Dummy(ImVec2(cell, d + 0.5f * unit()));
    const auto lines = wrap_lines(name, cell + unit(), small);
    for (const auto& l : lines) {
        const ImVec2 ls = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0.f, l.data(), l.data() + l.size());
        const ImVec2 q = ImGui::GetCursorScreenPos();
        dl->AddText(small, small->FontSize, ImVec2(q.x + (cell - ls.x) * 0.5f, q.y),
                    earned ? palette::ink : palette::ink_faint, l.data(), l.data() + l.size());
        ImGui::Dummy(ImVec2(cell, small->FontSize + 2.f));
    }
    ImGui::EndGroup();
}

void line_chart(const char* id, const std::vector<float>& values, ImVec2 size, ImU32 color,
                const std::vector<std::string>& labels) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (!ImGui::IsRectVisible(p, ImVec2(p.x + size.x, p.y + size.y))) {
        ImGui::Dummy(size);
        return;
    }
    ImGui::PushID(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* small = type().small ? type().small : ImGui::GetFont();
    const float left = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0.f, "100").x + 0.8f * unit();
    const float bottom = labels.empty() ? 0.5f * unit() : small->FontSize + 0.8f * unit();
    const ImVec2 a(p.x + left, p.y + 0.5f * unit());
    const ImVec2 b(p.x + size.x - unit(), p.y + size.y - bottom);
    // Small charts keep the grid lines but label only 0 and 100.
    const bool compact = (b.y - a.y) < small->FontSize * 5.f;
    for (int g = 0; g <= 100; g += 25) {
        const float y = b.y - (b.y - a.y) * static_cast<float>(g) / 100.f;
        dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), g == 0 ? palette::border : with_alpha(palette::border, 140), 1.f);
        if (compact && g != 0 && g != 100) continue;
        const std::string t = std::to_string(g);
        const ImVec2 ts = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0.f, t.c_str());
        dl->AddText(small, small->FontSize, ImVec2(a.x - ts.x - 0.5f * unit(), y - ts.y * 0.5f), palette::ink_faint,
                    t.c_str());
    }
    const std::size_t n = values.size();
    auto point = [&](std::size_t i) {
        const float x = n <= 1 ? (a.x + b.x) * 0.5f
                               : a.x + (b.x - a.x) * static_cast<float>(i) / static_cast<float>(n - 1);
        const float v = std::clamp(values[i], 0.f, 100.f);
        return ImVec2(x, b.y - (b.y - a.y) * v / 100.f);
    };
    if (n >= 2) {
        std::vector<ImVec2> pts;
        for (std::size_t i = 0; i < n; ++i) pts.push_back(point(i));
        // A soft area under the line, then the line.
        for (std::size_t i = 0; i + 1 < n; ++i) {
            const ImVec2 q[4] = {pts[i], pts[i + 1], ImVec2(pts[i + 1].x, b.y), ImVec2(pts[i].x, b.y)};
            dl->AddConvexPolyFilled(q, 4, with_alpha(color, 28));
        }
        dl->AddPolyline(pts.data(), static_cast<int>(n), color, 0, 2.5f);
    }
    for (std::size_t i = 0; i < n; ++i) {
        dl->AddCircleFilled(point(i), 4.f, palette::surface);
        dl->AddCircle(point(i), 4.f, color, 12, 2.f);
    }
    // Labels: as many as fit without overlapping.
    if (!labels.empty() && n > 0) {
        float last_right = -FLT_MAX;
        for (std::size_t i = 0; i < n && i < labels.size(); ++i) {
            const ImVec2 ts = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0.f, labels[i].c_str());
            const float x = std::clamp(point(i).x - ts.x * 0.5f, a.x, b.x - ts.x);
            if (x < last_right + unit()) continue;
            dl->AddText(small, small->FontSize, ImVec2(x, b.y + 0.4f * unit()), palette::ink_faint, labels[i].c_str());
            last_right = x + ts.x;
        }
    }
    ImGui::Dummy(size);
    ImGui::PopID();
}

}  // namespace parley::ui
