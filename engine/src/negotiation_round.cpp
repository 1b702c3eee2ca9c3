// One round of a negotiation: the trainee's move, the rules it is judged by, the client's reply.
//
//   1. The client's reply    accept the standing offer, squeeze, counter, or end the block
//   2. Closing a deal        the client's own nibble at the close (蚕食法), then the deal
//   3. Moves                 prep, offer, trade, hold, nibble, split, accept, walk
//   4. Answering a tactic    the moves that answer the client's nibble
//   5. Evidence              what each move shows about competency I (商务谈判技巧)
//
// Rules decided here (README §3.5 / §7 leave them open):
//   - prep is not a round. Every later move is: round += 1, then the client replies.
//   - The client counters while it has counter-offers left (counters_left). After its last
//     ("final offer") the next move must close (accept, a standing offer it accepts, an accepted
//     split or nibble) or the client quits (ClientQuit).
//   - 挤压法: in its first `squeeze` replies (persona), instead of a counter-offer the client says
//     "you'll have to do better than that" and stands on its offer; its curve does not advance.
//   - The block ends with no deal (NoDeal → on_no_deal) when round max_rounds ends without a
//     deal, or when the trainee walks away.
//   - A refused split, nibble or trade still uses the round; nothing is conceded.
//   - A nibble asks for one small extra on the client's standing offer; when granted the deal
//     is closed on those terms (蚕食: the small extra comes at the close). One nibble per block.
//   - A split is accepted when the midpoint is within the client's reservation on every issue;
//     the deal is then closed at the midpoint.
//   - 蚕食 by the client: when a deal is first reached and the persona nibbles at the close, the
//     client asks for one more small thing before it signs. The next move answers it: `hold`
//     keeps the agreed terms, `trade` gives the extra only for something in return (refused,
//     the client signs the agreed terms), `accept` gives it for nothing (a concession by the
//     trainee, judged by the rules), `walk` throws the deal away.
//   - Evidence on I per move: −2 with one breach, −3 with more. Otherwise: prep +2, accepted
//     trade +2, the block's first hold +1 and later ones 0 (waiting out the client's curve is
//     not the skill; +2 when a hold answers a squeeze or the client's nibble), an offer that
//     gives nothing away +1, a deal closed by accept / split / nibble +1, walking away +1 when
//     no deal within the walk-away existed and −1 otherwise (−2 from an agreed deal); a refused
//     nibble or split −1 (asking again for what the terms do not allow is not 蚕食), a refused
//     trade 0 (an honest exchange offered: the answer tells the trainee the client's limits).
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
    MoveReport& report;
    int round = 0;
    bool final_round = false;  // the client made its last counter-offer already
    bool narrate = true;       // write the texts (the analysis plays without them)
};

const Text kSqueezeLesson{
    "挤压法:客户说\"还得再好一些\"时,不要自己跟自己竞价——坚持你的条件,或者用条件交换问清楚对方能给什么。",
    "The squeeze: when the client says \"you'll have to do better\", don't bid against yourself — hold "
    "your terms, or trade to find out what they will give."};

const Text kClientNibbleLesson{
    "对方在成交时蚕食:谈定的条件不再无偿追加——坚持,或者让对方用别的条件来换。",
    "The client nibbled at the close: don't add to agreed terms for nothing — hold, or make them pay "
    "for it with something else."};

// ============================================================================
// 2. Closing a deal
// ============================================================================

// The messages of the rounds (wording only; built once).
const Text kSaysOutOfTime{"时间差不多了,条件还谈不拢,我们改天再说吧。",
    "We're out of time and still apart; let's leave it for another day."};
const Text kSaysQuits{"看来我们谈不拢,我还是找别家吧。",
    "We're not getting anywhere. I'll look elsewhere."};
const Text kSaysSqueeze{"就这个条件?你们得拿出更好的方案来才行。",
    "Is that it? You'll have to do better than that."};
const Text kSaysFinalOffer{"这是我们的最终报价。",
    "This is our final offer."};
