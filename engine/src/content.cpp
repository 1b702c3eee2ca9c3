// Content roots on disk: finding them, loading them whole, loading one scenario with its
// root, and validating any mix of files and folders.
//
// Contents
//   1. Files            (reading, telling a document's kind)
//   2. Roots            (competencies.json and personas/, loaded once per root)
//   3. load_content, load_scenario_file
//   4. validate_paths, canonical_files
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

#include "analysis_validate.h"
#include "json_reader.h"
#include "json_source.h"
#include "parley/loader.h"
#include "parley/writer.h"

namespace parley {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxFileBytes = 64u << 20;  // content files are small; refuse giants

void file_error(Diagnostics& diags, const std::string& file, std::string message) {
    diags.add(Diagnostic{Severity::Error, file, 0, 0, "", std::move(message)});
}

std::string display(const fs::path& p) { return p.lexically_normal().generic_string(); }

// ============================================================================
// 1. Files
// ============================================================================

std::optional<std::string> read_text(const fs::path& p, Diagnostics& diags) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
        file_error(diags, display(p), "is a folder, not a file");
        return std::nullopt;
    }
    std::uintmax_t size = fs::file_size(p, ec);
    if (!ec && size > kMaxFileBytes) {
        file_error(diags, display(p),
                   "file too large (" + std::to_string(size) + " bytes; content files are at most 64 MiB)");
        return std::nullopt;
    }
    errno = 0;
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        file_error(diags, display(p), std::string("cannot read file: ") + (errno ? std::strerror(errno) : "unknown error"));
        return std::nullopt;
    }
    std::string text;
    if (!ec) text.reserve(static_cast<std::size_t>(size));
    char buf[65536];
    while (in.read(buf, sizeof buf) || in.gcount() > 0) {
        text.append(buf, static_cast<std::size_t>(in.gcount()));
        if (text.size() > kMaxFileBytes) {
            file_error(diags, display(p), "file too large (content files are at most 64 MiB)");
            return std::nullopt;
        }
    }
    if (in.bad()) {
        file_error(diags, display(p), "cannot read file: read error");
        return std::nullopt;
    }
    return text;
}

enum class Kind { CompetencyModel, Persona, Scenario, Skip, Invalid };

// What a file is, from its "kind". A folder walk skips JSON that is not a Parley document
// (no "kind", e.g. the JSON Schema) and transcripts; a file named explicitly must be one
// of the three content kinds. An unknown kind is an error either way: a typo in "kind"
// must not hide a scenario.
Kind classify(const std::string& text, const std::string& file, bool named_explicitly, Diagnostics& diags) {
    std::optional<std::string> kind = peek_string_field(text, "kind");
    if (kind) {
        if (*kind == "competency_model") return Kind::CompetencyModel;
        if (*kind == "persona") return Kind::Persona;
        if (*kind == "scenario") return Kind::Scenario;
    }
    Reporter rep(text, file, diags);
    std::optional<json> doc = parse_json(rep);  // reports syntax errors first
    if (!doc) return Kind::Invalid;
    auto it = doc->find("kind");
    if (it == doc->end()) {
        if (!named_explicitly) return Kind::Skip;
        rep.report(Severity::Error, {}, "not a Parley document: no \"kind\" field (expected one of " +
                                            join_ids(content_kinds()) + ")");
        return Kind::Invalid;
    }
    Path at{key_seg("kind")};
    if (!it->is_string()) {
        rep.report(Severity::Error, at, "expected the document kind as a string, found " + describe(*it));
        return Kind::Invalid;
    }
    if (*it == "transcript") {
        if (!named_explicitly) return Kind::Skip;
        rep.report(Severity::Error, at, "this is a transcript, not content; check it with `parley-cli replay`");
        return Kind::Invalid;
    }
    const std::string& k = it->get_ref<const std::string&>();
    rep.report(Severity::Error, at,
               "unknown document kind \"" + printable(k, 60) + "\"" + suggestion(k, content_kinds()) +
                   "; expected one of " + join_ids(content_kinds()));
    return Kind::Invalid;
}

// ============================================================================
// 2. Roots
// ============================================================================

