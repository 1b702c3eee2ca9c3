// The format additions of the scoring issue: sources, duties and what fulfils them, the optional
// entry moment, the client's own issue weights, the persona's profile and client tactics, and
// the competency model's evidence prior, negotiation parts and critical-violation cap.
#include <catch2/catch.hpp>

#include "loader_fixture.h"

using namespace parley;
using namespace loader_fixture;

namespace {

Diagnostics refused(const json& doc) {
    Diagnostics d;
    CHECK_FALSE(load(doc, d));
    return d;
}

json duty(const std::string& id, bool critical) {
    return {{"id", id}, {"critical", critical},
            {"explanation", {{"zh", "必须履行"}, {"en", "A duty the trainee must discharge"}}}};
}

std::optional<Persona> load_persona(const json& doc, Diagnostics& d) {
    return parse_persona(doc.dump(2), "personas/analytical.json", model(), d);
}

std::optional<CompetencyModel> load_model(const json& doc, Diagnostics& d) {
    return parse_competency_model(doc.dump(2), "competencies.json", d);
}

}  // namespace

// ----------------------------------------------------------------------------
// Sources
// ----------------------------------------------------------------------------

TEST_CASE("a scenario and its options cite the seed sections they teach", "[loader]") {
    json doc = scenario_json();
    doc["sources"] = {"000 拜访流程", "004 第38招"};
    doc["nodes"][0]["options"][0]["sources"] = {"004 第21招 把握进入时机"};
    Diagnostics d;
    auto s = load(doc, d);
    INFO(show(d));
    REQUIRE(s);
    CHECK(s->sources == std::vector<std::string>{"000 拜访流程", "004 第38招"});
    CHECK(s->nodes[0].options[0].sources == std::vector<std::string>{"004 第21招 把握进入时机"});
    CHECK(s->nodes[0].options[1].sources.empty());
}

TEST_CASE("a source names a seed document and a section, once", "[loader]") {
    json doc = scenario_json();
    doc["sources"] = {"004", "005 第1招", "04 第38招", "004 第38招", "004 第38招", "004 ", "004 第38招 ", 4};
    doc["nodes"][0]["options"][0]["sources"] = {"seed 000"};
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "invalid source \"004\": expected \"NNN section\", a seed document (000, 001, 002, 003, 004) "
                  "and the section it teaches, e.g. \"004 第38招\"", "/sources/0"));
    CHECK(find(d, "unknown seed document \"005\"", "/sources/1"));
    CHECK(find(d, "unknown seed document \"04\"", "/sources/2"));
    CHECK(find(d, "source \"004 第38招\" is listed twice (first at index 0)", "/sources/4"));
    CHECK(find(d, "invalid source \"004 \"", "/sources/5"));
    CHECK(find(d, "invalid source \"004 第38招 \"", "/sources/6"));
    CHECK(find(d, "expected a string, found 4", "/sources/7"));
    CHECK(find(d, "unknown seed document \"seed\"", "/nodes/0/options/0/sources/0"));
}

// ----------------------------------------------------------------------------
// Duties
// ----------------------------------------------------------------------------

TEST_CASE("duties load with their endings, and options name the duties they fulfil", "[loader]") {
    json doc = scenario_json();
    json credentials = duty("credentials", true);
    credentials["before"] = {"end_deal"};
    doc["duties"] = {credentials, duty("risk_disclosure", false)};
    doc["nodes"][0]["options"][0]["fulfils"] = {"credentials"};
    doc["nodes"][1]["options"][0]["fulfils"] = {"risk_disclosure", "credentials"};
    Diagnostics d;
    auto s = load(doc, d);
    INFO(show(d));
    REQUIRE(s);
    REQUIRE(s->duties.size() == 2);
    CHECK(s->duties[0].duty == Duty::Credentials);
    CHECK(s->duties[0].critical);
    CHECK(s->duties[0].explanation.en == "A duty the trainee must discharge");
    CHECK(s->duties[0].before == std::vector<std::string>{"end_deal"});
    CHECK(s->duties[1].duty == Duty::RiskDisclosure);
    CHECK_FALSE(s->duties[1].critical);
    CHECK(s->duties[1].before.empty());  // every ending
    CHECK(s->nodes[0].options[0].fulfils == std::vector<Duty>{Duty::Credentials});
    CHECK(s->nodes[1].options[0].fulfils == std::vector<Duty>{Duty::RiskDisclosure, Duty::Credentials});
    CHECK(s->nodes[0].options[1].fulfils.empty());
}

