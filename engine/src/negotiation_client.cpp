// The client in a negotiation: a persona-driven concession policy and its tactics.
//
//   1. Time curve     client_time_offer: α(t) = (t/T)^(1/β) (Faratin, Sierra & Jennings)
//   2. Counter-offers curve + reciprocity, monotone, never beyond the reservation
//   3. Judging moves  acceptance, trades (条件交换), nibbles (蚕食), splitting the difference
//   4. Tactics        the client's own nibble when a deal is reached (蚕食法)
//
// Rules decided here (README §2/§3.5/§7 leave them open):
//   - α is computed with det_pow and kept as an integer in parts per million before it touches
//     the units, so the curve is exact wherever (t/T)^(1/β) is a round number.
//   - The curve's value is rounded to the nearest step; an exact half step stays on the
//     client's side (the client never concedes more than its curve says).
//   - T = the persona's patience_rounds. The client's k-th counter-offer is its curve at t = k;
//     rounds in which it squeezes (挤压法) do not advance the curve. Whether the block has rounds
//     enough for the whole curve is the author's to check (validate warns when it has not).
//   - Reciprocity accumulates: after every untraded trainee concession the client moves its own
//     offer on that issue, in the bank's favour, by reciprocity% of it (rounded half away from
//     zero) on top of its curve from then on. A client never withdraws an offer: a counter-offer
//     is never worse for the bank than its standing offer, and never better for the bank than
//     what the trainee is asking.
//   - The client accepts the trainee's standing offer when, on every issue, it is at least as
//     good for the client as the counter-offer it would make next (accept-if-better-than-next).
//   - Trades weigh shares of each issue's range (basis points) by the CLIENT's weights: what the
//     client gives must be at most what it is given plus what its own curve would concede on
//     those issues this round. An asked value past the client's reservation is taken only when
//     the package after the trade — the given values, the asked values, its next counter on the
//     other issues — is still worth at least its reservations to the client (Σ client_weight ×
//     share past the reservation ≥ 0). So an issue the client values less can go past its
//     reservation when an issue it values more pays for it: 双赢.
//   - A nibble is granted only once per block, when every gap is within nibble_tolerance% of
//     the range and the extra asked is too (and within the reservation).
//   - The client's own nibble (nibble_at_close > 0) comes once per block, when a deal is first
//     reached: one extra of nibble_at_close% of the range (at least one step) on the issue with
//     the highest client_weight (the first such issue on a tie).
#include <algorithm>

#include "det_math.h"
#include "negotiation_runtime.h"

