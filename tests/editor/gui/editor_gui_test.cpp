// The real editor window under Xvfb, driven with synthetic input as a trainer would use it.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>

#include "editor_driver.h"
#include "editor_fixture.h"

using namespace parley;
using namespace parley::editor;
using namespace parley::editor::test;

namespace {

// Ctrl+F, the text, Enter: the canvas centres on the match and selects it.
void search(EditorDriver& d, const std::string& text) {
    d.key(sf::Keyboard::F, {true});
    d.type(text);
    d.key(sf::Keyboard::Enter);
}

void fill(EditorDriver& d, const std::string& path, const std::string& zh, const std::string& en) {
    INFO("filling " << path);
    REQUIRE(d.click("text." + path + ".zh"));
    d.type(zh);
    REQUIRE(d.click("text." + path + ".en"));
    d.type(en);
    REQUIRE(d.click("problems.header"));   // leave the field
}

// The trainer's session: a new node after end_loose's neighbourhood, filled in and connected.
void add_and_connect(EditorDriver& d) {
    search(d, "end_loose");
    REQUIRE(d.app().selected());
    REQUIRE(d.doc().scenario().nodes[*d.app().selected()].id == "end_loose");
    REQUIRE(d.click("tool.add_node"));
    REQUIRE(d.doc().scenario().node_index.count("node"));
    CHECK(d.app().selected() == d.doc().scenario().node_index.at("node"));
    fill(d, "nodes/node/line", "还有别的问题吗?", "Any other questions?");
    REQUIRE(d.click("inspector.add_option"));
    fill(d, "nodes/node/options/option/text", "没有了,谢谢您的时间", "That's all, thank you for your time");
    REQUIRE(d.click("inspector.evidence.0"));
    fill(d, "nodes/node/options/option/feedback", "礼貌地结束会谈", "End the meeting politely");
    REQUIRE(d.drag("port.node.0", "node.end_loose"));
    const Node& added = d.doc().scenario().nodes[d.doc().scenario().node_index.at("node")];
    REQUIRE(added.options.size() == 1);
    CHECK(added.options[0].consequence.next == "end_loose");
    CHECK(added.line.zh == "还有别的问题吗?");
    CHECK(added.options[0].text.en == "That's all, thank you for your time");
    CHECK(added.options[0].consequence.feedback.zh == "礼貌地结束会谈");
}

int validate(const fs::path& file) {
    return std::system((std::string(PARLEY_CLI) + " validate " + file.string() + " > /dev/null").c_str());
}

}  // namespace

TEST_CASE("a trainer opens the shipped scenario, adds a node, connects and fills it, saves, and parley-cli validate accepts it",
          "[editor][gui]") {
    Scratch s("gui-save");
    const fs::path file = s.copy_shipped();
    EditorDriver d(file, s.dir, s.state());
    add_and_connect(d);
    REQUIRE(d.wait_until([&] { return d.app().checks_current(); }));   // the validator's own thread
    CHECK(d.app().validation().errors == 0);
    CHECK(d.doc().modified());
    d.key(sf::Keyboard::S, {true});
    CHECK_FALSE(d.doc().modified());
    CHECK(slurp(file) != slurp(shipped_scenario()));
    CHECK(validate(file) == 0);
    CHECK(slurp(file).find("\"Any other questions?\"") != std::string::npos);
}

TEST_CASE("a playtest from a chosen node reaches an ending", "[editor][gui]") {
    Scratch s("gui-playtest");
    EditorDriver d(s.copy_shipped(), s.dir, s.state());
    search(d, "lukewarm");
    REQUIRE(d.click("tab.playtest"));
    REQUIRE(d.click("playtest.use_selected"));
    CHECK(d.app().playtest().setup.start_node == "lukewarm");
    REQUIRE(d.click("playtest.start"));
    REQUIRE(d.app().playtest().run);
    CHECK(d.app().playtest().run->path().front() == "lukewarm");
    for (int i = 0; i < 20; ++i) {
        REQUIRE(d.wait_until([&] { return d.visible("playtest.ending") || d.visible("playtest.option.1"); }));
        if (d.visible("playtest.ending")) break;
        REQUIRE(d.click("playtest.option.1"));
    }
    REQUIRE(d.wait_until([&] { return d.visible("playtest.ending"); }));
    CHECK(d.app().playtest().run->finished());
    CHECK(d.app().playtest().decisions.size() >= 1);
}

