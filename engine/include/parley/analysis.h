// Scenario analysis: exhaustive playtesting of every reachable state of a scenario for one
// persona (difficulty and seed fixed), sharing work between paths that reach the same state.
// Situations (node, client state, negotiation position) are explored once; the score history
// that Session::state_key() also covers is carried alongside, so best and worst results are
// exact. Negotiation blocks are explored over a finite move set (see candidate_decisions() and
// scenarios/README.md §8). How it works: engine/src/analysis_graph.h.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/catalogue.h"
#include "parley/diagnostics.h"
#include "parley/model.h"
#include "parley/session.h"
#include "parley/transcript.h"

namespace parley {

struct AnalysisLimits {
    std::size_t max_states = 2'000'000;   // distinct states and score histories explored
    int max_milliseconds = 20'000;        // wall-clock guard; exceeding it is reported, never a hang
    std::size_t max_megabytes = 1'024;    // memory guard for the table of explored states
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
    std::size_t states = 0;               // distinct situations (node, client state, negotiation)
    std::size_t histories = 0;            // distinct (situation, score history) pairs valued
    bool complete = true;                 // false when a limit stopped the exploration (or an
                                          // internal check failed)
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

// The decisions the analysis tries at this point of a run, in transcript syntax: every available
// option ("1" … "n"); in a negotiation block the finite move set documented in
// scenarios/README.md §8. Empty when the run is finished. Some may still be refused by the
// session (e.g. a split it does not allow); the analysis skips those.
std::vector<std::string> candidate_decisions(const Session& at);

// `parley-cli analyze --json`, per persona: persona, states, histories, complete, limit_message,
// reachable_nodes, unreachable_nodes, endings [{id, reachable}], softlocks [{node, choices}],
// cycles_without_exit, best and worst ({total, stars, outcome, ending, choices} or null).
nlohmann::json to_json(const PersonaAnalysis& a);
nlohmann::json to_json(const PathResult& p);

// The validator's use of the analysis: runs it for every persona of the scenario (its default
// difficulty, seed 1). Errors, located at the node (/nodes/N): soft-locks, endings a persona can
// never reach that an option or a negotiation's deal / no-deal leads to, no run that finishes.
// Warnings: a safety-net ending (patience_out, on_client_quit) that is never needed, cycles with
// no way out, no three-star run, a node no persona reaches, an exploration stopped by a limit.
void check_soundness(const ContentSet& content, std::shared_ptr<const Scenario> scenario,
                     Diagnostics& diags, const AnalysisLimits& limits = {});

// The value of each decision available at a point of a run: the best result still reachable
// after taking it. `best.choices` is the whole run from its start (the decisions already made,
// this one, then the best continuation), so it replays with `parley-cli play --choices`.
struct DecisionValue {
    std::string decision;                 // "2" or a negotiation move
    Text text;                            // the option's text or a description of the move
    PathResult best;                      // best finished path after this decision (ending
                                          // empty when no finished result is reachable)
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
// Regret of a decision: how many points the best choice would have kept that this one lost.
inline int regret_of(const DecisionRegret& r) { return r.best_total - r.chosen_best_total; }
// Replays `t` and values each decision. Empty when the transcript does not replay.
std::vector<DecisionRegret> regrets(const ContentSet& content, const Transcript& t,
                                    const AnalysisLimits& limits = {});
// The "regret" array of `play --json` / `replay --json`: [{index, chosen, chosen_best_total,
// best, best_text, best_total, best_stars, regret}], texts in `lang`.
nlohmann::json regrets_to_json(const std::vector<DecisionRegret>& r, Lang lang);

}  // namespace parley
