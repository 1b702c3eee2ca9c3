// Many runs at once against one shared ContentSet, as the classroom server replays them: 240
// transcripts of the shipped meeting (random play; every persona, normal, seed 1, as a class
// plays it) are replayed with their run report and regret, from one shared RunAnalysis per
// persona, on 8 threads; every report is byte-identical to the serial one.
// CI also runs this program under ThreadSanitizer (.ci/run), which reports any data race.
#include <catch2/catch.hpp>

#include <atomic>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "parley/analysis.h"
#include "parley/loader.h"
#include "parley/report.h"
#include "parley/session.h"
#include "parley/transcript.h"

using namespace parley;

namespace {

constexpr int kTranscripts = 240;
constexpr int kThreads = 8;

// A finished run chosen at random among the moves the analysis would try (deterministic per i).
Transcript random_run(const std::shared_ptr<const ContentSet>& content,
                      const std::shared_ptr<const Scenario>& sc, int i) {
    const std::string& persona = sc->personas[static_cast<std::size_t>(i) % sc->personas.size()];
    Session s(content, sc, persona, 1, Difficulty::Normal);
    std::mt19937 pick(static_cast<std::uint32_t>(i));
    while (!s.finished()) {
        const auto moves = candidate_decisions(s);
        REQUIRE_FALSE(moves.empty());
        const std::string& move = moves[pick() % moves.size()];
        const auto refused = s.decide(move);
        INFO("run " << i << " at " << s.current_node().id << ": '" << move << "' refused: "
                    << (refused ? refused->message : ""));
        REQUIRE_FALSE(refused);
    }
    return transcript_of(s);
}

struct Result {
    std::string report;   // the run report JSON, regret included
};

Result replay_with_report(const std::shared_ptr<const ContentSet>& content,
                          const std::vector<std::shared_ptr<const RunAnalysis>>& analyses,
                          const Transcript& t) {
    std::string error;
    auto run = replay(content, t, error);
    if (!run) return {"does not replay: " + error};
    ReportOptions options;
    for (const auto& a : analyses)
        if (a->persona() == t.persona && a->seed() == t.seed && a->difficulty() == t.difficulty) options.analysis = a;
    if (!options.analysis) return {"no shared analysis"};  // never an analysis per submission
    // (No Catch2 assertion here: this runs on the worker threads.)
    return {run_report(*run, Lang::En, options).dump()};
}

}  // namespace

TEST_CASE("transcripts replayed on eight threads against shared content give the serial results",
          "[concurrency]") {
    Diagnostics diags;
    const auto content = load_content(PARLEY_SOURCE_DIR "/scenarios", diags);
    REQUIRE(content);
    const auto sc = content->scenario("sme-working-capital");
    REQUIRE(sc);

    std::vector<Transcript> transcripts;
    for (int i = 0; i < kTranscripts; ++i) transcripts.push_back(random_run(content, sc, i));

    // One shared analysis per persona (the classroom computes one per session).
    std::vector<std::shared_ptr<const RunAnalysis>> analyses;
    for (const auto& p : sc->personas)
        analyses.push_back(RunAnalysis::build(content, sc, p, 1, Difficulty::Normal));

    std::vector<Result> serial;
    for (const auto& t : transcripts) serial.push_back(replay_with_report(content, analyses, t));

    // Fresh analyses, so the threads also race on exploring states the analysis has not valued.
    std::vector<std::shared_ptr<const RunAnalysis>> shared;
    for (const auto& p : sc->personas)
        shared.push_back(RunAnalysis::build(content, sc, p, 1, Difficulty::Normal));
    std::vector<Result> parallel(transcripts.size());
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> workers;
    for (int w = 0; w < kThreads; ++w)
        workers.emplace_back([&] {
            for (std::size_t i = next++; i < transcripts.size(); i = next++)
                parallel[i] = replay_with_report(content, shared, transcripts[i]);
        });
    for (auto& w : workers) w.join();

    int with_regret = 0;
    for (std::size_t i = 0; i < transcripts.size(); ++i) {
        INFO("transcript " << i);
        CHECK(parallel[i].report == serial[i].report);
        CHECK(serial[i].report.front() == '{');   // a report, not an error
        with_regret += serial[i].report.find("\"regret\":[{") != std::string::npos;
    }
    CHECK(with_regret > 0);
}
