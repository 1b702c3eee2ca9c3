// "Join class": the join form (server address, class code, name), the class's rules with the
// assigned run, and the class board after the run — the server's recomputed result, the top of
// the class and the trainee's own rank (never everyone's). Every request goes through the
// ClassLink's worker thread, so a slow or absent server never holds a frame.
#include <algorithm>

#include "layout.h"
#include "parley/ui/targets.h"
#include "screens.h"

namespace parley::player {

namespace {

using nlohmann::json;

bool contains(const std::string& text, const char* what) { return text.find(what) != std::string::npos; }

// What stopped a join, in the trainee's language; the server's own words go beside it.
const Text& join_error(const ClassReply& r) {
    const UiStrings& S = strings();
    if (!r.reached) return contains(r.error, "must start with http://") ? S.err_address : S.err_unreachable;
    switch (r.status) {
        case 404: return S.err_bad_code;
        case 429: return S.err_too_many;
        case 403:
            if (contains(r.error, "banned")) return S.err_banned;
            if (contains(r.error, "late")) return S.err_late;
            return S.err_refused;
        case 409:
            if (contains(r.error, "taken")) return S.err_name_taken;
            if (contains(r.error, "ended")) return S.err_ended;
            return S.err_refused;
        case 400:
            if (contains(r.error, "name")) return S.err_bad_name;
            return S.err_refused;
        default: return S.err_refused;
    }
}

std::string text_in(const json& j, Lang lang) {
    if (j.is_string()) return j.get<std::string>();
    if (!j.is_object()) return "";
    const char* key = lang == Lang::Zh ? "zh" : "en";
    return j.value(key, j.value("en", std::string()));
}

int int_in(const json& j, const char* key, int otherwise = 0) {
    return j.is_object() && j.contains(key) && j[key].is_number() ? j[key].get<int>() : otherwise;
}

void error_panel(Shared& s, const std::string& headline, const std::string& what, const std::string& detail,
                 const char* target, float width) {
    ui::begin_panel(ui::palette::danger_soft, width, ui::with_alpha(ui::palette::danger, 90));
    ui::heading(headline, ui::palette::danger);
    ui::text_wrapped(what, ui::palette::ink);
    if (!detail.empty()) {
        ImGui::PushFont(ui::type().small);
        ui::text_wrapped(fmt(s.t(strings().server_says), detail.c_str()), ui::palette::ink_muted);
        ImGui::PopFont();
    }
    ui::end_panel();
    ui::mark_target(target);
}

}  // namespace

void ClassScreen::enter(Shared& s) {
    if (!filled_) {
        filled_ = true;
        if (auto v = s.store.setting("class_server")) server_ = *v;
        if (auto v = s.store.setting("class_name")) name_ = *v;
    }
    if (s.classroom) s.classroom->refresh_board();
}

void ClassScreen::draw(Shared& s) {
    if (!filled_) enter(s);
    const ClassLink::State st = s.class_link().state();
    // A join that came back: on to the rules (or the board, when the result is already in).
    if (asked_ && st.join != ClassLink::Join::Joining) {
        asked_ = false;
        if (st.join == ClassLink::Join::Joined && st.membership) {
            const Scenario* scenario = s.content.scenario(st.membership->session.value("scenario", "")).get();
            if (!scenario) {
                error_ = &strings().err_content;
                detail_ = "scenario " + st.membership->session.value("scenario", "");
                s.classroom->leave();
            } else {
                error_ = nullptr;
                detail_.clear();
                s.class_view = st.membership->session.value("has_result", false) ? Shared::ClassView::Board
                                                                                 : Shared::ClassView::Rules;
                if (s.class_view == Shared::ClassView::Board) s.classroom->refresh_board();
            }
        } else {
            error_ = &join_error(st.join_reply);
            detail_ = st.join_reply.error;
            errored_with_ = server_ + '\n' + code_ + '\n' + name_;
        }
    }
    if (s.class_view != Shared::ClassView::Join && !st.membership) s.class_view = Shared::ClassView::Join;
    page_begin("##class");
    switch (s.class_view) {
        case Shared::ClassView::Join: draw_join(s, st); break;
        case Shared::ClassView::Rules: draw_rules(s, st); break;
        case Shared::ClassView::Board: draw_board(s, st); break;
    }
    page_end();
}

void ClassScreen::draw_join(Shared& s, const ClassLink::State& st) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    ui::title(s.t(S.join_title));
    ui::mark_target("class.join.title");
    ui::text_wrapped(s.t(S.join_subtitle), ui::palette::ink_muted);
    ui::vspace(1.5f);

