// Contents: 1. strings and helpers  2. header  3. lobby  4. live  5. podium  6. class debrief
//           7. the trainer's kick and ban
#include "board_views.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "parley/ui/targets.h"
#include "parley/ui/theme.h"
#include "parley/ui/widgets.h"

namespace parley::board {

using namespace parley::ui;

// ============================================================================
// 1. Strings and helpers
// ============================================================================

namespace {

struct Words {
    Text join{"加入课堂", "Join the class"}, code{"课堂码", "Join code"},
        how{"在 Parley 中选择“加入课堂”,输入服务器地址、课堂码和你的姓名。",
            "In Parley choose “Join class” and enter the server, the code and your name."},
        server{"服务器", "Server"}, joined{"已加入", "Joined"}, people{"人", "trainees"},
        waiting_players{"等待学员加入…", "Waiting for trainees to join…"},
        progress{"进度", "Progress"}, top{"前几名", "Top of the class"}, average{"班级平均(各项能力)", "Class average per competency"},
        done{"已完成", "finished"}, decisions{"步", "decisions"}, none_yet{"还没有人完成", "Nobody has finished yet"},
        podium{"领奖台", "Podium"}, debrief{"课堂复盘", "Class debrief"}, best{"最佳", "best"},
        client{"客户", "Client"}, lost{"平均失分", "Average points lost"}, page{"← → 翻页", "← → page"},
        no_debrief{"结果提交后显示全班的选择。", "The class's choices appear once results are in."},
        no_session{"还没有课堂:用训练师令牌 POST /api/sessions 开始一节课。",
                   "No session yet: start one with POST /api/sessions and the trainer token."},
        lobby{"等待开始", "Lobby"}, running{"进行中", "Live"}, ended{"已结束", "Ended"},
        average_total{"全班平均总分", "Class average total"}, choice_count{"人次", "chose"}, points{"分", "pts"},
        click_name{"点击姓名可踢出或封禁", "Click a name to kick or ban"};
};
const Words& words() {
    static const Words w;
    return w;
}

const std::string& t(const Text& x, Lang lang) { return x.in(lang); }


void text_at(ImDrawList* dl, ImFont* font, ImVec2 at, ImU32 color, const std::string& s, float size = 0.f) {
    dl->AddText(font, size > 0 ? size : font->FontSize, at, color, s.data(), s.data() + s.size());
}

ImVec2 measure(ImFont* font, const std::string& s, float size = 0.f) {
    return font->CalcTextSizeA(size > 0 ? size : font->FontSize, 1e9f, 0.f, s.data(), s.data() + s.size());
}

// Text cut to `width` with an ellipsis (a long name never runs into the next column).
std::string fit(ImFont* font, const std::string& s, float width) {
    if (measure(font, s).x <= width) return s;
    std::string cut = s;
    while (!cut.empty() && measure(font, cut + "…").x > width) {
        cut.pop_back();
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
        if (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0xC0) cut.pop_back();
    }
    return cut + "…";
}

// A tick drawn as lines: the CJK font has no check-mark glyph.
float check_mark(ImDrawList* dl, ImVec2 at, float size, ImU32 color) {
    const ImVec2 pts[3] = {ImVec2(at.x + size * 0.12f, at.y + size * 0.55f), ImVec2(at.x + size * 0.40f, at.y + size * 0.82f),
                           ImVec2(at.x + size * 0.90f, at.y + size * 0.22f)};
    dl->AddPolyline(pts, 3, color, 0, std::max(2.f, size * 0.14f));
    return size * 1.1f;
}

void card(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 fill = palette::surface) {
    dl->AddRectFilled(a, b, fill, unit() * 1.5f);
    dl->AddRect(a, b, palette::border, unit() * 1.5f);
}

void star_row(ImDrawList* dl, ImVec2 at, int earned, float radius) {
    for (int i = 0; i < 3; ++i)
        draw_star(dl, ImVec2(at.x + radius + static_cast<float>(i) * radius * 2.3f, at.y + radius), radius,
                  i < earned ? palette::accent : palette::border, i < earned ? palette::accent : palette::ink_faint);
}

ImVec2 screen() { return ImGui::GetIO().DisplaySize; }

// A name in the who-has-joined list as a click target for the trainer ("trainee.<id>"): an
// invisible button over the rectangle; true when hovered (the caller draws the highlight).
bool trainee_target(const TraineeRow& tr, ImVec2 a, ImVec2 b, BoardClicks* clicks) {
    if (!clicks || b.x <= a.x || b.y <= a.y) return false;
    ImGui::SetCursorScreenPos(a);
    const std::string id = "trainee." + std::to_string(tr.player_id);
    if (ImGui::InvisibleButton(("##" + id).c_str(), ImVec2(b.x - a.x, b.y - a.y))) clicks->trainee = tr.player_id;
    mark_target(id);
    const bool hovered = ImGui::IsItemHovered();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    return hovered;
}

// The full-screen canvas every view draws on.
ImDrawList* begin_canvas(const char* id) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(screen());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, to_vec4(palette::background));
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    return ImGui::GetWindowDrawList();
}

