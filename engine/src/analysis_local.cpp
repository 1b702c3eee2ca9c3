// Scenario analysis: the local graph — every reachable situation, explored with real Sessions.
//
// Contents
//   1. Candidate decisions   what the analysis tries at a point of a run (public)
//   2. The analyzer          limits, problems
//   3. Exploration           depth first; dialogue options one by one; a negotiation block as
//                            one edge per outcome, carrying the block's distinct results
//   4. Node moves            for cycles with no way out
//   5. Decisions of an edge
#include <algorithm>
#include <sstream>

#include "analysis_graph.h"
#include "negotiation_runtime.h"
#include "parley/negotiation.h"

namespace parley {

// ============================================================================
// 1. Candidate decisions
// ============================================================================

std::vector<std::string> candidate_decisions(const Session& at) {
    std::vector<std::string> out;
    if (at.finished()) return out;
    if (const NegotiationState* ns = at.negotiation(); ns && ns->block) {
        for (const auto& move : detail::negotiation_moves(*ns, *ns->block)) {
            if (move_problem(*ns, move)) continue;   // e.g. an offer while the client nibbles
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

// A local vertex being expanded: its Session and, for a dialogue, the options still to try.
struct LocalFrame {
    std::uint32_t v = kNone;
    bool negotiating = false;
    std::optional<Session> session;   // moved into the last option's child when it is tried
    std::vector<OptionView> options;
    std::size_t next = 0;
    bool cut = false;   // a limit stopped it before every option was tried
};

// ============================================================================
// 2. The analyzer
// ============================================================================

Analyzer::Analyzer(const Session& any_run, const AnalysisLimits& limits)
    : scenario_(any_run.scenario()),
      persona_(any_run.persona()),
      scoring_(any_run.model(), any_run.scenario()),
      limits_(limits) {}

bool Analyzer::over_limit() {
    if (stopped_) return true;
    if (limits_.cancel && limits_.cancel->load(std::memory_order_relaxed)) {
        stopped_ = true;
        limit_message_ = "the analysis was cancelled before it finished";
        return true;
    }
    // Bounded by what was explored, never by the clock: the same scenario gives the same
    // result (complete or not) on every machine, however busy.
    const std::size_t explored = states() + histories();
    const bool states_out = explored >= limits_.max_states;
    const bool memory_out = bytes_ / (1024 * 1024) >= limits_.max_megabytes;
    if (!states_out && !memory_out) return false;
    std::ostringstream why;
    if (states_out)
        why << "the exploration stopped after " << explored << " distinct states (limit "
            << limits_.max_states << ")";
    else
        why << "the exploration stopped when its tables reached " << limits_.max_megabytes
            << " MB with " << explored << " distinct states";
    why << ": the scenario has too many distinct states to analyse completely; the results "
           "cover only the part explored (raise the limit or split the scenario)";
    stopped_ = true;
    limit_message_ = why.str();
    return true;
}

void Analyzer::note_problem(const std::string& message) {
    if (problem_.empty()) problem_ = "internal check failed: " + message;
}

std::uint32_t Analyzer::intern_label(const History& h) {
    auto it = label_index_.find(h);
    if (it != label_index_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(labels_.size());
    labels_.push_back(h);
    label_index_.emplace(h, id);
    return id;
}

BlockTable& Analyzer::table_for(std::uint32_t node, std::uint32_t& id) {
    auto it = table_of_node_.find(node);
    if (it == table_of_node_.end()) {
        it = table_of_node_.emplace(node, static_cast<std::uint32_t>(tables_.size())).first;
        tables_.push_back(std::make_unique<BlockTable>(*scenario_.nodes[node].negotiation, scoring_, *this));
    }
    id = it->second;
    return *tables_[id];
}

std::optional<std::uint32_t> Analyzer::vertex_of(const Session& s) const {
    auto it = vertex_index_.find(local_key(s));
    if (it == vertex_index_.end()) return std::nullopt;
    return it->second;
}

// ============================================================================
// 3. Exploration
// ============================================================================

std::uint32_t Analyzer::add_vertex(const Session& s, std::string key) {
    const auto v = static_cast<std::uint32_t>(vertices_.size());
    LocalVertex vertex;
    vertex.node = node_index(s);
    vertex.finished = s.finished();
    vertex.expanded = vertex.finished;
    bytes_ += 2 * key.size() + sizeof(LocalVertex) + 64;
    vertex_index_.emplace(std::move(key), v);
    vertices_.push_back(std::move(vertex));
    return v;
}

// The vertex of `child`, added (and queued for expansion) if new; kNone when a limit stops it.
std::uint32_t Analyzer::child_vertex(Session&& child, std::vector<LocalFrame>& stack) {
    std::string key = local_key(child);
    if (auto it = vertex_index_.find(key); it != vertex_index_.end()) return it->second;
    if (over_limit()) return kNone;
    const std::uint32_t w = add_vertex(child, std::move(key));
    if (!vertices_[w].finished) {
        LocalFrame f;
        f.v = w;
        f.negotiating = child.in_negotiation();
        if (!f.negotiating) f.options = child.options();
        f.session.emplace(std::move(child));
        stack.push_back(std::move(f));
    }
    return w;
}

std::uint32_t Analyzer::explore_local(const Session& root) {
    if (auto known = vertex_of(root)) return *known;
    std::vector<LocalFrame> stack;
    const std::uint32_t r = child_vertex(Session(root), stack);
    while (!stack.empty()) {
        LocalFrame& f = stack.back();
        if (f.negotiating) {
            LocalFrame frame = std::move(f);
            stack.pop_back();
            expand_negotiation(frame, stack);
        } else if (f.next < f.options.size() && !stopped_) {
            expand_dialogue(f, stack);
        } else {
            vertices_[f.v].expanded = !f.cut && f.next >= f.options.size();
            stack.pop_back();
        }
    }
    return r;
}

// One option of a dialogue vertex (the frame stays on the stack until all are tried).
void Analyzer::expand_dialogue(LocalFrame& f, std::vector<LocalFrame>& stack) {
    const std::size_t i = f.next++;
    const std::uint32_t v = f.v;
    const Option& o = *f.options[i].option;
    std::vector<const std::string*> targets{&o.consequence.next};
    for (const auto& b : o.consequence.branches) targets.push_back(&b.next);
    if (o.close) {
        targets.push_back(&o.close->premature.next);
        for (const auto& b : o.close->premature.branches) targets.push_back(&b.next);
    }
    // The last option takes the frame's session instead of a copy: it is not needed any more.
    const std::size_t number = f.options[i].number;
    const bool last = f.next == f.options.size();
    Session child = last ? std::move(*f.session) : *f.session;
    if (child.choose(number)) return;   // refused: not a move
    const std::uint32_t label = intern_label(scoring_.of_decision(child.decisions().back()));
    note_move(vertices_[v].node, targets, child);
    const std::uint32_t w = child_vertex(std::move(child), stack);   // f may be stale now
    if (w == kNone) {
        for (auto& frame : stack)
            if (frame.v == v) frame.cut = true;
        return;
    }
    LocalEdge e;
    e.to = w;
    e.decision = std::to_string(number);
    e.moves.push_back({label, kNone});
    bytes_ += sizeof(LocalEdge) + sizeof(LocalMove);
    vertices_[v].edges.push_back(std::move(e));
}

// A negotiation vertex, all at once: the block's results from this position, grouped by
// outcome; each group is one edge to the situation after the block (a block never changes the
// client state, so every result of an outcome leads to the same situation).
void Analyzer::expand_negotiation(LocalFrame& f, std::vector<LocalFrame>& stack) {
    const std::uint32_t v = f.v;
    Session& s = *f.session;
    std::uint32_t table_id = kNone;
    BlockTable& table = table_for(vertices_[v].node, table_id);
    const NegotiationState& ns = *s.negotiation();
    const Negotiation& block = *ns.block;
    const std::uint32_t position = table.position(ns);
    vertices_[v].dead_end_inside = table.reaches_dead_end(position);

    std::vector<std::pair<NegotiationOutcome, std::vector<std::uint32_t>>> groups;
    for (std::uint32_t r : table.results(position)) {
        const NegotiationOutcome outcome = table.result(r).outcome;
        auto g = std::find_if(groups.begin(), groups.end(), [&](const auto& x) { return x.first == outcome; });
        if (g == groups.end()) g = groups.insert(groups.end(), {outcome, {}});
        g->second.push_back(r);
    }
    const std::vector<const std::string*> targets{&block.on_deal, &block.on_no_deal, &block.on_client_quit};
    const std::size_t decisions_before = s.decisions().size();
    const std::uint32_t from = vertices_[v].node;
    bool complete = !stopped_;
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const auto& [outcome, results] = groups[gi];
        Session child = gi + 1 == groups.size() ? std::move(s) : s;
        bool replayed = true;
        for (const auto& move : table.witness(position, results.front()))
            if (auto error = child.decide(move)) {
                note_problem("negotiation move '" + move + "' was refused on replay: " + error->message);
                replayed = false;
                break;
            }
        if (!replayed) continue;
        if (child.in_negotiation() || child.negotiations_done().empty()) {
            note_problem("a negotiation block did not end where its table says it does");
            continue;
        }
        // The replayed moves must give the history delta the table computed, plus what arriving
        // after the block adds (duties left undone at an ending), the same for every result of
        // this outcome: a block never changes the client state.
        History real = scoring_.zero();
        for (std::size_t d = decisions_before; d < child.decisions().size(); ++d)
            scoring_.add(real, scoring_.of_decision(child.decisions()[d]));
        scoring_.add(real, scoring_.of_block(child.negotiations_done().back()));
        const History arrival = scoring_.of_missed_duties(child.decisions().back().missed_duties);
        History expected = table.result(results.front()).delta;
        scoring_.add(expected, arrival);
        if (real != expected)
            note_problem("a negotiation block's replayed result differs from its table");
        note_move(from, targets, child);

        LocalEdge e;
        e.table = table_id;
        e.position = position;
        for (std::uint32_t r : results) {
            History label = table.result(r).delta;
            scoring_.add(label, arrival);
            e.moves.push_back({intern_label(label), r});
        }
        e.to = child_vertex(std::move(child), stack);
        if (e.to == kNone) {
            complete = false;
            continue;
        }
        bytes_ += sizeof(LocalEdge) + e.moves.size() * sizeof(LocalMove);
        vertices_[v].edges.push_back(std::move(e));
    }
    vertices_[v].expanded = complete && !stopped_;
}

// ============================================================================
// 4. Node moves
// ============================================================================

void Analyzer::note_move(std::uint32_t from, const std::vector<const std::string*>& targets,
                         const Session& after) {
    const std::uint32_t to = node_index(after);
    if (from == to && scenario_.nodes[from].kind == NodeKind::Negotiation) return;   // a round
    const Node* out = scenario_.node(scenario_.patience_out);
    if (out && &after.current_node() == out && after.state().patience <= 0) {
        // Did the decision lead there itself, or did the client's patience run out?
        const bool chosen = std::any_of(targets.begin(), targets.end(), [&](const std::string* t) {
            return *t == scenario_.patience_out;
        });
        if (!chosen) return;
    }
    node_moves_.emplace(from, to);
}

// ============================================================================
// 5. Decisions of an edge
// ============================================================================

std::vector<std::string> Analyzer::decisions(std::uint32_t vertex, std::uint32_t edge,
                                             std::uint32_t move) const {
    const LocalEdge& e = vertices_[vertex].edges[edge];
    if (e.table == kNone) return {e.decision};
    return tables_[e.table]->witness(e.position, e.moves[move].result);
}

}  // namespace detail
}  // namespace parley
