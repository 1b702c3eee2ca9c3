// Rewind: resume a recorded run at one of its decisions ("Try from here" in the debrief,
// `parley-cli play --from TRANSCRIPT --at N`). The trainee learns most right after a mistake:
// the new run has the same scenario, persona, seed and difficulty, replays the decisions before
// decision N and is played on from there.
//
//   std::string error;
//   auto r = rewind(content, transcript, 3, error);   // decisions 1 and 2 replayed
//   while (!r->session.finished()) r->session.decide(...);
//   Transcript t = transcript_of(*r);                  // carries "rewound": {at, original}
//
// A rewound run is practice (README, "Rewind"): the player gives it half the XP and never counts
// it toward best stars, unlocks, the tier or a classroom; its transcript says so.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "parley/session.h"
#include "parley/transcript.h"

namespace parley {

struct RewoundRun {
    Session session;   // at decision `mark.at`, the decisions before it replayed
    RewindMark mark;
};

// Rewinds `t` to decision `at` (1-based, as the debrief numbers them): a new Session replaying
// decisions 1 … at − 1. Refuses (nothing, with `error`) what replay refuses, and an `at` outside
// 1 … the number of decisions. Rewinding a rewound run marks it against the run it came from
// (its own decisions), not the first one.
std::optional<RewoundRun> rewind(std::shared_ptr<const ContentSet> content, const Transcript& t,
                                 std::size_t at, std::string& error);

// The transcript of a rewound run: transcript_of(session) with its mark.
Transcript transcript_of(const RewoundRun& run);

// The run a rewound transcript came from, replayed (its debrief is the other total shown side
// by side). Nothing, with `error`, when `t` is not rewound or the original does not replay.
std::optional<Session> original_of(std::shared_ptr<const ContentSet> content, const Transcript& t,
                                   std::string& error);

}  // namespace parley
