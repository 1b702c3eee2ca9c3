// Catalogue data: JSON ids and bilingual names of the format's fixed vocabulary.
#include "parley/catalogue.h"

namespace parley {

template <>
const std::vector<CatalogueEntry<Difficulty>>& all() {
    static const std::vector<CatalogueEntry<Difficulty>> v{
        {Difficulty::Easy, "easy", {"入门", "Easy"}},
        {Difficulty::Normal, "normal", {"标准", "Normal"}},
        {Difficulty::Hard, "hard", {"挑战", "Hard"}},
    };
    return v;
}

template <>
const std::vector<CatalogueEntry<Emotion>>& all() {
    static const std::vector<CatalogueEntry<Emotion>> v{
        {Emotion::Boredom, "boredom", {"无聊", "Bored"}},
        {Emotion::Nervousness, "nervousness", {"紧张", "Nervous"}},
        {Emotion::Anger, "anger", {"生气", "Angry"}},
        {Emotion::Defensiveness, "defensiveness", {"敌意(防御)", "Defensive"}},
        {Emotion::Suspicion, "suspicion", {"怀疑", "Suspicious"}},
        {Emotion::Calm, "calm", {"平静", "Calm"}},
        {Emotion::Pleased, "pleased", {"愉快", "Pleased"}},
    };
    return v;
}

template <>
const std::vector<CatalogueEntry<Stage>>& all() {
    static const std::vector<CatalogueEntry<Stage>> v{
        {Stage::Opening, "opening", {"拜访", "Opening"}},
        {Stage::Probing, "probing", {"询问", "Probing"}},
        {Stage::Presenting, "presenting", {"说服", "Presenting"}},
        {Stage::Agreement, "agreement", {"达成协议", "Agreement"}},
        {Stage::Objection, "objection", {"异议处理", "Objection"}},
        {Stage::Closing, "closing", {"促成交易", "Closing"}},
        {Stage::Complaint, "complaint", {"投诉处理", "Complaint"}},
        {Stage::Negotiation, "negotiation", {"谈判", "Negotiation"}},
        {Stage::Ending, "ending", {"结束", "Ending"}},
    };
    return v;
}

template <>
const std::vector<CatalogueEntry<Tag>>& all() {
    static const std::vector<CatalogueEntry<Tag>> v{
        {Tag::Rapport, "rapport", {"建立融洽", "Rapport"}},
        {Tag::Agenda, "agenda", {"说明议程", "Agenda"}},
        {Tag::OpenQuestion, "open_question", {"开放式提问", "Open question"}},
        {Tag::ClosedQuestion, "closed_question", {"封闭式提问", "Closed question"}},
        {Tag::EmpathicListening, "empathic_listening", {"设身处地地倾听", "Empathic listening"}},
        {Tag::FactsData, "facts_data", {"事实与数据", "Facts and data"}},
        {Tag::Story, "story", {"故事举例", "Story"}},
        {Tag::Benefit, "benefit", {"利益介绍", "Benefit"}},
        {Tag::Pushiness, "pushiness", {"强势推销", "Pushiness"}},
        {Tag::Discount, "discount", {"让利", "Discount"}},
        {Tag::Apology, "apology", {"致歉", "Apology"}},
        {Tag::Ownership, "ownership", {"首问负责", "Ownership"}},
        {Tag::Thanks, "thanks", {"致谢", "Thanks"}},
        {Tag::FollowUp, "follow_up", {"跟进", "Follow-up"}},
        {Tag::Compliment, "compliment", {"赞赏", "Compliment"}},
        {Tag::Summarize, "summarize", {"总结确认", "Summarize"}},
        {Tag::Silence, "silence", {"沉默等待", "Silence"}},
        {Tag::Demonstration, "demonstration", {"演示与试用", "Demonstration"}},
        {Tag::WrittenProposal, "written_proposal", {"书面方案", "Written proposal"}},
        {Tag::Credentials, "credentials", {"出示工作证", "Showing credentials"}},
        {Tag::ReferralAsk, "referral_ask", {"请求推荐", "Asking for a referral"}},
        {Tag::AdmitFault, "admit_fault", {"承认过错", "Admitting fault"}},
        {Tag::ListenIgnore, "listen_ignore", {"听而不闻", "Hearing without listening"}},
        {Tag::ListenPretend, "listen_pretend", {"假装听", "Pretending to listen"}},
        {Tag::ListenSelective, "listen_selective", {"有选择地听", "Selective listening"}},
        {Tag::ListenAttentive, "listen_attentive", {"专注地听", "Attentive listening"}},
        {Tag::CloseTrial, "close_trial", {"投石问路促成", "Trial close"}},
        {Tag::CloseAlternative, "close_alternative", {"二择一促成", "Alternative-choice close"}},
        {Tag::CloseDirect, "close_direct", {"直接请求促成", "Direct-request close"}},
        {Tag::CloseConsensus, "close_consensus", {"提炼共识促成", "Consensus close"}},
        {Tag::CloseStepBack, "close_step_back", {"以退为进促成", "Step-back close"}},
        {Tag::CloseStepByStep, "close_step_by_step", {"循序渐进促成", "Step-by-step close"}},
        {Tag::CloseProof, "close_proof", {"实证借鉴促成", "Proof close"}},
        {Tag::CloseGuided, "close_guided", {"循循善诱促成", "Guided close"}},
        {Tag::ClosePraise, "close_praise", {"衷心赞赏促成", "Praise close"}},
        {Tag::CloseBenefitSummary, "close_benefit_summary", {"总结利益促成", "Benefit-summary close"}},
        {Tag::CloseIncentive, "close_incentive", {"优惠诱导促成", "Incentive close"}},
        {Tag::CloseProvoke, "close_provoke", {"激将法促成", "Provocation close"}},
        {Tag::CloseImmediate, "close_immediate", {"立即行动促成", "Act-now close"}},
    };
    return v;
}

template <>
const std::vector<CatalogueEntry<ObjectionType>>& all() {
    static const std::vector<CatalogueEntry<ObjectionType>> v{
        {ObjectionType::Price, "price", {"价格异议", "Price"}},
        {ObjectionType::Need, "need", {"需求异议", "Need"}},
        {ObjectionType::Trust, "trust", {"信任异议", "Trust"}},
        {ObjectionType::Timing, "timing", {"时机异议", "Timing"}},
        {ObjectionType::Competitor, "competitor", {"竞争对手异议", "Competitor"}},
        {ObjectionType::Stall, "stall", {"拖延", "Stall"}},
        {ObjectionType::Indifference, "indifference", {"不关心", "Indifference"}},
        {ObjectionType::Refusal, "refusal", {"拒绝", "Refusal"}},
    };
    return v;
}

template <>
const std::vector<CatalogueEntry<ObjectionMethod>>& all() {
    static const std::vector<CatalogueEntry<ObjectionMethod>> v{
        {ObjectionMethod::YesIf, "yes_if", {"肯定否定法", "Yes… if"}},
        {ObjectionMethod::PositiveThinking, "positive_thinking", {"积极思考法", "Positive thinking"}},
        {ObjectionMethod::Questioning, "questioning", {"询问法", "Questioning"}},
        {ObjectionMethod::Ignore, "ignore", {"忽视法", "Ignore"}},
        {ObjectionMethod::ChangeTopic, "change_topic", {"转移话题法", "Change the topic"}},
        {ObjectionMethod::Compensation, "compensation", {"补偿法", "Compensation"}},
        {ObjectionMethod::TaiChi, "tai_chi", {"太极法", "Tai chi (turn it around)"}},
        {ObjectionMethod::StoryExample, "story_example", {"故事举例法", "Story and example"}},
        {ObjectionMethod::Preempt, "preempt", {"先发制人法", "Pre-empt"}},
        {ObjectionMethod::QuickCounter, "quick_counter", {"快速反问法", "Quick counter-question"}},
        {ObjectionMethod::AttentiveListening, "attentive_listening", {"认真倾听法", "Attentive listening"}},
        {ObjectionMethod::ColdTreatment, "cold_treatment", {"冷处理法", "Cool-down"}},
        {ObjectionMethod::DirectRebuttal, "direct_rebuttal", {"直接反驳法", "Direct rebuttal"}},
    };
    return v;
}

template <>
const std::vector<CatalogueEntry<CloseStrategy>>& all() {
    static const std::vector<CatalogueEntry<CloseStrategy>> v{
        {CloseStrategy::Trial, "trial", {"投石问路(征询)促成", "Trial close"}},
        {CloseStrategy::Alternative, "alternative", {"“二择一”法促成", "Alternative choice"}},
        {CloseStrategy::Direct, "direct", {"直接请求促成", "Direct request"}},
        {CloseStrategy::Consensus, "consensus", {"提炼共识促成", "Summarise consensus"}},
        {CloseStrategy::StepBack, "step_back", {"以退为进促成", "Step back to advance"}},
        {CloseStrategy::StepByStep, "step_by_step", {"循序渐进促成", "Step by step"}},
        {CloseStrategy::Proof, "proof", {"实证借鉴促成", "Proof and reference"}},
        {CloseStrategy::Guided, "guided", {"循循善诱促成", "Guided questions"}},
        {CloseStrategy::Praise, "praise", {"衷心赞赏促成", "Sincere praise"}},
        {CloseStrategy::BenefitSummary, "benefit_summary", {"总结利益促成", "Benefit summary"}},
        {CloseStrategy::Incentive, "incentive", {"优惠诱导促成", "Incentive"}},
        {CloseStrategy::Provoke, "provoke", {"激将法促成", "Provocation"}},
        {CloseStrategy::Immediate, "immediate", {"立即行动促成", "Act now"}},
    };
    return v;
}

Tag tag_of(CloseStrategy strategy) {
    switch (strategy) {
        case CloseStrategy::Trial: return Tag::CloseTrial;
        case CloseStrategy::Alternative: return Tag::CloseAlternative;
        case CloseStrategy::Direct: return Tag::CloseDirect;
        case CloseStrategy::Consensus: return Tag::CloseConsensus;
        case CloseStrategy::StepBack: return Tag::CloseStepBack;
        case CloseStrategy::StepByStep: return Tag::CloseStepByStep;
        case CloseStrategy::Proof: return Tag::CloseProof;
        case CloseStrategy::Guided: return Tag::CloseGuided;
        case CloseStrategy::Praise: return Tag::ClosePraise;
        case CloseStrategy::BenefitSummary: return Tag::CloseBenefitSummary;
        case CloseStrategy::Incentive: return Tag::CloseIncentive;
        case CloseStrategy::Provoke: return Tag::CloseProvoke;
        case CloseStrategy::Immediate: return Tag::CloseImmediate;
    }
    return Tag::CloseDirect;
}

template <>
const std::vector<CatalogueEntry<RedLine>>& all() {
    static const std::vector<CatalogueEntry<RedLine>> v{
        {RedLine::GuaranteedReturn, "guaranteed_return", {"承诺保证收益或赔偿损失", "Promising guaranteed returns or to cover losses"}},
        {RedLine::SigningForClient, "signing_for_client", {"代客户签字", "Signing documents for the client"}},
        {RedLine::DiscretionaryTrading, "discretionary_trading", {"接受客户全权委托操作", "Accepting discretionary control of the client's account"}},
        {RedLine::ProfitSharing, "profit_sharing", {"与客户约定收益分成", "Sharing the client's profits"}},
        {RedLine::Misappropriation, "misappropriation", {"挪用客户资金或证券", "Misusing the client's funds or securities"}},
        {RedLine::ExtraFees, "extra_fees", {"收取合同规定以外的费用", "Charging fees outside the contract"}},
        {RedLine::MisleadingComparison, "misleading_comparison", {"不公平或不完全的比较", "Unfair or incomplete comparison"}},
        {RedLine::HidingRisk, "hiding_risk", {"隐瞒风险", "Hiding the risks"}},
        {RedLine::InducingTermination, "inducing_termination", {"劝导客户终止有效合同", "Pressing the client to cancel a valid contract"}},
        {RedLine::MisleadingStatement, "misleading_statement", {"虚假或误导性的说明与承诺", "A false or misleading statement or promise"}},
        {RedLine::PrivateSettlement, "private_settlement", {"私下解决纠纷", "Settling a dispute privately"}},
        {RedLine::UnequalTreatment, "unequal_treatment", {"差异化对待客户", "Treating clients unequally"}},
        {RedLine::AcceptingGifts, "accepting_gifts", {"收受客户礼金、礼物或股份", "Accepting gifts, money or shares from a client"}},
        {RedLine::UnauthorisedAdvice, "unauthorised_advice", {"未经许可提供投资建议", "Unauthorised investment advice"}},
        {RedLine::UnofficialMaterials, "unofficial_materials", {"使用非本行统一发布的材料", "Materials not issued by the bank"}},
    };
    return v;
}

template <>
const std::vector<CatalogueEntry<Duty>>& all() {
    static const std::vector<CatalogueEntry<Duty>> v{
        {Duty::Credentials, "credentials", {"出示工作证", "Show your staff ID"}},
        {Duty::TruthfulDisclosure, "truthful_disclosure", {"如实告知", "Tell the client the facts truthfully"}},
        {Duty::ClientInterestFirst, "client_interest_first", {"利益冲突时客户利益优先", "Put the client's interest first in a conflict"}},
        {Duty::BranchOpening, "branch_opening", {"引导客户到营业网点办理开户", "Open accounts at the branch, with the client present"}},
        {Duty::ClientConsent, "client_consent", {"征得客户同意、尊重客户意愿", "Obtain the client's consent and respect their wishes"}},
        {Duty::RiskDisclosure, "risk_disclosure", {"充分提示风险", "Disclose the risks fully"}},
    };
    return v;
}

template <>
const std::vector<CatalogueEntry<SeedDocument>>& all() {
    static const std::vector<CatalogueEntry<SeedDocument>> v{
        {SeedDocument::Seed000, "000", {"银行员工自我管理", "Bank staff self-management"}},
        {SeedDocument::Seed001, "001", {"银行客户关系管理实务", "Bank CRM practice"}},
        {SeedDocument::Seed002, "002", {"客户经理的管理", "Managing customer managers"}},
        {SeedDocument::Seed003, "003", {"客户经理胜任素质模型与分层培训", "Competency model and tiered training"}},
        {SeedDocument::Seed004, "004", {"营销经验、六十招与合规考试", "Sales experience, the 60 moves and the compliance exam"}},
    };
    return v;
}

template <>
const std::vector<CatalogueEntry<OutcomeType>>& all() {
    static const std::vector<CatalogueEntry<OutcomeType>> v{
        {OutcomeType::Deal, "deal", {"达成合作", "Deal agreed"}},
        {OutcomeType::NextStep, "next_step", {"约定下一步", "Next step agreed"}},
        {OutcomeType::NoDeal, "no_deal", {"未达成合作", "No deal"}},
        {OutcomeType::ClientLeft, "client_left", {"客户中止会谈", "Client ended the meeting"}},
        {OutcomeType::ComplaintResolved, "complaint_resolved", {"投诉已化解", "Complaint resolved"}},
        {OutcomeType::ComplaintEscalated, "complaint_escalated", {"投诉升级", "Complaint escalated"}},
        {OutcomeType::Retained, "retained", {"客户保留", "Client retained"}},
        {OutcomeType::Referral, "referral", {"获得推荐", "Referral obtained"}},
        {OutcomeType::CrossSold, "cross_sold", {"关联销售成功", "Related sale made"}},
    };
    return v;
}

template <>
const std::vector<CatalogueEntry<EntryMoment>>& all() {
    static const std::vector<CatalogueEntry<EntryMoment>> v{
        {EntryMoment::RestructuringSystem, "restructuring", {"客户发生重大体制变革时", "The client is restructuring"}},
        {EntryMoment::ManagementChange, "management_change", {"客户经营管理方式发生重大变革时", "The client changes how it is managed"}},
        {EntryMoment::ItUpgrade, "it_upgrade", {"客户计算机升级换代时", "The client upgrades its IT systems"}},
        {EntryMoment::NewProject, "new_project", {"客户计划上新的生产(经营)项目时", "The client plans a new project"}},
        {EntryMoment::PersonnelChange, "personnel_change", {"客户发生重大人事变动时", "Key people at the client change"}},
        {EntryMoment::CompetitorConflict, "competitor_conflict", {"客户与竞争对手发生重大矛盾时", "The client falls out with a competitor bank"}},
        {EntryMoment::Founding, "founding", {"客户筹备组建开业时", "The client is being founded"}},
        {EntryMoment::Celebration, "celebration", {"客户举办重大庆典活动时", "The client holds a major celebration"}},
        {EntryMoment::BadWeather, "bad_weather", {"下大雨、下大雪时", "In heavy rain or snow"}},
        {EntryMoment::PersonalEvent, "personal_event", {"客户代表遇到喜事或家庭事务为难时", "A personal event in the client's family"}},
        {EntryMoment::HardTimes, "hard_times", {"客户生产经营遇到暂时重大困难时", "The client's business hits temporary trouble"}},
        {EntryMoment::NewProduct, "new_product", {"银行有新的金融产品推出时", "The bank launches a new product"}},
    };
    return v;
}

template <>
const std::vector<CatalogueEntry<MoveKind>>& all() {
    static const std::vector<CatalogueEntry<MoveKind>> v{
        {MoveKind::Prepare, "prep", {"准备退让表与坚持表", "Prepare concede and hold lists"}},
        {MoveKind::Offer, "offer", {"报价", "Offer"}},
        {MoveKind::Trade, "trade", {"条件交换", "Trade"}},
        {MoveKind::Hold, "hold", {"坚持", "Hold"}},
        {MoveKind::Nibble, "nibble", {"蚕食", "Nibble"}},
        {MoveKind::ProposeSplit, "split", {"提议折中", "Propose splitting the difference"}},
        {MoveKind::Accept, "accept", {"接受", "Accept"}},
        {MoveKind::WalkAway, "walk", {"离开谈判", "Walk away"}},
    };
    return v;
}

}  // namespace parley
