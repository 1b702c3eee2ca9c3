// parley-editor: the trainers' scenario editor. Parses the command line, finds the content,
// and runs the window — interactively, or once for a screenshot (--screenshot OUT.png).
#include <CLI/CLI.hpp>

#include <iostream>
#include <sstream>

#include "editor_app.h"
#include "parley/loader.h"
#include "parley/ui/screenshot.h"

namespace fs = std::filesystem;
using namespace parley;

int main(int argc, char** argv) {
    CLI::App cli{"parley-editor: write, fix, prove and try out Parley scenarios"};
    std::string file, content, screenshot, lang, select, panel, playtest, persona, state_dir, size = "1280x800";
    cli.add_option("FILE", file, "Scenario file to open (default: a new scenario from the template)");
    cli.add_option("--content", content, "Content root (competencies.json, personas/); default: the one around FILE, "
                                         "else the nearest scenarios/ above the current directory or the program")
        ->check(CLI::ExistingDirectory);
    cli.add_option("--screenshot", screenshot, "Draw the window once the analysis is done, save it as a PNG, exit");
    cli.add_option("--lang", lang, "Interface language: zh or en")->check(CLI::IsMember({"zh", "en"}));
    cli.add_option("--select", select, "Select this node (and centre the canvas on it)");
    cli.add_option("--panel", panel, "Side panel to show: inspector, scenario, playtest or persona")
        ->check(CLI::IsMember({"inspector", "scenario", "playtest", "persona"}));
    cli.add_option("--persona", persona, "With --panel persona: the persona to edit (its id)");
    cli.add_option("--playtest", playtest, "With --screenshot: playtest from the selected node with these choices (1,2,…)");
    cli.add_option("--state-dir", state_dir, "Where autosave copies, layouts and recent files live "
                                             "(default: $XDG_STATE_HOME/parley/editor)");
    cli.add_option("--size", size, "Window size WIDTHxHEIGHT")->capture_default_str();
    CLI11_PARSE(cli, argc, argv);

    editor::Options o;
    o.file = file;
    if (!content.empty()) o.content = content;
    else if (auto around = file.empty() ? std::nullopt : find_content_root(fs::absolute(file))) o.content = *around;
    else if (auto found = default_content_root()) o.content = *found;
    else {
        std::cerr << "parley-editor: no content folder found; pass --content DIR\n";
        return 2;
    }
    if (!file.empty() && !fs::exists(file)) {
        std::cerr << "parley-editor: " << file << ": no such file\n";
        return 2;
    }
    o.state_dir = state_dir.empty() ? editor::default_state_dir() : fs::path(state_dir);
    if (!lang.empty()) o.lang = lang == "en" ? Lang::En : Lang::Zh;
    if (std::sscanf(size.c_str(), "%ux%u", &o.width, &o.height) != 2 || o.width < 800 || o.height < 600) {
        std::cerr << "parley-editor: --size expects WIDTHxHEIGHT of at least 800x600\n";
        return 2;
    }
    const bool shot = !screenshot.empty();
    if (shot) o.fixed_time_step = true, o.vsync_limit = false, o.offer_recovery = false;

    editor::EditorApp app(o);
    if (!select.empty()) {
        auto it = app.document().scenario().node_index.find(select);
        if (it == app.document().scenario().node_index.end()) {
            std::cerr << "parley-editor: --select: no node '" << select << "'\n";
            return 2;
        }
        app.select(it->second, std::nullopt, true);
    }
    if (panel == "scenario") app.show_panel(editor::Panel::Scenario);
    if (panel == "playtest") app.show_panel(editor::Panel::Playtest);
    if (panel == "persona") app.show_persona(persona);
    if (!shot) return app.run();

    // Screenshot: let the validator, the analysis and the font atlas settle, then draw and save.
    for (int i = 0; i < 4; ++i) app.step();
    app.settle();
    if (!playtest.empty()) {
        app.show_panel(editor::Panel::Playtest);
        if (app.selected()) app.playtest().setup.start_node = app.document().scenario().nodes[*app.selected()].id;
        app.start_playtest_run();
        std::stringstream list(playtest);
        for (std::string d; std::getline(list, d, ',');)
            if (app.playtest().run && !app.playtest().run->decide(d)) app.playtest().decisions.push_back(d);
    }
    for (int i = 0; i < 6; ++i) app.step();
    std::string error;
    bool saved = false;
    app.on_frame_drawn([&](editor::EditorApp& a) { saved = ui::save_screenshot(a.window(), screenshot, error); });
    app.step();
    if (!saved) {
        std::cerr << "parley-editor: " << error << '\n';
        return 1;
    }
    std::cout << screenshot << '\n';
    return 0;
}
