// The projector board under a virtual display: the lobby, the live board, the podium and the
// class debrief of a real session (trainees joining and submitting over HTTP), saved as PNGs
// into the build folder (board-screens/) for a person to look at.
#include <catch2/catch.hpp>

#include <SFML/Graphics/Image.hpp>

#include <map>

#include "board_support.h"
#include "board_window.h"

using namespace parley;
using namespace parley::board;
using namespace parley::board::test;

namespace {

fs::path screens() {
    const fs::path p = fs::path(PARLEY_BINARY_DIR) / "board-screens";
    fs::create_directories(p);
    return p;
}

void shoot(BoardWindow& board, const std::string& name) {
    std::string error;
    const fs::path file = screens() / (name + ".png");
    REQUIRE(board.screenshot(file.string(), error));
    INFO(error);
    REQUIRE(fs::file_size(file) > 10000);
}

}  // namespace

TEST_CASE("the projector board shows the lobby, the live board, the podium and the class debrief",
          "[board][gui]") {
    TestServer server;
    auto c = server.client();
    const Reply created = post(c, "/api/sessions", session_body(), server.trainer());
    REQUIRE(created.status == 201);
    const std::string code = created.body["code"];

    BoardOptions options;
    options.address = "http://127.0.0.1:" + std::to_string(server.port());
    options.code = code;
    BoardWindow board(server.classroom(), server.events(), options);

    const std::vector<std::string> names = {"王芳",   "欧阳娜娜", "阿依·买买提", "李雷",   "韩梅梅", "张伟",
                                            "Zoë O'Neil", "赵敏",   "周杰",       "陈晓东", "刘洋",   "孙丽"};
    std::vector<std::string> tokens;
    for (const auto& n : names) {
        const Reply j = post(c, "/api/sessions/" + code + "/join", json{{"name", n}});
        REQUIRE(j.status == 200);
        tokens.push_back(j.body["player_token"]);
    }
    // Lobby: the code, the QR code of the join address, everyone who joined.
    shoot(board, "1-lobby");
    REQUIRE(board.view() == BoardView::Lobby);
    REQUIRE(board.data());
    CHECK(board.data()->report.trainees.size() == names.size());
    REQUIRE(board.data()->qr);
    CHECK(board.data()->join_url == options.address + "/join/" + code);
    for (const auto& n : names) CHECK(board.covers(n));
    {
        // The QR code is drawn: its area holds both black modules and white ones.
        sf::Image img;
        REQUIRE(img.loadFromFile((screens() / "1-lobby.png").string()));
        int black = 0, white = 0;
        for (unsigned y = 300; y < 500; ++y)
            for (unsigned x = 1000; x < 1200; ++x) {
                const sf::Color p = img.getPixel(x, y);
                black += p.r < 20 && p.g < 20 && p.b < 20;
                white += p.r > 245 && p.g > 245 && p.b > 245;
            }
        CHECK(black > 2000);
        CHECK(white > 2000);
    }

    // Live: progress of everyone, the top ranks of those who finished, the class average.
    REQUIRE(post(c, "/api/sessions/" + code + "/start", json::object(), server.trainer()).status == 200);
    for (std::size_t i = 0; i < names.size(); ++i) {
        const Transcript run = varied_run(shipped_content(), static_cast<unsigned>(i));
        if (i < 5) {
            REQUIRE(post(c, "/api/sessions/" + code + "/results", to_json(run).dump(), tokens[i]).status == 200);
        } else {
            const std::size_t k = std::min(run.decisions.size(), i - 3);
            REQUIRE(post(c, "/api/sessions/" + code + "/progress",
                         json{{"decisions", std::vector<std::string>(run.decisions.begin(), run.decisions.begin() + k)}},
                         tokens[i])
                        .status == 200);
        }
    }
    shoot(board, "2-live");
    CHECK(board.view() == BoardView::Live);
    CHECK(!board.data()->report.class_average.empty());

    // Podium: the session ends once everyone is in.
    for (std::size_t i = 5; i < names.size(); ++i)
        REQUIRE(post(c, "/api/sessions/" + code + "/results", to_json(varied_run(shipped_content(), static_cast<unsigned>(i))).dump(),
                     tokens[i])
                    .status == 200);
    REQUIRE(post(c, "/api/sessions/" + code + "/end", json::object(), server.trainer()).status == 200);
    shoot(board, "3-podium");
    CHECK(board.view() == BoardView::Podium);

    // Class debrief: the node where the class split most, the best choice marked.
    board.pin(BoardView::Debrief);
    const auto& nodes = board.data()->report.debrief;
    REQUIRE(!nodes.empty());
    int page = 0;
    std::size_t widest = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].choices.size() > widest && nodes[i].stage != Stage::Negotiation) {
            widest = nodes[i].choices.size();
            page = static_cast<int>(i);
        }
    board.set_debrief_page(page);
    shoot(board, "4-debrief");
    const auto& node = nodes[static_cast<std::size_t>(page)];
    CHECK(std::count_if(node.choices.begin(), node.choices.end(), [](const ChoiceCount& x) { return x.best; }) == 1);
    for (const auto& ch : node.choices) CHECK(board.covers(ch.text.zh));
    CHECK(board.covers(node.line.zh));
}

