// "Join class" through the real player window against the real classroom server: parley-board
// serve on a port the OS picks (loopback), a session made with the trainer token it prints,
// the player joining (wrong attempts shown as errors, not crashes), the rules, the assigned run
// with progress sent and the class chip shown, the server's result and the class board; and the
// outbox: a result finished while the server is down is kept on disk, said so, and delivered
// once the server is back (on Retry, and on the player's next start). With PARLEY_GUI_SHOTS=DIR
// it saves screenshots (zh and en) of the join form, the rules, the board and the offline notice.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <functional>

#include <httplib.h>

#include "../board/board_process.h"
#include "class_client.h"
#include "gui_driver.h"
#include "parley/analysis.h"
#include "parley/loader.h"
#include "parley/ui/screenshot.h"
#include "play_through.h"

using namespace parley;
using parley::test::GuiDriver;
using parley::test::play_meeting_to_end;
using parley::test::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// parley-board serve on loopback, with the calls the tests make to it as the trainer.
struct BoardServer : parley::test::BoardProcess {
    using BoardProcess::BoardProcess;
    std::string address() const { return "127.0.0.1:" + std::to_string(port); }
    json call(const std::string& method, const std::string& path, const json& body = nullptr,
              const std::string& bearer = "", int* status = nullptr) const {
        auto c = client();
        httplib::Headers h;
        if (!bearer.empty()) h.emplace("Authorization", "Bearer " + bearer);
        auto r = method == "GET" ? c.Get(path.c_str(), h) : c.Post(path.c_str(), h, body.dump(), "application/json");
        REQUIRE(r);
        if (status) *status = r->status;
        return json::parse(r->body, nullptr, false);
    }
    std::string new_session(const std::string& persona, std::uint64_t seed) const {
        int status = 0;
        const json j = call("POST", "/api/sessions",
                            {{"scenario", "sme-working-capital"}, {"persona", persona}, {"seed", seed}, {"difficulty", "normal"}},
                            token, &status);
        REQUIRE(status == 201);
        return j["code"];
    }
    // The trainer's view of the board (everyone).
    json board(const std::string& code) const { return call("GET", "/api/sessions/" + code + "/leaderboard", nullptr, token); }
};

// Another trainee who joined by hand and submitted a finished run (the first candidate at
// every decision), so the board has someone besides the player.
void other_trainee(const BoardServer& server, const std::string& code, const std::string& name, const std::string& persona,
                   std::uint64_t seed) {
    int status = 0;
    const json joined = server.call("POST", "/api/sessions/" + code + "/join", {{"name", name}}, "", &status);
    REQUIRE(status == 200);
    Diagnostics diags;
    const auto content = load_content(fs::path(PARLEY_SOURCE_DIR) / "scenarios", diags);
    REQUIRE(content);
    Session s(content, content->scenario("sme-working-capital"), persona, seed, Difficulty::Normal);
    for (int guard = 0; guard < 400 && !s.finished(); ++guard) {
        bool moved = false;
        for (const auto& d : candidate_decisions(s))
            if (!s.decide(d)) {
                moved = true;
                break;
            }
        REQUIRE(moved);
    }
    auto c = server.client();
    const auto r = c.Post(("/api/sessions/" + code + "/results").c_str(),
                          httplib::Headers{{"Authorization", "Bearer " + joined["player_token"].get<std::string>()}},
                          to_json(transcript_of(s)).dump(), "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 200);
}

// Saves the screen in both languages as DIR/NAME-zh.png and DIR/NAME-en.png (F2 switches);
// `place` brings the part to show into view after the switch.
void shots(GuiDriver& gui, const std::string& name, const std::function<void()>& place = [] {}) {
    const char* dir = std::getenv("PARLEY_GUI_SHOTS");
    if (!dir || !*dir) return;
    for (int k = 0; k < 2; ++k) {
        gui.frames(4);
        place();
        gui.frames(2);
        const std::string lang = gui.shared().lang() == Lang::Zh ? "zh" : "en";
        std::string error;
        gui.app().on_frame_drawn([&](player::App& app) {
            CHECK(ui::save_screenshot(app.window(), std::string(dir) + "/" + name + "-" + lang + ".png", error));
        });
        gui.frames(1);
        gui.app().on_frame_drawn(nullptr);
        gui.key(sf::Keyboard::F2);
    }
}

// Replaces a field's text: click it, select all, delete, type.
void fill(GuiDriver& gui, const std::string& target, const std::string& text) {
    REQUIRE(gui.click(target));
    gui.key(sf::Keyboard::A, ui::KeyMods{true, false, false});
    gui.key(sf::Keyboard::BackSpace);
    gui.type(text);
}

// On screen and settled, within a few frames.
bool shown(GuiDriver& gui, const std::string& target) {
    return gui.wait_until([&] { return gui.app().targets().find(target).has_value(); }, 60);
}

player::ClassLink::State link_state(GuiDriver& gui) { return gui.shared().class_link().state(); }

// Joins from the form; waits for the answer (the request runs on the link's thread).
player::ClassLink::State join(GuiDriver& gui, const std::string& server, const std::string& code, const std::string& name) {
    fill(gui, "class.server", server);
    fill(gui, "class.code", code);
    fill(gui, "class.name", name);
    REQUIRE(gui.click("class.join"));
    REQUIRE(gui.wait_until([&] { return link_state(gui).join != player::ClassLink::Join::Joining; }, 3000));
    gui.frames(3);
    return link_state(gui);
}

const json* entry_named(const json& board, const std::string& name) {
    for (const auto& e : board["entries"])
        if (e["name"] == name) return &e;
    return nullptr;
}

}  // namespace

