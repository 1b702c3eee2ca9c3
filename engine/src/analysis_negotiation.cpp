// Scenario analysis: negotiation blocks, explored once per position over a finite move set.
//
// Contents
//   1. The move set      which moves the analysis tries (scenarios/README.md §8)
//   2. Block tables      positions → every distinct result still reachable, with its moves
//
// A negotiation move never reads or changes the client state (session.cpp: the block has its
// own patience), so what a block can end with depends only on its position. The table plays
// moves with the runtime's own rules (move_problem, play_move), on NegotiationState copies —
// much cheaper than whole Sessions — and the analysis replays the chosen moves through real
// Sessions to build its graph, checking that they give the same result.
#include <algorithm>
#include <set>

#include "analysis_graph.h"
#include "negotiation_runtime.h"

namespace parley::detail {

// ============================================================================
// 1. The move set
// ============================================================================
//
// Tried in every state of a block:
//   before preparing: prep with the author's lists, with both lists empty, and with the
//     author's lists swapped (a trainee who holds what should be conceded);
//   afterwards: hold, accept, walk, split; for each issue: nibble one step beyond the client's
//     standing offer, offer conceding 1 or 2 steps from the trainee's standing offer (never
//     past the client's); for each ordered pair of issues: trade, giving on the first one step or
//     all the way to the bank's walk-away, and asking on the second one step of the client's
//     offer, the bank's target, or the trainee's own standing offer.
// Moves the runtime does not allow at that point (move_problem) are skipped.

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
    (void)block;
    return issue.bank_opening;
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

// What a trade may give on an issue: one step, or all the way to the bank's walk-away (the
// most the bank can give), never past the client's own offer.
std::vector<std::int64_t> trade_gives(const NegotiationState& ns, const Negotiation& block,
                                      const NegotiationIssue& issue) {
    std::vector<std::int64_t> out;
    if (auto one = conceded(ns, block, issue, 1)) out.push_back(*one);
    const std::int64_t from = trainee_value(ns, block, issue);
    const std::int64_t client = client_value(ns, issue);
    const std::int64_t floor = issue.bank_walkaway;
    const bool past_client = concede_sign(issue) > 0 ? floor > client : floor < client;
    if (!past_client && gives_to_client(issue, from, floor) > 0 && (out.empty() || out.front() != floor))
        out.push_back(floor);
    return out;
}

// What a trade may ask on an issue: one step of the client's offer, the bank's target, or the
// trainee's own standing offer — each only when better for the bank than the client's offer.
std::vector<std::int64_t> trade_asks(const NegotiationState& ns, const Negotiation& block,
                                     const NegotiationIssue& issue) {
    std::vector<std::int64_t> out;
    if (auto one = asked(ns, block, issue)) out.push_back(*one);
    const std::int64_t client = client_value(ns, issue);
    const std::int64_t own = trainee_value(ns, block, issue);
    for (std::int64_t v : {issue.bank_target, own}) {
        const bool beyond_own = concede_sign(issue) > 0 ? v < own : v > own;
        if (better_for_bank(issue, v, client) && !beyond_own && in_range(issue, v) &&
            std::find(out.begin(), out.end(), v) == out.end())
            out.push_back(v);
    }
    return out;
}

NegotiationMove prep(std::vector<std::string> concede, std::vector<std::string> hold) {
    NegotiationMove m;
    m.kind = MoveKind::Prepare;
    m.concede = std::move(concede);
    m.hold = std::move(hold);
    return m;
}

}  // namespace

std::vector<NegotiationMove> negotiation_moves(const NegotiationState& ns, const Negotiation& block) {
    std::vector<NegotiationMove> moves;
    if (!ns.prepared) {
        moves.push_back(prep(block.should_concede, block.must_hold));
        moves.push_back(prep({}, {}));
        moves.push_back(prep(block.must_hold, block.should_concede));
        return moves;
    }
    if (ns.trainee_offer.empty()) {   // no standing offer yet: the bank's suggested opening
        NegotiationMove opening;
        opening.kind = MoveKind::Offer;
        for (const auto& issue : block.issues) opening.values[issue.id] = trainee_value(ns, block, issue);
        moves.push_back(opening);
    }
    for (MoveKind kind : {MoveKind::Hold, MoveKind::Accept, MoveKind::WalkAway, MoveKind::ProposeSplit}) {
        NegotiationMove m;
        m.kind = kind;
        moves.push_back(m);
    }
    for (const auto& issue : block.issues) {
        if (auto v = asked(ns, block, issue)) {
            NegotiationMove nibble;
            nibble.kind = MoveKind::Nibble;
            nibble.values[issue.id] = *v;
            moves.push_back(nibble);
        }
        for (int steps : {1})
            if (auto v = conceded(ns, block, issue, steps)) {
                NegotiationMove offer;
                offer.kind = MoveKind::Offer;
                offer.values[issue.id] = *v;
                moves.push_back(offer);
            }
    }
    for (const auto& give : block.issues)
        for (const auto& get : block.issues) {
            if (&give == &get) continue;
            for (std::int64_t g : trade_gives(ns, block, give))
                for (std::int64_t r : trade_asks(ns, block, get)) {
                    NegotiationMove trade;
                    trade.kind = MoveKind::Trade;
                    trade.values[give.id] = g;
                    trade.in_return[get.id] = r;
                    moves.push_back(trade);
                }
        }
    return moves;
}

// ============================================================================
// 2. Block tables
// ============================================================================

BlockTable::BlockTable(const Negotiation& block, const Scoring& scoring, Analyzer& owner)
    : block_(block), scoring_(scoring), owner_(owner) {}

