// Negotiation at run time: the trainee's moves, the client's concession policy, and the
// concession rules of seed 000 (双赢谈判):
//   两张表 — prepare a concede list (退让表) and a hold list (坚持表);
//   让步的次数要少 — few concessions; 速度要慢 — slowly; 幅度要越来越小 — each smaller;
//   绝对不主动要求分摊差异 — never be the first to propose splitting the difference;
//   学会条件交换 — trade, never give; 蚕食法 — nibble one small extra at a time.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/catalogue.h"
#include "parley/model.h"

namespace parley {

using IssueValues = std::map<std::string, std::int64_t>;  // issue id → value in units

// One trainee move. Decision syntax (transcripts and `parley-cli play --choices`):
//   prep:concede=fee+term;hold=rate     the two lists ('+' between issues; a list may be empty)
//   offer:rate=5.20;fee=0.30            propose values (issues not named keep the last offer)
//   trade:fee=0.30/rate=5.10            concede fee to 0.30 only if the client moves rate to 5.10
//   nibble:fee=0.25                     one small extra ask
//   hold | split | accept | walk
struct NegotiationMove {
    MoveKind kind = MoveKind::Hold;
    IssueValues values;             // offer, nibble: proposed; trade: what the trainee gives
    IssueValues in_return;          // trade: what the trainee asks for in return
    std::vector<std::string> concede, hold;  // prep
};

// Parses the syntax above against a block (issue ids, ranges, steps). Values are written in
// display units ("5.20") and converted with the issue's decimals. On failure returns nothing
// and sets `error` to a message naming the problem.
std::optional<NegotiationMove> parse_move(std::string_view text, const Negotiation& block,
                                          std::string& error);
std::string format_move(const NegotiationMove& move, const Negotiation& block);
std::string format_value(const NegotiationIssue& issue, std::int64_t units);  // "5.20"

enum class NegotiationRule {
    Prepared,            // both lists prepared and sound (hold list holds what must be held)
    FewConcessions,      // 让步的次数要少
    Slowly,              // 速度要慢: no concessions in consecutive rounds, none in round 1
    Diminishing,         // 幅度要越来越小
    NeverSplitFirst,     // 绝对不主动要求分摊差异
    TradeDontGive,       // 学会条件交换
    RespectHoldList,     // 坚持表: never concede an issue on your own hold list
    RespectWalkaway,     // never agree beyond the bank's walk-away value
};

struct RuleBreach {
    NegotiationRule rule;
    int round = 0;
    std::string issue;   // when it concerns one issue
};

struct Concession {
    int round = 0;
    bool by_trainee = true;
    std::string issue;
    std::int64_t from = 0, to = 0;
    bool traded = false;   // given in a trade (条件交换) rather than for nothing
};

// NoDeal: the trainee walked away or the block's rounds ran out.
enum class NegotiationOutcome { Deal, NoDeal, ClientQuit };

// One negotiation in progress or finished. It carries everything its moves are judged by: the
// block and the client's concession policy (the persona's), so no caller passes them again.
struct NegotiationState {
    const Negotiation* block = nullptr;
    ConcessionPolicy policy;  // the client's (the run's persona)
    int round = 0;            // rounds played (a round = one trainee move + client reply)
    bool prepared = false;
    std::vector<std::string> concede_list, hold_list;
    IssueValues trainee_offer, client_offer;
    std::vector<Concession> history;
    std::vector<RuleBreach> breaches;
    bool client_proposed_split = false;
    bool trainee_proposed_split = false;
    bool nibbled = false;     // the trainee's one nibble was granted
    int counters_left = 0;    // counter-offers the client will still make (its patience_rounds)
    int squeezes = 0;         // rounds the client answered with 挤压法 instead of countering
    bool squeezed = false;    // the client's last reply was a squeeze
    bool held = false;        // the trainee has held once already in this block
    // 蚕食 by the client: the deal was reached on these terms and the client asked for one more
    // thing (its ask is client_offer); the trainee's next move answers it.
    std::optional<IssueValues> pending_deal;
    bool client_nibbled = false;
    std::optional<NegotiationOutcome> outcome;
    IssueValues agreed;       // when outcome == Deal
    Text client_says;         // the client's reply to the last move
};

// The client's offer on one issue at round t of T under the persona's policy, before
// reciprocity: opening + alpha(t) × (reservation − opening), alpha(t) = (t/T)^(1/beta),
// computed with the engine's deterministic arithmetic and rounded to the issue's step.
std::int64_t client_time_offer(const NegotiationIssue& issue, const ConcessionPolicy& policy, int t,
                               int T);

// "12 months", "3.70%", "500 万元": a value with its unit, as every presenter shows it.
std::string format_value_with_unit(const NegotiationIssue& issue, std::int64_t units);

// The bank's value of an agreement, 0–100: each issue scored from walk-away (0) to target
// (100) — past the walk-away below zero, to −100 — weighted by the issue weights, the sum kept
// within 0–100.
int bank_value(const Negotiation& block, const IssueValues& values);
// The client's satisfaction with an agreement, 0–100: each issue scored from the client's
// reservation (0) to its opening (100), weighted by the client's own weights (client_weight).
int client_satisfaction(const Negotiation& block, const IssueValues& values);

}  // namespace parley
