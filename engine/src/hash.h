// FNV-1a 64: a small, specified hash for content identity (not for security).
#pragma once

#include <cstdint>
#include <string_view>

namespace parley {

inline std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t h = 0xcbf29ce484222325ULL) {
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

}  // namespace parley