void end_canvas() {
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

// ============================================================================
// 2. Header
// ============================================================================

float header(ImDrawList* dl, const BoardData& d, const std::string& view_title) {
    const Lang L = d.lang;
    const float h = unit() * 9.f;
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(screen().x, h), palette::header);
    const float pad = unit() * 3.f;
    ImFont* title = type().title;
    text_at(dl, title, ImVec2(pad, (h - title->FontSize) / 2), palette::header_ink, "Parley · " + view_title);
    const ClassReport& r = d.report;
    const std::string state = r.state == "lobby" ? t(words().lobby, L) : r.state == "running" ? t(words().running, L)
                                                                                              : t(words().ended, L);
    const std::string sub = t(r.scenario_title, L) + "  ·  " + t(r.persona_name, L) + "  ·  " +
                            t(name_of(r.difficulty), L) + "  ·  " + state;
    ImFont* body = type().body;
    const float x = pad + measure(title, "Parley · " + view_title).x + pad;
    const std::string right = t(words().code, L) + " " + r.code;
    const float right_w = measure(type().heading, right).x;
    text_at(dl, body, ImVec2(x, (h - body->FontSize) / 2), with_alpha(palette::header_ink, 210),
            fit(body, sub, screen().x - x - right_w - pad * 2));
    text_at(dl, type().heading, ImVec2(screen().x - right_w - pad, (h - type().heading->FontSize) / 2),
            palette::header_ink, right);
    return h;
}

int finished_count(const ClassReport& r) {
    int n = 0;
    for (const auto& tr : r.trainees) n += tr.result ? 1 : 0;
    return n;
}

}  // namespace

std::vector<std::string> board_strings(const BoardData& d) {
    std::vector<std::string> out;
    auto add = [&](const Text& x) {
        out.push_back(x.zh);
        out.push_back(x.en);
    };
    const Words& w = words();
    for (const Text* x : {&w.join, &w.code, &w.how, &w.server, &w.joined, &w.people, &w.waiting_players, &w.progress,
                          &w.top, &w.average, &w.done, &w.decisions, &w.none_yet, &w.podium, &w.debrief, &w.best,
                          &w.client, &w.lost, &w.page, &w.no_debrief, &w.no_session, &w.lobby, &w.running, &w.ended,
                          &w.average_total, &w.choice_count, &w.points, &w.click_name})
        add(*x);
    const ClassReport& r = d.report;
    add(r.scenario_title);
    add(r.persona_name);
    for (const auto& e : all<Difficulty>()) add(e.name);
    for (const auto& e : all<Stage>()) add(e.name);
    for (const auto& c : r.competencies) add(c.name);
    for (const auto& tr : r.trainees) out.push_back(tr.name);
    for (const auto& n : r.debrief) {
        add(n.line);
        for (const auto& c : n.choices) add(c.text);
    }
    out.push_back("…·、");
    return out;
}

void draw_waiting(const std::string& server, Lang lang) {
    ImDrawList* dl = begin_canvas("board.waiting");
    const std::string a = t(words().no_session, lang);
    const std::string b = t(words().server, lang) + "  " + server;
    const ImVec2 sa = measure(type().heading, a), sb = measure(type().body, b);
    text_at(dl, type().heading, ImVec2((screen().x - sa.x) / 2, screen().y / 2 - sa.y), palette::ink, a);
    text_at(dl, type().body, ImVec2((screen().x - sb.x) / 2, screen().y / 2 + unit()), palette::ink_muted, b);
    end_canvas();
}

// ============================================================================
// 3. Lobby
// ============================================================================

