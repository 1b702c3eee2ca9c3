// Semantic checks over a whole scenario once its document has been read: the node graph.
#pragma once

#include "json_source.h"
#include "parley/model.h"

namespace parley {

// Duplicate node and option ids, next-node references that lead nowhere (option next,
// branch next, close.premature, negotiation on_*, start, patience_out, a duty's before),
// patience_out or a duty's before that is not an ending, loops with no way out, and unreachable nodes (warnings, only when the
// file has no errors: those would mostly be their echo). Diagnostics are located by the
// JSON pointer the model's indices correspond to ("/nodes/3/options/1/next").
void validate_scenario(const Scenario& s, Reporter& rep);

}  // namespace parley
