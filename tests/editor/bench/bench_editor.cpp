// bench_editor: the editor's window on a generated 2,000-node scenario (Google Benchmark; not a
// test, timings are never asserted). Run it under Xvfb at 1280×800 (Mesa's llvmpipe):
//
//   xvfb-run -a -s "-screen 0 1280x800x24" build/tests/editor/bench_editor
//
//   BM_DemoWindow       — the Dear ImGui demo window, same build, same run: the yardstick.
//   BM_CanvasPanZoom    — the whole editor window while the canvas is dragged and wheel-zoomed
//                         (synthetic input through the window's event path). Budget: median
//                         ≤ 3× the demo's (the "vs_demo" counter).
//   BM_EditToProblems   — an edit that breaks a link, to the end of the first frame whose
//                         problems panel shows the validator's verdict on it. Budget ≤ 100 ms.
//                         The validator runs on its own thread and frames go on meanwhile
//                         (frame_median_ms, frame_max_ms); the analysis, at the lowest
//                         priority, follows.
//
// Every frame ends with glFinish() so the software renderer's work is counted. Times are
// manual (per frame, in ms as "real time"); medians over the repetitions are reported.
#include <SFML/OpenGL.hpp>
#include <unistd.h>

#include <benchmark/benchmark.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

#include "editor_app.h"
#include "generated_content.h"
#include "parley/ui/fonts.h"
#include "parley/ui/platform.h"
#include "parley/ui/theme.h"

using namespace parley;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kDialogueNodes = 1996;   // + the negotiation block and three endings = 2,000 nodes

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

double demo_median_ms = 0;

// A content root with the generated model, persona and scenario, made once per run.
struct Content {
    Content() {
        root = fs::temp_directory_path() / ("parley-bench-editor-" + std::to_string(::getpid()));
        fs::create_directories(root / "personas");
        std::ofstream(root / "competencies.json") << bench::competency_model_json();
        std::ofstream(root / "personas" / "bench.json") << bench::persona_json();
        std::ofstream(root / "generated.json") << bench::big_scenario_json(kDialogueNodes);
    }
    ~Content() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
    fs::path root;
};

Content& content() {
    static Content c;
    return c;
}

std::unique_ptr<editor::EditorApp> open_editor() {
    editor::Options o;
    o.file = content().root / "generated.json";
    o.content = content().root;
    o.state_dir = content().root / "state";
    o.lang = Lang::Zh;
    o.fixed_time_step = true;
    o.vsync_limit = false;
    o.offer_recovery = false;
    auto app = std::make_unique<editor::EditorApp>(o);
    // The first analysis of 2,000 nodes may still run on its thread while frames are timed: it
    // must never block one (it shares the two cores, so the figures include that).
    for (int i = 0; i < 10; ++i) app->step();
    return app;
}

void BM_DemoWindow(benchmark::State& state) {
    sf::RenderWindow window(sf::VideoMode(1280, 800), "Dear ImGui demo");
    window.setFramerateLimit(0);
    std::vector<double> frames, vertices;
    {
        ui::Platform platform(window);
        ui::Fonts fonts;
        fonts.set_size(16.f);
        fonts.build();
        platform.reload_fonts_texture();
        ui::apply_theme(fonts);
        int frame = 0;
        for (auto _ : state) {
            const auto start = Clock::now();
            sf::Event e;
            while (window.pollEvent(e)) platform.process_event(e);
            platform.new_frame(sf::seconds(1.f / 60.f));
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(1280, 800));
            ImGui::ShowDemoWindow();
            window.clear();
            platform.render();
            window.display();
            glFinish();
            const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
            state.SetIterationTime(ms / 1000.0);
            if (++frame > 20) frames.push_back(ms);   // after the atlas and first layouts
            if (const ImDrawData* dd = ImGui::GetDrawData()) vertices.push_back(dd->TotalVtxCount);
        }
        state.counters["vertices_median"] = median(vertices);
    }
    demo_median_ms = median(frames);
    state.counters["median_ms"] = demo_median_ms;
}

