#include "background_analysis.h"

#include "worker_priority.h"

namespace parley::editor {

std::map<std::string, int> best_total_per_ending(std::shared_ptr<const ContentSet> content,
                                                 std::shared_ptr<const Scenario> scenario, const std::string& persona,
                                                 Difficulty difficulty, const AnalysisLimits& limits) {
    std::map<std::string, int> out;
    for (const Node& ending : scenario->nodes) {
        if (ending.kind != NodeKind::Ending) continue;
        // Every other ending becomes a dead end (a node with no option): the analysis' best
        // finished run then ends here, scored exactly as in the real scenario.
        auto only = std::make_shared<Scenario>(*scenario);
        for (Node& n : only->nodes)
            if (n.kind == NodeKind::Ending && n.id != ending.id) n.kind = NodeKind::Dialogue;
        const PersonaAnalysis a = analyze(content, only, persona, 1, difficulty, limits);
        if (a.best && a.best->ending == ending.id) out[ending.id] = a.best->total;
    }
    return out;
}

AnalysisResult run_analysis(std::shared_ptr<const ContentSet> content, std::shared_ptr<const Scenario> scenario,
                            const std::string& persona, std::uint64_t revision, const AnalysisLimits& limits) {
    AnalysisResult r;
    r.revision = revision;
    r.persona = persona;
    try {
        const Difficulty d = scenario->default_difficulty;
        r.analysis = analyze(content, scenario, persona, 1, d, limits);
        r.ending_best = best_total_per_ending(content, scenario, persona, d, limits);
        check_soundness(content, scenario, r.soundness, limits);
    } catch (const std::exception& e) {
        r.error = e.what();
    }
    return r;
}

BackgroundAnalysis::BackgroundAnalysis(AnalysisLimits limits) : state_(std::make_shared<State>()) {
    state_->limits = limits;
    state_->limits.cancel = &state_->cancel;
    worker_ = std::thread([state = state_] { loop(state); });
}

BackgroundAnalysis::~BackgroundAnalysis() {
    {
        std::lock_guard<std::mutex> lock(state_->mutex);
        state_->stop = true;
        state_->pending.reset();
    }
    state_->cancel = true;   // an analysis under way stops at its next step
    state_->wake.notify_all();
    worker_.join();
}

void BackgroundAnalysis::request(std::shared_ptr<const ContentSet> content, std::shared_ptr<const Scenario> scenario,
                                 const std::string& persona, std::uint64_t revision) {
    {
        std::lock_guard<std::mutex> lock(state_->mutex);
        state_->pending = Request{std::move(content), std::move(scenario), persona, revision};
    }
    state_->wake.notify_all();
}

std::shared_ptr<const AnalysisResult> BackgroundAnalysis::latest() const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->latest;
}

bool BackgroundAnalysis::busy() const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->running || state_->pending;
}

void BackgroundAnalysis::wait_idle() const {
    std::unique_lock<std::mutex> lock(state_->mutex);
    state_->idle.wait(lock, [&] { return !state_->running && !state_->pending; });
}

void BackgroundAnalysis::loop(std::shared_ptr<State> st) {
    st->lowered = lower_this_thread_priority();
    st->worker_tid = this_thread_kernel_id();
    std::unique_lock<std::mutex> lock(st->mutex);
    for (;;) {
        st->wake.wait(lock, [&] { return st->stop || st->pending; });
        if (st->stop) return;
        Request job = std::move(*st->pending);
        st->pending.reset();
        st->running = true;
        lock.unlock();
        auto result = std::make_shared<const AnalysisResult>(
            run_analysis(job.content, job.scenario, job.persona, job.revision, st->limits));
        job = {};
        lock.lock();
        st->running = false;
        st->latest = std::move(result);
        if (!st->pending) st->idle.notify_all();
    }
}

}  // namespace parley::editor
