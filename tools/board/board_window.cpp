// Contents: 1. window, fonts  2. refresh  3. frames  4. run loop
#include "board_window.h"

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Clock.hpp>
#include <imgui.h>

#include <csignal>

#include "parley/ui/fonts.h"
#include "parley/ui/platform.h"
#include "parley/ui/window_icon.h"
#include "parley/ui/screenshot.h"
#include "parley/ui/theme.h"

namespace parley::board {

// ============================================================================
// 1. Window, fonts
// ============================================================================

struct BoardWindow::Impl {
    Classroom& classroom;
    EventHub& events;
    BoardOptions options;
    sf::RenderWindow window;
    std::unique_ptr<ui::Platform> platform;
    ui::Fonts fonts;            // destroyed before platform (the atlas reads the mapped fonts)
    sf::Clock clock;
    std::optional<BoardData> data;
    std::int64_t session = 0;
    std::uint64_t seen_event = ~std::uint64_t{0};
    int frames_since_lookup = 0;
    std::optional<BoardView> pinned;
    int page = 0;
    bool closed = false;
    ui::Targets targets;
    ui::SyntheticInput input;
    std::optional<RemovalDialog> dialog;
    std::optional<RemovalNotice> notice;

    Impl(Classroom& c, EventHub& e, BoardOptions o) : classroom(c), events(e), options(std::move(o)) {}

    void rebuild_fonts() {
        fonts.set_size(static_cast<float>(options.font_size));
        fonts.build();
        // The join code's own size, digits only: read from the back of a classroom.
        ImFontAtlas* atlas = ImGui::GetIO().Fonts;
        ImFont* code_font = nullptr;
        if (fonts.available()) {
            if (auto face = ui::find_cjk_font(true)) {
                static const ImWchar digits[] = {0x0020, 0x0020, 0x0030, 0x0039, 0};
                ImFontConfig cfg;
                cfg.FontNo = face->index;
                cfg.OversampleH = cfg.OversampleV = 1;
                code_font = atlas->AddFontFromFileTTF(face->path.c_str(), static_cast<float>(options.font_size) * 7.f, &cfg,
                                                      digits);
                if (code_font && !atlas->Build()) code_font = nullptr;
            }
        }
        if (data) data->code_font = code_font;
        this->code_font = code_font;
        platform->reload_fonts_texture();
        ui::apply_theme(fonts);
    }
    ImFont* code_font = nullptr;

    // ========================================================================
    // 2. Refresh
    // ========================================================================

    void refresh() {
        if (!data || ++frames_since_lookup >= 60) {
            frames_since_lookup = 0;
            std::optional<std::string> code = options.code;
            if (!code && (!data || data->report.state == "ended")) code = classroom.current_code();
            if (!code && data) code = data->report.code;
            if (!code) return;
            std::int64_t id = 0;
            try {
                id = classroom.session_id(*code);
            } catch (const std::exception&) {
                return;
            }
            if (id != session) {
                session = id;
                seen_event = ~std::uint64_t{0};
            }
        }
        if (!session) return;
        const std::uint64_t last = events.last_id(session);
        if (last == seen_event && data) return;
        seen_event = last;
        BoardData d;
        try {
            d.report = classroom.class_report(data && options.code ? *options.code : code_of_session());
        } catch (const std::exception&) {
            return;
        }
        d.server = options.address;
        d.join_url = options.address + "/join/" + d.report.code;
        d.qr = encode_qr(d.join_url);
        d.lang = options.lang;
        d.code_font = code_font;
        for (const auto& s : board_strings(d)) fonts.cover(s);
        data = std::move(d);
    }

    std::string code_of_session() const {
        if (options.code) return *options.code;
        if (data) return data->report.code;
        if (auto c = classroom.current_code()) return *c;
        return {};
    }

    BoardView view() const {
        if (pinned) return *pinned;
        if (!data || data->report.state == "lobby") return BoardView::Lobby;
        return data->report.state == "running" ? BoardView::Live : BoardView::Podium;
    }

    // ========================================================================
    // 3. Frames
    // ========================================================================

    void handle(const sf::Event& e) {
        if (e.type == sf::Event::Closed) {
            closed = true;
            return;
        }
        if (e.type == sf::Event::KeyPressed && !dialog) {   // the dialog takes Esc itself
            switch (e.key.code) {
                case sf::Keyboard::Num1: pinned = BoardView::Lobby; break;
                case sf::Keyboard::Num2: pinned = BoardView::Live; break;
                case sf::Keyboard::Num3: pinned = BoardView::Podium; break;
                case sf::Keyboard::Num4: pinned = BoardView::Debrief; break;
                case sf::Keyboard::Num0: pinned.reset(); break;
                case sf::Keyboard::Right: ++page; break;
                case sf::Keyboard::Left: page = std::max(0, page - 1); break;
                default: break;
            }
        }
        platform->process_event(e);
    }

    // The trainer clicked a name: the dialog for that trainee (its texts in the font atlas).
    void open_dialog(std::int64_t player_id) {
        if (!data) return;
        for (const auto& tr : data->report.trainees)
            if (tr.player_id == player_id) {
                dialog = RemovalDialog{player_id, tr.name, std::nullopt};
                for (const auto& s : removal_strings(tr.name)) fonts.cover(s);
            }
    }

