// Large opaque rectangles filled by the framebuffer's clear instead of by shaded triangles.
//
// Under Mesa's software renderer (llvmpipe, what Xvfb and most VMs give us) every shaded pixel
// samples the font texture and blends; a card the width of the window costs milliseconds per
// frame, while a scissored clear of the same pixels costs almost nothing. So a panel's body is
// cleared to its colour from inside the draw list (a draw callback, so it keeps its place in
// the painter's order and its clip rectangle), and only the rounded corners are triangles.
#pragma once

#include <imgui.h>

namespace parley::ui {

// Fills [a, b) with `colour` and corner `rounding`, as ImDrawList::AddRectFilled would. Opaque
// colours on rectangles big enough to gain go through the clear; anything else is drawn as
// triangles. Only for draw lists rendered by the OpenGL backend (all of ours).
void fill_opaque_rect(ImDrawList* list, ImVec2 a, ImVec2 b, ImU32 colour, float rounding);

// The current child window's background, with the style's ChildRounding: call right after
// BeginChild, with ImGuiCol_ChildBg made transparent so Dear ImGui does not fill it too.
void fill_window_background(ImU32 colour);

}  // namespace parley::ui
