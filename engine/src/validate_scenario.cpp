// Semantic checks over the node graph of a scenario (see validate_scenario.h).
//
// Contents
//   1. Ids                (duplicate node ids, duplicate option ids within a node)
//   2. Edges              (every next-node reference, collected and checked; duties' endings)
//   3. Reachability       (unreachable nodes are warnings)
//   4. Loops with no way out (strongly connected components, iterative Tarjan)
#include "validate_scenario.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>

#include "json_reader.h"

namespace parley {

namespace {

using Adjacency = std::vector<std::vector<std::uint32_t>>;

Path path_of(std::initializer_list<PathSeg> segs) { return Path(segs); }

struct Checker {
    const Scenario& s;
    Reporter& rep;
    Adjacency adj;

    void error(const Path& p, std::string msg) { rep.report(Severity::Error, p, std::move(msg)); }
    void warning(const Path& p, std::string msg) { rep.report(Severity::Warning, p, std::move(msg)); }

    // ========================================================================
    // 1. Ids
    // ========================================================================

    void ids() {
        for (std::size_t i = 0; i < s.nodes.size(); ++i) {
            const Node& n = s.nodes[i];
            if (n.id.empty()) continue;
            auto it = s.node_index.find(n.id);
            if (it != s.node_index.end() && it->second != i)
                error(path_of({key_seg("nodes"), index_seg(i), key_seg("id")}),
                      "duplicate node id \"" + n.id + "\" (first at /nodes/" + std::to_string(it->second) + ")");
            for (std::size_t j = 0; j < n.options.size(); ++j) {
                const std::string& oid = n.options[j].id;
                if (oid.empty()) continue;
                for (std::size_t k = 0; k < j; ++k) {
                    if (n.options[k].id != oid) continue;
                    error(path_of({key_seg("nodes"), index_seg(i), key_seg("options"), index_seg(j), key_seg("id")}),
                          "duplicate option id \"" + oid + "\" in node \"" + n.id + "\" (first at index " +
                              std::to_string(k) + ")");
                    break;
                }
            }
        }
    }

    // ========================================================================
    // 2. Edges
    // ========================================================================

    std::optional<std::size_t> target(const std::string& id, const Path& p, std::string_view what) {
        if (id.empty()) return std::nullopt;  // missing or invalid: already reported
        auto it = s.node_index.find(id);
        if (it != s.node_index.end()) return it->second;
        std::string hint;
        if (s.nodes.size() <= 500) {
            std::vector<std::string_view> ids;
            for (const auto& [nid, idx] : s.node_index) ids.push_back(nid);
            hint = suggestion(id, ids);
        }
        error(p, std::string(what) + " node \"" + printable(id, 60) + "\" does not exist" + hint);
        return std::nullopt;
    }

    void edge(std::size_t from, const std::string& id, Path p, std::string_view what = "next") {
        if (auto to = target(id, p, what)) adj[from].push_back(static_cast<std::uint32_t>(*to));
    }

    void consequence_edges(std::size_t from, const Consequence& q, Path& p) {
        for (std::size_t k = 0; k < q.branches.size(); ++k) {
            p.push_back(key_seg("branch"));
            p.push_back(index_seg(k));
            p.push_back(key_seg("next"));
            edge(from, q.branches[k].next, p);
            p.resize(p.size() - 3);
        }
        p.push_back(key_seg("next"));
        edge(from, q.next, p);
        p.pop_back();
    }

    void edges() {
        adj.assign(s.nodes.size(), {});
        for (std::size_t i = 0; i < s.nodes.size(); ++i) {
            const Node& n = s.nodes[i];
            Path p{key_seg("nodes"), index_seg(i)};
            for (std::size_t j = 0; j < n.options.size(); ++j) {
                const Option& o = n.options[j];
                p.push_back(key_seg("options"));
                p.push_back(index_seg(j));
                consequence_edges(i, o.consequence, p);
                if (o.close) {
                    p.push_back(key_seg("close"));
                    p.push_back(key_seg("premature"));
                    consequence_edges(i, o.close->premature, p);
                    p.resize(p.size() - 2);
                }
                p.resize(p.size() - 2);
            }
            if (n.negotiation) {
                p.push_back(key_seg("negotiation"));
                for (auto [field, id] : {std::pair<std::string_view, const std::string*>{"on_deal", &n.negotiation->on_deal},
                                         {"on_no_deal", &n.negotiation->on_no_deal},
                                         {"on_client_quit", &n.negotiation->on_client_quit}}) {
                    p.push_back(key_seg(field));
                    edge(i, *id, p, field);
                    p.pop_back();
                }
                p.pop_back();
            }
        }
    }

    // A duty's `before` names endings: the meeting must not reach them with the duty undone.
    void duty_endings() {
        for (std::size_t i = 0; i < s.duties.size(); ++i) {
            const DutyRequirement& d = s.duties[i];
            for (std::size_t k = 0; k < d.before.size(); ++k) {
                const Path p = path_of({key_seg("duties"), index_seg(i), key_seg("before"), index_seg(k)});
                auto t = target(d.before[k], p, "before");
                if (t && s.nodes[*t].kind != NodeKind::Ending)
                    error(p, "duty \"" + std::string(id_of(d.duty)) + "\" is required before endings; \"" +
                                 d.before[k] + "\" is not an ending (its stage is \"" +
                                 std::string(id_of(s.nodes[*t].stage)) + "\")");
            }
        }
    }

