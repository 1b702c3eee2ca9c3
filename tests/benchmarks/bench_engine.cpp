// Engine benchmarks: loading a large scenario against a raw JSON parse of the same bytes, and
// one session step. After the runs it checks the budgets, as ratios measured in the same run:
//   load + validate ≤ 2.0 × raw parse;   one session step ≤ 5 µs (median).
// Budgets use the median CPU time of 5 repetitions: on a shared machine wall time measures the
// neighbours, CPU time what the code costs. Exits non-zero when a budget is missed.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "generated_content.h"
#include "parley/loader.h"
#include "parley/session.h"

namespace {

using namespace parley;

constexpr int kDialogueNodes = 5000;

// The generated content, parsed once for the benchmarks that need a model.
struct Fixture {
    std::string model_text = bench::competency_model_json();
    std::string persona_text = bench::persona_json();
    std::string scenario_text = bench::big_scenario_json(kDialogueNodes);
    std::shared_ptr<ContentSet> shared = std::make_shared<ContentSet>();
    ContentSet& content = *shared;

    Fixture() {
        Diagnostics diags;
        auto model = parse_competency_model(model_text, "competencies.json", diags);
        if (!model) fail("competency model", diags);
        content.model = *model;
        auto persona = parse_persona(persona_text, "personas/bench.json", content.model, diags);
        if (!persona) fail("persona", diags);
        content.personas.emplace(persona->id, *persona);
        auto scenario = parse_scenario(scenario_text, "generated.json", content.model, content.personas, diags);
        if (!scenario || !diags.ok()) fail("scenario", diags);
        content.scenarios.push_back(scenario);
    }

    [[noreturn]] static void fail(const char* what, const Diagnostics& diags) {
        std::fprintf(stderr, "bench_engine: the generated %s does not load:\n", what);
        for (const auto& d : diags.items) std::fprintf(stderr, "  %s\n", format(d).c_str());
        std::exit(3);
    }
};

const Fixture& fixture() {
    static const Fixture f;
    return f;
}

void BM_RawParse(benchmark::State& state) {
    const std::string& text = fixture().scenario_text;
    for (auto _ : state) {
        auto doc = nlohmann::json::parse(text);
        benchmark::DoNotOptimize(doc);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

void BM_LoadValidate(benchmark::State& state) {
    const Fixture& f = fixture();
    for (auto _ : state) {
        Diagnostics diags;
        auto scenario = parse_scenario(f.scenario_text, "generated.json", f.content.model, f.content.personas, diags);
        benchmark::DoNotOptimize(scenario);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.scenario_text.size()));
}

// One choose() from the same prepared point, on copies made outside the timing in batches
// (PauseTiming once per batch keeps its own overhead out of the median).
void BM_SessionStep(benchmark::State& state) {
    const Fixture& f = fixture();
    Session prepared(f.shared, f.content.scenarios.front(), "bench", 1, Difficulty::Normal);
    for (int i = 0; i < 12; ++i) prepared.choose(1 + static_cast<std::size_t>(i % 2));   // a mid-meeting state
    std::vector<Session> batch(256, prepared);
    std::size_t next = 0;
    for (auto _ : state) {
        if (next == batch.size()) {
            state.PauseTiming();
            std::fill(batch.begin(), batch.end(), prepared);
            next = 0;
            state.ResumeTiming();
        }
        auto error = batch[next++].choose(1);
        benchmark::DoNotOptimize(error);
    }
}

BENCHMARK(BM_RawParse)->Unit(benchmark::kMillisecond)->Repetitions(5)->DisplayAggregatesOnly(true);
BENCHMARK(BM_LoadValidate)->Unit(benchmark::kMillisecond)->Repetitions(5)->DisplayAggregatesOnly(true);
BENCHMARK(BM_SessionStep)->Unit(benchmark::kMicrosecond)->Repetitions(5)->DisplayAggregatesOnly(true);

// The console output, plus the median CPU time of each benchmark in nanoseconds.
class BudgetReporter : public benchmark::ConsoleReporter {
public:
    // Colours only on a terminal, so a saved log reads cleanly.
    BudgetReporter() : ConsoleReporter(isatty(STDOUT_FILENO) ? OO_ColorTabular : OO_Tabular) {}

    std::map<std::string, double> median_ns;

    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& r : runs)
            if (r.run_type == Run::RT_Aggregate && r.aggregate_name == "median" && !r.error_occurred)
                median_ns[r.run_name.function_name] =
                    r.GetAdjustedCPUTime() * 1e9 / benchmark::GetTimeUnitMultiplier(r.time_unit);
    }
};

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

    const Fixture& f = fixture();
    std::printf("generated scenario: %zu nodes, %.1f MB of JSON\n", f.content.scenarios.front()->nodes.size(),
                static_cast<double>(f.scenario_text.size()) / 1e6);

    BudgetReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    bool ok = true;
    const auto& m = reporter.median_ns;
    if (m.count("BM_RawParse") && m.count("BM_LoadValidate")) {
        const double ratio = m.at("BM_LoadValidate") / m.at("BM_RawParse");
        const bool pass = ratio <= 2.0;
        std::printf("budget load_validate/raw_parse: %.2fx (≤ 2.0x) %s\n", ratio, pass ? "OK" : "MISSED");
        ok = ok && pass;
    } else {
        std::printf("budget load_validate/raw_parse: not measured (filtered out)\n");
    }
    if (m.count("BM_SessionStep")) {
        const double us = m.at("BM_SessionStep") / 1000.0;
        const bool pass = us <= 5.0;
        std::printf("budget session_step: %.2f us (≤ 5 us) %s\n", us, pass ? "OK" : "MISSED");
        ok = ok && pass;
    } else {
        std::printf("budget session_step: not measured (filtered out)\n");
    }
    return ok ? 0 : 1;
}
