// Transcripts (scenario format §6): writing, reading with located errors, and replay.
//
//   1. Hashes        run_hash, hash_hex
//   2. Writing       transcript_of, to_json
//   3. Reading       parse_transcript (every problem reported, each with its JSON pointer)
//   4. Replay        replay: refuse unknown content, changed content, invalid decisions
//
// Rules decided here: every field of §6 is required and unknown fields are errors (as in all
// content documents); the seed is a JSON integer 0 … 2^64−1; a transcript recorded by another
// engine version still replays (the content hash is what guards the result).
#include <cctype>
#include <stdexcept>

#include "hash.h"
#include "json_source.h"
#include "parley/transcript.h"
#include "parley/version.h"

namespace parley {

// ============================================================================
// 1. Hashes
// ============================================================================

std::uint64_t run_hash(const Scenario& s, const Persona& p, const CompetencyModel& m) {
    std::string bytes;
    for (std::uint64_t h : {s.content_hash, p.content_hash, m.content_hash})
        for (int i = 0; i < 8; ++i) bytes += static_cast<char>((h >> (8 * i)) & 0xff);  // little-endian
    return fnv1a64(bytes);
}

std::string hash_hex(std::uint64_t h) {
    static const char* digits = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 15; i >= 0; --i, h >>= 4) s[static_cast<std::size_t>(i)] = digits[h & 0xf];
    return s;
}

// ============================================================================
// 2. Writing
// ============================================================================

Transcript transcript_of(const Session& session) {
    Transcript t;
    t.scenario = session.scenario().id;
    t.content_hash = run_hash(session.scenario(), session.persona(), session.model());
    t.persona = session.persona().id;
    t.seed = session.seed();
    t.difficulty = session.difficulty();
    t.engine_version = kEngineVersion;
    for (const auto& d : session.decisions()) t.decisions.push_back(d.decision);
    return t;
}

nlohmann::json to_json(const Transcript& t) {
    return {{"kind", "transcript"},
            {"format", kFormatVersion},
            {"engine", t.engine_version},
            {"scenario", t.scenario},
            {"content_hash", hash_hex(t.content_hash)},
            {"persona", t.persona},
            {"seed", t.seed},
            {"difficulty", std::string(id_of(t.difficulty))},
            {"decisions", t.decisions}};
}

// ============================================================================
// 3. Reading
// ============================================================================

namespace {

const std::vector<std::string_view> kFields{"kind",    "format", "engine",     "scenario",
                                            "content_hash", "persona", "seed", "difficulty",
                                            "decisions"};

std::optional<std::uint64_t> parse_hex(const std::string& s) {
    if (s.size() != 16) return std::nullopt;
    std::uint64_t h = 0;
    for (char c : s) {
        const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return std::nullopt;
        h = h << 4 | static_cast<std::uint64_t>(d);
    }
    return h;
}

std::string list_fields() {
    std::string s;
    for (auto f : kFields) s += (s.empty() ? "" : ", ") + std::string(f);
    return s;
}

}  // namespace

