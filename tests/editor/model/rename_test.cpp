// Renaming a persona or a negotiation issue in the editing model: every reference follows, the
// validator finds nothing new, and the rename is one step of undo and redo.
#include <catch2/catch.hpp>

#include "editor_fixture.h"
#include "persona_document.h"
#include "problems.h"

using namespace parley;
using namespace parley::editor;
using namespace parley::editor::test;

namespace {

// The shared content with `from`'s persona also under the id `to` (as the persona editor's
// rename of the file gives it to the open scenario).
std::shared_ptr<const ContentSet> with_renamed(const std::string& from, const std::string& to) {
    Persona p = shared_content()->personas.at(from);
    p.id = to;
    return with_persona(*shared_content(), p);
}

}  // namespace

TEST_CASE("renaming a persona updates the persona list, lines per persona and persona conditions", "[editor][rename]") {
    Scratch s("rename-persona");
    auto doc = s.open(s.copy_shipped());
    const std::string original = doc->canonical();
    const Validation before = validate_model(*doc->snapshot(), *doc->shared());
    REQUIRE(before.errors == 0);
    const auto uses = doc->persona_uses("haggler");
    // It is named in all three kinds of place.
    auto named_in = [&](const std::vector<std::string>& where, const std::string& part) {
        return std::any_of(where.begin(), where.end(), [&](const std::string& w) { return w.find(part) != std::string::npos; });
    };
    REQUIRE(named_in(uses, "personas"));
    REQUIRE(named_in(uses, "/line_by_persona/"));
    REQUIRE(named_in(uses, "/if"));

    CHECK_FALSE(doc->rename_persona("haggler", ""));
    CHECK_FALSE(doc->rename_persona("haggler", "analytical"));   // already one of the scenario's
    CHECK_FALSE(doc->rename_persona("not_listed", "bargainer"));
    CHECK(doc->undo_depth() == 0);

    REQUIRE(doc->rename_persona("haggler", "bargainer"));
    CHECK(doc->undo_depth() == 1);   // one undo step
    CHECK(doc->persona_uses("haggler").empty());
    CHECK(doc->persona_uses("bargainer").size() == uses.size());
    CHECK(doc->canonical().find("\"haggler\"") == std::string::npos);
    // Judged against the content where the persona now has its new id, nothing dangles.
    doc->set_shared(with_renamed("haggler", "bargainer"));
    const Validation after = validate_model(*doc->snapshot(), *doc->shared());
    CHECK(after.errors == 0);
    CHECK(after.warnings == before.warnings);
    // Against the old content, the validator names the persona that is missing.
    const Validation stale = validate_model(*doc->snapshot(), *shared_content());
    CHECK(stale.errors > 0);

    const std::string renamed = doc->canonical();
    REQUIRE(doc->undo());
    CHECK(doc->canonical() == original);
    REQUIRE(doc->redo());
    CHECK(doc->canonical() == renamed);
}

TEST_CASE("renaming a negotiation issue updates the block's should-concede and must-hold lists", "[editor][rename]") {
    Scratch s("rename-issue");
    auto doc = s.open(s.copy_shipped());
    const std::string original = doc->canonical();
    const std::size_t terms = index_of(*doc, "terms");
    const auto& block = *doc->scenario().nodes[terms].negotiation;
    REQUIRE(block.should_concede == std::vector<std::string>{"margin"});
    REQUIRE(block.must_hold == std::vector<std::string>{"rate"});

    CHECK_FALSE(doc->rename_issue(terms, "margin", ""));
    CHECK_FALSE(doc->rename_issue(terms, "margin", "rate"));       // already an issue of the block
    CHECK_FALSE(doc->rename_issue(terms, "no_such_issue", "fee"));
    CHECK_FALSE(doc->rename_issue(index_of(*doc, "open"), "margin", "fee"));   // not a negotiation
    CHECK(doc->undo_depth() == 0);

    REQUIRE(doc->rename_issue(terms, "margin", "fee"));
    REQUIRE(doc->rename_issue(terms, "rate", "interest_rate"));
    const auto& renamed = *doc->scenario().nodes[terms].negotiation;
    CHECK(renamed.issues[0].id == "interest_rate");
    CHECK(renamed.issues[1].id == "fee");
    CHECK(renamed.should_concede == std::vector<std::string>{"fee"});
    CHECK(renamed.must_hold == std::vector<std::string>{"interest_rate"});
    CHECK(validate_model(*doc->snapshot(), *doc->shared()).errors == 0);
    CHECK(doc->undo_depth() == 2);

    const std::string edited = doc->canonical();
    while (doc->can_undo()) doc->undo();
    CHECK(doc->canonical() == original);
    while (doc->can_redo()) doc->redo();
    CHECK(doc->canonical() == edited);
}
