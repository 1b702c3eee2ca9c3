// Scenario analysis: the scored graph — (situation, score history) pairs, valued exactly.
//
// Contents
//   1. Exploration        depth first over pairs, memoised, with Tarjan's components
//   2. Component values   best and worst reachable results, exact around cycles
//   3. Paths              the decisions of the best / worst continuation, replayed and checked
//
// A pair is what Session::state_key() describes: where a run is and what it has earned so far.
// Its successors come from the local graph (no Session is copied here): a decision leads to
// the next situation with the history plus the decision's delta.
#include <algorithm>
#include <cstring>

#include "analysis_graph.h"
#include "parley/debrief.h"

namespace parley::detail {

// ============================================================================
// 1. Exploration
// ============================================================================

std::uint64_t Analyzer::pair_hash(std::uint32_t vertex, const std::int32_t* h) const {
    std::uint64_t x = 0xCBF29CE484222325ULL ^ vertex;
    for (std::size_t i = 0; i < width_; ++i)
        x = (x ^ static_cast<std::uint32_t>(h[i])) * 0x100000001B3ULL;
    return x ^ (x >> 29);
}

// The pair with this situation and history, or kNone. Equal hashes are compared in full.
std::uint32_t Analyzer::find_pair(std::uint32_t vertex, const std::int32_t* h,
                                  std::uint64_t hash) const {
    auto it = pair_index_.find(hash);
    if (it == pair_index_.end()) return kNone;
    for (std::uint32_t p = it->second; p != kNone; p = pairs_[p].same_hash)
        if (pairs_[p].vertex == vertex &&
            std::memcmp(history_of_pair(p), h, width_ * sizeof(std::int32_t)) == 0)
            return p;
    return kNone;
}

std::uint32_t Analyzer::add_pair(std::uint32_t vertex, const std::int32_t* h, std::uint64_t hash) {
    const auto p = static_cast<std::uint32_t>(pairs_.size());
    Pair pair;
    pair.vertex = vertex;
    const LocalVertex& lv = vertices_[vertex];
    if (lv.finished) {
        const Node& end = scenario_.nodes[lv.node];
        const Scoring::Parts t = scoring_.score(h, end.outcome_score);
        pair.best.some = true;
        pair.best.total = t.total;
        pair.best.stars = t.stars;
        pair.best.ending = lv.node;
        pair.worst = pair.best;
    }
    std::size_t steps = 0;
    for (const auto& e : lv.edges) steps += e.moves.size();
    pair.first_edge = static_cast<std::uint32_t>(pair_edges_.size());
    pair_edges_.resize(pair_edges_.size() + steps);
    histories_.insert(histories_.end(), h, h + width_);
    auto [it, fresh] = pair_index_.emplace(hash, p);
    if (!fresh) {   // chain it behind the pairs with the same hash
        pair.same_hash = it->second;
        it->second = p;
    }
    bytes_ += sizeof(Pair) + width_ * sizeof(std::int32_t) + steps * sizeof(PairEdge) + 64;
    pairs_.push_back(std::move(pair));
    order_.push_back(counter_);
    low_.push_back(counter_);
    ++counter_;
    component_.push_back(kNone);
    on_stack_.push_back(true);
    tarjan_stack_.push_back(p);
    return p;
}

std::uint32_t Analyzer::explore(const Session& s) {
    const std::uint32_t v = explore_local(s);
    if (v == kNone) return kNone;
    return explore_pairs(v, scoring_.of_session(s));
}

std::uint32_t Analyzer::explore_pairs(std::uint32_t vertex, const History& h) {
    width_ = scoring_.width();
    const std::uint64_t root_hash = pair_hash(vertex, h.data());
    if (auto known = find_pair(vertex, h.data(), root_hash); known != kNone) return known;
    if (over_limit()) return kNone;

    struct Frame {
        std::uint32_t p;
        std::uint32_t edge = 0, move = 0;   // the next step to take
    };
    const std::uint32_t root = add_pair(vertex, h.data(), root_hash);
    std::vector<Frame> stack{{root}};
    History next(width_);
    while (!stack.empty()) {
        Frame& f = stack.back();
        const LocalVertex& lv = vertices_[pairs_[f.p].vertex];
        while (f.edge < lv.edges.size() && f.move >= lv.edges[f.edge].moves.size()) {
            ++f.edge;
            f.move = 0;
        }
        if (f.edge < lv.edges.size() && !stopped_) {
            const LocalEdge& e = lv.edges[f.edge];
            const PairEdge step{kNone, f.edge, f.move++};
            const std::uint32_t from = f.p;
            std::copy(history_of_pair(from), history_of_pair(from) + width_, next.begin());
            scoring_.add(next.data(), labels_[e.moves[step.move].label].data());
            const std::uint64_t hash = pair_hash(e.to, next.data());
            std::uint32_t w = find_pair(e.to, next.data(), hash);
            if (w != kNone) {
                pair_edges_[pairs_[from].first_edge + pairs_[from].edge_count++] = {w, step.edge, step.move};
                if (on_stack_[w]) low_[from] = std::min(low_[from], order_[w]);
                continue;
            }
            if (over_limit()) continue;
            w = add_pair(e.to, next.data(), hash);
            pair_edges_[pairs_[from].first_edge + pairs_[from].edge_count++] = {w, step.edge, step.move};
            stack.push_back({w});   // f is stale now
            continue;
        }
        const std::uint32_t p = f.p;
        stack.pop_back();
        if (low_[p] == order_[p]) close_component(p);
        if (!stack.empty()) {
            const std::uint32_t parent = stack.back().p;
            low_[parent] = std::min(low_[parent], low_[p]);
        }
    }
    return root;
}

// ============================================================================
// 2. Component values
// ============================================================================

namespace {

// Is `a` (one step further away) better than `current` as the best result?
bool better_best(const Reach& a, const Reach& current) {
    if (!a.some) return false;
    if (!current.some) return true;
    if (a.total != current.total) return a.total > current.total;
    return a.length + 1 < current.length;
}

bool better_worst(const Reach& a, const Reach& current) {
    if (!a.some) return false;
    if (!current.some) return true;
    if (a.total != current.total) return a.total < current.total;
    return a.length + 1 < current.length;
}

Reach step_to(const Reach& child, std::uint32_t edge) {
    Reach r = child;
    r.length = child.length + 1;
    r.edge = edge;
    return r;
}

}  // namespace

void Analyzer::close_component(std::uint32_t root) {
    std::vector<std::uint32_t> members;
    const std::uint32_t id = components_++;
    for (;;) {
        const std::uint32_t w = tarjan_stack_.back();
        tarjan_stack_.pop_back();
        on_stack_[w] = false;
        component_[w] = id;
        members.push_back(w);
        if (w == root) break;
    }
    // First the steps that leave the component (their targets are closed already), then the
    // steps inside it, relaxed until nothing improves: every member ends with the best (worst)
    // exit of the component and the shortest way to it. A single pair needs one pass.
    for (std::uint32_t u : members) {
        Pair& pu = pairs_[u];
        for (std::uint32_t e = 0; e < pu.edge_count; ++e) {
            const std::uint32_t t = pair_edges_[pu.first_edge + e].to;
            if (component_[t] == id) continue;
            if (better_best(pairs_[t].best, pu.best)) pu.best = step_to(pairs_[t].best, e);
            if (better_worst(pairs_[t].worst, pu.worst)) pu.worst = step_to(pairs_[t].worst, e);
        }
    }
    if (members.size() == 1) return;
    for (bool changed = true; changed;) {
        changed = false;
        for (std::uint32_t u : members) {
            for (std::uint32_t e = 0; e < pairs_[u].edge_count; ++e) {
                const std::uint32_t t = pair_edges_[pairs_[u].first_edge + e].to;
                if (component_[t] != id || t == u) continue;
                const Reach best = pairs_[t].best, worst = pairs_[t].worst;
                if (better_best(best, pairs_[u].best)) {
                    pairs_[u].best = step_to(best, e);
                    changed = true;
                }
                if (better_worst(worst, pairs_[u].worst)) {
                    pairs_[u].worst = step_to(worst, e);
                    changed = true;
                }
            }
        }
    }
}

// ============================================================================
// 3. Paths
// ============================================================================

std::optional<PathResult> Analyzer::result(const Session& at, std::uint32_t p, bool best,
                                           std::string& problem) const {
    const Reach& r = best ? pairs_[p].best : pairs_[p].worst;
    if (!r.some) return std::nullopt;
    PathResult out;
    out.total = r.total;
    out.stars = r.stars;
    out.outcome = scenario_.nodes[r.ending].outcome;
    out.ending = scenario_.nodes[r.ending].id;
    for (const auto& d : at.decisions()) out.choices.push_back(d.decision);

    Session s = at;
    for (std::uint32_t q = p; !vertices_[pairs_[q].vertex].finished;) {
        const Reach& step = best ? pairs_[q].best : pairs_[q].worst;
        const PairEdge pe = pair_edge(q, step.edge);
        for (auto& d : decisions(pairs_[q].vertex, pe.edge, pe.move)) {
            if (auto error = s.decide(d)) {
                problem = "internal check failed: decision '" + d + "' of the " +
                          (best ? "best" : "worst") + " path was refused on replay: " + error->message;
                return std::nullopt;
            }
            out.choices.push_back(std::move(d));
        }
        q = pe.to;
    }
    // The path must replay to exactly the result the analysis computed.
    const Debrief d = debrief(s);
    if (!d.finished || d.ending != out.ending || d.score.total != out.total ||
        d.score.stars != out.stars) {
        problem = "internal check failed: the " + std::string(best ? "best" : "worst") +
                  " path replays to " + std::to_string(d.score.total) + " at '" + d.ending +
                  "', the analysis computed " + std::to_string(out.total) + " at '" + out.ending + "'";
        return std::nullopt;
    }
    return out;
}

}  // namespace parley::detail
