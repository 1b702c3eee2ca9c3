// The graph canvas, drawn on Dear ImGui's draw lists: stage frames, option edges, nodes coloured
// by stage, the analysis overlay, a minimap. Pan (drag the background, or the middle button),
// zoom (wheel), drag a node to move it, drag from an option's port to a node to connect them.
//
// Contents
//   1. Geometry and colours
//   2. The analysis overlay (built when a result arrives)
//   3. Drawing and interaction
//   4. Minimap
#include <SFML/Window/Keyboard.hpp>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "editor_app.h"
#include "parley/ui/opaque_fill.h"
#include "parley/ui/theme.h"
#include "parley/ui/widgets.h"

namespace parley::editor {

// ============================================================================
// 1. Geometry and colours
// ============================================================================

namespace {

constexpr float kNodeW = 220.f, kNodeH = 78.f, kPortGap = 14.f;

ImU32 stage_colour(Stage s) {
    using ui::palette::rgb;
    switch (s) {
        case Stage::Opening: return rgb(120, 170, 230);
        case Stage::Probing: return rgb(110, 190, 160);
        case Stage::Presenting: return rgb(150, 200, 110);
        case Stage::Agreement: return rgb(60, 160, 110);
        case Stage::Objection: return rgb(235, 160, 80);
        case Stage::Closing: return rgb(200, 130, 200);
        case Stage::Complaint: return rgb(220, 110, 110);
        case Stage::Negotiation: return rgb(200, 170, 60);
        case Stage::Ending: return rgb(140, 150, 170);
    }
    return rgb(160, 160, 160);
}

float node_height(const Node& n) {
    return std::max(kNodeH, 58.f + kPortGap * static_cast<float>(n.options.size()));
}

// Shortens `text` to fit `width` with an ellipsis (whole UTF-8 characters).
// The atlas font rasterised nearest above `px`, so that text drawn at `px` is shrunk as little
// as possible: a glyph shrunk from a much larger size loses its thin strokes (commas, 'I', the
// fine strokes of 汉字) to the texture filter.
ImFont* font_for(float px) {
    const ui::Typeface& type = ui::type();
    for (ImFont* f : {type.compact, type.small, type.body})
        if (f && f->FontSize >= px - 0.5f) return f;
    return type.body;
}

// The size to draw `font` at for text wanted at `px`: the font's own size when that is at least
// `px` (glyphs drawn exactly as rasterised: even a slight shrink drops a thin stroke to the
// texture filter, "Negotia:ion" for "Negotiation"), else `px` (zoomed in: enlarged, not lost).
float drawn_size(const ImFont* font, float px) { return std::max(font->FontSize, px); }

// Text starts on a whole pixel, so the atlas' hinted glyphs are not resampled between pixels.
ImVec2 snap(ImVec2 p) { return ImVec2(std::round(p.x), std::round(p.y)); }

std::string fit(const std::string& text, ImFont* font, float size, float width) {
    if (font->CalcTextSizeA(size, FLT_MAX, 0, text.c_str()).x <= width) return text;
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = 1;
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c >= 0xF0) n = 4; else if (c >= 0xE0) n = 3; else if (c >= 0xC0) n = 2;
        const std::string next = out + text.substr(i, n);
        if (font->CalcTextSizeA(size, FLT_MAX, 0, (next + "…").c_str()).x > width) break;
        out = next;
        i += n;
    }
    return out + "…";
}

}  // namespace

// ============================================================================
// 2. The analysis overlay
// ============================================================================

