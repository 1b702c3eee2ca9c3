// Debrief: the outcome, stars, tier and total; the competency radar; how the total is made;
// compliance violations explained; every decision with its feedback and, where it was not the
// best, the best choice there and what it would have earned, and "Try from here" (a rewound,
// practice run). A rewound run shows its total beside the run it came from. Save, try again,
// another client; the recommended next meeting at the end.
#include <algorithm>
#include <chrono>
#include <fstream>

#include "gamification.h"
#include "layout.h"
#include "next_meeting.h"
#include "parley/ui/radar.h"
#include "parley/ui/targets.h"
#include "screens.h"

namespace parley::player {

namespace {

std::string saved_transcript_path(const Shared& s, const FinishedRun& f, std::string& error) {
    namespace fs = std::filesystem;
    const fs::path dir = s.store.dir() / "transcripts";
    std::error_code ec;
    fs::create_directories(dir, ec);
    const auto stamp = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    const Transcript t = f.run->transcript();
    const fs::path file = dir / (t.scenario + "-" + t.persona + "-" + std::to_string(t.seed) + "-" +
                                 std::to_string(stamp) + ".json");
    std::ofstream out(file);
    out << to_json(t).dump(2) << '\n';
    if (!out) {
        error = "cannot write " + file.string();
        return {};
    }
    return file.string();
}

void part_bar(const char* label, int value, ImU32 color, float width) { ui::meter(label, value, color, width); }

}  // namespace

void DebriefScreen::enter(Shared&) { saved_path_.clear(); }

void DebriefScreen::draw(Shared& s) {
    if (!s.finished) {
        // Nothing to show (unless a move elsewhere is already on its way).
        if (!s.next_screen) s.go(Screen::Library);
        return;
    }
    const std::shared_ptr<FinishedRun> keep = s.finished;   // "try again" replaces it mid-frame
    FinishedRun& f = *keep;
    const float u = ui::unit();
    page_begin("##debrief");
    if (f.run->practice()) {
        draw_rewound(s, f);
        ui::vspace(1.2f);
    }
    draw_summary(s, f);
    ui::vspace(1.2f);
    const float gap = 2.f * u;
    const float half = (page_width() - gap) * 0.5f;
    const float row_h = std::max(34.f * u, half * 0.72f);
    ImGui::BeginGroup();
    draw_radar(s, f, row_h);
    ImGui::EndGroup();
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    draw_parts(s, f, row_h);
    ImGui::EndGroup();
    if (!f.debrief.violations.empty()) {
        ui::vspace(1.2f);
        draw_violations(s, f);
    }
    ui::vspace(1.2f);
    draw_decisions(s, f);
    if (recommendation_for_ != keep) {
        recommendation_ = next_meeting(s);
        recommendation_for_ = keep;
    }
    if (recommendation_) {
        ui::vspace(0.6f);
        draw_recommendation(s, *recommendation_, "debrief.recommend", page_width());
    }
    page_end();
    if (ImGui::IsKeyPressed(sf::Keyboard::Escape, false) && !ImGui::GetIO().WantTextInput) s.go(Screen::Library);
}

void DebriefScreen::draw_rewound(Shared& s, const FinishedRun& f) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    const int at = f.run->rewind_mark ? static_cast<int>(f.run->rewind_mark->at) : 0;
    const float width = page_width();
    ui::begin_panel(ui::palette::primary_soft, width, ui::with_alpha(ui::palette::primary, 110));
    ui::heading(fmt(s.t(S.rewound_title), at), ui::palette::primary_active);
    ui::mark_target("debrief.rewound");
    ImGui::PushFont(ui::type().small);
    ui::text_wrapped(s.t(S.practice_rule), ui::palette::ink_muted, width - 4.f * u);
    ImGui::PopFont();
    ui::vspace(0.5f);
    // The two totals side by side, and the difference.
    const float col = std::min(30.f * u, (width - 4.f * u) / 3.f);
    auto total_block = [&](const char* label, int total, int stars, ImU32 color, const char* target) {
        ImGui::BeginGroup();
        ImGui::PushFont(ui::type().small);
        ui::text(label, ui::palette::ink_faint);
        ImGui::PopFont();
        ImGui::PushFont(ui::type().display);
        ui::text(std::to_string(total), color);
        ImGui::PopFont();
        ui::mark_target(target);
        ui::stars(stars, 3, 2.2f * u);
        ImGui::EndGroup();
    };
    const Score& now = f.debrief.score;
    const float x0 = ImGui::GetCursorPosX();
    total_block(s.t(S.rewound_this_run), now.total, now.stars, ui::palette::primary, "debrief.rewound.total");
    if (f.original_score) {
        ImGui::SameLine(x0 + col);
        total_block(s.t(S.rewound_original), f.original_score->total, f.original_score->stars, ui::palette::ink_muted,
                    "debrief.rewound.original");
        ImGui::SameLine(x0 + 2.f * col);
        ImGui::BeginGroup();
        ImGui::PushFont(ui::type().small);
        ui::text(s.t(S.rewound_change), ui::palette::ink_faint);
        ImGui::PopFont();
        const int change = now.total - f.original_score->total;
        ImGui::PushFont(ui::type().display);
        ui::text((change > 0 ? "+" : "") + std::to_string(change),
                 change > 0 ? ui::palette::success : change < 0 ? ui::palette::danger : ui::palette::ink_muted);
        ImGui::PopFont();
        ImGui::EndGroup();
    }
    ui::end_panel();
}

