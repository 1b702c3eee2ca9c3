// The competency radar chart of the debrief: one spoke per assessed competency, rings at
// 25/50/75/100, the run's scores as a filled polygon and, optionally, a reference (the
// trainee's previous best) as an outline to compare against.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace parley::ui {

struct RadarAxis {
    std::string label;             // e.g. "A 沟通能力"
    int value = 0;                 // 0–100
    std::optional<int> reference;  // 0–100
    bool core = false;             // core competencies are labelled in bold
};

// Draws the chart as one item of `size`. Fewer than three axes are shown as bars instead,
// since a polygon needs three points.
void radar_chart(const char* id, const std::vector<RadarAxis>& axes, ImVec2 size);

}  // namespace parley::ui
