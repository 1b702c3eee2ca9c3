// Semantic errors in scenarios: references that lead nowhere, undefined names, type errors
// in conditions and effects, node shapes, loops with no way out, unreachable nodes.
#include <algorithm>

#include <catch2/catch.hpp>

#include "loader_fixture.h"

using namespace parley;
using namespace loader_fixture;

namespace {

// Loads `doc`, expects it refused, and returns the diagnostics.
Diagnostics refused(const json& doc) {
    Diagnostics d;
    CHECK_FALSE(load(doc, d));
    return d;
}

json option(const std::string& id, const std::string& next) {
    return {{"id", id}, {"text", {{"zh", "选项"}, {"en", "Option"}}},
            {"feedback", {{"zh", "反馈"}, {"en", "Feedback"}}}, {"next", next}};
}

json dialogue_node(const std::string& id, std::vector<json> options) {
    return {{"id", id}, {"stage", "probing"}, {"line", {{"zh", "台词"}, {"en", "Line"}}}, {"options", options}};
}

}  // namespace

TEST_CASE("a duplicate node id is an error at the second node", "[loader]") {
    json doc = scenario_json();
    doc["nodes"][3]["id"] = "probe";
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "duplicate node id \"probe\" (first at /nodes/1)", "/nodes/3/id"));
}

TEST_CASE("a duplicate option id within a node is an error", "[loader]") {
    json doc = scenario_json();
    doc["nodes"][0]["options"][1]["id"] = "agenda";
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "duplicate option id \"agenda\" in node \"open\"", "/nodes/0/options/1/id"));
}

TEST_CASE("duplicate declarations in the client state are errors", "[loader]") {
    json doc = scenario_json();
    doc["state"]["flags"] = {"agenda_set", "agenda_set"};
    doc["state"]["needs"].push_back(doc["state"]["needs"][0]);
    doc["state"]["variables"]["trust"] = 3;
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "duplicate flag \"agenda_set\"", "/state/flags/1"));
    CHECK(find(d, "duplicate need \"cash_flow\"", "/state/needs/1"));
    CHECK(find(d, "\"trust\" is a meter; trust, interest and patience are reserved names", "/state/variables/trust"));
}

TEST_CASE("every next-node reference must name an existing node", "[loader]") {
    json doc = scenario_json();
    doc["start"] = "opem";
    doc["patience_out"] = "end_gone";
    doc["nodes"][0]["options"][0]["next"] = "prob";
    doc["nodes"][1]["options"][0]["branch"][0]["next"] = "termz";
    doc["nodes"][1]["options"][1]["close"]["premature"]["next"] = "nowhere";
    doc["nodes"][2]["negotiation"]["on_deal"] = "end_dael";
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "start node \"opem\" does not exist (did you mean \"open\"?)", "/start"));
    CHECK(find(d, "patience_out node \"end_gone\" does not exist", "/patience_out"));
    CHECK(find(d, "next node \"prob\" does not exist (did you mean \"probe\"?)", "/nodes/0/options/0/next"));
    CHECK(find(d, "next node \"termz\" does not exist", "/nodes/1/options/0/branch/0/next"));
    CHECK(find(d, "next node \"nowhere\" does not exist", "/nodes/1/options/1/close/premature/next"));
    CHECK(find(d, "on_deal node \"end_dael\" does not exist", "/nodes/2/negotiation/on_deal"));
}

TEST_CASE("patience_out must be an ending", "[loader]") {
    json doc = scenario_json();
    doc["patience_out"] = "probe";
    Diagnostics d = refused(doc);
    CHECK(find(d, "patience_out must name an ending node; \"probe\" has stage \"probing\"", "/patience_out"));
}

