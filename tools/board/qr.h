// QR codes of the join address (libqrencode), drawn module by module on an ImDrawList.
#pragma once

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace parley::board {

struct QrCode {
    int size = 0;                  // modules per side
    std::vector<bool> dark;        // size × size, row by row
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

// Byte mode, error correction M (survives a projector's glare); nothing when the text is too long.
std::optional<QrCode> encode_qr(const std::string& text);

// The code with its quiet zone (4 modules, white) in a square of `side` pixels at `at`; modules
// are snapped to whole pixels so a camera reads crisp edges.
void draw_qr(ImDrawList* dl, ImVec2 at, float side, const QrCode& code);

}  // namespace parley::board
