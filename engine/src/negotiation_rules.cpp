// The concession rules of seed 000 (双赢谈判) and the value of an outcome.
//
//   1. Catalogues        NegotiationRule and NegotiationOutcome ids and bilingual names
//   2. Rule checks       breaches of each rule, per move
//   3. Outcome values    bank_value, client_satisfaction, rule adherence, block values
//
// Rules decided here (README §3.5 / §5 leave them open):
//   - Concessions are counted per issue: an offer that gives way on two issues is two
//     concessions. A concession is a move of the trainee's standing offer towards the client;
//     accepting, splitting and nibbling close a deal and are judged by RespectWalkaway instead.
//   - Prepared: one breach per must_hold issue missing from the hold list and per
//     should_concede issue missing from the concede list.
//   - FewConcessions: one breach per trainee concession beyond max_concessions.
//   - Slowly: one breach per move that concedes in round 1 or in the round right after a
//     round in which the trainee conceded.
//   - Diminishing: one breach per issue whose concession is not smaller than the trainee's
//     previous concession on that issue.
//   - TradeDontGive and RespectHoldList: one breach per issue conceded by an offer (not a trade)
//     / per conceded issue on the trainee's own hold list (trades included).
//   - RespectWalkaway: one breach per issue of a deal beyond the bank's walk-away value.
//   - Rule adherence = 100 − 15 × (distinct rules broken in the block), at least 0: a rule
//     broken twice is one rule broken; each breach still costs the move its I evidence.
//   - Without a deal the block's bank value is 0, or 100 when no deal within the walk-away
//     existed (on some issue the client's reservation is worse for the bank than the walk-away),
//     because walking away was then the best result available. The client's satisfaction
//     without a deal is 0.
//   - A block's score = (bank value × part_bank_value + satisfaction × part_client_satisfaction
//     + adherence × part_rule_adherence) / 100, rounded half away from zero.
#include <algorithm>
#include <set>

#include "det_math.h"
#include "negotiation_runtime.h"

