// The editor's window, frame loop, toolbar, files, modals and shortcuts.
//
// Contents
//   1. Start-up: shared content, the document, window, fonts
//   2. Frames and events
//   3. Derived views after edits (validation, analysis requests, autosave)
//   4. Toolbar and files
//   5. Modals: recovery, delete, external change, quit, paths
//   6. Shortcuts and walking the graph
#include "editor_app.h"

#include <SFML/Window/Event.hpp>

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

#include <nlohmann/json.hpp>

#include "atomic_file.h"
#include "worker_priority.h"
#include "parley/catalogue.h"
#include "parley/ui/opaque_fill.h"
#include "parley/ui/theme.h"
#include "parley/ui/widgets.h"
#include "parley/ui/window_icon.h"
#include "text_paths.h"
#include "translation_csv.h"

namespace parley::editor {

namespace fs = std::filesystem;

// ============================================================================
// 1. Start-up
// ============================================================================

EditorApp::EditorApp(const Options& options) : options_(options) {
    if (options_.lang) lang_ = *options_.lang;
    Diagnostics diags;
    shared_ = load_shared_content(options_.content, diags);
    if (!shared_) shared_ = std::make_shared<const ContentSet>();
    open_problems_ = problems_from(diags, false);
    if (!options_.file.empty()) {
        std::string error;
        doc_ = Document::open(options_.file, shared_, options_.state_dir, error);
        if (!doc_) notify(error, 8.f);
        else remember_recent(doc_->file());
    }
    if (!doc_) doc_ = std::make_unique<Document>(shared_, options_.state_dir);
    if (options_.offer_recovery) recovery_offer_ = doc_->find_recovery();
    if (!doc_->scenario().personas.empty()) analysis_persona_ = doc_->scenario().personas.front();

    open_window();
    platform_ = std::make_unique<ui::Platform>(window_);
    ui::Targets::set_current(&targets_);
    ui::set_text_observer([](std::string_view text, void* user) { static_cast<ui::Fonts*>(user)->cover(text); },
                          &fonts_);
    cover_document();
    rebuild_fonts();
    if (!fonts_.available()) std::fprintf(stderr, "parley-editor: %s\n", fonts_.error().c_str());
    reset_playtest_setup();
}

EditorApp::~EditorApp() {
    finish_autosave();
    ui::set_text_observer(nullptr, nullptr);
    ui::Targets::set_current(nullptr);
}

void EditorApp::open_window() {
    const std::string title = "Parley Editor · 场景编辑器";
    window_.create(sf::VideoMode(options_.width, options_.height), sf::String::fromUtf8(title.begin(), title.end()));
    ui::set_window_icon(window_, "parley-editor");
    window_.setKeyRepeatEnabled(true);
    window_.setFramerateLimit(options_.vsync_limit ? 60 : 0);
}

void EditorApp::rebuild_fonts() {
    fonts_.set_size(16.f);
    fonts_.build();
    platform_->reload_fonts_texture();
    ui::apply_theme(fonts_);
    ImGuiStyle& st = ImGui::GetStyle();
    st.FramePadding = ImVec2(6, 4);
    st.ItemSpacing = ImVec2(6, 5);
}

void EditorApp::cover_document() {
    // Only what is new since the last time: the nodes whose version has not been covered (an
    // edit touches one or a few), everything when the header or the document changed.
    const Scenario& s = doc_->scenario();
    const auto& versions = doc_->node_versions();
    auto cover_text = [&](const std::string&, Text& t) {
        fonts_.cover(t.zh);
        fonts_.cover(t.en);
    };
    if (covered_doc_ != doc_.get() || covered_header_ != doc_->header_version() || versions.size() != s.nodes.size()) {
        Scenario copy = s;
        visit_texts(copy, cover_text);
        covered_nodes_.clear();
        covered_nodes_.insert(versions.begin(), versions.end());
        covered_doc_ = doc_.get();
        covered_header_ = doc_->header_version();
    } else {
        std::unordered_set<std::uint64_t> now;
        now.reserve(versions.size());
        for (std::size_t i = 0; i < versions.size(); ++i) {
            if (!covered_nodes_.count(versions[i])) {
                Node copy = s.nodes[i];
                visit_node_texts(copy, "nodes/" + copy.id, cover_text);
            }
            now.insert(versions[i]);
        }
        covered_nodes_ = std::move(now);
    }
    if (covered_shared_ == shared_.get()) return;
    covered_shared_ = shared_.get();
    for (const auto& [id, p] : shared_->personas) fonts_.cover(p.name.zh), fonts_.cover(p.summary.zh);
    for (const auto& c : shared_->model.competencies) fonts_.cover(c.name.zh);
    auto cover_catalogue = [&](const auto& entries) {
        for (const auto& e : entries) fonts_.cover(e.name.zh), fonts_.cover(e.name.en);
    };
    cover_catalogue(all<Emotion>());
    cover_catalogue(all<Stage>());
    cover_catalogue(all<OutcomeType>());
    cover_catalogue(all<RedLine>());
    cover_catalogue(all<ObjectionMethod>());
    cover_catalogue(all<CloseStrategy>());
    cover_catalogue(all<Difficulty>());
    cover_catalogue(all<EntryMoment>());
    cover_catalogue(all<Duty>());
}

const char* EditorApp::t(const char* zh, const char* en) {
    fonts_.cover(zh);
    return lang_ == Lang::Zh ? zh : en;
}

void EditorApp::notify(const std::string& text, float seconds) {
    notice_ = text;
    notice_seconds_ = seconds;
    fonts_.cover(text);
}

// ============================================================================
// 2. Frames and events
// ============================================================================

int EditorApp::run() {
    while (step()) {
    }
    return 0;
}

void EditorApp::handle(const sf::Event& e) {
    if (e.type == sf::Event::Closed) {
        if (doc_->modified() || personas_modified()) close_requested_ = true;   // ask first
        else {
            finish_autosave();
            doc_->discard_recovery();
            quit_ = true;
        }
        return;
    }
    if (e.type == sf::Event::GainedFocus) external_dismissed_ = false, external_change_ = doc_->changed_on_disk();
    platform_->process_event(e);
}

bool EditorApp::step() {
    if (quit_ || !window_.isOpen()) return false;
    sf::Event e;
    while (window_.pollEvent(e)) handle(e);
    for (const sf::Event& synthetic : input_.next_frame()) handle(synthetic);
    if (quit_) {
        window_.close();
        return false;
    }
    if (fonts_.dirty()) rebuild_fonts();
    const float real_dt = frame_clock_.restart().asSeconds();
    const float dt = options_.fixed_time_step ? 1.f / 30.f : std::min(real_dt, 0.1f);
    after_edits();
    platform_->new_frame(sf::seconds(dt));
    targets_.begin_frame();
    draw_frame(dt);
    window_.clear(sf::Color(236, 240, 245));
    platform_->render();
    if (frame_hook_) frame_hook_(*this);
    window_.display();
    ++frame_;
    since_edit_ += dt;
    // Autosave a few seconds after the last edit, on a low-priority thread (the canonical text
    // of a big scenario takes longer than a frame); look for changes on disk now and then.
    if (autosave_running_.valid() &&
        autosave_running_.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
        finish_autosave();
    if (!autosave_running_.valid() && doc_->modified() && since_edit_ > 3.f) {
        if (auto job = doc_->autosave_job()) {
            autosave_state_ = job->state;
            autosave_running_ = std::async(std::launch::async, [job = std::move(*job)] {
                lower_this_thread_priority();
                return write_autosave(job);
            });
        }
    }
    if (frame_ % 90 == 0 && !external_dismissed_ && doc_->changed_on_disk()) external_change_ = true;
    if (quit_) window_.close();
    return !quit_;
}

void EditorApp::finish_autosave() {
    if (!autosave_running_.valid()) return;
    const std::string error = autosave_running_.get();
    if (error.empty()) doc_->autosave_done(autosave_state_);
    else notify(error, 6.f);
}

bool EditorApp::checks_current() const {
    return validated_revision_ == doc_->revision() && !validator_.busy();
}

void EditorApp::settle() {
    for (int i = 0; i < 1000; ++i) {
        validator_.wait_idle();
        after_edits();
        if (validated_revision_ == doc_->revision()) break;
    }
    analysis_.wait_idle();
    after_edits();
}

void EditorApp::draw_frame(float dt) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    const ImU32 window_bg = ImGui::GetColorU32(ImGuiCol_WindowBg);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 0));   // filled by a clear (opaque_fill.h)
    ImGui::Begin("##editor", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar |
                     ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ui::fill_window_background(window_bg);
    draw_toolbar();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float splitter = 6.f;
    side_width_ = std::clamp(side_width_, 280.f, avail.x - 300.f);
    problems_height_ = std::clamp(problems_height_, 60.f, avail.y - 200.f);
    const float left_w = avail.x - side_width_ - splitter;
    const ImVec2 top_left = ImGui::GetCursorScreenPos();

    ImGui::BeginGroup();
    draw_canvas(ImVec2(left_w, avail.y - problems_height_ - splitter));
    // Splitter between canvas and problems.
    ImGui::InvisibleButton("##split_h", ImVec2(left_w, splitter));
    if (ImGui::IsItemActive()) problems_height_ -= ImGui::GetIO().MouseDelta.y;
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeNS);
    ImGui::GetWindowDrawList()->AddRectFilled(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), ui::palette::border);
    draw_problems(ImVec2(left_w, problems_height_));
    ImGui::EndGroup();

    ImGui::SetCursorScreenPos(ImVec2(top_left.x + left_w, top_left.y));
    ImGui::InvisibleButton("##split_v", ImVec2(splitter, avail.y));
    if (ImGui::IsItemActive()) side_width_ -= ImGui::GetIO().MouseDelta.x;
    if (ImGui::IsItemHovered() || ImGui::IsItemActive()) ImGui::SetMouseCursor(ImGuiMouseCursor_ResizeEW);
    ImGui::GetWindowDrawList()->AddRectFilled(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), ui::palette::border);
    ImGui::SetCursorScreenPos(ImVec2(top_left.x + left_w + splitter, top_left.y));
    draw_side_panel(ImVec2(side_width_, avail.y));
    shortcuts();
    ImGui::End();
    draw_modals();

    if (notice_seconds_ > 0.f && !notice_.empty()) {
        notice_seconds_ -= dt;
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        ImFont* font = ui::type().body;
        const ImVec2 size = font->CalcTextSizeA(font->FontSize, 900.f, 900.f, notice_.c_str());
        const ImVec2 pos(vp->Pos.x + (vp->Size.x - size.x) * 0.5f - 12, vp->Pos.y + vp->Size.y - size.y - 40);
        dl->AddRectFilled(pos, ImVec2(pos.x + size.x + 24, pos.y + size.y + 16), ui::palette::header, 6.f);
        dl->AddText(font, font->FontSize, ImVec2(pos.x + 12, pos.y + 8), ui::palette::header_ink, notice_.c_str(),
                    nullptr, 900.f);
    }
}

