// The machinery behind the scenario analysis (internal to the engine).
//
// A run's future depends only on where it is (node, client state, negotiation position); its
// score depends on that *and* on its history (evidence per competency, critical violations,
// finished negotiation blocks). The analysis keeps the two apart, which is what makes it fast
// and still exact:
//
//   1. Score history     what debrief() scores a run on, as integers that add up along a path
//                        (analysis_history.cpp)
//   2. Negotiation       a block's moves never read or change the client state, so each block
//                        is explored once, on its own positions, into the set of distinct
//                        results it can end with (outcome + history delta), each with the
//                        moves that reach it (analysis_negotiation.cpp)
//   3. Local graph       every reachable situation, explored with real Sessions and merged on
//                        what the future depends on; each edge carries its history delta; a
//                        negotiation block is one edge per outcome, carrying its results
//                        (analysis_local.cpp)
//   4. Scored graph      memoised search over (situation, history) pairs — the state
//                        Session::state_key() describes — with Tarjan's components, so best and
//                        worst results are exact also around cycles (analysis_scored.cpp)
//
// Every path the analysis reports is replayed through a real Session and debrief(); a
// difference is reported as a failed check, never passed off as a result.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parley/analysis.h"
#include "parley/session.h"
#include "scoring.h"
#include "state_key.h"

namespace parley::detail {

inline constexpr std::uint32_t kNone = 0xFFFFFFFFu;

// ============================================================================
// 1. Score history
// ============================================================================

// The score history and its arithmetic are the debrief's own (scoring.h): History, ScoreRule.
using Scoring = ScoreRule;

// A History as a map key, for interning.
struct HistoryHash {
    std::size_t operator()(const History& h) const;
};

// ============================================================================
// 2. Negotiation blocks
// ============================================================================

struct BlockResult {
    NegotiationOutcome outcome = NegotiationOutcome::Deal;
    History delta;   // moves' evidence plus the finished block
};

class Analyzer;

// The positions of one negotiation block (for the analyzer's persona) and, for each, every
// distinct result still reachable from it with the first move towards it.
class BlockTable {
public:
    BlockTable(const Negotiation& block, const Scoring& scoring, Analyzer& owner);

    // The position of `ns`, explored (with everything after it) if new.
    std::uint32_t position(const NegotiationState& ns);
    const std::vector<std::uint32_t>& results(std::uint32_t position) const {
        return positions_[position].results;
    }
    const BlockResult& result(std::uint32_t id) const { return results_[id]; }
    // Some position at or after this one allows no move although the block is not over.
    bool reaches_dead_end(std::uint32_t position) const {
        return positions_[position].reaches_dead_end;
    }
    // The moves (transcript syntax) that lead from `position` to `result`.
    std::vector<std::string> witness(std::uint32_t position, std::uint32_t result) const;
    // Some explored position had a trade the client accepted (条件交换 can be practised).
    bool some_trade_accepted() const { return trade_accepted_; }

private:
    struct Way {
        std::uint32_t move = 0;       // index into Position::moves
        std::uint32_t child = kNone;  // next position, or kNone when the move ends the block
        std::uint32_t child_result = kNone;
    };
    struct Position {
        std::vector<std::string> moves;
        std::vector<std::uint32_t> results;   // distinct, in discovery order
        std::vector<Way> ways;                // parallel to results
        bool reaches_dead_end = false;        // here or later: no move allowed, block not over
        bool in_progress = true;
    };

    std::uint32_t intern(NegotiationOutcome outcome, const History& delta);
    void expand(std::uint32_t id, const NegotiationState& ns);

    const Negotiation& block_;
    const Scoring& scoring_;
    bool trade_accepted_ = false;
    Analyzer& owner_;
    std::unordered_map<std::string, std::uint32_t> index_;
    std::vector<Position> positions_;
    std::vector<BlockResult> results_;
    std::unordered_map<History, std::uint32_t, HistoryHash> result_index_;   // delta + outcome
    History key_;   // intern()'s buffer
};

// ============================================================================
// 3. Local graph
// ============================================================================

// One way along a local edge: its history delta and, in a negotiation, the block result.
struct LocalMove {
    std::uint32_t label = 0;          // index into Analyzer::labels_
    std::uint32_t result = kNone;     // negotiation: BlockTable result id
};

struct LocalEdge {
    std::uint32_t to = kNone;
    std::string decision;             // a dialogue decision ("2"); empty for a block's exit
    std::uint32_t table = kNone;      // negotiation: which block, from which position
    std::uint32_t position = kNone;
    std::vector<LocalMove> moves;     // dialogue: one; negotiation: one per distinct result
};

struct LocalVertex {
    std::uint32_t node = 0;           // scenario node index
    bool finished = false;
    bool expanded = false;            // every decision was tried (false when a limit stopped it)
    bool dead_end_inside = false;     // a negotiation position inside has no allowed move
    std::vector<LocalEdge> edges;
};

// ============================================================================
// 4. Scored graph
// ============================================================================

// The best (or worst) finished result reachable from a pair, and the first step towards it.
struct Reach {
    bool some = false;
    int total = 0, stars = 0;
    std::uint32_t ending = 0;         // node index of the ending
    std::uint32_t length = 0;         // steps (graph edges) still to take
    std::uint32_t edge = kNone;       // index into Pair::edges of the first step
};

struct PairEdge {
    std::uint32_t to = kNone;
    std::uint32_t edge = 0, move = 0;   // which local edge, which of its moves
};

struct Pair {
    std::uint32_t vertex = 0;
    std::uint32_t same_hash = kNone;   // next pair in the index chain with the same hash
    std::uint32_t first_edge = 0;      // its edges: Analyzer::pair_edges_[first_edge …]
    std::uint32_t edge_count = 0;
    Reach best, worst;
};


// ============================================================================
// The analyzer: one scenario, persona, seed and difficulty
// ============================================================================

struct LocalFrame;   // a local vertex being expanded, with its Session (analysis_local.cpp)

class Analyzer {
public:
    Analyzer(const Session& any_run, const AnalysisLimits& limits);

