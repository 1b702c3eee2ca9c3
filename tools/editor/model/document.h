// The scenario a trainer is editing: the model itself (the graph on screen is drawn from it,
// never from a copy), its node positions on the canvas, the undo history, and the file it came
// from. No graphics: the editor's window and the tests drive the same Document.
//
// Contents
//   1. Changes and edits (the undo history's unit)
//   2. Document: open, new, the model, history
//   3. Edit commands: nodes, options, connections, texts, fields, moves, renames
//   4. Files: save (atomic, canonical), external changes, autosave and recovery
//
// Every edit is a list of Changes, each replacing one part of the model — a node, or the
// scenario outside its nodes — and keeping what it replaced, so undo and redo are the same
// operation run backwards or forwards, whatever the command was.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "parley/diagnostics.h"
#include "parley/model.h"

namespace parley::editor {

// ============================================================================
// 1. Changes and edits
// ============================================================================

// The ids a scenario declares in its state, which conditions and effects refer to.
enum class Declared { Flag, Need, Objection, Variable };

struct Vec2 {
    float x = 0.f, y = 0.f;
    bool operator==(const Vec2& o) const { return x == o.x && y == o.y; }
};

struct Change {
    enum class Kind { ReplaceNode, InsertNode, EraseNode, ReplaceHeader };
    Kind kind = Kind::ReplaceNode;
    std::size_t index = 0;            // node position (not for ReplaceHeader)
    Node before, after;               // ReplaceNode: both; InsertNode: after; EraseNode: before
    Vec2 pos_before, pos_after;
    std::shared_ptr<const Scenario> header_before, header_after;   // the scenario without nodes
};

struct Edit {
    std::string label;       // what the Undo menu says: "Move node", "Rename opening → visit"
    std::string merge_key;   // consecutive edits with the same key are one undo step (typing)
    std::vector<Change> changes;
    std::uint64_t serial = 0;   // identifies the state after this edit (the saved marker)
    bool layout_only = false;   // only canvas positions change: the scenario's revision stays
};

// ============================================================================
// 2. Document
// ============================================================================

enum class SaveStatus { Saved, ChangedOnDisk, NoFile, Failed };
struct SaveResult {
    SaveStatus status = SaveStatus::Saved;
    std::string error;   // Failed: what went wrong (the old file is intact)
};

// A copy of unsaved work kept in the state folder, found again after a crash.
// An autosave taken from the document on the window's thread (cheap: a shared snapshot and the
// positions) and written anywhere (write_autosave is the slow part: canonical text and the
// atomic write), so the window hands it to a low-priority thread.
struct AutosaveJob {
    std::filesystem::path recovery_file, file;
    std::shared_ptr<const Scenario> scenario;
    std::vector<Vec2> positions;
    std::uint64_t state = 0;   // the document state it copies (autosave_done marks it kept)
};
// Writes the recovery copy of `job`. "" or an error.
std::string write_autosave(const AutosaveJob& job);

struct Recovery {
    std::filesystem::path recovery_file;
    std::string text;                 // the scenario as it was (canonical)
    std::vector<Vec2> positions;
    std::string written_at;           // local time, for the offer ("work from 14:02")
};

// Where the editor keeps its state: $XDG_STATE_HOME/parley/editor, else ~/.local/state/parley/editor.
std::filesystem::path default_state_dir();

// The competency model and personas of a content root, read on their own so that a broken
// scenario file does not stop the editor from opening it (load_content refuses the whole set).
std::shared_ptr<const ContentSet> load_shared_content(const std::filesystem::path& root, Diagnostics& diags);

// A small valid scenario to start from: an opening that leads to an ending.
Scenario template_scenario(const ContentSet& shared);

class Document {
public:
    // A new, untitled document from the template.
    Document(std::shared_ptr<const ContentSet> shared, std::filesystem::path state_dir);
    // Opens `file`. A file with errors opens too, with what could be read and its problems in
    // open_diagnostics(); nothing when the file cannot be read at all (`error` says why).
    static std::unique_ptr<Document> open(const std::filesystem::path& file, std::shared_ptr<const ContentSet> shared,
                                          std::filesystem::path state_dir, std::string& error);