// ============================================================================
// 3. Derived views after edits
// ============================================================================

void EditorApp::after_edits() {
    if (doc_->revision() != seen_revision_) {
        seen_revision_ = doc_->revision();
        since_edit_ = 0.f;
        // The validator judges the new model on its thread; a frame never waits for it. The
        // problems panel shows its verdict in the first frame after it is ready.
        validator_.request(shared_, doc_->snapshot(), doc_->revision(), doc_->node_versions(), doc_->header_version());
        if (selected_ && *selected_ >= doc_->scenario().nodes.size()) selected_.reset(), selected_option_.reset();
        cover_document();
    }
    if (auto v = validator_.latest(); v && v->revision != validated_revision_ && v->revision <= doc_->revision()) {
        validation_ = v->validation;
        validated_revision_ = v->revision;
        // The analysis follows, on its own low-priority thread, when the model has no errors
        // and is still the one being edited.
        if (validation_.complete && !analysis_persona_.empty() && v->revision == doc_->revision())
            analysis_.request(shared_, v->scenario, analysis_persona_, v->revision);
    }
    if (auto r = analysis_.latest(); r && r->revision != overlay_.revision) build_overlay(*r);
}

// ============================================================================
// 4. Toolbar and files
// ============================================================================

namespace {

bool tool(const char* label, const char* target, bool enabled = true, ui::Button kind = ui::Button::Secondary) {
    const bool pressed = ui::button(label, kind, ImVec2(0, 0), enabled);
    ui::mark_target(target);
    ImGui::SameLine();
    return pressed && enabled;
}

}  // namespace

