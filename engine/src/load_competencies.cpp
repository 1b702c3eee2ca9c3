// Loading the competency model (competencies.json, format reference §1; seed 003).
#include <map>

#include "json_reader.h"
#include "parley/loader.h"
#include "parley/writer.h"

namespace parley {

namespace {

bool competency_id(std::string_view id) {
    return id.size() == 1 && id[0] >= 'A' && id[0] <= 'Z';
}

void read_competencies(Reader& r, const json& v, CompetencyModel& m) {
    const json::array_t* arr = r.array(v, true);
    if (!arr) return;
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Reader::At at(r, i);
        const json& item = (*arr)[i];
        if (!r.expect_object(item)) continue;
        Competency c;
        Fields f(r, item);
        if (f.string("id", c.id, Required)) {
            Reader::At at_id(r, "id");
            if (!competency_id(c.id)) {
                r.error("invalid competency id \"" + printable(c.id, 40) + "\": competency ids are one capital letter (A…K)");
            } else if (auto [it, fresh] = seen.emplace(c.id, i); !fresh) {
                r.error("duplicate competency id \"" + c.id + "\" (first at /competencies/" +
                        std::to_string(it->second) + ")");
            }
        }
        f.text("name", c.name, Required);
        f.boolean("core", c.core, Optional);
        f.integer("weight", c.weight, 1, 100, Optional);
        m.competencies.push_back(std::move(c));
    }
}

void read_tiers(Reader& r, const json& v, CompetencyModel& m) {
    const json::array_t* arr = r.array(v, true);
    if (!arr) return;
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Reader::At at(r, i);
        const json& item = (*arr)[i];
        if (!r.expect_object(item)) continue;
        Tier t;
        Fields f(r, item);
        if (f.id("id", t.id, Required)) {
            if (auto [it, fresh] = seen.emplace(t.id, i); !fresh) {
                Reader::At at_id(r, "id");
                r.error("duplicate tier id \"" + t.id + "\" (first at /tiers/" + std::to_string(it->second) + ")");
            }
        }
        f.text("name", t.name, Required);
        if (f.integer("min_total", t.min_total, 0, 100, Required)) {
            Reader::At at_min(r, "min_total");
            if (i == 0 && t.min_total != 0)
                r.error("the first tier must start at min_total 0, so every total has a tier");
            else if (i > 0 && !m.tiers.empty() && t.min_total <= m.tiers.back().min_total)
                r.error("tiers must ascend: min_total " + std::to_string(t.min_total) +
                        " is not above the previous tier's " + std::to_string(m.tiers.back().min_total));
        }
        m.tiers.push_back(std::move(t));
    }
}

void read_stars(Reader& r, const json& v, CompetencyModel& m) {
    const json::array_t* arr = r.array(v);
    if (!arr) return;
    if (arr->size() != 3) {
        r.error("expected 3 star thresholds (for 1, 2 and 3 stars), found " + std::to_string(arr->size()));
        return;
    }
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Reader::At at(r, i);
        auto n = r.integer((*arr)[i], 0, 100);
        if (!n) continue;
        if (!m.star_thresholds.empty() && *n <= m.star_thresholds.back())
            r.error("star thresholds must ascend: " + std::to_string(*n) + " is not above " +
                    std::to_string(m.star_thresholds.back()));
        m.star_thresholds.push_back(static_cast<int>(*n));
    }
}

void read_shares(Reader& r, const json& v, CompetencyModel& m) {
    if (!r.expect_object(v)) return;
    Fields f(r, v);
    bool a = f.integer("competencies", m.share_competencies, 0, 100, Required);
    bool b = f.integer("outcome", m.share_outcome, 0, 100, Required);
    bool c = f.integer("negotiation", m.share_negotiation, 0, 100, Required);
    int sum = m.share_competencies + m.share_outcome + m.share_negotiation;
    if (a && b && c && sum != 100)
        r.error("score shares must sum to 100, found " + std::to_string(m.share_competencies) + " + " +
                std::to_string(m.share_outcome) + " + " + std::to_string(m.share_negotiation) + " = " +
                std::to_string(sum));
}

// The negotiation part's three parts (双赢: value for the bank, the client's satisfaction, the
// concession rules); optional as a whole, all three when given.
void read_negotiation_parts(Reader& r, const json& v, CompetencyModel& m) {
    if (!r.expect_object(v)) return;
    Fields f(r, v);
    bool a = f.integer("bank_value", m.part_bank_value, 0, 100, Required);
    bool b = f.integer("client_satisfaction", m.part_client_satisfaction, 0, 100, Required);
    bool c = f.integer("rule_adherence", m.part_rule_adherence, 0, 100, Required);
    int sum = m.part_bank_value + m.part_client_satisfaction + m.part_rule_adherence;
    if (a && b && c && sum != 100)
        r.error("negotiation parts must sum to 100, found " + std::to_string(m.part_bank_value) + " + " +
                std::to_string(m.part_client_satisfaction) + " + " + std::to_string(m.part_rule_adherence) +
                " = " + std::to_string(sum));
}

}  // namespace

std::optional<CompetencyModel> parse_competency_model(std::string_view text, const std::string& file,
                                                      Diagnostics& diags) {
    Reporter rep(text, file, diags);
    std::optional<json> doc = parse_json(rep);
    if (!doc) return std::nullopt;

    Reader r(rep);
    CompetencyModel m;
    m.file = file;
    {
        Fields f(r, *doc);
        if (!read_header(f, "competency_model")) return std::nullopt;
        if (const json* v = f.get("competencies", Required)) {
            Reader::At at(r, "competencies");
            read_competencies(r, *v, m);
        }
        if (const json* v = f.get("tiers", Required)) {
            Reader::At at(r, "tiers");
            read_tiers(r, *v, m);
        }
        if (const json* v = f.get("stars", Required)) {
            Reader::At at(r, "stars");
            read_stars(r, *v, m);
        }
        // A run failed by a critical red line earns no star: its cap is below the first star.
        if (f.integer("critical_violation_cap", m.critical_violation_cap, 0, 100, Required) &&
            !m.star_thresholds.empty() && m.critical_violation_cap >= m.star_thresholds.front()) {
            Reader::At at(r, "critical_violation_cap");
            r.error("critical_violation_cap " + std::to_string(m.critical_violation_cap) +
                    " must be below the first star threshold " + std::to_string(m.star_thresholds.front()) +
                    ", so that a run failed by a critical violation earns no star");
        }
        f.integer("evidence_prior", m.evidence_prior, 1, 100, Optional);
        if (const json* v = f.get("shares", Required)) {
            Reader::At at(r, "shares");
            read_shares(r, *v, m);
        }
        if (const json* v = f.get("negotiation_parts")) {
            Reader::At at(r, "negotiation_parts");
            read_negotiation_parts(r, *v, m);
        }
    }
    rep.flush();
    if (rep.errors() > 0) return std::nullopt;
    m.content_hash = content_hash_of(m);  // over the model, not the text (§6.2)
    return m;
}

}  // namespace parley
