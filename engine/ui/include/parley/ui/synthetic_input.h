// Synthetic SFML input for scripted runs and GUI tests: clicks, key presses and typed text as
// sf::Event values, spread over frames the way a person's input arrives (move, then press,
// then release), to be fed into the same event path as the window's own events.
#pragma once

#include <SFML/Window/Event.hpp>
#include <SFML/Window/Keyboard.hpp>
#include <SFML/Window/Mouse.hpp>

#include <imgui.h>

#include <deque>
#include <string>
#include <vector>

namespace parley::ui {

struct KeyMods {
    bool control = false, shift = false, alt = false;
};

class SyntheticInput {
public:
    // Queue input; each call appends frames after what is already queued.
    void move(ImVec2 at);
    void click(ImVec2 at);
    void wheel(ImVec2 at, float delta);
    // Press `with` at `from`, move in `steps` frames to `to`, release there (canvas drags; the
    // middle button pans a canvas wherever it starts).
    void drag(ImVec2 from, ImVec2 to, int steps = 6, sf::Mouse::Button with = sf::Mouse::Left);
    void key(sf::Keyboard::Key key, KeyMods mods = {});
    // Typed text: one TextEntered event per character and frame (UTF-8 in).
    void type(const std::string& utf8);
    void wait(int frames);

    bool idle() const { return frames_.empty(); }
    // The events for this frame (empty when nothing is queued or this frame is a pause).
    std::vector<sf::Event> next_frame();

private:
    std::vector<sf::Event>& push_frame();
    std::deque<std::vector<sf::Event>> frames_;
};

}  // namespace parley::ui