void EditorApp::draw_toolbar() {
    const float h = 44.f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    ui::fill_opaque_rect(ImGui::GetWindowDrawList(), p, ImVec2(p.x + w, p.y + h), ui::palette::header, 0.f);
    ImGui::SetCursorScreenPos(ImVec2(p.x + 10, p.y + 7));
    ImGui::BeginGroup();
    if (tool(t("新建", "New"), "tool.new")) new_document();
    if (tool(t("打开", "Open"), "tool.open")) path_prompt_ = PathPrompt::Open, path_buffer_ = doc_->file().string();
    if (tool(t("保存", "Save"), "tool.save", true, doc_->modified() ? ui::Button::Primary : ui::Button::Secondary)) save();
    if (tool(t("另存为", "Save as"), "tool.save_as")) path_prompt_ = PathPrompt::SaveAs, path_buffer_ = doc_->file().string();
    if (tool(t("撤销", "Undo"), "tool.undo", doc_->can_undo())) doc_->undo();
    if (tool(t("重做", "Redo"), "tool.redo", doc_->can_redo())) doc_->redo();
    if (tool(t("添加节点", "Add node"), "tool.add_node")) {
        const Vec2 at{camera_.offset.x + 80.f / camera_.zoom, camera_.offset.y + 80.f / camera_.zoom};
        select(doc_->add_node(NodeKind::Dialogue, Stage::Probing, at));
    }
    if (tool(t("自动布局", "Auto layout"), "tool.layout")) {
        doc_->move_nodes(auto_layout(doc_->scenario()), "Auto layout");
        fit_pending_ = true;
    }
    if (tool(t("导出翻译", "Export CSV"), "tool.export"))
        path_prompt_ = PathPrompt::ExportCsv,
        path_buffer_ = doc_->file().empty() ? "texts.csv" : fs::path(doc_->file()).replace_extension(".csv").string();
    if (tool(t("导入翻译", "Import CSV"), "tool.import"))
        path_prompt_ = PathPrompt::ImportCsv,
        path_buffer_ = doc_->file().empty() ? "texts.csv" : fs::path(doc_->file()).replace_extension(".csv").string();
    if (tool(lang_ == Lang::Zh ? "English" : "中文", "tool.lang")) lang_ = lang_ == Lang::Zh ? Lang::En : Lang::Zh;

    // Search by id or text: Enter centres the canvas on the next match.
    ImGui::SetNextItemWidth(150);
    if (focus_search_) ImGui::SetKeyboardFocusHere(), focus_search_ = false;
    const bool go = ImGui::InputTextWithHint("##search", t("搜索 (Ctrl+F)", "Search (Ctrl+F)"), &search_,
                                             ImGuiInputTextFlags_EnterReturnsTrue);
    ui::mark_target("tool.search");
    fonts_.cover(search_);
    if (go && !search_.empty()) {
        const auto& nodes = doc_->scenario().nodes;
        const std::size_t from = selected_ ? *selected_ + 1 : 0;
        for (std::size_t step = 0; step < nodes.size(); ++step) {
            const std::size_t i = (from + step) % nodes.size();
            bool hit = nodes[i].id.find(search_) != std::string::npos;
            Node copy = nodes[i];
            visit_node_texts(copy, "", [&](const std::string&, Text& tx) {
                hit = hit || tx.zh.find(search_) != std::string::npos || tx.en.find(search_) != std::string::npos;
            });
            if (hit) {
                select(i, std::nullopt, true);
                break;
            }
        }
    }
    ImGui::SameLine();
    // The persona whose best and worst paths the overlay shows.
    ImGui::SetNextItemWidth(130);
    const Persona* shown = shared_->persona(analysis_persona_);
    if (ImGui::BeginCombo("##persona", shown ? shown->name.in(lang_).c_str() : "-")) {
        for (const auto& id : doc_->scenario().personas) {
            const Persona* p = shared_->persona(id);
            if (ImGui::Selectable(p ? p->name.in(lang_).c_str() : id.c_str(), id == analysis_persona_)) {
                analysis_persona_ = id;
                seen_revision_ = ~0ull;   // analyse again for this persona
            }
        }
        ImGui::EndCombo();
    }
    ui::mark_target("tool.persona");
    ImGui::SameLine();
    std::string title = doc_->file().empty() ? t("未命名", "untitled") : doc_->file().filename().string();
    if (doc_->modified()) title += " *";
    ImGui::PushStyleColor(ImGuiCol_Text, ui::palette::header_ink);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 4);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopStyleColor();
    ImGui::EndGroup();
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h));
}

