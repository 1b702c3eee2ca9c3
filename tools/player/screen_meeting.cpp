// Meeting: the client across the desk (posture and face follow the emotion), the body-language
// cue, the meters on easy and normal, the conversation so far, and the options (mouse or number
// keys). A negotiation node shows the negotiation panel instead of the options.
#include <algorithm>
#include <cmath>

#include "layout.h"
#include "parley/ui/dialogue_view.h"
#include "parley/ui/figure.h"
#include "parley/ui/opaque_fill.h"
#include "parley/ui/targets.h"
#include "screens.h"

namespace parley::player {

namespace {

std::vector<ui::DialogueEntry> dialogue(const Shared& s, const Run& run) {
    const UiStrings& S = strings();
    const std::string client = run.session().persona().name.in(s.lang());
    std::vector<ui::DialogueEntry> out;
    for (const auto& e : run.log()) {
        ui::DialogueEntry d;
        switch (e.kind) {
            case LogEntry::Kind::Client:
                d.speaker = ui::DialogueEntry::Speaker::Client;
                d.who = client;
                d.accent = ui::emotion_color(e.emotion);
                if (!e.cue.empty()) d.cue = std::string(s.t(S.body_language)) + s.t(S.colon) + s.t(e.cue);
                break;
            case LogEntry::Kind::Trainee:
                d.speaker = ui::DialogueEntry::Speaker::Trainee;
                d.who = s.t(S.you);
                break;
            case LogEntry::Kind::Note:
                d.speaker = ui::DialogueEntry::Speaker::Note;
                d.who = s.t(S.table_note);
                break;
        }
        d.text = s.t(e.text);
        out.push_back(std::move(d));
    }
    return out;
}

// An option: keycap number and wrapped text on a full-width button.
bool option_button(const std::string& number, const std::string& text, float width, const std::string& target) {
    const float u = ui::unit();
    ImFont* font = ui::type().body;
    const float text_x = 4.2f * u;
    const float h = ui::wrapped_height(text, width - text_x - 1.6f * u, font) + 2.2f * u;
    ImGui::PushID(target.c_str());
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton("##option", ImVec2(width, h));
    const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
    ui::mark_target(target);
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (!ImGui::IsItemVisible()) {   // scrolled out of view: no shapes for the renderer
        ImGui::PopID();
        return pressed;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 bg = active ? ui::palette::rgb(205, 220, 240) : hovered ? ui::palette::primary_soft : ui::palette::surface;
    ui::fill_opaque_rect(dl, p, ImVec2(p.x + width, p.y + h), bg, u);
    dl->AddRect(p, ImVec2(p.x + width, p.y + h), hovered ? ui::palette::primary : ui::palette::border, u);
    // Keycap.
    const float k = 2.4f * u;
    const ImVec2 kc(p.x + 1.2f * u, p.y + 1.1f * u);
    dl->AddRectFilled(kc, ImVec2(kc.x + k, kc.y + k), hovered ? ui::palette::primary : ui::palette::primary_soft, 0.5f * u);
    const ImVec2 ns = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, number.c_str());
    dl->AddText(font, font->FontSize, ImVec2(kc.x + (k - ns.x) * 0.5f, kc.y + (k - ns.y) * 0.5f),
                hovered ? ui::palette::rgb(255, 255, 255) : ui::palette::primary, number.c_str());
    // Text.
    const auto lines = ui::wrap_lines(text, width - text_x - 1.6f * u, font);
    const float lh = std::round(font->FontSize * 1.42f);
    float y = p.y + 1.1f * u + (k - font->FontSize) * 0.5f;
    for (const auto& l : lines) {
        dl->AddText(font, font->FontSize, ImVec2(p.x + text_x, y), ui::palette::ink, l.data(), l.data() + l.size());
        y += lh;
    }
    ImGui::PopID();
    return pressed;
}

float option_height(const std::string& text, float width) {
    const float u = ui::unit();
    return ui::wrapped_height(text, width - 4.2f * u - 1.6f * u, ui::type().body) + 2.2f * u;
}

}  // namespace

void MeetingScreen::enter(Shared& s) {
    if (!s.run) return;
    figure_.set_emotion(s.run->session().beat().emotion);
    figure_.settle();
    seen_log_ = 0;
    confirm_leave_ = false;
    error_.clear();
    negotiation_.reset();
}

void MeetingScreen::draw(Shared& s, float dt) {
    const UiStrings& S = strings();
    if (!s.run) {
        // Nothing to show (unless a move elsewhere is already on its way).
        if (!s.next_screen) s.go(Screen::Library);
        return;
    }
    Run& run = *s.run;
    const Session& session = run.session();
    const BeatView beat = session.beat();
    figure_.set_emotion(beat.emotion);
    figure_.update(dt);

    const float u = ui::unit();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(3 * u, 2 * u));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(1.5f * u, 1.2f * u));
    ImGui::BeginChild("##meeting", ImVec2(0, 0), false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NavFlattened | ImGuiWindowFlags_AlwaysUseWindowPadding);
    const ImVec2 avail = ImGui::GetContentRegionAvail();

    // ---- Top line: where we are (title, stage, difficulty | decision count, leave) ------------
    const float row_h = ImGui::GetFontSize() + 2.2f * u;   // a button's height
    const float row_y = ImGui::GetCursorPosY();
    auto centre_y = [&](float h) { ImGui::SetCursorPosY(row_y + (row_h - h) * 0.5f); };
    centre_y(ui::type().heading->FontSize);
    ImGui::PushFont(ui::type().heading);
    ui::text(std::string(s.t(session.scenario().title)) + "  ·  " + s.t(session.persona().name));
    ImGui::PopFont();
    const float chip_h = ui::type().small->FontSize + 0.6f * u;
    ImGui::SameLine(0, 2 * u);
    centre_y(chip_h);
    ui::chip(std::string(s.t(S.stage)) + " · " + s.t(name_of(beat.stage)), ui::palette::primary_soft, ui::palette::primary);
    ImGui::SameLine(0, 0.6f * u);
    centre_y(chip_h);
    ui::chip(s.t(name_of(session.difficulty())), ui::with_alpha(difficulty_color(session.difficulty()), 30),
             difficulty_color(session.difficulty()));
    const std::string count = fmt(s.t(S.decision_n), static_cast<int>(session.decisions().size()) + 1);
    const float leave_w = ImGui::CalcTextSize(s.t(S.leave)).x + 4 * u;
    const float count_w = ImGui::CalcTextSize(count.c_str()).x;
    ImGui::SameLine(avail.x - leave_w - count_w - 2.f * u);
    centre_y(ImGui::GetFontSize());
    ui::text(count, ui::palette::ink_muted);
    ImGui::SameLine(avail.x - leave_w);
    centre_y(row_h);
    if (ui::button(s.t(S.leave), ui::Button::Secondary, ImVec2(leave_w, 0))) confirm_leave_ = true;
    ui::mark_target("meeting.leave");
    ImGui::SetCursorPosY(row_y + row_h + 1.2f * u);

    const float body_h = ImGui::GetContentRegionAvail().y;
    const float gap = 2.f * u;
    const float left_w = std::floor(std::min(avail.x * 0.36f, 62.f * u));
    const float right_w = avail.x - left_w - gap;
    const bool negotiating = session.in_negotiation();

    // ---- Left: the client ----------------------------------------------------------------
    column_begin("##client", left_w, body_h);
    draw_client(s, left_w, body_h);
    column_end();
    ImGui::SameLine(0, gap);

    // ---- Right: conversation and options, or the negotiation -------------------------------
    column_begin("##talk", right_w, body_h);
    const auto entries = dialogue(s, run);
    const bool follow = run.log().size() != seen_log_;
    seen_log_ = run.log().size();
    if (negotiating) {
        const float talk_h = std::floor(body_h * 0.30f);
        ui::dialogue_view("##dialogue", entries, ImVec2(right_w, talk_h), follow);
        ui::vspace(0.3f);
        negotiation_.draw(s, ImGui::GetContentRegionAvail().y);
    } else if (session.finished()) {
        // The panel's height depends on the text size: use the one measured last frame.
        const float end_h = ended_height_ > 0.f ? ended_height_ : 12.f * u;
        ui::dialogue_view("##dialogue", entries, ImVec2(right_w, std::max(10.f * u, body_h - end_h)), follow);
        const float ended_top = ImGui::GetCursorPosY();
        ui::vspace(0.4f);
        draw_ended(s);
        ended_height_ = ImGui::GetCursorPosY() - ended_top + ImGui::GetStyle().ItemSpacing.y;
    } else {
        // The options get the room they need (up to 65%); the conversation the rest.
        const float spacing = ImGui::GetStyle().ItemSpacing.y;
        float options_h = ui::type().small->FontSize + spacing;
        for (const auto& o : session.options()) options_h += option_height(s.t(o.option->text), right_w) + spacing;
        options_h = std::min(options_h + 0.5f * u, body_h * 0.65f);
        ui::dialogue_view("##dialogue", entries, ImVec2(right_w, std::max(12.f * u, body_h - options_h - ImGui::GetStyle().ItemSpacing.y)), follow);
        draw_options(s, ImGui::GetContentRegionAvail().y);
    }
    column_end();

    ImGui::EndChild();
    ImGui::PopStyleVar(2);

    // ---- Leaving: the run is saved and can be resumed ----------------------------------------
    if (ImGui::IsKeyPressed(sf::Keyboard::Escape, false) && !ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId))
        confirm_leave_ = true;
    if (confirm_leave_) {
        ImGui::OpenPopup("##leave");
        confirm_leave_ = false;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(3 * u, 3 * u));
    if (ImGui::BeginPopupModal("##leave", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
        ui::heading(s.t(S.leave_title));
        ui::text_wrapped(s.t(s.class_run ? S.class_leave_body : S.leave_body), ui::palette::ink_muted, 44 * u);
        ui::vspace(1.f);
        if (ui::button(s.t(S.leave_confirm), ui::Button::Primary)) {
            save_current(s);
            s.run.reset();
            ImGui::CloseCurrentPopup();
            if (s.class_run) s.class_view = Shared::ClassView::Rules;   // "Continue the meeting"
            s.go(s.class_run ? Screen::Class : Screen::Library);
        }
        ui::mark_target("meeting.leave.confirm");
        ImGui::SameLine(0, u);
        if (ui::button(s.t(S.stay)) || ImGui::IsKeyPressed(sf::Keyboard::Escape, false)) ImGui::CloseCurrentPopup();
        ui::mark_target("meeting.leave.stay");
        ImGui::EndPopup();
    }
    ImGui::PopStyleVar();
}

