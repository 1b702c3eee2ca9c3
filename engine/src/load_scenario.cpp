// Loading a scenario (format reference §3): header, client state, nodes, options,
// negotiation blocks, endings. References to declared names are resolved while reading;
// the node graph is checked afterwards (validate_scenario.cpp).
//
// Contents
//   1. Header lists and the client state
//   2. Options                   (consequences, objections, closes, violations)
//   3. Nodes                     (what each stage must and must not hold)
//   4. parse_scenario, parse_scenario_draft
//   5. Locating a pointer in the node list
// Negotiation blocks are read in load_negotiation.cpp.
#include <algorithm>
#include <map>
#include <set>
#include <type_traits>

#include "json_reader.h"
#include "load_conditions.h"
#include "load_negotiation.h"
#include "parley/loader.h"
#include "parley/writer.h"
#include "validate_scenario.h"

namespace parley {

namespace {

struct Context {
    Reader& r;
    const CompetencyModel& model;
    const std::map<std::string, Persona>& personas;
    ScenarioNames names;
    std::vector<Duty> duties;  // declared in /duties, for options' `fulfils`
};

// ============================================================================
// 1. Header lists and the client state
// ============================================================================

void read_objectives(Reader& r, const json& v, std::vector<Text>& out) {
    const json::array_t* arr = r.array(v, true);
    if (!arr) return;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Reader::At at(r, i);
        if (auto t = r.text((*arr)[i])) out.push_back(std::move(*t));
    }
}

void read_competency_list(Context& c, const json& v, std::vector<std::string>& out) {
    const json::array_t* arr = c.r.array(v);
    if (!arr) return;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Reader::At at(c.r, i);
        const std::string* id = c.r.string((*arr)[i]);
        if (!id) continue;
        if (!c.model.find(*id)) {
            std::vector<std::string_view> ids;
            for (const auto& comp : c.model.competencies) ids.push_back(comp.id);
            c.r.unknown_id(*id, "competency", ids);
        } else if (std::find(out.begin(), out.end(), *id) != out.end()) {
            c.r.error("competency \"" + *id + "\" is listed twice");
        }
        out.push_back(*id);
    }
}

// Every persona a scenario names must exist in the content root's personas/ folder.
void read_persona_list(Context& c, const json& v, std::vector<std::string>& out) {
    const json::array_t* arr = c.r.array(v, true);
    if (!arr) return;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Reader::At at(c.r, i);
        auto id = c.r.id((*arr)[i]);
        if (!id) continue;
        if (c.personas.find(*id) == c.personas.end()) {
            std::vector<std::string_view> known;
            for (const auto& [pid, p] : c.personas) known.push_back(pid);
            c.r.error("undefined persona \"" + *id + "\"" + suggestion(*id, known) + ": no persona with this id in personas/");
        } else if (std::find(out.begin(), out.end(), *id) != out.end()) {
            c.r.error("persona \"" + *id + "\" is listed twice");
        }
        out.push_back(*id);
    }
}

// `sources`: the seed sections content teaches, each "NNN section" where NNN is one of the
// seed documents (catalogue.h) — "004 第38招", "000 投诉处理". Shared by scenarios and options.
void read_sources(Reader& r, const json& v, std::vector<std::string>& out) {
    const json::array_t* arr = r.array(v);
    if (!arr) return;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Reader::At at(r, i);
        const std::string* s = r.string((*arr)[i]);
        if (!s) continue;
        const std::size_t space = s->find(' ');
        const std::string document = s->substr(0, space);
        const std::string section = space == std::string::npos ? std::string() : s->substr(space + 1);
        auto blank_at = [](const std::string& x, std::size_t k) {
            return x[k] == ' ' || x[k] == '\t' || x[k] == '\n' || x[k] == '\r';
        };
        if (space == std::string::npos || section.empty() || blank_at(section, 0) ||
            blank_at(section, section.size() - 1)) {
            r.error("invalid source \"" + printable(*s, 60) +
                    "\": expected \"NNN section\", a seed document (" + join_ids(catalogue_ids<SeedDocument>()) +
                    ") and the section it teaches, e.g. \"004 第38招\"");
            continue;
        }
        if (!parse<SeedDocument>(document)) {
            r.unknown_id(document, "seed document", catalogue_ids<SeedDocument>());
            continue;
        }
        if (auto first = std::find(out.begin(), out.end(), *s); first != out.end()) {
            r.error("source \"" + *s + "\" is listed twice (first at index " +
                    std::to_string(first - out.begin()) + ")");
            continue;
        }
        out.push_back(*s);
    }
}

