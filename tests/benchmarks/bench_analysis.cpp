// Analysis benchmarks: how fast the memoised exploration is, and how much memoisation buys.
//
//   BM_AnalyzeMemoised   analyze() on a generated lattice meeting (paths meet all the time)
//   BM_EnumerateNaive    the same best/worst by enumerating every path, no memoisation
//   BM_AnalyzeLarge      a bigger lattice ending in a two-issue negotiation: states per second
//   BM_Shipped/S/P       every shipped scenario × persona (default difficulty, seed 1)
//
// Budgets, checked after the runs with times measured in the same run (CPU time of the
// benchmark thread, so that other work on a shared machine does not count):
//   memoised ≥ 10× faster than naive on the same scenario;  each shipped analysis < 1 s.
// Prints `budget …: … OK/MISSED` lines and exits non-zero when a budget is missed.
// The shipped content is found above the program or the current folder (scenarios/), or at
// $PARLEY_CONTENT.
#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "generated_content.h"
#include "parley/analysis.h"
#include "parley/debrief.h"
#include "parley/loader.h"

namespace {

using namespace parley;
using nlohmann::json;
namespace fs = std::filesystem;

// ============================================================================
// The generated lattice meeting
// ============================================================================
//
// `layers` rounds of three beats side by side. Every beat offers three moves that shift the
// client's trust and give evidence on A or C, each leading to a different beat of the next
// round: 3^layers paths, but far fewer distinct states, because different orders of the same
// moves meet in the same state. After the last round the meeting ends by trust, or goes to a
// two-issue negotiation when `negotiation` is set.

json lattice_json(int layers, bool negotiation) {
    using bench::text;
    const int width = 3;
    auto id = [](int layer, int w) { return "l" + std::to_string(layer) + "w" + std::to_string(w); };
    json nodes = json::array();
    const std::string after = negotiation ? "terms" : "decide";
    for (int l = 0; l < layers; ++l)
        for (int w = 0; w < width; ++w) {
            auto next = [&](int shift) { return l + 1 == layers ? after : id(l + 1, (w + shift) % width); };
            const std::string n = std::to_string(l) + "/" + std::to_string(w);
            auto option = [&](const char* oid, const char* en, int trust, const char* comp, int ev, int shift) {
                return json{{"id", oid},
                            {"text", text(std::string("第") + n + "步:" + en, std::string(en) + " (" + n + ")")},
                            {"effects", {{"trust", trust}}},
                            {"evidence", {{comp, ev}}},
                            {"feedback", text("反馈。", "Feedback.")},
                            {"next", next(shift)}};
            };
            nodes.push_back({{"id", id(l, w)},
                             {"stage", l == 0 ? "opening" : "probing"},
                             {"line", text("客户在听。", "The client listens.")},
                             {"options",
                              {option("ask", "Ask an open question", 4, "C", 2, 0),
                               option("listen", "Listen and summarise", 2, "A", 1, 1),
                               option("push", "Push for a decision", -4, "A", -2, 2)}}});
        }
    if (negotiation) {
        json block = json::parse(bench::big_scenario_json(1))["nodes"][1];   // the "terms" block
        // A two-issue block of eight rounds: long enough for every client's whole curve.
        block["negotiation"]["max_rounds"] = 8;
        nodes.push_back(block);
    } else {
        auto trust_at_least = [](int v) { return json{{"var", "trust"}, {"op", ">="}, {"value", v}}; };
        nodes.push_back({{"id", "decide"},
                         {"stage", "closing"},
                         {"line", text("客户在考虑。", "The client considers it.")},
                         {"options",
                          {{{"id", "close"},
                            {"text", text("总结利益并请求成交。", "Sum up the benefits and ask.")},
                            {"evidence", {{"D", 2}}},
                            {"feedback", text("在信任建立后成交。", "Close once trust is there.")},
                            {"branch", {{{"if", trust_at_least(60)}, {"next", "end_deal"}}}},
                            {"next", "end_no_deal"}},
                           {{"id", "later"},
                            {"text", text("约定下次拜访。", "Agree a follow-up visit.")},
                            {"evidence", {{"D", 1}}},
                            {"feedback", text("约定下一步。", "Agree the next step.")},
                            {"next", "end_no_deal"}}}}});
    }
    auto ending = [&](const char* eid, const char* outcome, int score) {
        nodes.push_back({{"id", eid},
                         {"stage", "ending"},
                         {"outcome", outcome},
                         {"outcome_score", score},
                         {"line", text("会谈结束。", "The meeting is over.")},
                         {"summary", text("会谈结束。", "The meeting is over.")}});
    };
    ending("end_deal", "deal", 100);
    ending("end_no_deal", "no_deal", 30);
    ending("end_left", "client_left", 0);
    json s = json::parse(bench::big_scenario_json(1));
    s["id"] = negotiation ? "lattice-negotiation" : "lattice";
    if (negotiation) s["personas"] = {"bench", "conceder", "haggler"};
    s["start"] = id(0, 0);
    s["nodes"] = nodes;
    s["state"]["patience"] = layers + 20;
    return s;
}

// ============================================================================
// Fixtures
// ============================================================================

[[noreturn]] void fail(const char* what, const Diagnostics& diags) {
    std::fprintf(stderr, "bench_analysis: %s does not load:\n", what);
    for (const auto& d : diags.items) std::fprintf(stderr, "  %s\n", format(d).c_str());
    std::exit(3);
}

constexpr int kLayers = 11;        // memoised vs naive: 3^11 = 177,147 paths
constexpr int kLargeLayers = 14;   // states per second, with a negotiation at the end

struct Generated {
    std::shared_ptr<ContentSet> shared = std::make_shared<ContentSet>();
    ContentSet& content = *shared;
    std::shared_ptr<const Scenario> lattice, large;