void MeetingScreen::draw_client(Shared& s, float width, float height) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    const Session& session = s.run->session();
    const BeatView beat = session.beat();
    const bool meters = beat.visibility == Visibility::Meters;

    // The figure takes what the cards below it leave; their height is the one measured last
    // frame (the first frame guesses), so nothing is ever pushed out of the column.
    float below = cards_height_;
    if (below <= 0.f) below = meters ? 30.f * u : 14.f * u;
    const float fig_h = std::floor(std::max(12.f * u, std::min(width * 0.9f, height - below - 0.5f * u)));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    figure_view_.show(figure_, ui::look_for(session.persona()), ImVec2(width, fig_h));
    ImGui::GetWindowDrawList()->AddRect(at, ImVec2(at.x + width, at.y + fig_h), ui::palette::border, 0.f);
    ui::mark_target("meeting.figure");
    const float cards_top = ImGui::GetCursorPosY();
    ui::vspace(0.2f);

    ui::begin_panel(ui::palette::surface, width, ui::palette::border, 1.6f);
    ImGui::PushFont(ui::type().small);
    ui::text(s.t(S.body_language), ui::palette::ink_faint);
    ImGui::PopFont();
    ui::text_wrapped(beat.cue.empty() ? std::string("—") : std::string(s.t(beat.cue)));
    if (meters) {
        ui::vspace(0.2f);
        ui::chip(std::string(s.t(S.emotion)) + " · " + s.t(name_of(beat.emotion)),
                 ui::with_alpha(ui::emotion_color(beat.emotion), 36), ui::emotion_color(beat.emotion));
    }
    ui::end_panel();
    ui::vspace(0.5f);

    if (meters) {
        const ClientState& st = session.state();
        ui::begin_panel(ui::palette::surface, width, ui::palette::border, 1.6f);
        const float mw = width - 3.2f * u;
        ui::meter(s.t(S.trust), st.trust, ui::palette::primary, mw);
        ui::vspace(0.2f);
        ui::meter(s.t(S.interest), st.interest, ui::palette::success, mw);
        ui::vspace(0.2f);
        const int pct = std::clamp(st.patience * 100 / std::max(1, s.run->initial_patience()), 0, 100);
        ui::meter(s.t(S.patience), pct, pct <= 30 ? ui::palette::danger : ui::palette::warning, mw,
                  fmt(s.t(S.patience_left), st.patience));
        // What the trainee has found out so far.
        const Scenario& sc = session.scenario();
        if (!sc.state.needs.empty()) {
            ui::vspace(0.3f);
            std::string needs;
            for (const auto& n : sc.state.needs)
                if (st.needs.count(n.id)) needs += (needs.empty() ? "" : s.t(S.list_separator)) + std::string(s.t(n.label));
            ImGui::PushFont(ui::type().small);
            ui::text_wrapped(std::string(s.t(S.needs_found)) + s.t(S.colon) + (needs.empty() ? s.t(S.none_yet) : needs),
                             ui::palette::ink_muted);
            ImGui::PopFont();
        }
        ui::end_panel();
    } else {
        ImGui::PushFont(ui::type().small);
        ui::text_wrapped(s.t(S.hard_hint), ui::palette::ink_muted, width);
        ImGui::PopFont();
    }
    cards_height_ = ImGui::GetCursorPosY() - cards_top;
}

