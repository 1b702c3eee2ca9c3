// Named places on screen. Widgets a script may need to reach record their rectangle under a
// stable name each frame ("option.2", "briefing.start"); scripted input and tests look the name
// up and click its centre with synthetic events, exactly as a user would.
#pragma once

#include <imgui.h>

#include <map>
#include <optional>
#include <string>

namespace parley::ui {

struct TargetRect {
    ImVec2 min, max;
    ImVec2 center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
};

// A target scrolled out of its window: where it is and the window to scroll (with the wheel).
struct HiddenTarget {
    TargetRect rect;   // unclipped
    TargetRect host;   // the visible part of the scrolling window holding it
};

class Targets {
public:
    // Call once per frame before the UI is built: last frame's names become the visible ones.
    void begin_frame();
    // Record a name for a rectangle, or for the last ImGui item.
    void mark(const std::string& name, ImVec2 min, ImVec2 max);
    void mark_item(const std::string& name);
    // Where `name` was in the last complete frame, when it was visible and had not moved in the
    // two frames before (so a click lands where the item will be).
    std::optional<TargetRect> find(const std::string& name) const;
    const std::map<std::string, TargetRect>& visible() const { return shown_; }
    // A target that was laid out last frame but scrolled out of sight.
    std::optional<HiddenTarget> find_hidden(const std::string& name) const;

    // The registry the widgets of this frame write to (one UI per process).
    static Targets* current();
    static void set_current(Targets* t);

private:
    std::map<std::string, TargetRect> building_, shown_, previous_;
    std::map<std::string, HiddenTarget> hidden_building_, hidden_;
    std::map<std::string, int> still_frames_;   // frames each shown target has not moved
};

// Shorthand for widgets: mark the last item in the current registry, if there is one.
void mark_target(const std::string& name);

}  // namespace parley::ui
