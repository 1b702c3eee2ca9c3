// The classroom server on loopback: sessions, joining and resuming, progress, results scored by
// the server, the ranking, the trainer's actions, and the refusals with their messages.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <thread>

#include "board_support.h"
#include "parley/debrief.h"
#include "ranking.h"
#include "scoring.h"

using namespace parley;
using namespace parley::board;
using namespace parley::board::test;

namespace {

std::string make_session(TestServer& server, json body = session_body()) {
    auto c = server.client();
    const Reply r = post(c, "/api/sessions", body, server.trainer());
    REQUIRE(r.status == 201);
    return r.body["code"];
}

json join(TestServer& server, const std::string& code, const std::string& name) {
    auto c = server.client();
    const Reply r = post(c, "/api/sessions/" + code + "/join", json{{"name", name}});
    INFO(r.text);
    REQUIRE(r.status == 200);
    return r.body;
}

int local_total(const Transcript& t) {
    std::string error;
    const auto s = replay(shipped_content(), t, error);
    REQUIRE(s);
    return debrief(*s).score.total;
}

}  // namespace

TEST_CASE("30 trainees join, send progress and submit at once, and the leaderboard ranks them by the rule",
          "[board][load]") {
    TestServer server;
    const std::string code = make_session(server);
    constexpr int kTrainees = 30;
    std::vector<Transcript> runs;
    for (int i = 0; i < kTrainees; ++i) runs.push_back(varied_run(shipped_content(), static_cast<unsigned>(i)));

    std::atomic<int> ok{0};
    std::vector<std::string> failures(kTrainees);
    std::vector<std::thread> threads;
    for (int i = 0; i < kTrainees; ++i) {
        threads.emplace_back([&, i] {
            auto c = server.client();
            const std::string name = "学员" + std::to_string(i + 1);
            const Reply j = post(c, "/api/sessions/" + code + "/join", json{{"name", name}});
            if (j.status != 200) return void(failures[i] = "join " + j.text);
            const std::string token = j.body["player_token"];
            const auto& d = runs[i].decisions;
            for (std::size_t k = 1; k <= d.size(); ++k) {
                const Reply p = post(c, "/api/sessions/" + code + "/progress",
                                     json{{"decisions", std::vector<std::string>(d.begin(), d.begin() + k)}}, token);
                if (p.status != 200) return void(failures[i] = "progress " + p.text);
            }
            const Reply r = post(c, "/api/sessions/" + code + "/results", to_json(runs[i]).dump(), token);
            if (r.status != 200) return void(failures[i] = "result " + r.text);
            ++ok;
        });
    }
    for (auto& t : threads) t.join();
    for (const auto& f : failures) CHECK(f == "");
    REQUIRE(ok == kTrainees);

    auto c = server.client();
    const Reply board = get(c, "/api/sessions/" + code + "/leaderboard", server.trainer());
    REQUIRE(board.status == 200);
    const auto& entries = board.body["entries"];
    REQUIRE(entries.size() == kTrainees);
    // What the engine says each run scores, computed here independently of the server.
    std::map<std::string, int> expected;
    for (int i = 0; i < kTrainees; ++i) expected["学员" + std::to_string(i + 1)] = local_total(runs[i]);
    std::set<int> distinct;
    for (std::size_t k = 0; k < entries.size(); ++k) {
        const auto& e = entries[k];
        CHECK(e["total"] == expected[e["name"]]);
        distinct.insert(e["total"].get<int>());
        if (k == 0) {
            CHECK(e["rank"] == 1);
            continue;
        }
        const auto& prev = entries[k - 1];
        const auto key = [](const json& x) {
            return std::make_tuple(-x["total"].get<int>(), -x["stars"].get<int>(), x["critical_violations"].get<int>(),
                                   x["violations"].get<int>());
        };
        CHECK(key(prev) <= key(e));
        if (key(prev) == key(e)) CHECK(e["rank"] == prev["rank"]);   // equal results share a rank
        else CHECK(e["rank"] == static_cast<int>(k) + 1);
    }
    CHECK(distinct.size() > 3);   // the runs really differ
    CHECK(board.body["finished"] == kTrainees);

    // The public sees only the top; a trainee sees the top and their own line.
    const Reply pub = get(c, "/api/sessions/" + code + "/leaderboard");
    REQUIRE(pub.status == 200);
    REQUIRE(!pub.body["entries"].empty());
    for (const auto& e : pub.body["entries"]) CHECK(e["rank"] <= kPublicTop);   // ties at the edge included
    CHECK(pub.body["entries"].size() < entries.size());
    CHECK(pub.body["scope"] == "top");
}

