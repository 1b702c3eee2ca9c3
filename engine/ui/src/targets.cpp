#include "parley/ui/targets.h"

#include <imgui_internal.h>

#include <cmath>

namespace parley::ui {

namespace {
Targets* g_current = nullptr;
}

void Targets::begin_frame() {
    previous_.swap(shown_);
    shown_.swap(building_);
    building_.clear();
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
    // Only where it has settled: a window sizing itself or scrolling moves its items.
    const auto before = previous_.find(name);
    if (before == previous_.end()) return std::nullopt;
    auto near = [](ImVec2 a, ImVec2 b) { return std::abs(a.x - b.x) < 0.5f && std::abs(a.y - b.y) < 0.5f; };
    if (!near(it->second.min, before->second.min) || !near(it->second.max, before->second.max)) return std::nullopt;
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
