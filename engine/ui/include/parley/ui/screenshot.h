// Saving what the window shows as a PNG (scripted runs, tests, the benchmark's evidence).
#pragma once

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderWindow.hpp>

#include <string>

namespace parley::ui {

// The window's current back buffer (call after drawing, before display()).
sf::Image capture(sf::RenderWindow& window);
// Captures and writes a PNG; false (and `error` set) when the file cannot be written.
bool save_screenshot(sf::RenderWindow& window, const std::string& path, std::string& error);

}  // namespace parley::ui
