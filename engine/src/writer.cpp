// The canonical writer (see writer.h): the model back to JSON, field by field, in the order of
// the format reference.
//
// Contents
//   1. Values          (text, catalogue ids, decimal numbers from units)
//   2. Conditions and effects
//   3. Options and nodes
//   4. Negotiation blocks
//   5. Scenario
//   6. Persona
//   7. Competency model
//   8. Canonical text
//
// Every optional field is compared with the loader's default and left out when equal; the
// loader reads an absent field as that default, so the model survives the round trip.
#include "parley/writer.h"

#include <algorithm>

#include "writer_detail.h"

namespace parley {

namespace {

using oj = nlohmann::ordered_json;

// ============================================================================
// 1. Values
// ============================================================================

template <class E>
std::string id(E value) {
    return std::string(id_of(value));
}

template <class E>
oj ids(const std::vector<E>& values) {
    oj out = oj::array();
    for (E v : values) out.push_back(id(v));
    return out;
}

oj strings(const std::vector<std::string>& values) {
    oj out = oj::array();
    for (const auto& v : values) out.push_back(v);
    return out;
}

// A decimal value kept as integer units × 10^decimals: an integer when whole, else the double
// nearest to units / 10^decimals (a correctly rounded division of two exact integers), which the
// loader reads back to the same units and the serializer prints in its shortest form.
oj decimal(std::int64_t units, int decimals) {
    std::int64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    if (units % scale == 0) return units / scale;
    return static_cast<double>(units) / static_cast<double>(scale);
}

const char* op_text(CmpOp op) {
    switch (op) {
        case CmpOp::Lt: return "<";
        case CmpOp::Le: return "<=";
        case CmpOp::Eq: return "==";
        case CmpOp::Ne: return "!=";
        case CmpOp::Ge: return ">=";
        case CmpOp::Gt: return ">";
    }
    return ">=";
}

const char* objection_state(Condition::ObjectionIs is) {
    switch (is) {
        case Condition::ObjectionIs::Raised: return "raised";
        case Condition::ObjectionIs::Open: return "open";
        case Condition::ObjectionIs::Resolved: return "resolved";
    }
    return "open";
}

}  // namespace

namespace writer_detail {

void Writer::text(oj& o, const char* key, const Text& t) const {
    if (!wording) return;
    o[key] = oj{{"zh", t.zh}, {"en", t.en}};
}

// ============================================================================
// 2. Conditions and effects
// ============================================================================

oj Writer::condition(const Condition& c) const {
    using K = Condition::Kind;
    switch (c.kind) {
        case K::True:  // never inside a loaded tree (no JSON form); an empty `all` holds too
        case K::All:
        case K::Any: {
            oj children = oj::array();
            for (const auto& child : c.children) children.push_back(condition(child));
            return oj{{c.kind == K::Any ? "any" : "all", children}};
        }
        case K::Not: return oj{{"not", c.children.empty() ? oj::object() : condition(c.children[0])}};
        case K::Compare: return oj{{"var", c.subject}, {"op", op_text(c.op)}, {"value", c.value}};
        case K::Flag: return oj{{"flag", c.subject}};
        case K::Need: return oj{{"need", c.subject}};
        case K::Objection: return oj{{"objection", c.subject}, {"is", objection_state(c.objection_is)}};
        case K::Emotion: return oj{{"emotion", ids(c.emotions)}};
        case K::Persona: return oj{{"persona", strings(c.personas)}};
        case K::Difficulty: return oj{{"difficulty", ids(c.difficulties)}};
    }
    return oj::object();
}

oj Writer::effects(const Effects& e) const {
    oj o = oj::object();
    if (e.trust) o["trust"] = e.trust;
    if (e.interest) o["interest"] = e.interest;
    if (e.patience) o["patience"] = e.patience;
    if (e.emotion) o["emotion"] = id(*e.emotion);
    for (auto [key, map] : {std::pair<const char*, const std::map<std::string, int>*>{"add", &e.add}, {"set", &e.set}}) {
        if (map->empty()) continue;
        oj m = oj::object();
        for (const auto& [name, n] : *map) m[name] = n;
        o[key] = m;
    }
    struct List {
        const char* key;
        const std::vector<std::string>* values;
    };
    for (const List& l : {List{"set_flags", &e.set_flags}, List{"clear_flags", &e.clear_flags},
                          List{"discover_needs", &e.discover_needs}, List{"raise_objections", &e.raise_objections},
                          List{"resolve_objections", &e.resolve_objections}})
        if (!l.values->empty()) o[l.key] = strings(*l.values);
    return o;
}

// ============================================================================
// 3. Options and nodes
// ============================================================================

// effects, evidence, feedback, branch, next: an option's consequence and a premature close's.
void Writer::consequence(oj& o, const Consequence& q) const {
    oj fx = effects(q.effects);
    if (!fx.empty()) o["effects"] = fx;
    if (!q.evidence.empty()) {
        // By competency id, as the loader reads an object.
        std::vector<Evidence> sorted = q.evidence;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const Evidence& a, const Evidence& b) { return a.competency < b.competency; });
        oj ev = oj::object();
        for (const auto& e : sorted) ev[e.competency] = e.value;
        o["evidence"] = ev;
    }
    text(o, "feedback", q.feedback);
    if (!q.branches.empty()) {
        oj branches = oj::array();
        for (const auto& b : q.branches) branches.push_back(oj{{"if", condition(b.when)}, {"next", b.next}});
        o["branch"] = branches;
    }
    o["next"] = q.next;
}