    const float width = std::min(page_width(), 70 * u);
    ui::begin_panel(ui::palette::surface, width);
    const float field_w = width - 4 * u;
    // Enter in any field joins, as the button does.
    bool entered = false;
    auto field = [&](const Text& label, const char* id, std::string& value, const Text& hint, const char* target,
                     ImGuiInputTextFlags flags) {
        ui::text(s.t(label), ui::palette::ink_muted);
        ui::vspace(0.3f);
        entered = input_text(s, id, value, s.t(hint), field_w, flags | ImGuiInputTextFlags_EnterReturnsTrue) || entered;
        ui::mark_target(target);
        ui::vspace(1.f);
    };
    field(S.class_server, "##server", server_, S.class_server_hint, "class.server", 0);
    field(S.class_code, "##code", code_, S.class_code_hint, "class.code", ImGuiInputTextFlags_CharsDecimal);
    field(S.class_name, "##name", name_, S.class_name_hint, "class.name", 0);
    const bool joining = st.join == ClassLink::Join::Joining;
    ImGui::PushFont(ui::type().heading);
    const bool go = ui::button(s.t(S.class_join), ui::Button::Primary, ImVec2(0, 0), !joining) || entered;
    ImGui::PopFont();
    ui::mark_target("class.join");
    if (joining) {
        ImGui::SameLine(0, 1.5f * u);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.8f * u);
        ui::text(s.t(S.class_joining), ui::palette::ink_muted);
    }
    ui::vspace(0.8f);
    ImGui::PushFont(ui::type().small);
    ui::text_wrapped(s.t(S.class_rejoin_note), ui::palette::ink_faint, field_w);
    ImGui::PopFont();
    ui::end_panel();
    if (go && !joining) {
        const std::string server = normalise_server(server_);
        std::string name = name_;
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        if (server.empty() || code_.empty() || name.empty()) {
            error_ = &S.err_fields;
            detail_.clear();
            errored_with_ = server_ + '\n' + code_ + '\n' + name_;
        } else {
            error_ = nullptr;
            detail_.clear();
            s.store.set_setting("class_server", server_);
            s.store.set_setting("class_name", name);
            s.class_link().join(server, code_, name);
            asked_ = true;
        }
    }
    if (error_ && !asked_ && server_ + '\n' + code_ + '\n' + name_ != errored_with_) error_ = nullptr;
    if (error_) {
        ui::vspace(1.f);
        error_panel(s, s.t(S.class_cannot_join), s.t(*error_), detail_, "class.error", width);
    }
}

