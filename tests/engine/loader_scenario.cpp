// Loading scenarios: the model a valid document becomes, and schema-level errors
// (types, missing and unknown fields, catalogue ids, ranges, translations).
#include <catch2/catch.hpp>

#include "parley/writer.h"
#include "reactions.h"
#include "loader_fixture.h"

using namespace parley;
using namespace loader_fixture;

TEST_CASE("a minimal valid scenario loads with the expected model values", "[loader]") {
    Diagnostics d;
    json doc = scenario_json();
    auto s = load(doc, d);
    INFO(show(d));
    REQUIRE(s);
    CHECK(d.items.empty());

    CHECK(s->id == "mini");
    CHECK(s->file == "mini.json");
    CHECK(s->title.zh == "小测试");
    CHECK(s->title.en == "Mini");
    CHECK(s->entry_moment == EntryMoment::NewProject);
    CHECK(s->default_difficulty == Difficulty::Normal);
    CHECK(s->competencies == std::vector<std::string>{"A", "C"});
    CHECK(s->personas == std::vector<std::string>{"analytical"});
    CHECK(s->state.trust == 40);
    CHECK(s->state.patience == 8);
    REQUIRE(s->state.variables.size() == 1);
    CHECK(s->state.variables[0].id == "benefits_linked");
    CHECK(s->state.objections.at(0).type == ObjectionType::Price);
    CHECK(s->content_hash == content_hash_of(*s));  // over the model (writer.h)

    REQUIRE(s->nodes.size() == 5);
    CHECK(s->node("terms") == &s->nodes[2]);
    CHECK(s->node("nowhere") == nullptr);
    CHECK(s->nodes[4].kind == NodeKind::Ending);
    CHECK(s->nodes[4].outcome == OutcomeType::ClientLeft);
    CHECK(s->nodes[1].line_by_persona.at("analytical").en == "The data say payments are slow");

    // Tags, effects and evidence of an option.
    const Option& agenda = s->nodes[0].options[0];
    CHECK(agenda.tags == std::vector<Tag>{Tag::Agenda});
    CHECK(agenda.consequence.effects.trust == 5);
    CHECK(agenda.consequence.effects.set_flags == std::vector<std::string>{"agenda_set"});
    REQUIRE(agenda.consequence.evidence.size() == 1);
    CHECK(agenda.consequence.evidence[0].competency == "A");
    CHECK(agenda.consequence.evidence[0].value == 2);
    CHECK(agenda.consequence.next == "probe");

    // The condition tree: all(flag agenda_set, trust >= 30).
    const Option& ask = s->nodes[1].options[0];
    REQUIRE(ask.when.kind == Condition::Kind::All);
    REQUIRE(ask.when.children.size() == 2);
    CHECK(ask.when.children[0].kind == Condition::Kind::Flag);
    CHECK(ask.when.children[0].subject == "agenda_set");
    CHECK(ask.when.children[1].kind == Condition::Kind::Compare);
    CHECK(ask.when.children[1].subject == "trust");
    CHECK(ask.when.children[1].op == CmpOp::Ge);
    CHECK(ask.when.children[1].value == 30);
    CHECK(ask.consequence.effects.add.at("benefits_linked") == 1);
    REQUIRE(ask.consequence.branches.size() == 1);
    CHECK(ask.consequence.branches[0].when.kind == Condition::Kind::Need);
    CHECK(ask.consequence.branches[0].next == "terms");

    // A close carries its strategy's tag (added at run time: the model keeps the tags as
    // written); its premature consequence is kept.
    const Option& close = s->nodes[1].options[1];
    REQUIRE(close.close);
    CHECK(close.close->strategy == CloseStrategy::Direct);
    CHECK(close.tags.empty());
    CHECK(effective_tags(close) == std::vector<Tag>{Tag::CloseDirect});
    CHECK(close.close->premature.effects.trust == -5);
    CHECK(close.close->premature.next == "end_left");
    REQUIRE(close.objection);
    CHECK(close.objection->method == ObjectionMethod::YesIf);

    // Negotiation values in integer units: 5.20 with 2 decimals is 520.
    REQUIRE(s->nodes[2].kind == NodeKind::Negotiation);
    REQUIRE(s->nodes[2].negotiation);
    const Negotiation& n = *s->nodes[2].negotiation;
    REQUIRE(n.issues.size() == 2);
    const NegotiationIssue& rate = n.issues[0];
    CHECK(rate.decimals == 2);
    CHECK(rate.min == 350);
    CHECK(rate.max == 600);
    CHECK(rate.step == 5);
    CHECK(rate.bank_target == 520);
    CHECK(rate.bank_walkaway == 460);
    CHECK(rate.client_opening == 420);
    CHECK(rate.client_reservation == 500);
    CHECK(rate.weight == 3);
    CHECK(n.issues[0].bank_opening == 560);
    CHECK(n.issues[1].step == 1);  // 0.1 with 1 decimal
    CHECK(n.issues[1].bank_target == 10);
    CHECK(n.issues[1].weight == 1);
    CHECK(n.must_hold == std::vector<std::string>{"rate"});
    CHECK(n.on_deal == "end_deal");
}

