// The score of a run (scenario format §5): one derivation for the debrief and the analysis.
//
//   1. The rule        which competencies a scenario assesses, the history's layout
//   2. Deltas          what a decision, a missed duty and a finished block add
//   3. The score       competency scores, parts, total, failure, stars, tier
//
// Rules decided here (§5 states them for authors):
//   - Competency c: round((100·P + 50·K) / (P + N + K)). K = evidence_prior. A 0 in `evidence`
//     is an observation that moves nothing.
//   - The competency part is the weighted mean (model weights) over the competencies the
//     scenario assesses; one the run shows nothing of counts 50. So one more positive decision
//     never lowers the part either, and one more negative decision never raises it.
//   - A duty left undone: when critical, the run fails; otherwise −2 on H 服务规范及商务礼仪.
//   - A failed run (a critical red line, or a critical duty left undone) scores at most the
//     model's critical_violation_cap (below the first star threshold) and earns no star.
//   - The negotiation part is the mean of the finished blocks' scores (block_score); a run
//     without a finished block gives the negotiation share to the competencies. An unfinished
//     run's outcome part is 0.
//   - The tier is the highest whose min_total the total reaches, among the tiers up to the
//     scenario's level (level 1: 初级 only; a debrief never shows a tier above the scenario).
#include "scoring.h"

#include <algorithm>

#include "det_math.h"
#include "negotiation_runtime.h"

namespace parley {

// ============================================================================
// 1. The rule
// ============================================================================

namespace {

const std::string kEtiquette = "H";   // 服务规范及商务礼仪: where an undone duty is scored
constexpr int kMissedDutyEvidence = 2;

void note_evidence(const std::vector<Evidence>& evidence, std::vector<std::string>& ids) {
    for (const auto& e : evidence)
        if (e.value != 0) ids.push_back(e.competency);
}

}  // namespace

ScoreRule::ScoreRule(const CompetencyModel& model, const Scenario& scenario)
    : model_(model), level_(scenario.level) {
    std::vector<std::string> seen;
    for (const auto& node : scenario.nodes) {
        if (node.kind == NodeKind::Negotiation) seen.push_back("I");
        for (const auto& o : node.options) {
            note_evidence(o.consequence.evidence, seen);
            if (o.close) note_evidence(o.close->premature.evidence, seen);
        }
    }
    if (!scenario.duties.empty()) seen.push_back(kEtiquette);
    const std::size_t n = model.competencies.size();
    assessed_.assign(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        const std::string& id = model.competencies[i].id;
        index_.emplace_back(id, i);
        assessed_[i] = std::find(seen.begin(), seen.end(), id) != seen.end();
    }
    width_ = 2 * n + 3;
}

std::optional<std::size_t> ScoreRule::index_of(const std::string& id) const {
    for (const auto& [cid, i] : index_)
        if (cid == id) return i;
    return std::nullopt;   // not in the model: the loader refuses such evidence
}

void ScoreRule::add(std::int32_t* to, const std::int32_t* delta) const {
    const std::size_t failed = failed_index();
    for (std::size_t i = 0; i < failed; ++i) to[i] += delta[i];
    to[failed] = std::max(to[failed], delta[failed]);
    to[failed + 1] += delta[failed + 1];
    to[failed + 2] += delta[failed + 2];
}

// ============================================================================
// 2. Deltas
// ============================================================================

History ScoreRule::of_evidence(const std::vector<Evidence>& evidence) const {
    History h = zero();
    for (const auto& e : evidence) {
        const auto i = index_of(e.competency);
        if (!i) continue;
        if (e.value > 0) h[2 * *i] += e.value;
        else h[2 * *i + 1] -= e.value;
    }
    return h;
}

History ScoreRule::of_missed_duties(const std::vector<DutyMiss>& missed) const {
    History h = zero();
    const auto etiquette = index_of(kEtiquette);
    for (const auto& m : missed) {
        if (m.critical) h[failed_index()] = 1;
        else if (etiquette) h[2 * *etiquette + 1] += kMissedDutyEvidence;
    }
    return h;
}

History ScoreRule::of_decision(const DecisionRecord& d) const {
    History h = of_evidence(d.evidence);
    if (d.violation && d.violation->critical) h[failed_index()] = 1;
    if (!d.missed_duties.empty()) add(h, of_missed_duties(d.missed_duties));
    return h;
}

History ScoreRule::of_block(const NegotiationState& finished) const {
    History h = zero();
    h[block_sum_index()] = block_score(finished, model_);
    h[blocks_index()] = 1;
    return h;
}

History ScoreRule::of_session(const Session& s) const {
    History h = zero();
    for (const auto& d : s.decisions()) add(h, of_decision(d));
    for (const auto& b : s.negotiations_done()) add(h, of_block(b));
    return h;
}

// ============================================================================
// 3. The score
// ============================================================================

int ScoreRule::competency_score(std::int64_t positive, std::int64_t negative, int prior) {
    const std::int64_t k = std::max(1, prior);
    return static_cast<int>(
        std::clamp<std::int64_t>(round_div(100 * positive + 50 * k, positive + negative + k), 0, 100));
}

ScoreRule::Parts ScoreRule::score(const std::int32_t* h, std::optional<int> outcome_score,
                                  std::vector<int>* competency_scores) const {
    Parts p;
    if (competency_scores) competency_scores->assign(model_.competencies.size(), -1);
    std::int64_t weighted = 0, weights = 0;
    for (std::size_t i = 0; i < model_.competencies.size(); ++i) {
        const bool shown = h[2 * i] != 0 || h[2 * i + 1] != 0;
        if (!assessed_[i] && !shown) continue;
        const int score = competency_score(h[2 * i], h[2 * i + 1], model_.evidence_prior);
        if (competency_scores) (*competency_scores)[i] = score;
        const int weight = std::max(1, model_.competencies[i].weight);
        weighted += std::int64_t{weight} * score;
        weights += weight;
    }
    p.competency_part = weights == 0 ? 0 : static_cast<int>(round_div(weighted, weights));
    p.outcome_part = outcome_score.value_or(0);

    int share_c = model_.share_competencies, share_o = model_.share_outcome,
        share_n = model_.share_negotiation;
    std::int64_t negotiation = 0;
    const std::int64_t blocks = h[blocks_index()];
    if (blocks == 0) {
        share_c += share_n;
        share_n = 0;
    } else {
        negotiation = round_div(h[block_sum_index()], blocks);
        p.negotiation_part = static_cast<int>(negotiation);
    }
    std::int64_t total = round_div(std::int64_t{p.competency_part} * share_c +
                                       std::int64_t{p.outcome_part} * share_o + negotiation * share_n,
                                   100);
    total = std::clamp<std::int64_t>(total, 0, 100);
    p.failed = h[failed_index()] != 0;
    if (p.failed) total = std::min<std::int64_t>(total, model_.critical_violation_cap);
    p.total = static_cast<int>(total);
    if (!p.failed)
        for (int threshold : model_.star_thresholds)
            if (p.total >= threshold) ++p.stars;
    const std::size_t reachable = static_cast<std::size_t>(std::max(1, level_));
    for (std::size_t t = 0; t < model_.tiers.size() && t < reachable; ++t)
        if (p.total >= model_.tiers[t].min_total) p.tier = t;
    return p;
}

}  // namespace parley
