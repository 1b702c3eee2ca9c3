// Scenario analysis: exhaustive playtesting of every reachable state of a scenario for one
// persona (difficulty and seed fixed), sharing work between paths that reach the same state
// (memoised on Session::state_key()). Negotiation blocks are explored over a finite move set
// (see analysis.cpp and scenarios/README.md §7 for which offers are tried).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parley/catalogue.h"
#include "parley/model.h"
#include "parley/session.h"
#include "parley/transcript.h"

namespace parley {

struct AnalysisLimits {
    std::size_t max_states = 2'000'000;   // distinct states explored
    int max_milliseconds = 20'000;        // wall-clock guard; exceeding it is reported, never a hang
};

// A finished path: its result and the decisions that reach it (play --choices syntax).
struct PathResult {
    int total = 0;
    int stars = 0;
    OutcomeType outcome = OutcomeType::NoDeal;
    std::string ending;
    std::vector<std::string> choices;
};

struct Softlock {
    std::string node;
    std::vector<std::string> choices;   // a decision sequence that reaches it
};

struct EndingReach {
    std::string id;
    bool reachable = false;
};

struct PersonaAnalysis {
    std::string persona;
    std::size_t states = 0;
    bool complete = true;                 // false when a limit stopped the exploration
    std::string limit_message;            // why, when !complete
    std::vector<std::string> reachable_nodes, unreachable_nodes;
    std::vector<EndingReach> endings;
    std::vector<Softlock> softlocks;      // reachable non-ending states with no option
    std::vector<std::vector<std::string>> cycles_without_exit;  // node ids
    std::optional<PathResult> best, worst;
};

PersonaAnalysis analyze(const ContentSet& content, std::shared_ptr<const Scenario> scenario,
                        const std::string& persona, std::uint64_t seed, Difficulty difficulty,
                        const AnalysisLimits& limits = {});

// The value of each decision available at a point of a run: the best result still reachable
// after taking it.
struct DecisionValue {
    std::string decision;                 // "2" or a negotiation move
    Text text;                            // the option's text or a description of the move
    PathResult best;                      // best finished path after this decision
};
std::vector<DecisionValue> decision_values(const Session& at, const AnalysisLimits& limits = {});

// Regret for every decision of a run: what the best choice there was and what it would earn.
struct DecisionRegret {
    std::size_t index = 0;                // decision number, 0-based
    std::string chosen;
    int chosen_best_total = 0;            // best total still reachable after the choice made
    std::string best;                     // the best decision at that point
    Text best_text;
    int best_total = 0;
    int best_stars = 0;
};
// Replays `t` and values each decision. Empty when the transcript does not replay.
std::vector<DecisionRegret> regrets(const ContentSet& content, const Transcript& t,
                                    const AnalysisLimits& limits = {});

}  // namespace parley
