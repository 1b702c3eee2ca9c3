// Helpers shared by the subcommands: exit codes, diagnostics output, language, content lookup.
#include <ostream>
#include <system_error>

#include "commands.h"
#include "parley/loader.h"

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

std::optional<fs::path> default_content_dir() {
#ifdef PARLEY_CLI_SOURCE_DIR
    // A build folder outside the source tree still finds the content it was built with.
    return default_content_root(fs::path(PARLEY_CLI_SOURCE_DIR));
#else
    return default_content_root();
#endif
}

}  // namespace parley::cli
