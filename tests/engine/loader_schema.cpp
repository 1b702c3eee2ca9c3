// The JSON Schema (scenarios/parley.schema.json) agrees with the engine: its enums list
// exactly the catalogue's ids, every object refuses unknown fields, and the documents the
// loader accepts validate against it with a real validator.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "loader_fixture.h"

using namespace parley;
using namespace loader_fixture;
namespace fs = std::filesystem;

namespace {

json read_schema() {
    std::ifstream in(PARLEY_SOURCE_DIR "/scenarios/parley.schema.json");
    REQUIRE(in);
    std::stringstream text;
    text << in.rdbuf();
    return json::parse(text.str());
}

template <class E>
std::vector<std::string> catalogue() {
    std::vector<std::string> ids;
    for (const auto& e : all<E>()) ids.emplace_back(e.id);
    return ids;
}

std::vector<std::string> schema_enum(const json& schema, const std::string& def) {
    REQUIRE(schema["$defs"].contains(def));
    return schema["$defs"][def]["enum"].get<std::vector<std::string>>();
}

// Every object schema below the root says what to do with fields it does not name.
void check_closed_objects(const json& s, const std::string& where) {
    if (s.is_object()) {
        if (s.contains("type") && s["type"] == "object") {
            INFO(where);
            CHECK(s.contains("additionalProperties"));
            if (s.contains("properties")) CHECK(s["additionalProperties"] == false);
        }
        for (const auto& [k, v] : s.items()) check_closed_objects(v, where + "/" + k);
    } else if (s.is_array()) {
        for (std::size_t i = 0; i < s.size(); ++i) check_closed_objects(s[i], where + "/" + std::to_string(i));
    }
}

}  // namespace

TEST_CASE("the schema's enums list exactly the catalogue's ids", "[loader]") {
    json schema = read_schema();
    CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
    CHECK(schema_enum(schema, "emotion") == catalogue<Emotion>());
    CHECK(schema_enum(schema, "tag") == catalogue<Tag>());
    CHECK(schema_enum(schema, "stage") == catalogue<Stage>());
    CHECK(schema_enum(schema, "objection_type") == catalogue<ObjectionType>());
    CHECK(schema_enum(schema, "objection_method") == catalogue<ObjectionMethod>());
    CHECK(schema_enum(schema, "close_strategy") == catalogue<CloseStrategy>());
    CHECK(schema_enum(schema, "red_line") == catalogue<RedLine>());
    CHECK(schema_enum(schema, "outcome") == catalogue<OutcomeType>());
    CHECK(schema_enum(schema, "entry_moment") == catalogue<EntryMoment>());
    CHECK(schema_enum(schema, "difficulty") == catalogue<Difficulty>());
    CHECK(schema_enum(schema, "duty") == catalogue<Duty>());
    CHECK(schema_enum(schema, "seed_document") == catalogue<SeedDocument>());
    for (const char* def : {"text", "condition", "effects", "option", "node", "negotiation", "issue", "persona",
                            "scenario", "competency_model"})
        CHECK(schema["$defs"].contains(def));
}

TEST_CASE("every object in the schema refuses unknown fields", "[loader]") {
    json schema = read_schema();
    check_closed_objects(schema["$defs"], "/$defs");
}

TEST_CASE("documents the loader accepts validate against the schema, and a typo fails both", "[loader]") {
    fs::path dir = fs::temp_directory_path() / ("parley-schema-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "personas");
    fs::create_directories(dir / "library");
    fs::copy_file(PARLEY_SOURCE_DIR "/scenarios/parley.schema.json", dir / "parley.schema.json");
    std::ofstream(dir / "competencies.json") << model_text();
    std::ofstream(dir / "personas/analytical.json") << persona_json().dump(2);
    std::ofstream(dir / "library/mini.json") << scenario_json().dump(2);

    Diagnostics d;
    validate_paths({dir}, d);
    INFO(show(d));
    CHECK(d.items.empty());

    const std::string check = "/usr/bin/python3 " PARLEY_SOURCE_DIR "/tests/schema/check_schema.py " + dir.string() +
                              " > " + (dir / "out.txt").string() + " 2>&1";
    CHECK(std::system(check.c_str()) == 0);

    json typo = scenario_json();
    typo["nodes"][0]["options"][0]["feedbak"] = typo["nodes"][0]["options"][0]["feedback"];
    std::ofstream(dir / "library/mini.json") << typo.dump(2);
    Diagnostics d2;
    validate_paths({dir}, d2);
    CHECK(find(d2, "unknown field \"feedbak\" (did you mean \"feedback\"?)", "/nodes/0/options/0/feedbak"));
    CHECK(std::system(check.c_str()) != 0);
    std::ifstream out(dir / "out.txt");
    std::stringstream printed;
    printed << out.rdbuf();
    CHECK(printed.str().find("/nodes/0/options/0: Additional properties are not allowed ('feedbak' was unexpected)") !=
          std::string::npos);
    fs::remove_all(dir);
}