const Text kSaysProposeSplit{"差距不大了,不如我们各让一步,取个中间数?",
    "We're close — shall we split the difference?"};
const Text kFeedbackAccepted{"接受客户的报价,达成协议。",
    "You accepted the client's offer and closed the deal."};
const Text kSaysPity{"那很遗憾,今天就先谈到这里。",
    "That's a pity. Let's leave it there for today."};
const Text kFeedbackWalkRight{"客户的底线超出了银行的底线,没有可接受的协议,离开谈判是对的。",
    "No deal within the bank's walk-away existed: walking away was right."};
const Text kFeedbackWalkWrong{"在银行底线之内本可以达成协议,离开谈判放弃了一笔可以接受的交易。",
    "A deal within the bank's walk-away was still possible: walking away lost it."};
const Text kSaysHalfway{"好,就取中间数。",
    "All right, halfway it is."};
const Text kFeedbackSplitAfterClient{"客户先提出折中,你再接受,双方各让一步。",
    "The client proposed splitting the difference first; you agreed."};
const Text kSaysHalfwayTooMuch{"折中之后还是超出我们的承受范围。",
    "Even halfway is more than we can accept."};
const Text kFeedbackSplitRefused{"折中被拒:中间数仍超出客户的底线,这一轮白白用掉了。",
    "The split was refused: halfway is still past the client's limit, and the round is gone."};
const Text kSaysNibbleGranted{"好吧,这一点也依你。",
    "All right, we'll give you that too."};
const Text kFeedbackNibble{"蚕食法:在成交时再争取一个小条件。",
    "Nibbling: one small extra asked at the close."};
const Text kSaysNibbleRefused{"这个额外的要求我们不能答应。",
    "We can't agree to that extra."};
const Text kFeedbackNibbleAgain{"蚕食被拒后又提同样的要求:一再索要对方已拒绝的东西不是蚕食,只会显得没有底气。",
    "Asking again for what was refused is not nibbling: it only shows you have nothing else."};
const Text kFeedbackNibbleEarly{"蚕食被拒:蚕食是在条件已经接近时、成交前的一个小要求;差距还大时提出,只会让对方更强硬。",
    "The nibble was refused: a nibble is one small ask when terms are already close, at the "
                         "close; asked while you are far apart it only hardens the client."};
const Text kFeedbackOfferHolds{"报价没有让步,立场清楚。",
    "An offer that gives nothing away."};
const Text kFeedbackHeldAgain{"再次坚持:立场清楚,但一味等待对方让步,不如用条件交换推动谈判。",
    "You held again: clear, but waiting for the client to move is no substitute for "
                            "a trade that moves the talks."};
const Text kFeedbackHeld{"坚持立场,没有无谓的让步。",
    "You held your position and gave nothing away."};
const Text kSaysTradeRefused{"这个交换我们不能接受。",
    "That exchange doesn't work for us."};
const Text kFeedbackTradeRefused{"条件交换被拒:对方认为换回的不够,从回应里可以看出它更看重哪一项。",
    "The trade was refused: the client wants more for it — its answer shows which issue it values."};
const Text kSaysTradeTaken{"可以,这个交换我们接受。",
    "Fine, we can make that exchange."};
const Text kFeedbackTrade{"条件交换:用你的让步换回了客户的让步。",
    "A trade: your concession bought one from the client."};
const Text kSaysAsAgreed{"好吧,那就按谈好的办。",
    "All right, as agreed then."};
const Text kSaysGoodOfYou{"爽快!",
    "Good of you!"};
const Text kSaysSignAgreed{"那就算了,按原来谈好的签吧。",
    "Never mind, let's sign what we agreed."};
const Text kFeedbackNibbleTradeFailed{"交换没谈成,对方放弃了追加的要求,按原条件成交。",
    "The exchange didn't work; the client dropped its extra and signed the agreed terms."};
const Text kSaysFairExchange{"行,这样交换也公平。",
    "Fine, that's a fair exchange."};
