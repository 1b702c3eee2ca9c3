// Raw JSON text → nlohmann::json with located errors (see json_source.h).
//
// Contents
//   1. Paths and printing
//   2. A small scanner over already-valid JSON (error path only)
//   3. Reporter
//   4. The parser: nlohmann's SAX parser feeding a DOM builder that also watches depth
//      and repeated keys
#include "json_source.h"


#include <algorithm>
#include <cmath>

namespace parley {

// ============================================================================
// 1. Paths and printing
// ============================================================================

std::string pointer_of(const Path& path) {
    std::string out;
    for (const auto& seg : path) {
        out += '/';
        if (seg.is_index) {
            out += std::to_string(seg.index);
            continue;
        }
        for (char c : seg.key) {
            if (c == '~') out += "~0";
            else if (c == '/') out += "~1";
            else out += c;
        }
    }
    return out;
}

TextPosition position_of(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    TextPosition p{1, 1};
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n') {
            ++p.line;
            line_start = i + 1;
        }
    }
    p.column = static_cast<int>(offset - line_start) + 1;
    return p;
}

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not valid.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned min = 0;
    unsigned cp = 0;
    if ((c & 0xE0) == 0xC0) { n = 2; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { n = 3; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { n = 4; cp = c & 0x07; min = 0x10000; }
    else return 0;
    if (i + n > s.size()) return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

}  // namespace

std::string printable(std::string_view text, std::size_t max_bytes) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t n = utf8_length(text, i);
        if (out.size() + std::max<std::size_t>(n, 4) > max_bytes) {
            out += "…";
            break;
        }
        if (n == 0) {
            static const char* hex = "0123456789ABCDEF";
            auto c = static_cast<unsigned char>(text[i]);
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 15];
            ++i;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::string describe(const json& value) {
    switch (value.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return value.get<bool>() ? "true" : "false";
        case json::value_t::string:
            return "a string \"" + printable(value.get_ref<const std::string&>(), 40) + "\"";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float: return value.dump();
        default: return "an unexpected value";
    }
}

// ============================================================================
// 2. A small scanner over already-valid JSON (error path only)
// ============================================================================
//
// It follows a JSON pointer through the raw text so a diagnostic can name a line and
// column without the loader keeping positions for every value. It trusts the text to be
// valid JSON (it has been parsed) but still never reads out of bounds.

namespace {

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t skip_ws(std::string_view t, std::size_t pos) {
    while (pos < t.size() && is_ws(t[pos])) ++pos;
    return pos;
}

// pos at the opening quote; returns the position after the closing quote.
std::size_t skip_string(std::string_view t, std::size_t pos) {
    ++pos;
    while (pos < t.size()) {
        if (t[pos] == '\\') pos += 2;
        else if (t[pos] == '"') return pos + 1;
        else ++pos;
    }
    return t.size();
}

std::size_t skip_value(std::string_view t, std::size_t pos) {
    if (pos >= t.size()) return pos;
    char c = t[pos];
    if (c == '"') return skip_string(t, pos);
    if (c != '{' && c != '[') {
        while (pos < t.size() && !is_ws(t[pos]) && t[pos] != ',' && t[pos] != ']' && t[pos] != '}')
            ++pos;
        return pos;
    }
    std::size_t depth = 0;
    while (pos < t.size()) {
        char d = t[pos];
        if (d == '"') {
            pos = skip_string(t, pos);
            continue;
        }
        if (d == '{' || d == '[') ++depth;
        else if ((d == '}' || d == ']') && --depth == 0) return pos + 1;
        ++pos;
    }
    return pos;
}

void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

unsigned hex4(std::string_view t, std::size_t pos) {
    unsigned v = 0;
    for (std::size_t k = 0; k < 4 && pos + k < t.size(); ++k) {
        char c = t[pos + k];
        v <<= 4;
        if (c >= '0' && c <= '9') v |= static_cast<unsigned>(c - '0');
        else if (c >= 'a' && c <= 'f') v |= static_cast<unsigned>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v |= static_cast<unsigned>(c - 'A' + 10);
    }
    return v;
}

// The contents of the string literal at pos (the opening quote), escapes decoded.
std::string decode_string(std::string_view t, std::size_t pos) {
    std::size_t end = skip_string(t, pos);
    std::string_view raw = t.substr(pos + 1, end > pos + 1 ? end - pos - 2 : 0);
    std::string decoded;
    decoded.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\\' || i + 1 >= raw.size()) {
            decoded += raw[i];
            continue;
        }
        char e = raw[++i];
        switch (e) {
            case 'b': decoded += '\b'; break;
            case 'f': decoded += '\f'; break;
            case 'n': decoded += '\n'; break;
            case 'r': decoded += '\r'; break;
            case 't': decoded += '\t'; break;
            case 'u': {
                unsigned cp = hex4(raw, i + 1);
                i += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < raw.size() && raw[i + 1] == '\\' &&
                    raw[i + 2] == 'u') {
                    unsigned lo = hex4(raw, i + 3);
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
                append_utf8(decoded, cp);
                break;
            }
            default: decoded += e;  // \" \\ \/
        }
    }
    return decoded;
}