void EditorApp::build_overlay(const AnalysisResult& r) {
    const Scenario& s = doc_->scenario();
    Overlay o;
    o.revision = r.revision;
    const std::size_t n = s.nodes.size();
    o.unreachable.assign(n, false);
    o.softlock.assign(n, false);
    o.best_node.assign(n, false);
    o.worst_node.assign(n, false);
    o.ending_best.assign(n, std::nullopt);
    o.best_edge.assign(n, {});
    o.worst_edge.assign(n, {});
    for (std::size_t i = 0; i < n; ++i) {
        o.best_edge[i].assign(s.nodes[i].options.size(), false);
        o.worst_edge[i].assign(s.nodes[i].options.size(), false);
    }
    if (r.revision != doc_->revision()) {   // a result for an older model: not drawn on this one
        overlay_ = {};
        overlay_.revision = r.revision;
        return;
    }
    auto at = [&](const std::string& id) -> std::optional<std::size_t> {
        auto it = s.node_index.find(id);
        return it == s.node_index.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    };
    for (const auto& id : r.analysis.unreachable_nodes)
        if (auto i = at(id)) o.unreachable[*i] = true;
    for (const auto& l : r.analysis.softlocks)
        if (auto i = at(l.node)) o.softlock[*i] = true;
    for (const auto& [id, total] : r.ending_best)
        if (auto i = at(id)) o.ending_best[*i] = total;
    // Replays a path to find the nodes and options it takes.
    auto trace = [&](const PathResult& p, std::vector<bool>& nodes, std::vector<std::vector<bool>>& edges) {
        try {
            Session run(shared_, doc_->snapshot(), r.persona, 1, s.default_difficulty);
            for (const auto& d : p.choices) {
                const std::size_t here = s.node_index.at(run.current_node().id);
                nodes[here] = true;
                if (!run.in_negotiation()) {
                    const auto options = run.options();
                    const std::size_t pick = static_cast<std::size_t>(std::atoi(d.c_str()));
                    if (pick >= 1 && pick <= options.size()) {
                        const Option* chosen = options[pick - 1].option;
                        const auto& all = s.nodes[here].options;
                        for (std::size_t k = 0; k < all.size(); ++k)
                            if (all[k].id == chosen->id) edges[here][k] = true;
                    }
                }
                if (run.decide(d)) break;
            }
            nodes[s.node_index.at(run.current_node().id)] = true;
        } catch (const std::exception&) {
        }
    };
    if (r.analysis.best) trace(*r.analysis.best, o.best_node, o.best_edge);
    if (r.analysis.worst) trace(*r.analysis.worst, o.worst_node, o.worst_edge);
    char line[256];
    std::snprintf(line, sizeof line, "%s %d (%s) · %s %d (%s) · %s %zu · %s %zu", t("最佳", "best"),
                  r.analysis.best ? r.analysis.best->total : 0, r.analysis.best ? r.analysis.best->ending.c_str() : "-",
                  t("最差", "worst"), r.analysis.worst ? r.analysis.worst->total : 0,
                  r.analysis.worst ? r.analysis.worst->ending.c_str() : "-", t("不可达", "unreachable"),
                  r.analysis.unreachable_nodes.size(), t("死锁", "soft-locks"), r.analysis.softlocks.size());
    o.summary = line;
    if (!r.error.empty()) o.summary = r.error;
    overlay_ = std::move(o);
    edges_revision_ = ~std::uint64_t(0);   // the best and worst edges change colour
}

// ============================================================================
// 3. Drawing and interaction
// ============================================================================

void EditorApp::centre_on(std::size_t node) {
    const Vec2 p = doc_->positions()[node];
    const ImVec2 size = ImGui::GetContentRegionAvail();
    camera_.offset = {p.x + kNodeW * 0.5f - size.x * 0.5f / camera_.zoom, p.y + kNodeH * 0.5f - size.y * 0.5f / camera_.zoom};
}

