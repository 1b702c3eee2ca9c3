// The player's window, frame loop, header bar and global shortcuts.
//
// Contents
//   1. Start-up: content, progress store, settings, window, fonts
//   2. Fonts: covering every text the player can show
//   3. Frames and events
//   4. Header bar, help, notices
//   5. Shortcuts and navigation
#include "app.h"

#include <SFML/Window/Event.hpp>

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "gamification.h"
#include "layout.h"
#include "parley/loader.h"
#include "parley/ui/opaque_fill.h"
#include "parley/ui/window_icon.h"
#include "parley/ui/theme.h"
#include "parley/ui/widgets.h"
#include "screens.h"

namespace parley::player {

// ============================================================================
// 1. Start-up
// ============================================================================

namespace {

void observe(std::string_view text, void* user) { static_cast<ui::Fonts*>(user)->cover(text); }

}  // namespace

App::App(const Options& options) : options_(options) {
    Diagnostics diags;
    content_ = load_content(options_.content, diags);
    if (!content_) content_ = std::make_shared<const ContentSet>();   // the library says what failed
    std::vector<std::string> errors;
    for (const auto& d : diags.items)
        if (d.severity == Severity::Error && errors.size() < 12) errors.push_back(format(d));
    if (!diags.ok() && errors.empty()) errors.push_back("cannot load content from " + options_.content.string());

    store_ = std::make_unique<ProgressStore>(options_.data_dir);
    shared_ = std::make_unique<Shared>(content_, *store_, fonts_);
    shared_->data_dir = options_.data_dir;
    shared_->content_errors = std::move(errors);
    shared_->unlock_all = options_.unlock_all;
    Settings& st = shared_->settings;
    if (auto v = store_->setting("lang")) st.lang = *v == "en" ? Lang::En : Lang::Zh;
    if (auto v = store_->setting("font_size")) st.font_size = std::clamp(std::atoi(v->c_str()), 14, 28);
    if (auto v = store_->setting("fullscreen")) st.fullscreen = *v == "1";
    if (options_.lang) st.lang = *options_.lang;
    if (options_.font_size) st.font_size = std::clamp(*options_.font_size, 14, 28);
    if (options_.fullscreen) st.fullscreen = true;
    if (!store_->ok()) shared_->notify(fmt(shared_->t(strings().store_unavailable), store_->error().c_str()), 10.f);

    open_window();
    platform_ = std::make_unique<ui::Platform>(window_);
    ui::Targets::set_current(&targets_);
    ui::set_text_observer(observe, &fonts_);
    cover_content_text();
    rebuild_fonts();
    if (!fonts_.available()) {
        // Without a Chinese font the program still runs (Latin only) and says why.
        std::fprintf(stderr, "parley: %s\n", fonts_.error().c_str());
        shared_->notify(fonts_.error(), 15.f);
    }
    screens_ = std::make_unique<Screens>();

    // Class results kept on this computer from an earlier start: sent again now, in the background.
    if (const std::size_t waiting = ClassClient(options_.data_dir).queued(); waiting > 0) {
        shared_->class_link().flush();
        class_flush_announced_ = true;
        shared_->notify(fmt(shared_->t(strings().class_outbox_sending), static_cast<int>(waiting)), 6.f);
    }
}

App::~App() {
    ui::set_text_observer(nullptr, nullptr);
    ui::Targets::set_current(nullptr);
    screens_.reset();
    // fonts_ goes before platform_ (members in reverse order): the atlas reads the mapped fonts.
}

void App::open_window() {
    const bool full = shared_->settings.fullscreen;
    const sf::VideoMode mode = full ? sf::VideoMode::getDesktopMode() : sf::VideoMode(options_.width, options_.height);
    const std::string title = "Parley · 谈判实训";
    window_.create(mode, sf::String::fromUtf8(title.begin(), title.end()), full ? sf::Style::Fullscreen : sf::Style::Default);
    ui::set_window_icon(window_, "parley");   // default icon when the assets are not found
    window_.setKeyRepeatEnabled(true);
    window_.setFramerateLimit(options_.vsync_limit ? 60 : 0);
}

// ============================================================================
// 2. Fonts
// ============================================================================

void App::cover_content_text() {
    auto cover = [this](const Text& t) {
        fonts_.cover(t.zh);
        fonts_.cover(t.en);
    };
    for (const Text* t : all_strings()) cover(*t);
    for (const auto& b : badge_catalogue()) cover(b.name), cover(b.rule), fonts_.cover(b.symbol);
    const CompetencyModel& m = content_->model;
    for (const auto& c : m.competencies) cover(c.name);
    for (const auto& t : m.tiers) cover(t.name);
    for (const auto& [id, p] : content_->personas) {
        cover(p.name), cover(p.summary), cover(p.approach), cover(social_style(p));
        for (const auto& [e, cues] : p.cues)
            for (const auto& c : cues) cover(c);
    }
    for (const auto& s : content_->scenarios) {
        cover(s->title), cover(s->summary), cover(s->company), cover(s->situation), cover(s->entry_note);
        for (const auto& o : s->objectives) cover(o);
        for (const auto& n : s->state.needs) cover(n.label);
        for (const auto& o : s->state.objections) cover(o.label);
        for (const auto& node : s->nodes) {
            cover(node.line), cover(node.summary);
            if (node.cue) cover(*node.cue);
            for (const auto& [p, t] : node.line_by_persona) cover(t);
            for (const auto& o : node.options) {
                cover(o.text), cover(o.consequence.feedback);
                if (o.close) cover(o.close->premature.feedback);
                if (o.violation) cover(o.violation->explanation);
            }
            if (node.negotiation) {
                cover(node.negotiation->briefing);
                for (const auto& i : node.negotiation->issues) cover(i.label), fonts_.cover(i.unit);
            }
        }
    }
    auto cover_catalogue = [&](const auto& entries) {
        for (const auto& e : entries) cover(e.name);
    };
    cover_catalogue(all<Difficulty>());
    cover_catalogue(all<Emotion>());
    cover_catalogue(all<Stage>());
    cover_catalogue(all<OutcomeType>());
    cover_catalogue(all<RedLine>());
    cover_catalogue(all<EntryMoment>());
    cover_catalogue(all<MoveKind>());
    cover_catalogue(all<ObjectionMethod>());
    cover_catalogue(all<CloseStrategy>());
    cover_catalogue(all<NegotiationRule>());
}

void App::rebuild_fonts() {
    fonts_.set_size(static_cast<float>(shared_->settings.font_size));
    fonts_.build();
    platform_->reload_fonts_texture();
    ui::apply_theme(fonts_);
}

// ============================================================================
// 3. Frames and events
// ============================================================================

int App::run() {
    while (step()) {
    }
    return exit_code_;
}

void App::quit(int exit_code) {
    exit_code_ = exit_code;
    quit_ = true;
}

void App::handle(const sf::Event& e) {
    if (e.type == sf::Event::Closed) {
        if (shared_->run) save_current(*shared_);
        quit_ = true;
        return;
    }
    platform_->process_event(e);
}

bool App::step() {
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
    sf::Clock phase;
    platform_->new_frame(sf::seconds(dt));
    targets_.begin_frame();
    draw_frame(dt);
    frame_times_.ui_ms = phase.restart().asMicroseconds() / 1000.0;
    window_.clear(sf::Color(236, 240, 245));
    platform_->render();
    frame_times_.render_ms = phase.restart().asMicroseconds() / 1000.0;
    if (frame_hook_) frame_hook_(*this);
    phase.restart();
    window_.display();
    frame_times_.display_ms = phase.restart().asMicroseconds() / 1000.0;
    if (first_frame_seconds_ < 0) first_frame_seconds_ = since_start_.getElapsedTime().asSeconds();
    ++frame_;

    apply_navigation();
    keep_class_informed();
    auto& jobs = shared_->background;
    jobs.erase(std::remove_if(jobs.begin(), jobs.end(), [](const auto& job) { return job->ready(); }), jobs.end());
    if (toggle_fullscreen_) {
        toggle_fullscreen_ = false;
        shared_->settings.fullscreen = !shared_->settings.fullscreen;
        save_settings();
        open_window();
        platform_->window_recreated();
    }
    if (quit_) window_.close();
    return !quit_;
}

void App::draw_frame(float dt) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, 0));
    ImGui::Begin("##parley", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollbar |
                     ImGuiWindowFlags_NoBackground);   // the clear colour is the background: one fill less
    ImGui::PopStyleVar(2);
    draw_header();
    shortcuts();
    switch (shared_->screen) {
        case Screen::Library: screens_->library.draw(*shared_); break;
        case Screen::Briefing: screens_->briefing.draw(*shared_); break;
        case Screen::Meeting: screens_->meeting.draw(*shared_, dt); break;
        case Screen::Debrief: screens_->debrief.draw(*shared_); break;
        case Screen::Progress: screens_->progress.draw(*shared_); break;
        case Screen::Class: screens_->klass.draw(*shared_); break;
    }
    ImGui::End();
    draw_help();

    // A notice fades out at the bottom centre.
    if (shared_->notice_seconds > 0.f && !shared_->notice.empty()) {
        shared_->notice_seconds -= dt;
        const float u = ui::unit();
        ImFont* font = ui::type().body;
        const float wrap = std::min(vp->Size.x - 8 * u, 70 * u);
        const auto lines = ui::wrap_lines(shared_->notice, wrap, font);
        float w = 0.f;
        for (const auto& l : lines) w = std::max(w, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, l.data(), l.data() + l.size()).x);
        const float lh = std::round(font->FontSize * 1.42f);
        const ImVec2 size(w + 4 * u, static_cast<float>(lines.size()) * lh + 2 * u);
        const ImVec2 pos(vp->Pos.x + (vp->Size.x - size.x) * 0.5f, vp->Pos.y + vp->Size.y - size.y - 3 * u);
        ImDrawList* dl = ImGui::GetForegroundDrawList();
        const unsigned alpha = static_cast<unsigned>(255.f * std::clamp(shared_->notice_seconds, 0.f, 1.f));
        dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), ui::with_alpha(ui::palette::header, alpha * 240 / 255), u);
        for (std::size_t i = 0; i < lines.size(); ++i)
            dl->AddText(font, font->FontSize, ImVec2(pos.x + 2 * u, pos.y + u + lh * static_cast<float>(i)),
                        ui::with_alpha(ui::palette::header_ink, alpha), lines[i].data(), lines[i].data() + lines[i].size());
    }
}

