// Every edit kind of the editing model, undone and redone, and renames.
#include <catch2/catch.hpp>

#include "editor_fixture.h"
#include "problems.h"
#include "parley/writer.h"

using namespace parley;
using namespace parley::editor;
using namespace parley::editor::test;

namespace {

// Runs `edit` on a fresh copy of the shipped scenario, checks `after` holds, then that undo
// gives back the original bytes and positions, and redo the edited ones.
void check_undo_redo(const std::function<void(Document&)>& edit, const std::function<void(const Document&)>& after) {
    Scratch s("history");
    auto doc = s.open(s.copy_shipped());
    const std::string original = doc->canonical();
    const auto positions = doc->positions();
    REQUIRE_FALSE(doc->modified());
    edit(*doc);
    after(*doc);
    CHECK(doc->modified());
    const std::string edited = doc->canonical();
    const auto edited_positions = doc->positions();
    while (doc->can_undo()) doc->undo();
    CHECK(doc->canonical() == original);
    CHECK(doc->positions() == positions);
    CHECK_FALSE(doc->modified());
    while (doc->can_redo()) doc->redo();
    CHECK(doc->canonical() == edited);
    CHECK(doc->positions() == edited_positions);
    after(*doc);
}

}  // namespace

TEST_CASE("adding a node is undone and redone", "[editor][history]") {
    check_undo_redo([](Document& d) { d.add_node(NodeKind::Dialogue, Stage::Probing, {10, 20}); },
                    [](const Document& d) {
                        REQUIRE(d.scenario().node_index.count("node"));
                        CHECK(d.positions()[index_of(d, "node")] == Vec2{10, 20});
                        CHECK(d.scenario().nodes.size() == 30);
                    });
}

TEST_CASE("duplicating a node copies it under a new id, undone and redone", "[editor][history]") {
    check_undo_redo([](Document& d) { d.duplicate_node(index_of(d, "probe_gap")); },
                    [](const Document& d) {
                        REQUIRE(d.scenario().node_index.count("probe_gap_copy"));
                        const Node& copy = d.scenario().nodes[index_of(d, "probe_gap_copy")];
                        CHECK(copy.options.size() == d.scenario().nodes[index_of(d, "probe_gap")].options.size());
                    });
}

TEST_CASE("deleting a node lists what links to it first, undone and redone", "[editor][history]") {
    Scratch s("refs");
    auto doc = s.open(s.copy_shipped());
    const auto refs = doc->references_to("polite_exit");
    CHECK(std::find(refs.begin(), refs.end(), "nodes/open_redirect/options/more_chat/next") != refs.end());
    CHECK(std::find(refs.begin(), refs.end(), "nodes/open/options/quote_first/branch/0/next") != refs.end());
    CHECK(doc->references_to("open") == std::vector<std::string>{"start"});
    check_undo_redo([](Document& d) { d.delete_node(index_of(d, "autocrat_cuts_in")); },
                    [](const Document& d) { CHECK_FALSE(d.scenario().node_index.count("autocrat_cuts_in")); });
}

TEST_CASE("adding, deleting and connecting options are undone and redone", "[editor][history]") {
    check_undo_redo(
        [](Document& d) {
            const std::size_t n = index_of(d, "lukewarm");
            const std::size_t k = d.add_option(n);
            d.connect(n, k, "end_loose");
            d.delete_option(n, 0);
        },
        [](const Document& d) {
            const Node& n = d.scenario().nodes[index_of(d, "lukewarm")];
            REQUIRE(n.options.size() == 3);
            CHECK(n.options[0].id == "trial_close");
            CHECK(n.options[2].id == "option");
            CHECK(n.options[2].consequence.next == "end_loose");
        });
}

TEST_CASE("typing a text in either language is one undo step per field", "[editor][history]") {
    Scratch s("text");
    auto doc = s.open(s.copy_shipped());
    const std::string original = doc->canonical();
    REQUIRE(doc->set_text("nodes/open/line", Lang::En, "H"));
    REQUIRE(doc->set_text("nodes/open/line", Lang::En, "Hi"));
    REQUIRE(doc->set_text("nodes/open/line", Lang::En, "Hi!"));
    doc->end_merge();
    REQUIRE(doc->set_text("nodes/open/options/set_agenda/text", Lang::Zh, "先说议程"));
    REQUIRE(doc->set_text("title", Lang::Zh, "新标题"));
    CHECK_FALSE(doc->set_text("nodes/open/nothing", Lang::Zh, "x"));
    CHECK(doc->undo_depth() == 3);
    CHECK(doc->scenario().nodes[0].line.en == "Hi!");
    CHECK(doc->scenario().title.zh == "新标题");
    doc->undo();
    CHECK(doc->scenario().title.zh != "新标题");
    doc->undo();
    doc->undo();
    CHECK(doc->canonical() == original);
    doc->redo();
    CHECK(doc->scenario().nodes[0].line.en == "Hi!");
}