// `duties`: the positive obligations of the meeting (seed 004 篇6). Their `before` endings are
// checked with the node graph (validate_scenario.cpp).
void read_duties(Reader& r, const json& v, std::vector<DutyRequirement>& out) {
    const json::array_t* arr = r.array(v);
    if (!arr) return;
    std::map<Duty, std::size_t> seen;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Reader::At at(r, i);
        if (!r.expect_object((*arr)[i])) continue;
        DutyRequirement d;
        Fields f(r, (*arr)[i]);
        const bool id_ok = f.enumeration("id", d.duty, Required, "duty");
        f.boolean("critical", d.critical, Required);
        f.text("explanation", d.explanation, Required);
        if (const json* before = f.get("before")) {
            Reader::At at_b(r, "before");
            if (const json::array_t* ends = r.array(*before, true)) {
                for (std::size_t k = 0; k < ends->size(); ++k) {
                    Reader::At at_k(r, k);
                    auto id = r.id((*ends)[k]);
                    if (!id) continue;
                    if (std::find(d.before.begin(), d.before.end(), *id) != d.before.end()) {
                        r.error("ending \"" + *id + "\" is listed twice");
                        continue;
                    }
                    d.before.push_back(std::move(*id));
                }
            }
        }
        if (!id_ok) continue;
        if (auto [it, fresh] = seen.emplace(d.duty, i); !fresh) {
            Reader::At at_id(r, "id");
            r.error("duty \"" + std::string(id_of(d.duty)) + "\" is listed twice (first at /duties/" +
                    std::to_string(it->second) + ")");
            continue;
        }
        out.push_back(std::move(d));
    }
}

// A list of declared things with ids: each read by `read_one`, duplicates reported.
template <class T, class ReadOne>
void read_declarations(Reader& r, const json& v, std::vector<T>& out, std::string_view what, ReadOne read_one) {
    const json::array_t* arr = r.array(v);
    if (!arr) return;
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Reader::At at(r, i);
        T item;
        if (!read_one((*arr)[i], item)) continue;
        const std::string& id = [&]() -> const std::string& {
            if constexpr (std::is_same_v<T, std::string>) return item;
            else return item.id;
        }();
        if (auto [it, fresh] = seen.emplace(id, i); !fresh) {
            r.error("duplicate " + std::string(what) + " \"" + id + "\" (first at index " + std::to_string(it->second) + ")");
            continue;
        }
        out.push_back(std::move(item));
    }
}