TEST_CASE("the player joins a class on parley-board, plays the assigned run and sees the server's result and the class board",
          "[gui][class]") {
    TempDir data("class");
    TempDir server_dir("class-server");
    BoardServer server(server_dir.path / "board.db");
    const std::string code = server.new_session("analytical", 4242);
    other_trainee(server, code, "李雷", "analytical", 4242);

    GuiDriver gui(data.path, Lang::Zh);
    REQUIRE(gui.show("library.join"));
    shots(gui, "class-library", [&] { REQUIRE(gui.show("library.join")); });
    REQUIRE(gui.click("library.join"));
    REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Class; }));
    REQUIRE(gui.show("class.join.title"));

    // Wrong attempts: each shown in the screen, the form kept.
    auto st = join(gui, "127.0.0.1:1", code, "王小明");   // nothing listens there
    CHECK(st.join == player::ClassLink::Join::Failed);
    CHECK_FALSE(st.join_reply.reached);
    CHECK(shown(gui, "class.error"));
    st = join(gui, server.address(), "9" + code, "王小明");
    CHECK(st.join_reply.status == 404);
    CHECK(shown(gui, "class.error"));
    st = join(gui, server.address(), code, "李雷");   // someone else's name
    CHECK(st.join_reply.status == 409);
    CHECK(shown(gui, "class.error"));
    CHECK(gui.shared().screen == player::Screen::Class);
    shots(gui, "class-join-error", [&] { REQUIRE(gui.show("class.error")); });
    fill(gui, "class.name", "王小明");
    gui.frames(3);
    CHECK_FALSE(gui.app().targets().find("class.error"));   // edited: the old error goes
    shots(gui, "class-join", [&] { REQUIRE(gui.show("class.join.title")); });

    // Joined: the rules, with the assigned run.
    REQUIRE(gui.click("class.join"));
    REQUIRE(gui.wait_until([&] { return gui.app().targets().find("class.rules").has_value(); }, 3000));
    st = link_state(gui);
    REQUIRE(st.membership);
    CHECK(st.membership->name == "王小明");
    CHECK(st.membership->session["persona"] == "analytical");
    CHECK(st.membership->session["seed"] == 4242);
    CHECK(st.membership->session["rules"].contains("star_thresholds"));
    CHECK(shown(gui, "class.rules.assigned"));
    shots(gui, "class-rules", [&] { REQUIRE(gui.show("class.rules")); });
    auto page_bottom = [&] {
        REQUIRE(gui.show("class.start"));
        for (int k = 0; k < 3; ++k) {   // to the end of the page, so the buttons are wholly in view
            gui.app().input().wheel(gui.app().targets().find_hidden("class.start") ? gui.app().targets().find_hidden("class.start")->host.center()
                                                                               : gui.app().targets().find("class.start")->center(), -4.f);
            gui.frames(3);
        }
        REQUIRE(gui.show("class.start"));
    };
    page_bottom();
    shots(gui, "class-rules-start", page_bottom);

    // The assigned run: same scenario, client, code and difficulty; progress after each decision.
    REQUIRE(gui.click("class.start"));
    REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Meeting; }));
    REQUIRE(gui.shared().run);
    REQUIRE(gui.shared().class_run);
    {
        const Session& s = gui.shared().run->session();
        CHECK(s.scenario().id == "sme-working-capital");
        CHECK(s.persona().id == "analytical");
        CHECK(s.seed() == 4242);
        CHECK(s.difficulty() == Difficulty::Normal);
    }
    gui.key(sf::Keyboard::Num1);
    REQUIRE(gui.wait_until([&] { return link_state(gui).progress_sent == 1; }, 3000));
    // The chip: one of two finished, no rank yet for the player.
    REQUIRE(gui.wait_until([&] { return link_state(gui).board.ok(); }, 3000));
    gui.frames(2);
    CHECK(shown(gui, "class.chip"));
    CHECK(link_state(gui).board.body["finished"] == 1);
    CHECK(link_state(gui).board.body["players"] == 2);
    shots(gui, "class-meeting-chip", [&] { REQUIRE(gui.show("class.chip")); });
    play_meeting_to_end(gui);
    const std::size_t decisions = gui.shared().run->session().decisions().size();
    REQUIRE(gui.wait_until([&] { return link_state(gui).progress_sent == static_cast<int>(decisions); }, 3000));
    CHECK(link_state(gui).last_progress.body["finished"] == true);

    // The end: the transcript goes to the server, which recomputes the result; the class board.
    gui.key(sf::Keyboard::Enter);
    REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Class; }));
    REQUIRE(gui.wait_until([&] { return link_state(gui).submit == player::ClassLink::Submit::Recorded; }, 6000));
    REQUIRE(gui.wait_until([&] { return link_state(gui).board.body.contains("me") && link_state(gui).board.body["me"].is_object(); }, 3000));
    REQUIRE(gui.shared().finished);
    const int local_total = gui.shared().finished->debrief.score.total;
    st = link_state(gui);
    CHECK(st.submitted.reply.body["result"]["score"]["total"] == local_total);
    CHECK(st.board.body["me"]["name"] == "王小明");
    CHECK(st.board.body["scope"] == "top_and_me");
    gui.frames(3);
    CHECK(shown(gui, "class.result"));
    CHECK(shown(gui, "class.ranks"));
    shots(gui, "class-board", [&] { REQUIRE(gui.show("class.board")); });

    // The server's own board has the player's result, as the player computed it.
    const json board = server.board(code);
    const json* mine = entry_named(board, "王小明");
    REQUIRE(mine);
    CHECK((*mine)["total"] == local_total);
    CHECK(board["finished"] == 2);

    // Rejoining with the same name from this computer resumes the same player, result and all.
    REQUIRE(gui.click("class.leave"));
    REQUIRE(gui.show("class.join.title"));
    st = join(gui, server.address(), code, "王小明");
    REQUIRE(st.membership);
    CHECK(st.membership->player_id == (*mine)["player_id"].get<std::int64_t>());
    CHECK(st.membership->session["has_result"] == true);
    CHECK(gui.wait_until([&] { return gui.app().targets().find("class.board").has_value(); }));
}

