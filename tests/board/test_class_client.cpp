// The player's "Join class" client: joining and resuming with the token it keeps on disk, and
// its outbox — a result submitted while the server is down is kept and delivered once it is back.
#include <catch2/catch.hpp>

#include <fstream>
#include <thread>

#include <httplib.h>

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

TEST_CASE("an answer that is not a parley-board class server's is refused with what is wrong, and a broken outbox file is kept",
          "[board][player]") {
    // Something else listening at the address the trainee typed: 200s with the wrong bodies.
    httplib::Server other;
    other.Post(R"(/api/sessions/(\d+)/join)", [](const httplib::Request& req, httplib::Response& res) {
        if (req.matches[1] == "111111") res.set_content(R"({"player_token":5,"player_id":1})", "application/json");
        else if (req.matches[1] == "222222") res.set_content("<html>welcome</html>", "text/html");
        else
            res.set_content(R"({"player_token":"t","player_id":1,"scenario":"sme-working-capital","persona":"analytical",)"
                            R"("seed":7,"difficulty":"normal","rules":{"tiers":[3]}})",
                            "application/json");
    });
    const int port = other.bind_to_any_port("127.0.0.1");
    REQUIRE(port > 0);
    std::thread serving([&] { other.listen_after_bind(); });
    const std::string address = "http://127.0.0.1:" + std::to_string(port);

    TempDir data;
    ClassClient client(data.path());
    ClassReply reply;
    CHECK_FALSE(client.join(address, "111111", "王芳", reply));
    CHECK_FALSE(reply.ok());
    CHECK(reply.error.find("not a parley-board class server's: 'player_token' is missing or not a string") !=
          std::string::npos);
    CHECK_FALSE(client.join(address, "222222", "王芳", reply));
    CHECK(reply.error.find("the answer is not a JSON object") != std::string::npos);
    CHECK_FALSE(client.join(address, "333333", "王芳", reply));
    CHECK(reply.error.find("an entry of 'rules.tiers' is not an object") != std::string::npos);

    // An outbox file that is not a whole entry is neither sent nor deleted.
    fs::create_directories(data.path() / "class" / "outbox");
    const fs::path broken = data.path() / "class" / "outbox" / "111111-1.json";
    { std::ofstream(broken) << R"({"server":5,"transcript":{}})"; }
    CHECK(client.flush() == 0);
    CHECK(fs::exists(broken));
    CHECK(client.queued() == 1);

    other.stop();
    serving.join();
}