TEST_CASE("equal results share a rank and are never ordered by time", "[board][ranking]") {
    std::vector<Standing> s = {{1, "乙", 80, 2, 0, 0}, {2, "甲", 80, 2, 0, 0}, {3, "丙", 90, 3, 0, 0},
                               {4, "丁", 80, 2, 1, 0}, {5, "戊", 80, 2, 1, 1}};
    const auto r = rank_standings(s);
    REQUIRE(r.size() == 5);
    CHECK(r[0].standing.name == "丙");
    CHECK(r[0].rank == 1);
    CHECK(r[1].rank == 2);
    CHECK(r[2].rank == 2);   // 甲 and 乙: the same result, the same rank
    CHECK(r[3].standing.name == "丁");   // one violation, not critical
    CHECK(r[3].rank == 4);
    CHECK(r[4].standing.name == "戊");   // a critical violation ranks below
    CHECK(r[4].rank == 5);
}

TEST_CASE("a dropped trainee rejoins with the same name and token and keeps their progress", "[board][join]") {
    TestServer server;
    const std::string code = make_session(server);
    const json first = join(server, code, "李雷");
    auto c = server.client();
    const std::string token = first["player_token"];
    REQUIRE(post(c, "/api/sessions/" + code + "/progress", json{{"decisions", {"2", "1"}}}, token).status == 200);

    const Reply again = post(c, "/api/sessions/" + code + "/join", json{{"name", "李雷"}, {"player_token", token}});
    REQUIRE(again.status == 200);
    CHECK(again.body["player_id"] == first["player_id"]);
    CHECK(again.body["resumed"] == true);
    CHECK(again.body["decisions"] == json({"2", "1"}));

    // Someone else taking the name without the token is refused, clearly.
    const Reply thief = post(c, "/api/sessions/" + code + "/join", json{{"name", "李雷"}});
    CHECK(thief.status == 409);
    CHECK(thief.body["error"].get<std::string>().find("already taken") != std::string::npos);
}

TEST_CASE("the server scores a result itself: a forged transcript is refused or recomputed", "[board][forgery]") {
    TestServer server;
    const std::string code = make_session(server);
    const std::string token = join(server, code, "韩梅梅")["player_token"];
    auto c = server.client();
    const std::string path = "/api/sessions/" + code + "/results";
    const Transcript honest = varied_run(shipped_content(), 3);
    json doc = to_json(honest);

    SECTION("an edited score is not a field of a transcript: refused") {
        json forged = doc;
        forged["score"] = 100;
        forged["total"] = 100;
        const Reply r = post(c, path, forged.dump(), token);
        CHECK(r.status == 400);
        CHECK(r.body["error"].get<std::string>().find("score") != std::string::npos);
    }
    SECTION("choices changed after the fact are scored as the choices they are") {
        const Transcript best = varied_run(shipped_content(), 0);
        const Reply r = post(c, path, to_json(best).dump(), token);
        REQUIRE(r.status == 200);
        CHECK(r.body["result"]["score"]["total"] == local_total(best));
        // …and a result cannot be replaced by a better one afterwards.
        const Reply other = post(c, path, doc.dump(), token);
        CHECK(other.status == 409);
    }
    SECTION("choices that do not replay are refused naming the decision") {
        json forged = doc;
        forged["decisions"][1] = "9";
        const Reply r = post(c, path, forged.dump(), token);
        CHECK(r.status == 422);
        CHECK(r.body["error"].get<std::string>().find("does not replay") != std::string::npos);
    }
    SECTION("another persona is refused") {
        const Transcript other = varied_run(shipped_content(), 3, "autocratic");
        const Reply r = post(c, path, to_json(other).dump(), token);
        CHECK(r.status == 422);
        CHECK(r.body["error"].get<std::string>().find("persona 'autocratic'") != std::string::npos);
    }
    SECTION("another seed is refused") {
        json forged = doc;
        forged["seed"] = 7;
        const Reply r = post(c, path, forged.dump(), token);
        CHECK(r.status == 422);
        CHECK(r.body["error"].get<std::string>().find("seed") != std::string::npos);
    }
    SECTION("a transcript for changed content is refused") {
        json forged = doc;
        forged["content_hash"] = "0123456789abcdef";
        const Reply r = post(c, path, forged.dump(), token);
        CHECK(r.status == 422);
        CHECK(r.body["error"].get<std::string>().find("other content") != std::string::npos);
    }
    SECTION("an unfinished run is refused") {
        json forged = doc;
        forged["decisions"] = json::array({"2"});
        const Reply r = post(c, path, forged.dump(), token);
        CHECK(r.status == 422);
        CHECK(r.body["error"].get<std::string>().find("not finished") != std::string::npos);
    }
    SECTION("a rewound practice run is refused: practice never counts in a class") {
        json practice = doc;
        practice["rewound"] = {{"at", 2}, {"original", doc["decisions"]}};
        const Reply r = post(c, path, practice.dump(), token);
        CHECK(r.status == 422);
        CHECK(r.body["error"].get<std::string>().find("practice") != std::string::npos);
    }
    SECTION("the same transcript sent twice is recorded once") {
        const Reply a = post(c, path, doc.dump(), token);
        const Reply b = post(c, path, doc.dump(2), token);   // other whitespace, same transcript
        REQUIRE(a.status == 200);
        REQUIRE(b.status == 200);
        CHECK(a.body["resubmitted"] == false);
        CHECK(b.body["resubmitted"] == true);
        CHECK(a.body["result"] == b.body["result"]);
        CHECK(get(c, "/api/sessions/" + code + "/leaderboard", server.trainer()).body["entries"].size() == 1);
    }
}

