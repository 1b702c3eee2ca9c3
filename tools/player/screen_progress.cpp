// Progress: the trainee's runs over time, XP, tier, badges, the trend of every competency, and
// what is unlocked — with the rules published beside them (seed 002: fair rules, announced).
#include <algorithm>

#include "gamification.h"
#include "layout.h"
#include "parley/ui/targets.h"
#include "screens.h"

namespace parley::player {

namespace {

void stat(const char* label, const std::string& value, const char* note, float width) {
    ui::begin_panel(ui::palette::surface, width, ui::palette::border, 1.8f);
    ImGui::PushFont(ui::type().small);
    ui::text(label, ui::palette::ink_faint);
    ImGui::PopFont();
    ImGui::PushFont(ui::type().title);
    ui::text(value, ui::palette::primary);
    ImGui::PopFont();
    ImGui::PushFont(ui::type().small);
    ui::text_wrapped(note ? note : " ", ui::palette::ink_muted);
    ImGui::PopFont();
    ui::end_panel();
}

std::string short_date(std::int64_t t) { return format_date(t).substr(5, 5); }

}  // namespace

void ProgressScreen::draw(Shared& s) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    const auto& runs = s.store.runs();
    page_begin("##progress");
    ui::title(s.t(S.progress_title));
    ui::mark_target("progress.title");
    ui::text_wrapped(s.t(S.progress_subtitle), ui::palette::ink_muted);
    ui::vspace(1.2f);

    // ---- Headline numbers ---------------------------------------------------------------
    const float gap = 1.6f * u;
    const float quarter = (page_width() - 3 * gap) / 4.f;
    const Tier* tier = trainee_tier(s.content.model, runs);
    const int max_stars = 3 * static_cast<int>(s.content.scenarios.size());
    stat(s.t(S.runs_count), std::to_string(runs.size()), nullptr, quarter);
    ImGui::SameLine(0, gap);
    stat(s.t(S.current_tier), tier ? s.t(tier->name) : "—", s.t(S.tier_rule), quarter);
    ImGui::SameLine(0, gap);
    stat(s.t(S.total_xp), std::to_string(total_xp(runs)), s.t(S.xp_rule), quarter);
    ImGui::SameLine(0, gap);
    stat(s.t(S.stars_earned), std::to_string(total_stars(runs)) + " / " + std::to_string(max_stars), nullptr, quarter);
    ui::vspace(1.2f);