void EditorApp::save(bool overwrite) {
    if (doc_->file().empty()) {
        path_prompt_ = PathPrompt::SaveAs;
        path_buffer_ = "scenario.json";
        return;
    }
    // A file that did not load completely loses what could not be read when it is saved: ask.
    if (doc_->opened_incomplete() && !incomplete_confirmed_) {
        confirm_incomplete_ = true;
        return;
    }
    incomplete_confirmed_ = false;
    finish_autosave();
    const SaveResult r = doc_->save(overwrite);
    if (r.status == SaveStatus::Saved) {
        notify(std::string(t("已保存 ", "Saved ")) + doc_->file().filename().string());
        remember_recent(doc_->file());
        external_change_ = false;
    } else if (r.status == SaveStatus::ChangedOnDisk) {
        external_change_ = true;
        external_dismissed_ = false;
    } else {
        notify(r.error, 8.f);
    }
}

void EditorApp::open_file(const fs::path& file) {
    std::string error;
    auto d = Document::open(file, shared_, options_.state_dir, error);
    if (!d) {
        notify(error, 8.f);
        return;
    }
    finish_autosave();
    if (!doc_->modified()) doc_->discard_recovery();
    doc_ = std::move(d);
    validated_revision_ = ~0ull;
    remember_recent(doc_->file());
    recovery_offer_ = doc_->find_recovery();
    selected_.reset();
    fit_pending_ = true;
    seen_revision_ = ~0ull;
    overlay_ = {};
    edges_revision_ = ~std::uint64_t(0);   // another document's revisions
    if (!doc_->scenario().personas.empty()) analysis_persona_ = doc_->scenario().personas.front();
    reset_playtest_setup();
}

