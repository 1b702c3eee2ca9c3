// The canonical writer and the content hash (see writer.h): one walk over the model, field by
// field in the order of the format reference, written to an output (writer_detail.h).
//
// Contents
//   1. Outputs         (building the document; hashing its compact text)
//   2. The walk: values, conditions and effects
//   3. Options and nodes
//   4. Negotiation blocks
//   5. Scenario
//   6. Persona
//   7. Competency model
//   8. Canonical text and content hash
//
// Every optional field is compared with the loader's default and left out when equal; the
// loader reads an absent field as that default, so the model survives the round trip.
#include "parley/writer.h"

#include <algorithm>
#include <vector>

#include "hash.h"
#include "parley/version.h"
#include "writer_detail.h"

namespace parley {

namespace writer_detail {

namespace {

using oj = nlohmann::ordered_json;

// ============================================================================
// 1. Outputs
// ============================================================================

// Builds the document. A container is filled only while it is the innermost open one, so the
// pointers to the open containers stay valid.
class DocumentOut final : public Out {
public:
    oj root;

    void begin_object() override { open(oj::object()); }
    void end_object() override { stack_.pop_back(); }
    void begin_array() override { open(oj::array()); }
    void end_array() override { stack_.pop_back(); }
    void key(std::string_view k) override { key_.assign(k.data(), k.size()); }
    void integer(std::int64_t v) override { place(v); }
    void number(double v) override { place(v); }
    void boolean(bool v) override { place(v); }
    void string(std::string_view v) override { place(std::string(v)); }

private:
    oj& place(oj v) {
        if (stack_.empty()) return root = std::move(v);
        oj& top = *stack_.back();
        if (top.is_array()) {
            top.push_back(std::move(v));
            return top.back();
        }
        return top[key_] = std::move(v);
    }
    void open(oj v) { stack_.push_back(&place(std::move(v))); }

    std::vector<oj*> stack_;
    std::string key_;
};

// Folds the document's compact text (exactly what nlohmann's dump() writes: no spaces, UTF-8
// as itself) into FNV-1a 64 as it is walked, building nothing.
class HashOut final : public Out {
public:
    std::uint64_t hash = fnv1a64({});

    void begin_object() override { open('{'); }
    void end_object() override { close('}'); }
    void begin_array() override { open('['); }
    void end_array() override { close(']'); }
    void key(std::string_view k) override {
        separate();
        quoted(k);
        raw(":");
        keyed_ = true;
    }
    void integer(std::int64_t v) override {
        value();
        raw(std::to_string(v));
    }
    void number(double v) override {
        value();
        raw(oj(v).dump());  // the serializer's own spelling of a double
    }
    void boolean(bool v) override {
        value();
        raw(v ? "true" : "false");
    }
    void string(std::string_view v) override {
        value();
        quoted(v);
    }

private:
    void raw(std::string_view s) { hash = fnv1a64(s, hash); }
    void separate() {
        if (first_.empty()) return;
        if (!first_.back()) raw(",");
        first_.back() = false;
    }
    void value() {
        if (keyed_) keyed_ = false;
        else separate();
    }
    void open(char c) {
        value();
        raw(std::string_view(&c, 1));
        first_.push_back(true);
    }
    void close(char c) {
        raw(std::string_view(&c, 1));
        first_.pop_back();
    }
    // JSON string escapes as the serializer writes them (ensure_ascii off).
    void quoted(std::string_view s) {
        static const char* hex = "0123456789abcdef";
        std::string out;
        out.reserve(s.size() + 2);
        out += '"';
        for (unsigned char c : s) {
            switch (c) {
                case '"': out += "\\\""; break;
                case '\\': out += "\\\\"; break;
                case '\b': out += "\\b"; break;
                case '\f': out += "\\f"; break;
                case '\n': out += "\\n"; break;
                case '\r': out += "\\r"; break;
                case '\t': out += "\\t"; break;
                default:
                    if (c < 0x20) {
                        out += "\\u00";
                        out += hex[c >> 4];
                        out += hex[c & 0xf];
                    } else {
                        out += static_cast<char>(c);
                    }
            }
        }
        out += '"';
        raw(out);
    }

