// The state graph behind the analysis (internal to the engine).
//
// One vertex per distinct Session::state_key(): two sessions with the same key have the same
// futures with the same scores, so each is expanded once however many paths reach it
// (memoisation). The graph is built by a depth-first search that runs Tarjan's algorithm at the
// same time, so every strongly connected component is closed as soon as it is complete and its
// best and worst reachable results are computed right then, from components already closed:
// the values are exact, also when decisions lead back to an earlier state.
//
// Edges remember which candidate decision (an index into candidate_decisions() of the source
// state) they stand for; the decision text is regenerated when a path is replayed, which keeps
// the table small and checks that every reported path really replays.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parley/analysis.h"
#include "parley/session.h"

namespace parley::detail {

inline constexpr std::uint32_t kNone = 0xFFFFFFFFu;

// The best (or worst) finished result reachable from a state, and the first step towards it.
struct Reach {
    bool some = false;
    int total = 0, stars = 0;
    OutcomeType outcome = OutcomeType::NoDeal;
    std::uint32_t ending = 0;       // node index of the ending
    std::uint32_t length = 0;       // decisions still to take
    std::uint32_t edge = kNone;     // index into Vertex::edges of the first decision
};

struct Edge {
    std::uint32_t to = kNone;
    std::uint32_t candidate = 0;    // index into candidate_decisions() of the source
};

struct Vertex {
    std::uint32_t node = 0;         // scenario node index
    bool finished = false;
    bool expanded = false;          // every candidate was tried (false when a limit stopped it)
    std::vector<Edge> edges;
    Reach best, worst;
};

class StateGraph {
public:
    explicit StateGraph(const AnalysisLimits& limits);

    // Explores everything reachable from `root` (states already known are reused) and returns
    // the root's vertex, or kNone when a limit was hit before the root could be added.
    std::uint32_t explore(const Session& root);

    const std::vector<Vertex>& vertices() const { return vertices_; }
    const Vertex& at(std::uint32_t v) const { return vertices_[v]; }
    std::optional<std::uint32_t> find(const Session& s) const;

    bool stopped() const { return stopped_; }
    const std::string& limit_message() const { return limit_message_; }

    // Node-to-node moves seen while exploring, without the forced move to `patience_out` when
    // the client's patience runs out and without a negotiation block's rounds (same node).
    const std::set<std::pair<std::uint32_t, std::uint32_t>>& node_moves() const {
        return node_moves_;
    }

    // Replays the best (or worst) continuation from `v`, whose session is `s`, and returns its
    // decisions; `s` ends at the finished state.
    std::vector<std::string> continuation(Session& s, std::uint32_t v, bool best) const;

    PathResult result(const Session& at, std::uint32_t v, bool best) const;

private:
    struct Frame {
        std::uint32_t v;
        Session session;
        std::vector<std::string> candidates;
        std::size_t next = 0;
        bool cut = false;   // a limit stopped it before every candidate was tried
    };

    std::uint32_t add_vertex(const Session& s, std::string key);
    bool over_limit();
    void close_component(std::uint32_t root);
    void note_move(const Session& before, const std::string& decision, const Session& after);

    AnalysisLimits limits_;
    std::chrono::steady_clock::time_point started_;
    std::unordered_map<std::string, std::uint32_t> index_;
    std::vector<Vertex> vertices_;
    std::size_t bytes_ = 0;
    bool stopped_ = false;
    std::string limit_message_;

    // Tarjan's bookkeeping, per vertex.
    std::vector<std::uint32_t> order_, low_, component_;
    std::vector<std::uint32_t> tarjan_stack_;
    std::vector<bool> on_stack_;
    std::uint32_t counter_ = 0, components_ = 0;

    std::set<std::pair<std::uint32_t, std::uint32_t>> node_moves_;
};

std::uint32_t node_index(const Session& s);

}  // namespace parley::detail
