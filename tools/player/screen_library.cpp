// Library: every scenario with title, summary, level, competencies, personas and the stars
// already earned; search and filters; the run in progress to resume.
#include <algorithm>
#include <cctype>

#include "gamification.h"
#include "layout.h"
#include "next_meeting.h"
#include "parley/transcript.h"
#include "parley/ui/targets.h"
#include "screens.h"

namespace parley::player {

namespace {

// Case-insensitive for Latin; Chinese matches as typed.
std::string lower(std::string s) {
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 128) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool matches(const Shared& s, const Scenario& sc, const std::string& query) {
    if (query.empty()) return true;
    const std::string q = lower(query);
    auto in = [&](const Text& t) { return lower(t.zh).find(q) != std::string::npos || lower(t.en).find(q) != std::string::npos; };
    if (in(sc.title) || in(sc.summary) || in(sc.company) || lower(sc.id).find(q) != std::string::npos) return true;
    for (const auto& p : sc.personas)
        if (const Persona* persona = s.content.persona(p); persona && in(persona->name)) return true;
    return false;
}

}  // namespace

void LibraryScreen::enter(Shared& s) {
    entered_ = true;
    recommendation_ = next_meeting(s);
    have_saved_ = false;
    const auto saved = s.store.current();
    if (!saved) return;
    Diagnostics diags;
    const auto t = parse_transcript(saved->transcript, "saved run", diags);
    if (!t) return;
    have_saved_ = true;
    saved_scenario_ = t->scenario;
    saved_persona_ = t->persona;
    saved_decisions_ = static_cast<int>(t->decisions.size());
}

void LibraryScreen::draw(Shared& s) {
    if (!entered_) enter(s);
    const UiStrings& S = strings();
    const float u = ui::unit();
    page_begin("##library");
    ui::title(s.t(S.library_title));
    ui::mark_target("library.title");
    ui::text_wrapped(s.t(S.library_subtitle), ui::palette::ink_muted);
    ui::vspace(1.f);
    // "Join class": the trainer's session (parley-board) — address, code and name.
    if (ui::button(s.t(S.join_class), ui::Button::Primary)) {
        if (!s.classroom || !s.classroom->state().membership) s.class_view = Shared::ClassView::Join;
        s.go(Screen::Class);
    }
    ui::mark_target("library.join");
    ImGui::SameLine(0, 1.2f * u);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.8f * u);
    ui::text(s.t(S.join_class_note), ui::palette::ink_muted);
    ui::vspace(1.5f);

    if (!s.content_errors.empty()) {
        ui::begin_panel(ui::palette::danger_soft, 0.f, ui::with_alpha(ui::palette::danger, 90));
        ui::text(s.t(S.content_errors), ui::palette::danger);
        ImGui::PushFont(ui::type().small);
        for (const auto& e : s.content_errors) ui::text_wrapped(e, ui::palette::ink);
        ImGui::PopFont();
        ui::end_panel();
        ui::vspace(1.5f);
    }
    if (have_saved_ && !s.run) draw_resume(s);
    if (recommendation_) {
        draw_recommendation(s, *recommendation_, "library.recommend", page_width());
        ui::vspace(1.5f);
    }