    Generated() {
        Diagnostics diags;
        auto model = parse_competency_model(bench::competency_model_json(), "competencies.json", diags);
        if (!model) fail("the generated competency model", diags);
        content.model = *model;
        for (const std::string& text : {bench::persona_json(), bench::persona_json("conceder", 2.0, 50, 6),
                                        bench::persona_json("haggler", 0.4, 60, 6, 1, 10)}) {
            auto persona = parse_persona(text, "personas/generated.json", content.model, diags);
            if (!persona) fail("the generated personas", diags);
            content.personas.emplace(persona->id, *persona);
        }
        lattice = parse_scenario(lattice_json(kLayers, false).dump(), "lattice.json", content.model,
                                 content.personas, diags);
        large = parse_scenario(lattice_json(kLargeLayers, true).dump(), "lattice-negotiation.json",
                               content.model, content.personas, diags);
        if (!lattice || !large || !diags.ok()) fail("the generated lattice", diags);
        content.scenarios = {lattice, large};
    }
};

const Generated& generated() {
    static const Generated g;
    return g;
}

std::optional<fs::path> shipped_root() {
    if (const char* env = std::getenv("PARLEY_CONTENT")) return fs::path(env);
    std::error_code ec;
    std::vector<fs::path> starts;
    if (auto exe = fs::read_symlink("/proc/self/exe", ec); !ec) starts.push_back(exe.parent_path());
    if (auto cwd = fs::current_path(ec); !ec) starts.push_back(cwd);
    for (fs::path dir : starts)
        for (; !dir.empty(); dir = dir.parent_path()) {
            if (fs::is_regular_file(dir / "scenarios" / "competencies.json", ec)) return dir / "scenarios";
            if (dir == dir.parent_path()) break;
        }
    return std::nullopt;
}

// ============================================================================
// Benchmarks
// ============================================================================

// Every path, no memoisation: best and worst total by brute force over the same decisions.
void enumerate(const Session& s, int& best, int& worst, std::size_t& paths) {
    if (s.finished()) {
        const int total = debrief(s).score.total;
        best = std::max(best, total);
        worst = std::min(worst, total);
        ++paths;
        return;
    }
    for (const auto& d : candidate_decisions(s)) {
        Session next = s;
        if (!next.decide(d)) enumerate(next, best, worst, paths);
    }
}

struct Figures {
    std::size_t memo_states = 0, memo_histories = 0, naive_paths = 0;
    int memo_best = 0, memo_worst = 0, naive_best = 0, naive_worst = 0;
};
Figures figures;

void BM_AnalyzeMemoised(benchmark::State& state) {
    const Generated& g = generated();
    for (auto _ : state) {
        const auto a = analyze(g.shared, g.lattice, "bench", 1, Difficulty::Normal);
        figures.memo_states = a.states;
        figures.memo_histories = a.histories;
        if (a.best) figures.memo_best = a.best->total;
        if (a.worst) figures.memo_worst = a.worst->total;
        state.counters["states"] = static_cast<double>(a.states);
    }
}

void BM_EnumerateNaive(benchmark::State& state) {
    const Generated& g = generated();
    for (auto _ : state) {
        int best = INT_MIN, worst = INT_MAX;
        std::size_t paths = 0;
        enumerate(Session(g.shared, g.lattice, "bench", 1, Difficulty::Normal), best, worst, paths);
        figures.naive_paths = paths;
        figures.naive_best = best;
        figures.naive_worst = worst;
        state.counters["paths"] = static_cast<double>(paths);
    }
}

// The large scenario per persona; its best and worst must equal an unbounded exploration's.
struct LargeFigures {
    std::size_t states = 0, histories = 0;
    bool same_as_unbounded = false;
};
std::map<std::string, LargeFigures> large_figures;

void BM_AnalyzeLarge(benchmark::State& state, const std::string& persona) {
    const Generated& g = generated();
    LargeFigures& f = large_figures[persona];
    for (auto _ : state) {
        const auto a = analyze(g.shared, g.large, persona, 1, Difficulty::Normal);
        if (!a.complete) state.SkipWithError(a.limit_message.c_str());
        f.states = a.states;
        f.histories = a.histories;
        state.PauseTiming();
        AnalysisLimits unbounded;
        unbounded.max_states = SIZE_MAX;
        unbounded.max_megabytes = SIZE_MAX;
        const auto u = analyze(g.shared, g.large, persona, 1, Difficulty::Normal, unbounded);
        f.same_as_unbounded = a.best && u.best && a.worst && u.worst && a.best->total == u.best->total &&
                              a.worst->total == u.worst->total && a.best->choices == u.best->choices;
        state.ResumeTiming();
    }
    state.counters["states"] = static_cast<double>(f.states);
    state.counters["histories"] = static_cast<double>(f.histories);
}

BENCHMARK(BM_AnalyzeMemoised)->Unit(benchmark::kMillisecond)->Repetitions(3)->DisplayAggregatesOnly(true);
BENCHMARK(BM_EnumerateNaive)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3)->DisplayAggregatesOnly(true);


