// Parley scenario model: plain, immutable data built once by the loader.
//
// Contents
//   1. Competency model            (seed 003: 11 competencies, core weights, tiers)
//   2. Personas                    (seed 004 第24招: client types as data)
//   3. Client state declaration    (trust, interest, patience, emotion, needs, objections, flags)
//   4. Conditions and effects
//   5. Options and nodes           (拜访 → 询问 → 说服 → 达成协议, objections, closes, red lines)
//   6. Negotiation blocks          (seed 000: 退让表 / 坚持表, concession rules)
//   7. Scenario and content set
//
// Numbers that take part in scoring are integers. Negotiation values are stored as
// integers in "units" (the JSON number times 10^decimals) so arithmetic is exact.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parley/catalogue.h"
#include "parley/text.h"

namespace parley {

// ============================================================================
// 1. Competency model
// ============================================================================

struct Competency {
    std::string id;  // "A" … "K"
    Text name;
    bool core = false;
    int weight = 1;  // core competencies weigh more
};

struct Tier {
    std::string id;  // "junior" | "intermediate" | "senior"
    Text name;       // 初级 / 中级 / 高级
    int min_total = 0;
};

struct CompetencyModel {
    std::string file;  // where it was loaded from
    std::uint64_t content_hash = 0;
    std::vector<Competency> competencies;
    std::vector<Tier> tiers;              // ascending by min_total
    std::vector<int> star_thresholds;     // totals needed for 1, 2, 3 stars (ascending)
    int critical_violation_cap = 30;      // a failed run's total is at most this (below the
                                          // first star threshold: a failed run earns no star)
    // Competency scores (format reference §5): how many points of neutral evidence every
    // competency starts with, so that a little evidence moves a score less than a lot.
    int evidence_prior = 3;
    // Shares of the total (percent, summing to 100). When a run has no negotiation, the
    // negotiation share is given to the competencies.
    int share_competencies = 60;
    int share_outcome = 25;
    int share_negotiation = 15;
    // The negotiation part (percent, summing to 100): value for the bank, the client's
    // satisfaction (双赢: 赢者不全赢,输者不全输), and adherence to the concession rules.
    int part_bank_value = 40;
    int part_client_satisfaction = 20;
    int part_rule_adherence = 40;

