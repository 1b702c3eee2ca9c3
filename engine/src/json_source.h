// Raw JSON text → nlohmann::json with located errors, and lazy location of diagnostics.
//
// Contents
//   1. Paths            (segments kept while walking; a pointer string only on error)
//   2. Locating         (byte offset of a pointer in the raw text, offset → line:column)
//   3. Reporter         (one file's diagnostics: located lazily, capped, sorted)
//   4. Parsing          (syntax, invalid UTF-8, nesting depth, number overflow, duplicate keys)
//
// Nothing here runs on the happy path except the parse itself: pointer strings and
// line/column positions are computed only when a diagnostic is emitted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/diagnostics.h"

namespace parley {

using json = nlohmann::json;

constexpr std::size_t kMaxJsonDepth = 64;
constexpr std::size_t kMaxDiagnosticsPerFile = 200;

// ============================================================================
// 1. Paths
// ============================================================================

// One step of a JSON pointer: an object key or an array index. Keys point into the parsed
// document or into string literals, both of which outlive the walk.
struct PathSeg {
    std::string_view key;
    std::size_t index = 0;
    bool is_index = false;
};
using Path = std::vector<PathSeg>;

inline PathSeg key_seg(std::string_view key) { return PathSeg{key, 0, false}; }
inline PathSeg index_seg(std::size_t index) { return PathSeg{{}, index, true}; }

// "/nodes/3/options/0/next" (RFC 6901: "~" → "~0", "/" → "~1").
std::string pointer_of(const Path& path);

// ============================================================================
// 2. Locating
// ============================================================================

struct TextPosition {
    int line = 0;    // 1-based
    int column = 0;  // 1-based, in bytes
};
TextPosition position_of(std::string_view text, std::size_t offset);

// Where a diagnostic points: at a value, or at the key naming it (unknown fields).
enum class Anchor { Value, Key };

// Byte offset of the value at `path` (or of its key) in already-valid JSON text. When a
// key repeats, the last one counts (as in the parsed document). When the path cannot be
// followed to the end, the offset of the deepest value reached.
std::size_t locate(std::string_view text, const Path& path, Anchor anchor);

// The top-level string field `key` of an object, read from the raw text without a full
// parse (to tell a document's kind). Nothing when there is no such string field; the text
// need not be valid JSON (the scanner never reads out of bounds).
std::optional<std::string> peek_string_field(std::string_view text, std::string_view key);

// ============================================================================
// 3. Reporter
// ============================================================================

// Collects the diagnostics of one file. At most kMaxDiagnosticsPerFile are kept, then one
// note says how many more there were; errors are always counted, so a file whose later
// errors were dropped still fails. flush() hands them over sorted by position.
class Reporter {
public:
    Reporter(std::string_view text, std::string file, Diagnostics& out);
    ~Reporter();
    Reporter(const Reporter&) = delete;
    Reporter& operator=(const Reporter&) = delete;

    void report(Severity severity, const Path& path, std::string message,
                Anchor anchor = Anchor::Value);
    void report_at_offset(Severity severity, std::size_t offset, std::string message);
    void report_file(Severity severity, std::string message);  // no position

    std::size_t errors() const { return errors_; }
    const std::string& file() const { return file_; }
    std::string_view text() const { return text_; }
    void flush();

private:
    bool room(Severity severity);
    std::size_t locate_cached(const Path& path, Anchor anchor);

    // The last path located and the offset of each value along it, so diagnostics in
    // document order (node after node) cost one pass over the text, not one each.
    struct Step {
        bool is_index;
        std::string key;
        std::size_t index;
        std::size_t offset;
    };
    std::vector<Step> steps_;
    // Likewise for line counting: the last offset turned into a line.
    std::size_t counted_to_ = 0, line_start_ = 0;
    int line_ = 1;
    TextPosition position_cached(std::size_t offset);

    std::string_view text_;
    std::string file_;
    Diagnostics& out_;
    std::vector<Diagnostic> items_;
    std::size_t errors_ = 0;
    std::size_t dropped_errors_ = 0, dropped_warnings_ = 0;
};

// ============================================================================
// 4. Parsing
// ============================================================================

// Parses the reporter's text. Returns nothing (with a located error) on a syntax error,
// invalid UTF-8, nesting deeper than kMaxJsonDepth, a number too large for a double, or an
// empty file. A repeated key in an object is an error too, but the document still parses.
std::optional<json> parse_json(Reporter& rep);

// The same for any JSON value at the top level (the object check left to the caller).
std::optional<json> parse_json_value(Reporter& rep);

// "a string \"abc\"", "an array", "1e+30", … : what a value is, for messages.
std::string describe(const json& value);

// `text` with invalid UTF-8 bytes shown as \xNN, cut to at most `max_bytes` bytes.
std::string printable(std::string_view text, std::size_t max_bytes = 200);

}  // namespace parley
