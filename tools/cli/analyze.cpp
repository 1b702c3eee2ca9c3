// `parley-cli analyze SCENARIO [--persona ID | --all-personas] [--json]`: explore every
// reachable state of a scenario for a persona and report whether it is sound — reachable and
// unreachable nodes and endings, soft-locks, cycles with no way out — and the best and worst
// results with the decisions that reach them (ready for `play --choices`).
//
// Exit code: 0 when every persona analysed is sound; 1 when the analysis found a soft-lock, an
// unreachable ending, no run that finishes, or could not finish within its bound; 2 for usage.
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "parley/analysis.h"
#include "parley/loader.h"
#include "presenter.h"

namespace parley::cli {

namespace {

struct AnalyzeOptions {
    std::string scenario;
    std::string persona;
    bool all_personas = false;
    std::uint64_t seed = 1;
    std::string difficulty;
    std::string lang = "zh";
    bool json = false;
    std::size_t max_states = AnalysisLimits{}.max_states;
};

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

// Problems that make the scenario unsound for this persona (the validator's errors).
bool sound(const PersonaAnalysis& a) {
    if (!a.complete || !a.softlocks.empty() || !a.best) return false;
    for (const auto& e : a.endings)
        if (!e.reachable) return false;
    return true;
}

void show_path(std::ostream& out, const char* label, const PathResult& p, Lang lang) {
    out << "  " << label << p.total << "  " << std::string(static_cast<std::size_t>(p.stars), '*')
        << (p.stars == 0 ? "-" : "") << "  " << name_of(p.outcome).in(lang) << " (" << p.ending
        << ")\n    --choices " << join(p.choices, ",") << '\n';
}

void show_analysis(std::ostream& out, const Scenario& sc, const PersonaAnalysis& a,
                   Difficulty difficulty, std::uint64_t seed, Lang lang) {
    out << tr(lang, "场景 ", "Scenario ") << sc.id << tr(lang, ",客户 ", ", persona ") << a.persona
        << " (" << id_of(difficulty) << ", seed " << seed << ")\n";
    out << "  " << tr(lang, "探索的状态:", "states explored: ") << a.states << tr(lang, "(另有 ", " (and ")
        << a.histories << tr(lang, " 个得分历史)", " score histories)")
        << (a.complete ? "" : tr(lang, ",未完成", ", incomplete")) << '\n';
    if (!a.complete) out << "  " << a.limit_message << '\n';
    out << "  " << tr(lang, "可到达的节点:", "reachable nodes: ") << a.reachable_nodes.size() << '/'
        << a.reachable_nodes.size() + a.unreachable_nodes.size() << '\n';
    if (!a.unreachable_nodes.empty())
        out << "  " << tr(lang, "不可到达:", "unreachable: ") << join(a.unreachable_nodes, ", ") << '\n';
    out << "  " << tr(lang, "结局:", "endings: ");
    for (std::size_t i = 0; i < a.endings.size(); ++i)
        out << (i ? ", " : "") << a.endings[i].id
            << (a.endings[i].reachable ? "" : tr(lang, "(不可到达)", " (unreachable)"));
    out << '\n';
    out << "  " << tr(lang, "死锁:", "soft-locks: ") << (a.softlocks.empty() ? tr(lang, "无", "none") : "")
        << '\n';
    for (const auto& s : a.softlocks)
        out << "    " << s.node << tr(lang, " 经由 --choices ", " via --choices ") << join(s.choices, ",")
            << '\n';
    out << "  " << tr(lang, "无出口的循环:", "cycles with no way out: ")
        << (a.cycles_without_exit.empty() ? tr(lang, "无", "none") : "") << '\n';
    for (const auto& c : a.cycles_without_exit) out << "    " << join(c, " -> ") << '\n';
    if (a.best) show_path(out, tr(lang, "最佳:", "best:  "), *a.best, lang);
    if (a.worst) show_path(out, tr(lang, "最差:", "worst: "), *a.worst, lang);
    if (!a.best) out << "  " << tr(lang, "没有任何一局能结束。", "no run reaches an ending.") << '\n';
}

int run_analyze(const AnalyzeOptions& o) {
    if (o.all_personas && !o.persona.empty()) {
        std::cerr << "analyze: give either --persona or --all-personas, not both\n";
        return kExitUsage;
    }
    Diagnostics diags;
    const auto loaded = load_scenario_file(o.scenario, diags);
    print_diagnostics(std::cerr, diags);
    if (!loaded) {
        std::cerr << "analyze: cannot load '" << o.scenario << "' (" << diags.errors() << " errors)\n";
        return kExitFailure;
    }
    const Scenario& sc = *loaded->scenario;

    std::vector<std::string> personas;
    if (o.all_personas) {
        personas = sc.personas;
    } else {
        const std::string persona = o.persona.empty() ? sc.personas.front() : o.persona;
        if (std::find(sc.personas.begin(), sc.personas.end(), persona) == sc.personas.end()) {
            std::cerr << "analyze: --persona '" << persona
                      << "' is not one of this scenario's personas: " << join(sc.personas, ", ") << '\n';
            return kExitUsage;
        }
        personas.push_back(persona);
    }
    const Difficulty difficulty =
        o.difficulty.empty() ? sc.default_difficulty : *parse<Difficulty>(o.difficulty);
    const Lang lang = lang_of(o.lang);
    AnalysisLimits limits;
    limits.max_states = o.max_states;

    bool all_sound = true;
    nlohmann::json analyses = nlohmann::json::array();
    for (std::size_t i = 0; i < personas.size(); ++i) {
        const PersonaAnalysis a =
            analyze(loaded->content, loaded->scenario, personas[i], o.seed, difficulty, limits);
        all_sound = all_sound && sound(a);
        if (o.json) {
            analyses.push_back(to_json(a));
        } else {
            if (i) std::cout << '\n';
            show_analysis(std::cout, sc, a, difficulty, o.seed, lang);
        }
        if (!a.complete) std::cerr << "analyze: persona " << a.persona << ": " << a.limit_message << '\n';
    }
    if (o.json)
        std::cout << nlohmann::json{{"scenario", sc.id},
                                    {"file", sc.file},
                                    {"seed", o.seed},
                                    {"difficulty", std::string(id_of(difficulty))},
                                    {"personas", analyses}}
                         .dump(2)
                  << '\n';
    return all_sound ? 0 : kExitFailure;
}

}  // namespace

void register_analyze(CLI::App& app) {
    auto o = std::make_shared<AnalyzeOptions>();
    auto* cmd = app.add_subcommand(
        "analyze", "Explore every reachable state of a scenario: soundness, best and worst runs");
    cmd->add_option("scenario", o->scenario, "Scenario file (its content root is found above it)")
        ->required()
        ->check(CLI::ExistingFile);
    cmd->add_option("--persona", o->persona, "Client persona id (default: the scenario's first)");
    cmd->add_flag("--all-personas", o->all_personas, "Analyse every persona the scenario is written for");
    cmd->add_option("--seed", o->seed, "Random seed of the runs analysed")->capture_default_str();
    cmd->add_option("--difficulty", o->difficulty, "easy | normal | hard (default: the scenario's)")
        ->check(CLI::IsMember({"easy", "normal", "hard"}));
    cmd->add_option("--max-states", o->max_states, "Stop after exploring this many distinct states")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    add_lang_option(*cmd, o->lang);
    cmd->add_flag("--json", o->json, "Print the analysis as JSON on stdout (and nothing else there)");
    cmd->callback([o] { finish(run_analyze(*o)); });
}

}  // namespace parley::cli
