// Drafts: a scenario with errors still opens — the model read so far, its diagnostics, and
// node positions that match the document — so the editor can show it and let it be fixed.
#include <catch2/catch.hpp>

#include "loader_fixture.h"
#include "model_compare.h"

using namespace parley;
using namespace loader_fixture;

namespace {

ScenarioDraft draft(const std::string& text, Diagnostics& d) {
    return parse_scenario_draft(text, "mini.json", model(), personas(), d);
}

std::vector<std::string> messages(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const auto& item : d.items) out.push_back(format(item));
    return out;
}

}  // namespace

TEST_CASE("the draft of a valid scenario is complete and is the model parse_scenario gives", "[loader]") {
    Diagnostics d1, d2;
    const std::string text = scenario_json().dump(2);
    ScenarioDraft dr = draft(text, d1);
    auto s = load(text, d2);
    REQUIRE(dr.scenario);
    REQUIRE(s);
    CHECK(dr.complete);
    CHECK(d1.items.empty());
    CHECK(model_compare::difference(*dr.scenario, *s) == "");
    CHECK(dr.scenario->content_hash != 0);
}

TEST_CASE("a draft read from the text's JSON tree is the draft parsed from the text, diagnostics and all",
          "[loader]") {
    json broken = scenario_json();
    broken["nodes"][0]["options"][0]["next"] = "nowhere";   // an error located inside a node
    for (const json& doc : {scenario_json(), broken}) {
        const std::string text = doc.dump(2);
        Diagnostics parsed_diags, read_diags;
        const ScenarioDraft parsed = draft(text, parsed_diags);
        const ScenarioDraft read =
            read_scenario_document(json::parse(text), text, "mini.json", model(), personas(), read_diags);
        REQUIRE(parsed.scenario);
        REQUIRE(read.scenario);
        CHECK(parsed.complete == (doc != broken));
        CHECK(read.complete == parsed.complete);
        CHECK(model_compare::difference(*read.scenario, *parsed.scenario) == "");
        CHECK(read.scenario->content_hash == parsed.scenario->content_hash);
        CHECK(messages(read_diags) == messages(parsed_diags));   // same lines and columns
    }
}

TEST_CASE("a scenario with errors opens as a draft holding everything that could be read", "[loader]") {
    json doc = scenario_json();
    doc["nodes"][0]["options"][0]["next"] = "nowhere";       // a broken reference
    doc["nodes"][1]["stage"] = "probin";                      // an unknown stage
    doc["nodes"][3]["outcome"] = "win";                       // an unknown outcome
    doc["state"]["trust"] = 150;                              // out of range: keeps the default
    doc["nodes"][1]["options"][0]["tags"] = {"open_question", "smalltalk"};
    const std::string text = doc.dump(2);

    Diagnostics dd, dp;
    ScenarioDraft dr = draft(text, dd);
    CHECK_FALSE(load(text, dp));
    CHECK(messages(dd) == messages(dp));  // the same diagnostics as parse_scenario
    REQUIRE(dr.scenario);
    CHECK_FALSE(dr.complete);
    CHECK(dr.scenario->content_hash == 0);

    const Scenario& s = *dr.scenario;
    CHECK(s.id == "mini");
    CHECK(s.file == "mini.json");
    CHECK(s.title.en == "Mini");
    CHECK(s.state.trust == StateDecl{}.trust);  // not read: the default
    CHECK(s.state.interest == 30);
    REQUIRE(s.nodes.size() == 5);                // every node, at its document position
    CHECK(s.nodes[0].options[0].consequence.next == "nowhere");
    CHECK(s.nodes[1].id == "probe");
    CHECK(s.nodes[1].line.en == "Payments are slow");
    REQUIRE(s.nodes[1].options.size() == 2);     // a node of unknown stage still has its options
    CHECK(s.nodes[1].options[0].tags == std::vector<Tag>{Tag::OpenQuestion});  // the unknown tag left out
    CHECK(s.nodes[2].negotiation);
    CHECK(s.nodes[3].id == "end_deal");
    CHECK(s.node_index.at("terms") == 2);
    CHECK(s.node("end_left") == &s.nodes[4]);
}

