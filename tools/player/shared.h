// What the screens share: the loaded content, the progress store, settings, the current
// selection and run, the finished run being debriefed, and navigation. Screens read and change
// it; the App owns it and applies navigation between frames.
#pragma once

#include <cstdint>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parley/analysis.h"
#include "parley/debrief.h"
#include "parley/model.h"
#include "parley/ui/fonts.h"
#include "class_link.h"
#include "progress_store.h"
#include "run.h"
#include "player_strings.h"

namespace parley::player {

enum class Screen { Library, Briefing, Meeting, Debrief, Progress, Class };
const char* screen_name(Screen s);   // "library", … (screenshots, targets)

struct Settings {
    Lang lang = Lang::Zh;
    int font_size = 18;   // body text, pixels
    bool fullscreen = false;
};

// What the briefing sets up and the meeting plays.
struct Selection {
    std::shared_ptr<const Scenario> scenario;
    std::string persona;
    Difficulty difficulty = Difficulty::Normal;
    std::uint64_t seed = 1;
    PrepSheet prep;
};

// Best alternatives per decision, computed in the background after a run (it explores every
// reachable state, which can take a moment).
struct RegretJob {
    std::future<Regrets> future;
    std::optional<Regrets> result;
    bool failed = false;   // no result (the analysis found nothing or threw)
    // Polls without blocking; true once a result (or failure) is known.
    bool ready();
};

struct FinishedRun {
    std::shared_ptr<Run> run;
    Debrief debrief;
    std::int64_t record_id = 0;
    int xp = 0;
    std::vector<std::string> badges, new_badges;
    std::vector<Text> unlocked_now;
    std::map<std::string, int> previous_best;   // per competency, for the radar
    std::shared_ptr<RegretJob> regrets;
    // A rewound run (practice): the score of the run it was rewound from, replayed, shown beside
    // this one.
    std::optional<Score> original_score;
};

struct Shared {
    const ContentSet& content;
    std::shared_ptr<const ContentSet> shared_content;   // the same, for runs that share it
    ProgressStore& store;
    ui::Fonts& fonts;
    Settings settings;
    bool unlock_all = false;   // scripted runs and trainers play any persona and difficulty
    bool scripted = false;

    Screen screen = Screen::Library;
    std::optional<Screen> next_screen;   // applied after the frame
    Selection selection;
    std::shared_ptr<Run> run;            // the meeting in progress
    std::shared_ptr<FinishedRun> finished;
    // Analyses still running for earlier debriefs: kept until they finish, so replacing a
    // debrief never waits for its analysis.
    std::vector<std::shared_ptr<RegretJob>> background;
    std::vector<std::string> content_errors;
    std::string notice;                  // a short message shown at the bottom
    float notice_seconds = 0.f;

    // "Join class": the link to the class server (made on first use), which part of the class
    // screen is shown, and whether the run in progress (or just finished) is the class's
    // assigned run — its decisions go to the server as progress and its result is submitted.
    std::filesystem::path data_dir;
    std::shared_ptr<ClassLink> classroom;
    enum class ClassView { Join, Rules, Board };
    ClassView class_view = ClassView::Join;
    bool class_run = false;
    std::size_t class_progress_sent = 0;   // decisions already queued as progress
    std::vector<std::string> class_decisions;   // the class run's decisions as last sent
    std::int64_t class_decisions_of = 0;         // … by this player (ClassClient's player_id)
    ClassLink& class_link() {
        if (!classroom) classroom = std::make_shared<ClassLink>(data_dir);
        return *classroom;
    }

    Shared(std::shared_ptr<const ContentSet> c, ProgressStore& s, ui::Fonts& f)
        : content(*c), shared_content(std::move(c)), store(s), fonts(f) {}
    Lang lang() const { return settings.lang; }
    const char* t(const Text& text) const { return text.in(settings.lang).c_str(); }
    void go(Screen s) { next_screen = s; }
    void notify(std::string message, float seconds = 4.f) {
        notice = std::move(message);
        notice_seconds = seconds;
    }
};

// ---------------------------------------------------------------------------
// Flow between screens (flow.cpp)
// ---------------------------------------------------------------------------

// Briefing → meeting: a new run from the selection; saved as the run in progress.
void start_run(Shared& s);
// Library → meeting: the saved run in progress, replayed. False (and a notice) when it cannot be.
bool resume_run(Shared& s);
// Saves the run in progress (after every decision and when leaving).
void save_current(Shared& s);
// Meeting → debrief: scores the run, records it, works out badges, XP and unlocks.
void finish_run(Shared& s);
// Drops the run in progress.
void discard_run(Shared& s);
// Debrief → meeting: "Try from here" — a new run at decision `at` (1-based) of the debriefed
// one, the decisions before it replayed; practice. False (and a notice) when it cannot be.
bool rewind_run(Shared& s, std::size_t at);

// Rules → meeting: the class's assigned run (the join answer's scenario, persona, seed and
// difficulty), the decisions the server already has replayed. False (and `error`) when this
// computer's content cannot play it.
bool start_class_run(Shared& s, const Membership& m, std::string& error);

// Picks a seed for a new practice code (not the engine's randomness: a fresh code for a run).
std::uint64_t fresh_seed();

}  // namespace parley::player
