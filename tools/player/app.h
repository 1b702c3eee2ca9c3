// The trainee player: one SFML window with Dear ImGui, five screens, a header bar.
//
//   App app(options);
//   return app.run();            // until the window closes (or a scripted run ends)
//
// Tests and the benchmark drive it a frame at a time with step() and feed synthetic input
// through input(), which reaches ImGui by the same path as the window's own events.
#pragma once

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Clock.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "parley/model.h"
#include "parley/ui/fonts.h"
#include "parley/ui/platform.h"
#include "parley/ui/synthetic_input.h"
#include "parley/ui/targets.h"
#include "progress_store.h"
#include "shared.h"

namespace parley::player {

struct Options {
    std::filesystem::path content;              // content root (holds competencies.json)
    std::filesystem::path data_dir;             // where progress.sqlite lives
    std::optional<Lang> lang;                   // overrides the saved setting
    std::optional<int> font_size;
    bool unlock_all = false;
    bool fullscreen = false;
    unsigned width = 1280, height = 800;
    bool fixed_time_step = false;               // scripted: every frame advances 1/30 s
    bool vsync_limit = true;                    // interactive: 60 frames per second at most
};

class Screens;   // the five screens (screens.h)

class App {
public:
    explicit App(const Options& options);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Runs frames until the window closes or quit() is called; returns the exit code.
    int run();
    // One frame: events (real and synthetic), UI, render, display. False once closed.
    bool step();
    void quit(int exit_code);

    Shared& shared() { return *shared_; }
    const ui::Targets& targets() const { return targets_; }
    ui::SyntheticInput& input() { return input_; }
    sf::RenderWindow& window() { return window_; }
    ui::Fonts& fonts() { return fonts_; }
    long frame() const { return frame_; }
    // Called after the frame is drawn and before it is shown (screenshots).
    void on_frame_drawn(std::function<void(App&)> hook) { frame_hook_ = std::move(hook); }
    // Time from construction to the first frame on screen, in seconds.
    double first_frame_seconds() const { return first_frame_seconds_; }
    // Where the last frame's time went (the benchmark reports it).
    struct FrameTimes {
        double ui_ms = 0, render_ms = 0, display_ms = 0;   // build the UI; submit GL; swap
    };
    const FrameTimes& last_frame_times() const { return frame_times_; }

private:
    void open_window();
    void handle(const sf::Event& e);
    void rebuild_fonts();
    void cover_content_text();
    void draw_frame(float dt);
    void draw_header();
    void draw_help();
    void shortcuts();
    void apply_navigation();
    void save_settings();
    void keep_class_informed();

    Options options_;
    sf::Clock since_start_;
    double first_frame_seconds_ = -1.0;
    std::shared_ptr<const ContentSet> content_;
    std::unique_ptr<ProgressStore> store_;
    sf::RenderWindow window_;
    std::unique_ptr<ui::Platform> platform_;
    ui::Fonts fonts_;
    ui::Targets targets_;
    ui::SyntheticInput input_;
    std::unique_ptr<Shared> shared_;
    std::unique_ptr<Screens> screens_;
    sf::Clock frame_clock_;
    long frame_ = 0;
    int exit_code_ = 0;
    bool quit_ = false;
    bool toggle_fullscreen_ = false;
    bool show_help_ = false;
    sf::Clock class_board_clock_, class_retry_clock_;
    bool class_flush_announced_ = false;
    std::function<void(App&)> frame_hook_;
    FrameTimes frame_times_;
};

}  // namespace parley::player