    // Filters: search, level, competency.
    if (focus_search_) {
        ImGui::SetKeyboardFocusHere();
        focus_search_ = false;
    }
    input_text(s, "##search", search_, s.t(S.search_hint), std::min(page_width() * 0.42f, 52 * u));
    ui::mark_target("library.search");
    ImGui::SameLine(0, 2 * u);
    const Text* levels[] = {&S.filter_all, &S.level_1, &S.level_2, &S.level_3};
    for (int i = 0; i < 4; ++i) {
        ImGui::PushID(i);
        if (ui::button(s.t(*levels[i]), level_ == i ? ui::Button::Selected : ui::Button::Secondary)) level_ = i;
        ui::mark_target("library.level." + std::to_string(i));
        ImGui::PopID();
        ImGui::SameLine(0, 0.6f * u);
    }
    ImGui::SameLine(0, 2 * u);
    const std::string current = competency_.empty() ? std::string(s.t(S.filter_competency)) + ": " + s.t(S.filter_all)
                                                    : competency_label(s, competency_);
    // Up to the page's right edge (the page column is narrower than the window).
    const float page_right = ImGui::GetWindowPos().x + (ImGui::GetWindowSize().x + page_width()) * 0.5f;
    ImGui::SetNextItemWidth(std::max(24 * u, page_right - ImGui::GetCursorScreenPos().x));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(1.2f * u, 1.1f * u));
    if (ImGui::BeginCombo("##competency", current.c_str())) {
        if (ImGui::Selectable(s.t(S.filter_all), competency_.empty())) competency_.clear();
        for (const auto& c : s.content.model.competencies) {
            const std::string label = competency_label(s, c.id);
            if (ImGui::Selectable(label.c_str(), competency_ == c.id)) competency_ = c.id;
        }
        ImGui::EndCombo();
    }
    ImGui::PopStyleVar();
    ui::vspace(1.5f);

    // Cards, two per row, in level order then title.
    std::vector<const Scenario*> shown;
    for (const auto& sc : s.content.scenarios) {
        if (level_ != 0 && sc->level != level_) continue;
        if (!competency_.empty() &&
            std::find(sc->competencies.begin(), sc->competencies.end(), competency_) == sc->competencies.end())
            continue;
        if (!matches(s, *sc, search_)) continue;
        shown.push_back(sc.get());
    }
    std::stable_sort(shown.begin(), shown.end(), [&](const Scenario* a, const Scenario* b) {
        return a->level != b->level ? a->level < b->level : a->title.in(s.lang()) < b->title.in(s.lang());
    });
    if (shown.empty()) {
        ui::text_wrapped(s.t(S.no_match), ui::palette::ink_muted);
    } else {
        const float gap = 2.f * u;
        const float card_w = (page_width() - gap) * 0.5f;
        for (std::size_t i = 0; i < shown.size(); ++i) {
            ImGui::PushID(shown[i]->id.c_str());
            if (i % 2 == 1) ImGui::SameLine(0, gap);
            draw_card(s, *shown[i], card_w);
            ImGui::PopID();
            if (i % 2 == 1) ui::vspace(1.f);
        }
    }
    page_end();
}

void LibraryScreen::draw_resume(Shared& s) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    const auto sc = s.content.scenario(saved_scenario_);
    const Persona* p = s.content.persona(saved_persona_);
    ui::begin_panel(ui::palette::primary_soft, 0.f, ui::with_alpha(ui::palette::primary, 90));
    ui::heading(s.t(S.resume_title), ui::palette::primary_active);
    const std::string body = fmt(s.t(S.resume_body), sc ? s.t(sc->title) : saved_scenario_.c_str(),
                                 p ? s.t(p->name) : saved_persona_.c_str(), saved_decisions_);
    ui::text_wrapped(body, ui::palette::ink);
    ui::vspace(0.5f);
    if (ui::button(s.t(S.resume), ui::Button::Primary)) {
        if (resume_run(s)) have_saved_ = false;
    }
    ui::mark_target("library.resume");
    ImGui::SameLine(0, u);
    if (ui::button(s.t(S.discard), ui::Button::Danger)) {
        discard_run(s);
        have_saved_ = false;
    }
    ui::mark_target("library.discard");
    ui::end_panel();
    ui::vspace(1.5f);
}

