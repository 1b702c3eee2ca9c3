// Scenario analysis: the value of each decision at a point of a run, and the regret of every
// decision of a run (the debrief's "the best choice here was …, worth …").
//
//   1. Decision values    with the path that reaches each best result (replayed and checked)
//   2. RunAnalysis        one run configuration's analysis, shared; regret by lookup
//   3. JSON
//
// Regret only needs totals, so it reads them from the valued pairs without replaying paths
// (the paths behind them were checked when the analysis reported best and worst).
#include <algorithm>
#include <mutex>

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

// ============================================================================
// 1. Decision values
// ============================================================================

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

// ============================================================================
// 2. RunAnalysis
// ============================================================================

struct RunAnalysis::Impl {
    std::shared_ptr<const ContentSet> content;
    std::shared_ptr<const Scenario> scenario;
    std::string persona;
    std::uint64_t seed = 0;
    Difficulty difficulty = Difficulty::Normal;
    Session root;
    mutable std::mutex mutex;   // the analyzer grows when asked about a state not valued yet
    mutable Analyzer analyzer;
    std::optional<PathResult> best;

    Impl(std::shared_ptr<const ContentSet> c, std::shared_ptr<const Scenario> s, const std::string& p,
         std::uint64_t sd, Difficulty d, const AnalysisLimits& limits)
        : content(c), scenario(s), persona(p), seed(sd), difficulty(d), root(c, s, p, sd, d),
          analyzer(root, limits) {}

    // The best reachable result after `s` (the caller holds the mutex).
    detail::Reach value(const Session& s) const {
        const std::uint32_t p = analyzer.explore(s);
        if (p == kNone) return {};
        return analyzer.pair(p).best;
    }
};

RunAnalysis::RunAnalysis(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RunAnalysis::~RunAnalysis() = default;

std::shared_ptr<const RunAnalysis> RunAnalysis::build(std::shared_ptr<const ContentSet> content,
                                                      std::shared_ptr<const Scenario> scenario,
                                                      const std::string& persona, std::uint64_t seed,
                                                      Difficulty difficulty, const AnalysisLimits& limits) {
    auto impl = std::make_unique<Impl>(std::move(content), std::move(scenario), persona, seed, difficulty, limits);
    const std::uint32_t p = impl->analyzer.explore(impl->root);
    std::string problem;
    if (p != kNone) impl->best = impl->analyzer.result(impl->root, p, true, problem);
    return std::shared_ptr<const RunAnalysis>(new RunAnalysis(std::move(impl)));
}

const std::string& RunAnalysis::scenario() const { return impl_->scenario->id; }
const std::string& RunAnalysis::persona() const { return impl_->persona; }
std::uint64_t RunAnalysis::seed() const { return impl_->seed; }
Difficulty RunAnalysis::difficulty() const { return impl_->difficulty; }
const std::optional<PathResult>& RunAnalysis::best() const { return impl_->best; }

bool RunAnalysis::complete() const {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return !impl_->analyzer.stopped() && impl_->analyzer.problem().empty();
}

const std::string& RunAnalysis::limit_message() const {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->analyzer.problem().empty() ? impl_->analyzer.limit_message() : impl_->analyzer.problem();
}

std::optional<int> RunAnalysis::best_total(const Session& at) const {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    const detail::Reach r = impl_->value(at);
    if (!r.some) return std::nullopt;
    return r.total;
}

Regrets RunAnalysis::regrets(const Transcript& t) const {
    Regrets out;
    const Impl& im = *impl_;
    if (t.scenario != im.scenario->id || t.persona != im.persona || t.seed != im.seed ||
        t.difficulty != im.difficulty)
        return out;
    std::string error;
    if (!replay(im.content, t, error)) return out;
    // Only the analyzer is shared: the sessions are this call's own, so the lock is held just
    // while a state is valued and replies run on every thread at once.
    auto value = [&im](const Session& at) {
        std::lock_guard<std::mutex> lock(im.mutex);
        return im.value(at);
    };
    Session s = im.root;
    for (std::size_t i = 0; i < t.decisions.size(); ++i) {
        const std::string& chosen = t.decisions[i];
        Session after = s;
        after.decide(chosen);
        const detail::Reach mine = value(after);

        // The chosen decision stays "best" unless another one keeps a strictly better total.
        DecisionRegret r;
        r.index = i;
        r.chosen = chosen;
        r.chosen_best_total = mine.total;
        r.best = chosen;
        r.best_text = text_of_last(after);
        r.best_total = mine.total;
        r.best_stars = mine.stars;
        bool have = mine.some;
        for (const auto& decision : candidate_decisions(s)) {
            if (decision == chosen) continue;
            Session other = s;
            if (other.decide(decision)) continue;
            const detail::Reach alt = value(other);
            if (!alt.some || (have && alt.total <= r.best_total)) continue;
            have = true;
            r.best = decision;
            r.best_text = text_of_last(other);
            r.best_total = alt.total;
            r.best_stars = alt.stars;
        }
        out.decisions.push_back(std::move(r));
        s = std::move(after);
    }
    std::lock_guard<std::mutex> lock(im.mutex);
    out.complete = !im.analyzer.stopped() && im.analyzer.problem().empty();
    if (!out.complete)
        out.limit_message = im.analyzer.problem().empty() ? im.analyzer.limit_message() : im.analyzer.problem();
    return out;
}

Regrets regrets(std::shared_ptr<const ContentSet> content, const Transcript& t, const AnalysisLimits& limits) {
    std::string error;
    if (!replay(content, t, error)) return {};
    auto scenario = content->scenario(t.scenario);
    return RunAnalysis::build(content, scenario, t.persona, t.seed, t.difficulty, limits)->regrets(t);
}

// ============================================================================
// 3. JSON
// ============================================================================

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
