// The real parley-board binary serving on loopback for a test: `parley-board serve` on a port
// the OS picks (or a given one, to come back on the same address after a restart), with the
// address and the trainer token read from what it prints. Needs PARLEY_BOARD and
// PARLEY_SOURCE_DIR (its content is the shipped scenarios).
#pragma once

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include <httplib.h>

namespace parley::test {

struct BoardProcess {
    pid_t pid = -1;
    int port = 0;
    std::string token;

    explicit BoardProcess(const std::filesystem::path& db, int fixed_port = 0) {
        int out[2];
        REQUIRE(pipe(out) == 0);
        pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            dup2(out[1], 1);
            close(out[0]);
            close(out[1]);
            const std::string port_arg = std::to_string(fixed_port);
            execl(PARLEY_BOARD, PARLEY_BOARD, "serve", "--port", port_arg.c_str(), "--db", db.c_str(), "--content",
                  PARLEY_SOURCE_DIR "/scenarios", static_cast<char*>(nullptr));
            _exit(127);
        }
        close(out[1]);
        std::string text;
        char buf[512];
        const std::string mark = "trainer token: ";
        while (text.find(mark) == std::string::npos || text.find('\n', text.find(mark)) == std::string::npos) {
            const ssize_t n = read(out[0], buf, sizeof buf);
            REQUIRE(n > 0);   // the server exited before printing its address
            text.append(buf, static_cast<std::size_t>(n));
        }
        close(out[0]);
        const auto colon = text.find(':', text.find("http://") + 7);
        port = std::stoi(text.substr(colon + 1));
        const auto t = text.find(mark) + mark.size();
        token = text.substr(t, text.find('\n', t) - t);
    }
    BoardProcess(const BoardProcess&) = delete;
    BoardProcess& operator=(const BoardProcess&) = delete;
    ~BoardProcess() { stop(); }

    // SIGTERM, as a trainer closing it would.
    void stop() { end(SIGTERM); }
    // SIGKILL: no chance to flush or close anything.
    void kill_hard() { end(SIGKILL); }

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(30, 0);
        return c;
    }

private:
    void end(int sig) {
        if (pid <= 0) return;
        ::kill(pid, sig);
        int status = 0;
        waitpid(pid, &status, 0);
        pid = -1;
    }
};

}  // namespace parley::test
