// A random generator whose output is specified (SplitMix64), mapped to ranges by our own code,
// so a seed means the same on every machine. Never use <random> distributions in the engine.
#pragma once

#include <cstdint>

namespace parley {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    // Uniform-enough integer in [0, n); n > 0. Deterministic everywhere.
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }

private:
    std::uint64_t state_;
};

}  // namespace parley