    // ---- Total over time, badges ------------------------------------------------------------
    const float left_w = std::floor((page_width() - gap) * 0.56f);
    const float right_w = page_width() - gap - left_w;
    ImGui::BeginGroup();
    ui::begin_panel(ui::palette::surface, left_w);
    ui::heading(s.t(S.score_over_time));
    if (runs.empty()) {
        ui::vspace(0.5f);
        ui::text_wrapped(s.t(S.no_runs), ui::palette::ink_muted);
        ImGui::Dummy(ImVec2(1, 20 * u));
    } else {
        std::vector<float> totals;
        std::vector<std::string> labels;
        const std::size_t first = runs.size() > 20 ? runs.size() - 20 : 0;
        for (std::size_t i = first; i < runs.size(); ++i) {
            totals.push_back(static_cast<float>(runs[i].total));
            labels.push_back(short_date(runs[i].finished_at));
        }
        ui::line_chart("##totals", totals, ImVec2(left_w - 4 * u, 24 * u), ui::palette::primary, labels);
    }
    ui::end_panel();
    ImGui::EndGroup();
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    ui::begin_panel(ui::palette::surface, right_w);
    ui::heading(s.t(S.badges));
    ui::vspace(0.3f);
    const auto earned = badges_so_far(runs);
    const float cell = 7.4f * u;
    const int per_row = std::max(1, static_cast<int>((right_w - 4 * u) / (cell + u)));
    int col = 0;
    for (const auto& b : badge_catalogue()) {
        const bool has = std::find(earned.begin(), earned.end(), b.id) != earned.end();
        if (col > 0) ImGui::SameLine(0, u);
        ui::badge(b.symbol, s.t(b.name), has, ui::palette::accent, 4.8f * u);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.t(b.rule));
        ui::mark_target("progress.badge." + b.id);
        col = (col + 1) % per_row;
    }
    ui::end_panel();
    ImGui::EndGroup();
    ui::vspace(1.2f);

    // ---- Competency trends -------------------------------------------------------------------
    ui::heading(s.t(S.competency_trend));
    ui::mark_target("progress.trends");
    ui::vspace(0.4f);
    const int cols = 4;
    const float cw = (page_width() - (cols - 1) * gap) / cols;
    int k = 0;
    for (const auto& c : s.content.model.competencies) {
        std::vector<float> values;
        for (const auto& r : runs) {
            const auto it = r.competencies.find(c.id);
            if (it != r.competencies.end()) values.push_back(static_cast<float>(it->second));
        }
        if (k % cols != 0) ImGui::SameLine(0, gap);
        ImGui::PushID(c.id.c_str());
        ui::begin_panel(ui::palette::surface, cw, ui::palette::border, 1.4f);
        ImGui::PushFont(c.core ? ui::type().heading : ui::type().body);
        ui::text(competency_label(s, c.id), c.core ? ui::palette::ink : ui::palette::ink_muted);
        ImGui::PopFont();
        if (values.empty()) {
            const float top = ImGui::GetCursorPosY();
            ui::text(s.t(S.not_assessed), ui::palette::ink_faint);
            // As tall as a panel with a chart: the number line, the spacing and the chart.
            const float chart_block = ImGui::GetFontSize() + ImGui::GetStyle().ItemSpacing.y + 6.f * u;
            ImGui::SetCursorPosY(top + chart_block);
            ImGui::Dummy(ImVec2(1, 0));
        } else {
            const int last = static_cast<int>(values.back());
            const int delta = last - static_cast<int>(values.front());
            ui::text(std::to_string(last), ui::palette::primary);
            if (values.size() > 1) {
                ImGui::SameLine(0, u);
                ui::text((delta >= 0 ? "+" : "") + std::to_string(delta), delta >= 0 ? ui::palette::success : ui::palette::danger);
            }
            ui::line_chart("##trend", values, ImVec2(cw - 2.8f * u, 6.f * u), c.core ? ui::palette::primary : ui::palette::ink_muted);
        }
        ui::end_panel();
        ImGui::PopID();
        ++k;
    }
    ui::vspace(1.2f);

    // ---- Unlocks and the published rules -----------------------------------------------------
    ImGui::BeginGroup();
    ui::begin_panel(ui::palette::surface, left_w);
    ui::heading(s.t(S.unlocks));
    ui::vspace(0.3f);
    for (const auto& sc : s.content.scenarios) {
        ImGui::PushID(sc->id.c_str());
        ui::text(s.t(sc->title));
        for (const auto& id : personas_by_difficulty(s.content, *sc)) {
            const Persona* p = s.content.persona(id);
            if (!p) continue;
            std::string after;
            const bool open = persona_unlocked(s.content, *sc, id, runs, &after);
            const Persona* prev = s.content.persona(after);
            ImGui::SameLine(0, 0.5f * u);
            ui::chip(open ? std::string(s.t(p->name))
                          : std::string(s.t(p->name)) + " · " + s.t(S.locked),
                     open ? ui::palette::success_soft : ui::palette::surface_alt,
                     open ? ui::palette::success : ui::palette::ink_faint);
            if (!open && ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", fmt(s.t(S.unlock_persona_rule), prev ? s.t(prev->name) : after.c_str()).c_str());
        }
        const bool hard = difficulty_unlocked(*sc, Difficulty::Hard, runs);
        ImGui::SameLine(0, 0.5f * u);
        ui::chip(std::string(s.t(name_of(Difficulty::Hard))) + " · " + s.t(hard ? S.unlocked : S.locked),
                 hard ? ui::palette::danger_soft : ui::palette::surface_alt, hard ? ui::palette::danger : ui::palette::ink_faint);
        ImGui::PopID();
        ui::vspace(0.3f);
    }
    ui::end_panel();
    ImGui::EndGroup();
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    ui::begin_panel(ui::palette::accent_soft, right_w, ui::with_alpha(ui::palette::accent, 90));
    ui::text(s.t(S.rules_published), ui::mix(ui::palette::accent, ui::palette::ink, 0.45f));
    ImGui::PushFont(ui::type().small);
    ui::text_wrapped(std::string("· ") + s.t(S.xp_rule));
    ui::text_wrapped(std::string("· ") + s.t(S.current_tier) + s.t(S.colon) + s.t(S.tier_rule));
    ui::text_wrapped(std::string("· ") + fmt(s.t(S.unlock_persona_rule), "…"));
    ui::text_wrapped(std::string("· ") + s.t(name_of(Difficulty::Hard)) + s.t(S.colon) + s.t(S.unlock_hard_rule));
    ImGui::PopFont();
    ui::end_panel();
    ImGui::EndGroup();
    ui::vspace(1.2f);

    // ---- Run history --------------------------------------------------------------------------
    ui::heading(s.t(S.run_history));
    ui::vspace(0.3f);
    if (runs.empty()) {
        ui::text_wrapped(s.t(S.no_runs), ui::palette::ink_muted);
    } else {
        ui::begin_panel(ui::palette::surface, page_width(), ui::palette::border, 1.4f);
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("##runs", 7, flags, ImVec2(page_width() - 2.8f * u, 0))) {
            const Text* heads[] = {&S.col_date, &S.col_scenario, &S.col_client, &S.difficulty, &S.col_total, &S.col_stars, &S.col_outcome};
            const float weights[] = {1.3f, 2.6f, 1.4f, 0.8f, 0.7f, 0.9f, 1.2f};
            for (int i = 0; i < 7; ++i) ImGui::TableSetupColumn(s.t(*heads[i]), ImGuiTableColumnFlags_WidthStretch, weights[i]);
            ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
            for (int i = 0; i < 7; ++i) {
                ImGui::TableSetColumnIndex(i);
                ImGui::PushFont(ui::type().small);
                ui::text(s.t(*heads[i]), ui::palette::ink_faint);
                ImGui::PopFont();
            }
            int shown = 0;
            for (auto it = runs.rbegin(); it != runs.rend() && shown < 50; ++it, ++shown) {
                const RunRecord& r = *it;
                const auto sc = s.content.scenario(r.scenario);
                const Persona* p = s.content.persona(r.persona);
                const auto diff = parse<Difficulty>(r.difficulty);
                const auto outcome = parse<OutcomeType>(r.outcome);
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ui::text(format_date(r.finished_at), ui::palette::ink_muted);
                ImGui::TableSetColumnIndex(1);
                ui::text(sc ? s.t(sc->title) : r.scenario);
                ImGui::TableSetColumnIndex(2);
                ui::text(p ? s.t(p->name) : r.persona, ui::palette::ink_muted);
                ImGui::TableSetColumnIndex(3);
                ui::text(diff ? s.t(name_of(*diff)) : r.difficulty, diff ? difficulty_color(*diff) : ui::palette::ink_muted);
                ImGui::TableSetColumnIndex(4);
                ui::text(std::to_string(r.total), ui::palette::primary);
                ImGui::TableSetColumnIndex(5);
                ui::stars(r.stars, 3, ImGui::GetFontSize() * 0.9f);
                ImGui::TableSetColumnIndex(6);
                const std::string what = outcome ? s.t(name_of(*outcome)) : r.outcome;
                ui::text(r.practice ? what + " · " + s.t(S.practice_tag) : what, ui::palette::ink_muted);
            }
            ImGui::EndTable();
        }
        ui::end_panel();
    }
    page_end();
    if (ImGui::IsKeyPressed(sf::Keyboard::Escape, false) && !ImGui::GetIO().WantTextInput) s.go(Screen::Library);
}

}  // namespace parley::player
