// Generated benchmark content: a competency model, one persona and a large, valid scenario
// built in memory as JSON text, so the benchmarks do not depend on the shipped content.
//
// The scenario is a long meeting: `dialogue_nodes` dialogue beats cycling through the stages,
// each with three options (an unconditional one with a branch, a flag-gated one, a pushy one
// that skips ahead), objection beats answered with a method, trial closes, then one negotiation
// block over two issues and three endings. Every node is reachable.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace parley::bench {

using nlohmann::json;

inline json text(const std::string& zh, const std::string& en) { return {{"zh", zh}, {"en", en}}; }

inline std::string competency_model_json() {
    const char* names[][2] = {{"沟通能力", "Communication"},
                              {"团队协作", "Teamwork"},
                              {"挖掘需求与发现商机", "Need discovery"},
                              {"顾问式营销技巧", "Consultative selling"},
                              {"关系能力", "Relationship building"},
                              {"信息搜集", "Information gathering"},
                              {"资源整合", "Resource integration"},
                              {"服务规范及商务礼仪", "Service standards and etiquette"},
                              {"商务谈判技巧", "Negotiation"},
                              {"产品知识", "Product knowledge"},
                              {"行业知识", "Industry knowledge"}};
    json comps = json::array();
    for (int i = 0; i < 11; ++i) {
        const std::string id(1, static_cast<char>('A' + i));
        const bool core = id == "A" || id == "C" || id == "D" || id == "J" || id == "K";
        comps.push_back({{"id", id}, {"name", text(names[i][0], names[i][1])}, {"core", core}, {"weight", core ? 2 : 1}});
    }
    json m = {{"kind", "competency_model"},
              {"format", 1},
              {"competencies", comps},
              {"tiers",
               {{{"id", "junior"}, {"name", text("初级", "Junior")}, {"min_total", 0}},
                {{"id", "intermediate"}, {"name", text("中级", "Intermediate")}, {"min_total", 60}},
                {{"id", "senior"}, {"name", text("高级", "Senior")}, {"min_total", 80}}}},
              {"stars", {40, 65, 85}},
              {"critical_violation_cap", 30},
              {"shares", {{"competencies", 60}, {"outcome", 25}, {"negotiation", 15}}}};
    return m.dump(2);
}

// A persona for the generated content. The negotiation parameters vary between the benchmark's
// clients: a Boulware client, a conceder, and a haggler who squeezes and nibbles at the close.
inline std::string persona_json(const std::string& id = "bench", double beta = 0.5, int reciprocity = 30,
                                int patience_rounds = 7, int squeeze = 0, int nibble_at_close = 0) {
    json cues = json::object();
    for (const char* e : {"boredom", "nervousness", "anger", "defensiveness", "suspicion", "calm", "pleased"})
        cues[e] = {text(std::string("客户显得") + e, std::string("The client looks ") + e),
                   text(std::string("客户明显") + e, std::string("The client is clearly ") + e)};
    json p = {{"kind", "persona"},
              {"format", 1},
              {"id", id},
              {"name", text("分析型客户", "The analyst")},
              {"summary", text("重视数据与细节。", "Values data and detail.")},
              {"approach", text("先给事实,再谈利益。", "Facts first, then benefits.")},
              {"social_style", {{"assertiveness", -40}, {"responsiveness", -60}}},
              {"profile",
               {{"patience", 60}, {"price_sensitivity", 50}, {"skepticism", 80}, {"decisiveness", 40},
                {"talkativeness", 30}, {"risk_appetite", 30}}},
              {"initial", {{"trust", -5}, {"interest", 0}, {"patience", 2}}},
              {"reactions",
               {{"facts_data", {{"scale", 150}, {"trust", 2}}},
                {"story", {{"scale", 50}}},
                {"pushiness", {{"scale", 200}, {"patience", -1}, {"emotion", "defensiveness"}}}}},
              {"methods", {{"questioning", 130}, {"direct_rebuttal", 60}}},
              {"cues", cues},
              {"negotiation",
               {{"beta", beta}, {"reciprocity", reciprocity}, {"patience_rounds", patience_rounds}, {"split_gap", 0},
                {"nibble_tolerance", 5}, {"squeeze", squeeze}, {"nibble_at_close", nibble_at_close}}}};
    return p.dump(2);
}

