// Raw JSON problems: located syntax errors, and inputs that must never crash or hang the
// loader (truncated, invalid UTF-8, deep nesting, huge numbers, empty, wrong shape).
#include <catch2/catch.hpp>

#include "loader_fixture.h"

using namespace parley;
using namespace loader_fixture;

TEST_CASE("a JSON syntax error is reported at its line and column", "[loader]") {
    const std::string text =
        "{\n"
        "  \"kind\": \"scenario\",\n"
        "  \"format\": 1\n"
        "  \"id\": \"mini\"\n"
        "}\n";
    Diagnostics d;
    CHECK_FALSE(load(text, d));
    REQUIRE(d.items.size() == 1);
    const Diagnostic& e = d.items[0];
    CHECK(e.line == 4);
    CHECK(e.column == 6);  // the last character read: the end of the unexpected "id"
    CHECK(e.message == "invalid JSON: syntax error while parsing object - unexpected string literal; expected '}'");
    CHECK(format(e) == "mini.json:4:6: error: invalid JSON: syntax error while parsing object - unexpected string "
                       "literal; expected '}'");
}

TEST_CASE("a truncated file is an error at its end, never a crash", "[loader]") {
    const std::string full = scenario_json().dump(2);
    for (std::size_t cut = 0; cut < full.size(); cut += 61) {
        Diagnostics d;
        CHECK_FALSE(load(full.substr(0, cut), d));
        REQUIRE(d.errors() >= 1);
        CHECK(d.items[0].line >= 1);
    }
    Diagnostics d;
    CHECK_FALSE(load(full.substr(0, full.size() - 2), d));
    REQUIRE(d.items.size() == 1);
    CHECK(d.items[0].message.find("unexpected end of input") != std::string::npos);
}

TEST_CASE("invalid UTF-8 is reported where the bad byte is", "[loader]") {
    const std::string text = "{\n  \"kind\": \"scen\xFF" "ario\",\n  \"format\": 1\n}";
    Diagnostics d;
    CHECK_FALSE(load(text, d));
    REQUIRE(d.items.size() == 1);
    CHECK(d.items[0].line == 2);
    CHECK(d.items[0].column == 16);
    CHECK(d.items[0].message.find("ill-formed UTF-8 byte") != std::string::npos);
    // The message itself stays valid UTF-8: the byte is shown escaped.
    CHECK(d.items[0].message.find("\\xFF") != std::string::npos);
    CHECK(d.items[0].message.find('\xFF') == std::string::npos);
}

TEST_CASE("nesting deeper than 64 levels is refused at the bracket that goes too deep", "[loader]") {
    std::string text = "{\"kind\": \"scenario\", \"x\": " + std::string(100, '[') + std::string(100, ']') + "}";
    Diagnostics d;
    CHECK_FALSE(load(text, d));
    REQUIRE(d.items.size() == 1);
    CHECK(d.items[0].message == "nesting deeper than 64 levels");
    CHECK(d.items[0].line == 1);
    CHECK(d.items[0].column == static_cast<int>(text.find('[') + 63) + 1);  // level 65: 64th '[' after the '{'

    // A million open brackets: refused just as quickly, no stack overflow.
    Diagnostics d2;
    CHECK_FALSE(load(std::string(1000000, '['), d2));
    REQUIRE(d2.items.size() == 1);
    CHECK(d2.items[0].message == "nesting deeper than 64 levels");
}

