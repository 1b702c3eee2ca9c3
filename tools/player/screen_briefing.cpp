// Briefing: the client dossier, the learning objectives, the choice of client and difficulty,
// the practice code (seed), and — when the scenario holds a negotiation — the two lists.
#include <algorithm>
#include <cctype>

#include "gamification.h"
#include "layout.h"
#include "parley/ui/targets.h"
#include "screens.h"

namespace parley::player {

namespace {

void bullet_list(const std::vector<Text>& items, const Shared& s) {
    const float u = ui::unit();
    for (const auto& item : items) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + 0.5f * u, p.y + ImGui::GetFontSize() * 0.6f), 0.35f * u,
                                                    ui::palette::primary);
        ImGui::SetCursorScreenPos(ImVec2(p.x + 1.8f * u, p.y));
        ImGui::BeginGroup();
        ui::text_wrapped(s.t(item));
        ImGui::EndGroup();
    }
}

bool difficulty_open(const Shared& s, const Scenario& sc, Difficulty d) {
    return s.unlock_all || difficulty_unlocked(sc, d, s.store.runs());
}

bool persona_open(const Shared& s, const Scenario& sc, const std::string& id, std::string* after = nullptr) {
    return s.unlock_all || persona_unlocked(s.content, sc, id, s.store.runs(), after);
}

}  // namespace

void BriefingScreen::enter(Shared& s) {
    Selection& sel = s.selection;
    if (!sel.scenario) return;
    const Scenario& sc = *sel.scenario;
    const bool keep_persona = !sel.persona.empty() &&
                              std::find(sc.personas.begin(), sc.personas.end(), sel.persona) != sc.personas.end() &&
                              persona_open(s, sc, sel.persona);
    if (!keep_persona) {
        sel.persona.clear();
        for (const auto& id : personas_by_difficulty(s.content, sc))
            if (persona_open(s, sc, id)) {
                sel.persona = id;
                break;
            }
    }
    if (!difficulty_open(s, sc, sel.difficulty)) sel.difficulty = Difficulty::Normal;
    if (sel.seed == 0 || sel.seed == 1) sel.seed = fresh_seed();
    seed_text_ = std::to_string(sel.seed);
    for (const auto& node : sc.nodes)
        if (node.negotiation)
            for (const auto& issue : node.negotiation->issues) sel.prep[node.id].emplace(issue.id, PrepChoice::Neither);
}

