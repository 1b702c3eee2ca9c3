// Drives the real editor window in-process for the GUI tests: frames stepped by the test,
// input as synthetic SFML events through the window's event path, places found by name.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "editor_app.h"

namespace parley::editor::test {

class EditorDriver {
public:
    EditorDriver(const std::filesystem::path& file, const std::filesystem::path& content,
                 const std::filesystem::path& state_dir, Lang lang = Lang::En);
    EditorApp& app() { return *app_; }
    Document& doc() { return app_->document(); }

    void frames(int n);
    bool wait_until(const std::function<bool()>& done, int max_frames = 300);
    bool visible(const std::string& target);
    // Waits for the named place, clicks its centre, lets the click land.
    bool click(const std::string& target);
    // Presses on one named place and releases on another.
    bool drag(const std::string& from, const std::string& to);
    void key(sf::Keyboard::Key k, ui::KeyMods mods = {});
    void type(const std::string& utf8);

private:
    void drain();
    std::unique_ptr<EditorApp> app_;
};

}  // namespace parley::editor::test
