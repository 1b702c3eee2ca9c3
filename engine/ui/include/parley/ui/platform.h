// Dear ImGui 1.86 platform binding for an SFML 2.5 window, rendered with ImGui's OpenGL3
// backend (compiled into Debian's libimgui.a). There is no upstream SFML backend; this is ours.
//
//   Platform platform(window);            // creates the ImGui context and both backends
//   while (window.isOpen()) {
//       while (window.pollEvent(e)) platform.process_event(e);
//       platform.new_frame(clock.restart());
//       ... ImGui calls ...
//       window.clear(); platform.render(); window.display();
//   }
//
// Every input reaches ImGui through process_event(), real or synthetic: scripted runs and tests
// feed sf::Event values into the same path a user's input takes. Keys therefore come from
// events only (never sf::Keyboard::isKeyPressed), so synthetic presses behave like real ones.
//
// 1.86 predates the 1.87 input API: keys go through io.KeysDown[] / io.KeyMap[], indexed by
// sf::Keyboard::Key.
#pragma once

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Time.hpp>
#include <SFML/Window/Event.hpp>

#include <array>
#include <string>

struct ImGuiContext;

namespace parley::ui {

class Platform {
public:
    explicit Platform(sf::RenderWindow& window);
    ~Platform();
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    // Feed one window event (mouse, wheel, keys, text, focus, resize).
    void process_event(const sf::Event& event);
    // Start an ImGui frame: display size, time step, mouse state, cursor shape.
    void new_frame(sf::Time dt);
    // Finish the ImGui frame and draw it into the window's current framebuffer.
    void render();

    // After the window was re-created (fullscreen toggle): a new GL context needs the
    // renderer's objects rebuilt; ImGui's state (windows, focus, fonts) is kept.
    void window_recreated();
    // The font atlas changed (new glyphs or size): upload it again. Call between frames.
    void reload_fonts_texture();

    sf::RenderWindow& window() { return *window_; }

private:
    void update_cursor();
    void use_nearest_filtering_for_fonts();

    sf::RenderWindow* window_;
    ImGuiContext* context_ = nullptr;
    // A press and release inside one frame must still count as a click, so a press is
    // latched until the frame that has seen it.
    std::array<bool, 5> mouse_pressed_{};
    std::array<bool, 5> mouse_down_{};
    int last_cursor_ = -2;
    unsigned nearest_texture_ = 0;   // the font texture already switched to nearest sampling
    std::string clipboard_;   // keeps the UTF-8 text alive for ImGui
};

}  // namespace parley::ui
