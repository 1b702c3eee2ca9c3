// Reading a negotiation block (format reference §3.5; seed 000 双赢谈判): decimal values
// become exact integer units, and the bank's and the client's positions are checked against
// each other (prepare the walk-away and the target before negotiating).
//
// Contents
//   1. Units              (decimal JSON numbers ↔ integer units, exactly)
//   2. Issues             (range, step, both sides' positions, weights)
//   3. Blocks             (issues, rounds, the concede and hold lists, where each outcome leads)
#include "load_negotiation.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace parley {

namespace {

// ============================================================================
// 1. Units
// ============================================================================

constexpr std::int64_t kPow10[] = {1, 10, 100, 1000, 10000};
constexpr int kMaxDecimals = 4;

std::string format_units(std::int64_t units, int decimals) {
    std::string digits = std::to_string(units < 0 ? -units : units);
    if (decimals > 0) {
        if (digits.size() <= static_cast<std::size_t>(decimals))
            digits.insert(0, static_cast<std::size_t>(decimals) + 1 - digits.size(), '0');
        digits.insert(digits.size() - static_cast<std::size_t>(decimals), ".");
    }
    return units < 0 ? "-" + digits : digits;
}

// A decimal JSON number → integer units (× 10^decimals), exactly or not at all: the value must
// be the number nearest to units / 10^decimals, which is what writing it back gives (5.2 is
// 520 hundredths; 5.2000001 is refused, not rounded).
std::optional<std::int64_t> read_units(Reader& r, const json& v, int decimals) {
    if (!v.is_number()) {
        r.error("expected a number, found " + describe(v));
        return std::nullopt;
    }
    const double value = v.get<double>();
    double scaled = value * static_cast<double>(kPow10[decimals]);
    if (!(std::fabs(scaled) <= 1e15)) {  // also catches NaN; keeps every unit exact in a double
        r.error("value " + v.dump() + " is out of range");
        return std::nullopt;
    }
    double rounded = std::round(scaled);
    if (rounded / static_cast<double>(kPow10[decimals]) != value) {
        r.error("value " + v.dump() + " has more than " + std::to_string(decimals) +
                " decimal place(s) (this issue's \"decimals\" is " + std::to_string(decimals) + ")");
        return std::nullopt;
    }
    return static_cast<std::int64_t>(rounded);
}

// ============================================================================
// 2. Issues
// ============================================================================

// One issue: the bank's and the client's positions, checked against each other (seed 000:
// prepare the walk-away and target before negotiating).
void read_issue(Reader& r, const json& v, NegotiationIssue& is) {
    if (!r.expect_object(v)) return;
    Fields f(r, v);
    f.id("id", is.id, Required);
    f.text("label", is.label, Required);
    f.string("unit", is.unit, Optional);
    bool decimals_ok = true;
    if (f.get("decimals")) decimals_ok = f.integer("decimals", is.decimals, 0, kMaxDecimals, Optional);
    bool preference_ok = false;
    if (const json* pref = f.get("bank_prefers", Required)) {
        Reader::At at(r, "bank_prefers");
        if (const std::string* s = r.string(*pref)) {
            preference_ok = *s == "higher" || *s == "lower";
            if (preference_ok) is.bank_prefers_higher = *s == "higher";
            else r.unknown_id(*s, "preference", {"higher", "lower"});
        }
    }
    f.integer("weight", is.weight, 1, 100, Optional);
    // The client's own priorities (双赢: trade what the client values more); by default the bank's.
    is.client_weight = is.weight;
    f.integer("client_weight", is.client_weight, 1, 100, Optional);

    enum Value { Min, Max, Step, Target, Walkaway, Opening, ClientOpening, ClientReservation, Count };
    static const std::string_view names[Count] = {"min", "max", "step", "bank_target", "bank_walkaway",
                                                  "bank_opening", "client_opening", "client_reservation"};
    std::optional<std::int64_t> val[Count];
    for (int k = 0; k < Count; ++k) {
        const json* x = f.get(names[k], Required);
        if (!x || !decimals_ok) continue;
        Reader::At at(r, names[k]);
        val[k] = read_units(r, *x, is.decimals);
    }
    auto shown = [&](std::int64_t u) { return format_units(u, is.decimals); };
    auto error_at = [&](int k, std::string msg) {
        Reader::At at(r, names[k]);
        r.error(std::move(msg));
    };

    if (val[Min] && val[Max] && *val[Min] >= *val[Max])
        error_at(Max, "max " + shown(*val[Max]) + " must be above min " + shown(*val[Min]));
    if (val[Step] && *val[Step] <= 0) {
        error_at(Step, "step must be positive, found " + shown(*val[Step]));
        val[Step].reset();
    }
    bool range_ok = val[Min] && val[Max] && *val[Min] < *val[Max];
    for (int k = Target; k < Count; ++k) {
        if (!val[k]) continue;
        if (range_ok && (*val[k] < *val[Min] || *val[k] > *val[Max])) {
            error_at(k, std::string(names[k]) + " " + shown(*val[k]) + " is outside [" + shown(*val[Min]) + ", " +
                            shown(*val[Max]) + "]");
            val[k].reset();
        } else if (val[Min] && val[Step] && (*val[k] - *val[Min]) % *val[Step] != 0) {
            error_at(k, std::string(names[k]) + " " + shown(*val[k]) + " is not on a step of " + shown(*val[Step]) +
                            " from min " + shown(*val[Min]));
        }
    }

    // "Better for the bank" depends on the direction the bank prefers.
    if (preference_ok) {
        bool higher = is.bank_prefers_higher;
        auto bank_better_or_equal = [&](std::int64_t a, std::int64_t b) { return higher ? a >= b : a <= b; };
        std::string direction = higher ? "the bank prefers higher values" : "the bank prefers lower values";
        if (val[Opening] && val[Target] && !bank_better_or_equal(*val[Opening], *val[Target]))
            error_at(Opening, "the bank's opening " + shown(*val[Opening]) + " is worse for the bank than its target " +
                                  shown(*val[Target]) + " (" + direction + ")");
        if (val[Target] && val[Walkaway] && !bank_better_or_equal(*val[Target], *val[Walkaway]))
            error_at(Target, "the bank's target " + shown(*val[Target]) + " is worse for the bank than its walk-away " +
                                 shown(*val[Walkaway]) + " (" + direction + ")");
        if (val[ClientOpening] && val[ClientReservation] &&
            !bank_better_or_equal(*val[ClientReservation], *val[ClientOpening]))
            error_at(ClientOpening, "the client's opening " + shown(*val[ClientOpening]) +
                                        " is worse for the client than its reservation " +
                                        shown(*val[ClientReservation]) + " (the client prefers " +
                                        (higher ? "lower" : "higher") + " values)");
    }

    if (val[Min]) is.min = *val[Min];
    if (val[Max]) is.max = *val[Max];
    if (val[Step]) is.step = *val[Step];
    if (val[Target]) is.bank_target = *val[Target];
    if (val[Walkaway]) is.bank_walkaway = *val[Walkaway];
    if (val[ClientOpening]) is.client_opening = *val[ClientOpening];
    if (val[ClientReservation]) is.client_reservation = *val[ClientReservation];
    if (val[Opening]) is.bank_opening = *val[Opening];
}

// ============================================================================
// 3. Blocks
// ============================================================================

// 退让表 / 坚持表: the author's expected lists name this block's issues.
void read_issue_list(Reader& r, const json& v, const Negotiation& neg, std::vector<std::string>& out,
                     const std::vector<std::string>* other, std::string_view other_name) {
    const json::array_t* arr = r.array(v);
    if (!arr) return;
    std::vector<std::string_view> ids;
    for (const auto& is : neg.issues) ids.push_back(is.id);
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Reader::At at(r, i);
        const std::string* s = r.string((*arr)[i]);
        if (!s) continue;
        if (std::find(ids.begin(), ids.end(), *s) == ids.end()) {
            r.error("unknown issue \"" + printable(*s, 60) + "\"" + suggestion(*s, ids) + "; this block's issues are " +
                    join_ids(ids));
            continue;
        }
        if (other && std::find(other->begin(), other->end(), *s) != other->end())
            r.error("issue \"" + *s + "\" is on both lists; it cannot be conceded and held (see \"" +
                    std::string(other_name) + "\")");
        out.push_back(*s);
    }
}

}  // namespace