TEST_CASE("undoing the whole session gives back the original bytes", "[editor][gui]") {
    Scratch s("gui-undo");
    const fs::path file = s.copy_shipped();
    const std::string original = slurp(file);
    EditorDriver d(file, s.dir, s.state());
    add_and_connect(d);
    // A rename through the inspector, and a node moved on the canvas.
    REQUIRE(d.click("inspector.id"));
    d.key(sf::Keyboard::A, {true});
    d.type("closing_question");
    d.key(sf::Keyboard::Enter);
    REQUIRE(d.doc().scenario().node_index.count("closing_question"));
    REQUIRE(d.click("problems.header"));
    REQUIRE(d.drag("node.end_loose", "canvas.minimap"));   // a long drag: the node moves
    d.key(sf::Keyboard::S, {true});
    REQUIRE(slurp(file) != original);
    REQUIRE(d.doc().undo_depth() > 5);
    for (int i = 0; i < 200 && d.doc().can_undo(); ++i) d.key(sf::Keyboard::Z, {true});
    CHECK_FALSE(d.doc().can_undo());
    CHECK(d.doc().canonical() == original);
    d.key(sf::Keyboard::S, {true});
    CHECK(slurp(file) == original);
    CHECK_FALSE(d.doc().modified());
    // And all of it comes back.
    for (int i = 0; i < 200 && d.doc().can_redo(); ++i) d.key(sf::Keyboard::Y, {true});
    CHECK(d.doc().scenario().node_index.count("closing_question"));
}

namespace {

// Ctrl+A, the new text, Enter: replaces a field's content as a trainer retypes it.
void retype(EditorDriver& d, const std::string& target, const std::string& text, bool enter = true) {
    INFO("retyping " << target);
    REQUIRE(d.click(target));
    d.key(sf::Keyboard::A, {true});
    d.type(text);
    if (enter) d.key(sf::Keyboard::Enter);
}

// Selects a node and centres the canvas on it (as a problem's click does; searching "terms"
// finds a text that mentions it first). The edits that follow are input.
void pick(EditorDriver& d, const std::string& id) {
    d.app().select(d.doc().scenario().node_index.at(id), std::nullopt, true);
    d.frames(3);
    REQUIRE(d.app().selected() == d.doc().scenario().node_index.at(id));
}

}  // namespace

TEST_CASE("a persona edited in the persona panel is saved to its own file", "[editor][gui]") {
    Scratch s("gui-persona");
    EditorDriver d(s.copy_shipped(), s.dir, s.state());
    REQUIRE(d.click("tab.persona"));
    // The panel shows one of the shared personas: find which.
    std::string id;
    REQUIRE(d.wait_until([&] {
        for (const auto& [pid, p] : shared_content()->personas)
            if (d.visible("text.persona/" + pid + "/name.en")) id = pid;
        return !id.empty();
    }));
    const fs::path file = s.dir / "personas" / (id + ".json");
    const std::string before = slurp(file);
    retype(d, "text.persona/" + id + "/name.en", "Renamed in the panel", false);
    REQUIRE(d.click("problems.header"));   // leave the field
    CHECK(slurp(file) == before);          // nothing written before the save
    REQUIRE(d.click("persona.save"));
    const std::string after = slurp(file);
    CHECK(after != before);
    CHECK(after.find("\"Renamed in the panel\"") != std::string::npos);
    CHECK(validate(file) == 0);
}

TEST_CASE("renaming a persona in the persona panel asks, then renames its file, the open and the other scenarios",
          "[editor][gui]") {
    Scratch s("gui-persona-rename");
    const fs::path open = s.copy_shipped();
    EditorDriver d(open, s.dir, s.state());
    REQUIRE(d.click("tab.persona"));
    std::string id;
    REQUIRE(d.wait_until([&] {
        for (const std::string& pid : d.doc().scenario().personas)
            if (d.visible("text.persona/" + pid + "/name.en")) id = pid;
        return !id.empty();
    }));
    const std::string renamed = id + "_renamed";
    // Another shipped scenario that plays the persona, not open in the editor.
    const fs::path other = s.dir / "library" / (id == "analytical" ? "group-cash-pooling.json" : "loan-repricing.json");
    fs::copy_file(shipped_root() / "library" / other.filename(), other);

    // Enter asks first; cancelling writes nothing.
    retype(d, "persona.id", renamed);
    REQUIRE(d.wait_until([&] { return d.visible("persona_rename.confirm"); }));
    REQUIRE(d.click("persona_rename.cancel"));
    d.frames(3);
    CHECK(fs::exists(s.dir / "personas" / (id + ".json")));
    CHECK_FALSE(fs::exists(s.dir / "personas" / (renamed + ".json")));

    retype(d, "persona.id", renamed);
    REQUIRE(d.wait_until([&] { return d.visible("persona_rename.confirm"); }));
    REQUIRE(d.click("persona_rename.confirm"));
    d.frames(3);
    CHECK_FALSE(fs::exists(s.dir / "personas" / (id + ".json")));
    CHECK(fs::exists(s.dir / "personas" / (renamed + ".json")));
    CHECK(slurp(other).find("\"" + renamed + "\"") != std::string::npos);
    // The open scenario had no unsaved work: renamed (one undo step) and saved with the rest.
    CHECK(d.doc().persona_uses(id).empty());
    CHECK_FALSE(d.doc().modified());
    CHECK(slurp(open) == d.doc().canonical());
    CHECK(validate(open) == 0);
    CHECK(validate(other) == 0);
    CHECK(validate(s.dir / "personas" / (renamed + ".json")) == 0);
}

