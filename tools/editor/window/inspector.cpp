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
#include <set>

#include <nlohmann/json.hpp>

#include "editor_app.h"
#include "parley/catalogue.h"
#include "parley/loader.h"
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
        bool edited;
        if (multiline) {
            const float h = std::min(120.f, 10.f + ImGui::GetTextLineHeight() *
                                                      std::max(2.f, 1.f + std::count(buffer.begin(), buffer.end(), '\n') +
                                                                        static_cast<float>(buffer.size()) / 60.f));
            edited = ImGui::InputTextMultiline("##t", &buffer, ImVec2(w, h));
        } else {
            ImGui::SetNextItemWidth(w);
            edited = ImGui::InputTextWithHint("##t", hint, &buffer);
        }
        ui::mark_target("text." + path + (l == Lang::Zh ? ".zh" : ".en"));
        // Dear ImGui 1.86 does not wrap a multi-line field: the whole text shows wrapped on hover.
        if (ImGui::IsItemHovered() && !ImGui::IsItemActive() && !buffer.empty()) {
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
        if (ImGui::IsItemDeactivated()) doc_->end_merge();
        ImGui::PopID();
        ImGui::PopID();
        if (missing) ImGui::PopStyleColor();
        if (edited) {
            fonts_.cover(buffer);
            doc_->set_text(path, l, buffer);
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
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ui::palette::surface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 8));
    ImGui::BeginChild("##side", size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    auto tab = [&](Panel p, const char* text, const char* target) {
        if (ui::button(text, panel_ == p ? ui::Button::Selected : ui::Button::Ghost)) panel_ = p;
        ui::mark_target(target);
        ImGui::SameLine();
    };
    tab(Panel::Inspector, t("检查器", "Inspector"), "tab.inspector");
    tab(Panel::Scenario, t("场景", "Scenario"), "tab.scenario");
    tab(Panel::Playtest, t("试玩", "Playtest"), "tab.playtest");
    ImGui::NewLine();
    ui::separator();
    ImGui::BeginChild("##side_body", ImVec2(0, 0), false);
    switch (panel_) {
        case Panel::Inspector: draw_inspector(); break;
        case Panel::Scenario: draw_scenario_panel(); break;
        case Panel::Playtest: draw_playtest(); break;
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
        if (ImGui::BeginTable("##issues", 7, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            for (const char* h : {"id", t("单位", "unit"), "min", "max", t("目标", "target"), t("底线", "walk-away"), t("客户底线", "client res.")})
                ImGui::TableSetupColumn(h);
            ImGui::TableHeadersRow();
            for (std::size_t q = 0; q < neg.issues.size(); ++q) {
                const NegotiationIssue& is = neg.issues[q];
                ImGui::TableNextRow();
                auto num = [&](std::int64_t v) {
                    double d = static_cast<double>(v);
                    for (int k = 0; k < is.decimals; ++k) d /= 10.0;
                    ImGui::Text("%.*f", is.decimals, d);
                };
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(is.id.c_str());
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(is.unit.c_str());
                ImGui::TableNextColumn(); num(is.min);
                ImGui::TableNextColumn(); num(is.max);
                ImGui::TableNextColumn(); num(is.bank_target);
                ImGui::TableNextColumn(); num(is.bank_walkaway);
                ImGui::TableNextColumn(); num(is.client_reservation);
            }
            ImGui::EndTable();
        }
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

    // The condition as JSON, checked as it is typed (the loader's own rules and messages).
    const bool when_open = ImGui::TreeNode(t("显示条件 (JSON)", "Shown when (JSON)"));
    ui::mark_target("inspector.when." + std::to_string(k));
    if (when_open) {
        if (!raw_when_.count(key)) {
            const auto j = to_json(*doc_->snapshot());
            const auto& opt = j["nodes"][i]["options"][k];
            raw_when_[key] = opt.contains("if") ? opt["if"].dump(2) : "";
        }
        std::string& raw = raw_when_[key];
        const bool bad = raw_error_.count(key) > 0;
        if (bad) ImGui::PushStyleColor(ImGuiCol_FrameBg, ui::palette::danger_soft);
        if (ImGui::InputTextMultiline("##when", &raw, ImVec2(-1, 90))) {
            raw_error_.erase(key);
            nlohmann::ordered_json cond;
            bool parsed = true;
            if (!raw.empty()) {
                try {
                    cond = nlohmann::ordered_json::parse(raw);
                } catch (const std::exception& e) {
                    raw_error_[key] = e.what();
                    parsed = false;
                }
            }
            if (parsed) {
                auto j = to_json(*doc_->snapshot());
                auto& opt = j["nodes"][i]["options"][k];
                if (raw.empty()) opt.erase("if");
                else opt["if"] = cond;
                Diagnostics diags;
                const auto draft = parse_scenario_draft(j.dump(2), "condition", shared_->model, shared_->personas, diags);
                const std::string where = "/nodes/" + std::to_string(i) + "/options/" + std::to_string(k) + "/if";
                for (const auto& d : diags.items)
                    if (d.severity == Severity::Error && d.pointer.rfind(where, 0) == 0) raw_error_[key] = d.message;
                if (!raw_error_.count(key) && draft.scenario && i < draft.scenario->nodes.size() &&
                    k < draft.scenario->nodes[i].options.size()) {
                    const Condition when = draft.scenario->nodes[i].options[k].when;
                    edit("Condition", [&](Option& x) { x.when = when; }, "when:" + key);
                }
            }
        }
        if (ImGui::IsItemDeactivated()) doc_->end_merge(), raw_when_.erase(key);
        if (bad) ImGui::PopStyleColor();
        if (raw_error_.count(key)) {
            fonts_.cover(raw_error_[key]);
            ui::text_wrapped(raw_error_[key], ui::palette::danger);
        } else {
            ui::caption(t("例: {\"flag\": \"agenda_set\"}、{\"var\": \"trust\", \"op\": \">=\", \"value\": 50}",
                          "e.g. {\"flag\": \"agenda_set\"}, {\"var\": \"trust\", \"op\": \">=\", \"value\": 50}"));
        }
        ImGui::TreePop();
    }
    ImGui::PopID();
}

// ============================================================================
// 5. Scenario panel
// ============================================================================

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
    label(t("标记", "Flags"));
    for (std::size_t k = 0; k < s.state.flags.size(); ++k) {
        ImGui::PushID(static_cast<int>(k));
        ui::chip(s.state.flags[k], ui::palette::primary_soft, ui::palette::primary);
        ImGui::SameLine();
        if (ImGui::SmallButton("x"))
            doc_->edit_scenario("Remove flag", "", [&](Scenario& x) { x.state.flags.erase(x.state.flags.begin() + static_cast<long>(k)); });
        ImGui::SameLine();
        ImGui::PopID();
    }
    ImGui::NewLine();
    static std::string new_flag;
    ImGui::SetNextItemWidth(half);
    if (ImGui::InputTextWithHint("##newflag", t("新标记 id", "new flag id"), &new_flag, ImGuiInputTextFlags_EnterReturnsTrue) &&
        !new_flag.empty() && std::find(s.state.flags.begin(), s.state.flags.end(), new_flag) == s.state.flags.end()) {
        doc_->edit_scenario("Add flag", "", [&](Scenario& x) { x.state.flags.push_back(new_flag); });
        new_flag.clear();
    }
    label(t("需求", "Needs"));
    for (const auto& n : s.state.needs) text_pair("state/needs/" + n.id + "/label", n.label, n.id.c_str(), false);
    label(t("异议", "Objections"));
    for (const auto& o : s.state.objections)
        text_pair("state/objections/" + o.id + "/label", o.label, (o.id + " · " + name_of(o.type).in(lang_)).c_str(), false);

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