TEST_CASE("a persona, competency or name that is not defined is an error", "[loader]") {
    json doc = scenario_json();
    doc["personas"] = {"analytical", "autocratic"};
    doc["competencies"] = {"A", "Q"};
    doc["nodes"][0]["options"][0]["evidence"] = {{"A", 1}, {"X", 2}};
    doc["nodes"][1]["options"][0]["if"] = {{"any", {{{"need", "growth"}}, {{"var", "mood"}, {"op", ">"}, {"value", 1}}}}};
    doc["nodes"][1]["options"][0]["effects"] = {{"raise_objections", {"too_slow"}}, {"set", {{"score", 1}}}};
    doc["nodes"][1]["options"][1]["objection"]["id"] = "rate_to_high";
    doc["nodes"][1]["line_by_persona"]["amiable"] = {{"zh", "你好"}, {"en", "Hi"}};
    doc["nodes"][0]["options"][1]["if"] = {{"persona", {"driver"}}};
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "undefined persona \"autocratic\": no persona with this id in personas/", "/personas/1"));
    CHECK(find(d, "unknown competency \"Q\"; expected one of: A, C, I", "/competencies/1"));
    CHECK(find(d, "unknown competency \"X\"", "/nodes/0/options/0/evidence/X"));
    CHECK(find(d, "undefined need \"growth\" (declare it in /state/needs)", "/nodes/1/options/0/if/any/0/need"));
    CHECK(find(d, "undefined variable \"mood\"", "/nodes/1/options/0/if/any/1/var"));
    CHECK(find(d, "undefined objection \"too_slow\"", "/nodes/1/options/0/effects/raise_objections/0"));
    CHECK(find(d, "undefined variable \"score\"", "/nodes/1/options/0/effects/set/score"));
    CHECK(find(d, "undefined objection \"rate_to_high\" (did you mean \"rate_too_high\"?)",
               "/nodes/1/options/1/objection/id"));
    CHECK(find(d, "persona \"amiable\" is not one of this scenario's personas", "/nodes/1/line_by_persona/amiable"));
    CHECK(find(d, "persona \"driver\" is not one of this scenario's personas", "/nodes/0/options/1/if/persona/0"));
}

TEST_CASE("type errors in conditions and effects are errors", "[loader]") {
    json doc = scenario_json();
    json& ask = doc["nodes"][1]["options"][0];
    ask["if"] = {{"all",
                  {{{"var", "agenda_set"}, {"op", ">="}, {"value", 1}},
                   {{"flag", "benefits_linked"}},
                   {{"var", "trust"}, {"op", "=>"}, {"value", "40"}},
                   {{"flag", "agenda_set"}, {"need", "cash_flow"}},
                   {{"emotion", json::array()}},
                   {{"objection", "rate_too_high"}}}}};
    ask["effects"] = {{"add", {{"trust", 5}}}, {"set_flags", {"benefits_linked"}}, {"discover_needs", {"agenda_set"}}};
    Diagnostics d = refused(doc);
    INFO(show(d));
    const std::string at = "/nodes/1/options/0/if/all/";
    CHECK(find(d, "\"agenda_set\" is a flag, not a meter or variable", at + "0/var"));
    CHECK(find(d, "\"benefits_linked\" is a variable, not a flag", at + "1/flag"));
    CHECK(find(d, "unknown comparison \"=>\"", at + "2/op"));
    CHECK(find(d, "expected an integer, found a string \"40\"", at + "2/value"));
    CHECK(find(d, "a condition has exactly one form, found flag, need", at + "3"));
    CHECK(find(d, "expected at least one entry, found an empty array", at + "4/emotion"));
    CHECK(find(d, "missing required field \"is\"", at + "5"));
    CHECK(find(d, "\"trust\" is a meter: change it with the effects' \"trust\" field", "/nodes/1/options/0/effects/add/trust"));
    CHECK(find(d, "\"benefits_linked\" is a variable, not a flag", "/nodes/1/options/0/effects/set_flags/0"));
    CHECK(find(d, "\"agenda_set\" is a flag, not a need", "/nodes/1/options/0/effects/discover_needs/0"));
}

TEST_CASE("a node that is not an ending or a negotiation needs options", "[loader]") {
    json doc = scenario_json();
    doc["nodes"][0].erase("options");
    doc["nodes"][1]["options"] = json::array();
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "node \"open\" has no options", "/nodes/0"));
    CHECK(find(d, "node \"probe\" has no options", "/nodes/1/options"));
}

TEST_CASE("an ending holds an outcome and no options; only endings hold outcomes", "[loader]") {
    json doc = scenario_json();
    doc["nodes"][3]["options"] = {option("again", "open")};
    doc["nodes"][4].erase("outcome");
    doc["nodes"][0]["outcome"] = "deal";
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "an ending node has no options", "/nodes/3/options"));
    CHECK(find(d, "missing required field \"outcome\"", "/nodes/4"));
    CHECK(find(d, "only an ending node has an outcome (this node's stage is \"opening\")", "/nodes/0/outcome"));
}

