// Small builders for the runtime tests (session, negotiation, scoring, transcripts): scenarios
// as plain model structs so each test states the whole situation it needs in a few lines and
// its expected numbers can be worked out by hand.
//
// The competency model: A and C core (weight 2), H and I weight 1; shares 60/25/15; stars
// 40/65/85; tiers junior 0, intermediate 60, senior 80; a failed run is held to 30; evidence
// prior 3; a negotiation block scores bank value 40%, client satisfaction 20%, rules 40%.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "parley/model.h"

namespace parley::runtime_test {

inline Text tx(const std::string& en) { return {"「" + en + "」", en}; }

inline CompetencyModel model() {
    CompetencyModel m;
    m.file = "competencies.json";
    m.content_hash = 0x1111;
    m.competencies = {{"A", tx("Communication"), true, 2},
                      {"C", tx("Need discovery"), true, 2},
                      {"H", tx("Etiquette"), false, 1},
                      {"I", tx("Negotiation"), false, 1}};
    m.tiers = {{"junior", tx("Junior"), 0}, {"intermediate", tx("Intermediate"), 60},
               {"senior", tx("Senior"), 80}};
    m.star_thresholds = {40, 65, 85};
    m.critical_violation_cap = 30;
    m.evidence_prior = 3;
    m.part_bank_value = 40;
    m.part_client_satisfaction = 20;
    m.part_rule_adherence = 40;
    m.share_competencies = 60;
    m.share_outcome = 25;
    m.share_negotiation = 15;
    return m;
}

// A persona reacting neutrally to everything, with three cue variants per emotion.
inline Persona persona(const std::string& id) {
    Persona p;
    p.file = "personas/" + id + ".json";
    p.content_hash = 0x2222;
    p.id = id;
    p.name = p.summary = p.approach = tx(id);
    for (const auto& e : all<Emotion>()) {
        const std::string name(e.id);
        p.cues[e.value] = {tx(name + " cue 1"), tx(name + " cue 2"), tx(name + " cue 3")};
    }
    p.concession.beta_percent = 100;
    p.concession.reciprocity_percent = 0;
    p.concession.patience_rounds = 6;
    p.concession.split_gap_percent = 0;
    p.concession.nibble_tolerance_percent = 5;
    return p;
}

inline Option option(const std::string& id, const std::string& next,
                     std::vector<Evidence> evidence = {}) {
    Option o;
    o.id = id;
    o.text = tx("say " + id);
    o.consequence.next = next;
    o.consequence.feedback = tx("feedback on " + id);
    o.consequence.evidence = std::move(evidence);
    return o;
}

inline Node dialogue(const std::string& id, std::vector<Option> options,
                     Stage stage = Stage::Probing) {
    Node n;
    n.id = id;
    n.kind = NodeKind::Dialogue;
    n.stage = stage;
    n.line = tx("the client speaks at " + id);
    n.options = std::move(options);
    return n;
}

inline Node ending(const std::string& id, OutcomeType outcome, int score) {
    Node n;
    n.id = id;
    n.kind = NodeKind::Ending;
    n.stage = Stage::Ending;
    n.line = tx("the meeting ends at " + id);
    n.outcome = outcome;
    n.outcome_score = score;
    n.summary = tx("summary of " + id);
    return n;
}

inline Node negotiation_node(const std::string& id, Negotiation block) {
    Node n;
    n.id = id;
    n.kind = NodeKind::Negotiation;
    n.stage = Stage::Negotiation;
    n.line = tx("let us talk terms");
    n.negotiation = std::make_shared<const Negotiation>(std::move(block));
    return n;
}

// Loan rate in % with 2 decimals: 3.50–6.00 in steps of 0.05; the bank wants it high.
// Bank: opening 5.60, target 5.20, walk-away 4.60. Client: opening 4.20, reservation 5.00.
inline NegotiationIssue rate_issue(int weight = 3) {
    NegotiationIssue i;
    i.id = "rate";
    i.label = {"贷款利率", "Loan rate"};
    i.unit = "%";
    i.decimals = 2;
    i.min = 350;
    i.max = 600;
    i.step = 5;
    i.bank_prefers_higher = true;
    i.bank_target = 520;
    i.bank_walkaway = 460;
    i.client_opening = 420;
    i.client_reservation = 500;
    i.bank_opening = 560;
    i.weight = weight;
    i.client_weight = weight;
    return i;
}

// Arrangement fee in % with 2 decimals: 0.00–1.00 in steps of 0.05; the bank wants it high.
// Bank: opening 0.80, target 0.50, walk-away 0.20. Client: opening 0.10, reservation 0.40.
inline NegotiationIssue fee_issue() {
    NegotiationIssue i;
    i.id = "fee";
    i.label = {"手续费", "Fee"};
    i.unit = "%";
    i.decimals = 2;
    i.min = 0;
    i.max = 100;
    i.step = 5;
    i.bank_prefers_higher = true;
    i.bank_target = 50;
    i.bank_walkaway = 20;
    i.client_opening = 10;
    i.client_reservation = 40;
    i.bank_opening = 80;
    i.weight = 1;
    i.client_weight = 1;
    return i;
}

// One issue (rate): the author expects rate on the concede list, nothing on the hold list.
inline Negotiation rate_block(int max_concessions = 3, int max_rounds = 8) {
    Negotiation b;
    b.issues = {rate_issue()};
    b.max_rounds = max_rounds;
    b.max_concessions = max_concessions;
    b.should_concede = {"rate"};
    b.briefing = tx("agree a rate");
    b.on_deal = "end_deal";
    b.on_no_deal = "end_no_deal";
    b.on_client_quit = "end_quit";
    return b;
}

// Two issues (rate weight 3, fee weight 1): concede the fee, hold the rate.
inline Negotiation terms_block() {
    Negotiation b;
    b.issues = {rate_issue(), fee_issue()};
    b.max_rounds = 8;
    b.max_concessions = 3;
    b.should_concede = {"fee"};
    b.must_hold = {"rate"};
    b.briefing = tx("agree the terms");
    b.on_deal = "end_deal";
    b.on_no_deal = "end_no_deal";
    b.on_client_quit = "end_quit";
    return b;
}

inline std::shared_ptr<const Scenario> scenario(const std::string& id, std::vector<Node> nodes,
                                                std::vector<std::string> personas,
                                                StateDecl state = {}, int level = 3) {
    auto s = std::make_shared<Scenario>();
    s->level = level;
    s->file = id + ".json";
    s->id = id;
    s->content_hash = 0x3333;
    s->title = tx(id);
    s->personas = std::move(personas);
    s->state = std::move(state);
    s->start = nodes.front().id;
    s->nodes = std::move(nodes);
    for (std::size_t i = 0; i < s->nodes.size(); ++i) s->node_index[s->nodes[i].id] = i;
    return s;
}

// A negotiation scenario: the block first, then the three endings it leads to.
inline std::shared_ptr<const Scenario> negotiation_scenario(Negotiation block,
                                                            std::vector<std::string> personas) {
    auto s = scenario("terms",
                      {negotiation_node("talk", std::move(block)),
                       ending("end_deal", OutcomeType::Deal, 100),
                       ending("end_no_deal", OutcomeType::NoDeal, 20),
                       ending("end_quit", OutcomeType::ClientLeft, 0)},
                      std::move(personas));
    return s;
}

inline std::shared_ptr<const ContentSet> content(std::vector<Persona> personas,
                                                 std::vector<std::shared_ptr<const Scenario>> scenarios,
                                                 CompetencyModel m = model()) {
    auto c = std::make_shared<ContentSet>();
    c->root = "test-content";
    c->model = std::move(m);
    for (auto& p : personas) c->personas[p.id] = std::move(p);
    c->scenarios = std::move(scenarios);
    return c;
}

}  // namespace parley::runtime_test