TEST_CASE("an unknown field is an error at its key, with a suggestion", "[loader]") {
    json doc = scenario_json();
    doc["nodes"][0]["optins"] = doc["nodes"][0]["options"];
    Diagnostics d;
    CHECK_FALSE(load(doc, d));
    INFO(show(d));
    const Diagnostic* e = find(d, "unknown field \"optins\" (did you mean \"options\"?)", "/nodes/0/optins");
    REQUIRE(e);
    CHECK(e->severity == Severity::Error);
    CHECK(e->line > 1);
}

TEST_CASE("a missing required field is named at its object", "[loader]") {
    json doc = scenario_json();
    doc["nodes"][0]["options"][1].erase("feedback");
    doc["nodes"][1]["options"][1]["close"]["premature"].erase("feedback");
    Diagnostics d;
    CHECK_FALSE(load(doc, d));
    INFO(show(d));
    CHECK(find(d, "missing required field \"feedback\"", "/nodes/0/options/1"));
    CHECK(find(d, "missing required field \"feedback\"", "/nodes/1/options/1/close/premature"));
}

TEST_CASE("a text without both translations is an error", "[loader]") {
    json doc = scenario_json();
    doc["nodes"][0]["line"].erase("en");
    doc["title"]["zh"] = "  ";
    doc["objectives"][0] = "Find the need";
    Diagnostics d;
    CHECK_FALSE(load(doc, d));
    INFO(show(d));
    CHECK(find(d, "missing translation \"en\"", "/nodes/0/line"));
    CHECK(find(d, "empty translation \"zh\"", "/title/zh"));
    CHECK(find(d, "expected a text object", "/objectives/0"));
}

TEST_CASE("ids outside the catalogue are errors that list the choices", "[loader]") {
    json doc = scenario_json();
    doc["nodes"][0]["emotion"] = "angry";
    doc["nodes"][0]["options"][0]["tags"] = {"agenda", "smalltalk"};
    doc["entry_moment"] = "new_projet";
    Diagnostics d;
    CHECK_FALSE(load(doc, d));
    INFO(show(d));
    CHECK(find(d, "unknown emotion \"angry\"", "/nodes/0/emotion"));
    CHECK(find(d, "expected one of: boredom, nervousness, anger", "/nodes/0/emotion"));
    CHECK(find(d, "unknown technique tag \"smalltalk\"", "/nodes/0/options/0/tags/1"));
    CHECK(find(d, "unknown entry moment \"new_projet\" (did you mean \"new_project\"?)", "/entry_moment"));
}