void ClassScreen::draw_rules(Shared& s, const ClassLink::State& st) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    const Membership& m = *st.membership;
    const json& j = m.session;
    const json& rules = j.contains("rules") ? j["rules"] : json::object();
    ui::title(s.t(S.class_rules_title));
    ui::mark_target("class.rules");
    ui::text_wrapped(fmt(s.t(S.class_joined_as), m.code.c_str(), m.name.c_str()), ui::palette::primary_active);
    ui::text_wrapped(s.t(S.class_rules_subtitle), ui::palette::ink_muted);
    ui::vspace(1.5f);

    // The assigned run.
    const auto scenario = s.content.scenario(j.value("scenario", ""));
    const Persona* persona = s.content.persona(j.value("persona", ""));
    const auto difficulty = parse<Difficulty>(j.value("difficulty", ""));
    const float label_w = 14 * u;
    ui::begin_panel(ui::palette::surface, page_width());
    ui::heading(s.t(S.class_assigned));
    ui::mark_target("class.rules.assigned");
    ui::vspace(0.5f);
    ui::label_value(s.t(S.col_scenario), scenario ? s.t(scenario->title) : j.value("scenario", ""), label_w);
    ui::label_value(s.t(S.col_client), persona ? s.t(persona->name) : j.value("persona", ""), label_w);
    ui::label_value(s.t(S.practice_code), j.contains("seed") ? j["seed"].dump() : "", label_w);
    ui::label_value(s.t(S.difficulty), difficulty ? s.t(name_of(*difficulty)) : j.value("difficulty", ""), label_w);
    ui::end_panel();
    ui::vspace(1.f);

    // The rules the server returned, as it returned them.
    ui::begin_panel(ui::palette::surface, page_width());
    ui::heading(s.t(S.rules_published));
    ui::mark_target("class.rules.rules");
    ui::vspace(0.5f);
    if (rules.contains("star_thresholds") && rules["star_thresholds"].is_array()) {
        ui::text(s.t(S.class_star_thresholds), ui::palette::ink_muted);
        int n = 0;
        for (const auto& t : rules["star_thresholds"]) {
            ++n;
            ui::stars(n, 3, 1.5f * u);
            ImGui::SameLine(0, u);
            ui::text(fmt(s.t(S.class_star_row), n, t.is_number() ? t.get<int>() : 0));
        }
        ui::vspace(0.6f);
    }
    if (rules.contains("critical_violation_cap"))
        ui::text_wrapped(fmt(s.t(S.class_critical_cap), int_in(rules, "critical_violation_cap")), ui::palette::danger);
    ui::vspace(0.6f);
    ui::text(s.t(S.score_parts), ui::palette::ink_muted);
    const json& shares = rules.contains("shares") ? rules["shares"] : json::object();
    ui::text_wrapped(fmt(s.t(S.class_shares), int_in(shares, "competencies"), int_in(shares, "outcome"),
                         int_in(shares, "negotiation")));
    const json& parts = rules.contains("negotiation_parts") ? rules["negotiation_parts"] : json::object();
    ui::text_wrapped(fmt(s.t(S.class_negotiation_parts), int_in(parts, "bank_value"), int_in(parts, "client_satisfaction"),
                         int_in(parts, "rule_adherence")));
    if (rules.contains("competencies") && rules["competencies"].is_array()) {
        ui::vspace(0.6f);
        ui::text(s.t(S.class_competencies), ui::palette::ink_muted);
        ui::ChipFlow chips(ui::avail_width());
        for (const auto& c : rules["competencies"]) {
            const std::string label = text_in(c.value("name", json()), s.lang()) + " ×" + c.value("weight", json(1)).dump();
            const bool core = c.value("core", false);
            chips.add(label, core ? ui::palette::primary_soft : ui::palette::surface_alt,
                      core ? ui::palette::primary : ui::palette::ink_muted);
        }
    }
    if (rules.contains("tiers") && rules["tiers"].is_array()) {
        ui::vspace(0.6f);
        std::string tiers;
        for (const auto& t : rules["tiers"]) {
            if (!tiers.empty()) tiers += "  ·  ";
            tiers += text_in(t.value("name", json()), s.lang()) + " ≥ " + std::to_string(int_in(t, "min_total"));
        }
        ui::label_value(s.t(S.tier), tiers, label_w);
    }
    if (rules.contains("ranking")) {
        ui::vspace(0.6f);
        ui::text(s.t(S.class_ranking), ui::palette::ink_muted);
        ui::text_wrapped(text_in(rules["ranking"], s.lang()));
    }
    if (rules.contains("public_top")) {
        ui::vspace(0.6f);
        ui::text_wrapped(fmt(s.t(S.class_public_top), int_in(rules, "public_top")), ui::palette::ink_muted);
    }
    ui::end_panel();
    ui::vspace(1.5f);

    std::size_t done = j.contains("decisions") && j["decisions"].is_array() ? j["decisions"].size() : 0;
    if (s.class_decisions_of == m.player_id) done = std::max(done, s.class_decisions.size());
    const std::string start = done > 0 ? fmt(s.t(S.class_continue), static_cast<int>(done)) : std::string(s.t(S.class_start));
    ImGui::PushFont(ui::type().heading);
    const bool go = ui::button(start.c_str(), ui::Button::Primary);
    ImGui::PopFont();
    ui::mark_target("class.start");
    ImGui::SameLine(0, u);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.4f * u);
    if (ui::button(s.t(S.class_leave), ui::Button::Ghost)) {
        s.classroom->leave();
        s.class_run = false;
        s.class_view = Shared::ClassView::Join;
    }
    ui::mark_target("class.leave");
    if (go) {
        std::string why;
        if (!start_class_run(s, m, why)) {
            error_ = &S.err_content;
            detail_ = why;
        }
    }
    if (error_) {
        ui::vspace(1.f);
        error_panel(s, s.t(S.class_cannot_join), s.t(*error_), detail_, "class.error", page_width());
    }
}

