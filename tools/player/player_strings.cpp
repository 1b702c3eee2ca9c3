#include "player_strings.h"

#include <cstdarg>
#include <cstdio>

namespace parley::player {

const UiStrings& strings() {
    static const UiStrings s;
    return s;
}

std::vector<const Text*> all_strings() {
    const UiStrings& s = strings();
    std::vector<const Text*> out;
#define PARLEY_LIST_STRING(id, zh, en) out.push_back(&s.id);
    PARLEY_PLAYER_STRINGS(PARLEY_LIST_STRING)
#undef PARLEY_LIST_STRING
    return out;
}

std::string fmt(const char* format, ...) {
    va_list args;
    va_start(args, format);
    va_list copy;
    va_copy(copy, args);
    const int n = std::vsnprintf(nullptr, 0, format, copy);
    va_end(copy);
    std::string out;
    if (n > 0) {
        out.resize(static_cast<std::size_t>(n) + 1);
        std::vsnprintf(out.data(), out.size(), format, args);
        out.resize(static_cast<std::size_t>(n));
    }
    va_end(args);
    return out;
}

}  // namespace parley::player
