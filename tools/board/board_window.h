// The projector board window (SFML + Dear ImGui on parley_ui), in the server's own process: it
// reads the Classroom directly and redraws when the session's events say something changed.
// The view follows the session (lobby → live → podium); keys 1–4 pin a view (lobby, live,
// podium, class debrief), 0 follows again, ← → page through the class debrief. The trainer
// clicks a name in the who-has-joined list (lobby, live board) to kick or ban that trainee,
// confirms, and the board says what came of it.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "board_views.h"
#include "classroom.h"
#include "events.h"
#include "parley/ui/synthetic_input.h"
#include "parley/ui/targets.h"

namespace parley::board {

struct BoardOptions {
    std::string address;                 // the server's address (shown, and in the QR code)
    std::optional<std::string> code;     // the session to show (default: the newest not ended)
    unsigned width = 1280, height = 800;
    bool fullscreen = false;
    Lang lang = Lang::Zh;
    int font_size = 22;                  // projector text: larger than the player's
};

class BoardWindow {
public:
    BoardWindow(Classroom& classroom, EventHub& events, BoardOptions options);
    ~BoardWindow();
    BoardWindow(const BoardWindow&) = delete;
    BoardWindow& operator=(const BoardWindow&) = delete;

    // One frame: input, a refresh when the session changed, drawing. False once closed.
    bool step();
    void pin(std::optional<BoardView> view);   // nothing: follow the session's state
    void set_debrief_page(int page);
    BoardView view() const;
    const BoardData* data() const;             // nothing while no session exists
    // Draws a frame and saves it as PNG.
    bool screenshot(const std::string& path, std::string& error);
    // Every character of `text` is in the font atlas (tests: nothing drawn as the missing box).
    bool covers(const std::string& text) const;

    // Scripted input (tests): synthetic events fed through the window's own event path, and
    // where the named widgets were drawn ("trainee.<id>", "removal.kick", …).
    ui::SyntheticInput& input();
    const ui::Targets& targets() const;
    // The kick / ban dialog while it is open, and the last removal's notice while it is shown.
    const RemovalDialog* removal_dialog() const;
    const RemovalNotice* removal_notice() const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

// Runs the window until it is closed (or SIGINT/SIGTERM is pending). Returns an exit code.
int run_board_window(Classroom& classroom, EventHub& events, const BoardOptions& options);

}  // namespace parley::board
