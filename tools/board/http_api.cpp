// Contents: 1. replies and errors  2. routes  3. event streams  4. start and stop
#include "http_api.h"

#include <httplib.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdlib>

#include "exports.h"
#include "refusal.h"

namespace parley::board {

using nlohmann::json;

// ============================================================================
// 1. Replies and errors
// ============================================================================

namespace {

int status_of(Why why) {
    switch (why) {
        case Why::BadRequest: return 400;
        case Why::Unauthorized: return 401;
        case Why::Forbidden: return 403;
        case Why::NotFound: return 404;
        case Why::Conflict: return 409;
        case Why::Unprocessable: return 422;
        case Why::TooManyRequests: return 429;
    }
    return 400;
}

// The body is moved in, not copied (set_content copies; a run report is tens of kilobytes).
void reply_text(httplib::Response& res, int status, std::string body) {
    res.status = status;
    res.body = std::move(body);
    res.set_header("Content-Type", "application/json; charset=utf-8");
}

void reply(httplib::Response& res, int status, const json& body) { reply_text(res, status, body.dump()); }

void reply_error(httplib::Response& res, int status, const std::string& message) {
    reply(res, status, {{"error", message}, {"status", status}});
}

std::string bearer(const httplib::Request& req) {
    const std::string h = req.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    return h.compare(0, prefix.size(), prefix) == 0 ? h.substr(prefix.size()) : std::string();
}

json body_json(const httplib::Request& req) {
    if (req.body.empty()) throw Refused(Why::BadRequest, "the request needs a JSON body");
    try {
        return json::parse(req.body);
    } catch (const json::parse_error& e) {
        throw Refused(Why::BadRequest, std::string("the body is not valid JSON: ") + e.what());
    }
}

Lang lang_of(const httplib::Request& req) { return req.get_param_value("lang") == "en" ? Lang::En : Lang::Zh; }

}  // namespace

// ============================================================================
// 2. Routes
// ============================================================================

HttpApi::HttpApi(Classroom& classroom, EventHub& events, HttpOptions options)
    : classroom_(classroom), events_(events), options_(std::move(options)), server_(std::make_unique<httplib::Server>()) {
    routes();
}

HttpApi::~HttpApi() { stop(); }

void HttpApi::routes() {
    auto& s = *server_;
    const int threads = options_.threads;
    s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    s.set_payload_max_length(options_.max_body);
    // Keep-alive connections for as long as a client keeps sending (a board polls, a benchmark
    // hammers); no Nagle delay between the header write and the body write of an answer.
    s.set_keep_alive_max_count(1000000);
    s.set_tcp_nodelay(true);
    s.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        std::string msg = "error";
        if (res.status == 404) msg = "no such endpoint (see README: the HTTP API)";
        else if (res.status == 413) msg = "the request body is too large";
        else if (res.status == 400) msg = "the request is malformed";
        else if (res.status == 405) msg = "method not allowed";
        reply_error(res, res.status, msg);
        return httplib::Server::HandlerResponse::Handled;
    }));
    s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        try {
            std::rethrow_exception(ep);
        } catch (const Refused& r) {
            if (r.retry_after > 0) res.set_header("Retry-After", std::to_string(r.retry_after));
            reply_error(res, status_of(r.why), r.what());
        } catch (const StoreError& e) {
            reply_error(res, 503, std::string("the result could not be stored, it is not recorded: ") + e.what());
        } catch (const std::exception& e) {
            reply_error(res, 500, std::string("internal error: ") + e.what());
        } catch (...) {
            reply_error(res, 500, "internal error");
        }
    });

    auto trainer_only = [this](const httplib::Request& req) {
        const std::string t = bearer(req);
        if (t.empty()) throw Refused(Why::Unauthorized, "this needs the trainer token (Authorization: Bearer …)");
        if (!classroom_.is_trainer(t)) throw Refused(Why::Forbidden, "only the trainer token may do this");
    };
    const std::string code = R"(/api/sessions/(\d{1,12}))";

    // Every route under a join code tells whether the code exists, so each counts an unknown
    // code against the caller's address as joining does (a code cannot be found by asking a
    // route that does not count). While an address is locked out, a request without a token is
    // refused before it is looked at, and one with a token is served only when the token is good
    // for that session (a trainee already in keeps playing); any other answer is the same 429.
    auto too_many = [](int wait) {
        return Refused(Why::TooManyRequests,
                       "too many wrong join codes from this address: try again in " + std::to_string(wait) + " s", wait);
    };
    auto guarded = [this, too_many](const httplib::Request& req, const std::string& c, auto&& handle) {
        const std::string& who = req.remote_addr;
        const int wait = guesses_.wait_seconds(who);
        if (wait && bearer(req).empty()) throw too_many(wait);
        try {
            handle();
        } catch (const Refused& r) {
            const bool unknown = r.why == Why::NotFound && !classroom_.exists(c);
            if (unknown) guesses_.wrong_code(who);
            if (wait && (unknown || r.why == Why::Unauthorized || r.why == Why::Forbidden || r.why == Why::NotFound))
                throw too_many(wait);
            throw;
        }
    };

    // The hot GET (every board and trainee screen): the public leaderboard, served from its
    // cached text before the regular-expression routing.
    s.set_pre_routing_handler([this, guarded](const httplib::Request& req, httplib::Response& res) {
        static const std::string prefix = "/api/sessions/", suffix = "/leaderboard";
        const std::string& p = req.path;
        if (req.method != "GET" || p.size() <= prefix.size() + suffix.size() || p.compare(0, prefix.size(), prefix) != 0 ||
            p.compare(p.size() - suffix.size(), suffix.size(), suffix) != 0 || req.has_header("Authorization"))
            return httplib::Server::HandlerResponse::Unhandled;
        const std::string c = p.substr(prefix.size(), p.size() - prefix.size() - suffix.size());
        if (c.empty() || c.size() > 12 || c.find_first_not_of("0123456789") != std::string::npos)
            return httplib::Server::HandlerResponse::Unhandled;
        try {
            guarded(req, c, [&] {
                res.set_content(classroom_.public_leaderboard_text(c), "application/json; charset=utf-8");
                res.status = 200;
            });
        } catch (const Refused& r) {
            if (r.retry_after > 0) res.set_header("Retry-After", std::to_string(r.retry_after));
            reply_error(res, status_of(r.why), r.what());
        }
        return httplib::Server::HandlerResponse::Handled;
    });

    s.Get("/api/health", [](const httplib::Request&, httplib::Response& res) { reply(res, 200, {{"ok", true}}); });

    s.Post("/api/sessions", [=](const httplib::Request& req, httplib::Response& res) {
        trainer_only(req);
        reply(res, 201, classroom_.create_session(body_json(req)));
    });
    s.Get("/api/sessions", [=](const httplib::Request& req, httplib::Response& res) {
        trainer_only(req);
        reply(res, 200, classroom_.list_sessions());
    });

    s.Post(code + "/join", [=](const httplib::Request& req, httplib::Response& res) {
        const std::string c = req.matches[1];
        guarded(req, c, [&] {
            if (!classroom_.exists(c))
                throw Refused(Why::NotFound, "there is no session with the code " + c + ": check the code on the projector");
            reply(res, 200, classroom_.join(c, body_json(req)));
        });
    });
    s.Post(code + "/progress", [=](const httplib::Request& req, httplib::Response& res) {
        const std::string c = req.matches[1];
        guarded(req, c, [&] { reply(res, 200, classroom_.progress(c, bearer(req), body_json(req))); });
    });
    s.Post(code + "/results", [=](const httplib::Request& req, httplib::Response& res) {
        const std::string c = req.matches[1];
        guarded(req, c, [&] {
            if (req.body.empty()) throw Refused(Why::BadRequest, "the request needs a transcript as its JSON body");
            reply_text(res, 200, classroom_.submit_text(c, bearer(req), req.body, lang_of(req)));
        });
    });
    s.Get(code + "/leaderboard", [=](const httplib::Request& req, httplib::Response& res) {
        const std::string c = req.matches[1];
        guarded(req, c, [&] {
            const std::string t = bearer(req);
            if (t.empty()) {
                res.status = 200;
                res.set_content(classroom_.public_leaderboard_text(c), "application/json; charset=utf-8");
            } else {
                reply(res, 200, classroom_.leaderboard(c, t));
            }
        });
    });
    s.Get(code + "/report", [=](const httplib::Request& req, httplib::Response& res) {
        trainer_only(req);
        reply(res, 200, to_json(classroom_.class_report(req.matches[1])));
    });
    for (const char* action : {"start", "end", "rotate"}) {
        const std::string a = action;
        s.Post(code + "/" + a, [=](const httplib::Request& req, httplib::Response& res) {
            trainer_only(req);
            const std::string c = req.matches[1];
            reply(res, 200, a == "start" ? classroom_.start(c) : a == "end" ? classroom_.end(c) : classroom_.rotate_code(c));
        });
    }
    s.Post(code + R"(/players/(\d{1,12})/(kick|ban))", [=](const httplib::Request& req, httplib::Response& res) {
        trainer_only(req);
        const std::int64_t id = std::stoll(req.matches[2]);
        reply(res, 200, req.matches[3] == "kick" ? classroom_.kick(req.matches[1], id) : classroom_.ban(req.matches[1], id));
    });
    s.Get(code + R"(/export\.csv)", [=](const httplib::Request& req, httplib::Response& res) {
        trainer_only(req);
        const std::string c = req.matches[1];
        res.set_content(to_csv(classroom_.class_report(c), lang_of(req)), "text/csv; charset=utf-8");
        res.set_header("Content-Disposition", "attachment; filename=\"parley-" + c + ".csv\"");
    });
    s.Get(code + R"(/export\.xlsx)", [=](const httplib::Request& req, httplib::Response& res) {
        trainer_only(req);
        const std::string c = req.matches[1];
        std::string error;
        const std::string bytes = to_xlsx(classroom_.class_report(c), lang_of(req), error);
        if (bytes.empty()) return reply_error(res, 500, error);
        res.set_content(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        res.set_header("Content-Disposition", "attachment; filename=\"parley-" + c + ".xlsx\"");
    });

    // ========================================================================
    // 3. Event streams
    // ========================================================================
    s.Get(code + "/events", [=](const httplib::Request& req, httplib::Response& res) {
        std::int64_t session = 0;
        guarded(req, req.matches[1], [&] { session = classroom_.session_id(req.matches[1]); });
        std::uint64_t after = 0;
        const std::string last = req.get_header_value("Last-Event-ID");
        if (!last.empty() && last.find_first_not_of("0123456789") == std::string::npos && last.size() < 20)
            after = std::stoull(last);
        else
            after = events_.last_id(session);
        res.set_header("Cache-Control", "no-cache");
        auto first = std::make_shared<bool>(true);
        auto cursor = std::make_shared<std::uint64_t>(after);
        res.set_chunked_content_provider("text/event-stream", [this, session, first, cursor](std::size_t, httplib::DataSink& sink) {
            if (*first) {
                *first = false;
                const std::string hello = "retry: 2000\nevent: hello\ndata: {}\n\n";
                return sink.write(hello.data(), hello.size());
            }
            if (events_.closed()) {
                sink.done();
                return false;
            }
            const auto batch = events_.wait(session, *cursor, std::chrono::seconds(15));
            std::string out;
            for (const auto& e : batch) {
                out += "id: " + std::to_string(e.id) + "\nevent: " + e.type + "\ndata: " + e.data + "\n\n";
                *cursor = e.id;
            }
            if (out.empty()) out = ": keep-alive\n\n";
            if (!sink.is_writable()) return false;
            return sink.write(out.data(), out.size());
        });
    });

    s.Get(R"(/join/(\d{1,12}))", [](const httplib::Request& req, httplib::Response& res) {
        const std::string c = req.matches[1];
        res.set_content("<!doctype html><meta charset=utf-8><title>Parley</title><body style='font-family:sans-serif'>"
                        "<h1>Parley 课堂 · class " + c + "</h1><p>在 Parley 中选择“加入课堂”,输入本页地址的服务器和课堂码 " + c +
                            "。</p><p>In Parley choose <b>Join class</b> and enter this server and the code " + c + ".</p>",
                        "text/html; charset=utf-8");
    });
}

