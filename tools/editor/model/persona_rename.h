// Renaming a shared persona: its id lives in its file's name (personas/<id>.json) and in every
// scenario that plays it, so a rename is a change to several files, planned first (what would
// change, and whatever stops it) and then written. Scenarios other than the one open in the
// editor are rewritten on disk, canonically and atomically; the open one is the window's to
// rename (Document::rename_persona, an undo step), since it may hold unsaved work.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "parley/model.h"

namespace parley::editor {

struct PersonaRenamePlan {
    std::string old_id, new_id;
    std::filesystem::path old_file, new_file;            // personas/<old>.json → personas/<new>.json
    std::vector<std::filesystem::path> scenarios;        // other scenario files that name the persona
    bool open_scenario_names_it = false;                 // the file open in the editor does
    std::vector<std::string> refusals;                   // why it cannot be done; empty: it can
    bool ok() const { return refusals.empty(); }
};

// Looks at the content root `root` (its personas/ folder and every scenario file below it) for
// renaming `old_id` to `new_id`. Refused when the new id is not a valid id or is taken, when the
// persona has no file, or when a scenario that names it cannot be read completely (it could not
// be rewritten without losing what it holds).
PersonaRenamePlan plan_persona_rename(const std::filesystem::path& root, const ContentSet& shared,
                                      const std::string& old_id, const std::string& new_id,
                                      const std::filesystem::path& open_file);

// Writes the plan: the persona (as `persona`, its current state, edits included) under its new
// id and file, each other scenario with the persona renamed, then removes the old file.
// "" on success, else what failed and what had been written by then.
std::string apply_persona_rename(const PersonaRenamePlan& plan, const std::shared_ptr<const ContentSet>& shared,
                                 const Persona& persona, const std::filesystem::path& state_dir);

// `shared` with the persona `old_id` replaced by `renamed` (its new id and file).
std::shared_ptr<const ContentSet> with_renamed_persona(const ContentSet& shared, const std::string& old_id,
                                                       const Persona& renamed);

}  // namespace parley::editor
