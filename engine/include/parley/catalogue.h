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
    Demonstration,     // 演示、试用: tactile and auditory clients learn by doing and hearing
    WrittenProposal,   // 书面方案
    Credentials,       // 出示工作证
    ReferralAsk,       // 请客户推荐
    AdmitFault,        // 承认错误 — distinct from Apology ("在责任没搞清楚前,不轻易说这事我错了")
    // The listening levels of seed 000 (听而不闻 → 假装听 → 有选择地听 → 专注地听 →
    // 设身处地地听); the fifth is EmpathicListening.
    ListenIgnore, ListenPretend, ListenSelective, ListenAttentive,
    CloseTrial, CloseAlternative, CloseDirect, CloseConsensus, CloseStepBack, CloseStepByStep,
    CloseProof, CloseGuided, ClosePraise, CloseBenefitSummary, CloseIncentive, CloseProvoke,
    CloseImmediate,
};

// Objection types (Indifference 客户不关心 and Refusal 客户说"不" from seed 000's hard situations).
enum class ObjectionType { Price, Need, Trust, Timing, Competitor, Stall, Indifference, Refusal };

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
    MisleadingStatement,   // 虚假或误导性说明、承诺 (MC8C), false urgency included
    PrivateSettlement,     // 纠纷私下解决 (MC9C)
    UnequalTreatment,      // 差异化对待客户 (TF3)
    AcceptingGifts,        // 收受客户礼金、礼物或赠送的股票 (MC5A)
    UnauthorisedAdvice,    // 未经许可提供投资咨询、推荐具体投资 (MC1)
    UnofficialMaterials,   // 提供非本机构统一制作的材料 (MC6D)
};

// Positive obligations a scenario can require before an ending (seed 004 篇6); leaving one
// undone is a violation.
enum class Duty {
    Credentials,          // 出示工作证 (SC3)
    TruthfulDisclosure,   // 如实告知 (SC2)
    ClientInterestFirst,  // 利益冲突时客户优先 (SC4, SC10)
    BranchOpening,        // 引导客户到营业网点开户 (SC1A, TF5)
    ClientConsent,        // 征得同意、尊重意愿 (SC7C)
    RiskDisclosure,       // 充分提示风险 (MC8D, MC9D, TF7)
};

// The training documents content cites in `sources` ("004 第38招").
enum class SeedDocument { Seed000, Seed001, Seed002, Seed003, Seed004 };

// How a meeting ended.
// Retained, Referral and CrossSold are the 3R results of seed 001 (客户保留, 客户推荐, 关联销售).
enum class OutcomeType { Deal, NextStep, NoDeal, ClientLeft, ComplaintResolved,
                         ComplaintEscalated, Retained, Referral, CrossSold };

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