void EditorApp::draw_canvas(ImVec2 size) {
    const Scenario& s = doc_->scenario();
    const auto& pos = doc_->positions();
    // Panels' backgrounds are framebuffer clears, not shaded triangles (opaque_fill.h): under
    // llvmpipe a shaded fill of this size costs milliseconds a frame.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
    ImGui::BeginChild("##canvas", size, false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleColor();
    ui::fill_window_background(ui::palette::rgb(246, 248, 251));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGuiIO& io = ImGui::GetIO();

    if (fit_pending_ && !s.nodes.empty()) {
        // Fit the whole graph (at a readable zoom) on first show and after an automatic layout.
        float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
        for (std::size_t i = 0; i < s.nodes.size(); ++i) {
            x0 = std::min(x0, pos[i].x), y0 = std::min(y0, pos[i].y);
            x1 = std::max(x1, pos[i].x + kNodeW), y1 = std::max(y1, pos[i].y + node_height(s.nodes[i]));
        }
        // A graph too big to read whole opens at a readable zoom on its start (the minimap shows the rest).
        const float whole = std::min(size.x / (x1 - x0 + 120.f), size.y / (y1 - y0 + 120.f));
        camera_.zoom = whole >= 0.7f ? std::min(whole, 1.f) : 0.8f;
        camera_.offset = {x0 - 60.f, y0 - 60.f};
        fit_pending_ = false;
    }
    if (centre_pending_ && selected_) centre_on(*selected_), centre_pending_ = false;

    const float z = camera_.zoom;
    auto to_screen = [&](Vec2 p) { return ImVec2(origin.x + (p.x - camera_.offset.x) * z, origin.y + (p.y - camera_.offset.y) * z); };
    auto to_canvas = [&](ImVec2 p) { return Vec2{(p.x - origin.x) / z + camera_.offset.x, (p.y - origin.y) / z + camera_.offset.y}; };

    // The background takes clicks, drags and the wheel that no node takes.
    ImGui::SetCursorScreenPos(origin);
    ImGui::InvisibleButton("##canvas_bg", size, ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle);
    const bool bg_hovered = ImGui::IsItemHovered();
    // The background button is the active item while the mouse is held: still "hovered".
    const bool canvas_hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    if (ImGui::IsItemActivated() && !connecting_ && !dragging_node_) panning_ = true;
    if (canvas_hovered && io.MouseWheel != 0.f) {
        const Vec2 before = to_canvas(io.MousePos);
        camera_.zoom = std::clamp(camera_.zoom * std::pow(1.15f, io.MouseWheel), 0.15f, 2.5f);
        const float nz = camera_.zoom;
        camera_.offset = {before.x - (io.MousePos.x - origin.x) / nz, before.y - (io.MousePos.y - origin.y) / nz};
    }
    if (panning_) {
        if (ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseDown(ImGuiMouseButton_Middle)) {
            camera_.offset.x -= io.MouseDelta.x / z;
            camera_.offset.y -= io.MouseDelta.y / z;
        } else {
            panning_ = false;
        }
    }
    if (bg_hovered && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 16.f)
        selected_.reset(), selected_option_.reset();

    dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
    ImFont* body = font_for(std::max(6.f, ui::type().body->FontSize * z));
    ImFont* small = font_for(std::max(5.f, ui::type().small->FontSize * z));
    const float fs = drawn_size(body, ui::type().body->FontSize * z), ss = drawn_size(small, ui::type().small->FontSize * z);

    // Stage frames: one rounded frame around each stage's nodes, named at its top-left.
    std::map<Stage, std::pair<Vec2, Vec2>> frames;
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const Vec2 a = pos[i], b{pos[i].x + kNodeW, pos[i].y + node_height(s.nodes[i])};
        auto it = frames.find(s.nodes[i].stage);
        if (it == frames.end()) frames[s.nodes[i].stage] = {a, b};
        else {
            it->second.first = {std::min(it->second.first.x, a.x), std::min(it->second.first.y, a.y)};
            it->second.second = {std::max(it->second.second.x, b.x), std::max(it->second.second.y, b.y)};
        }
    }
    for (const auto& [stage, box] : frames) {
        const ImVec2 a = to_screen({box.first.x - 18, box.first.y - 34}), b = to_screen({box.second.x + 18, box.second.y + 18});
        // Opaque (the stage's tint already blended over the canvas) so it is a clear, not shading.
        ui::fill_opaque_rect(dl, a, b, ui::mix(ui::palette::rgb(246, 248, 251), stage_colour(stage), 28.f / 255.f), 10.f * z);
        dl->AddRect(a, b, ui::with_alpha(stage_colour(stage), 110), 10.f * z, 0, 1.5f);
        const std::string& name = name_of(stage).in(lang_);
        dl->AddText(body, fs, snap(ImVec2(a.x + 10 * z, a.y + 6 * z)), ui::mix(stage_colour(stage), ui::palette::ink, 0.5f),
                    name.c_str());
    }

    const bool overlay_ok = overlay_.revision == doc_->revision() && overlay_.unreachable.size() == s.nodes.size();
    auto port = [&](std::size_t i, std::size_t k) {
        return to_screen({pos[i].x + kNodeW, pos[i].y + 56.f + kPortGap * static_cast<float>(k)});
    };
    auto entry = [&](std::size_t i) { return to_screen({pos[i].x, pos[i].y + 22.f}); };

    // The visible part of the canvas, in screen space: nothing outside it is drawn or laid out.
    const float vx0 = origin.x, vy0 = origin.y, vx1 = origin.x + size.x, vy1 = origin.y + size.y;
    // Level of detail: below this zoom, text would be unreadable and curves are drawn as lines.
    const bool detailed = z > 0.45f;
    // Per-node "the validator reports an error here", rebuilt only when the validation changes.
    if (error_nodes_revision_ != validated_revision_ || error_nodes_.size() != s.nodes.size()) {
        error_nodes_.assign(s.nodes.size(), 0);
        for (const Problem& p : validation_.problems)
            if (p.where && p.where->node < error_nodes_.size() && p.diagnostic.severity == Severity::Error)
                error_nodes_[p.where->node] = 1;
        error_nodes_revision_ = validated_revision_;
    }
    auto edge_visible = [&](ImVec2 a, ImVec2 b, float dx) {
        // A cubic lies inside the hull of its control points.
        const float x0 = std::min(a.x, b.x - dx), x1 = std::max(a.x + dx, b.x);
        const float y0 = std::min(a.y, b.y), y1 = std::max(a.y, b.y);
        return x1 >= vx0 && x0 <= vx1 && y1 >= vy0 && y0 <= vy1;
    };
    auto draw_edge = [&](ImVec2 a, ImVec2 b, ImU32 colour, float thick) {
        const float dx = std::max(40.f * z, std::abs(b.x - a.x) * 0.5f);
        if (!edge_visible(a, b, dx)) return;
        // An edge that only passes through the view (neither end in it) is drawn as a thin
        // plain line: in a dense graph hundreds cross the screen, and their blended pixels were
        // most of the software renderer's work; the edges of what is on screen keep their curve.
        auto inside = [&](ImVec2 p) { return p.x >= vx0 && p.x <= vx1 && p.y >= vy0 && p.y <= vy1; };
        if (!inside(a) && !inside(b)) {
            const ImDrawListFlags flags = dl->Flags;
            dl->Flags &= ~ImDrawListFlags_AntiAliasedLines;
            dl->AddLine(a, b, ui::with_alpha(colour, 110), 1.f);
            dl->Flags = flags;
            return;
        }
        if (!detailed) {
            dl->AddLine(a, b, colour, std::round(thick));
            return;
        }
        // A fixed, small number of segments by the curve's length on screen (adaptive
        // tessellation gives a long edge dozens), and whole-pixel widths, which Dear ImGui draws
        // as one textured quad per segment: edges were most of the vertices of a frame.
        const float len = std::abs(b.x - a.x) + std::abs(b.y - a.y);
        const int segments = std::clamp(static_cast<int>(len / 24.f), 8, 20);
        dl->AddBezierCubic(a, ImVec2(a.x + dx, a.y), ImVec2(b.x - dx, b.y), b, colour, std::round(thick), segments);
    };

    // The edges as the graph and the overlay give them (rebuilt when either changes).
    if (edges_revision_ != doc_->revision() || edges_overlay_ != overlay_ok) {
        edges_.clear();
        for (std::size_t i = 0; i < s.nodes.size(); ++i) {
            const Node& n = s.nodes[i];
            for (std::size_t k = 0; k < n.options.size(); ++k) {
                const Option& o = n.options[k];
                const float y = 56.f + kPortGap * static_cast<float>(k);
                const bool best = overlay_ok && overlay_.best_edge[i][k], worst = overlay_ok && overlay_.worst_edge[i][k];
                const ImU32 c = best ? ui::palette::success : worst ? ui::palette::danger
                              : o.violation ? ui::with_alpha(ui::palette::danger, 120) : ui::palette::rgb(150, 160, 175);
                if (auto target = s.node_index.find(o.consequence.next); target != s.node_index.end())
                    edges_.push_back({i, target->second, y, c, best || worst ? 3.f : 2.f});
                for (const auto& b : o.consequence.branches)
                    if (auto bt = s.node_index.find(b.next); bt != s.node_index.end())
                        edges_.push_back({i, bt->second, y, ui::with_alpha(c, 90), 1.f});
            }
            if (n.negotiation)
                for (const std::string* next : {&n.negotiation->on_deal, &n.negotiation->on_no_deal, &n.negotiation->on_client_quit})
                    if (auto target = s.node_index.find(*next); target != s.node_index.end())
                        edges_.push_back({i, target->second, 40.f, ui::palette::rgb(190, 160, 60), 2.f});
        }
        edges_revision_ = doc_->revision();
        edges_overlay_ = overlay_ok;
    }
    // Edges under the nodes (culled against the view before anything is emitted).
    for (const CanvasEdge& e : edges_)
        if (e.from < pos.size() && e.to < pos.size())
            draw_edge(to_screen({pos[e.from].x + kNodeW, pos[e.from].y + e.port_y}), entry(e.to), e.colour, e.thickness);

    // Nodes.
    std::optional<std::size_t> hovered_node;
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const Node& n = s.nodes[i];
        const ImVec2 a = to_screen(pos[i]);
        const ImVec2 b = to_screen({pos[i].x + kNodeW, pos[i].y + node_height(n)});
        if (b.x < origin.x || b.y < origin.y || a.x > origin.x + size.x || a.y > origin.y + size.y) continue;
        const bool dim = overlay_ok && overlay_.unreachable[i];
        const unsigned alpha = dim ? 90 : 255;
        const ImU32 colour = stage_colour(n.stage);
        const bool is_selected = selected_ && *selected_ == i;
        const bool on_best = overlay_ok && overlay_.best_node[i];
        const bool softlock = overlay_ok && overlay_.softlock[i];
        if (!detailed) {
            // Zoomed out: one square block in the stage's colour (its header colour), framed
            // only when it is marked — a few pixels wide, rounded corners and a separate header
            // would only cost the software renderer triangles.
            dl->AddRectFilled(a, b, ui::with_alpha(colour, alpha));
            if (is_selected || on_best || softlock)
                dl->AddRect(a, b, is_selected ? ui::palette::primary : softlock ? ui::palette::danger : ui::palette::success,
                            0.f, 0, 2.f);
            ui::Targets::current()->mark("node." + n.id, a, ImVec2(b.x - 12 * z, b.y));
            if (canvas_hovered && ImGui::IsMouseHoveringRect(a, b)) hovered_node = i;
            continue;
        }
        if (alpha == 255) ui::fill_opaque_rect(dl, a, b, ui::mix(colour, ui::palette::surface, 0.78f), 8.f * z);
        else dl->AddRectFilled(a, b, ui::with_alpha(ui::mix(colour, ui::palette::surface, 0.78f), alpha), 8.f * z);
        dl->AddRectFilled(a, ImVec2(b.x, a.y + 24.f * z), ui::with_alpha(colour, alpha), 8.f * z, ImDrawFlags_RoundCornersTop);
        const ImU32 border = is_selected ? ui::palette::primary : softlock ? ui::palette::danger
                             : on_best ? ui::palette::success : ui::with_alpha(ui::palette::border, alpha);
        dl->AddRect(a, b, border, 8.f * z, 0, is_selected || on_best ? 3.f : 1.f);
        const bool problem = error_nodes_[i] != 0;
        const std::string head = (problem ? "⚠ " : "") + (s.start == n.id ? "▶ " + n.id : n.id);
        fonts_.cover(head);
        {
            dl->AddText(body, fs, snap(ImVec2(a.x + 8 * z, a.y + 4 * z)), ui::with_alpha(ui::palette::ink, alpha),
                        fit(head, body, fs, (kNodeW - 16) * z).c_str());
            std::string detail = n.line.in(lang_);
            if (n.kind == NodeKind::Ending) detail = name_of(n.outcome).in(lang_) + " · " + std::to_string(n.outcome_score);
            dl->AddText(small, ss, snap(ImVec2(a.x + 8 * z, a.y + 28 * z)), ui::with_alpha(ui::palette::ink_muted, alpha),
                        fit(detail, small, ss, (kNodeW - 16) * z).c_str());
            if (overlay_ok && overlay_.ending_best[i]) {
                const std::string best = std::string(t("最佳 ", "best ")) + std::to_string(*overlay_.ending_best[i]);
                dl->AddText(small, ss, snap(ImVec2(a.x + 8 * z, a.y + 46 * z)), ui::palette::success, best.c_str());
            }
            if (overlay_ok && overlay_.softlock[i])
                dl->AddText(small, ss, snap(ImVec2(a.x + 8 * z, b.y - 18 * z)), ui::palette::danger, t("死锁", "soft-lock"));
            for (std::size_t k = 0; k < n.options.size(); ++k) {
                const ImVec2 p = port(i, k);
                const bool sel = is_selected && selected_option_ && *selected_option_ == k;
                const bool dangling = !s.node_index.count(n.options[k].consequence.next);
                dl->AddCircleFilled(p, (sel ? 6.f : 4.5f) * z, dangling ? ui::palette::danger : ui::palette::primary);
                const std::string label = fit(n.options[k].id, small, ss, (kNodeW - 24.f) * z);
                const float w = small->CalcTextSizeA(ss, FLT_MAX, 0, label.c_str()).x;
                dl->AddText(small, ss, snap(ImVec2(p.x - w - 8 * z, p.y - ss * 0.5f)), ui::with_alpha(ui::palette::ink_muted, alpha),
                            label.c_str());
                ui::Targets::current()->mark("port." + n.id + "." + std::to_string(k), ImVec2(p.x - 5, p.y - 5), ImVec2(p.x + 5, p.y + 5));
            }
        }
        ui::Targets::current()->mark("node." + n.id, a, ImVec2(b.x - 12 * z, b.y));
        if (ImGui::IsMouseHoveringRect(a, b) && canvas_hovered) hovered_node = i;
    }

    // Interaction with nodes and ports (a press on a port starts a connection; on a node, a move).
    if (canvas_hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !connecting_) {
        for (std::size_t i = 0; detailed && i < s.nodes.size() && !connecting_; ++i)
            for (std::size_t k = 0; k < s.nodes[i].options.size(); ++k) {
                const ImVec2 p = port(i, k);
                if (std::abs(io.MousePos.x - p.x) <= 7.f && std::abs(io.MousePos.y - p.y) <= 7.f) {
                    connecting_ = std::make_pair(i, k);
                    select(i, k);
                    panning_ = false;
                    break;
                }
            }
        if (!connecting_ && hovered_node) {
            dragging_node_ = hovered_node;
            const Vec2 m = to_canvas(io.MousePos);
            drag_grab_ = {m.x - pos[*hovered_node].x, m.y - pos[*hovered_node].y};
            ++drag_serial_;
            panning_ = false;
            select(*hovered_node, selected_ == hovered_node ? selected_option_ : std::nullopt);
        }
    }
    if (dragging_node_) {
        if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            if (io.MouseDragMaxDistanceSqr[0] >= 9.f) {
                const Vec2 m = to_canvas(io.MousePos);
                doc_->move_node(*dragging_node_, {std::round(m.x - drag_grab_.x), std::round(m.y - drag_grab_.y)},
                                "drag:" + std::to_string(drag_serial_));
            }
        } else {
            doc_->end_merge();
            dragging_node_.reset();
        }
    }
    if (connecting_) {
        const auto [i, k] = *connecting_;
        if (i < s.nodes.size() && k < s.nodes[i].options.size()) {
            if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
                draw_edge(port(i, k), io.MousePos, ui::palette::primary, 2.5f);
            } else {
                if (hovered_node) doc_->connect(i, k, s.nodes[*hovered_node].id);
                connecting_.reset();
            }
        } else {
            connecting_.reset();
        }
    }

    // What the analysis says, top-left.
    const std::string status = !checks_current()     ? std::string(t("检查中…", "checking…"))
                               : !validation_.complete ? std::string(t("有错误:分析暂停", "errors: analysis paused"))
                               : analysis_.busy()    ? std::string(t("分析中…", "analysing…"))
                                                     : overlay_.summary;
    fonts_.cover(status);
    dl->AddRectFilled(ImVec2(origin.x + 8, origin.y + 8),
                      ImVec2(origin.x + 16 + ui::type().small->CalcTextSizeA(ui::type().small->FontSize, FLT_MAX, 0, status.c_str()).x, origin.y + 14 + ui::type().small->FontSize),
                      ui::with_alpha(ui::palette::surface, 230), 4.f);
    dl->AddText(ui::type().small, ui::type().small->FontSize, ImVec2(origin.x + 12, origin.y + 11), ui::palette::ink_muted, status.c_str());
    dl->PopClipRect();

    // The minimap: small, translucent, in the bottom-right corner; M or its corner button hides it.
    if (canvas_hovered && !ImGui::GetIO().WantTextInput && !ImGui::GetIO().KeyCtrl && ImGui::IsKeyPressed(static_cast<int>(sf::Keyboard::M), false)) show_minimap_ = !show_minimap_;
    const ImVec2 mini(std::min(150.f, size.x * 0.2f), std::min(96.f, size.y * 0.2f));
    const ImVec2 mini_at(origin.x + size.x - mini.x - 8, origin.y + size.y - mini.y - 8);
    if (show_minimap_) draw_minimap(mini_at, mini);
    {
        // The toggle: a small button at the minimap's top-right corner (or the canvas's corner).
        const ImVec2 bsize(18, 18);
        const ImVec2 bat = show_minimap_ ? ImVec2(mini_at.x + mini.x - bsize.x, mini_at.y - bsize.y - 2)
                                         : ImVec2(origin.x + size.x - bsize.x - 8, origin.y + size.y - bsize.y - 8);
        ImGui::SetCursorScreenPos(bat);
        if (ImGui::InvisibleButton("##minimap_toggle", bsize)) show_minimap_ = !show_minimap_;
        ui::mark_target("canvas.minimap_toggle");
        const bool hot = ImGui::IsItemHovered();
        dl->AddRectFilled(bat, ImVec2(bat.x + bsize.x, bat.y + bsize.y), ui::with_alpha(ui::palette::surface, hot ? 240 : 170), 3.f);
        dl->AddRect(bat, ImVec2(bat.x + bsize.x, bat.y + bsize.y), ui::with_alpha(ui::palette::border, 200), 3.f);
        const ImVec2 c(bat.x + bsize.x * 0.5f, bat.y + bsize.y * 0.5f);
        if (show_minimap_) dl->AddLine(ImVec2(c.x - 4, c.y), ImVec2(c.x + 4, c.y), ui::palette::ink_muted, 1.5f);   // "−": hide
        else dl->AddRect(ImVec2(c.x - 5, c.y - 4), ImVec2(c.x + 5, c.y + 4), ui::palette::ink_muted, 1.f);        // "▭": show
    }
    ImGui::EndChild();
}

