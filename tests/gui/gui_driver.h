// Drives the real player in-process for the GUI tests: one App (window under Xvfb), frames
// stepped by the test, input as synthetic SFML events through the window's event path.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>   // ImRect

#include "app.h"
#include "parley/ui/synthetic_input.h"

namespace parley::test {

// A fresh folder under the system temp dir, removed when the object goes.
struct TempDir {
    explicit TempDir(const std::string& tag);
    ~TempDir();
    std::filesystem::path path;
};

class GuiDriver {
public:
    GuiDriver(const std::filesystem::path& data_dir, std::optional<Lang> lang = std::nullopt,
              std::optional<int> font_size = 18);
    player::App& app() { return *app_; }
    player::Shared& shared() { return app_->shared(); }

    void frames(int n);
    // Steps until `done` holds (true) or `max_frames` passed (false).
    bool wait_until(const std::function<bool()>& done, int max_frames = 300);
    // Waits for the named place to be on screen, clicks it, and lets the click land.
    bool click(const std::string& target);
    // Scrolls (mouse wheel over its window) until the named place is on screen, without clicking.
    bool show(const std::string& target);
    void key(sf::Keyboard::Key k, ui::KeyMods mods = {});
    void type(const std::string& utf8);
    // Keyboard navigation: arrow keys towards `target` until ImGui's navigation cursor is on it.
    bool nav_to(const std::string& target);
    // The rectangle of ImGui's keyboard-navigation cursor (empty when none).
    std::optional<ImRect> nav_rect() const;

private:
    void drain();
    std::unique_ptr<player::App> app_;
};

}  // namespace parley::test
