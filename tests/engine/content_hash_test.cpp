// The content hash covers the model, not the text (format reference §6.2): layout, key order
// and number spelling never change it, nor does wording; every number, id, condition, effect,
// piece of evidence, reaction and policy parameter does. Transcripts replay across a re-save.
#include <fstream>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "loader_fixture.h"
#include "parley/debrief.h"
#include "parley/transcript.h"
#include "parley/version.h"
#include "hash.h"
#include "parley/writer.h"
#include "writer_detail.h"

using namespace parley;
using namespace loader_fixture;
namespace fs = std::filesystem;

namespace {

// `v` with the keys of every object in reverse order.
nlohmann::ordered_json reversed_keys(const json& v) {
    if (v.is_object()) {
        nlohmann::ordered_json out = nlohmann::ordered_json::object();
        for (auto it = v.rbegin(); it != v.rend(); ++it) out[it.key()] = reversed_keys(*it);
        return out;
    }
    if (v.is_array()) {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const auto& x : v) out.push_back(reversed_keys(x));
        return out;
    }
    return nlohmann::ordered_json(v);
}

// A content root in a temporary folder holding the given texts.
class Root {
public:
    Root(const std::string& model, const std::string& persona, const std::string& scenario) {
        static int counter = 0;
        dir_ = fs::temp_directory_path() /
               ("parley-hash-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "personas");
        fs::create_directories(dir_ / "library");
        std::ofstream(dir_ / "competencies.json") << model;
        std::ofstream(dir_ / "personas/analytical.json") << persona;
        std::ofstream(dir_ / "library/mini.json") << scenario;
    }
    ~Root() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    Root(const Root&) = delete;
    Root& operator=(const Root&) = delete;
    const fs::path& dir() const { return dir_; }

private:
    fs::path dir_;
};

std::uint64_t scenario_hash(const json& doc) {
    Diagnostics d;
    auto s = load(doc, d);
    INFO(show(d));
    REQUIRE(s);
    return s->content_hash;
}

std::uint64_t persona_hash(const json& doc) {
    Diagnostics d;
    auto p = parse_persona(doc.dump(2), "personas/analytical.json", model(), d);
    INFO(show(d));
    REQUIRE(p);
    return p->content_hash;
}

std::uint64_t model_hash(const json& doc) {
    Diagnostics d;
    auto m = parse_competency_model(doc.dump(2), "competencies.json", d);
    INFO(show(d));
    REQUIRE(m);
    return m->content_hash;
}

}  // namespace

TEST_CASE("a re-indented copy with its keys shuffled has the same hash, and a transcript replays on it",
          "[hash]") {
    Root original(model_text(), persona_json().dump(2), scenario_json().dump(2));
    Root copy(reversed_keys(json::parse(model_text())).dump(4), reversed_keys(persona_json()).dump(),
              reversed_keys(scenario_json()).dump(1, '\t'));
    Diagnostics d;
    auto a = load_content(original.dir(), d);
    auto b = load_content(copy.dir(), d);
    INFO(show(d));
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->scenario("mini")->content_hash == b->scenario("mini")->content_hash);
    CHECK(a->persona("analytical")->content_hash == b->persona("analytical")->content_hash);
    CHECK(a->model.content_hash == b->model.content_hash);

    // A run recorded on the original: open → ask (finds the need, leads to the terms) → prepare → walk away.
    Transcript t;
    t.scenario = "mini";
    t.persona = "analytical";
    t.seed = 7;
    t.difficulty = Difficulty::Normal;
    t.engine_version = kEngineVersion;
    t.content_hash = run_hash(*a->scenario("mini"), *a->persona("analytical"), a->model);
    t.decisions = {"1", "1", "prep:concede=fee;hold=rate", "walk"};
    std::string error;
    auto on_original = replay(a, t, error);
    INFO(error);
    REQUIRE(on_original);
    REQUIRE(on_original->finished());
    auto on_copy = replay(b, t, error);
    INFO(error);
    REQUIRE(on_copy);
    CHECK(to_json(debrief(*on_copy), Lang::En).dump() == to_json(debrief(*on_original), Lang::En).dump());

    // The canonical re-save hashes the same too.
    CHECK(content_hash_of(*a->scenario("mini")) == a->scenario("mini")->content_hash);
    Diagnostics d2;
    auto resaved = parse_scenario(canonical_text(*a->scenario("mini")), "mini.json", a->model, a->personas, d2);
    REQUIRE(resaved);
    CHECK(resaved->content_hash == a->scenario("mini")->content_hash);
}

