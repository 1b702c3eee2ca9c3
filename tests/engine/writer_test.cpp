// The canonical writer: parse → write → parse gives an equal model, write → parse → write gives
// the same bytes, over every shipped file and over documents with every optional field set;
// defaults are never written; keys, numbers and text are written as the reference says.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "loader_fixture.h"
#include "model_compare.h"
#include "parley/writer.h"

using namespace parley;
using namespace loader_fixture;
using model_compare::difference;
namespace fs = std::filesystem;

namespace {

// Every optional field of the three kinds set to something other than its default.
json full_model_json() {
    json m = json::parse(model_text());
    m["competencies"][2]["core"] = false;  // written only when true …
    m["competencies"][2]["weight"] = 3;    // … and a weight only when not 1
    m["evidence_prior"] = 4;
    m["negotiation_parts"] = {{"bank_value", 50}, {"client_satisfaction", 30}, {"rule_adherence", 20}};
    return m;
}

json full_persona_json() {
    json p = persona_json();
    p["initial"] = {{"trust", -10}, {"interest", 5}, {"patience", 2}};
    p["reactions"]["story"] = {{"scale", 60}, {"trust", -1}, {"interest", 2}, {"patience", 1}, {"emotion", "boredom"}};
    p["reactions"]["silence"] = json::object();  // a neutral entry is data too
    p["methods"]["tai_chi"] = 100;
    p["cues"]["anger"].push_back({{"zh", "第二种"}, {"en", "A second variant"}});
    p["negotiation"]["beta"] = 2.35;
    p["negotiation"]["squeeze"] = 1;
    p["negotiation"]["nibble_at_close"] = 5;
    return p;
}

json full_scenario_json() {
    json s = scenario_json();
    s["sources"] = {"000 拜访流程", "004 第21招"};
    s["objectives"].push_back({{"zh", "谈定条件"}, {"en", "Agree the terms"}});
    json risk = {{"id", "risk_disclosure"}, {"critical", true},
                 {"explanation", {{"zh", "须提示风险"}, {"en", "Disclose the risks"}}},
                 {"before", {"end_deal"}}};
    json id = {{"id", "credentials"}, {"critical", false},
               {"explanation", {{"zh", "出示工作证"}, {"en", "Show your ID"}}}};
    s["duties"] = {risk, id};
    s["state"]["variables"]["zeal"] = -2;
    s["state"]["flags"].push_back("warned");
    json& open = s["nodes"][0];
    open["cue"] = {{"zh", "客户看表"}, {"en", "The client checks the time"}};
    json& agenda = open["options"][0];
    agenda["tags"] = {"rapport", "agenda", "credentials"};
    agenda["sources"] = {"000 拜访流程"};
    agenda["fulfils"] = {"credentials", "risk_disclosure"};
    agenda["if"] = {{"any", {{{"not", {{"flag", "warned"}}}},
                             {{"emotion", {"calm", "pleased"}}},
                             {{"persona", {"analytical"}}},
                             {{"difficulty", {"easy", "hard"}}},
                             {{"objection", "rate_too_high"}, {"is", "resolved"}},
                             {{"var", "zeal"}, {"op", "!="}, {"value", -1}}}}};
    agenda["effects"] = {{"trust", 5},
                         {"interest", -2},
                         {"patience", 1},
                         {"emotion", "pleased"},
                         {"add", {{"benefits_linked", 2}}},
                         {"set", {{"zeal", 0}}},
                         {"set_flags", {"agenda_set"}},
                         {"clear_flags", {"warned"}},
                         {"discover_needs", {"cash_flow"}},
                         {"raise_objections", {"rate_too_high"}},
                         {"resolve_objections", {"rate_too_high"}}};
    agenda["evidence"] = {{"C", 0}, {"A", 2}};
    agenda["branch"] = {{{"if", {{"need", "cash_flow"}}}, {"next", "probe"}}};
    json& push = open["options"][1];
    push["violation"] = {{"red_line", "misleading_statement"}, {"critical", false},
                         {"explanation", {{"zh", "虚假紧迫"}, {"en", "False urgency"}}}};
    json& close = s["nodes"][1]["options"][1];
    close["tags"] = {"summarize"};
    close["close"]["premature"]["evidence"] = {{"A", -1}};
    close["close"]["premature"]["branch"] = {{{"if", {{"flag", "agenda_set"}}}, {"next", "terms"}}};
    json& block = s["nodes"][2]["negotiation"];
    block["max_rounds"] = 5;
    block["max_concessions"] = 2;
    json& fee = block["issues"][1];
    fee["weight"] = 2;
    fee["client_weight"] = 4;
    block["issues"][0]["client_weight"] = 1;
    return s;
}

std::optional<CompetencyModel> parse_model(const std::string& text, Diagnostics& d) {
    return parse_competency_model(text, "competencies.json", d);
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Parses `canonical_text(x)` back and checks the model and, written again, the bytes.
template <class T, class Parse>
void round_trip(const T& original, Parse parse) {
    const std::string first = canonical_text(original);
    Diagnostics d;
    auto again = parse(first, d);
    INFO(show(d));
    REQUIRE(again);
    CHECK(d.errors() == 0);
    CHECK(difference(original, *again) == "");  // the content hash included
    CHECK(canonical_text(*again) == first);
}

void round_trip_scenario(const Scenario& original, const CompetencyModel& m,
                         const std::map<std::string, Persona>& personas) {
    round_trip(original, [&](const std::string& text, Diagnostics& d) {
        return parse_scenario(text, original.file, m, personas, d);
    });
}

}  // namespace

TEST_CASE("every shipped file survives parse → write → parse and writes the same bytes twice", "[writer]") {
    Diagnostics d;
    auto content = load_content(PARLEY_SOURCE_DIR "/scenarios", d);
    INFO(show(d));
    REQUIRE(content);
    REQUIRE(content->personas.size() == 17);
    REQUIRE_FALSE(content->scenarios.empty());

    round_trip(content->model, parse_model);
    for (const auto& [id, persona] : content->personas) {
        INFO("persona " << id);
        round_trip(persona, [&](const std::string& text, Diagnostics& dd) {
            return parse_persona(text, persona.file, content->model, dd);
        });
    }
    for (const auto& s : content->scenarios) {
        INFO("scenario " << s->id);
        round_trip_scenario(*s, content->model, content->personas);
    }
}

TEST_CASE("documents with every optional field set survive the round trip", "[writer]") {
    Diagnostics d;
    auto m = parse_model(full_model_json().dump(2), d);
    auto p = parse_persona(full_persona_json().dump(2), "personas/analytical.json", model(), d);
    INFO(show(d));
    REQUIRE(m);
    REQUIRE(p);
    const std::map<std::string, Persona> personas{{p->id, *p}};
    auto s = parse_scenario(full_scenario_json().dump(2), "full.json", *m, personas, d);
    INFO(show(d));
    REQUIRE(s);
    CHECK(d.errors() == 0);

    round_trip(*m, parse_model);
    round_trip(*p, [&](const std::string& text, Diagnostics& dd) {
        return parse_persona(text, "personas/analytical.json", *m, dd);
    });
    round_trip_scenario(*s, *m, personas);

    // Nothing optional was lost on the way: the fields are in the written text.
    const json written = json::parse(canonical_text(*s));
    const json& agenda = written["nodes"][0]["options"][0];
    for (const char* key : {"tags", "sources", "fulfils", "if", "effects", "evidence", "branch"})
        CHECK(agenda.contains(key));
    CHECK(agenda["effects"].size() == 11);
    CHECK(written["nodes"][0]["options"][1]["violation"]["critical"] == false);
    CHECK(written["nodes"][2]["negotiation"]["issues"][1]["client_weight"] == 4);
    CHECK(written["nodes"][2]["negotiation"]["max_rounds"] == 5);
    CHECK(written.contains("duties"));
    CHECK(json::parse(canonical_text(*p))["negotiation"]["squeeze"] == 1);
    CHECK(json::parse(canonical_text(*m))["negotiation_parts"]["rule_adherence"] == 20);
}

TEST_CASE("documents with every optional field set validate against the JSON Schema", "[writer]") {
    fs::path dir = fs::temp_directory_path() / ("parley-writer-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "personas");
    fs::create_directories(dir / "library");
    fs::copy_file(PARLEY_SOURCE_DIR "/scenarios/parley.schema.json", dir / "parley.schema.json");
    std::ofstream(dir / "competencies.json") << full_model_json().dump(2);
    std::ofstream(dir / "personas/analytical.json") << full_persona_json().dump(2);
    std::ofstream(dir / "library/full.json") << full_scenario_json().dump(2);
    const std::string check = "/usr/bin/python3 " PARLEY_SOURCE_DIR "/tests/schema/check_schema.py " + dir.string() +
                              " > " + (dir / "out.txt").string() + " 2>&1";
    const int status = std::system(check.c_str());
    INFO(read(dir / "out.txt"));
    CHECK(status == 0);
    fs::remove_all(dir);
}

TEST_CASE("defaults are never written: absent and default are the same thing", "[writer]") {
    json doc = scenario_json();
    json& block = doc["nodes"][2]["negotiation"];
    block["max_rounds"] = 8;       // the defaults, written out
    block["max_concessions"] = 3;
    block["issues"][1]["weight"] = 1;
    block["issues"][1]["client_weight"] = 1;  // equal to the issue's weight
    block["issues"][1]["decimals"] = 1;
    doc["nodes"][0]["options"][1]["violation"] = {{"red_line", "hiding_risk"}, {"critical", true},
                                                  {"explanation", {{"zh", "隐瞒"}, {"en", "Hidden"}}}};
    doc["nodes"][0]["options"][1]["effects"] = {{"trust", 0}, {"set_flags", json::array()}};
    doc["nodes"][0]["options"][1]["branch"] = json::array();
    doc["sources"] = json::array();
    Diagnostics d;
    auto s = load(doc, d);
    INFO(show(d));
    REQUIRE(s);
    const json written = json::parse(canonical_text(*s));
    const json& wblock = written["nodes"][2]["negotiation"];
    CHECK_FALSE(wblock.contains("max_rounds"));
    CHECK_FALSE(wblock.contains("max_concessions"));
    CHECK_FALSE(wblock["issues"][1].contains("weight"));
    CHECK_FALSE(wblock["issues"][1].contains("client_weight"));
    CHECK(wblock["issues"][1]["decimals"] == 1);  // not the default 0
    CHECK(wblock["issues"][0]["weight"] == 3);
    CHECK_FALSE(wblock["issues"][0].contains("client_weight"));  // the default: its weight
    CHECK_FALSE(written["nodes"][0]["options"][1]["violation"].contains("critical"));
    CHECK_FALSE(written["nodes"][0]["options"][1].contains("effects"));
    CHECK_FALSE(written["nodes"][0]["options"][1].contains("branch"));
    CHECK_FALSE(written.contains("sources"));
    CHECK_FALSE(written.contains("duties"));

    json m = json::parse(model_text());
    m["competencies"][2]["core"] = false;
    m["competencies"][2]["weight"] = 1;
    m["evidence_prior"] = 3;
    m["negotiation_parts"] = {{"bank_value", 40}, {"client_satisfaction", 20}, {"rule_adherence", 40}};
    Diagnostics dm;
    auto model = parse_competency_model(m.dump(), "competencies.json", dm);
    REQUIRE(model);
    const json wm = json::parse(canonical_text(*model));
    CHECK(wm["competencies"][2] == json{{"id", "I"}, {"name", {{"zh", "商务谈判技巧"}, {"en", "Negotiation"}}}});
    CHECK(wm["competencies"][0]["core"] == true);
    CHECK_FALSE(wm.contains("evidence_prior"));
    CHECK_FALSE(wm.contains("negotiation_parts"));

    json p = persona_json();
    p["initial"] = {{"trust", 0}, {"interest", 0}};
    p["negotiation"]["squeeze"] = 0;
    Diagnostics dp;
    auto persona = parse_persona(p.dump(), "personas/analytical.json", *model, dp);
    REQUIRE(persona);
    const json wp = json::parse(canonical_text(*persona));
    CHECK_FALSE(wp.contains("initial"));
    CHECK_FALSE(wp["negotiation"].contains("squeeze"));
    CHECK(wp["negotiation"]["split_gap"] == 0);  // required fields are always written
}

TEST_CASE("canonical text: reference key order, two-space indentation, UTF-8 as itself, a final newline",
          "[writer]") {
    Diagnostics d;
    json doc = scenario_json();
    // Keys in any order in the file …
    nlohmann::ordered_json shuffled;
    for (auto it = doc.rbegin(); it != doc.rend(); ++it) shuffled[it.key()] = *it;
    auto s = load(shuffled.dump(), d);
    INFO(show(d));
    REQUIRE(s);
    const std::string text = canonical_text(*s);
    // … come out in the reference's order.
    const nlohmann::ordered_json out = to_json(*s);
    std::vector<std::string> keys;
    for (const auto& [key, value] : out.items()) {
        (void)value;
        keys.push_back(key);
    }
    CHECK(keys == std::vector<std::string>{"kind", "format", "id", "title", "summary", "company", "situation",
                                           "entry_moment", "entry_note", "objectives", "level", "difficulty",
                                           "competencies", "personas", "state", "start", "patience_out", "nodes"});
    std::vector<std::string> option_keys;
    for (const auto& [key, value] : out["nodes"][1]["options"][0].items()) {
        (void)value;
        option_keys.push_back(key);
    }
    CHECK(option_keys == std::vector<std::string>{"id", "text", "tags", "if", "effects", "evidence", "feedback",
                                                  "branch", "next"});
    CHECK(text.rfind("{\n  \"kind\": \"scenario\",\n  \"format\": 1,\n  \"id\": \"mini\",\n  \"title\": {\n    \"zh\": "
                     "\"小测试\",\n",
                     0) == 0);
    CHECK(text.back() == '\n');
    CHECK(text[text.size() - 2] == '}');
    CHECK(text.find("\\u") == std::string::npos);
}

TEST_CASE("negotiation values and beta are written as decimals that read back exactly", "[writer]") {
    json doc = scenario_json();
    json& rate = doc["nodes"][2]["negotiation"]["issues"][0];
    rate["bank_walkaway"] = 4.6;  // 459.99999999999994 × 100 in a double
    rate["client_reservation"] = 4.65;
    rate["max"] = 6.00;
    Diagnostics d;
    auto s = load(doc, d);
    INFO(show(d));
    REQUIRE(s);
    const std::string text = canonical_text(*s);
    CHECK(text.find("\"bank_walkaway\": 4.6,") != std::string::npos);
    CHECK(text.find("\"client_reservation\": 4.65,") != std::string::npos);
    CHECK(text.find("\"max\": 6,") != std::string::npos);       // whole: an integer
    CHECK(text.find("\"step\": 0.05,") != std::string::npos);
    CHECK(text.find("\"min\": 0,") != std::string::npos);       // the fee's 0 with one decimal

    // Every unit value of a wide range comes back as itself.
    for (int decimals = 0; decimals <= 4; ++decimals) {
        for (std::int64_t units : {0LL, 1LL, 5LL, 7LL, 33LL, 460LL, 465LL, 999LL, 1001LL, 123456789LL, 99999999999LL}) {
            NegotiationIssue is;
            is.decimals = decimals;
            is.min = is.bank_target = is.bank_walkaway = is.bank_opening = is.client_opening =
                is.client_reservation = units;
            is.max = units + 1;
            Scenario one;
            one.id = "x";
            Node n;
            n.id = "n";
            n.kind = NodeKind::Negotiation;
            n.stage = Stage::Negotiation;
            auto block = std::make_shared<Negotiation>();
            block->issues = {is};
            n.negotiation = block;
            one.nodes = {n};
            const json v = json::parse(canonical_text(one))["nodes"][0]["negotiation"]["issues"][0]["min"];
            INFO(units << " with " << decimals << " decimals: " << v.dump());
            double scale = 1;
            for (int i = 0; i < decimals; ++i) scale *= 10;
            CHECK(static_cast<std::int64_t>(std::llround(v.get<double>() * scale)) == units);
            CHECK(std::llround(v.get<double>() * scale) / scale == v.get<double>());
        }
    }

    json p = persona_json();
    for (double beta : {0.1, 0.4, 1.0, 2.35, 9.99, 10.0}) {
        p["negotiation"]["beta"] = beta;
        Diagnostics dp;
        auto persona = parse_persona(p.dump(), "personas/analytical.json", model(), dp);
        REQUIRE(persona);
        const json written = json::parse(canonical_text(*persona))["negotiation"]["beta"];
        CHECK(written.get<double>() == beta);
    }
}

TEST_CASE("the comparison and the writer know every field of the model", "[writer]") {
    // A field added to the model changes its size: add it to the writer (writer.cpp), to the
    // loader, to model_compare.h, to full_*_json() above, then update the size here.
#if defined(__x86_64__) && defined(__GLIBCXX__) && !defined(_GLIBCXX_DEBUG)
    CHECK(sizeof(Scenario) == 776);
    CHECK(sizeof(Node) == 344);
    CHECK(sizeof(Option) == 1384);
    CHECK(sizeof(Consequence) == 384);
    CHECK(sizeof(Effects) == 240);
    CHECK(sizeof(Condition) == 152);
    CHECK(sizeof(Negotiation) == 240);
    CHECK(sizeof(NegotiationIssue) == 216);
    CHECK(sizeof(StateDecl) == 112);
    CHECK(sizeof(DutyRequirement) == 96);
    CHECK(sizeof(Persona) == 488);
    CHECK(sizeof(ConcessionPolicy) == 28);
    CHECK(sizeof(ReactionModifier) == 24);
    CHECK(sizeof(CompetencyModel) == 144);
    CHECK(sizeof(Close) == 544);
    CHECK(sizeof(Violation) == 72);
    CHECK(sizeof(ObjectionAnswer) == 40);
    CHECK(sizeof(Branch) == 184);
    CHECK(sizeof(Evidence) == 40);
    CHECK(sizeof(NeedDecl) == 96);
    CHECK(sizeof(ObjectionDecl) == 104);
    CHECK(sizeof(VariableDecl) == 40);
    CHECK(sizeof(Competency) == 104);
    CHECK(sizeof(Tier) == 104);
    CHECK(sizeof(PersonaProfile) == 24);
#else
    SUCCEED("sizes are pinned on x86-64 with libstdc++ only");
#endif
}
