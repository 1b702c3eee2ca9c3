// Deterministic arithmetic for the runtime.
//
//   1. Integer rounding   round_div: a / b rounded half away from zero (score arithmetic)
//   2. Real functions     det_log, det_exp, det_pow built only from + - * / with fixed
//                         iteration counts, so the concession curve α(t) = (t/T)^(1/β) is
//                         bit-identical on every IEEE-754 machine (the project compiles with
//                         -ffp-contract=off, so no fused multiply-adds change the rounding).
#pragma once

#include <cstdint>

namespace parley {

// ---------------------------------------------------------------------------------------------
// 1. Integer rounding
// ---------------------------------------------------------------------------------------------

// num / den rounded half away from zero; den != 0. Wide intermediate so products of unit
// values and percents never overflow.
std::int64_t round_div(__int128 num, __int128 den);

// value × percent / 100, rounded half away from zero.
inline std::int64_t scale_percent(std::int64_t value, int percent) {
    return round_div(static_cast<__int128>(value) * percent, 100);
}

// ---------------------------------------------------------------------------------------------
// 2. Real functions
// ---------------------------------------------------------------------------------------------

double det_log(double x);            // natural logarithm, x > 0 (returns 0 for x <= 0)
double det_exp(double y);            // e^y
double det_pow(double x, double y);  // x^y for x >= 0 (0^y = 0 for y > 0, x^0 = 1)

}  // namespace parley