    std::optional<std::size_t> start() { return target(s.start, path_of({key_seg("start")}), "start"); }

    std::optional<std::size_t> patience_out() {
        auto t = target(s.patience_out, path_of({key_seg("patience_out")}), "patience_out");
        if (t && s.nodes[*t].kind != NodeKind::Ending)
            error(path_of({key_seg("patience_out")}),
                  "patience_out must name an ending node; \"" + s.patience_out + "\" has stage \"" +
                      std::string(id_of(s.nodes[*t].stage)) + "\"");
        return t;
    }

    // ========================================================================
    // 3. Reachability
    // ========================================================================

    // From the start, and the patience-out ending (reached when patience runs out).
    void reachability(std::size_t from, std::optional<std::size_t> timeout) {
        std::vector<char> seen(s.nodes.size(), 0);
        std::vector<std::uint32_t> todo{static_cast<std::uint32_t>(from)};
        seen[from] = 1;
        if (timeout && !seen[*timeout]) {
            seen[*timeout] = 1;
            todo.push_back(static_cast<std::uint32_t>(*timeout));
        }
        while (!todo.empty()) {
            std::uint32_t v = todo.back();
            todo.pop_back();
            for (std::uint32_t w : adj[v])
                if (!seen[w]) {
                    seen[w] = 1;
                    todo.push_back(w);
                }
        }
        for (std::size_t i = 0; i < s.nodes.size(); ++i)
            if (!seen[i])
                warning(path_of({key_seg("nodes"), index_seg(i)}),
                        "node \"" + s.nodes[i].id + "\" is unreachable from the start node \"" + s.start + "\"");
    }

    // ========================================================================
    // 4. Loops with no way out
    // ========================================================================
    //
    // A strongly connected set of nodes that no edge leaves traps the trainee: only their
    // patience running out ends the meeting, which is not a way out an author intends.
    // (An ending has no outgoing edges, so it is never inside such a loop.)

    void loops() {
        const std::size_t n = s.nodes.size();
        constexpr std::uint32_t kNone = UINT32_MAX;
        std::vector<std::uint32_t> index(n, kNone), low(n, 0), comp(n, kNone);
        std::vector<char> on_stack(n, 0);
        std::vector<std::uint32_t> stack;
        struct Frame {
            std::uint32_t v;
            std::size_t next_edge;
        };
        std::vector<Frame> calls;
        std::uint32_t counter = 0, comps = 0;

        for (std::uint32_t root = 0; root < n; ++root) {
            if (index[root] != kNone) continue;
            index[root] = low[root] = counter++;
            stack.push_back(root);
            on_stack[root] = 1;
            calls.push_back({root, 0});
            while (!calls.empty()) {
                std::uint32_t v = calls.back().v;
                if (calls.back().next_edge < adj[v].size()) {
                    std::uint32_t w = adj[v][calls.back().next_edge++];
                    if (index[w] == kNone) {
                        index[w] = low[w] = counter++;
                        stack.push_back(w);
                        on_stack[w] = 1;
                        calls.push_back({w, 0});
                    } else if (on_stack[w]) {
                        low[v] = std::min(low[v], index[w]);
                    }
                    continue;
                }
                calls.pop_back();
                if (!calls.empty()) low[calls.back().v] = std::min(low[calls.back().v], low[v]);
                if (low[v] == index[v]) {
                    std::uint32_t w;
                    do {
                        w = stack.back();
                        stack.pop_back();
                        on_stack[w] = 0;
                        comp[w] = comps;
                    } while (w != v);
                    ++comps;
                }
            }
        }

        std::vector<std::uint32_t> size(comps, 0);
        std::vector<char> exits(comps, 0), self_loop(comps, 0);
        for (std::uint32_t v = 0; v < n; ++v) {
            ++size[comp[v]];
            for (std::uint32_t w : adj[v]) {
                if (comp[w] != comp[v]) exits[comp[v]] = 1;
                else if (w == v) self_loop[comp[v]] = 1;
            }
        }
        std::vector<char> reported(comps, 0);
        for (std::uint32_t v = 0; v < n; ++v) {  // file order: report at the first node
            std::uint32_t c = comp[v];
            if (reported[c] || exits[c] || (size[c] < 2 && !self_loop[c])) continue;
            reported[c] = 1;
            std::string names;
            std::size_t listed = 0;
            for (std::uint32_t w = v; w < n && listed < 8; ++w) {
                if (comp[w] != c) continue;
                names += (listed++ ? ", \"" : "\"") + s.nodes[w].id + "\"";
            }
            if (size[c] > listed) names += ", … (" + std::to_string(size[c]) + " nodes)";
            error(path_of({key_seg("nodes"), index_seg(v)}),
                  "nodes " + names +
                      " loop with no way out: no option leads outside them and none is an ending "
                      "(patience running out does not count)");
        }
    }
};

}  // namespace

void validate_scenario(const Scenario& s, Reporter& rep) {
    Checker c{s, rep, {}};
    c.ids();
    c.edges();
    c.duty_endings();
    auto start = c.start();
    auto timeout = c.patience_out();
    // Unreachable nodes are only worth a warning once the errors are fixed: a broken
    // reference or a misspelt "options" makes every node behind it unreachable.
    if (start && rep.errors() == 0) c.reachability(*start, timeout);
    c.loops();
}

}  // namespace parley
