// Contents: 1. result summaries as JSON  2. the class report as JSON  3. the class debrief
#include "class_report.h"

#include <algorithm>
#include <map>

namespace parley::board {

using nlohmann::json;

namespace {

json text_json(const Text& t) { return {{"zh", t.zh}, {"en", t.en}}; }
Text text_of(const json& j) { return {j.at("zh").get<std::string>(), j.at("en").get<std::string>()}; }

// A JSON string as nlohmann's dump() writes it: UTF-8 as it is; quote, backslash and control
// characters escaped (\b \f \n \r \t, the rest \u00xx).
void put_string(std::string& out, const std::string& v) {
    static const char* hex = "0123456789abcdef";
    out += '"';
    for (const char ch : v) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 0xF];
                } else {
                    out += ch;
                }
        }
    }
    out += '"';
}

void put_text(std::string& out, const Text& t) {   // {"en":…,"zh":…}, keys sorted as dump() sorts them
    out += "{\"en\":";
    put_string(out, t.en);
    out += ",\"zh\":";
    put_string(out, t.zh);
    out += '}';
}

}  // namespace

// ============================================================================
// 1. Result summaries as JSON
// ============================================================================

json to_json(const ResultSummary& s) {
    json comps = json::array();
    for (const auto& [id, v] : s.competencies) comps.push_back({id, v});
    json choices = json::array();
    for (const auto& c : s.choices)
        choices.push_back({{"node", c.node}, {"key", c.key}, {"text", text_json(c.text)}, {"best_key", c.best_key},
                           {"best_text", text_json(c.best_text)}, {"regret", c.regret}});
    return {{"total", s.total}, {"stars", s.stars}, {"tier", s.tier}, {"failed", s.failed},
            {"violations", s.violations}, {"critical", s.critical}, {"competencies", comps},
            {"choices", choices}};
}

std::string summary_text(const ResultSummary& s) {
    std::string out;
    out.reserve(256 + s.choices.size() * 320);
    auto number = [&](long v) { out += std::to_string(v); };
    out += "{\"choices\":[";   // the keys in the order dump() writes them (sorted)
    for (std::size_t i = 0; i < s.choices.size(); ++i) {
        const Choice& c = s.choices[i];
        if (i) out += ',';
        out += "{\"best_key\":";
        put_string(out, c.best_key);
        out += ",\"best_text\":";
        put_text(out, c.best_text);
        out += ",\"key\":";
        put_string(out, c.key);
        out += ",\"node\":";
        put_string(out, c.node);
        out += ",\"regret\":";
        number(c.regret);
        out += ",\"text\":";
        put_text(out, c.text);
        out += '}';
    }
    out += "],\"competencies\":[";
    for (std::size_t i = 0; i < s.competencies.size(); ++i) {
        if (i) out += ',';
        out += '[';
        put_string(out, s.competencies[i].first);
        out += ',';
        number(s.competencies[i].second);
        out += ']';
    }
    out += "],\"critical\":";
    number(s.critical);
    out += ",\"failed\":";
    out += s.failed ? "true" : "false";
    out += ",\"stars\":";
    number(s.stars);
    out += ",\"tier\":";
    put_string(out, s.tier);
    out += ",\"total\":";
    number(s.total);
    out += ",\"violations\":";
    number(s.violations);
    out += '}';
    return out;
}

ResultSummary summary_from_json(const json& j) {
    ResultSummary s;
    s.total = j.at("total");
    s.stars = j.at("stars");
    s.tier = j.at("tier");
    s.failed = j.at("failed");
    s.violations = j.at("violations");
    s.critical = j.at("critical");
    for (const auto& c : j.at("competencies")) s.competencies.emplace_back(c.at(0), c.at(1));
    for (const auto& c : j.at("choices"))
        s.choices.push_back({c.at("node"), c.at("key"), text_of(c.at("text")), c.at("best_key"),
                             text_of(c.at("best_text")), c.at("regret")});
    return s;
}

// ============================================================================
// 2. The class report as JSON
// ============================================================================

