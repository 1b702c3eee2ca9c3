// Transcript replay with its run report, as the classroom server answers a submitted result:
// replay the decisions, build the debrief and the regret from one shared RunAnalysis per
// persona, serialise the report. Transcripts per second on one and on two threads sizes the
// server. The transcripts are random plays of the shipped meeting (normal, seed 1, each
// persona in turn), generated before timing; the shared analyses are built before timing too.
//
// Budget (printed, exit code 1 when missed): two threads replay at least 1.5× the transcripts
// per second of one (the shared content and analysis must not serialise the work).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "parley/analysis.h"
#include "parley/loader.h"
#include "parley/report.h"
#include "parley/session.h"
#include "parley/transcript.h"

namespace fs = std::filesystem;
using namespace parley;

namespace {

constexpr int kTranscripts = 240;

std::optional<fs::path> shipped_root() {
    if (const char* env = std::getenv("PARLEY_CONTENT")) return fs::path(env);
    std::error_code ec;
    for (fs::path dir : {fs::read_symlink("/proc/self/exe", ec).parent_path(), fs::current_path(ec)})
        for (; !dir.empty() && dir != dir.parent_path(); dir = dir.parent_path())
            if (fs::is_regular_file(dir / "scenarios" / "competencies.json", ec)) return dir / "scenarios";
    return std::nullopt;
}

struct Fixture {
    std::shared_ptr<const ContentSet> content;
    std::vector<Transcript> transcripts;
    std::map<std::string, std::shared_ptr<const RunAnalysis>> analyses;   // by persona

    Fixture() {
        const auto root = shipped_root();
        if (!root) die("the shipped content was not found (set PARLEY_CONTENT)");
        Diagnostics diags;
        content = load_content(*root, diags);
        if (!content) die("the shipped content does not load");
        const auto sc = content->scenario("sme-working-capital");
        if (!sc) die("sme-working-capital is not in the shipped content");
        for (const auto& p : sc->personas) analyses[p] = RunAnalysis::build(content, sc, p, 1, Difficulty::Normal);
        std::mt19937 pick(7);
        for (int i = 0; i < kTranscripts; ++i) {
            Session s(content, sc, sc->personas[static_cast<std::size_t>(i) % sc->personas.size()], 1,
                      Difficulty::Normal);
            while (!s.finished()) {
                const auto moves = candidate_decisions(s);
                if (moves.empty() || s.decide(moves[pick() % moves.size()])) die("a random run got stuck");
            }
            transcripts.push_back(transcript_of(s));
        }
    }
    [[noreturn]] static void die(const char* why) {
        std::fprintf(stderr, "bench_replay: %s\n", why);
        std::exit(3);
    }
};

const Fixture& fixture() {
    static const Fixture f;
    return f;
}

void BM_ReplayReport(benchmark::State& state) {
    const Fixture& f = fixture();
    std::size_t i = static_cast<std::size_t>(state.thread_index()) * 37;
    std::size_t bytes = 0;
    for (auto _ : state) {
        const Transcript& t = f.transcripts[i++ % f.transcripts.size()];
        std::string error;
        auto run = replay(f.content, t, error);
        if (!run) {
            state.SkipWithError(error.c_str());
            break;
        }
        ReportOptions options;
        options.analysis = f.analyses.at(t.persona);
        const std::string report = run_report(*run, Lang::Zh, options).dump();
        bytes += report.size();
        benchmark::DoNotOptimize(report.data());
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["report_bytes"] = benchmark::Counter(static_cast<double>(bytes) / state.iterations());
}

class RateReporter : public benchmark::ConsoleReporter {
public:
    std::map<int, double> per_second;   // threads → median transcripts per second (wall clock)
    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& r : runs)
            if (r.run_type == Run::RT_Aggregate && r.aggregate_name == "median" && !r.error_occurred)
                if (auto it = r.counters.find("items_per_second"); it != r.counters.end())
                    per_second[r.threads] = it->second.value;
    }
};

}  // namespace

BENCHMARK(BM_ReplayReport)->Threads(1)->Threads(2)->UseRealTime()->MinTime(1.0)->Repetitions(3)
    ->DisplayAggregatesOnly(true);

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    fixture();   // generate the transcripts and build the analyses before anything is timed
    RateReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    const auto& r = reporter.per_second;
    if (!r.count(1) || !r.count(2)) {
        std::printf("budget replay 2 threads / 1 thread: not measured (filtered out)\n");
        return 0;
    }
    const double ratio = r.at(2) / r.at(1);
    const bool pass = ratio >= 1.5;
    std::printf("replay + report: %.0f transcripts/s on 1 thread, %.0f on 2 threads\n", r.at(1), r.at(2));
    std::printf("budget replay 2 threads / 1 thread: %.2fx (>= 1.5x) %s\n", ratio, pass ? "OK" : "MISSED");
    return pass ? 0 : 1;
}