void ClassScreen::draw_board(Shared& s, const ClassLink::State& st) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    ui::title(std::string(s.t(S.class_board_title)) + " · " + st.membership->code);
    ui::mark_target("class.board");
    ui::text_wrapped(s.t(S.class_board_note), ui::palette::ink_muted);
    ui::vspace(1.5f);
    draw_result(s, st);
    ui::vspace(1.f);
    draw_ranks(s, st);
    ui::vspace(1.5f);
    if (s.finished) {
        if (ui::button(s.t(S.class_see_debrief), ui::Button::Primary)) s.go(Screen::Debrief);
        ui::mark_target("class.debrief");
        ImGui::SameLine(0, u);
    }
    if (ui::button(s.t(S.to_library), ui::Button::Secondary)) s.go(Screen::Library);
    ui::mark_target("class.library");
    ImGui::SameLine(0, u);
    if (ui::button(s.t(S.class_leave), ui::Button::Ghost)) {
        s.classroom->leave();
        s.class_run = false;
        s.class_view = Shared::ClassView::Join;
    }
    ui::mark_target("class.leave");
}

void ClassScreen::draw_result(Shared& s, const ClassLink::State& st) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    using Submit = ClassLink::Submit;
    if (st.submit == Submit::Queued) {
        ui::begin_panel(ui::palette::accent_soft, page_width(), ui::with_alpha(ui::palette::accent, 140));
        ui::heading(s.t(S.class_queued), ui::mix(ui::palette::accent, ui::palette::ink, 0.5f));
        ui::mark_target("class.queued");
        ImGui::PushFont(ui::type().small);
        ui::text_wrapped(fmt(s.t(S.class_detail), st.submitted.reply.error.c_str()), ui::palette::ink_muted);
        ImGui::PopFont();
        ui::vspace(0.5f);
        const bool retry = ui::button(st.flushing ? s.t(S.class_sending) : s.t(S.class_retry), ui::Button::Primary,
                                      ImVec2(0, 0), !st.flushing);
        ui::mark_target("class.retry");
        if (retry) s.classroom->flush();
        ui::end_panel();
        return;
    }
    if (st.submit == Submit::Sending) {
        ui::begin_panel(ui::palette::surface, page_width());
        ui::text(s.t(S.class_sending), ui::palette::ink_muted);
        ui::end_panel();
        return;
    }
    if (st.submit == Submit::Refused) {
        error_panel(s, s.t(S.class_refused), s.t(S.err_refused), st.submitted.reply.error, "class.refused", page_width());
        return;
    }
    // Recorded: the server's result (from its answer, or its board once a queued one went in).
    const json& body = st.submitted.reply.body;
    const bool answer = st.submitted.reply.ok() && body.is_object() && body.contains("result") && body["result"].is_object();
    const json& board = st.board.body;
    const json me = board.is_object() && board.contains("me") ? board["me"] : json();
    int total = -1, stars = 0;
    std::string outcome, tier;
    if (answer) {
        const json& r = body["result"];
        const json& score = r.value("score", json::object());
        total = int_in(score, "total", -1);
        stars = int_in(score, "stars");
        if (const auto o = parse<OutcomeType>(r.value("outcome", json("")).is_string() ? r["outcome"].get<std::string>() : ""))
            outcome = s.t(name_of(*o));
        if (score.contains("tier") && score["tier"].is_string())
            for (const auto& t : s.content.model.tiers)
                if (t.id == score["tier"].get<std::string>()) tier = s.t(t.name);
    } else if (me.is_object()) {
        total = int_in(me, "total", -1);
        stars = int_in(me, "stars");
    }
    ui::begin_panel(ui::palette::success_soft, page_width(), ui::with_alpha(ui::palette::success, 110));
    ui::heading(s.t(S.class_your_result), ui::palette::success);
    if (st.delivered > 0) ui::text(fmt(s.t(S.class_outbox_sent), st.delivered), ui::palette::ink_muted);
    ui::vspace(0.4f);
    if (total >= 0) {
        ImGui::PushFont(ui::type().title);
        ui::text(std::string(s.t(S.total_score)) + " " + std::to_string(total));
        ImGui::PopFont();
        ImGui::SameLine(0, 2 * u);
        ui::stars(stars, 3, 2.f * u);
        ui::mark_target("class.result");
        std::string line;
        if (!outcome.empty()) line = std::string(s.t(S.outcome)) + s.t(S.colon) + outcome;
        if (!tier.empty()) line += (line.empty() ? "" : "  ·  ") + std::string(s.t(S.tier)) + s.t(S.colon) + tier;
        if (!line.empty()) ui::text(line, ui::palette::ink_muted);
    } else {
        ui::text(s.t(S.class_waiting), ui::palette::ink_muted);
    }
    if (me.is_object())
        ui::text(fmt(s.t(S.class_your_rank), int_in(me, "rank"), int_in(board, "finished"), int_in(board, "players")),
                 ui::palette::primary_active);
    ui::mark_target("class.me");
    ui::end_panel();
}