void read_state(Context& c, const json& v, StateDecl& st) {
    Reader& r = c.r;
    if (!r.expect_object(v)) return;
    Fields f(r, v);
    f.integer("trust", st.trust, 0, 100, Required);
    f.integer("interest", st.interest, 0, 100, Required);
    f.integer("patience", st.patience, 1, 100, Required);
    f.enumeration("emotion", st.emotion, Required, "emotion");

    if (const json* vars = f.get("variables")) {
        Reader::At at(r, "variables");
        if (r.expect_object(*vars)) {
            for (const auto& [name, value] : vars->get_ref<const json::object_t&>()) {
                Reader::At at_v(r, name);
                if (ScenarioNames::is_meter(name)) {
                    r.error("\"" + name + "\" is a meter; trust, interest and patience are reserved names", Anchor::Key);
                    continue;
                }
                if (!valid_id(name)) {
                    r.error("invalid variable name \"" + printable(name, 60) +
                                "\": names use lower-case letters, digits, '_' and '-'",
                            Anchor::Key);
                    continue;
                }
                if (auto n = r.integer(value, -1000000, 1000000))
                    st.variables.push_back(VariableDecl{name, static_cast<int>(*n)});
            }
        }
    }
    if (const json* flags = f.get("flags")) {
        Reader::At at(r, "flags");
        read_declarations(r, *flags, st.flags, "flag", [&](const json& x, std::string& out) {
            auto id = r.id(x);
            if (id) out = std::move(*id);
            return id.has_value();
        });
    }
    if (const json* needs = f.get("needs")) {
        Reader::At at(r, "needs");
        read_declarations(r, *needs, st.needs, "need", [&](const json& x, NeedDecl& out) {
            if (!r.expect_object(x)) return false;
            Fields nf(r, x);
            bool ok = nf.id("id", out.id, Required);
            nf.text("label", out.label, Required);
            return ok;
        });
    }
    if (const json* objs = f.get("objections")) {
        Reader::At at(r, "objections");
        read_declarations(r, *objs, st.objections, "objection", [&](const json& x, ObjectionDecl& out) {
            if (!r.expect_object(x)) return false;
            Fields of(r, x);
            bool ok = of.id("id", out.id, Required);
            of.enumeration("type", out.type, Required, "objection type");
            of.text("label", out.label, Required);
            return ok;
        });
    }
}

// The views point into `st`, which is complete and no longer changes.
void declare_names(const StateDecl& st, ScenarioNames& n) {
    for (const auto& v : st.variables) n.variables.insert(v.id);
    for (const auto& f : st.flags) n.flags.insert(f);
    for (const auto& x : st.needs) n.needs.insert(x.id);
    for (const auto& o : st.objections) n.objections.insert(o.id);
}

// ============================================================================
// 2. Options
// ============================================================================

void read_evidence(Context& c, const json& v, std::vector<Evidence>& out) {
    Reader& r = c.r;
    if (!r.expect_object(v)) return;
    for (const auto& [id, value] : v.get_ref<const json::object_t&>()) {
        Reader::At at(r, id);
        if (!c.model.find(id)) {
            std::vector<std::string_view> ids;
            for (const auto& comp : c.model.competencies) ids.push_back(comp.id);
            r.unknown_id(id, "competency", ids, Anchor::Key);
            continue;
        }
        if (auto n = r.integer(value, -3, 3)) out.push_back(Evidence{id, static_cast<int>(*n)});
    }
}

void read_branches(Context& c, const json& v, std::vector<Branch>& out) {
    Reader& r = c.r;
    const json::array_t* arr = r.array(v);
    if (!arr) return;
    out.reserve(arr->size());
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Reader::At at(r, i);
        Branch b;  // kept even when broken, so indices match the document
        if (r.expect_object((*arr)[i])) {
            Fields f(r, (*arr)[i]);
            if (const json* cond = f.get("if", Required)) {
                Reader::At at_if(r, "if");
                b.when = read_condition(r, *cond, c.names);
            }
            f.id("next", b.next, Required);
        }
        out.push_back(std::move(b));
    }
}

// effects, evidence, feedback, branch, next: shared by an option and its premature close.
void read_consequence(Context& c, Fields& f, Consequence& q) {
    Reader& r = c.r;
    if (const json* x = f.get("effects")) {
        Reader::At at(r, "effects");
        q.effects = read_effects(r, *x, c.names);
    }
    if (const json* x = f.get("evidence")) {
        Reader::At at(r, "evidence");
        read_evidence(c, *x, q.evidence);
    }
    f.text("feedback", q.feedback, Required);  // every decision is explained in the debrief
    if (const json* x = f.get("branch")) {
        Reader::At at(r, "branch");
        read_branches(c, *x, q.branches);
    }
    f.id("next", q.next, Required);
}

