// Reading conditions and effects, with every name resolved (see load_conditions.h).
//
// Contents
//   1. Names     (what a reference is, and what it should have been)
//   2. Conditions
//   3. Effects
#include "load_conditions.h"

#include <algorithm>
#include <array>

namespace parley {

// ============================================================================
// 1. Names
// ============================================================================

namespace {

const char* kind_word(NameKind k) {
    switch (k) {
        case NameKind::Number: return "variable";
        case NameKind::Flag: return "flag";
        case NameKind::Need: return "need";
        case NameKind::Objection: return "objection";
    }
    return "name";
}

const char* declared_in(NameKind k) {
    switch (k) {
        case NameKind::Number: return "/state/variables";
        case NameKind::Flag: return "/state/flags";
        case NameKind::Need: return "/state/needs";
        case NameKind::Objection: return "/state/objections";
    }
    return "/state";
}

const std::unordered_set<std::string_view>* set_of(NameKind k, const ScenarioNames& n) {
    switch (k) {
        case NameKind::Number: return &n.variables;
        case NameKind::Flag: return &n.flags;
        case NameKind::Need: return &n.needs;
        case NameKind::Objection: return &n.objections;
    }
    return nullptr;
}

}  // namespace

bool check_name(Reader& r, const std::string& name, NameKind expected, const ScenarioNames& n, Anchor anchor) {
    if (expected == NameKind::Number && ScenarioNames::is_meter(name)) return true;
    if (set_of(expected, n)->count(name)) return true;

    // Declared, but as something else: a type error, said as such.
    for (NameKind other : {NameKind::Number, NameKind::Flag, NameKind::Need, NameKind::Objection}) {
        if (other == expected) continue;
        bool is_other = set_of(other, n)->count(name) > 0 ||
                        (other == NameKind::Number && ScenarioNames::is_meter(name));
        if (!is_other) continue;
        std::string what = other == NameKind::Number && ScenarioNames::is_meter(name) ? "meter" : kind_word(other);
        std::string wanted = expected == NameKind::Number ? "a meter or variable" : std::string("a ") + kind_word(expected);
        r.error("\"" + name + "\" is a " + what + ", not " + wanted, anchor);
        return false;
    }

    std::vector<std::string_view> candidates(set_of(expected, n)->begin(), set_of(expected, n)->end());
    if (expected == NameKind::Number) candidates.insert(candidates.end(), {"trust", "interest", "patience"});
    std::sort(candidates.begin(), candidates.end());
    r.error("undefined " + std::string(kind_word(expected)) + " \"" + printable(name, 60) + "\"" +
                suggestion(name, candidates) + " (declare it in " + declared_in(expected) + ")",
            anchor);
    return false;
}

// ============================================================================
// 2. Conditions
// ============================================================================

namespace {

constexpr std::array<std::string_view, 10> kForms{"all", "any", "not", "var", "flag", "need",
                                                   "objection", "emotion", "persona", "difficulty"};

std::optional<CmpOp> parse_op(const std::string& s) {
    if (s == "<") return CmpOp::Lt;
    if (s == "<=") return CmpOp::Le;
    if (s == "==") return CmpOp::Eq;
    if (s == "!=") return CmpOp::Ne;
    if (s == ">=") return CmpOp::Ge;
    if (s == ">") return CmpOp::Gt;
    return std::nullopt;
}

// A non-empty list of catalogue ids, e.g. {"emotion": ["anger", "suspicion"]}.
template <class E>
std::vector<E> read_enum_list(Reader& r, const json& v, std::string_view what) {
    std::vector<E> out;
    const json::array_t* arr = r.array(v, true);
    if (!arr) return out;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Reader::At at(r, i);
        if (auto e = r.enumeration<E>((*arr)[i], what)) out.push_back(*e);
    }
    return out;
}

void read_form(Reader& r, std::string_view form, const json& v, Condition& c, const ScenarioNames& n) {
    Reader::At at(r, form);
    if (form == "all" || form == "any") {
        c.kind = form == "all" ? Condition::Kind::All : Condition::Kind::Any;
        const json::array_t* arr = r.array(v, true);
        if (!arr) return;
        c.children.reserve(arr->size());
        for (std::size_t i = 0; i < arr->size(); ++i) {
            Reader::At at_i(r, i);
            c.children.push_back(read_condition(r, (*arr)[i], n));
        }
    } else if (form == "not") {
        c.kind = Condition::Kind::Not;
        c.children.push_back(read_condition(r, v, n));
    } else if (form == "var") {
        c.kind = Condition::Kind::Compare;
        if (const std::string* s = r.string(v)) {
            c.subject = *s;
            check_name(r, c.subject, NameKind::Number, n);
        }
    } else if (form == "flag" || form == "need" || form == "objection") {
        c.kind = form == "flag" ? Condition::Kind::Flag : form == "need" ? Condition::Kind::Need : Condition::Kind::Objection;
        NameKind k = form == "flag" ? NameKind::Flag : form == "need" ? NameKind::Need : NameKind::Objection;
        if (const std::string* s = r.string(v)) {
            c.subject = *s;
            check_name(r, c.subject, k, n);
        }
    } else if (form == "emotion") {
        c.kind = Condition::Kind::Emotion;
        c.emotions = read_enum_list<Emotion>(r, v, "emotion");
    } else if (form == "difficulty") {
        c.kind = Condition::Kind::Difficulty;
        c.difficulties = read_enum_list<Difficulty>(r, v, "difficulty");
    } else if (form == "persona") {
        c.kind = Condition::Kind::Persona;
        const json::array_t* arr = r.array(v, true);
        if (!arr) return;
        for (std::size_t i = 0; i < arr->size(); ++i) {
            Reader::At at_i(r, i);
            const std::string* s = r.string((*arr)[i]);
            if (!s) continue;
            if (std::find(n.personas.begin(), n.personas.end(), *s) == n.personas.end())
                r.error("persona \"" + printable(*s, 60) + "\" is not one of this scenario's personas (" +
                        join_ids(n.personas) + ")");
            c.personas.push_back(*s);
        }
    }
}

}  // namespace