TEST_CASE("a server on changed content refuses transcripts recorded against the original", "[board][forgery]") {
    // The same content with one number of the scenario changed (the content hash covers numbers).
    TempDir dir;
    fs::copy(fs::path(PARLEY_SOURCE_DIR) / "scenarios", dir / "content", fs::copy_options::recursive);
    const fs::path file = dir / "content" / "library" / "sme-working-capital.json";
    std::string text = read_file(file);
    const auto at = text.find("\"trust\": ");
    REQUIRE(at != std::string::npos);
    const auto end = text.find_first_of(",\n}", at);
    text.replace(at, end - at, "\"trust\": 41");
    std::ofstream(file, std::ios::binary) << text;
    Diagnostics diags;
    const auto changed = load_content(dir / "content", diags);
    REQUIRE(changed);
    REQUIRE(changed->scenario(kScenario)->content_hash != shipped_content()->scenario(kScenario)->content_hash);

    TestServer server(changed);
    const std::string code = make_session(server);
    const std::string token = join(server, code, "Lucy")["player_token"];
    auto c = server.client();
    const Reply r = post(c, "/api/sessions/" + code + "/results", to_json(varied_run(shipped_content(), 0)).dump(), token);
    CHECK(r.status == 422);
    CHECK(r.body["error"].get<std::string>().find("other content") != std::string::npos);
}