TEST_CASE("a class result finished while the server is down is kept on disk, said so, and delivered once it is back",
          "[gui][class]") {
    TempDir data("class-offline");
    TempDir server_dir("class-offline-server");
    const fs::path db = server_dir.path / "board.db";
    auto server = std::make_unique<BoardServer>(db);
    const int port = server->port;
    const std::string code = server->new_session("analytical", 77);
    {
        GuiDriver gui(data.path, Lang::Zh);
        REQUIRE(gui.click("library.join"));
        const auto st = join(gui, server->address(), code, "离线的张伟");
        REQUIRE(st.membership);
        REQUIRE(gui.click("class.start"));
        REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Meeting; }));
        play_meeting_to_end(gui);
        const std::size_t decisions = gui.shared().run->session().decisions().size();
        REQUIRE(gui.wait_until([&] { return link_state(gui).progress_sent == static_cast<int>(decisions); }, 3000));

        server->stop();   // the class server goes away before the result is sent
        gui.key(sf::Keyboard::Enter);
        REQUIRE(gui.wait_until([&] { return link_state(gui).submit == player::ClassLink::Submit::Queued; }, 3000));
        gui.frames(3);
        CHECK(shown(gui, "class.queued"));
        CHECK(player::ClassClient(data.path).queued() == 1);
        shots(gui, "class-offline", [&] { REQUIRE(gui.show("class.queued")); });

        // Retry while it is still down: still kept, nothing lost.
        REQUIRE(gui.click("class.retry"));
        REQUIRE(gui.wait_until([&] { return !link_state(gui).flushing; }, 3000));
        CHECK(link_state(gui).submit == player::ClassLink::Submit::Queued);
        CHECK(link_state(gui).queued == 1);

        // Back on the same port and database: Retry delivers.
        server = std::make_unique<BoardServer>(db, port);
        REQUIRE(gui.click("class.retry"));
        REQUIRE(gui.wait_until([&] { return link_state(gui).submit == player::ClassLink::Submit::Recorded; }, 3000));
        CHECK(link_state(gui).queued == 0);
        CHECK(link_state(gui).delivered == 1);
        REQUIRE(gui.wait_until([&] { return link_state(gui).board.body.contains("me") && link_state(gui).board.body["me"].is_object(); }, 3000));
        const json board = server->board(code);
        const json* mine = entry_named(board, "离线的张伟");
        REQUIRE(mine);
        REQUIRE(gui.shared().finished);
        CHECK((*mine)["total"] == gui.shared().finished->debrief.score.total);
    }
}