    void answer(DialogAnswer a) {
        switch (a) {
            case DialogAnswer::None: return;
            case DialogAnswer::Kick: dialog->chosen = Removal::Kick; return;
            case DialogAnswer::Ban: dialog->chosen = Removal::Ban; return;
            case DialogAnswer::Back: dialog->chosen.reset(); return;
            case DialogAnswer::Cancel: dialog.reset(); return;
            case DialogAnswer::Confirm: break;
        }
        RemovalNotice n;
        n.how = *dialog->chosen;
        n.name = dialog->name;
        try {
            // The same session logic as the trainer's HTTP kick and ban (durable before it returns).
            if (n.how == Removal::Kick) classroom.kick(data->report.code, dialog->player_id);
            else classroom.ban(data->report.code, dialog->player_id);
        } catch (const std::exception& e) {
            n.error = e.what();
            for (const auto& s : removal_strings(n.name)) fonts.cover(s + n.error);
        }
        notice = std::move(n);
        dialog.reset();
        seen_event = ~std::uint64_t{0};   // show the list without them at once
    }

    void frame() {
        sf::Event e;
        while (window.pollEvent(e)) handle(e);
        for (const sf::Event& synthetic : input.next_frame()) handle(synthetic);
        refresh();
        if (fonts.dirty()) rebuild_fonts();
        if (data && !data->report.debrief.empty())
            page = std::min(page, static_cast<int>(data->report.debrief.size()) - 1);
        platform->new_frame(clock.restart());
        targets.begin_frame();
        BoardClicks clicks;
        if (!data) draw_waiting(options.address, options.lang);
        else switch (view()) {
                case BoardView::Lobby: draw_lobby(*data, &clicks); break;
                case BoardView::Live: draw_live(*data, &clicks); break;
                case BoardView::Podium: draw_podium(*data); break;
                case BoardView::Debrief: draw_debrief(*data, page); break;
            }
        if (clicks.trainee && !dialog) open_dialog(*clicks.trainee);
        if (dialog && data) answer(draw_removal_dialog(*dialog, options.lang));
        if (notice) {
            draw_removal_notice(*notice, options.lang);
            if (--notice->frames_left <= 0) notice.reset();
        }
        window.clear(sf::Color(236, 240, 245));
        platform->render();
    }
};

BoardWindow::BoardWindow(Classroom& classroom, EventHub& events, BoardOptions options)
    : impl_(std::make_unique<Impl>(classroom, events, std::move(options))) {
    Impl& m = *impl_;
    const sf::VideoMode mode = m.options.fullscreen ? sf::VideoMode::getDesktopMode()
                                                    : sf::VideoMode(m.options.width, m.options.height);
    const std::string title = "Parley · 课堂大屏";
    m.window.create(mode, sf::String::fromUtf8(title.begin(), title.end()),
                    m.options.fullscreen ? sf::Style::Fullscreen : sf::Style::Default);
    ui::set_window_icon(m.window, "parley-board");
    m.window.setFramerateLimit(30);
    m.platform = std::make_unique<ui::Platform>(m.window);
    ImGui::GetIO().IniFilename = nullptr;
    ui::Targets::set_current(&m.targets);
    m.refresh();
    m.rebuild_fonts();
}

BoardWindow::~BoardWindow() {
    if (impl_) {
        impl_->data.reset();
        if (ui::Targets::current() == &impl_->targets) ui::Targets::set_current(nullptr);
    }
}

bool BoardWindow::step() {
    Impl& m = *impl_;
    if (m.closed || !m.window.isOpen()) return false;
    m.frame();
    m.window.display();
    if (m.closed) m.window.close();
    return !m.closed;
}

void BoardWindow::pin(std::optional<BoardView> view) { impl_->pinned = view; }
void BoardWindow::set_debrief_page(int page) { impl_->page = std::max(0, page); }
BoardView BoardWindow::view() const { return impl_->view(); }
const BoardData* BoardWindow::data() const { return impl_->data ? &*impl_->data : nullptr; }
ui::SyntheticInput& BoardWindow::input() { return impl_->input; }
const ui::Targets& BoardWindow::targets() const { return impl_->targets; }
const RemovalDialog* BoardWindow::removal_dialog() const { return impl_->dialog ? &*impl_->dialog : nullptr; }
const RemovalNotice* BoardWindow::removal_notice() const { return impl_->notice ? &*impl_->notice : nullptr; }

bool BoardWindow::screenshot(const std::string& path, std::string& error) {
    Impl& m = *impl_;
    // Two frames: the first may have rebuilt the fonts for new text.
    m.frame();
    m.window.display();
    m.frame();
    const bool ok = ui::save_screenshot(m.window, path, error);
    m.window.display();
    return ok;
}

bool BoardWindow::covers(const std::string& text) const {
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        unsigned cp = c;
        int len = 1;
        if (c >= 0xF0) cp = c & 7u, len = 4;
        else if (c >= 0xE0) cp = c & 15u, len = 3;
        else if (c >= 0xC0) cp = c & 31u, len = 2;
        for (int k = 1; k < len && i + static_cast<std::size_t>(k) < text.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 63u);
        i += static_cast<std::size_t>(len);
        // In the atlas and in the font itself (a face without the glyph would draw the box).
        if (cp >= 0x20 && (!impl_->fonts.covers(cp) || !ui::type().body ||
                           !ui::type().body->FindGlyphNoFallback(static_cast<ImWchar>(cp))))
            return false;
    }
    return true;
}

// ============================================================================
// 4. Run loop
// ============================================================================

int run_board_window(Classroom& classroom, EventHub& events, const BoardOptions& options) {
    BoardWindow board(classroom, events, options);
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    while (board.step()) {
        sigset_t pending;
        sigpending(&pending);
        if (sigismember(&pending, SIGINT) || sigismember(&pending, SIGTERM)) break;
    }
    return 0;
}

}  // namespace parley::board
