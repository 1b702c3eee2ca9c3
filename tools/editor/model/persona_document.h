// A persona a trainer is editing: the shared client type of one file under personas/, with its
// own undo history and the same file safety as a scenario (canonical text through the engine's
// writer, atomic save, never overwriting a file changed on disk). Personas are shared by every
// scenario, so the window hands the edited persona to the open scenario's analysis at once
// (with_persona) and writes the file only on save.
//
//   std::string error;
//   auto p = PersonaDocument::open(root / "personas" / "haggler.json", model, error);
//   p->edit("Trust offset", "", [](Persona& x) { x.trust_offset = -10; });
//   p->save();
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "document.h"
#include "parley/model.h"

namespace parley::editor {

class PersonaDocument {
public:
    // Nothing (and `error` says why) when the file cannot be read or is not a valid persona:
    // a persona has no partial model, and the loader's messages say what to fix.
    static std::unique_ptr<PersonaDocument> open(const std::filesystem::path& file, const CompetencyModel& model,
                                                 std::string& error);

    const Persona& persona() const { return persona_; }
    const std::filesystem::path& file() const { return file_; }
    std::uint64_t revision() const { return revision_; }
    bool modified() const { return state_id() != saved_state_; }

    // One undo step (consecutive edits with the same non-empty merge key are one: typing, a drag).
    void edit(const std::string& label, const std::string& merge_key, const std::function<void(Persona&)>& change);
    void end_merge() { merge_open_ = false; }
    bool can_undo() const { return !done_.empty(); }
    bool can_redo() const { return !undone_.empty(); }
    bool undo();
    bool redo();
    const std::string& undo_label() const;

    // The bytes a save writes (as `parley-cli format`).
    std::string canonical() const;
    SaveResult save(bool overwrite_external = false);
    bool changed_on_disk() const;
    void inject_save_fault(int fault) { save_fault_ = fault; }

private:
    PersonaDocument() = default;
    std::uint64_t state_id() const { return done_.empty() ? 0 : done_.back().serial; }
    struct Step {
        std::string label, merge_key;
        Persona before, after;
        std::uint64_t serial = 0;
    };
    std::filesystem::path file_;
    Persona persona_;
    std::vector<Step> done_, undone_;
    bool merge_open_ = false;
    std::uint64_t next_serial_ = 1, saved_state_ = 0, revision_ = 0, disk_hash_ = 0;
    int save_fault_ = 0;
};

// `shared` with one persona replaced by `persona` (or added), for sessions and the analysis.
std::shared_ptr<const ContentSet> with_persona(const ContentSet& shared, const Persona& persona);

}  // namespace parley::editor