void MeetingScreen::draw_options(Shared& s, float height) {
    const UiStrings& S = strings();
    const Session& session = s.run->session();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("##options", ImVec2(width, height), false, ImGuiWindowFlags_NavFlattened);
    ImGui::PushFont(ui::type().small);
    ui::text(s.t(S.your_options), ui::palette::ink_faint);
    ImGui::PopFont();
    const auto options = session.options();
    std::optional<std::size_t> picked;
    for (const auto& o : options) {
        const std::string n = std::to_string(o.number);
        if (option_button(n, s.t(o.option->text), ImGui::GetContentRegionAvail().x, "option." + n)) picked = o.number;
    }
    if (!error_.empty()) ui::text_wrapped(error_, ui::palette::danger);
    ImGui::EndChild();
    // Number keys pick an option, unless the trainee is typing somewhere.
    if (!ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) && !ImGui::GetIO().KeyCtrl)
        for (std::size_t i = 1; i <= std::min<std::size_t>(9, options.size()); ++i)
            if (ImGui::IsKeyPressed(sf::Keyboard::Num0 + static_cast<int>(i), false) ||
                ImGui::IsKeyPressed(sf::Keyboard::Numpad0 + static_cast<int>(i), false))
                picked = i;
    if (picked) choose(s, *picked);
}

void MeetingScreen::choose(Shared& s, std::size_t number) {
    if (auto refused = s.run->decide(std::to_string(number))) {
        error_ = *refused;
        return;
    }
    error_.clear();
    save_current(s);
}

void MeetingScreen::draw_ended(Shared& s) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    const Node& end = s.run->session().current_node();
    ui::begin_panel(ui::palette::accent_soft, 0.f, ui::with_alpha(ui::palette::accent, 120));
    ui::heading(std::string(s.t(S.meeting_over)) + " · " + s.t(name_of(end.outcome)));
    ui::vspace(0.3f);
    ImGui::PushFont(ui::type().heading);
    const bool go = ui::button(s.t(S.see_debrief), ui::Button::Primary);
    ImGui::PopFont();
    ui::mark_target("meeting.debrief");
    ImGui::SameLine(0, u);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.8f * u);
    ui::key_hint("Enter");
    ui::end_panel();
    if (go || (ImGui::IsKeyPressed(sf::Keyboard::Enter, false) && !ImGui::GetIO().WantTextInput &&
               !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)))
        finish_run(s);
}

}  // namespace parley::player
