// Bilingual text: every player-visible string exists in Chinese (zh) and English (en).
#pragma once

#include <string>

namespace parley {

enum class Lang { Zh, En };

struct Text {
    std::string zh;
    std::string en;
    const std::string& in(Lang lang) const { return lang == Lang::Zh ? zh : en; }
    bool empty() const { return zh.empty() && en.empty(); }
};

}  // namespace parley