TEST_CASE("a changed number, id, condition or effect changes the scenario's hash", "[hash]") {
    const std::uint64_t base = scenario_hash(scenario_json());
    auto changed = [&](auto edit) {
        json doc = scenario_json();
        edit(doc);
        return scenario_hash(doc);
    };
    CHECK(changed([](json& d) { d["nodes"][0]["options"][0]["effects"]["trust"] = 6; }) != base);
    CHECK(changed([](json& d) { d["nodes"][0]["options"][0]["evidence"]["A"] = 1; }) != base);
    CHECK(changed([](json& d) { d["nodes"][4]["outcome_score"] = 1; }) != base);
    CHECK(changed([](json& d) { d["nodes"][2]["negotiation"]["issues"][0]["bank_target"] = 5.25; }) != base);
    CHECK(changed([](json& d) { d["nodes"][2]["negotiation"]["issues"][1]["client_weight"] = 2; }) != base);
    CHECK(changed([](json& d) { d["nodes"][1]["options"][0]["if"]["all"][1]["value"] = 31; }) != base);
    CHECK(changed([](json& d) { d["nodes"][0]["options"][0]["tags"] = {"agenda", "rapport"}; }) != base);
    CHECK(changed([](json& d) { d["state"]["patience"] = 9; }) != base);
    CHECK(changed([](json& d) { d["level"] = 2; }) != base);
    CHECK(changed([](json& d) { d["nodes"][0]["options"][1]["next"] = "probe"; }) != base);
    CHECK(changed([](json& d) {
              d["nodes"][0]["options"][1]["violation"] = {{"red_line", "hiding_risk"},
                                                          {"explanation", {{"zh", "隐瞒"}, {"en", "Hidden"}}}};
          }) != base);
}

TEST_CASE("changed wording leaves the scenario's hash as it was", "[hash]") {
    const std::uint64_t base = scenario_hash(scenario_json());
    auto changed = [&](auto edit) {
        json doc = scenario_json();
        edit(doc);
        return scenario_hash(doc);
    };
    CHECK(changed([](json& d) { d["nodes"][0]["options"][0]["feedback"]["en"] = "Agenda first, always."; }) == base);
    CHECK(changed([](json& d) { d["nodes"][0]["line"]["zh"] = "您好"; }) == base);
    CHECK(changed([](json& d) { d["nodes"][0]["options"][0]["text"]["en"] = "Agenda"; }) == base);
    CHECK(changed([](json& d) { d["nodes"][1]["line_by_persona"]["analytical"]["en"] = "Numbers!"; }) == base);
    CHECK(changed([](json& d) { d["nodes"][0]["cue"] = {{"zh", "看表"}, {"en", "Checks the time"}}; }) == base);
    CHECK(changed([](json& d) { d["nodes"][4]["summary"]["en"] = "Gone."; }) == base);
    CHECK(changed([](json& d) { d["state"]["needs"][0]["label"]["en"] = "Cash"; }) == base);
    CHECK(changed([](json& d) { d["nodes"][2]["negotiation"]["briefing"]["en"] = "Get ready"; }) == base);
    CHECK(changed([](json& d) { d["nodes"][2]["negotiation"]["issues"][1]["unit"] = "ten thousand yuan"; }) == base);
    CHECK(changed([](json& d) { d["title"]["en"] = "Tiny"; }) == base);
    CHECK(changed([](json& d) { d["sources"] = {"000 拜访流程"}; }) == base);
    CHECK(changed([](json& d) { d["nodes"][2]["negotiation"]["issues"][0]["max"] = 6.0; }) == base);  // 6.00
}