namespace {

// Steps frames until the named place is on screen and still, clicks it (synthetic mouse events
// through the window's event path) and lets the click land.
bool click(BoardWindow& board, const std::string& target) {
    for (int i = 0; i < 120; ++i) {
        if (const auto r = board.targets().find(target)) {
            board.input().click(r->center());
            for (int k = 0; k < 60 && !board.input().idle(); ++k) board.step();
            board.step();
            board.step();
            return true;
        }
        board.step();
    }
    return false;
}

std::int64_t id_of_name(const BoardWindow& board, const std::string& name) {
    for (const auto& tr : board.data()->report.trainees)
        if (tr.name == name) return tr.player_id;
    return 0;
}

bool on_board(const BoardWindow& board, const std::string& name) { return id_of_name(board, name) != 0; }

}  // namespace

TEST_CASE("the trainer kicks (rejoin allowed) and bans (name blocked) from the board's who-has-joined list",
          "[board][gui]") {
    TestServer server;
    auto c = server.client();
    const Reply created = post(c, "/api/sessions", session_body(), server.trainer());
    REQUIRE(created.status == 201);
    const std::string code = created.body["code"];
    BoardOptions options;
    options.address = "http://127.0.0.1:" + std::to_string(server.port());
    options.code = code;
    BoardWindow board(server.classroom(), server.events(), options);
    std::map<std::string, std::string> tokens;
    for (const std::string n : {"王芳", "李雷", "韩梅梅", "张伟", "Zoë O'Neil"}) {
        const Reply j = post(c, "/api/sessions/" + code + "/join", json{{"name", n}});
        REQUIRE(j.status == 200);
        tokens[n] = j.body["player_token"];
    }
    board.step();
    board.step();
    REQUIRE(board.data());
    REQUIRE(board.data()->report.trainees.size() == 5);
    const std::int64_t lilei = id_of_name(board, "李雷"), zhangwei = id_of_name(board, "张伟");
    REQUIRE(lilei != 0);
    REQUIRE(zhangwei != 0);

    SECTION("cancel and back remove nobody") {
        REQUIRE(click(board, "trainee." + std::to_string(lilei)));
        REQUIRE(board.removal_dialog());
        CHECK(board.removal_dialog()->name == "李雷");
        REQUIRE(click(board, "removal.kick"));
        REQUIRE(board.removal_dialog());
        CHECK(board.removal_dialog()->chosen == Removal::Kick);
        REQUIRE(click(board, "removal.back"));
        REQUIRE(board.removal_dialog());
        CHECK(!board.removal_dialog()->chosen);
        REQUIRE(click(board, "removal.cancel"));
        CHECK(!board.removal_dialog());
        CHECK(!board.removal_notice());
        board.step();
        CHECK(on_board(board, "李雷"));
        CHECK(get(c, "/api/sessions/" + code + "/leaderboard", tokens["李雷"]).status == 200);
    }

    SECTION("kick: confirmed, the trainee is off the list, the token stops working, the name may join again") {
        REQUIRE(click(board, "trainee." + std::to_string(lilei)));
        shoot(board, "5-manage-trainee");
        REQUIRE(click(board, "removal.kick"));
        REQUIRE(board.removal_dialog());
        REQUIRE(board.removal_dialog()->chosen == Removal::Kick);
        shoot(board, "6-kick-confirm");
        REQUIRE(click(board, "removal.confirm"));
        CHECK(!board.removal_dialog());
        REQUIRE(board.removal_notice());
        CHECK(board.removal_notice()->error.empty());
        CHECK(board.removal_notice()->how == Removal::Kick);
        CHECK(removal_notice_text(*board.removal_notice(), Lang::Zh) == "已踢出“李雷”:可以重新加入。");
        CHECK(removal_notice_text(*board.removal_notice(), Lang::En) == "Kicked “李雷”: they may join again.");
        shoot(board, "7-kicked");
        CHECK(!on_board(board, "李雷"));
        CHECK(board.data()->report.trainees.size() == 4);
        for (const auto& s : removal_strings("李雷")) CHECK(board.covers(s));
        const Reply stale = get(c, "/api/sessions/" + code + "/leaderboard", tokens["李雷"]);
        CHECK(stale.status == 403);
        const Reply again = post(c, "/api/sessions/" + code + "/join", json{{"name", "李雷"}});
        CHECK(again.status == 200);
        board.step();
        board.step();
        CHECK(on_board(board, "李雷"));
    }

    SECTION("ban: confirmed in red, the name is blocked from joining again") {
        board.pin(BoardView::Live);   // the live board's progress list is a who-has-joined list too
        REQUIRE(click(board, "trainee." + std::to_string(zhangwei)));
        REQUIRE(click(board, "removal.ban"));
        REQUIRE(board.removal_dialog());
        REQUIRE(board.removal_dialog()->chosen == Removal::Ban);
        shoot(board, "8-ban-confirm");
        REQUIRE(click(board, "removal.confirm"));
        REQUIRE(board.removal_notice());
        CHECK(board.removal_notice()->error.empty());
        CHECK(board.removal_notice()->how == Removal::Ban);
        CHECK(removal_notice_text(*board.removal_notice(), Lang::Zh) == "已封禁“张伟”:这个名字不能再加入本节课。");
        shoot(board, "9-banned");
        CHECK(!on_board(board, "张伟"));
        const Reply again = post(c, "/api/sessions/" + code + "/join", json{{"name", "张伟"}});
        CHECK(again.status == 403);
        CHECK(again.body["error"].get<std::string>().find("banned") != std::string::npos);
        board.step();
        CHECK(!on_board(board, "张伟"));
    }
}

