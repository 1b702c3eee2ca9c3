// Conditions (scenario format §3.4) evaluated against one run: the client's state, the persona
// playing and the difficulty.
#pragma once

#include <string>

#include "parley/catalogue.h"
#include "parley/model.h"
#include "parley/session.h"

namespace parley {

struct ConditionContext {
    const ClientState& state;
    const std::string& persona;
    Difficulty difficulty;
};

// The value a Compare leaf reads: a meter ("trust", "interest", "patience") or a variable
// (an undeclared variable reads as 0; the loader rejects such content).
int read_value(const ClientState& state, const std::string& name);

bool holds(const Condition& c, const ConditionContext& ctx);

}  // namespace parley