TEST_CASE("numbers beyond a double, or not integers where integers are expected, are clear errors", "[loader]") {
    SECTION("1e400 does not fit a double: located at the number") {
        const std::string text = "{\n  \"kind\": \"scenario\",\n  \"level\":   1e400\n}";
        Diagnostics d;
        CHECK_FALSE(load(text, d));
        REQUIRE(d.items.size() == 1);
        CHECK(d.items[0].message == "number 1e400 is out of range");
        CHECK(d.items[0].line == 3);
        CHECK(d.items[0].column == 14);
    }
    SECTION("1e30, 2^64 and fractions in integer fields") {
        json doc = scenario_json();
        doc["level"] = 1e30;
        doc["state"]["patience"] = json::parse("18446744073709551616");
        doc["state"]["interest"] = json::parse("18446744073709551615");
        doc["state"]["trust"] = 40.5;
        Diagnostics d;
        CHECK_FALSE(load(doc, d));
        INFO(show(d));
        CHECK(find(d, "expected an integer from 1 to 3, found 1e+30", "/level"));
        CHECK(find(d, "expected an integer from 1 to 100, found 1.8446744073709552e+19", "/state/patience"));
        CHECK(find(d, "expected an integer from 0 to 100, found 18446744073709551615", "/state/interest"));
        CHECK(find(d, "expected an integer from 0 to 100, found the fraction 40.5", "/state/trust"));
    }
    SECTION("-0 and 2.0 are integers") {
        json doc = scenario_json();
        std::string text = doc.dump(2);
        text.replace(text.find("\"trust\": 40"), 11, "\"trust\": -0");
        text.replace(text.find("\"level\": 1"), 10, "\"level\": 2.0");
        Diagnostics d;
        auto s = load(text, d);
        INFO(show(d));
        REQUIRE(s);
        CHECK(s->state.trust == 0);
        CHECK(s->level == 2);
    }
}

TEST_CASE("an empty file, a top-level array, another kind and another format are errors", "[loader]") {
    auto first_message = [](const std::string& text) {
        Diagnostics d;
        CHECK_FALSE(load(text, d));
        REQUIRE_FALSE(d.items.empty());
        return d.items[0].message;
    };
    CHECK(first_message("") == "empty file: expected a JSON object");
    CHECK(first_message(" \n\t") == "empty file: expected a JSON object");
    CHECK(first_message("[1, 2]") == "expected a JSON object at the top level, found an array");
    CHECK(first_message("{\"kind\": \"scenari\", \"format\": 1}") == "unknown document kind \"scenari\" (did you mean \"scenario\"?)");
    CHECK(first_message("{\"kind\": \"persona\", \"format\": 1}") == "this is a persona document; expected kind \"scenario\"");
    CHECK(first_message("{\"kind\": \"scenario\", \"format\": 2}") == "unsupported format 2; this engine reads format 1");
    CHECK(first_message("{\"format\": 1}") == "missing required field \"kind\"");

    // A refused document reports only why, not every field as unknown.
    Diagnostics d;
    json doc = scenario_json();
    doc["format"] = 2;
    CHECK_FALSE(load(doc, d));
    CHECK(d.items.size() == 1);
}

TEST_CASE("a repeated key is an error at its second occurrence", "[loader]") {
    const std::string text = "{\n  \"kind\": \"scenario\",\n  \"kind\": \"scenario\",\n  \"format\": 1\n}";
    Diagnostics d;
    CHECK_FALSE(load(text, d));
    const Diagnostic* e = find(d, "duplicate key \"kind\"", "/kind");
    REQUIRE(e);
    CHECK(e->line == 3);
    CHECK(e->column == 3);
}

TEST_CASE("mangled documents never crash the loader", "[loader]") {
    // Deterministic byte edits of a valid document (an LCG, not a library distribution).
    const std::string base = scenario_json().dump(1);
    std::uint64_t x = 12345;
    auto next = [&x] {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>(x >> 33);
    };
    const char replacements[] = {'{', '}', '[', ']', '"', ',', ':', '0', '-', 'e', '\\', '\xC3', ' '};
    for (int round = 0; round < 300; ++round) {
        std::string text = base;
        for (int k = 0; k < 3; ++k) text[next() % text.size()] = replacements[next() % sizeof replacements];
        Diagnostics d;
        auto s = load(text, d);
        CHECK((s != nullptr || d.errors() > 0));
    }
}

TEST_CASE("a file with very many problems stops at 200 and says how many more", "[loader]") {
    json doc = scenario_json();
    for (int i = 0; i < 300; ++i) doc["nodes"][0]["bogus_" + std::to_string(1000 + i)] = i;
    Diagnostics d;
    CHECK_FALSE(load(doc, d));
    REQUIRE(d.items.size() == 201);
    CHECK(d.items.back().message == "too many problems: 100 more error(s) and 0 more warning(s) not shown");
    CHECK(d.items.back().severity == Severity::Error);
}
