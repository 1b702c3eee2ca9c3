// The class ranking. Rules announced in advance (seed 002) and the same for everyone:
//
//   1. higher total;  2. more stars;  3. fewer critical violations;  4. fewer violations.
//   Trainees equal on all four share the rank (1, 2, 2, 4 …) and are listed by name.
//
// Time never counts: not who finished first, not who submitted first (seed 002 lists time
// pressure as a stressor; a ranking by speed would reward hurrying through a client meeting).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "parley/text.h"

namespace parley::board {

struct Standing {
    std::int64_t player_id = 0;
    std::string name;
    int total = 0, stars = 0;
    int violations = 0, critical = 0;
};

struct RankedStanding {
    int rank = 0;   // 1-based; equal standings share it
    Standing standing;
};

std::vector<RankedStanding> rank_standings(std::vector<Standing> standings);

// The rule above in words, for the rules shown before play and the leaderboard's answer.
const Text& tie_rule();

}  // namespace parley::board
