// Scoring and debrief (scenario format §5): integer arithmetic, rounding half away from zero at
// the points named there.
//
//   1. Scoring     competencies, parts, total, cap, stars, tier
//   2. Debrief     the record of a run
//   3. JSON        the result printed by the CLI and the player's scripted mode
//
// Rules decided here (§5 leaves them open):
//   - Every evidence entry counts as one observation, a 0 included (it says "seen, neutral").
//   - Negotiation rule adherence reaches competency I through the evidence each move gives
//     (negotiation_round.cpp); the block's adherence enters the negotiation part.
//   - A run with no assessed competency has a competency part of 0 (nothing shown, nothing
//     earned). An unfinished run has an outcome part of 0. Blocks still in progress do not count.
//   - `capped` is true whenever a critical violation happened (the cap is in force), whether
//     or not the total was above it.
#include <algorithm>
#include <map>

#include "det_math.h"
#include "negotiation_runtime.h"
#include "parley/debrief.h"

namespace parley {

// ============================================================================
// 1. Scoring
// ============================================================================

namespace {

Score score_run(const CompetencyModel& model, const std::vector<DecisionRecord>& decisions,
                const std::vector<NegotiationSummary>& blocks, std::optional<int> outcome_score) {
    Score sc;
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> evidence;  // sum, count
    bool critical = false;
    for (const auto& d : decisions) {
        for (const auto& e : d.evidence) {
            evidence[e.competency].first += e.value;
            evidence[e.competency].second += 1;
        }
        critical = critical || (d.violation && d.violation->critical);
    }

    // Competency c: round(50 + 50 × mean / 3) = round((150 n + 50 sum) / 3 n).
    std::int64_t weighted = 0, weights = 0;
    for (const auto& c : model.competencies) {
        auto it = evidence.find(c.id);
        if (it == evidence.end()) continue;
        const auto [sum, n] = it->second;
        const int score = static_cast<int>(std::clamp<std::int64_t>(
            round_div(150 * n + 50 * sum, 3 * n), 0, 100));
        sc.competencies.push_back({c.id, score, static_cast<int>(n)});
        weighted += static_cast<std::int64_t>(std::max(1, c.weight)) * score;
        weights += std::max(1, c.weight);
    }
    sc.competency_part = weights == 0 ? 0 : static_cast<int>(round_div(weighted, weights));
    sc.outcome_part = outcome_score.value_or(0);

    int share_c = model.share_competencies, share_o = model.share_outcome,
        share_n = model.share_negotiation;
    std::int64_t negotiation = 0;
    if (blocks.empty()) {
        share_c += share_n;
        share_n = 0;
    } else {
        std::int64_t sum = 0;
        for (const auto& b : blocks) sum += b.bank_value + b.rule_adherence;
        negotiation = round_div(sum, 2 * static_cast<std::int64_t>(blocks.size()));
        sc.negotiation_part = static_cast<int>(negotiation);
    }
    const std::int64_t total = round_div(static_cast<std::int64_t>(sc.competency_part) * share_c +
                                             static_cast<std::int64_t>(sc.outcome_part) * share_o +
                                             negotiation * share_n,
                                         100);
    sc.total = static_cast<int>(std::clamp<std::int64_t>(total, 0, 100));
    if (critical) {
        sc.capped = true;
        sc.total = std::min(sc.total, model.critical_violation_cap);
    }
    for (int threshold : model.star_thresholds)
        if (sc.total >= threshold) ++sc.stars;
    for (const auto& t : model.tiers)
        if (sc.total >= t.min_total && (!sc.tier || t.min_total >= sc.tier->min_total)) sc.tier = &t;
    return sc;
}

NegotiationSummary summarize(const NegotiationState& s) {
    NegotiationSummary n;
    n.outcome = s.outcome.value_or(NegotiationOutcome::NoDeal);
    if (s.outcome == NegotiationOutcome::Deal) {
        n.agreed = s.agreed;
        for (const auto& [id, v] : s.agreed)
            if (const NegotiationIssue* issue = find_issue(*s.block, id))
                n.agreed_display[id] = format_value(*issue, v);
    }
    n.bank_value = block_bank_value(s);
    n.client_satisfaction = block_client_satisfaction(s);
    n.trainee_concessions = trainee_concession_count(s);
    n.rule_adherence = rule_adherence(s);
    n.breaches = s.breaches;
    return n;
}

}  // namespace

// ============================================================================
// 2. Debrief
// ============================================================================

Debrief debrief(const Session& session) {
    Debrief d;
    d.scenario = session.scenario().id;
    d.persona = session.persona().id;
    d.seed = session.seed();
    d.difficulty = session.difficulty();
    d.finished = session.finished();
    std::optional<int> outcome_score;
    if (d.finished) {
        const Node& end = session.current_node();
        d.ending = end.id;
        d.outcome = end.outcome;
        d.ending_summary = end.summary;
        outcome_score = end.outcome_score;
    }
    d.decisions = session.decisions();
    for (std::size_t i = 0; i < d.decisions.size(); ++i)
        if (d.decisions[i].violation) d.violations.push_back({i, *d.decisions[i].violation});
    for (const auto& block : session.negotiations_done()) d.negotiations.push_back(summarize(block));
    d.score = score_run(session.model(), d.decisions, d.negotiations, outcome_score);
    return d;
}

// ============================================================================
// 3. JSON
// ============================================================================

namespace {

using nlohmann::json;

template <class E>
std::string id(E value) {
    return std::string(id_of(value));
}

json breaches_json(const std::vector<RuleBreach>& breaches) {
    json a = json::array();
    for (const auto& b : breaches)
        a.push_back({{"rule", id(b.rule)}, {"round", b.round}, {"issue", b.issue}});
    return a;
}

}  // namespace

json to_json(const Debrief& d, Lang lang) {
    json j;
    j["scenario"] = d.scenario;
    j["persona"] = d.persona;
    j["seed"] = d.seed;
    j["difficulty"] = id(d.difficulty);
    j["finished"] = d.finished;
    j["outcome"] = d.finished ? json(id(d.outcome)) : json(nullptr);
    j["ending"] = d.finished ? json(d.ending) : json(nullptr);
    j["ending_summary"] = d.ending_summary.in(lang);

    const Score& s = d.score;
    json competencies = json::object();
    for (const auto& c : s.competencies) competencies[c.id] = c.score;
    j["score"] = {
        {"total", s.total},
        {"stars", s.stars},
        {"tier", s.tier ? json(s.tier->id) : json(nullptr)},
        {"tier_name", s.tier ? json(s.tier->name.in(lang)) : json(nullptr)},
        {"competencies", competencies},
        {"competency_part", s.competency_part},
        {"outcome_part", s.outcome_part},
        {"negotiation_part", s.negotiation_part ? json(*s.negotiation_part) : json(nullptr)},
        {"capped", s.capped},
    };

    json violations = json::array();
    for (const auto& v : d.violations)
        violations.push_back({{"decision", v.decision},
                              {"red_line", id(v.violation.red_line)},
                              {"critical", v.violation.critical},
                              {"explanation", v.violation.explanation.in(lang)}});
    j["violations"] = violations;

    json negotiations = json::array();
    for (const auto& n : d.negotiations) {
        json agreed = json::object();
        for (const auto& [issue, text] : n.agreed_display) agreed[issue] = text;
        negotiations.push_back({{"outcome", id(n.outcome)},
                                {"agreed", agreed},
                                {"bank_value", n.bank_value},
                                {"client_satisfaction", n.client_satisfaction},
                                {"trainee_concessions", n.trainee_concessions},
                                {"rule_adherence", n.rule_adherence},
                                {"breaches", breaches_json(n.breaches)}});
    }
    j["negotiations"] = negotiations;

    json decisions = json::array();
    for (const auto& r : d.decisions) {
        json evidence = json::object();
        for (const auto& e : r.evidence)
            evidence[e.competency] = evidence.value(e.competency, 0) + e.value;
        json x = {{"decision", r.decision},
                  {"node", r.node},
                  {"stage", id(r.stage)},
                  {"option", r.option_id},
                  {"text", r.option_text.in(lang)},
                  {"feedback", r.feedback.in(lang)},
                  {"evidence", evidence},
                  {"breaches", breaches_json(r.breaches)},
                  {"trust", r.after.trust},
                  {"interest", r.after.interest},
                  {"patience", r.after.patience},
                  {"emotion", id(r.after.emotion)},
                  {"trust_delta", r.trust_delta},
                  {"interest_delta", r.interest_delta},
                  {"patience_delta", r.patience_delta}};
        if (r.violation)
            x["violation"] = {{"red_line", id(r.violation->red_line)},
                              {"critical", r.violation->critical},
                              {"explanation", r.violation->explanation.in(lang)}};
        if (r.close_timely) x["close_timely"] = *r.close_timely;
        if (r.objection_resolved) x["objection_resolved"] = *r.objection_resolved;
        if (r.method_effectiveness) x["method_effectiveness"] = *r.method_effectiveness;
        decisions.push_back(std::move(x));
    }
    j["decisions"] = decisions;
    return j;
}

}  // namespace parley
