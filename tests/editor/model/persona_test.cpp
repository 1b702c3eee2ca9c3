// Editing a persona: every field through one command with undo, saved canonically and
// atomically through the engine's writer, never over a file changed on disk.
#include <catch2/catch.hpp>

#include "atomic_file.h"
#include "editor_fixture.h"
#include "parley/loader.h"
#include "parley/writer.h"
#include "persona_document.h"
#include "problems.h"

using namespace parley;
using namespace parley::editor;
using namespace parley::editor::test;

namespace {

std::unique_ptr<PersonaDocument> open_persona(const fs::path& file) {
    std::string error;
    auto p = PersonaDocument::open(file, shared_content()->model, error);
    if (!p) throw std::runtime_error(error);
    return p;
}

}  // namespace

TEST_CASE("a persona's fields are edited with undo and redo, and saved as parley-cli format writes them",
          "[editor][persona]") {
    Scratch s("persona");
    const fs::path file = s.dir / "personas" / "haggler.json";
    const std::string original = slurp(file);
    auto p = open_persona(file);
    CHECK(p->canonical() == original);   // shipped files are canonical
    CHECK_FALSE(p->modified());

    p->edit("Name", "name", [](Persona& x) { x.name.en = "The bargain"; });
    p->edit("Name", "name", [](Persona& x) { x.name.en = "The bargain hunter"; });   // typing: one step
    p->end_merge();
    p->edit("Trust offset", "", [](Persona& x) { x.trust_offset = -12; });
    p->edit("Beta", "", [](Persona& x) { x.concession.beta_percent = 35; });
    p->edit("Reaction", "", [](Persona& x) { x.reactions[Tag::Silence] = ReactionModifier{70, -1, 0, 0, Emotion::Defensiveness}; });
    p->edit("Method", "", [](Persona& x) { x.method_effectiveness[ObjectionMethod::YesIf] = 130; });
    p->edit("Cue", "", [](Persona& x) { x.cues[Emotion::Calm].push_back({"靠在椅背上", "Leans back in the chair"}); });
    p->edit("Nothing", "", [](Persona& x) { x.trust_offset = -12; });   // no change: no step
    CHECK(p->modified());
    const std::string edited = p->canonical();

    int steps = 0;
    while (p->can_undo()) p->undo(), ++steps;
    CHECK(steps == 6);
    CHECK(p->canonical() == original);
    CHECK_FALSE(p->modified());
    while (p->can_redo()) p->redo();
    CHECK(p->canonical() == edited);
    CHECK(p->persona().name.en == "The bargain hunter");

    REQUIRE(p->save().status == SaveStatus::Saved);
    CHECK_FALSE(p->modified());
    CHECK(slurp(file) == edited);
    // It loads back equal, and `parley-cli format --check` finds it canonical.
    Diagnostics diags;
    const auto back = parse_persona(slurp(file), file.string(), shared_content()->model, diags);
    REQUIRE(back);
    CHECK(diags.items.empty());
    CHECK(canonical_text(*back) == edited);
    CHECK(back->trust_offset == -12);
    CHECK(back->reactions.at(Tag::Silence).scale == 70);
    CHECK(std::system((std::string(PARLEY_CLI) + " format --check " + file.string() + " >/dev/null 2>&1").c_str()) == 0);
}

TEST_CASE("a persona save that fails leaves the old file intact; a file changed on disk is not overwritten",
          "[editor][persona][files]") {
    Scratch s("persona-files");
    const fs::path file = s.dir / "personas" / "haggler.json";
    const std::string original = slurp(file);
    auto p = open_persona(file);
    p->edit("Patience", "", [](Persona& x) { x.patience_offset = 3; });
    for (WriteFault fault : {WriteFault::Write, WriteFault::Sync, WriteFault::Rename}) {
        p->inject_save_fault(static_cast<int>(fault));
        CHECK(p->save().status == SaveStatus::Failed);
        CHECK(slurp(file) == original);
        CHECK(p->modified());
    }
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(s.dir / "personas"))
        files += e.path().filename().string().find(".save-") != std::string::npos;
    CHECK(files == 0);   // no temporary file left

    spit(file, original + "\n");
    CHECK(p->changed_on_disk());
    CHECK(p->save().status == SaveStatus::ChangedOnDisk);
    CHECK(slurp(file) == original + "\n");
    CHECK(p->save(true).status == SaveStatus::Saved);
    CHECK(p->persona().patience_offset == 3);
}

TEST_CASE("an edited persona reaches the open scenario's validation and playtests before it is saved",
          "[editor][persona]") {
    Scratch s("persona-shared");
    auto doc = s.open(s.copy_shipped());
    auto p = open_persona(s.dir / "personas" / "haggler.json");
    p->edit("Trust offset", "", [](Persona& x) { x.trust_offset = 20; });
    const std::uint64_t revision = doc->revision();
    doc->set_shared(with_persona(*doc->shared(), p->persona()));
    CHECK(doc->revision() != revision);   // the window validates and analyses again
    CHECK(doc->shared()->persona("haggler")->trust_offset == 20);
    CHECK(doc->shared()->persona("haggler")->content_hash == content_hash_of(p->persona()));
    CHECK(shared_content()->persona("haggler")->trust_offset != 20);   // the old set is untouched
    CHECK(validate_model(*doc->snapshot(), *doc->shared()).errors == 0);
    CHECK_FALSE(doc->modified());   // the scenario itself did not change
}