TEST_CASE("field edits of nodes, options and the scenario are undone and redone", "[editor][history]") {
    check_undo_redo(
        [](Document& d) {
            d.edit_node(index_of(d, "open"), "Emotion", "", [](Node& n) { n.emotion = Emotion::Suspicion; });
            d.edit_node(index_of(d, "open"), "Tags", "", [](Node& n) { n.options[0].tags.push_back(Tag::Rapport); });
            d.edit_node(index_of(d, "end_deal"), "Score", "", [](Node& n) { n.outcome_score = 77; });
            d.edit_scenario("Trust", "", [](Scenario& s) { s.state.trust = 12; });
            d.edit_scenario("Flags", "", [](Scenario& s) { s.state.flags.push_back("new_flag"); });
        },
        [](const Document& d) {
            CHECK(d.scenario().nodes[0].emotion == Emotion::Suspicion);
            CHECK(d.scenario().nodes[0].options[0].tags.back() == Tag::Rapport);
            CHECK(d.scenario().nodes[index_of(d, "end_deal")].outcome_score == 77);
            CHECK(d.scenario().state.trust == 12);
            CHECK(d.scenario().state.flags.back() == "new_flag");
        });
}

TEST_CASE("a drag is one move, undone and redone; auto layout is one step", "[editor][history]") {
    check_undo_redo(
        [](Document& d) {
            for (int i = 1; i <= 10; ++i) d.move_node(2, {float(i), float(2 * i)}, "drag");
            d.end_merge();
            CHECK(d.undo_depth() == 1);
            std::vector<Vec2> shifted = d.positions();
            for (auto& p : shifted) p.x += 5;
            d.move_nodes(shifted, "Auto layout");
            CHECK(d.undo_depth() == 2);
        },
        [](const Document& d) { CHECK(d.positions()[2] == Vec2{15, 20}); });
}

TEST_CASE("renaming a node updates every reference to it", "[editor][history][rename]") {
    check_undo_redo(
        [](Document& d) {
            CHECK_FALSE(d.rename_node(index_of(d, "open"), "probe_gap"));   // taken
            CHECK_FALSE(d.rename_node(index_of(d, "open"), ""));
            REQUIRE(d.rename_node(index_of(d, "open"), "welcome"));
            REQUIRE(d.rename_node(index_of(d, "polite_exit"), "exit_politely"));
            REQUIRE(d.rename_node(index_of(d, "end_client_left"), "end_walked_out"));
            REQUIRE(d.rename_node(index_of(d, "agreement"), "handshake"));
        },
        [](const Document& d) {
            CHECK(d.scenario().start == "welcome");
            CHECK(d.scenario().patience_out == "end_walked_out");
            CHECK(d.references_to("polite_exit").empty());
            CHECK(d.references_to("end_client_left").empty());
            CHECK(d.references_to("agreement").empty());
            CHECK(d.references_to("exit_politely").size() >= 10);
            const Node& terms = d.scenario().nodes[index_of(d, "terms")];
            CHECK(terms.negotiation->on_deal == "handshake");
            CHECK(terms.negotiation->on_client_quit == "end_walked_out");
            // The renamed scenario is still sound: nothing dangles.
            const std::string text = d.canonical();
            CHECK(text.find("\"polite_exit\"") == std::string::npos);
        });
}

TEST_CASE("renaming a declared flag, need, objection or variable updates every reference to it",
          "[editor][history][rename]") {
    struct Case {
        Declared kind;
        std::string from, to;
        bool only_references;   // every occurrence of `from` in the file is a reference to it
    };
    const Case cases[] = {{Declared::Flag, "buying_signal", "signal_seen", true},
                          {Declared::Need, "supplier_payment", "cash_for_aluminium", true},
                          {Declared::Objection, "rate_gap", "cheaper_rival", false},
                          {Declared::Variable, "slips", "mistakes", true}};
    for (const Case& c : cases) {
        DYNAMIC_SECTION("rename " << c.from) {
            Scratch s("rename-declared");
            auto doc = s.open(s.copy_shipped());
            const Validation before = validate_model(*doc->snapshot(), *doc->shared());
            const std::size_t uses = doc->uses_of(c.kind, c.from).size();
            REQUIRE(uses > 0);
            check_undo_redo(
                [&](Document& d) {
                    CHECK_FALSE(d.rename_declared(c.kind, c.from, ""));
                    CHECK_FALSE(d.rename_declared(c.kind, "not_declared", c.to));
                    CHECK_FALSE(d.rename_declared(c.kind, c.from, c.kind == Declared::Variable ? "trust"
                                                                  : c.kind == Declared::Flag   ? "agenda_set"
                                                                  : c.kind == Declared::Need   ? "receivable_gap"
                                                                                               : "slow_approval"));
                    const std::size_t depth = d.undo_depth();
                    REQUIRE(d.rename_declared(c.kind, c.from, c.to));
                    CHECK(d.undo_depth() == depth + 1);   // one undo step
                },
                [&](const Document& d) {
                    CHECK(d.uses_of(c.kind, c.from).empty());
                    CHECK(d.uses_of(c.kind, c.to).size() == uses);
                    // Nothing dangles: the validator finds what it found before, no more.
                    const Validation after = validate_model(*d.snapshot(), *d.shared());
                    CHECK(after.errors == 0);
                    CHECK(after.warnings == before.warnings);
                    if (c.only_references) CHECK(d.canonical().find("\"" + c.from + "\"") == std::string::npos);
                });
        }
    }
}