// Does the string literal at pos (opening quote) spell `key`?
bool string_equals(std::string_view t, std::size_t pos, std::string_view key) {
    std::size_t end = skip_string(t, pos);
    std::string_view raw = t.substr(pos + 1, end > pos + 1 ? end - pos - 2 : 0);
    if (raw.find('\\') == std::string_view::npos) return raw == key;
    return decode_string(t, pos) == key;
}

std::size_t skip_bom(std::string_view t) {
    return t.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

// From the array element at `pos`, the offset of the element `count` further on.
std::size_t skip_elements(std::string_view t, std::size_t pos, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        pos = skip_ws(t, skip_value(t, pos));
        if (pos >= t.size() || t[pos] != ',') return std::string_view::npos;
        pos = skip_ws(t, pos + 1);
    }
    return pos < t.size() && t[pos] != ']' ? pos : std::string_view::npos;
}

// Inside the container at pos: the offset of the value (or key) named by `seg`, npos
// when there is none.
std::size_t enter(std::string_view t, std::size_t pos, const PathSeg& seg, Anchor anchor) {
    constexpr std::size_t npos = std::string_view::npos;
    if (pos >= t.size()) return npos;
    if (t[pos] == '{' && !seg.is_index) {
        std::size_t p = pos + 1, found_key = npos, found_value = npos;
        while (true) {
            p = skip_ws(t, p);
            if (p >= t.size() || t[p] != '"') break;
            std::size_t key_pos = p;
            bool match = string_equals(t, p, seg.key);
            p = skip_ws(t, skip_string(t, p));
            if (p < t.size() && t[p] == ':') ++p;
            p = skip_ws(t, p);
            if (match) {  // keep the last: a repeated key's last value is the one parsed
                found_key = key_pos;
                found_value = p;
            }
            p = skip_ws(t, skip_value(t, p));
            if (p < t.size() && t[p] == ',') ++p;
            else break;
        }
        return anchor == Anchor::Key ? found_key : found_value;
    }
    if (t[pos] == '[' && seg.is_index) {
        std::size_t first = skip_ws(t, pos + 1);
        if (first >= t.size() || t[first] == ']') return npos;
        return skip_elements(t, first, seg.index);
    }
    return npos;
}

}  // namespace

std::size_t locate(std::string_view t, const Path& path, Anchor anchor) {
    std::size_t pos = skip_ws(t, skip_bom(t));
    for (std::size_t s = 0; s < path.size(); ++s) {
        bool last = s + 1 == path.size();
        std::size_t next = enter(t, pos, path[s], last ? anchor : Anchor::Value);
        if (next == std::string_view::npos) return pos;
        pos = next;
    }
    return pos;
}

std::optional<std::string> peek_string_field(std::string_view t, std::string_view key) {
    std::size_t start = skip_ws(t, skip_bom(t));
    if (start >= t.size() || t[start] != '{') return std::nullopt;
    std::size_t pos = locate(t, Path{key_seg(key)}, Anchor::Value);
    if (pos == start || pos >= t.size() || t[pos] != '"') return std::nullopt;
    return decode_string(t, pos);
}

// ============================================================================
// 3. Reporter
// ============================================================================

Reporter::Reporter(std::string_view text, std::string file, Diagnostics& out)
    : text_(text), file_(std::move(file)), out_(out) {}

Reporter::~Reporter() { flush(); }

bool Reporter::room(Severity severity) {
    if (severity == Severity::Error) ++errors_;
    if (items_.size() < kMaxDiagnosticsPerFile) return true;
    (severity == Severity::Error ? dropped_errors_ : dropped_warnings_)++;
    return false;
}

