// bench_player: frame time of the player's meeting and debrief screens and its start-to-first-
// frame, against the Dear ImGui demo window rendered by the same build in the same run. Not a
// test (timings are never asserted); run it under Xvfb at 1280×800:
//
//   xvfb-run -a -s "-screen 0 1280x800x24" build/tests/gui/bench_player [CONTENT] [FRAMES]
//
// Every frame is finished with glFinish() so the software renderer's work is counted.
// Budgets (issue): frame ≤ 8 ms under Mesa's llvmpipe at 1280×800, first frame ≤ 1.5 s,
// resident memory ≤ 200 MB.
#include <SFML/OpenGL.hpp>
#include <unistd.h>
#include <SFML/Graphics/RenderWindow.hpp>

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "app.h"
#include "parley/ui/fonts.h"
#include "parley/ui/platform.h"
#include "parley/ui/theme.h"

using namespace parley;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

struct Stats {
    double median = 0, p90 = 0;
};

Stats stats(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    if (v.empty()) return {};
    return {v[v.size() / 2], v[v.size() * 9 / 10]};
}

long status_kb(const char* field) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field, 0) == 0) return std::atol(line.c_str() + std::char_traits<char>::length(field));
    return -1;
}

void draw_counts(const char* what) {
    const ImDrawData* dd = ImGui::GetDrawData();
    if (!dd) return;
    int cmds = 0;
    double area = 0;   // pixels covered by all triangles: the software renderer's work
    for (int i = 0; i < dd->CmdListsCount; ++i) {
        const ImDrawList* list = dd->CmdLists[i];
        cmds += list->CmdBuffer.Size;
        for (int k = 0; k + 2 < list->IdxBuffer.Size; k += 3) {
            const ImVec2 a = list->VtxBuffer[list->IdxBuffer[k]].pos, b = list->VtxBuffer[list->IdxBuffer[k + 1]].pos,
                         c = list->VtxBuffer[list->IdxBuffer[k + 2]].pos;
            area += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) * 0.5;
        }
    }
    std::printf("  %s: %d draw lists, %d draw calls, %d vertices, %.2f screens of pixels drawn\n", what,
                dd->CmdListsCount, cmds, dd->TotalVtxCount, area / (dd->DisplaySize.x * dd->DisplaySize.y));
}

Stats time_app_frames(player::App& app, int frames) {
    for (int i = 0; i < 20; ++i) app.step();   // settle: fonts, layout, figure
    draw_counts(player::screen_name(app.shared().screen));
    std::vector<double> t, ui, render, display, finish;
    for (int i = 0; i < frames; ++i) {
        const auto start = Clock::now();
        app.step();
        const auto before_finish = Clock::now();
        app.window().setActive(true);
        glFinish();
        t.push_back(ms_since(start));
        finish.push_back(ms_since(before_finish));
        ui.push_back(app.last_frame_times().ui_ms);
        render.push_back(app.last_frame_times().render_ms);
        display.push_back(app.last_frame_times().display_ms);
    }
    std::printf("    medians: build UI %.2f ms, submit GL %.2f ms, swap %.2f ms, glFinish %.2f ms\n", stats(ui).median,
                stats(render).median, stats(display).median, stats(finish).median);
    return stats(t);
}

Stats time_demo(int frames, float font_size) {
    sf::RenderWindow window(sf::VideoMode(1280, 800), "Dear ImGui demo");
    window.setFramerateLimit(0);
    ui::Platform platform(window);
    ui::Fonts fonts;
    fonts.set_size(font_size);
    fonts.build();
    platform.reload_fonts_texture();
    ui::apply_theme(fonts);
    std::vector<double> t, display;
    sf::Clock clock;
    for (int i = 0; i < frames + 20; ++i) {
        const auto start = Clock::now();
        sf::Event e;
        while (window.pollEvent(e)) platform.process_event(e);
        platform.new_frame(clock.restart());
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1280, 800));
        ImGui::ShowDemoWindow();
        window.clear();
        platform.render();
        if (i == 19) draw_counts("demo");
        const auto before_display = Clock::now();
        window.display();
        glFinish();
        if (i >= 20) {
            t.push_back(ms_since(start));
            display.push_back(ms_since(before_display));
        }
    }
    std::printf("    medians: swap + glFinish %.2f ms\n", stats(display).median);
    return stats(t);
}

}  // namespace

