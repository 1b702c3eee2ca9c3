// The classroom's HTTP + JSON API (cpp-httplib): routes, authentication headers, status codes,
// limits and server-sent events. The session logic is the Classroom's; this file only
// translates. Every error is JSON: {"error": "…", "status": N}. The API is in README.md.
#pragma once

#include <memory>
#include <string>
#include <thread>

#include "classroom.h"
#include "events.h"
#include "guess_limit.h"

namespace httplib {
class Server;
}

namespace parley::board {

struct HttpOptions {
    std::string bind = "127.0.0.1";
    int port = 8080;                         // 0: any free port
    std::size_t max_body = 256 * 1024;       // bytes; a transcript is a few kilobytes
    int threads = 160;                       // request threads: one per open connection (keep-alive)
                                             // and per event stream
};

class HttpApi {
public:
    HttpApi(Classroom& classroom, EventHub& events, HttpOptions options = {});
    ~HttpApi();

    // Binds (throws std::runtime_error when it cannot) and serves on a background thread.
    void start();
    void stop();
    int port() const { return port_; }
    std::string address() const;   // http://BIND:PORT

private:
    void routes();
    Classroom& classroom_;
    EventHub& events_;
    HttpOptions options_;
    GuessLimit guesses_;
    std::unique_ptr<httplib::Server> server_;
    std::thread thread_;
    int port_ = 0;
};

}  // namespace parley::board
