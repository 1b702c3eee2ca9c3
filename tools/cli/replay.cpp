// `parley-cli replay TRANSCRIPT`: replay a recorded run against the content and show (or print
// as JSON) its debrief. The engine refuses transcripts recorded against other content.
#include <iostream>
#include <memory>
#include <string>

#include "commands.h"
#include "parley/report.h"
#include "parley/analysis.h"
#include "parley/debrief.h"
#include "parley/loader.h"
#include "parley/transcript.h"
#include "presenter.h"

namespace parley::cli {

namespace {

struct ReplayOptions {
    std::string transcript;
    std::string content;
    std::string lang = "zh";
    bool json = false;
};

int run_replay(const ReplayOptions& o) {
    const auto transcript = read_transcript_file(o.transcript, "replay");
    if (!transcript) return kExitFailure;
    std::filesystem::path root;
    int code = 0;
    const auto content = load_content_for_replay(o.content, "replay", root, code);
    if (!content) return code;

    std::string error;
    const auto session = replay(content, *transcript, error);
    if (!session) {
        std::cerr << "replay: " << error << '\n';
        return kExitFailure;
    }
    const Lang lang = lang_of(o.lang);
    const Debrief d = debrief(*session);
    if (o.json) {
        std::cout << run_report(*session, lang).dump(2) << '\n';
    } else {
        std::cout << "replayed " << transcript->decisions.size() << " decisions of '" << transcript->scenario
                  << "' (persona " << transcript->persona << ", seed " << transcript->seed
                  << ", content " << hash_hex(transcript->content_hash) << ") from " << root.string()
                  << '\n';
        show_debrief(std::cout, d, *session, lang);
    }
    return 0;
}

}  // namespace

void register_replay(CLI::App& app) {
    auto o = std::make_shared<ReplayOptions>();
    auto* cmd = app.add_subcommand("replay", "Replay a transcript and show its debrief");
    cmd->add_option("transcript", o->transcript, "Transcript file written by play --transcript-out")
        ->required()
        ->check(CLI::ExistingFile);
    cmd->add_option("--content", o->content,
                    "Content root (folder with competencies.json); default: $PARLEY_CONTENT, else $XDG_DATA_HOME/parley/scenarios, else the nearest scenarios/ above the current directory, else ../share/parley/scenarios beside the program")
        ->check(CLI::ExistingDirectory);
    add_lang_option(*cmd, o->lang);
    cmd->add_flag("--json", o->json, "Print the debrief as JSON on stdout (and nothing else there)");
    cmd->callback([o] { finish(run_replay(*o)); });
}

}  // namespace parley::cli
