// Small documents for the loader tests: a valid competency model, persona and scenario that
// each test copies and breaks in one place. Functions return fresh values (nothing shared).
#pragma once

#include <string>
#include <string_view>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "parley/loader.h"

namespace loader_fixture {

using nlohmann::json;

inline std::string model_text() {
    return R"({
  "kind": "competency_model", "format": 1,
  "competencies": [
    {"id": "A", "name": {"zh": "沟通能力", "en": "Communication"}, "core": true, "weight": 2},
    {"id": "C", "name": {"zh": "挖掘需求与发现商机", "en": "Need discovery"}, "core": true, "weight": 2},
    {"id": "I", "name": {"zh": "商务谈判技巧", "en": "Negotiation"}}
  ],
  "tiers": [
    {"id": "junior", "name": {"zh": "初级", "en": "Junior"}, "min_total": 0},
    {"id": "intermediate", "name": {"zh": "中级", "en": "Intermediate"}, "min_total": 60},
    {"id": "senior", "name": {"zh": "高级", "en": "Senior"}, "min_total": 80}
  ],
  "stars": [40, 60, 75],
  "critical_violation_cap": 30,
  "shares": {"competencies": 60, "outcome": 25, "negotiation": 15}
})";
}

inline json persona_json(const std::string& id = "analytical") {
    json cues = json::object();
    for (const char* e : {"boredom", "nervousness", "anger", "defensiveness", "suspicion", "calm", "pleased"})
        cues[e] = json::array({{{"zh", std::string("线索-") + e}, {"en", std::string("cue for ") + e}}});
    return json{
        {"kind", "persona"}, {"format", 1}, {"id", id},
        {"name", {{"zh", "分析型客户"}, {"en", "The analyst"}}},
        {"summary", {{"zh", "重视数据"}, {"en", "Wants data"}}},
        {"approach", {{"zh", "用事实说话"}, {"en", "Bring facts"}}},
        {"social_style", {{"assertiveness", -40}, {"responsiveness", -60}}},
        {"profile", {{"patience", 60}, {"price_sensitivity", 50}, {"skepticism", 80},
                    {"decisiveness", 40}, {"talkativeness", 30}, {"risk_appetite", 30}}},
        {"initial", {{"trust", -10}, {"patience", 2}}},
        {"reactions", {{"facts_data", {{"scale", 150}, {"trust", 2}}},
                       {"pushiness", {{"scale", 200}, {"patience", -1}, {"emotion", "defensiveness"}}}}},
        {"methods", {{"questioning", 130}, {"direct_rebuttal", 60}}},
        {"cues", cues},
        {"negotiation", {{"beta", 0.4}, {"reciprocity", 30}, {"patience_rounds", 7},
                         {"split_gap", 0}, {"nibble_tolerance", 5}}},
    };
}