    std::vector<bool> first_;  // per open container: nothing written in it yet
    bool keyed_ = false;       // a key was written; its value comes next
};

// ============================================================================
// 2. The walk: values, conditions and effects
// ============================================================================

class Walk {
public:
    Walk(Out& out, View view) : o_(out), wording_(view == View::Canonical) {}

    void scenario(const Scenario& s);
    void persona(const Persona& p);
    void competency_model(const CompetencyModel& m);

private:
    Out& o_;
    bool wording_;

    // --- fields -------------------------------------------------------------
    void field(std::string_view k, std::int64_t v) {
        o_.key(k);
        o_.integer(v);
    }
    void field(std::string_view k, int v) { field(k, static_cast<std::int64_t>(v)); }
    void field(std::string_view k, bool v) {
        o_.key(k);
        o_.boolean(v);
    }
    void field(std::string_view k, std::string_view v) {
        o_.key(k);
        o_.string(v);
    }
    void field(std::string_view k, const char* v) { field(k, std::string_view(v)); }
    void field(std::string_view k, const std::string& v) { field(k, std::string_view(v)); }
    template <class E, class = std::enable_if_t<std::is_enum_v<E>>>
    void field(std::string_view k, E v) {
        field(k, id_of(v));
    }
    void field(std::string_view k, const std::vector<std::string>& values) {
        o_.key(k);
        o_.begin_array();
        for (const auto& v : values) o_.string(v);
        o_.end_array();
    }
    template <class E>
    void field(std::string_view k, const std::vector<E>& values) {
        o_.key(k);
        o_.begin_array();
        for (E v : values) o_.string(id_of(v));
        o_.end_array();
    }
    void text_value(const Text& t) {
        o_.begin_object();
        field("zh", t.zh);
        field("en", t.en);
        o_.end_object();
    }
    void text(std::string_view k, const Text& t) {
        if (!wording_) return;
        o_.key(k);
        text_value(t);
    }
    // A decimal value kept as integer units × 10^decimals: an integer when whole, else the
    // double nearest to units / 10^decimals (a correctly rounded division of two exact
    // integers), which the loader reads back to the same units and the serializer prints in
    // its shortest form.
    void decimal(std::string_view k, std::int64_t units, int decimals) {
        std::int64_t scale = 1;
        for (int i = 0; i < decimals; ++i) scale *= 10;
        o_.key(k);
        if (units % scale == 0) o_.integer(units / scale);
        else o_.number(static_cast<double>(units) / static_cast<double>(scale));
    }

    // --- conditions and effects ----------------------------------------------
    void condition(const Condition& c) {
        using K = Condition::Kind;
        o_.begin_object();
        switch (c.kind) {
            case K::True:  // never inside a loaded tree (no JSON form); an empty `all` holds too
            case K::All:
            case K::Any:
                o_.key(c.kind == K::Any ? "any" : "all");
                o_.begin_array();
                for (const auto& child : c.children) condition(child);
                o_.end_array();
                break;
            case K::Not:
                o_.key("not");
                if (c.children.empty()) {
                    o_.begin_object();
                    o_.end_object();
                } else {
                    condition(c.children[0]);
                }
                break;
            case K::Compare:
                field("var", c.subject);
                field("op", op_text(c.op));
                field("value", c.value);
                break;
            case K::Flag: field("flag", c.subject); break;
            case K::Need: field("need", c.subject); break;
            case K::Objection:
                field("objection", c.subject);
                field("is", objection_state(c.objection_is));
                break;
            case K::Emotion: field("emotion", c.emotions); break;
            case K::Persona: field("persona", c.personas); break;
            case K::Difficulty: field("difficulty", c.difficulties); break;
        }
        o_.end_object();
    }