void DebriefScreen::draw_summary(Shared& s, const FinishedRun& f) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    const Debrief& d = f.debrief;
    const float width = page_width();
    ui::begin_panel(ui::palette::surface, width);
    const float inner = width - 4.f * u;
    const float actions_w = 18.f * u;
    const float score_w = 20.f * u;
    const float text_w = inner - actions_w - score_w - 4.f * u;

    // Outcome and the ending's summary.
    ImGui::BeginGroup();
    ImGui::PushFont(ui::type().small);
    ui::text(std::string(s.t(S.outcome)) + " · " + s.t(f.run->session().scenario().title) + " · " +
                 s.t(f.run->session().persona().name),
             ui::palette::ink_faint);
    ImGui::PopFont();
    const bool good = d.outcome == OutcomeType::Deal || d.outcome == OutcomeType::NextStep ||
                      d.outcome == OutcomeType::ComplaintResolved;
    ImGui::PushFont(ui::type().title);
    ui::text_wrapped(s.t(name_of(d.outcome)), good ? ui::palette::success : ui::palette::danger, text_w);
    ImGui::PopFont();
    ui::mark_target("debrief.outcome");
    ui::text_wrapped(s.t(d.ending_summary), ui::palette::ink_muted, text_w);
    if (d.score.failed) {
        ui::vspace(0.3f);
        ui::text_wrapped(fmt(s.t(S.failed), s.content.model.critical_violation_cap), ui::palette::danger, text_w);
        for (const auto& reason : d.failure_reasons) ui::text_wrapped("· " + std::string(s.t(reason)), ui::palette::danger, text_w);
    }
    ui::vspace(0.6f);
    // XP, badges and unlocks of this run.
    ui::ChipFlow chips(text_w);
    chips.add(fmt(s.t(f.run->practice() ? S.xp_practice : S.xp_gained), f.xp), ui::palette::accent_soft,
              ui::mix(ui::palette::accent, ui::palette::ink, 0.4f));
    for (const auto& b : f.badges) {
        const BadgeDef* def = find_badge(b);
        if (!def) continue;
        const bool is_new = std::find(f.new_badges.begin(), f.new_badges.end(), b) != f.new_badges.end();
        // The name alone: the badge's one-character symbol belongs in its round badge (progress
        // screen), not before its name on a chip, where it read as a stray glyph ("问 善于提问").
        chips.add(std::string(s.t(def->name)) + (is_new ? std::string(" · ") + s.t(S.badge_new) : std::string()),
                  ui::palette::primary_soft, ui::palette::primary);
    }
    for (const auto& unlocked : f.unlocked_now)
        ui::text_wrapped(fmt(s.t(S.unlocked_now), s.t(unlocked)), ui::palette::success, text_w);
    ImGui::EndGroup();

    // Score, tier and stars.
    ImGui::SameLine(text_w + 2.f * u);
    ImGui::BeginGroup();
    ImGui::PushFont(ui::type().small);
    ui::text(s.t(S.total_score), ui::palette::ink_faint);
    ImGui::PopFont();
    ImGui::PushFont(ui::type().display);
    const std::string total = std::to_string(d.score.total);
    ui::text(total, ui::palette::primary);
    ImGui::PopFont();
    ui::mark_target("debrief.total");
    ImGui::SameLine(0, 0.4f * u);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ui::type().display->FontSize - ui::type().body->FontSize - 0.8f * u);
    ui::text("/ 100", ui::palette::ink_faint);
    ui::stars(d.score.stars, 3, 3.f * u);
    ui::vspace(0.3f);
    if (d.score.tier)
        ui::chip(std::string(s.t(S.tier)) + " · " + s.t(d.score.tier->name), ui::palette::primary_soft, ui::palette::primary);
    ImGui::EndGroup();

    // Actions.
    ImGui::SameLine(inner - actions_w);
    ImGui::BeginGroup();
    if (ui::button(s.t(S.try_again), ui::Button::Primary, ImVec2(actions_w, 0))) {
        s.selection.scenario = s.content.scenario(f.run->session().scenario().id);
        s.selection.persona = f.run->session().persona().id;
        s.selection.difficulty = f.run->session().difficulty();
        s.selection.seed = f.run->session().seed();
        s.selection.prep = f.run->prep;
        start_run(s);
    }
    ui::mark_target("debrief.retry");
    if (ui::button(s.t(S.try_another), ui::Button::Secondary, ImVec2(actions_w, 0))) {
        const Scenario& sc = f.run->session().scenario();
        s.selection.scenario = s.content.scenario(sc.id);
        // The next open persona after this one.
        const auto order = personas_by_difficulty(s.content, sc);
        auto it = std::find(order.begin(), order.end(), f.run->session().persona().id);
        std::string next;
        for (std::size_t k = 1; it != order.end() && k <= order.size(); ++k) {
            const std::string& cand = order[(static_cast<std::size_t>(it - order.begin()) + k) % order.size()];
            if (s.unlock_all || persona_unlocked(s.content, sc, cand, s.store.runs())) {
                next = cand;
                break;
            }
        }
        s.selection.persona = next;
        s.go(Screen::Briefing);
    }
    ui::mark_target("debrief.another");
    if (ui::button(s.t(S.save_transcript), ui::Button::Secondary, ImVec2(actions_w, 0))) {
        std::string error;
        saved_path_ = saved_transcript_path(s, f, error);
        if (saved_path_.empty()) s.notify(fmt(s.t(S.save_failed), error.c_str()), 6.f);
        else s.notify(fmt(s.t(S.saved_to), saved_path_.c_str()), 6.f);
    }
    ui::mark_target("debrief.save");
    if (ui::button(s.t(S.to_library), ui::Button::Ghost, ImVec2(actions_w, 0))) s.go(Screen::Library);
    ui::mark_target("debrief.library");
    ImGui::EndGroup();
    ui::end_panel();
}