void BriefingScreen::draw(Shared& s) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    Selection& sel = s.selection;
    if (!sel.scenario) {
        // Nothing to show (unless a move elsewhere is already on its way).
        if (!s.next_screen) s.go(Screen::Library);
        return;
    }
    const Scenario& sc = *sel.scenario;
    // Two columns that scroll on their own, so the start button is always in reach.
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("##briefing", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleVar();
    const ImVec2 full = ImGui::GetContentRegionAvail();
    const float page = std::min(full.x - 6.f * u, std::max(160.f * u, 1240.f));
    const float margin = (full.x - page) * 0.5f;
    ImGui::SetCursorPos(ImVec2(margin, 1.2f * u));
    if (ui::button((std::string("\u2190 ") + s.t(S.back_to_library)).c_str(), ui::Button::Ghost)) s.go(Screen::Library);
    ui::mark_target("briefing.back");
    const float gap = 2.5f * u;
    const float scrollbar = ImGui::GetStyle().ScrollbarSize + 0.5f * u;
    const float left_outer = std::floor((page - gap) * 0.60f);
    const float right_outer = page - gap - left_outer;
    const float left_w = left_outer - scrollbar;
    const float right_w = right_outer - scrollbar;
    const float column_h = ImGui::GetContentRegionAvail().y - 0.5f * u;
    ImGui::SetCursorPosX(margin);

    // ---- Left: the situation ----------------------------------------------------------
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("##brief_left", ImVec2(left_outer, column_h), false, ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleVar();
    ImGui::BeginGroup();
    ImGui::PushItemWidth(left_w);
    ImGui::PushFont(ui::type().title);
    ui::text_wrapped(s.t(sc.title), ui::palette::ink, left_w);
    ImGui::PopFont();
    ui::mark_target("briefing.title");
    ui::chip(s.t(level_name(sc.level)), ui::palette::primary_soft, ui::palette::primary);
    if (sc.entry_moment) {
        ImGui::SameLine(0, 0.6f * u);
        ui::chip(s.t(name_of(*sc.entry_moment)), ui::palette::accent_soft,
                 ui::mix(ui::palette::accent, ui::palette::ink, 0.35f));
    }
    ui::vspace(0.3f);
    ui::text_wrapped(s.t(sc.summary), ui::palette::ink_muted, left_w);
    ui::vspace(1.f);

    ui::begin_panel(ui::palette::surface, left_w);
    ui::heading(s.t(S.dossier));
    ui::vspace(0.3f);
    const float label_w = 9.f * u;
    ui::label_value(s.t(S.company), s.t(sc.company), label_w);
    ui::vspace(0.3f);
    ui::label_value(s.t(S.situation), s.t(sc.situation), label_w);
    ui::vspace(0.3f);
    if (sc.entry_moment) {
        std::string moment = s.t(name_of(*sc.entry_moment));
        if (!sc.entry_note.empty()) moment += std::string(" — ") + s.t(sc.entry_note);
        ui::label_value(s.t(S.entry_moment), moment, label_w);
    }
    ui::end_panel();
    ui::vspace(1.f);

    if (const Persona* p = s.content.persona(sel.persona)) {
        ui::begin_panel(ui::palette::primary_soft, left_w, ui::with_alpha(ui::palette::primary, 70));
        ui::heading(std::string(s.t(S.approach)) + " · " + s.t(p->name), ui::palette::primary_active);
        ui::vspace(0.2f);
        ui::text_wrapped(s.t(p->approach));
        ui::end_panel();
        ui::vspace(1.f);
    }

    ui::begin_panel(ui::palette::surface, left_w);
    ui::heading(s.t(S.objectives));
    ui::vspace(0.3f);
    bullet_list(sc.objectives, s);
    ui::vspace(0.4f);
    ImGui::PushFont(ui::type().small);
    ui::text(s.t(S.trains), ui::palette::ink_faint);
    ImGui::PopFont();
    ui::ChipFlow trained(left_w - 4.f * u);
    for (const auto& id : sc.competencies) {
        const Competency* c = s.content.model.find(id);
        trained.add(competency_label(s, id), c && c->core ? ui::palette::primary_soft : ui::palette::surface_alt,
                    c && c->core ? ui::palette::primary : ui::palette::ink_muted);
    }
    if (!sc.sources.empty()) {
        // The seed sections the meeting teaches, named as the training documents name them.
        std::string line;
        for (std::size_t k = 0; k < sc.sources.size(); ++k) line += (k ? " · " : "") + sc.sources[k];
        ImGui::NewLine();
        ui::vspace(0.2f);
        ImGui::PushFont(ui::type().small);
        ui::text(s.t(S.sources_title), ui::palette::ink_faint);
        ImGui::PopFont();
        ui::text_wrapped(line, ui::palette::ink_muted);
        ui::mark_target("briefing.sources");
    }
    ui::end_panel();

    for (const auto& node : sc.nodes) {
        if (!node.negotiation) continue;
        ui::vspace(1.f);
        ui::begin_panel(ui::palette::surface, left_w);
        ImGui::PushID(node.id.c_str());
        ui::heading(s.t(S.prep_title));
        ui::text_wrapped(s.t(S.prep_note), ui::palette::ink_muted);
        ui::vspace(0.4f);
        if (!node.negotiation->briefing.empty()) {
            ui::text_wrapped(s.t(node.negotiation->briefing));
            ui::vspace(0.4f);
        }
        prep_sheet(s, *node.negotiation, sel.prep[node.id], "briefing.prep." + node.id);
        ImGui::PopID();
        ui::end_panel();
    }
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    ui::vspace(2.f);
    ImGui::EndChild();

    // ---- Right: client, difficulty, practice code, start --------------------------------
    ImGui::SameLine(0, gap);
    // The start button stays in view under the choices, which scroll if they must.
    ImGui::BeginGroup();
    const float start_h = ui::type().heading->FontSize + 2.2f * u;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("##brief_right", ImVec2(right_outer, column_h - start_h - 1.2f * u), false,
                      ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleVar();
    ImGui::BeginGroup();
    ImGui::PushItemWidth(right_w);
    ui::begin_panel(ui::palette::surface, right_w);
    ui::heading(s.t(S.choose_client));
    ui::vspace(0.3f);
    const float inner = right_w - 4.f * u;
    for (const auto& id : personas_by_difficulty(s.content, sc)) {
        const Persona* p = s.content.persona(id);
        if (!p) continue;
        std::string after;
        const bool open = persona_open(s, sc, id, &after);
        const bool selected = sel.persona == id;
        ImGui::PushID(id.c_str());
        ui::begin_panel(selected ? ui::palette::primary_soft : ui::palette::surface, inner,
                        selected ? ui::palette::primary : ui::palette::border, 1.4f);
        ImGui::PushFont(ui::type().heading);
        ui::text(s.t(p->name), open ? ui::palette::ink : ui::palette::ink_faint);
        ImGui::PopFont();
        ImGui::SameLine(0, u);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.25f * u);
        ui::chip(s.t(social_style(*p)), !open ? ui::palette::surface_alt : selected ? ui::palette::surface : ui::palette::primary_soft,
                 open ? ui::palette::primary : ui::palette::ink_faint);
        // The selected client's portrait in words; the others stay compact.
        if (selected) ui::text_wrapped(s.t(p->summary), ui::palette::ink_muted);
        if (!open) {
            const Persona* prev = s.content.persona(after);
            ImGui::PushFont(ui::type().small);
            ui::text_wrapped(std::string(s.t(S.locked)) + " — " +
                                 fmt(s.t(S.unlock_persona_rule), prev ? s.t(prev->name) : after.c_str()),
                             ui::palette::warning);
            ImGui::PopFont();
        }
        ui::end_panel();
        // The whole card is the button.
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        const ImVec2 resume = ImGui::GetCursorScreenPos();
        ImGui::SetCursorScreenPos(a);
        if (ImGui::InvisibleButton("##pick", ImVec2(b.x - a.x, b.y - a.y)) && open) sel.persona = id;
        if (ImGui::IsItemHovered() && open) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ui::mark_target("briefing.persona." + id);
        ImGui::SetCursorScreenPos(resume);
        ImGui::PopID();
        ui::vspace(0.6f);
    }
    ui::end_panel();
    ui::vspace(1.f);

    ui::begin_panel(ui::palette::surface, right_w);
    ui::heading(s.t(S.difficulty));
    ui::vspace(0.3f);
    const float seg_w = (inner - 2.f * 0.6f * u) / 3.f;
    for (const auto& entry : all<Difficulty>()) {
        const bool open = difficulty_open(s, sc, entry.value);
        if (entry.value != Difficulty::Easy) ImGui::SameLine(0, 0.6f * u);
        ImGui::PushID(static_cast<int>(entry.value));
        if (ui::button(s.t(entry.name), sel.difficulty == entry.value ? ui::Button::Selected : ui::Button::Secondary,
                       ImVec2(seg_w, 0), open))
            sel.difficulty = entry.value;
        ui::mark_target("briefing.difficulty." + std::string(entry.id));
        ImGui::PopID();
    }
    const Text& note = sel.difficulty == Difficulty::Easy     ? S.difficulty_easy_note
                       : sel.difficulty == Difficulty::Normal ? S.difficulty_normal_note
                                                              : S.difficulty_hard_note;
    ImGui::PushFont(ui::type().small);
    ui::text_wrapped(s.t(note), ui::palette::ink_muted);
    if (!difficulty_open(s, sc, Difficulty::Hard))
        ui::text_wrapped(std::string(s.t(name_of(Difficulty::Hard))) + " · " + s.t(S.unlock_hard_rule), ui::palette::warning);
    ImGui::PopFont();
    ui::end_panel();
    ui::vspace(1.f);

    ui::begin_panel(ui::palette::surface, right_w);
    ui::heading(s.t(S.practice_code));
    ui::vspace(0.3f);
    const float new_w = ImGui::CalcTextSize(s.t(S.new_code)).x + 4.f * u;
    if (input_text(s, "##seed", seed_text_, "", inner - new_w - u, ImGuiInputTextFlags_CharsDecimal)) {
        std::string digits;
        for (char c : seed_text_)
            if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
        if (!digits.empty() && digits.size() <= 18) sel.seed = std::stoull(digits);
    }
    ui::mark_target("briefing.seed");
    ImGui::SameLine(0, u);
    if (ui::button(s.t(S.new_code), ui::Button::Secondary, ImVec2(new_w, 0))) {
        sel.seed = fresh_seed();
        seed_text_ = std::to_string(sel.seed);
    }
    ui::mark_target("briefing.new_seed");
    ImGui::PushFont(ui::type().small);
    ui::text_wrapped(s.t(S.practice_code_tip), ui::palette::ink_muted);
    ImGui::PopFont();
    ui::end_panel();
    ImGui::PopItemWidth();
    ImGui::EndGroup();
    ImGui::EndChild();

    const bool ready = !sel.persona.empty() && !seed_text_.empty();
    ImGui::PushFont(ui::type().heading);
    const bool start = ui::button(s.t(S.start_meeting), ui::Button::Primary, ImVec2(right_w, start_h), ready);
    ImGui::PopFont();
    ui::mark_target("briefing.start");
    ImGui::EndGroup();
    ImGui::EndChild();

    const bool enter = ImGui::IsKeyPressed(sf::Keyboard::Enter, false) && !ImGui::GetIO().WantTextInput &&
                       !ImGui::IsAnyItemFocused();
    if (ImGui::IsKeyPressed(sf::Keyboard::Escape, false) && !ImGui::GetIO().WantTextInput) s.go(Screen::Library);
    if ((start || (enter && ready)) && ready) {
        if (s.run) discard_run(s);   // a new run replaces the saved one
        start_run(s);
    }
}

}  // namespace parley::player