std::optional<ObjectionAnswer> read_objection_answer(Context& c, const json& v) {
    Reader& r = c.r;
    if (!r.expect_object(v)) return std::nullopt;
    ObjectionAnswer a;
    Fields f(r, v);
    bool ok = true;
    if (f.string("id", a.objection, Required)) {
        Reader::At at(r, "id");
        ok = check_name(r, a.objection, NameKind::Objection, c.names);
    } else {
        ok = false;
    }
    ok = f.enumeration("method", a.method, Required, "objection method") && ok;
    if (!ok) return std::nullopt;
    return a;
}

std::optional<Close> read_close(Context& c, const json& v) {
    Reader& r = c.r;
    if (!r.expect_object(v)) return std::nullopt;
    Close cl;
    Fields f(r, v);
    bool ok = f.enumeration("strategy", cl.strategy, Required, "closing strategy");
    if (const json* x = f.get("timely_if", Required)) {
        Reader::At at(r, "timely_if");
        cl.timely_when = read_condition(r, *x, c.names);
    }
    if (const json* x = f.get("premature", Required)) {
        Reader::At at(r, "premature");
        if (r.expect_object(*x)) {
            Fields pf(r, *x);
            read_consequence(c, pf, cl.premature);
        }
    }
    if (!ok) return std::nullopt;
    return cl;
}

std::optional<Violation> read_violation(Context& c, const json& v) {
    Reader& r = c.r;
    if (!r.expect_object(v)) return std::nullopt;
    Violation vi;
    Fields f(r, v);
    bool ok = f.enumeration("red_line", vi.red_line, Required, "compliance red line");
    f.boolean("critical", vi.critical, Optional);
    f.text("explanation", vi.explanation, Required);
    if (!ok) return std::nullopt;
    return vi;
}

// `fulfils`: duties this option discharges; each must be one the scenario declares.
void read_fulfils(Context& c, const json& v, std::vector<Duty>& out) {
    Reader& r = c.r;
    const json::array_t* arr = r.array(v);
    if (!arr) return;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Reader::At at(r, i);
        auto duty = r.enumeration<Duty>((*arr)[i], "duty");
        if (!duty) continue;
        const std::string id(id_of(*duty));
        if (std::find(c.duties.begin(), c.duties.end(), *duty) == c.duties.end()) {
            std::vector<std::string_view> declared;
            for (Duty d : c.duties) declared.push_back(id_of(d));
            r.error("duty \"" + id + "\" is not one of this scenario's duties (" +
                    (declared.empty() ? std::string("it declares none") : "it declares " + join_ids(declared)) +
                    "; declare it in /duties)");
            continue;
        }
        if (std::find(out.begin(), out.end(), *duty) != out.end()) {
            r.error("duty \"" + id + "\" is listed twice");
            continue;
        }
        out.push_back(*duty);
    }
}

void read_option(Context& c, const json& v, Option& o) {
    Reader& r = c.r;
    if (!r.expect_object(v)) return;
    Fields f(r, v);
    f.id("id", o.id, Required);
    f.text("text", o.text, Required);
    // Tags as written, in order (reactions apply in tag order). A close's strategy tag is not
    // added here: the runtime adds it (effective_tags), so the model says what the file says.
    if (const json* tags = f.get("tags")) {
        Reader::At at(r, "tags");
        if (const json::array_t* arr = r.array(*tags)) {
            for (std::size_t i = 0; i < arr->size(); ++i) {
                Reader::At at_i(r, i);
                auto t = r.enumeration<Tag>((*arr)[i], "technique tag");
                if (!t) continue;
                if (auto first = std::find(o.tags.begin(), o.tags.end(), *t); first != o.tags.end()) {
                    r.error("tag \"" + std::string(id_of(*t)) + "\" is listed twice (first at index " +
                            std::to_string(first - o.tags.begin()) + ")");
                    continue;
                }
                o.tags.push_back(*t);
            }
        }
    }
    if (const json* x = f.get("sources")) {
        Reader::At at(r, "sources");
        read_sources(r, *x, o.sources);
    }
    if (const json* x = f.get("fulfils")) {
        Reader::At at(r, "fulfils");
        read_fulfils(c, *x, o.fulfils);
    }
    if (const json* x = f.get("if")) {
        Reader::At at(r, "if");
        o.when = read_condition(r, *x, c.names);
    }
    read_consequence(c, f, o.consequence);
    if (const json* x = f.get("objection")) {
        Reader::At at(r, "objection");
        o.objection = read_objection_answer(c, *x);
    }
    if (const json* x = f.get("close")) {
        Reader::At at(r, "close");
        o.close = read_close(c, *x);
    }
    if (const json* x = f.get("violation")) {
        Reader::At at(r, "violation");
        o.violation = read_violation(c, *x);
    }
}