oj Writer::option(const Option& opt) const {
    oj o = oj::object();
    o["id"] = opt.id;
    text(o, "text", opt.text);
    if (!opt.tags.empty()) o["tags"] = ids(opt.tags);
    if (wording && !opt.sources.empty()) o["sources"] = strings(opt.sources);
    if (!opt.fulfils.empty()) o["fulfils"] = ids(opt.fulfils);
    if (opt.when.kind != Condition::Kind::True) o["if"] = condition(opt.when);
    consequence(o, opt.consequence);
    if (opt.objection) o["objection"] = oj{{"id", opt.objection->objection}, {"method", id(opt.objection->method)}};
    if (opt.close) {
        oj premature = oj::object();
        consequence(premature, opt.close->premature);
        o["close"] = oj{{"strategy", id(opt.close->strategy)},
                        {"timely_if", condition(opt.close->timely_when)},
                        {"premature", premature}};
    }
    if (opt.violation) {
        oj v = oj::object();
        v["red_line"] = id(opt.violation->red_line);
        if (!opt.violation->critical) v["critical"] = false;
        text(v, "explanation", opt.violation->explanation);
        o["violation"] = v;
    }
    return o;
}

oj Writer::node(const Node& n) const {
    oj o = oj::object();
    o["id"] = n.id;
    o["stage"] = id(n.stage);
    text(o, "line", n.line);
    if (wording && !n.line_by_persona.empty()) {
        oj lines = oj::object();
        for (const auto& [persona, line] : n.line_by_persona) text(lines, persona.c_str(), line);
        o["line_by_persona"] = lines;
    }
    if (n.emotion) o["emotion"] = id(*n.emotion);
    if (n.cue) text(o, "cue", *n.cue);
    switch (n.kind) {
        case NodeKind::Dialogue: {
            oj options = oj::array();
            for (const auto& opt : n.options) options.push_back(option(opt));
            o["options"] = options;
            break;
        }
        case NodeKind::Negotiation:
            if (n.negotiation) o["negotiation"] = negotiation(*n.negotiation);
            break;
        case NodeKind::Ending:
            o["outcome"] = id(n.outcome);
            o["outcome_score"] = n.outcome_score;
            text(o, "summary", n.summary);
            break;
    }
    return o;
}

// ============================================================================
// 4. Negotiation blocks
// ============================================================================

oj Writer::issue(const NegotiationIssue& is) const {
    oj o = oj::object();
    o["id"] = is.id;
    text(o, "label", is.label);
    if (wording && !is.unit.empty()) o["unit"] = is.unit;
    if (is.decimals != 0) o["decimals"] = is.decimals;
    o["min"] = decimal(is.min, is.decimals);
    o["max"] = decimal(is.max, is.decimals);
    o["step"] = decimal(is.step, is.decimals);
    o["bank_prefers"] = is.bank_prefers_higher ? "higher" : "lower";
    o["bank_target"] = decimal(is.bank_target, is.decimals);
    o["bank_walkaway"] = decimal(is.bank_walkaway, is.decimals);
    o["bank_opening"] = decimal(is.bank_opening, is.decimals);
    o["client_opening"] = decimal(is.client_opening, is.decimals);
    o["client_reservation"] = decimal(is.client_reservation, is.decimals);
    if (is.weight != 1) o["weight"] = is.weight;
    if (is.client_weight != is.weight) o["client_weight"] = is.client_weight;
    return o;
}

