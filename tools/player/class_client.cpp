#include "class_client.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

#include <httplib.h>

namespace parley::player {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// "http://host:port" → client; nothing for another scheme.
std::optional<httplib::Client> client_for(const std::string& server) {
    if (server.rfind("http://", 0) != 0) return std::nullopt;
    httplib::Client c(server);
    c.set_connection_timeout(3, 0);
    c.set_read_timeout(20, 0);
    return c;
}

ClassReply finish(const httplib::Result& r) {
    ClassReply out;
    if (!r) {
        out.error = "the class server cannot be reached (" + httplib::to_string(r.error()) + ")";
        return out;
    }
    out.reached = true;
    out.status = r->status;
    out.body = json::parse(r->body, nullptr, false);
    if (!out.ok()) out.error = out.body.is_object() ? out.body.value("error", r->body) : r->body;
    return out;
}

ClassReply call(const std::string& server, const std::string& method, const std::string& path, const std::string& body,
                const std::string& token) {
    auto c = client_for(server);
    if (!c) {
        ClassReply r;
        r.error = "the server address must start with http:// (" + server + ")";
        return r;
    }
    httplib::Headers h;
    if (!token.empty()) h.emplace("Authorization", "Bearer " + token);
    return finish(method == "GET" ? c->Get(path.c_str(), h) : c->Post(path.c_str(), h, body, "application/json"));
}

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Written beside, fsynced, renamed over: the file is either the old one or the whole new one.
void write_durably(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    const fs::path tmp = p.string() + ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) throw std::runtime_error("cannot write " + tmp.string());
    const char* at = text.data();
    std::size_t left = text.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, at, left);
        if (n <= 0) {
            ::close(fd);
            throw std::runtime_error("cannot write " + tmp.string());
        }
        at += n;
        left -= static_cast<std::size_t>(n);
    }
    ::fsync(fd);
    ::close(fd);
    fs::rename(tmp, p);
    const int dfd = ::open(p.parent_path().c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

// What in a join answer is not what parley-board sends (empty when it is all there): the screens
// read these fields without checking them again.
std::string join_answer_problem(const json& b) {
    if (!b.is_object()) return "the answer is not a JSON object";
    for (const char* key : {"player_token", "scenario", "persona", "difficulty"})
        if (!b.contains(key) || !b[key].is_string()) return std::string("'") + key + "' is missing or not a string";
    if (!b.contains("player_id") || !b["player_id"].is_number_integer()) return "'player_id' is missing or not an integer";
    if (!b.contains("seed") || !b["seed"].is_number_unsigned()) return "'seed' is missing or not a whole number";
    for (const char* key : {"code", "name"})
        if (b.contains(key) && !b[key].is_string()) return std::string("'") + key + "' is not a string";
    if (b.contains("has_result") && !b["has_result"].is_boolean()) return "'has_result' is not true or false";
    if (b.contains("decisions") && !b["decisions"].is_array()) return "'decisions' is not a list";
    if (!b.contains("rules")) return "";
    const json& rules = b["rules"];
    if (!rules.is_object()) return "'rules' is not an object";
    for (const char* key : {"competencies", "tiers"}) {
        if (!rules.contains(key)) continue;
        if (!rules[key].is_array()) return std::string("'rules.") + key + "' is not a list";
        for (const auto& e : rules[key])
            if (!e.is_object()) return std::string("an entry of 'rules.") + key + "' is not an object";
    }
    return "";
}

// The same for a leaderboard answer: its entries (and the trainee's own row) are objects whose
// name, when given, is text.
std::string leaderboard_answer_problem(const json& b) {
    if (!b.is_object()) return "the answer is not a JSON object";
    if (!b.contains("entries") || !b["entries"].is_array()) return "'entries' is missing or not a list";
    auto row_problem = [](const json& e) -> std::string {
        if (!e.is_object()) return "a row is not an object";
        if (e.contains("name") && !e["name"].is_string()) return "a row's 'name' is not a string";
        if (e.contains("player_id") && !e["player_id"].is_number_integer()) return "a row's 'player_id' is not an integer";
        return "";
    };
    for (const auto& e : b["entries"])
        if (auto p = row_problem(e); !p.empty()) return "'entries': " + p;
    if (b.contains("me") && !b["me"].is_null())
        if (auto p = row_problem(b["me"]); !p.empty()) return "'me': " + p;
    return "";
}

// A 2xx answer whose body is not what parley-board sends becomes a failed reply that says so.
void refuse_if(ClassReply& r, const std::string& server, const std::string& problem) {
    if (!r.ok() || problem.empty()) return;
    r.status = 0;
    r.error = "the answer from " + server + " is not a parley-board class server's: " + problem;
}

std::string key_of(const std::string& server, const std::string& code, const std::string& name) {
    return server + "|" + code + "|" + name;
}

}  // namespace