const Text kFeedbackNibblePaid{"条件交换:对方要追加,就让它用别的条件来换。",
    "A trade: the client's extra was paid for with something else."};
const Text kSaysWalkOverNibble{"为这点小事就不谈了?那算了。",
    "Walking away over that? Forget it, then."};
const Text kFeedbackWalkPastWalkaway{"谈定的条件突破了银行底线,放弃这笔交易是对的。",
    "The agreed terms were past the bank's walk-away: letting the deal go was right."};
const Text kFeedbackWalkOverNibble{"对方只是在成交前蚕食一下,为此放弃已经谈成的交易,得不偿失;坚持原条件即可。",
    "The client was only nibbling before signing: throwing the agreed deal away over it loses "
                         "everything; holding the agreed terms was enough."};

const Text kSaysLetsTalk{"好,我们来谈谈具体条件。", "All right, let's talk terms."};
const Text kFeedbackPrepared{
    "两张表准备得当:该坚持的写进坚持表,可以让的写进退让表。",
    "Both lists are sound: what must be held is on the hold list, what may be given on the concede list."};
const Text kFeedbackTradeAfterSqueeze = join(kSqueezeLesson, kFeedbackTrade);
const Text kFeedbackNibblePaidFully = join(kClientNibbleLesson, kFeedbackNibblePaid);

void finish_deal(Round& r, const IssueValues& values, const Text& prefix) {
    r.s.outcome = NegotiationOutcome::Deal;
    r.s.agreed = values;
    r.s.pending_deal.reset();
    for (auto& b : check_deal(*r.s.block, values, r.round)) r.report.breaches.push_back(b);
    if (!r.narrate) return;
    const Text v = describe_values(*r.s.block, values);
    r.s.client_says = join(prefix, {"成交:" + v.zh + "。", "Agreed: " + v.en + "."});
}

// A deal is reached on `values`: the client signs, or first asks for one more small thing.
void close_deal(Round& r, const IssueValues& agreed, const Text& prefix) {
    NegotiationState& s = r.s;
    const IssueValues values = agreed;   // a copy: `agreed` may be s.client_offer, rewritten below
    if (auto asked = client_nibble(s, values)) {
        s.client_nibbled = true;
        s.pending_deal = values;
        s.trainee_offer = values;
        s.client_offer = *asked;
        if (!r.narrate) return;
        Text extra;
        for (const auto& [id, v] : *asked)
            if (v != value_of(values, id, v)) extra = describe_values(*s.block, {{id, v}});
        s.client_says = join(prefix, {"好,基本就这么定了。不过还有一件小事:" + extra.zh + ",这个你们再让一让,我今天就签。",
                                      "Fine, that's about it. Just one small thing: " + extra.en +
                                          " — give us that and I'll sign today."});
        return;
    }
    finish_deal(r, values, prefix);
}

// ============================================================================
// 1. The client's reply
// ============================================================================

void reply(Round& r, const Text& prefix) {
    NegotiationState& s = r.s;
    const Negotiation& block = *s.block;
    const bool squeezing = !r.final_round && s.squeezes < s.policy.squeeze_rounds;
    const IssueValues next = r.final_round || squeezing ? s.client_offer : client_counter(s);
    s.squeezed = false;
    if (client_accepts(block, s.trainee_offer, next)) {
        close_deal(r, s.trainee_offer, prefix);
        return;
    }
    if (r.round >= block.max_rounds) {
        s.outcome = NegotiationOutcome::NoDeal;
        if (r.narrate) s.client_says = join(prefix, kSaysOutOfTime);
        return;
    }
    if (r.final_round) {
        s.outcome = NegotiationOutcome::ClientQuit;
        if (r.narrate) s.client_says = join(prefix, kSaysQuits);
        return;
    }
    if (squeezing) {
        s.squeezes += 1;
        s.squeezed = true;
        if (r.narrate) s.client_says = join(prefix, kSaysSqueeze);
        return;
    }
    for (const auto& issue : block.issues) {
        const std::int64_t from = value_of(s.client_offer, issue.id, issue.client_opening);
        const std::int64_t to = value_of(next, issue.id, from);
        if (to != from) s.history.push_back({r.round, false, issue.id, from, to, false});
    }
    s.client_offer = next;
    s.counters_left -= 1;
    const bool proposes_split = !s.client_proposed_split && client_wants_split(s, next);
    if (proposes_split) s.client_proposed_split = true;
    if (!r.narrate) return;
    const Text terms = describe_values(block, next);
    Text says = join(prefix, {"我们的条件是:" + terms.zh + "。", "Our terms: " + terms.en + "."});
    if (s.counters_left <= 0) says = join(says, kSaysFinalOffer);
    if (proposes_split) says = join(says, kSaysProposeSplit);
    s.client_says = says;
}

