// Catalogue coverage (coverage.h).
//
// What counts as exercising an item, per catalogue:
//   personas            the scenario lists the persona
//   entry moments       the scenario's entry_moment
//   objection methods   an option answers an objection with the method
//   closing strategies  an option closes with the strategy
//   red lines           an option crosses the red line (the trap is in the scenario)
//   duties              the scenario requires the duty, or an option fulfils it
//   competencies        some decision can give positive evidence on it (an option's, a close's
//                       premature consequence, or I from a negotiation block's moves)
//   stages, outcomes    a node of the stage; an ending with the outcome
//   3R results          an ending with outcome retained, referral or cross_sold (seed 001)
#include "parley/coverage.h"

#include <algorithm>
#include <set>

namespace parley {

namespace {

// Items used per scenario: catalogue id → item ids.
using Uses = std::map<std::string, std::set<std::string>>;

void positive_evidence(const Consequence& c, std::set<std::string>& into) {
    for (const auto& e : c.evidence)
        if (e.value > 0) into.insert(e.competency);
}

Uses uses_of(const Scenario& sc) {
    Uses u;
    for (const auto& p : sc.personas) u["personas"].insert(p);
    if (sc.entry_moment) u["entry_moments"].insert(std::string(id_of(*sc.entry_moment)));
    for (const auto& d : sc.duties) u["duties"].insert(std::string(id_of(d.duty)));
    for (const auto& n : sc.nodes) {
        u["stages"].insert(std::string(id_of(n.stage)));
        if (n.kind == NodeKind::Ending) u["outcomes"].insert(std::string(id_of(n.outcome)));
        if (n.kind == NodeKind::Negotiation) u["competencies"].insert("I");  // 商务谈判技巧
        for (const auto& o : n.options) {
            if (o.objection) u["objection_methods"].insert(std::string(id_of(o.objection->method)));
            if (o.close) {
                u["closing_strategies"].insert(std::string(id_of(o.close->strategy)));
                positive_evidence(o.close->premature, u["competencies"]);
            }
            if (o.violation) u["red_lines"].insert(std::string(id_of(o.violation->red_line)));
            for (Duty d : o.fulfils) u["duties"].insert(std::string(id_of(d)));
            positive_evidence(o.consequence, u["competencies"]);
        }
    }
    for (const auto& outcome : u["outcomes"])
        if (outcome == "retained" || outcome == "referral" || outcome == "cross_sold") u["3r_results"].insert(outcome);
    return u;
}

template <class E>
CoverageCatalogue from_enum(std::string id, Text name, bool (*keep)(E) = nullptr) {
    CoverageCatalogue c{std::move(id), std::move(name), {}};
    for (const auto& e : all<E>())
        if (!keep || keep(e.value)) c.items.push_back({std::string(e.id), e.name, {}});
    return c;
}

bool is_3r(OutcomeType o) {
    return o == OutcomeType::Retained || o == OutcomeType::Referral || o == OutcomeType::CrossSold;
}

}  // namespace

std::size_t CoverageCatalogue::used() const {
    return static_cast<std::size_t>(
        std::count_if(items.begin(), items.end(), [](const CoverageItem& i) { return !i.scenarios.empty(); }));
}

std::vector<CoverageCatalogue> coverage(const ContentSet& content) {
    std::vector<CoverageCatalogue> out;
    {
        CoverageCatalogue personas{"personas", {"客户类型", "Personas"}, {}};
        for (const auto& [id, p] : content.personas) personas.items.push_back({id, p.name, {}});
        out.push_back(std::move(personas));
    }
    out.push_back(from_enum<EntryMoment>("entry_moments", {"切入时机", "Entry moments"}));
    out.push_back(from_enum<ObjectionMethod>("objection_methods", {"异议处理方法", "Objection methods"}));
    out.push_back(from_enum<CloseStrategy>("closing_strategies", {"成交策略", "Closing strategies"}));
    out.push_back(from_enum<RedLine>("red_lines", {"合规红线", "Red lines"}));
    out.push_back(from_enum<Duty>("duties", {"合规义务", "Duties"}));
    {
        CoverageCatalogue competencies{"competencies", {"胜任能力(正面证据)", "Competencies (positive evidence)"}, {}};
        for (const auto& c : content.model.competencies) competencies.items.push_back({c.id, c.name, {}});
        out.push_back(std::move(competencies));
    }
    out.push_back(from_enum<Stage>("stages", {"会谈阶段", "Stages"}));
    out.push_back(from_enum<OutcomeType>("outcomes", {"结局", "Outcomes"}));
    out.push_back(from_enum<OutcomeType>("3r_results", {"3R 成果", "3R results"}, &is_3r));

    for (const auto& sc : content.scenarios) {
        const Uses u = uses_of(*sc);
        for (auto& cat : out) {
            auto it = u.find(cat.id);
            if (it == u.end()) continue;
            for (auto& item : cat.items)
                if (it->second.count(item.id)) item.scenarios.push_back(sc->id);
        }
    }
    return out;
}

nlohmann::json to_json(const std::vector<CoverageCatalogue>& catalogues, const ContentSet& content) {
    nlohmann::json scenarios = nlohmann::json::array();
    for (const auto& sc : content.scenarios) scenarios.push_back(sc->id);
    nlohmann::json cats = nlohmann::json::array();
    for (const auto& c : catalogues) {
        nlohmann::json items = nlohmann::json::array();
        for (const auto& i : c.items)
            items.push_back({{"id", i.id}, {"name", {{"zh", i.name.zh}, {"en", i.name.en}}}, {"scenarios", i.scenarios}});
        cats.push_back({{"id", c.id},
                        {"name", {{"zh", c.name.zh}, {"en", c.name.en}}},
                        {"used", c.used()},
                        {"total", c.items.size()},
                        {"items", std::move(items)}});
    }
    return {{"scenarios", std::move(scenarios)}, {"catalogues", std::move(cats)}};
}

}  // namespace parley