    static const char* op_text(CmpOp op) {
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

    static const char* objection_state(Condition::ObjectionIs is) {
        switch (is) {
            case Condition::ObjectionIs::Raised: return "raised";
            case Condition::ObjectionIs::Open: return "open";
            case Condition::ObjectionIs::Resolved: return "resolved";
        }
        return "open";
    }

    static bool empty(const Effects& e) {
        return !e.trust && !e.interest && !e.patience && !e.emotion && e.add.empty() && e.set.empty() &&
               e.set_flags.empty() && e.clear_flags.empty() && e.discover_needs.empty() &&
               e.raise_objections.empty() && e.resolve_objections.empty();
    }

    void effects(const Effects& e) {
        o_.begin_object();
        if (e.trust) field("trust", e.trust);
        if (e.interest) field("interest", e.interest);
        if (e.patience) field("patience", e.patience);
        if (e.emotion) field("emotion", *e.emotion);
        for (auto [k, map] : {std::pair<const char*, const std::map<std::string, int>*>{"add", &e.add}, {"set", &e.set}}) {
            if (map->empty()) continue;
            o_.key(k);
            o_.begin_object();
            for (const auto& [name, n] : *map) field(name, n);
            o_.end_object();
        }
        struct List {
            const char* key;
            const std::vector<std::string>* values;
        };
        for (const List& l : {List{"set_flags", &e.set_flags}, List{"clear_flags", &e.clear_flags},
                              List{"discover_needs", &e.discover_needs}, List{"raise_objections", &e.raise_objections},
                              List{"resolve_objections", &e.resolve_objections}})
            if (!l.values->empty()) field(l.key, *l.values);
        o_.end_object();
    }

    // --- sections 3–4 --------------------------------------------------------
    void consequence(const Consequence& q);
    void option(const Option& opt);
    void node(const Node& n);
    void issue(const NegotiationIssue& is);
    void negotiation(const Negotiation& n);
    void state(const StateDecl& st);
};

// ============================================================================
// 3. Options and nodes
// ============================================================================

// effects, evidence, feedback, branch, next: an option's consequence and a premature close's.
void Walk::consequence(const Consequence& q) {
    if (!empty(q.effects)) {
        o_.key("effects");
        effects(q.effects);
    }
    if (!q.evidence.empty()) {
        // By competency id, as the loader reads an object.
        std::vector<Evidence> sorted = q.evidence;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const Evidence& a, const Evidence& b) { return a.competency < b.competency; });
        o_.key("evidence");
        o_.begin_object();
        for (const auto& e : sorted) field(e.competency, e.value);
        o_.end_object();
    }
    text("feedback", q.feedback);
    if (!q.branches.empty()) {
        o_.key("branch");
        o_.begin_array();
        for (const auto& b : q.branches) {
            o_.begin_object();
            o_.key("if");
            condition(b.when);
            field("next", b.next);
            o_.end_object();
        }
        o_.end_array();
    }
    field("next", q.next);
}

void Walk::option(const Option& opt) {
    o_.begin_object();
    field("id", opt.id);
    text("text", opt.text);
    if (!opt.tags.empty()) field("tags", opt.tags);
    if (wording_ && !opt.sources.empty()) field("sources", opt.sources);
    if (!opt.fulfils.empty()) field("fulfils", opt.fulfils);
    if (opt.when.kind != Condition::Kind::True) {
        o_.key("if");
        condition(opt.when);
    }
    consequence(opt.consequence);
    if (opt.objection) {
        o_.key("objection");
        o_.begin_object();
        field("id", opt.objection->objection);
        field("method", opt.objection->method);
        o_.end_object();
    }
    if (opt.close) {
        o_.key("close");
        o_.begin_object();
        field("strategy", opt.close->strategy);
        o_.key("timely_if");
        condition(opt.close->timely_when);
        o_.key("premature");
        o_.begin_object();
        consequence(opt.close->premature);
        o_.end_object();
        o_.end_object();
    }
    if (opt.violation) {
        o_.key("violation");
        o_.begin_object();
        field("red_line", opt.violation->red_line);
        if (!opt.violation->critical) field("critical", false);
        text("explanation", opt.violation->explanation);
        o_.end_object();
    }
    o_.end_object();
}

void Walk::node(const Node& n) {
    o_.begin_object();
    field("id", n.id);
    field("stage", n.stage);
    text("line", n.line);
    if (wording_ && !n.line_by_persona.empty()) {
        o_.key("line_by_persona");
        o_.begin_object();
        for (const auto& [persona, line] : n.line_by_persona) text(persona, line);
        o_.end_object();
    }
    if (n.emotion) field("emotion", *n.emotion);
    if (n.cue) text("cue", *n.cue);
    switch (n.kind) {
        case NodeKind::Dialogue:
            o_.key("options");
            o_.begin_array();
            for (const auto& opt : n.options) option(opt);
            o_.end_array();
            break;
        case NodeKind::Negotiation:
            if (n.negotiation) {
                o_.key("negotiation");
                negotiation(*n.negotiation);
            }
            break;
        case NodeKind::Ending:
            field("outcome", n.outcome);
            field("outcome_score", n.outcome_score);
            text("summary", n.summary);
            break;
    }
    o_.end_object();
}

// ============================================================================
// 4. Negotiation blocks
// ============================================================================

void Walk::issue(const NegotiationIssue& is) {
    o_.begin_object();
    field("id", is.id);
    text("label", is.label);
    if (wording_ && !is.unit.empty()) field("unit", is.unit);
    if (is.decimals != 0) field("decimals", is.decimals);
    decimal("min", is.min, is.decimals);
    decimal("max", is.max, is.decimals);
    decimal("step", is.step, is.decimals);
    field("bank_prefers", is.bank_prefers_higher ? "higher" : "lower");
    decimal("bank_target", is.bank_target, is.decimals);
    decimal("bank_walkaway", is.bank_walkaway, is.decimals);
    decimal("bank_opening", is.bank_opening, is.decimals);
    decimal("client_opening", is.client_opening, is.decimals);
    decimal("client_reservation", is.client_reservation, is.decimals);
    if (is.weight != 1) field("weight", is.weight);
    if (is.client_weight != is.weight) field("client_weight", is.client_weight);
    o_.end_object();
}

void Walk::negotiation(const Negotiation& n) {
    const Negotiation defaults;
    o_.begin_object();
    text("briefing", n.briefing);
    o_.key("issues");
    o_.begin_array();
    for (const auto& is : n.issues) issue(is);
    o_.end_array();
    if (n.max_rounds != defaults.max_rounds) field("max_rounds", n.max_rounds);
    if (n.max_concessions != defaults.max_concessions) field("max_concessions", n.max_concessions);
    if (!n.should_concede.empty()) field("should_concede", n.should_concede);
    if (!n.must_hold.empty()) field("must_hold", n.must_hold);
    field("on_deal", n.on_deal);
    field("on_no_deal", n.on_no_deal);
    field("on_client_quit", n.on_client_quit);
    o_.end_object();
}

// ============================================================================
// 5. Scenario
// ============================================================================

void Walk::state(const StateDecl& st) {
    o_.begin_object();
    field("trust", st.trust);
    field("interest", st.interest);
    field("patience", st.patience);
    field("emotion", st.emotion);
    if (!st.variables.empty()) {
        std::vector<VariableDecl> sorted = st.variables;  // by name, as the loader reads an object
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const VariableDecl& a, const VariableDecl& b) { return a.id < b.id; });
        o_.key("variables");
        o_.begin_object();
        for (const auto& v : sorted) field(v.id, v.initial);
        o_.end_object();
    }
    if (!st.flags.empty()) field("flags", st.flags);
    if (!st.needs.empty()) {
        o_.key("needs");
        o_.begin_array();
        for (const auto& n : st.needs) {
            o_.begin_object();
            field("id", n.id);
            text("label", n.label);
            o_.end_object();
        }
        o_.end_array();
    }
    if (!st.objections.empty()) {
        o_.key("objections");
        o_.begin_array();
        for (const auto& x : st.objections) {
            o_.begin_object();
            field("id", x.id);
            field("type", x.type);
            text("label", x.label);
            o_.end_object();
        }
        o_.end_array();
    }
    o_.end_object();
}

