// Keys of what a run's future depends on (format reference §7, "The state key").
//
// Binary and compact: fixed-size integers, strings with their length. A key holds everything a
// Session's future moves depend on (the runtime reads nothing else when it decides what an
// option or a move does); it leaves out the path, texts and the cue shown, which never change a
// future or a score.
#include "state_key.h"

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

void put_values(std::string& k, const IssueValues& values) {
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
    std::string k;
    put(k, n.round);
    put(k, n.prepared);
    put_all(k, n.concede_list);
    put_all(k, n.hold_list);
    put_values(k, n.trainee_offer);
    put_values(k, n.client_offer);
    put(k, n.counters_left);
    put(k, n.nibbled);
    put(k, n.client_proposed_split);
    put(k, n.squeezes);
    put(k, n.squeezed);
    put(k, n.client_nibbled);
    put(k, n.pending_deal.has_value());
    if (n.pending_deal) put_values(k, *n.pending_deal);
    put(k, trainee_concession_count(n));
    const ConcessionMemory memory = concession_memory(n);
    put(k, memory.conceded_now);
    put_values(k, memory.last);
    put_values(k, memory.owed);
    std::int64_t rules = 0;
    for (const auto& b : n.breaches) rules |= std::int64_t{1} << static_cast<int>(b.rule);
    put(k, rules);
    put(k, n.outcome ? static_cast<std::int64_t>(*n.outcome) : -1);
    put_values(k, n.agreed);
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
