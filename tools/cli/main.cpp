// parley-cli: validate content, play a scenario in a terminal, replay a transcript, analyze a scenario,
// put content in canonical form, show the catalogue coverage of the library.
// Thin by design: parse arguments (CLI11), run one subcommand, map its result to an exit code.
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>

#include "commands.h"
#include "parley/version.h"

int main(int argc, char** argv) {
    CLI::App app{"Parley: sales-conversation training engine (command-line tool)", "parley-cli"};
    app.set_version_flag("--version", parley::kEngineVersion);
    app.require_subcommand(1);

    parley::cli::register_validate(app);
    parley::cli::register_play(app);
    parley::cli::register_replay(app);
    parley::cli::register_analyze(app);
    parley::cli::register_format(app);
    parley::cli::register_coverage(app);

    try {
        app.parse(argc, argv);   // runs the chosen subcommand's callback
    } catch (const CLI::RuntimeError& e) {
        return e.get_exit_code();  // the subcommand ran and reported its failure itself
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);  // prints help, the version, or the usage error
        return code == 0 ? 0 : parley::cli::kExitUsage;
    } catch (const std::exception& e) {
        std::cerr << "parley-cli: internal error: " << e.what() << '\n';
        return parley::cli::kExitFailure;
    }
    return 0;
}
