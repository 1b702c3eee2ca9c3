// The analysis behind the canvas overlay, run on a worker thread after each edit so that a
// frame never waits for it: the best and worst path and the unreachable nodes for the chosen
// persona, soft-locks, each ending's best reachable total, and the validator's soundness and
// teaching checks. A newer request replaces one not yet started; a result says which
// revision of the document it is for, so a stale one is never shown as current. The worker
// runs at the lowest priority (worker_priority.h): on two cores it never starves the window.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "parley/analysis.h"
#include "parley/diagnostics.h"

namespace parley::editor {

struct AnalysisResult {
    std::uint64_t revision = 0;
    std::string persona;
    PersonaAnalysis analysis;
    std::map<std::string, int> ending_best;   // ending id → best total of a run that ends there
    Diagnostics soundness;                   // check_soundness: every persona
    std::string error;                       // the analysis threw (shown, never fatal)
};

// Best total per ending, found by analysing the scenario once per ending with the other
// endings' reachability unchanged (each search is the engine's own, bounded by `limits`).
std::map<std::string, int> best_total_per_ending(std::shared_ptr<const ContentSet> content,
                                                 std::shared_ptr<const Scenario> scenario, const std::string& persona,
                                                 Difficulty difficulty, const AnalysisLimits& limits);

AnalysisResult run_analysis(std::shared_ptr<const ContentSet> content, std::shared_ptr<const Scenario> scenario,
                            const std::string& persona, std::uint64_t revision, const AnalysisLimits& limits);

class BackgroundAnalysis {
public:
    explicit BackgroundAnalysis(AnalysisLimits limits = {200'000, 256});
    ~BackgroundAnalysis();
    BackgroundAnalysis(const BackgroundAnalysis&) = delete;
    BackgroundAnalysis& operator=(const BackgroundAnalysis&) = delete;

    void request(std::shared_ptr<const ContentSet> content, std::shared_ptr<const Scenario> scenario,
                 const std::string& persona, std::uint64_t revision);
    // The newest finished result (shared: the window keeps it while drawing).
    std::shared_ptr<const AnalysisResult> latest() const;
    bool busy() const;
    // Blocks until nothing is pending or running (tests, screenshots).
    void wait_idle() const;
    // The worker thread's kernel id, once it has started (0 before): tests look at its priority.
    long worker_kernel_id() const { return state_->worker_tid.load(); }
    bool worker_priority_lowered() const { return state_->lowered.load(); }

private:
    struct Request {
        std::shared_ptr<const ContentSet> content;
        std::shared_ptr<const Scenario> scenario;
        std::string persona;
        std::uint64_t revision = 0;
    };
    // Shared with the worker. At the lowest priority on a busy machine an analysis may take
    // minutes, so closing the window cancels it (AnalysisLimits::cancel) rather than waiting for
    // it to finish, then joins the worker: nothing runs on after the editor's objects are gone.
    struct State {
        AnalysisLimits limits;
        std::mutex mutex;
        std::condition_variable wake, idle;
        std::optional<Request> pending;
        bool running = false, stop = false;
        std::shared_ptr<const AnalysisResult> latest;
        std::atomic<long> worker_tid{0};
        std::atomic<bool> lowered{false};
        std::atomic<bool> cancel{false};
    };
    static void loop(std::shared_ptr<State> state);
    std::shared_ptr<State> state_;
    std::thread worker_;
};

}  // namespace parley::editor
