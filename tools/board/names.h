// Trainee names: what a name may hold and when two names are the same person.
//
// A name is 1–24 characters (code points) of valid UTF-8 after trimming and collapsing spaces:
// letters of Chinese, Japanese, Korean, Latin, Greek and Cyrillic scripts, digits, inner spaces
// and the joiners - _ . ' · (middle dot, as in 阿依·买买提). It starts with a letter or digit,
// so an exported CSV can never hold a formula (=, +, -, @). No control, format or bidi characters,
// no emoji: a name on the projector must read as what it is.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace parley::board {

inline constexpr std::size_t kMaxNameChars = 24;

struct NameCheck {
    std::string name;    // the cleaned name (trimmed, single spaces) when valid
    std::string error;   // why not, when invalid
    bool ok() const { return error.empty(); }
};
NameCheck check_name(std::string_view raw);

// The key under which two names are the same (ASCII letters folded to lower case).
std::string name_key(std::string_view name);

// Number of code points in valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

}  // namespace parley::board
