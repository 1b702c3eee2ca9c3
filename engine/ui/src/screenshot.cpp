#include "parley/ui/screenshot.h"

#include <SFML/Graphics/Texture.hpp>

namespace parley::ui {

sf::Image capture(sf::RenderWindow& window) {
    window.setActive(true);
    sf::Texture texture;
    const sf::Vector2u size = window.getSize();
    if (!texture.create(size.x, size.y)) return {};
    texture.update(window);
    return texture.copyToImage();
}

bool save_screenshot(sf::RenderWindow& window, const std::string& path, std::string& error) {
    const sf::Image image = capture(window);
    if (image.getSize().x == 0 || !image.saveToFile(path)) {
        error = "cannot write screenshot " + path;
        return false;
    }
    return true;
}

}  // namespace parley::ui
