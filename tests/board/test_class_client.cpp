// The player's "Join class" client: joining and resuming with the token it keeps on disk, and
// its outbox — a result submitted while the server is down is kept and delivered once it is back.
#include <catch2/catch.hpp>

#include "board_support.h"
#include "class_client.h"

using namespace parley;
using namespace parley::board::test;
using parley::player::ClassClient;
using parley::player::ClassReply;

TEST_CASE("the player's offline queue delivers a result after the server comes back", "[board][player]") {
    TestServer server;
    auto c = server.client();
    const Reply created = post(c, "/api/sessions", session_body(), server.trainer());
    REQUIRE(created.status == 201);
    const std::string code = created.body["code"];
    const std::string address = "http://127.0.0.1:" + std::to_string(server.port());

    TempDir data;
    ClassClient client(data.path());
    ClassReply reply;
    auto m = client.join(address, code, "离线的王芳", reply);
    INFO(reply.error);
    REQUIRE(m);
    CHECK(m->session["persona"] == "analytical");
    CHECK(m->session["rules"].contains("star_thresholds"));
    const Transcript run = varied_run(shipped_content(), 4);
    REQUIRE(client.progress(*m, {run.decisions.front()}).ok());

    server.stop_serving();
    const auto outcome = client.submit(*m, run);
    CHECK_FALSE(outcome.reply.reached);
    CHECK(outcome.queued);
    CHECK(outcome.reply.error.find("kept on this machine") != std::string::npos);
    CHECK(client.queued() == 1);
    CHECK(client.flush() == 0);   // still down: nothing lost, nothing delivered
    CHECK(client.queued() == 1);

    server.serve_again();
    // A new client on the same data folder (the player restarted) resumes and delivers.
    ClassClient after_restart(data.path());
    CHECK(after_restart.flush() == 1);
    CHECK(after_restart.queued() == 0);
    auto again = after_restart.join(address, code, "离线的王芳", reply);
    REQUIRE(again);
    CHECK(again->player_id == m->player_id);
    CHECK(reply.body["has_result"] == true);
    const ClassReply board = after_restart.leaderboard(*again);
    REQUIRE(board.ok());
    REQUIRE(board.body["me"].is_object());
    CHECK(board.body["me"]["rank"] == 1);
    CHECK(board.body["me"]["name"] == "离线的王芳");
}
