#include "parley/ui/synthetic_input.h"

#include <SFML/System/String.hpp>

#include <cmath>

namespace parley::ui {

std::vector<sf::Event>& SyntheticInput::push_frame() {
    frames_.emplace_back();
    return frames_.back();
}

void SyntheticInput::move(ImVec2 at) {
    sf::Event e{};
    e.type = sf::Event::MouseMoved;
    e.mouseMove.x = static_cast<int>(std::lround(at.x));
    e.mouseMove.y = static_cast<int>(std::lround(at.y));
    push_frame().push_back(e);
}

void SyntheticInput::click(ImVec2 at) {
    move(at);   // hover first: ImGui decides what is under the mouse a frame ahead
    sf::Event press{};
    press.type = sf::Event::MouseButtonPressed;
    press.mouseButton.button = sf::Mouse::Left;
    press.mouseButton.x = static_cast<int>(std::lround(at.x));
    press.mouseButton.y = static_cast<int>(std::lround(at.y));
    push_frame().push_back(press);
    sf::Event release = press;
    release.type = sf::Event::MouseButtonReleased;
    push_frame().push_back(release);
}

void SyntheticInput::drag(ImVec2 from, ImVec2 to, int steps, sf::Mouse::Button with) {
    auto button = [with](sf::Event::EventType type, ImVec2 at) {
        sf::Event e{};
        e.type = type;
        e.mouseButton.button = with;
        e.mouseButton.x = static_cast<int>(std::lround(at.x));
        e.mouseButton.y = static_cast<int>(std::lround(at.y));
        return e;
    };
    move(from);
    push_frame().push_back(button(sf::Event::MouseButtonPressed, from));
    for (int i = 1; i <= steps; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(steps);
        move(ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t));
    }
    wait(1);
    push_frame().push_back(button(sf::Event::MouseButtonReleased, to));
}

void SyntheticInput::wheel(ImVec2 at, float delta) {
    move(at);
    sf::Event e{};
    e.type = sf::Event::MouseWheelScrolled;
    e.mouseWheelScroll.wheel = sf::Mouse::VerticalWheel;
    e.mouseWheelScroll.delta = delta;
    e.mouseWheelScroll.x = static_cast<int>(std::lround(at.x));
    e.mouseWheelScroll.y = static_cast<int>(std::lround(at.y));
    push_frame().push_back(e);
}

void SyntheticInput::key(sf::Keyboard::Key key, KeyMods mods) {
    // Modifiers go down first and come up last, as on a keyboard: the release of the main key
    // still carries them, the release of the modifier clears them.
    auto event = [&](sf::Event::EventType type, sf::Keyboard::Key code, KeyMods held) {
        sf::Event e{};
        e.type = type;
        e.key.code = code;
        e.key.control = held.control;
        e.key.shift = held.shift;
        e.key.alt = held.alt;
        return e;
    };
    std::vector<std::pair<bool KeyMods::*, sf::Keyboard::Key>> modifiers;
    if (mods.control) modifiers.emplace_back(&KeyMods::control, sf::Keyboard::LControl);
    if (mods.shift) modifiers.emplace_back(&KeyMods::shift, sf::Keyboard::LShift);
    if (mods.alt) modifiers.emplace_back(&KeyMods::alt, sf::Keyboard::LAlt);
    KeyMods held{};
    for (const auto& [flag, code] : modifiers) {
        held.*flag = true;
        push_frame().push_back(event(sf::Event::KeyPressed, code, held));
    }
    push_frame().push_back(event(sf::Event::KeyPressed, key, held));
    push_frame().push_back(event(sf::Event::KeyReleased, key, held));
    for (auto it = modifiers.rbegin(); it != modifiers.rend(); ++it) {
        held.*(it->first) = false;
        push_frame().push_back(event(sf::Event::KeyReleased, it->second, held));
    }
}

void SyntheticInput::type(const std::string& utf8) {
    // One character per frame, like typing: a field sees every intermediate text.
    const sf::String text = sf::String::fromUtf8(utf8.begin(), utf8.end());
    for (const sf::Uint32 c : text) {
        sf::Event e{};
        e.type = sf::Event::TextEntered;
        e.text.unicode = c;
        push_frame().push_back(e);
    }
}

void SyntheticInput::wait(int frames) {
    for (int i = 0; i < frames; ++i) push_frame();
}

std::vector<sf::Event> SyntheticInput::next_frame() {
    if (frames_.empty()) return {};
    std::vector<sf::Event> out = std::move(frames_.front());
    frames_.pop_front();
    return out;
}

}  // namespace parley::ui
