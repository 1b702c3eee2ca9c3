// Helpers shared by the subcommands: exit codes, diagnostics output, language, content lookup.
#include <ostream>
#include <system_error>

#include "commands.h"

namespace parley::cli {

namespace fs = std::filesystem;

void finish(int code) {
    // CLI11 passes a RuntimeError through App::exit silently with its code: exactly an exit.
    if (code != 0) throw CLI::RuntimeError(code);
}

void print_diagnostics(std::ostream& out, const Diagnostics& diags) {
    for (const auto& d : diags.items) out << format(d) << '\n';
}

void add_lang_option(CLI::App& cmd, std::string& lang) {
    cmd.add_option("--lang", lang, "Language of the player text: zh or en")
        ->check(CLI::IsMember({"zh", "en"}))
        ->capture_default_str();
}

Lang lang_of(const std::string& lang) { return lang == "en" ? Lang::En : Lang::Zh; }

namespace {

// The content root at or above `start`: a folder holding competencies.json, or a folder
// whose `scenarios/` child does (the repository root).
std::optional<fs::path> content_at_or_above(fs::path start) {
    std::error_code ec;
    for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
        if (fs::is_regular_file(dir / "competencies.json", ec)) return dir;
        if (fs::is_regular_file(dir / "scenarios" / "competencies.json", ec))
            return dir / "scenarios";
        if (dir == dir.parent_path()) break;
    }
    return std::nullopt;
}

}  // namespace

std::optional<fs::path> default_content_dir() {
    std::error_code ec;
    if (auto cwd = fs::current_path(ec); !ec)
        if (auto found = content_at_or_above(cwd)) return found;
    if (auto exe = fs::read_symlink("/proc/self/exe", ec); !ec)
        if (auto found = content_at_or_above(exe.parent_path())) return found;
#ifdef PARLEY_CLI_SOURCE_DIR
    // A build folder outside the source tree still finds the content it was built with.
    if (auto found = content_at_or_above(fs::path(PARLEY_CLI_SOURCE_DIR))) return found;
#endif
    return std::nullopt;
}

}  // namespace parley::cli