oj Writer::negotiation(const Negotiation& n) const {
    const Negotiation defaults;
    oj o = oj::object();
    text(o, "briefing", n.briefing);
    oj issues = oj::array();
    for (const auto& is : n.issues) issues.push_back(issue(is));
    o["issues"] = issues;
    if (n.max_rounds != defaults.max_rounds) o["max_rounds"] = n.max_rounds;
    if (n.max_concessions != defaults.max_concessions) o["max_concessions"] = n.max_concessions;
    if (!n.should_concede.empty()) o["should_concede"] = strings(n.should_concede);
    if (!n.must_hold.empty()) o["must_hold"] = strings(n.must_hold);
    o["on_deal"] = n.on_deal;
    o["on_no_deal"] = n.on_no_deal;
    o["on_client_quit"] = n.on_client_quit;
    return o;
}

// ============================================================================
// 5. Scenario
// ============================================================================

oj Writer::state(const StateDecl& st) const {
    oj o = oj::object();
    o["trust"] = st.trust;
    o["interest"] = st.interest;
    o["patience"] = st.patience;
    o["emotion"] = id(st.emotion);
    if (!st.variables.empty()) {
        std::vector<VariableDecl> sorted = st.variables;  // by name, as the loader reads an object
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const VariableDecl& a, const VariableDecl& b) { return a.id < b.id; });
        oj vars = oj::object();
        for (const auto& v : sorted) vars[v.id] = v.initial;
        o["variables"] = vars;
    }
    if (!st.flags.empty()) o["flags"] = strings(st.flags);
    if (!st.needs.empty()) {
        oj needs = oj::array();
        for (const auto& n : st.needs) {
            oj need{{"id", n.id}};
            text(need, "label", n.label);
            needs.push_back(need);
        }
        o["needs"] = needs;
    }
    if (!st.objections.empty()) {
        oj objections = oj::array();
        for (const auto& x : st.objections) {
            oj obj{{"id", x.id}, {"type", id(x.type)}};
            text(obj, "label", x.label);
            objections.push_back(obj);
        }
        o["objections"] = objections;
    }
    return o;
}

oj Writer::scenario(const Scenario& s) const {
    oj o = oj::object();
    o["kind"] = "scenario";
    o["format"] = kFormatVersion;
    o["id"] = s.id;
    text(o, "title", s.title);
    text(o, "summary", s.summary);
    text(o, "company", s.company);
    text(o, "situation", s.situation);
    if (s.entry_moment) o["entry_moment"] = id(*s.entry_moment);
    if (!s.entry_note.empty()) text(o, "entry_note", s.entry_note);
    if (wording && !s.sources.empty()) o["sources"] = strings(s.sources);
    if (wording) {
        oj objectives = oj::array();
        for (const auto& t : s.objectives) objectives.push_back(oj{{"zh", t.zh}, {"en", t.en}});
        o["objectives"] = objectives;
    }
    o["level"] = s.level;
    o["difficulty"] = id(s.default_difficulty);
    o["competencies"] = strings(s.competencies);
    o["personas"] = strings(s.personas);
    if (!s.duties.empty()) {
        oj duties = oj::array();
        for (const auto& d : s.duties) {
            oj duty{{"id", id(d.duty)}, {"critical", d.critical}};
            text(duty, "explanation", d.explanation);
            if (!d.before.empty()) duty["before"] = strings(d.before);
            duties.push_back(duty);
        }
        o["duties"] = duties;
    }
    o["state"] = state(s.state);
    o["start"] = s.start;
    o["patience_out"] = s.patience_out;
    oj nodes = oj::array();
    for (const auto& n : s.nodes) nodes.push_back(node(n));
    o["nodes"] = nodes;
    return o;
}

// ============================================================================
// 6. Persona
// ============================================================================