ClassClient::ClassClient(fs::path data_dir) : dir_(std::move(data_dir) / "class") {}

std::optional<Membership> ClassClient::join(const std::string& server, const std::string& code, const std::string& name,
                                            ClassReply& reply) {
    const fs::path file = dir_ / "memberships.json";
    json all = fs::exists(file) ? json::parse(read_text(file), nullptr, false) : json::object();
    if (!all.is_object()) all = json::object();
    json body = {{"name", name}};
    const std::string key = key_of(server, code, name);
    if (all.contains(key) && all[key].contains("player_token")) body["player_token"] = all[key]["player_token"];
    reply = call(server, "POST", "/api/sessions/" + code + "/join", body.dump(), "");
    if (reply.ok()) refuse_if(reply, server, join_answer_problem(reply.body));
    if (!reply.ok()) return std::nullopt;
    Membership m;
    m.server = server;
    m.code = reply.body.value("code", code);
    m.name = reply.body.value("name", name);
    m.player_token = reply.body["player_token"];
    m.player_id = reply.body["player_id"];
    m.session = reply.body;
    all[key] = {{"player_token", m.player_token}, {"player_id", m.player_id}};
    write_durably(file, all.dump(2));
    return m;
}

ClassReply ClassClient::progress(const Membership& m, const std::vector<std::string>& decisions) {
    return call(m.server, "POST", "/api/sessions/" + m.code + "/progress", json{{"decisions", decisions}}.dump(),
                m.player_token);
}

ClassReply ClassClient::leaderboard(const Membership& m) {
    ClassReply r = call(m.server, "GET", "/api/sessions/" + m.code + "/leaderboard", "", m.player_token);
    if (r.ok()) refuse_if(r, m.server, leaderboard_answer_problem(r.body));
    return r;
}

SubmitOutcome ClassClient::submit(const Membership& m, const Transcript& t) {
    const json entry = {{"server", m.server}, {"code", m.code}, {"token", m.player_token}, {"transcript", to_json(t)}};
    const fs::path file = dir_ / "outbox" / (m.code + "-" + std::to_string(m.player_id) + ".json");
    write_durably(file, entry.dump());   // on disk before it is sent
    SubmitOutcome out;
    out.reply = call(m.server, "POST", "/api/sessions/" + m.code + "/results", to_json(t).dump(), m.player_token);
    if (out.reply.ok() || (out.reply.reached && out.reply.status >= 400 && out.reply.status < 500)) {
        if (!out.reply.ok()) write_durably(dir_ / "refused" / file.filename(), json{{"entry", entry}, {"error", out.reply.error}}.dump());
        fs::remove(file);
    } else {
        out.queued = true;
        out.reply.error += ": your result is kept on this machine and will be sent when the server can be reached";
    }
    return out;
}

namespace {
constexpr const char* kEntryText[] = {"server", "code", "token"};   // an outbox entry's text fields
}  // namespace

int ClassClient::flush() {
    int delivered = 0;
    const fs::path outbox = dir_ / "outbox";
    if (!fs::exists(outbox)) return 0;
    for (const auto& f : fs::directory_iterator(outbox)) {
        if (f.path().extension() != ".json") continue;
        const json entry = json::parse(read_text(f.path()), nullptr, false);
        // A file that is not a whole entry is left where it is (nothing is deleted unread).
        const bool whole = entry.is_object() && entry.contains("transcript") &&
                           std::all_of(std::begin(kEntryText), std::end(kEntryText), [&](const char* key) {
                               return entry.contains(key) && entry[key].is_string();
                           });
        if (!whole) continue;
        const ClassReply r = call(entry["server"], "POST", "/api/sessions/" + entry["code"].get<std::string>() + "/results",
                                  entry["transcript"].dump(), entry["token"]);
        if (r.ok()) {
            ++delivered;
            fs::remove(f.path());
        } else if (r.reached && r.status >= 400 && r.status < 500) {
            write_durably(dir_ / "refused" / f.path().filename(), json{{"entry", entry}, {"error", r.error}}.dump());
            fs::remove(f.path());
        }
    }
    return delivered;
}

std::size_t ClassClient::queued() const {
    const fs::path outbox = dir_ / "outbox";
    if (!fs::exists(outbox)) return 0;
    std::size_t n = 0;
    for (const auto& f : fs::directory_iterator(outbox)) n += f.path().extension() == ".json" ? 1 : 0;
    return n;
}

}  // namespace parley::player
