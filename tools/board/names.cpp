#include "names.h"

#include <cstdint>
#include <cstdio>
#include <vector>

namespace parley::board {

namespace {

// Decodes UTF-8; false on any invalid sequence (overlong, surrogate, beyond U+10FFFF).
bool decode(std::string_view s, std::vector<char32_t>& out) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        int len = 0;
        char32_t cp = 0;
        if (c < 0x80) { cp = c; len = 1; }
        else if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; len = 2; }
        else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; len = 3; }
        else if ((c & 0xF8) == 0xF0) { cp = c & 0x07; len = 4; }
        else return false;
        if (i + static_cast<std::size_t>(len) > s.size()) return false;
        for (int k = 1; k < len; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        static const char32_t min_of[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < min_of[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        out.push_back(cp);
        i += static_cast<std::size_t>(len);
    }
    return true;
}

bool is_letter_or_digit(char32_t c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;   // Latin letters (not × ÷)
    if (c >= 0x370 && c <= 0x3FF) return c != 0x37E && c != 0x387; // Greek
    if (c >= 0x400 && c <= 0x4FF) return true;                      // Cyrillic
    if (c >= 0x3040 && c <= 0x30FF) return c != 0x30FB;             // kana
    if (c >= 0x3400 && c <= 0x4DBF) return true;                    // CJK extension A
    if (c >= 0x4E00 && c <= 0x9FFF) return true;                    // CJK unified ideographs
    if (c >= 0xAC00 && c <= 0xD7AF) return true;                    // Hangul syllables
    if (c >= 0xF900 && c <= 0xFAFF) return true;                    // CJK compatibility
    if (c >= 0x20000 && c <= 0x3134F) return true;                  // CJK extensions B–G
    return false;
}

bool is_joiner(char32_t c) {
    return c == '-' || c == '_' || c == '.' || c == '\'' || c == 0xB7 || c == 0x30FB;
}

void encode(char32_t cp, std::string& out) {
    if (cp < 0x80) out += static_cast<char>(cp);
    else if (cp < 0x800) {
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

}  // namespace

NameCheck check_name(std::string_view raw) {
    NameCheck r;
    std::vector<char32_t> cps;
    if (raw.size() > 4 * kMaxNameChars + 64) {
        r.error = "the name is too long (at most " + std::to_string(kMaxNameChars) + " characters)";
        return r;
    }
    if (!decode(raw, cps)) {
        r.error = "the name is not valid UTF-8";
        return r;
    }
    std::vector<char32_t> clean;
    for (char32_t c : cps) {
        const bool space = c == ' ' || c == 0x3000;   // ideographic space counts as a space
        if (space) {
            if (!clean.empty() && clean.back() != ' ') clean.push_back(' ');
            continue;
        }
        if (!is_letter_or_digit(c) && !is_joiner(c)) {
            char code[16];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
            r.error = std::string("the name may hold only letters, digits, spaces and - _ . ' \u00b7 (found ") +
                      code + ")";
            return r;
        }
        clean.push_back(c);
    }
    while (!clean.empty() && clean.back() == ' ') clean.pop_back();
    if (clean.empty()) {
        r.error = "the name is empty";
        return r;
    }
    if (clean.size() > kMaxNameChars) {
        r.error = "the name is too long (" + std::to_string(clean.size()) + " characters, at most " +
                  std::to_string(kMaxNameChars) + ")";
        return r;
    }
    if (!is_letter_or_digit(clean.front())) {
        r.error = "the name must start with a letter or a digit";
        return r;
    }
    for (char32_t c : clean) encode(c, r.name);
    return r;
}

std::string name_key(std::string_view name) {
    std::string out(name);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::size_t utf8_length(std::string_view text) {
    std::size_t n = 0;
    for (char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

}  // namespace parley::board