json to_json(const ClassReport& r) {
    json comps = json::array();
    for (const auto& c : r.competencies) comps.push_back({{"id", c.id}, {"name", text_json(c.name)}, {"core", c.core}});
    json trainees = json::array();
    for (const auto& t : r.trainees) {
        json row = {{"player_id", t.player_id}, {"name", t.name}, {"decisions", t.decisions}, {"stage", t.stage},
                    {"finished", t.result.has_value()}};
        if (t.result) {
            row["rank"] = t.rank;
            row["total"] = t.result->total;
            row["stars"] = t.result->stars;
            row["tier"] = t.result->tier;
            row["violations"] = t.result->violations;
            row["critical_violations"] = t.result->critical;
            json cs = json::object();
            for (const auto& [id, v] : t.result->competencies) cs[id] = v;
            row["competencies"] = cs;
        }
        if (t.seconds) row["seconds"] = *t.seconds;
        trainees.push_back(row);
    }
    json avg = json::object();
    for (std::size_t i = 0; i < r.competencies.size() && i < r.class_average.size(); ++i)
        avg[r.competencies[i].id] = r.class_average[i];
    json debrief = json::array();
    for (const auto& n : r.debrief) {
        json choices = json::array();
        for (const auto& c : n.choices)
            choices.push_back({{"key", c.key}, {"text", text_json(c.text)}, {"count", c.count}, {"best", c.best}});
        debrief.push_back({{"node", n.node}, {"stage", std::string(id_of(n.stage))}, {"line", text_json(n.line)},
                           {"decisions", n.decisions}, {"choices", choices}, {"best_key", n.best_key},
                           {"best_text", text_json(n.best_text)}, {"average_regret", n.average_regret}});
    }
    return {{"code", r.code},
            {"state", r.state},
            {"scenario", r.scenario},
            {"scenario_title", text_json(r.scenario_title)},
            {"persona", r.persona},
            {"persona_name", text_json(r.persona_name)},
            {"seed", r.seed},
            {"difficulty", std::string(id_of(r.difficulty))},
            {"competencies", comps},
            {"trainees", trainees},
            {"class_average", avg},
            {"average_total", r.average_total ? json(*r.average_total) : json(nullptr)},
            {"debrief", debrief}};
}

// ============================================================================
// 3. The class debrief
// ============================================================================

std::vector<NodeDebrief> class_debrief(const Scenario& scenario, const std::string& persona,
                                       const std::vector<const ResultSummary*>& results) {
    struct Tally {
        std::map<std::string, ChoiceCount> choices;
        std::map<std::string, std::pair<int, Text>> best;   // best key → (times named, text)
        int decisions = 0;
        long regret = 0;
    };
    std::map<std::string, Tally> by_node;
    for (const auto* r : results)
        for (const auto& c : r->choices) {
            auto& t = by_node[c.node];
            auto& cc = t.choices[c.key];
            cc.key = c.key;
            cc.text = c.text;
            ++cc.count;
            auto& b = t.best[c.best_key];
            ++b.first;
            b.second = c.best_text;
            ++t.decisions;
            t.regret += c.regret;
        }
    std::vector<NodeDebrief> out;
    for (const auto& node : scenario.nodes) {
        auto it = by_node.find(node.id);
        if (it == by_node.end()) continue;
        Tally& t = it->second;
        NodeDebrief d;
        d.node = node.id;
        d.stage = node.stage;
        auto line = node.line_by_persona.find(persona);
        d.line = line != node.line_by_persona.end() ? line->second : node.line;
        d.decisions = t.decisions;
        d.average_regret = static_cast<int>((t.regret * 2 + t.decisions) / (2 * t.decisions));
        // The best: named best most often; ties go to the key that sorts first (stable).
        int most = -1;
        for (const auto& [key, b] : t.best)
            if (b.first > most && !key.empty()) {
                most = b.first;
                d.best_key = key;
                d.best_text = b.second;
            }
        if (!d.best_key.empty() && !t.choices.count(d.best_key))
            t.choices[d.best_key] = {d.best_key, d.best_text, 0, false};
        for (auto& [key, c] : t.choices) {
            c.best = key == d.best_key;
            d.choices.push_back(c);
        }
        std::stable_sort(d.choices.begin(), d.choices.end(),
                         [](const ChoiceCount& a, const ChoiceCount& b) { return a.count > b.count; });
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace parley::board