std::shared_ptr<const Negotiation> read_negotiation(Reader& r, const json& v) {
    auto neg = std::make_shared<Negotiation>();
    if (!r.expect_object(v)) return neg;
    Fields f(r, v);
    f.text("briefing", neg->briefing, Required);
    if (const json* issues = f.get("issues", Required)) {
        Reader::At at(r, "issues");
        if (const json::array_t* arr = r.array(*issues, true)) {
            std::map<std::string, std::size_t> seen;
            for (std::size_t i = 0; i < arr->size(); ++i) {
                Reader::At at_i(r, i);
                NegotiationIssue is;
                read_issue(r, (*arr)[i], is);
                if (!is.id.empty()) {
                    if (auto [it, fresh] = seen.emplace(is.id, i); !fresh) {
                        Reader::At at_id(r, "id");
                        r.error("duplicate issue id \"" + is.id + "\" (first at index " + std::to_string(it->second) + ")");
                    }
                }
                neg->issues.push_back(std::move(is));
            }
        }
    }
    f.integer("max_rounds", neg->max_rounds, 1, 100, Optional);
    f.integer("max_concessions", neg->max_concessions, 0, 100, Optional);
    if (const json* x = f.get("should_concede")) {
        Reader::At at(r, "should_concede");
        read_issue_list(r, *x, *neg, neg->should_concede, nullptr, "");
    }
    if (const json* x = f.get("must_hold")) {
        Reader::At at(r, "must_hold");
        read_issue_list(r, *x, *neg, neg->must_hold, &neg->should_concede, "should_concede");
    }
    f.id("on_deal", neg->on_deal, Required);
    f.id("on_no_deal", neg->on_no_deal, Required);
    f.id("on_client_quit", neg->on_client_quit, Required);
    return neg;
}


}  // namespace parley