TEST_CASE("a negotiation stage needs a negotiation block, and only it may hold one", "[loader]") {
    json doc = scenario_json();
    json block = doc["nodes"][2]["negotiation"];
    doc["nodes"][2].erase("negotiation");
    doc["nodes"][1]["negotiation"] = block;
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "missing required field \"negotiation\"", "/nodes/2"));
    CHECK(find(d, "only a node with stage \"negotiation\" holds a negotiation block", "/nodes/1/negotiation"));
}

TEST_CASE("nodes that loop with no way out are an error", "[loader]") {
    json doc = scenario_json();
    // probe → a → b → a: once in, only patience running out ends the meeting.
    doc["nodes"][1]["options"][0]["next"] = "loop_a";
    doc["nodes"].push_back(dialogue_node("loop_a", {option("x", "loop_b")}));
    doc["nodes"].push_back(dialogue_node("loop_b", {option("y", "loop_a"), option("z", "loop_b")}));
    Diagnostics d = refused(doc);
    INFO(show(d));
    const Diagnostic* e = find(d, "nodes \"loop_a\", \"loop_b\" loop with no way out", "/nodes/5");
    REQUIRE(e);
    CHECK(e->message.find("patience running out does not count") != std::string::npos);
    CHECK(d.errors() == 1);

    // A node that only leads back to itself is trapped too.
    json self = scenario_json();
    self["nodes"][1]["options"][0]["next"] = "stuck";
    self["nodes"].push_back(dialogue_node("stuck", {option("again", "stuck")}));
    Diagnostics d2 = refused(self);
    CHECK(find(d2, "nodes \"stuck\" loop with no way out", "/nodes/5"));
}

TEST_CASE("a loop with a way out is fine", "[loader]") {
    json doc = scenario_json();
    doc["nodes"][1]["options"][0]["next"] = "loop_a";
    doc["nodes"].push_back(dialogue_node("loop_a", {option("x", "loop_b")}));
    doc["nodes"].push_back(dialogue_node("loop_b", {option("y", "loop_a"), option("leave", "end_deal")}));
    Diagnostics d;
    auto s = load(doc, d);
    INFO(show(d));
    CHECK(s);
    CHECK(d.items.empty());
}

TEST_CASE("an unreachable node is a warning, not an error", "[loader]") {
    json doc = scenario_json();
    doc["nodes"].push_back(dialogue_node("orphan", {option("x", "end_deal")}));
    Diagnostics d;
    auto s = load(doc, d);
    INFO(show(d));
    REQUIRE(s);
    REQUIRE(d.items.size() == 1);
    CHECK(d.items[0].severity == Severity::Warning);
    CHECK(d.items[0].pointer == "/nodes/5");
    CHECK(d.items[0].message == "node \"orphan\" is unreachable from the start node \"open\"");
    CHECK(format(d.items[0]).find(": warning: ") != std::string::npos);

    // While the file has errors, unreachable nodes are mostly their echo and are not listed.
    doc["nodes"][0]["options"][0]["next"] = "nowhere";
    Diagnostics d2;
    CHECK_FALSE(load(doc, d2));
    CHECK(d2.warnings() == 0);
    CHECK(d2.errors() == 1);
}

TEST_CASE("semantic errors are located at the line of the offending value", "[loader]") {
    std::string text = scenario_json().dump(2);
    const std::string needle = "\"next\": \"probe\"";
    std::size_t at = text.find(needle);
    REQUIRE(at != std::string::npos);
    text.replace(at, needle.size(), "\"next\": \"probz\"");
    const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    const int column = static_cast<int>(at - text.rfind('\n', at)) + 8;  // the value after "next":
    Diagnostics d;
    CHECK_FALSE(load(text, d));
    REQUIRE(d.items.size() == 1);  // (nodes only "probe" led to are unreachable now, but that is its echo)
    const Diagnostic* e = find(d, "next node \"probz\" does not exist");
    REQUIRE(e);
    CHECK(e->line == line);
    CHECK(e->column == column);
    CHECK(e->pointer == "/nodes/0/options/0/next");
}