    const Scenario& scenario() const { return model_; }
    // The current model as a shared, immutable scenario for sessions and the analysis
    // (made once per revision).
    std::shared_ptr<const Scenario> snapshot() const;
    const std::shared_ptr<const ContentSet>& shared() const { return shared_; }
    const std::vector<Vec2>& positions() const { return positions_; }
    const std::filesystem::path& file() const { return file_; }
    const Diagnostics& open_diagnostics() const { return open_diags_; }
    // The file did not load completely: saving writes what could be read and drops the rest.
    bool opened_incomplete() const { return incomplete_; }
    // Changes with every edit, undo and redo.
    std::uint64_t revision() const { return revision_; }
    // Which version of each node (parallel to scenario().nodes) and of the scenario outside its
    // nodes the model holds: a number changes whenever that part is replaced, and is never
    // reused, so the validator keeps each node's canonical text until its version changes
    // (CanonicalCache in problems.h).
    const std::vector<std::uint64_t>& node_versions() const { return node_versions_; }
    std::uint64_t header_version() const { return header_version_; }
    bool modified() const { return state_id() != saved_state_; }

    // -- history --
    void apply(Edit edit);
    bool can_undo() const { return !done_.empty(); }
    bool can_redo() const { return !undone_.empty(); }
    bool undo();
    bool redo();
    const std::string& undo_label() const;
    const std::string& redo_label() const;
    // Ends the current merge run: the next edit is a new undo step even with the same key
    // (the window calls it when a drag ends or a text field loses focus).
    void end_merge() { merge_open_ = false; }
    std::size_t undo_depth() const { return done_.size(); }

    // ==========================================================================
    // 3. Edit commands (each one undo step; ids are made unique where the command picks them)
    // ==========================================================================
    std::size_t add_node(NodeKind kind, Stage stage, Vec2 at);
    std::optional<std::size_t> duplicate_node(std::size_t node);
    void delete_node(std::size_t node);
    // Everything that leads to a node: "start", "nodes/x/options/y/next", … (the window asks
    // before deleting a node something links to).
    std::vector<std::string> references_to(const std::string& node_id) const;
    std::size_t add_option(std::size_t node);
    void delete_option(std::size_t node, std::size_t option);
    void connect(std::size_t node, std::size_t option, const std::string& target_id);
    // A text by its path (text_paths.h), in one language.
    bool set_text(const std::string& path, Lang lang, const std::string& value);
    // Any other field of a node or option, or of the scenario outside its nodes.
    void edit_node(std::size_t node, const std::string& label, const std::string& merge_key,
                   const std::function<void(Node&)>& change);
    void edit_scenario(const std::string& label, const std::string& merge_key,
                       const std::function<void(Scenario&)>& change);
    // Moves are merged while `merge_key` stays the same (one drag = one undo step).
    void move_node(std::size_t node, Vec2 to, const std::string& merge_key = "");
    void move_nodes(const std::vector<Vec2>& positions, const std::string& label);
    // Renames a node and every reference to it. False (and nothing changes) when the new id is
    // empty or already taken.
    bool rename_node(std::size_t node, const std::string& new_id);
    // Renames a declared flag, need, objection or variable and every reference to it (options'
    // conditions, branches, close timing, effects, objection answers), one undo step. False (and
    // nothing changes) when `old_id` is not declared or `new_id` is empty or already declared.
    bool rename_declared(Declared kind, const std::string& old_id, const std::string& new_id);
    // Renames a persona in this scenario — its playable list, the nodes' lines per persona and
    // the "persona is one of" conditions (options, branches, close timing) — one undo step. The
    // persona's own file is the persona editor's (the window renames both). False (and nothing
    // changes) when `old_id` is not one of the scenario's personas or `new_id` is empty or is.
    bool rename_persona(const std::string& old_id, const std::string& new_id);
    // Where the scenario names a persona ("personas", "nodes/x/line_by_persona", …).
    std::vector<std::string> persona_uses(const std::string& id) const;
    // Renames an issue of a negotiation block and its place in the block's lists (should
    // concede, must hold), one undo step. False (and nothing changes) when the node has no such
    // issue or `new_id` is empty or already an issue of the block.
    bool rename_issue(std::size_t node, const std::string& old_id, const std::string& new_id);
    // Where a declared id is used ("nodes/x/options/y/if", …), for the rename field's hint.
    std::vector<std::string> uses_of(Declared kind, const std::string& id) const;
    // The shared content changed (a persona was edited): the model is judged against it now.
    void set_shared(std::shared_ptr<const ContentSet> shared) {
        shared_ = std::move(shared);
        touch();
    }
    // Replaces the whole model (recovery, import of a reworked file): one undo step.
    void replace_all(const Scenario& scenario, const std::vector<Vec2>& positions, const std::string& label);

