// Finding the shipped assets and setting the window icon from them (window_icon.h).
#include "parley/ui/window_icon.h"

#include <SFML/Graphics/Image.hpp>

#include <cstdlib>
#include <system_error>

namespace parley::ui {

namespace fs = std::filesystem;

namespace {

bool holds_icons(const fs::path& dir) {
    std::error_code ec;
    return fs::is_directory(dir / "icons" / "hicolor", ec);
}

}  // namespace

std::optional<fs::path> find_assets_dir() {
    if (const char* env = std::getenv("PARLEY_ASSETS"); env && *env && holds_icons(env)) return fs::path(env);
    std::error_code ec;
    if (auto exe = fs::read_symlink("/proc/self/exe", ec); !ec) {
        const fs::path bin = exe.parent_path();
        if (auto installed = bin.parent_path() / "share" / "parley" / "assets"; holds_icons(installed))
            return installed;
        for (fs::path dir = bin; !dir.empty(); dir = dir.parent_path()) {
            if (holds_icons(dir / "assets")) return dir / "assets";
            if (dir == dir.parent_path()) break;
        }
    }
#ifdef PARLEY_UI_SOURCE_DIR
    if (fs::path source = fs::path(PARLEY_UI_SOURCE_DIR) / "assets"; holds_icons(source)) return source;
#endif
    return std::nullopt;
}

std::optional<fs::path> find_icon(const std::string& program, unsigned size) {
    auto assets = find_assets_dir();
    if (!assets) return std::nullopt;
    const std::string dim = std::to_string(size) + "x" + std::to_string(size);
    fs::path png = *assets / "icons" / "hicolor" / dim / "apps" / (program + ".png");
    std::error_code ec;
    if (!fs::is_regular_file(png, ec)) return std::nullopt;
    return png;
}

bool set_window_icon(sf::Window& window, const std::string& program) {
    auto png = find_icon(program, 128);
    if (!png) return false;
    sf::Image image;
    if (!image.loadFromFile(png->string())) return false;
    const auto size = image.getSize();
    window.setIcon(size.x, size.y, image.getPixelsPtr());
    return true;
}

}  // namespace parley::ui