std::size_t Reporter::locate_cached(const Path& path, Anchor anchor) {
    constexpr std::size_t npos = std::string_view::npos;
    const std::string_view t = text_;
    const std::size_t root = skip_ws(t, skip_bom(t));
    auto same = [](const PathSeg& a, const Step& b) {
        return a.is_index == b.is_index && (a.is_index ? a.index == b.index : a.key == b.key);
    };
    // Reuse the common prefix with the last path.
    std::size_t k = 0, pos = root;
    while (k < path.size() && k < steps_.size() && same(path[k], steps_[k])) pos = steps_[k++].offset;
    // A later element of the same array: walk on from the one found last time.
    std::optional<Step> previous;
    if (k < steps_.size()) previous = steps_[k];
    steps_.resize(k);
    for (; k < path.size(); ++k) {
        const PathSeg& seg = path[k];
        std::size_t next = (seg.is_index && previous && previous->is_index && previous->index < seg.index)
                               ? skip_elements(t, previous->offset, seg.index - previous->index)
                               : enter(t, pos, seg, Anchor::Value);
        previous.reset();
        if (next == npos) return pos;  // the deepest value reached
        pos = next;
        steps_.push_back(Step{seg.is_index, std::string(seg.key), seg.index, pos});
    }
    if (anchor == Anchor::Key && !path.empty() && !path.back().is_index) {
        std::size_t parent = path.size() >= 2 ? steps_[path.size() - 2].offset : root;
        std::size_t key = enter(t, parent, path.back(), Anchor::Key);
        if (key != npos) return key;
    }
    return pos;
}

TextPosition Reporter::position_cached(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < counted_to_) {  // behind the last one: count again from the start
        counted_to_ = line_start_ = 0;
        line_ = 1;
    }
    for (std::size_t i = counted_to_; i < offset; ++i) {
        if (text_[i] == '\n') {
            ++line_;
            line_start_ = i + 1;
        }
    }
    counted_to_ = offset;
    return TextPosition{line_, static_cast<int>(offset - line_start_) + 1};
}

void Reporter::report(Severity severity, const Path& path, std::string message, Anchor anchor) {
    if (!room(severity)) return;
    Diagnostic d;
    d.severity = severity;
    d.file = file_;
    TextPosition p = position_cached(locate_cached(path, anchor));
    d.line = p.line;
    d.column = p.column;
    d.pointer = pointer_of(path);
    d.message = std::move(message);
    items_.push_back(std::move(d));
}

void Reporter::report_at_offset(Severity severity, std::size_t offset, std::string message) {
    if (!room(severity)) return;
    TextPosition p = position_cached(offset);
    items_.push_back(Diagnostic{severity, file_, p.line, p.column, "", std::move(message)});
}

void Reporter::report_file(Severity severity, std::string message) {
    if (!room(severity)) return;
    items_.push_back(Diagnostic{severity, file_, 0, 0, "", std::move(message)});
}

void Reporter::flush() {
    // Semantic checks run after the document walk; sorting puts everything in reading order.
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    for (auto& d : items_) out_.add(std::move(d));
    items_.clear();
    if (dropped_errors_ + dropped_warnings_ > 0) {
        std::string msg = "too many problems: " + std::to_string(dropped_errors_) + " more error(s) and " +
                          std::to_string(dropped_warnings_) + " more warning(s) not shown";
        out_.add(Diagnostic{dropped_errors_ > 0 ? Severity::Error : Severity::Warning, file_, 0, 0, "",
                            std::move(msg)});
        dropped_errors_ = dropped_warnings_ = 0;
    }
}

// ============================================================================
// 4. The parser
// ============================================================================

namespace {

// Builds the document from nlohmann's SAX events (as json::parse does), and also stops at
// nesting deeper than kMaxJsonDepth and notes repeated keys, which json::parse would
// silently collapse to the last one.
class DomBuilder {
public:
    using string_t = json::string_t;

    DomBuilder(json& root, Reporter& rep) : root_(root), rep_(rep) { stack_.reserve(kMaxJsonDepth); }

    bool null() { return value(nullptr); }
    bool boolean(bool v) { return value(v); }
    bool number_integer(json::number_integer_t v) { return value(v); }
    bool number_unsigned(json::number_unsigned_t v) { return value(v); }
    bool number_float(json::number_float_t v, const string_t&) { return value(v); }
    bool string(string_t& v) { return value(std::move(v)); }
    bool binary(json::binary_t& v) { return value(std::move(v)); }

