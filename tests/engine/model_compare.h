// Field-by-field comparison of two models, for the round-trip tests: `difference(a, b)` is ""
// when they are equal, else the path of the first field that differs and both values
// ("nodes[3].options[1].consequence.effects.trust: 5 vs 6"). `file` is not compared (the same
// content read from two places is the same content).
//
// It names every field of the model; "the comparison and the writer know every field" in
// writer_test.cpp notices when a field is added to the model and not here.
#pragma once

#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "parley/catalogue.h"
#include "parley/model.h"

namespace model_compare {

using namespace parley;

class Compare {
public:
    std::string first;  // the first difference found

    bool done() const { return !first.empty(); }

    // Scalars and strings.
    template <class T>
    void value(const std::string& path, const T& a, const T& b) {
        if (done() || a == b) return;
        std::ostringstream s;
        s << path << ": " << show(a) << " vs " << show(b);
        first = s.str();
    }
    void text(const std::string& path, const Text& a, const Text& b) {
        value(path + ".zh", a.zh, b.zh);
        value(path + ".en", a.en, b.en);
    }
    template <class T, class F>
    void list(const std::string& path, const std::vector<T>& a, const std::vector<T>& b, F each) {
        value(path + ".size", a.size(), b.size());
        for (std::size_t i = 0; i < a.size() && i < b.size() && !done(); ++i)
            each(path + "[" + std::to_string(i) + "]", a[i], b[i]);
    }
    template <class K, class T, class F>
    void map(const std::string& path, const std::map<K, T>& a, const std::map<K, T>& b, F each) {
        value(path + ".size", a.size(), b.size());
        auto ia = a.begin();
        auto ib = b.begin();
        for (; ia != a.end() && ib != b.end() && !done(); ++ia, ++ib) {
            value(path + ".key", key(ia->first), key(ib->first));
            each(path + "[" + key(ia->first) + "]", ia->second, ib->second);
        }
    }
    template <class T>
    void scalars(const std::string& path, const std::vector<T>& a, const std::vector<T>& b) {
        list(path, a, b, [&](const std::string& p, const T& x, const T& y) { value(p, x, y); });
    }
    template <class T, class F>
    void optional(const std::string& path, const std::optional<T>& a, const std::optional<T>& b, F each) {
        value(path + ".has_value", a.has_value(), b.has_value());
        if (a && b) each(path, *a, *b);
    }

private:
    template <class T>
    static std::string show(const T& v) {
        if constexpr (std::is_enum_v<T>) {
            return std::string(id_of(v));
        } else if constexpr (std::is_same_v<T, std::string>) {
            return "\"" + v + "\"";
        } else {
            std::ostringstream s;
            s << v;
            return s.str();
        }
    }
    template <class K>
    static std::string key(const K& k) {
        if constexpr (std::is_enum_v<K>) return std::string(id_of(k));
        else return k;
    }
};

// ----------------------------------------------------------------------------

inline void condition(Compare& c, const std::string& p, const Condition& a, const Condition& b) {
    c.value(p + ".kind", static_cast<int>(a.kind), static_cast<int>(b.kind));
    c.list(p + ".children", a.children, b.children,
           [&](const std::string& q, const Condition& x, const Condition& y) { condition(c, q, x, y); });
    c.value(p + ".subject", a.subject, b.subject);
    c.value(p + ".op", static_cast<int>(a.op), static_cast<int>(b.op));
    c.value(p + ".value", a.value, b.value);
    c.value(p + ".objection_is", static_cast<int>(a.objection_is), static_cast<int>(b.objection_is));
    c.scalars(p + ".personas", a.personas, b.personas);
    c.scalars(p + ".emotions", a.emotions, b.emotions);
    c.scalars(p + ".difficulties", a.difficulties, b.difficulties);
}

inline void effects(Compare& c, const std::string& p, const Effects& a, const Effects& b) {
    c.value(p + ".trust", a.trust, b.trust);
    c.value(p + ".interest", a.interest, b.interest);
    c.value(p + ".patience", a.patience, b.patience);
    c.optional(p + ".emotion", a.emotion, b.emotion,
               [&](const std::string& q, Emotion x, Emotion y) { c.value(q, x, y); });
    auto ints = [&](const std::string& q, int x, int y) { c.value(q, x, y); };
    c.map(p + ".add", a.add, b.add, ints);
    c.map(p + ".set", a.set, b.set, ints);
    c.scalars(p + ".set_flags", a.set_flags, b.set_flags);
    c.scalars(p + ".clear_flags", a.clear_flags, b.clear_flags);
    c.scalars(p + ".discover_needs", a.discover_needs, b.discover_needs);
    c.scalars(p + ".raise_objections", a.raise_objections, b.raise_objections);
    c.scalars(p + ".resolve_objections", a.resolve_objections, b.resolve_objections);
}

inline void consequence(Compare& c, const std::string& p, const Consequence& a, const Consequence& b) {
    effects(c, p + ".effects", a.effects, b.effects);
    c.list(p + ".evidence", a.evidence, b.evidence, [&](const std::string& q, const Evidence& x, const Evidence& y) {
        c.value(q + ".competency", x.competency, y.competency);
        c.value(q + ".value", x.value, y.value);
    });
    c.text(p + ".feedback", a.feedback, b.feedback);
    c.list(p + ".branches", a.branches, b.branches, [&](const std::string& q, const Branch& x, const Branch& y) {
        condition(c, q + ".when", x.when, y.when);
        c.value(q + ".next", x.next, y.next);
    });
    c.value(p + ".next", a.next, b.next);
}

inline void option(Compare& c, const std::string& p, const Option& a, const Option& b) {
    c.value(p + ".id", a.id, b.id);
    c.text(p + ".text", a.text, b.text);
    c.scalars(p + ".tags", a.tags, b.tags);
    c.scalars(p + ".sources", a.sources, b.sources);
    c.scalars(p + ".fulfils", a.fulfils, b.fulfils);
    condition(c, p + ".when", a.when, b.when);
    consequence(c, p + ".consequence", a.consequence, b.consequence);
    c.optional(p + ".objection", a.objection, b.objection,
               [&](const std::string& q, const ObjectionAnswer& x, const ObjectionAnswer& y) {
                   c.value(q + ".objection", x.objection, y.objection);
                   c.value(q + ".method", x.method, y.method);
               });
    c.optional(p + ".close", a.close, b.close, [&](const std::string& q, const Close& x, const Close& y) {
        c.value(q + ".strategy", x.strategy, y.strategy);
        condition(c, q + ".timely_when", x.timely_when, y.timely_when);
        consequence(c, q + ".premature", x.premature, y.premature);
    });
    c.optional(p + ".violation", a.violation, b.violation,
               [&](const std::string& q, const Violation& x, const Violation& y) {
                   c.value(q + ".red_line", x.red_line, y.red_line);
                   c.value(q + ".critical", x.critical, y.critical);
                   c.text(q + ".explanation", x.explanation, y.explanation);
               });
}

inline void issue(Compare& c, const std::string& p, const NegotiationIssue& a, const NegotiationIssue& b) {
    c.value(p + ".id", a.id, b.id);
    c.text(p + ".label", a.label, b.label);
    c.value(p + ".unit", a.unit, b.unit);
    c.value(p + ".decimals", a.decimals, b.decimals);
    c.value(p + ".min", a.min, b.min);
    c.value(p + ".max", a.max, b.max);
    c.value(p + ".step", a.step, b.step);
    c.value(p + ".bank_prefers_higher", a.bank_prefers_higher, b.bank_prefers_higher);
    c.value(p + ".bank_target", a.bank_target, b.bank_target);
    c.value(p + ".bank_walkaway", a.bank_walkaway, b.bank_walkaway);
    c.value(p + ".bank_opening", a.bank_opening, b.bank_opening);
    c.value(p + ".client_opening", a.client_opening, b.client_opening);
    c.value(p + ".client_reservation", a.client_reservation, b.client_reservation);
    c.value(p + ".weight", a.weight, b.weight);
    c.value(p + ".client_weight", a.client_weight, b.client_weight);
}

inline void negotiation(Compare& c, const std::string& p, const Negotiation& a, const Negotiation& b) {
    c.list(p + ".issues", a.issues, b.issues,
           [&](const std::string& q, const NegotiationIssue& x, const NegotiationIssue& y) { issue(c, q, x, y); });
    c.value(p + ".max_rounds", a.max_rounds, b.max_rounds);
    c.value(p + ".max_concessions", a.max_concessions, b.max_concessions);
    c.scalars(p + ".should_concede", a.should_concede, b.should_concede);
    c.scalars(p + ".must_hold", a.must_hold, b.must_hold);
    c.text(p + ".briefing", a.briefing, b.briefing);
    c.value(p + ".on_deal", a.on_deal, b.on_deal);
    c.value(p + ".on_no_deal", a.on_no_deal, b.on_no_deal);
    c.value(p + ".on_client_quit", a.on_client_quit, b.on_client_quit);
}

inline void node(Compare& c, const std::string& p, const Node& a, const Node& b) {
    c.value(p + ".id", a.id, b.id);
    c.value(p + ".kind", static_cast<int>(a.kind), static_cast<int>(b.kind));
    c.value(p + ".stage", a.stage, b.stage);
    c.text(p + ".line", a.line, b.line);
    c.map(p + ".line_by_persona", a.line_by_persona, b.line_by_persona,
          [&](const std::string& q, const Text& x, const Text& y) { c.text(q, x, y); });
    c.optional(p + ".emotion", a.emotion, b.emotion,
               [&](const std::string& q, Emotion x, Emotion y) { c.value(q, x, y); });
    c.optional(p + ".cue", a.cue, b.cue, [&](const std::string& q, const Text& x, const Text& y) { c.text(q, x, y); });
    c.list(p + ".options", a.options, b.options,
           [&](const std::string& q, const Option& x, const Option& y) { option(c, q, x, y); });
    c.value(p + ".negotiation.present", a.negotiation != nullptr, b.negotiation != nullptr);
    if (a.negotiation && b.negotiation) negotiation(c, p + ".negotiation", *a.negotiation, *b.negotiation);
    c.value(p + ".outcome", a.outcome, b.outcome);
    c.value(p + ".outcome_score", a.outcome_score, b.outcome_score);
    c.text(p + ".summary", a.summary, b.summary);
}

inline std::string difference(const Scenario& a, const Scenario& b) {
    Compare c;
    c.value("id", a.id, b.id);
    c.value("content_hash", a.content_hash, b.content_hash);
    c.text("title", a.title, b.title);
    c.text("summary", a.summary, b.summary);
    c.text("company", a.company, b.company);
    c.text("situation", a.situation, b.situation);
    c.optional("entry_moment", a.entry_moment, b.entry_moment,
               [&](const std::string& q, EntryMoment x, EntryMoment y) { c.value(q, x, y); });
    c.text("entry_note", a.entry_note, b.entry_note);
    c.scalars("sources", a.sources, b.sources);
    c.list("duties", a.duties, b.duties, [&](const std::string& q, const DutyRequirement& x, const DutyRequirement& y) {
        c.value(q + ".duty", x.duty, y.duty);
        c.value(q + ".critical", x.critical, y.critical);
        c.text(q + ".explanation", x.explanation, y.explanation);
        c.scalars(q + ".before", x.before, y.before);
    });
    c.list("objectives", a.objectives, b.objectives,
           [&](const std::string& q, const Text& x, const Text& y) { c.text(q, x, y); });
    c.value("default_difficulty", a.default_difficulty, b.default_difficulty);
    c.value("level", a.level, b.level);
    c.scalars("competencies", a.competencies, b.competencies);
    c.scalars("personas", a.personas, b.personas);
    const StateDecl &sa = a.state, &sb = b.state;
    c.value("state.trust", sa.trust, sb.trust);
    c.value("state.interest", sa.interest, sb.interest);
    c.value("state.patience", sa.patience, sb.patience);
    c.value("state.emotion", sa.emotion, sb.emotion);
    c.list("state.variables", sa.variables, sb.variables,
           [&](const std::string& q, const VariableDecl& x, const VariableDecl& y) {
               c.value(q + ".id", x.id, y.id);
               c.value(q + ".initial", x.initial, y.initial);
           });
    c.scalars("state.flags", sa.flags, sb.flags);
    c.list("state.needs", sa.needs, sb.needs, [&](const std::string& q, const NeedDecl& x, const NeedDecl& y) {
        c.value(q + ".id", x.id, y.id);
        c.text(q + ".label", x.label, y.label);
    });
    c.list("state.objections", sa.objections, sb.objections,
           [&](const std::string& q, const ObjectionDecl& x, const ObjectionDecl& y) {
               c.value(q + ".id", x.id, y.id);
               c.value(q + ".type", x.type, y.type);
               c.text(q + ".label", x.label, y.label);
           });
    c.value("start", a.start, b.start);
    c.value("patience_out", a.patience_out, b.patience_out);
    c.list("nodes", a.nodes, b.nodes, [&](const std::string& q, const Node& x, const Node& y) { node(c, q, x, y); });
    c.map("node_index", a.node_index, b.node_index,
          [&](const std::string& q, std::size_t x, std::size_t y) { c.value(q, x, y); });
    return c.first;
}

inline std::string difference(const Persona& a, const Persona& b) {
    Compare c;
    c.value("id", a.id, b.id);
    c.value("content_hash", a.content_hash, b.content_hash);
    c.text("name", a.name, b.name);
    c.text("summary", a.summary, b.summary);
    c.text("approach", a.approach, b.approach);
    c.value("assertiveness", a.assertiveness, b.assertiveness);
    c.value("responsiveness", a.responsiveness, b.responsiveness);
    const PersonaProfile &fa = a.profile, &fb = b.profile;
    c.value("profile.patience", fa.patience, fb.patience);
    c.value("profile.price_sensitivity", fa.price_sensitivity, fb.price_sensitivity);
    c.value("profile.skepticism", fa.skepticism, fb.skepticism);
    c.value("profile.decisiveness", fa.decisiveness, fb.decisiveness);
    c.value("profile.talkativeness", fa.talkativeness, fb.talkativeness);
    c.value("profile.risk_appetite", fa.risk_appetite, fb.risk_appetite);
    c.value("trust_offset", a.trust_offset, b.trust_offset);
    c.value("interest_offset", a.interest_offset, b.interest_offset);
    c.value("patience_offset", a.patience_offset, b.patience_offset);
    c.map("reactions", a.reactions, b.reactions,
          [&](const std::string& q, const ReactionModifier& x, const ReactionModifier& y) {
              c.value(q + ".scale", x.scale, y.scale);
              c.value(q + ".trust", x.trust, y.trust);
              c.value(q + ".interest", x.interest, y.interest);
              c.value(q + ".patience", x.patience, y.patience);
              c.optional(q + ".emotion", x.emotion, y.emotion,
                         [&](const std::string& r, Emotion e1, Emotion e2) { c.value(r, e1, e2); });
          });
    c.map("method_effectiveness", a.method_effectiveness, b.method_effectiveness,
          [&](const std::string& q, int x, int y) { c.value(q, x, y); });
    c.map("cues", a.cues, b.cues, [&](const std::string& q, const std::vector<Text>& x, const std::vector<Text>& y) {
        c.list(q, x, y, [&](const std::string& r, const Text& t1, const Text& t2) { c.text(r, t1, t2); });
    });
    const ConcessionPolicy &ca = a.concession, &cb = b.concession;
    c.value("concession.beta_percent", ca.beta_percent, cb.beta_percent);
    c.value("concession.reciprocity_percent", ca.reciprocity_percent, cb.reciprocity_percent);
    c.value("concession.patience_rounds", ca.patience_rounds, cb.patience_rounds);
    c.value("concession.split_gap_percent", ca.split_gap_percent, cb.split_gap_percent);
    c.value("concession.nibble_tolerance_percent", ca.nibble_tolerance_percent, cb.nibble_tolerance_percent);
    c.value("concession.squeeze_rounds", ca.squeeze_rounds, cb.squeeze_rounds);
    c.value("concession.nibble_at_close_percent", ca.nibble_at_close_percent, cb.nibble_at_close_percent);
    return c.first;
}

inline std::string difference(const CompetencyModel& a, const CompetencyModel& b) {
    Compare c;
    c.value("content_hash", a.content_hash, b.content_hash);
    c.list("competencies", a.competencies, b.competencies,
           [&](const std::string& q, const Competency& x, const Competency& y) {
               c.value(q + ".id", x.id, y.id);
               c.text(q + ".name", x.name, y.name);
               c.value(q + ".core", x.core, y.core);
               c.value(q + ".weight", x.weight, y.weight);
           });
    c.list("tiers", a.tiers, b.tiers, [&](const std::string& q, const Tier& x, const Tier& y) {
        c.value(q + ".id", x.id, y.id);
        c.text(q + ".name", x.name, y.name);
        c.value(q + ".min_total", x.min_total, y.min_total);
    });
    c.scalars("star_thresholds", a.star_thresholds, b.star_thresholds);
    c.value("critical_violation_cap", a.critical_violation_cap, b.critical_violation_cap);
    c.value("evidence_prior", a.evidence_prior, b.evidence_prior);
    c.value("share_competencies", a.share_competencies, b.share_competencies);
    c.value("share_outcome", a.share_outcome, b.share_outcome);
    c.value("share_negotiation", a.share_negotiation, b.share_negotiation);
    c.value("part_bank_value", a.part_bank_value, b.part_bank_value);
    c.value("part_client_satisfaction", a.part_client_satisfaction, b.part_client_satisfaction);
    c.value("part_rule_adherence", a.part_rule_adherence, b.part_rule_adherence);
    return c.first;
}

}  // namespace model_compare
