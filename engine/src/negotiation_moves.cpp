// Negotiation moves: the decision syntax (negotiation.h), validation of a move against the
// state of a block, and descriptions for the decision log.
//
//   1. Values             parse of "5.20" in display units (formatting: negotiation_issue.cpp)
//   2. Parsing            parse_move
//   3. Formatting         format_move (canonical: parse_move(format_move(m)) == m)
//   4. Validation         move_problem: why a move is not valid now
//   5. Descriptions       bilingual text for the decision log
//
// Rules decided here (README §3.5 is silent on them):
//   - Outer whitespace is ignored; inside a move none is allowed.
//   - `prep` alone means two empty lists; each of concede= / hold= may appear at most once.
//   - A nibble names exactly one issue (蚕食法: one small extra at a time).
//   - A trade must give something (each given value better for the client than the trainee's
//     standing offer) and ask something (each asked value better for the bank than the client's
//     standing offer); otherwise it is not a trade and is refused as invalid.
#include <algorithm>
#include <cctype>
#include <limits>
#include <set>

#include "det_math.h"
#include "negotiation_runtime.h"

namespace parley {

// ============================================================================
// 1. Values
// ============================================================================

namespace {

// "5.20" → units with the issue's decimals; nothing (and `error`) when malformed.
std::optional<std::int64_t> parse_value(std::string_view text, const NegotiationIssue& issue,
                                        std::string& error) {
    std::size_t i = 0;
    const bool negative = !text.empty() && text[0] == '-';
    if (negative) ++i;
    std::string whole, frac;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) whole += text[i++];
    if (i < text.size() && text[i] == '.') {
        ++i;
        while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) frac += text[i++];
        if (frac.empty()) whole.clear();  // "5." is malformed
    }
    if (whole.empty() || i != text.size()) {
        error = issue.id + ": '" + std::string(text) + "' is not a number";
        return std::nullopt;
    }
    if (static_cast<int>(frac.size()) > issue.decimals) {
        error = issue.id + ": '" + std::string(text) + "' has more than " +
                std::to_string(issue.decimals) + " decimal" + (issue.decimals == 1 ? "" : "s");
        return std::nullopt;
    }
    frac += std::string(static_cast<std::size_t>(issue.decimals) - frac.size(), '0');
    const std::string digits = whole + frac;
    if (digits.size() > 17) {
        error = issue.id + ": '" + std::string(text) + "' is too large";
        return std::nullopt;
    }
    std::int64_t v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return negative ? -v : v;
}

}  // namespace

std::string value_problem(const NegotiationIssue& issue, std::int64_t units) {
    if (units < issue.min || units > issue.max)
        return issue.id + ": " + format_value(issue, units) + " is outside " +
               format_value(issue, issue.min) + "–" + format_value(issue, issue.max);
    const std::int64_t step = issue.step > 0 ? issue.step : 1;
    if ((units - issue.min) % step != 0)
        return issue.id + ": " + format_value(issue, units) + " is not on a step of " +
               format_value(issue, step) + " from " + format_value(issue, issue.min);
    return "";
}

// ============================================================================
// 2. Parsing
// ============================================================================

namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = s.find(sep, start);
        parts.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos
                                                                     : at - start));
        if (at == std::string_view::npos) break;
        start = at + 1;
    }
    return parts;
}

std::string issue_list(const Negotiation& block) {
    std::string s;
    for (const auto& issue : block.issues) s += (s.empty() ? "" : ", ") + issue.id;
    return s;
}

const NegotiationIssue* lookup(const Negotiation& block, std::string_view id, std::string& error) {
    const NegotiationIssue* issue = find_issue(block, std::string(id));
    if (!issue)
        error = "unknown issue '" + std::string(id) + "' (this negotiation has: " +
                issue_list(block) + ")";
    return issue;
}

