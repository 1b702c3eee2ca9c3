#include "persona_rename.h"

#include <algorithm>
#include <system_error>

#include "atomic_file.h"
#include "document.h"
#include "parley/loader.h"
#include "parley/writer.h"

namespace fs = std::filesystem;

namespace parley::editor {

namespace {

bool same_file(const fs::path& a, const fs::path& b) {
    if (a.empty() || b.empty()) return false;
    std::error_code ec;
    const bool eq = fs::equivalent(a, b, ec);
    return !ec && eq;
}

// Scenario files below `root`: every .json outside personas/ other than competencies.json
// (a scenario's own "kind" decides in the end: the Document that opens it).
std::vector<fs::path> candidate_files(const fs::path& root) {
    std::vector<fs::path> out;
    std::error_code ec;
    const fs::path personas = root / "personas";
    for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_directory() && same_file(it->path(), personas)) {
            it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file() || it->path().extension() != ".json") continue;
        if (it->path().filename() == "competencies.json" && same_file(it->path().parent_path(), root)) continue;
        out.push_back(it->path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

PersonaRenamePlan plan_persona_rename(const fs::path& root, const ContentSet& shared, const std::string& old_id,
                                      const std::string& new_id, const fs::path& open_file) {
    PersonaRenamePlan plan;
    plan.old_id = old_id;
    plan.new_id = new_id;
    const Persona* persona = shared.persona(old_id);
    if (!persona) {
        plan.refusals.push_back("there is no persona \"" + old_id + "\"");
        return plan;
    }
    if (new_id == old_id) plan.refusals.push_back("the new id is the persona's id already");
    else if (!valid_id(new_id))
        plan.refusals.push_back("\"" + new_id + "\" is not an id: lower-case letters and digits, then also _ or -");
    else if (shared.persona(new_id))
        plan.refusals.push_back("a persona \"" + new_id + "\" exists already");
    if (persona->file.empty()) {
        plan.refusals.push_back("the persona \"" + old_id + "\" has no file to rename");
        return plan;
    }
    plan.old_file = persona->file;
    plan.new_file = fs::path(persona->file).parent_path() / (new_id + ".json");
    std::error_code ec;
    if (plan.refusals.empty() && fs::exists(plan.new_file, ec))
        plan.refusals.push_back(plan.new_file.string() + " exists already");

    // Every scenario below the root that names the persona (the open one apart).
    const std::string quoted = "\"" + old_id + "\"";
    const auto content = std::make_shared<const ContentSet>(shared);   // one copy for every file opened
    for (const fs::path& file : candidate_files(root)) {
        const auto bytes = read_file(file);
        if (!bytes || bytes->find(quoted) == std::string::npos) continue;   // cannot name it
        if (same_file(file, open_file)) continue;
        std::string error;
        auto doc = Document::open(file, content, fs::temp_directory_path(), error);
        if (!doc) {
            plan.refusals.push_back(file.string() + ": " + error);
            continue;
        }
        if (doc->persona_uses(old_id).empty()) continue;
        if (doc->opened_incomplete())
            plan.refusals.push_back(file.string() + " has errors: fix it first, or it would lose what could not be read");
        else
            plan.scenarios.push_back(file);
    }
    return plan;
}

std::string apply_persona_rename(const PersonaRenamePlan& plan, const std::shared_ptr<const ContentSet>& shared,
                                 const Persona& persona, const fs::path& state_dir) {
    if (!plan.ok()) return plan.refusals.front();
    Persona renamed = persona;
    renamed.id = plan.new_id;
    renamed.file = plan.new_file.string();
    if (std::string e = write_file_atomically(plan.new_file, canonical_text(renamed)); !e.empty())
        return "nothing was renamed: " + e;
    std::vector<std::string> done{plan.new_file.string()};
    auto written_so_far = [&] {
        std::string out;
        for (const auto& f : done) out += (out.empty() ? "" : ", ") + f;
        return out;
    };
    for (const fs::path& file : plan.scenarios) {
        std::string error;
        auto doc = Document::open(file, shared, state_dir, error);
        if (!doc || !doc->rename_persona(plan.old_id, plan.new_id)) {
            return file.string() + ": " + (error.empty() ? "the persona could not be renamed in it" : error) +
                   " (written already: " + written_so_far() + "; " + plan.old_file.string() + " is kept)";
        }
        const SaveResult r = doc->save();
        doc->discard_recovery();
        if (r.status != SaveStatus::Saved)
            return file.string() + ": " + (r.error.empty() ? "changed on disk meanwhile" : r.error) +
                   " (written already: " + written_so_far() + "; " + plan.old_file.string() + " is kept)";
        done.push_back(file.string());
    }
    std::error_code ec;
    if (!same_file(plan.old_file, plan.new_file)) fs::remove(plan.old_file, ec);
    if (ec) return "renamed, but " + plan.old_file.string() + " could not be removed: " + ec.message();
    return "";
}

std::shared_ptr<const ContentSet> with_renamed_persona(const ContentSet& shared, const std::string& old_id,
                                                       const Persona& renamed) {
    auto set = std::make_shared<ContentSet>(shared);
    set->personas.erase(old_id);
    Persona& p = set->personas[renamed.id];
    p = renamed;
    p.content_hash = content_hash_of(p);
    return set;
}

}  // namespace parley::editor