struct Root {
    fs::path dir;
    std::optional<CompetencyModel> model;
    std::map<std::string, Persona> personas;
    std::set<fs::path> covered;  // canonical paths of the files loaded with the root
    std::map<fs::path, std::string> persona_files;      // canonical path → id of a persona loaded
    std::map<std::string, std::string> scenario_files;  // scenario id → file, for duplicates
};

fs::path canonical_or_self(const fs::path& p) {
    std::error_code ec;
    fs::path c = fs::weakly_canonical(p, ec);
    return ec ? p.lexically_normal() : c;
}

bool within(const fs::path& file, const fs::path& dir) {
    return std::mismatch(dir.begin(), dir.end(), file.begin(), file.end()).first == dir.end();
}

std::vector<fs::path> json_files_in(const fs::path& dir, bool recursive) {
    std::vector<fs::path> out;
    std::error_code ec;
    auto take = [&](const fs::directory_entry& e) {
        std::error_code e2;
        if (e.is_regular_file(e2) && e.path().extension() == ".json") out.push_back(e.path());
    };
    if (recursive) {
        for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
            take(*it);
    } else {
        for (auto it = fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::directory_iterator(); it.increment(ec))
            take(*it);
    }
    std::sort(out.begin(), out.end());  // deterministic order of diagnostics and scenarios
    return out;
}

Root load_root(const fs::path& dir, Diagnostics& diags) {
    Root root;
    root.dir = dir;
    fs::path model_file = dir / "competencies.json";
    root.covered.insert(canonical_or_self(model_file));
    if (auto text = read_text(model_file, diags)) root.model = parse_competency_model(*text, display(model_file), diags);

    fs::path persona_dir = dir / "personas";
    std::error_code ec;
    if (!fs::is_directory(persona_dir, ec)) {
        file_error(diags, display(dir), "content root has no personas/ folder (it holds the client personas)");
        return root;
    }
    static const CompetencyModel no_model;
    const std::vector<fs::path> files = json_files_in(persona_dir, false);
    if (files.empty())
        file_error(diags, display(persona_dir), "no personas: a scenario needs at least one persona to play against");
    for (const fs::path& file : files) {
        root.covered.insert(canonical_or_self(file));
        auto text = read_text(file, diags);
        if (!text) continue;
        std::string name = display(file);
        auto p = parse_persona(*text, name, root.model ? *root.model : no_model, diags);
        if (!p) continue;
        std::string stem = file.stem().string();
        if (p->id != stem) {
            Reporter rep(*text, name, diags);
            rep.report(Severity::Error, {key_seg("id")},
                       "persona id \"" + p->id + "\" does not match its file name \"" + file.filename().string() +
                           "\" (personas live in personas/<id>.json)");
            continue;
        }
        root.persona_files.emplace(canonical_or_self(file), p->id);
        root.personas.emplace(p->id, std::move(*p));
    }
    return root;
}

// Scenario ids are unique within a root (transcripts and the library name scenarios by id).
bool register_scenario(Root& root, const Scenario& s, const std::string& text, Diagnostics& diags) {
    auto [it, fresh] = root.scenario_files.emplace(s.id, s.file);
    if (fresh) return true;
    Reporter rep(text, s.file, diags);
    rep.report(Severity::Error, {key_seg("id")}, "duplicate scenario id \"" + s.id + "\" (also in " + it->second + ")");
    return false;
}

}  // namespace

// ============================================================================
// 3. load_content, load_scenario_file
// ============================================================================

std::optional<fs::path> find_content_root(const fs::path& path) {
    std::error_code ec;
    fs::path p = path.lexically_normal();
    fs::path dir = fs::is_directory(p, ec) ? p : p.parent_path();
    auto holds_model = [&](const fs::path& d) {
        std::error_code e2;
        return fs::is_regular_file((d.empty() ? fs::path(".") : d) / "competencies.json", e2);
    };
    // The path as given first, so diagnostics keep the user's (relative) file names …
    for (fs::path d = dir;; d = d.parent_path()) {
        if (holds_model(d)) return d.empty() ? fs::path(".") : d;
        if (d.empty() || d == d.parent_path() || d.filename() == "..") break;
    }
    // … then the absolute folders above it.
    fs::path abs = fs::absolute(dir.empty() ? fs::path(".") : dir, ec).lexically_normal();
    if (ec) return std::nullopt;
    for (fs::path d = abs;; d = d.parent_path()) {
        if (holds_model(d)) return d;
        if (d == d.parent_path()) break;
    }
    return std::nullopt;
}

