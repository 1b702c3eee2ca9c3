// Typed reading with located errors (see json_reader.h).
#include "json_reader.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace parley {

namespace {

// Levenshtein distance, capped work: only used on the error path with short strings.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

std::string range_text(std::int64_t lo, std::int64_t hi) {
    constexpr std::int64_t kOpen = std::numeric_limits<int>::max();
    if (lo <= -1000000 && hi >= 1000000) return "";  // a counter: the range says nothing useful
    if (hi >= kOpen) return " of at least " + std::to_string(lo);
    return " from " + std::to_string(lo) + " to " + std::to_string(hi);
}

bool blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

}  // namespace

std::string suggestion(std::string_view given, const std::vector<std::string_view>& candidates) {
    if (given.size() > 64 || candidates.size() > 500) return "";
    std::string_view best;
    std::size_t best_d = std::numeric_limits<std::size_t>::max();
    for (auto c : candidates) {
        if (c.size() > 64) continue;
        std::size_t d = edit_distance(given, c);
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    // About one typo per three characters, at most three: "optins" → "options", but a
    // one-letter id suggests nothing.
    std::size_t allowed = std::min<std::size_t>(3, given.size() / 3);
    if (best.empty() || best_d == 0 || best_d > allowed) return "";
    return " (did you mean \"" + std::string(best) + "\"?)";
}

std::string join_ids(const std::vector<std::string_view>& ids) {
    std::string out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i) out += ", ";
        out += ids[i];
    }
    return out;
}

bool valid_id(std::string_view id) {
    if (id.empty()) return false;
    auto ok = [](char c, bool first) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (!first && (c == '_' || c == '-'));
    };
    if (!ok(id[0], true)) return false;
    for (std::size_t i = 1; i < id.size(); ++i)
        if (!ok(id[i], false)) return false;
    return true;
}

// ============================================================================
// Reader
// ============================================================================

bool Reader::expect_object(const json& v) {
    if (v.is_object()) return true;
    error("expected an object, found " + describe(v));
    return false;
}

const json::array_t* Reader::array(const json& v, bool non_empty) {
    if (!v.is_array()) {
        error("expected an array, found " + describe(v));
        return nullptr;
    }
    const auto& arr = v.get_ref<const json::array_t&>();
    if (non_empty && arr.empty()) {
        error("expected at least one entry, found an empty array");
        return nullptr;
    }
    return &arr;
}

std::optional<std::int64_t> Reader::integer(const json& v, std::int64_t lo, std::int64_t hi) {
    // Compare before converting so no out-of-range value is ever cast (1e400 cannot get
    // here: the parser rejects it; 1e30 and 2^64 are plain range errors).
    std::optional<std::int64_t> value;
    if (v.is_number_unsigned()) {
        auto u = v.get<std::uint64_t>();
        if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            value = static_cast<std::int64_t>(u);
    } else if (v.is_number_integer()) {
        value = v.get<std::int64_t>();
    } else if (v.is_number_float()) {
        double d = v.get<double>();
        if (std::trunc(d) != d) {
            error("expected an integer" + range_text(lo, hi) + ", found the fraction " + v.dump());
            return std::nullopt;
        }
        if (d >= static_cast<double>(lo) && d <= static_cast<double>(hi))
            value = static_cast<std::int64_t>(d);
        else {
            error("expected an integer" + range_text(lo, hi) + ", found " + v.dump());
            return std::nullopt;
        }
    } else {
        error("expected an integer" + range_text(lo, hi) + ", found " + describe(v));
        return std::nullopt;
    }
    if (!value || *value < lo || *value > hi) {
        error("expected an integer" + range_text(lo, hi) + ", found " + v.dump());
        return std::nullopt;
    }
    return value;
}

std::optional<std::uint64_t> Reader::uint64(const json& v) {
    const std::string range = " from 0 to " + std::to_string(std::numeric_limits<std::uint64_t>::max());
    if (v.is_number_unsigned()) return v.get<std::uint64_t>();
    if (v.is_number_integer() && v.get<std::int64_t>() >= 0) return static_cast<std::uint64_t>(v.get<std::int64_t>());
    if (v.is_number_float() && std::trunc(v.get<double>()) != v.get<double>())
        error("expected an integer" + range + ", found the fraction " + v.dump());
    else
        error("expected an integer" + range + ", found " + (v.is_number() ? v.dump() : describe(v)));
    return std::nullopt;
}

std::optional<double> Reader::number(const json& v, double lo, double hi) {
    if (!v.is_number()) {
        error("expected a number, found " + describe(v));
        return std::nullopt;
    }
    double d = v.get<double>();
    if (!(d >= lo && d <= hi)) {
        json l = lo, h = hi;
        error("expected a number from " + l.dump() + " to " + h.dump() + ", found " + v.dump());
        return std::nullopt;
    }
    return d;
}

std::optional<bool> Reader::boolean(const json& v) {
    if (v.is_boolean()) return v.get<bool>();
    error("expected true or false, found " + describe(v));
    return std::nullopt;
}

const std::string* Reader::string(const json& v) {
    if (v.is_string()) return &v.get_ref<const std::string&>();
    error("expected a string, found " + describe(v));
    return nullptr;
}

std::optional<std::string> Reader::id(const json& v) {
    const std::string* s = string(v);
    if (!s) return std::nullopt;
    if (!valid_id(*s)) {
        error("invalid id \"" + printable(*s, 60) +
              "\": ids use lower-case letters, digits, '_' and '-', starting with a letter or digit");
        return std::nullopt;
    }
    return *s;
}