Condition read_condition(Reader& r, const json& v, const ScenarioNames& n) {
    Condition c;
    if (!v.is_object()) {
        r.error("expected a condition object such as {\"flag\": \"…\"}, found " + describe(v));
        return c;
    }
    Fields f(r, v);
    // Which form is it? Look at the object's own (one to three) keys rather than asking
    // for all ten forms: conditions are everywhere in a large scenario.
    std::string_view form;
    std::size_t forms = 0;
    for (const auto& [key, value] : v.get_ref<const json::object_t&>()) {
        (void)value;
        auto it = std::find(kForms.begin(), kForms.end(), key);
        if (it == kForms.end()) continue;
        if (forms++ == 0) form = *it;  // the literal: it outlives the walk
    }
    if (forms != 1) {
        std::vector<std::string_view> present;
        for (std::string_view name : kForms)  // also tells the unknown-field check every form
            if (f.get(name)) present.push_back(name);
        if (forms > 1) {
            r.error("a condition has exactly one form, found " + join_ids(present) +
                    " (combine conditions with {\"all\": […]})");
            f.dismiss();
        } else if (v.empty()) {
            r.error("empty condition: expected one of " + join_ids({kForms.begin(), kForms.end()}));
        }
        return c;  // with no form, its unknown fields are reported, with suggestions
    }
    const json* value = f.get(form);
    read_form(r, form, *value, c, n);

    if (c.kind == Condition::Kind::Compare) {
        if (const json* op = f.get("op", Required)) {
            Reader::At at(r, "op");
            if (const std::string* s = r.string(*op)) {
                if (auto parsed = parse_op(*s)) c.op = *parsed;
                else r.unknown_id(*s, "comparison", {"<", "<=", "==", "!=", ">=", ">"});
            }
        }
        if (const json* val = f.get("value", Required)) {
            Reader::At at(r, "value");
            if (auto x = r.integer(*val, -1000000, 1000000)) c.value = static_cast<int>(*x);
        }
    } else if (c.kind == Condition::Kind::Objection) {
        if (const json* is = f.get("is", Required)) {
            Reader::At at(r, "is");
            if (const std::string* s = r.string(*is)) {
                if (*s == "raised") c.objection_is = Condition::ObjectionIs::Raised;
                else if (*s == "open") c.objection_is = Condition::ObjectionIs::Open;
                else if (*s == "resolved") c.objection_is = Condition::ObjectionIs::Resolved;
                else r.unknown_id(*s, "objection state", {"raised", "open", "resolved"});
            }
        }
    }
    return c;
}

// ============================================================================
// 3. Effects
// ============================================================================

namespace {

// {"variable": n, …} for "add" and "set": only declared variables (meters have their own fields).
void read_variable_map(Reader& r, const json& v, std::map<std::string, int>& out, const ScenarioNames& n) {
    if (!r.expect_object(v)) return;
    for (const auto& [key, value] : v.get_ref<const json::object_t&>()) {
        Reader::At at(r, key);
        if (ScenarioNames::is_meter(key)) {
            r.error("\"" + key + "\" is a meter: change it with the effects' \"" + key + "\" field", Anchor::Key);
            continue;
        }
        if (!check_name(r, key, NameKind::Number, n, Anchor::Key)) continue;
        if (auto x = r.integer(value, -1000000, 1000000)) out[key] = static_cast<int>(*x);
    }
}

void read_name_list(Reader& r, const json& v, std::vector<std::string>& out, NameKind kind, const ScenarioNames& n) {
    const json::array_t* arr = r.array(v);
    if (!arr) return;
    out.reserve(arr->size());
    for (std::size_t i = 0; i < arr->size(); ++i) {
        Reader::At at(r, i);
        const std::string* s = r.string((*arr)[i]);
        if (!s) continue;
        check_name(r, *s, kind, n);
        out.push_back(*s);
    }
}

}  // namespace

Effects read_effects(Reader& r, const json& v, const ScenarioNames& n) {
    Effects e;
    if (!r.expect_object(v)) return e;
    Fields f(r, v);
    f.integer("trust", e.trust, -100, 100, Optional);
    f.integer("interest", e.interest, -100, 100, Optional);
    f.integer("patience", e.patience, -20, 20, Optional);
    f.enumeration("emotion", e.emotion, Optional, "emotion");
    for (auto [name, out] : {std::pair<std::string_view, std::map<std::string, int>*>{"add", &e.add}, {"set", &e.set}}) {
        if (const json* x = f.get(name)) {
            Reader::At at(r, name);
            read_variable_map(r, *x, *out, n);
        }
    }
    struct List {
        std::string_view name;
        std::vector<std::string>* out;
        NameKind kind;
    };
    for (const List& l : {List{"set_flags", &e.set_flags, NameKind::Flag}, List{"clear_flags", &e.clear_flags, NameKind::Flag},
                          List{"discover_needs", &e.discover_needs, NameKind::Need},
                          List{"raise_objections", &e.raise_objections, NameKind::Objection},
                          List{"resolve_objections", &e.resolve_objections, NameKind::Objection}}) {
        if (const json* x = f.get(l.name)) {
            Reader::At at(r, l.name);
            read_name_list(r, *x, *l.out, l.kind, n);
        }
    }
    return e;
}

}  // namespace parley