// ============================================================================
// 3. Moves
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

struct Clean {
    int evidence = 0;
    const Text* feedback = nullptr;   // one of the messages above
};

// The client takes the trade: both sides move, recorded as traded.
void exchange(Round& r, const NegotiationMove& m) {
    NegotiationState& s = r.s;
    move_trainee_offer(r, m.values, true);
    for (const auto& [id, v] : m.in_return) {
        const NegotiationIssue& issue = *find_issue(*s.block, id);
        const std::int64_t from = value_of(s.client_offer, id, issue.client_opening);
        s.history.push_back({r.round, false, id, from, v, true});
        s.client_offer[id] = v;
        s.trainee_offer[id] = v;
    }
}

Clean play_round(Round& r, const NegotiationMove& m) {
    NegotiationState& s = r.s;
    const Negotiation& block = *s.block;
    const bool after_squeeze = s.squeezed;
    switch (m.kind) {
        case MoveKind::Accept:
            close_deal(r, s.client_offer, {});
            return {1, &kFeedbackAccepted};

        case MoveKind::WalkAway: {
            s.outcome = NegotiationOutcome::NoDeal;
            if (r.narrate) s.client_says = kSaysPity;
            if (no_deal_within_walkaway(block))
                return {1, &kFeedbackWalkRight};
            return {-1, &kFeedbackWalkWrong};
        }

        case MoveKind::ProposeSplit: {
            if (!s.client_proposed_split) {
                s.trainee_proposed_split = true;
                r.report.breaches.push_back({NegotiationRule::NeverSplitFirst, r.round, ""});
            }
            const IssueValues mid = split_values(block, s.trainee_offer, s.client_offer);
            if (within_reservation(block, mid)) {
                close_deal(r, mid, kSaysHalfway);
                return {1, &kFeedbackSplitAfterClient};
            }
            reply(r, kSaysHalfwayTooMuch);
            return {-1, &kFeedbackSplitRefused};
        }

        case MoveKind::Nibble: {
            const bool granted = nibble_granted(s, m);
            const bool again = s.nibbled;
            s.nibbled = true;
            if (granted) {
                IssueValues terms = s.client_offer;
                for (const auto& [id, v] : m.values) terms[id] = v;
                close_deal(r, terms, kSaysNibbleGranted);
                return {1, &kFeedbackNibble};
            }
            reply(r, kSaysNibbleRefused);
            if (again)
                return {-1, &kFeedbackNibbleAgain};
            return {-1, &kFeedbackNibbleEarly};
        }

        case MoveKind::Offer: {
            const auto fresh = move_trainee_offer(r, m.values, false);
            reply(r, {});
            if (fresh.empty())
                return {1, &kFeedbackOfferHolds};
            if (after_squeeze) return {0, &kSqueezeLesson};  // the breaches speak; this names the tactic
            return {};  // a concession by offer always breaks TradeDontGive
        }

        case MoveKind::Hold: {
            const bool held_before = s.held;
            s.held = true;
            reply(r, {});
            if (after_squeeze) return {2, &kSqueezeLesson};
            if (held_before)   // waiting out the client's curve is not a skill the seed teaches
                return {0, &kFeedbackHeldAgain};
            return {1, &kFeedbackHeld};
        }

        case MoveKind::Trade: {
            const IssueValues counter = r.final_round ? s.client_offer : client_counter(s);
            if (!trade_acceptable(s, m, counter)) {
                reply(r, kSaysTradeRefused);
                return {0, &kFeedbackTradeRefused};
            }
            exchange(r, m);
            reply(r, kSaysTradeTaken);
            return {2, after_squeeze ? &kFeedbackTradeAfterSqueeze : &kFeedbackTrade};
        }

        case MoveKind::Prepare: break;  // handled by play_move
    }
    return {};
}

