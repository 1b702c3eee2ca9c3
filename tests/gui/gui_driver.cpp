#include "gui_driver.h"

#include <imgui_internal.h>
#include <unistd.h>

namespace parley::test {

namespace fs = std::filesystem;

TempDir::TempDir(const std::string& tag)
    : path(fs::temp_directory_path() / ("parley-gui-" + tag + "-" + std::to_string(::getpid()))) {
    std::error_code ec;
    fs::remove_all(path, ec);
    fs::create_directories(path, ec);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
}

GuiDriver::GuiDriver(const fs::path& data_dir, std::optional<Lang> lang, std::optional<int> font_size) {
    player::Options o;
    o.content = fs::path(PARLEY_SOURCE_DIR) / "scenarios";
    o.data_dir = data_dir;
    o.lang = lang;
    o.font_size = font_size;
    o.fixed_time_step = true;
    o.vsync_limit = false;
    app_ = std::make_unique<player::App>(o);
    frames(3);
}

void GuiDriver::frames(int n) {
    for (int i = 0; i < n; ++i) app_->step();
}

void GuiDriver::drain() {
    for (int i = 0; i < 200 && !app_->input().idle(); ++i) app_->step();
    frames(2);
}

bool GuiDriver::wait_until(const std::function<bool()>& done, int max_frames) {
    for (int i = 0; i < max_frames; ++i) {
        if (done()) return true;
        app_->step();
    }
    return done();
}

bool GuiDriver::click(const std::string& target) {
    for (int i = 0; i < 300; ++i) {
        if (const auto where = app_->targets().find(target)) {
            app_->input().click(where->center());
            drain();
            return true;
        }
        // Laid out but scrolled away: wheel its window towards it, as a user would.
        if (const auto hidden = app_->targets().find_hidden(target)) {
            app_->input().wheel(hidden->host.center(), hidden->rect.min.y > hidden->host.center().y ? -2.f : 2.f);
            drain();
        } else {
            app_->step();
        }
    }
    return false;
}

bool GuiDriver::show(const std::string& target) {
    for (int i = 0; i < 300; ++i) {
        if (app_->targets().find(target)) return true;
        if (const auto hidden = app_->targets().find_hidden(target)) {
            app_->input().wheel(hidden->host.center(), hidden->rect.min.y > hidden->host.center().y ? -2.f : 2.f);
            drain();
        } else {
            app_->step();
        }
    }
    return false;
}

void GuiDriver::key(sf::Keyboard::Key k, ui::KeyMods mods) {
    app_->input().key(k, mods);
    drain();
}

void GuiDriver::type(const std::string& utf8) {
    app_->input().type(utf8);
    drain();
}

std::optional<ImRect> GuiDriver::nav_rect() const {
    const ImGuiContext& g = *GImGui;
    if (!g.NavWindow || g.NavId == 0 || g.NavDisableHighlight) return std::nullopt;
    // Relative to the window's content start, scrolling included (not to its position: in a
    // scrolled page that would be the rectangle's place in the content, far below the screen).
    return ImGui::WindowRectRelToAbs(g.NavWindow, g.NavWindow->NavRectRel[g.NavLayer]);
}

bool GuiDriver::nav_to(const std::string& target) {
    for (int step = 0; step < 80; ++step) {
        const auto t = app_->targets().find(target);
        const auto here = nav_rect();
        if (t && here) {
            const ImRect want(t->min, t->max);
            if (want.Contains(here->GetCenter()) || here->Contains(want.GetCenter())) return true;
        }
        sf::Keyboard::Key k = sf::Keyboard::Down;
        if (t && here) {
            const ImVec2 a = here->GetCenter(), b((t->min.x + t->max.x) * 0.5f, (t->min.y + t->max.y) * 0.5f);
            const bool same_row = b.y >= here->Min.y && b.y <= here->Max.y;
            if (same_row) k = b.x > a.x ? sf::Keyboard::Right : sf::Keyboard::Left;
            else k = b.y > a.y ? sf::Keyboard::Down : sf::Keyboard::Up;
        }
        key(k);
    }
    return false;
}

}  // namespace parley::test