void DebriefScreen::draw_radar(Shared& s, const FinishedRun& f, float height) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    const float width = (page_width() - 2.f * u) * 0.5f;
    ui::begin_panel(ui::palette::surface, width);
    ui::heading(s.t(S.competency_radar));
    ImGui::PushFont(ui::type().small);
    ui::text(s.t(S.radar_legend), ui::palette::ink_faint);
    ImGui::PopFont();
    std::vector<ui::RadarAxis> axes;
    for (const auto& c : f.debrief.score.competencies) {
        ui::RadarAxis a;
        a.label = competency_label(s, c.id);
        a.value = c.score;
        const auto prev = f.previous_best.find(c.id);
        if (prev != f.previous_best.end()) a.reference = prev->second;
        const Competency* comp = s.content.model.find(c.id);
        a.core = comp && comp->core;
        axes.push_back(std::move(a));
    }
    ui::radar_chart("##radar", axes, ImVec2(width - 4.f * u, height - 8.f * u));
    ui::mark_target("debrief.radar");
    ui::end_panel();
}

// The three decisions that cost the most points (regret: the best total still reachable with the
// best choice there, against the choice made), largest first, ties by decision order.
void DebriefScreen::draw_costliest(Shared& s, const FinishedRun& f, float width) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    ui::heading(s.t(S.costliest));
    ui::mark_target("debrief.costliest");
    const bool ready = f.regrets && f.regrets->ready();
    ImGui::PushFont(ui::type().small);
    if (!ready || !f.regrets->result) {
        ui::text_wrapped(s.t(ready ? S.analysis_unavailable : S.analysing), ui::palette::ink_muted, width);
        ImGui::PopFont();
        return;
    }
    std::vector<const DecisionRegret*> costly;
    for (const auto& r : f.regrets->result->decisions)
        if (regret_of(r) > 0 && r.best != r.chosen) costly.push_back(&r);
    std::stable_sort(costly.begin(), costly.end(),
                     [](const DecisionRegret* a, const DecisionRegret* b) { return regret_of(*a) > regret_of(*b); });
    if (costly.size() > 3) costly.resize(3);
    if (costly.empty()) ui::text_wrapped(s.t(S.costliest_none), ui::palette::success, width);
    ImGui::PopFont();
    for (const DecisionRegret* r : costly) {
        ui::vspace(0.3f);
        ImGui::PushFont(ui::type().small);
        ui::text(fmt(s.t(S.costliest_row), static_cast<int>(r->index) + 1, regret_of(*r)), ui::palette::danger);
        ImGui::PopFont();
        ImGui::PushFont(ui::type().small);
        ui::text_wrapped(std::string(s.t(S.better_choice)) + s.t(S.colon) +
                             (r->best_text.empty() ? r->best : std::string(s.t(r->best_text))),
                         ui::palette::ink, width - u);
        ImGui::PopFont();
    }
}

