// Server-side scoring of a submission: a transcript is checked to be this session's run
// (scenario, persona, seed, difficulty, content), replayed by the engine, and valued with the
// session's one shared analysis. Nothing a client says about its score is read: a result is
// only ever what the replay gives.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
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

// How one decision of a path was valued: its regret, and the best choice there named as the
// board names choices (an option id and its text, or "move:KIND"), resolved against the options
// on offer at that point.
struct ValuedDecision {
    DecisionRegret regret;
    std::string best_key;
    Text best_text;
};

// A path's valuing, decision by decision (what the memo below gives back for a whole path).
struct ValuedPath {
    Regrets regrets;                      // the analysis' regrets (complete when remembered)
    std::vector<std::string> best_keys;   // ValuedDecision::best_key of each decision
    std::vector<Text> best_texts;         // ValuedDecision::best_text of each decision
};

// The valuing of each decision, remembered by decision prefix. The regret of decision i and the
// best choice there are functions of the run configuration and decisions 0..i alone (the state
// before it and the choice made), so trainees who took the same path share the valuing of it;
// only what a complete analysis valued is remembered (a bounded one might value a state
// differently later).
class RegretMemo {
public:
    // The valuing of every decision, when each prefix is remembered.
    std::optional<ValuedPath> find(const std::vector<std::string>& decisions) const;
    void remember(const std::vector<std::string>& decisions, const ValuedPath& path);
    std::size_t size() const;

    // Memory bound (a node is a few hundred bytes; a class of 500 with 400 decisions each is at
    // most 200,000): past it, nothing new is kept and new paths are valued each time.
    static constexpr std::size_t kMaxNodes = std::size_t{1} << 18;

private:
    struct Node {
        std::map<std::string, std::unique_ptr<Node>, std::less<>> next;
        std::optional<ValuedDecision> valued;
    };
    mutable std::shared_mutex mutex_;
    Node root_;
    std::size_t nodes_ = 0;
};

// What every session of one run configuration shares: the analysis, built once, and what it
// has valued so far.
struct SharedRun {
    std::shared_ptr<const RunAnalysis> analysis;
    RegretMemo regrets;
};

struct ScoredRun {
    nlohmann::json report;        // the run report (report.h), the reply to the trainee
    ResultSummary summary;
    std::string transcript;       // canonical text of the transcript replayed
};

// Throws Refused (Unprocessable) naming what differs, the decision that does not replay, or
// that the run is not finished. Every call replays the transcript; only the valuing of its path
// may come from the memo (and equals a fresh one).
ScoredRun score_submission(const RunConfig& run, const Transcript& t, SharedRun& shared, Lang lang);

// The valuing of a finished run's path, from the shared analysis alone (no memo): the regrets,
// and the best choice at each decision named against the options on offer there.
ValuedPath value_path(const RunConfig& run, const Transcript& t, const RunAnalysis& analysis);

// Progress: replays the decisions so far. Throws Refused (Unprocessable) when one is not valid.
Session replay_progress(const RunConfig& run, const std::vector<std::string>& decisions);

// The transcript read from a request body; throws Refused (BadRequest) with the reader's messages.
Transcript read_transcript(const std::string& body);

}  // namespace parley::board
