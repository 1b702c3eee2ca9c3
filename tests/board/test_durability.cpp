// Durability: the real parley-board killed with SIGKILL in the middle of a session and started
// again on the same database has every result it acknowledged, and the session goes on.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "board_process.h"
#include "board_support.h"

using namespace parley;
using namespace parley::board;
using namespace parley::board::test;
using parley::test::BoardProcess;

TEST_CASE("a server killed with SIGKILL mid-session loses no acknowledged result, and the session goes on",
          "[board][durability]") {
    TempDir dir;
    const fs::path db = dir / "class.db";
    std::string code;
    struct Trainee {
        std::string name, token;
        Transcript run;
        int acknowledged_total = -1;   // set only when the server answered 200
    };
    std::vector<Trainee> trainees(16);
    std::string trainer;
    {
        BoardProcess server(db);
        trainer = server.token;
        auto c = server.client();
        const Reply created = post(c, "/api/sessions", session_body(), server.token);
        REQUIRE(created.status == 201);
        code = created.body["code"];
        for (std::size_t i = 0; i < trainees.size(); ++i) {
            trainees[i].name = "学员" + std::to_string(i);
            trainees[i].run = varied_run(shipped_content(), static_cast<unsigned>(i + 1));
            const Reply j = post(c, "/api/sessions/" + code + "/join", json{{"name", trainees[i].name}});
            REQUIRE(j.status == 200);
            trainees[i].token = j.body["player_token"];
        }
        // Half submit and are acknowledged; the other half submit while the server is killed.
        for (std::size_t i = 0; i < 8; ++i) {
            const Reply r = post(c, "/api/sessions/" + code + "/results", to_json(trainees[i].run).dump(), trainees[i].token);
            REQUIRE(r.status == 200);
            trainees[i].acknowledged_total = r.body["result"]["score"]["total"];
        }
        std::atomic<int> started{0};
        std::vector<std::thread> inflight;
        for (std::size_t i = 8; i < trainees.size(); ++i)
            inflight.emplace_back([&, i] {
                auto cc = server.client();
                ++started;
                const Reply r = post(cc, "/api/sessions/" + code + "/results", to_json(trainees[i].run).dump(),
                                     trainees[i].token);
                if (r.status == 200) trainees[i].acknowledged_total = r.body["result"]["score"]["total"];
            });
        while (started < 4) std::this_thread::yield();
        server.kill_hard();
        for (auto& t : inflight) t.join();
    }

    BoardProcess again(db);
    CHECK(again.token == trainer);   // the trainer keeps their token across a restart
    auto c = again.client();
    const Reply board = get(c, "/api/sessions/" + code + "/leaderboard", again.token);
    REQUIRE(board.status == 200);
    std::map<std::string, int> recorded;
    for (const auto& e : board.body["entries"]) recorded[e["name"]] = e["total"];
    for (const auto& t : trainees)
        if (t.acknowledged_total >= 0) {
            INFO(t.name);
            REQUIRE(recorded.count(t.name));
            CHECK(recorded[t.name] == t.acknowledged_total);
        }
    // The session goes on: those cut off resubmit (idempotent if it was in fact stored) …
    for (auto& t : trainees) {
        const Reply r = post(c, "/api/sessions/" + code + "/results", to_json(t.run).dump(), t.token);
        CHECK(r.status == 200);
    }
    // … and a newcomer joins.
    CHECK(post(c, "/api/sessions/" + code + "/join", json{{"name", "新来的"}}).status == 200);
    CHECK(get(c, "/api/sessions/" + code + "/leaderboard", again.token).body["entries"].size() == trainees.size());
}