TEST_CASE("a broken option keeps its place so the editor's indices match the file", "[loader]") {
    json doc = scenario_json();
    doc["nodes"][0]["options"][0] = "not an option";
    doc["nodes"][0]["options"][1]["id"] = "Push!";
    Diagnostics d;
    ScenarioDraft dr = draft(doc.dump(2), d);
    REQUIRE(dr.scenario);
    CHECK_FALSE(dr.complete);
    const Node& open = dr.scenario->nodes.at(0);
    REQUIRE(open.options.size() == 2);
    CHECK(open.options[0].id.empty());
    CHECK(open.options[1].id.empty());      // an invalid id is not taken
    CHECK(open.options[1].text.en == "Sign now");
    CHECK(find(d, "expected an object", "/nodes/0/options/0"));
}

TEST_CASE("a draft is nothing only when the text is not JSON", "[loader]") {
    Diagnostics d1;
    ScenarioDraft broken = draft("{\"kind\": \"scenario\",", d1);
    CHECK_FALSE(broken.scenario);
    CHECK_FALSE(broken.complete);
    CHECK(find(d1, "invalid JSON"));

    Diagnostics d2;
    ScenarioDraft array = draft("[1, 2]", d2);
    REQUIRE(array.scenario);
    CHECK_FALSE(array.complete);
    CHECK(array.scenario->nodes.empty());
    CHECK(find(d2, "expected a JSON object at the top level, found an array"));

    Diagnostics d3;
    json persona = persona_json();
    ScenarioDraft other = draft(persona.dump(), d3);
    REQUIRE(other.scenario);
    CHECK_FALSE(other.complete);
    CHECK(find(d3, "this is a persona document; expected kind \"scenario\"", "/kind"));
    CHECK(d3.errors() == 1);
}

TEST_CASE("a diagnostic's JSON pointer gives the node and option it points into", "[loader]") {
    auto ref = node_ref_of("/nodes/3/options/1/next");
    REQUIRE(ref);
    CHECK(ref->node == 3);
    CHECK(ref->option == std::optional<std::size_t>(1));

    ref = node_ref_of("/nodes/12");
    REQUIRE(ref);
    CHECK(ref->node == 12);
    CHECK_FALSE(ref->option);

    ref = node_ref_of("/nodes/2/negotiation/issues/0/bank_target");
    REQUIRE(ref);
    CHECK(ref->node == 2);
    CHECK_FALSE(ref->option);

    ref = node_ref_of("/nodes/0/options");
    REQUIRE(ref);
    CHECK_FALSE(ref->option);

    for (const char* p : {"", "/state/trust", "/nodes", "/nodes/", "/nodes/x", "/nodes/01", "/nodes/-1",
                          "/nodes/3x/options/0", "/duties/0/before/1", "nodes/3"})
        CHECK_FALSE(node_ref_of(p));
    CHECK_FALSE(node_ref_of("/nodes/1/options/x")->option);

    // Every diagnostic of a draft that names a node points at that node of the draft.
    json doc = scenario_json();
    doc["nodes"][1]["options"][1]["close"]["premature"]["next"] = "nowhere";
    doc["nodes"][3]["outcome_score"] = 101;
    Diagnostics d;
    ScenarioDraft dr = draft(doc.dump(2), d);
    REQUIRE(dr.scenario);
    REQUIRE(d.errors() == 2);
    const auto first = node_ref_of(d.items[0].pointer);
    REQUIRE(first);
    CHECK(dr.scenario->nodes.at(first->node).id == "probe");
    CHECK(dr.scenario->nodes.at(first->node).options.at(*first->option).id == "close");
    const auto second = node_ref_of(d.items[1].pointer);
    REQUIRE(second);
    CHECK(dr.scenario->nodes.at(second->node).id == "end_deal");
}
