// The playtest tab: start from any node with a chosen persona, seed, difficulty and client
// state; play with the options (and the analysis' move set in a negotiation); watch the client
// state and the evidence change; replay the last playtest on the edited scenario.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <map>

#include "editor_app.h"
#include "parley/analysis.h"
#include "parley/debrief.h"
#include "parley/ui/theme.h"
#include "parley/ui/widgets.h"

namespace parley::editor {

void EditorApp::reset_playtest_setup() {
    PlaytestSetup& setup = playtest_.setup;
    const Scenario& s = doc_->scenario();
    if (std::find(s.personas.begin(), s.personas.end(), setup.persona) == s.personas.end())
        setup.persona = s.personas.empty() ? "" : s.personas.front();
    setup.difficulty = s.default_difficulty;
    if (const Persona* p = shared_->persona(setup.persona)) setup.state = starting_state(s, *p, setup.difficulty);
    playtest_.setup_ready = true;
}

void EditorApp::start_playtest_run() {
    playtest_.message.clear();
    if (!checks_current()) {
        playtest_.message = t("正在检查场景,请稍后再开始。", "The scenario is being checked: start again in a moment.");
        return;
    }
    if (!validation_.complete) {
        playtest_.message = t("场景有错误:先修正问题面板里的错误。", "The scenario has errors: fix those in the problems panel first.");
        return;
    }
    try {
        playtest_.run.emplace(start_playtest(shared_, doc_->snapshot(), playtest_.setup));
        playtest_.decisions.clear();
    } catch (const std::exception& e) {
        playtest_.message = e.what();
        playtest_.run.reset();
    }
}

void EditorApp::draw_playtest() {
    PlaytestView& pt = playtest_;
    PlaytestSetup& setup = pt.setup;
    const Scenario& s = doc_->scenario();
    const float half = (ImGui::GetContentRegionAvail().x - 8) * 0.5f;

    if (!pt.run) {
        ui::heading(t("试玩设置", "Playtest setup"));
        const Persona* shown = shared_->persona(setup.persona);
        ImGui::SetNextItemWidth(half);
        if (ImGui::BeginCombo(t("客户类型", "persona"), shown ? shown->name.in(lang_).c_str() : "-")) {
            for (const auto& id : s.personas) {
                const Persona* p = shared_->persona(id);
                if (ImGui::Selectable(p ? p->name.in(lang_).c_str() : id.c_str(), id == setup.persona)) {
                    setup.persona = id;
                    if (p) setup.state = starting_state(s, *p, setup.difficulty);
                }
            }
            ImGui::EndCombo();
        }
        int seed = static_cast<int>(setup.seed);
        ImGui::SetNextItemWidth(half);
        if (ImGui::InputInt(t("随机种子", "seed"), &seed)) setup.seed = static_cast<std::uint64_t>(std::max(0, seed));
        ImGui::SetNextItemWidth(half);
        if (ImGui::BeginCombo(t("难度", "difficulty"), name_of(setup.difficulty).in(lang_).c_str())) {
            for (const auto& e : all<Difficulty>())
                if (ImGui::Selectable(e.name.in(lang_).c_str(), e.value == setup.difficulty)) {
                    setup.difficulty = e.value;
                    if (const Persona* p = shared_->persona(setup.persona)) setup.state = starting_state(s, *p, e.value);
                }
            ImGui::EndCombo();
        }
        ImGui::SetNextItemWidth(half);
        const std::string from = setup.start_node.empty() ? s.start : setup.start_node;
        if (ImGui::BeginCombo(t("从节点开始", "start at node"), from.c_str(), ImGuiComboFlags_HeightLarge)) {
            for (const auto& n : s.nodes)
                if (ImGui::Selectable(n.id.c_str(), n.id == from)) setup.start_node = n.id;
            ImGui::EndCombo();
        }
        ImGui::SameLine();
        if (selected_ && ui::button(t("用所选节点", "Use selected"), ui::Button::Ghost))
            setup.start_node = s.nodes[*selected_].id;
        ui::mark_target("playtest.use_selected");

        ui::heading(t("开始时的客户状态", "Client state at the start"));
        ImGui::SetNextItemWidth(half);
        ImGui::SliderInt(t("信任", "trust"), &setup.state.trust, 0, 100);
        ImGui::SetNextItemWidth(half);
        ImGui::SliderInt(t("兴趣", "interest"), &setup.state.interest, 0, 100);
        ImGui::SetNextItemWidth(half);
        ImGui::SliderInt(t("耐心", "patience"), &setup.state.patience, 1, 30);
        ImGui::SetNextItemWidth(half);
        if (ImGui::BeginCombo(t("情绪", "emotion"), name_of(setup.state.emotion).in(lang_).c_str())) {
            for (const auto& e : all<Emotion>())
                if (ImGui::Selectable(e.name.in(lang_).c_str(), e.value == setup.state.emotion)) setup.state.emotion = e.value;
            ImGui::EndCombo();
        }
        ui::caption(t("标记", "Flags"));
        for (const auto& f : s.state.flags) {
            bool on = setup.state.flags.count(f) > 0;
            if (ImGui::Checkbox(f.c_str(), &on)) on ? (void)setup.state.flags.insert(f) : (void)setup.state.flags.erase(f);
            ImGui::SameLine();
        }
        ImGui::NewLine();
        ui::caption(t("已发现的需求", "Needs discovered"));
        for (const auto& n : s.state.needs) {
            bool on = setup.state.needs.count(n.id) > 0;
            if (ImGui::Checkbox(n.id.c_str(), &on)) on ? (void)setup.state.needs.insert(n.id) : (void)setup.state.needs.erase(n.id);
            ImGui::SameLine();
        }
        ImGui::NewLine();
        for (auto& [id, value] : setup.state.variables) {
            ImGui::SetNextItemWidth(half);
            ImGui::InputInt(id.c_str(), &value);
        }
        if (ui::button(t("开始试玩", "Start playtest"), ui::Button::Primary)) start_playtest_run();
        ui::mark_target("playtest.start");
        ImGui::SameLine();
        if (ui::button(t("重置状态", "Reset state"), ui::Button::Ghost)) reset_playtest_setup();
        if (!pt.last_decisions.empty()) {
            ImGui::SameLine();
            if (ui::button(t("编辑后重放上次试玩", "Replay my last playtest after this edit"))) {
                Replay r = replay_playtest(shared_, doc_->snapshot(), pt.last_setup, pt.last_decisions, pt.last_path);
                if (!r.error.empty()) {
                    pt.message = r.error;
                } else {
                    setup = pt.last_setup;
                    pt.run = std::move(r.session);
                    pt.decisions.assign(pt.last_decisions.begin(), pt.last_decisions.begin() + static_cast<long>(r.replayed));
                    pt.message = r.diverged_at
                                     ? std::string(t("在第 ", "Diverges at decision ")) + std::to_string(*r.diverged_at + 1) +
                                           t(" 步分岔:原来到 ", ": it went to ") + r.was + t(",现在到 ", ", now ") + r.now
                                     : std::string(t("与上次完全相同", "Same as last time"));
                }
            }
            ui::mark_target("playtest.replay");
        }
        if (!pt.message.empty()) fonts_.cover(pt.message), ui::text_wrapped(pt.message, ui::palette::warning);
        return;
    }

    // A run in progress (or finished).
    Session& run = *pt.run;
    const BeatView beat = run.beat();
    ui::caption(std::string(t("节点 ", "Node ")) + run.current_node().id + " · " + name_of(beat.stage).in(lang_));
    ui::begin_panel(ui::palette::bubble_client);
    fonts_.cover(beat.line.in(lang_));
    ui::text_wrapped(beat.line.in(lang_));
    if (!beat.cue.empty()) fonts_.cover(beat.cue.in(lang_)), ui::caption(beat.cue.in(lang_));
    ui::end_panel();

    const ClientState& st = run.state();
    const float w = ImGui::GetContentRegionAvail().x;
    ui::meter(t("信任", "Trust"), st.trust, ui::palette::primary, w);
    ui::meter(t("兴趣", "Interest"), st.interest, ui::palette::success, w);
    ui::meter(t("耐心", "Patience"), std::min(100, st.patience * 10), ui::palette::warning, w, std::to_string(st.patience));
    std::string chips = name_of(st.emotion).in(lang_);
    for (const auto& f : st.flags) chips += " · " + f;
    for (const auto& n : st.needs) chips += " · " + std::string(t("需求 ", "need ")) + n;
    fonts_.cover(chips);
    ui::caption(chips);
    std::map<std::string, int> evidence;
    for (const auto& d : run.decisions())
        for (const auto& e : d.evidence) evidence[e.competency] += e.value;
    std::string ev;
    for (const auto& [c, v] : evidence) ev += c + (v >= 0 ? " +" : " ") + std::to_string(v) + "  ";
    if (!ev.empty()) ui::caption(std::string(t("能力证据:", "Evidence: ")) + ev);

    auto decide = [&](const std::string& d) {
        if (auto refused = run.decide(d)) pt.message = refused->message;
        else pt.decisions.push_back(d), pt.message.clear();
    };
    if (!run.finished()) {
        ui::heading(t("你的选择", "Your options"));
        if (run.in_negotiation()) {
            const auto moves = candidate_decisions(run);
            for (std::size_t k = 0; k < moves.size() && k < 24; ++k) {
                ImGui::PushID(static_cast<int>(k));
                if (ui::button(moves[k].c_str(), ui::Button::Secondary, ImVec2(-1, 0))) decide(moves[k]);
                ui::mark_target("playtest.move." + std::to_string(k + 1));
                ImGui::PopID();
            }
        } else {
            for (const auto& o : run.options()) {
                const std::string text = std::to_string(o.number) + ". " + o.option->text.in(lang_);
                fonts_.cover(text);
                ImGui::PushID(static_cast<int>(o.number));
                if (ui::button(text.c_str(), ui::Button::Secondary, ImVec2(-1, 0))) decide(std::to_string(o.number));
                ui::mark_target("playtest.option." + std::to_string(o.number));
                ImGui::PopID();
            }
        }
    } else {
        const Debrief d = debrief(run);
        const std::string result = std::string(t("结局 ", "Ending ")) + run.current_node().id + " · " +
                                   name_of(run.current_node().outcome).in(lang_) + " · " + t("总分 ", "total ") +
                                   std::to_string(d.score.total);
        fonts_.cover(result);
        ui::heading(result, ui::palette::success);
        ui::mark_target("playtest.ending");
    }
    if (!run.decisions().empty()) {
        const auto& last = run.decisions().back();
        if (!last.feedback.empty()) fonts_.cover(last.feedback.in(lang_)), ui::caption(last.feedback.in(lang_));
    }
    if (!pt.message.empty()) fonts_.cover(pt.message), ui::text_wrapped(pt.message, ui::palette::warning);
    if (ui::button(t("结束试玩", "Stop playtest"))) {
        pt.last_decisions = pt.decisions;
        pt.last_path = run.path();
        pt.last_setup = setup;
        pt.run.reset();
        pt.message.clear();
    }
    ui::mark_target("playtest.stop");
}

}  // namespace parley::editor
