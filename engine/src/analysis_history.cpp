// Scenario analysis: hashing score histories, and the node of a run.
//
// The score history itself (what it holds, how it adds up, the total it gives) is the debrief's
// own arithmetic, scoring.cpp; the keys of situations are state_key.cpp's. Every path the
// analysis reports is still replayed through debrief() and a difference is reported as a
// failed check.
#include "analysis_graph.h"

namespace parley::detail {

std::size_t HistoryHash::operator()(const History& h) const {
    std::uint64_t x = 0x9E3779B97F4A7C15ULL;
    for (std::int32_t v : h) x = (x ^ static_cast<std::uint32_t>(v)) * 0x100000001B3ULL;
    return static_cast<std::size_t>(x);
}

std::uint32_t node_index(const Session& s) {
    return static_cast<std::uint32_t>(&s.current_node() - s.scenario().nodes.data());
}

}  // namespace parley::detail