TEST_CASE("bad requests get a 4xx with a message that says what is wrong", "[board][limits]") {
    TestServer server;
    const std::string code = make_session(server);
    const std::string token = join(server, code, "王芳")["player_token"];
    auto c = server.client();
    auto message = [](const Reply& r) { return r.body.is_object() ? r.body.value("error", "") : std::string(); };

    SECTION("malformed JSON") {
        const Reply r = post(c, "/api/sessions/" + code + "/join", std::string("{\"name\": "));
        CHECK(r.status == 400);
        CHECK(message(r).find("not valid JSON") != std::string::npos);
        const Reply p = post(c, "/api/sessions/" + code + "/progress", std::string("[1,"), token);
        CHECK(p.status == 400);
    }
    SECTION("an oversized body") {
        const std::string huge(300 * 1024, ' ');
        const Reply r = post(c, "/api/sessions/" + code + "/results", "{\"x\":\"" + huge + "\"}", token);
        CHECK(r.status == 413);
        CHECK(message(r).find("too large") != std::string::npos);
    }
    SECTION("bad tokens") {
        const Reply none = post(c, "/api/sessions", session_body());
        CHECK(none.status == 401);
        CHECK(message(none).find("trainer token") != std::string::npos);
        const Reply player_as_trainer = post(c, "/api/sessions", session_body(), token);
        CHECK(player_as_trainer.status == 403);
        const Reply wrong = post(c, "/api/sessions/" + code + "/progress", json{{"decisions", {"2"}}}, token + "x");
        CHECK(wrong.status == 401);
        CHECK(message(wrong).find("not valid") != std::string::npos);
        CHECK(get(c, "/api/sessions/" + code + "/export.csv", token).status == 403);
        CHECK(post(c, "/api/sessions/" + code + "/end", json::object(), token).status == 403);
    }
    SECTION("bad codes, and guessing them is limited") {
        const Reply r = post(c, "/api/sessions/000001/join", json{{"name", "x"}});
        CHECK(r.status == 404);
        CHECK(message(r).find("no session with the code 000001") != std::string::npos);
        for (int i = 0; i < 12; ++i) post(c, "/api/sessions/00000" + std::to_string(i % 10) + "/join", json{{"name", "x"}});
        const Reply limited = post(c, "/api/sessions/" + code + "/join", json{{"name", "新人"}});
        CHECK(limited.status == 429);
        CHECK(message(limited).find("too many wrong join codes") != std::string::npos);
        // No other route tells a locked-out address whether a code exists: the same 429 for the
        // real code and a wrong one, with or without a made-up token.
        for (const std::string& probe : {code, std::string("000007")}) {
            INFO("code " << probe);
            CHECK(get(c, "/api/sessions/" + probe + "/leaderboard").status == 429);
            CHECK(get(c, "/api/sessions/" + probe + "/leaderboard", "made-up").status == 429);
            CHECK(post(c, "/api/sessions/" + probe + "/progress", json{{"decisions", {"1"}}}, "made-up").status == 429);
            CHECK(post(c, "/api/sessions/" + probe + "/results", json::object(), "made-up").status == 429);
        }
        // A trainee already in the session keeps playing from that address.
        CHECK(get(c, "/api/sessions/" + code + "/leaderboard", token).status == 200);
        CHECK(post(c, "/api/sessions/" + code + "/progress", json{{"decisions", json::array()}}, token).status == 200);
    }
    SECTION("wrong codes on the other routes count towards the limit too") {
        for (int i = 0; i < 12; ++i) get(c, "/api/sessions/00000" + std::to_string(i % 10) + "/leaderboard");
        CHECK(post(c, "/api/sessions/" + code + "/join", json{{"name", "新人"}}).status == 429);
    }
    SECTION("names: Chinese works; too long, empty or odd characters do not") {
        CHECK(post(c, "/api/sessions/" + code + "/join", json{{"name", "阿依·买买提"}}).status == 200);
        const Reply long_name = post(c, "/api/sessions/" + code + "/join", json{{"name", std::string(25, 'a')}});
        CHECK(long_name.status == 400);
        CHECK(message(long_name).find("too long") != std::string::npos);
        CHECK(post(c, "/api/sessions/" + code + "/join", json{{"name", "  "}}).status == 400);
        const Reply formula = post(c, "/api/sessions/" + code + "/join", json{{"name", "=HYPERLINK(1)"}});
        CHECK(formula.status == 400);
        CHECK(post(c, "/api/sessions/" + code + "/join", json{{"name", "a\u202Eb"}}).status == 400);
        CHECK(post(c, "/api/sessions/" + code + "/join", json{{"name", 5}}).status == 400);
    }
    SECTION("a banned name cannot join again; a kicked trainee can") {
        const std::string other = join(server, code, "张伟")["player_token"];
        const std::int64_t zhang = std::stoll(other.substr(0, other.find('.')));
        const std::int64_t wang = std::stoll(token.substr(0, token.find('.')));
        const std::string players = "/api/sessions/" + code + "/players/";
        REQUIRE(post(c, players + std::to_string(zhang) + "/ban", json::object(), server.trainer()).status == 200);
        const Reply banned = post(c, "/api/sessions/" + code + "/join", json{{"name", "张伟"}});
        CHECK(banned.status == 403);
        CHECK(message(banned).find("banned") != std::string::npos);
        CHECK(post(c, "/api/sessions/" + code + "/progress", json{{"decisions", {"2"}}}, other).status == 403);

        REQUIRE(post(c, players + std::to_string(wang) + "/kick", json::object(), server.trainer()).status == 200);
        const Reply kicked = post(c, "/api/sessions/" + code + "/progress", json{{"decisions", {"2"}}}, token);
        CHECK(kicked.status == 403);
        CHECK(message(kicked).find("join again") != std::string::npos);
        CHECK(post(c, "/api/sessions/" + code + "/join", json{{"name", "王芳"}}).status == 200);
    }
    SECTION("an unknown scenario or persona for a new session") {
        json body = session_body();
        body["scenario"] = "nope";
        const Reply r = post(c, "/api/sessions", body, server.trainer());
        CHECK(r.status == 422);
        CHECK(message(r).find("sme-working-capital") != std::string::npos);   // lists the known ones
        CHECK(post(c, "/api/sessions", session_body("nobody"), server.trainer()).status == 422);
    }
}

