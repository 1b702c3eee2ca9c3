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

}  // namespace parley::editor
