// Scenario analysis: exhaustive playtesting of every reachable state of a scenario for one
// persona (difficulty and seed fixed), sharing work between paths that reach the same state.
// Situations (node, client state, negotiation position) are explored once; the score history
// that Session::state_key() also covers is carried alongside, so best and worst results are
// exact. Negotiation blocks are explored over a finite move set (see candidate_decisions() and
// scenarios/README.md §8). How it works: engine/src/analysis_graph.h.
#pragma once

#include <atomic>
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

// Bounds of an exploration. Both are counted, never measured (no clock), so an analysis is
// complete or stopped at the same point on every machine: the run report's regret is the same
// on a busy server as on a laptop.
struct AnalysisLimits {
    std::size_t max_states = 2'000'000;   // distinct states and score histories explored
    std::size_t max_megabytes = 1'024;    // the tables' size, as counted by the analysis
    // Set by another thread to stop an exploration early (an editor window closing while its
    // background analysis runs); the analysis then reports itself incomplete. Nothing that
    // records results sets it, so it takes nothing from their determinism.
    const std::atomic<bool>* cancel = nullptr;
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
    // Negotiation nodes reached in which the client never accepts any trade tried (the
    // teaching check "no trade is ever better than giving").
    std::vector<std::string> blocks_without_trade;
};

PersonaAnalysis analyze(std::shared_ptr<const ContentSet> content, std::shared_ptr<const Scenario> scenario,
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
// The teaching checks of negotiation blocks (format reference §8) are reported here too, as
// warnings at the block's node.
// `analyses`, when given, receives the analyses it ran (one per persona the content knows, in
// the scenario's order), so a caller that also needs them does not explore the scenario twice.
void check_soundness(std::shared_ptr<const ContentSet> content, std::shared_ptr<const Scenario> scenario,
                     Diagnostics& diags, const AnalysisLimits& limits = {},
                     std::vector<PersonaAnalysis>* analyses = nullptr);

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
struct Regrets {
    std::vector<DecisionRegret> decisions;
    bool complete = true;          // false when the analysis' bound stopped it (then partial)
    std::string limit_message;
};
// Replays `t` and values each decision. Empty when the transcript does not replay.
Regrets regrets(std::shared_ptr<const ContentSet> content, const Transcript& t,
                const AnalysisLimits& limits = {});

// The analysis of one run configuration (scenario, persona, seed, difficulty), built once and
// shared: a classroom where everyone plays the same run asks it for each submission's regret
// from many threads. It explores from the start when built and carries on from what it knows
// when asked about a state it has not valued yet (queries are serialised internally).
class RunAnalysis {
public:
    static std::shared_ptr<const RunAnalysis> build(std::shared_ptr<const ContentSet> content,
                                                    std::shared_ptr<const Scenario> scenario,
                                                    const std::string& persona, std::uint64_t seed,
                                                    Difficulty difficulty, const AnalysisLimits& limits = {});
    ~RunAnalysis();

    const std::string& scenario() const;
    const std::string& persona() const;
    std::uint64_t seed() const;
    Difficulty difficulty() const;
    // The best result of the run from its start (nothing when no run finishes).
    const std::optional<PathResult>& best() const;
    bool complete() const;
    const std::string& limit_message() const;

    // Regret of each decision of a transcript of this configuration; `decisions` empty when
    // the transcript does not replay or is for another configuration.
    Regrets regrets(const Transcript& t) const;
    // The best total still reachable from this point of a run of this configuration (nothing
    // when no finished result is reachable or the bound stopped the exploration first).
    std::optional<int> best_total(const Session& at) const;

    struct Impl;
private:
    explicit RunAnalysis(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};
// The "regret" array of the run report: [{index, chosen, chosen_best_total, best, best_text,
// best_total, best_stars, regret}], texts in `lang`.
nlohmann::json regrets_to_json(const std::vector<DecisionRegret>& r, Lang lang);

}  // namespace parley