// "rate=5.20;fee=0.30" → values.
bool parse_pairs(std::string_view text, const Negotiation& block, IssueValues& out,
                 std::string& error) {
    if (text.empty()) {
        error = "expected issue=value";
        return false;
    }
    for (std::string_view pair : split(text, ';')) {
        const std::size_t eq = pair.find('=');
        if (eq == std::string_view::npos) {
            error = "expected issue=value, got '" + std::string(pair) + "'";
            return false;
        }
        const NegotiationIssue* issue = lookup(block, pair.substr(0, eq), error);
        if (!issue) return false;
        if (out.count(issue->id)) {
            error = "issue '" + issue->id + "' is named twice";
            return false;
        }
        auto v = parse_value(pair.substr(eq + 1), *issue, error);
        if (!v) return false;
        const std::string problem = value_problem(*issue, *v);
        if (!problem.empty()) {
            error = problem;
            return false;
        }
        out[issue->id] = *v;
    }
    return true;
}

bool parse_list(std::string_view text, const Negotiation& block, std::vector<std::string>& out,
                std::string& error) {
    if (text.empty()) return true;
    for (std::string_view id : split(text, '+')) {
        const NegotiationIssue* issue = lookup(block, id, error);
        if (!issue) return false;
        if (std::find(out.begin(), out.end(), issue->id) != out.end()) {
            error = "issue '" + issue->id + "' is listed twice";
            return false;
        }
        out.push_back(issue->id);
    }
    return true;
}

