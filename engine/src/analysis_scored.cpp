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
#include <cstring>

#include "analysis_graph.h"
#include "parley/debrief.h"

namespace parley::detail {

// ============================================================================
// 1. Exploration
// ============================================================================

std::string Analyzer::pair_key(std::uint32_t vertex, const History& h) const {
    std::string k(sizeof vertex + h.size() * sizeof(std::int32_t), '\0');
    std::memcpy(k.data(), &vertex, sizeof vertex);
    std::memcpy(k.data() + sizeof vertex, h.data(), h.size() * sizeof(std::int32_t));
    return k;
}

std::uint32_t Analyzer::add_pair(std::uint32_t vertex, History h, std::string key) {
    const auto p = static_cast<std::uint32_t>(pairs_.size());
    Pair pair;
    pair.vertex = vertex;
    if (vertices_[vertex].finished) {
        const Node& end = scenario_.nodes[vertices_[vertex].node];
        const Scoring::Total t = scoring_.score(h, end.outcome_score);
        pair.best.some = true;
        pair.best.total = t.total;
        pair.best.stars = t.stars;
        pair.best.ending = vertices_[vertex].node;
        pair.worst = pair.best;
    }
    pair.history = std::move(h);
    bytes_ += 2 * key.size() + sizeof(Pair) + 96;
    pair_index_.emplace(std::move(key), p);
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
    std::string root_key = pair_key(vertex, h);
    if (auto it = pair_index_.find(root_key); it != pair_index_.end()) return it->second;
    if (over_limit()) return kNone;

    struct Frame {
        std::uint32_t p;
        std::uint32_t edge = 0, move = 0;   // the next step to take
    };
    const std::uint32_t root = add_pair(vertex, h, std::move(root_key));
    std::vector<Frame> stack{{root}};
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
            History next = pairs_[f.p].history;
            scoring_.add(next, labels_[e.moves[step.move].label]);
            std::string key = pair_key(e.to, next);
            const std::uint32_t from = f.p;
            if (auto it = pair_index_.find(key); it != pair_index_.end()) {
                const std::uint32_t w = it->second;
                pairs_[from].edges.push_back({w, step.edge, step.move});
                if (on_stack_[w]) low_[from] = std::min(low_[from], order_[w]);
                continue;
            }
            if (over_limit()) continue;
            const std::uint32_t w = add_pair(e.to, std::move(next), std::move(key));
            pairs_[from].edges.push_back({w, step.edge, step.move});
            bytes_ += sizeof(PairEdge);
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
        for (std::uint32_t e = 0; e < pu.edges.size(); ++e) {
            const std::uint32_t t = pu.edges[e].to;
            if (component_[t] == id) continue;
            if (better_best(pairs_[t].best, pu.best)) pu.best = step_to(pairs_[t].best, e);
            if (better_worst(pairs_[t].worst, pu.worst)) pu.worst = step_to(pairs_[t].worst, e);
        }
    }
    if (members.size() == 1) return;
    for (bool changed = true; changed;) {
        changed = false;
        for (std::uint32_t u : members) {
            for (std::uint32_t e = 0; e < pairs_[u].edges.size(); ++e) {
                const std::uint32_t t = pairs_[u].edges[e].to;
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
        const PairEdge& pe = pairs_[q].edges[step.edge];
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