    const Competency* find(const std::string& id) const;
};

// ============================================================================
// 2. Personas
// ============================================================================

// How the client responds to one kind of move (a technique tag).
struct ReactionModifier {
    int scale = 100;   // percent applied to the option's trust and interest deltas
    int trust = 0;     // flat additions after scaling
    int interest = 0;
    int patience = 0;
    std::optional<Emotion> emotion;  // emotion this move triggers in this client
};

// Time-dependent concession tactic (Faratin, Sierra & Jennings 1998):
// the client's offer moves from its opening towards its reservation value as
// alpha(t) = (t / T)^(1 / beta). beta < 1 is Boulware (concedes late),
// beta = 1 linear, beta > 1 conceder (concedes early).
struct ConcessionPolicy {
    int beta_percent = 100;       // beta × 100 (the format allows two decimal places)
    int reciprocity_percent = 0;  // share of the trainee's last concession the client mirrors
    int patience_rounds = 6;      // rounds before the client ends the negotiation
    int split_gap_percent = 0;    // client proposes splitting the difference when the gap is
                                  // at most this share of the issue's range (0 = never)
    int nibble_tolerance_percent = 5;  // largest extra ask (share of range) the client grants
    // Client tactics (seed 000 谈判技巧).
    int squeeze_rounds = 0;            // 挤压法: in this many first rounds the client answers
                                       // with "you'll have to do better" instead of countering
    int nibble_at_close_percent = 0;   // 蚕食法: when a deal is reached the client asks for this
                                       // extra (share of the issue's range, at least one step)
                                       // on the issue it values most (0 = never)
};

// What a persona looks like to the trainee (0–100 each). Presentation only: the figure's look
// and the order in which a scenario's clients unlock. The engine never reads it; how the client
// behaves is `initial`, `reactions`, `methods` and `negotiation`.
struct PersonaProfile {
    int patience = 50, price_sensitivity = 50, skepticism = 50, decisiveness = 50,
        talkativeness = 50, risk_appetite = 50;
};

struct Persona {
    std::string file;
    std::uint64_t content_hash = 0;
    std::string id;
    Text name;
    Text summary;
    Text approach;   // how to approach this client (seed 004 第24招), shown in the briefing
    int assertiveness = 0;   // social style, -100 (ask) … +100 (tell)
    int responsiveness = 0;  // social style, -100 (controlled) … +100 (emotes)
    PersonaProfile profile;
    // Start-of-meeting adjustments to the scenario's initial state.
    int trust_offset = 0, interest_offset = 0, patience_offset = 0;
    std::map<Tag, ReactionModifier> reactions;             // by technique tag
    std::map<ObjectionMethod, int> method_effectiveness;   // percent; absent = 100
    std::map<Emotion, std::vector<Text>> cues;             // body-language cues per emotion
    ConcessionPolicy concession;
};

// ============================================================================
// 3. Client state declaration
// ============================================================================

struct NeedDecl {
    std::string id;
    Text label;
};

struct ObjectionDecl {
    std::string id;
    ObjectionType type = ObjectionType::Price;
    Text label;
};

struct VariableDecl {
    std::string id;
    int initial = 0;
};

struct StateDecl {
    int trust = 50, interest = 50, patience = 10;
    Emotion emotion = Emotion::Calm;
    std::vector<VariableDecl> variables;
    std::vector<std::string> flags;  // all start false
    std::vector<NeedDecl> needs;
    std::vector<ObjectionDecl> objections;
};

// ============================================================================
// 4. Conditions and effects
// ============================================================================

enum class CmpOp { Lt, Le, Eq, Ne, Ge, Gt };

// A condition is a small tree; leaves test one thing.
struct Condition {
    enum class Kind {
        True,         // no condition
        All, Any, Not,
        Compare,      // meter or variable  <op>  integer
        Flag,         // flag is set
        Need,         // need discovered
        Objection,    // objection in a state
        Emotion,      // current emotion is one of
        Persona,      // persona is one of
        Difficulty,   // difficulty is one of
    };
    enum class ObjectionIs { Raised, Open, Resolved };

