// The programs' shipped assets (assets/: icons) and the window icon set from them at run time.
//
// Assets are found, in order: $PARLEY_ASSETS; ../share/parley/assets beside the program (an
// installed program: /usr/bin/parley → /usr/share/parley/assets); an assets/ folder at or above
// the program's folder (a build tree inside the source tree); the source tree the library was
// built from (a build tree elsewhere).
#pragma once

#include <SFML/Window/Window.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace parley::ui {

// The folder holding icons/hicolor/…, or nothing when no assets are found.
std::optional<std::filesystem::path> find_assets_dir();

// The PNG of `program`'s icon (parley, parley-editor, parley-board) at `size` pixels, if shipped.
std::optional<std::filesystem::path> find_icon(const std::string& program, unsigned size);

// Sets the window's icon (title bar, task bar, Alt-Tab) from the program's 128-pixel PNG.
// Returns false when the icon is not found or cannot be read; the window keeps the default.
bool set_window_icon(sf::Window& window, const std::string& program);

}  // namespace parley::ui