void draw_lobby(const BoardData& d, BoardClicks* clicks) {
    const Lang L = d.lang;
    ImDrawList* dl = begin_canvas("board.lobby");
    const float top = header(dl, d, t(words().join, L));
    const float pad = unit() * 4.f;
    const ImVec2 S = screen();

    // The join code, as large as the screen allows, and the QR code of the join address.
    const float qr_side = std::min(S.y * 0.46f, S.x * 0.32f);
    const ImVec2 qr_at(S.x - pad - qr_side, top + pad);
    card(dl, ImVec2(pad, top + pad), ImVec2(qr_at.x - pad, top + pad + qr_side));
    text_at(dl, type().heading, ImVec2(pad * 2, top + pad * 1.6f), palette::ink_muted, t(words().code, L));
    ImFont* big = d.code_font ? d.code_font : type().display;
    std::string spaced;   // "482 913": read aloud in two halves
    for (std::size_t i = 0; i < d.report.code.size(); ++i)
        spaced += (i == 3 && d.report.code.size() == 6 ? " " : "") + std::string(1, d.report.code[i]);
    const ImVec2 cs = measure(big, spaced);
    const float code_x = pad + (qr_at.x - 2 * pad - cs.x) / 2;
    text_at(dl, big, ImVec2(code_x, top + pad + (qr_side - cs.y) / 2), palette::primary, spaced);
    const std::string server = t(words().server, L) + "  " + d.server;
    text_at(dl, type().body, ImVec2(pad * 2, top + pad + qr_side - pad - type().body->FontSize), palette::ink_muted,
            fit(type().body, server, qr_at.x - pad * 4));
    if (d.qr) draw_qr(dl, qr_at, qr_side, *d.qr);

    // How to join, then who has joined.
    float y = top + pad * 2 + qr_side;
    text_at(dl, type().body, ImVec2(pad, y), palette::ink, fit(type().body, t(words().how, L), S.x - 2 * pad));
    y += type().body->FontSize + pad * 0.8f;
    const std::string count = t(words().joined, L) + " " + std::to_string(d.report.trainees.size()) + " " +
                              t(words().people, L);
    text_at(dl, type().heading, ImVec2(pad, y), palette::ink, count);
    if (clicks && !d.report.trainees.empty())
        text_at(dl, type().small, ImVec2(pad + measure(type().heading, count).x + unit() * 2,
                                         y + type().heading->FontSize - type().small->FontSize),
                palette::ink_faint, t(words().click_name, L));
    y += type().heading->FontSize + unit() * 1.5f;
    if (d.report.trainees.empty())
        text_at(dl, type().body, ImVec2(pad, y), palette::ink_faint, t(words().waiting_players, L));
    float x = pad;
    const float chip_h = type().body->FontSize + unit() * 1.6f;
    for (const auto& tr : d.report.trainees) {
        const std::string name = fit(type().body, tr.name, S.x * 0.3f);
        const float w = measure(type().body, name).x + unit() * 3.f;
        if (x + w > S.x - pad) {
            x = pad;
            y += chip_h + unit();
        }
        if (y + chip_h > S.y - unit()) break;   // the rest would be off screen; the count says how many
        const bool hovered = trainee_target(tr, ImVec2(x, y), ImVec2(x + w, y + chip_h), clicks);
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + chip_h), palette::primary_soft, chip_h / 2);
        if (hovered) dl->AddRect(ImVec2(x, y), ImVec2(x + w, y + chip_h), palette::primary, chip_h / 2, 0, 2.f);
        text_at(dl, type().body, ImVec2(x + unit() * 1.5f, y + unit() * 0.8f), palette::primary, name);
        x += w + unit();
    }
    end_canvas();
}

// ============================================================================
// 4. Live
// ============================================================================