void Walk::scenario(const Scenario& s) {
    o_.begin_object();
    field("kind", "scenario");
    field("format", kFormatVersion);
    field("id", s.id);
    text("title", s.title);
    text("summary", s.summary);
    text("company", s.company);
    text("situation", s.situation);
    if (s.entry_moment) field("entry_moment", *s.entry_moment);
    if (!s.entry_note.empty()) text("entry_note", s.entry_note);
    if (wording_ && !s.sources.empty()) field("sources", s.sources);
    if (wording_) {
        o_.key("objectives");
        o_.begin_array();
        for (const auto& t : s.objectives) text_value(t);
        o_.end_array();
    }
    field("level", s.level);
    field("difficulty", s.default_difficulty);
    field("competencies", s.competencies);
    field("personas", s.personas);
    if (!s.duties.empty()) {
        o_.key("duties");
        o_.begin_array();
        for (const auto& d : s.duties) {
            o_.begin_object();
            field("id", d.duty);
            field("critical", d.critical);
            text("explanation", d.explanation);
            if (!d.before.empty()) field("before", d.before);
            o_.end_object();
        }
        o_.end_array();
    }
    o_.key("state");
    state(s.state);
    field("start", s.start);
    field("patience_out", s.patience_out);
    o_.key("nodes");
    o_.begin_array();
    for (const auto& n : s.nodes) node(n);
    o_.end_array();
    o_.end_object();
}

