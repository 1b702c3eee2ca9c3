// The problems panel's fast verdict: the canonical text assembled from cached node texts is the
// writer's, byte for byte, and the verdict on it is the one a full validation of the saved file
// gives, after every kind of edit.
#include <catch2/catch.hpp>

#include "editor_fixture.h"
#include "parley/loader.h"
#include "parley/writer.h"
#include "problems.h"

using namespace parley;
using namespace parley::editor;
using namespace parley::editor::test;

namespace {

// `parley-cli validate`'s reading of a saved file (without the soundness analysis, which the
// problems panel gets from the background analysis).
Diagnostics full_validation(const fs::path& file) {
    Diagnostics diags;
    parse_scenario_draft(slurp(file), file.string(), shared_content()->model, shared_content()->personas, diags);
    return diags;
}

std::vector<std::string> lines_of(const std::vector<Problem>& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(format(p.diagnostic));
    return out;
}

std::vector<std::string> lines_of(const Diagnostics& diags) {
    std::vector<std::string> out;
    for (const auto& d : diags.items) out.push_back(format(d));
    return out;
}

}  // namespace

TEST_CASE("after each edit the cached verdict equals a full validation of the saved file", "[editor][problems]") {
    Scratch s("validation-cache");
    const fs::path file = s.copy_shipped();
    auto doc = s.open(file);
    CanonicalCache cache;
    const std::size_t nodes = doc->scenario().nodes.size();
    std::size_t edits = 0;
    auto check_now = [&](const char* what) {
        INFO("after: " << what);
        ++edits;
        const auto snap = doc->snapshot();
        const std::string text = cache.text(*snap, doc->node_versions(), doc->header_version());
        REQUIRE(text == canonical_text(*snap));
        // The tree kept beside the text is the text's, and reading it gives the same verdict.
        REQUIRE(cache.document());
        CHECK(*cache.document() == nlohmann::json::parse(text));
        const Validation fast = validate_text(text, *snap, *doc->shared(), nullptr, cache.document());
        const Validation parsed = validate_text(text, *snap, *doc->shared());
        CHECK(lines_of(fast.problems) == lines_of(parsed.problems));
        REQUIRE(doc->save(true).status == SaveStatus::Saved);
        REQUIRE(slurp(file) == text);
        const Diagnostics full = full_validation(file);
        CHECK(lines_of(fast.problems) == lines_of(full));
        CHECK(fast.errors == full.errors());
        CHECK(fast.complete == full.ok());
    };
    check_now("opening");
    CHECK(cache.written_last() == nodes);   // the first text is written whole

    const std::size_t open = index_of(*doc, "open");
    doc->connect(open, 0, "no_such_node");
    check_now("a dangling link");
    CHECK(cache.written_last() == 1);       // then only the node that changed
    CHECK(cache.parsed_last() == 1);
    CHECK_FALSE(validate_model(*doc->snapshot(), *doc->shared()).complete);

    REQUIRE(doc->set_text("nodes/open/line", Lang::En, "Good morning — \"quoted\", {braces}\n[and] a newline"));
    check_now("a text with JSON's special characters");
    const std::size_t added = doc->add_node(NodeKind::Dialogue, Stage::Probing, {10, 10});
    check_now("a new node (no options, unreachable)");
    doc->add_option(added);
    check_now("an option on it");
    REQUIRE(doc->duplicate_node(open));
    check_now("a duplicated node");
    REQUIRE(doc->rename_node(open, "opening_renamed"));
    check_now("a rename of a node and its references");
    doc->edit_scenario("Level", "", [](Scenario& sc) { sc.level = 9; });   // out of range: an error in the header
    check_now("a header edit");
    CHECK(cache.parsed_last() == 0);        // the text around the nodes is parsed, no node
    doc->delete_node(added);
    check_now("a deleted node");
    while (doc->can_undo()) {
        doc->undo();
        check_now("an undo");
    }
    CHECK(validate_model(*doc->snapshot(), *doc->shared()).complete);
    doc->redo();
    doc->redo();
    check_now("two redos");
    CHECK(edits > 15);
}

TEST_CASE("a cached canonical text is the writer's for a scenario without nodes", "[editor][problems]") {
    Scratch s("validation-cache-empty");
    auto doc = s.open(s.copy_shipped());
    CanonicalCache cache;
    while (!doc->scenario().nodes.empty()) doc->delete_node(doc->scenario().nodes.size() - 1);
    const auto snap = doc->snapshot();
    CHECK(cache.text(*snap, doc->node_versions(), doc->header_version()) == canonical_text(*snap));
    doc->add_node(NodeKind::Ending, Stage::Closing, {0, 0});
    const auto again = doc->snapshot();
    CHECK(cache.text(*again, doc->node_versions(), doc->header_version()) == canonical_text(*again));
}
