// Stars, XP, tiers, badges and unlocks: rules published to the trainee before play (seeds 001
// and 002: fair rules announced in advance, differentiated recognition, own rank and progress).
//
//   XP of a run      = total + 10 per star + 15 per badge earned for the first time
//   Trainee tier     = the competency model's tier of the mean total of the last 5 runs
//   Persona unlocks  = per scenario, personas from easiest to hardest; the next one opens after
//                      one star against the previous one
//   Hard difficulty  = opens per scenario after two stars on Normal
//   Practice         = a rewound run ("Try from here" in the debrief) earns half the XP of its
//                      total and stars (rounded down), no badge and no first-time badge XP, and
//                      never counts toward best stars, unlocks, the tier, the recommendation or a
//                      classroom; the progress store keeps it, marked as practice
#pragma once

#include <string>
#include <vector>

#include "parley/debrief.h"
#include "parley/model.h"
#include "progress_store.h"

namespace parley::player {

struct BadgeDef {
    std::string id;
    Text name;
    Text rule;       // how it is earned (shown before play)
    std::string symbol;   // one character drawn in the badge
};
const std::vector<BadgeDef>& badge_catalogue();
const BadgeDef* find_badge(const std::string& id);

// Badges a finished run earns (techniques used well).
std::vector<std::string> badges_for(const Session& session, const Debrief& debrief);

// Badges earned by any run so far (practice runs earn none).
std::vector<std::string> badges_so_far(const std::vector<RunRecord>& runs);

int xp_for(const Debrief& debrief, int new_badges);
int practice_xp_for(const Debrief& debrief);   // a rewound run: (total + 10 per star) / 2
int total_xp(const std::vector<RunRecord>& runs);
int total_stars(const std::vector<RunRecord>& runs);   // best stars per scenario, summed (not practice)

// The trainee's tier from recent runs (not practice); nullptr before the first counted run.
const Tier* trainee_tier(const CompetencyModel& model, const std::vector<RunRecord>& runs);

// Best stars on a scenario (0 when never played), optionally for one persona / difficulty.
// Practice runs never count here, nor in the best competencies, unlocks or badges.
int best_stars(const std::vector<RunRecord>& runs, const std::string& scenario, const std::string& persona = {},
               const std::string& difficulty = {});
// Best earlier score per competency on a scenario (for the radar's reference outline).
std::map<std::string, int> best_competencies(const std::vector<RunRecord>& runs, const std::string& scenario,
                                             std::int64_t before_run_id);

// The scenario's personas from easiest to hardest.
std::vector<std::string> personas_by_difficulty(const ContentSet& content, const Scenario& scenario);
// Whether a persona is open on a scenario; when not, `after` names the persona to beat first.
bool persona_unlocked(const ContentSet& content, const Scenario& scenario, const std::string& persona,
                      const std::vector<RunRecord>& runs, std::string* after = nullptr);
bool difficulty_unlocked(const Scenario& scenario, Difficulty d, const std::vector<RunRecord>& runs);

}  // namespace parley::player