void LibraryScreen::draw_card(Shared& s, const Scenario& sc, float width) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    ImGui::BeginGroup();
    ui::begin_panel(ui::palette::surface, width);
    const float inner = width - 4.f * u;
    const int stars = best_stars(s.store.runs(), sc.id);
    // Title with the best stars on the right.
    const float stars_w = 3.f * 1.7f * u + 2.f * 0.34f * u;
    ImGui::PushFont(ui::type().heading);
    ui::text_wrapped(s.t(sc.title), ui::palette::ink, inner - stars_w - u);
    ImGui::PopFont();
    const ImVec2 after_title = ImGui::GetCursorScreenPos();
    ImGui::SameLine(inner - stars_w);
    ui::stars(stars, 3, 1.7f * u);
    ImGui::SetCursorScreenPos(after_title);
    ui::vspace(0.2f);

    ui::chip(s.t(level_name(sc.level)), ui::palette::primary_soft, ui::palette::primary);
    ImGui::SameLine(0, 0.6f * u);
    ui::chip(std::string(s.t(S.difficulty)) + " · " + s.t(name_of(sc.default_difficulty)),
             ui::with_alpha(difficulty_color(sc.default_difficulty), 30), difficulty_color(sc.default_difficulty));
    if (sc.entry_moment) {
        ImGui::SameLine(0, 0.6f * u);
        ui::chip(s.t(name_of(*sc.entry_moment)), ui::palette::accent_soft,
                 ui::mix(ui::palette::accent, ui::palette::ink, 0.35f));
    }
    ui::vspace(0.4f);
    ui::text_wrapped(s.t(sc.summary), ui::palette::ink_muted);
    ui::vspace(0.6f);

    // Competencies trained.
    ImGui::PushFont(ui::type().small);
    ui::text(s.t(S.trains), ui::palette::ink_faint);
    ImGui::PopFont();
    ui::ChipFlow competencies(inner);
    for (const auto& id : sc.competencies) {
        const Competency* c = s.content.model.find(id);
        competencies.add(competency_label(s, id), c && c->core ? ui::palette::primary_soft : ui::palette::surface_alt,
                         c && c->core ? ui::palette::primary : ui::palette::ink_muted);
    }
    ui::vspace(0.4f);

    // Personas it can be played against (locked ones dimmed).
    ImGui::PushFont(ui::type().small);
    ui::text(s.t(S.clients), ui::palette::ink_faint);
    ImGui::PopFont();
    ui::ChipFlow clients(inner);
    for (const auto& id : personas_by_difficulty(s.content, sc)) {
        const Persona* p = s.content.persona(id);
        if (!p) continue;
        const bool open = s.unlock_all || persona_unlocked(s.content, sc, id, s.store.runs());
        const std::string label = open ? std::string(s.t(p->name)) : std::string(s.t(p->name)) + " · " + s.t(S.locked);
        clients.add(label, open ? ui::palette::success_soft : ui::palette::surface_alt,
                    open ? ui::palette::success : ui::palette::ink_faint);
    }
    ui::vspace(0.8f);
    ui::separator();

    // Best result and the way in.
    int best_total = -1;
    for (const auto& r : s.store.runs())
        if (r.scenario == sc.id) best_total = std::max(best_total, r.total);
    const std::string best = best_total < 0 ? std::string(s.t(S.not_played))
                                            : std::string(s.t(S.best)) + " " + std::to_string(best_total);
    const float button_w = ImGui::CalcTextSize(s.t(S.open_briefing)).x + 4.f * u;
    const float line_y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosY(line_y + 0.8f * u);
    ui::text(best, best_total < 0 ? ui::palette::ink_faint : ui::palette::ink_muted);
    ImGui::SameLine(inner - button_w);
    ImGui::SetCursorPosY(line_y);
    if (ui::button(s.t(S.open_briefing), ui::Button::Primary, ImVec2(button_w, 0))) {
        s.selection = Selection{};
        s.selection.scenario = s.content.scenario(sc.id);
        s.go(Screen::Briefing);
    }
    ui::mark_target("library.card." + sc.id);
    ui::end_panel();
    ImGui::EndGroup();
}

}  // namespace parley::player