// ============================================================================
// 4. Header bar, help
// ============================================================================

namespace {

// A header button: light text on the dark bar; the active one underlined in gold.
bool header_button(const char* label, bool active, const char* target) {
    const float u = ui::unit();
    ImGui::PushStyleColor(ImGuiCol_Button, ui::palette::rgb(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ui::palette::rgb(255, 255, 255, 26));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, ui::palette::rgb(255, 255, 255, 46));
    ImGui::PushStyleColor(ImGuiCol_Text, active ? ui::palette::rgb(255, 255, 255) : ui::palette::rgb(190, 204, 224));
    ImGui::PushStyleColor(ImGuiCol_Border, ui::palette::rgb(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(1.6f * u, 0.9f * u));
    const bool pressed = ImGui::Button(label);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(5);
    ui::mark_target(target);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (active) {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(a.x + u, b.y + 0.55f * u), ImVec2(b.x - u, b.y + 0.85f * u),
                                                  ui::palette::accent, 2.f);
    }
    return pressed;
}

}  // namespace

void App::draw_header() {
    Shared& s = *shared_;
    const UiStrings& S = strings();
    const float u = ui::unit();
    const float h = std::round(ui::type().body->FontSize * 3.1f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ui::fill_opaque_rect(dl, p, ImVec2(p.x + w, p.y + h), ui::palette::header, 0.f);

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(3 * u, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0.6f * u, 0));
    ImGui::BeginChild("##header", ImVec2(w, h), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NavFlattened);
    const float mid = h * 0.5f;

    // Brand: a gold mark and the name.
    ImFont* heading = ui::type().heading;
    const ImVec2 mark(p.x + 3 * u, p.y + mid - 1.6f * u);
    dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(mark, ImVec2(mark.x + 3.2f * u, mark.y + 3.2f * u), ui::palette::accent, 0.8f * u);
    const char* glyph = "谈";
    const ImVec2 gs = heading->CalcTextSizeA(heading->FontSize, FLT_MAX, 0, glyph);
    dl->AddText(heading, heading->FontSize, ImVec2(mark.x + (3.2f * u - gs.x) * 0.5f, mark.y + (3.2f * u - gs.y) * 0.5f),
                ui::palette::header, glyph);
    const std::string brand = "Parley";
    dl->AddText(heading, heading->FontSize, ImVec2(mark.x + 4.4f * u, p.y + mid - heading->FontSize * 0.5f),
                ui::palette::rgb(255, 255, 255), brand.c_str());
    const float brand_w = heading->CalcTextSizeA(heading->FontSize, FLT_MAX, 0, brand.c_str()).x;
    ImFont* small = ui::type().small;
    const std::string tagline = s.lang() == Lang::Zh ? "谈判实训" : "Negotiation training";
    dl->AddText(small, small->FontSize, ImVec2(mark.x + 5.2f * u + brand_w, p.y + mid - small->FontSize * 0.45f),
                ui::palette::rgb(170, 188, 212), tagline.c_str());
    const float tag_w = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, tagline.c_str()).x;

    // Navigation.
    const float button_h = ImGui::GetFontSize() + 1.8f * u;
    ImGui::SetCursorPos(ImVec2(3 * u + 7.5f * u + brand_w + tag_w, mid - button_h * 0.5f));
    if (header_button(s.t(S.nav_library), s.screen == Screen::Library || s.screen == Screen::Briefing, "nav.library"))
        s.go(Screen::Library);
    ImGui::SameLine();
    if (s.run) {
        if (header_button(s.t(S.nav_meeting), s.screen == Screen::Meeting, "nav.meeting")) s.go(Screen::Meeting);
        ImGui::SameLine();
    } else if (s.finished) {
        if (header_button(s.t(S.nav_debrief), s.screen == Screen::Debrief, "nav.debrief")) s.go(Screen::Debrief);
        ImGui::SameLine();
    }
    if (header_button(s.t(S.nav_progress), s.screen == Screen::Progress, "nav.progress")) s.go(Screen::Progress);
    std::optional<ClassLink::State> klass;
    if (s.classroom) klass = s.classroom->state();
    if (klass && klass->membership) {
        ImGui::SameLine();
        if (header_button(s.t(S.nav_class), s.screen == Screen::Class, "nav.class")) s.go(Screen::Class);
    }
    const float nav_end = ImGui::GetItemRectMax().x;

    // Right side: XP and tier, language, text size, full screen, help.
    const std::string xp = std::to_string(total_xp(s.store.runs())) + " " + s.t(S.xp);
    const Tier* tier = trainee_tier(s.content.model, s.store.runs());
    const std::string status = tier ? xp + "  ·  " + tier->name.in(s.lang()) : xp;
    const char* labels[] = {s.t(S.lang_toggle), "A-", "A+", "   ", "?"};
    float right_w = 0.f;
    for (const char* l : labels) right_w += ImGui::CalcTextSize(l).x + 3.2f * u + 0.6f * u;
    const float status_w = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, status.c_str()).x + 2.4f * u;
    float x = w - 3 * u - right_w - status_w - 1.5f * u;
    {
        const ImVec2 a(p.x + x, p.y + mid - small->FontSize * 0.5f - 0.5f * u);
        const ImVec2 b(a.x + status_w, a.y + small->FontSize + u);
        dl->AddRectFilled(a, b, ui::palette::rgb(255, 255, 255, 22), (b.y - a.y) * 0.5f);
        ui::draw_star(dl, ImVec2(a.x + 1.2f * u, (a.y + b.y) * 0.5f), 0.55f * u, ui::palette::accent, ui::palette::accent);
        dl->AddText(small, small->FontSize, ImVec2(a.x + 2.2f * u, a.y + 0.5f * u), ui::palette::header_ink, status.c_str());
    }
    // The class chip: the trainee's live rank (or how many have finished), from the last board.
    if (klass && klass->membership && klass->board_version > 0 && (s.class_run || s.screen == Screen::Class)) {
        const nlohmann::json& b = klass->board.body;
        std::string chip;
        if (!klass->board.ok() || klass->board_stale || !b.is_object()) chip = s.t(S.class_chip_offline);
        else if (b.contains("me") && b["me"].is_object())
            chip = fmt(s.t(S.class_chip_rank), b["me"].value("rank", 0), b.value("players", 0));
        else chip = fmt(s.t(S.class_chip_finished), b.value("finished", 0), b.value("players", 0));
        const float chip_w = small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, chip.c_str()).x + 2.4f * u;
        const float cx = x - chip_w - u;
        if (cx > nav_end - p.x + u) {
            const ImVec2 a(p.x + cx, p.y + mid - small->FontSize * 0.5f - 0.5f * u);
            const ImVec2 c(a.x + chip_w, a.y + small->FontSize + u);
            const bool ok = klass->board.ok() && !klass->board_stale;
            dl->AddRectFilled(a, c, ok ? ui::with_alpha(ui::palette::accent, 200) : ui::palette::rgb(255, 255, 255, 22),
                              (c.y - a.y) * 0.5f);
            dl->AddText(small, small->FontSize, ImVec2(a.x + 1.2f * u, a.y + 0.5f * u),
                        ok ? ui::palette::header : ui::palette::header_ink, chip.c_str());
            if (ui::Targets* t = ui::Targets::current()) t->mark("class.chip", a, c);
        }
    }
    x += status_w + 1.5f * u;
    ImGui::SetCursorPos(ImVec2(x, mid - button_h * 0.5f));
    if (header_button(s.t(S.lang_toggle), false, "nav.lang")) {
        s.settings.lang = s.lang() == Lang::Zh ? Lang::En : Lang::Zh;
        save_settings();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.t(S.lang_toggle_tip));
    ImGui::SameLine();
    if (header_button("A-", false, "nav.font_smaller") && s.settings.font_size > 14) {
        s.settings.font_size -= 2;
        save_settings();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.t(S.font_size_tip));
    ImGui::SameLine();
    if (header_button("A+", false, "nav.font_larger") && s.settings.font_size < 28) {
        s.settings.font_size += 2;
        save_settings();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.t(S.font_size_tip));
    ImGui::SameLine();
    // Full screen: four corner marks drawn over an empty button.
    if (header_button("   ##fullscreen", false, "nav.fullscreen")) toggle_fullscreen_ = true;
    {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        const ImVec2 c((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
        const float r = 0.75f * u, k = 0.45f * u;
        const ImU32 col = ui::palette::rgb(190, 204, 224);
        for (int sx = -1; sx <= 1; sx += 2)
            for (int sy = -1; sy <= 1; sy += 2) {
                const ImVec2 corner(c.x + static_cast<float>(sx) * r, c.y + static_cast<float>(sy) * r);
                dl->AddLine(corner, ImVec2(corner.x - static_cast<float>(sx) * k, corner.y), col, 1.6f);
                dl->AddLine(corner, ImVec2(corner.x, corner.y - static_cast<float>(sy) * k), col, 1.6f);
            }
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.t(S.fullscreen_tip));
    ImGui::SameLine();
    if (header_button("?", false, "nav.help")) show_help_ = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.t(S.help_tip));
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
}

