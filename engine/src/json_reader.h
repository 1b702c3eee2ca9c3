// Typed reading of a parsed JSON document with located errors and unknown-field detection.
//
// The loader walks the document with a Reader, which keeps the path to the current value
// as a stack of segments (no strings built). Every typed read either returns the value or
// reports what was expected at the current path and returns nothing, so one pass reports
// every problem. A Fields object reads one JSON object by field name and, when it goes
// out of scope, reports any field nobody asked for ("unknown field", with a suggestion).
//
//   Reader r(reporter);
//   Fields f(r, doc);                          // doc is an object
//   f.integer("level", s.level, 1, 3, Required);
//   if (const json* st = f.get("state", Required)) { Reader::At at(r, "state"); … }
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_source.h"
#include "parley/version.h"  // kFormatVersion
#include "parley/catalogue.h"
#include "parley/text.h"

namespace parley {

enum class Presence { Optional, Required };
constexpr Presence Optional = Presence::Optional;
constexpr Presence Required = Presence::Required;

// " (did you mean \"x\"?)" when one candidate is close to `given`, else "".
std::string suggestion(std::string_view given, const std::vector<std::string_view>& candidates);

// "a, b, c" for messages.
std::string join_ids(const std::vector<std::string_view>& ids);

// Catalogue ids of an enum, in order.
template <class E>
std::vector<std::string_view> catalogue_ids() {
    std::vector<std::string_view> ids;
    for (const auto& e : all<E>()) ids.push_back(e.id);
    return ids;
}

// ^[a-z0-9][a-z0-9_-]*$
bool valid_id(std::string_view id);

class Reader {
public:
    explicit Reader(Reporter& rep) : rep_(rep) { path_.reserve(16); }

    Reporter& reporter() { return rep_; }
    const Path& path() const { return path_; }

    // One step down the document for the lifetime of this object.
    class At {
    public:
        At(Reader& r, std::string_view key) : r_(r) { r_.path_.push_back(key_seg(key)); }
        At(Reader& r, std::size_t index) : r_(r) { r_.path_.push_back(index_seg(index)); }
        ~At() { r_.path_.pop_back(); }
        At(const At&) = delete;
        At& operator=(const At&) = delete;

    private:
        Reader& r_;
    };

    void error(std::string message, Anchor anchor = Anchor::Value) {
        rep_.report(Severity::Error, path_, std::move(message), anchor);
    }
    void warning(std::string message, Anchor anchor = Anchor::Value) {
        rep_.report(Severity::Warning, path_, std::move(message), anchor);
    }

    // Typed reads of `v`, the value at the current path. On a mismatch each reports what
    // was expected and returns nothing.
    bool expect_object(const json& v);
    const json::array_t* array(const json& v, bool non_empty = false);
    std::optional<std::int64_t> integer(const json& v, std::int64_t lo, std::int64_t hi);
    std::optional<std::uint64_t> uint64(const json& v);  // 0 … 2^64 − 1 (seeds)
    std::optional<double> number(const json& v, double lo, double hi);
    std::optional<bool> boolean(const json& v);
    const std::string* string(const json& v);
    std::optional<std::string> id(const json& v);
    std::optional<Text> text(const json& v);

    template <class E>
    std::optional<E> enumeration(const json& v, std::string_view what) {
        const std::string* s = string(v);
        if (!s) return std::nullopt;
        if (auto e = parse<E>(*s)) return e;
        unknown_id(*s, what, catalogue_ids<E>());
        return std::nullopt;
    }

    // "unknown emotion \"angry\"; expected one of: …"
    void unknown_id(std::string_view given, std::string_view what,
                    const std::vector<std::string_view>& ids, Anchor anchor = Anchor::Value);

private:
    Reporter& rep_;
    Path path_;
};

// Reads the fields of one JSON object (the value at the reader's current path).
class Fields {
public:
    Fields(Reader& r, const json& object);  // `object` must be an object
    ~Fields();                              // reports fields nobody asked for
    Fields(const Fields&) = delete;
    Fields& operator=(const Fields&) = delete;

    Reader& reader() { return r_; }

    // Skip the unknown-field check (the document was refused as a whole, e.g. wrong kind).
    void dismiss() { dismissed_ = true; }

    // The field's value, or nullptr when absent (a required one is reported missing).
    const json* get(std::string_view name, Presence presence = Optional);

    // Typed fields: `out` is set only when the field is present and valid. They return
    // whether it was.
    bool integer(std::string_view name, int& out, int lo, int hi, Presence presence);
    bool boolean(std::string_view name, bool& out, Presence presence);
    bool string(std::string_view name, std::string& out, Presence presence);
    bool id(std::string_view name, std::string& out, Presence presence);
    bool text(std::string_view name, Text& out, Presence presence);

    template <class E>
    bool enumeration(std::string_view name, E& out, Presence presence, std::string_view what) {
        const json* v = get(name, presence);
        if (!v) return false;
        Reader::At at(r_, name);
        auto e = r_.enumeration<E>(*v, what);
        if (e) out = *e;
        return e.has_value();
    }
    template <class E>
    bool enumeration(std::string_view name, std::optional<E>& out, Presence presence, std::string_view what) {
        E value{};
        if (!enumeration(name, value, presence, what)) return false;
        out = value;
        return true;
    }

private:
    Reader& r_;
    const json::object_t& object_;
    // The names asked for so far (the first named_). The largest object of the format has
    // 18 fields; a fixed array keeps the walk free of allocations.
    std::array<std::string_view, 32> names_;
    std::size_t named_ = 0;
    std::size_t found_ = 0;
    bool dismissed_ = false;
};

// Reads "kind" and "format" of a document expected to be `kind` (a content kind or
// "transcript"). Returns false (with an error, and the rest of the document dismissed) when it
// is another kind or format.
bool read_header(Fields& f, std::string_view kind);

// The document kinds of the content format.
inline const std::vector<std::string_view>& content_kinds() {
    static const std::vector<std::string_view> kinds{"competency_model", "persona", "scenario"};
    return kinds;
}

}  // namespace parley