std::optional<Transcript> parse_transcript(std::string_view text, const std::string& file,
                                           Diagnostics& diags) {
    Reporter rep(text, file, diags);
    const std::optional<json> doc = parse_json(rep);
    if (!doc) {
        rep.flush();
        return std::nullopt;
    }
    if (!doc->is_object()) {
        rep.report(Severity::Error, {}, "expected a transcript object, got " + describe(*doc));
        rep.flush();
        return std::nullopt;
    }

    Transcript t;
    const std::size_t errors_before = rep.errors();
    auto error = [&](std::string_view key, std::string message) {
        rep.report(Severity::Error, Path{key_seg(key)}, std::move(message));
    };
    auto field = [&](std::string_view key) -> const json* {
        auto it = doc->find(std::string(key));
        if (it == doc->end()) {
            rep.report(Severity::Error, {}, "missing field \"" + std::string(key) + "\"");
            return nullptr;
        }
        return &*it;
    };
    auto string_field = [&](std::string_view key, std::string& out, bool non_empty) {
        const json* v = field(key);
        if (!v) return;
        if (!v->is_string() || (non_empty && v->get_ref<const std::string&>().empty()))
            error(key, "expected " + std::string(non_empty ? "a non-empty string" : "a string") +
                           ", got " + describe(*v));
        else
            out = v->get<std::string>();
    };

    for (const auto& [key, value] : doc->items()) {
        bool known = false;
        for (auto f : kFields) known = known || f == key;
        if (!known)
            rep.report(Severity::Error, Path{key_seg(key)},
                       "unknown field \"" + key + "\" (a transcript has: " + list_fields() + ")",
                       Anchor::Key);
    }

    std::string kind;
    string_field("kind", kind, true);
    if (!kind.empty() && kind != "transcript")
        error("kind", "expected \"transcript\", got \"" + kind + "\"");
    if (const json* v = field("format")) {
        if (!v->is_number_integer() || v->get<long long>() != kFormatVersion)
            error("format", "expected format " + std::to_string(kFormatVersion) + ", got " +
                                describe(*v));
    }
    string_field("engine", t.engine_version, false);
    string_field("scenario", t.scenario, true);
    string_field("persona", t.persona, true);
    std::string hash;
    string_field("content_hash", hash, true);
    if (!hash.empty()) {
        if (auto h = parse_hex(hash)) t.content_hash = *h;
        else error("content_hash", "expected 16 hexadecimal digits, got \"" + printable(hash) + "\"");
    }
    if (const json* v = field("seed")) {
        if (v->is_number_unsigned()) t.seed = v->get<std::uint64_t>();
        else if (v->is_number_integer() && v->get<long long>() >= 0) t.seed = v->get<std::uint64_t>();
        else error("seed", "expected an integer 0 … 18446744073709551615, got " + describe(*v));
    }
    std::string difficulty;
    string_field("difficulty", difficulty, true);
    if (!difficulty.empty()) {
        if (auto d = parse<Difficulty>(difficulty)) t.difficulty = *d;
        else error("difficulty", "unknown difficulty \"" + printable(difficulty) +
                                     "\"; expected one of: easy, normal, hard");
    }
    if (const json* v = field("decisions")) {
        if (!v->is_array()) {
            error("decisions", "expected an array of decisions, got " + describe(*v));
        } else {
            for (std::size_t i = 0; i < v->size(); ++i) {
                const json& d = (*v)[i];
                if (d.is_string()) t.decisions.push_back(d.get<std::string>());
                else
                    rep.report(Severity::Error, Path{key_seg("decisions"), index_seg(i)},
                               "expected a decision string (\"2\", \"offer:rate=5.20\"), got " +
                                   describe(d));
            }
        }
    }
    const bool ok = rep.errors() == errors_before;
    rep.flush();
    if (!ok) return std::nullopt;
    return t;
}

// ============================================================================
// 4. Replay
// ============================================================================

std::optional<Session> replay(std::shared_ptr<const ContentSet> shared, const Transcript& t,
                              std::string& error) {
    if (!shared) {
        error = "no content loaded";
        return std::nullopt;
    }
    const ContentSet& content = *shared;
    std::shared_ptr<const Scenario> scenario;
    for (const auto& s : content.scenarios)
        if (s && s->id == t.scenario) scenario = s;
    if (!scenario) {
        error = "unknown scenario '" + t.scenario + "' (not in the loaded content)";
        return std::nullopt;
    }
    auto persona = content.personas.find(t.persona);
    if (persona == content.personas.end()) {
        error = "unknown persona '" + t.persona + "' (not in the loaded content)";
        return std::nullopt;
    }
    const std::uint64_t current = run_hash(*scenario, persona->second, content.model);
    if (current != t.content_hash) {
        error = "transcript was recorded against a different version of scenario '" + t.scenario +
                "' (transcript hash " + hash_hex(t.content_hash) + ", current " +
                hash_hex(current) + ")";
        return std::nullopt;
    }
    std::optional<Session> session;
    try {
        session.emplace(shared, scenario, t.persona, t.seed, t.difficulty);
    } catch (const std::invalid_argument& e) {
        error = e.what();
        return std::nullopt;
    }
    for (std::size_t i = 0; i < t.decisions.size(); ++i) {
        if (auto refused = session->decide(t.decisions[i])) {
            error = "decision " + std::to_string(i + 1) + " '" + t.decisions[i] + "': " +
                    refused->message;
            return std::nullopt;
        }
    }
    return session;
}

}  // namespace parley
