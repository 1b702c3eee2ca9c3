// Scoring and debrief (scenario format §5). The arithmetic is scoring.cpp's, the same the
// analysis uses; this file turns it into the record of a run.
//
//   1. Negotiation summaries
//   2. Debrief     the record of a run
//   3. JSON        the debrief as data (the run report, report.h, adds the regret)
//
// Rules decided here (§5 leaves them open):
//   - Every evidence entry counts as one observation, a 0 included (it says "seen, neutral");
//     a duty left undone that is not critical is an observation of H.
//   - Negotiation rule adherence reaches competency I through the evidence each move gives
//     (negotiation_round.cpp); the block's adherence enters the negotiation part.
//   - A run with no assessed competency has a competency part of 0 (nothing shown, nothing
//     earned). An unfinished run has an outcome part of 0. Blocks still in progress do not count.
//   - `failed` is true whenever a critical violation happened; the debrief then says why, in
//     `failure_reasons`, with each critical violation's explanation.
#include <algorithm>
#include <map>

#include "det_math.h"
#include "negotiation_runtime.h"
#include "parley/debrief.h"
#include "scoring.h"

namespace parley {

// ============================================================================
// 1. Negotiation summaries
// ============================================================================

namespace {

NegotiationSummary summarize(const NegotiationState& s, const CompetencyModel& model) {
    NegotiationSummary n;
    n.outcome = s.outcome.value_or(NegotiationOutcome::NoDeal);
    if (s.outcome == NegotiationOutcome::Deal) {
        n.agreed = s.agreed;
        for (const auto& [id, v] : s.agreed)
            if (const NegotiationIssue* issue = find_issue(*s.block, id))
                n.agreed_display[id] = format_value(*issue, v);
        n.agreed_text = describe_values(*s.block, s.agreed);
    }
    n.client_says = s.client_says;
    n.bank_value = block_bank_value(s);
    n.client_satisfaction = block_client_satisfaction(s);
    n.trainee_concessions = trainee_concession_count(s);
    n.rule_adherence = rule_adherence(s);
    n.score = block_score(s, model);
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
    for (std::size_t i = 0; i < d.decisions.size(); ++i) {
        const DecisionRecord& r = d.decisions[i];
        if (r.violation)
            d.violations.push_back({i, r.violation->red_line, std::nullopt, r.violation->critical,
                                    r.violation->explanation});
        for (const auto& m : r.missed_duties)
            d.violations.push_back({i, std::nullopt, m.duty, m.critical, m.explanation});
    }
    for (const auto& v : d.violations)
        if (v.critical) d.failure_reasons.push_back(v.explanation);
    const CompetencyModel& model = session.model();
    for (const auto& block : session.negotiations_done()) d.negotiations.push_back(summarize(block, model));

    const ScoreRule rule(model, session.scenario());
    const History h = rule.of_session(session);
    std::vector<int> scores;
    const ScoreRule::Parts parts = rule.score(h.data(), outcome_score, &scores);
    Score& sc = d.score;
    sc.total = parts.total;
    sc.stars = parts.stars;
    sc.competency_part = parts.competency_part;
    sc.outcome_part = parts.outcome_part;
    sc.negotiation_part = parts.negotiation_part;
    sc.failed = parts.failed;
    if (parts.tier) sc.tier = model.tiers[*parts.tier];
    std::map<std::string, int> observations;
    for (const auto& r : d.decisions) {
        for (const auto& e : r.evidence) observations[e.competency] += 1;
        for (const auto& m : r.missed_duties)
            if (!m.critical) observations["H"] += 1;
    }
    for (std::size_t i = 0; i < model.competencies.size(); ++i)
        if (scores[i] >= 0) {
            const std::string& id = model.competencies[i].id;
            sc.competencies.push_back({id, scores[i], observations.count(id) ? observations[id] : 0});
        }
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
        {"failed", s.failed},
    };
    j["failed"] = s.failed;
    json reasons = json::array();
    for (const auto& r : d.failure_reasons) reasons.push_back(r.in(lang));
    j["failure_reasons"] = reasons;

    json violations = json::array();
    for (const auto& v : d.violations) {
        json x = {{"decision", v.decision},
                  {"critical", v.critical},
                  {"explanation", v.explanation.in(lang)}};
        if (v.red_line) x["red_line"] = id(*v.red_line);
        if (v.duty) x["duty"] = id(*v.duty);
        violations.push_back(std::move(x));
    }
    j["violations"] = violations;

    json negotiations = json::array();
    for (const auto& n : d.negotiations) {
        json agreed = json::object();
        for (const auto& [issue, text] : n.agreed_display) agreed[issue] = text;
        negotiations.push_back({{"outcome", id(n.outcome)},
                                {"agreed", agreed},
                                {"agreed_text", n.agreed_text.in(lang)},
                                {"client_says", n.client_says.in(lang)},
                                {"score", n.score},
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
                  {"sources", r.sources},
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