namespace {

void top_ranks(ImDrawList* dl, const BoardData& d, ImVec2 a, ImVec2 b) {
    const Lang L = d.lang;
    card(dl, a, b);
    const float pad = unit() * 2.f;
    float y = a.y + pad;
    text_at(dl, type().heading, ImVec2(a.x + pad, y), palette::ink, t(words().top, L));
    y += type().heading->FontSize + unit() * 1.5f;
    bool any = false;
    const float row = type().heading->FontSize + unit() * 1.6f;
    for (const auto& tr : d.report.trainees) {
        if (!tr.result || tr.rank > 5 || y + row > b.y - pad) continue;
        any = true;
        const ImU32 rank_c = tr.rank == 1 ? palette::accent : palette::primary;
        dl->AddCircleFilled(ImVec2(a.x + pad + row * 0.4f, y + row * 0.4f), row * 0.4f, rank_c);
        const std::string rk = std::to_string(tr.rank);
        const ImVec2 rs = measure(type().body, rk);
        text_at(dl, type().body, ImVec2(a.x + pad + row * 0.4f - rs.x / 2, y + row * 0.4f - rs.y / 2), palette::surface, rk);
        const std::string total = std::to_string(tr.result->total);
        const float tw = measure(type().heading, total).x;
        const float stars_w = row * 0.3f * 2.3f * 3;
        text_at(dl, type().heading, ImVec2(b.x - pad - tw, y), palette::ink, total);
        star_row(dl, ImVec2(b.x - pad - tw - unit() * 2 - stars_w, y + row * 0.1f), tr.result->stars, row * 0.3f);
        const float name_x = a.x + pad + row + unit();
        text_at(dl, type().heading, ImVec2(name_x, y), palette::ink,
                fit(type().heading, tr.name, b.x - pad - tw - stars_w - unit() * 3 - name_x));
        y += row;
    }
    if (!any) text_at(dl, type().body, ImVec2(a.x + pad, y), palette::ink_faint, t(words().none_yet, L));
}

void class_average(ImDrawList* dl, const BoardData& d, ImVec2 a, ImVec2 b) {
    const Lang L = d.lang;
    card(dl, a, b);
    const float pad = unit() * 2.f;
    float y = a.y + pad;
    std::string title = t(words().average, L);
    if (d.report.average_total) title += "  ·  " + t(words().average_total, L) + " " + std::to_string(*d.report.average_total);
    text_at(dl, type().heading, ImVec2(a.x + pad, y), palette::ink, fit(type().heading, title, b.x - a.x - 2 * pad));
    y += type().heading->FontSize + unit() * 1.5f;
    const auto& comps = d.report.competencies;
    if (comps.empty()) return;
    const float row = std::min(type().body->FontSize + unit() * 1.4f, (b.y - pad - y) / static_cast<float>(comps.size()));
    const float label_w = (b.x - a.x) * 0.42f;
    for (std::size_t i = 0; i < comps.size(); ++i) {
        const auto& c = comps[i];
        const int v = i < d.report.class_average.size() ? d.report.class_average[i] : -1;
        ImFont* f = c.core ? type().heading : type().body;
        ImFont* small = type().small;
        text_at(dl, small, ImVec2(a.x + pad, y), c.core ? palette::ink : palette::ink_muted,
                fit(small, c.id + " " + t(c.name, L), label_w - unit()));
        (void)f;
        const float bx = a.x + pad + label_w, bw = b.x - pad - bx - unit() * 5;
        const float bh = row * 0.5f, by = y + (small->FontSize - bh) / 2;
        dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + bw, by + bh), palette::surface_alt, bh / 2);
        if (v >= 0) {
            dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + bw * static_cast<float>(v) / 100.f, by + bh),
                              c.core ? palette::primary : mix(palette::primary, palette::surface, 0.35f), bh / 2);
            text_at(dl, small, ImVec2(bx + bw + unit(), y), palette::ink, std::to_string(v));
        }
        y += row;
    }
}

}  // namespace

void draw_live(const BoardData& d, BoardClicks* clicks) {
    const Lang L = d.lang;
    ImDrawList* dl = begin_canvas("board.live");
    const float top = header(dl, d, t(words().running, L));
    const float pad = unit() * 3.f;
    const ImVec2 S = screen();
    const float split = S.x * 0.56f;

    // Progress of everyone who joined: names and how far they are, never their scores.
    const ImVec2 a(pad, top + pad), b(split - pad / 2, S.y - pad);
    card(dl, a, b);
    const float ip = unit() * 2.f;
    std::string title = t(words().progress, L) + "  " + std::to_string(finished_count(d.report)) + " / " +
                        std::to_string(d.report.trainees.size()) + " " + t(words().done, L);
    text_at(dl, type().heading, ImVec2(a.x + ip, a.y + ip), palette::ink, title);
    const float list_top = a.y + ip + type().heading->FontSize + unit() * 1.5f;
    const int n = static_cast<int>(d.report.trainees.size());
    const int columns = n > 12 ? 2 : 1;
    const int per_column = std::max(1, (n + columns - 1) / columns);
    const float row = std::min(type().body->FontSize + unit() * 1.8f, (b.y - ip - list_top) / static_cast<float>(per_column));
    const float col_w = (b.x - a.x - 2 * ip) / static_cast<float>(columns);
    ImFont* f = row < type().body->FontSize + unit() * 0.5f ? type().small : type().body;
    std::vector<const TraineeRow*> order;
    for (const auto& tr : d.report.trainees) order.push_back(&tr);
    std::stable_sort(order.begin(), order.end(), [](auto* x, auto* y) { return x->player_id < y->player_id; });
    const int scale = std::max(1, d.report.typical_decisions);
    for (int i = 0; i < n; ++i) {
        const TraineeRow& tr = *order[static_cast<std::size_t>(i)];
        const float x = a.x + ip + col_w * static_cast<float>(i / per_column);
        const float y = list_top + row * static_cast<float>(i % per_column);
        const float name_w = col_w * 0.38f;
        const std::string shown = fit(f, tr.name, name_w - unit());
        if (trainee_target(tr, ImVec2(x - unit() * 0.5f, y), ImVec2(x + measure(f, shown).x + unit() * 0.5f, y + f->FontSize),
                           clicks))
            dl->AddRectFilled(ImVec2(x - unit() * 0.5f, y), ImVec2(x + measure(f, shown).x + unit() * 0.5f, y + f->FontSize),
                              palette::primary_soft, unit() * 0.5f);
        text_at(dl, f, ImVec2(x, y), palette::ink, shown);
        const float bx = x + name_w, bw = col_w * 0.40f, bh = f->FontSize * 0.5f, by = y + f->FontSize * 0.3f;
        const float share = tr.result ? 1.f : std::min(1.f, static_cast<float>(tr.decisions) / static_cast<float>(scale));
        dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + bw, by + bh), palette::surface_alt, bh / 2);
        dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + std::max(bh, bw * share), by + bh),
                          tr.result ? palette::success : palette::primary, bh / 2);
        std::string status;
        float sx = bx + bw + unit();
        if (tr.result) {
            sx += check_mark(dl, ImVec2(sx, y + (f->FontSize - type().small->FontSize) / 2), type().small->FontSize,
                             palette::success);
            status = t(words().done, L);
        }
        else if (!tr.stage.empty() && tr.stage != "ended")
            status = parse<Stage>(tr.stage) ? t(name_of(*parse<Stage>(tr.stage)), L) : tr.stage;
        else if (tr.stage == "ended")   // the meeting is over, the result not sent yet
            status = t(name_of(Stage::Ending), L) + " · " + std::to_string(tr.decisions) + " " + t(words().decisions, L);
        else status = std::to_string(tr.decisions) + " " + t(words().decisions, L);
        text_at(dl, type().small, ImVec2(sx, y + (f->FontSize - type().small->FontSize) / 2),
                tr.result ? palette::success : palette::ink_muted, fit(type().small, status, col_w * 0.22f - unit() * 2));
    }

    const float right = split + pad / 2;
    const float mid = top + pad + (S.y - top - 2 * pad) * 0.45f;
    top_ranks(dl, d, ImVec2(right, top + pad), ImVec2(S.x - pad, mid - pad / 2));
    class_average(dl, d, ImVec2(right, mid + pad / 2), ImVec2(S.x - pad, S.y - pad));
    end_canvas();
}

