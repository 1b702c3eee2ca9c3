// `parley-cli play SCENARIO`: play a scenario in a terminal, interactively or from a list of
// decisions (--choices), then show the debrief (or print it as JSON with --json).
// `parley-cli play --from TRANSCRIPT --at N`: the same, resumed at decision N of a recorded run
// (rewind.h): decisions 1 … N−1 replayed, the rest played here; a practice run, shown with the
// total of the run it came from.
#include <charconv>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "parley/report.h"
#include "parley/analysis.h"
#include "parley/debrief.h"
#include "parley/loader.h"
#include "parley/rewind.h"
#include "parley/session.h"
#include "parley/transcript.h"
#include "presenter.h"

namespace parley::cli {

namespace {

struct PlayOptions {
    std::string scenario;
    std::string persona;
    std::uint64_t seed = 1;
    std::string difficulty;
    std::string lang = "zh";
    std::string choices;
    bool scripted = false;   // --choices was given
    std::string transcript_out;
    bool json = false;
    std::string from;        // --from TRANSCRIPT
    std::size_t at = 0;      // --at N (1-based)
    std::string content;     // --content DIR (with --from)
};

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::vector<std::string> split_choices(const std::string& list) {
    std::vector<std::string> out;
    if (trim(list).empty()) return out;
    std::size_t start = 0;
    for (;;) {
        const auto comma = list.find(',', start);
        out.push_back(trim(list.substr(start, comma - start)));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

// --------------------------------------------------------------------------
// Scripted play: every decision comes from --choices; any problem ends the run.
// --------------------------------------------------------------------------
int play_scripted(Session& s, const std::vector<std::string>& choices, std::ostream* view, Lang lang) {
    if (view) show_briefing(*view, s, lang);
    for (std::size_t i = 0; i < choices.size(); ++i) {
        const std::string& choice = choices[i];
        const std::string where = "decision " + std::to_string(i + 1) + " '" + choice + "': ";
        if (s.finished()) {
            std::cerr << "play: " << where << "the meeting had already finished after "
                      << i << " decisions\n";
            return kExitFailure;
        }
        if (view) show_beat(*view, s, lang);
        if (auto error = s.decide(choice)) {
            std::cerr << "play: " << where << error->message << '\n';
            return kExitFailure;
        }
        if (view) show_step(*view, s, lang);
    }
    if (!s.finished()) {
        std::cerr << "play: the choices ended after " << choices.size()
                  << " decisions, before the meeting finished (at node '" << s.current_node().id
                  << "')\n";
        return kExitFailure;
    }
    if (view) show_beat(*view, s, lang);
    return 0;
}

// --------------------------------------------------------------------------
// Interactive play: prompt until the meeting ends; bad input gets a message and a re-prompt.
// --------------------------------------------------------------------------
std::optional<std::size_t> option_number(const std::string& text) {
    std::size_t n = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, n);
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return n;
}

int play_interactive(Session& s, std::ostream& view, Lang lang) {
    show_briefing(view, s, lang);
    while (!s.finished()) {
        show_beat(view, s, lang);
        const bool negotiating = s.in_negotiation();
        const std::size_t count = s.options().size();
        if (!negotiating && count == 0) {
            std::cerr << "play: no option is available at node '" << s.current_node().id
                      << "' (a content error; run parley-cli validate)\n";
            return kExitFailure;
        }
        for (;;) {
            view << "> " << std::flush;
            std::string line;
            if (!std::getline(std::cin, line)) {
                view << '\n';
                std::cerr << "play: input ended before the meeting finished\n";
                return kExitFailure;
            }
            line = trim(line);
            if (line == "quit" || line == "exit") {
                std::cerr << "play: you left before the meeting finished\n";
                return kExitFailure;
            }
            if (line == "help" || line == "?") {
                if (negotiating)
                    show_move_syntax(view, *s.negotiation()->block, lang);
                else
                    view << tr(lang, "输入选项编号(1–", "Type the number of an option (1–") << count
                         << tr(lang, "),quit 退出。", "), or quit to leave.") << '\n';
                continue;
            }
            std::optional<StepError> error;
            if (negotiating) {
                if (line.empty()) {
                    view << tr(lang, "请输入谈判动作(help 查看语法)。", "Type a move (help shows the syntax).")
                         << '\n';
                    continue;
                }
                error = s.decide(line);
            } else {
                const auto n = option_number(line);
                if (!n || *n < 1 || *n > count) {
                    view << tr(lang, "请输入 1 到 ", "Please type a number from 1 to ") << count
                         << tr(lang, " 之间的数字。", ".") << '\n';
                    continue;
                }
                error = s.choose(*n);
            }
            if (error) {
                view << error->message << '\n';
                continue;
            }
            show_step(view, s, lang);
            break;
        }
    }
    show_beat(view, s, lang);
    return 0;
}

bool write_transcript(const Transcript& t, const std::string& path) {
    std::ofstream out(path, std::ios::binary);
    out << to_json(t).dump(2) << '\n';
    out.close();
    if (!out) {
        std::cerr << "play: cannot write the transcript to '" << path << "'\n";
        return false;
    }
    return true;
}

// Plays `session` (new or rewound) to its end, then writes the transcript and the debrief.
int play_and_report(const PlayOptions& o, Session& session, const std::optional<RewindMark>& mark,
                    const std::optional<Session>& original) {
    const Lang lang = lang_of(o.lang);
    std::ostream* view = o.json ? nullptr : &std::cout;
    if (mark && view)
        *view << tr(lang, "从第 ", "Resumed at decision ") << mark->at
              << tr(lang, " 个决定继续(前面的决定已重放;练习,不计最佳星级)",
                    " (the decisions before it replayed; practice, never counted for best stars)")
              << '\n';
    // With --json, stdout carries the JSON only: an interactive game is drawn on stderr.
    const int rc = o.scripted ? play_scripted(session, split_choices(o.choices), view, lang)
                              : play_interactive(session, o.json ? std::cerr : std::cout, lang);
    if (rc != 0) return rc;

    Transcript t = transcript_of(session);
    t.rewound = mark;
    if (!o.transcript_out.empty() && !write_transcript(t, o.transcript_out)) return kExitFailure;
    const Debrief d = debrief(session);
    if (o.json) {
        nlohmann::json report = run_report(session, lang);
        if (mark && original) {
            const Score before = debrief(*original).score;
            report["rewound"] = {{"at", mark->at},
                                 {"practice", true},
                                 {"original", {{"total", before.total}, {"stars", before.stars}}},
                                 {"total", d.score.total},
                                 {"stars", d.score.stars}};
        }
        std::cout << report.dump(2) << '\n';
    } else {
        show_debrief(std::cout, d, session, lang);
        if (mark && original) {
            const Score before = debrief(*original).score;
            std::cout << tr(lang, "重来的练习(从第 ", "Rewound practice run (from decision ") << mark->at
                      << tr(lang, " 个决定):本次 ", "): this run ") << d.score.total
                      << tr(lang, " 分 · 原来 ", " · the run it came from ") << before.total
                      << tr(lang, " 分", "") << '\n';
        }
    }
    return 0;
}

int run_play(const PlayOptions& o) {
    Diagnostics diags;
    const auto loaded = load_scenario_file(o.scenario, diags);
    print_diagnostics(std::cerr, diags);   // errors, or warnings worth seeing
    if (!loaded) {
        std::cerr << "play: cannot load '" << o.scenario << "' (" << diags.errors() << " errors)\n";
        return kExitFailure;
    }
    const Scenario& sc = *loaded->scenario;

    std::string persona = o.persona.empty() ? sc.personas.front() : o.persona;
    bool playable = false;
    for (const auto& id : sc.personas) playable = playable || id == persona;
    if (!playable) {
        std::string ids;
        for (const auto& id : sc.personas) ids += (ids.empty() ? "" : ", ") + id;
        std::cerr << "play: --persona '" << persona << "' is not one of this scenario's personas: " << ids
                  << '\n';
        return kExitUsage;
    }
    const Difficulty difficulty =
        o.difficulty.empty() ? sc.default_difficulty : *parse<Difficulty>(o.difficulty);

    Session session(loaded->content, loaded->scenario, persona, o.seed, difficulty);
    return play_and_report(o, session, std::nullopt, std::nullopt);
}

// --from TRANSCRIPT --at N: the recorded run rewound to decision N, against the content root.
int run_rewound(const PlayOptions& o) {
    const auto transcript = read_transcript_file(o.from, "play");
    if (!transcript) return kExitFailure;
    std::filesystem::path root;
    int code = 0;
    const auto content = load_content_for_replay(o.content, "play", root, code);
    if (!content) return code;
    std::string error;
    auto rewound = rewind(content, *transcript, o.at, error);
    if (!rewound) {
        std::cerr << "play: " << error << '\n';
        return kExitFailure;
    }
    Transcript original_t = *transcript;
    original_t.rewound.reset();
    const auto original = replay(content, original_t, error);   // rewind replayed it already
    return play_and_report(o, rewound->session, rewound->mark, original);
}

}  // namespace

void register_play(CLI::App& app) {
    auto o = std::make_shared<PlayOptions>();
    auto* cmd = app.add_subcommand("play", "Play a scenario in the terminal and show the debrief");
    auto* scenario = cmd->add_option("scenario", o->scenario, "Scenario file (its content root is found above it)")
                         ->check(CLI::ExistingFile);
    auto* persona = cmd->add_option("--persona", o->persona, "Client persona id (default: the scenario's first)");
    auto* seed = cmd->add_option("--seed", o->seed, "Random seed (same seed, same choices: same run)")->capture_default_str();
    auto* difficulty = cmd->add_option("--difficulty", o->difficulty, "easy | normal | hard (default: the scenario's)")
                           ->check(CLI::IsMember({"easy", "normal", "hard"}));
    auto* from = cmd->add_option("--from", o->from,
                                 "Rewind a recorded run instead (a transcript from --transcript-out, the player "
                                 "or a debrief): same scenario, persona, seed and difficulty; needs --at")
                     ->check(CLI::ExistingFile)
                     ->excludes(scenario)
                     ->excludes(persona)
                     ->excludes(seed)
                     ->excludes(difficulty);
    auto* at = cmd->add_option("--at", o->at,
                               "With --from: resume at decision N (1-based, as the debrief numbers them); "
                               "decisions 1 … N-1 are replayed. A rewound run is practice")
                   ->needs(from);
    from->needs(at);
    cmd->add_option("--content", o->content,
                    "With --from: content root (folder with competencies.json); default: $PARLEY_CONTENT, else $XDG_DATA_HOME/parley/scenarios, else the nearest scenarios/ above the current directory, else ../share/parley/scenarios beside the program")
        ->check(CLI::ExistingDirectory)
        ->needs(from);
    add_lang_option(*cmd, o->lang);
    auto* choices = cmd->add_option(
        "--choices", o->choices,
        "Comma-separated decisions played without asking: option numbers (1-based) and "
        "negotiation moves, e.g. 1,2,prep:concede=fee;hold=rate,offer:rate=5.40,accept");
    cmd->add_option("--transcript-out", o->transcript_out, "Write the run's transcript (JSON) to this file");
    cmd->add_flag("--json", o->json, "Print the debrief as JSON on stdout (and nothing else there)");
    cmd->callback([o, choices, from, scenario] {
        o->scripted = choices->count() > 0;
        if (from->count() == 0 && scenario->count() == 0)
            throw CLI::RequiredError("play needs a SCENARIO file, or --from TRANSCRIPT --at N");
        finish(from->count() > 0 ? run_rewound(*o) : run_play(*o));
    });
}

}  // namespace parley::cli
