// The persona panel: one shared client type edited field by field — name, summary and approach
// in zh and en, social style, profile, start-of-meeting offsets, reactions per technique,
// objection methods, body-language cues per emotion, concession tactics. Each edit is an undo
// step of the persona's own history and reaches the open scenario's validation, analysis and
// playtests at once; the file is written (atomically, canonically) only on save. Ctrl+Z/Y/S act
// on the persona while this panel is shown.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "editor_app.h"
#include "parley/catalogue.h"
#include "parley/ui/theme.h"
#include "parley/ui/widgets.h"

namespace parley::editor {

PersonaDocument* EditorApp::persona_document(const std::string& id) {
    auto it = persona_docs_.find(id);
    if (it != persona_docs_.end()) return it->second.get();
    const Persona* p = shared_->persona(id);
    if (!p || p->file.empty()) return nullptr;
    std::string error;
    auto d = PersonaDocument::open(p->file, shared_->model, error);
    if (!d) {
        persona_error_ = error;
        fonts_.cover(error);
        return nullptr;
    }
    return (persona_docs_[id] = std::move(d)).get();
}

void EditorApp::persona_edited(PersonaDocument& p) {
    shared_ = with_persona(*shared_, p.persona());
    doc_->set_shared(shared_);
    fonts_.cover(p.persona().name.zh);
    fonts_.cover(p.persona().summary.zh);
}

bool EditorApp::personas_modified() const {
    return std::any_of(persona_docs_.begin(), persona_docs_.end(), [](const auto& d) { return d.second->modified(); });
}

bool EditorApp::save_personas(bool overwrite) {
    bool all = true;
    for (auto& [id, d] : persona_docs_) {
        if (!d->modified()) continue;
        const SaveResult r = d->save(overwrite);
        if (r.status == SaveStatus::ChangedOnDisk) persona_external_ = true, persona_shown_ = id;
        if (r.status != SaveStatus::Saved) {
            notify(r.error, 8.f);
            all = false;
        } else {
            notify(std::string(t("已保存 ", "Saved ")) + d->file().filename().string());
        }
    }
    return all;
}

namespace {

void label(const char* text) {
    ImGui::AlignTextToFramePadding();
    ui::caption(text);
}

}  // namespace

void EditorApp::draw_persona_panel() {
    if (persona_shown_.empty() || !shared_->persona(persona_shown_)) {
        if (!analysis_persona_.empty()) persona_shown_ = analysis_persona_;
        else if (!shared_->personas.empty()) persona_shown_ = shared_->personas.begin()->first;
    }
    const float half = (ImGui::GetContentRegionAvail().x - 8) * 0.5f;
    label(t("客户类型", "Persona"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(half);
    const Persona* shown = shared_->persona(persona_shown_);
    if (ImGui::BeginCombo("##persona_pick", shown ? shown->name.in(lang_).c_str() : "-")) {
        for (const auto& [id, p] : shared_->personas) {
            auto d = persona_docs_.find(id);
            const bool dirty = d != persona_docs_.end() && d->second->modified();
            if (ImGui::Selectable((p.name.in(lang_) + (dirty ? " *" : "") + "##" + id).c_str(), id == persona_shown_))
                persona_shown_ = id, persona_external_ = false;
        }
        ImGui::EndCombo();
    }
    ui::mark_target("persona.pick");
    PersonaDocument* pd = persona_document(persona_shown_);
    if (!pd) {
        ui::text_wrapped(persona_error_.empty() ? t("没有可编辑的客户类型", "No persona to edit") : persona_error_,
                         ui::palette::danger);
        return;
    }
    PersonaDocument& d = *pd;
    const Persona p = d.persona();   // a copy: edits replace it
    auto edit = [&](const char* what, const std::function<void(Persona&)>& f, const std::string& merge = "") {
        d.edit(what, merge, f);
        persona_edited(d);
    };
    ImGui::SameLine();
    if (ui::button(t("保存", "Save"), d.modified() ? ui::Button::Primary : ui::Button::Secondary)) save_personas(false);
    ui::mark_target("persona.save");
    ImGui::SameLine();
    if (ui::button(t("撤销", "Undo"), ui::Button::Ghost, ImVec2(0, 0), d.can_undo())) d.undo(), persona_edited(d);
    ImGui::SameLine();
    if (ui::button(t("重做", "Redo"), ui::Button::Ghost, ImVec2(0, 0), d.can_redo())) d.redo(), persona_edited(d);
    ui::caption(d.file().filename().string() + (d.modified() ? t(" · 未保存(所有场景共用)", " · unsaved (shared by every scenario)") : ""));
    // The id names the persona's file and every scenario's use of it: Enter plans the rename,
    // and a modal says what it would change before anything is written.
    if (persona_id_for_ != p.id) persona_id_buffer_ = p.id, persona_id_for_ = p.id;
    label("id");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(220);
    if (ImGui::InputText("##persona_id", &persona_id_buffer_, ImGuiInputTextFlags_EnterReturnsTrue) &&
        persona_id_buffer_ != p.id) {
        persona_rename_ = plan_persona_rename(shared_->root, *shared_, p.id, persona_id_buffer_, doc_->file());
        for (const auto& r : persona_rename_->refusals) fonts_.cover(r);
    }
    ui::mark_target("persona.id");
    if (persona_external_) {
        ui::text_wrapped(t("这个文件已在磁盘上被修改。", "This file changed on disk."), ui::palette::danger);
        if (ui::button(t("保留我的并覆盖", "Keep mine and overwrite"), ui::Button::Danger)) {
            persona_external_ = false;
            save_personas(true);
        }
    }

    auto end = [&] { d.end_merge(); };
    auto text = [&](const char* field, Text Persona::*member, const char* title, bool multiline) {
        text_fields(std::string("persona/") + p.id + "/" + field, p.*member, title, multiline,
                    [&](Lang l, const std::string& v) {
                        edit(title, [&](Persona& x) { (l == Lang::Zh ? (x.*member).zh : (x.*member).en) = v; },
                             std::string("text:") + field + (l == Lang::Zh ? ":zh" : ":en"));
                    },
                    end);
    };
    text("name", &Persona::name, t("名称", "Name"), false);
    text("summary", &Persona::summary, t("简介", "Summary"), true);
    text("approach", &Persona::approach, t("应对方法(简报中显示)", "How to approach (shown in the briefing)"), true);

    auto slider = [&](const char* title, int value, int lo, int hi, const std::function<void(Persona&, int)>& set) {
        ImGui::SetNextItemWidth(half);
        if (ImGui::SliderInt(title, &value, lo, hi)) edit(title, [&](Persona& x) { set(x, value); }, title);
        if (ImGui::IsItemDeactivated()) end();
    };
    ui::heading(t("社交风格", "Social style"));
    slider(t("主导性 (问 … 说)", "assertiveness (ask … tell)"), p.assertiveness, -100, 100, [](Persona& x, int v) { x.assertiveness = v; });
    slider(t("情感性 (克制 … 外露)", "responsiveness (controlled … emotes)"), p.responsiveness, -100, 100,
           [](Persona& x, int v) { x.responsiveness = v; });

    ui::heading(t("开场调整(加在场景初始状态上)", "Start of the meeting (added to the scenario's state)"));
    slider(t("信任", "trust"), p.trust_offset, -50, 50, [](Persona& x, int v) { x.trust_offset = v; });
    slider(t("兴趣", "interest"), p.interest_offset, -50, 50, [](Persona& x, int v) { x.interest_offset = v; });
    slider(t("耐心", "patience"), p.patience_offset, -10, 10, [](Persona& x, int v) { x.patience_offset = v; });

    if (ImGui::CollapsingHeader(t("画像(仅用于显示)", "Profile (presentation only)"))) {
        struct F { const char* zh; const char* en; int PersonaProfile::*m; };
        const F fields[] = {{"耐心", "patience", &PersonaProfile::patience},
                            {"价格敏感", "price sensitivity", &PersonaProfile::price_sensitivity},
                            {"怀疑", "skepticism", &PersonaProfile::skepticism},
                            {"果断", "decisiveness", &PersonaProfile::decisiveness},
                            {"健谈", "talkativeness", &PersonaProfile::talkativeness},
                            {"风险偏好", "risk appetite", &PersonaProfile::risk_appetite}};
        for (const F& f : fields) {
            const std::string title = std::string(t(f.zh, f.en)) + "##profile";
            slider(title.c_str(), p.profile.*(f.m), 0, 100, [m = f.m](Persona& x, int v) { x.profile.*m = v; });
        }
    }

    if (ImGui::CollapsingHeader(t("对技巧的反应", "Reactions to techniques"), ImGuiTreeNodeFlags_DefaultOpen)) {
        if (ImGui::BeginTable("##reactions", 6, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
            for (const char* h : {t("技巧", "technique"), t("倍率%", "scale %"), t("信任", "trust"), t("兴趣", "interest"),
                                  t("耐心", "patience"), ""})
                ImGui::TableSetupColumn(h);
            ImGui::TableHeadersRow();
            for (const auto& [tag, r] : p.reactions) {
                ImGui::TableNextRow();
                ImGui::PushID(static_cast<int>(tag));
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(name_of(tag).in(lang_).c_str());
                auto cell = [&, tag = tag](const char* id, int value, int lo, int hi, int ReactionModifier::*m) {
                    ImGui::TableNextColumn();
                    ImGui::SetNextItemWidth(-1);
                    if (ImGui::DragInt(id, &value, 0.3f, lo, hi))
                        edit("Reaction", [&](Persona& x) { x.reactions[tag].*m = std::clamp(value, lo, hi); },
                             std::string("reaction:") + id + std::to_string(static_cast<int>(tag)));
                    if (ImGui::IsItemDeactivated()) end();
                };
                cell("##scale", r.scale, 0, 300, &ReactionModifier::scale);
                cell("##trust", r.trust, -20, 20, &ReactionModifier::trust);
                cell("##interest", r.interest, -20, 20, &ReactionModifier::interest);
                cell("##patience", r.patience, -5, 5, &ReactionModifier::patience);
                ImGui::TableNextColumn();
                if (ImGui::SmallButton("x")) edit("Remove reaction", [tag = tag](Persona& x) { x.reactions.erase(tag); });
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
        ImGui::SetNextItemWidth(half);
        if (ImGui::BeginCombo("##add_reaction", t("+ 反应", "+ Reaction"))) {
            for (const auto& e : all<Tag>())
                if (!p.reactions.count(e.value) && ImGui::Selectable(e.name.in(lang_).c_str()))
                    edit("Add reaction", [&](Persona& x) { x.reactions[e.value] = ReactionModifier{}; });
            ImGui::EndCombo();
        }
    }

    if (ImGui::CollapsingHeader(t("处理异议方法的效果 (%)", "Objection methods (%)"))) {
        for (const auto& e : all<ObjectionMethod>()) {
            auto it = p.method_effectiveness.find(e.value);
            const std::string title = e.name.in(lang_) + "##method";
            slider(title.c_str(), it == p.method_effectiveness.end() ? 100 : it->second, 0, 200,
                   [m = e.value](Persona& x, int v) {
                       if (v == 100) x.method_effectiveness.erase(m);   // absent = 100
                       else x.method_effectiveness[m] = v;
                   });
        }
    }

    if (ImGui::CollapsingHeader(t("让步策略与谈判技巧", "Concession policy and tactics"))) {
        slider("beta ×100##beta", p.concession.beta_percent, 10, 500, [](Persona& x, int v) { x.concession.beta_percent = v; });
        ui::caption(t("beta < 100:后期才让步(Boulware);> 100:早让步", "beta < 100: concedes late (Boulware); > 100: concedes early"));
        slider(t("回报比例 %", "reciprocity %"), p.concession.reciprocity_percent, 0, 100,
               [](Persona& x, int v) { x.concession.reciprocity_percent = v; });
        slider(t("谈判耐心(轮)", "patience (rounds)"), p.concession.patience_rounds, 1, 20,
               [](Persona& x, int v) { x.concession.patience_rounds = v; });
        slider(t("提议折中的差距 %", "proposes a split at gap %"), p.concession.split_gap_percent, 0, 100,
               [](Persona& x, int v) { x.concession.split_gap_percent = v; });
        slider(t("可容忍的额外要求 %", "nibble tolerance %"), p.concession.nibble_tolerance_percent, 0, 50,
               [](Persona& x, int v) { x.concession.nibble_tolerance_percent = v; });
        slider(t("挤压法(轮)", "squeeze (rounds)"), p.concession.squeeze_rounds, 0, 10,
               [](Persona& x, int v) { x.concession.squeeze_rounds = v; });
        slider(t("成交时蚕食 %", "nibble at the close %"), p.concession.nibble_at_close_percent, 0, 50,
               [](Persona& x, int v) { x.concession.nibble_at_close_percent = v; });
    }

    if (ImGui::CollapsingHeader(t("肢体语言提示(按情绪)", "Body-language cues (per emotion)"))) {
        for (const auto& e : all<Emotion>()) {
            ImGui::PushID(static_cast<int>(e.value));
            ui::caption(e.name.in(lang_));
            auto it = p.cues.find(e.value);
            const std::size_t count = it == p.cues.end() ? 0 : it->second.size();
            for (std::size_t k = 0; k < count; ++k) {
                ImGui::PushID(static_cast<int>(k));
                const std::string id = "persona/" + p.id + "/cues/" + std::to_string(static_cast<int>(e.value)) + "/" + std::to_string(k);
                text_fields(id, it->second[k], (std::to_string(k + 1) + ".").c_str(), false,
                            [&, em = e.value](Lang l, const std::string& v) {
                                edit("Cue", [&](Persona& x) { (l == Lang::Zh ? x.cues[em][k].zh : x.cues[em][k].en) = v; },
                                     "cue:" + id + (l == Lang::Zh ? ":zh" : ":en"));
                            },
                            end);
                if (ImGui::SmallButton(t("移除", "Remove")))
                    edit("Remove cue", [&, em = e.value](Persona& x) {
                        auto& v = x.cues[em];
                        v.erase(v.begin() + static_cast<long>(k));
                        if (v.empty()) x.cues.erase(em);
                    });
                ImGui::PopID();
            }
            if (ImGui::SmallButton(t("+ 提示", "+ Cue"))) edit("Add cue", [&, em = e.value](Persona& x) { x.cues[em].push_back({}); });
            ImGui::PopID();
        }
    }
}

void EditorApp::draw_persona_rename() {
    const char* id = "##persona_rename";
    if (persona_rename_ && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
    ImGui::SetNextWindowSize(ImVec2(600, 0));
    if (!ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings)) return;
    if (!persona_rename_) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const PersonaRenamePlan& plan = *persona_rename_;
    ui::heading(std::string(t("重命名客户类型 ", "Rename the persona ")) + plan.old_id + " → " + plan.new_id + "?");
    bool close = false;
    if (!plan.ok()) {
        ui::text_wrapped(t("不能重命名:", "It cannot be renamed:"), ui::palette::danger);
        for (const auto& r : plan.refusals) ui::text_wrapped("· " + r, ui::palette::danger);
        if (ui::button(t("好", "OK"), ui::Button::Primary)) close = true;
        ui::mark_target("persona_rename.cancel");
    } else {
        ui::text_wrapped(std::string(t("文件 ", "The file ")) + plan.old_file.filename().string() + t(" 改名为 ", " becomes ") +
                         plan.new_file.filename().string() + t("。", "."));
        if (!plan.scenarios.empty()) {
            ui::text_wrapped(t("以下使用它的场景会被改写并保存:", "These scenarios that play it are rewritten and saved:"));
            for (std::size_t i = 0; i < plan.scenarios.size() && i < 8; ++i) ui::caption(plan.scenarios[i].filename().string());
            if (plan.scenarios.size() > 8) ui::caption("… +" + std::to_string(plan.scenarios.size() - 8));
        }
        if (!doc_->persona_uses(plan.old_id).empty())
            ui::text_wrapped(doc_->modified()
                                 ? t("打开的场景也会改名(一步撤销);它有未保存的修改,保存后才写入文件。",
                                     "The open scenario is renamed too (one undo step); it has unsaved changes, so its "
                                     "file is written when you save.")
                                 : t("打开的场景也会改名并保存。", "The open scenario is renamed and saved too."));
        ui::text_wrapped(t("文件改名不能用 Ctrl+Z 撤销:要改回,请再次重命名。",
                           "Renaming files cannot be undone with Ctrl+Z: to go back, rename it again."),
                         ui::palette::ink_muted);
        if (ui::button(t("重命名", "Rename"), ui::Button::Primary)) {
            const PersonaRenamePlan go = plan;
            persona_rename_.reset();
            rename_persona(go);
            close = true;
        }
        ui::mark_target("persona_rename.confirm");
        ImGui::SameLine();
        if (ui::button(t("取消", "Cancel"))) close = true;
        ui::mark_target("persona_rename.cancel");
    }
    if (close) {
        persona_rename_.reset();
        persona_id_for_.clear();   // the field shows the id as it is now
        ImGui::CloseCurrentPopup();
    }
    ImGui::NewLine();
    ImGui::EndPopup();
}

void EditorApp::rename_persona(const PersonaRenamePlan& plan) {
    PersonaDocument* pd = persona_document(plan.old_id);
    const Persona* now = shared_->persona(plan.old_id);
    if (!now) return;
    const Persona current = pd ? pd->persona() : *now;   // unsaved persona edits go with it
    if (std::string error = apply_persona_rename(plan, shared_, current, options_.state_dir); !error.empty()) {
        fonts_.cover(error);
        notify(error, 10.f);
        return;
    }
    Persona renamed = current;
    renamed.id = plan.new_id;
    renamed.file = plan.new_file.string();
    shared_ = with_renamed_persona(*shared_, plan.old_id, renamed);
    doc_->set_shared(shared_);
    const bool was_saved = !doc_->modified() && !doc_->file().empty() && !doc_->opened_incomplete();
    if (doc_->rename_persona(plan.old_id, plan.new_id) && was_saved) {
        const SaveResult r = doc_->save();
        if (r.status != SaveStatus::Saved) notify(r.error.empty() ? t("打开的场景未保存", "The open scenario was not saved") : r.error, 8.f);
    }
    persona_docs_.erase(plan.old_id);
    persona_shown_ = plan.new_id;
    if (analysis_persona_ == plan.old_id) analysis_persona_ = plan.new_id;
    if (playtest_.setup.persona == plan.old_id) playtest_.setup.persona = plan.new_id;
    notify(std::string(t("已重命名 ", "Renamed ")) + plan.old_id + " → " + plan.new_id);
}

}  // namespace parley::editor
