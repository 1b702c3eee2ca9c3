// Scenario analysis, part 1: which decisions are tried, and the memoised exploration.
//
// Contents
//   1. Candidate decisions      (dialogue options; the finite negotiation move set)
//   2. Limits                   (states, time, memory: a clear message, never a hang)
//   3. Exploration              (depth-first search + Tarjan's components, memoised on state_key)
//   4. Component values         (best and worst reachable results, exact)
//   5. Paths                    (replaying the best / worst continuation)
#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "analysis_graph.h"
#include "parley/debrief.h"
#include "parley/negotiation.h"

namespace parley {

// ============================================================================
// 1. Candidate decisions
// ============================================================================
//
// Negotiation moves tried in every state of a block (documented in scenarios/README.md §8):
//   before preparing: prep with the author's lists, with both lists empty, and with the
//     author's lists swapped (a trainee who holds what should be conceded);
//   afterwards: an opening offer at the bank's suggested values (while no offer was made),
//     hold, accept, walk, split; for each issue: nibble one step beyond the client's offer,
//     offer conceding 1 or 2 steps from the trainee's last offer (never past the client's);
//     for each ordered pair of issues: trade one step on the first for one step of the
//     client's offer on the second.
// The session refuses the moves its rules do not allow at that point; the analysis skips them.

namespace {

// +1 when conceding means raising the value, -1 when it means lowering it.
std::int64_t concede_sign(const NegotiationIssue& issue) {
    return issue.bank_prefers_higher ? -1 : 1;
}

bool in_range(const NegotiationIssue& issue, std::int64_t v) {
    return v >= issue.min && v <= issue.max;
}

std::int64_t trainee_value(const NegotiationState& ns, const Negotiation& block,
                           const NegotiationIssue& issue) {
    if (auto it = ns.trainee_offer.find(issue.id); it != ns.trainee_offer.end()) return it->second;
    if (auto it = block.bank_opening.find(issue.id); it != block.bank_opening.end())
        return it->second;
    return issue.bank_target;
}

std::int64_t client_value(const NegotiationState& ns, const NegotiationIssue& issue) {
    if (auto it = ns.client_offer.find(issue.id); it != ns.client_offer.end()) return it->second;
    return issue.client_opening;
}

// The trainee's offer moved `steps` towards the client, if that stays in range and does not
// pass the client's own offer.
std::optional<std::int64_t> conceded(const NegotiationState& ns, const Negotiation& block,
                                     const NegotiationIssue& issue, int steps) {
    const std::int64_t from = trainee_value(ns, block, issue);
    const std::int64_t to = from + concede_sign(issue) * steps * issue.step;
    const std::int64_t client = client_value(ns, issue);
    const bool past = concede_sign(issue) > 0 ? to > client : to < client;
    if (from == client || past || !in_range(issue, to)) return std::nullopt;
    return to;
}

// The client's offer moved one step towards the bank, if that stays in range and does not ask
// for more than the trainee's own offer.
std::optional<std::int64_t> asked(const NegotiationState& ns, const Negotiation& block,
                                  const NegotiationIssue& issue) {
    const std::int64_t client = client_value(ns, issue);
    const std::int64_t to = client - concede_sign(issue) * issue.step;
    const std::int64_t own = trainee_value(ns, block, issue);
    const bool past = concede_sign(issue) > 0 ? to < own : to > own;
    if (client == own || past || !in_range(issue, to)) return std::nullopt;
    return to;
}

std::vector<NegotiationMove> negotiation_moves(const NegotiationState& ns,
                                               const Negotiation& block) {
    std::vector<NegotiationMove> moves;
    auto simple = [&](MoveKind kind) {
        NegotiationMove m;
        m.kind = kind;
        moves.push_back(m);
    };
    if (!ns.prepared) {
        NegotiationMove author;
        author.kind = MoveKind::Prepare;
        author.concede = block.should_concede;
        author.hold = block.must_hold;
        moves.push_back(author);
        NegotiationMove empty;
        empty.kind = MoveKind::Prepare;
        moves.push_back(empty);
        NegotiationMove swapped;
        swapped.kind = MoveKind::Prepare;
        swapped.concede = block.must_hold;
        swapped.hold = block.should_concede;
        moves.push_back(swapped);
        return moves;
    }
    if (ns.trainee_offer.empty()) {
        NegotiationMove opening;
        opening.kind = MoveKind::Offer;
        for (const auto& issue : block.issues)
            opening.values[issue.id] = trainee_value(ns, block, issue);
        moves.push_back(opening);
    }
    simple(MoveKind::Hold);
    simple(MoveKind::Accept);
    simple(MoveKind::WalkAway);
    simple(MoveKind::ProposeSplit);
    for (const auto& issue : block.issues) {
        if (auto v = asked(ns, block, issue)) {
            NegotiationMove nibble;
            nibble.kind = MoveKind::Nibble;
            nibble.values[issue.id] = *v;
            moves.push_back(nibble);
        }
        for (int steps : {1, 2}) {
            if (auto v = conceded(ns, block, issue, steps)) {
                NegotiationMove offer;
                offer.kind = MoveKind::Offer;
                offer.values[issue.id] = *v;
                moves.push_back(offer);
            }
        }
    }
    for (const auto& give : block.issues)
        for (const auto& get : block.issues) {
            if (&give == &get) continue;
            auto g = conceded(ns, block, give, 1);
            auto r = asked(ns, block, get);
            if (!g || !r) continue;
            NegotiationMove trade;
            trade.kind = MoveKind::Trade;
            trade.values[give.id] = *g;
            trade.in_return[get.id] = *r;
            moves.push_back(trade);
        }
    return moves;
}

}  // namespace

std::vector<std::string> candidate_decisions(const Session& at) {
    std::vector<std::string> out;
    if (at.finished()) return out;
    if (const NegotiationState* ns = at.negotiation(); ns && ns->block) {
        for (const auto& move : negotiation_moves(*ns, *ns->block)) {
            std::string text = format_move(move, *ns->block);
            if (std::find(out.begin(), out.end(), text) == out.end()) out.push_back(std::move(text));
        }
        return out;
    }
    const std::size_t n = at.options().size();
    for (std::size_t i = 1; i <= n; ++i) out.push_back(std::to_string(i));
    return out;
}

namespace detail {

std::uint32_t node_index(const Session& s) {
    return static_cast<std::uint32_t>(&s.current_node() - s.scenario().nodes.data());
}

// ============================================================================
// 2. Limits
// ============================================================================

StateGraph::StateGraph(const AnalysisLimits& limits)
    : limits_(limits), started_(std::chrono::steady_clock::now()) {}

bool StateGraph::over_limit() {
    if (stopped_) return true;
    std::ostringstream why;
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started_)
                        .count();
    if (vertices_.size() >= limits_.max_states) {
        why << "the exploration stopped after " << vertices_.size()
            << " distinct states (limit " << limits_.max_states << ")";
    } else if (ms > limits_.max_milliseconds) {
        why << "the exploration stopped after " << ms << " ms (limit " << limits_.max_milliseconds
            << " ms) with " << vertices_.size() << " distinct states";
    } else if (bytes_ / (1024 * 1024) >= limits_.max_megabytes) {
        why << "the exploration stopped when its state table reached " << limits_.max_megabytes
            << " MB with " << vertices_.size() << " distinct states";
    } else {
        return false;
    }
    why << ": the scenario has too many distinct states to analyse completely; its results "
           "cover only the part explored (raise the limit or split the scenario)";
    stopped_ = true;
    limit_message_ = why.str();
    return true;
}

// ============================================================================
// 3. Exploration
// ============================================================================

std::optional<std::uint32_t> StateGraph::find(const Session& s) const {
    auto it = index_.find(s.state_key());
    if (it == index_.end()) return std::nullopt;
    return it->second;
}

std::uint32_t StateGraph::add_vertex(const Session& s, std::string key) {
    const auto v = static_cast<std::uint32_t>(vertices_.size());
    Vertex vertex;
    vertex.node = node_index(s);
    vertex.finished = s.finished();
    if (vertex.finished) {
        const Debrief d = debrief(s);
        vertex.best.some = true;
        vertex.best.total = d.score.total;
        vertex.best.stars = d.score.stars;
        vertex.best.outcome = d.outcome;
        vertex.best.ending = vertex.node;
        vertex.worst = vertex.best;
        vertex.expanded = true;
    }
    bytes_ += key.size() + sizeof(Vertex) + 96;   // key, vertex, hash node and Tarjan arrays
    index_.emplace(std::move(key), v);
    vertices_.push_back(std::move(vertex));
    order_.push_back(counter_);
    low_.push_back(counter_);
    ++counter_;
    component_.push_back(kNone);
    on_stack_.push_back(true);
    tarjan_stack_.push_back(v);
    return v;
}

void StateGraph::note_move(const Session& before, const std::string& decision,
                           const Session& after) {
    const std::uint32_t from = node_index(before), to = node_index(after);
    const Scenario& sc = before.scenario();
    if (from == to && sc.nodes[from].kind == NodeKind::Negotiation) return;   // a round
    const Node* out = sc.node(sc.patience_out);
    if (out && &after.current_node() == out && after.state().patience <= 0) {
        // Did the decision lead there itself, or did the client's patience run out?
        std::vector<const std::string*> targets;
        if (const NegotiationState* ns = before.negotiation(); ns && ns->block) {
            targets = {&ns->block->on_deal, &ns->block->on_no_deal, &ns->block->on_client_quit};
        } else {
            const auto options = before.options();
            const std::size_t n = std::strtoul(decision.c_str(), nullptr, 10);
            if (n >= 1 && n <= options.size()) {
                const Option& o = *options[n - 1].option;
                targets.push_back(&o.consequence.next);
                for (const auto& b : o.consequence.branches) targets.push_back(&b.next);
                if (o.close) {
                    targets.push_back(&o.close->premature.next);
                    for (const auto& b : o.close->premature.branches) targets.push_back(&b.next);
                }
            }
        }
        const bool chosen = std::any_of(targets.begin(), targets.end(),
                                        [&](const std::string* t) { return *t == sc.patience_out; });
        if (!chosen) return;
    }
    node_moves_.emplace(from, to);
}

std::uint32_t StateGraph::explore(const Session& root) {
    std::string root_key = root.state_key();
    if (auto it = index_.find(root_key); it != index_.end()) return it->second;
    if (over_limit()) return kNone;

    std::vector<Frame> stack;
    const std::uint32_t r = add_vertex(root, std::move(root_key));
    stack.push_back(Frame{r, root, candidate_decisions(root), 0, false});

    while (!stack.empty()) {
        Frame& f = stack.back();
        if (f.next < f.candidates.size() && !stopped_) {
            const std::size_t i = f.next++;
            Session child = f.session;
            if (child.decide(f.candidates[i])) continue;   // refused here: not a move
            std::string key = child.state_key();
            note_move(f.session, f.candidates[i], child);
            const auto candidate = static_cast<std::uint32_t>(i);
            if (auto it = index_.find(key); it != index_.end()) {
                const std::uint32_t w = it->second;
                vertices_[f.v].edges.push_back({w, candidate});
                bytes_ += sizeof(Edge);
                if (on_stack_[w]) low_[f.v] = std::min(low_[f.v], order_[w]);
                continue;
            }
            if (over_limit()) {
                f.cut = true;
                continue;
            }
            const std::uint32_t w = add_vertex(child, std::move(key));
            vertices_[f.v].edges.push_back({w, candidate});
            bytes_ += sizeof(Edge);
            std::vector<std::string> next = candidate_decisions(child);
            stack.push_back(Frame{w, std::move(child), std::move(next), 0, false});   // f is stale now
            continue;
        }
        const std::uint32_t v = f.v;
        Vertex& vertex = vertices_[v];
        if (!vertex.finished) vertex.expanded = !f.cut && f.next >= f.candidates.size();
        stack.pop_back();
        if (low_[v] == order_[v]) close_component(v);
        if (!stack.empty()) {
            const std::uint32_t parent = stack.back().v;
            low_[parent] = std::min(low_[parent], low_[v]);
        }
    }
    return r;
}

// ============================================================================
// 4. Component values
// ============================================================================

namespace {

// Is `a` (reached through one more decision) better than `current` as the best result?
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

void StateGraph::close_component(std::uint32_t root) {
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
    // First the decisions that leave the component (their targets are closed already), then
    // the decisions inside it, relaxed until nothing improves: every member ends with the best
    // (worst) exit of the component and the shortest way to it. A single vertex needs one pass.
    for (std::uint32_t u : members) {
        Vertex& vx = vertices_[u];
        if (vx.finished) continue;
        for (std::uint32_t e = 0; e < vx.edges.size(); ++e) {
            const Vertex& to = vertices_[vx.edges[e].to];
            if (component_[vx.edges[e].to] != id) {
                if (better_best(to.best, vx.best)) vx.best = step_to(to.best, e);
                if (better_worst(to.worst, vx.worst)) vx.worst = step_to(to.worst, e);
            }
        }
    }
    if (members.size() == 1) return;
    for (bool changed = true; changed;) {
        changed = false;
        for (std::uint32_t u : members) {
            Vertex& vx = vertices_[u];
            for (std::uint32_t e = 0; e < vx.edges.size(); ++e) {
                const std::uint32_t t = vx.edges[e].to;
                if (component_[t] != id || t == u) continue;
                const Reach best = vertices_[t].best, worst = vertices_[t].worst;
                if (better_best(best, vx.best)) { vx.best = step_to(best, e); changed = true; }
                if (better_worst(worst, vx.worst)) { vx.worst = step_to(worst, e); changed = true; }
            }
        }
    }
}

// ============================================================================
// 5. Paths
// ============================================================================

std::vector<std::string> StateGraph::continuation(Session& s, std::uint32_t v, bool best) const {
    std::vector<std::string> out;
    while (v != kNone && !vertices_[v].finished) {
        const Reach& r = best ? vertices_[v].best : vertices_[v].worst;
        if (!r.some || r.edge == kNone) break;
        const Edge& e = vertices_[v].edges[r.edge];
        std::vector<std::string> candidates = candidate_decisions(s);
        std::string decision = candidates.at(e.candidate);
        s.decide(decision);
        out.push_back(std::move(decision));
        v = e.to;
    }
    return out;
}

PathResult StateGraph::result(const Session& at, std::uint32_t v, bool best) const {
    const Reach& r = best ? vertices_[v].best : vertices_[v].worst;
    PathResult p;
    p.total = r.total;
    p.stars = r.stars;
    p.outcome = r.outcome;
    p.ending = at.scenario().nodes[r.ending].id;
    Session s = at;
    for (const auto& d : at.decisions()) p.choices.push_back(d.decision);
    for (auto& d : continuation(s, v, best)) p.choices.push_back(std::move(d));
    return p;
}

}  // namespace detail
}  // namespace parley
