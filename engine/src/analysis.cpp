// Scenario analysis, part 2: what the exploration tells an author, per persona.
//
// Contents
//   1. analyze()               (reachability, soft-locks, cycles without exit, best / worst)
//   2. JSON                    (`parley-cli analyze --json`)
//   3. The validator's check   (soft-locks and unreachable endings as located errors)
//
// How the exploration works is described in analysis_graph.h; decision values and regret are
// in analysis_regret.cpp.
#include <algorithm>
#include <deque>
#include <functional>
#include <set>
#include <sstream>
#include <stdexcept>

#include "analysis_graph.h"
#include "analysis_validate.h"
#include "json_source.h"
#include "parley/analysis.h"
#include "teaching_checks.h"

namespace parley {

namespace {

using detail::Analyzer;
using detail::kNone;

// ============================================================================
// 1. analyze()
// ============================================================================

// The shortest decision sequence from the start to a situation (breadth first over the local
// graph), to show how a soft-lock is reached.
std::vector<std::string> shortest_path(const Analyzer& an, std::uint32_t root, std::uint32_t target) {
    const std::size_t n = an.vertex_count();
    std::vector<std::uint32_t> parent(n, kNone), via(n, 0);
    std::deque<std::uint32_t> queue{root};
    parent[root] = root;
    while (!queue.empty() && parent[target] == kNone) {
        const std::uint32_t u = queue.front();
        queue.pop_front();
        const auto& edges = an.vertex(u).edges;
        for (std::uint32_t e = 0; e < edges.size(); ++e)
            if (parent[edges[e].to] == kNone) {
                parent[edges[e].to] = u;
                via[edges[e].to] = e;
                queue.push_back(edges[e].to);
            }
    }
    std::vector<std::uint32_t> steps;
    for (std::uint32_t v = target; v != root && parent[v] != kNone; v = parent[v]) steps.push_back(v);
    std::vector<std::string> choices;
    for (auto it = steps.rbegin(); it != steps.rend(); ++it)
        for (auto& d : an.decisions(parent[*it], via[*it], 0)) choices.push_back(std::move(d));
    return choices;
}

// Groups of nodes the trainee can enter but never leave by a decision: once inside, only the
// client's patience running out ends the meeting. Found as the strongly connected components
// (Tarjan) of the node moves seen while exploring that have no move leaving them.
std::vector<std::vector<std::string>> cycles_without_exit(const Analyzer& an, const Scenario& sc) {
    const std::size_t n = sc.nodes.size();
    std::vector<std::vector<std::uint32_t>> next(n);
    for (const auto& [from, to] : an.node_moves()) next[from].push_back(to);

    std::vector<std::uint32_t> order(n, kNone), low(n, 0), component(n, kNone);
    std::vector<std::uint32_t> stack;
    std::vector<bool> on_stack(n, false);
    std::uint32_t counter = 0, components = 0;
    std::vector<std::vector<std::uint32_t>> groups;
    std::function<void(std::uint32_t)> visit = [&](std::uint32_t u) {
        order[u] = low[u] = counter++;
        stack.push_back(u);
        on_stack[u] = true;
        for (std::uint32_t w : next[u]) {
            if (order[w] == kNone) {
                visit(w);
                low[u] = std::min(low[u], low[w]);
            } else if (on_stack[w]) {
                low[u] = std::min(low[u], order[w]);
            }
        }
        if (low[u] != order[u]) return;
        std::vector<std::uint32_t> group;
        for (;;) {
            const std::uint32_t w = stack.back();
            stack.pop_back();
            on_stack[w] = false;
            component[w] = components;
            group.push_back(w);
            if (w == u) break;
        }
        ++components;
        groups.push_back(std::move(group));
    };
    for (std::uint32_t u = 0; u < n; ++u)
        if (order[u] == kNone && !next[u].empty()) visit(u);

    std::vector<std::vector<std::string>> out;
    for (auto& group : groups) {
        const std::uint32_t id = component[group.front()];
        const bool loops = group.size() > 1 ||
                           std::count(next[group.front()].begin(), next[group.front()].end(),
                                      group.front()) > 0;
        bool leaves = false;
        for (std::uint32_t u : group)
            for (std::uint32_t w : next[u]) leaves = leaves || component[w] != id;
        if (!loops || leaves) continue;
        std::sort(group.begin(), group.end());   // scenario order
        std::vector<std::string> ids;
        for (std::uint32_t u : group) ids.push_back(sc.nodes[u].id);
        out.push_back(std::move(ids));
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

PersonaAnalysis analyze(std::shared_ptr<const ContentSet> content, std::shared_ptr<const Scenario> scenario,
                        const std::string& persona, std::uint64_t seed, Difficulty difficulty,
                        const AnalysisLimits& limits) {
    if (!scenario) throw std::invalid_argument("analyze: no scenario");
    if (!content || !content->persona(persona))
        throw std::invalid_argument("analyze: unknown persona '" + persona + "'");
    const Scenario& sc = *scenario;
    const Session root(content, scenario, persona, seed, difficulty);

    Analyzer an(root, limits);
    const std::uint32_t p = an.explore(root);
    const std::optional<std::uint32_t> r = an.vertex_of(root);

    PersonaAnalysis a;
    a.persona = persona;
    a.states = an.states();
    a.histories = an.histories();
    a.complete = !an.stopped();
    a.limit_message = an.limit_message();

    std::vector<bool> reached(sc.nodes.size(), false);
    for (std::uint32_t v = 0; v < an.vertex_count(); ++v) reached[an.vertex(v).node] = true;
    for (std::size_t i = 0; i < sc.nodes.size(); ++i) {
        (reached[i] ? a.reachable_nodes : a.unreachable_nodes).push_back(sc.nodes[i].id);
        if (sc.nodes[i].kind == NodeKind::Ending) a.endings.push_back({sc.nodes[i].id, reached[i]});
    }

    // A soft-lock: a situation fully explored, not an ending, where the session accepts no
    // decision — or a negotiation in which some position allows no move.
    std::vector<bool> reported(sc.nodes.size(), false);
    for (std::uint32_t v = 0; r && v < an.vertex_count(); ++v) {
        const auto& vx = an.vertex(v);
        const bool stuck = (vx.expanded && !vx.finished && vx.edges.empty()) || vx.dead_end_inside;
        if (!stuck || reported[vx.node]) continue;
        reported[vx.node] = true;
        a.softlocks.push_back({sc.nodes[vx.node].id, shortest_path(an, *r, v)});
    }
    // Without a complete exploration a missing exit may just not have been found yet.
    if (a.complete) a.cycles_without_exit = cycles_without_exit(an, sc);
    for (std::uint32_t node : an.blocks_without_trade()) a.blocks_without_trade.push_back(sc.nodes[node].id);

    if (p != kNone) {
        std::string problem;
        a.best = an.result(root, p, true, problem);
        a.worst = an.result(root, p, false, problem);
        if (problem.empty()) problem = an.problem();
        if (!problem.empty()) {
            a.complete = false;
            a.limit_message = problem;
        }
    }
    return a;
}

// ============================================================================
// 2. JSON
// ============================================================================

nlohmann::json to_json(const PathResult& p) {
    return {{"total", p.total},
            {"stars", p.stars},
            {"outcome", std::string(id_of(p.outcome))},
            {"ending", p.ending},
            {"choices", p.choices}};
}

nlohmann::json to_json(const PersonaAnalysis& a) {
    nlohmann::json endings = nlohmann::json::array();
    for (const auto& e : a.endings) endings.push_back({{"id", e.id}, {"reachable", e.reachable}});
    nlohmann::json softlocks = nlohmann::json::array();
    for (const auto& s : a.softlocks) softlocks.push_back({{"node", s.node}, {"choices", s.choices}});
    nlohmann::json cycles = nlohmann::json::array();
    for (const auto& c : a.cycles_without_exit) cycles.push_back(c);
    return {{"persona", a.persona},
            {"states", a.states},
            {"histories", a.histories},
            {"complete", a.complete},
            {"limit_message", a.limit_message},
            {"reachable_nodes", a.reachable_nodes},
            {"unreachable_nodes", a.unreachable_nodes},
            {"endings", endings},
            {"softlocks", softlocks},
            {"cycles_without_exit", cycles},
            {"best", a.best ? to_json(*a.best) : nlohmann::json(nullptr)},
            {"worst", a.worst ? to_json(*a.worst) : nlohmann::json(nullptr)}};
}

// ============================================================================
// 3. The validator's check
// ============================================================================

namespace {

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
    return out;
}

std::string node_pointer(const Scenario& sc, const std::string& id) {
    auto it = sc.node_index.find(id);
    return it == sc.node_index.end() ? std::string() : "/nodes/" + std::to_string(it->second);
}

// Endings the author routes to on purpose: the next node of an option (or of a premature
// close), a branch, or a negotiation's deal / no-deal. The others are safety nets (the
// scenario's patience_out, a negotiation's on_client_quit) that a well-paced scenario may
// never need, so their being unreachable is worth a warning, not an error.
std::set<std::string> designed_targets(const Scenario& sc) {
    std::set<std::string> out;
    auto consequence = [&](const Consequence& c) {
        out.insert(c.next);
        for (const auto& b : c.branches) out.insert(b.next);
    };
    for (const auto& node : sc.nodes) {
        for (const auto& o : node.options) {
            consequence(o.consequence);
            if (o.close) consequence(o.close->premature);
        }
        if (node.negotiation) {
            out.insert(node.negotiation->on_deal);
            out.insert(node.negotiation->on_no_deal);
        }
    }
    return out;
}

}  // namespace

void check_soundness(std::shared_ptr<const ContentSet> content, std::shared_ptr<const Scenario> scenario,
                     Diagnostics& diags, const AnalysisLimits& limits,
                     std::vector<PersonaAnalysis>* analyses_out) {
    if (!scenario) return;
    const Scenario& sc = *scenario;
    auto report = [&](Severity severity, const std::string& pointer, const std::string& message) {
        Diagnostic d;
        d.severity = severity;
        d.file = sc.file;
        d.pointer = pointer;
        d.message = message;
        diags.add(std::move(d));
    };
    const std::string run = std::string(" (difficulty ") +
                            std::string(id_of(sc.default_difficulty)) + ", seed 1)";
    const std::set<std::string> designed = designed_targets(sc);
    std::set<std::string> safety_nets{sc.patience_out};
    for (const auto& node : sc.nodes)
        if (node.negotiation) safety_nets.insert(node.negotiation->on_client_quit);
    std::vector<int> reached_by(sc.nodes.size(), 0);
    int analysed = 0;
    std::vector<PersonaAnalysis> analyses;
    for (const auto& persona : sc.personas) {
        if (!content->persona(persona)) continue;   // the loader reports the unknown id
        analyses.push_back(analyze(content, scenario, persona, 1, sc.default_difficulty, limits));
        const PersonaAnalysis& a = analyses.back();
        const std::string with = "with persona '" + persona + "'";
        if (!a.complete)
            report(Severity::Warning, "",
                   "analysis " + with + " is incomplete: " + a.limit_message);
        for (const auto& s : a.softlocks)
            report(Severity::Error, node_pointer(sc, s.node),
                   "soft-lock " + with + ": at node '" + s.node +
                       "' no option is available and the meeting cannot go on (reached by choices " +
                       join(s.choices, ",") + ")" + run);
        if (a.complete) {
            ++analysed;
            for (const auto& id : a.reachable_nodes) ++reached_by[sc.node_index.at(id)];
            for (const auto& e : a.endings) {
                if (e.reachable) continue;
                const bool safety_net = !designed.count(e.id) && safety_nets.count(e.id);
                if (!safety_net)
                    report(Severity::Error, node_pointer(sc, e.id),
                           "ending '" + e.id + "' can never be reached " + with + run);
                else
                    report(Severity::Warning, node_pointer(sc, e.id),
                           "ending '" + e.id + "' can never be reached " + with +
                               ": it is only a safety net (patience running out or the client "
                               "quitting a negotiation), and that never happens" + run);
            }
            if (!a.best)
                report(Severity::Error, node_pointer(sc, sc.start),
                       "no run " + with + " reaches an ending" + run);
        }
        for (const auto& c : a.cycles_without_exit)
            report(Severity::Warning, node_pointer(sc, c.front()),
                   "nodes " + join(c, ", ") + " form a cycle with no way out " + with +
                       ": only the client's patience running out ends it" + run);
        if (a.best && a.best->stars < 3)
            report(Severity::Warning, "",
                   "no run " + with + " earns three stars: the best total is " +
                       std::to_string(a.best->total) + " (choices " + join(a.best->choices, ",") +
                       ")" + run);
    }
    check_teaching(content, scenario, analyses, diags);
    if (analyses_out) *analyses_out = analyses;
    // A node no persona can reach is dead content; one reached by some personas only is not.
    if (analysed > 0 && analysed == static_cast<int>(sc.personas.size()))
        for (std::size_t i = 0; i < sc.nodes.size(); ++i)
            if (reached_by[i] == 0 && sc.nodes[i].kind != NodeKind::Ending)
                report(Severity::Warning, "/nodes/" + std::to_string(i),
                       "node '" + sc.nodes[i].id + "' is reached by no persona" + run);
}

void check_soundness_located(const CompetencyModel& model, const std::map<std::string, Persona>& personas,
                             std::shared_ptr<const Scenario> scenario, std::string_view text,
                             Diagnostics& diags) {
    auto content = std::make_shared<ContentSet>();
    content->model = model;
    content->personas = personas;
    content->scenarios.push_back(scenario);
    Diagnostics found;
    check_soundness(content, scenario, found);
    for (auto& d : found.items) {
        // Pointers here are "" or "/nodes/N".
        const std::string prefix = "/nodes/";
        if (d.pointer.rfind(prefix, 0) == 0) {
            const Path path{key_seg("nodes"), index_seg(std::stoul(d.pointer.substr(prefix.size())))};
            const TextPosition at = position_of(text, locate(text, path, Anchor::Value));
            d.line = at.line;
            d.column = at.column;
        }
        diags.add(std::move(d));
    }
}

}  // namespace parley
