// parley-cli subcommands and the few helpers they share.
//
// Each subcommand lives in its own file and registers itself on the app with a callback that
// runs it. A callback ends a failed run with `finish(code)`; main turns that into the exit code:
//   0  success
//   1  the command ran and failed (content errors, refused replay, invalid decision, …)
//   2  usage error (bad arguments, a path that does not exist)
#pragma once

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "parley/diagnostics.h"
#include "parley/loader.h"
#include "parley/text.h"
#include "parley/transcript.h"

namespace parley::cli {

void register_validate(CLI::App& app);
void register_play(CLI::App& app);
void register_replay(CLI::App& app);
void register_analyze(CLI::App& app);
void register_format(CLI::App& app);
void register_coverage(CLI::App& app);

inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

// Ends the running subcommand with `code` (nothing happens for 0).
void finish(int code);

// Prints every diagnostic in the FILE:LINE:COL form, one per line.
void print_diagnostics(std::ostream& out, const Diagnostics& diags);

// The `--lang` option shared by the commands that show player text.
void add_lang_option(CLI::App& cmd, std::string& lang);
Lang lang_of(const std::string& lang);

// The content root used when `--content` is not given: the nearest `scenarios/` folder (or
// content root) at or above the current directory, then the same search from the
// executable's folder, then the source tree the program was built from.
std::optional<std::filesystem::path> default_content_dir();

// A recorded run read from `path`. On failure prints why, as `command: …`, and returns nothing.
std::optional<Transcript> read_transcript_file(const std::string& path, const char* command);

// The content a recorded run is replayed against: `content` if given, else default_content_dir(),
// which is stored in `root`. On failure prints why and sets `exit_code` (kExitUsage when no
// content folder is found, kExitFailure when it does not load).
std::shared_ptr<const ContentSet> load_content_for_replay(const std::string& content, const char* command,
                                                          std::filesystem::path& root, int& exit_code);

}  // namespace parley::cli