// ============================================================================
// 5. Podium
// ============================================================================

void draw_podium(const BoardData& d) {
    const Lang L = d.lang;
    ImDrawList* dl = begin_canvas("board.podium");
    const float top = header(dl, d, t(words().podium, L));
    const ImVec2 S = screen();
    const float pad = unit() * 4.f;
    std::map<int, std::vector<const TraineeRow*>> by_rank;
    for (const auto& tr : d.report.trainees)
        if (tr.result && tr.rank <= 3) by_rank[tr.rank].push_back(&tr);
    std::vector<int> ranks;
    for (const auto& [rank, who] : by_rank) ranks.push_back(rank);
    // Places left to right: 2nd, 1st, 3rd (ties share a block, names one under another).
    const float base = S.y - pad * 2.2f;
    const float block_w = S.x * 0.22f;
    const float heights[3] = {S.y * 0.34f, S.y * 0.25f, S.y * 0.18f};
    const float xs[3] = {S.x / 2 - block_w / 2, S.x / 2 - block_w * 1.6f, S.x / 2 + block_w * 0.6f};
    const ImU32 colors[3] = {palette::accent, palette::rgb(160, 170, 184), palette::rgb(184, 124, 78)};
    for (std::size_t place = 0; place < ranks.size() && place < 3; ++place) {
        const auto& who = by_rank[ranks[place]];
        const float h = heights[place], x = xs[place];
        dl->AddRectFilled(ImVec2(x, base - h), ImVec2(x + block_w, base), colors[place], unit());
        const std::string rank = std::to_string(ranks[place]);
        ImFont* big = type().display;
        const ImVec2 rs = measure(big, rank);
        text_at(dl, big, ImVec2(x + (block_w - rs.x) / 2, base - h + unit() * 2), palette::surface, rank);
        float y = base - h - unit() * 2;
        const std::size_t shown = std::min<std::size_t>(who.size(), 3);
        for (std::size_t k = 0; k < shown; ++k) {
            const TraineeRow& tr = *who[shown - 1 - k];
            const std::string total = std::to_string(tr.result->total) + " " + t(words().points, L);
            y -= type().body->FontSize + unit();
            const ImVec2 ts = measure(type().body, total);
            const float stars_w = type().body->FontSize * 0.45f * 2.3f * 3;
            star_row(dl, ImVec2(x + (block_w - stars_w - ts.x - unit()) / 2, y + type().body->FontSize * 0.05f),
                     tr.result->stars, type().body->FontSize * 0.45f);
            text_at(dl, type().body, ImVec2(x + (block_w - stars_w - ts.x - unit()) / 2 + stars_w + unit(), y),
                    palette::ink_muted, total);
            const std::string name = fit(type().title, tr.name, block_w + unit() * 4);
            const ImVec2 ns = measure(type().title, name);
            y -= ns.y + unit() * 0.5f;
            text_at(dl, type().title, ImVec2(x + (block_w - ns.x) / 2, y), palette::ink, name);
        }
        if (who.size() > shown) {
            const std::string more = "+" + std::to_string(who.size() - shown);
            text_at(dl, type().body, ImVec2(x + block_w - measure(type().body, more).x, y - type().body->FontSize),
                    palette::ink_muted, more);
        }
    }
    if (ranks.empty()) {
        const std::string s = t(words().none_yet, L);
        const ImVec2 ss = measure(type().title, s);
        text_at(dl, type().title, ImVec2((S.x - ss.x) / 2, S.y / 2), palette::ink_faint, s);
    }
    std::string foot = std::to_string(finished_count(d.report)) + " / " + std::to_string(d.report.trainees.size()) + " " +
                       t(words().done, L);
    if (d.report.average_total) foot += "   ·   " + t(words().average_total, L) + " " + std::to_string(*d.report.average_total);
    const ImVec2 fs = measure(type().body, foot);
    text_at(dl, type().body, ImVec2((S.x - fs.x) / 2, base + unit() * 1.5f), palette::ink_muted, foot);
    (void)top;
    end_canvas();
}