    Kind kind = Kind::True;
    std::vector<Condition> children;         // All / Any / Not (one child)
    std::string subject;                     // meter ("trust"…), variable, flag, need, objection id
    CmpOp op = CmpOp::Ge;
    int value = 0;
    ObjectionIs objection_is = ObjectionIs::Open;
    std::vector<std::string> personas;       // persona ids
    std::vector<Emotion> emotions;
    std::vector<Difficulty> difficulties;
};

struct Effects {
    int trust = 0, interest = 0, patience = 0;  // deltas, before persona reactions
    std::optional<Emotion> emotion;
    std::map<std::string, int> add;             // variable += n
    std::map<std::string, int> set;             // variable = n
    std::vector<std::string> set_flags, clear_flags;
    std::vector<std::string> discover_needs;
    std::vector<std::string> raise_objections, resolve_objections;
};

// ============================================================================
// 5. Options and nodes
// ============================================================================

struct Branch {
    Condition when;
    std::string next;
};

// Evidence for one competency from one decision, -3 … +3.
struct Evidence {
    std::string competency;
    int value = 0;
};

struct ObjectionAnswer {
    std::string objection;   // id of the objection this option answers
    ObjectionMethod method = ObjectionMethod::YesIf;
};

// What happens when an option is chosen: effects, evidence, feedback, where to go.
struct Consequence {
    Effects effects;
    std::vector<Evidence> evidence;
    Text feedback;                 // coach feedback citing the principle (debrief)
    std::vector<Branch> branches;  // first whose condition holds after the effects wins
    std::string next;              // otherwise
};

struct Close {
    CloseStrategy strategy = CloseStrategy::Direct;
    Condition timely_when;   // buying signals present: the close is timely
    Consequence premature;   // replaces the option's consequence when not timely
};

struct Violation {
    RedLine red_line = RedLine::GuaranteedReturn;
    bool critical = true;
    Text explanation;
};

struct Option {
    std::string id;  // unique within the node
    Text text;
    std::vector<Tag> tags;          // as written; a close's strategy tag is added at run time
    std::vector<std::string> sources;  // seed sections this option teaches ("004 第38招")
    std::vector<Duty> fulfils;      // duties this option discharges (出示工作证, 提示风险 …)
    Condition when;  // shown only when this holds
    Consequence consequence;
    std::optional<ObjectionAnswer> objection;
    std::optional<Close> close;
    std::optional<Violation> violation;
};

enum class NodeKind { Dialogue, Negotiation, Ending };

struct Negotiation;  // section 6

struct Node {
    std::string id;
    NodeKind kind = NodeKind::Dialogue;
    Stage stage = Stage::Probing;   // 拜访/询问/说服/达成协议/objection/closing/complaint/negotiation
    Text line;                      // what the client says
    std::map<std::string, Text> line_by_persona;
    std::optional<Emotion> emotion; // emotion the client shows on arrival (persona cue follows)
    std::optional<Text> cue;        // explicit body-language cue overriding the persona's
    std::vector<Option> options;    // dialogue nodes
    std::shared_ptr<const Negotiation> negotiation;  // negotiation nodes
    // Ending nodes
    OutcomeType outcome = OutcomeType::NoDeal;
    int outcome_score = 0;          // 0–100
    Text summary;                   // debrief text for the ending
};

// ============================================================================
// 6. Negotiation blocks
// ============================================================================

struct NegotiationIssue {
    std::string id;
    Text label;
    std::string unit;           // display unit, e.g. "%", "万元", "months"
    int decimals = 0;           // values are stored ×10^decimals
    std::int64_t min = 0, max = 0, step = 1;
    bool bank_prefers_higher = true;
    std::int64_t bank_target = 0, bank_walkaway = 0;           // the bank's side
    std::int64_t bank_opening = 0;                             // the bank's suggested first offer
    std::int64_t client_opening = 0, client_reservation = 0;   // the client's side
    int weight = 1;             // relative weight in the bank's value
    int client_weight = 1;      // relative weight in the client's value (its own priorities)
};

struct Negotiation {
    std::vector<NegotiationIssue> issues;
    int max_rounds = 8;
    int max_concessions = 3;          // 让步的次数要少
    std::vector<std::string> should_concede;  // author's expected 退让表
    std::vector<std::string> must_hold;       // author's expected 坚持表
    Text briefing;                    // what the trainee is told before preparing
    std::string on_deal, on_no_deal, on_client_quit;  // next node per outcome
};

// ============================================================================
// 7. Scenario and content set
// ============================================================================

// A positive obligation the trainee must discharge (an option that `fulfils` it) before the
// meeting reaches one of `before` (every ending when empty).
struct DutyRequirement {
    Duty duty = Duty::Credentials;
    bool critical = false;
    Text explanation;                 // shown in the debrief when the duty was left undone
    std::vector<std::string> before;  // ending node ids
};

struct Scenario {
    std::string file;
    std::string id;
    std::uint64_t content_hash = 0;   // see content_hash_of (format reference §6)
    Text title, summary, company, situation;
    std::optional<EntryMoment> entry_moment;  // seed 004 第21招; complaints and referrals have none
    Text entry_note;                  // how the moment opens the door (empty when none)
    std::vector<std::string> sources;       // seed sections the scenario teaches ("000 投诉处理")
    std::vector<DutyRequirement> duties;
    std::vector<Text> objectives;
    Difficulty default_difficulty = Difficulty::Normal;
    int level = 1;                    // 1 junior, 2 intermediate, 3 senior (library ordering)
    std::vector<std::string> competencies;  // trained competencies (ids)
    std::vector<std::string> personas;      // playable persona ids
    StateDecl state;
    std::string start;
    std::string patience_out;          // ending when the client's patience runs out
    std::vector<Node> nodes;
    std::map<std::string, std::size_t> node_index;

    const Node* node(const std::string& id) const;
};

// Everything a run needs: the competency model and personas shared by the scenarios.
struct ContentSet {
    std::string root;
    CompetencyModel model;
    std::map<std::string, Persona> personas;
    std::vector<std::shared_ptr<const Scenario>> scenarios;

    const Persona* persona(const std::string& id) const;
    std::shared_ptr<const Scenario> scenario(const std::string& id) const;
};

}  // namespace parley
