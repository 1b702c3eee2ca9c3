// The score of a run (scenario format §5), computed in one place for the debrief and the
// analysis: from a score history that adds up along a run.
//
// The history is a row of integers:
//   per competency of the model, in model order: P (sum of positive evidence strengths) and
//   N (sum of the magnitudes of negative evidence);
//   then: failed (1 once a critical violation or a critical duty left undone happened),
//   the sum of finished negotiation blocks' scores, and the number of finished blocks.
// Everything is a sum (failed is a maximum), so a history is the sum of its decisions' deltas —
// which is what lets the analysis carry it beside a situation and stay exact.
//
// Competency c scores round((100·P + 50·K) / (P + N + K)), K = the model's evidence_prior:
// 50 with no evidence, rising with every positive observation and falling with every negative
// one (monotone), by more the stronger it is, approaching 100 (0) only with much evidence.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "parley/model.h"
#include "parley/session.h"

namespace parley {

using History = std::vector<std::int32_t>;

class ScoreRule {
public:
    ScoreRule(const CompetencyModel& model, const Scenario& scenario);

    std::size_t width() const { return width_; }
    History zero() const { return History(width_, 0); }
    void add(History& to, const History& delta) const { add(to.data(), delta.data()); }
    void add(std::int32_t* to, const std::int32_t* delta) const;

    History of_evidence(const std::vector<Evidence>& evidence) const;
    // A decision: its evidence, a critical violation, and the duties it left undone.
    History of_decision(const DecisionRecord& d) const;
    // The part of of_decision that comes from arriving at an ending: the duties left undone.
    History of_missed_duties(const std::vector<DutyMiss>& missed) const;
    History of_block(const NegotiationState& finished) const;
    History of_session(const Session& s) const;   // the whole run so far

    // Where the failed flag and the blocks' sums sit (for pruning in the analysis).
    std::size_t failed_index() const { return width_ - 3; }
    std::size_t block_sum_index() const { return width_ - 2; }
    std::size_t blocks_index() const { return width_ - 1; }
    std::size_t competencies() const { return model_.competencies.size(); }

    struct Parts {
        int total = 0, stars = 0;
        int competency_part = 0, outcome_part = 0;
        std::optional<int> negotiation_part;
        bool failed = false;
        std::optional<std::size_t> tier;     // index into the model's tiers
    };
    // The result of a run with this history; `outcome_score` is empty for an unfinished run.
    // `competency_scores`, when given, receives each model competency's score (−1 when this
    // scenario does not assess it).
    Parts score(const std::int32_t* h, std::optional<int> outcome_score,
                std::vector<int>* competency_scores = nullptr) const;

    // The competencies this scenario assesses: every one some decision can give evidence on
    // (I with a negotiation, H with duties). Those a run shows nothing of count at 50.
    bool assessed(std::size_t competency) const { return assessed_[competency]; }
    static int competency_score(std::int64_t positive, std::int64_t negative, int prior);

private:
    const CompetencyModel& model_;
    int level_ = 1;
    std::size_t width_ = 0;
    std::vector<bool> assessed_;
    std::vector<std::pair<std::string, std::size_t>> index_;   // competency id → position
    std::optional<std::size_t> index_of(const std::string& id) const;
};

}  // namespace parley