// ============================================================================
// 6. Class debrief
// ============================================================================

void draw_debrief(const BoardData& d, int page) {
    const Lang L = d.lang;
    ImDrawList* dl = begin_canvas("board.debrief");
    const float top = header(dl, d, t(words().debrief, L));
    const ImVec2 S = screen();
    const float pad = unit() * 3.f;
    const auto& nodes = d.report.debrief;
    if (nodes.empty()) {
        const std::string s = t(words().no_debrief, L);
        const ImVec2 ss = measure(type().title, s);
        text_at(dl, type().title, ImVec2((S.x - ss.x) / 2, S.y / 2), palette::ink_faint, s);
        end_canvas();
        return;
    }
    page = std::clamp(page, 0, static_cast<int>(nodes.size()) - 1);
    const NodeDebrief& n = nodes[static_cast<std::size_t>(page)];
    const float width = S.x - 2 * pad;

    // Where the class was: the stage and what the client said.
    float y = top + pad;
    const std::string where = std::to_string(page + 1) + " / " + std::to_string(nodes.size()) + "   " +
                              t(name_of(n.stage), L) + "   " + t(words().lost, L) + " " + std::to_string(n.average_regret) +
                              "   " + t(words().page, L);
    text_at(dl, type().body, ImVec2(pad, y), palette::ink_muted, where);
    y += type().body->FontSize + unit() * 1.5f;
    const auto line = wrap_lines(t(n.line, L), width - unit() * 4, type().heading);
    const float bubble_h = static_cast<float>(std::min<std::size_t>(line.size(), 4)) * (type().heading->FontSize + unit() * 0.4f) +
                           unit() * 3;
    dl->AddRectFilled(ImVec2(pad, y), ImVec2(pad + width, y + bubble_h), palette::bubble_client, unit() * 1.5f);
    float ly = y + unit() * 1.5f;
    for (std::size_t i = 0; i < line.size() && i < 4; ++i) {
        std::string s(line[i]);
        if (i == 3 && line.size() > 4) s = fit(type().heading, s + "…", width - unit() * 4);
        text_at(dl, type().heading, ImVec2(pad + unit() * 2, ly), palette::ink, s);
        ly += type().heading->FontSize + unit() * 0.4f;
    }
    y += bubble_h + pad;

    // How the class chose: one bar per choice, the best one marked.
    const float rows_h = S.y - pad - y;
    const std::size_t count = std::min<std::size_t>(n.choices.size(), 6);
    const float row_h = std::min(rows_h / static_cast<float>(std::max<std::size_t>(count, 1)), unit() * 16.f);
    int most = 1;
    for (const auto& c : n.choices) most = std::max(most, c.count);
    for (std::size_t i = 0; i < count; ++i) {
        const ChoiceCount& c = n.choices[i];
        const ImVec2 a(pad, y), b(pad + width, y + row_h - unit());
        card(dl, a, b, c.best ? palette::success_soft : palette::surface);
        if (c.best) dl->AddRect(a, b, palette::success, unit() * 1.5f, 0, 3.f);
        const float right_w = unit() * 30.f;
        const auto lines = wrap_lines(t(c.text, L), width - right_w - unit() * 4, type().body);
        const int fit_lines = std::max(1, static_cast<int>((row_h - unit() * 3) / (type().body->FontSize + unit() * 0.3f)));
        float ty = y + unit();
        for (int k = 0; k < fit_lines && k < static_cast<int>(lines.size()); ++k) {
            std::string s(lines[static_cast<std::size_t>(k)]);
            if (k == fit_lines - 1 && static_cast<int>(lines.size()) > fit_lines)
                s = fit(type().body, s + "…", width - right_w - unit() * 4);
            text_at(dl, type().body, ImVec2(pad + unit() * 2, ty), palette::ink, s);
            ty += type().body->FontSize + unit() * 0.3f;
        }
        const float bx = pad + width - right_w, bw = right_w - unit() * 12, bh = unit() * 2.2f;
        const float by = y + (row_h - unit()) / 2 - bh / 2;
        dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + bw, by + bh), palette::surface_alt, bh / 2);
        dl->AddRectFilled(ImVec2(bx, by), ImVec2(bx + bw * static_cast<float>(c.count) / static_cast<float>(most), by + bh),
                          c.best ? palette::success : palette::primary, bh / 2);
        const int pct = n.decisions ? (c.count * 100 + n.decisions / 2) / n.decisions : 0;
        text_at(dl, type().heading, ImVec2(bx + bw + unit(), by + bh / 2 - type().heading->FontSize / 2), palette::ink,
                std::to_string(c.count) + " · " + std::to_string(pct) + "%");
        if (c.best) {
            const float hy = by - type().heading->FontSize - unit() * 0.3f;
            const float w = check_mark(dl, ImVec2(bx, hy), type().heading->FontSize, palette::success);
            text_at(dl, type().heading, ImVec2(bx + w, hy), palette::success, t(words().best, L));
        }
        y += row_h;
    }
    end_canvas();
}

}  // namespace parley::board

