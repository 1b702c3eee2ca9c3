// Helpers shared by the subcommands: exit codes, diagnostics output, language, content lookup.
#include <fstream>
#include <iostream>
#include <ostream>
#include <sstream>
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

std::optional<Transcript> read_transcript_file(const std::string& path, const char* command) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) {
        std::cerr << command << ": cannot read '" << path << "'\n";
        return std::nullopt;
    }
    Diagnostics diags;
    auto transcript = parse_transcript(text.str(), path, diags);
    if (!transcript) {
        print_diagnostics(std::cerr, diags);
        std::cerr << command << ": '" << path << "' is not a valid transcript\n";
    }
    return transcript;
}

std::shared_ptr<const ContentSet> load_content_for_replay(const std::string& content, const char* command,
                                                          fs::path& root, int& exit_code) {
    if (!content.empty()) {
        root = content;
    } else if (auto found = default_content_dir()) {
        root = *found;
    } else {
        std::cerr << command
                  << ": no content folder found (PARLEY_CONTENT, ~/.local/share/parley/scenarios, above the "
                     "current directory, beside the program); pass --content DIR\n";
        exit_code = kExitUsage;
        return nullptr;
    }
    Diagnostics diags;
    auto loaded = load_content(root, diags);
    print_diagnostics(std::cerr, diags);
    if (!loaded) {
        std::cerr << command << ": the content in '" << root.string() << "' has " << diags.errors() << " errors\n";
        exit_code = kExitFailure;
    }
    return loaded;
}

}  // namespace parley::cli