std::shared_ptr<const ContentSet> load_content(const fs::path& root_dir, Diagnostics& diags) {
    const std::size_t errors_before = diags.errors();
    std::error_code ec;
    if (!fs::is_regular_file(root_dir / "competencies.json", ec)) {
        file_error(diags, display(root_dir), "not a content root: no competencies.json in this folder");
        return nullptr;
    }
    Root root = load_root(root_dir, diags);
    ContentSet content;
    content.root = display(root_dir);

    if (root.model) {
        fs::path persona_dir = canonical_or_self(root_dir / "personas");
        for (const fs::path& file : json_files_in(root_dir, true)) {
            fs::path canon = canonical_or_self(file);
            if (root.covered.count(canon) || within(canon, persona_dir)) continue;
            auto text = read_text(file, diags);
            if (!text) continue;
            std::string name = display(file);
            switch (classify(*text, name, false, diags)) {
                case Kind::Scenario:
                    if (auto s = parse_scenario(*text, name, *root.model, root.personas, diags))
                        if (register_scenario(root, *s, *text, diags)) content.scenarios.push_back(s);
                    break;
                case Kind::Persona:
                case Kind::CompetencyModel: {
                    Reporter rep(*text, name, diags);
                    rep.report(Severity::Error, {key_seg("kind")},
                               "a content root holds one competencies.json and its personas in personas/; "
                               "this document is not loaded here");
                    break;
                }
                case Kind::Skip:
                case Kind::Invalid: break;
            }
        }
    }
    if (diags.errors() > errors_before || !root.model) return nullptr;
    content.model = std::move(*root.model);
    content.personas = std::move(root.personas);
    return std::make_shared<const ContentSet>(std::move(content));
}

std::optional<LoadedScenario> load_scenario_file(const fs::path& file, Diagnostics& diags) {
    const std::size_t errors_before = diags.errors();
    auto root_dir = find_content_root(file);
    if (!root_dir) {
        file_error(diags, display(file),
                   "no content root: no competencies.json in this folder or any folder above it");
        return std::nullopt;
    }
    Root root = load_root(*root_dir, diags);
    auto text = read_text(file, diags);
    if (!text || !root.model) return std::nullopt;
    std::string name = display(file);
    std::shared_ptr<const Scenario> scenario;
    switch (classify(*text, name, true, diags)) {
        case Kind::Scenario: scenario = parse_scenario(*text, name, *root.model, root.personas, diags); break;
        case Kind::Persona:
        case Kind::CompetencyModel: {
            Reporter rep(*text, name, diags);
            rep.report(Severity::Error, {key_seg("kind")}, "expected a scenario file, found another kind of document");
            break;
        }
        case Kind::Skip:
        case Kind::Invalid: break;
    }
    if (!scenario || diags.errors() > errors_before) return std::nullopt;
    auto content = std::make_shared<ContentSet>();
    content->root = display(*root_dir);
    content->model = std::move(*root.model);
    content->personas = std::move(root.personas);
    content->scenarios.push_back(scenario);
    return LoadedScenario{content, scenario};
}

// ============================================================================
// 4. validate_paths, canonical_files
// ============================================================================

namespace {

// A file to check: named on the command line, or found in a folder walk (which skips JSON that
// is not content).
struct Job {
    fs::path file;
    bool named_explicitly;
};

std::vector<Job> jobs_of(const std::vector<fs::path>& paths, Diagnostics& diags) {
    std::vector<Job> jobs;
    std::set<fs::path> queued;
    auto queue = [&](const fs::path& f, bool named) {
        if (queued.insert(canonical_or_self(f)).second) jobs.push_back({f, named});
    };
    for (const fs::path& p : paths) {
        std::error_code ec;
        if (!fs::exists(p, ec)) file_error(diags, display(p), "no such file or folder");
        else if (fs::is_directory(p, ec))
            for (const fs::path& f : json_files_in(p, true)) queue(f, false);
        else queue(p, true);
    }
    return jobs;
}

// The content roots of the files being checked, each loaded once.
class Roots {
public:
    explicit Roots(Diagnostics& diags) : diags_(diags) {}