// ============================================================================
// 4. Answering a tactic: the client's nibble at the close
// ============================================================================

Clean answer_client_nibble(Round& r, const NegotiationMove& m) {
    NegotiationState& s = r.s;
    const IssueValues agreed = *s.pending_deal;
    switch (m.kind) {
        case MoveKind::Hold:
            finish_deal(r, agreed, kSaysAsAgreed);
            return {2, &kClientNibbleLesson};
        case MoveKind::Accept: {
            const IssueValues asked = s.client_offer;
            move_trainee_offer(r, asked, false);   // a concession for nothing: the rules judge it
            finish_deal(r, asked, kSaysGoodOfYou);
            return {0, &kClientNibbleLesson};
        }
        case MoveKind::Trade: {
            if (!trade_acceptable(s, m, s.client_offer)) {
                finish_deal(r, agreed, kSaysSignAgreed);
                return {0, &kFeedbackNibbleTradeFailed};
            }
            exchange(r, m);
            finish_deal(r, s.trainee_offer, kSaysFairExchange);
            return {2, &kFeedbackNibblePaidFully};
        }
        case MoveKind::WalkAway:
            s.pending_deal.reset();
            s.outcome = NegotiationOutcome::NoDeal;
            if (r.narrate) s.client_says = kSaysWalkOverNibble;
            if (!check_deal(*s.block, agreed, r.round).empty())
                return {1, &kFeedbackWalkPastWalkaway};
            return {-2, &kFeedbackWalkOverNibble};
        default: break;   // move_problem refuses every other move here
    }
    return {};
}

// ============================================================================
// 5. Evidence
// ============================================================================

void judge(MoveReport& report, const Clean& clean, bool narrate) {
    if (!report.breaches.empty()) {
        const int n = static_cast<int>(report.breaches.size());
        report.evidence.push_back({kNegotiation, n >= 2 ? -3 : -2});
        if (!narrate) return;
        std::set<NegotiationRule> cited;
        for (const auto& b : report.breaches)
            if (cited.insert(b.rule).second)
                report.feedback = join(report.feedback, rule_principle(b.rule));
        // A lesson on the client's tactic is said even when rules were broken.
        if (clean.evidence == 0 && clean.feedback) report.feedback = join(report.feedback, *clean.feedback);
        return;
    }
    if (clean.evidence != 0) report.evidence.push_back({kNegotiation, clean.evidence});
    if (narrate && clean.feedback) report.feedback = *clean.feedback;
}

}  // namespace

MoveReport play_move(NegotiationState& s, const NegotiationMove& m, bool narrate) {
    MoveReport report;
    if (narrate) report.description = describe_move(*s.block, m);
    Clean clean;
    if (m.kind == MoveKind::Prepare) {
        s.prepared = true;
        s.concede_list = m.concede;
        s.hold_list = m.hold;
        report.breaches = check_preparation(*s.block, m.concede, m.hold);
        if (narrate) s.client_says = kSaysLetsTalk;
        clean = {2, &kFeedbackPrepared};
    } else {
        Round r{s, report, ++s.round, s.counters_left <= 0, narrate};
        clean = s.pending_deal ? answer_client_nibble(r, m) : play_round(r, m);
    }
    for (const auto& b : report.breaches) s.breaches.push_back(b);
    judge(report, clean, narrate);
    return report;
}

}  // namespace parley
