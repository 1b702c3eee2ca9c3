// Scenario analysis: the value of each decision at a point of a run, and the regret of every
// decision of a finished run (the debrief's "the best choice here was …, worth …").
//
// Both use one analyzer: after the first decision point has been explored, later points of the
// same run are situations and histories already known.
#include <algorithm>

#include "analysis_graph.h"
#include "parley/analysis.h"

namespace parley {

namespace {

using detail::Analyzer;
using detail::kNone;

// The decision just taken, as the session describes it (option text or negotiation move).
Text text_of_last(const Session& s) {
    return s.decisions().empty() ? Text{} : s.decisions().back().option_text;
}

// The best finished result after `child` (the run so far included), or a result with no
// ending when none is reachable.
PathResult best_after(Analyzer& an, const Session& child) {
    const std::uint32_t p = an.explore(child);
    std::string problem;
    if (p != kNone)
        if (auto best = an.result(child, p, true, problem)) return *best;
    PathResult none;
    for (const auto& d : child.decisions()) none.choices.push_back(d.decision);
    return none;
}

}  // namespace

std::vector<DecisionValue> decision_values(const Session& at, const AnalysisLimits& limits) {
    std::vector<DecisionValue> out;
    Analyzer an(at, limits);
    for (const auto& decision : candidate_decisions(at)) {
        Session child = at;
        if (child.decide(decision)) continue;   // not allowed here
        DecisionValue dv;
        dv.decision = decision;
        dv.text = text_of_last(child);
        dv.best = best_after(an, child);
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
    Analyzer an(s, limits);
    for (std::size_t i = 0; i < t.decisions.size(); ++i) {
        const std::string& chosen = t.decisions[i];
        Session after = s;
        after.decide(chosen);
        const PathResult mine = best_after(an, after);

        // The chosen decision stays "best" unless another one keeps a strictly better total.
        DecisionRegret r;
        r.index = i;
        r.chosen = chosen;
        r.chosen_best_total = mine.total;
        r.best = chosen;
        r.best_text = text_of_last(after);
        r.best_total = mine.total;
        r.best_stars = mine.stars;
        bool have = !mine.ending.empty();
        for (const auto& decision : candidate_decisions(s)) {
            if (decision == chosen) continue;
            Session other = s;
            if (other.decide(decision)) continue;
            const PathResult alt = best_after(an, other);
            if (alt.ending.empty() || (have && alt.total <= r.best_total)) continue;
            have = true;
            r.best = decision;
            r.best_text = text_of_last(other);
            r.best_total = alt.total;
            r.best_stars = alt.stars;
        }
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