// ============================================================================
// 6. Persona
// ============================================================================

void Walk::persona(const Persona& p) {
    const ReactionModifier neutral;
    const ConcessionPolicy defaults;
    o_.begin_object();
    field("kind", "persona");
    field("format", kFormatVersion);
    field("id", p.id);
    text("name", p.name);
    text("summary", p.summary);
    text("approach", p.approach);
    o_.key("social_style");
    o_.begin_object();
    field("assertiveness", p.assertiveness);
    field("responsiveness", p.responsiveness);
    o_.end_object();
    if (wording_) {  // presentation only
        const PersonaProfile& f = p.profile;
        o_.key("profile");
        o_.begin_object();
        field("patience", f.patience);
        field("price_sensitivity", f.price_sensitivity);
        field("skepticism", f.skepticism);
        field("decisiveness", f.decisiveness);
        field("talkativeness", f.talkativeness);
        field("risk_appetite", f.risk_appetite);
        o_.end_object();
    }
    if (p.trust_offset || p.interest_offset || p.patience_offset) {
        o_.key("initial");
        o_.begin_object();
        if (p.trust_offset) field("trust", p.trust_offset);
        if (p.interest_offset) field("interest", p.interest_offset);
        if (p.patience_offset) field("patience", p.patience_offset);
        o_.end_object();
    }
    if (!p.reactions.empty()) {
        o_.key("reactions");
        o_.begin_object();
        for (const auto& [tag, m] : p.reactions) {
            o_.key(id_of(tag));
            o_.begin_object();  // a neutral modifier is still written: the entry is data
            if (m.scale != neutral.scale) field("scale", m.scale);
            if (m.trust) field("trust", m.trust);
            if (m.interest) field("interest", m.interest);
            if (m.patience) field("patience", m.patience);
            if (m.emotion) field("emotion", *m.emotion);
            o_.end_object();
        }
        o_.end_object();
    }
    if (!p.method_effectiveness.empty()) {
        o_.key("methods");
        o_.begin_object();
        for (const auto& [method, percent] : p.method_effectiveness) field(id_of(method), percent);
        o_.end_object();
    }
    if (wording_) {
        o_.key("cues");
        o_.begin_object();
        for (const auto& [emotion, texts] : p.cues) {
            o_.key(id_of(emotion));
            o_.begin_array();
            for (const auto& t : texts) text_value(t);
            o_.end_array();
        }
        o_.end_object();
    }
    const ConcessionPolicy& c = p.concession;
    o_.key("negotiation");
    o_.begin_object();
    decimal("beta", c.beta_percent, 2);
    field("reciprocity", c.reciprocity_percent);
    field("patience_rounds", c.patience_rounds);
    field("split_gap", c.split_gap_percent);
    field("nibble_tolerance", c.nibble_tolerance_percent);
    if (c.squeeze_rounds != defaults.squeeze_rounds) field("squeeze", c.squeeze_rounds);
    if (c.nibble_at_close_percent != defaults.nibble_at_close_percent)
        field("nibble_at_close", c.nibble_at_close_percent);
    o_.end_object();
    o_.end_object();
}