// ============================================================================
// 3. Nodes
// ============================================================================

void read_line_by_persona(Context& c, const json& v, Node& n) {
    Reader& r = c.r;
    if (!r.expect_object(v)) return;
    for (const auto& [pid, text] : v.get_ref<const json::object_t&>()) {
        Reader::At at(r, pid);
        const auto& ps = c.names.personas;
        if (std::find(ps.begin(), ps.end(), pid) == ps.end()) {
            r.error("persona \"" + printable(pid, 60) + "\" is not one of this scenario's personas (" + join_ids(ps) + ")",
                    Anchor::Key);
            continue;
        }
        if (auto t = r.text(text)) n.line_by_persona[pid] = std::move(*t);
    }
}

// A field this node's stage does not allow: said plainly rather than "unknown field".
void refuse(Reader& r, Fields& f, std::string_view field, const std::string& why) {
    if (f.get(field)) {
        Reader::At at(r, field);
        r.error(why, Anchor::Key);
    }
}

void read_node(Context& c, const json& v, Node& n) {
    Reader& r = c.r;
    if (!r.expect_object(v)) return;
    Fields f(r, v);
    f.id("id", n.id, Required);
    bool stage_ok = f.enumeration("stage", n.stage, Required, "stage");
    f.text("line", n.line, Required);
    if (const json* x = f.get("line_by_persona")) {
        Reader::At at(r, "line_by_persona");
        read_line_by_persona(c, *x, n);
    }
    f.enumeration("emotion", n.emotion, Optional, "emotion");
    if (const json* x = f.get("cue")) {
        Reader::At at(r, "cue");
        n.cue = r.text(*x);
    }

    std::string stage_name = stage_ok ? std::string(id_of(n.stage)) : std::string("?");
    n.kind = !stage_ok ? NodeKind::Dialogue
           : n.stage == Stage::Ending ? NodeKind::Ending
           : n.stage == Stage::Negotiation ? NodeKind::Negotiation
                                           : NodeKind::Dialogue;

    // Endings hold an outcome and nothing to choose.
    if (stage_ok && n.kind == NodeKind::Ending) {
        f.enumeration("outcome", n.outcome, Required, "outcome");
        f.integer("outcome_score", n.outcome_score, 0, 100, Required);
        f.text("summary", n.summary, Required);
    } else {
        std::string why = "only an ending node has an outcome (this node's stage is \"" + stage_name + "\")";
        if (stage_ok) {
            refuse(r, f, "outcome", why);
            refuse(r, f, "outcome_score", why);
            refuse(r, f, "summary", why);
        } else {  // stage unknown (reported): accept the fields silently
            f.get("outcome");
            f.get("outcome_score");
            f.get("summary");
        }
    }

    // Negotiation nodes hold a negotiation block; its on_* targets lead on.
    if (const json* x = f.get("negotiation", stage_ok && n.kind == NodeKind::Negotiation ? Required : Optional)) {
        Reader::At at(r, "negotiation");
        if (!stage_ok || n.kind == NodeKind::Negotiation)
            n.negotiation = read_negotiation(r, *x);
        else
            r.error("only a node with stage \"negotiation\" holds a negotiation block (this node's stage is \"" +
                        stage_name + "\")",
                    Anchor::Key);
    }

    // Every other node gives the trainee at least one option.
    const json* options = f.get("options");
    if (stage_ok && n.kind != NodeKind::Dialogue) {
        if (options) {
            Reader::At at(r, "options");
            r.error(n.kind == NodeKind::Ending
                        ? "an ending node has no options"
                        : "a negotiation node has no options: its on_deal, on_no_deal and on_client_quit lead on",
                    Anchor::Key);
        }
        return;
    }
    if (!options) {
        if (stage_ok)
            r.error("node \"" + n.id + "\" has no options: every node except an ending or a negotiation needs at least one");
        return;
    }
    Reader::At at(r, "options");
    const json::array_t* arr = r.array(*options);
    if (!arr) return;
    if (arr->empty()) {
        r.error("node \"" + n.id + "\" has no options: every node except an ending or a negotiation needs at least one");
        return;
    }
    n.options.resize(arr->size());  // one per entry, even broken ones, so indices match
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Reader::At at_i(r, i);
        read_option(c, (*arr)[i], n.options[i]);
    }
}

