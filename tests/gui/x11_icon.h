// The window's icon as the X server holds it for the desktop (what a task bar or window list
// shows; `xprop _NET_WM_ICON` prints the same), for tests under Xvfb.
#pragma once

#include <SFML/Graphics/Image.hpp>

namespace parley::test {

// The first icon of the X window `window` (sf::Window::getSystemHandle()); an empty image when
// the window has none or the display cannot be opened.
sf::Image icon_on_the_server(unsigned long window);

}  // namespace parley::test
