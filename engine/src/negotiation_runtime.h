// Negotiation internals shared by the session and the negotiation files:
//
//   1. Issue arithmetic          (negotiation_issue.cpp: which way is better for whom,
//                                 snapping to the step grid, shares of a range)
//   2. Moves                     (negotiation_moves.cpp: validation and descriptions)
//   3. The client                (negotiation_client.cpp: concession policy, replies)
//   4. The rules                 (negotiation_rules.cpp: breaches, adherence, evidence)
//   5. Rounds                    (negotiation_round.cpp: one trainee move and the reply)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parley/model.h"
#include "parley/negotiation.h"

namespace parley {

// ---------------------------------------------------------------------------------------------
// 1. Issue arithmetic
// ---------------------------------------------------------------------------------------------

const NegotiationIssue* find_issue(const Negotiation& block, const std::string& id);
// The issue's range in units (at least 1, so shares of it are always defined).
std::int64_t range_of(const NegotiationIssue& issue);
// a is strictly better for the bank than b.
bool better_for_bank(const NegotiationIssue& issue, std::int64_t a, std::int64_t b);
// How far moving from `from` to `to` gives way to the client (0 when it does not).
std::int64_t gives_to_client(const NegotiationIssue& issue, std::int64_t from, std::int64_t to);
// Nearest value on the step grid (multiples of step from min) within [min, max]; an exact
// half step goes to the value better for the client.
std::int64_t snap_to_step(const NegotiationIssue& issue, std::int64_t v);
// The midpoint of a and b snapped the same way.
std::int64_t snap_midpoint(const NegotiationIssue& issue, std::int64_t a, std::int64_t b);
// The value of `values` for an issue, or the fallback when absent.
std::int64_t value_of(const IssueValues& values, const std::string& issue, std::int64_t fallback);
// "Loan rate 5.40%" / "贷款利率 5.40%" for the values given, in the block's issue order.
Text describe_values(const Negotiation& block, const IssueValues& values);
// |a − b|
inline std::int64_t gap(std::int64_t a, std::int64_t b) { return a > b ? a - b : b - a; }
// `amount` as a share of the issue's range in basis points, times `weight`.
std::int64_t share_bp(const NegotiationIssue& issue, std::int64_t amount, int weight);
// amount ≤ percent% of the issue's range.
bool within_percent(const NegotiationIssue& issue, std::int64_t amount, int percent);
// No deal within the bank's walk-away exists: on some issue the client's reservation is worse
// for the bank than the walk-away (walking away is then the right result).
bool no_deal_within_walkaway(const Negotiation& block);

// ---------------------------------------------------------------------------------------------
// 2. Moves
// ---------------------------------------------------------------------------------------------

// Why a value is not valid for an issue (outside [min, max] or off the step grid), or "".
std::string value_problem(const NegotiationIssue& issue, std::int64_t units);
// Why a move is not valid now, or nothing. Never changes the state.
std::optional<std::string> move_problem(const NegotiationState& s, const NegotiationMove& m);
// A bilingual description of the move for the decision log.
Text describe_move(const Negotiation& block, const NegotiationMove& m);

// ---------------------------------------------------------------------------------------------
// 3. The client
// ---------------------------------------------------------------------------------------------

NegotiationState start_negotiation(const Negotiation& block, const Persona& persona);
// The round of the client's concession curve at which it makes its next counter-offer: the
// counters made so far plus one (rounds it squeezed do not advance its curve).
int curve_time(const NegotiationState& s);
// The client's next counter-offer: its time curve plus the reciprocity owed for the trainee's
// untraded concessions, never worse for the bank than its standing offer, never better for
// the bank than the trainee asks, never beyond its reservation, on the step grid.
IssueValues client_counter(const NegotiationState& s);
// The reciprocity the client owes on one issue: reciprocity% of every untraded concession the
// trainee made on it (each rounded half away from zero), accumulated.
std::int64_t reciprocity_owed(const NegotiationState& s, const std::string& issue);
// The trainee's offer is at least as good for the client as `client_next` on every issue.
bool client_accepts(const Negotiation& block, const IssueValues& trainee,
                    const IssueValues& client_next);
// Every value is no worse for the client than its reservation.
bool within_reservation(const Negotiation& block, const IssueValues& values);
// 条件交换: the client takes the trade when what it is asked to give (share of each issue's
// range, weighted by the client's own weights) is at most what the trainee gives plus what its
// own curve concedes this round on those issues, and the whole package is still at least as
// good for the client as its reservations (an asked issue may go past its reservation when the
// client is compensated on another it values more: 双赢).
bool trade_acceptable(const NegotiationState& s, const NegotiationMove& trade,
                      const IssueValues& counter);
// 蚕食: the terms are close (every gap within the tolerance) and the single extra asked is
// within the tolerance and the reservation.
bool nibble_granted(const NegotiationState& s, const NegotiationMove& nibble);
// The client's own nibble when a deal is reached on `agreed` (蚕食法, persona nibble_at_close):
// one more small thing on the issue it values most, or nothing.
std::optional<IssueValues> client_nibble(const NegotiationState& s, const IssueValues& agreed);
// The midpoint of the two offers on every issue, on the step grid.
IssueValues split_values(const Negotiation& block, const IssueValues& trainee,
                         const IssueValues& client);
// The client offers to split the difference: every gap is at most split_gap% of the range
// and some gap remains.
bool client_wants_split(const NegotiationState& s, const IssueValues& client);

// ---------------------------------------------------------------------------------------------
// 4. The rules
// ---------------------------------------------------------------------------------------------

std::vector<RuleBreach> check_preparation(const Negotiation& block,
                                          const std::vector<std::string>& concede,
                                          const std::vector<std::string>& hold);
// Breaches of the concession rules by this round's trainee concessions, judged against the
// history before them.
std::vector<RuleBreach> check_concessions(const NegotiationState& s,
                                          const std::vector<Concession>& fresh);
// RespectWalkaway for a deal.
std::vector<RuleBreach> check_deal(const Negotiation& block, const IssueValues& agreed, int round);
const Text& rule_principle(NegotiationRule rule);

int trainee_concession_count(const NegotiationState& s);

// What of the trainee's concessions still shapes the client's next move, for state keys: the
// size of the last concession per issue (each must be smaller), the reciprocity still owed per
// issue for concessions not traded, and whether the trainee conceded this round.
struct ConcessionMemory {
    IssueValues last, owed;
    bool conceded_now = false;
};
ConcessionMemory concession_memory(const NegotiationState& s);
// 100 − 15 per distinct rule broken, at least 0.
int rule_adherence(const NegotiationState& s);
// The bank's value of a finished block for scoring: bank_value of the deal; without a deal,
// 100 when no deal within the walk-away was possible (walking away was right), else 0.
int block_bank_value(const NegotiationState& s);
// The client's satisfaction with a finished block (0 without a deal).
int block_client_satisfaction(const NegotiationState& s);
// A finished block's part of the score (format reference §5): bank value, client satisfaction
// and rule adherence blended by the model's negotiation parts, rounded half away from zero.
int block_score(const NegotiationState& s, const CompetencyModel& model);

// ---------------------------------------------------------------------------------------------
// 5. Rounds
// ---------------------------------------------------------------------------------------------

struct MoveReport {
    Text description;                  // the move, for the decision log
    Text feedback;                     // the principle it followed or broke
    std::vector<Evidence> evidence;    // on I (negotiation)
    std::vector<RuleBreach> breaches;  // broken by this move
};

// Plays a valid move (move_problem returned nothing) and the client's reply. Without `narrate`
// no text is written (the description, the feedback, the client's reply): the analysis plays
// millions of moves and reads only their effect.
MoveReport play_move(NegotiationState& s, const NegotiationMove& m, bool narrate = true);

}  // namespace parley
