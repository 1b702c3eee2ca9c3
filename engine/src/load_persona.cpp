// Loading a persona (personas/<id>.json, format reference §2; seed 004 第24招 client types).
#include <cmath>

#include "json_reader.h"
#include "parley/loader.h"
#include "parley/writer.h"

namespace parley {

namespace {

void read_social_style(Reader& r, const json& v, Persona& p) {
    if (!r.expect_object(v)) return;
    Fields f(r, v);
    f.integer("assertiveness", p.assertiveness, -100, 100, Required);
    f.integer("responsiveness", p.responsiveness, -100, 100, Required);
}

// How the client looks (presentation only: the figure, the unlock order).
void read_profile(Reader& r, const json& v, Persona& p) {
    if (!r.expect_object(v)) return;
    Fields f(r, v);
    f.integer("patience", p.profile.patience, 0, 100, Required);
    f.integer("price_sensitivity", p.profile.price_sensitivity, 0, 100, Required);
    f.integer("skepticism", p.profile.skepticism, 0, 100, Required);
    f.integer("decisiveness", p.profile.decisiveness, 0, 100, Required);
    f.integer("talkativeness", p.profile.talkativeness, 0, 100, Required);
    f.integer("risk_appetite", p.profile.risk_appetite, 0, 100, Required);
}

void read_initial(Reader& r, const json& v, Persona& p) {
    if (!r.expect_object(v)) return;
    Fields f(r, v);
    f.integer("trust", p.trust_offset, -100, 100, Optional);
    f.integer("interest", p.interest_offset, -100, 100, Optional);
    f.integer("patience", p.patience_offset, -20, 20, Optional);
}

void read_reactions(Reader& r, const json& v, Persona& p) {
    if (!r.expect_object(v)) return;
    for (const auto& [key, value] : v.get_ref<const json::object_t&>()) {
        Reader::At at(r, key);
        auto tag = parse<Tag>(key);
        if (!tag) {
            r.unknown_id(key, "technique tag", catalogue_ids<Tag>(), Anchor::Key);
            continue;
        }
        if (!r.expect_object(value)) continue;
        ReactionModifier m;
        Fields f(r, value);
        f.integer("scale", m.scale, -300, 300, Optional);
        f.integer("trust", m.trust, -100, 100, Optional);
        f.integer("interest", m.interest, -100, 100, Optional);
        f.integer("patience", m.patience, -20, 20, Optional);
        f.enumeration("emotion", m.emotion, Optional, "emotion");
        p.reactions[*tag] = m;
    }
}

void read_methods(Reader& r, const json& v, Persona& p) {
    if (!r.expect_object(v)) return;
    for (const auto& [key, value] : v.get_ref<const json::object_t&>()) {
        Reader::At at(r, key);
        auto method = parse<ObjectionMethod>(key);
        if (!method) {
            r.unknown_id(key, "objection method", catalogue_ids<ObjectionMethod>(), Anchor::Key);
            continue;
        }
        if (auto n = r.integer(value, 0, 300)) p.method_effectiveness[*method] = static_cast<int>(*n);
    }
}

// Body-language cues (seed 000): reading them is the skill, so every emotion needs one.
void read_cues(Reader& r, const json& v, Persona& p) {
    if (!r.expect_object(v)) return;
    const auto& obj = v.get_ref<const json::object_t&>();
    for (const auto& [key, value] : obj) {
        Reader::At at(r, key);
        auto emotion = parse<Emotion>(key);
        if (!emotion) {
            r.unknown_id(key, "emotion", catalogue_ids<Emotion>(), Anchor::Key);
            continue;
        }
        const json::array_t* arr = r.array(value, true);
        if (!arr) continue;
        std::vector<Text>& cues = p.cues[*emotion];
        for (std::size_t i = 0; i < arr->size(); ++i) {
            Reader::At at_i(r, i);
            if (auto t = r.text((*arr)[i])) cues.push_back(std::move(*t));
        }
    }
    for (const auto& e : all<Emotion>())
        if (obj.find(e.id) == obj.end())
            r.error("missing cues for emotion \"" + std::string(e.id) + "\" (every emotion needs at least one)");
}

// The client's concession policy (Faratin et al. time-dependent tactics).
void read_concession(Reader& r, const json& v, Persona& p) {
    if (!r.expect_object(v)) return;
    ConcessionPolicy& c = p.concession;
    Fields f(r, v);
    if (const json* beta = f.get("beta", Required)) {
        Reader::At at(r, "beta");
        // Kept in hundredths, exactly: 2.345 is refused rather than rounded.
        if (auto b = r.number(*beta, 0.1, 10.0)) {
            const double hundredths = std::round(*b * 100.0);
            if (hundredths / 100.0 != *b)
                r.error("beta " + beta->dump() + " has more than 2 decimal places (beta is kept in hundredths)");
            else
                c.beta_percent = static_cast<int>(hundredths);
        }
    }
    f.integer("reciprocity", c.reciprocity_percent, 0, 100, Required);
    f.integer("patience_rounds", c.patience_rounds, 1, 100, Required);
    f.integer("split_gap", c.split_gap_percent, 0, 100, Required);
    f.integer("nibble_tolerance", c.nibble_tolerance_percent, 0, 100, Required);
    // Client tactics (seed 000): 挤压法 in the first rounds, 蚕食 once a deal is reached.
    f.integer("squeeze", c.squeeze_rounds, 0, 100, Optional);
    f.integer("nibble_at_close", c.nibble_at_close_percent, 0, 100, Optional);
}

}  // namespace

std::optional<Persona> parse_persona(std::string_view text, const std::string& file,
                                     const CompetencyModel& /*model*/, Diagnostics& diags) {
    Reporter rep(text, file, diags);
    std::optional<json> doc = parse_json(rep);
    if (!doc) return std::nullopt;

    Reader r(rep);
    Persona p;
    p.file = file;
    {
        Fields f(r, *doc);
        if (!read_header(f, "persona")) return std::nullopt;
        f.id("id", p.id, Required);
        f.text("name", p.name, Required);
        f.text("summary", p.summary, Required);
        f.text("approach", p.approach, Required);
        struct Part {
            std::string_view name;
            Presence presence;
            void (*read)(Reader&, const json&, Persona&);
        };
        static const Part parts[] = {
            {"social_style", Required, read_social_style}, {"profile", Required, read_profile},
            {"initial", Optional, read_initial},           {"reactions", Optional, read_reactions},
            {"methods", Optional, read_methods},           {"cues", Required, read_cues},
            {"negotiation", Required, read_concession},
        };
        // Files written before the rename get a message that says what to do.
        const bool renamed = f.get("traits") != nullptr;
        if (renamed) {
            Reader::At at(r, "traits");
            r.error("\"traits\" is now called \"profile\" (how the client looks; presentation only): rename the field",
                    Anchor::Key);
        }
        for (const Part& part : parts) {
            const bool old_name = renamed && part.name == "profile";  // already reported
            if (const json* v = f.get(part.name, old_name ? Optional : part.presence)) {
                Reader::At at(r, part.name);
                part.read(r, *v, p);
            }
        }
    }
    rep.flush();
    if (rep.errors() > 0) return std::nullopt;
    p.content_hash = content_hash_of(p);  // over the model, not the text (§6.2)
    return p;
}

}  // namespace parley