    // Explores everything reachable from `s` (what is known already is reused) and returns the
    // pair of `s`, or kNone when a limit stopped the exploration before it could be added.
    std::uint32_t explore(const Session& s);

    const Pair& pair(std::uint32_t p) const { return pairs_[p]; }
    const PairEdge& pair_edge(std::uint32_t p, std::uint32_t i) const {
        return pair_edges_[pairs_[p].first_edge + i];
    }
    const LocalVertex& vertex(std::uint32_t v) const { return vertices_[v]; }
    std::size_t vertex_count() const { return vertices_.size(); }
    std::optional<std::uint32_t> vertex_of(const Session& s) const;
    std::size_t states() const { return vertices_.size() + positions_; }
    std::size_t histories() const { return pairs_.size(); }

    bool stopped() const { return stopped_; }
    // Negotiation nodes explored in which no trade was ever accepted.
    std::vector<std::uint32_t> blocks_without_trade() const {
        std::vector<std::uint32_t> out;
        for (const auto& [node, table] : table_of_node_)
            if (!tables_[table]->some_trade_accepted()) out.push_back(node);
        return out;
    }
    const std::string& limit_message() const { return limit_message_; }
    const std::string& problem() const { return problem_; }   // a failed internal check

    // Node-to-node moves seen, without the forced move to `patience_out` when the client's
    // patience runs out and without a negotiation block's rounds (same node).
    const std::set<std::pair<std::uint32_t, std::uint32_t>>& node_moves() const {
        return node_moves_;
    }

    // The decisions (transcript syntax) of one local edge taken with one of its moves.
    std::vector<std::string> decisions(std::uint32_t vertex, std::uint32_t edge,
                                       std::uint32_t move) const;
    // The best (worst) finished result after `at`, whose pair is `p`: the decisions of the run
    // so far, then the continuation. The path is replayed through a Session and debrief();
    // nothing is returned (and `problem` says why) if that gives a different result.
    std::optional<PathResult> result(const Session& at, std::uint32_t p, bool best,
                                     std::string& problem) const;

    // For the block tables: limits and counting.
    bool over_limit();
    void count_position() { ++positions_; bytes_ += 256; }
    void note_problem(const std::string& message);

private:
    std::uint32_t explore_local(const Session& root);
    std::uint32_t add_vertex(const Session& s, std::string key);
    void expand_dialogue(LocalFrame& f, std::vector<LocalFrame>& stack);
    void expand_negotiation(LocalFrame& f, std::vector<LocalFrame>& stack);
    std::uint32_t child_vertex(Session&& child, std::vector<LocalFrame>& stack);
    void note_move(std::uint32_t from, const std::vector<const std::string*>& targets,
                   const Session& after);
    std::uint32_t intern_label(const History& h);
    BlockTable& table_for(std::uint32_t node, std::uint32_t& id);

    std::uint32_t explore_pairs(std::uint32_t vertex, const History& h);
    std::uint32_t find_pair(std::uint32_t vertex, const std::int32_t* h, std::uint64_t hash) const;
    std::uint32_t add_pair(std::uint32_t vertex, const std::int32_t* h, std::uint64_t hash);
    std::uint64_t pair_hash(std::uint32_t vertex, const std::int32_t* h) const;
    const std::int32_t* history_of_pair(std::uint32_t p) const { return &histories_[p * width_]; }
    void close_component(std::uint32_t root);

    const Scenario& scenario_;
    const Persona& persona_;
    Scoring scoring_;
    AnalysisLimits limits_;
    std::size_t bytes_ = 0, positions_ = 0;
    bool stopped_ = false;
    std::string limit_message_, problem_;

    // Local graph.
    std::unordered_map<std::string, std::uint32_t> vertex_index_;
    std::vector<LocalVertex> vertices_;
    std::vector<History> labels_;
    std::unordered_map<History, std::uint32_t, HistoryHash> label_index_;
    std::map<std::uint32_t, std::uint32_t> table_of_node_;
    std::vector<std::unique_ptr<BlockTable>> tables_;
    std::set<std::pair<std::uint32_t, std::uint32_t>> node_moves_;

    // Scored graph: pairs, their histories side by side in one array (width_ integers each),
    // an index from a hash of (situation, history) to the first pair with it, and Tarjan's
    // bookkeeping per pair.
    std::size_t width_ = 0;
    std::vector<std::int32_t> histories_;
    std::unordered_map<std::uint64_t, std::uint32_t> pair_index_;
    std::vector<Pair> pairs_;
    std::vector<PairEdge> pair_edges_;   // each pair's room is reserved when it is added
    std::vector<std::uint32_t> order_, low_, component_, tarjan_stack_;
    std::vector<bool> on_stack_;
    std::uint32_t counter_ = 0, components_ = 0;
};

// Keys of what a run's future depends on (state_key.h).
inline std::string local_key(const Session& s) { return situation_key(s); }
std::uint32_t node_index(const Session& s);
std::vector<NegotiationMove> negotiation_moves(const NegotiationState& ns, const Negotiation& block);

}  // namespace parley::detail
