// Transcripts (scenario format §6): writing and reading them, replaying them to the same
// debrief, and refusing to replay them against other content.
#include <catch2/catch.hpp>

#include "parley/debrief.h"
#include "parley/transcript.h"
#include "parley/version.h"
#include "session_builders.h"

using namespace parley;
using namespace parley::runtime_test;

namespace {

void play(Session& s, std::initializer_list<const char*> moves) {
    for (const char* m : moves) {
        auto refused = s.decide(m);
        if (refused) FAIL("decision '" << m << "' refused: " << refused->message);
    }
}

// A meeting that opens, raises an objection, answers it, then negotiates.
std::shared_ptr<const Scenario> meeting() {
    StateDecl st;
    st.trust = 40;
    st.interest = 40;
    st.patience = 8;
    st.objections = {{"rate_high", ObjectionType::Price, tx("rate too high")}};
    Option open = option("agenda", "objection", {{"A", 2}});
    open.tags = {Tag::Agenda};
    open.consequence.effects.raise_objections = {"rate_high"};
    Option answer = option("explain", "terms", {{"C", 1}});
    answer.objection = ObjectionAnswer{"rate_high", ObjectionMethod::Questioning};
    answer.consequence.effects.resolve_objections = {"rate_high"};
    Node objection = dialogue("objection", {answer}, Stage::Objection);
    objection.emotion = Emotion::Suspicion;
    Negotiation block = terms_block();
    auto s = scenario("meeting",
                      {dialogue("open", {open}, Stage::Opening), objection,
                       negotiation_node("terms", block), ending("end_deal", OutcomeType::Deal, 100),
                       ending("end_no_deal", OutcomeType::NoDeal, 20),
                       ending("end_quit", OutcomeType::ClientLeft, 0)},
                      {"p"}, st);
    return s;
}

Persona client() {
    Persona p = persona("p");
    p.concession.patience_rounds = 4;
    p.method_effectiveness[ObjectionMethod::Questioning] = 120;
    return p;
}

const std::initializer_list<const char*> kRun{"1", "1", "prep:concede=fee;hold=rate", "hold",
                                              "trade:fee=0.60/rate=4.70", "hold", "accept"};

}  // namespace

TEST_CASE("replaying a transcript gives the same debrief", "[transcript]") {
    auto sc = meeting();
    const auto cs = content({client()}, {sc});
    Session s(cs, sc, "p", 42, Difficulty::Normal);
    play(s, kRun);
    REQUIRE(s.finished());
    const Transcript t = transcript_of(s);
    CHECK(t.decisions == std::vector<std::string>(kRun.begin(), kRun.end()));
    CHECK(t.engine_version == kEngineVersion);

    const std::string text = to_json(t).dump(2);
    Diagnostics diags;
    auto parsed = parse_transcript(text, "run.json", diags);
    REQUIRE(parsed);
    CHECK(diags.items.empty());
    std::string error;
    auto again = replay(cs, *parsed, error);
    REQUIRE(again);
    CHECK(error.empty());
    CHECK(to_json(debrief(*again), Lang::En) == to_json(debrief(s), Lang::En));
    CHECK(to_json(debrief(*again), Lang::Zh).dump() == to_json(debrief(s), Lang::Zh).dump());
}

TEST_CASE("the same seed and decisions give the same run, cue for cue", "[transcript]") {
    auto sc = meeting();
    const auto cs = content({client()}, {sc});
    Session a(cs, sc, "p", 7, Difficulty::Hard), b(cs, sc, "p", 7, Difficulty::Hard);
    for (const char* m : kRun) {
        CHECK(a.beat().cue.en == b.beat().cue.en);
        CHECK(a.state_key() == b.state_key());
        REQUIRE_FALSE(a.decide(m));
        REQUIRE_FALSE(b.decide(m));
    }
    CHECK(to_json(debrief(a), Lang::En).dump() == to_json(debrief(b), Lang::En).dump());
}

TEST_CASE("a transcript is written in the documented shape", "[transcript]") {
    auto sc = meeting();
    const auto cs = content({client()}, {sc});
    Session s(cs, sc, "p", 18446744073709551615ULL, Difficulty::Easy);
    play(s, {"1"});
    const nlohmann::json j = to_json(transcript_of(s));
    CHECK(j["kind"] == "transcript");
    CHECK(j["format"] == 1);
    CHECK(j["engine"] == kEngineVersion);
    CHECK(j["scenario"] == "meeting");
    CHECK(j["persona"] == "p");
    CHECK(j["seed"] == 18446744073709551615ULL);
    CHECK(j["difficulty"] == "easy");
    CHECK(j["decisions"] == nlohmann::json{"1"});
    const std::string hash = j["content_hash"];
    CHECK(hash.size() == 16);
    CHECK(hash == hash_hex(run_hash(*sc, cs->personas.at("p"), cs->model)));
    CHECK(hash_hex(0x9f3a) == "0000000000009f3a");
}