int main(int argc, char** argv) {
    const auto process_start = Clock::now();
    const fs::path content = argc > 1 ? fs::path(argv[1]) : fs::path(PARLEY_SOURCE_DIR) / "scenarios";
    const int frames = argc > 2 ? std::max(30, std::atoi(argv[2])) : 300;
    const fs::path data = fs::temp_directory_path() / ("parley-bench-" + std::to_string(::getpid()));

    Stats meeting{}, debrief{};
    double first_frame_s = 0, first_frame_process_s = 0;
    long rss_meeting = 0;
    {
        player::Options options;
        options.content = content;
        options.data_dir = data;
        options.unlock_all = true;
        options.vsync_limit = false;
        options.lang = Lang::Zh;
        player::App app(options);
        app.step();
        first_frame_s = app.first_frame_seconds();
        first_frame_process_s = ms_since(process_start) / 1000.0;
        std::printf("  font atlas: %d x %d, %zu characters\n", ImGui::GetIO().Fonts->TexWidth, ImGui::GetIO().Fonts->TexHeight,
                    app.fonts().characters());

        player::Shared& s = app.shared();
        if (s.content.scenarios.empty()) {
            std::fprintf(stderr, "bench_player: no scenarios in %s\n", content.c_str());
            return 1;
        }
        const auto scenario = s.content.scenario("sme-working-capital") ? s.content.scenario("sme-working-capital")
                                                                         : s.content.scenarios.front();
        s.selection.scenario = scenario;
        s.selection.persona = scenario->personas.front();
        s.selection.difficulty = Difficulty::Normal;
        s.selection.seed = 42;
        player::start_run(s);
        app.step();
        meeting = time_app_frames(app, frames);
        rss_meeting = status_kb("VmRSS:");

        // Play to the end (first options; the author's lists; accept), then debrief.
        for (int guard = 0; guard < 200 && s.run && !s.run->session().finished(); ++guard) {
            const Session& session = s.run->session();
            if (!session.in_negotiation()) {
                s.run->decide("1");
            } else if (!session.negotiation()->prepared) {
                const Negotiation& block = *session.negotiation()->block;
                std::map<std::string, player::PrepChoice> lists;
                for (const auto& id : block.should_concede) lists[id] = player::PrepChoice::Concede;
                for (const auto& id : block.must_hold) lists[id] = player::PrepChoice::Hold;
                s.run->decide(player::prep_decision(block, lists));
            } else if (s.run->decide("accept")) {
                s.run->decide("walk");
            }
        }
        if (s.run && s.run->session().finished()) {
            player::finish_run(s);
            app.step();
            while (!s.finished->regrets->ready()) app.step();   // the analysis thread is done
            debrief = time_app_frames(app, frames);
        }
    }
    const long hwm = status_kb("VmHWM:");
    const Stats demo = time_demo(frames, 18.f);
    std::error_code ec;
    fs::remove_all(data, ec);

    std::printf("Parley player frame times, 1280x800, %d frames each (glFinish per frame)\n", frames);
    std::printf("  %-34s %8s %8s %10s\n", "", "median", "p90", "vs demo");
    std::printf("  %-34s %6.2fms %6.2fms %9s\n", "Dear ImGui demo window (baseline)", demo.median, demo.p90, "1.00x");
    std::printf("  %-34s %6.2fms %6.2fms %8.2fx\n", "meeting screen", meeting.median, meeting.p90, meeting.median / demo.median);
    std::printf("  %-34s %6.2fms %6.2fms %8.2fx\n", "debrief screen", debrief.median, debrief.p90, debrief.median / demo.median);
    std::printf("  start to first frame: %.3f s in the App (%.3f s since process start)\n", first_frame_s, first_frame_process_s);
    std::printf("  resident memory: %.1f MB during the meeting, %.1f MB peak\n", static_cast<double>(rss_meeting) / 1024.0,
                static_cast<double>(hwm) / 1024.0);
    // The budgets, each with its verdict; the exit status says whether all were met.
    bool ok = true;
    auto budget = [&](const char* what, double value, double limit, const char* unit) {
        const bool pass = value <= limit;
        ok = ok && pass;
        std::printf("budget %s: %.2f %s (<= %.1f %s) %s\n", what, value, unit, limit, unit, pass ? "OK" : "MISSED");
    };
    budget("meeting frame median", meeting.median, 8.0, "ms");
    budget("debrief frame median", debrief.median, 8.0, "ms");
    budget("start to first frame", first_frame_process_s, 1.5, "s");
    budget("resident memory peak", static_cast<double>(hwm) / 1024.0, 200.0, "MB");
    return ok ? 0 : 1;
}
