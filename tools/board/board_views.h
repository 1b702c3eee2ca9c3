// The projector board's four views, drawn from a class report: the lobby (join code, QR, who
// joined), the live board (progress, the top ranks, the class average per competency), the
// podium, and the class debrief (per decision node, how the class chose; the best marked).
// Only the top of the class is shown (seed 001: never embarrass staff in public).
#pragma once

#include <imgui.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "class_report.h"
#include "qr.h"

namespace parley::board {

enum class BoardView { Lobby, Live, Podium, Debrief };

struct BoardData {
    ClassReport report;
    std::string join_url;        // what the QR code holds
    std::string server;          // the address trainees type
    std::optional<QrCode> qr;
    Lang lang = Lang::Zh;
    ImFont* code_font = nullptr; // the join code's own large font (digits only)
};

// Every string a view may draw (the font atlas must cover them).
std::vector<std::string> board_strings(const BoardData& d);

// What the trainer clicked this frame: a name in the who-has-joined list (the lobby's chips, the
// live board's progress rows). Each name is a target "trainee.<player id>" (parley/ui/targets.h).
struct BoardClicks {
    std::optional<std::int64_t> trainee;
};

void draw_waiting(const std::string& server, Lang lang);   // no session yet
void draw_lobby(const BoardData& d, BoardClicks* clicks = nullptr);
void draw_live(const BoardData& d, BoardClicks* clicks = nullptr);
void draw_podium(const BoardData& d);
// One decision node per page; `page` is clamped to the nodes there are.
void draw_debrief(const BoardData& d, int page);

// The trainer's removal of a trainee, in two steps: choose kick (removed from the session, may
// join again) or ban (removed, the name blocked in this session), then confirm that one. The
// two are never the same button, colour or wording. Targets: "removal.kick", "removal.ban",
// "removal.cancel" on the first step; "removal.confirm", "removal.back" on the second.
enum class Removal { Kick, Ban };
struct RemovalDialog {
    std::int64_t player_id = 0;
    std::string name;
    std::optional<Removal> chosen;   // nothing: choosing; set: confirming that action
};
enum class DialogAnswer { None, Kick, Ban, Confirm, Back, Cancel };
DialogAnswer draw_removal_dialog(const RemovalDialog& dialog, Lang lang);

// What came of a removal, shown along the bottom of the screen for a few seconds.
struct RemovalNotice {
    Removal how = Removal::Kick;
    std::string name;
    std::string error;               // empty: done
    int frames_left = 180;
};
void draw_removal_notice(const RemovalNotice& notice, Lang lang);
std::string removal_notice_text(const RemovalNotice& notice, Lang lang);
// Every string the dialog and the notice may draw for `name` (font coverage).
std::vector<std::string> removal_strings(const std::string& name);

}  // namespace parley::board