TEST_CASE("renaming a node and a negotiation issue through the inspector updates every reference", "[editor][gui]") {
    Scratch s("gui-rename");
    const fs::path file = s.copy_shipped();
    EditorDriver d(file, s.dir, s.state());
    search(d, "probe_gap");
    REQUIRE(d.app().selected());
    const std::size_t links = d.doc().references_to("probe_gap").size();
    REQUIRE(links > 0);
    retype(d, "inspector.id", "explore_gap");
    CHECK(d.doc().references_to("probe_gap").empty());
    CHECK(d.doc().references_to("explore_gap").size() == links);

    pick(d, "terms");
    retype(d, "issue.margin.id", "fee");
    const Negotiation& block = *d.doc().scenario().nodes[d.doc().scenario().node_index.at("terms")].negotiation;
    CHECK(block.issues[1].id == "fee");
    CHECK(block.should_concede == std::vector<std::string>{"fee"});
    retype(d, "issue.fee.id", "rate");   // taken: refused, nothing changes
    CHECK(d.doc().scenario().nodes[d.doc().scenario().node_index.at("terms")].negotiation->issues[1].id == "fee");

    REQUIRE(d.wait_until([&] { return d.app().checks_current(); }));
    CHECK(d.app().validation().errors == 0);
    d.key(sf::Keyboard::S, {true});
    CHECK(validate(file) == 0);
    // Two renames, two undo steps.
    d.key(sf::Keyboard::Z, {true});
    d.key(sf::Keyboard::Z, {true});
    CHECK(d.doc().canonical() == slurp(shipped_scenario()));
}

TEST_CASE("a number typed in the negotiation issues table changes the issue; one out of range is refused", "[editor][gui]") {
    Scratch s("gui-issues");
    EditorDriver d(s.copy_shipped(), s.dir, s.state());
    pick(d, "terms");
    const std::size_t terms = d.doc().scenario().node_index.at("terms");
    auto margin = [&] { return d.doc().scenario().nodes[terms].negotiation->issues[1]; };
    const NegotiationIssue before = margin();
    REQUIRE(before.id == "margin");
    // A target inside the range, in the issue's own decimals.
    const std::int64_t target = (before.min + before.max) / 2;
    std::string typed = std::to_string(target);
    if (before.decimals > 0) {
        while (static_cast<int>(typed.size()) <= before.decimals) typed = "0" + typed;
        typed.insert(typed.size() - static_cast<std::size_t>(before.decimals), ".");
    }
    retype(d, "issue.margin.bank target", typed, false);
    REQUIRE(d.click("problems.header"));
    CHECK(margin().bank_target == target);
    // Far above the maximum: the cell shows the problem and the model keeps the last good value.
    retype(d, "issue.margin.bank target", "999999", false);
    REQUIRE(d.click("problems.header"));
    CHECK(margin().bank_target == target);
    d.key(sf::Keyboard::Z, {true});
    CHECK(margin().bank_target == before.bank_target);
}

TEST_CASE("closing with unsaved changes asks first: cancel keeps working, save and quit writes the file", "[editor][gui]") {
    // Nothing unsaved: the window closes at once. (One window at a time: the UI library has one
    // Dear ImGui context, as the program has one window.)
    {
        Scratch other("gui-quit-clean");
        EditorDriver clean(other.copy_shipped(), other.dir, other.state());
        clean.app().close_window();
        CHECK(clean.app().quitting());
    }
    Scratch s("gui-quit");
    const fs::path file = s.copy_shipped();
    const std::string original = slurp(file);
    EditorDriver d(file, s.dir, s.state());
    search(d, "probe_gap");
    retype(d, "inspector.id", "explore_gap");
    REQUIRE(d.doc().modified());
    d.app().close_window();
    REQUIRE(d.wait_until([&] { return d.visible("quit.cancel"); }));
    CHECK(d.visible("quit.save"));
    CHECK(d.visible("quit.discard"));
    CHECK_FALSE(d.app().quitting());
    REQUIRE(d.click("quit.cancel"));
    CHECK_FALSE(d.app().quitting());
    CHECK_FALSE(d.visible("quit.save"));
    CHECK(slurp(file) == original);
    d.app().close_window();
    REQUIRE(d.click("quit.save"));
    CHECK(d.app().quitting());
    CHECK(slurp(file) != original);
    CHECK(slurp(file).find("\"explore_gap\"") != std::string::npos);
    CHECK(validate(file) == 0);
}

TEST_CASE("closing with unsaved changes and choosing not to save leaves the file as it was", "[editor][gui]") {
    Scratch s("gui-discard");
    const fs::path file = s.copy_shipped();
    const std::string original = slurp(file);
    EditorDriver d(file, s.dir, s.state());
    search(d, "probe_gap");
    retype(d, "inspector.id", "explore_gap");
    d.app().close_window();
    REQUIRE(d.click("quit.discard"));
    CHECK(d.app().quitting());
    CHECK(slurp(file) == original);
    CHECK_FALSE(fs::exists(d.doc().recovery_file()));   // no recovery offered for work thrown away
}
