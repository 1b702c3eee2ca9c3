// Page helpers the screens share: the scrolling page frame, text inputs that keep the font
// atlas covering what is typed, and names for the content's vocabulary.
#pragma once

#include <SFML/Window/Keyboard.hpp>
#include <imgui.h>

#include <string>

#include "parley/ui/theme.h"
#include "parley/ui/widgets.h"
#include "shared.h"

namespace parley::player {

// A scrolling page with the house margins; content is centred up to a comfortable width.
void page_begin(const char* id);
void page_end();
// The width of the page's content column.
float page_width();

// A text field; every character typed is added to the font atlas (Chinese input included).
bool input_text(Shared& s, const char* id, std::string& value, const char* hint, float width,
                ImGuiInputTextFlags flags = 0);

// Two-column helper: a child of the given width with no border (layout only).
void column_begin(const char* id, float width, float height = 0.f);
void column_end();

const Text& level_name(int level);
// Social style quadrant of a persona (assertiveness × responsiveness).
Text social_style(const Persona& p);
// "A 沟通能力"
std::string competency_label(const Shared& s, const std::string& id);
ImU32 difficulty_color(Difficulty d);
std::string format_date(std::int64_t seconds);

}  // namespace parley::player
