// Secrets of the classroom server: tokens and join codes drawn from the operating system's
// random source (getrandom), and a comparison that takes the same time whatever it compares.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace parley::board {

// `bytes` random bytes from the OS, as lower-case hex (2 × bytes characters).
std::string random_token(std::size_t bytes = 24);
// A join code of `digits` decimal digits, uniformly drawn (no leading-zero bias).
std::string random_code(int digits = 6);
// True when a and b are equal; the time depends only on the lengths, never on where they differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace parley::board
