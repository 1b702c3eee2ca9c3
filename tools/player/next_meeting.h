// The recommended next meeting as the player shows it (library screen, end of the debrief): the
// engine's rule (parley/recommend.h) over the trainee's record, among the meetings open to them
// under the player's unlock rules (gamification.h) — never a locked one.
#pragma once

#include <optional>

#include "parley/recommend.h"
#include "shared.h"

namespace parley::player {

// Every meeting the trainee may play now: scenarios by level then id, clients easiest first,
// Easy, Normal, Hard. `unlocked` marks what their progress opened.
std::vector<OpenMeeting> open_meetings(const Shared& s);
std::optional<Recommendation> next_meeting(const Shared& s);

// The recommendation's panel: the reason and a button to its briefing. `target` names the
// button for tests ("library.recommend", "debrief.recommend").
void draw_recommendation(Shared& s, const Recommendation& r, const std::string& target, float width);

}  // namespace parley::player
