// Shared widgets on top of Dear ImGui: cards, buttons in the house style, Chinese-aware text
// wrapping, chips, stars, meters, key hints, small charts. Screens compose these; they never
// pick colours or spacing of their own.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "parley/ui/theme.h"

namespace parley::ui {

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

// Lines of `text` wrapped to `width` with `font`. Chinese has no spaces: every Han character
// is a break opportunity, except before closing punctuation (，。！？、) and after opening
// punctuation. Latin breaks at spaces; a word longer than a line is cut.
std::vector<std::string_view> wrap_lines(std::string_view text, float width, ImFont* font = nullptr);
// Height `text` needs when wrapped to `width`.
float wrapped_height(std::string_view text, float width, ImFont* font = nullptr);
// Wrapped text at the cursor, to the right edge of the content region (or `width`).
void text_wrapped(std::string_view text, ImU32 color = palette::ink, float width = 0.f);
void text(std::string_view text, ImU32 color = palette::ink);
void heading(std::string_view text, ImU32 color = palette::ink);   // section heading, bold
void title(std::string_view text, ImU32 color = palette::ink);     // screen title, large bold
void caption(std::string_view text, ImU32 color = palette::ink_muted);  // small, muted
void label_value(std::string_view label, std::string_view value, float label_width);

// ---------------------------------------------------------------------------
// Containers
// ---------------------------------------------------------------------------

// A white, rounded, bordered panel. Height 0 = fit the content (ImGui auto-resize).
bool begin_card(const char* id, ImVec2 size, ImU32 background = palette::surface,
                ImGuiWindowFlags flags = 0);
void end_card();
// A card that grows with its content (no scrolling, no clipping): the background is drawn
// behind the content once its height is known. Text inside wraps to the card's inner width.
// Panels may nest.
void begin_panel(ImU32 background = palette::surface, float width = 0.f, ImU32 border = palette::border,
                 float padding_units = 2.f);
void end_panel();
// Width left for content on the current line (inside a panel: up to its inner right edge).
float avail_width();
void vspace(float units = 1.f);
void separator();

// ---------------------------------------------------------------------------
// Buttons and chips
// ---------------------------------------------------------------------------

enum class Button { Primary, Secondary, Danger, Ghost, Selected };
bool button(const char* label, Button kind = Button::Secondary, ImVec2 size = ImVec2(0, 0),
            bool enabled = true);
// A small rounded label (competency, difficulty, status). Stays on the current line.
void chip(std::string_view text, ImU32 background, ImU32 foreground);
// Chips laid out left to right, wrapping to a new line at `width` (0 = the space available).
class ChipFlow {
public:
    explicit ChipFlow(float width = 0.f);
    void add(std::string_view text, ImU32 background, ImU32 foreground);

private:
    float width_ = 0.f, x_ = 0.f;
    bool first_ = true;
};
// A keycap showing which key does something ("1", "Esc").
void key_hint(std::string_view key);

// ---------------------------------------------------------------------------
// Achievement and state
// ---------------------------------------------------------------------------

void draw_star(ImDrawList* dl, ImVec2 center, float radius, ImU32 fill, ImU32 outline);
// `earned` of `max` stars in a row, as one item of the given height.
void stars(int earned, int max, float height);
// A labelled 0–100 bar; `detail` replaces the number on the right when given.
void meter(std::string_view label, int value, ImU32 color, float width, std::string_view detail = {});
// A round badge with a glyph (first character of `symbol`), name below; dimmed if not earned.
void badge(std::string_view symbol, std::string_view name, bool earned, ImU32 color, float diameter);
// A simple line chart of values 0–100 with light grid lines; `labels` under the points.
void line_chart(const char* id, const std::vector<float>& values, ImVec2 size, ImU32 color,
                const std::vector<std::string>& labels = {});

}  // namespace parley::ui