// ============================================================================
// 7. The trainer's kick and ban
// ============================================================================

namespace parley::board {

namespace {

struct RemovalWords {
    Text manage{"管理学员", "Manage trainee"}, kick{"踢出", "Kick"}, ban{"封禁", "Ban"}, cancel{"取消", "Cancel"},
        back{"返回", "Back"},
        kick_note{"移出本节课;之后可以用同一名字重新加入。", "Removes them from this session; they may join again later."},
        ban_note{"移出本节课,并禁止这个名字再次加入本节课。", "Removes them and blocks this name from joining this session again."},
        confirm_kick{"确定把“{name}”踢出本节课吗?之后可以重新加入。", "Kick “{name}” out of this session? They may join again."},
        confirm_ban{"确定封禁“{name}”吗?这个名字不能再加入本节课。", "Ban “{name}”? This name cannot join this session again."},
        yes_kick{"确定踢出", "Yes, kick"}, yes_ban{"确定封禁", "Yes, ban"},
        kicked{"已踢出“{name}”:可以重新加入。", "Kicked “{name}”: they may join again."},
        banned{"已封禁“{name}”:这个名字不能再加入本节课。", "Banned “{name}”: the name cannot join this session again."},
        failed{"未能移出“{name}”:", "Could not remove “{name}”: "};
};
const RemovalWords& removal_words() {
    static const RemovalWords w;
    return w;
}

std::string with_name(const Text& x, Lang lang, const std::string& name) {
    std::string s = x.in(lang);
    const auto at = s.find("{name}");
    if (at != std::string::npos) s.replace(at, 6, name);
    return s;
}

// Kick and ban look different everywhere: kick in amber, ban in red.
bool action_button(const std::string& label, Removal how, const char* target, float width, bool solid) {
    const ImU32 ink = how == Removal::Kick ? palette::warning : palette::danger;
    const ImU32 soft = how == Removal::Kick ? palette::warning_soft : palette::danger_soft;
    ImGui::PushStyleColor(ImGuiCol_Button, to_vec4(solid ? ink : palette::surface));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_vec4(solid ? mix(ink, palette::ink, 0.2f) : soft));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, to_vec4(solid ? mix(ink, palette::ink, 0.35f) : soft));
    ImGui::PushStyleColor(ImGuiCol_Text, to_vec4(solid ? palette::surface : ink));
    ImGui::PushStyleColor(ImGuiCol_Border, to_vec4(ink));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(2.f * unit(), 1.1f * unit()));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.5f);
    const bool pressed = ImGui::Button((label + "##" + target).c_str(), ImVec2(width, 0));
    mark_target(target);
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(5);
    return pressed;
}

bool plain_button(const std::string& label, const char* target, float width) {
    const bool pressed = button((label + "##" + target).c_str(), Button::Secondary, ImVec2(width, 0));
    mark_target(target);
    return pressed;
}

}  // namespace