namespace parley {

// ============================================================================
// 1. Time curve
// ============================================================================

namespace {

constexpr std::int64_t kPpm = 1000000;

// α(t) in parts per million.
std::int64_t alpha_ppm(int beta_percent, int t, int T) {
    if (t <= 0) return 0;
    if (t >= T) return kPpm;
    const double x = static_cast<double>(t) / static_cast<double>(T);
    const double e = 100.0 / static_cast<double>(std::max(1, beta_percent));
    const double a = det_pow(x, e) * static_cast<double>(kPpm);
    return std::clamp<std::int64_t>(static_cast<std::int64_t>(a + 0.5), 0, kPpm);
}

// v limited to the span between the client's opening and its reservation.
std::int64_t within_client_span(const NegotiationIssue& issue, std::int64_t v) {
    const std::int64_t lo = std::min(issue.client_opening, issue.client_reservation);
    const std::int64_t hi = std::max(issue.client_opening, issue.client_reservation);
    return std::clamp(v, lo, hi);
}

std::int64_t bank_ward(const NegotiationIssue& issue, std::int64_t from, std::int64_t to) {
    return gives_to_client(issue, to, from);  // how far `to` is better for the bank than `from`
}

// How much `v` is better for the client than its reservation, as a client-weighted share of
// the range (negative when it is past the reservation).
std::int64_t client_margin_bp(const NegotiationIssue& issue, std::int64_t v) {
    const std::int64_t toward_client = gives_to_client(issue, issue.client_reservation, v);
    const std::int64_t toward_bank = bank_ward(issue, issue.client_reservation, v);
    return share_bp(issue, toward_client, issue.client_weight) -
           share_bp(issue, toward_bank, issue.client_weight);
}

int horizon(const ConcessionPolicy& policy) { return std::max(1, policy.patience_rounds); }

}  // namespace

std::int64_t client_time_offer(const NegotiationIssue& issue, const ConcessionPolicy& policy, int t,
                               int T) {
    if (T < 1) T = 1;
    t = std::clamp(t, 0, T);
    const std::int64_t a = alpha_ppm(policy.beta_percent, t, T);
    const std::int64_t delta = issue.client_reservation - issue.client_opening;
    const std::int64_t raw =
        issue.client_opening + round_div(static_cast<__int128>(delta) * a, kPpm);
    return within_client_span(issue, snap_to_step(issue, raw));
}

// ============================================================================
// 2. Counter-offers
// ============================================================================

NegotiationState start_negotiation(const Negotiation& block, const Persona& persona) {
    NegotiationState s;
    s.block = &block;
    s.policy = persona.concession;
    s.counters_left = std::max(0, s.policy.patience_rounds);
    for (const auto& issue : block.issues) {
        s.trainee_offer[issue.id] = issue.bank_opening;
        s.client_offer[issue.id] = issue.client_opening;
    }
    return s;
}

int curve_time(const NegotiationState& s) {
    const int made = std::max(0, s.policy.patience_rounds) - s.counters_left;
    return std::clamp(made + 1, 1, horizon(s.policy));
}

std::int64_t reciprocity_owed(const NegotiationState& s, const std::string& issue) {
    std::int64_t owed = 0;
    for (const auto& c : s.history)
        if (c.by_trainee && !c.traded && c.issue == issue)
            owed += scale_percent(gap(c.from, c.to), s.policy.reciprocity_percent);
    return owed;
}

IssueValues client_counter(const NegotiationState& s) {
    const Negotiation& block = *s.block;
    const int T = horizon(s.policy);
    const int t = curve_time(s);
    IssueValues next;
    for (const auto& issue : block.issues) {
        const std::int64_t bonus = reciprocity_owed(s, issue.id);
        const std::int64_t curve = client_time_offer(issue, s.policy, t, T);
        std::int64_t v = issue.bank_prefers_higher ? curve + bonus : curve - bonus;
        v = within_client_span(issue, snap_to_step(issue, within_client_span(issue, v)));
        const std::int64_t standing = value_of(s.client_offer, issue.id, issue.client_opening);
        if (better_for_bank(issue, standing, v)) v = standing;
        // Never more than the bank asks for.
        const std::int64_t asked = value_of(s.trainee_offer, issue.id, issue.bank_target);
        if (better_for_bank(issue, v, asked)) v = asked;
        next[issue.id] = v;
    }
    return next;
}

// ============================================================================
// 3. Judging moves
// ============================================================================

bool client_accepts(const Negotiation& block, const IssueValues& trainee,
                    const IssueValues& client_next) {
    for (const auto& issue : block.issues) {
        const std::int64_t mine = value_of(trainee, issue.id, issue.bank_target);
        const std::int64_t theirs = value_of(client_next, issue.id, issue.client_opening);
        if (better_for_bank(issue, mine, theirs)) return false;
    }
    return true;
}

bool within_reservation(const Negotiation& block, const IssueValues& values) {
    for (const auto& [id, v] : values) {
        const NegotiationIssue* issue = find_issue(block, id);
        if (issue && better_for_bank(*issue, v, issue->client_reservation)) return false;
    }
    return true;
}

bool trade_acceptable(const NegotiationState& s, const NegotiationMove& trade,
                      const IssueValues& counter) {
    const Negotiation& block = *s.block;
    std::int64_t give = 0, ask = 0, curve = 0;
    for (const auto& [id, v] : trade.values) {
        const NegotiationIssue& issue = *find_issue(block, id);
        give += share_bp(issue, gives_to_client(issue, value_of(s.trainee_offer, id, v), v),
                         issue.client_weight);
    }
    for (const auto& [id, v] : trade.in_return) {
        const NegotiationIssue& issue = *find_issue(block, id);
        const std::int64_t standing = value_of(s.client_offer, id, issue.client_opening);
        ask += share_bp(issue, bank_ward(issue, standing, v), issue.client_weight);
        curve += share_bp(issue, bank_ward(issue, standing, value_of(counter, id, standing)),
                          issue.client_weight);
    }
    if (ask > give + curve) return false;
    // Within its reservations the client needs nothing more. Past one, the package — the asked
    // values, the given values, its next counter on the rest — must still be worth its
    // reservations to it: the issue it values more pays for the one it values less.
    if (within_reservation(block, trade.in_return)) return true;
    std::int64_t margin = 0;
    for (const auto& issue : block.issues) {
        std::int64_t v = value_of(counter, issue.id, value_of(s.client_offer, issue.id, issue.client_opening));
        if (auto it = trade.values.find(issue.id); it != trade.values.end()) v = it->second;
        if (auto it = trade.in_return.find(issue.id); it != trade.in_return.end()) v = it->second;
        margin += client_margin_bp(issue, v);
    }
    return margin >= 0;
}

bool nibble_granted(const NegotiationState& s, const NegotiationMove& nibble) {
    if (s.nibbled) return false;
    const Negotiation& block = *s.block;
    const int tol = s.policy.nibble_tolerance_percent;
    for (const auto& issue : block.issues) {
        const std::int64_t mine = value_of(s.trainee_offer, issue.id, issue.bank_target);
        const std::int64_t theirs = value_of(s.client_offer, issue.id, issue.client_opening);
        if (!within_percent(issue, gap(mine, theirs), tol)) return false;
    }
    for (const auto& [id, v] : nibble.values) {
        const NegotiationIssue& issue = *find_issue(block, id);
        const std::int64_t theirs = value_of(s.client_offer, id, issue.client_opening);
        if (!within_percent(issue, gap(v, theirs), tol)) return false;
    }
    return within_reservation(block, nibble.values);
}

IssueValues split_values(const Negotiation& block, const IssueValues& trainee,
                         const IssueValues& client) {
    IssueValues mid;
    for (const auto& issue : block.issues)
        mid[issue.id] = snap_midpoint(issue, value_of(trainee, issue.id, issue.bank_target),
                                      value_of(client, issue.id, issue.client_opening));
    return mid;
}

bool client_wants_split(const NegotiationState& s, const IssueValues& client) {
    if (s.policy.split_gap_percent <= 0) return false;
    bool some_gap = false;
    for (const auto& issue : s.block->issues) {
        const std::int64_t g = gap(value_of(s.trainee_offer, issue.id, issue.bank_target),
                                   value_of(client, issue.id, issue.client_opening));
        if (!within_percent(issue, g, s.policy.split_gap_percent)) return false;
        some_gap = some_gap || g > 0;
    }
    return some_gap;
}

// ============================================================================
// 4. Tactics
// ============================================================================

std::optional<IssueValues> client_nibble(const NegotiationState& s, const IssueValues& agreed) {
    if (s.policy.nibble_at_close_percent <= 0 || s.client_nibbled) return std::nullopt;
    const NegotiationIssue* target = nullptr;
    for (const auto& issue : s.block->issues)
        if (!target || issue.client_weight > target->client_weight) target = &issue;
    if (!target) return std::nullopt;
    const NegotiationIssue& issue = *target;
    const std::int64_t step = std::max<std::int64_t>(1, issue.step);
    std::int64_t extra = scale_percent(range_of(issue), s.policy.nibble_at_close_percent);
    extra = std::max(step, extra / step * step);
    const std::int64_t from = value_of(agreed, issue.id, issue.bank_target);
    const std::int64_t to =
        std::clamp(issue.bank_prefers_higher ? from - extra : from + extra, issue.min, issue.max);
    if (snap_to_step(issue, to) == from) return std::nullopt;
    IssueValues asked = agreed;
    asked[issue.id] = snap_to_step(issue, to);
    return asked;
}

}  // namespace parley