std::optional<Text> Reader::text(const json& v) {
    if (!v.is_object()) {
        error("expected a text object {\"zh\": …, \"en\": …}, found " + describe(v));
        return std::nullopt;
    }
    Text t;
    bool ok = true;
    {
        Fields f(*this, v);
        for (auto [name, out] : {std::pair<std::string_view, std::string*>{"zh", &t.zh}, {"en", &t.en}}) {
            const json* s = f.get(name);
            if (!s) {
                error("missing translation \"" + std::string(name) + "\"");
                ok = false;
                continue;
            }
            At at(*this, name);
            const std::string* str = string(*s);
            if (!str) {
                ok = false;
            } else if (blank(*str)) {
                error("empty translation \"" + std::string(name) + "\"");
                ok = false;
            } else {
                *out = *str;
            }
        }
    }
    if (!ok) return std::nullopt;
    return t;
}

void Reader::unknown_id(std::string_view given, std::string_view what, const std::vector<std::string_view>& ids,
                        Anchor anchor) {
    std::string msg = "unknown " + std::string(what) + " \"" + printable(given, 60) + "\"";
    std::string hint = suggestion(given, ids);
    if (!hint.empty()) msg += hint;
    else msg += "; expected one of: " + join_ids(ids);
    error(std::move(msg), anchor);
}

// ============================================================================
// Fields
// ============================================================================

Fields::Fields(Reader& r, const json& object) : r_(r), object_(object.get_ref<const json::object_t&>()) {}

Fields::~Fields() {
    if (dismissed_ || found_ >= object_.size()) return;
    std::vector<std::string_view> known(names_.begin(), names_.begin() + static_cast<long>(named_));
    for (const auto& [key, value] : object_) {
        (void)value;
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        Reader::At at(r_, key);
        std::string msg = "unknown field \"" + printable(key, 60) + "\"";
        std::string hint = suggestion(key, known);
        if (!hint.empty()) msg += hint;
        else if (!known.empty()) msg += "; expected one of: " + join_ids(known);
        r_.error(std::move(msg), Anchor::Key);
    }
}

const json* Fields::get(std::string_view name, Presence presence) {
    bool seen = false;
    for (std::size_t i = 0; i < named_; ++i)
        if (names_[i] == name) seen = true;
    if (!seen && named_ < names_.size()) names_[named_++] = name;

    auto it = object_.find(name);
    if (it == object_.end()) {
        if (presence == Required) r_.error("missing required field \"" + std::string(name) + "\"");
        return nullptr;
    }
    if (!seen) ++found_;
    return &it->second;
}

bool Fields::integer(std::string_view name, int& out, int lo, int hi, Presence presence) {
    const json* v = get(name, presence);
    if (!v) return false;
    Reader::At at(r_, name);
    auto n = r_.integer(*v, lo, hi);
    if (n) out = static_cast<int>(*n);
    return n.has_value();
}

bool Fields::boolean(std::string_view name, bool& out, Presence presence) {
    const json* v = get(name, presence);
    if (!v) return false;
    Reader::At at(r_, name);
    auto b = r_.boolean(*v);
    if (b) out = *b;
    return b.has_value();
}

bool Fields::string(std::string_view name, std::string& out, Presence presence) {
    const json* v = get(name, presence);
    if (!v) return false;
    Reader::At at(r_, name);
    const std::string* s = r_.string(*v);
    if (s) out = *s;
    return s != nullptr;
}

bool Fields::id(std::string_view name, std::string& out, Presence presence) {
    const json* v = get(name, presence);
    if (!v) return false;
    Reader::At at(r_, name);
    auto s = r_.id(*v);
    if (s) out = std::move(*s);
    return s.has_value();
}

bool Fields::text(std::string_view name, Text& out, Presence presence) {
    const json* v = get(name, presence);
    if (!v) return false;
    Reader::At at(r_, name);
    auto t = r_.text(*v);
    if (t) out = std::move(*t);
    return t.has_value();
}

// ============================================================================
// Document header
// ============================================================================

bool read_header(Fields& f, std::string_view kind) {
    Reader& r = f.reader();
    bool ok = true;
    if (const json* k = f.get("kind", Required)) {
        Reader::At at(r, "kind");
        const std::string* s = r.string(*k);
        if (!s) {
            ok = false;
        } else if (*s != kind) {
            std::vector<std::string_view> kinds = content_kinds();
            if (kind == "transcript") kinds.insert(kinds.begin(), "transcript");
            if (std::find(kinds.begin(), kinds.end(), *s) != kinds.end() || *s == "transcript")
                r.error("this is a " + *s + " document; expected kind \"" + std::string(kind) + "\"");
            else
                r.unknown_id(*s, "document kind", kinds);
            ok = false;
        }
    } else {
        ok = false;
    }
    if (ok) {
        if (const json* v = f.get("format", Required)) {
            Reader::At at(r, "format");
            if (!v->is_number()) {
                r.error("expected the format version " + std::to_string(kFormatVersion) + ", found " + describe(*v));
                ok = false;
            } else if (v->get<double>() != kFormatVersion) {
                r.error("unsupported format " + v->dump() + "; this engine reads format " +
                        std::to_string(kFormatVersion));
                ok = false;
            }
        } else {
            ok = false;
        }
    }
    if (!ok) f.dismiss();
    return ok;
}

}  // namespace parley
