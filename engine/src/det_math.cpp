// Deterministic arithmetic: see det_math.h. The series below use a fixed number of terms so
// the sequence of IEEE operations, and therefore every bit of the result, never depends on
// the compiler's or the C library's choices.
#include "det_math.h"

namespace parley {

std::int64_t round_div(__int128 num, __int128 den) {
    if (den < 0) {
        num = -num;
        den = -den;
    }
    // |num| / den rounded half up, sign restored: half away from zero.
    const __int128 a = num < 0 ? -num : num;
    __int128 q = a / den;
    if (2 * (a % den) >= den) ++q;
    return static_cast<std::int64_t>(num < 0 ? -q : q);
}

namespace {

constexpr double kLn2 = 0.69314718055994530942;
constexpr double kSqrt2 = 1.41421356237309504880;
constexpr int kLogTerms = 30;  // |s| <= 0.172: s^61 is far below double precision
constexpr int kExpTerms = 30;  // |r| <= 0.35:  0.35^30 / 30! is far below double precision

}  // namespace

double det_log(double x) {
    if (!(x > 0.0)) return 0.0;
    // x = m × 2^k with m in [sqrt(1/2), sqrt(2)): scaling by two is exact.
    int k = 0;
    while (x >= 2.0) { x = x / 2.0; ++k; }
    while (x < 1.0) { x = x * 2.0; --k; }
    if (x >= kSqrt2) { x = x / 2.0; ++k; }
    // ln m = 2 atanh(s), s = (m − 1) / (m + 1) = 2 (s + s³/3 + s⁵/5 + …)
    const double s = (x - 1.0) / (x + 1.0);
    const double s2 = s * s;
    double power = s;
    double sum = 0.0;
    for (int i = 0; i < kLogTerms; ++i) {
        sum = sum + power / static_cast<double>(2 * i + 1);
        power = power * s2;
    }
    return 2.0 * sum + static_cast<double>(k) * kLn2;
}

double det_exp(double y) {
    if (y < -745.0) return 0.0;
    if (y > 709.0) y = 709.0;
    // y = n ln2 + r, |r| <= ln2 / 2; e^y = e^r × 2^n.
    const double q = y / kLn2;
    long n = static_cast<long>(q < 0.0 ? q - 0.5 : q + 0.5);
    const double r = y - static_cast<double>(n) * kLn2;
    double term = 1.0;
    double sum = 1.0;
    for (int i = 1; i <= kExpTerms; ++i) {
        term = term * r / static_cast<double>(i);
        sum = sum + term;
    }
    while (n > 0) { sum = sum * 2.0; --n; }
    while (n < 0) { sum = sum / 2.0; ++n; }
    return sum;
}

double det_pow(double x, double y) {
    if (y == 0.0) return 1.0;
    if (!(x > 0.0)) return 0.0;
    if (x == 1.0) return 1.0;
    return det_exp(y * det_log(x));
}

}  // namespace parley
