#include "parley/ui/opaque_fill.h"

#include <SFML/OpenGL.hpp>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace parley::ui {

namespace {

// Smaller than this, three clears and four corner pieces cost more than the triangles they save.
constexpr float min_area = 96.f * 96.f;

// A draw callback: clear the command's clip rectangle (the part of the fill that is visible)
// to the colour carried in UserCallbackData. The backend sets its own scissor again for the
// next command, so only the clear colour needs restoring.
void clear_clip_rect(const ImDrawList*, const ImDrawCmd* cmd) {
    const ImDrawData* dd = ImGui::GetDrawData();
    const ImVec2 origin = dd ? dd->DisplayPos : ImVec2(0, 0);
    const ImVec2 scale = dd ? dd->FramebufferScale : ImGui::GetIO().DisplayFramebufferScale;
    const float fb_height = (dd ? dd->DisplaySize.y : ImGui::GetIO().DisplaySize.y) * scale.y;
    const float x0 = std::round((cmd->ClipRect.x - origin.x) * scale.x), y0 = std::round((cmd->ClipRect.y - origin.y) * scale.y);
    const float x1 = std::round((cmd->ClipRect.z - origin.x) * scale.x), y1 = std::round((cmd->ClipRect.w - origin.y) * scale.y);
    if (x1 <= x0 || y1 <= y0) return;
    const auto colour = static_cast<ImU32>(reinterpret_cast<std::uintptr_t>(cmd->UserCallbackData));
    GLfloat previous[4];
    glGetFloatv(GL_COLOR_CLEAR_VALUE, previous);
    glEnable(GL_SCISSOR_TEST);
    glScissor(static_cast<GLint>(x0), static_cast<GLint>(fb_height - y1), static_cast<GLsizei>(x1 - x0),
              static_cast<GLsizei>(y1 - y0));
    glClearColor(static_cast<float>((colour >> IM_COL32_R_SHIFT) & 0xff) / 255.f,
                 static_cast<float>((colour >> IM_COL32_G_SHIFT) & 0xff) / 255.f,
                 static_cast<float>((colour >> IM_COL32_B_SHIFT) & 0xff) / 255.f, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    glClearColor(previous[0], previous[1], previous[2], previous[3]);
}

// Clear [a, b) within the list's current clip rectangle.
void clear_rect(ImDrawList* list, ImVec2 a, ImVec2 b, ImU32 colour) {
    if (b.x <= a.x || b.y <= a.y) return;
    list->PushClipRect(a, b, true);
    const ImVec2 lo = list->GetClipRectMin(), hi = list->GetClipRectMax();
    if (hi.x > lo.x && hi.y > lo.y)
        list->AddCallback(clear_clip_rect, reinterpret_cast<void*>(static_cast<std::uintptr_t>(colour)));
    list->PopClipRect();
}

}  // namespace

void fill_opaque_rect(ImDrawList* list, ImVec2 a, ImVec2 b, ImU32 colour, float rounding) {
    // Whole pixels: the clear cannot cover part of one.
    a = ImVec2(std::round(a.x), std::round(a.y));
    b = ImVec2(std::round(b.x), std::round(b.y));
    const float w = b.x - a.x, h = b.y - a.y;
    if (w <= 0.f || h <= 0.f) return;
    const bool opaque = ((colour >> IM_COL32_A_SHIFT) & 0xff) == 0xff;
    if (!opaque || w * h < min_area) {
        list->AddRectFilled(a, b, colour, rounding);
        return;
    }
    const float r = std::floor(std::clamp(rounding, 0.f, std::min(w, h) * 0.5f - 1.f));
    if (r < 1.f) {
        clear_rect(list, a, b, colour);
        return;
    }
    // The body as a cross: a full-width band between the corners, then the top and bottom
    // strips between them.
    clear_rect(list, ImVec2(a.x, a.y + r), ImVec2(b.x, b.y - r), colour);
    clear_rect(list, ImVec2(a.x + r, a.y), ImVec2(b.x - r, a.y + r), colour);
    clear_rect(list, ImVec2(a.x + r, b.y - r), ImVec2(b.x - r, b.y), colour);
    // Each corner a rounded square reaching one pixel into the cleared body, so its
    // anti-aliased inner edges blend over its own colour and leave no seam.
    const float k = r + 1.f;
    list->AddRectFilled(a, ImVec2(a.x + k, a.y + k), colour, r, ImDrawFlags_RoundCornersTopLeft);
    list->AddRectFilled(ImVec2(b.x - k, a.y), ImVec2(b.x, a.y + k), colour, r, ImDrawFlags_RoundCornersTopRight);
    list->AddRectFilled(ImVec2(a.x, b.y - k), ImVec2(a.x + k, b.y), colour, r, ImDrawFlags_RoundCornersBottomLeft);
    list->AddRectFilled(ImVec2(b.x - k, b.y - k), b, colour, r, ImDrawFlags_RoundCornersBottomRight);
}

void fill_window_background(ImU32 colour) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImDrawList* list = window->DrawList;
    // Begin has already drawn the border and narrowed the clip rectangle to the content: fill
    // inside the border, clipped as the window's frame is (by its parent).
    const float inset = window->WindowBorderSize;
    const ImVec2 a(window->Pos.x + inset, window->Pos.y + inset);
    const ImVec2 b(window->Pos.x + window->Size.x - inset, window->Pos.y + window->Size.y - inset);
    list->PushClipRect(window->OuterRectClipped.Min, window->OuterRectClipped.Max, false);
    fill_opaque_rect(list, a, b, colour, std::max(0.f, window->WindowRounding - inset));
    list->PopClipRect();
}

}  // namespace parley::ui