TEST_CASE("wrong types and out-of-range values are errors", "[loader]") {
    json doc = scenario_json();
    doc["state"]["trust"] = 150;
    doc["level"] = "one";
    doc["nodes"][0]["options"][0]["evidence"]["A"] = 5;
    doc["nodes"][4]["outcome_score"] = 40.5;
    Diagnostics d;
    CHECK_FALSE(load(doc, d));
    INFO(show(d));
    CHECK(find(d, "expected an integer from 0 to 100, found 150", "/state/trust"));
    CHECK(find(d, "expected an integer from 1 to 3, found a string \"one\"", "/level"));
    CHECK(find(d, "expected an integer from -3 to 3, found 5", "/nodes/0/options/0/evidence/A"));
    CHECK(find(d, "found the fraction 40.5", "/nodes/4/outcome_score"));
}

TEST_CASE("several errors in different places are reported in one pass", "[loader]") {
    json doc = scenario_json();
    doc["state"]["emotion"] = "grumpy";
    doc["nodes"][0]["options"][0]["next"] = "nowhere";
    doc["nodes"][1]["options"][0]["if"]["all"][0]["flag"] = "agenda_sett";
    doc["nodes"][3]["outcome"] = "win";
    Diagnostics d;
    CHECK_FALSE(load(doc, d));
    INFO(show(d));
    CHECK(d.errors() == 4);
    CHECK(find(d, "unknown emotion \"grumpy\"", "/state/emotion"));
    CHECK(find(d, "next node \"nowhere\" does not exist", "/nodes/0/options/0/next"));
    CHECK(find(d, "undefined flag \"agenda_sett\" (did you mean \"agenda_set\"?)", "/nodes/1/options/0/if/all/0/flag"));
    CHECK(find(d, "unknown outcome \"win\"", "/nodes/3/outcome"));
    // Reported in reading order.
    for (std::size_t i = 1; i < d.items.size(); ++i) CHECK(d.items[i - 1].line <= d.items[i].line);
}

TEST_CASE("a diagnostic prints as FILE:LINE:COL: error: MESSAGE (at POINTER)", "[loader]") {
    Diagnostic e{Severity::Error, "a.json", 3, 7, "/nodes/0/next", "next node \"x\" does not exist"};
    CHECK(format(e) == "a.json:3:7: error: next node \"x\" does not exist (at /nodes/0/next)");
    Diagnostic w{Severity::Warning, "a.json", 2, 1, "", "a warning"};
    CHECK(format(w) == "a.json:2:1: warning: a warning");
    Diagnostic f{Severity::Error, "dir", 0, 0, "", "no such file or folder"};
    CHECK(format(f) == "dir: error: no such file or folder");
}

TEST_CASE("an option's tags stay as written: in order, no close tag added, none twice", "[loader]") {
    json doc = scenario_json();
    doc["nodes"][1]["options"][1]["tags"] = {"summarize", "close_direct"};
    Diagnostics d;
    auto s = load(doc, d);
    INFO(show(d));
    REQUIRE(s);
    CHECK(s->nodes[1].options[1].tags == std::vector<Tag>{Tag::Summarize, Tag::CloseDirect});
    CHECK(effective_tags(s->nodes[1].options[1]) == std::vector<Tag>{Tag::Summarize, Tag::CloseDirect});

    doc["nodes"][1]["options"][1]["tags"] = {"close_benefit_summary", "summarize"};
    auto other = load(doc, d);
    REQUIRE(other);
    CHECK(other->nodes[1].options[1].tags == std::vector<Tag>{Tag::CloseBenefitSummary, Tag::Summarize});
    CHECK(effective_tags(other->nodes[1].options[1]) ==
          std::vector<Tag>{Tag::CloseBenefitSummary, Tag::Summarize, Tag::CloseDirect});

    doc["nodes"][0]["options"][0]["tags"] = {"agenda", "rapport", "agenda"};
    Diagnostics twice;
    CHECK_FALSE(load(doc, twice));
    INFO(show(twice));
    CHECK(find(twice, "tag \"agenda\" is listed twice (first at index 0)", "/nodes/0/options/0/tags/2"));
}
