// The projector board's four views, drawn from a class report: the lobby (join code, QR, who
// joined), the live board (progress, the top ranks, the class average per competency), the
// podium, and the class debrief (per decision node, how the class chose; the best marked).
// Only the top of the class is shown (seed 001: never embarrass staff in public).
#pragma once

#include <imgui.h>

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

void draw_waiting(const std::string& server, Lang lang);   // no session yet
void draw_lobby(const BoardData& d);
void draw_live(const BoardData& d);
void draw_podium(const BoardData& d);
// One decision node per page; `page` is clamped to the nodes there are.
void draw_debrief(const BoardData& d, int page);

}  // namespace parley::board
