// Scenario analysis, part 3: the value of each decision at a point of a run, and the regret of
// every decision of a finished run (the debrief's "the best choice here was …, worth …").
//
// Both use one memoised state graph: after the first decision point has been explored, later
// points of the same run are mostly states already known.
#include <algorithm>

#include "analysis_graph.h"
#include "parley/analysis.h"

namespace parley {

namespace {

using detail::kNone;
using detail::StateGraph;

// The decision just taken, as the session describes it (option text or negotiation move).
Text text_of_last(const Session& s) {
    return s.decisions().empty() ? Text{} : s.decisions().back().option_text;
}

PathResult value_after(const StateGraph& g, const Session& child, std::uint32_t v) {
    if (v != kNone && g.at(v).best.some) return g.result(child, v, true);
    PathResult none;   // no finished result is reachable after this decision
    for (const auto& d : child.decisions()) none.choices.push_back(d.decision);
    return none;
}

}  // namespace

std::vector<DecisionValue> decision_values(const Session& at, const AnalysisLimits& limits) {
    std::vector<DecisionValue> out;
    StateGraph g(limits);
    const std::uint32_t root = g.explore(at);
    if (root == kNone) return out;
    const std::vector<std::string> candidates = candidate_decisions(at);
    for (const auto& e : g.at(root).edges) {
        DecisionValue dv;
        dv.decision = candidates.at(e.candidate);
        Session child = at;
        child.decide(dv.decision);
        dv.text = text_of_last(child);
        dv.best = value_after(g, child, e.to);
        out.push_back(std::move(dv));
    }
    return out;
}

std::vector<DecisionRegret> regrets(const ContentSet& content, const Transcript& t,
                                    const AnalysisLimits& limits) {
    std::vector<DecisionRegret> out;
    std::string error;
    if (!replay(content, t, error)) return out;
    Session s(content, content.scenario(t.scenario), t.persona, t.seed, t.difficulty);
    StateGraph g(limits);
    for (std::size_t i = 0; i < t.decisions.size(); ++i) {
        const std::string& chosen = t.decisions[i];
        const std::uint32_t v = g.explore(s);
        if (v == kNone) break;
        const std::vector<std::string> candidates = candidate_decisions(s);

        Session after = s;
        after.decide(chosen);
        std::uint32_t chosen_v = kNone;
        for (const auto& e : g.at(v).edges)
            if (candidates.at(e.candidate) == chosen) chosen_v = e.to;
        if (chosen_v == kNone) chosen_v = g.explore(after);   // a move outside the tried set
        const detail::Reach none;
        const detail::Reach& mine = chosen_v == kNone ? none : g.at(chosen_v).best;

        // The chosen decision stays "best" unless another one keeps a strictly better total.
        DecisionRegret r;
        r.index = i;
        r.chosen = chosen;
        r.chosen_best_total = mine.total;
        r.best = chosen;
        r.best_text = text_of_last(after);
        detail::Reach top = mine;
        for (const auto& e : g.at(v).edges) {
            const detail::Reach& alt = g.at(e.to).best;
            if (!alt.some || (top.some && alt.total <= top.total)) continue;
            top = alt;
            Session other = s;
            other.decide(candidates.at(e.candidate));
            r.best = candidates.at(e.candidate);
            r.best_text = text_of_last(other);
        }
        r.best_total = top.total;
        r.best_stars = top.stars;
        out.push_back(std::move(r));
        s = std::move(after);
    }
    return out;
}

nlohmann::json regrets_to_json(const std::vector<DecisionRegret>& r, Lang lang) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& d : r)
        out.push_back({{"index", d.index},
                       {"chosen", d.chosen},
                       {"chosen_best_total", d.chosen_best_total},
                       {"best", d.best},
                       {"best_text", d.best_text.in(lang)},
                       {"best_total", d.best_total},
                       {"best_stars", d.best_stars},
                       {"regret", regret_of(d)}});
    return out;
}

}  // namespace parley
