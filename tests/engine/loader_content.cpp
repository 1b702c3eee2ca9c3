// Content roots on disk: finding the root, loading it whole, loading one scenario with its
// root, and validating any mix of files and folders.
#include <fstream>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "loader_fixture.h"

using namespace parley;
using namespace loader_fixture;
namespace fs = std::filesystem;

namespace {

// A content root in a fresh temporary folder, removed afterwards.
class TempRoot {
public:
    TempRoot() {
        static int counter = 0;
        dir_ = fs::temp_directory_path() /
               ("parley-loader-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        fs::remove_all(dir_);
        write("competencies.json", model_text());
        write("personas/analytical.json", persona_json().dump(2));
        write("library/mini.json", scenario_json().dump(2));
    }
    ~TempRoot() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    TempRoot(const TempRoot&) = delete;
    TempRoot& operator=(const TempRoot&) = delete;

    const fs::path& dir() const { return dir_; }
    fs::path operator/(const std::string& rel) const { return dir_ / rel; }

    void write(const std::string& rel, const std::string& text) const {
        fs::create_directories((dir_ / rel).parent_path());
        std::ofstream(dir_ / rel, std::ios::binary) << text;
    }

private:
    fs::path dir_;
};

json scenario_with_id(const std::string& id) {
    json doc = scenario_json();
    doc["id"] = id;
    return doc;
}

}  // namespace

TEST_CASE("find_content_root finds the nearest folder holding competencies.json", "[loader]") {
    TempRoot root;
    root.write("library/deep/er/x.json", "{}");
    CHECK(find_content_root(root / "library/deep/er/x.json") == root.dir());
    CHECK(find_content_root(root / "library") == root.dir());
    CHECK(find_content_root(root.dir()) == root.dir());
    root.write("library/deep/competencies.json", model_text());
    CHECK(find_content_root(root / "library/deep/er/x.json") == root / "library/deep");
    CHECK_FALSE(find_content_root(fs::temp_directory_path() / "parley-no-such-root/x.json"));
}

TEST_CASE("load_content loads the model, the personas and every scenario below the root", "[loader]") {
    TempRoot root;
    root.write("library/more/second.json", scenario_with_id("second").dump(2));
    root.write("parley.schema.json", R"({"$schema": "https://json-schema.org/draft/2020-12/schema"})");
    Diagnostics d;
    auto content = load_content(root.dir(), d);
    INFO(show(d));
    REQUIRE(content);
    CHECK(d.items.empty());
    CHECK(content->model.competencies.size() == 3);
    REQUIRE(content->persona("analytical"));
    CHECK(content->persona("analytical")->concession.beta_percent == 40);
    CHECK(content->persona("nobody") == nullptr);
    REQUIRE(content->scenarios.size() == 2);
    REQUIRE(content->scenario("mini"));
    CHECK(content->scenario("second")->file == (root / "library/more/second.json").lexically_normal().generic_string());
    CHECK(content->scenario("nothing") == nullptr);
}

TEST_CASE("load_content returns nothing when any file has an error, naming the file", "[loader]") {
    TempRoot root;
    json broken = scenario_with_id("broken");
    broken["nodes"][0]["options"][0]["next"] = "nowhere";
    root.write("library/broken.json", broken.dump(2));
    Diagnostics d;
    CHECK_FALSE(load_content(root.dir(), d));
    const Diagnostic* e = find(d, "next node \"nowhere\" does not exist", "/nodes/0/options/0/next");
    REQUIRE(e);
    CHECK(e->file.find("library/broken.json") != std::string::npos);
    CHECK(e->line > 0);
}

TEST_CASE("warnings do not stop content from loading", "[loader]") {
    TempRoot root;
    json doc = scenario_json();
    doc["nodes"].push_back({{"id", "orphan"}, {"stage", "probing"}, {"line", {{"zh", "甲"}, {"en", "A"}}},
                            {"options", {{{"id", "x"}, {"text", {{"zh", "甲"}, {"en", "A"}}},
                                          {"feedback", {{"zh", "甲"}, {"en", "A"}}}, {"next", "end_deal"}}}}});
    root.write("library/mini.json", doc.dump(2));
    Diagnostics d;
    auto content = load_content(root.dir(), d);
    REQUIRE(content);
    CHECK(d.warnings() == 1);
    CHECK(d.errors() == 0);
}

TEST_CASE("a scenario naming a persona missing from its root is an error at /personas/N", "[loader]") {
    TempRoot root;
    json doc = scenario_json();
    doc["personas"] = {"analytical", "autocratic"};
    root.write("library/mini.json", doc.dump(2));
    Diagnostics d;
    validate_paths({root / "library/mini.json"}, d);
    INFO(show(d));
    REQUIRE(d.errors() == 1);
    const Diagnostic* e = find(d, "undefined persona \"autocratic\"", "/personas/1");
    REQUIRE(e);
    CHECK(e->file.find("library/mini.json") != std::string::npos);
    CHECK(e->line > 0);

    // Once the persona exists in personas/, the same scenario validates.
    root.write("personas/autocratic.json", persona_json("autocratic").dump(2));
    Diagnostics d2;
    validate_paths({root / "library/mini.json"}, d2);
    INFO(show(d2));
    CHECK(d2.items.empty());
}

TEST_CASE("load_scenario_file returns the scenario within its content root", "[loader]") {
    TempRoot root;
    Diagnostics d;
    auto loaded = load_scenario_file(root / "library/mini.json", d);
    INFO(show(d));
    REQUIRE(loaded);
    REQUIRE(loaded->content);
    REQUIRE(loaded->scenario);
    CHECK(loaded->scenario->id == "mini");
    CHECK(loaded->content->scenario("mini") == loaded->scenario);
    CHECK(loaded->content->persona("analytical"));
    CHECK(loaded->content->model.find("A"));
}

TEST_CASE("files that cannot be read or are not under a content root give clear errors", "[loader]") {
    TempRoot root;
    Diagnostics d;
    CHECK_FALSE(load_scenario_file(root / "library/missing.json", d));
    CHECK(find(d, "cannot read file: No such file or directory"));

    Diagnostics d2;
    validate_paths({root / "library/missing.json"}, d2);
    REQUIRE(d2.items.size() == 1);
    CHECK(d2.items[0].message == "no such file or folder");

    Diagnostics d3;
    fs::path outside = fs::temp_directory_path() / ("parley-outside-" + std::to_string(::getpid()) + ".json");
    std::ofstream(outside) << scenario_json().dump();
    CHECK_FALSE(load_scenario_file(outside, d3));
    fs::remove(outside);
    CHECK(find(d3, "no content root: no competencies.json in this folder or any folder above it"));
}

TEST_CASE("a folder walk skips JSON that is not ours; a file named explicitly must be ours", "[loader]") {
    TempRoot root;
    root.write("library/notes.json", R"({"title": "not content"})");
    Diagnostics walk;
    validate_paths({root.dir()}, walk);
    INFO(show(walk));
    CHECK(walk.items.empty());

    Diagnostics named;
    validate_paths({root / "library/notes.json"}, named);
    REQUIRE(named.items.size() == 1);
    CHECK(named.items[0].message.find("not a Parley document: no \"kind\" field") == 0);

    // A typo in "kind" must not hide a scenario, even in a walk.
    root.write("library/typo.json", R"({"kind": "scenaro", "format": 1})");
    Diagnostics typo;
    validate_paths({root.dir()}, typo);
    CHECK(find(typo, "unknown document kind \"scenaro\" (did you mean \"scenario\"?)", "/kind"));
}

TEST_CASE("validate_paths checks every kind and reports a root's problems once", "[loader]") {
    TempRoot root;
    json persona = persona_json("skeptic");
    persona["profile"]["skepticism"] = 101;
    root.write("personas/skeptic.json", persona.dump(2));
    root.write("library/second.json", scenario_with_id("second").dump(2));
    Diagnostics d;
    validate_paths({root / "library/mini.json", root / "library/second.json", root / "personas/skeptic.json",
                    root.dir()},
                   d);
    INFO(show(d));
    REQUIRE(d.errors() == 1);
    const Diagnostic* e = find(d, "expected an integer from 0 to 100, found 101", "/profile/skepticism");
    REQUIRE(e);
    CHECK(e->file.find("personas/skeptic.json") != std::string::npos);
}

TEST_CASE("a persona's id must match its file name, and scenario ids are unique", "[loader]") {
    TempRoot root;
    root.write("personas/driver.json", persona_json("drive").dump(2));
    root.write("library/copy.json", scenario_json().dump(2));
    Diagnostics d;
    CHECK_FALSE(load_content(root.dir(), d));
    INFO(show(d));
    CHECK(find(d, "persona id \"drive\" does not match its file name \"driver.json\"", "/id"));
    const Diagnostic* dup = find(d, "duplicate scenario id \"mini\"", "/id");
    REQUIRE(dup);
    CHECK(dup->file.find("library/mini.json") != std::string::npos);  // copy.json sorts first
}
