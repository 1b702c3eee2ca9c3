// What a run's future depends on, as a compact binary key: the node, the client state and, in a
// negotiation, the block's position. Session::state_key() adds the score history; the analysis
// memoises situations on the key alone and carries the history beside it (analysis_graph.h).
// One derivation for both, so they can never disagree.
#pragma once

#include <cstdint>
#include <string>

#include "parley/negotiation.h"
#include "parley/session.h"
#include "scoring.h"

namespace parley {

// Node + client state (+ negotiation position); a finished run is keyed by its ending alone.
std::string situation_key(const Session& s);
// A negotiation block's position: what its later moves and the client's replies read.
std::string negotiation_key(const NegotiationState& ns);
// Appends a score history to a key.
void append_history(std::string& key, const std::int32_t* h, std::size_t width);

}  // namespace parley
