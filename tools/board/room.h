// The in-memory state of one classroom session (internal to the board's session logic). Every
// field that matters after a restart is also in the Store; this is the fast copy requests read.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "class_report.h"
#include "parley/analysis.h"
#include "scoring.h"
#include "store.h"

namespace parley::board {

struct Player {
    PlayerRow row;
    std::vector<std::string> decisions;   // progress replayed so far
    std::string stage;                    // stage id where the trainee is now
    bool meeting_over = false;            // the replayed progress reached an ending
    std::shared_ptr<const ResultRow> result;   // shared, never copied (the report is kilobytes)
    std::optional<ResultSummary> summary;
    std::mutex writing;                   // one durable write of this trainee at a time
};

struct Room {
    SessionRow row;
    std::vector<std::string> old_codes;
    RunConfig run;
    std::string content_problem;          // why results cannot be scored (content changed)

    mutable std::mutex mutex;             // everything below
    std::vector<std::shared_ptr<Player>> players;   // join order
    std::set<std::string> banned;         // name keys
    std::uint64_t version = 0;            // bumped when a result changes the ranking
    mutable std::uint64_t cached_version = ~std::uint64_t{0};
    mutable std::string cached_public;

    std::mutex joining;                   // joins of this session one at a time (names unique)

    // The one analysis of this session's run, for every submission's regret and the debrief,
    // shared with every other session of the same run (same scenario, persona, seed,
    // difficulty and content): `share` gives it, built the first time.
    std::function<std::shared_ptr<SharedRun>()> share;
    SharedRun& shared();
    const RunAnalysis& analysis() { return *shared().analysis; }

private:
    std::mutex analysis_mutex_;
    std::shared_ptr<SharedRun> shared_;
};

}  // namespace parley::board