TEST_CASE("the trainer ends a session, rotates its code and controls late joining", "[board][session]") {
    TestServer server;
    json body = session_body();
    body["late_join"] = false;
    const std::string code = make_session(server, body);
    const std::string token = join(server, code, "早到")["player_token"];
    auto c = server.client();
    REQUIRE(post(c, "/api/sessions/" + code + "/start", json::object(), server.trainer()).status == 200);
    const Reply late = post(c, "/api/sessions/" + code + "/join", json{{"name", "迟到"}});
    CHECK(late.status == 403);
    CHECK(late.body["error"].get<std::string>().find("late") != std::string::npos);
    // …the one who joined in time still resumes.
    CHECK(post(c, "/api/sessions/" + code + "/join", json{{"name", "早到"}, {"player_token", token}}).status == 200);

    const Reply rotated = post(c, "/api/sessions/" + code + "/rotate", json::object(), server.trainer());
    REQUIRE(rotated.status == 200);
    const std::string fresh = rotated.body["code"];
    CHECK(fresh != code);
    CHECK(post(c, "/api/sessions/" + code + "/join", json{{"name", "早到"}, {"player_token", token}}).status == 404);
    CHECK(post(c, "/api/sessions/" + fresh + "/progress", json{{"decisions", {"2"}}}, token).status == 200);

    REQUIRE(post(c, "/api/sessions/" + fresh + "/end", json::object(), server.trainer()).status == 200);
    CHECK(post(c, "/api/sessions/" + fresh + "/progress", json{{"decisions", {"2"}}}, token).status == 409);
    // A result finished offline still arrives after the end: nothing is lost.
    CHECK(post(c, "/api/sessions/" + fresh + "/results", to_json(varied_run(shipped_content(), 2)).dump(), token).status ==
          200);
}

TEST_CASE("server-sent events tell a board about joins and results without polling", "[board][events]") {
    TestServer server;
    const std::string code = make_session(server);
    std::string received;
    std::mutex m;
    std::condition_variable arrived;
    std::atomic<bool> stop{false};
    std::thread listener([&] {
        auto c = server.client();
        c.Get(("/api/sessions/" + code + "/events").c_str(), [&](const char* data, std::size_t n) {
            std::lock_guard<std::mutex> lock(m);
            received.append(data, n);
            arrived.notify_all();
            return !stop && received.find("event: result") == std::string::npos;
        });
    });
    // The stream is open once its hello arrived; then a trainee joins and submits.
    {
        std::unique_lock<std::mutex> lock(m);
        arrived.wait(lock, [&] { return received.find("event: hello") != std::string::npos; });
    }
    const std::string token = join(server, code, "赵敏")["player_token"];
    auto c = server.client();
    REQUIRE(post(c, "/api/sessions/" + code + "/results", to_json(varied_run(shipped_content(), 1)).dump(), token).status ==
            200);
    listener.join();
    CHECK(received.find("event: joined") != std::string::npos);
    CHECK(received.find("赵敏") != std::string::npos);
    CHECK(received.find("event: result") != std::string::npos);
}