inline json scenario_json() {
    return json::parse(R"({
  "kind": "scenario", "format": 1, "id": "mini",
  "title": {"zh": "小测试", "en": "Mini"},
  "summary": {"zh": "摘要", "en": "Summary"},
  "company": {"zh": "公司", "en": "Company"},
  "situation": {"zh": "情况", "en": "Situation"},
  "entry_moment": "new_project",
  "entry_note": {"zh": "新项目", "en": "New project"},
  "objectives": [{"zh": "了解需求", "en": "Find the need"}],
  "level": 1, "difficulty": "normal",
  "competencies": ["A", "C"],
  "personas": ["analytical"],
  "state": {
    "trust": 40, "interest": 30, "patience": 8, "emotion": "calm",
    "variables": {"benefits_linked": 0},
    "flags": ["agenda_set"],
    "needs": [{"id": "cash_flow", "label": {"zh": "现金流", "en": "Cash flow"}}],
    "objections": [{"id": "rate_too_high", "type": "price", "label": {"zh": "利率高", "en": "Rate too high"}}]
  },
  "start": "open",
  "patience_out": "end_left",
  "nodes": [
    {"id": "open", "stage": "opening", "line": {"zh": "你好", "en": "Hello"}, "emotion": "calm",
     "options": [
       {"id": "agenda", "text": {"zh": "说明议程", "en": "Set the agenda"}, "tags": ["agenda"],
        "effects": {"trust": 5, "set_flags": ["agenda_set"]}, "evidence": {"A": 2},
        "feedback": {"zh": "先说明议程", "en": "Agenda first"}, "next": "probe"},
       {"id": "push", "text": {"zh": "马上签吧", "en": "Sign now"}, "tags": ["pushiness"],
        "effects": {"trust": -10}, "evidence": {"A": -2},
        "feedback": {"zh": "太急了", "en": "Too pushy"}, "next": "end_left"}
     ]},
    {"id": "probe", "stage": "probing", "line": {"zh": "回款慢", "en": "Payments are slow"},
     "line_by_persona": {"analytical": {"zh": "数据显示回款慢", "en": "The data say payments are slow"}},
     "options": [
       {"id": "ask", "text": {"zh": "影响有多大?", "en": "How big is the impact?"}, "tags": ["open_question"],
        "if": {"all": [{"flag": "agenda_set"}, {"var": "trust", "op": ">=", "value": 30}]},
        "effects": {"discover_needs": ["cash_flow"], "add": {"benefits_linked": 1}},
        "evidence": {"C": 2}, "feedback": {"zh": "开放式提问", "en": "Open question"},
        "branch": [{"if": {"need": "cash_flow"}, "next": "terms"}],
        "next": "end_left"},
       {"id": "close", "text": {"zh": "签约吧", "en": "Shall we sign?"},
        "close": {"strategy": "direct", "timely_if": {"need": "cash_flow"},
                  "premature": {"effects": {"trust": -5}, "feedback": {"zh": "为时过早", "en": "Too early"},
                                "next": "end_left"}},
        "objection": {"id": "rate_too_high", "method": "yes_if"},
        "feedback": {"zh": "直接请求", "en": "Direct request"}, "next": "terms"}
     ]},
    {"id": "terms", "stage": "negotiation", "line": {"zh": "利率太高", "en": "The rate is too high"},
     "negotiation": {
       "briefing": {"zh": "准备", "en": "Prepare"},
       "issues": [
         {"id": "rate", "label": {"zh": "利率", "en": "Rate"}, "unit": "%", "decimals": 2,
          "min": 3.50, "max": 6.00, "step": 0.05, "bank_prefers": "higher",
          "bank_target": 5.20, "bank_walkaway": 4.60, "bank_opening": 5.60,
          "client_opening": 4.20, "client_reservation": 5.00, "weight": 3},
         {"id": "fee", "label": {"zh": "费用", "en": "Fee"}, "unit": "万元", "decimals": 1,
          "min": 0, "max": 2, "step": 0.1, "bank_prefers": "higher",
          "bank_target": 1.0, "bank_walkaway": 0.5, "bank_opening": 1.5,
          "client_opening": 0, "client_reservation": 0.8}
       ],
       "max_rounds": 8, "max_concessions": 3,
       "should_concede": ["fee"], "must_hold": ["rate"],
       "on_deal": "end_deal", "on_no_deal": "end_left", "on_client_quit": "end_left"
     }},
    {"id": "end_deal", "stage": "ending", "outcome": "deal", "outcome_score": 100,
     "line": {"zh": "成交", "en": "Deal"}, "summary": {"zh": "达成", "en": "Agreed"}},
    {"id": "end_left", "stage": "ending", "outcome": "client_left", "outcome_score": 0,
     "line": {"zh": "再见", "en": "Goodbye"}, "summary": {"zh": "客户离开", "en": "The client left"}}
  ]
})");
}

inline parley::CompetencyModel model() {
    parley::Diagnostics d;
    auto m = parley::parse_competency_model(model_text(), "competencies.json", d);
    REQUIRE(m);
    return *m;
}

inline std::map<std::string, parley::Persona> personas() {
    parley::Diagnostics d;
    auto p = parley::parse_persona(persona_json().dump(2), "personas/analytical.json", model(), d);
    REQUIRE(p);
    return {{p->id, *p}};
}

inline std::string show(const parley::Diagnostics& d) {
    std::string out;
    for (const auto& item : d.items) out += parley::format(item) + "\n";
    return out;
}

// The first diagnostic whose message contains `text` (and whose pointer is `pointer`,
// when one is given).
inline const parley::Diagnostic* find(const parley::Diagnostics& d, std::string_view text,
                                      std::string_view pointer = {}) {
    for (const auto& item : d.items)
        if (item.message.find(text) != std::string::npos && (pointer.empty() || item.pointer == pointer))
            return &item;
    return nullptr;
}

// Loads a scenario document against the fixture's model and persona.
inline std::shared_ptr<const parley::Scenario> load(const std::string& text, parley::Diagnostics& d) {
    return parley::parse_scenario(text, "mini.json", model(), personas(), d);
}
inline std::shared_ptr<const parley::Scenario> load(const json& doc, parley::Diagnostics& d) {
    return load(doc.dump(2), d);
}

}  // namespace loader_fixture