namespace parley {

// ============================================================================
// 1. Catalogues
// ============================================================================

template <>
const std::vector<CatalogueEntry<NegotiationRule>>& all() {
    static const std::vector<CatalogueEntry<NegotiationRule>> v{
        {NegotiationRule::Prepared, "prepared", {"准备两张表", "Prepare both lists"}},
        {NegotiationRule::FewConcessions, "few_concessions", {"让步的次数要少", "Concede rarely"}},
        {NegotiationRule::Slowly, "slowly", {"让步的速度要慢", "Concede slowly"}},
        {NegotiationRule::Diminishing, "diminishing", {"让步的幅度要越来越小", "Each concession smaller"}},
        {NegotiationRule::NeverSplitFirst, "never_split_first", {"绝对不主动要求分摊差异", "Never first to split the difference"}},
        {NegotiationRule::TradeDontGive, "trade_dont_give", {"学会条件交换", "Trade, never give"}},
        {NegotiationRule::RespectHoldList, "respect_hold_list", {"坚持表上的条件不让步", "Hold what is on the hold list"}},
        {NegotiationRule::RespectWalkaway, "respect_walkaway", {"不突破银行底线", "Never beyond the walk-away"}},
    };
    return v;
}

template <>
const std::vector<CatalogueEntry<NegotiationOutcome>>& all() {
    static const std::vector<CatalogueEntry<NegotiationOutcome>> v{
        {NegotiationOutcome::Deal, "deal", {"达成协议", "Deal"}},
        // Covers both ways the bank ends without a deal: walking away and running out of rounds.
        {NegotiationOutcome::NoDeal, "no_deal", {"未达成协议", "No deal"}},
        {NegotiationOutcome::ClientQuit, "client_quit", {"客户失去耐心离开", "Client lost patience"}},
    };
    return v;
}

const Text& rule_principle(NegotiationRule rule) {
    static const Text prepared{"谈判前准备两张表:退让表与坚持表,必须坚持的条件写进坚持表,可以让的写进退让表。",
                               "Prepare two lists before you negotiate: what you may concede and what you must hold."};
    static const Text few{"让步的次数要少:每一次让步都让客户期待下一次。",
                          "Concede rarely: every concession teaches the client to expect another."};
    static const Text slowly{"让步的速度要慢:一开始就让步或连续让步,会让客户觉得还有空间。",
                             "Concede slowly: giving way at once or round after round tells the client there is more room."};
    static const Text diminishing{"让步的幅度要越来越小,表明已接近底线。",
                                  "Make each concession smaller than the last, to show you are near your limit."};
    static const Text split{"绝对不主动要求分摊差异:让客户先提出折中。",
                            "Never be the first to propose splitting the difference: let the client offer it."};
    static const Text trade{"学会条件交换:每一次让步都要换回客户的让步。",
                            "Trade, never give: every concession should buy one from the client."};
    static const Text hold{"坚持表上的条件不能让步。", "Never concede what is on your own hold list."};
    static const Text walkaway{"不能突破银行的底线条件。", "Never agree beyond the bank's walk-away value."};
    switch (rule) {
        case NegotiationRule::Prepared: return prepared;
        case NegotiationRule::FewConcessions: return few;
        case NegotiationRule::Slowly: return slowly;
        case NegotiationRule::Diminishing: return diminishing;
        case NegotiationRule::NeverSplitFirst: return split;
        case NegotiationRule::TradeDontGive: return trade;
        case NegotiationRule::RespectHoldList: return hold;
        case NegotiationRule::RespectWalkaway: return walkaway;
    }
    return prepared;
}

// ============================================================================
// 2. Rule checks
// ============================================================================

namespace {

bool listed(const std::vector<std::string>& list, const std::string& id) {
    return std::find(list.begin(), list.end(), id) != list.end();
}

std::int64_t amount(const Concession& c) { return c.from > c.to ? c.from - c.to : c.to - c.from; }

}  // namespace

std::vector<RuleBreach> check_preparation(const Negotiation& block,
                                          const std::vector<std::string>& concede,
                                          const std::vector<std::string>& hold) {
    std::vector<RuleBreach> out;
    for (const auto& id : block.must_hold)
        if (!listed(hold, id)) out.push_back({NegotiationRule::Prepared, 0, id});
    for (const auto& id : block.should_concede)
        if (!listed(concede, id)) out.push_back({NegotiationRule::Prepared, 0, id});
    return out;
}

std::vector<RuleBreach> check_concessions(const NegotiationState& s,
                                          const std::vector<Concession>& fresh) {
    std::vector<RuleBreach> out;
    std::vector<Concession> mine;
    for (const auto& c : fresh)
        if (c.by_trainee) mine.push_back(c);
    if (mine.empty()) return out;
    const int round = mine.front().round;

    // 让步的次数要少
    int count = trainee_concession_count(s);
    for (const auto& c : mine)
        if (++count > s.block->max_concessions)
            out.push_back({NegotiationRule::FewConcessions, round, c.issue});

    // 速度要慢
    const bool conceded_last_round =
        std::any_of(s.history.begin(), s.history.end(),
                    [&](const Concession& h) { return h.by_trainee && h.round == round - 1; });
    if (round == 1 || conceded_last_round) out.push_back({NegotiationRule::Slowly, round, ""});

    // 幅度要越来越小
    for (const auto& c : mine) {
        const Concession* previous = nullptr;
        for (const auto& h : s.history)
            if (h.by_trainee && h.issue == c.issue) previous = &h;
        if (previous && amount(c) >= amount(*previous))
            out.push_back({NegotiationRule::Diminishing, round, c.issue});
    }

    // 学会条件交换
    for (const auto& c : mine)
        if (!c.traded) out.push_back({NegotiationRule::TradeDontGive, round, c.issue});

    // 坚持表
    for (const auto& c : mine)
        if (listed(s.hold_list, c.issue))
            out.push_back({NegotiationRule::RespectHoldList, round, c.issue});
    return out;
}

std::vector<RuleBreach> check_deal(const Negotiation& block, const IssueValues& agreed, int round) {
    std::vector<RuleBreach> out;
    for (const auto& issue : block.issues) {
        auto it = agreed.find(issue.id);
        if (it != agreed.end() && better_for_bank(issue, issue.bank_walkaway, it->second))
            out.push_back({NegotiationRule::RespectWalkaway, round, issue.id});
    }
    return out;
}

// ============================================================================
// 3. Outcome values
// ============================================================================

namespace {

// 100 × (v − zero) / (full − zero), clamped to `lowest`…100; when full == zero, all or nothing.
int scaled(std::int64_t v, std::int64_t zero, std::int64_t full, bool at_least_full, int lowest = 0) {
    if (full == zero) return at_least_full ? 100 : lowest;
    const std::int64_t x = round_div(static_cast<__int128>(v - zero) * 100, full - zero);
    return static_cast<int>(std::clamp<std::int64_t>(x, lowest, 100));
}

template <class W, class F>
int weighted(const Negotiation& block, const IssueValues& values, W weight_of, F score) {
    std::int64_t sum = 0, weights = 0;
    for (const auto& issue : block.issues) {
        const int w = std::max(1, weight_of(issue));
        weights += w;
        auto it = values.find(issue.id);
        if (it != values.end()) sum += static_cast<std::int64_t>(w) * score(issue, it->second);
    }
    return weights == 0 ? 0 : static_cast<int>(round_div(sum, weights));
}

}  // namespace

// An issue agreed past the walk-away counts below zero (down to −100: as far past it as the
// target is above it), so giving it away never pays for itself; the block's value is 0–100.
int bank_value(const Negotiation& block, const IssueValues& values) {
    const int v = weighted(
        block, values, [](const NegotiationIssue& i) { return i.weight; },
        [](const NegotiationIssue& i, std::int64_t v) {
            return scaled(v, i.bank_walkaway, i.bank_target, !better_for_bank(i, i.bank_target, v), -100);
        });
    return std::clamp(v, 0, 100);
}

int client_satisfaction(const Negotiation& block, const IssueValues& values) {
    return weighted(
        block, values, [](const NegotiationIssue& i) { return i.client_weight; },
        [](const NegotiationIssue& i, std::int64_t v) {
            return scaled(v, i.client_reservation, i.client_opening,
                          !better_for_bank(i, v, i.client_opening));
        });
}

int trainee_concession_count(const NegotiationState& s) {
    return static_cast<int>(std::count_if(s.history.begin(), s.history.end(),
                                          [](const Concession& c) { return c.by_trainee; }));
}

ConcessionMemory concession_memory(const NegotiationState& s) {
    ConcessionMemory m;
    for (const auto& c : s.history) {
        if (!c.by_trainee) continue;
        m.last[c.issue] = gap(c.from, c.to);
        m.conceded_now = m.conceded_now || c.round == s.round;
    }
    for (const auto& [issue, size] : m.last)
        if (const std::int64_t owed = reciprocity_owed(s, issue)) m.owed[issue] = owed;
    return m;
}

int rule_adherence(const NegotiationState& s) {
    std::set<NegotiationRule> broken;
    for (const auto& b : s.breaches) broken.insert(b.rule);
    return std::max(0, 100 - 15 * static_cast<int>(broken.size()));
}

int block_bank_value(const NegotiationState& s) {
    if (!s.block) return 0;
    if (s.outcome == NegotiationOutcome::Deal) return bank_value(*s.block, s.agreed);
    return no_deal_within_walkaway(*s.block) ? 100 : 0;
}

int block_client_satisfaction(const NegotiationState& s) {
    if (!s.block || s.outcome != NegotiationOutcome::Deal) return 0;
    return client_satisfaction(*s.block, s.agreed);
}

int block_score(const NegotiationState& s, const CompetencyModel& model) {
    const std::int64_t sum = std::int64_t{block_bank_value(s)} * model.part_bank_value +
                             std::int64_t{block_client_satisfaction(s)} * model.part_client_satisfaction +
                             std::int64_t{rule_adherence(s)} * model.part_rule_adherence;
    return static_cast<int>(round_div(sum, 100));
}

}  // namespace parley
