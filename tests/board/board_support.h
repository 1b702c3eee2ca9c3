// Helpers for the classroom server's loopback tests: the shipped content, a server running
// in-process on a free port (any port: the OS picks it) with its own database, a small JSON
// client, and trainees' runs made with the engine (varied, always finished).
#pragma once

#include <chrono>
#include <thread>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "classroom.h"
#include "events.h"
#include "http_api.h"
#include "parley/analysis.h"
#include "parley/loader.h"
#include "parley/transcript.h"
#include "store.h"

namespace parley::board::test {

namespace fs = std::filesystem;
using nlohmann::json;

class TempDir {
public:
    TempDir() {
        static int counter = 0;
        path_ = fs::temp_directory_path() /
                ("parley-board-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    fs::path operator/(const std::string& name) const { return path_ / name; }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

inline std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::shared_ptr<const ContentSet> shipped_content() {
    static const std::shared_ptr<const ContentSet> content = [] {
        Diagnostics diags;
        auto c = load_content(fs::path(PARLEY_SOURCE_DIR) / "scenarios", diags);
        if (!c) throw std::runtime_error("the shipped content does not load");
        return c;
    }();
    return content;
}

inline const char* kScenario = "sme-working-capital";

// The server on loopback with its own database; restart() opens the same database again.
class TestServer {
public:
    explicit TestServer(std::shared_ptr<const ContentSet> content = shipped_content()) : content_(std::move(content)) {
        open();
    }
    ~TestServer() { close(); }

    void open() {
        store_ = std::make_unique<Store>((dir_ / "board.db").string());
        events_ = std::make_unique<EventHub>();
        classroom_ = std::make_unique<Classroom>(content_, *store_, *events_);
        HttpOptions o;
        o.port = fixed_port_;
        api_ = std::make_unique<HttpApi>(*classroom_, *events_, o);
        api_->start();
    }
    void close() {
        api_.reset();
        classroom_.reset();
        events_.reset();
        store_.reset();
    }
    void restart() {
        close();
        open();
    }
    // Down for a while (clients cannot reach it), then back on the same port and database.
    void stop_serving() {
        fixed_port_ = api_->port();
        close();
    }
    void serve_again() { open(); }

    httplib::Client client() const {
        httplib::Client c("127.0.0.1", api_->port());
        c.set_read_timeout(30, 0);
        return c;
    }
    const std::string& trainer() const { return classroom_->trainer_token(); }
    Classroom& classroom() { return *classroom_; }
    Store& store() { return *store_; }
    EventHub& events() { return *events_; }
    int port() const { return api_->port(); }
    fs::path db() const { return dir_ / "board.db"; }

private:
    TempDir dir_;
    std::shared_ptr<const ContentSet> content_;
    std::unique_ptr<Store> store_;
    std::unique_ptr<EventHub> events_;
    std::unique_ptr<Classroom> classroom_;
    std::unique_ptr<HttpApi> api_;
    int fixed_port_ = 0;
};

struct Reply {
    int status = 0;   // 0: no connection
    json body;
    std::string text;
};

inline Reply finish(const httplib::Result& r) {
    Reply out;
    if (!r) return out;
    out.status = r->status;
    out.text = r->body;
    out.body = json::parse(r->body, nullptr, false);
    return out;
}

inline httplib::Headers auth(const std::string& token) {
    if (token.empty()) return {};
    return {{"Authorization", "Bearer " + token}};
}

// A request that never reached the server (no connection: status 0, e.g. a full listen backlog
// when 30 clients connect at once under a sanitizer) is sent again, as the player's outbox does;
// any answer the server gave is returned as it is.
inline Reply post(httplib::Client& c, const std::string& path, const std::string& body, const std::string& token = "") {
    Reply r;
    for (int attempt = 0; attempt < 5; ++attempt) {
        r = finish(c.Post(path.c_str(), auth(token), body, "application/json"));
        if (r.status != 0) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(200 * (attempt + 1)));
    }
    return r;
}
inline Reply post(httplib::Client& c, const std::string& path, const json& body, const std::string& token = "") {
    return post(c, path, body.dump(), token);
}
inline Reply get(httplib::Client& c, const std::string& path, const std::string& token = "") {
    return finish(c.Get(path.c_str(), auth(token)));
}

inline json session_body(const std::string& persona = "analytical", std::uint64_t seed = 1) {
    return {{"scenario", kScenario}, {"persona", persona}, {"seed", seed}, {"difficulty", "normal"}};
}

// A finished run that differs with `variant`: at each decision it takes the candidate picked by
// a simple hash of (variant, step); refused moves are skipped. Variant 0 is the analysis' best run.
inline Transcript varied_run(const std::shared_ptr<const ContentSet>& content, unsigned variant,
                             const std::string& persona = "analytical", std::uint64_t seed = 1) {
    const auto scenario = content->scenario(kScenario);
    Session s(content, scenario, persona, seed, Difficulty::Normal);
    if (variant == 0) {
        const auto best = analyze(content, scenario, persona, seed, Difficulty::Normal);
        for (const auto& d : best.best->choices) s.decide(d);
        return transcript_of(s);
    }
    unsigned step = 0;
    while (!s.finished() && step < 400) {
        const auto candidates = candidate_decisions(s);
        bool moved = false;
        for (std::size_t k = 0; k < candidates.size() && !moved; ++k) {
            unsigned h = (variant * 0x9E3779B1u) ^ (step * 0x85EBCA6Bu);
            h ^= h >> 13;
            h *= 0xC2B2AE35u;
            h ^= h >> 16;
            const std::size_t pick = (h + k) % candidates.size();
            moved = !s.decide(candidates[pick]);
        }
        if (!moved) break;
        ++step;
    }
    return transcript_of(s);
}

}  // namespace parley::board::test