std::uint32_t BlockTable::intern(NegotiationOutcome outcome, const History& delta) {
    key_.assign(delta.begin(), delta.end());   // a reused buffer: most results are known already
    key_.push_back(static_cast<std::int32_t>(outcome));
    auto it = result_index_.find(key_);
    if (it != result_index_.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(results_.size());
    results_.push_back({outcome, delta});
    result_index_.emplace(key_, id);
    return id;
}

std::uint32_t BlockTable::position(const NegotiationState& ns) {
    std::string key = negotiation_key(ns);
    if (auto it = index_.find(key); it != index_.end()) {
        if (positions_[it->second].in_progress)
            owner_.note_problem("a negotiation position repeats within one block (moves that change nothing)");
        return it->second;
    }
    const auto id = static_cast<std::uint32_t>(positions_.size());
    positions_.emplace_back();
    index_.emplace(std::move(key), id);
    owner_.count_position();
    expand(id, ns);
    positions_[id].in_progress = false;
    return id;
}

namespace {

// Pruning a position's results (exact for best and worst): the total of §5 never goes down when
// a competency's positive evidence (P) or a block's score goes up, nor when its negative
// evidence (N) goes down (each step — competency score, weighted mean, negotiation part, blend,
// cap — is monotone). Results with the same outcome lead to the same continuations, so among
// results of the same shape (outcome, failed flag, number of blocks) one that is no better than
// another in every sum can never give the best total, and one no worse never the worst. Only
// results that are maximal or minimal among their shape are kept.
bool same_shape(const BlockResult& a, const BlockResult& b) {
    if (a.outcome != b.outcome) return false;
    const std::size_t n = a.delta.size();
    return a.delta[n - 3] == b.delta[n - 3] && a.delta[n - 1] == b.delta[n - 1];
}

// `a` is no better than `b` in any sum: P and the blocks' score ≤, N ≥.
bool sums_at_most(const History& a, const History& b) {
    const std::size_t n = a.size();
    for (std::size_t i = 0; i + 3 < n; i += 2)
        if (a[i] > b[i] || a[i + 1] < b[i + 1]) return false;
    return a[n - 2] <= b[n - 2];
}

std::size_t traded(const NegotiationState& ns) {
    std::size_t n = 0;
    for (const auto& c : ns.history) n += c.traded && c.by_trainee;
    return n;
}

}  // namespace

// Depth first: every move's later results are known before this position's are put together.
// (The recursion is as deep as the block has rounds.)
void BlockTable::expand(std::uint32_t id, const NegotiationState& ns) {
    if (owner_.over_limit()) return;   // left without results; the analysis says it is incomplete
    std::vector<std::uint32_t> found;
    std::vector<Way> ways;
    bool any_move = false, dead_end_later = false;
    auto add = [&](std::uint32_t result, Way way) {
        if (std::find(found.begin(), found.end(), result) != found.end()) return;
        found.push_back(result);
        ways.push_back(way);
    };
    const std::vector<NegotiationMove> tried = negotiation_moves(ns, block_);
    History total;
    for (std::uint32_t move = 0; move < tried.size(); ++move) {
        const NegotiationMove& m = tried[move];
        if (move_problem(ns, m)) continue;
        any_move = true;
        NegotiationState next = ns;
        const MoveReport report = play_move(next, m, false);
        if (m.kind == MoveKind::Trade && traded(next) > traded(ns)) trade_accepted_ = true;
        const History delta = scoring_.of_evidence(report.evidence);
        if (next.outcome) {
            total = delta;
            scoring_.add(total, scoring_.of_block(next));
            add(intern(*next.outcome, total), Way{move, kNone, kNone});
            continue;
        }
        const std::uint32_t child = position(next);   // may grow positions_
        dead_end_later = dead_end_later || positions_[child].reaches_dead_end;
        for (std::uint32_t r : positions_[child].results) {   // intern() grows results_ only
            total = delta;
            scoring_.add(total, results_[r].delta);
            add(intern(results_[r].outcome, total), Way{move, child, r});
        }
    }
    Position& p = positions_[id];
    for (std::size_t i = 0; i < found.size(); ++i) {
        const BlockResult& a = results_[found[i]];
        bool below = false, above = false;   // some other result of its shape is ≥ / ≤ it
        for (std::size_t j = 0; j < found.size() && !(below && above); ++j) {
            if (i == j || !same_shape(a, results_[found[j]])) continue;
            below = below || sums_at_most(a.delta, results_[found[j]].delta);
            above = above || sums_at_most(results_[found[j]].delta, a.delta);
        }
        if (below && above) continue;
        p.results.push_back(found[i]);
        p.ways.push_back(ways[i]);
    }
    // Only the moves a kept result goes through are written out (for witnesses).
    std::vector<std::uint32_t> renumber(tried.size(), kNone);
    for (Way& way : p.ways) {
        if (renumber[way.move] == kNone) {
            renumber[way.move] = static_cast<std::uint32_t>(p.moves.size());
            p.moves.push_back(format_move(tried[way.move], block_));
        }
        way.move = renumber[way.move];
    }
    p.reaches_dead_end = !any_move || dead_end_later;
}

std::vector<std::string> BlockTable::witness(std::uint32_t position, std::uint32_t result) const {
    std::vector<std::string> moves;
    while (position != kNone) {
        const Position& p = positions_[position];
        std::size_t i = 0;
        while (i < p.results.size() && p.results[i] != result) ++i;
        if (i == p.results.size()) break;   // not reachable from here (cannot happen)
        const Way& way = p.ways[i];
        moves.push_back(p.moves[way.move]);
        position = way.child;
        result = way.child_result;
    }
    return moves;
}

}  // namespace parley::detail