void EditorApp::new_document() {
    finish_autosave();
    doc_ = std::make_unique<Document>(shared_, options_.state_dir);
    validated_revision_ = ~0ull;
    selected_.reset();
    fit_pending_ = true;
    seen_revision_ = ~0ull;
    overlay_ = {};
    edges_revision_ = ~std::uint64_t(0);   // another document's revisions
    reset_playtest_setup();
}

std::vector<std::string> EditorApp::recent_files() const {
    std::vector<std::string> out;
    const auto bytes = read_file(options_.state_dir / "recent.json");
    if (!bytes) return out;
    const auto j = nlohmann::json::parse(*bytes, nullptr, false);
    if (j.is_array())
        for (const auto& f : j)
            if (f.is_string()) out.push_back(f.get<std::string>());
    return out;
}

void EditorApp::remember_recent(const fs::path& file) {
    std::vector<std::string> list = recent_files();
    list.erase(std::remove(list.begin(), list.end(), file.string()), list.end());
    list.insert(list.begin(), file.string());
    if (list.size() > 8) list.resize(8);
    std::error_code ec;
    fs::create_directories(options_.state_dir, ec);
    write_file_atomically(options_.state_dir / "recent.json", nlohmann::json(list).dump() + "\n");
}

// ============================================================================
// 5. Modals
// ============================================================================