TEST_CASE("the board's kick and ban speak English on an English board", "[board][gui]") {
    TestServer server;
    auto c = server.client();
    const Reply created = post(c, "/api/sessions", session_body(), server.trainer());
    REQUIRE(created.status == 201);
    const std::string code = created.body["code"];
    BoardOptions options;
    options.address = "http://127.0.0.1:" + std::to_string(server.port());
    options.code = code;
    options.lang = Lang::En;
    BoardWindow board(server.classroom(), server.events(), options);
    for (const std::string n : {"Zoë O'Neil", "王芳"})
        REQUIRE(post(c, "/api/sessions/" + code + "/join", json{{"name", n}}).status == 200);
    board.step();
    board.step();
    REQUIRE(board.data());
    const std::int64_t zoe = id_of_name(board, "Zoë O'Neil");
    REQUIRE(zoe != 0);
    REQUIRE(click(board, "trainee." + std::to_string(zoe)));
    shoot(board, "10-manage-trainee-en");
    REQUIRE(click(board, "removal.ban"));
    REQUIRE(click(board, "removal.back"));   // changed their mind: kick instead
    REQUIRE(click(board, "removal.kick"));
    REQUIRE(board.removal_dialog());
    CHECK(board.removal_dialog()->chosen == Removal::Kick);
    REQUIRE(click(board, "removal.confirm"));
    REQUIRE(board.removal_notice());
    CHECK(removal_notice_text(*board.removal_notice(), Lang::En) == "Kicked “Zoë O'Neil”: they may join again.");
    shoot(board, "11-kicked-en");
    CHECK(!on_board(board, "Zoë O'Neil"));
    CHECK(on_board(board, "王芳"));
    // Kicked, not banned: the same name joins again.
    CHECK(post(c, "/api/sessions/" + code + "/join", json{{"name", "Zoë O'Neil"}}).status == 200);
}
