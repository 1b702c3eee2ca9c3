// The side panel: the inspector of the selected node and its options, the scenario's own fields
// (metadata, briefing, objectives, state, personas and competencies), and the playtest tab.
// Every field writes through a Document command, so each edit is undoable and the canvas, the
// problems and the analysis follow at once.
//
// Contents
//   1. Small widgets: text pairs (zh | en), pickers, id lists
//   2. Side panel and tabs
//   3. Node inspector
//   4. Option inspector (tags, next, effects, evidence, objection, close, violation, condition)
//   5. Scenario panel
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "editor_app.h"
#include "parley/catalogue.h"
#include "parley/loader.h"
#include "parley/ui/opaque_fill.h"
#include "parley/ui/theme.h"
#include "parley/ui/widgets.h"
#include "parley/writer.h"

namespace parley::editor {

// ============================================================================
// 1. Small widgets
// ============================================================================

namespace {

template <class E>
bool enum_combo(const char* id, E& value, Lang lang) {
    bool changed = false;
    if (ImGui::BeginCombo(id, name_of(value).in(lang).c_str())) {
        for (const auto& e : all<E>())
            if (ImGui::Selectable(e.name.in(lang).c_str(), e.value == value)) value = e.value, changed = true;
        ImGui::EndCombo();
    }
    return changed;
}

// Toggles membership of each of `choices` in `list` (declared flags, needs, objections …).
bool id_checks(const char* id, std::vector<std::string>& list, const std::vector<std::string>& choices) {
    bool changed = false;
    ImGui::PushID(id);
    for (const auto& c : choices) {
        bool on = std::find(list.begin(), list.end(), c) != list.end();
        if (ImGui::Checkbox(c.c_str(), &on)) {
            if (on) list.push_back(c);
            else list.erase(std::remove(list.begin(), list.end(), c), list.end());
            changed = true;
        }
        ImGui::SameLine();
    }
    if (choices.empty()) ImGui::TextDisabled("-");
    ImGui::NewLine();
    ImGui::PopID();
    return changed;
}

void label(const char* text) {
    ImGui::AlignTextToFramePadding();
    ui::caption(text);
}

}  // namespace

bool EditorApp::text_pair(const std::string& path, const Text& current, const char* title, bool multiline) {
    return text_fields(
        path, current, title, multiline, [&](Lang l, const std::string& v) { doc_->set_text(path, l, v); },
        [&] { doc_->end_merge(); });
}

bool EditorApp::text_fields(const std::string& path, const Text& current, const char* title, bool multiline,
                            const std::function<void(Lang, const std::string&)>& write,
                            const std::function<void()>& done) {
    const Text value = current;   // the model changes under us when a field is edited
    label(title);
    const float w = (ImGui::GetContentRegionAvail().x - 8.f) * 0.5f;
    bool changed = false;
    for (Lang l : {Lang::Zh, Lang::En}) {
        if (l == Lang::En) ImGui::SameLine();
        std::string buffer = value.in(l);
        const bool missing = buffer.empty();
        if (missing) ImGui::PushStyleColor(ImGuiCol_FrameBg, ui::palette::danger_soft);
        ImGui::PushID(path.c_str());
        ImGui::PushID(l == Lang::Zh ? "zh" : "en");
        const char* hint = l == Lang::Zh ? "中文(缺)" : "English (missing)";
        fonts_.cover(hint);
        bool edited = false;
        const std::string field = path + (l == Lang::Zh ? ".zh" : ".en");
        const bool wrapped_view = multiline && editing_text_ != field;
        if (wrapped_view) {
            // Dear ImGui 1.86 cannot wrap a multi-line field, and a paragraph of dialogue on one
            // line is unreadable: until it is clicked, the text is shown wrapped in a box that
            // looks like the field; a click opens the field there, with the keyboard.
            const ImGuiStyle& st = ImGui::GetStyle();
            const float wrap = w - 2.f * st.FramePadding.x;
            fonts_.cover(buffer);
            const ImVec2 text = ImGui::CalcTextSize(buffer.c_str(), nullptr, false, wrap);
            const float h = std::clamp(text.y + 2.f * st.FramePadding.y, 2.f * ImGui::GetTextLineHeight() + 10.f, 260.f);
            const ImVec2 a = ImGui::GetCursorScreenPos(), b(a.x + w, a.y + h);
            if (ImGui::InvisibleButton("##view", ImVec2(w, h))) editing_text_ = field, focus_text_ = 4;
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const ImU32 bg = missing ? ui::palette::danger_soft
                                     : ImGui::GetColorU32(ImGui::IsItemHovered() ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg);
            dl->AddRectFilled(a, b, bg, st.FrameRounding);
            dl->PushClipRect(a, b, true);
            dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(a.x + st.FramePadding.x, a.y + st.FramePadding.y),
                        ImGui::GetColorU32(ImGuiCol_Text), buffer.c_str(), nullptr, wrap);
            dl->PopClipRect();
        } else if (multiline) {
            const float h = std::min(160.f, 10.f + ImGui::GetTextLineHeight() *
                                                      std::max(3.f, 1.f + std::count(buffer.begin(), buffer.end(), '\n') +
                                                                        static_cast<float>(buffer.size()) / 60.f));
            if (focus_text_ > 0) ImGui::SetKeyboardFocusHere(), --focus_text_;
            edited = ImGui::InputTextMultiline("##t", &buffer, ImVec2(w, h));
            if (ImGui::IsItemActive()) focus_text_ = 0;
        } else {
            ImGui::SetNextItemWidth(w);
            edited = ImGui::InputTextWithHint("##t", hint, &buffer);
        }
        ui::mark_target("text." + field);
        // A one-line field shows its whole text wrapped on hover.
        if (!multiline && ImGui::IsItemHovered() && !ImGui::IsItemActive() && !buffer.empty()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.f);
            ImGui::TextUnformatted(buffer.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        if (missing && !ImGui::IsItemActive()) {
            const ImVec2 a = ImGui::GetItemRectMin();
            ImGui::GetWindowDrawList()->AddText(ImVec2(a.x + 6, a.y + 4), ui::palette::danger, hint);
        }
        if (ImGui::IsItemDeactivated()) done();
        // Left (or never reached after its click): back to the wrapped view.
        if (multiline && !wrapped_view && !ImGui::IsItemActive() && focus_text_ == 0) editing_text_.clear();
        ImGui::PopID();
        ImGui::PopID();
        if (missing) ImGui::PopStyleColor();
        if (edited) {
            fonts_.cover(buffer);
            write(l, buffer);
            changed = true;
        }
    }
    return changed;
}

namespace {

// A node id from the scenario (or none).
bool node_picker(const char* id, std::string& value, const Scenario& s) {
    bool changed = false;
    const bool dangling = !value.empty() && !s.node_index.count(value);
    if (dangling || value.empty()) ImGui::PushStyleColor(ImGuiCol_FrameBg, ui::palette::danger_soft);
    if (ImGui::BeginCombo(id, value.empty() ? "-" : value.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (const auto& n : s.nodes)
            if (ImGui::Selectable(n.id.c_str(), n.id == value)) value = n.id, changed = true;
        ImGui::EndCombo();
    }
    if (dangling || value.empty()) ImGui::PopStyleColor();
    return changed;
}

std::vector<std::string> ids_of(const std::vector<NeedDecl>& v) {
    std::vector<std::string> out;
    for (const auto& x : v) out.push_back(x.id);
    return out;
}
std::vector<std::string> ids_of(const std::vector<ObjectionDecl>& v) {
    std::vector<std::string> out;
    for (const auto& x : v) out.push_back(x.id);
    return out;
}

}  // namespace

// ============================================================================
// 2. Side panel and tabs
// ============================================================================

void EditorApp::draw_side_panel(ImVec2 size) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));   // filled by a clear below
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 8));
    ImGui::BeginChild("##side", size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ui::fill_window_background(ui::palette::surface);
    auto tab = [&](Panel p, const char* text, const char* target) {
        if (ui::button(text, panel_ == p ? ui::Button::Selected : ui::Button::Ghost)) panel_ = p;
        ui::mark_target(target);
        ImGui::SameLine();
    };
    tab(Panel::Inspector, t("检查器", "Inspector"), "tab.inspector");
    tab(Panel::Scenario, t("场景", "Scenario"), "tab.scenario");
    tab(Panel::Playtest, t("试玩", "Playtest"), "tab.playtest");
    tab(Panel::Persona, t("客户类型", "Persona"), "tab.persona");
    ImGui::NewLine();
    ui::separator();
    ImGui::BeginChild("##side_body", ImVec2(0, 0), false);
    switch (panel_) {
        case Panel::Inspector: draw_inspector(); break;
        case Panel::Scenario: draw_scenario_panel(); break;
        case Panel::Playtest: draw_playtest(); break;
        case Panel::Persona: draw_persona_panel(); break;
    }
    ImGui::EndChild();
    ImGui::EndChild();
}

