// The recommended next meeting: from the trainee's record, one scenario, persona and difficulty
// to play next, with the reason in one sentence (zh and en). Deterministic; the rule, in order
// (README, "The recommended next meeting"):
//
//   1. Weakest competency. Over the last five runs that are not practice, each competency's
//      average (rounded half up) over the runs that assessed it. A competency is weak below the
//      competency model's top tier (高级, 80 in the shipped model). Core competencies (A C D J K)
//      come first, then the others; within each, the lowest average, then model order. The
//      first weak competency some open meeting trains (the scenario lists it) picks that meeting.
//   2. A persona not yet met: an open meeting against a client no run has met.
//   3. An unlock: an open meeting the trainee's progress opened (a persona, Hard) not yet played.
//   4. Otherwise the open meeting with the fewest best stars.
//   Among several meetings for one step: a persona not met before, then the fewest runs of that
//   scenario and persona, then the scenario's default difficulty, Normal, Easy, Hard, then the
//   order of `open`.
//
// Only meetings in `open` are ever recommended: the caller lists the ones the trainee may play
// (never a locked one). The engine knows nothing of how a presenter locks them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parley/model.h"

namespace parley {

// One finished run as the rule reads it.
struct PastRun {
    std::string scenario, persona;
    Difficulty difficulty = Difficulty::Normal;
    int stars = 0;
    std::map<std::string, int> competencies;   // id → 0–100, the ones the run assessed
    bool practice = false;                       // a rewound run: not read by the rule
};

// A meeting the trainee may play now.
struct OpenMeeting {
    std::string scenario, persona;
    Difficulty difficulty = Difficulty::Normal;
    bool unlocked = false;   // opened by the trainee's progress (it was locked at the start)
};

enum class RecommendationRule { WeakCompetency, NewPersona, Unlock, FewestStars };

struct Recommendation {
    std::string scenario, persona;
    Difficulty difficulty = Difficulty::Normal;
    RecommendationRule rule = RecommendationRule::WeakCompetency;
    std::string competency;   // the weak competency (rule 1)
    int average = 0;          // its average over the runs read (rule 1)
    Text reason;              // one sentence
};

// `runs` oldest first. Nothing when no meeting in `open` is playable with this content.
std::optional<Recommendation> recommend(const ContentSet& content, const std::vector<PastRun>& runs,
                                        const std::vector<OpenMeeting>& open);

}  // namespace parley