inline std::string node_id(int i) { return "n" + std::to_string(i); }

inline std::string big_scenario_json(int dialogue_nodes) {
    const char* stages[] = {"opening", "probing", "presenting", "agreement"};
    json flags = json::array(), needs = json::array();
    for (int f = 0; f < 8; ++f) flags.push_back("f" + std::to_string(f));
    for (int n = 0; n < 10; ++n)
        needs.push_back({{"id", "need" + std::to_string(n)},
                         {"label", text("需求" + std::to_string(n), "Need " + std::to_string(n))}});

    json nodes = json::array();
    auto next_of = [&](int i) { return i < dialogue_nodes ? node_id(i) : std::string("terms"); };
    for (int i = 0; i < dialogue_nodes; ++i) {
        const std::string n = std::to_string(i);
        const bool objection = i % 100 == 99;
        const bool closing = i % 100 == 49;
        json node = {{"id", node_id(i)},
                     {"stage", objection ? "objection" : closing ? "closing" : stages[i % 4]},
                     {"line", text("第" + n + "步:客户说我们需要再考虑一下资金安排和还款计划。",
                                   "Step " + n + ": the client says they need to think about funding and repayment.")}};
        if (i % 10 == 0)
            node["line_by_persona"] = {{"bench", text("第" + n + "步:分析型客户要求看数据。",
                                                      "Step " + n + ": the analyst asks for the numbers.")}};
        if (i % 25 == 0) node["emotion"] = "suspicion";

        json effects_a = {{"interest", 1}, {"add", {{"steps", 1}}}};
        if (i % 4 == 1) effects_a["discover_needs"] = {"need" + std::to_string(i % 10)};
        if (i % 4 == 2) effects_a["raise_objections"] = {"price"};
        json a = {{"id", "a"},
                  {"text", text("能具体说说第" + n + "项安排吗?", "Could you tell me more about item " + n + "?")},
                  {"tags", {"open_question"}},
                  {"effects", effects_a},
                  {"evidence", {{"C", 1}, {"A", 1}}},
                  {"feedback", text("开放式提问让客户说出需求。", "An open question lets the client state the need.")},
                  {"branch",
                   {{{"if", {{"all", {{{"var", "trust"}, {"op", ">="}, {"value", 90}}, {{"flag", "f1"}}}}}},
                     {"next", next_of(i + 2)}}}},
                  {"next", next_of(i + 1)}};
        if (objection) {
            a["objection"] = {{"id", "price"}, {"method", "questioning"}};
            a["effects"]["resolve_objections"] = {"price"};
        }
        if (closing)
            a["close"] = {{"strategy", "trial"},
                          {"timely_if", {{"var", "interest"}, {"op", ">="}, {"value", 40}}},
                          {"premature",
                           {{"effects", {{"trust", -2}}},
                            {"feedback", text("促成过早。", "The close came too early.")},
                            {"next", next_of(i + 1)}}}};
        json b = {{"id", "b"},
                  {"text", text("用数据说明第" + n + "项的收益。", "Show the numbers behind item " + n + ".")},
                  {"tags", {"facts_data"}},
                  {"if", {{"flag", "f" + std::to_string(i % 8)}}},
                  {"effects", {{"trust", 2}, {"set_flags", {"f" + std::to_string((i + 1) % 8)}}}},
                  {"evidence", {{"D", 1}, {"J", 1}}},
                  {"feedback", text("事实与数据打动分析型客户。", "Facts and data persuade an analyst.")},
                  {"next", next_of(i + 1)}};
        json c = {{"id", "c"},
                  {"text", text("别犹豫了,今天就签吧。", "Don't hesitate, sign today.")},
                  {"tags", {"pushiness"}},
                  {"effects", {{"trust", -2}, {"set_flags", {"f" + std::to_string(i % 8)}}}},
                  {"evidence", {{"A", -1}}},
                  {"feedback", text("施压会让客户防御。", "Pressure puts the client on guard.")},
                  {"next", next_of(i + 2)}};
        node["options"] = {a, b, c};
        nodes.push_back(node);
    }
    nodes.push_back(
        {{"id", "terms"},
         {"stage", "negotiation"},
         {"line", text("利率太高了,4.2%我们就签。", "The rate is too high. At 4.2% we sign.")},
         {"negotiation",
          {{"briefing", text("守住利率,费用可以让。", "Hold the rate; the fee can move.")},
           {"issues",
            {{{"id", "rate"}, {"label", text("贷款利率", "Loan rate")}, {"unit", "%"}, {"decimals", 2},
              {"min", 3.50}, {"max", 6.00}, {"step", 0.05}, {"bank_prefers", "higher"}, {"bank_target", 5.20},
              {"bank_walkaway", 4.60}, {"bank_opening", 5.60}, {"client_opening", 4.20},
              {"client_reservation", 5.00}, {"weight", 3}, {"client_weight", 1}},
             {{"id", "fee"}, {"label", text("手续费", "Fee")}, {"unit", "%"}, {"decimals", 2}, {"min", 0.00},
              {"max", 1.00}, {"step", 0.05}, {"bank_prefers", "higher"}, {"bank_target", 0.50},
              {"bank_walkaway", 0.20}, {"bank_opening", 0.80}, {"client_opening", 0.10},
              {"client_reservation", 0.40}, {"weight", 1}, {"client_weight", 3}}}},
           {"max_rounds", 8},
           {"max_concessions", 3},
           {"should_concede", {"fee"}},
           {"must_hold", {"rate"}},
           {"on_deal", "end_deal"},
           {"on_no_deal", "end_no_deal"},
           {"on_client_quit", "end_left"}}}});
    const auto ending = [&](const char* id, const char* outcome, int score, const char* en) {
        nodes.push_back({{"id", id},
                         {"stage", "ending"},
                         {"outcome", outcome},
                         {"outcome_score", score},
                         {"line", text("会谈结束。", "The meeting is over.")},
                         {"summary", text("会谈结束。", en)}});
    };
    ending("end_deal", "deal", 100, "The loan was agreed.");
    ending("end_no_deal", "no_deal", 30, "No agreement.");
    ending("end_left", "client_left", 0, "The client ran out of patience.");

    json s = {{"kind", "scenario"},
              {"format", 1},
              {"id", "generated"},
              {"title", text("生成的长会谈", "A generated long meeting")},
              {"summary", text("基准测试用。", "For benchmarks.")},
              {"company", text("基准贸易公司", "Benchmark Trading Ltd")},
              {"situation", text("客户需要流动资金。", "The client needs working capital.")},
              {"entry_moment", "new_project"},
              {"entry_note", text("客户刚接到新订单。", "The client has just won a new order.")},
              {"objectives", {text("了解需求并谈定条件。", "Find the need and agree terms.")}},
              {"level", 2},
              {"difficulty", "normal"},
              {"competencies", {"A", "C", "D", "I", "J"}},
              {"personas", {"bench"}},
              {"state",
               {{"trust", 40},
                {"interest", 30},
                {"patience", 60},
                {"emotion", "calm"},
                {"variables", {{"steps", 0}}},
                {"flags", flags},
                {"needs", needs},
                {"objections", {{{"id", "price"}, {"type", "price"}, {"label", text("价格太高", "Too expensive")}}}}}},
              {"start", node_id(0)},
              {"patience_out", "end_left"},
              {"nodes", nodes}};
    return s.dump(2);
}

}  // namespace parley::bench