    // The root above `file` (nullptr when there is none).
    Root* of(const fs::path& file) {
        auto dir = find_content_root(file);
        if (!dir) return nullptr;
        fs::path key = canonical_or_self(*dir);
        auto it = roots_.find(key);
        if (it == roots_.end()) it = roots_.emplace(key, load_root(*dir, diags_)).first;
        return &it->second;
    }

private:
    Diagnostics& diags_;
    std::map<fs::path, Root> roots_;  // by canonical root folder
};

const CompetencyModel& model_or_none(const Root* root) {
    static const CompetencyModel no_model;
    return root && root->model ? *root->model : no_model;
}

void no_root_for_scenario(Diagnostics& diags, const std::string& name) {
    file_error(diags, name,
               "no content root: no competencies.json in this folder or any folder above it, "
               "so its personas and competencies cannot be checked");
}

}  // namespace

void validate_paths(const std::vector<fs::path>& paths, Diagnostics& diags) {
    const std::vector<Job> jobs = jobs_of(paths, diags);
    Roots roots(diags);
    for (const Job& job : jobs) {
        std::string name = display(job.file);
        Root* root = roots.of(job.file);
        if (root && root->covered.count(canonical_or_self(job.file))) continue;  // checked with its root
        auto text = read_text(job.file, diags);
        if (!text) continue;
        switch (classify(*text, name, job.named_explicitly, diags)) {
            case Kind::CompetencyModel: parse_competency_model(*text, name, diags); break;
            case Kind::Persona: parse_persona(*text, name, model_or_none(root), diags); break;
            case Kind::Scenario:
                if (!root) {
                    no_root_for_scenario(diags, name);
                } else if (root->model) {
                    // A scenario that loads is then played out for every persona: soft-locks,
                    // endings nobody reaches, cycles without exit (analysis.h).
                    if (auto s = parse_scenario(*text, name, *root->model, root->personas, diags))
                        if (register_scenario(*root, *s, *text, diags))
                            check_soundness_located(*root->model, root->personas, s, *text, diags);
                }
                break;
            case Kind::Skip:
            case Kind::Invalid: break;
        }
    }
}

std::vector<CanonicalFile> canonical_files(const std::vector<fs::path>& paths, Diagnostics& diags) {
    const std::vector<Job> jobs = jobs_of(paths, diags);
    Roots roots(diags);
    std::vector<CanonicalFile> out;
    for (const Job& job : jobs) {
        std::string name = display(job.file);
        Root* root = roots.of(job.file);
        auto text = read_text(job.file, diags);
        if (!text) continue;
        CanonicalFile f{job.file, *text, std::nullopt};
        const fs::path canon = canonical_or_self(job.file);
        if (root && root->covered.count(canon)) {
            // Loaded (and reported) with its root: the root's competency model or a persona.
            if (canon == canonical_or_self(root->dir / "competencies.json")) {
                if (root->model) f.canonical = canonical_text(*root->model);
            } else if (auto it = root->persona_files.find(canon); it != root->persona_files.end()) {
                f.canonical = canonical_text(root->personas.at(it->second));
            }
            out.push_back(std::move(f));
            continue;
        }
        switch (classify(*text, name, job.named_explicitly, diags)) {
            case Kind::CompetencyModel:
                if (auto m = parse_competency_model(*text, name, diags)) f.canonical = canonical_text(*m);
                break;
            case Kind::Persona:
                if (auto p = parse_persona(*text, name, model_or_none(root), diags)) f.canonical = canonical_text(*p);
                break;
            case Kind::Scenario:
                if (!root) no_root_for_scenario(diags, name);
                else if (root->model)
                    if (auto s = parse_scenario(*text, name, *root->model, root->personas, diags))
                        if (register_scenario(*root, *s, *text, diags)) f.canonical = canonical_text(*s);
                break;
            case Kind::Skip: continue;  // not content: not ours to format
            case Kind::Invalid: break;
        }
        out.push_back(std::move(f));
    }
    return out;
}

}  // namespace parley