TEST_CASE("the run hash changes with the scenario, the persona or the competency model", "[transcript]") {
    auto sc = meeting();
    const Persona p = client();
    const CompetencyModel m = model();
    const std::uint64_t h = run_hash(*sc, p, m);
    Scenario s2 = *sc;
    s2.content_hash ^= 1;
    Persona p2 = p;
    p2.content_hash ^= 1;
    CompetencyModel m2 = m;
    m2.content_hash ^= 1;
    CHECK(run_hash(s2, p, m) != h);
    CHECK(run_hash(*sc, p2, m) != h);
    CHECK(run_hash(*sc, p, m2) != h);
    // The three hashes are not interchangeable.
    Scenario s3 = *sc;
    s3.content_hash = p.content_hash;
    Persona p3 = p;
    p3.content_hash = sc->content_hash;
    CHECK(run_hash(s3, p3, m) != h);
}

TEST_CASE("a transcript recorded against changed content is refused", "[transcript]") {
    auto sc = meeting();
    const auto cs = content({client()}, {sc});
    Session s(cs, sc, "p", 42, Difficulty::Normal);
    play(s, kRun);
    const Transcript t = transcript_of(s);

    auto edited = std::make_shared<Scenario>(*sc);
    edited->content_hash = 0x4444;
    const auto changed = content({client()}, {edited});
    std::string error;
    CHECK_FALSE(replay(changed, t, error));
    CHECK(error == "transcript was recorded against a different version of scenario 'meeting' "
                   "(transcript hash " + hash_hex(t.content_hash) + ", current " +
                   hash_hex(run_hash(*edited, changed->personas.at("p"), changed->model)) + ")");

    Transcript other = t;
    other.scenario = "elsewhere";
    CHECK_FALSE(replay(cs, other, error));
    CHECK(error == "unknown scenario 'elsewhere' (not in the loaded content)");
    other = t;
    other.persona = "nobody";
    CHECK_FALSE(replay(cs, other, error));
    CHECK(error == "unknown persona 'nobody' (not in the loaded content)");
}

TEST_CASE("a transcript with a decision that is not valid at its point is refused", "[transcript]") {
    auto sc = meeting();
    const auto cs = content({client()}, {sc});
    Session s(cs, sc, "p", 42, Difficulty::Normal);
    Transcript t = transcript_of(s);
    t.decisions = {"1", "1", "prep:concede=fee;hold=rate", "7"};
    std::string error;
    CHECK_FALSE(replay(cs, t, error));
    CHECK(error.rfind("decision 4 '7': unknown move '7'", 0) == 0);
    t.decisions = {"1", "3"};
    CHECK_FALSE(replay(cs, t, error));
    CHECK(error == "decision 2 '3': option 3 does not exist here (choose 1–1)");
}

TEST_CASE("transcript documents with wrong types or fields are reported with JSON pointers, worded as the loader's",
          "[transcript]") {
    const std::string text = R"({
  "kind": "transcript", "format": 1, "engine": "0.1.0",
  "scenario": "meeting", "content_hash": "xyz", "persona": 5,
  "seed": -3, "difficulty": "brutal",
  "decisions": ["1", 2],
  "comment": "hello"
})";
    Diagnostics diags;
    CHECK_FALSE(parse_transcript(text, "bad.json", diags));
    std::map<std::string, std::string> by_pointer;
    for (const auto& d : diags.items) {
        CHECK(d.severity == Severity::Error);
        CHECK(d.file == "bad.json");
        by_pointer[d.pointer] = d.message;
    }
    CHECK(by_pointer.at("/content_hash") == "expected 16 hexadecimal digits, found \"xyz\"");
    CHECK(by_pointer.at("/persona") == "expected a string, found 5");
    CHECK(by_pointer.at("/seed") == "expected an integer from 0 to 18446744073709551615, found -3");
    CHECK(by_pointer.at("/difficulty") == "unknown difficulty \"brutal\"; expected one of: easy, normal, hard");
    CHECK(by_pointer.at("/decisions/1").rfind("expected a decision string", 0) == 0);
    CHECK(by_pointer.at("/comment").rfind("unknown field \"comment\"", 0) == 0);
    CHECK(diags.items.size() == 6);
}