TEST_CASE("a duty is a catalogue id, declared once, with its critical flag and explanation", "[loader]") {
    json doc = scenario_json();
    json unknown = duty("credential", true);
    json bare = {{"id", "truthful_disclosure"}};
    doc["duties"] = {duty("credentials", true), unknown, duty("credentials", false), bare};
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "unknown duty \"credential\" (did you mean \"credentials\"?)", "/duties/1/id"));
    CHECK(find(d, "duty \"credentials\" is listed twice (first at /duties/0)", "/duties/2/id"));
    CHECK(find(d, "missing required field \"critical\"", "/duties/3"));
    CHECK(find(d, "missing required field \"explanation\"", "/duties/3"));
}

TEST_CASE("a duty's before names existing endings, at least one, each once", "[loader]") {
    json doc = scenario_json();
    json a = duty("credentials", true), b = duty("risk_disclosure", true), c = duty("client_consent", false);
    a["before"] = {"end_deal", "end_dael", "end_deal"};
    b["before"] = {"probe"};
    c["before"] = json::array();
    doc["duties"] = {a, b, c};
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "before node \"end_dael\" does not exist (did you mean \"end_deal\"?)", "/duties/0/before/1"));
    CHECK(find(d, "ending \"end_deal\" is listed twice", "/duties/0/before/2"));
    CHECK(find(d, "duty \"risk_disclosure\" is required before endings; \"probe\" is not an ending "
                  "(its stage is \"probing\")", "/duties/1/before/0"));
    CHECK(find(d, "expected at least one entry, found an empty array", "/duties/2/before"));
}

TEST_CASE("an option fulfils only duties its scenario declares", "[loader]") {
    json doc = scenario_json();
    doc["nodes"][0]["options"][0]["fulfils"] = {"credentials"};
    Diagnostics none = refused(doc);
    INFO(show(none));
    CHECK(find(none, "duty \"credentials\" is not one of this scenario's duties (it declares none; declare it in /duties)",
               "/nodes/0/options/0/fulfils/0"));

    doc["duties"] = {duty("risk_disclosure", true)};
    doc["nodes"][0]["options"][0]["fulfils"] = {"risk_disclosure", "credentials", "risk_disclosure", "risks"};
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "duty \"credentials\" is not one of this scenario's duties (it declares risk_disclosure; "
                  "declare it in /duties)", "/nodes/0/options/0/fulfils/1"));
    CHECK(find(d, "duty \"risk_disclosure\" is listed twice", "/nodes/0/options/0/fulfils/2"));
    CHECK(find(d, "unknown duty \"risks\"", "/nodes/0/options/0/fulfils/3"));
}

// ----------------------------------------------------------------------------
// Entry moment
// ----------------------------------------------------------------------------

TEST_CASE("a scenario without an entry moment loads; moment and note go together", "[loader]") {
    json doc = scenario_json();
    doc.erase("entry_moment");
    doc.erase("entry_note");
    Diagnostics d;
    auto s = load(doc, d);
    INFO(show(d));
    REQUIRE(s);
    CHECK_FALSE(s->entry_moment);
    CHECK(s->entry_note.empty());

    json only_moment = scenario_json();
    only_moment.erase("entry_note");
    Diagnostics d1 = refused(only_moment);
    INFO(show(d1));
    CHECK(find(d1, "an entry moment needs its \"entry_note\" (how the moment opens the door); give both or leave both out",
               "/entry_moment"));

    json only_note = scenario_json();
    only_note.erase("entry_moment");
    Diagnostics d2 = refused(only_note);
    INFO(show(d2));
    CHECK(find(d2, "\"entry_note\" explains the entry moment: give \"entry_moment\" too, or leave both out",
               "/entry_note"));
}

// ----------------------------------------------------------------------------
// The client's weights
// ----------------------------------------------------------------------------

TEST_CASE("an issue's client weight defaults to its weight and may differ from it", "[loader]") {
    json doc = scenario_json();
    json& fee = doc["nodes"][2]["negotiation"]["issues"][1];
    fee["client_weight"] = 5;
    Diagnostics d;
    auto s = load(doc, d);
    INFO(show(d));
    REQUIRE(s);
    const Negotiation& n = *s->nodes[2].negotiation;
    CHECK(n.issues[0].weight == 3);
    CHECK(n.issues[0].client_weight == 3);  // absent: the bank's weight
    CHECK(n.issues[1].weight == 1);
    CHECK(n.issues[1].client_weight == 5);

    fee["client_weight"] = 0;
    Diagnostics d2 = refused(doc);
    CHECK(find(d2, "expected an integer from 1 to 100, found 0", "/nodes/2/negotiation/issues/1/client_weight"));
}