void App::draw_help() {
    const UiStrings& S = strings();
    Shared& s = *shared_;
    if (show_help_) {
        ImGui::OpenPopup("##help");
        show_help_ = false;
    }
    const float u = ui::unit();
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(3 * u, 3 * u));
    if (ImGui::BeginPopupModal("##help", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        ui::heading(s.t(S.shortcuts_title));
        ui::vspace(0.5f);
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(u, u));
        ui::text_wrapped(s.t(S.shortcuts_body), ui::palette::ink, 64 * u);
        ui::vspace(1.f);
        if (ui::button(s.t(S.close), ui::Button::Primary) || ImGui::IsKeyPressed(sf::Keyboard::Escape, false))
            ImGui::CloseCurrentPopup();
        ui::mark_target("help.close");
        ImGui::PopStyleVar();
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
}

// ============================================================================
// 5. Shortcuts and navigation
// ============================================================================

void App::shortcuts() {
    Shared& s = *shared_;
    const ImGuiIO& io = ImGui::GetIO();
    auto pressed = [](sf::Keyboard::Key k) { return ImGui::IsKeyPressed(k, false); };
    if (pressed(sf::Keyboard::F1)) show_help_ = true;
    if (pressed(sf::Keyboard::F2)) {
        s.settings.lang = s.lang() == Lang::Zh ? Lang::En : Lang::Zh;
        save_settings();
    }
    if (pressed(sf::Keyboard::F11)) toggle_fullscreen_ = true;
    if (io.KeyCtrl) {
        if (pressed(sf::Keyboard::Num1)) s.go(Screen::Library);
        if (pressed(sf::Keyboard::Num2)) s.go(Screen::Progress);
        if ((pressed(sf::Keyboard::Equal) || pressed(sf::Keyboard::Add)) && s.settings.font_size < 28) {
            s.settings.font_size += 2;
            save_settings();
        }
        if ((pressed(sf::Keyboard::Hyphen) || pressed(sf::Keyboard::Subtract)) && s.settings.font_size > 14) {
            s.settings.font_size -= 2;
            save_settings();
        }
        if (pressed(sf::Keyboard::F)) {
            s.go(Screen::Library);
            screens_->library.focus_search();
        }
    }
    if (static_cast<float>(s.settings.font_size) != fonts_.size()) fonts_.set_size(static_cast<float>(s.settings.font_size));
}