void read_nodes(Context& c, const json& v, Scenario& s) {
    Reader& r = c.r;
    const json::array_t* arr = r.array(v, true);
    if (!arr) return;
    s.nodes.resize(arr->size());  // one per entry, even broken ones, so indices match
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Reader::At at(r, i);
        read_node(c, (*arr)[i], s.nodes[i]);
    }
    for (std::size_t i = 0; i < s.nodes.size(); ++i)
        if (!s.nodes[i].id.empty()) s.node_index.emplace(s.nodes[i].id, i);  // the first of duplicates
}

}  // namespace

// ============================================================================
// 4. parse_scenario, parse_scenario_draft
// ============================================================================

namespace {

// Everything after the header, into `s` (which keeps whatever could be read).
void read_scenario(Context& c, Fields& f, Scenario& s) {
    Reader& r = c.r;
    f.id("id", s.id, Required);
    f.text("title", s.title, Required);
    f.text("summary", s.summary, Required);
    f.text("company", s.company, Required);
    f.text("situation", s.situation, Required);
    // The entry moment (seed 004 第21招) and the note on how it opens the door go together;
    // a complaint or a referral visit has neither.
    const bool moment = f.enumeration("entry_moment", s.entry_moment, Optional, "entry moment");
    const bool note = f.text("entry_note", s.entry_note, Optional);
    if (moment && !f.get("entry_note")) {
        Reader::At at(r, "entry_moment");
        r.error("an entry moment needs its \"entry_note\" (how the moment opens the door); "
                "give both or leave both out");
    }
    if (note && !f.get("entry_moment")) {
        Reader::At at(r, "entry_note");
        r.error("\"entry_note\" explains the entry moment: give \"entry_moment\" too, or leave both out");
    }
    if (const json* x = f.get("sources")) {
        Reader::At at(r, "sources");
        read_sources(r, *x, s.sources);
    }
    if (const json* x = f.get("objectives", Required)) {
        Reader::At at(r, "objectives");
        read_objectives(r, *x, s.objectives);
    }
    f.integer("level", s.level, 1, 3, Required);
    f.enumeration("difficulty", s.default_difficulty, Required, "difficulty");
    if (const json* x = f.get("competencies", Required)) {
        Reader::At at(r, "competencies");
        read_competency_list(c, *x, s.competencies);
    }
    if (const json* x = f.get("personas", Required)) {
        Reader::At at(r, "personas");
        read_persona_list(c, *x, s.personas);
    }
    if (const json* x = f.get("duties")) {
        Reader::At at(r, "duties");
        read_duties(r, *x, s.duties);
    }
    for (const auto& d : s.duties) c.duties.push_back(d.duty);
    if (const json* x = f.get("state", Required)) {
        Reader::At at(r, "state");
        read_state(c, *x, s.state);
    }
    declare_names(s.state, c.names);
    for (const auto& p : s.personas) c.names.personas.push_back(p);
    f.id("start", s.start, Required);
    f.id("patience_out", s.patience_out, Required);
    if (const json* x = f.get("nodes", Required)) {
        Reader::At at(r, "nodes");
        read_nodes(c, *x, s);
    }
}

}  // namespace

