// Transcripts (scenario format §6): writing, reading with located errors, and replay.
//
//   1. Hashes        run_hash, hash_hex
//   2. Writing       transcript_of, to_json
//   3. Reading       parse_transcript (every problem reported, each with its JSON pointer)
//   4. Replay        replay: refuse unknown content, changed content, invalid decisions
//
// Rules decided here: every field of §6.3 is required and unknown fields are errors, read with
// the content loader's typed reader and worded as its errors are; the seed is a JSON integer
// 0 … 2^64−1; a transcript recorded by an engine whose scoring rules differ (older than
// kRulesVersion, or newer than this engine) is refused, naming both versions; the content hash
// guards the content.
#include <array>
#include <cctype>
#include <stdexcept>

#include "hash.h"
#include "json_reader.h"
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
    nlohmann::json j = {{"kind", "transcript"},
            {"format", kFormatVersion},
            {"engine", t.engine_version},
            {"scenario", t.scenario},
            {"content_hash", hash_hex(t.content_hash)},
            {"persona", t.persona},
            {"seed", t.seed},
            {"difficulty", std::string(id_of(t.difficulty))},
            {"decisions", t.decisions}};
    if (t.rewound) j["rewound"] = {{"at", t.rewound->at}, {"original", t.rewound->original}};
    return j;
}

// ============================================================================
// 3. Reading
// ============================================================================

namespace {

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

// "0.1.0" → {0, 1, 0}; nothing unless MAJOR.MINOR.PATCH in digits.
std::optional<std::array<int, 3>> parse_engine_version(std::string_view v) {
    std::array<int, 3> parts{};
    std::size_t at = 0;
    for (int k = 0; k < 3; ++k) {
        if (k > 0) {
            if (at >= v.size() || v[at] != '.') return std::nullopt;
            ++at;
        }
        const std::size_t from = at;
        while (at < v.size() && v[at] >= '0' && v[at] <= '9' && at - from < 6) parts[k] = parts[k] * 10 + (v[at++] - '0');
        if (at == from) return std::nullopt;
    }
    if (at != v.size()) return std::nullopt;
    return parts;
}

std::vector<std::string> read_decisions(Reader& r, const json& decisions) {
    std::vector<std::string> out;
    if (const json::array_t* arr = r.array(decisions)) {
        for (std::size_t i = 0; i < arr->size(); ++i) {
            Reader::At at_i(r, i);
            const json& d = (*arr)[i];
            if (d.is_string()) out.push_back(d.get<std::string>());
            else r.error("expected a decision string (\"2\", \"offer:rate=5.20\"), found " + describe(d));
        }
    }
    return out;
}

// The optional "rewound" object: {"at": N ≥ 1, "original": [decisions]} with at ≤ |original|.
void read_rewind_mark(Fields& f, Reader& r, Transcript& t) {
    const json* mark = f.get("rewound", Optional);
    if (!mark) return;
    Reader::At at_mark(r, "rewound");
    if (!r.expect_object(*mark)) return;
    RewindMark m;
    Fields mf(r, *mark);
    int at = 0;
    const bool have_at = mf.integer("at", at, 1, 1000000, Required);
    const json* original = mf.get("original", Required);
    if (original) {
        Reader::At at_o(r, "original");
        m.original = read_decisions(r, *original);
    }
    if (!have_at || !original) return;
    m.at = static_cast<std::size_t>(at);
    if (m.at > m.original.size()) {
        Reader::At at_at(r, "at");
        r.error("expected a decision number from 1 to " + std::to_string(m.original.size()) +
                " (the original run's decisions), found " + std::to_string(at));
        return;
    }
    t.rewound = std::move(m);
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
    Transcript t;
    Reader r(rep);
    {
        Fields f(r, *doc);
        if (read_header(f, "transcript")) {
            if (f.string("engine", t.engine_version, Required) && !parse_engine_version(t.engine_version)) {
                Reader::At at(r, "engine");
                r.error("expected an engine version MAJOR.MINOR.PATCH such as \"" + std::string(kEngineVersion) +
                        "\", found \"" + printable(t.engine_version, 60) + "\"");
            }
            f.id("scenario", t.scenario, Required);
            std::string hash;
            if (f.string("content_hash", hash, Required)) {
                Reader::At at(r, "content_hash");
                if (auto h = parse_hex(hash)) t.content_hash = *h;
                else r.error("expected 16 hexadecimal digits, found \"" + printable(hash, 60) + "\"");
            }
            f.id("persona", t.persona, Required);
            if (const json* seed = f.get("seed", Required)) {
                Reader::At at(r, "seed");
                if (auto n = r.uint64(*seed)) t.seed = *n;
            }
            f.enumeration("difficulty", t.difficulty, Required, "difficulty");
            if (const json* decisions = f.get("decisions", Required)) {
                Reader::At at(r, "decisions");
                t.decisions = read_decisions(r, *decisions);
            }
            read_rewind_mark(f, r, t);
        }
    }
    rep.flush();
    if (rep.errors() > 0) return std::nullopt;
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
    // Scored under other rules: the transcript's result cannot be reproduced here (§6.3).
    const auto recorded = parse_engine_version(t.engine_version);
    const auto rules = parse_engine_version(kRulesVersion), engine = parse_engine_version(kEngineVersion);
    if (!recorded || *recorded < *rules) {
        error = "transcript was recorded by engine " + (t.engine_version.empty() ? "?" : t.engine_version) +
                ", whose scoring rules differ from this engine's (" + kEngineVersion + ", rules since " +
                kRulesVersion + "): its score cannot be reproduced here";
        return std::nullopt;
    }
    if (*recorded > *engine) {
        error = "transcript was recorded by engine " + t.engine_version + ", newer than this engine (" +
                kEngineVersion + "): its scoring rules are not known here";
        return std::nullopt;
    }
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
