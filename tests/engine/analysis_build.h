// Small builders for the analysis tests: hand-built scenarios as plain model structs, so each
// test states its whole scenario in a few lines and its answers can be worked out by hand.
//
// The competency model has one competency (A, weight 1) and the shares 60/25/15, so a run
// without negotiation totals round(0.75 × A + 0.25 × outcome_score), and A is
// round((100 P + 150) / (P + N + 3)) (format §5, evidence prior 3): one +3 gives A = 75, one −3
// gives 25, +3 twice 83. Stars at 40, 65 and 80.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "parley/model.h"

namespace parley::test {

inline Text tx(const std::string& en) { return {"【" + en + "】", en}; }

inline CompetencyModel tiny_model() {
    CompetencyModel m;
    m.file = "competencies.json";
    m.competencies = {{"A", tx("Communication"), true, 1}};
    m.tiers = {{"junior", tx("Junior"), 0}, {"intermediate", tx("Intermediate"), 60},
               {"senior", tx("Senior"), 80}};
    m.star_thresholds = {40, 65, 80};
    m.critical_violation_cap = 30;
    m.evidence_prior = 3;
    m.share_competencies = 60;
    m.share_outcome = 25;
    m.share_negotiation = 15;
    return m;
}

inline Persona neutral_persona(const std::string& id) {
    Persona p;
    p.file = "personas/" + id + ".json";
    p.id = id;
    p.name = p.summary = p.approach = tx(id);
    for (const auto& e : all<Emotion>()) p.cues[e.value] = {tx("a cue")};
    p.concession.beta_percent = 100;
    p.concession.reciprocity_percent = 30;
    p.concession.patience_rounds = 4;
    return p;
}

inline Option option(const std::string& id, const std::string& next, int evidence_on_a = 0) {
    Option o;
    o.id = id;
    o.text = tx("say " + id);
    o.consequence.next = next;
    o.consequence.feedback = tx("feedback on " + id);
    if (evidence_on_a != 0) o.consequence.evidence = {{"A", evidence_on_a}};
    return o;
}

inline Node dialogue(const std::string& id, std::vector<Option> options) {
    Node n;
    n.id = id;
    n.kind = NodeKind::Dialogue;
    n.stage = Stage::Probing;
    n.line = tx("the client at " + id);
    n.options = std::move(options);
    return n;
}

inline Node ending(const std::string& id, OutcomeType outcome, int score) {
    Node n;
    n.id = id;
    n.kind = NodeKind::Ending;
    n.stage = Stage::Ending;
    n.line = tx("goodbye from " + id);
    n.outcome = outcome;
    n.outcome_score = score;
    n.summary = tx("it ended at " + id);
    return n;
}

// One negotiation issue, a loan rate in hundredths of a percent (decimals 2, step 0.05).
inline NegotiationIssue rate_issue() {
    NegotiationIssue i;
    i.id = "rate";
    i.label = tx("Loan rate");
    i.unit = "%";
    i.decimals = 2;
    i.min = 350;
    i.max = 600;
    i.step = 5;
    i.bank_prefers_higher = true;
    i.bank_target = 520;
    i.bank_walkaway = 460;
    i.client_opening = 440;
    i.client_reservation = 500;
    return i;
}

inline Node negotiation(const std::string& id, std::vector<NegotiationIssue> issues,
                        const std::string& on_deal, const std::string& on_no_deal,
                        const std::string& on_quit) {
    auto block = std::make_shared<Negotiation>();
    block->issues = std::move(issues);
    for (auto& i : block->issues) {
        i.bank_opening = i.bank_prefers_higher ? i.bank_target + 4 * i.step : i.bank_target - 4 * i.step;
        i.client_weight = i.weight;
    }
    block->max_rounds = 4;
    block->max_concessions = 2;
    block->must_hold = {block->issues.front().id};
    if (block->issues.size() > 1) block->should_concede = {block->issues.back().id};
    block->briefing = tx("agree the terms");
    block->on_deal = on_deal;
    block->on_no_deal = on_no_deal;
    block->on_client_quit = on_quit;
    Node n;
    n.id = id;
    n.kind = NodeKind::Negotiation;
    n.stage = Stage::Negotiation;
    n.line = tx("the rate is too high");
    n.negotiation = std::move(block);
    return n;
}

// A content set holding one scenario made of `nodes`, played against persona "neutral"
// (and any extra personas given). The first node is the start; `patience_out` must be one of
// the endings.
struct Built {
    std::shared_ptr<ContentSet> content;
    std::shared_ptr<const Scenario> scenario;
};

inline Built build(std::vector<Node> nodes, const std::string& patience_out, int patience = 12,
                   std::vector<Persona> extra_personas = {}) {
    auto content = std::make_shared<ContentSet>();
    content->root = "test";
    content->model = tiny_model();
    content->personas.emplace("neutral", neutral_persona("neutral"));
    for (auto& p : extra_personas) content->personas.emplace(p.id, std::move(p));
    auto sc = std::make_shared<Scenario>();
    sc->file = "test-scenario.json";
    sc->id = "test-scenario";
    sc->title = sc->summary = sc->company = sc->situation = tx("a test meeting");
    sc->competencies = {"A"};
    sc->level = 3;
    for (const auto& [id, p] : content->personas) sc->personas.push_back(id);
    sc->state.trust = 50;
    sc->state.interest = 50;
    sc->state.patience = patience;
    sc->state.flags = {"never_set", "agreed"};
    sc->start = nodes.front().id;
    sc->patience_out = patience_out;
    sc->nodes = std::move(nodes);
    for (std::size_t i = 0; i < sc->nodes.size(); ++i) sc->node_index[sc->nodes[i].id] = i;
    content->scenarios.push_back(sc);
    return {content, sc};
}

}  // namespace parley::test
