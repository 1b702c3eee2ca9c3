// Saving (canonical, atomic), external changes, autosave and recovery, broken files.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "atomic_file.h"
#include "editor_fixture.h"
#include "problems.h"

using namespace parley;
using namespace parley::editor;
using namespace parley::editor::test;

namespace {

int run(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()); }

}  // namespace

TEST_CASE("a saved scenario is byte for byte what parley-cli format writes, and loads back equal",
          "[editor][files]") {
    Scratch s("save");
    const fs::path file = s.copy_shipped();
    auto doc = s.open(file);
    doc->add_node(NodeKind::Dialogue, Stage::Probing, {0, 0});
    doc->set_text("nodes/node/line", Lang::Zh, "还有别的吗?");
    doc->set_text("nodes/node/line", Lang::En, "Anything else?");
    const std::size_t added = index_of(*doc, "node");
    const std::size_t k = doc->add_option(added);
    doc->connect(added, k, "end_loose");
    doc->set_text("nodes/node/options/option/text", Lang::Zh, "没有了,谢谢");
    doc->set_text("nodes/node/options/option/text", Lang::En, "That's all, thank you");
    doc->set_text("nodes/node/options/option/feedback", Lang::Zh, "礼貌结束");
    doc->set_text("nodes/node/options/option/feedback", Lang::En, "A polite end");
    doc->connect(index_of(*doc, "lukewarm"), doc->add_option(index_of(*doc, "lukewarm")), "node");
    doc->set_text("nodes/lukewarm/options/option/text", Lang::Zh, "还有什么顾虑吗?");
    doc->set_text("nodes/lukewarm/options/option/text", Lang::En, "Any other concern?");
    doc->set_text("nodes/lukewarm/options/option/feedback", Lang::Zh, "开放式提问");
    doc->set_text("nodes/lukewarm/options/option/feedback", Lang::En, "An open question");
    REQUIRE(validate_model(*doc->snapshot(), *doc->shared()).errors == 0);
    REQUIRE(doc->save().status == SaveStatus::Saved);
    CHECK_FALSE(doc->modified());
    const std::string saved = slurp(file);

    // The same bytes as the CLI's canonical form of the saved file (which it leaves alone).
    Scratch other("format");   // another root: one scenario id per root
    const fs::path copy = other.dir / "library" / "reformatted.json";
    fs::copy_file(file, copy);
    run(std::string(PARLEY_CLI) + " format " + copy.string());
    CHECK(slurp(copy) == saved);
    CHECK(run(std::string(PARLEY_CLI) + " format --check " + file.string()) == 0);

    // Reopened: the same model, the same bytes.
    auto again = s.open(file);
    CHECK(again->canonical() == saved);
    CHECK(again->scenario().nodes.size() == doc->scenario().nodes.size());
    CHECK(again->positions() == doc->positions());   // the layout file came back too

    SECTION("an unchanged shipped file saves as itself") {
        auto pristine = s.open(s.copy_shipped());
        CHECK(pristine->canonical() == slurp(shipped_scenario()));
    }
}

TEST_CASE("a save that fails at any step leaves the old file intact and no temporary file", "[editor][files]") {
    for (WriteFault fault : {WriteFault::Write, WriteFault::Sync, WriteFault::Rename}) {
        Scratch s("atomic");
        const fs::path file = s.copy_shipped();
        const std::string before = slurp(file);
        auto doc = s.open(file);
        doc->set_text("title", Lang::En, "Changed");
        doc->inject_save_fault(static_cast<int>(fault));
        const SaveResult r = doc->save();
        CHECK(r.status == SaveStatus::Failed);
        CHECK_FALSE(r.error.empty());
        CHECK(slurp(file) == before);
        CHECK(doc->modified());
        std::size_t files = 0;
        for (const auto& e : fs::directory_iterator(s.dir / "library")) files += e.is_regular_file() ? 1 : 0;
        CHECK(files == 1);
        // The next save, without a fault, works.
        CHECK(doc->save().status == SaveStatus::Saved);
        CHECK(slurp(file) != before);
    }
}

TEST_CASE("a file changed on disk since it was opened is never silently overwritten", "[editor][files]") {
    Scratch s("external");
    const fs::path file = s.copy_shipped();
    auto doc = s.open(file);
    CHECK_FALSE(doc->changed_on_disk());
    doc->set_text("title", Lang::En, "Mine");
    const std::string theirs = slurp(file) + "\n";
    spit(file, theirs);
    CHECK(doc->changed_on_disk());
    CHECK(doc->save().status == SaveStatus::ChangedOnDisk);
    CHECK(slurp(file) == theirs);
    SECTION("overwriting is a choice") {
        CHECK(doc->save(true).status == SaveStatus::Saved);
        CHECK_FALSE(doc->changed_on_disk());
        CHECK(doc->scenario().title.en == "Mine");
    }
    SECTION("or the file is read again, as one undo step") {
        std::string error;
        REQUIRE(doc->reload(error));
        CHECK(doc->scenario().title.en != "Mine");
        CHECK_FALSE(doc->modified());
        CHECK_FALSE(doc->changed_on_disk());
        doc->undo();
        CHECK(doc->scenario().title.en == "Mine");
    }
    SECTION("a deleted file counts as changed") {
        fs::remove(file);
        CHECK(doc->changed_on_disk());
        CHECK(doc->save().status == SaveStatus::ChangedOnDisk);
    }
}

