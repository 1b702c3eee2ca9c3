// `parley-cli validate PATH...`: check content files or folders, print every diagnostic.
#include <iostream>
#include <memory>
#include <string>
#include <system_error>
#include <vector>

#include "commands.h"
#include "parley/loader.h"

namespace parley::cli {

namespace fs = std::filesystem;

namespace {

// How many JSON documents the paths hold (for the summary line).
std::size_t count_documents(const std::vector<fs::path>& paths) {
    std::size_t n = 0;
    std::error_code ec;
    for (const auto& p : paths) {
        if (!fs::is_directory(p, ec)) {
            ++n;
            continue;
        }
        for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::end(it);
             it.increment(ec))
            if (it->is_regular_file(ec) && it->path().extension() == ".json") ++n;
    }
    return n;
}

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

int run_validate(const std::vector<std::string>& args) {
    const std::vector<fs::path> paths(args.begin(), args.end());
    Diagnostics diags;
    validate_paths(paths, diags);
    print_diagnostics(std::cout, diags);

    std::cout << "validate: " << plural(count_documents(paths), "file") << ", "
              << plural(diags.errors(), "error") << ", " << plural(diags.warnings(), "warning")
              << (diags.ok() ? " — OK" : "") << '\n';
    return diags.ok() ? 0 : kExitFailure;
}

}  // namespace

void register_validate(CLI::App& app) {
    auto paths = std::make_shared<std::vector<std::string>>();
    auto* cmd = app.add_subcommand(
        "validate", "Check content files or folders; print every problem as FILE:LINE:COL");
    cmd->add_option("paths", *paths, "Content files or folders (scenarios, personas, competencies)")
        ->required()
        ->check(CLI::ExistingPath);
    cmd->callback([paths] { finish(run_validate(*paths)); });
}

}  // namespace parley::cli