    // A node id not used yet, from `base` ("node" → "node_2", …).
    std::string fresh_node_id(const std::string& base) const;

    // ==========================================================================
    // 4. Files
    // ==========================================================================
    // The bytes a save writes: the engine's canonical form (as `parley-cli format`).
    std::string canonical() const;
    // Saves to file(). Refuses (ChangedOnDisk) when the file changed since it was opened or
    // last saved, unless `overwrite_external` is set.
    SaveResult save(bool overwrite_external = false);
    SaveResult save_as(const std::filesystem::path& file);
    // The file on disk is no longer what this document was opened from or last saved as.
    bool changed_on_disk() const;
    // Reads the file again (after an external change), replacing the model as one undo step.
    bool reload(std::string& error);

    // Writes the recovery copy when there are unsaved changes not yet autosaved. "" or an error.
    // autosave() = autosave_job() → write_autosave() → autosave_done(), all on this thread.
    std::string autosave();
    // Nothing when there is nothing new to keep.
    std::optional<AutosaveJob> autosave_job() const;
    void autosave_done(std::uint64_t state) { autosaved_state_ = state; }
    std::filesystem::path recovery_file() const;
    // A recovery copy of this file that differs from what is open (offered after a crash).
    std::optional<Recovery> find_recovery() const;
    void recover(const Recovery& r);
    // Removes the recovery copy (after a save, or when the trainer closes without saving).
    void discard_recovery();

    // Canvas positions live beside the recovery copies (the scenario format has none).
    std::filesystem::path layout_file() const;

    // For the atomic-save tests: make the next save fail at a step.
    void inject_save_fault(int fault) { save_fault_ = fault; }

private:
    Document() = default;
    std::uint64_t state_id() const { return done_.empty() ? 0 : done_.back().serial; }
    void run(const Change& c, bool forward);
    void reindex();
    void touch();
    void renew_versions();   // every part is new (the whole model was replaced)
    Change header_change(const std::function<void(Scenario&)>& change) const;
    void load_text(const std::string& text, const std::string& name);
    void remember_disk(const std::string& bytes);
    void save_layout() const;
    bool load_layout();

    std::shared_ptr<const ContentSet> shared_;
    std::filesystem::path state_dir_, file_;
    Scenario model_;
    std::vector<Vec2> positions_;
    Diagnostics open_diags_;
    bool incomplete_ = false;
    std::vector<Edit> done_, undone_;
    bool merge_open_ = false;
    std::uint64_t next_serial_ = 1, saved_state_ = 0, autosaved_state_ = 0, revision_ = 0;
    mutable std::uint64_t snapshot_revision_ = ~0ull;
    std::vector<std::uint64_t> node_versions_;
    std::uint64_t header_version_ = 0, next_version_ = 1;
    mutable std::shared_ptr<const Scenario> snapshot_;
    std::optional<std::uint64_t> disk_hash_;   // of the bytes opened or last saved; none = no file
    int save_fault_ = 0;
};

// Lays the graph out as one block of columns per stage (so stage frames never overlap), blocks
// and nodes ordered by distance from the start. Positions are nodes' top-left corners, in
// canvas units.
std::vector<Vec2> auto_layout(const Scenario& scenario);

}  // namespace parley::editor