TEST_CASE("a class result kept on disk is sent when the player starts again", "[gui][class]") {
    TempDir data("class-restart");
    TempDir server_dir("class-restart-server");
    const fs::path db = server_dir.path / "board.db";
    auto server = std::make_unique<BoardServer>(db);
    const int port = server->port;
    const std::string code = server->new_session("analytical", 78);
    int total = 0;
    {
        GuiDriver gui(data.path, Lang::En);
        REQUIRE(gui.click("library.join"));
        const auto st = join(gui, server->address(), code, "Zhang Wei");
        REQUIRE(st.membership);
        REQUIRE(gui.click("class.start"));
        REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Meeting; }));
        play_meeting_to_end(gui);
        const std::size_t decisions = gui.shared().run->session().decisions().size();
        REQUIRE(gui.wait_until([&] { return link_state(gui).progress_sent == static_cast<int>(decisions); }, 3000));
        server->stop();
        gui.key(sf::Keyboard::Enter);
        REQUIRE(gui.wait_until([&] { return link_state(gui).submit == player::ClassLink::Submit::Queued; }, 3000));
        total = gui.shared().finished->debrief.score.total;
    }   // the player closes with the result on disk
    REQUIRE(player::ClassClient(data.path).queued() == 1);
    server = std::make_unique<BoardServer>(db, port);
    GuiDriver gui(data.path, Lang::En);   // its start sends what was kept
    REQUIRE(gui.shared().classroom);
    REQUIRE(gui.wait_until([&] { return link_state(gui).delivered == 1 && !link_state(gui).busy; }, 3000));
    CHECK(player::ClassClient(data.path).queued() == 0);
    const json board = server->board(code);
    const json* mine = entry_named(board, "Zhang Wei");
    REQUIRE(mine);
    CHECK((*mine)["total"] == total);
}

