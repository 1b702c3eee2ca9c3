// The fixed vocabulary of the scenario format, with stable JSON ids and bilingual names.
//
// Each enum below has a catalogue: `id_of(value)` gives its JSON id, `parse<E>(id)` the value
// (or nothing), `name_of(value)` its bilingual name, and `all<E>()` every entry in order.
// The JSON Schema in scenarios/ lists the same ids; a test keeps the two in step.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "parley/text.h"

namespace parley {

enum class Difficulty { Easy, Normal, Hard };

// Client emotions (seed 000, body-language quiz).
enum class Emotion { Boredom, Nervousness, Anger, Defensiveness, Suspicion, Calm, Pleased };

// Kinds of beat (seed 000: 拜访 → 询问 → 说服 → 达成协议; complaint flow; seed 004).
enum class Stage { Opening, Probing, Presenting, Agreement, Objection, Closing, Complaint,
                   Negotiation, Ending };

// Technique tags: the kinds of move a persona's reaction modifiers are keyed on.
// The 13 closing styles are tags too; an option with a close carries its style's tag.
enum class Tag {
    Rapport, Agenda, OpenQuestion, ClosedQuestion, EmpathicListening, FactsData, Story,
    Benefit, Pushiness, Discount, Apology, Ownership, Thanks, FollowUp, Compliment,
    Summarize, Silence,
    CloseTrial, CloseAlternative, CloseDirect, CloseConsensus, CloseStepBack, CloseStepByStep,
    CloseProof, CloseGuided, ClosePraise, CloseBenefitSummary, CloseIncentive, CloseProvoke,
    CloseImmediate,
};

// Objection types.
enum class ObjectionType { Price, Need, Trust, Timing, Competitor, Stall };

// Objection-handling methods (seed 004 第38招, items 2–14; item 1 is the principles).
enum class ObjectionMethod {
    YesIf,              // 肯定否定法
    PositiveThinking,   // 积极思考法
    Questioning,        // 询问法
    Ignore,             // 忽视法
    ChangeTopic,        // 转移话题法
    Compensation,       // 补偿法
    TaiChi,             // 太极法
    StoryExample,       // 故事举例法
    Preempt,            // 先发制人法
    QuickCounter,       // 快速反问法
    AttentiveListening, // 认真倾听法
    ColdTreatment,      // 冷处理法
    DirectRebuttal,     // 直接反驳法
};

// Closing strategies (seed 004 第41招).
enum class CloseStrategy {
    Trial, Alternative, Direct, Consensus, StepBack, StepByStep, Proof, Guided, Praise,
    BenefitSummary, Incentive, Provoke, Immediate,
};

// Compliance red lines (seed 004 篇6).
enum class RedLine {
    GuaranteedReturn,      // 保证收益或赔偿损失的承诺
    SigningForClient,      // 代客户签字
    DiscretionaryTrading,  // 接受全权委托
    ProfitSharing,         // 与客户收益分成
    Misappropriation,      // 挪用客户资金
    ExtraFees,             // 收取合同以外的费用
    MisleadingComparison,  // 误导性比较
    HidingRisk,            // 隐瞒风险
    InducingTermination,   // 劝导客户终止有效合同
};

// How a meeting ended.
enum class OutcomeType { Deal, NextStep, NoDeal, ClientLeft, ComplaintResolved,
                         ComplaintEscalated };

// When to approach the client (seed 004 第21招).
enum class EntryMoment {
    RestructuringSystem, ManagementChange, ItUpgrade, NewProject, PersonnelChange,
    CompetitorConflict, Founding, Celebration, BadWeather, PersonalEvent, HardTimes,
    NewProduct,
};

// Negotiation moves (seed 000 双赢谈判).
enum class MoveKind { Prepare, Offer, Trade, Hold, Nibble, ProposeSplit, Accept, WalkAway };

template <class E>
struct CatalogueEntry {
    E value;
    std::string_view id;
    Text name;
};

template <class E>
const std::vector<CatalogueEntry<E>>& all();

template <class E>
std::optional<E> parse(std::string_view id) {
    for (const auto& e : all<E>())
        if (e.id == id) return e.value;
    return std::nullopt;
}

template <class E>
std::string_view id_of(E value) {
    for (const auto& e : all<E>())
        if (e.value == value) return e.id;
    return "?";
}

template <class E>
const Text& name_of(E value) {
    static const Text unknown{"?", "?"};
    for (const auto& e : all<E>())
        if (e.value == value) return e.name;
    return unknown;
}

// The tag a closing strategy implies.
Tag tag_of(CloseStrategy strategy);

}  // namespace parley
