// Xlib stays in this file: its macros (None, Bool, Status) would clash with SFML's and Catch's names.
#include "x11_icon.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>

namespace parley::test {

// _NET_WM_ICON holds each icon's width, height, then its ARGB pixels; the first is read.
sf::Image icon_on_the_server(unsigned long window) {
    sf::Image out;
    Display* display = XOpenDisplay(nullptr);
    if (!display) return out;
    const Atom icon = XInternAtom(display, "_NET_WM_ICON", False);
    Atom type = 0;
    int format = 0;
    unsigned long count = 0, after = 0;
    unsigned char* data = nullptr;
    if (XGetWindowProperty(display, window, icon, 0, 1L << 20, False, XA_CARDINAL, &type, &format, &count, &after,
                           &data) == Success && data && format == 32 && count >= 2) {
        const auto* v = reinterpret_cast<const unsigned long*>(data);   // format 32 arrives as longs
        const unsigned long w = v[0], h = v[1];
        if (w > 0 && h > 0 && count >= 2 + w * h) {
            out.create(static_cast<unsigned>(w), static_cast<unsigned>(h));
            for (unsigned long y = 0; y < h; ++y)
                for (unsigned long x = 0; x < w; ++x) {
                    const unsigned long argb = v[2 + y * w + x];
                    out.setPixel(static_cast<unsigned>(x), static_cast<unsigned>(y),
                                 sf::Color((argb >> 16) & 0xff, (argb >> 8) & 0xff, argb & 0xff, (argb >> 24) & 0xff));
                }
        }
    }
    if (data) XFree(data);
    XCloseDisplay(display);
    return out;
}


}  // namespace parley::test
