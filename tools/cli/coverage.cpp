// `parley-cli coverage [PATH] [--json | --markdown]`: which scenarios of a content root exercise
// each catalogue item of the training material (engine coverage.h), with the items no scenario
// uses marked. `--markdown` prints the table kept in scenarios/README.md (a test keeps the two
// equal). Exit code 0 whatever the coverage (a gap is information, not a failure); 1 when the
// content does not load; 2 for usage.
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "parley/coverage.h"
#include "parley/loader.h"
#include "presenter.h"

namespace parley::cli {

namespace {

struct CoverageOptions {
    std::string path;
    bool json = false;
    bool markdown = false;
    std::string lang = "en";
};

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

void show_text(std::ostream& out, const std::vector<CoverageCatalogue>& cats, Lang lang) {
    for (const auto& c : cats) {
        out << c.name.in(lang) << " (" << c.id << "): " << c.used() << "/" << c.items.size() << '\n';
        for (const auto& i : c.items) {
            out << "  " << (i.scenarios.empty() ? "- " : "  ") << i.id << "  " << i.name.in(lang) << ": "
                << (i.scenarios.empty() ? tr(lang, "未使用", "not used") : join(i.scenarios, ", ")) << '\n';
        }
    }
}

// One row per catalogue: what is covered (item: scenario numbers) and what no scenario uses.
void show_markdown(std::ostream& out, const std::vector<CoverageCatalogue>& cats, const ContentSet& content) {
    std::map<std::string, std::size_t> number;
    out << "Scenarios: ";
    for (std::size_t i = 0; i < content.scenarios.size(); ++i) {
        number[content.scenarios[i]->id] = i + 1;
        out << (i ? ", " : "") << (i + 1) << " `" << content.scenarios[i]->id << "`";
    }
    out << "\n\n| catalogue | covered | items (scenarios) | not used |\n|---|---|---|---|\n";
    for (const auto& c : cats) {
        std::vector<std::string> used, unused;
        for (const auto& i : c.items) {
            if (i.scenarios.empty()) {
                unused.push_back("`" + i.id + "`");
                continue;
            }
            std::vector<std::string> ns;
            for (const auto& s : i.scenarios) ns.push_back(std::to_string(number[s]));
            used.push_back("`" + i.id + "` " + join(ns, ","));
        }
        out << "| " << c.name.en << " | " << c.used() << "/" << c.items.size() << " | " << join(used, "; ")
            << " | " << (unused.empty() ? "—" : "**" + join(unused, ", ") + "**") << " |\n";
    }
}

void run_coverage(const CoverageOptions& o) {
    std::filesystem::path root;
    if (!o.path.empty()) {
        root = o.path;
    } else if (auto found = default_content_dir()) {
        root = *found;
    } else {
        std::cerr << "coverage: no content folder found; give its path\n";
        finish(kExitUsage);
        return;
    }
    Diagnostics diags;
    const auto content = load_content(root, diags);
    if (!content || !diags.ok()) {
        print_diagnostics(std::cerr, diags);
        std::cerr << "coverage: the content in " << root.generic_string() << " does not load\n";
        finish(kExitFailure);
        return;
    }
    const auto cats = coverage(*content);
    if (o.json) {
        std::cout << to_json(cats, *content).dump(2) << '\n';
    } else if (o.markdown) {
        show_markdown(std::cout, cats, *content);
    } else {
        show_text(std::cout, cats, lang_of(o.lang));
    }
}

}  // namespace

void register_coverage(CLI::App& app) {
    auto opts = std::make_shared<CoverageOptions>();
    CLI::App* cmd = app.add_subcommand(
        "coverage", "Show which scenarios exercise each catalogue item of the training material");
    cmd->add_option("path", opts->path, "Content root (default: the bundled scenarios/ folder)")
        ->check(CLI::ExistingDirectory);
    auto* json = cmd->add_flag("--json", opts->json, "Print the coverage as JSON");
    cmd->add_flag("--markdown", opts->markdown, "Print the table kept in scenarios/README.md")->excludes(json);
    add_lang_option(*cmd, opts->lang);
    cmd->callback([opts] { run_coverage(*opts); });
}

}  // namespace parley::cli
