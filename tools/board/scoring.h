// Server-side scoring of a submission: a transcript is checked to be this session's run
// (scenario, persona, seed, difficulty, content), replayed by the engine, and valued with the
// session's one shared analysis. Nothing a client says about its score is read: a result is
// only ever what the replay gives.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "class_report.h"
#include "parley/analysis.h"
#include "parley/session.h"
#include "parley/transcript.h"

namespace parley::board {

// The run everyone in a session plays.
struct RunConfig {
    std::shared_ptr<const ContentSet> content;
    std::shared_ptr<const Scenario> scenario;
    std::string persona;
    std::uint64_t seed = 0;
    Difficulty difficulty = Difficulty::Normal;
    std::uint64_t run_hash = 0;   // what the transcripts of this run record
};

struct ScoredRun {
    nlohmann::json report;        // the run report (report.h), the reply to the trainee
    ResultSummary summary;
    std::string transcript;       // canonical text of the transcript replayed
};

// Throws Refused (Unprocessable) naming what differs, the decision that does not replay, or
// that the run is not finished.
ScoredRun score_submission(const RunConfig& run, const Transcript& t, const RunAnalysis& analysis, Lang lang);

// Progress: replays the decisions so far. Throws Refused (Unprocessable) when one is not valid.
Session replay_progress(const RunConfig& run, const std::vector<std::string>& decisions);

// The transcript read from a request body; throws Refused (BadRequest) with the reader's messages.
Transcript read_transcript(const std::string& body);

}  // namespace parley::board