// ============================================================================
// 7. Competency model
// ============================================================================

void Walk::competency_model(const CompetencyModel& m) {
    const CompetencyModel defaults;
    o_.begin_object();
    field("kind", "competency_model");
    field("format", kFormatVersion);
    o_.key("competencies");
    o_.begin_array();
    for (const auto& c : m.competencies) {
        o_.begin_object();
        field("id", c.id);
        text("name", c.name);
        if (c.core) field("core", true);
        if (c.weight != 1) field("weight", c.weight);
        o_.end_object();
    }
    o_.end_array();
    o_.key("tiers");
    o_.begin_array();
    for (const auto& t : m.tiers) {
        o_.begin_object();
        field("id", t.id);
        text("name", t.name);
        field("min_total", t.min_total);
        o_.end_object();
    }
    o_.end_array();
    o_.key("stars");
    o_.begin_array();
    for (int s : m.star_thresholds) o_.integer(s);
    o_.end_array();
    field("critical_violation_cap", m.critical_violation_cap);
    if (m.evidence_prior != defaults.evidence_prior) field("evidence_prior", m.evidence_prior);
    o_.key("shares");
    o_.begin_object();
    field("competencies", m.share_competencies);
    field("outcome", m.share_outcome);
    field("negotiation", m.share_negotiation);
    o_.end_object();
    if (m.part_bank_value != defaults.part_bank_value ||
        m.part_client_satisfaction != defaults.part_client_satisfaction ||
        m.part_rule_adherence != defaults.part_rule_adherence) {
        o_.key("negotiation_parts");
        o_.begin_object();
        field("bank_value", m.part_bank_value);
        field("client_satisfaction", m.part_client_satisfaction);
        field("rule_adherence", m.part_rule_adherence);
        o_.end_object();
    }
    o_.end_object();
}

}  // namespace

void write(Out& out, const Scenario& s, View view) { Walk(out, view).scenario(s); }
void write(Out& out, const Persona& p, View view) { Walk(out, view).persona(p); }
void write(Out& out, const CompetencyModel& m, View view) { Walk(out, view).competency_model(m); }

template <class T>
nlohmann::ordered_json document(const T& content, View view) {
    DocumentOut out;
    write(out, content, view);
    return std::move(out.root);
}
template nlohmann::ordered_json document(const Scenario&, View);
template nlohmann::ordered_json document(const Persona&, View);
template nlohmann::ordered_json document(const CompetencyModel&, View);

namespace {

template <class T>
std::uint64_t hash_of(const T& content) {
    HashOut out;
    write(out, content, View::Hashed);
    return out.hash;
}

}  // namespace

}  // namespace writer_detail

// ============================================================================
// 8. Canonical text and content hash
// ============================================================================

using writer_detail::View;

nlohmann::ordered_json to_json(const Scenario& scenario) { return writer_detail::document(scenario, View::Canonical); }
nlohmann::ordered_json to_json(const Persona& persona) { return writer_detail::document(persona, View::Canonical); }
nlohmann::ordered_json to_json(const CompetencyModel& model) { return writer_detail::document(model, View::Canonical); }

namespace {

std::string canonical(const nlohmann::ordered_json& doc) {
    return doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::strict) + "\n";
}

}  // namespace

std::string canonical_text(const Scenario& scenario) { return canonical(to_json(scenario)); }
std::string canonical_text(const Persona& persona) { return canonical(to_json(persona)); }
std::string canonical_text(const CompetencyModel& model) { return canonical(to_json(model)); }

std::uint64_t content_hash_of(const Scenario& scenario) { return writer_detail::hash_of(scenario); }
std::uint64_t content_hash_of(const Persona& persona) { return writer_detail::hash_of(persona); }
std::uint64_t content_hash_of(const CompetencyModel& model) { return writer_detail::hash_of(model); }

}  // namespace parley
