// Negotiation issue arithmetic shared by every negotiation file: which way is better for whom,
// the step grid, shares of a range, values in display units.
//
// Rules decided here:
//   - A value snaps to the nearest multiple of the step from min, within [min, max]; an exact
//     half step goes to the value better for the client.
//   - Shares of an issue are taken of its whole range (max − min), in basis points.
#include <algorithm>
#include <cctype>

#include "det_math.h"
#include "negotiation_runtime.h"

namespace parley {

const NegotiationIssue* find_issue(const Negotiation& block, const std::string& id) {
    for (const auto& issue : block.issues)
        if (issue.id == id) return &issue;
    return nullptr;
}

std::int64_t range_of(const NegotiationIssue& issue) {
    return std::max<std::int64_t>(1, issue.max - issue.min);
}

bool better_for_bank(const NegotiationIssue& issue, std::int64_t a, std::int64_t b) {
    return issue.bank_prefers_higher ? a > b : a < b;
}

std::int64_t gives_to_client(const NegotiationIssue& issue, std::int64_t from, std::int64_t to) {
    const std::int64_t d = issue.bank_prefers_higher ? from - to : to - from;
    return d > 0 ? d : 0;
}

namespace {

// Nearest grid value (multiples of step from min, within [min, max]) to v2 / 2; v2 is twice the
// value so midpoints of two values snap exactly. An exact tie goes to the client's side.
std::int64_t snap_doubled(const NegotiationIssue& issue, std::int64_t v2) {
    const std::int64_t step = issue.step > 0 ? issue.step : 1;
    if (v2 <= 2 * issue.min) return issue.min;
    const std::int64_t last = issue.min + (issue.max - issue.min) / step * step;
    if (v2 >= 2 * last) return last;
    const std::int64_t lo = issue.min + (v2 - 2 * issue.min) / (2 * step) * step;
    const std::int64_t hi = lo + step;
    const std::int64_t below = v2 - 2 * lo, above = 2 * hi - v2;
    if (below < above) return lo;
    if (above < below) return hi;
    return issue.bank_prefers_higher ? lo : hi;
}

}  // namespace

std::int64_t snap_to_step(const NegotiationIssue& issue, std::int64_t v) {
    return snap_doubled(issue, 2 * v);
}

std::int64_t snap_midpoint(const NegotiationIssue& issue, std::int64_t a, std::int64_t b) {
    return snap_doubled(issue, a + b);
}

std::int64_t value_of(const IssueValues& values, const std::string& issue, std::int64_t fallback) {
    auto it = values.find(issue);
    return it == values.end() ? fallback : it->second;
}

// A unit that is a word ("months") follows the number after a space; a symbol ("%") or a
// Chinese unit ("万元") follows it directly.
std::string format_value_with_unit(const NegotiationIssue& issue, std::int64_t units) {
    std::string s = format_value(issue, units);
    if (!issue.unit.empty()) {
        if (std::isalpha(static_cast<unsigned char>(issue.unit.front()))) s += ' ';
        s += issue.unit;
    }
    return s;
}

Text describe_values(const Negotiation& block, const IssueValues& values) {
    Text t;
    for (const auto& issue : block.issues) {
        auto it = values.find(issue.id);
        if (it == values.end()) continue;
        if (!t.en.empty()) {
            t.zh += ",";
            t.en += ", ";
        }
        t.zh += issue.label.zh + " " + format_value_with_unit(issue, it->second);
        t.en += issue.label.en + " " + format_value_with_unit(issue, it->second);
    }
    return t;
}

std::string format_value(const NegotiationIssue& issue, std::int64_t units) {
    const bool negative = units < 0;
    // Work on the magnitude as unsigned so the most negative value formats too.
    const std::uint64_t mag = negative ? 0 - static_cast<std::uint64_t>(units)
                                       : static_cast<std::uint64_t>(units);
    std::uint64_t scale = 1;
    for (int i = 0; i < issue.decimals; ++i) scale *= 10;
    std::string s = negative ? "-" : "";
    s += std::to_string(mag / scale);
    if (issue.decimals > 0) {
        std::string frac = std::to_string(mag % scale);
        s += '.';
        s += std::string(static_cast<std::size_t>(issue.decimals) - frac.size(), '0') + frac;
    }
    return s;
}


std::int64_t share_bp(const NegotiationIssue& issue, std::int64_t amount, int weight) {
    return round_div(static_cast<__int128>(amount) * 10000 * std::max(1, weight), range_of(issue));
}

bool within_percent(const NegotiationIssue& issue, std::int64_t amount, int percent) {
    return static_cast<__int128>(amount) * 100 <= static_cast<__int128>(percent) * range_of(issue);
}

bool no_deal_within_walkaway(const Negotiation& block) {
    for (const auto& issue : block.issues)
        if (better_for_bank(issue, issue.bank_walkaway, issue.client_reservation)) return true;
    return false;
}

}  // namespace parley
