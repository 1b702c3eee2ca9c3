// The recommended next meeting (recommend.h), on a hand-made content set and trainee record:
// the weakest competency with the core ones first over the last five runs, then clients not met,
// then unlocks, then the fewest stars — and never a meeting that is not open.
#include <catch2/catch.hpp>

#include "parley/recommend.h"
#include "session_builders.h"

using namespace parley;
using namespace parley::runtime_test;

namespace {

// Core A C D J K, and B H (the builders' A C H I model, with D, J, K and B added).
CompetencyModel five_core() {
    CompetencyModel m = model();
    m.competencies = {{"A", tx("Communication"), true, 2}, {"B", tx("Teamwork"), false, 1},
                      {"C", tx("Need discovery"), true, 2}, {"D", tx("Consultative selling"), true, 2},
                      {"H", tx("Etiquette"), false, 1},     {"J", tx("Product knowledge"), true, 2},
                      {"K", tx("Industry knowledge"), true, 2}};
    return m;
}

std::shared_ptr<const Scenario> trains(const std::string& id, std::vector<std::string> competencies,
                                       std::vector<std::string> personas) {
    auto s = std::make_shared<Scenario>(*scenario(id, {ending("end", OutcomeType::Deal, 100)}, std::move(personas)));
    s->competencies = std::move(competencies);
    return s;
}

// visit trains A and H; needs trains C and D; terms trains J and K.
std::shared_ptr<const ContentSet> library() {
    return content({persona("steady"), persona("driver"), persona("hider"), persona("haggler")},
                   {trains("visit", {"A", "H"}, {"steady", "driver"}), trains("needs", {"C", "D"}, {"steady", "hider"}),
                    trains("terms", {"J", "K"}, {"haggler"})},
                   five_core());
}

PastRun run(const std::string& scenario, const std::string& persona, std::map<std::string, int> scores, int stars = 1,
            Difficulty d = Difficulty::Normal) {
    PastRun r;
    r.scenario = scenario;
    r.persona = persona;
    r.difficulty = d;
    r.stars = stars;
    r.competencies = std::move(scores);
    return r;
}

std::vector<OpenMeeting> everything_open() {
    std::vector<OpenMeeting> open;
    for (const char* sp : {"visit/steady", "visit/driver", "needs/steady", "needs/hider", "terms/haggler"}) {
        const std::string s(sp);
        const auto slash = s.find('/');
        for (Difficulty d : {Difficulty::Easy, Difficulty::Normal, Difficulty::Hard})
            open.push_back({s.substr(0, slash), s.substr(slash + 1), d, false});
    }
    return open;
}

}  // namespace

TEST_CASE("the weakest core competency over the last five runs picks the meeting that trains it", "[recommend]") {
    const auto cs = library();
    std::vector<PastRun> runs = {
        run("needs", "steady", {{"C", 0}, {"D", 0}}),          // sixth from the end: not read
        run("visit", "steady", {{"A", 70}, {"H", 30}}),
        run("needs", "steady", {{"C", 50}, {"D", 75}}),
        run("visit", "steady", {{"A", 90}, {"H", 40}}),
        run("needs", "steady", {{"C", 45}, {"D", 70}}),
        run("terms", "haggler", {{"J", 60}, {"K", 85}}),
    };
    PastRun practice = run("needs", "steady", {{"C", 100}, {"D", 100}});
    practice.practice = true;   // a rewound run is not read
    runs.push_back(practice);

    const auto r = recommend(*cs, runs, everything_open());
    REQUIRE(r);
    // Averages: A 80 (mastered), C 48, D 73, J 60, K 85; H 35 is lower but not core.
    CHECK(r->rule == RecommendationRule::WeakCompetency);
    CHECK(r->competency == "C");
    CHECK(r->average == 48);
    CHECK(r->scenario == "needs");
    CHECK(r->persona == "hider");                 // a client not met before, on the same meeting
    CHECK(r->difficulty == Difficulty::Normal);   // the scenario's default
    CHECK(r->reason.en ==
          "Your need discovery (C) is your weakest core competency over the last five runs (average 48); "
          "\"needs\" trains it, against hider.");
    CHECK(r->reason.zh == "您的「Need discovery」(C)是最近五次练习中最弱的核心能力(平均 48 分);《「needs」》正训练这项能力,对手是「hider」。");
}

