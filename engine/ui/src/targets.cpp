#include "parley/ui/targets.h"

#include <imgui_internal.h>

#include <cmath>

namespace parley::ui {

namespace {

Targets* g_current = nullptr;

bool same_place(const TargetRect& a, const TargetRect& b) {
    auto near = [](ImVec2 p, ImVec2 q) { return std::abs(p.x - q.x) < 0.5f && std::abs(p.y - q.y) < 0.5f; };
    return near(a.min, b.min) && near(a.max, b.max);
}
}  // namespace

void Targets::begin_frame() {
    previous_.swap(shown_);
    shown_.swap(building_);
    building_.clear();
    // How many frames each target has stayed where it is.
    std::map<std::string, int> still;
    for (const auto& [name, rect] : shown_) {
        const auto before = previous_.find(name);
        const auto count = still_frames_.find(name);
        still[name] = before != previous_.end() && same_place(rect, before->second)
                          ? (count == still_frames_.end() ? 0 : count->second) + 1
                          : 0;
    }
    still_frames_.swap(still);
    hidden_.swap(hidden_building_);
    hidden_building_.clear();
}

void Targets::mark(const std::string& name, ImVec2 min, ImVec2 max) {
    // Only what the user could click: inside the current window's visible area.
    ImGuiWindow* window = ImGui::GetCurrentContext() ? ImGui::GetCurrentWindowRead() : nullptr;
    if (window) {
        // A window in its first, invisible frame (a popup sizing itself) is not where it will be.
        for (ImGuiWindow* w = window; w; w = w->ParentWindow)
            if (w->Hidden || w->HiddenFramesCannotSkipItems > 0 || w->HiddenFramesCanSkipItems > 0) return;
        const ImRect clip = window->ClipRect;
        const ImRect r(min, max);
        ImRect visible = r;
        visible.ClipWith(clip);
        // Less than half of it showing: a user would scroll first, and so does a script.
        if (!clip.Overlaps(r) || visible.GetHeight() < r.GetHeight() * 0.5f || visible.GetWidth() < 2.f) {
            // The nearest window that can scroll vertically is the one to wheel.
            ImGuiWindow* host = window;
            while (host && host->ScrollMax.y <= 0.f && (host->Flags & ImGuiWindowFlags_ChildWindow)) host = host->ParentWindow;
            if (host) {
                const ImRect hr = host->InnerClipRect;
                hidden_building_[name] = HiddenTarget{TargetRect{min, max}, TargetRect{hr.Min, hr.Max}};
            }
            return;
        }
        min = visible.Min;
        max = visible.Max;
    }
    building_[name] = TargetRect{min, max};
}

void Targets::mark_item(const std::string& name) { mark(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

std::optional<TargetRect> Targets::find(const std::string& name) const {
    const auto it = shown_.find(name);
    if (it == shown_.end()) return std::nullopt;
    // Only where it has settled: a window sizing itself, scrolling, or a scrollbar appearing a
    // frame after the content grew moves its items. Three frames in the same place.
    const auto still = still_frames_.find(name);
    if (still == still_frames_.end() || still->second < 2) return std::nullopt;
    return it->second;
}

std::optional<HiddenTarget> Targets::find_hidden(const std::string& name) const {
    const auto it = hidden_.find(name);
    if (it == hidden_.end()) return std::nullopt;
    return it->second;
}

Targets* Targets::current() { return g_current; }
void Targets::set_current(Targets* t) { g_current = t; }

void mark_target(const std::string& name) {
    if (Targets* t = Targets::current()) t->mark_item(name);
}

}  // namespace parley::ui