TEST_CASE("sessions of one run share its analysis, and a path valued before values as a fresh analysis does",
          "[board][scoring]") {
    TestServer server;
    auto c = server.client();
    std::vector<std::string> codes;
    for (int s = 0; s < 2; ++s) {
        const Reply created = post(c, "/api/sessions", session_body(), server.trainer());
        REQUIRE(created.status == 201);
        codes.push_back(created.body["code"]);
    }
    // Variants share their first decisions with one another; session 0 values each path the first
    // time (or partly from an earlier variant's prefix), session 1 finds every prefix remembered.
    for (unsigned v = 1; v <= 6; ++v) {
        const Transcript run = varied_run(shipped_content(), v);
        const Regrets fresh = parley::regrets(shipped_content(), run);   // its own analysis, nothing shared
        REQUIRE(fresh.complete);
        const json expected = regrets_to_json(fresh.decisions, Lang::Zh);
        REQUIRE(expected.size() == run.decisions.size());
        for (const auto& code : codes) {
            const Reply j = post(c, "/api/sessions/" + code + "/join", json{{"name", "学员" + std::to_string(v)}});
            REQUIRE(j.status == 200);
            const Reply r = post(c, "/api/sessions/" + code + "/results?lang=zh", to_json(run).dump(),
                                 j.body["player_token"].get<std::string>());
            REQUIRE(r.status == 200);
            CHECK(r.body["result"]["regret"] == expected);
            CHECK(r.body["result"]["analysis"]["complete"] == true);
        }
    }
}

TEST_CASE("a path the memo remembers scores exactly as a fresh analysis does: report, summary and best choices",
          "[board][scoring]") {
    const auto content = shipped_content();
    RunConfig run;
    run.content = content;
    run.scenario = content->scenario(kScenario);
    run.persona = "analytical";
    run.seed = 1;
    run.difficulty = Difficulty::Normal;
    run.run_hash = run_hash(*run.scenario, *content->persona("analytical"), content->model);
    auto analysis = RunAnalysis::build(content, run.scenario, run.persona, run.seed, run.difficulty);

    const auto other = RunAnalysis::build(content, run.scenario, run.persona, run.seed, run.difficulty);
    SharedRun remembering;   // fills its memo as paths are scored
    remembering.analysis = analysis;
    for (unsigned v = 0; v <= 8; ++v) {
        const Transcript t = varied_run(content, v);
        SharedRun fresh;     // an empty memo each time (and an analysis of its own): valued afresh
        fresh.analysis = other;
        const ScoredRun expected = score_submission(run, t, fresh, Lang::Zh);
        const ScoredRun first = score_submission(run, t, remembering, Lang::Zh);
        REQUIRE(remembering.regrets.find(t.decisions).has_value());   // remembered from now on
        const ScoredRun again = score_submission(run, t, remembering, Lang::Zh);
        for (const ScoredRun* got : {&first, &again}) {
            CHECK(got->report == expected.report);
            CHECK(to_json(got->summary) == to_json(expected.summary));
            CHECK(got->transcript == expected.transcript);
        }
        CHECK(summary_text(again.summary) == to_json(again.summary).dump());   // what is stored
        // The best choice of a decision is named by option id against what was on offer there.
        bool named = false;
        for (const auto& c : again.summary.choices) named = named || (!c.best_key.empty() && c.best_key.rfind("move:", 0) != 0);
        CHECK(named);
    }
    CHECK(remembering.regrets.size() > 0);
}

TEST_CASE("a result summary is stored as the same JSON text its JSON tree dumps to, escapes and Chinese included",
          "[board][scoring]") {
    ResultSummary s;
    s.total = -3;
    s.stars = 2;
    s.tier = "intermediate";
    s.failed = true;
    s.violations = 4;
    s.critical = 1;
    s.competencies = {{"A", 71}, {"C", 0}, {"K", 100}};
    s.choices.push_back({"open", "ask_\"needs\"", {"先问\\需要\n再说", "ask\tfirst\r\b\f\x01"}, "move:offer",
                         {"报价", "offer"}, 12});
    s.choices.push_back({"", "", {"", ""}, "", {"", ""}, 0});
    CHECK(summary_text(s) == to_json(s).dump());
    CHECK(to_json(summary_from_json(json::parse(summary_text(s)))) == to_json(s));
    CHECK(summary_text(ResultSummary{}) == to_json(ResultSummary{}).dump());
}