TEST_CASE("a locked meeting is never recommended, even for the weakest competency", "[recommend]") {
    const auto cs = library();
    const std::vector<PastRun> runs = {run("visit", "steady", {{"A", 60}, {"H", 70}}),
                                       run("needs", "steady", {{"C", 40}, {"D", 50}})};
    std::vector<OpenMeeting> open;
    for (const auto& m : everything_open())
        if (m.scenario != "needs") open.push_back(m);   // needs is locked
    const auto r = recommend(*cs, runs, open);
    REQUIRE(r);
    // C and D are weaker but only locked meetings train them: A is next.
    CHECK(r->competency == "A");
    CHECK(r->scenario == "visit");
    CHECK(r->persona == "driver");
    CHECK(r->reason.en.find("over your 2 runs so far (average 60)") != std::string::npos);
}

TEST_CASE("with no weak competency the rule turns to clients not met, then unlocks, then stars", "[recommend]") {
    const auto cs = library();
    std::vector<PastRun> runs = {run("visit", "steady", {{"A", 90}, {"H", 95}}, 3),
                                 run("needs", "steady", {{"C", 85}, {"D", 88}}, 2)};
    std::vector<OpenMeeting> open = everything_open();

    auto r = recommend(*cs, runs, open);
    REQUIRE(r);
    CHECK(r->rule == RecommendationRule::NewPersona);
    CHECK(r->scenario == "visit");
    CHECK(r->persona == "driver");
    CHECK(r->reason.en == "You have not met driver yet; practise against this kind of client in \"visit\".");

    // Every client met: an unlocked Hard not played yet.
    for (const char* p : {"driver", "hider", "haggler"})
        runs.push_back(run(p == std::string("driver") ? "visit" : p == std::string("hider") ? "needs" : "terms", p,
                           {{"A", 90}, {"C", 90}, {"D", 90}, {"H", 90}, {"J", 90}, {"K", 90}}, 3));
    for (auto& m : open) m.unlocked = m.difficulty == Difficulty::Hard && m.scenario == "needs";
    r = recommend(*cs, runs, open);
    REQUIRE(r);
    CHECK(r->rule == RecommendationRule::Unlock);
    CHECK(r->scenario == "needs");
    CHECK(r->difficulty == Difficulty::Hard);
    CHECK(r->reason.en == "You have unlocked steady on Hard in \"needs\"; take it on now.");

    // Nothing new: the meeting with the fewest best stars (in the order given).
    for (auto& m : open) m.unlocked = false;
    r = recommend(*cs, runs, open);
    REQUIRE(r);
    CHECK(r->rule == RecommendationRule::FewestStars);
    CHECK(r->scenario == "visit");
    CHECK(r->persona == "steady");
    CHECK(r->difficulty == Difficulty::Easy);
    CHECK(r->reason.en == "Your best in \"visit\" against steady on Easy is 0 stars, the most still to win.");
}

TEST_CASE("a first recommendation, before any run, is the first open meeting at its default difficulty", "[recommend]") {
    const auto cs = library();
    const auto r = recommend(*cs, {}, everything_open());
    REQUIRE(r);
    CHECK(r->rule == RecommendationRule::NewPersona);
    CHECK(r->scenario == "visit");
    CHECK(r->persona == "steady");
    CHECK(r->difficulty == Difficulty::Normal);
    // The same record gives the same recommendation, always.
    CHECK(recommend(*cs, {}, everything_open())->reason.zh == r->reason.zh);
}

TEST_CASE("nothing is recommended when no open meeting can be played with the content", "[recommend]") {
    const auto cs = library();
    CHECK_FALSE(recommend(*cs, {}, {}));
    CHECK_FALSE(recommend(*cs, {}, {{"visit", "hider", Difficulty::Normal, false},     // not one of its clients
                                    {"gone", "steady", Difficulty::Normal, false}}));  // no such scenario
}
