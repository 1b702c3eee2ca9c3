// Renaming a shared persona: its file and every scenario that plays it follow, the scenario
// open in the editor is left to its document, and a rename that could lose work is refused.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "editor_fixture.h"
#include "parley/loader.h"
#include "persona_rename.h"

using namespace parley;
using namespace parley::editor;
using namespace parley::editor::test;

namespace {

int run(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()); }

std::shared_ptr<const ContentSet> content_of(const fs::path& root) {
    Diagnostics diags;
    auto set = load_shared_content(root, diags);
    REQUIRE(set);
    return set;
}

}  // namespace

TEST_CASE("a persona renamed renames its file and every other scenario that plays it, canonically",
          "[editor][persona]") {
    Scratch s("persona-rename");
    const fs::path open = s.copy_shipped();
    const fs::path other = s.dir / "library" / "loan-repricing.json";   // plays the haggler too
    fs::copy_file(shipped_root() / "library" / "loan-repricing.json", other);
    const std::string open_before = slurp(open);
    auto shared = content_of(s.dir);

    const PersonaRenamePlan plan = plan_persona_rename(s.dir, *shared, "haggler", "bargainer", open);
    INFO((plan.refusals.empty() ? std::string() : plan.refusals.front()));
    REQUIRE(plan.ok());
    CHECK(plan.new_file == s.dir / "personas" / "bargainer.json");
    CHECK(plan.scenarios == std::vector<fs::path>{other});

    CHECK(apply_persona_rename(plan, shared, *shared->persona("haggler"), s.state()) == "");
    CHECK_FALSE(fs::exists(s.dir / "personas" / "haggler.json"));
    REQUIRE(fs::exists(s.dir / "personas" / "bargainer.json"));
    CHECK(slurp(other).find("\"haggler\"") == std::string::npos);
    CHECK(slurp(other).find("\"bargainer\"") != std::string::npos);
    CHECK(slurp(open) == open_before);   // the open scenario is its document's to rename

    // The open scenario renamed by its document and saved: the whole root validates again.
    auto renamed = with_renamed_persona(*shared, "haggler", *content_of(s.dir)->persona("bargainer"));
    CHECK_FALSE(renamed->persona("haggler"));
    REQUIRE(renamed->persona("bargainer"));
    std::string error;
    auto doc = Document::open(open, renamed, s.state(), error);
    REQUIRE(doc);
    REQUIRE(doc->rename_persona("haggler", "bargainer"));
    REQUIRE(doc->save().status == SaveStatus::Saved);
    CHECK(run(std::string(PARLEY_CLI) + " validate " + s.dir.string()) == 0);
    CHECK(run(std::string(PARLEY_CLI) + " format --check " + (s.dir / "library").string()) == 0);
}

TEST_CASE("a persona rename is refused for a bad or taken id and for a scenario with errors that plays it",
          "[editor][persona]") {
    Scratch s("persona-rename");
    const fs::path open = s.copy_shipped();
    auto shared = content_of(s.dir);
    CHECK_FALSE(plan_persona_rename(s.dir, *shared, "haggler", "Bad Id", open).ok());
    CHECK_FALSE(plan_persona_rename(s.dir, *shared, "haggler", "analytical", open).ok());
    CHECK_FALSE(plan_persona_rename(s.dir, *shared, "nobody", "somebody", open).ok());

    // Another scenario that plays the persona but does not load completely: rewriting it would
    // drop what could not be read, so the rename waits until it is fixed.
    std::string broken = slurp(open);
    const auto at = broken.find("\"next\": \"");
    REQUIRE(at != std::string::npos);
    broken.insert(at + 9, "nowhere_");
    spit(s.dir / "library" / "broken.json", broken);
    const PersonaRenamePlan plan = plan_persona_rename(s.dir, *shared, "haggler", "bargainer", open);
    REQUIRE_FALSE(plan.ok());
    CHECK_THAT(plan.refusals.front(), Catch::Contains("broken.json"));
    CHECK(apply_persona_rename(plan, shared, *shared->persona("haggler"), s.state()) != "");
    CHECK(fs::exists(s.dir / "personas" / "haggler.json"));   // nothing was written
    CHECK_FALSE(fs::exists(s.dir / "personas" / "bargainer.json"));
}
