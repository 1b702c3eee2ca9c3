#include "next_meeting.h"

#include <algorithm>

#include "gamification.h"
#include "layout.h"
#include "parley/ui/targets.h"

namespace parley::player {

std::vector<OpenMeeting> open_meetings(const Shared& s) {
    std::vector<const Scenario*> scenarios;
    for (const auto& sc : s.content.scenarios)
        if (sc) scenarios.push_back(sc.get());
    std::stable_sort(scenarios.begin(), scenarios.end(), [](const Scenario* a, const Scenario* b) {
        return a->level != b->level ? a->level < b->level : a->id < b->id;
    });
    const auto& runs = s.store.runs();
    static const std::vector<RunRecord> nothing;
    std::vector<OpenMeeting> open;
    for (const Scenario* sc : scenarios) {
        for (const auto& persona : personas_by_difficulty(s.content, *sc)) {
            const bool persona_open = s.unlock_all || persona_unlocked(s.content, *sc, persona, runs);
            if (!persona_open) continue;
            for (Difficulty d : {Difficulty::Easy, Difficulty::Normal, Difficulty::Hard}) {
                if (!s.unlock_all && !difficulty_unlocked(*sc, d, runs)) continue;
                const bool at_start = persona_unlocked(s.content, *sc, persona, nothing) && difficulty_unlocked(*sc, d, nothing);
                open.push_back({sc->id, persona, d, !at_start});
            }
        }
    }
    return open;
}

std::optional<Recommendation> next_meeting(const Shared& s) {
    std::vector<PastRun> runs;
    for (const auto& r : s.store.runs()) {
        PastRun p;
        p.scenario = r.scenario;
        p.persona = r.persona;
        p.difficulty = parse<Difficulty>(r.difficulty).value_or(Difficulty::Normal);
        p.stars = r.stars;
        p.competencies = r.competencies;
        p.practice = r.practice;
        runs.push_back(std::move(p));
    }
    return recommend(s.content, runs, open_meetings(s));
}

void draw_recommendation(Shared& s, const Recommendation& r, const std::string& target, float width) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    const auto sc = s.content.scenario(r.scenario);
    const Persona* p = s.content.persona(r.persona);
    if (!sc || !p) return;
    ui::begin_panel(ui::palette::accent_soft, width, ui::with_alpha(ui::palette::accent, 120));
    const float inner = (width > 0 ? width : ui::avail_width()) - 4.f * u;
    const float button_w = std::max(ImGui::CalcTextSize(s.t(S.recommend_go)).x + 4.f * u, 16.f * u);
    const float text_w = inner - button_w - 2.f * u;
    ImGui::BeginGroup();
    ImGui::PushFont(ui::type().small);
    ui::text(s.t(S.recommend_title), ui::mix(ui::palette::accent, ui::palette::ink, 0.45f));
    ImGui::PopFont();
    ImGui::PushFont(ui::type().heading);
    ui::text_wrapped(std::string(s.t(sc->title)) + " · " + s.t(p->name) + " · " + s.t(name_of(r.difficulty)),
                     ui::palette::ink, text_w);
    ImGui::PopFont();
    ui::mark_target(target + ".meeting");
    ui::text_wrapped(s.t(r.reason), ui::palette::ink_muted, text_w);
    ui::mark_target(target + ".reason");
    ImGui::EndGroup();
    ImGui::SameLine(inner - button_w);
    if (ui::button(s.t(S.recommend_go), ui::Button::Primary, ImVec2(button_w, 0))) {
        s.selection = Selection{};
        s.selection.scenario = sc;
        s.selection.persona = r.persona;
        s.selection.difficulty = r.difficulty;
        s.go(Screen::Briefing);
    }
    ui::mark_target(target);
    ui::end_panel();
}

}  // namespace parley::player
