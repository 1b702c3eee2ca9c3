// The teaching checks of negotiation blocks (format reference §8).
//
//   1. The block alone      no tension (holding reaches the target on every issue); a client
//                           reservation outside the bank's walk-away … target range
//   2. The block per client fewer than three counter-offers; a curve longer than the block
//   3. The analysis         a best path that breaks a concession rule; no trade ever taken
//
// Rules decided here:
//   - "Outside the range": the reservation is worse for the bank than its walk-away (no deal on
//     that issue alone — then walking away is the lesson, which is a different scenario) or
//     better for the bank than its target (holding already reaches the target there).
//   - The client's counter-offers a block allows: min(patience_rounds, max_rounds − squeeze − 1):
//     the trainee needs a round after the client's last counter to take it.
#include "teaching_checks.h"

#include <algorithm>
#include <string>

#include "negotiation_runtime.h"
#include "parley/debrief.h"

namespace parley {

namespace {

struct Reporter {
    const Scenario& sc;
    Diagnostics& diags;
    void warn(std::size_t node, const std::string& message) const {
        Diagnostic d;
        d.severity = Severity::Warning;
        d.file = sc.file;
        d.pointer = "/nodes/" + std::to_string(node);
        d.message = message;
        diags.add(std::move(d));
    }
};

std::string shown(const NegotiationIssue& issue, std::int64_t v) { return format_value_with_unit(issue, v); }

// ============================================================================
// 1. The block alone
// ============================================================================

void check_block(const Reporter& r, std::size_t node, const Node& n) {
    const Negotiation& block = *n.negotiation;
    bool tension = false;
    for (const auto& issue : block.issues) {
        if (better_for_bank(issue, issue.bank_target, issue.client_reservation)) tension = true;
        const bool below_walkaway = better_for_bank(issue, issue.bank_walkaway, issue.client_reservation);
        const bool beyond_target = better_for_bank(issue, issue.client_reservation, issue.bank_target);
        if (below_walkaway || beyond_target)
            r.warn(node, "negotiation '" + n.id + "': the client's reservation on '" + issue.id + "' (" +
                             shown(issue, issue.client_reservation) + ") is outside the range between the bank's walk-away (" +
                             shown(issue, issue.bank_walkaway) + ") and its target (" + shown(issue, issue.bank_target) +
                             ")" + (beyond_target ? ": holding alone reaches the target on it" : ": no deal within the walk-away exists on it"));
    }
    if (!tension)
        r.warn(node, "negotiation '" + n.id + "' has no tension: holding and accepting reaches the bank's target on every "
                     "issue (every client reservation is at or beyond the target), so nothing the seed teaches is needed");
}

// ============================================================================
// 2. The block per client
// ============================================================================

void check_client(const Reporter& r, std::size_t node, const Node& n, const Persona& p) {
    const Negotiation& block = *n.negotiation;
    const ConcessionPolicy& c = p.concession;
    const int room = block.max_rounds - c.squeeze_rounds - 1;
    const int counters = std::min(c.patience_rounds, room);
    if (counters < 3)
        r.warn(node, "negotiation '" + n.id + "' with persona '" + p.id + "': the client can make only " +
                         std::to_string(std::max(0, counters)) + " counter-offer(s) (fewer than three): too short to practise conceding slowly");
    if (c.patience_rounds > room)
        r.warn(node, "negotiation '" + n.id + "' with persona '" + p.id + "': the client's concession curve needs " +
                         std::to_string(c.patience_rounds + c.squeeze_rounds + 1) + " rounds (patience " +
                         std::to_string(c.patience_rounds) + ", squeeze " + std::to_string(c.squeeze_rounds) +
                         ", one to accept its last offer) but the block ends after " + std::to_string(block.max_rounds) +
                         ": its reservation is never on the table");
}

// ============================================================================
// 3. The analysis
// ============================================================================

void check_best_path(const Reporter& r, const std::shared_ptr<const ContentSet>& content,
                     const std::shared_ptr<const Scenario>& sc, const PersonaAnalysis& a) {
    if (!a.best) return;
    Session s(content, sc, a.persona, 1, sc->default_difficulty);
    for (const auto& d : a.best->choices)
        if (s.decide(d)) return;   // the analysis reports a path that does not replay elsewhere
    for (const auto& rec : s.decisions()) {
        if (rec.breaches.empty()) continue;
        std::string rules;
        for (const auto& b : rec.breaches) rules += (rules.empty() ? "" : ", ") + std::string(id_of(b.rule));
        auto it = sc->node_index.find(rec.node);
        r.warn(it == sc->node_index.end() ? 0 : it->second,
               "negotiation '" + rec.node + "' with persona '" + a.persona + "': the best path breaks a concession rule (" +
                   rules + " at '" + rec.decision + "'): the scoring rewards what the seed warns against");
        return;
    }
}

}  // namespace

void check_teaching(const std::shared_ptr<const ContentSet>& content,
                    const std::shared_ptr<const Scenario>& sc,
                    const std::vector<PersonaAnalysis>& analyses, Diagnostics& diags) {
    const Scenario& scenario = *sc;
    const Reporter r{scenario, diags};
    for (std::size_t i = 0; i < scenario.nodes.size(); ++i) {
        const Node& n = scenario.nodes[i];
        if (n.kind != NodeKind::Negotiation || !n.negotiation) continue;
        check_block(r, i, n);
        for (const auto& id : scenario.personas)
            if (const Persona* p = content->persona(id)) check_client(r, i, n, *p);
    }
    for (const auto& a : analyses) {
        check_best_path(r, content, sc, a);
        for (const auto& id : a.blocks_without_trade) {
            auto it = scenario.node_index.find(id);
            r.warn(it == scenario.node_index.end() ? 0 : it->second,
                   "negotiation '" + id + "' with persona '" + a.persona +
                       "': the client never accepts any trade tried, so no trade is ever better than giving (条件交换 cannot be practised)");
        }
    }
}

}  // namespace parley
