// parley-board: the classroom server (HTTP + JSON, SQLite) and its projector board.
//
//   parley-board serve [--bind ADDR] [--port N] [--db FILE] [--content DIR] [--board]
//
// Thin by design: parse arguments (CLI11), load the content, open the store, serve until
// SIGINT/SIGTERM (or the board window closes).
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include <pthread.h>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "classroom.h"
#include "http_api.h"
#include "parley/loader.h"
#include "parley/version.h"
#ifdef PARLEY_BOARD_GUI
#include "board_window.h"
#endif

using namespace parley;

namespace {

// glibc's malloc keeps 7 freed blocks of each size per thread before it takes the arena's lock
// and, at the next large request, consolidates the fast bins. A submission builds and frees a
// run report's JSON tree of hundreds of small blocks, so with the default a quarter of the
// server's CPU went to malloc and free (perf: _int_malloc, malloc_consolidate). A deeper
// per-thread cache keeps those blocks in the thread: about 15% less CPU per submission in the
// load benchmark. GLIBC_TUNABLES is read only when a program starts, so the server starts itself
// again with it set (same process id, same arguments), once; a tunable the caller set wins.
void deepen_malloc_cache(char** argv) {
    if (std::getenv("PARLEY_BOARD_MALLOC")) return;   // already started again (or told not to)
    std::string tunables = std::getenv("GLIBC_TUNABLES") ? std::getenv("GLIBC_TUNABLES") : "";
    if (tunables.find("glibc.malloc.tcache_count") == std::string::npos)
        tunables = "glibc.malloc.tcache_count=1000" + (tunables.empty() ? "" : ":" + tunables);
    setenv("GLIBC_TUNABLES", tunables.c_str(), 1);
    setenv("PARLEY_BOARD_MALLOC", "tuned", 1);
    execv("/proc/self/exe", argv);   // returns only when it failed: carry on with the defaults
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1 && std::strcmp(argv[1], "serve") == 0) deepen_malloc_cache(argv);
    CLI::App app{"Parley classroom server and projector board", "parley-board"};
    app.set_version_flag("--version", kEngineVersion);
    app.require_subcommand(1);
    auto* serve = app.add_subcommand("serve", "Serve classroom sessions over HTTP (and show the board with --board)");
    board::HttpOptions http;
    std::string db;   // default: the user's data folder (XDG), so every session is kept in one place
    std::string content_dir;
    bool show_board = false;
    serve->add_option("--bind", http.bind, "Address to listen on (default 127.0.0.1: this machine only)");
    serve->add_option("--port", http.port, "Port (0: any free port, printed)")->check(CLI::Range(0, 65535));
    serve->add_option("--db", db, "SQLite database file (created when missing; default $XDG_DATA_HOME/parley/board.sqlite)");
    serve->add_option("--content", content_dir, "Content root (default: the bundled scenarios)");
    serve->add_flag("--board", show_board, "Open the projector board window");
    std::string board_code, board_lang = "zh";
    serve->add_option("--board-code", board_code, "With --board: the session to show (default: the newest not ended)");
    serve->add_option("--board-lang", board_lang, "With --board: zh or en")->check(CLI::IsMember({"zh", "en"}));
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }

    if (db.empty()) {
        const auto dir = user_data_dir();
        if (!dir) {
            std::cerr << "parley-board: no user data folder (HOME and XDG_DATA_HOME are unset); pass --db FILE\n";
            return 2;
        }
        std::error_code ec;
        std::filesystem::create_directories(*dir, ec);
        if (ec) {
            std::cerr << "parley-board: cannot create " << dir->string() << ": " << ec.message() << "; pass --db FILE\n";
            return 1;
        }
        db = (*dir / "board.sqlite").string();
    }

    Diagnostics diags;
    std::optional<std::filesystem::path> root;
    if (!content_dir.empty()) root = content_dir;
    else root = default_content_root(std::filesystem::path(PARLEY_SOURCE_DIR) / "scenarios");
    if (!root) {
        std::cerr << "parley-board: no content found; pass --content DIR\n";
        return 2;
    }
    const auto content = load_content(*root, diags);
    if (!content) {
        for (const auto& d : diags.items) std::cerr << format(d) << '\n';
        std::cerr << "parley-board: the content has errors: fix them or pass another --content\n";
        return 1;
    }

    // Signals are taken by one thread (sigwait) rather than a handler: shutdown is ordinary code.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    try {
        board::Store store(db);
        board::EventHub events;
        board::Classroom classroom(content, store, events);
        board::HttpApi api(classroom, events, http);
        api.start();
        std::cout << "parley-board: serving " << api.address() << " (database " << db << ", content " << root->string()
                  << ")\n"
                  << "trainer token: " << classroom.trainer_token() << "\n"
                  << std::flush;
        if (show_board) {
#ifdef PARLEY_BOARD_GUI
            board::BoardOptions opts;
            opts.address = api.address();
            if (!board_code.empty()) opts.code = board_code;
            opts.lang = board_lang == "en" ? Lang::En : Lang::Zh;
            const int rc = board::run_board_window(classroom, events, opts);
            api.stop();
            return rc;
#else
            std::cerr << "parley-board: this build has no board window (built with PARLEY_GUI=OFF)\n";
            api.stop();
            return 2;
#endif
        }
        int sig = 0;
        sigwait(&stop_signals, &sig);
        std::cout << "parley-board: stopping\n" << std::flush;
        api.stop();
    } catch (const std::exception& e) {
        std::cerr << "parley-board: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
