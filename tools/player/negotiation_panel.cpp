// The negotiation panel of the meeting (seed 000 双赢谈判): the two lists first, then the
// offers on each issue, the trainee's moves (offer, trade, hold, nibble, split, accept, walk
// away) and the concessions made on both sides.
//
// Moves are composed in the engine's own decision syntax and parsed by it, so what the panel
// sends is exactly what a transcript records.
#include <algorithm>
#include <cmath>

#include "layout.h"
#include "parley/negotiation.h"
#include "parley/ui/opaque_fill.h"
#include "parley/ui/targets.h"
#include "screens.h"

namespace parley::player {

std::string issue_value(const NegotiationIssue& issue, std::int64_t units) {
    return format_value_with_unit(issue, units);
}

namespace {

const NegotiationIssue* find_issue(const Negotiation& block, const std::string& id) {
    for (const auto& i : block.issues)
        if (i.id == id) return &i;
    return nullptr;
}

std::int64_t value_or(const IssueValues& v, const std::string& id, std::int64_t fallback) {
    const auto it = v.find(id);
    return it == v.end() ? fallback : it->second;
}

void small_label(const char* text) {
    ImGui::PushFont(parley::ui::type().small);
    parley::ui::text(text, parley::ui::palette::ink_faint);
    ImGui::PopFont();
}

}  // namespace

// ============================================================================
// The two lists (also used by the briefing)
// ============================================================================

void prep_sheet(Shared& s, const Negotiation& block, std::map<std::string, PrepChoice>& choices,
                const std::string& prefix) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##prep", 3, flags, ImVec2(ui::avail_width(), 0))) return;
    ImGui::TableSetupColumn(s.t(S.issue), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(s.t(S.bank_target), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("##choice", ImGuiTableColumnFlags_WidthStretch, 1.9f);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableSetColumnIndex(0);
    small_label(s.t(S.issue));
    ImGui::TableSetColumnIndex(1);
    small_label((std::string(s.t(S.bank_target)) + " / " + s.t(S.bank_walkaway)).c_str());
    ImGui::TableSetColumnIndex(2);
    small_label((std::string(s.t(S.prep_concede)) + " / " + s.t(S.prep_hold)).c_str());
    for (const auto& issue : block.issues) {
        ImGui::PushID(issue.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.5f * u);
        ui::text(s.t(issue.label));
        ImGui::TableSetColumnIndex(1);
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.5f * u);
        ui::text(issue_value(issue, issue.bank_target) + " / " + issue_value(issue, issue.bank_walkaway), ui::palette::ink_muted);
        ImGui::TableSetColumnIndex(2);
        PrepChoice& c = choices[issue.id];
        struct Seg { PrepChoice value; const Text* label; const char* id; };
        const Seg segs[] = {{PrepChoice::Concede, &S.prep_concede, "concede"},
                            {PrepChoice::Hold, &S.prep_hold, "hold"},
                            {PrepChoice::Neither, &S.prep_neither, "none"}};
        for (int i = 0; i < 3; ++i) {
            if (i > 0) ImGui::SameLine(0, 0.4f * u);
            const bool on = c == segs[i].value;
            ui::Button kind = on ? (segs[i].value == PrepChoice::Hold ? ui::Button::Primary : ui::Button::Selected)
                                 : ui::Button::Secondary;
            if (ui::button(s.t(*segs[i].label), kind)) c = segs[i].value;
            ui::mark_target(prefix + "." + issue.id + "." + segs[i].id);
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// ============================================================================
// Panel
// ============================================================================

void NegotiationPanel::reset() {
    form_ = Form::None;
    values_.clear();
    touched_.clear();
    trade_role_.clear();
    error_.clear();
    confirm_walk_ = false;
    seen_round_ = -1;
}

void NegotiationPanel::draw(Shared& s, float height) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    const Session& session = s.run->session();
    const NegotiationState* ns = session.negotiation();
    if (!ns || !ns->block) return;
    // A new round starts with a fresh form showing the current offers.
    if (ns->round != seen_round_) {
        const int round = ns->round;
        reset();
        seen_round_ = round;
        for (const auto& issue : ns->block->issues) {
            const std::int64_t mine = value_or(ns->trainee_offer, issue.id, issue.bank_opening);
            values_[issue.id] = format_value(issue, mine);
        }
    }

    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(2 * u, 1.6f * u));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
    ImGui::BeginChild("##negotiation", ImVec2(0, height), true, ImGuiWindowFlags_NavFlattened);
    ui::fill_window_background(ui::palette::surface);
    ImGui::PushFont(ui::type().heading);
    ui::text(s.t(S.negotiation));
    ImGui::PopFont();
    ImGui::SameLine(0, 1.5f * u);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.2f * u);
    ui::chip(fmt(s.t(S.round_of), ns->round + (ns->prepared ? 1 : 0), ns->block->max_rounds), ui::palette::primary_soft,
             ui::palette::primary);
    ImGui::SameLine(0, 0.6f * u);
    ui::chip(fmt(s.t(S.client_patience_rounds), ns->counters_left), ui::palette::warning_soft, ui::palette::warning);
    ui::vspace(0.3f);

    const Node& node = session.current_node();
    if (!ns->prepared) {
        draw_preparation(s, *ns->block, node.id);
    } else {
        draw_table(s, *ns);
        ui::vspace(0.4f);
        draw_moves(s, *ns);
        ui::vspace(0.6f);
        draw_history(s, *ns);
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();

    // Moves are applied after drawing: the state drawn above belongs to the session and a
    // finished negotiation is moved out of it.
    if (pending_) {
        const std::string decision = std::move(*pending_);
        pending_.reset();
        if (auto refused = s.run->decide(decision)) {
            error_ = *refused;
        } else {
            error_.clear();
            form_ = Form::None;
            save_current(s);
        }
    }
}

void NegotiationPanel::draw_preparation(Shared& s, const Negotiation& block, const std::string& node) {
    const UiStrings& S = strings();
    ui::heading(s.t(S.prep_title));
    ui::text_wrapped(s.t(S.prep_note), ui::palette::ink_muted);
    if (!block.briefing.empty()) ui::text_wrapped(s.t(block.briefing));
    ui::vspace(0.3f);
    auto& choices = s.run->prep[node];
    prep_sheet(s, block, choices, "neg.prep");
    ui::vspace(0.6f);
    if (ui::button(s.t(S.confirm_prep), ui::Button::Primary)) submit(s, prep_decision(block, choices));
    ui::mark_target("neg.prepare");
    if (!error_.empty()) ui::text_wrapped(error_, ui::palette::danger);
}

void NegotiationPanel::draw_table(Shared& s, const NegotiationState& ns) {
    const UiStrings& S = strings();
    const Negotiation& block = *ns.block;
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##offers", 5, flags)) return;
    ImGui::TableSetupColumn("issue", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("target", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("mine", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("theirs", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("gap", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    const std::string target_head = std::string(s.t(S.bank_target)) + " / " + s.t(S.bank_walkaway);
    const char* heads[] = {s.t(S.issue), target_head.c_str(), s.t(S.your_offer), s.t(S.client_offer), s.t(S.gap)};
    for (int c = 0; c < 5; ++c) {
        ImGui::TableSetColumnIndex(c);
        small_label(heads[c]);
    }
    for (const auto& issue : block.issues) {
        ImGui::TableNextRow();
        const bool has_mine = ns.trainee_offer.count(issue.id) > 0;
        const std::int64_t mine = value_or(ns.trainee_offer, issue.id, 0);
        const std::int64_t theirs = value_or(ns.client_offer, issue.id, issue.client_opening);
        ImGui::TableSetColumnIndex(0);
        ui::text(s.t(issue.label));
        ImGui::TableSetColumnIndex(1);
        ui::text(issue_value(issue, issue.bank_target) + " / " + issue_value(issue, issue.bank_walkaway), ui::palette::ink_muted);
        ImGui::TableSetColumnIndex(2);
        ui::text(has_mine ? issue_value(issue, mine) : "—", ui::palette::primary);
        ImGui::TableSetColumnIndex(3);
        ui::text(issue_value(issue, theirs), ui::palette::ink);
        ImGui::TableSetColumnIndex(4);
        if (has_mine) {
            const std::int64_t gap = mine > theirs ? mine - theirs : theirs - mine;
            ui::text(format_value(issue, gap), gap == 0 ? ui::palette::success : ui::palette::ink_muted);
        } else {
            ui::text("—", ui::palette::ink_faint);
        }
    }
    ImGui::EndTable();
}

void NegotiationPanel::draw_moves(Shared& s, const NegotiationState& ns) {
    const UiStrings& S = strings();
    const float u = ui::unit();
    const Negotiation& block = *ns.block;

    // Moves that open a form, then moves that act at once.
    struct FormMove { Form form; const Text* label; const char* id; };
    const FormMove forms[] = {{Form::Offer, &S.move_offer, "offer"}, {Form::Trade, &S.move_trade, "trade"},
                              {Form::Nibble, &S.move_nibble, "nibble"}};
    for (int i = 0; i < 3; ++i) {
        if (i > 0) ImGui::SameLine(0, 0.5f * u);
        if (ui::button(s.t(*forms[i].label), form_ == forms[i].form ? ui::Button::Selected : ui::Button::Secondary)) {
            form_ = form_ == forms[i].form ? Form::None : forms[i].form;
            error_.clear();
        }
        ui::mark_target(std::string("neg.move.") + forms[i].id);
    }
    ImGui::SameLine(0, 1.5f * u);
    if (ui::button(s.t(S.move_hold))) submit(s, "hold");
    ui::mark_target("neg.move.hold");
    ImGui::SameLine(0, 0.5f * u);
    if (ui::button(s.t(S.move_split))) submit(s, "split");
    ui::mark_target("neg.move.split");
    ImGui::SameLine(0, 0.5f * u);
    if (ui::button(s.t(S.move_accept), ui::Button::Secondary)) submit(s, "accept");
    ui::mark_target("neg.move.accept");
    ImGui::SameLine(0, 0.5f * u);
    if (ui::button(s.t(S.move_walk), ui::Button::Danger)) confirm_walk_ = true;
    ui::mark_target("neg.move.walk");

    if (confirm_walk_) {
        ui::begin_panel(ui::palette::danger_soft, 0.f, ui::with_alpha(ui::palette::danger, 90), 1.4f);
        ui::text(s.t(S.walk_title), ui::palette::danger);
        ui::text_wrapped(s.t(S.walk_body), ui::palette::ink_muted);
        if (ui::button(s.t(S.walk_confirm), ui::Button::Danger)) {
            confirm_walk_ = false;
            submit(s, "walk");
        }
        ui::mark_target("neg.walk.confirm");
        ImGui::SameLine(0, u);
        if (ui::button(s.t(S.stay))) confirm_walk_ = false;
        ui::mark_target("neg.walk.cancel");
        ui::end_panel();
    }

    if (form_ != Form::None && !ns.outcome) {
        ui::vspace(0.3f);
        ui::begin_panel(ui::palette::surface_alt, 0.f, ui::palette::border, 1.4f);
        const Text& note = form_ == Form::Offer ? S.move_offer_note : form_ == Form::Trade ? S.move_trade_note : S.move_nibble_note;
        ImGui::PushFont(ui::type().small);
        ui::text_wrapped(s.t(note), ui::palette::ink_muted);
        ImGui::PopFont();
        for (const auto& issue : block.issues) {
            ImGui::PushID(issue.id.c_str());
            const float label_w = 11.f * u;
            const float x0 = ImGui::GetCursorPosX();
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.5f * u);
            ui::text(s.t(issue.label));
            ImGui::SameLine(x0 + label_w);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 0.5f * u);
            if (form_ == Form::Trade) {
                const Text* roles[] = {&S.prep_neither, &S.give, &S.ask_in_return};
                const char* ids[] = {"none", "give", "ask"};
                for (int r = 0; r < 3; ++r) {
                    if (r > 0) ImGui::SameLine(0, 0.4f * u);
                    if (ui::button(s.t(*roles[r]), trade_role_[issue.id] == r ? ui::Button::Selected : ui::Button::Secondary))
                        trade_role_[issue.id] = r;
                    ui::mark_target(std::string("neg.trade.") + ids[r] + "." + issue.id);
                }
                ImGui::SameLine(0, u);
            }
            if (input_text(s, "##value", values_[issue.id], "", 9.f * u, ImGuiInputTextFlags_CharsDecimal))
                touched_[issue.id] = true;
            ui::mark_target("neg.value." + issue.id);
            ImGui::SameLine(0, 0.5f * u);
            ImGui::SetCursorPosY(ImGui::GetCursorPosY() + 0.5f * u);
            ui::text(issue.unit, ui::palette::ink_muted);
            if (form_ != Form::Trade) {
                // Editing a value includes the issue; the box also lets a trainee restate one.
                ImGui::SameLine(0, 1.5f * u);
                ImGui::SetCursorPosY(ImGui::GetCursorPosY() - 0.5f * u);
                bool include = touched_[issue.id];
                if (ImGui::Checkbox(s.t(S.include_issue), &include)) touched_[issue.id] = include;
                ui::mark_target("neg.include." + issue.id);
            }
            ImGui::PopID();
        }
        ui::vspace(0.3f);
        if (ui::button(s.t(S.submit_move), ui::Button::Primary)) {
            auto pairs = [&](auto&& pick) {
                std::string out;
                for (const auto& issue : block.issues)
                    if (pick(issue.id)) out += (out.empty() ? "" : ";") + issue.id + "=" + values_[issue.id];
                return out;
            };
            std::string decision;
            if (form_ == Form::Trade) {
                decision = "trade:" + pairs([&](const std::string& id) { return trade_role_[id] == 1; }) + "/" +
                           pairs([&](const std::string& id) { return trade_role_[id] == 2; });
            } else {
                decision = std::string(form_ == Form::Offer ? "offer:" : "nibble:") +
                           pairs([&](const std::string& id) { return touched_[id]; });
            }
            submit(s, decision);
        }
        ui::mark_target("neg.submit");
        ui::end_panel();
    }
    if (!error_.empty()) ui::text_wrapped(error_, ui::palette::danger);
}

void NegotiationPanel::draw_history(Shared& s, const NegotiationState& ns) {
    const UiStrings& S = strings();
    ImGui::PushFont(ui::type().small);
    ui::text(s.t(S.concessions), ui::palette::ink_faint);
    ImGui::PopFont();
    if (ns.history.empty()) {
        ui::text(s.t(S.no_concessions), ui::palette::ink_muted);
    } else {
        const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
        if (ImGui::BeginTable("##history", 4, flags)) {
            for (const auto& c : ns.history) {
                const NegotiationIssue* issue = find_issue(*ns.block, c.issue);
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ui::text(fmt(s.t(S.round_of), c.round, ns.block->max_rounds), ui::palette::ink_muted);
                ImGui::TableSetColumnIndex(1);
                ui::chip(s.t(c.by_trainee ? S.side_bank : S.side_client),
                         c.by_trainee ? ui::palette::primary_soft : ui::palette::surface_alt,
                         c.by_trainee ? ui::palette::primary : ui::palette::ink_muted);
                ImGui::TableSetColumnIndex(2);
                ui::text(std::string(issue ? s.t(issue->label) : c.issue.c_str()) + "  " +
                         (issue ? issue_value(*issue, c.from) + " \u2192 " + issue_value(*issue, c.to) : ""));
                ImGui::TableSetColumnIndex(3);
                if (c.by_trainee)
                    ui::text(s.t(c.traded ? S.traded : S.given), c.traded ? ui::palette::success : ui::palette::warning);
            }
            ImGui::EndTable();
        }
    }
    ui::vspace(0.5f);
    ui::begin_panel(ui::palette::accent_soft, 0.f, ui::with_alpha(ui::palette::accent, 90), 1.4f);
    ImGui::PushFont(ui::type().small);
    ui::text(s.t(S.rules_title), ui::mix(ui::palette::accent, ui::palette::ink, 0.45f));
    ui::text_wrapped(s.t(S.rules_body), ui::palette::ink);
    ImGui::PopFont();
    ui::end_panel();
}

void NegotiationPanel::submit(Shared&, const std::string& decision) { pending_ = decision; }

}  // namespace parley::player
