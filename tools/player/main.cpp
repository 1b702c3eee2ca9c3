// parley: the trainee player. Parses the command line, finds the content, and runs the App —
// interactively, or scripted (--autoplay) for tests and demos.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>

#include "app.h"
#include "autoplay.h"
#include "parley/loader.h"
#include "parley/transcript.h"

namespace fs = std::filesystem;
using namespace parley;


int main(int argc, char** argv) {
    CLI::App cli{"Parley: rehearse client meetings and negotiations against simulated clients"};
    std::string content, autoplay, screenshots, data_dir, lang, json_lang = "zh", size = "1280x800";
    int font_size = 0;
    bool unlock_all = false, fullscreen = false;
    cli.add_option("--content", content, "Content root (folder with competencies.json); default: $PARLEY_CONTENT, else $XDG_DATA_HOME/parley/scenarios, else the nearest scenarios/ above the current directory, else ../share/parley/scenarios beside the program")
        ->check(CLI::ExistingDirectory);
    cli.add_option("--autoplay", autoplay, "Play this transcript through the UI, print the debrief JSON, exit")
        ->check(CLI::ExistingFile);
    cli.add_option("--screenshots", screenshots, "With --autoplay: save a PNG of every screen passed here");
    cli.add_option("--data-dir", data_dir, "Where progress is kept (default: $XDG_DATA_HOME/parley)");
    cli.add_option("--lang", lang, "Interface language: zh or en (default: the last one used)")
        ->check(CLI::IsMember({"zh", "en"}));
    cli.add_option("--json-lang", json_lang, "With --autoplay: language of the printed JSON (as parley-cli --lang)")
        ->check(CLI::IsMember({"zh", "en"}))
        ->capture_default_str();
    cli.add_option("--font-size", font_size, "Body text size in pixels (14–28)");
    cli.add_option("--size", size, "Window size WIDTHxHEIGHT")->capture_default_str();
    cli.add_flag("--fullscreen", fullscreen, "Start full screen (F11 toggles)");
    cli.add_flag("--unlock-all", unlock_all, "Open every client and difficulty (trainers; implied by --autoplay)");
    CLI11_PARSE(cli, argc, argv);

    player::Options options;
    if (!content.empty()) {
        options.content = content;
    } else if (auto found = default_content_root()) {
        options.content = *found;
    } else {
        std::cerr << "parley: no content folder found (PARLEY_CONTENT, ~/.local/share/parley/scenarios, above the current directory, beside the program); pass --content DIR\n";
        return 2;
    }
    options.data_dir = data_dir.empty() ? player::default_data_dir() : fs::path(data_dir);
    if (!lang.empty()) options.lang = lang == "en" ? Lang::En : Lang::Zh;
    if (font_size > 0) options.font_size = font_size;
    unsigned w = 0, h = 0;
    if (std::sscanf(size.c_str(), "%ux%u", &w, &h) == 2 && w >= 640 && h >= 480) {
        options.width = w;
        options.height = h;
    } else {
        std::cerr << "parley: --size expects WIDTHxHEIGHT of at least 640x480, got '" << size << "'\n";
        return 2;
    }
    options.fullscreen = fullscreen;
    options.unlock_all = unlock_all || !autoplay.empty();

    std::optional<player::Autoplay> script;
    if (!autoplay.empty()) {
        std::ifstream in(autoplay, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        Diagnostics diags;
        auto transcript = parse_transcript(text.str(), autoplay, diags);
        if (!transcript) {
            for (const auto& d : diags.items) std::cerr << format(d) << '\n';
            std::cerr << "parley: '" << autoplay << "' is not a valid transcript\n";
            return 1;
        }
        if (!screenshots.empty()) {
            std::error_code ec;
            fs::create_directories(screenshots, ec);
            if (ec) {
                std::cerr << "parley: cannot create '" << screenshots << "': " << ec.message() << '\n';
                return 2;
            }
        }
        options.fixed_time_step = true;
        options.vsync_limit = false;
        script.emplace(std::move(*transcript), screenshots, json_lang == "en" ? Lang::En : Lang::Zh);
    }

    player::App app(options);
    if (script) {
        app.shared().scripted = true;
        script->attach(app);
    }
    return app.run();
}
