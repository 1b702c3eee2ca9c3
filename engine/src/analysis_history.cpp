// Scenario analysis: score histories and the keys of what a run's future depends on.
//
// Contents
//   1. Score history   evidence, critical violations, finished blocks — the inputs of §5
//   2. Keys            node + client state (+ negotiation position): equal keys, same futures
//
// The total below follows debrief.cpp's scoring step by step (same integer arithmetic, same
// round_div). The analysis never trusts it blindly: every path it reports is replayed through
// debrief() and a difference is reported as a failed check.
#include <algorithm>
#include <cstring>

#include "analysis_graph.h"
#include "det_math.h"
#include "negotiation_runtime.h"

namespace parley::detail {

// ============================================================================
// 1. Score history
// ============================================================================

Scoring::Scoring(const CompetencyModel& model) : model_(model) {
    for (std::size_t i = 0; i < model.competencies.size(); ++i) index_[model.competencies[i].id] = i;
    size_ = 2 * model.competencies.size() + 3;
}

void Scoring::add(std::int32_t* to, const std::int32_t* delta) const {
    const std::size_t critical = size_ - 3;
    for (std::size_t i = 0; i < critical; ++i) to[i] += delta[i];
    to[critical] = std::max(to[critical], delta[critical]);
    to[critical + 1] += delta[critical + 1];
    to[critical + 2] += delta[critical + 2];
}

std::size_t HistoryHash::operator()(const History& h) const {
    std::uint64_t x = 0x9E3779B97F4A7C15ULL;
    for (std::int32_t v : h) x = (x ^ static_cast<std::uint32_t>(v)) * 0x100000001B3ULL;
    return static_cast<std::size_t>(x);
}

History Scoring::of_evidence(const std::vector<Evidence>& evidence) const {
    History h = zero();
    for (const auto& e : evidence) {
        auto it = index_.find(e.competency);
        if (it == index_.end()) continue;   // not in the model: debrief() leaves it out too
        h[2 * it->second] += e.value;
        h[2 * it->second + 1] += 1;
    }
    return h;
}

History Scoring::of_decision(const DecisionRecord& d) const {
    History h = of_evidence(d.evidence);
    if (d.violation && d.violation->critical) h[size_ - 3] = 1;
    return h;
}

History Scoring::of_block(const NegotiationState& finished) const {
    History h = zero();
    h[size_ - 2] = block_bank_value(finished) + rule_adherence(finished);
    h[size_ - 1] = 1;
    return h;
}

History Scoring::of_session(const Session& s) const {
    History h = zero();
    for (const auto& d : s.decisions()) add(h, of_decision(d));
    for (const auto& b : s.negotiations_done()) add(h, of_block(b));
    return h;
}

Scoring::Total Scoring::score(const std::int32_t* h, int outcome_score) const {
    std::int64_t weighted = 0, weights = 0;
    for (std::size_t i = 0; i < model_.competencies.size(); ++i) {
        const std::int64_t sum = h[2 * i], n = h[2 * i + 1];
        if (n == 0) continue;
        const std::int64_t score = std::clamp<std::int64_t>(round_div(150 * n + 50 * sum, 3 * n), 0, 100);
        const int weight = std::max(1, model_.competencies[i].weight);
        weighted += weight * score;
        weights += weight;
    }
    const std::int64_t competency = weights == 0 ? 0 : round_div(weighted, weights);
    int share_c = model_.share_competencies, share_o = model_.share_outcome,
        share_n = model_.share_negotiation;
    std::int64_t negotiation = 0;
    const std::int64_t blocks = h[size_ - 1];
    if (blocks == 0) {
        share_c += share_n;
        share_n = 0;
    } else {
        negotiation = round_div(h[size_ - 2], 2 * blocks);
    }
    std::int64_t total = round_div(competency * share_c + std::int64_t{outcome_score} * share_o +
                                       negotiation * share_n,
                                   100);
    total = std::clamp<std::int64_t>(total, 0, 100);
    if (h[size_ - 3]) total = std::min<std::int64_t>(total, model_.critical_violation_cap);
    Total t;
    t.total = static_cast<int>(total);
    for (int threshold : model_.star_thresholds)
        if (t.total >= threshold) ++t.stars;
    return t;
}

// ============================================================================
// 2. Keys
// ============================================================================
//
// Binary and compact: fixed-size integers, strings with their length. A key holds everything
// a Session's future moves depend on (the runtime reads nothing else when it decides what an
// option or a move does); it leaves out the score history, which the scored graph carries.

namespace {

void put(std::string& k, std::int64_t v) {
    char b[sizeof v];
    std::memcpy(b, &v, sizeof v);
    k.append(b, sizeof v);
}

void put(std::string& k, const std::string& s) {
    put(k, static_cast<std::int64_t>(s.size()));
    k += s;
}

template <class Container>
void put_all(std::string& k, const Container& c) {
    put(k, static_cast<std::int64_t>(c.size()));
    for (const auto& s : c) put(k, s);
}

void put_values(std::string& k, const IssueValues& values) {
    put(k, static_cast<std::int64_t>(values.size()));
    for (const auto& [id, v] : values) {
        put(k, id);
        put(k, v);
    }
}

}  // namespace

std::uint32_t node_index(const Session& s) {
    return static_cast<std::uint32_t>(&s.current_node() - s.scenario().nodes.data());
}

// A block's history enters its future only through what the runtime's rules read of it
// (negotiation_rules.cpp, negotiation_client.cpp): the number of trainee concessions, whether
// the trainee conceded in the round just played (速度要慢), the size of the trainee's last
// concession per issue (幅度要越来越小), the reciprocity the client still owes per issue for
// untraded concessions, and which rules have been broken (rule adherence counts distinct
// rules). Session::state_key() summarises a block the same way.
std::string negotiation_key(const NegotiationState& n, const ConcessionPolicy& policy) {
    std::string k;
    put(k, n.round);
    put(k, n.prepared);
    put_all(k, n.concede_list);
    put_all(k, n.hold_list);
    put_values(k, n.trainee_offer);
    put_values(k, n.client_offer);
    put(k, n.client_patience);
    put(k, n.nibbled);
    put(k, n.client_proposed_split);
    put(k, trainee_concession_count(n));
    const ConcessionMemory memory = concession_memory(n, policy);
    put(k, memory.conceded_now);
    put_values(k, memory.last);
    put_values(k, memory.owed);
    std::int64_t rules = 0;
    for (const auto& b : n.breaches) rules |= std::int64_t{1} << static_cast<int>(b.rule);
    put(k, rules);
    put(k, n.outcome ? static_cast<std::int64_t>(*n.outcome) : -1);
    put_values(k, n.agreed);
    return k;
}

std::string local_key(const Session& s) {
    std::string k;
    if (s.finished()) {   // nothing follows: where it ended is all that matters
        k += 'F';
        put(k, node_index(s));
        return k;
    }
    k += 'S';
    put(k, node_index(s));
    const ClientState& c = s.state();
    put(k, c.trust);
    put(k, c.interest);
    put(k, c.patience);
    put(k, static_cast<std::int64_t>(c.emotion));
    put(k, static_cast<std::int64_t>(c.variables.size()));
    for (const auto& [id, v] : c.variables) {
        put(k, id);
        put(k, v);
    }
    put_all(k, c.flags);
    put_all(k, c.needs);
    put_all(k, c.raised);
    put_all(k, c.resolved);
    if (const NegotiationState* n = s.negotiation()) {
        k += 'N';
        k += negotiation_key(*n, s.persona().concession);
    }
    return k;
}

}  // namespace parley::detail
