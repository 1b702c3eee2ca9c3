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