namespace {

ScenarioDraft read_draft(Reporter& rep, const json& doc, const std::string& file, const CompetencyModel& model,
                         const std::map<std::string, Persona>& personas) {
    auto s = std::make_shared<Scenario>();
    s->file = file;
    if (!doc.is_object()) {
        rep.report(Severity::Error, {}, "expected a JSON object at the top level, found " + describe(doc));
        rep.flush();
        return {s, false};
    }
    Reader r(rep);
    Context c{r, model, personas, {}, {}};
    bool header_ok = false;
    {
        Fields f(r, doc);
        header_ok = read_header(f, "scenario");
        if (header_ok) read_scenario(c, f, *s);
    }
    if (header_ok) validate_scenario(*s, rep);
    rep.flush();
    const bool complete = rep.errors() == 0;
    if (complete) s->content_hash = content_hash_of(*s);  // over the model, not the text (§6.2)
    return {s, complete};
}

}  // namespace

ScenarioDraft parse_scenario_draft(std::string_view text, const std::string& file, const CompetencyModel& model,
                                   const std::map<std::string, Persona>& personas, Diagnostics& diags) {
    Reporter rep(text, file, diags);
    std::optional<json> doc = parse_json_value(rep);
    if (!doc) return {};  // not JSON: nothing to show
    return read_draft(rep, *doc, file, model, personas);
}

ScenarioDraft read_scenario_document(const json& document, std::string_view text, const std::string& file,
                                     const CompetencyModel& model, const std::map<std::string, Persona>& personas,
                                     Diagnostics& diags) {
    Reporter rep(text, file, diags);
    return read_draft(rep, document, file, model, personas);
}

std::shared_ptr<const Scenario> parse_scenario(std::string_view text, const std::string& file,
                                               const CompetencyModel& model,
                                               const std::map<std::string, Persona>& personas,
                                               Diagnostics& diags) {
    ScenarioDraft draft = parse_scenario_draft(text, file, model, personas, diags);
    return draft.complete ? draft.scenario : nullptr;
}

// ============================================================================
// 5. Locating a pointer in the node list
// ============================================================================

namespace {

// One RFC 6901 array index ("0", "17"; no sign, no leading zero) at `at`, moving past it.
std::optional<std::size_t> pointer_index(std::string_view p, std::size_t& at) {
    std::size_t end = at;
    while (end < p.size() && p[end] >= '0' && p[end] <= '9') ++end;
    const std::size_t n = end - at;
    if (n == 0 || n > 9 || (n > 1 && p[at] == '0') || (end < p.size() && p[end] != '/')) return std::nullopt;
    std::size_t value = 0;
    for (std::size_t k = at; k < end; ++k) value = value * 10 + static_cast<std::size_t>(p[k] - '0');
    at = end;
    return value;
}

}  // namespace

std::optional<NodeRef> node_ref_of(std::string_view pointer) {
    constexpr std::string_view nodes = "/nodes/", options = "/options/";
    if (pointer.substr(0, nodes.size()) != nodes) return std::nullopt;
    std::size_t at = nodes.size();
    auto node = pointer_index(pointer, at);
    if (!node) return std::nullopt;
    NodeRef ref{*node, std::nullopt};
    if (pointer.substr(at, options.size()) == options) {
        at += options.size();
        ref.option = pointer_index(pointer, at);
    }
    return ref;
}

}  // namespace parley
