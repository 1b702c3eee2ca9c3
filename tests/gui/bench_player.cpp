// bench_player: frame time of the player's meeting and debrief screens and its start-to-first-
// frame, against the Dear ImGui demo window rendered by the same build in the same run. Not a
// test (timings are never asserted); run it under Xvfb at 1280×800:
//
//   xvfb-run -a -s "-screen 0 1280x800x24" build/tests/gui/bench_player [CONTENT] [FRAMES]
//
// FRAMES per screen: at least 30, 300 by default.
//
// Every frame is finished with glFinish() so the software renderer's work is counted.
// Budgets (issue): frame ≤ 8 ms under Mesa's llvmpipe at 1280×800, first frame ≤ 1.5 s,
// resident memory ≤ 200 MB.
#include <SFML/OpenGL.hpp>
#include <unistd.h>
#include <SFML/Graphics/RenderWindow.hpp>

#include <imgui.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
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

// Area of triangle abc inside the clip rectangle (Sutherland–Hodgman against its four edges):
// the scissor test discards the rest before any shading.
double clipped_area(ImVec2 a, ImVec2 b, ImVec2 c, const ImVec4& clip) {
    std::vector<ImVec2> poly{a, b, c}, next;
    auto cut = [&](auto inside, auto cross) {
        next.clear();
        for (std::size_t i = 0; i < poly.size(); ++i) {
            const ImVec2 p = poly[i], q = poly[(i + 1) % poly.size()];
            if (inside(p)) next.push_back(p);
            if (inside(p) != inside(q)) next.push_back(cross(p, q));
        }
        poly.swap(next);
    };
    auto at_x = [](float x) {
        return [x](ImVec2 p, ImVec2 q) { return ImVec2(x, p.y + (q.y - p.y) * (x - p.x) / (q.x - p.x)); };
    };
    auto at_y = [](float y) {
        return [y](ImVec2 p, ImVec2 q) { return ImVec2(p.x + (q.x - p.x) * (y - p.y) / (q.y - p.y), y); };
    };
    cut([&](ImVec2 p) { return p.x >= clip.x; }, at_x(clip.x));
    cut([&](ImVec2 p) { return p.x <= clip.z; }, at_x(clip.z));
    cut([&](ImVec2 p) { return p.y >= clip.y; }, at_y(clip.y));
    cut([&](ImVec2 p) { return p.y <= clip.w; }, at_y(clip.w));
    double twice = 0;
    for (std::size_t i = 0; i < poly.size(); ++i) {
        const ImVec2 p = poly[i], q = poly[(i + 1) % poly.size()];
        twice += static_cast<double>(p.x) * q.y - static_cast<double>(q.x) * p.y;
    }
    return std::abs(twice) * 0.5;
}

// What the software renderer has to shade: the pixels of every triangle inside its clip
// rectangle, in screens, with the colours that cover the most (the big fills to look at first).
void draw_counts(const char* what) {
    const ImDrawData* dd = ImGui::GetDrawData();
    if (!dd) return;
    int cmds = 0;
    double area = 0;
    std::map<ImU32, double> by_colour;
    for (int i = 0; i < dd->CmdListsCount; ++i) {
        const ImDrawList* list = dd->CmdLists[i];
        cmds += list->CmdBuffer.Size;
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) continue;
            for (unsigned k = 0; k + 2 < cmd.ElemCount; k += 3) {
                const ImDrawVert& a = list->VtxBuffer[cmd.VtxOffset + list->IdxBuffer[cmd.IdxOffset + k]];
                const ImDrawVert& b = list->VtxBuffer[cmd.VtxOffset + list->IdxBuffer[cmd.IdxOffset + k + 1]];
                const ImDrawVert& c = list->VtxBuffer[cmd.VtxOffset + list->IdxBuffer[cmd.IdxOffset + k + 2]];
                const double covered = clipped_area(a.pos, b.pos, c.pos, cmd.ClipRect);
                area += covered;
                by_colour[a.col] += covered;
            }
        }
    }
    const double screen = dd->DisplaySize.x * dd->DisplaySize.y;
    std::printf("  %s: %d draw lists, %d draw calls, %d vertices, %.2f screens of pixels shaded\n", what,
                dd->CmdListsCount, cmds, dd->TotalVtxCount, area / screen);
    std::vector<std::pair<double, ImU32>> top;
    for (const auto& [colour, covered] : by_colour) top.emplace_back(covered, colour);
    std::sort(top.rbegin(), top.rend());
    std::printf("    largest by colour (RGBA):");
    for (std::size_t i = 0; i < std::min<std::size_t>(5, top.size()); ++i) {
        const ImU32 c = top[i].second;
        std::printf(" %02x%02x%02x%02x %.2f", c & 0xff, (c >> 8) & 0xff, (c >> 16) & 0xff, c >> 24, top[i].first / screen);
    }
    std::printf("\n");
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
    int frames = 300;
    if (argc > 2) {
        const std::string text = argv[2];
        const auto parsed = std::from_chars(text.data(), text.data() + text.size(), frames);
        if (parsed.ec != std::errc() || parsed.ptr != text.data() + text.size() || frames < 30) {
            std::fprintf(stderr, "bench_player: FRAMES must be a whole number of at least 30, not '%s'\n", argv[2]);
            return 2;
        }
    }
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
