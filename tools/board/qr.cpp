#include "qr.h"

#include <qrencode.h>

#include <cmath>

namespace parley::board {

std::optional<QrCode> encode_qr(const std::string& text) {
    QRcode* q = QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0,
                                  QR_ECLEVEL_M);
    if (!q) return std::nullopt;
    QrCode out;
    out.size = q->width;
    out.dark.resize(static_cast<std::size_t>(q->width * q->width));
    for (int i = 0; i < q->width * q->width; ++i) out.dark[static_cast<std::size_t>(i)] = (q->data[i] & 1) != 0;
    QRcode_free(q);
    return out;
}

void draw_qr(ImDrawList* dl, ImVec2 at, float side, const QrCode& code) {
    const int quiet = 4;
    const int total = code.size + 2 * quiet;
    const float module = std::floor(side / static_cast<float>(total));
    const float drawn = module * static_cast<float>(total);
    const ImVec2 origin(std::round(at.x + (side - drawn) / 2), std::round(at.y + (side - drawn) / 2));
    dl->AddRectFilled(origin, ImVec2(origin.x + drawn, origin.y + drawn), IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < code.size; ++y)
        for (int x = 0; x < code.size; ++x)
            if (code.at(x, y)) {
                const ImVec2 a(origin.x + module * static_cast<float>(x + quiet), origin.y + module * static_cast<float>(y + quiet));
                dl->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32(0, 0, 0, 255));
            }
}

}  // namespace parley::board