// ============================================================================
// 4. Start and stop
// ============================================================================

namespace {

// Debian's cpp-httplib is a compiled library whose listening socket has a backlog of 5
// (CPPHTTPLIB_LISTEN_BACKLOG, fixed when the library was built): a class connecting at once
// overflows it, and each connection refused that way is retried by the client's TCP after a
// second. Listening again on the same socket raises the backlog (Linux keeps the socket as it
// is and only changes the queue length), so the server finds its own listening socket by port.
void widen_backlog(int port) {
    DIR* dir = opendir("/proc/self/fd");
    if (!dir) return;
    while (const dirent* e = readdir(dir)) {
        char* end = nullptr;
        const long fd = std::strtol(e->d_name, &end, 10);
        if (end == e->d_name || *end != '\0' || fd == dirfd(dir)) continue;
        int listening = 0;
        socklen_t len = sizeof listening;
        if (getsockopt(static_cast<int>(fd), SOL_SOCKET, SO_ACCEPTCONN, &listening, &len) != 0 || !listening) continue;
        sockaddr_storage addr{};
        socklen_t alen = sizeof addr;
        if (getsockname(static_cast<int>(fd), reinterpret_cast<sockaddr*>(&addr), &alen) != 0) continue;
        int bound = -1;
        if (addr.ss_family == AF_INET) bound = ntohs(reinterpret_cast<const sockaddr_in*>(&addr)->sin_port);
        else if (addr.ss_family == AF_INET6) bound = ntohs(reinterpret_cast<const sockaddr_in6*>(&addr)->sin6_port);
        if (bound == port) ::listen(static_cast<int>(fd), SOMAXCONN);
    }
    closedir(dir);
}

}  // namespace

void HttpApi::start() {
    if (options_.port == 0) port_ = server_->bind_to_any_port(options_.bind);
    else port_ = server_->bind_to_port(options_.bind, options_.port) ? options_.port : -1;
    if (port_ <= 0)
        throw std::runtime_error("cannot listen on " + options_.bind + ":" + std::to_string(options_.port) +
                                 " (in use, or not an address of this machine)");
    widen_backlog(port_);
    thread_ = std::thread([this] { server_->listen_after_bind(); });
}

void HttpApi::stop() {
    events_.close();
    if (server_) server_->stop();
    if (thread_.joinable()) thread_.join();
}

std::string HttpApi::address() const { return "http://" + options_.bind + ":" + std::to_string(port_); }

}  // namespace parley::board