void EditorApp::draw_modals() {
    auto modal = [&](const char* id, bool want) {
        if (want && !ImGui::IsPopupOpen(id)) ImGui::OpenPopup(id);
        ImGui::SetNextWindowSize(ImVec2(560, 0));
        return ImGui::BeginPopupModal(id, nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings);
    };
    if (modal("##recovery", recovery_offer_.has_value())) {
        ui::heading(t("找到未保存的工作", "Unsaved work was found"));
        ui::text_wrapped(std::string(t("编辑器上次没有正常关闭。恢复 ", "The editor did not close normally last time. Recover the copy from ")) +
                         recovery_offer_->written_at + t(" 的副本吗?", "?"));
        if (tool(t("恢复", "Recover"), "recovery.accept", true, ui::Button::Primary)) {
            finish_autosave();
            doc_->recover(*recovery_offer_);
            recovery_offer_.reset();
            ImGui::CloseCurrentPopup();
        }
        if (tool(t("丢弃", "Discard"), "recovery.discard")) {
            finish_autosave();
            doc_->discard_recovery();
            recovery_offer_.reset();
            ImGui::CloseCurrentPopup();
        }
        ImGui::NewLine();
        ImGui::EndPopup();
    }
    draw_persona_rename();
    if (modal("##delete", delete_pending_.has_value())) {
        const std::size_t n = *delete_pending_;
        ui::heading(t("删除节点?", "Delete the node?"));
        ui::text_wrapped(std::string(t("以下位置链接到 ", "These places link to ")) + doc_->scenario().nodes[n].id + ":");
        for (std::size_t i = 0; i < delete_refs_.size() && i < 8; ++i) ui::caption(delete_refs_[i]);
        if (tool(t("删除", "Delete"), "delete.confirm", true, ui::Button::Danger)) {
            doc_->delete_node(n);
            selected_.reset();
            delete_pending_.reset();
            ImGui::CloseCurrentPopup();
        }
        if (tool(t("取消", "Cancel"), "delete.cancel")) {
            delete_pending_.reset();
            ImGui::CloseCurrentPopup();
        }
        ImGui::NewLine();
        ImGui::EndPopup();
    }
    if (modal("##external", external_change_ && !external_dismissed_ && !recovery_offer_)) {
        ui::heading(t("文件已在磁盘上被修改", "The file changed on disk"));
        ui::text_wrapped(t("另一个程序修改了这个文件。重新读取(可撤销),还是保留你的版本?保存时会覆盖它。",
                           "Another program changed this file. Read it again (undoable), or keep your version? "
                           "Saving will then overwrite it."));
        if (tool(t("重新读取", "Reload"), "external.reload", true, ui::Button::Primary)) {
            std::string error;
            if (!doc_->reload(error)) notify(error);
            external_change_ = false;
            ImGui::CloseCurrentPopup();
        }
        if (tool(t("保留我的并覆盖", "Keep mine and overwrite"), "external.overwrite")) {
            external_change_ = false;
            save(true);
            ImGui::CloseCurrentPopup();
        }
        if (tool(t("稍后", "Later"), "external.later")) {
            external_dismissed_ = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::NewLine();
        ImGui::EndPopup();
    }
    if (modal("##incomplete", confirm_incomplete_)) {
        ui::heading(t("这个文件没有完整读取", "This file did not load completely"));
        std::size_t errors = 0;
        for (const auto& d : doc_->open_diagnostics().items) errors += d.severity == Severity::Error ? 1 : 0;
        ui::text_wrapped(std::string(t("打开时有 ", "It had ")) + std::to_string(errors) +
                         t(" 个错误。保存只会写入能读出的部分,其余内容会从文件中丢失。仍然保存吗?",
                           " errors when it was opened. Saving writes only what could be read; the rest is dropped from the "
                           "file. Save anyway?"));
        if (tool(t("仍然保存", "Save anyway"), "incomplete.save", true, ui::Button::Danger)) {
            confirm_incomplete_ = false;
            incomplete_confirmed_ = true;
            ImGui::CloseCurrentPopup();
            save();
        }
        if (tool(t("另存为副本", "Save a copy as"), "incomplete.save_as")) {
            confirm_incomplete_ = false;
            ImGui::CloseCurrentPopup();
            path_prompt_ = PathPrompt::SaveAs;
            path_buffer_ = fs::path(doc_->file()).replace_extension(".fixed.json").string();
        }
        if (tool(t("取消", "Cancel"), "incomplete.cancel")) {
            confirm_incomplete_ = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::NewLine();
        ImGui::EndPopup();
    }
    if (modal("##quit", close_requested_)) {
        ui::heading(t("有未保存的修改", "There are unsaved changes"));
        ui::text_wrapped(t("退出前保存吗?", "Save before quitting?"));
        if (tool(t("保存并退出", "Save and quit"), "quit.save", true, ui::Button::Primary)) {
            if (doc_->modified()) save();
            save_personas(false);
            close_requested_ = false;
            ImGui::CloseCurrentPopup();
            if (!doc_->modified() && !personas_modified()) quit_ = true;
        }
        if (tool(t("不保存", "Quit without saving"), "quit.discard", true, ui::Button::Danger)) {
            finish_autosave();
            doc_->discard_recovery();
            quit_ = true;
            ImGui::CloseCurrentPopup();
        }
        if (tool(t("取消", "Cancel"), "quit.cancel")) {
            close_requested_ = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::NewLine();
        ImGui::EndPopup();
    }
    if (modal("##path", path_prompt_ != PathPrompt::None)) {
        const char* what = path_prompt_ == PathPrompt::Open     ? t("打开文件", "Open a file")
                           : path_prompt_ == PathPrompt::SaveAs ? t("另存为", "Save as")
                           : path_prompt_ == PathPrompt::ExportCsv ? t("导出翻译 CSV", "Export texts to CSV")
                                                                   : t("导入翻译 CSV", "Import texts from CSV");
        ui::heading(what);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        const bool enter = ImGui::InputText("##pathtext", &path_buffer_, ImGuiInputTextFlags_EnterReturnsTrue);
        ui::mark_target("path.text");
        if (path_prompt_ == PathPrompt::Open) {
            ui::caption(t("最近的文件", "Recent files"));
            for (const auto& f : recent_files())
                if (ImGui::Selectable(f.c_str())) path_buffer_ = f;
        }
        for (const auto& d : import_errors_.items) ui::text_wrapped(format(d), ui::palette::danger);
        const bool ok = tool(t("确定", "OK"), "path.ok", !path_buffer_.empty(), ui::Button::Primary) || enter;
        const bool cancel = tool(t("取消", "Cancel"), "path.cancel");
        ImGui::NewLine();
        if (ok) {
            const fs::path p = path_buffer_;
            bool close = true;
            if (path_prompt_ == PathPrompt::Open) {
                open_file(p);
            } else if (path_prompt_ == PathPrompt::SaveAs) {
                finish_autosave();
                const SaveResult r = doc_->save_as(p);
                notify(r.status == SaveStatus::Saved ? std::string(t("已保存 ", "Saved ")) + p.string() : r.error);
                if (r.status == SaveStatus::Saved) remember_recent(doc_->file());
            } else if (path_prompt_ == PathPrompt::ExportCsv) {
                const std::string error = write_file_atomically(p, export_texts_csv(doc_->scenario()));
                notify(error.empty() ? std::string(t("已导出 ", "Exported ")) + p.string() : error);
            } else {
                import_errors_ = {};
                const auto bytes = read_file(p);
                if (!bytes) import_errors_.add({Severity::Error, p.string(), 0, 0, "", "cannot read the file"});
                else if (import_texts_csv(*doc_, *bytes, p.string(), import_errors_)) notify(t("已导入翻译", "Texts imported"));
                for (const auto& d : import_errors_.items) fonts_.cover(d.message);
                close = import_errors_.items.empty();
            }
            if (close) path_prompt_ = PathPrompt::None, ImGui::CloseCurrentPopup();
        }
        if (cancel) path_prompt_ = PathPrompt::None, import_errors_ = {}, ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

void EditorApp::request_delete(std::size_t node) {
    if (node >= doc_->scenario().nodes.size()) return;
    delete_refs_ = doc_->references_to(doc_->scenario().nodes[node].id);
    if (delete_refs_.empty()) {
        doc_->delete_node(node);
        selected_.reset();
    } else {
        delete_pending_ = node;
    }
}

// ============================================================================
// 6. Shortcuts and walking the graph
// ============================================================================

void EditorApp::shortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    auto pressed = [](sf::Keyboard::Key k) { return ImGui::IsKeyPressed(static_cast<int>(k), true); };
    if (io.KeyCtrl) {
        // In a text field Ctrl+Z/Y are the field's own (its changes reach the document anyway).
        if (io.WantTextInput && (pressed(sf::Keyboard::Z) || pressed(sf::Keyboard::Y))) return;
        // In the persona panel they are the persona's (its own history and file).
        PersonaDocument* persona = panel_ == Panel::Persona ? persona_document(persona_shown_) : nullptr;
        if (pressed(sf::Keyboard::Z) && !io.KeyShift) {
            if (persona) persona->undo(), persona_edited(*persona);
            else doc_->undo();
        }
        if (pressed(sf::Keyboard::Y) || (pressed(sf::Keyboard::Z) && io.KeyShift)) {
            if (persona) persona->redo(), persona_edited(*persona);
            else doc_->redo();
        }
        if (pressed(sf::Keyboard::S)) {
            if (persona) save_personas(false);
            else save();
        }
        if (pressed(sf::Keyboard::F)) focus_search_ = true;
        return;
    }
    if (io.WantTextInput || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return;
    if (pressed(sf::Keyboard::Delete) && selected_) {
        if (selected_option_) doc_->delete_option(*selected_, *selected_option_), selected_option_.reset();
        else request_delete(*selected_);
    }
    if (pressed(sf::Keyboard::Right)) walk(1, 0);
    if (pressed(sf::Keyboard::Left)) walk(-1, 0);
    if (pressed(sf::Keyboard::Down)) walk(0, 1);
    if (pressed(sf::Keyboard::Up)) walk(0, -1);
}

// Right follows the selected option (or the first) to its next node; Left goes back to a node
// that leads here; Up and Down step through the node's options.
void EditorApp::walk(int dx, int dy) {
    const Scenario& s = doc_->scenario();
    if (s.nodes.empty()) return;
    if (!selected_) {
        auto it = s.node_index.find(s.start);
        select(it != s.node_index.end() ? it->second : 0, std::nullopt, true);
        return;
    }
    const Node& n = s.nodes[*selected_];
    if (dy != 0 && !n.options.empty()) {
        const int k = selected_option_ ? static_cast<int>(*selected_option_) + dy : (dy > 0 ? 0 : -1);
        const int count = static_cast<int>(n.options.size());
        selected_option_ = static_cast<std::size_t>(((k % count) + count) % count);
        return;
    }
    if (dx > 0) {
        std::string next;
        if (!n.options.empty()) next = n.options[selected_option_.value_or(0)].consequence.next;
        else if (n.negotiation) next = n.negotiation->on_deal;
        auto it = s.node_index.find(next);
        if (it != s.node_index.end()) select(it->second, std::nullopt, true);
    } else if (dx < 0) {
        for (std::size_t i = 0; i < s.nodes.size(); ++i)
            for (std::size_t k = 0; k < s.nodes[i].options.size(); ++k)
                if (s.nodes[i].options[k].consequence.next == n.id) {
                    select(i, k, true);
                    return;
                }
    }
}

void EditorApp::select(std::optional<std::size_t> node, std::optional<std::size_t> option, bool centre) {
    selected_ = node;
    selected_option_ = option;
    rename_for_.reset();
    if (node && centre) centre_pending_ = true;
    if (node) panel_ = panel_ == Panel::Scenario ? Panel::Inspector : panel_;
}

}  // namespace parley::editor