TEST_CASE("after a crash the unsaved work is offered from the recovery copy", "[editor][files][recovery]") {
    Scratch s("recovery");
    const fs::path file = s.copy_shipped();
    std::string crashed_text;
    std::vector<Vec2> crashed_positions;
    {
        auto doc = s.open(file);
        CHECK(doc->autosave().empty());   // nothing to keep yet
        CHECK_FALSE(fs::exists(doc->recovery_file()));
        doc->add_node(NodeKind::Ending, Stage::Ending, {500, 600});
        doc->set_text("title", Lang::Zh, "未保存的标题");
        REQUIRE(doc->autosave().empty());
        CHECK(fs::exists(doc->recovery_file()));
        CHECK(doc->recovery_file().string().rfind(s.state().string(), 0) == 0);
        crashed_text = doc->canonical();
        crashed_positions = doc->positions();
        // The process dies here: no save, no clean close.
    }
    auto doc = s.open(file);
    CHECK(doc->scenario().title.zh != "未保存的标题");
    const auto offer = doc->find_recovery();
    REQUIRE(offer);
    CHECK_FALSE(offer->written_at.empty());
    doc->recover(*offer);
    CHECK(doc->canonical() == crashed_text);
    CHECK(doc->positions() == crashed_positions);
    CHECK(doc->modified());
    doc->undo();   // recovering is an edit like any other
    CHECK(doc->canonical() == slurp(file));
    doc->redo();
    REQUIRE(doc->save().status == SaveStatus::Saved);
    CHECK_FALSE(fs::exists(doc->recovery_file()));   // saved: nothing left to recover
    CHECK_FALSE(s.open(file)->find_recovery());

    SECTION("a declined offer is removed") {
        doc->set_text("title", Lang::En, "again");
        REQUIRE(doc->autosave().empty());
        auto other = s.open(file);
        REQUIRE(other->find_recovery());
        other->discard_recovery();
        CHECK_FALSE(other->find_recovery());
    }
}

TEST_CASE("a file with errors opens with what could be read and its problems", "[editor][files]") {
    Scratch s("broken");
    const fs::path file = s.copy_shipped();
    std::string text = slurp(file);
    const auto at = text.find("\"next\": \"probe_project\"");
    REQUIRE(at != std::string::npos);
    text.replace(at, 24, "\"next\": \"nowhere_node\"");
    spit(file, text);
    auto doc = s.open(file);
    CHECK(doc->opened_incomplete());
    CHECK(doc->open_diagnostics().errors() >= 1);
    CHECK(doc->scenario().nodes.size() == 29);
    Validation v = validate_model(*doc->snapshot(), *doc->shared());
    CHECK_FALSE(v.complete);
    REQUIRE(v.errors >= 1);
    const auto bad = std::find_if(v.problems.begin(), v.problems.end(),
                                  [](const Problem& p) { return p.diagnostic.severity == Severity::Error; });
    REQUIRE(bad->where);
    CHECK(doc->scenario().nodes[bad->where->node].id == "open");
    // Fixing it in the editor makes it whole.
    doc->connect(0, *bad->where->option, "probe_project");
    CHECK(validate_model(*doc->snapshot(), *doc->shared()).complete);

    std::string error;
    CHECK_FALSE(Document::open(s.dir / "missing.json", shared_content(), s.state(), error));
    CHECK_FALSE(error.empty());
}

TEST_CASE("the validator judges every edit as the saved file would be judged", "[editor][problems]") {
    Scratch s("problems");
    auto doc = s.open(s.copy_shipped());
    CHECK(validate_model(*doc->snapshot(), *doc->shared()).complete);
    REQUIRE(doc->rename_node(index_of(*doc, "polite_exit"), "exit_politely"));
    CHECK(validate_model(*doc->snapshot(), *doc->shared()).errors == 0);
    const std::size_t n = doc->add_node(NodeKind::Dialogue, Stage::Probing, {0, 0});
    const Validation v = validate_model(*doc->snapshot(), *doc->shared());
    CHECK_FALSE(v.complete);
    CHECK(std::any_of(v.problems.begin(), v.problems.end(),
                      [&](const Problem& p) { return p.where && p.where->node == n; }));
}

TEST_CASE("a new document starts from a valid template", "[editor][files]") {
    Scratch s("template");
    Document doc(shared_content(), s.state());
    CHECK(doc.modified());
    CHECK(validate_model(*doc.snapshot(), *doc.shared()).complete);
    CHECK(doc.save().status == SaveStatus::NoFile);
    REQUIRE(doc.save_as(s.dir / "library" / "new.json").status == SaveStatus::Saved);
    CHECK_FALSE(doc.modified());
    CHECK(run(std::string(PARLEY_CLI) + " format --check " + (s.dir / "library" / "new.json").string()) == 0);
}
