// Personas and the competency model: what they load into, and what they refuse.
#include <catch2/catch.hpp>

#include "loader_fixture.h"

using namespace parley;
using namespace loader_fixture;

namespace {

std::optional<Persona> load_persona(const json& doc, Diagnostics& d) {
    return parse_persona(doc.dump(2), "personas/analytical.json", model(), d);
}

}  // namespace

TEST_CASE("a persona loads its style, profile, reactions, cues and concession policy", "[loader]") {
    Diagnostics d;
    auto p = load_persona(persona_json(), d);
    INFO(show(d));
    REQUIRE(p);
    CHECK(d.items.empty());
    CHECK(p->id == "analytical");
    CHECK(p->name.zh == "分析型客户");
    CHECK(p->assertiveness == -40);
    CHECK(p->profile.skepticism == 80);
    CHECK(p->trust_offset == -10);
    CHECK(p->interest_offset == 0);
    CHECK(p->patience_offset == 2);
    CHECK(p->reactions.at(Tag::FactsData).scale == 150);
    CHECK(p->reactions.at(Tag::FactsData).trust == 2);
    CHECK(p->reactions.at(Tag::Pushiness).emotion == Emotion::Defensiveness);
    CHECK(p->reactions.count(Tag::Story) == 0);
    CHECK(p->method_effectiveness.at(ObjectionMethod::Questioning) == 130);
    CHECK(p->cues.size() == 7);
    CHECK(p->cues.at(Emotion::Anger).at(0).en == "cue for anger");
    CHECK(p->concession.beta_percent == 40);  // beta 0.4
    CHECK(p->concession.reciprocity_percent == 30);
    CHECK(p->concession.patience_rounds == 7);
    CHECK(p->content_hash != 0);
}

TEST_CASE("beta becomes an exact percentage with at most two decimals and must lie in 0.1–10", "[loader]") {
    json doc = persona_json();
    doc["negotiation"]["beta"] = 2.35;
    Diagnostics d;
    auto p = load_persona(doc, d);
    REQUIRE(p);
    CHECK(p->concession.beta_percent == 235);

    doc["negotiation"]["beta"] = 2.345;  // refused, not rounded (the model keeps hundredths)
    Diagnostics d1;
    CHECK_FALSE(load_persona(doc, d1));
    CHECK(find(d1, "beta 2.345 has more than 2 decimal places (beta is kept in hundredths)", "/negotiation/beta"));

    doc["negotiation"]["beta"] = 0;
    Diagnostics d2;
    CHECK_FALSE(load_persona(doc, d2));
    CHECK(find(d2, "expected a number from 0.1 to 10.0, found 0", "/negotiation/beta"));
}

TEST_CASE("a persona needs body-language cues for every emotion", "[loader]") {
    json doc = persona_json();
    doc["cues"].erase("anger");
    doc["cues"]["pleased"] = json::array();
    doc["cues"]["sad"] = doc["cues"]["calm"];
    Diagnostics d;
    CHECK_FALSE(load_persona(doc, d));
    INFO(show(d));
    CHECK(find(d, "missing cues for emotion \"anger\"", "/cues"));
    CHECK(find(d, "expected at least one entry", "/cues/pleased"));
    CHECK(find(d, "unknown emotion \"sad\"", "/cues/sad"));
}

TEST_CASE("persona reactions and methods are keyed by catalogue ids", "[loader]") {
    json doc = persona_json();
    doc["reactions"]["fact_data"] = {{"scale", 120}};
    doc["reactions"]["story"] = {{"scale", 900}};
    doc["methods"]["yes_but"] = 100;
    doc["profile"].erase("skepticism");
    Diagnostics d;
    CHECK_FALSE(load_persona(doc, d));
    INFO(show(d));
    const Diagnostic* e = find(d, "unknown technique tag \"fact_data\" (did you mean \"facts_data\"?)", "/reactions/fact_data");
    REQUIRE(e);
    CHECK(find(d, "expected an integer from -300 to 300, found 900", "/reactions/story/scale"));
    CHECK(find(d, "unknown objection method \"yes_but\"", "/methods/yes_but"));
    CHECK(find(d, "missing required field \"skepticism\"", "/profile"));
}

TEST_CASE("the competency model loads its competencies, tiers, stars and shares", "[loader]") {
    CompetencyModel m = model();
    REQUIRE(m.competencies.size() == 3);
    CHECK(m.find("C") == &m.competencies[1]);
    CHECK(m.find("C")->core);
    CHECK(m.find("C")->weight == 2);
    CHECK(m.find("I")->weight == 1);
    CHECK(m.find("Z") == nullptr);
    REQUIRE(m.tiers.size() == 3);
    CHECK(m.tiers[2].id == "senior");
    CHECK(m.tiers[2].min_total == 80);
    CHECK(m.star_thresholds == std::vector<int>{40, 60, 75});
    CHECK(m.critical_violation_cap == 30);
    CHECK(m.share_negotiation == 15);
}

TEST_CASE("the competency model refuses bad ids, unordered tiers and shares that miss 100", "[loader]") {
    json doc = json::parse(model_text());
    doc["competencies"][1]["id"] = "A";
    doc["competencies"][2]["id"] = "negotiation";
    doc["tiers"][0]["min_total"] = 10;
    doc["tiers"][2]["min_total"] = 50;
    doc["stars"] = {40, 85, 65};
    doc["shares"]["outcome"] = 30;
    Diagnostics d;
    CHECK_FALSE(parse_competency_model(doc.dump(2), "competencies.json", d));
    INFO(show(d));
    CHECK(find(d, "duplicate competency id \"A\"", "/competencies/1/id"));
    CHECK(find(d, "invalid competency id \"negotiation\"", "/competencies/2/id"));
    CHECK(find(d, "the first tier must start at min_total 0", "/tiers/0/min_total"));
    CHECK(find(d, "tiers must ascend: min_total 50 is not above the previous tier's 60", "/tiers/2/min_total"));
    CHECK(find(d, "star thresholds must ascend: 65 is not above 85", "/stars/2"));
    CHECK(find(d, "score shares must sum to 100, found 60 + 30 + 15 = 105", "/shares"));
}