TEST_CASE("a trainee who rejoins from the same computer with the same name carries on the same run", "[gui][class]") {
    TempDir data("class-rejoin");
    TempDir server_dir("class-rejoin-server");
    BoardServer server(server_dir.path / "board.db");
    const std::string code = server.new_session("analytical", 91);
    std::vector<std::string> made;
    std::int64_t player_id = 0;
    {
        GuiDriver gui(data.path, Lang::Zh);
        REQUIRE(gui.click("library.join"));
        const auto st = join(gui, server.address(), code, "陈静");
        REQUIRE(st.membership);
        player_id = st.membership->player_id;
        REQUIRE(gui.click("class.start"));
        REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Meeting; }));
        gui.key(sf::Keyboard::Num1);
        gui.key(sf::Keyboard::Num2);
        REQUIRE(gui.shared().run->session().decisions().size() == 2);
        for (const auto& d : gui.shared().run->session().decisions()) made.push_back(d.decision);
        REQUIRE(gui.wait_until([&] { return link_state(gui).progress_sent == 2; }, 3000));
        // Leaving the meeting goes back to the class, not to a private run in the library.
        REQUIRE(gui.click("meeting.leave"));
        REQUIRE(gui.click("meeting.leave.confirm"));
        REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Class; }));
        REQUIRE(shown(gui, "class.start"));   // "Continue the meeting (2 decisions made)"
        REQUIRE(gui.click("class.start"));
        REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Meeting; }));
        REQUIRE(gui.shared().run);
        CHECK(gui.shared().run->session().decisions().size() == 2);
        CHECK_FALSE(gui.shared().store.current());   // the class server keeps it, not the library
    }   // the player closes (or the machine drops off)
    GuiDriver gui(data.path, Lang::Zh);
    REQUIRE(gui.click("library.join"));
    // The form remembers the address and the name; the code is typed and Enter joins.
    REQUIRE(gui.click("class.code"));
    gui.type(code);
    gui.key(sf::Keyboard::Enter);
    REQUIRE(gui.wait_until([&] { return link_state(gui).join == player::ClassLink::Join::Joined; }, 3000));
    const auto st = link_state(gui);
    REQUIRE(st.membership);
    CHECK(st.membership->name == "陈静");
    CHECK(st.membership->player_id == player_id);
    CHECK(st.membership->session["resumed"] == true);
    REQUIRE(gui.click("class.start"));   // "Continue the meeting (2 decisions made)"
    REQUIRE(gui.wait_until([&] { return gui.shared().screen == player::Screen::Meeting; }));
    REQUIRE(gui.shared().run);
    const Session& s = gui.shared().run->session();
    REQUIRE(s.decisions().size() == 2);
    for (std::size_t i = 0; i < made.size(); ++i) CHECK(s.decisions()[i].decision == made[i]);
    gui.key(sf::Keyboard::Num1);
    REQUIRE(gui.wait_until([&] { return link_state(gui).progress_sent == 3; }, 3000));
}

TEST_CASE("a name the trainer banned is refused in the join form with the reason", "[gui][class]") {
    TempDir data("class-banned");
    TempDir server_dir("class-banned-server");
    BoardServer server(server_dir.path / "board.db");
    const std::string code = server.new_session("analytical", 5);
    int status = 0;
    const json joined = server.call("POST", "/api/sessions/" + code + "/join", {{"name", "赵敏"}}, "", &status);
    REQUIRE(status == 200);
    server.call("POST", "/api/sessions/" + code + "/players/" + std::to_string(joined["player_id"].get<std::int64_t>()) + "/ban",
                json::object(), server.token, &status);
    REQUIRE(status == 200);

    GuiDriver gui(data.path, Lang::En);
    REQUIRE(gui.click("library.join"));
    const auto st = join(gui, server.address(), code, "赵敏");
    CHECK(st.join == player::ClassLink::Join::Failed);
    CHECK(st.join_reply.status == 403);
    CHECK(st.join_reply.error.find("banned") != std::string::npos);
    CHECK(shown(gui, "class.error"));
    CHECK(gui.shared().screen == player::Screen::Class);
    CHECK_FALSE(st.membership);
}
