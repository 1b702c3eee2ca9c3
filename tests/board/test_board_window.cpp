// The projector board under a virtual display: the lobby, the live board, the podium and the
// class debrief of a real session (trainees joining and submitting over HTTP), saved as PNGs
// into the build folder (board-screens/) for a person to look at.
#include <catch2/catch.hpp>

#include <SFML/Graphics/Image.hpp>

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