TEST_CASE("a persona's hash covers its reactions and policy, not its wording or profile", "[hash]") {
    const std::uint64_t base = persona_hash(persona_json());
    auto changed = [&](auto edit) {
        json doc = persona_json();
        edit(doc);
        return persona_hash(doc);
    };
    CHECK(changed([](json& d) { d["reactions"]["facts_data"]["scale"] = 140; }) != base);
    CHECK(changed([](json& d) { d["methods"]["questioning"] = 120; }) != base);
    CHECK(changed([](json& d) { d["negotiation"]["beta"] = 0.5; }) != base);
    CHECK(changed([](json& d) { d["negotiation"]["squeeze"] = 1; }) != base);
    CHECK(changed([](json& d) { d["initial"]["trust"] = -5; }) != base);
    CHECK(changed([](json& d) { d["cues"]["anger"][0]["en"] = "Red in the face"; }) == base);
    CHECK(changed([](json& d) { d["name"]["en"] = "The numbers person"; }) == base);
    CHECK(changed([](json& d) { d["approach"]["zh"] = "先给数据"; }) == base);
    CHECK(changed([](json& d) { d["profile"]["skepticism"] = 10; }) == base);  // presentation only
}

TEST_CASE("the competency model's hash covers its numbers, not its names", "[hash]") {
    const std::uint64_t base = model_hash(json::parse(model_text()));
    auto changed = [&](auto edit) {
        json doc = json::parse(model_text());
        edit(doc);
        return model_hash(doc);
    };
    CHECK(changed([](json& d) { d["stars"] = {40, 70, 85}; }) != base);
    CHECK(changed([](json& d) { d["competencies"][0]["weight"] = 3; }) != base);
    CHECK(changed([](json& d) { d["evidence_prior"] = 4; }) != base);
    CHECK(changed([](json& d) { d["tiers"][1]["name"]["en"] = "Middle"; }) == base);
    CHECK(changed([](json& d) { d["competencies"][0]["name"]["zh"] = "沟通"; }) == base);
}

TEST_CASE("the three hashes of a run are different things", "[hash]") {
    Diagnostics d;
    auto s = load(scenario_json(), d);
    REQUIRE(s);
    CHECK(s->content_hash != model().content_hash);
    CHECK(s->content_hash != personas().at("analytical").content_hash);
}

TEST_CASE("the hash is FNV-1a 64 of the compact canonical document without its wording", "[hash]") {
    Diagnostics d;
    auto content = load_content(PARLEY_SOURCE_DIR "/scenarios", d);
    INFO(show(d));
    REQUIRE(content);
    using writer_detail::View;
    for (const auto& s : content->scenarios)
        CHECK(s->content_hash == fnv1a64(writer_detail::document(*s, View::Hashed).dump()));
    for (const auto& [id, p] : content->personas)
        CHECK(p.content_hash == fnv1a64(writer_detail::document(p, View::Hashed).dump()));
    CHECK(content->model.content_hash == fnv1a64(writer_detail::document(content->model, View::Hashed).dump()));

    // Strings the serializer escapes hash as it writes them (a model built in code may hold any).
    Scenario odd;
    odd.id = "quote\" backslash\\ newline\n tab\t bell\x07 del\x7f 中文";
    odd.start = std::string("nul\0byte", 8);
    CHECK(content_hash_of(odd) == fnv1a64(writer_detail::document(odd, View::Hashed).dump()));

    // The wording-free view leaves out exactly the wording.
    const json view = json::parse(writer_detail::document(*content->scenario("sme-working-capital"), View::Hashed).dump());
    CHECK_FALSE(view.contains("title"));
    CHECK_FALSE(view.contains("objectives"));
    CHECK_FALSE(view["nodes"][0].contains("line"));
    CHECK_FALSE(view["nodes"][0]["options"][0].contains("feedback"));
    CHECK(view["nodes"][0]["options"][0].contains("next"));
    CHECK(view.contains("state"));
}
