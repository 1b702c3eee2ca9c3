// The five screens of the player, one file each:
//   screen_library.cpp    every scenario; filter and search; resume a run in progress
//   screen_briefing.cpp   dossier, objectives, client and difficulty, the two negotiation lists
//   screen_meeting.cpp    the client, the conversation, the options (negotiation_panel.cpp)
//   screen_debrief.cpp    outcome, stars, radar, violations, every decision with the best one
//   screen_progress.cpp   runs over time, XP, tier, badges, trends, unlocks
//   screen_class.cpp      "Join class": the join form, the class's rules, the class board
// Shared page helpers are in layout.h.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "parley/recommend.h"
#include "parley/ui/figure.h"
#include "shared.h"

namespace parley::player {

class LibraryScreen {
public:
    void enter(Shared& s);
    void draw(Shared& s);
    void focus_search() { focus_search_ = true; }

private:
    void draw_resume(Shared& s);
    void draw_card(Shared& s, const Scenario& scenario, float width);

    // The saved run in progress, read from the store when the screen opens.
    bool have_saved_ = false;
    std::string saved_scenario_, saved_persona_;
    int saved_decisions_ = 0;
    bool entered_ = false;
    std::optional<Recommendation> recommendation_;   // worked out when the screen opens
    std::string search_;
    int level_ = 0;                 // 0 = all
    std::string competency_;        // "" = all
    bool focus_search_ = false;
};

// The two lists for one negotiation block: per issue, concede / hold / undecided. Used in the
// briefing and again at the table. Targets: <prefix>.<issue>.concede|hold|none.
void prep_sheet(Shared& s, const Negotiation& block, std::map<std::string, PrepChoice>& choices,
                const std::string& target_prefix);
// "5.20%" — a negotiation value with its unit.
std::string issue_value(const NegotiationIssue& issue, std::int64_t units);

class BriefingScreen {
public:
    void enter(Shared& s);
    void draw(Shared& s);

private:
    std::string seed_text_;
};

// The negotiation part of the meeting: preparation sheet, offers table, moves, history.
class NegotiationPanel {
public:
    void reset();
    void draw(Shared& s, float height);

private:
    void draw_preparation(Shared& s, const Negotiation& block, const std::string& node);
    void draw_table(Shared& s, const NegotiationState& ns);
    void draw_moves(Shared& s, const NegotiationState& ns);
    void draw_history(Shared& s, const NegotiationState& ns);
    void submit(Shared& s, const std::string& decision);

    enum class Form { None, Offer, Trade, Nibble };
    Form form_ = Form::None;
    std::map<std::string, std::string> values_;      // issue → typed value (display units)
    std::map<std::string, bool> touched_;             // issues the trainee edited
    std::map<std::string, int> trade_role_;           // issue → 0 none, 1 give, 2 ask in return
    std::string error_;
    std::optional<std::string> pending_;   // a move to apply once the frame's drawing is done
    bool confirm_walk_ = false;
    int seen_round_ = -1;
};

class MeetingScreen {
public:
    void enter(Shared& s);
    void draw(Shared& s, float dt);
    const ui::ClientFigure& figure() const { return figure_; }

private:
    void draw_client(Shared& s, float width, float height);
    void draw_options(Shared& s, float height);
    void draw_ended(Shared& s);
    void choose(Shared& s, std::size_t number);

    ui::ClientFigure figure_;
    ui::FigureView figure_view_;
    NegotiationPanel negotiation_;
    std::size_t seen_log_ = 0;
    float cards_height_ = 0.f;   // the cards under the figure, as measured last frame
    float ended_height_ = 0.f;   // the "meeting over" panel, as measured last frame
    bool confirm_leave_ = false;
    std::string error_;
};

class DebriefScreen {
public:
    void enter(Shared& s);
    void draw(Shared& s);

private:
    void draw_rewound(Shared& s, const FinishedRun& f);
    void draw_summary(Shared& s, const FinishedRun& f);
    void draw_costliest(Shared& s, const FinishedRun& f, float width);
    void draw_radar(Shared& s, const FinishedRun& f, float height);
    void draw_parts(Shared& s, const FinishedRun& f, float height);
    void draw_violations(Shared& s, const FinishedRun& f);
    void draw_decisions(Shared& s, FinishedRun& f);
    std::string saved_path_;
    std::optional<Recommendation> recommendation_;   // worked out once per debriefed run
    std::shared_ptr<FinishedRun> recommendation_for_;
};

class ProgressScreen {
public:
    void draw(Shared& s);
};

class ClassScreen {
public:
    void enter(Shared& s);
    void draw(Shared& s);

private:
    void draw_join(Shared& s, const ClassLink::State& st);
    void draw_rules(Shared& s, const ClassLink::State& st);
    void draw_board(Shared& s, const ClassLink::State& st);
    void draw_result(Shared& s, const ClassLink::State& st);
    void draw_ranks(Shared& s, const ClassLink::State& st);

    std::string server_, code_, name_;
    const Text* error_ = nullptr;  // what stopped the join (shown in the current language)
    std::string detail_;           // and the server's own words
    std::string errored_with_;     // the form as it was then: the error goes once it is edited
    bool asked_ = false;           // a join was requested from this form
    bool filled_ = false;          // the form was prefilled from the settings
};

class Screens {
public:
    LibraryScreen library;
    BriefingScreen briefing;
    MeetingScreen meeting;
    DebriefScreen debrief;
    ProgressScreen progress;
    ClassScreen klass;
};

}  // namespace parley::player