void App::apply_navigation() {
    Shared& s = *shared_;
    if (!s.next_screen) return;
    const Screen to = *s.next_screen;
    s.next_screen.reset();
    if (to == Screen::Meeting && !s.run) return;
    if (to == Screen::Debrief && !s.finished) return;
    if (to == Screen::Briefing && !s.selection.scenario) return;
    s.screen = to;
    if (to == Screen::Library) screens_->library.enter(s);
    if (to == Screen::Briefing) screens_->briefing.enter(s);
    if (to == Screen::Meeting) screens_->meeting.enter(s);
    if (to == Screen::Debrief) screens_->debrief.enter(s);
    if (to == Screen::Class) screens_->klass.enter(s);
}

// The class's run: every decision goes to the server as progress; the board (the rank chip, the
// class board) is refreshed after each and every few seconds; a result kept on disk is sent
// again every half minute while the class board is shown. All of it on the ClassLink's thread.
void App::keep_class_informed() {
    Shared& s = *shared_;
    if (!s.classroom) return;
    ClassLink& link = *s.classroom;
    if (s.class_run && s.run) {
        const auto& decisions = s.run->session().decisions();
        if (decisions.size() != s.class_progress_sent) {
            std::vector<std::string> so_far;
            for (const auto& d : decisions) so_far.push_back(d.decision);
            link.progress(so_far);
            if (const auto m = link.state().membership) s.class_decisions_of = m->player_id;
            s.class_decisions = so_far;
            link.refresh_board();
            s.class_progress_sent = decisions.size();
            class_board_clock_.restart();
        }
    }
    const bool watching = (s.class_run && s.run) || s.screen == Screen::Class;
    if (watching && class_board_clock_.getElapsedTime().asSeconds() > 5.f) {
        link.refresh_board();
        class_board_clock_.restart();
    }
    const ClassLink::State st = link.state();
    if (s.screen == Screen::Class && st.submit == ClassLink::Submit::Queued && !st.flushing &&
        class_retry_clock_.getElapsedTime().asSeconds() > 30.f) {
        link.flush();
        class_retry_clock_.restart();
    }
    if (class_flush_announced_ && !st.flushing && !st.busy) {
        class_flush_announced_ = false;
        if (st.delivered > 0) s.notify(fmt(s.t(strings().class_outbox_sent), st.delivered), 6.f);
    }
}

void App::save_settings() {
    const Settings& st = shared_->settings;
    store_->set_setting("lang", st.lang == Lang::En ? "en" : "zh");
    store_->set_setting("font_size", std::to_string(st.font_size));
    store_->set_setting("fullscreen", st.fullscreen ? "1" : "0");
}

}  // namespace parley::player