void DebriefScreen::draw_parts(Shared& s, const FinishedRun& f, float height) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    const float width = (page_width() - 2.f * u) * 0.5f;
    const float inner = width - 4.f * u;
    const Score& score = f.debrief.score;
    ui::begin_panel(ui::palette::surface, width);
    const float top = ImGui::GetCursorScreenPos().y;
    ui::heading(s.t(S.score_parts));
    ui::vspace(0.3f);
    const CompetencyModel& m = s.content.model;
    const bool has_negotiation = score.negotiation_part.has_value();
    const int comp_share = has_negotiation ? m.share_competencies : m.share_competencies + m.share_negotiation;
    part_bar((std::string(s.t(S.part_competencies)) + " · " + std::to_string(comp_share) + "%").c_str(), score.competency_part,
             ui::palette::primary, inner);
    ui::vspace(0.3f);
    part_bar((std::string(s.t(S.part_outcome)) + " · " + std::to_string(m.share_outcome) + "%").c_str(), score.outcome_part,
             ui::palette::success, inner);
    if (has_negotiation) {
        ui::vspace(0.3f);
        part_bar((std::string(s.t(S.part_negotiation)) + " · " + std::to_string(m.share_negotiation) + "%").c_str(),
                 *score.negotiation_part, ui::palette::accent, inner);
    }
    // Negotiation details.
    const Session& session = f.run->session();
    for (std::size_t i = 0; i < f.debrief.negotiations.size(); ++i) {
        const NegotiationSummary& n = f.debrief.negotiations[i];
        ui::separator();
        ImGui::PushFont(ui::type().small);
        ui::text(std::string(s.t(S.negotiation)) + " · " + s.t(name_of(n.outcome)), ui::palette::ink_faint);
        ImGui::PopFont();
        const float half = (inner - 2.f * u) * 0.5f;
        ImGui::BeginGroup();
        ui::meter(s.t(S.bank_value), n.bank_value, ui::palette::primary, half);
        ImGui::EndGroup();
        ImGui::SameLine(0, 2.f * u);
        ImGui::BeginGroup();
        ui::meter(s.t(S.client_satisfaction), n.client_satisfaction, ui::palette::success, half);
        ImGui::EndGroup();
        ImGui::BeginGroup();
        ui::meter(s.t(S.rule_adherence), n.rule_adherence, n.rule_adherence >= 70 ? ui::palette::success : ui::palette::warning,
                  half);
        ImGui::EndGroup();
        ImGui::SameLine(0, 2.f * u);
        ImGui::BeginGroup();
        ImGui::PushFont(ui::type().small);
        ui::text(s.t(S.trainee_concessions), ui::palette::ink_muted);
        ImGui::PopFont();
        ui::text(std::to_string(n.trainee_concessions));
        ImGui::EndGroup();
        // Agreed terms, as the debrief words them (labels and units).
        if (!n.agreed_text.empty())
            ui::text_wrapped(std::string(s.t(S.agreed_terms)) + s.t(S.colon) + s.t(n.agreed_text), ui::palette::ink);
        if (!n.breaches.empty()) {
            // A breach names its round out of the block's rounds.
            const Negotiation* block = i < session.negotiations_done().size() ? session.negotiations_done()[i].block : nullptr;
            ImGui::PushFont(ui::type().small);
            ui::text(s.t(S.rule_breaches), ui::palette::warning);
            ImGui::PopFont();
            for (const auto& b : n.breaches)
                ui::text_wrapped(std::string("· ") + s.t(name_of(b.rule)) + "  (" + fmt(s.t(S.round_of), b.round, block ? block->max_rounds : 0) +
                                     (b.issue.empty() ? "" : ", " + b.issue) + ")",
                                 ui::palette::ink_muted);
        }
    }
    if (f.debrief.negotiations.empty()) {
        ui::separator();
        ImGui::PushFont(ui::type().small);
        ui::text(s.t(S.no_negotiation), ui::palette::ink_faint);
        ImGui::PopFont();
    }
    ui::separator();
    draw_costliest(s, f, inner);
    // Keep the panel as tall as the radar beside it.
    const float used = ImGui::GetCursorScreenPos().y - top;
    if (used < height - 4.f * u) ImGui::Dummy(ImVec2(1.f, height - 4.f * u - used));
    ui::end_panel();
}