void ClassScreen::draw_ranks(Shared& s, const ClassLink::State& st) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    ui::begin_panel(ui::palette::surface, page_width());
    ui::heading(s.t(S.class_top));
    ui::mark_target("class.ranks");
    ui::vspace(0.5f);
    const json& board = st.board.body;
    if (!st.board.ok() || !board.is_object() || !board.contains("entries")) {
        ui::text(st.board.reached || st.board_version == 0 ? s.t(S.class_waiting) : s.t(S.err_unreachable),
                 ui::palette::ink_muted);
        ui::end_panel();
        return;
    }
    const std::int64_t my_id = st.membership ? st.membership->player_id : -1;
    const json me = board.contains("me") ? board["me"] : json();
    const auto& entries = board["entries"];
    if (st.board_stale) ui::text_wrapped(s.t(S.class_board_stale), ui::palette::danger);
    if (entries.empty()) ui::text(s.t(S.class_no_results), ui::palette::ink_muted);
    auto row_of = [&](const json& e, bool mine) {
        std::string name = e.value("name", "");
        if (mine) name += s.t(S.class_you);
        const ImU32 ink = mine ? ui::palette::primary_active : ui::palette::ink;
        ImGui::TableNextRow();
        if (mine) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ui::palette::primary_soft);
        ImGui::TableNextColumn();
        ui::text(std::to_string(int_in(e, "rank")), ink);
        ImGui::TableNextColumn();
        ui::text(name, ink);
        ImGui::TableNextColumn();
        ui::text(std::to_string(int_in(e, "total")), ink);
        ImGui::TableNextColumn();
        ui::stars(int_in(e, "stars"), 3, 1.4f * u);
        ImGui::TableNextColumn();
        ui::text(std::to_string(int_in(e, "violations")), int_in(e, "violations") > 0 ? ui::palette::danger : ink);
    };
    if (!entries.empty()) {
        ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(u, 0.5f * u));
        if (ImGui::BeginTable("##ranks", 5, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg,
                              ImVec2(ui::avail_width(), 0))) {
            ImGui::TableSetupColumn(s.t(S.class_col_rank), ImGuiTableColumnFlags_WidthFixed, 6 * u);
            ImGui::TableSetupColumn(s.t(S.class_col_name), ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableSetupColumn(s.t(S.col_total), ImGuiTableColumnFlags_WidthFixed, 8 * u);
            ImGui::TableSetupColumn(s.t(S.col_stars), ImGuiTableColumnFlags_WidthFixed, 8 * u);
            ImGui::TableSetupColumn(s.t(S.class_col_violations), ImGuiTableColumnFlags_WidthFixed, 8 * u);
            ImGui::TableHeadersRow();
            bool shown_me = false;
            for (const auto& e : entries) {
                const bool mine = e.value("player_id", std::int64_t{-2}) == my_id;
                shown_me = shown_me || mine;
                row_of(e, mine);
            }
            if (!shown_me && me.is_object()) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ui::text("…", ui::palette::ink_faint);
                row_of(me, true);
            }
            ImGui::EndTable();
        }
        ImGui::PopStyleVar();
    }
    ui::end_panel();
}

}  // namespace parley::player