    bool start_object(std::size_t) { return open(json::value_t::object); }
    bool start_array(std::size_t) { return open(json::value_t::array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(string_t& k) {
        Frame& f = stack_.back();
        auto& obj = f.container->get_ref<json::object_t&>();
        auto [it, inserted] = obj.emplace(std::move(k), nullptr);
        if (!inserted) {
            Path path = path_here();
            path.push_back(key_seg(it->first));
            rep_.report(Severity::Error, path,
                        "duplicate key \"" + printable(it->first) + "\" (each field appears once)",
                        Anchor::Key);
            it->second = nullptr;  // the last value counts, as in json::parse
        }
        f.key = &it->first;
        pending_ = &it->second;
        return true;
    }

    bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& ex) {
        error_ = true;
        error_id_ = ex.id;
        error_what_ = ex.what();
        error_position_ = position;
        error_token_ = token;
        return false;
    }

    bool too_deep() const { return too_deep_; }
    bool failed() const { return error_ || too_deep_; }
    int error_id() const { return error_id_; }
    const std::string& error_what() const { return error_what_; }
    std::size_t error_position() const { return error_position_; }
    const std::string& error_token() const { return error_token_; }

private:
    struct Frame {
        json* container;
        const std::string* key;  // last key of an object
    };

    json* slot() {
        if (stack_.empty()) return &root_;
        Frame& f = stack_.back();
        if (f.container->is_array()) {
            auto& arr = f.container->get_ref<json::array_t&>();
            arr.emplace_back();
            return &arr.back();
        }
        return pending_;
    }

    template <class V>
    bool value(V&& v) {
        *slot() = json(std::forward<V>(v));
        return true;
    }

    bool open(json::value_t type) {
        if (stack_.size() >= kMaxJsonDepth) {
            too_deep_ = true;
            return false;
        }
        json* j = slot();
        *j = json(type);
        stack_.push_back(Frame{j, nullptr});
        return true;
    }

    bool close() {
        stack_.pop_back();
        return true;
    }

    Path path_here() const {
        Path path;
        for (std::size_t i = 0; i + 1 < stack_.size(); ++i) {
            const Frame& f = stack_[i];
            if (f.container->is_array()) path.push_back(index_seg(f.container->size() - 1));
            else path.push_back(key_seg(f.key ? std::string_view(*f.key) : std::string_view()));
        }
        return path;
    }

    json& root_;
    Reporter& rep_;
    std::vector<Frame> stack_;
    json* pending_ = nullptr;
    bool too_deep_ = false;
    bool error_ = false;
    int error_id_ = 0;
    std::string error_what_;
    std::size_t error_position_ = 0;
    std::string error_token_;
};

// Offset of the bracket that opens level kMaxJsonDepth + 1 (string-aware bracket count).
std::size_t too_deep_offset(std::string_view t) {
    std::size_t depth = 0;
    for (std::size_t pos = 0; pos < t.size(); ++pos) {
        char c = t[pos];
        if (c == '"') {
            pos = skip_string(t, pos) - 1;
        } else if (c == '{' || c == '[') {
            if (++depth > kMaxJsonDepth) return pos;
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
    }
    return t.size();
}

// "[json.exception.parse_error.101] parse error at line 1, column 10: syntax error …"
// → "syntax error …": we print our own position.
std::string strip_nlohmann_prefix(const std::string& what) {
    std::string_view s = what;
    if (auto close = s.find("] "); !s.empty() && s[0] == '[' && close != std::string_view::npos)
        s.remove_prefix(close + 2);
    if (s.substr(0, 14) == "parse error at") {
        if (auto colon = s.find(": "); colon != std::string_view::npos) s.remove_prefix(colon + 2);
    }
    return std::string(s);
}

}  // namespace

std::optional<json> parse_json(Reporter& rep) {
    std::optional<json> root = parse_json_value(rep);
    if (root && !root->is_object()) {
        rep.report_at_offset(Severity::Error, skip_ws(rep.text(), skip_bom(rep.text())),
                             "expected a JSON object at the top level, found " + describe(*root));
        return std::nullopt;
    }
    return root;
}

std::optional<json> parse_json_value(Reporter& rep) {
    std::string_view text = rep.text();
    std::size_t first = skip_ws(text, skip_bom(text));
    if (first >= text.size()) {
        rep.report_at_offset(Severity::Error, 0, "empty file: expected a JSON object");
        return std::nullopt;
    }

    json root;
    DomBuilder builder(root, rep);
    try {
        json::sax_parse(text.begin(), text.end(), &builder);
    } catch (const json::exception& e) {  // not expected from the SAX path; never crash on it
        rep.report_at_offset(Severity::Error, first, "invalid JSON: " + printable(strip_nlohmann_prefix(e.what())));
        return std::nullopt;
    }

    if (builder.too_deep()) {
        rep.report_at_offset(Severity::Error, too_deep_offset(text),
                             "nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels");
        return std::nullopt;
    }
    if (builder.failed()) {
        std::size_t pos = builder.error_position();
        std::string message;
        if (builder.error_id() == 406) {  // number overflow: point at the number itself
            const std::string& token = builder.error_token();
            pos = pos >= token.size() ? pos - token.size() : 0;
            message = "number " + printable(token, 40) + " is out of range";
        } else {
            pos = pos > 0 ? pos - 1 : 0;  // nlohmann counts the last character read, 1-based
            message = "invalid JSON: " + printable(strip_nlohmann_prefix(builder.error_what()));
        }
        rep.report_at_offset(Severity::Error, pos, std::move(message));
        return std::nullopt;
    }
    return root;
}

}  // namespace parley