// ----------------------------------------------------------------------------
// Personas: profile and client tactics
// ----------------------------------------------------------------------------

TEST_CASE("a persona's client tactics load, and default to never", "[loader]") {
    Diagnostics d0;
    auto plain = load_persona(persona_json(), d0);
    REQUIRE(plain);
    CHECK(plain->concession.squeeze_rounds == 0);
    CHECK(plain->concession.nibble_at_close_percent == 0);

    json doc = persona_json();
    doc["negotiation"]["squeeze"] = 2;
    doc["negotiation"]["nibble_at_close"] = 10;
    Diagnostics d;
    auto p = load_persona(doc, d);
    INFO(show(d));
    REQUIRE(p);
    CHECK(p->concession.squeeze_rounds == 2);
    CHECK(p->concession.nibble_at_close_percent == 10);

    doc["negotiation"]["squeeze"] = -1;
    doc["negotiation"]["nibble_at_close"] = 101;
    Diagnostics d2;
    CHECK_FALSE(load_persona(doc, d2));
    INFO(show(d2));
    CHECK(find(d2, "expected an integer from 0 to 100, found -1", "/negotiation/squeeze"));
    CHECK(find(d2, "expected an integer from 0 to 100, found 101", "/negotiation/nibble_at_close"));
}

TEST_CASE("a persona written with the old \"traits\" is told to rename it to \"profile\"", "[loader]") {
    json doc = persona_json();
    doc["traits"] = doc["profile"];
    doc.erase("profile");
    Diagnostics d;
    CHECK_FALSE(load_persona(doc, d));
    INFO(show(d));
    REQUIRE(d.errors() == 1);
    CHECK(find(d, "\"traits\" is now called \"profile\" (how the client looks; presentation only): rename the field",
               "/traits"));
}

// ----------------------------------------------------------------------------
// The competency model
// ----------------------------------------------------------------------------

TEST_CASE("the competency model's evidence prior and negotiation parts have defaults", "[loader]") {
    CompetencyModel m = model();
    CHECK(m.evidence_prior == 3);
    CHECK(m.part_bank_value == 40);
    CHECK(m.part_client_satisfaction == 20);
    CHECK(m.part_rule_adherence == 40);

    json doc = json::parse(model_text());
    doc["evidence_prior"] = 5;
    doc["negotiation_parts"] = {{"bank_value", 50}, {"client_satisfaction", 30}, {"rule_adherence", 20}};
    Diagnostics d;
    auto set = load_model(doc, d);
    INFO(show(d));
    REQUIRE(set);
    CHECK(set->evidence_prior == 5);
    CHECK(set->part_bank_value == 50);
    CHECK(set->part_client_satisfaction == 30);
    CHECK(set->part_rule_adherence == 20);
}

TEST_CASE("negotiation parts sum to 100 and the evidence prior is at least 1", "[loader]") {
    json doc = json::parse(model_text());
    doc["evidence_prior"] = 0;
    doc["negotiation_parts"] = {{"bank_value", 50}, {"client_satisfaction", 30}, {"rule_adherence", 30}};
    Diagnostics d;
    CHECK_FALSE(load_model(doc, d));
    INFO(show(d));
    CHECK(find(d, "expected an integer from 1 to 100, found 0", "/evidence_prior"));
    CHECK(find(d, "negotiation parts must sum to 100, found 50 + 30 + 30 = 110", "/negotiation_parts"));

    doc["evidence_prior"] = 2;
    doc["negotiation_parts"] = {{"bank_value", 80}, {"rule_adherence", 20}};
    Diagnostics d2;
    CHECK_FALSE(load_model(doc, d2));
    CHECK(find(d2, "missing required field \"client_satisfaction\"", "/negotiation_parts"));
}

TEST_CASE("a failed run earns no star: the critical-violation cap is below the first star", "[loader]") {
    json doc = json::parse(model_text());
    doc["critical_violation_cap"] = 40;  // the first star threshold
    Diagnostics d;
    CHECK_FALSE(load_model(doc, d));
    INFO(show(d));
    CHECK(find(d, "critical_violation_cap 40 must be below the first star threshold 40, so that a run failed by "
                  "a critical violation earns no star", "/critical_violation_cap"));

    doc["critical_violation_cap"] = 39;
    Diagnostics d2;
    CHECK(load_model(doc, d2));
}