// ============================================================================
// 3. Node inspector
// ============================================================================

void EditorApp::draw_inspector() {
    if (!selected_ || *selected_ >= doc_->scenario().nodes.size()) {
        ui::text_wrapped(t("在画布上选择一个节点。拖动节点移动,从选项的圆点拖到节点以连接;滚轮缩放,拖动背景平移。",
                           "Select a node on the canvas. Drag a node to move it; drag from an option's dot to a node to "
                           "connect them; the wheel zooms, dragging the background pans."),
                         ui::palette::ink_muted);
        return;
    }
    const std::size_t i = *selected_;
    const Scenario& s = doc_->scenario();
    const Node node = s.nodes[i];   // a copy: edits replace the model's node
    const std::string key = "nodes/" + node.id;

    // Id: renaming updates every reference (Enter to apply).
    if (rename_for_ != i) rename_buffer_ = node.id, rename_for_ = i;
    label(t("节点 id", "Node id"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(200);
    if (ImGui::InputText("##id", &rename_buffer_, ImGuiInputTextFlags_EnterReturnsTrue) && rename_buffer_ != node.id) {
        if (!doc_->rename_node(i, rename_buffer_)) notify(t("这个 id 已被使用或为空", "That id is empty or already used"));
        rename_for_.reset();
    }
    ui::mark_target("inspector.id");
    ImGui::SameLine();
    if (ui::button(t("复制", "Duplicate"))) {
        if (auto copy = doc_->duplicate_node(i)) select(*copy);
    }
    ImGui::SameLine();
    if (ui::button(t("删除", "Delete"), ui::Button::Danger)) request_delete(i);
    ui::mark_target("inspector.delete");

    const float half = (ImGui::GetContentRegionAvail().x - 8) * 0.5f;
    label(t("类型 / 阶段", "Kind / stage"));
    ImGui::SetNextItemWidth(half);
    int kind = static_cast<int>(node.kind);
    const char* kinds[] = {t("对话", "Dialogue"), t("谈判", "Negotiation"), t("结局", "Ending")};
    if (ImGui::Combo("##kind", &kind, kinds, 3))
        doc_->edit_node(i, "Kind", "", [&](Node& n) {
            n.kind = static_cast<NodeKind>(kind);
            if (n.kind == NodeKind::Ending) n.stage = Stage::Ending;
            if (n.kind == NodeKind::Negotiation) {
                n.stage = Stage::Negotiation;
                if (!n.negotiation) n.negotiation = std::make_shared<const Negotiation>();
            }
        });
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    Stage stage = node.stage;
    if (enum_combo("##stage", stage, lang_)) doc_->edit_node(i, "Stage", "", [&](Node& n) { n.stage = stage; });

    label(t("情绪(到达时)", "Emotion on arrival"));
    ImGui::SetNextItemWidth(half);
    if (ImGui::BeginCombo("##emotion", node.emotion ? name_of(*node.emotion).in(lang_).c_str() : "-")) {
        if (ImGui::Selectable("-", !node.emotion)) doc_->edit_node(i, "Emotion", "", [](Node& n) { n.emotion.reset(); });
        for (const auto& e : all<Emotion>())
            if (ImGui::Selectable(e.name.in(lang_).c_str(), node.emotion == e.value))
                doc_->edit_node(i, "Emotion", "", [&](Node& n) { n.emotion = e.value; });
        ImGui::EndCombo();
    }
    text_pair(key + "/line", node.line, t("客户的话", "What the client says"));
    bool has_cue = node.cue.has_value();
    if (ImGui::Checkbox(t("指定肢体语言提示", "Own body-language cue"), &has_cue))
        doc_->edit_node(i, "Cue", "", [&](Node& n) {
            if (has_cue) n.cue = Text{"", ""};
            else n.cue.reset();
        });
    if (node.cue) text_pair(key + "/cue", *node.cue, t("提示", "Cue"), false);

    // The line per persona: a variant for each playable persona, or the common line.
    if (ImGui::CollapsingHeader(t("按客户类型的台词", "Line per persona"))) {
        for (const auto& pid : s.personas) {
            const Persona* p = shared_->persona(pid);
            const std::string name = p ? p->name.in(lang_) : pid;
            auto it = node.line_by_persona.find(pid);
            ImGui::PushID(pid.c_str());
            if (it == node.line_by_persona.end()) {
                if (ui::button((std::string("+ ") + name).c_str(), ui::Button::Ghost))
                    doc_->edit_node(i, "Line for " + pid, "", [&](Node& n) { n.line_by_persona[pid] = n.line; });
            } else {
                text_pair(key + "/line_by_persona/" + pid, it->second, name.c_str());
                if (ui::button(t("移除", "Remove"), ui::Button::Ghost))
                    doc_->edit_node(i, "Remove line for " + pid, "", [&](Node& n) { n.line_by_persona.erase(pid); });
            }
            ImGui::PopID();
        }
    }

    if (node.kind == NodeKind::Ending) {
        ui::heading(t("结局", "Ending"));
        ImGui::SetNextItemWidth(half);
        OutcomeType outcome = node.outcome;
        if (enum_combo("##outcome", outcome, lang_)) doc_->edit_node(i, "Outcome", "", [&](Node& n) { n.outcome = outcome; });
        ImGui::SameLine();
        ImGui::SetNextItemWidth(half);
        int score = node.outcome_score;
        if (ImGui::SliderInt("##score", &score, 0, 100, t("结果分 %d", "score %d")))
            doc_->edit_node(i, "Outcome score", "score:" + node.id, [&](Node& n) { n.outcome_score = score; });
        if (ImGui::IsItemDeactivated()) doc_->end_merge();
        text_pair(key + "/summary", node.summary, t("复盘总结", "Debrief summary"));
    }

    if (node.kind == NodeKind::Negotiation && node.negotiation) {
        const Negotiation& neg = *node.negotiation;
        ui::heading(t("谈判", "Negotiation"));
        auto edit_neg = [&](const char* what, const std::function<void(Negotiation&)>& f) {
            doc_->edit_node(i, what, "", [&](Node& n) {
                auto copy = std::make_shared<Negotiation>(*n.negotiation);
                f(*copy);
                n.negotiation = std::move(copy);
            });
        };
        text_pair(key + "/negotiation/briefing", neg.briefing, t("谈判前的说明", "Briefing"));
        draw_issues_table(i);
        for (const auto& is : neg.issues)
            text_pair(key + "/negotiation/issues/" + is.id + "/label", is.label, (is.id + " · " + t("名称", "label")).c_str(), false);
        std::vector<std::string> issue_ids;
        for (const auto& is : neg.issues) issue_ids.push_back(is.id);
        label(t("可让步(退让表)", "May concede (退让表)"));
        std::vector<std::string> concede = neg.should_concede;
        if (id_checks("concede", concede, issue_ids)) edit_neg("May concede", [&](Negotiation& n) { n.should_concede = concede; });
        label(t("必须坚持(坚持表)", "Must hold (坚持表)"));
        std::vector<std::string> hold = neg.must_hold;
        if (id_checks("hold", hold, issue_ids)) edit_neg("Must hold", [&](Negotiation& n) { n.must_hold = hold; });
        int rounds = neg.max_rounds, concessions = neg.max_concessions;
        ImGui::SetNextItemWidth(half);
        if (ImGui::InputInt(t("最多轮数", "max rounds"), &rounds)) edit_neg("Max rounds", [&](Negotiation& n) { n.max_rounds = std::max(1, rounds); });
        ImGui::SetNextItemWidth(half);
        if (ImGui::InputInt(t("最多让步", "max concessions"), &concessions))
            edit_neg("Max concessions", [&](Negotiation& n) { n.max_concessions = std::max(0, concessions); });
        for (auto [field, name] : {std::pair{&Negotiation::on_deal, t("成交后", "on deal")},
                                   std::pair{&Negotiation::on_no_deal, t("未成交", "on no deal")},
                                   std::pair{&Negotiation::on_client_quit, t("客户离开", "client quits")}}) {
            std::string v = neg.*field;
            ImGui::SetNextItemWidth(half);
            if (node_picker(name, v, s)) edit_neg(name, [&](Negotiation& n) { n.*field = v; });
        }
        const Persona* p = shared_->persona(analysis_persona_);
        if (p)
            ui::caption(std::string(t("客户(", "Client (")) + p->name.in(lang_) + "): beta " +
                        std::to_string(p->concession.beta_percent) + "%, " + t("耐心 ", "patience ") +
                        std::to_string(p->concession.patience_rounds));
    }

    if (node.kind == NodeKind::Dialogue) {
        ui::heading(t("选项", "Options"));
        ImGui::SameLine();
        if (ui::button(t("+ 添加选项", "+ Add option"), ui::Button::Ghost)) selected_option_ = doc_->add_option(i);
        ui::mark_target("inspector.add_option");
        for (std::size_t k = 0; k < node.options.size(); ++k) draw_option(i, k);
    }
}

// ============================================================================
// 4. Option inspector
// ============================================================================

void EditorApp::draw_option(std::size_t i, std::size_t k) {
    const Scenario& s = doc_->scenario();
    const Node& node_ref = s.nodes[i];
    if (k >= node_ref.options.size()) return;
    const Option o = node_ref.options[k];
    const std::string node_id = node_ref.id;
    const std::string key = "nodes/" + node_id + "/options/" + (o.id.empty() ? "#" + std::to_string(k) : o.id);
    const float half = (ImGui::GetContentRegionAvail().x - 8) * 0.5f;
    ImGui::PushID(static_cast<int>(k));
    const std::string header = std::to_string(k + 1) + ". " + o.id + "  " + o.text.in(lang_) + "###opt";
    if (selected_option_ == k) ImGui::SetNextItemOpen(true, ImGuiCond_Always);
    const bool open = ImGui::CollapsingHeader(header.c_str());
    ui::mark_target("inspector.option." + std::to_string(k));
    if (ImGui::IsItemClicked()) selected_option_ = open ? std::optional<std::size_t>(k) : std::nullopt;
    if (!open) {
        ImGui::PopID();
        return;
    }
    auto edit = [&](const char* what, const std::function<void(Option&)>& f, const std::string& merge = "") {
        doc_->edit_node(i, what, merge, [&](Node& n) { f(n.options[k]); });
    };
    label(t("选项 id", "Option id"));
    ImGui::SameLine();
    std::string id = o.id;
    ImGui::SetNextItemWidth(160);
    if (ImGui::InputText("##oid", &id, ImGuiInputTextFlags_EnterReturnsTrue)) {
        const bool taken = std::any_of(node_ref.options.begin(), node_ref.options.end(), [&](const Option& x) { return x.id == id; });
        if (!id.empty() && !taken) edit("Option id", [&](Option& x) { x.id = id; });
    }
    ImGui::SameLine();
    if (ui::button(t("删除选项", "Delete option"), ui::Button::Danger)) {
        doc_->delete_option(i, k);
        selected_option_.reset();
        ImGui::PopID();
        return;
    }
    text_pair(key + "/text", o.text, t("学员说", "What the trainee says"));

    label(t("下一节点", "Next node"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    std::string next = o.consequence.next;
    if (node_picker("##next", next, s)) doc_->connect(i, k, next);
    ui::mark_target("inspector.next." + std::to_string(k));
    ImGui::SameLine();
    if (ui::button("→", ui::Button::Ghost)) {
        auto it = s.node_index.find(o.consequence.next);
        if (it != s.node_index.end()) {
            select(it->second, std::nullopt, true);
            ImGui::PopID();
            return;
        }
    }

    // Technique tags.
    label(t("技巧标签", "Technique tags"));
    std::string tags;
    for (Tag tg : o.tags) tags += (tags.empty() ? "" : ", ") + name_of(tg).in(lang_);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##tags", tags.empty() ? "-" : tags.c_str(), ImGuiComboFlags_HeightLarge)) {
        for (const auto& e : all<Tag>()) {
            bool on = std::find(o.tags.begin(), o.tags.end(), e.value) != o.tags.end();
            if (ImGui::Checkbox(e.name.in(lang_).c_str(), &on))
                edit("Tags", [&](Option& x) {
                    if (on) x.tags.push_back(e.value);
                    else x.tags.erase(std::remove(x.tags.begin(), x.tags.end(), e.value), x.tags.end());
                });
        }
        ImGui::EndCombo();
    }

    // Effects, from pickers over the declared state.
    const bool effects_open = ImGui::TreeNode(t("效果", "Effects"));
    ui::mark_target("inspector.effects." + std::to_string(k));
    if (effects_open) {
        Effects fx = o.consequence.effects;
        const float third = (ImGui::GetContentRegionAvail().x - 16) / 3.f;
        bool changed = false;
        ImGui::SetNextItemWidth(third);
        changed |= ImGui::DragInt(t("信任", "trust"), &fx.trust, 0.2f, -50, 50);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(third * 0.6f);
        changed |= ImGui::DragInt(t("兴趣", "interest"), &fx.interest, 0.2f, -50, 50);
        ImGui::SetNextItemWidth(third);
        changed |= ImGui::DragInt(t("耐心", "patience"), &fx.patience, 0.1f, -10, 10);
        if (changed) edit("Effects", [&](Option& x) { x.consequence.effects = fx; }, "fx:" + key);
        if (ImGui::IsItemDeactivated()) doc_->end_merge();
        label(t("设置标记", "Set flags"));
        if (id_checks("set", fx.set_flags, s.state.flags)) edit("Set flags", [&](Option& x) { x.consequence.effects.set_flags = fx.set_flags; });
        label(t("清除标记", "Clear flags"));
        if (id_checks("clear", fx.clear_flags, s.state.flags)) edit("Clear flags", [&](Option& x) { x.consequence.effects.clear_flags = fx.clear_flags; });
        label(t("发现需求", "Discover needs"));
        if (id_checks("needs", fx.discover_needs, ids_of(s.state.needs)))
            edit("Needs", [&](Option& x) { x.consequence.effects.discover_needs = fx.discover_needs; });
        label(t("引发异议", "Raise objections"));
        if (id_checks("raise", fx.raise_objections, ids_of(s.state.objections)))
            edit("Raise", [&](Option& x) { x.consequence.effects.raise_objections = fx.raise_objections; });
        label(t("化解异议", "Resolve objections"));
        if (id_checks("resolve", fx.resolve_objections, ids_of(s.state.objections)))
            edit("Resolve", [&](Option& x) { x.consequence.effects.resolve_objections = fx.resolve_objections; });
        ImGui::TreePop();
    }

    // Evidence per competency (−3 … +3) and the coach's feedback.
    const bool evidence_open = ImGui::TreeNode(t("能力证据与反馈", "Evidence and feedback"));
    ui::mark_target("inspector.evidence." + std::to_string(k));
    if (evidence_open) {
        for (const auto& c : shared_->model.competencies) {
            int value = 0;
            for (const auto& e : o.consequence.evidence)
                if (e.competency == c.id) value = e.value;
            ImGui::SetNextItemWidth(half);
            const std::string name = c.id + " " + c.name.in(lang_);
            if (ImGui::SliderInt(name.c_str(), &value, -3, 3))
                edit("Evidence", [&](Option& x) {
                    auto& ev = x.consequence.evidence;
                    ev.erase(std::remove_if(ev.begin(), ev.end(), [&](const Evidence& e) { return e.competency == c.id; }), ev.end());
                    if (value != 0) ev.push_back({c.id, value});
                }, "ev:" + key + c.id);
            if (ImGui::IsItemDeactivated()) doc_->end_merge();
        }
        text_pair(key + "/feedback", o.consequence.feedback, t("教练反馈(引用原则)", "Coach feedback (cite the principle)"));
        ImGui::TreePop();
    }

    // Objection answered, close, violation.
    const bool more_open = ImGui::TreeNode(t("异议、促成、违规", "Objection, close, violation"));
    ui::mark_target("inspector.more." + std::to_string(k));
    if (more_open) {
        bool answers = o.objection.has_value();
        if (ImGui::Checkbox(t("回应异议", "Answers an objection"), &answers))
            edit("Objection", [&](Option& x) {
                if (answers) x.objection = ObjectionAnswer{s.state.objections.empty() ? "" : s.state.objections.front().id};
                else x.objection.reset();
            });
        if (o.objection) {
            ImGui::SetNextItemWidth(half);
            if (ImGui::BeginCombo("##objection", o.objection->objection.c_str())) {
                for (const auto& ob : s.state.objections)
                    if (ImGui::Selectable((ob.id + "  " + ob.label.in(lang_)).c_str(), ob.id == o.objection->objection))
                        edit("Objection", [&](Option& x) { x.objection->objection = ob.id; });
                ImGui::EndCombo();
            }
            ImGui::SameLine();
            ImGui::SetNextItemWidth(half);
            ObjectionMethod m = o.objection->method;
            if (enum_combo("##method", m, lang_)) edit("Method", [&](Option& x) { x.objection->method = m; });
        }
        bool closes = o.close.has_value();
        if (ImGui::Checkbox(t("促成(成交策略)", "A close"), &closes))
            edit("Close", [&](Option& x) {
                if (closes) x.close = Close{};
                else x.close.reset();
            });
        if (o.close) {
            ImGui::SetNextItemWidth(half);
            CloseStrategy cs = o.close->strategy;
            if (enum_combo("##strategy", cs, lang_)) edit("Close strategy", [&](Option& x) { x.close->strategy = cs; });
            label(t("时机恰当的条件(购买信号)", "Timely when (buying signals)"));
            condition_picker("##timely", o.close->timely_when,
                             [&](const Condition& c) { edit("Close timing", [&](Option& x) { x.close->timely_when = c; }); });
            raw_json_field("timely:" + key, "timely_if", i, k, {"close", "timely_if"},
                           [](Option& x, const Option& parsed) {
                               if (x.close && parsed.close) x.close->timely_when = parsed.close->timely_when;
                           },
                           "e.g. {\"all\": [{\"flag\": \"buying_signal\"}, {\"objection\": \"rate_gap\", \"is\": \"resolved\"}]}");
            text_pair(key + "/close/premature/feedback", o.close->premature.feedback, t("过早促成的反馈", "Feedback when premature"));
        }
        bool violates = o.violation.has_value();
        if (ImGui::Checkbox(t("合规红线", "Compliance red line"), &violates))
            edit("Violation", [&](Option& x) {
                if (violates) x.violation = Violation{};
                else x.violation.reset();
            });
        if (o.violation) {
            ImGui::SetNextItemWidth(half);
            RedLine rl = o.violation->red_line;
            if (enum_combo("##redline", rl, lang_)) edit("Red line", [&](Option& x) { x.violation->red_line = rl; });
            ImGui::SameLine();
            bool critical = o.violation->critical;
            if (ImGui::Checkbox(t("严重", "critical"), &critical)) edit("Critical", [&](Option& x) { x.violation->critical = critical; });
            text_pair(key + "/violation/explanation", o.violation->explanation, t("说明", "Explanation"));
        }
        ImGui::TreePop();
    }

    // Sources (seed sections this option teaches) and duties it discharges.
    const bool teach_open = ImGui::TreeNode(t("出处与职责", "Sources and duties"));
    ui::mark_target("inspector.sources." + std::to_string(k));
    if (teach_open) {
        label(t("出处(种子章节)", "Sources (seed sections)"));
        std::vector<std::string> sources = o.sources;
        std::vector<std::string> offered = s.sources;   // the scenario's own sections first
        for (const auto& src : o.sources)
            if (std::find(offered.begin(), offered.end(), src) == offered.end()) offered.push_back(src);
        if (id_checks("sources", sources, offered)) edit("Sources", [&](Option& x) { x.sources = sources; });
        std::string& fresh = rename_declared_["source:" + key];
        ImGui::SetNextItemWidth(half);
        if (ImGui::InputTextWithHint("##newsource", t("新出处,如 004 第41招", "new source, e.g. 004 第41招"), &fresh,
                                     ImGuiInputTextFlags_EnterReturnsTrue) && !fresh.empty()) {
            fonts_.cover(fresh);
            const std::string add = fresh;
            if (std::find(o.sources.begin(), o.sources.end(), add) == o.sources.end())
                edit("Add source", [&](Option& x) { x.sources.push_back(add); });
            fresh.clear();
        }
        label(t("履行的职责", "Duties it fulfils"));
        for (const auto& e : all<Duty>()) {
            bool on = std::find(o.fulfils.begin(), o.fulfils.end(), e.value) != o.fulfils.end();
            if (ImGui::Checkbox((e.name.in(lang_) + "##fulfils").c_str(), &on))
                edit("Fulfils", [&](Option& x) {
                    if (on) x.fulfils.push_back(e.value);
                    else x.fulfils.erase(std::remove(x.fulfils.begin(), x.fulfils.end(), e.value), x.fulfils.end());
                });
        }
        ImGui::TreePop();
    }

    // The condition and the effects as JSON, checked as they are typed (the loader's own rules
    // and messages), for what the pickers do not offer.
    const bool when_open = ImGui::TreeNode(t("显示条件 (JSON)", "Shown when (JSON)"));
    ui::mark_target("inspector.when." + std::to_string(k));
    if (when_open) {
        condition_picker("##when_pick", o.when, [&](const Condition& c) { edit("Condition", [&](Option& x) { x.when = c; }); });
        raw_json_field("when:" + key, "if", i, k, {"if"}, [](Option& x, const Option& parsed) { x.when = parsed.when; },
                       "e.g. {\"flag\": \"agenda_set\"}, {\"var\": \"trust\", \"op\": \">=\", \"value\": 50}");
        ImGui::TreePop();
    }
    const bool fx_open = ImGui::TreeNode(t("效果 (JSON)", "Effects (JSON)"));
    ui::mark_target("inspector.effects_json." + std::to_string(k));
    if (fx_open) {
        raw_json_field("fx:" + key, "effects", i, k, {"effects"},
                       [](Option& x, const Option& parsed) { x.consequence.effects = parsed.consequence.effects; },
                       "e.g. {\"trust\": 3, \"set_flags\": [\"agenda_set\"], \"add\": {\"probes\": 1}}");
        if (o.close)
            raw_json_field("fxp:" + key, "premature effects", i, k, {"close", "premature", "effects"},
                           [](Option& x, const Option& parsed) {
                               if (x.close && parsed.close) x.close->premature.effects = parsed.close->premature.effects;
                           },
                           "premature: {\"trust\": -3}");
        ImGui::TreePop();
    }
    ImGui::PopID();
}

// ============================================================================
// 4b. Raw JSON fields and the condition picker
// ============================================================================

void EditorApp::raw_json_field(const std::string& key, const char* title, std::size_t i, std::size_t k,
                               const std::vector<std::string>& field,
                               const std::function<void(Option&, const Option&)>& take, const char* example) {
    auto locate = [&](nlohmann::ordered_json& opt, bool create) -> nlohmann::ordered_json* {
        nlohmann::ordered_json* at = &opt;
        for (const auto& f : field) {
            if (!at->is_object() || (!create && !at->contains(f))) return nullptr;
            at = &(*at)[f];
        }
        return at;
    };
    if (!raw_when_.count(key)) {
        auto j = to_json(*doc_->snapshot());
        const nlohmann::ordered_json* v = locate(j["nodes"][i]["options"][k], false);
        raw_when_[key] = v ? v->dump(2) : "";
    }
    std::string& raw = raw_when_[key];
    const bool bad = raw_error_.count(key) > 0;
    if (bad) ImGui::PushStyleColor(ImGuiCol_FrameBg, ui::palette::danger_soft);
    ImGui::PushID(key.c_str());
    const bool typed = ImGui::InputTextMultiline("##raw", &raw, ImVec2(-1, 90));
    ui::mark_target("raw." + std::string(title) + "." + std::to_string(k));
    if (typed) {
        raw_error_.erase(key);
        nlohmann::ordered_json value;
        bool parsed = true;
        if (!raw.empty()) {
            try {
                value = nlohmann::ordered_json::parse(raw);
            } catch (const nlohmann::json::parse_error& e) {
                // "… at line 2, column 5: …": the position is in what was typed.
                raw_error_[key] = e.what();
                parsed = false;
            }
        }
        if (parsed) {
            auto j = to_json(*doc_->snapshot());
            auto& opt = j["nodes"][i]["options"][k];
            if (raw.empty()) {
                nlohmann::ordered_json* parent = &opt;
                for (std::size_t f = 0; f + 1 < field.size() && parent; ++f)
                    parent = parent->contains(field[f]) ? &(*parent)[field[f]] : nullptr;
                if (parent && parent->is_object()) parent->erase(field.back());
            } else if (nlohmann::ordered_json* at = locate(opt, true)) {
                *at = value;
            }
            Diagnostics diags;
            const auto draft = parse_scenario_draft(j.dump(2), "inspector", shared_->model, shared_->personas, diags);
            std::string where = "/nodes/" + std::to_string(i) + "/options/" + std::to_string(k);
            for (const auto& f : field) where += "/" + f;
            for (const auto& d : diags.items)
                if (d.severity == Severity::Error && d.pointer.rfind(where, 0) == 0 && !raw_error_.count(key)) {
                    // Located inside the field: "/set_flags/1: undeclared flag 'x'".
                    const std::string inside = d.pointer.substr(where.size());
                    raw_error_[key] = (inside.empty() ? std::string() : inside + ": ") + d.message;
                }
            if (!raw_error_.count(key) && draft.scenario && i < draft.scenario->nodes.size() &&
                k < draft.scenario->nodes[i].options.size()) {
                const Option got = draft.scenario->nodes[i].options[k];
                doc_->edit_node(i, title, "raw:" + key, [&](Node& n) { take(n.options[k], got); });
            }
        }
    }
    if (ImGui::IsItemDeactivated()) doc_->end_merge(), raw_when_.erase(key);
    ImGui::PopID();
    if (bad) ImGui::PopStyleColor();
    if (raw_error_.count(key)) {
        fonts_.cover(raw_error_[key]);
        ui::text_wrapped(raw_error_[key], ui::palette::danger);
        ui::mark_target("raw_error." + std::string(title) + "." + std::to_string(k));
    } else {
        ui::caption(example);
    }
}

namespace {

const char* op_text(CmpOp op) {
    switch (op) {
        case CmpOp::Lt: return "<";
        case CmpOp::Le: return "<=";
        case CmpOp::Eq: return "==";
        case CmpOp::Ne: return "!=";
        case CmpOp::Ge: return ">=";
        case CmpOp::Gt: return ">";
    }
    return "?";
}

std::string summary_of(const Condition& c, Lang lang) {
    using K = Condition::Kind;
    auto join = [&](const char* sep) {
        std::string out;
        for (const auto& ch : c.children) out += (out.empty() ? "" : sep) + summary_of(ch, lang);
        return "(" + out + ")";
    };
    switch (c.kind) {
        case K::True: return "-";
        case K::All: return join(" & ");
        case K::Any: return join(" | ");
        case K::Not: return "not " + (c.children.empty() ? std::string("?") : summary_of(c.children[0], lang));
        case K::Compare: return c.subject + " " + op_text(c.op) + " " + std::to_string(c.value);
        case K::Flag: return "flag " + c.subject;
        case K::Need: return "need " + c.subject;
        case K::Objection:
            return "objection " + c.subject + " " +
                   (c.objection_is == Condition::ObjectionIs::Raised ? "raised" : c.objection_is == Condition::ObjectionIs::Open ? "open" : "resolved");
        case K::Emotion: {
            std::string out = "emotion";
            for (auto e : c.emotions) out += " " + name_of(e).in(lang);
            return out;
        }
        case K::Persona: {
            std::string out = "persona";
            for (const auto& p : c.personas) out += " " + p;
            return out;
        }
        case K::Difficulty: return "difficulty";
    }
    return "?";
}

}  // namespace

// The condition as a list of tests that must all hold, each added from a picker over the
// declared state (the raw JSON below it takes any other shape).
void EditorApp::condition_picker(const char* id, const Condition& current, const std::function<void(const Condition&)>& set) {
    using K = Condition::Kind;
    const Scenario& s = doc_->scenario();
    ImGui::PushID(id);
    std::vector<Condition> tests;
    if (current.kind == K::All) tests = current.children;
    else if (current.kind != K::True) tests = {current};
    auto put = [&](std::vector<Condition> list) {
        Condition c;
        if (list.size() == 1) c = list[0];
        else if (!list.empty()) c.kind = K::All, c.children = std::move(list);
        set(c);
    };
    for (std::size_t q = 0; q < tests.size(); ++q) {
        ImGui::PushID(static_cast<int>(q));
        const std::string line = summary_of(tests[q], lang_);
        fonts_.cover(line);
        ui::chip(line, ui::palette::primary_soft, ui::palette::primary);
        ImGui::SameLine();
        if (ImGui::SmallButton("x")) {
            auto list = tests;
            list.erase(list.begin() + static_cast<long>(q));
            put(list);
        }
        ImGui::PopID();
    }
    if (tests.empty()) ui::caption(t("总是(无条件)", "always (no condition)"));
    if (ImGui::BeginCombo("##add", t("+ 条件", "+ Condition"), ImGuiComboFlags_HeightLarge)) {
        auto add = [&](Condition c) {
            auto list = tests;
            list.push_back(std::move(c));
            put(list);
        };
        for (const auto& f : s.state.flags) {
            Condition c;
            c.kind = K::Flag, c.subject = f;
            if (ImGui::Selectable(("flag " + f).c_str())) add(c);
        }
        for (const auto& n : s.state.needs) {
            Condition c;
            c.kind = K::Need, c.subject = n.id;
            if (ImGui::Selectable(("need " + n.id).c_str())) add(c);
        }
        for (const auto& o : s.state.objections)
            for (auto is : {Condition::ObjectionIs::Raised, Condition::ObjectionIs::Open, Condition::ObjectionIs::Resolved}) {
                Condition c;
                c.kind = K::Objection, c.subject = o.id, c.objection_is = is;
                if (ImGui::Selectable(summary_of(c, lang_).c_str())) add(c);
            }
        std::vector<std::string> meters = {"trust", "interest", "patience"};
        for (const auto& v : s.state.variables) meters.push_back(v.id);
        for (const auto& m : meters) {
            Condition c;
            c.kind = K::Compare, c.subject = m, c.op = CmpOp::Ge, c.value = m == "patience" ? 3 : 50;
            if (m != "trust" && m != "interest" && m != "patience") c.value = 1;
            if (ImGui::Selectable((m + " >= …").c_str())) add(c);
        }
        for (const auto& pid : s.personas) {
            Condition c;
            c.kind = K::Persona, c.personas = {pid};
            if (ImGui::Selectable(("persona " + pid).c_str())) add(c);
        }
        ImGui::EndCombo();
    }
    // The numbers of comparisons, edited in place.
    for (std::size_t q = 0; q < tests.size(); ++q) {
        if (tests[q].kind != K::Compare) continue;
        ImGui::PushID(static_cast<int>(q) + 1000);
        int op = static_cast<int>(tests[q].op), value = tests[q].value;
        const char* ops[] = {"<", "<=", "==", "!=", ">=", ">"};
        ImGui::SetNextItemWidth(60);
        const bool op_changed = ImGui::Combo(tests[q].subject.c_str(), &op, ops, 6);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(90);
        const bool value_changed = ImGui::InputInt("##v", &value);
        if (op_changed || value_changed) {
            auto list = tests;
            list[q].op = static_cast<CmpOp>(op);
            list[q].value = value;
            put(list);
        }
        ImGui::PopID();
    }
    ImGui::PopID();
}

// ============================================================================
// 4c. Negotiation issues table
// ============================================================================

namespace {

// "3.45" with 2 decimals → 345; nothing when it is not a number with at most `decimals` places
// (the format keeps negotiation values exact).
std::optional<std::int64_t> parse_units(const std::string& text, int decimals) {
    std::size_t k = 0;
    bool negative = false;
    while (k < text.size() && text[k] == ' ') ++k;
    if (k < text.size() && (text[k] == '-' || text[k] == '+')) negative = text[k] == '-', ++k;
    std::int64_t whole = 0, frac = 0;
    int digits = 0, places = 0;
    for (; k < text.size() && std::isdigit(static_cast<unsigned char>(text[k])); ++k, ++digits) {
        if (whole > 1'000'000'000'000LL) return std::nullopt;
        whole = whole * 10 + (text[k] - '0');
    }
    if (k < text.size() && text[k] == '.') {
        for (++k; k < text.size() && std::isdigit(static_cast<unsigned char>(text[k])); ++k, ++places) {
            if (places >= decimals) return std::nullopt;   // more places than the issue keeps
            frac = frac * 10 + (text[k] - '0');
        }
    }
    while (k < text.size() && text[k] == ' ') ++k;
    if (k != text.size() || (digits == 0 && places == 0)) return std::nullopt;
    for (int p = places; p < decimals; ++p) frac *= 10;
    std::int64_t scale = 1;
    for (int p = 0; p < decimals; ++p) scale *= 10;
    const std::int64_t v = whole * scale + frac;
    return negative ? -v : v;
}

std::string units_text(std::int64_t v, int decimals) {
    std::int64_t scale = 1;
    for (int p = 0; p < decimals; ++p) scale *= 10;
    const bool negative = v < 0;
    const std::int64_t a = negative ? -v : v;
    std::string out = std::to_string(a / scale);
    if (decimals > 0) {
        std::string frac = std::to_string(a % scale);
        frac.insert(0, static_cast<std::size_t>(decimals) - frac.size(), '0');
        out += "." + frac;
    }
    return (negative ? "-" : "") + out;
}

}  // namespace

// One column per issue, one row per field: numbers typed as the file writes them (3.45 for
// 2 decimals), each checked as it is typed — a number with at most the issue's decimals, the
// range ordered, the step positive, the sides' values inside the range. Only a valid number
// reaches the model; the validator judges how the values relate (the problems panel).
void EditorApp::draw_issues_table(std::size_t i) {
    const Node& node = doc_->scenario().nodes[i];
    if (!node.negotiation) return;
    const Negotiation neg = *node.negotiation;
    auto edit_issue = [&](std::size_t q, const char* what, const std::string& merge,
                          const std::function<void(NegotiationIssue&)>& f) {
        doc_->edit_node(i, what, merge, [&](Node& n) {
            auto copy = std::make_shared<Negotiation>(*n.negotiation);
            f(copy->issues[q]);
            n.negotiation = std::move(copy);
        });
    };
    struct Row {
        const char* zh;
        const char* en;
        std::int64_t NegotiationIssue::*m;
        bool in_range;   // must lie between min and max
    };
    const Row rows[] = {{"最小", "min", &NegotiationIssue::min, false},
                        {"最大", "max", &NegotiationIssue::max, false},
                        {"步长", "step", &NegotiationIssue::step, false},
                        {"银行目标", "bank target", &NegotiationIssue::bank_target, true},
                        {"银行底线", "bank walk-away", &NegotiationIssue::bank_walkaway, true},
                        {"银行开价", "bank opening", &NegotiationIssue::bank_opening, true},
                        {"客户开价", "client opening", &NegotiationIssue::client_opening, true},
                        {"客户底线", "client reservation", &NegotiationIssue::client_reservation, true}};
    const int columns = 1 + static_cast<int>(neg.issues.size());
    std::vector<std::string> errors;
    if (neg.issues.empty()) ui::caption(t("还没有谈判议题", "No issues yet"));
    if (!neg.issues.empty() &&
        ImGui::BeginTable("##issues", columns, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableSetupColumn(t("议题", "issue"));
        for (const auto& is : neg.issues) ImGui::TableSetupColumn(is.id.c_str());
        ImGui::TableHeadersRow();
        // The issue's id: Enter renames it and its place in the lists below (one undo step).
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted("id");
        for (std::size_t q = 0; q < neg.issues.size(); ++q) {
            ImGui::TableNextColumn();
            const std::string& id = neg.issues[q].id;
            const std::string cell = node.id + "/" + id + "/id";
            auto it = issue_buffers_.find(cell);
            std::string buffer = it != issue_buffers_.end() ? it->second : id;
            ImGui::PushID(cell.c_str());
            ImGui::SetNextItemWidth(-1);
            const bool enter = ImGui::InputText("##id", &buffer, ImGuiInputTextFlags_EnterReturnsTrue);
            if (buffer != id) issue_buffers_[cell] = buffer;
            ui::mark_target("issue." + id + ".id");
            if (enter && buffer != id) {
                const std::string from = id;   // `id` goes with the rename
                issue_buffers_.erase(cell);
                if (!doc_->rename_issue(i, from, buffer))
                    notify(t("这个 id 已被使用或为空", "That id is empty or already used"));
            } else if (ImGui::IsItemDeactivated()) {
                issue_buffers_.erase(cell);   // left without Enter: not renamed
            }
            ImGui::PopID();
        }
        // Unit and decimals.
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t("单位 / 小数位", "unit / decimals"));
        for (std::size_t q = 0; q < neg.issues.size(); ++q) {
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(q));
            std::string unit = neg.issues[q].unit;
            ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
            if (ImGui::InputText("##unit", &unit)) edit_issue(q, "Unit", "unit" + std::to_string(q), [&](NegotiationIssue& x) { x.unit = unit; });
            if (ImGui::IsItemDeactivated()) doc_->end_merge();
            ImGui::SameLine();
            int decimals = neg.issues[q].decimals;
            ImGui::SetNextItemWidth(-1);
            if (ImGui::InputInt("##dec", &decimals, 0) && decimals >= 0 && decimals <= 4 && decimals != neg.issues[q].decimals) {
                // The same numbers with more or fewer places: units are rescaled, never rounded away.
                const int from = neg.issues[q].decimals;
                edit_issue(q, "Decimals", "", [&](NegotiationIssue& x) {
                    for (auto m : {&NegotiationIssue::min, &NegotiationIssue::max, &NegotiationIssue::step, &NegotiationIssue::bank_target,
                                   &NegotiationIssue::bank_walkaway, &NegotiationIssue::bank_opening, &NegotiationIssue::client_opening,
                                   &NegotiationIssue::client_reservation})
                        for (int d = from; d < decimals; ++d) x.*m *= 10;
                    if (decimals < from)
                        for (auto m : {&NegotiationIssue::min, &NegotiationIssue::max, &NegotiationIssue::step, &NegotiationIssue::bank_target,
                                       &NegotiationIssue::bank_walkaway, &NegotiationIssue::bank_opening, &NegotiationIssue::client_opening,
                                       &NegotiationIssue::client_reservation})
                            for (int d = decimals; d < from; ++d) x.*m /= 10;
                    x.decimals = decimals;
                });
            }
            ImGui::PopID();
        }
        for (const Row& row : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(t(row.zh, row.en));
            for (std::size_t q = 0; q < neg.issues.size(); ++q) {
                const NegotiationIssue& is = neg.issues[q];
                ImGui::TableNextColumn();
                const std::string cell = node.id + "/" + is.id + "/" + row.en;
                auto it = issue_buffers_.find(cell);
                std::string buffer = it != issue_buffers_.end() ? it->second : units_text(is.*(row.m), is.decimals);
                // Check what is typed against the issue as it would be with it.
                std::string problem;
                const auto v = parse_units(buffer, is.decimals);
                if (!v) {
                    problem = std::string(t("不是数字,或小数位多于 ", "not a number, or more places than ")) + std::to_string(is.decimals);
                } else {
                    NegotiationIssue with = is;
                    with.*(row.m) = *v;
                    if (with.min >= with.max) problem = t("最小值须小于最大值", "min must be below max");
                    else if (with.step <= 0 || with.step > with.max - with.min) problem = t("步长须为正且不大于范围", "step must be positive and within the range");
                    else if (row.in_range && (*v < with.min || *v > with.max)) problem = t("须在最小与最大之间", "must lie between min and max");
                }
                const bool bad = !problem.empty() && it != issue_buffers_.end();
                ImGui::PushID(cell.c_str());
                if (bad) ImGui::PushStyleColor(ImGuiCol_FrameBg, ui::palette::danger_soft);
                ImGui::SetNextItemWidth(-1);
                if (ImGui::InputText("##v", &buffer, ImGuiInputTextFlags_CharsScientific)) {
                    issue_buffers_[cell] = buffer;
                    const auto typed = parse_units(buffer, is.decimals);
                    NegotiationIssue with = is;
                    if (typed) with.*(row.m) = *typed;
                    const bool ok = typed && with.min < with.max && with.step > 0 && with.step <= with.max - with.min &&
                                    (!row.in_range || (*typed >= with.min && *typed <= with.max));
                    if (ok && *typed != is.*(row.m))
                        edit_issue(q, row.en, "issue:" + cell, [&, m = row.m](NegotiationIssue& x) { x.*m = *typed; });
                }
                ui::mark_target("issue." + is.id + "." + row.en);
                if (ImGui::IsItemDeactivated()) doc_->end_merge(), issue_buffers_.erase(cell);
                if (bad) {
                    ImGui::PopStyleColor();
                    errors.push_back(is.id + " · " + t(row.zh, row.en) + ": " + problem);
                }
                ImGui::PopID();
            }
        }
        // Weights and which way the bank prefers.
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t("权重 (银行/客户)", "weight (bank/client)"));
        for (std::size_t q = 0; q < neg.issues.size(); ++q) {
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(q) + 500);
            int w = neg.issues[q].weight, cw = neg.issues[q].client_weight;
            ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.5f);
            if (ImGui::InputInt("##w", &w, 0) && w >= 1) edit_issue(q, "Weight", "", [&](NegotiationIssue& x) { x.weight = w; });
            ImGui::SameLine();
            ImGui::SetNextItemWidth(-1);
            if (ImGui::InputInt("##cw", &cw, 0) && cw >= 1) edit_issue(q, "Client weight", "", [&](NegotiationIssue& x) { x.client_weight = cw; });
            ImGui::PopID();
        }
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(t("银行希望", "bank prefers"));
        for (std::size_t q = 0; q < neg.issues.size(); ++q) {
            ImGui::TableNextColumn();
            ImGui::PushID(static_cast<int>(q) + 700);
            int higher = neg.issues[q].bank_prefers_higher ? 0 : 1;
            const char* ways[] = {t("更高", "higher"), t("更低", "lower")};
            ImGui::SetNextItemWidth(-1);
            if (ImGui::Combo("##way", &higher, ways, 2))
                edit_issue(q, "Bank prefers", "", [&](NegotiationIssue& x) { x.bank_prefers_higher = higher == 0; });
            if (ImGui::SmallButton(t("移除议题", "Remove issue")))
                doc_->edit_node(i, "Remove issue", "", [&](Node& n) {
                    auto copy = std::make_shared<Negotiation>(*n.negotiation);
                    copy->issues.erase(copy->issues.begin() + static_cast<long>(q));
                    n.negotiation = std::move(copy);
                });
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    for (const auto& e : errors) {
        fonts_.cover(e);
        ui::text_wrapped(e, ui::palette::danger);
    }
    if (ui::button(t("+ 议题", "+ Issue"), ui::Button::Ghost)) {
        std::set<std::string> taken;
        for (const auto& is : neg.issues) taken.insert(is.id);
        std::string id = "issue";
        for (int n = 2; taken.count(id); ++n) id = "issue_" + std::to_string(n);
        doc_->edit_node(i, "Add issue", "", [&](Node& n) {
            auto copy = std::make_shared<Negotiation>(*n.negotiation);
            NegotiationIssue is;
            is.id = id;
            is.label = {"新议题", "New issue"};
            is.min = 0, is.max = 10, is.step = 1, is.bank_target = 8, is.bank_walkaway = 5, is.bank_opening = 9;
            is.client_opening = 2, is.client_reservation = 6;
            copy->issues.push_back(is);
            n.negotiation = std::move(copy);
        });
    }
    ui::mark_target("issue.add");
}

// ============================================================================
// 5. Scenario panel
// ============================================================================

// The state's declared ids — flags, variables, needs, objections — each renamed in place
// (Enter: every condition and effect that uses it follows, one undo step), added and removed
// (only when nothing uses it).
void EditorApp::draw_declared_ids() {
    const Scenario& s = doc_->scenario();
    const float half = (ImGui::GetContentRegionAvail().x - 8) * 0.5f;
    auto row = [&](Declared kind, const char* kind_key, const std::string& id, const std::function<void(Scenario&)>& remove) {
        ImGui::PushID((std::string(kind_key) + id).c_str());
        const std::string slot = std::string(kind_key) + ":" + id;
        if (!rename_declared_.count(slot)) rename_declared_[slot] = id;
        std::string& buffer = rename_declared_[slot];
        ImGui::SetNextItemWidth(half * 0.8f);
        if (ImGui::InputText("##id", &buffer, ImGuiInputTextFlags_EnterReturnsTrue) && buffer != id) {
            const std::string to = buffer;
            if (!doc_->rename_declared(kind, id, to)) notify(t("这个 id 已被使用或为空", "That id is empty or already used"));
            rename_declared_.erase(slot);
            rename_declared_.erase(std::string(kind_key) + ":" + to);
        }
        ui::mark_target(std::string("declared.") + kind_key + "." + id);
        if (ImGui::IsItemDeactivated() && rename_declared_.count(slot)) rename_declared_[slot] = id;   // left unconfirmed
        const auto uses = doc_->uses_of(kind, id);
        ImGui::SameLine();
        ui::caption(std::to_string(uses.size()) + t(" 处使用", " uses"));
        if (ImGui::IsItemHovered() && !uses.empty()) {
            ImGui::BeginTooltip();
            for (std::size_t u = 0; u < uses.size() && u < 12; ++u) ImGui::TextUnformatted(uses[u].c_str());
            ImGui::EndTooltip();
        }
        if (uses.empty()) {
            ImGui::SameLine();
            if (ImGui::SmallButton("x")) doc_->edit_scenario("Remove " + id, "", remove);
        }
        ImGui::PopID();
    };
    auto add = [&](const char* kind_key, const char* hint, const std::function<bool(const std::string&)>& taken,
                   const std::function<void(Scenario&, const std::string&)>& insert) {
        std::string& fresh = rename_declared_[std::string("+") + kind_key];
        ImGui::SetNextItemWidth(half);
        if (ImGui::InputTextWithHint((std::string("##new") + kind_key).c_str(), hint, &fresh, ImGuiInputTextFlags_EnterReturnsTrue) &&
            !fresh.empty() && !taken(fresh)) {
            const std::string id = fresh;
            doc_->edit_scenario(std::string("Add ") + kind_key + " " + id, "", [&](Scenario& x) { insert(x, id); });
            fresh.clear();
        }
        ui::mark_target(std::string("declared.add.") + kind_key);
    };
    label(t("标记", "Flags"));
    for (const auto& f : s.state.flags)
        row(Declared::Flag, "flag", f, [f](Scenario& x) { x.state.flags.erase(std::remove(x.state.flags.begin(), x.state.flags.end(), f), x.state.flags.end()); });
    add("flag", t("新标记 id", "new flag id"),
        [&](const std::string& id) { return std::find(s.state.flags.begin(), s.state.flags.end(), id) != s.state.flags.end(); },
        [](Scenario& x, const std::string& id) { x.state.flags.push_back(id); });

    label(t("变量(初始值)", "Variables (initial value)"));
    for (const auto& v : s.state.variables) {
        row(Declared::Variable, "var", v.id, [id = v.id](Scenario& x) {
            auto& vs = x.state.variables;
            vs.erase(std::remove_if(vs.begin(), vs.end(), [&](const VariableDecl& d) { return d.id == id; }), vs.end());
        });
        ImGui::SameLine();
        int initial = v.initial;
        ImGui::SetNextItemWidth(80);
        if (ImGui::InputInt(("##init" + v.id).c_str(), &initial, 0))
            doc_->edit_scenario("Initial " + v.id, "init:" + v.id, [&, id = v.id](Scenario& x) {
                for (auto& d : x.state.variables)
                    if (d.id == id) d.initial = initial;
            });
    }
    add("var", t("新变量 id", "new variable id"),
        [&](const std::string& id) {
            return id == "trust" || id == "interest" || id == "patience" ||
                   std::any_of(s.state.variables.begin(), s.state.variables.end(), [&](const VariableDecl& d) { return d.id == id; });
        },
        [](Scenario& x, const std::string& id) { x.state.variables.push_back({id, 0}); });

    label(t("需求", "Needs"));
    for (const auto& n : s.state.needs) {
        row(Declared::Need, "need", n.id, [id = n.id](Scenario& x) {
            auto& v = x.state.needs;
            v.erase(std::remove_if(v.begin(), v.end(), [&](const NeedDecl& d) { return d.id == id; }), v.end());
        });
        text_pair("state/needs/" + n.id + "/label", n.label, "", false);
    }
    add("need", t("新需求 id", "new need id"),
        [&](const std::string& id) { return std::any_of(s.state.needs.begin(), s.state.needs.end(), [&](const NeedDecl& d) { return d.id == id; }); },
        [](Scenario& x, const std::string& id) { x.state.needs.push_back({id, {"新需求", "New need"}}); });

    label(t("异议", "Objections"));
    for (const auto& o : s.state.objections) {
        row(Declared::Objection, "objection", o.id, [id = o.id](Scenario& x) {
            auto& v = x.state.objections;
            v.erase(std::remove_if(v.begin(), v.end(), [&](const ObjectionDecl& d) { return d.id == id; }), v.end());
        });
        ImGui::SameLine();
        ObjectionType type = o.type;
        ImGui::SetNextItemWidth(120);
        if (enum_combo(("##type" + o.id).c_str(), type, lang_))
            doc_->edit_scenario("Objection type", "", [&, id = o.id](Scenario& x) {
                for (auto& d : x.state.objections)
                    if (d.id == id) d.type = type;
            });
        text_pair("state/objections/" + o.id + "/label", o.label, "", false);
    }
    add("objection", t("新异议 id", "new objection id"),
        [&](const std::string& id) {
            return std::any_of(s.state.objections.begin(), s.state.objections.end(), [&](const ObjectionDecl& d) { return d.id == id; });
        },
        [](Scenario& x, const std::string& id) { x.state.objections.push_back({id, ObjectionType::Price, {"新异议", "New objection"}}); });
}

void EditorApp::draw_scenario_panel() {
    const Scenario& s = doc_->scenario();
    const float half = (ImGui::GetContentRegionAvail().x - 8) * 0.5f;
    label(t("场景 id", "Scenario id"));
    ImGui::SameLine();
    std::string id = s.id;
    ImGui::SetNextItemWidth(half);
    if (ImGui::InputText("##sid", &id)) doc_->edit_scenario("Scenario id", "sid", [&](Scenario& x) { x.id = id; });
    if (ImGui::IsItemDeactivated()) doc_->end_merge();
    text_pair("title", s.title, t("标题", "Title"), false);
    text_pair("summary", s.summary, t("简介", "Summary"));
    text_pair("company", s.company, t("客户公司", "Company"));
    text_pair("situation", s.situation, t("情况(拜访前的简报)", "Situation (the briefing)"));
    text_pair("entry_note", s.entry_note, t("进入时机说明", "Entry moment note"));

    ui::heading(t("目标", "Objectives"));
    for (std::size_t k = 0; k < s.objectives.size(); ++k) {
        ImGui::PushID(static_cast<int>(k));
        text_pair("objectives/" + std::to_string(k), s.objectives[k], (std::to_string(k + 1) + ".").c_str(), false);
        if (ui::button(t("移除", "Remove"), ui::Button::Ghost))
            doc_->edit_scenario("Remove objective", "", [&](Scenario& x) { x.objectives.erase(x.objectives.begin() + static_cast<long>(k)); });
        ImGui::PopID();
    }
    if (ui::button(t("+ 目标", "+ Objective"), ui::Button::Ghost))
        doc_->edit_scenario("Add objective", "", [](Scenario& x) { x.objectives.push_back({}); });

    ui::heading(t("开始与规则", "Start and rules"));
    std::string start = s.start, out = s.patience_out;
    ImGui::SetNextItemWidth(half);
    if (node_picker(t("开始节点", "start node"), start, s)) doc_->edit_scenario("Start", "", [&](Scenario& x) { x.start = start; });
    ImGui::SetNextItemWidth(half);
    if (node_picker(t("耐心耗尽时", "patience out"), out, s)) doc_->edit_scenario("Patience out", "", [&](Scenario& x) { x.patience_out = out; });
    int level = s.level;
    ImGui::SetNextItemWidth(half);
    if (ImGui::SliderInt(t("级别", "level"), &level, 1, 3)) doc_->edit_scenario("Level", "level", [&](Scenario& x) { x.level = level; });
    Difficulty d = s.default_difficulty;
    ImGui::SetNextItemWidth(half);
    if (enum_combo(t("默认难度", "default difficulty"), d, lang_)) doc_->edit_scenario("Difficulty", "", [&](Scenario& x) { x.default_difficulty = d; });

    ui::heading(t("初始状态", "Starting state"));
    StateDecl st = s.state;
    bool changed = false;
    ImGui::SetNextItemWidth(half);
    changed |= ImGui::SliderInt(t("信任", "trust"), &st.trust, 0, 100);
    ImGui::SetNextItemWidth(half);
    changed |= ImGui::SliderInt(t("兴趣", "interest"), &st.interest, 0, 100);
    ImGui::SetNextItemWidth(half);
    changed |= ImGui::SliderInt(t("耐心", "patience"), &st.patience, 1, 30);
    if (changed) doc_->edit_scenario("Starting state", "state", [&](Scenario& x) { x.state = st; });
    if (ImGui::IsItemDeactivated()) doc_->end_merge();
    draw_declared_ids();

    ui::heading(t("职责(学员必须履行)", "Duties (the trainee must discharge)"));
    std::vector<std::string> endings;
    for (const auto& n : s.nodes)
        if (n.kind == NodeKind::Ending) endings.push_back(n.id);
    for (std::size_t q = 0; q < s.duties.size(); ++q) {
        ImGui::PushID(static_cast<int>(q) + 3000);
        DutyRequirement duty = s.duties[q];
        ImGui::SetNextItemWidth(half);
        if (enum_combo("##duty", duty.duty, lang_)) doc_->edit_scenario("Duty", "", [&](Scenario& x) { x.duties[q].duty = duty.duty; });
        ImGui::SameLine();
        if (ImGui::Checkbox(t("严重", "critical"), &duty.critical))
            doc_->edit_scenario("Duty critical", "", [&](Scenario& x) { x.duties[q].critical = duty.critical; });
        ImGui::SameLine();
        if (ImGui::SmallButton(t("移除", "Remove")))
            doc_->edit_scenario("Remove duty", "", [&](Scenario& x) { x.duties.erase(x.duties.begin() + static_cast<long>(q)); });
        label(t("在这些结局之前(空 = 所有结局)", "Before these endings (none = every ending)"));
        if (id_checks("before", duty.before, endings))
            doc_->edit_scenario("Duty endings", "", [&](Scenario& x) { x.duties[q].before = duty.before; });
        if (q < s.duties.size())
            text_pair("duties/" + std::to_string(q) + "/explanation", s.duties[q].explanation, t("未履行时的说明", "Explanation when left undone"));
        ImGui::PopID();
    }
    if (ui::button(t("+ 职责", "+ Duty"), ui::Button::Ghost))
        doc_->edit_scenario("Add duty", "", [](Scenario& x) { x.duties.push_back({}); });
    ui::mark_target("scenario.add_duty");

    ui::heading(t("训练的能力", "Competencies trained"));
    std::vector<std::string> comps = s.competencies;
    std::vector<std::string> all_comps;
    for (const auto& c : shared_->model.competencies) all_comps.push_back(c.id);
    if (id_checks("comps", comps, all_comps)) doc_->edit_scenario("Competencies", "", [&](Scenario& x) { x.competencies = comps; });
    for (const auto& c : shared_->model.competencies)
        ui::caption(c.id + " " + c.name.in(lang_) + (c.core ? t(" (核心)", " (core)") : ""));

    ui::heading(t("可选客户类型", "Playable personas"));
    for (const auto& [pid, p] : shared_->personas) {
        bool on = std::find(s.personas.begin(), s.personas.end(), pid) != s.personas.end();
        if (ImGui::Checkbox((p.name.in(lang_) + "##" + pid).c_str(), &on))
            doc_->edit_scenario("Personas", "", [&](Scenario& x) {
                if (on) x.personas.push_back(pid);
                else x.personas.erase(std::remove(x.personas.begin(), x.personas.end(), pid), x.personas.end());
            });
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(360);
            ImGui::TextUnformatted(p.summary.in(lang_).c_str());
            ImGui::TextUnformatted(p.approach.in(lang_).c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
}

}  // namespace parley::editor
