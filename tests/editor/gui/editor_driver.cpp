#include "editor_driver.h"

namespace parley::editor::test {

EditorDriver::EditorDriver(const std::filesystem::path& file, const std::filesystem::path& content,
                           const std::filesystem::path& state_dir, Lang lang) {
    Options o;
    o.file = file;
    o.content = content;
    o.state_dir = state_dir;
    o.lang = lang;
    o.fixed_time_step = true;
    o.vsync_limit = false;
    app_ = std::make_unique<EditorApp>(o);
    frames(4);
}

void EditorDriver::frames(int n) {
    for (int i = 0; i < n; ++i) app_->step();
}

void EditorDriver::drain() {
    for (int i = 0; i < 400 && !app_->input().idle(); ++i) app_->step();
    frames(3);
}

bool EditorDriver::wait_until(const std::function<bool()>& done, int max_frames) {
    for (int i = 0; i < max_frames; ++i) {
        if (done()) return true;
        app_->step();
    }
    return done();
}

bool EditorDriver::visible(const std::string& target) { return app_->targets().find(target).has_value(); }

bool EditorDriver::click(const std::string& target) {
    for (int i = 0; i < 300; ++i) {
        if (const auto where = app_->targets().find(target)) {
            app_->input().click(where->center());
            drain();
            return true;
        }
        // Laid out but scrolled away: wheel its panel towards it, as a user would.
        if (const auto hidden = app_->targets().find_hidden(target)) {
            app_->input().wheel(hidden->host.center(), hidden->rect.min.y > hidden->host.center().y ? -2.f : 2.f);
            drain();
        } else {
            app_->step();
        }
    }
    return false;
}

bool EditorDriver::drag(const std::string& from, const std::string& to) {
    if (!wait_until([&] { return visible(from) && visible(to); }, 120)) return false;
    app_->input().drag(app_->targets().find(from)->center(), app_->targets().find(to)->center(), 8);
    drain();
    return true;
}

void EditorDriver::key(sf::Keyboard::Key k, ui::KeyMods mods) {
    app_->input().key(k, mods);
    drain();
}

void EditorDriver::type(const std::string& utf8) {
    app_->input().type(utf8);
    drain();
}

}  // namespace parley::editor::test
