// PersonaDocument (persona_document.h).
#include "persona_document.h"

#include "atomic_file.h"
#include "parley/loader.h"
#include "parley/writer.h"

namespace parley::editor {

namespace fs = std::filesystem;

std::unique_ptr<PersonaDocument> PersonaDocument::open(const fs::path& file, const CompetencyModel& model,
                                                       std::string& error) {
    const auto bytes = read_file(file);
    if (!bytes) {
        error = "cannot read " + file.string();
        return nullptr;
    }
    Diagnostics diags;
    auto persona = parse_persona(*bytes, file.string(), model, diags);
    if (!persona) {
        error = diags.items.empty() ? file.string() + " is not a valid persona" : format(diags.items.front());
        return nullptr;
    }
    std::unique_ptr<PersonaDocument> d(new PersonaDocument());
    std::error_code ec;
    d->file_ = fs::absolute(file, ec);
    if (ec) d->file_ = file;
    d->persona_ = std::move(*persona);
    d->disk_hash_ = bytes_hash(*bytes);
    return d;
}

void PersonaDocument::edit(const std::string& label, const std::string& merge_key,
                           const std::function<void(Persona&)>& change) {
    Persona after = persona_;
    change(after);
    if (canonical_text(after) == canonical_text(persona_)) return;   // nothing the file would show
    undone_.clear();
    if (merge_open_ && !merge_key.empty() && !done_.empty() && done_.back().merge_key == merge_key) {
        done_.back().after = after;
        done_.back().serial = next_serial_++;
    } else {
        done_.push_back({label, merge_key, persona_, after, next_serial_++});
    }
    persona_ = std::move(after);
    merge_open_ = !merge_key.empty();
    ++revision_;
}

bool PersonaDocument::undo() {
    if (done_.empty()) return false;
    persona_ = done_.back().before;
    undone_.push_back(std::move(done_.back()));
    done_.pop_back();
    merge_open_ = false;
    ++revision_;
    return true;
}

bool PersonaDocument::redo() {
    if (undone_.empty()) return false;
    persona_ = undone_.back().after;
    done_.push_back(std::move(undone_.back()));
    undone_.pop_back();
    merge_open_ = false;
    ++revision_;
    return true;
}

const std::string& PersonaDocument::undo_label() const {
    static const std::string none;
    return done_.empty() ? none : done_.back().label;
}

std::string PersonaDocument::canonical() const { return canonical_text(persona_); }

bool PersonaDocument::changed_on_disk() const {
    const auto bytes = read_file(file_);
    return !bytes || bytes_hash(*bytes) != disk_hash_;
}

SaveResult PersonaDocument::save(bool overwrite_external) {
    if (!overwrite_external && changed_on_disk())
        return {SaveStatus::ChangedOnDisk, file_.string() + " changed on disk since it was opened"};
    std::string text;
    try {
        text = canonical();
    } catch (const std::exception& e) {
        return {SaveStatus::Failed, e.what()};
    }
    const int fault = save_fault_;
    save_fault_ = 0;
    const std::string error = write_file_atomically(file_, text, static_cast<WriteFault>(fault));
    if (!error.empty()) return {SaveStatus::Failed, file_.string() + ": " + error};
    disk_hash_ = bytes_hash(text);
    saved_state_ = state_id();
    return {};
}

std::shared_ptr<const ContentSet> with_persona(const ContentSet& shared, const Persona& persona) {
    auto set = std::make_shared<ContentSet>(shared);
    Persona& p = set->personas[persona.id];
    p = persona;
    p.content_hash = content_hash_of(persona);   // transcripts name the persona they were played with
    return set;
}

}  // namespace parley::editor