TEST_CASE("a transcript that is not JSON is reported at its line and column", "[transcript]") {
    Diagnostics diags;
    CHECK_FALSE(parse_transcript("{\n  \"kind\": \"transcript\",\n  \"format\": 1,,\n}", "broken.json", diags));
    REQUIRE(diags.items.size() >= 1);
    CHECK(diags.items[0].file == "broken.json");
    CHECK(diags.items[0].line == 3);

    Diagnostics other;
    CHECK_FALSE(parse_transcript(R"({"kind": "persona", "format": 2})", "m.json", other));
    REQUIRE(other.items.size() == 1);
    CHECK(other.items[0].message == "this is a persona document; expected kind \"transcript\"");
    CHECK(other.items[0].pointer == "/kind");

    Diagnostics missing;
    CHECK_FALSE(parse_transcript(R"({"kind": "transcript", "format": 1, "engine": "0.1.0"})", "m.json", missing));
    std::vector<std::string> messages;
    for (const auto& d : missing.items) messages.push_back(d.message);
    CHECK(std::find(messages.begin(), messages.end(), "missing required field \"decisions\"") != messages.end());
    CHECK(std::find(messages.begin(), messages.end(), "missing required field \"seed\"") != messages.end());

    Diagnostics typo;
    CHECK_FALSE(parse_transcript(R"({"kind": "transcrpt", "format": 1})", "t.json", typo));
    REQUIRE(typo.items.size() == 1);
    CHECK(typo.items[0].message == "unknown document kind \"transcrpt\" (did you mean \"transcript\"?)");
}

TEST_CASE("a transcript field misspelt is named with the field it should be", "[transcript]") {
    auto sc = meeting();
    const auto cs = content({client()}, {sc});
    Session s(cs, sc, "p", 42, Difficulty::Normal);
    nlohmann::json j = to_json(transcript_of(s));
    j["decison"] = j["decisions"];
    j.erase("decisions");
    j["engine"] = "first";
    Diagnostics diags;
    CHECK_FALSE(parse_transcript(j.dump(2), "run.json", diags));
    std::map<std::string, std::string> by_pointer;
    for (const auto& d : diags.items) by_pointer[d.pointer] = d.message;
    CHECK(by_pointer.at("/decison") == "unknown field \"decison\" (did you mean \"decisions\"?)");
    CHECK(by_pointer.at("") == "missing required field \"decisions\"");
    CHECK(by_pointer.at("/engine") ==
          std::string("expected an engine version MAJOR.MINOR.PATCH such as \"") + kEngineVersion +
              "\", found \"first\"");
    for (const auto& d : diags.items) CHECK(d.line > 0);
}

TEST_CASE("a transcript recorded under other scoring rules is refused, naming both versions", "[transcript]") {
    auto sc = meeting();
    const auto cs = content({client()}, {sc});
    Session s(cs, sc, "p", 42, Difficulty::Normal);
    play(s, kRun);
    Transcript t = transcript_of(s);
    std::string error;
    REQUIRE(replay(cs, t, error));  // this engine's own

    t.engine_version = "0.0.9";  // before the rules this engine scores by
    CHECK_FALSE(replay(cs, t, error));
    CHECK(error == std::string("transcript was recorded by engine 0.0.9, whose scoring rules differ from this "
                               "engine's (") + kEngineVersion + ", rules since " + kRulesVersion +
                       "): its score cannot be reproduced here");

    t.engine_version = "99.0.0";  // a later engine: rules unknown here
    CHECK_FALSE(replay(cs, t, error));
    CHECK(error == std::string("transcript was recorded by engine 99.0.0, newer than this engine (") +
                       kEngineVersion + "): its scoring rules are not known here");

    // The versions between the rules version and this engine replay (same rules).
    t.engine_version = kRulesVersion;
    CHECK(replay(cs, t, error));

    // Through the document too: what parse_transcript reads is what replay checks.
    nlohmann::json j = to_json(transcript_of(s));
    j["engine"] = "0.0.9";
    Diagnostics diags;
    auto parsed = parse_transcript(j.dump(), "old.json", diags);
    REQUIRE(parsed);
    CHECK_FALSE(replay(cs, *parsed, error));
    CHECK(error.find("engine 0.0.9") != std::string::npos);
    CHECK(error.find(kEngineVersion) != std::string::npos);
}