oj Writer::persona(const Persona& p) const {
    const ReactionModifier neutral;
    const ConcessionPolicy defaults;
    oj o = oj::object();
    o["kind"] = "persona";
    o["format"] = kFormatVersion;
    o["id"] = p.id;
    text(o, "name", p.name);
    text(o, "summary", p.summary);
    text(o, "approach", p.approach);
    o["social_style"] = oj{{"assertiveness", p.assertiveness}, {"responsiveness", p.responsiveness}};
    if (wording) {
        const PersonaProfile& f = p.profile;
        o["profile"] = oj{{"patience", f.patience},         {"price_sensitivity", f.price_sensitivity},
                          {"skepticism", f.skepticism},     {"decisiveness", f.decisiveness},
                          {"talkativeness", f.talkativeness}, {"risk_appetite", f.risk_appetite}};
    }
    oj initial = oj::object();
    if (p.trust_offset) initial["trust"] = p.trust_offset;
    if (p.interest_offset) initial["interest"] = p.interest_offset;
    if (p.patience_offset) initial["patience"] = p.patience_offset;
    if (!initial.empty()) o["initial"] = initial;
    if (!p.reactions.empty()) {
        oj reactions = oj::object();
        for (const auto& [tag, m] : p.reactions) {
            oj r = oj::object();  // a neutral modifier is still written: the entry is data
            if (m.scale != neutral.scale) r["scale"] = m.scale;
            if (m.trust) r["trust"] = m.trust;
            if (m.interest) r["interest"] = m.interest;
            if (m.patience) r["patience"] = m.patience;
            if (m.emotion) r["emotion"] = id(*m.emotion);
            reactions[id(tag)] = r;
        }
        o["reactions"] = reactions;
    }
    if (!p.method_effectiveness.empty()) {
        oj methods = oj::object();
        for (const auto& [method, percent] : p.method_effectiveness) methods[id(method)] = percent;
        o["methods"] = methods;
    }
    if (wording) {
        oj cues = oj::object();
        for (const auto& [emotion, texts] : p.cues) {
            oj list = oj::array();
            for (const auto& t : texts) list.push_back(oj{{"zh", t.zh}, {"en", t.en}});
            cues[id(emotion)] = list;
        }
        o["cues"] = cues;
    }
    const ConcessionPolicy& c = p.concession;
    oj neg = oj::object();
    neg["beta"] = decimal(c.beta_percent, 2);
    neg["reciprocity"] = c.reciprocity_percent;
    neg["patience_rounds"] = c.patience_rounds;
    neg["split_gap"] = c.split_gap_percent;
    neg["nibble_tolerance"] = c.nibble_tolerance_percent;
    if (c.squeeze_rounds != defaults.squeeze_rounds) neg["squeeze"] = c.squeeze_rounds;
    if (c.nibble_at_close_percent != defaults.nibble_at_close_percent) neg["nibble_at_close"] = c.nibble_at_close_percent;
    o["negotiation"] = neg;
    return o;
}

// ============================================================================
// 7. Competency model
// ============================================================================

oj Writer::competency_model(const CompetencyModel& m) const {
    const CompetencyModel defaults;
    oj o = oj::object();
    o["kind"] = "competency_model";
    o["format"] = kFormatVersion;
    oj comps = oj::array();
    for (const auto& c : m.competencies) {
        oj comp{{"id", c.id}};
        text(comp, "name", c.name);
        if (c.core) comp["core"] = true;
        if (c.weight != 1) comp["weight"] = c.weight;
        comps.push_back(comp);
    }
    o["competencies"] = comps;
    oj tiers = oj::array();
    for (const auto& t : m.tiers) {
        oj tier{{"id", t.id}};
        text(tier, "name", t.name);
        tier["min_total"] = t.min_total;
        tiers.push_back(tier);
    }
    o["tiers"] = tiers;
    o["stars"] = m.star_thresholds;
    o["critical_violation_cap"] = m.critical_violation_cap;
    if (m.evidence_prior != defaults.evidence_prior) o["evidence_prior"] = m.evidence_prior;
    o["shares"] = oj{{"competencies", m.share_competencies},
                     {"outcome", m.share_outcome},
                     {"negotiation", m.share_negotiation}};
    if (m.part_bank_value != defaults.part_bank_value ||
        m.part_client_satisfaction != defaults.part_client_satisfaction ||
        m.part_rule_adherence != defaults.part_rule_adherence)
        o["negotiation_parts"] = oj{{"bank_value", m.part_bank_value},
                                    {"client_satisfaction", m.part_client_satisfaction},
                                    {"rule_adherence", m.part_rule_adherence}};
    return o;
}

}  // namespace writer_detail

nlohmann::ordered_json to_json(const Scenario& scenario) { return writer_detail::Writer{}.scenario(scenario); }
nlohmann::ordered_json to_json(const Persona& persona) { return writer_detail::Writer{}.persona(persona); }
nlohmann::ordered_json to_json(const CompetencyModel& model) { return writer_detail::Writer{}.competency_model(model); }

// ============================================================================
// 8. Canonical text
// ============================================================================

namespace {

std::string canonical(const nlohmann::ordered_json& doc) {
    return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::strict) + "\n";
}

}  // namespace

std::string canonical_text(const Scenario& scenario) { return canonical(to_json(scenario)); }
std::string canonical_text(const Persona& persona) { return canonical(to_json(persona)); }
std::string canonical_text(const CompetencyModel& model) { return canonical(to_json(model)); }

}  // namespace parley
