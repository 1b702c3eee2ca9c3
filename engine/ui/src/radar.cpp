#include "parley/ui/radar.h"

#include <imgui_internal.h>   // IM_PI

#include <algorithm>
#include <cmath>

#include "parley/ui/theme.h"
#include "parley/ui/widgets.h"

namespace parley::ui {

namespace {

void bars(const std::vector<RadarAxis>& axes, ImVec2 size) {
    const float w = size.x;
    for (const auto& a : axes) meter(a.label, a.value, palette::primary, w);
    ImGui::Dummy(ImVec2(w, std::max(0.f, size.y - static_cast<float>(axes.size()) * 4.f * unit())));
}

}  // namespace

void radar_chart(const char* id, const std::vector<RadarAxis>& axes, ImVec2 size) {
    ImGui::PushID(id);
    if (axes.size() < 3) {
        bars(axes, size);
        ImGui::PopID();
        return;
    }
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (!ImGui::IsRectVisible(p, ImVec2(p.x + size.x, p.y + size.y))) {   // scrolled out of view
        for (const auto& a : axes) observe_text(a.label);
        ImGui::Dummy(size);
        ImGui::PopID();
        return;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImFont* small = type().small ? type().small : ImGui::GetFont();
    ImFont* bold = type().heading ? type().heading : small;
    const float fs = small->FontSize;
    const float gap = 0.9f * unit();
    const int n = static_cast<int>(axes.size());
    auto dir = [&](int i) {
        const float a = -IM_PI / 2.f + 2.f * IM_PI * static_cast<float>(i) / static_cast<float>(n);
        return ImVec2(std::cos(a), std::sin(a));
    };

    // Each label as a block of lines (long ones wrapped) with the score under it.
    struct Block {
        std::vector<std::string> lines;
        float w = 0.f, h = 0.f;
    };
    std::vector<Block> blocks(axes.size());
    const float max_label_w = std::max(6.f * fs, size.x * 0.3f);
    for (int i = 0; i < n; ++i) {
        ImFont* f = axes[i].core ? bold : small;
        const std::string& label = axes[i].label;
        observe_text(label);
        const char* at = label.c_str();
        const char* end = at + label.size();
        while (at < end) {
            const char* cut = f->CalcWordWrapPositionA(fs / f->FontSize, at, end, max_label_w);
            if (cut == at) cut = at + 1;   // never stall on a glyph wider than the width
            std::string line(at, cut);
            while (!line.empty() && line.back() == ' ') line.pop_back();
            blocks[i].lines.push_back(line);
            blocks[i].w = std::max(blocks[i].w, f->CalcTextSizeA(fs, FLT_MAX, 0.f, line.c_str()).x);
            at = cut;
            while (at < end && *at == ' ') ++at;
        }
        const std::string score = std::to_string(axes[i].value);
        blocks[i].w = std::max(blocks[i].w, small->CalcTextSizeA(fs, FLT_MAX, 0.f, score.c_str()).x);
        blocks[i].h = fs * static_cast<float>(blocks[i].lines.size() + 1);
    }

    // The largest radius at which every label block fits beside its spoke without being pushed
    // back over the chart (a clamped label used to land on its own point: H at the bottom left).
    const ImVec2 c(p.x + size.x * 0.5f, p.y + size.y * 0.5f);
    float r = std::min(size.x, size.y) * 0.5f;
    for (int i = 0; i < n; ++i) {
        const ImVec2 d = dir(i);
        const float ax = std::fabs(d.x), ay = std::fabs(d.y);
        // Outer edge of the block along each axis: (r + gap)·|d| + extent·(1 + |d|)/2 ≤ half size.
        if (ax > 0.05f) r = std::min(r, (size.x * 0.5f - blocks[i].w * 0.5f * (1.f + ax)) / ax - gap);
        if (ay > 0.05f) r = std::min(r, (size.y * 0.5f - blocks[i].h * 0.5f * (1.f + ay)) / ay - gap);
    }
    r = std::max(20.f, r);
    auto at = [&](int i, float v) {
        const ImVec2 d = dir(i);
        const float k = r * std::clamp(v, 0.f, 100.f) / 100.f;
        return ImVec2(c.x + d.x * k, c.y + d.y * k);
    };

    // Rings and spokes.
    for (int ring = 1; ring <= 4; ++ring) {
        std::vector<ImVec2> pts;
        for (int i = 0; i < n; ++i) pts.push_back(at(i, 25.f * static_cast<float>(ring)));
        if (ring == 4) dl->AddConvexPolyFilled(pts.data(), n, palette::surface_alt);
        dl->AddPolyline(pts.data(), n, ring == 2 ? palette::ink_faint : palette::border, ImDrawFlags_Closed,
                        ring == 2 ? 1.2f : 1.f);
    }
    for (int i = 0; i < n; ++i) dl->AddLine(c, at(i, 100.f), palette::border, 1.f);

    // Reference outline (previous best), then this run.
    const bool has_reference = std::any_of(axes.begin(), axes.end(), [](const RadarAxis& a) { return a.reference; });
    if (has_reference) {
        std::vector<ImVec2> ref;
        for (int i = 0; i < n; ++i) ref.push_back(at(i, static_cast<float>(axes[i].reference.value_or(0))));
        dl->AddPolyline(ref.data(), n, with_alpha(palette::accent, 220), ImDrawFlags_Closed, 2.f);
    }
    std::vector<ImVec2> pts;
    for (int i = 0; i < n; ++i) pts.push_back(at(i, static_cast<float>(axes[i].value)));
    // Non-convex in general: fan from the centre.
    for (int i = 0; i < n; ++i)
        dl->AddTriangleFilled(c, pts[i], pts[(i + 1) % n], with_alpha(palette::primary, 60));
    dl->AddPolyline(pts.data(), n, palette::primary, ImDrawFlags_Closed, 2.5f);
    for (int i = 0; i < n; ++i) {
        dl->AddCircleFilled(pts[i], 4.5f, palette::surface);
        dl->AddCircle(pts[i], 4.5f, palette::primary, 12, 2.f);
    }

    // Labels outside the rim, with the score under each.
    for (int i = 0; i < n; ++i) {
        const ImVec2 d = dir(i);
        ImFont* f = axes[i].core ? bold : small;
        const Block& b = blocks[i];
        const ImVec2 anchor(c.x + d.x * (r + gap), c.y + d.y * (r + gap));
        // Place the block so its nearest edge touches the anchor.
        float x = anchor.x - b.w * 0.5f + d.x * b.w * 0.5f;
        float y = anchor.y - b.h * 0.5f + d.y * b.h * 0.5f;
        x = std::clamp(x, p.x, std::max(p.x, p.x + size.x - b.w));
        y = std::clamp(y, p.y, std::max(p.y, p.y + size.y - b.h));
        for (std::size_t k = 0; k < b.lines.size(); ++k) {
            const float lw = f->CalcTextSizeA(fs, FLT_MAX, 0.f, b.lines[k].c_str()).x;
            dl->AddText(f, fs, ImVec2(x + (b.w - lw) * 0.5f, y + fs * static_cast<float>(k)),
                        axes[i].core ? palette::ink : palette::ink_muted, b.lines[k].c_str());
        }
        const std::string score = std::to_string(axes[i].value);
        const float sw = small->CalcTextSizeA(fs, FLT_MAX, 0.f, score.c_str()).x;
        dl->AddText(small, fs, ImVec2(x + (b.w - sw) * 0.5f, y + fs * static_cast<float>(b.lines.size())), palette::primary,
                    score.c_str());
    }
    ImGui::Dummy(size);
    ImGui::PopID();
}

}  // namespace parley::ui
