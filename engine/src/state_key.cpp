// Keys of what a run's future depends on (format reference §7, "The state key").
//
// Binary and compact: fixed-size integers, strings with their length. A key holds everything a
// Session's future moves depend on (the runtime reads nothing else when it decides what an
// option or a move does); it leaves out the path, texts and the cue shown, which never change a
// future or a score.
#include "state_key.h"

#include <algorithm>
#include <cstring>

#include "negotiation_runtime.h"

namespace parley {

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

[[maybe_unused]] void put_values(std::string& k, const IssueValues& values) {
    put(k, static_cast<std::int64_t>(values.size()));
    for (const auto& [id, v] : values) {
        put(k, id);
        put(k, v);
    }
}

std::int64_t node_of(const Session& s) { return &s.current_node() - s.scenario().nodes.data(); }

}  // namespace

// A block's history enters its future only through what the runtime's rules read of it
// (negotiation_rules.cpp, negotiation_client.cpp): the number of trainee concessions, whether
// the trainee conceded in the round just played (速度要慢), the size of the trainee's last
// concession per issue (幅度要越来越小), the reciprocity the client still owes per issue for
// untraded concessions, and which rules have been broken (rule adherence counts distinct
// rules); and the client's tactics so far (squeezes, its nibble at the close).
std::string negotiation_key(const NegotiationState& n) {
    // The block's issues in their fixed order: values without their ids, lists as bit sets.
    const Negotiation& block = *n.block;
    std::string k;
    k.reserve(64 + 64 * block.issues.size());
    put(k, n.round);
    std::int64_t concede = 0, hold = 0;
    for (std::size_t i = 0; i < block.issues.size(); ++i) {
        const std::string& id = block.issues[i].id;
        if (std::find(n.concede_list.begin(), n.concede_list.end(), id) != n.concede_list.end()) concede |= 1LL << i;
        if (std::find(n.hold_list.begin(), n.hold_list.end(), id) != n.hold_list.end()) hold |= 1LL << i;
    }
    put(k, n.prepared ? 1 + concede + (hold << 20) : 0);
    put(k, n.counters_left | (std::int64_t{n.nibbled} << 20) | (std::int64_t{n.client_proposed_split} << 21) |
               (std::int64_t{n.squeezed} << 22) | (std::int64_t{n.held} << 23) |
               (std::int64_t{n.client_nibbled} << 24) | (std::int64_t{n.pending_deal.has_value()} << 25) |
               (std::int64_t{n.squeezes} << 32));
    // What of the concessions the rules and the client read: per issue the size of the trainee's
    // last concession and the reciprocity still owed; then the count and whether this round.
    std::int64_t count = 0;
    bool conceded_now = false;
    for (const auto& c : n.history)
        if (c.by_trainee) {
            ++count;
            conceded_now = conceded_now || c.round == n.round;
        }
    put(k, count | (std::int64_t{conceded_now} << 32));
    for (const auto& issue : block.issues) {
        put(k, value_of(n.trainee_offer, issue.id, issue.bank_opening));
        put(k, value_of(n.client_offer, issue.id, issue.client_opening));
        std::int64_t last = -1;
        for (const auto& c : n.history)
            if (c.by_trainee && c.issue == issue.id) last = c.from > c.to ? c.from - c.to : c.to - c.from;
        put(k, last);
        put(k, last < 0 ? 0 : reciprocity_owed(n, issue.id));
        if (n.pending_deal) put(k, value_of(*n.pending_deal, issue.id, 0));
        if (n.outcome == NegotiationOutcome::Deal) put(k, value_of(n.agreed, issue.id, 0));
    }
    std::int64_t rules = 0;
    for (const auto& b : n.breaches) rules |= std::int64_t{1} << static_cast<int>(b.rule);
    put(k, rules | (n.outcome ? (static_cast<std::int64_t>(*n.outcome) + 1) << 32 : 0));
    return k;
}

std::string situation_key(const Session& s) {
    std::string k;
    if (s.finished()) {   // nothing follows: where it ended is all that matters
        k += 'F';
        put(k, node_of(s));
        return k;
    }
    k += 'S';
    put(k, node_of(s));
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
    put(k, static_cast<std::int64_t>(c.duties.size()));
    for (Duty d : c.duties) put(k, static_cast<std::int64_t>(d));
    if (const NegotiationState* n = s.negotiation()) {
        k += 'N';
        k += negotiation_key(*n);
    }
    return k;
}

void append_history(std::string& key, const std::int32_t* h, std::size_t width) {
    key += 'H';
    for (std::size_t i = 0; i < width; ++i) put(key, h[i]);
}

}  // namespace parley