// ============================================================================
// 4. Minimap
// ============================================================================

void EditorApp::draw_minimap(ImVec2 at, ImVec2 size) {
    const Scenario& s = doc_->scenario();
    const auto& pos = doc_->positions();
    if (s.nodes.empty()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        x0 = std::min(x0, pos[i].x), y0 = std::min(y0, pos[i].y);
        x1 = std::max(x1, pos[i].x + kNodeW), y1 = std::max(y1, pos[i].y + kNodeH);
    }
    const ImVec2 view = ImGui::GetWindowSize();
    const float vx1 = camera_.offset.x + view.x / camera_.zoom, vy1 = camera_.offset.y + view.y / camera_.zoom;
    x0 = std::min(x0, camera_.offset.x), y0 = std::min(y0, camera_.offset.y);
    x1 = std::max(x1, vx1), y1 = std::max(y1, vy1);
    const float scale = std::min(size.x / (x1 - x0), size.y / (y1 - y0));
    auto map = [&](float x, float y) { return ImVec2(at.x + (x - x0) * scale, at.y + (y - y0) * scale); };
    // Translucent, so the nodes under it stay visible.
    dl->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), ui::with_alpha(ui::palette::surface, 150), 5.f);
    dl->AddRect(at, ImVec2(at.x + size.x, at.y + size.y), ui::with_alpha(ui::palette::border, 180), 5.f);
    // Nodes as cells of 2×2 pixels in their stage's colour (the last node drawn on a cell wins),
    // each row's runs of one colour one rectangle: at this scale a node is a pixel or two, and
    // 2,000 tiny translucent rectangles cost the software renderer more than the whole canvas.
    constexpr float kCell = 2.f;
    const int cols = std::max(1, static_cast<int>(std::ceil(size.x / kCell)));
    const int rows = std::max(1, static_cast<int>(std::ceil(size.y / kCell)));
    std::vector<std::uint8_t> cells(static_cast<std::size_t>(cols * rows), 0);   // 0 empty, else stage + 1
    for (std::size_t i = 0; i < s.nodes.size(); ++i) {
        const ImVec2 a = map(pos[i].x, pos[i].y), b = map(pos[i].x + kNodeW, pos[i].y + kNodeH);
        const int c0 = std::clamp(static_cast<int>((a.x - at.x) / kCell), 0, cols - 1);
        const int r0 = std::clamp(static_cast<int>((a.y - at.y) / kCell), 0, rows - 1);
        const int c1 = std::clamp(static_cast<int>(std::ceil((b.x - at.x) / kCell)) - 1, c0, cols - 1);
        const int r1 = std::clamp(static_cast<int>(std::ceil((b.y - at.y) / kCell)) - 1, r0, rows - 1);
        const auto v = static_cast<std::uint8_t>(static_cast<int>(s.nodes[i].stage) + 1);
        for (int r = r0; r <= r1; ++r)
            std::fill_n(cells.begin() + r * cols + c0, c1 - c0 + 1, v);
    }
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols;) {
            const std::uint8_t v = cells[static_cast<std::size_t>(r * cols + c)];
            int end = c + 1;
            while (end < cols && cells[static_cast<std::size_t>(r * cols + end)] == v) ++end;
            if (v)
                dl->AddRectFilled(ImVec2(at.x + c * kCell, at.y + r * kCell),
                                  ImVec2(std::min(at.x + end * kCell, at.x + size.x), std::min(at.y + (r + 1) * kCell, at.y + size.y)),
                                  ui::with_alpha(stage_colour(static_cast<Stage>(v - 1)), 150));
            c = end;
        }
    dl->AddRect(map(camera_.offset.x, camera_.offset.y), map(vx1, vy1), ui::palette::primary, 0.f, 0, 1.5f);
    ui::Targets::current()->mark("canvas.minimap", at, ImVec2(at.x + size.x, at.y + size.y));
    // A click or drag on the minimap centres the view there.
    if (ImGui::IsMouseHoveringRect(at, ImVec2(at.x + size.x, at.y + size.y)) && ImGui::IsMouseDown(ImGuiMouseButton_Left) &&
        !dragging_node_ && !connecting_) {
        const ImVec2 m = ImGui::GetIO().MousePos;
        const float cx = x0 + (m.x - at.x) / scale, cy = y0 + (m.y - at.y) / scale;
        camera_.offset = {cx - view.x * 0.5f / camera_.zoom, cy - view.y * 0.5f / camera_.zoom};
        panning_ = false;
    }
}

}  // namespace parley::editor