void BM_CanvasPanZoom(benchmark::State& state) {
    auto app = open_editor();
    state.counters["nodes"] = static_cast<double>(app->document().scenario().nodes.size());
    const ImVec2 centre(400, 330);   // inside the canvas (left of the side panel, above problems)
    const std::size_t undo_before = app->document().undo_depth();
    const auto middle = sf::Mouse::Middle;   // pans wherever it starts, on a node or not
    int gesture = 0, moved = 0;
    std::vector<double> frames, vertices;
    for (auto _ : state) {
        if (app->input().idle()) {
            // Drag the canvas one way and back, zoom in and out, in turn.
            switch (gesture++ % 4) {
                case 0: app->input().drag(ImVec2(centre.x - 150, centre.y - 80), ImVec2(centre.x + 150, centre.y + 80), 12, middle); break;
                case 1: app->input().wheel(centre, 1.f); break;
                case 2: app->input().drag(ImVec2(centre.x + 150, centre.y + 80), ImVec2(centre.x - 150, centre.y - 80), 12, middle); break;
                case 3: app->input().wheel(centre, -1.f); break;
            }
        }
        const editor::Camera before = app->camera();
        const auto start = Clock::now();
        app->step();
        glFinish();
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        state.SetIterationTime(ms / 1000.0);
        frames.push_back(ms);
        if (const ImDrawData* dd = ImGui::GetDrawData()) vertices.push_back(dd->TotalVtxCount);
        const editor::Camera& after = app->camera();
        if (after.zoom != before.zoom || after.offset.x != before.offset.x || after.offset.y != before.offset.y) ++moved;
    }
    const double m = median(frames);
    state.counters["vertices_median"] = median(vertices);
    state.counters["median_ms"] = m;
    if (demo_median_ms > 0) state.counters["vs_demo"] = m / demo_median_ms;
    // The frames in which the view moved (the others wait between gestures), and edits made by
    // the gestures: none, so no validation or analysis runs during the pan.
    state.counters["frames_view_moved"] = moved;
    state.counters["edits_during_pan"] = static_cast<double>(app->document().undo_depth() - undo_before);
}

// Frames until the problems panel shows the validator's verdict on the model as it is (not
// waiting for the analysis: at the lowest priority it may starve on a loaded machine, and
// the verdict never waits for it).
void until_checked(editor::EditorApp& app) {
    for (int i = 0; i < 100000 && !app.checks_current(); ++i) app.step();
}

void BM_EditToProblems(benchmark::State& state) {
    auto app = open_editor();
    editor::Document& doc = app->document();
    const std::size_t node = doc.scenario().node_index.at(bench::node_id(kDialogueNodes / 2));
    until_checked(*app);   // the first verdict is in (the analysis may go on: it is low priority)
    std::vector<double> times, frames;
    for (auto _ : state) {
        const std::size_t errors_before = app->validation().errors;
        const auto start = Clock::now();
        doc.connect(node, 0, "no_such_node");   // the problems panel must now show a dangling link
        // Frames go on as usual (never waiting for the validator) until one shows its verdict.
        for (int i = 0; i < 2000 && !app->checks_current(); ++i) {
            const auto f = Clock::now();
            app->step();
            glFinish();
            frames.push_back(std::chrono::duration<double, std::milli>(Clock::now() - f).count());
        }
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        state.SetIterationTime(ms / 1000.0);
        times.push_back(ms);
        if (!app->checks_current() || app->validation().errors <= errors_before) {
            state.SkipWithError("the problems panel did not show the broken link");
            break;
        }
        state.PauseTiming();
        doc.undo();
        until_checked(*app);
        state.ResumeTiming();
    }
    state.counters["median_ms"] = median(times);
    // While the validator works, frames keep coming: their median and the longest.
    state.counters["frame_median_ms"] = median(frames);
    state.counters["frame_max_ms"] = frames.empty() ? 0 : *std::max_element(frames.begin(), frames.end());
}

}  // namespace

// Fixed frame counts, run in this order (the demo first: the others compare with it).
BENCHMARK(BM_DemoWindow)->Iterations(300)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CanvasPanZoom)->Iterations(300)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EditToProblems)->Iterations(30)->UseManualTime()->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