void DebriefScreen::draw_violations(Shared& s, const FinishedRun& f) {
    const UiStrings& S = strings();
    ui::begin_panel(ui::palette::danger_soft, page_width(), ui::with_alpha(ui::palette::danger, 110));
    ui::heading(s.t(S.violations), ui::palette::danger);
    for (const auto& v : f.debrief.violations) {
        ui::vspace(0.3f);
        ImGui::PushFont(ui::type().heading);
        const std::string what = v.red_line ? std::string(s.t(name_of(*v.red_line)))
                                            : std::string(s.t(S.duty_missed)) + s.t(name_of(*v.duty));
        ui::text(what + (v.critical ? std::string(" · ") + s.t(S.critical) : ""), ui::palette::ink);
        ImGui::PopFont();
        ImGui::PushFont(ui::type().small);
        ui::text(fmt(s.t(S.violation_at), static_cast<int>(v.decision) + 1), ui::palette::ink_muted);
        ImGui::PopFont();
        ui::text_wrapped(s.t(v.explanation));
    }
    ui::end_panel();
}

void DebriefScreen::draw_decisions(Shared& s, FinishedRun& f) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    ui::heading(s.t(S.decisions));
    ui::mark_target("debrief.decisions");
    const bool regrets_ready = f.regrets && f.regrets->ready();
    const std::vector<DecisionRegret>* regrets =
        regrets_ready && f.regrets->result ? &f.regrets->result->decisions : nullptr;
    ImGui::PushFont(ui::type().small);
    if (!regrets_ready) ui::text(s.t(S.analysing), ui::palette::ink_muted);
    else if (!regrets) ui::text(s.t(S.analysis_unavailable), ui::palette::ink_muted);
    ImGui::PopFont();
    ui::vspace(0.3f);
    for (std::size_t i = 0; i < f.debrief.decisions.size(); ++i) {
        const DecisionRecord& d = f.debrief.decisions[i];
        ImGui::PushID(static_cast<int>(i));
        ui::begin_panel(ui::palette::surface, page_width(), ui::palette::border, 1.8f);
        // Header: number, stage, what kind of move it was.
        ImGui::PushFont(ui::type().heading);
        ui::text(fmt(s.t(S.decision_n), static_cast<int>(i) + 1), ui::palette::primary);
        ImGui::PopFont();
        ImGui::SameLine(0, u);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.2f * u);
        ui::chip(s.t(name_of(d.stage)), ui::palette::primary_soft, ui::palette::primary);
        if (d.close_timely) {
            ImGui::SameLine(0, 0.5f * u);
            ui::chip(s.t(*d.close_timely ? S.timely_close : S.premature_close),
                     *d.close_timely ? ui::palette::success_soft : ui::palette::warning_soft,
                     *d.close_timely ? ui::palette::success : ui::palette::warning);
        }
        if (d.method_effectiveness) {
            ImGui::SameLine(0, 0.5f * u);
            ui::chip(fmt(s.t(S.method_effect), *d.method_effectiveness),
                     *d.method_effectiveness >= 100 ? ui::palette::success_soft : ui::palette::warning_soft,
                     *d.method_effectiveness >= 100 ? ui::palette::success : ui::palette::warning);
        }
        if (d.objection_resolved.value_or(false)) {
            ImGui::SameLine(0, 0.5f * u);
            ui::chip(s.t(S.objection_resolved), ui::palette::success_soft, ui::palette::success);
        }
        if (d.violation) {
            ImGui::SameLine(0, 0.5f * u);
            ui::chip(s.t(name_of(d.violation->red_line)), ui::palette::danger_soft, ui::palette::danger);
        }
        for (const auto& e : d.evidence) {
            ImGui::SameLine(0, 0.5f * u);
            const std::string label = e.competency + (e.value > 0 ? " +" : " ") + std::to_string(e.value);
            ui::chip(label, e.value >= 0 ? ui::palette::success_soft : ui::palette::danger_soft,
                     e.value >= 0 ? ui::palette::success : ui::palette::danger);
        }
        ui::vspace(0.2f);
        // The choice and the coach's feedback.
        ImGui::PushFont(ui::type().small);
        ui::text(s.t(S.your_choice), ui::palette::ink_faint);
        ImGui::PopFont();
        ui::text_wrapped(s.t(d.option_text));
        if (!d.feedback.empty()) {
            ui::vspace(0.2f);
            ImGui::PushFont(ui::type().small);
            ui::text(s.t(S.feedback), ui::palette::ink_faint);
            ImGui::PopFont();
            ui::text_wrapped(s.t(d.feedback), ui::palette::ink_muted);
        }
        // Where in the training material the principle is, to go back to it.
        if (!d.sources.empty()) {
            std::string line = s.t(S.source);
            for (std::size_t k = 0; k < d.sources.size(); ++k) line += (k ? " · " : "") + d.sources[k];
            ImGui::PushFont(ui::type().small);
            ui::text_wrapped(line, ui::palette::ink_faint);
            ImGui::PopFont();
            ui::mark_target("debrief.sources." + std::to_string(i));
        }
        if (d.trust_delta || d.interest_delta || d.patience_delta) {
            ImGui::PushFont(ui::type().small);
            ui::text(fmt(s.t(S.deltas), d.trust_delta, d.interest_delta, d.patience_delta), ui::palette::ink_faint);
            ImGui::PopFont();
        }
        // The best choice at this point, when the trainee's was not it.
        if (regrets) {
            const auto it = std::find_if(regrets->begin(), regrets->end(), [&](const DecisionRegret& r) { return r.index == i; });
            if (it != regrets->end()) {
                ui::vspace(0.3f);
                if (it->chosen_best_total < it->best_total && it->best != it->chosen) {
                    ui::begin_panel(ui::palette::accent_soft, 0.f, ui::with_alpha(ui::palette::accent, 110), 1.2f);
                    ImGui::PushFont(ui::type().small);
                    ui::text(s.t(S.better_choice), ui::mix(ui::palette::accent, ui::palette::ink, 0.45f));
                    ImGui::PopFont();
                    ui::text_wrapped(it->best_text.empty() ? it->best : std::string(s.t(it->best_text)));
                    ImGui::PushFont(ui::type().small);
                    ui::text_wrapped(fmt(s.t(S.better_would_reach), it->best_total, it->chosen_best_total), ui::palette::ink_muted);
                    ImGui::PopFont();
                    ui::end_panel();
                } else {
                    ImGui::PushFont(ui::type().small);
                    ui::text(s.t(S.best_choice_here), ui::palette::success);
                    ImGui::PopFont();
                }
            }
        }
        // Try from here: a rewound run at this decision, with the practice rule beside it.
        ui::vspace(0.4f);
        if (ui::button(s.t(S.try_from_here), ui::Button::Secondary)) rewind_run(s, i + 1);
        ui::mark_target("debrief.rewind." + std::to_string(i));
        ImGui::SameLine(0, u);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.5f * u);
        ImGui::PushFont(ui::type().small);
        ui::text_wrapped(s.t(S.practice_rule), ui::palette::ink_faint, ui::avail_width() - u);
        ImGui::PopFont();
        ui::end_panel();
        ui::mark_target("debrief.decision." + std::to_string(i));
        ImGui::PopID();
        ui::vspace(0.6f);
    }
}

}  // namespace parley::player