// The console output, plus the median CPU time (ns) and counters of each benchmark.
class BudgetReporter : public benchmark::ConsoleReporter {
public:
    std::map<std::string, double> median_ns;
    std::map<std::string, benchmark::UserCounters> counters;
    std::set<std::string> errored;

    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& r : runs) {
            if (r.error_occurred) errored.insert(r.run_name.function_name);
            if (r.run_type == Run::RT_Aggregate && r.aggregate_name == "median" && !r.error_occurred) {
                median_ns[r.run_name.function_name] =
                    r.GetAdjustedCPUTime() * 1e9 / benchmark::GetTimeUnitMultiplier(r.time_unit);
                counters[r.run_name.function_name] = r.counters;
            }
        }
    }
};

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

    // The shipped scenarios, one benchmark per scenario × persona.
    std::shared_ptr<const ContentSet> shipped;
    std::vector<std::string> shipped_names;
    if (auto root = shipped_root()) {
        Diagnostics diags;
        if (auto content = load_content(*root, diags)) {
            shipped = content;
        } else {
            fail("the shipped content", diags);
        }
        for (const auto& sc : shipped->scenarios)
            for (const auto& persona : sc->personas) {
                const std::string name = "BM_Shipped/" + sc->id + "/" + persona;
                shipped_names.push_back(name);
                benchmark::RegisterBenchmark(name.c_str(), [shipped, sc, persona](benchmark::State& state) {
                    for (auto _ : state) {
                        const auto a = analyze(shipped, sc, persona, 1, sc->default_difficulty);
                        if (!a.complete) state.SkipWithError(a.limit_message.c_str());
                        state.counters["states"] = static_cast<double>(a.states);
                    }
                })
                    ->Unit(benchmark::kMillisecond)
                    ->Repetitions(3)
                    ->DisplayAggregatesOnly(true);
            }
    } else {
        std::printf("shipped content: not found (set PARLEY_CONTENT)\n");
    }

    for (const char* persona : {"bench", "conceder", "haggler"})
        benchmark::RegisterBenchmark((std::string("BM_AnalyzeLarge/") + persona).c_str(),
                                     [persona](benchmark::State& state) { BM_AnalyzeLarge(state, persona); })
            ->Unit(benchmark::kMillisecond)
            ->Iterations(1)
            ->Repetitions(3)
            ->DisplayAggregatesOnly(true);

    const Generated& g = generated();
    std::printf("generated lattice: %zu nodes (%d rounds of 3 beats), large: %zu nodes + negotiation\n",
                g.lattice->nodes.size(), kLayers, g.large->nodes.size());

    BudgetReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    bool ok = true;
    const auto& m = reporter.median_ns;
    if (m.count("BM_AnalyzeMemoised") && m.count("BM_EnumerateNaive")) {
        const double ratio = m.at("BM_EnumerateNaive") / m.at("BM_AnalyzeMemoised");
        const bool same = figures.memo_best == figures.naive_best && figures.memo_worst == figures.naive_worst;
        std::printf("memoised: %zu states + %zu histories, best %d worst %d; naive: %zu paths, best %d worst %d (%s)\n",
                    figures.memo_states, figures.memo_histories, figures.memo_best, figures.memo_worst, figures.naive_paths,
                    figures.naive_best, figures.naive_worst, same ? "same results" : "RESULTS DIFFER");
        const bool pass = ratio >= 10.0 && same;
        std::printf("budget memoised vs naive: %.1fx faster, CPU (>= 10x) %s\n", ratio, pass ? "OK" : "MISSED");
        ok = ok && pass;
    } else {
        std::printf("budget memoised vs naive: not measured (filtered out)\n");
    }
    for (const char* persona : {"bench", "conceder", "haggler"}) {
        const std::string name = std::string("BM_AnalyzeLarge/") + persona;
        if (!m.count(name)) {
            std::printf("budget %s: not measured (filtered out or incomplete)\n", name.c_str());
            ok = ok && !reporter.errored.count(name);
            continue;
        }
        const auto& c = reporter.counters.at(name);
        const double s = m.at(name) / 1e9;
        const bool same = large_figures[persona].same_as_unbounded;
        const bool pass = s < 1.0 && same;
        std::printf("budget %s (two issues, eight rounds): %.0f states + %.0f histories, %.3f s CPU (< 1 s), "
                    "best and worst %s an unbounded exploration's %s\n",
                    name.c_str(), double(c.at("states")), double(c.at("histories")), s,
                    same ? "equal to" : "DIFFER FROM", pass ? "OK" : "MISSED");
        ok = ok && pass;
    }
    for (const auto& name : shipped_names) {
        if (reporter.errored.count(name)) {
            std::printf("budget %s: the analysis did not complete MISSED\n", name.c_str());
            ok = false;
            continue;
        }
        if (!m.count(name)) {
            std::printf("budget %s: not measured (filtered out)\n", name.c_str());
            continue;
        }
        const double s = m.at(name) / 1e9;
        const bool pass = s < 1.0;
        std::printf("budget %s: %.3f s CPU (< 1 s) %s\n", name.c_str(), s, pass ? "OK" : "MISSED");
        ok = ok && pass;
    }
    return ok ? 0 : 1;
}
