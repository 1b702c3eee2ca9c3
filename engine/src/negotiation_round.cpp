// One round of a negotiation: the trainee's move, the rules it is judged by, the client's reply.
//
//   1. The client's reply    accept the standing offer, counter, or end the block
//   2. Moves                 prep, offer, trade, hold, nibble, split, accept, walk
//   3. Evidence              what each move shows about competency I (商务谈判技巧)
//
// Rules decided here (README §3.5 leaves them open):
//   - prep is not a round. Every later move is: round += 1, then the client replies.
//   - The client counters while it has patience (client_patience counts its counter-offers).
//     After its last counter it makes no more: the next move must close (accept, a standing
//     offer it accepts, an accepted split or nibble) or the client quits (ClientQuit).
//   - The block ends with no deal (NoDeal → on_no_deal) when round max_rounds ends
//     without a deal, or when the trainee walks away.
//   - A refused split, nibble or trade still uses the round; nothing is conceded.
//   - A nibble asks for one small extra on the client's standing offer; when granted the deal
//     is closed on those terms (蚕食: the small extra comes at the close). One nibble per block.
//   - A split is accepted when the midpoint is within the client's reservation on every issue;
//     the deal is then closed at the midpoint.
//   - Evidence on I per move: −2 per breach (at least −3) when the move broke a rule; otherwise
//     prep +2, accepted trade +2, hold +1, an offer that gives nothing away +1, a deal closed
//     by accept / split / nibble +1, walking away +1 when no deal within the walk-away existed
//     (the client's reservation is worse for the bank on some issue) and −1 otherwise; a
//     refused trade, split or nibble gives no evidence.
#include <set>

#include "negotiation_runtime.h"

