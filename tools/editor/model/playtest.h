// Playtesting from the editor: a run from any node, with a chosen persona, seed, difficulty and
// starting client state, on the model as it is now — and "replay my last playtest after this
// edit": the same decisions on the edited scenario, and where the run now goes another way.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parley/session.h"

namespace parley::editor {

struct PlaytestSetup {
    std::string persona;
    std::uint64_t seed = 1;
    Difficulty difficulty = Difficulty::Normal;
    std::string start_node;   // empty: the scenario's start
    ClientState state;        // on arrival at start_node
};

// The state a run of this scenario starts in for the persona and difficulty, as the engine
// computes it: the form the trainer edits before starting.
ClientState starting_state(const Scenario& scenario, const Persona& persona, Difficulty difficulty);

// A Session for the setup (throws std::invalid_argument as Session does).
Session start_playtest(std::shared_ptr<const ContentSet> content, std::shared_ptr<const Scenario> scenario,
                       const PlaytestSetup& setup);

struct Replay {
    std::optional<Session> session;   // the run as far as the decisions went
    std::size_t replayed = 0;         // decisions that still applied
    // The first decision after which the run is somewhere else than before (or refused):
    // its index, and what happened then and now.
    std::optional<std::size_t> diverged_at;
    std::string was, now;              // node ids (now: "refused: …" when the decision no longer applies)
    std::string error;                 // the run could not start at all
};

// Replays `decisions` from `setup` on `scenario`, comparing the nodes visited with `old_path`
// (the path of the earlier run, Session::path()).
Replay replay_playtest(std::shared_ptr<const ContentSet> content, std::shared_ptr<const Scenario> scenario,
                       const PlaytestSetup& setup, const std::vector<std::string>& decisions,
                       const std::vector<std::string>& old_path);

}  // namespace parley::editor
