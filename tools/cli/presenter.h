// The terminal presenter: shows what the engine emits (briefing, beats, options, the
// negotiation panel, the debrief) as plain UTF-8 text. It holds no state of the run.
#pragma once

#include <ostream>

#include "parley/debrief.h"
#include "parley/session.h"

namespace parley::cli {

// A presenter label in the player's language.
const char* tr(Lang lang, const char* zh, const char* en);

// Before the first beat: the client dossier, the persona and how to approach it.
void show_briefing(std::ostream& out, const Session& s, Lang lang);

// The current beat: the client's line, emotion and cue, meters when the difficulty shows
// them, then the numbered options or the negotiation panel.
void show_beat(std::ostream& out, const Session& s, Lang lang);

// The decision just taken and, when meters are visible, what it did to them.
void show_step(std::ostream& out, const Session& s, Lang lang);

// The negotiation move syntax, with this block's issues.
void show_move_syntax(std::ostream& out, const Negotiation& block, Lang lang);

// The end of a run: outcome, total, stars, tier, competencies, negotiation results,
// violations explained, and every decision with its feedback.
void show_debrief(std::ostream& out, const Debrief& d, const Session& s, Lang lang);

}  // namespace parley::cli