bool parse_prep(std::string_view args, const Negotiation& block, NegotiationMove& m,
                std::string& error) {
    bool seen_concede = false, seen_hold = false;
    if (!args.empty()) {
        for (std::string_view part : split(args, ';')) {
            const std::size_t eq = part.find('=');
            const std::string_view key = part.substr(0, eq);
            const std::string_view list =
                eq == std::string_view::npos ? std::string_view{} : part.substr(eq + 1);
            if (eq == std::string_view::npos || (key != "concede" && key != "hold")) {
                error = "expected concede=… or hold=… in prep, got '" + std::string(part) + "'";
                return false;
            }
            bool& seen = key == "concede" ? seen_concede : seen_hold;
            if (seen) {
                error = "'" + std::string(key) + "=' is given twice";
                return false;
            }
            seen = true;
            if (!parse_list(list, block, key == "concede" ? m.concede : m.hold, error)) return false;
        }
    }
    for (const auto& id : m.concede)
        if (std::find(m.hold.begin(), m.hold.end(), id) != m.hold.end()) {
            error = "issue '" + id + "' cannot be on both the concede list and the hold list";
            return false;
        }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<NegotiationMove> parse_move(std::string_view text, const Negotiation& block,
                                          std::string& error) {
    text = trim(text);
    const std::size_t colon = text.find(':');
    const std::string_view head = text.substr(0, colon);
    const bool has_args = colon != std::string_view::npos;
    const std::string_view args = has_args ? text.substr(colon + 1) : std::string_view{};

    auto kind = parse<MoveKind>(head);
    if (!kind) {
        error = "unknown move '" + std::string(head) +
                "' (expected prep, offer, trade, hold, nibble, split, accept or walk)";
        return std::nullopt;
    }
    NegotiationMove m;
    m.kind = *kind;
    switch (m.kind) {
        case MoveKind::Hold:
        case MoveKind::ProposeSplit:
        case MoveKind::Accept:
        case MoveKind::WalkAway:
            if (has_args) {
                error = "'" + std::string(head) + "' takes no values";
                return std::nullopt;
            }
            return m;
        case MoveKind::Prepare:
            if (!parse_prep(args, block, m, error)) return std::nullopt;
            return m;
        case MoveKind::Offer:
        case MoveKind::Nibble:
            if (!parse_pairs(args, block, m.values, error)) return std::nullopt;
            if (m.kind == MoveKind::Nibble && m.values.size() != 1) {
                error = "a nibble asks for one small extra on one issue";
                return std::nullopt;
            }
            return m;
        case MoveKind::Trade: {
            const auto parts = split(args, '/');
            if (parts.size() != 2) {
                error = "expected trade:give=value/ask=value (what you give / what you ask in return)";
                return std::nullopt;
            }
            if (!parse_pairs(parts[0], block, m.values, error) ||
                !parse_pairs(parts[1], block, m.in_return, error))
                return std::nullopt;
            for (const auto& [id, v] : m.values)
                if (m.in_return.count(id)) {
                    error = "issue '" + id + "' cannot be both given and asked for in one trade";
                    return std::nullopt;
                }
            return m;
        }
    }
    error = "unknown move";
    return std::nullopt;
}

// ============================================================================
// 3. Formatting
// ============================================================================

namespace {

std::string format_pairs(const IssueValues& values, const Negotiation& block) {
    std::string s;
    std::set<std::string> done;
    for (const auto& issue : block.issues) {
        auto it = values.find(issue.id);
        if (it == values.end()) continue;
        s += (s.empty() ? "" : ";") + issue.id + "=" + format_value(issue, it->second);
        done.insert(issue.id);
    }
    for (const auto& [id, v] : values)  // not in the block: shown raw (never valid anyway)
        if (!done.count(id)) s += (s.empty() ? "" : ";") + id + "=" + std::to_string(v);
    return s;
}

std::string join(const std::vector<std::string>& ids, const char* sep) {
    std::string s;
    for (const auto& id : ids) s += (s.empty() ? "" : sep) + id;
    return s;
}

}  // namespace

std::string format_move(const NegotiationMove& move, const Negotiation& block) {
    const std::string head(id_of(move.kind));
    switch (move.kind) {
        case MoveKind::Prepare:
            return head + ":concede=" + join(move.concede, "+") + ";hold=" + join(move.hold, "+");
        case MoveKind::Offer:
        case MoveKind::Nibble: return head + ":" + format_pairs(move.values, block);
        case MoveKind::Trade:
            return head + ":" + format_pairs(move.values, block) + "/" +
                   format_pairs(move.in_return, block);
        default: return head;
    }
}

// ============================================================================
// 4. Validation
// ============================================================================

namespace {

std::optional<std::string> values_problem(const Negotiation& block, const IssueValues& values) {
    for (const auto& [id, v] : values) {
        const NegotiationIssue* issue = find_issue(block, id);
        if (!issue) return "unknown issue '" + id + "'";
        const std::string p = value_problem(*issue, v);
        if (!p.empty()) return p;
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> move_problem(const NegotiationState& s, const NegotiationMove& m) {
    if (!s.block) return std::string("there is no negotiation here");
    const Negotiation& block = *s.block;
    if (s.outcome) return std::string("the negotiation has ended");
    if (!s.prepared && m.kind != MoveKind::Prepare)
        return std::string("prepare first: the first move of a negotiation is "
                           "prep:concede=…;hold=… (退让表 and 坚持表)");
    if (s.prepared && m.kind == MoveKind::Prepare)
        return std::string("the concede and hold lists are already prepared");
    if (s.pending_deal && m.kind != MoveKind::Hold && m.kind != MoveKind::Accept &&
        m.kind != MoveKind::Trade && m.kind != MoveKind::WalkAway)
        return std::string("the client has asked for one more thing before signing: answer with hold "
                           "(keep the agreed terms), trade:…, accept (give it) or walk");
    const bool takes_values = m.kind == MoveKind::Offer || m.kind == MoveKind::Trade ||
                              m.kind == MoveKind::Nibble;
    if (!takes_values && (!m.values.empty() || !m.in_return.empty()))
        return "'" + std::string(id_of(m.kind)) + "' takes no values";
    if (m.kind != MoveKind::Prepare && (!m.concede.empty() || !m.hold.empty()))
        return std::string("only prep takes concede and hold lists");
    if (m.kind != MoveKind::Trade && !m.in_return.empty())
        return std::string("only a trade asks for something in return");
    if (auto p = values_problem(block, m.values)) return p;
    if (auto p = values_problem(block, m.in_return)) return p;

    switch (m.kind) {
        case MoveKind::Prepare: {
            std::set<std::string> seen;
            for (const auto* list : {&m.concede, &m.hold})
                for (const auto& id : *list) {
                    if (!find_issue(block, id)) return "unknown issue '" + id + "'";
                    if (!seen.insert(id).second)
                        return "issue '" + id + "' is listed twice (an issue cannot be on both lists)";
                }
            return std::nullopt;
        }
        case MoveKind::Offer:
            if (m.values.empty()) return std::string("an offer names at least one issue");
            return std::nullopt;
        case MoveKind::Nibble: {
            if (m.values.size() != 1) return std::string("a nibble asks for one small extra on one issue");
            const auto& [id, v] = *m.values.begin();
            const NegotiationIssue& issue = *find_issue(block, id);
            const std::int64_t current = value_of(s.client_offer, id, issue.client_opening);
            if (!better_for_bank(issue, v, current))
                return "a nibble asks for more than the client offers: " + id + " " +
                       format_value(issue, v) + " is not better for the bank than the client's " +
                       format_value(issue, current);
            return std::nullopt;
        }
        case MoveKind::Trade: {
            if (m.values.empty() || m.in_return.empty())
                return std::string("a trade gives something and asks something in return");
            for (const auto& [id, v] : m.values) {
                if (m.in_return.count(id))
                    return "issue '" + id + "' cannot be both given and asked for in one trade";
                const NegotiationIssue& issue = *find_issue(block, id);
                const std::int64_t mine = value_of(s.trainee_offer, id, issue.bank_target);
                if (gives_to_client(issue, mine, v) == 0)
                    return "a trade gives something: " + id + " " + format_value(issue, v) +
                           " is not better for the client than your offer " +
                           format_value(issue, mine);
            }
            for (const auto& [id, v] : m.in_return) {
                const NegotiationIssue& issue = *find_issue(block, id);
                const std::int64_t theirs = value_of(s.client_offer, id, issue.client_opening);
                if (!better_for_bank(issue, v, theirs))
                    return "a trade asks something in return: " + id + " " + format_value(issue, v) +
                           " is not better for the bank than the client's offer " +
                           format_value(issue, theirs);
            }
            return std::nullopt;
        }
        default: return std::nullopt;
    }
}

// ============================================================================
// 5. Descriptions
// ============================================================================

namespace {

Text labels(const Negotiation& block, const std::vector<std::string>& ids) {
    Text t;
    for (const auto& id : ids) {
        const NegotiationIssue* issue = find_issue(block, id);
        const Text label = issue ? issue->label : Text{id, id};
        t.zh += (t.zh.empty() ? "" : "、") + label.zh;
        t.en += (t.en.empty() ? "" : ", ") + label.en;
    }
    if (ids.empty()) t = {"(无)", "(none)"};
    return t;
}

}  // namespace

Text describe_move(const Negotiation& block, const NegotiationMove& m) {
    const Text& name = name_of(m.kind);
    switch (m.kind) {
        case MoveKind::Prepare: {
            const Text c = labels(block, m.concede), h = labels(block, m.hold);
            return {"准备:退让表 " + c.zh + ";坚持表 " + h.zh,
                    "Prepare: concede " + c.en + "; hold " + h.en};
        }
        case MoveKind::Offer: {
            const Text v = describe_values(block, m.values);
            return {name.zh + ":" + v.zh, name.en + ": " + v.en};
        }
        case MoveKind::Trade: {
            const Text give = describe_values(block, m.values);
            const Text ask = describe_values(block, m.in_return);
            return {"条件交换:让出 " + give.zh + ",换取 " + ask.zh,
                    "Trade: give " + give.en + " in return for " + ask.en};
        }
        case MoveKind::Nibble: {
            const Text v = describe_values(block, m.values);
            return {"蚕食:再争取 " + v.zh, "Nibble: ask for " + v.en};
        }
        default: return name;
    }
}

}  // namespace parley