namespace parley {

namespace {

const std::string kNegotiation = "I";  // 商务谈判技巧

Text join(const Text& a, const Text& b) {
    if (a.empty()) return b;
    if (b.empty()) return a;
    return {a.zh + b.zh, a.en + " " + b.en};
}

struct Round {
    NegotiationState& s;
    const Persona& persona;
    MoveReport& report;
    int round = 0;
    bool final_round = false;  // the client made its last counter-offer already
};

// ============================================================================
// 1. The client's reply
// ============================================================================

void close_deal(Round& r, const IssueValues& values, const Text& prefix) {
    r.s.outcome = NegotiationOutcome::Deal;
    r.s.agreed = values;
    for (auto& b : check_deal(*r.s.block, values, r.round)) r.report.breaches.push_back(b);
    const Text v = describe_values(*r.s.block, values);
    r.s.client_says = join(prefix, {"成交:" + v.zh + "。", "Agreed: " + v.en + "."});
}

void reply(Round& r, const Text& prefix) {
    NegotiationState& s = r.s;
    const Negotiation& block = *s.block;
    const ConcessionPolicy& policy = r.persona.concession;
    const IssueValues next = r.final_round ? s.client_offer : client_counter(s, policy, r.round);
    if (client_accepts(block, s.trainee_offer, next)) {
        close_deal(r, s.trainee_offer, prefix);
        return;
    }
    if (r.round >= block.max_rounds) {
        s.outcome = NegotiationOutcome::NoDeal;
        s.client_says = join(prefix, {"时间差不多了,条件还谈不拢,我们改天再说吧。",
                                      "We're out of time and still apart; let's leave it for another day."});
        return;
    }
    if (r.final_round) {
        s.outcome = NegotiationOutcome::ClientQuit;
        s.client_says = join(prefix, {"看来我们谈不拢,我还是找别家吧。",
                                      "We're not getting anywhere. I'll look elsewhere."});
        return;
    }
    for (const auto& issue : block.issues) {
        const std::int64_t from = value_of(s.client_offer, issue.id, issue.client_opening);
        const std::int64_t to = value_of(next, issue.id, from);
        if (to != from) s.history.push_back({r.round, false, issue.id, from, to, false});
    }
    s.client_offer = next;
    s.client_patience -= 1;
    const Text terms = describe_values(block, next);
    Text says = join(prefix, {"我们的条件是:" + terms.zh + "。", "Our terms: " + terms.en + "."});
    if (s.client_patience <= 0)
        says = join(says, {"这是我们的最终报价。", "This is our final offer."});
    if (!s.client_proposed_split && client_wants_split(block, policy, s.trainee_offer, next)) {
        s.client_proposed_split = true;
        says = join(says, {"差距不大了,不如我们各让一步,取个中间数?",
                           "We're close — shall we split the difference?"});
    }
    s.client_says = says;
}

// ============================================================================
// 2. Moves
// ============================================================================

// Moves the trainee's standing offer to `values`, recording concessions; returns them.
std::vector<Concession> move_trainee_offer(Round& r, const IssueValues& values, bool traded) {
    std::vector<Concession> fresh;
    for (const auto& [id, v] : values) {
        const NegotiationIssue& issue = *find_issue(*r.s.block, id);
        const std::int64_t from = value_of(r.s.trainee_offer, id, issue.bank_target);
        if (gives_to_client(issue, from, v) > 0) fresh.push_back({r.round, true, id, from, v, traded});
    }
    for (auto& b : check_concessions(r.s, fresh)) r.report.breaches.push_back(b);
    for (const auto& c : fresh) r.s.history.push_back(c);
    for (const auto& [id, v] : values) r.s.trainee_offer[id] = v;
    return fresh;
}

// Walking away is right when no deal within the bank's walk-away existed: on some issue the
// client's reservation is worse for the bank than the walk-away.
bool walking_away_was_right(const NegotiationState& s) {
    for (const auto& issue : s.block->issues)
        if (better_for_bank(issue, issue.bank_walkaway, issue.client_reservation)) return true;
    return false;
}

struct Clean {
    int evidence = 0;
    Text feedback;
};

Clean play_round(Round& r, const NegotiationMove& m) {
    NegotiationState& s = r.s;
    const Negotiation& block = *s.block;
    switch (m.kind) {
        case MoveKind::Accept:
            close_deal(r, s.client_offer, {});
            return {1, {"接受客户的报价,达成协议。", "You accepted the client's offer and closed the deal."}};

        case MoveKind::WalkAway: {
            s.outcome = NegotiationOutcome::NoDeal;
            s.client_says = {"那很遗憾,今天就先谈到这里。", "That's a pity. Let's leave it there for today."};
            if (walking_away_was_right(s))
                return {1, {"客户的底线超出了银行的底线,没有可接受的协议,离开谈判是对的。",
                            "No deal within the bank's walk-away existed: walking away was right."}};
            return {-1, {"在银行底线之内本可以达成协议,离开谈判放弃了一笔可以接受的交易。",
                         "A deal within the bank's walk-away was still possible: walking away lost it."}};
        }

        case MoveKind::ProposeSplit: {
            if (!s.client_proposed_split) {
                s.trainee_proposed_split = true;
                r.report.breaches.push_back({NegotiationRule::NeverSplitFirst, r.round, ""});
            }
            const IssueValues mid = split_values(block, s.trainee_offer, s.client_offer);
            if (within_reservation(block, mid)) {
                close_deal(r, mid, {"好,就取中间数。", "All right, halfway it is."});
                return {1, {"客户先提出折中,你再接受,双方各让一步。",
                            "The client proposed splitting the difference first; you agreed."}};
            }
            reply(r, {"折中之后还是超出我们的承受范围。", "Even halfway is more than we can accept."});
            return {};
        }

        case MoveKind::Nibble: {
            const bool granted = nibble_granted(s, r.persona.concession, m);
            s.nibbled = true;
            if (granted) {
                IssueValues terms = s.client_offer;
                for (const auto& [id, v] : m.values) terms[id] = v;
                close_deal(r, terms, {"好吧,这一点也依你。", "All right, we'll give you that too."});
                return {1, {"蚕食法:在成交时再争取一个小条件。",
                            "Nibbling: one small extra asked at the close."}};
            }
            reply(r, {"这个额外的要求我们不能答应。", "We can't agree to that extra."});
            return {};
        }

        case MoveKind::Offer: {
            const auto fresh = move_trainee_offer(r, m.values, false);
            reply(r, {});
            if (fresh.empty())
                return {1, {"报价没有让步,立场清楚。", "An offer that gives nothing away."}};
            return {};  // a concession by offer always breaks TradeDontGive
        }

        case MoveKind::Hold:
            reply(r, {});
            return {1, {"坚持立场,没有无谓的让步。", "You held your position and gave nothing away."}};

        case MoveKind::Trade: {
            const IssueValues counter =
                r.final_round ? s.client_offer : client_counter(s, r.persona.concession, r.round);
            if (!trade_acceptable(s, m, counter)) {
                reply(r, {"这个交换我们不能接受。", "That exchange doesn't work for us."});
                return {};
            }
            move_trainee_offer(r, m.values, true);
            for (const auto& [id, v] : m.in_return) {
                const NegotiationIssue& issue = *find_issue(block, id);
                const std::int64_t from = value_of(s.client_offer, id, issue.client_opening);
                s.history.push_back({r.round, false, id, from, v, true});
                s.client_offer[id] = v;
                s.trainee_offer[id] = v;
            }
            reply(r, {"可以,这个交换我们接受。", "Fine, we can make that exchange."});
            return {2, {"条件交换:用你的让步换回了客户的让步。",
                        "A trade: your concession bought one from the client."}};
        }

        case MoveKind::Prepare: break;  // handled by play_move
    }
    return {};
}

// ============================================================================
// 3. Evidence
// ============================================================================

void judge(MoveReport& report, const Clean& clean) {
    if (!report.breaches.empty()) {
        const int n = static_cast<int>(report.breaches.size());
        report.evidence.push_back({kNegotiation, n >= 2 ? -3 : -2});
        std::set<NegotiationRule> cited;
        for (const auto& b : report.breaches)
            if (cited.insert(b.rule).second)
                report.feedback = join(report.feedback, rule_principle(b.rule));
        return;
    }
    if (clean.evidence != 0) report.evidence.push_back({kNegotiation, clean.evidence});
    report.feedback = clean.feedback;
}

}  // namespace

MoveReport play_move(NegotiationState& s, const NegotiationMove& m, const Persona& persona) {
    MoveReport report;
    report.description = describe_move(*s.block, m);
    Clean clean;
    if (m.kind == MoveKind::Prepare) {
        s.prepared = true;
        s.concede_list = m.concede;
        s.hold_list = m.hold;
        report.breaches = check_preparation(*s.block, m.concede, m.hold);
        s.client_says = {"好,我们来谈谈具体条件。", "All right, let's talk terms."};
        clean = {2, {"两张表准备得当:该坚持的写进坚持表,可以让的写进退让表。",
                     "Both lists are sound: what must be held is on the hold list, what may be given on the concede list."}};
    } else {
        Round r{s, persona, report, ++s.round, s.client_patience <= 0};
        clean = play_round(r, m);
    }
    for (const auto& b : report.breaches) s.breaches.push_back(b);
    judge(report, clean);
    return report;
}

}  // namespace parley