std::vector<std::string> removal_strings(const std::string& name) {
    const RemovalWords& w = removal_words();
    std::vector<std::string> out;
    for (const Text* x : {&w.manage, &w.kick, &w.ban, &w.cancel, &w.back, &w.kick_note, &w.ban_note, &w.confirm_kick,
                          &w.confirm_ban, &w.yes_kick, &w.yes_ban, &w.kicked, &w.banned, &w.failed})
        for (Lang l : {Lang::Zh, Lang::En}) out.push_back(with_name(*x, l, name));
    return out;
}

DialogAnswer draw_removal_dialog(const RemovalDialog& dialog, Lang L) {
    const RemovalWords& w = removal_words();
    const char* id = "board.removal";
    if (!ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    const ImVec2 S = screen();
    const float width = std::min(S.x * 0.6f, unit() * 80.f);
    ImGui::SetNextWindowPos(ImVec2(S.x / 2, S.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::PushStyleColor(ImGuiCol_PopupBg, to_vec4(palette::surface));
    ImGui::PushStyleColor(ImGuiCol_ModalWindowDimBg, to_vec4(with_alpha(palette::ink, 110)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(unit() * 3, unit() * 3));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, unit() * 1.5f);
    DialogAnswer answer = DialogAnswer::None;
    if (ImGui::BeginPopupModal(id, nullptr,
                               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings)) {
        const float inner = width - unit() * 6;
        const float bw = unit() * 22;
        if (!dialog.chosen) {
            title(w.manage.in(L) + " · " + dialog.name);
            vspace(1.5f);
            if (action_button(w.kick.in(L), Removal::Kick, "removal.kick", bw, false)) answer = DialogAnswer::Kick;
            ImGui::SameLine(0, unit() * 2);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + unit() * 1.1f);   // level with the button's text
            text_wrapped(w.kick_note.in(L), palette::ink_muted, inner - bw - unit() * 2);
            vspace(1.f);
            if (action_button(w.ban.in(L), Removal::Ban, "removal.ban", bw, false)) answer = DialogAnswer::Ban;
            ImGui::SameLine(0, unit() * 2);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + unit() * 1.1f);   // level with the button's text
            text_wrapped(w.ban_note.in(L), palette::ink_muted, inner - bw - unit() * 2);
            vspace(2.f);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + inner - bw);
            if (plain_button(w.cancel.in(L), "removal.cancel", bw)) answer = DialogAnswer::Cancel;
        } else {
            const bool ban = *dialog.chosen == Removal::Ban;
            title((ban ? w.ban : w.kick).in(L) + " · " + dialog.name, ban ? palette::danger : palette::warning);
            vspace(1.5f);
            text_wrapped(with_name(ban ? w.confirm_ban : w.confirm_kick, L, dialog.name), palette::ink, inner);
            vspace(2.f);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + inner - 2 * bw - unit() * 2);
            if (plain_button(w.back.in(L), "removal.back", bw)) answer = DialogAnswer::Back;
            ImGui::SameLine(0, unit() * 2);
            if (action_button((ban ? w.yes_ban : w.yes_kick).in(L), *dialog.chosen, "removal.confirm", bw, true))
                answer = DialogAnswer::Confirm;
        }
        if (answer == DialogAnswer::None && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
            answer = DialogAnswer::Cancel;
        if (answer == DialogAnswer::Confirm || answer == DialogAnswer::Cancel) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor(2);
    return answer;
}

std::string removal_notice_text(const RemovalNotice& n, Lang L) {
    const RemovalWords& w = removal_words();
    if (!n.error.empty()) return with_name(w.failed, L, n.name) + n.error;
    return with_name(n.how == Removal::Kick ? w.kicked : w.banned, L, n.name);
}

void draw_removal_notice(const RemovalNotice& n, Lang L) {
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImVec2 S = screen();
    const std::string s = fit(type().body, removal_notice_text(n, L), S.x * 0.8f);
    const ImVec2 ts = measure(type().body, s);
    const ImU32 ink = !n.error.empty() || n.how == Removal::Ban ? palette::danger : palette::warning;
    const ImU32 soft = !n.error.empty() || n.how == Removal::Ban ? palette::danger_soft : palette::warning_soft;
    const ImVec2 a((S.x - ts.x) / 2 - unit() * 3, S.y - ts.y - unit() * 7), b((S.x + ts.x) / 2 + unit() * 3, S.y - unit() * 3);
    // The border as a filled rectangle under an inset one (a stroked rounded one showed gaps).
    dl->AddRectFilled(a, b, ink, unit());
    dl->AddRectFilled(ImVec2(a.x + 2, a.y + 2), ImVec2(b.x - 2, b.y - 2), soft, unit() - 1);
    text_at(dl, type().body, ImVec2(a.x + unit() * 3, a.y + unit() * 2), ink, s);
}

}  // namespace parley::board
