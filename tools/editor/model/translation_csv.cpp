#include "translation_csv.h"

#include <map>
#include <vector>

#include "parley/writer.h"
#include "text_paths.h"

namespace parley::editor {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string quote(const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
        i += n;
    }
    return true;
}

struct Row {
    int line = 0;   // where the row starts
    std::vector<std::string> fields;
};

// RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. `error` set on an
// unterminated quote (the row it starts on).
std::vector<Row> parse_csv(std::string_view text, int& error_line) {
    std::vector<Row> rows;
    Row row;
    std::string field;
    int line = 1;
    row.line = 1;
    bool quoted = false, any = false;
    error_line = 0;
    int quote_line = 0;
    auto end_row = [&] {
        row.fields.push_back(std::move(field));
        field.clear();
        if (!(row.fields.size() == 1 && row.fields[0].empty())) rows.push_back(std::move(row));
        row = Row{};
        any = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field += c;
            }
            continue;
        }
        if (!any) row.line = line, any = true;
        if (c == '"' && field.empty()) {
            quoted = true;
            quote_line = line;
        } else if (c == ',') {
            row.fields.push_back(std::move(field));
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            // CRLF: the \n ends the row
        } else if (c == '\n') {
            end_row();
            ++line;
        } else {
            field += c;
        }
    }
    if (quoted) {
        error_line = quote_line;
        return rows;
    }
    if (any || !field.empty()) end_row();
    return rows;
}

}  // namespace

std::string export_texts_csv(const Scenario& scenario) {
    std::string out(kBom);
    out += "id,zh,en\r\n";
    Scenario copy = scenario;
    visit_texts(copy, [&](const std::string& path, Text& t) {
        out += quote(path) + "," + quote(t.zh) + "," + quote(t.en) + "\r\n";
    });
    return out;
}

bool import_texts_csv(Document& doc, std::string_view csv, const std::string& file, Diagnostics& diags) {
    const std::size_t errors_before = diags.errors();
    auto error = [&](int line, const std::string& message) {
        diags.add({Severity::Error, file, line, 1, "", message});
    };
    if (csv.substr(0, kBom.size()) == kBom) csv.remove_prefix(kBom.size());
    if (!valid_utf8(csv)) {
        // Locate the first bad line, so the translator knows where the encoding broke.
        int line = 1;
        std::size_t start = 0;
        for (std::size_t i = 0; i <= csv.size(); ++i) {
            if (i == csv.size() || csv[i] == '\n') {
                if (!valid_utf8(csv.substr(start, i - start))) break;
                ++line;
                start = i + 1;
            }
        }
        error(line, "the text is not UTF-8 (save the file as \"CSV UTF-8\")");
        return false;
    }
    int unterminated = 0;
    std::vector<Row> rows = parse_csv(csv, unterminated);
    if (unterminated) error(unterminated, "a quoted field is never closed (a \" is missing)");
    if (rows.empty()) {
        error(1, "the file is empty: expected the header id,zh,en");
        return false;
    }
    const Row& header = rows.front();
    if (header.fields != std::vector<std::string>{"id", "zh", "en"})
        error(header.line, "expected the header id,zh,en");

    Scenario target = doc.scenario();
    std::map<std::string, Text*> by_path;
    visit_texts(target, [&](const std::string& path, Text& t) { by_path[path] = &t; });
    std::map<std::string, int> seen;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const Row& row = rows[r];
        if (row.fields.size() != 3) {
            error(row.line, "expected 3 columns (id, zh, en), found " + std::to_string(row.fields.size()));
            continue;
        }
        const std::string& path = row.fields[0];
        auto it = by_path.find(path);
        if (it == by_path.end()) {
            error(row.line, "no text has the id path '" + path + "' in this scenario");
            continue;
        }
        if (auto dup = seen.find(path); dup != seen.end()) {
            error(row.line, "'" + path + "' was already given at line " + std::to_string(dup->second));
            continue;
        }
        seen[path] = row.line;
        it->second->zh = row.fields[1];
        it->second->en = row.fields[2];
    }
    if (diags.errors() > errors_before) return false;
    if (canonical_text(target) == doc.canonical()) return true;   // nothing changed: no undo step
    doc.replace_all(target, doc.positions(), "Import translations");
    return true;
}

}  // namespace parley::editor
