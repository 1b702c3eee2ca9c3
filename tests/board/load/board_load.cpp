// board_load: the load benchmark of parley-board (not a test; figures go to README). Against a
// running server it joins CONNECTIONS × PER trainees spread over CONNECTIONS sessions, then
// CONNECTIONS threads, each on its own keep-alive connection, submit every trainee's finished
// transcript (server-side replay, shared analysis, durable commit) and time each request.
// Prints rate and latency percentiles, and writes one session's public leaderboard (the JSON
// nginx serves as the static baseline) with its URL.
//
// RATE 0 (the default) is closed loop: each connection sends its next submission as soon as
// the last is answered, so the rate is the most the server sustains and the latency is mostly
// queueing (100 connections at R per second wait about 100/R s each). RATE > 0 is open loop:
// submissions are sent on a fixed schedule, RATE per second over all connections, and each
// latency is measured from the moment it was due (a late send counts as waiting), which is what
// a class of trainees submitting at that rate sees. RUNS is how many different finished
// transcripts the trainees submit (they are shared out in turn).
//
// With SERVER_PID set in the environment (run_load.sh sets it), it also prints the server's CPU
// time (user + system, from /proc) per submission: what a submission costs, whatever else the
// machine is doing at the time.
//
//   board_load URL TRAINER_TOKEN CONTENT_DIR OUT_DIR [CONNECTIONS=100] [PER=50] [RATE=0] [RUNS=64]
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <thread>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "parley/analysis.h"
#include "parley/loader.h"
#include "parley/transcript.h"

using namespace parley;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

Transcript varied(const std::shared_ptr<const ContentSet>& content, unsigned variant) {
    Session s(content, content->scenario("sme-working-capital"), "analytical", 1, Difficulty::Normal);
    unsigned step = 0;
    while (!s.finished() && step < 400) {
        const auto c = candidate_decisions(s);
        bool moved = false;
        for (std::size_t k = 0; k < c.size() && !moved; ++k) {
            unsigned h = (variant * 0x9E3779B1u) ^ (step * 0x85EBCA6Bu);
            h ^= h >> 13;
            h *= 0xC2B2AE35u;
            h ^= h >> 16;
            moved = !s.decide(c[(h + k) % c.size()]);
        }
        if (!moved) break;
        ++step;
    }
    return transcript_of(s);
}

// User + system CPU seconds of process `pid` so far (from /proc; nothing when it cannot be read).
std::optional<double> cpu_seconds(const char* pid) {
    if (!pid || !*pid) return std::nullopt;
    std::ifstream in(std::string("/proc/") + pid + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = stat.rfind(')');   // the command name may hold spaces
    if (close == std::string::npos) return std::nullopt;
    std::istringstream fields(stat.substr(close + 2));
    std::string f;
    double utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> f; ++i) {
        if (i == 14) utime = std::stod(f);
        if (i == 15) stime = std::stod(f);
    }
    return (utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 5) {
        std::cerr << "usage: board_load URL TRAINER_TOKEN CONTENT_DIR OUT_DIR [CONNECTIONS] [PER]\n";
        return 2;
    }
    const std::string url = argv[1], trainer = argv[2];
    const std::string out_dir = argv[4];
    const int connections = argc > 5 ? std::atoi(argv[5]) : 100;
    const int per = argc > 6 ? std::atoi(argv[6]) : 50;
    const double rate = argc > 7 ? std::atof(argv[7]) : 0.0;
    const unsigned run_count = argc > 8 ? static_cast<unsigned>(std::max(1, std::atoi(argv[8]))) : 64u;
    Diagnostics diags;
    const auto content = load_content(argv[3], diags);
    if (!content) return 1;
    std::vector<std::string> runs;
    for (unsigned v = 1; v <= run_count; ++v) runs.push_back(to_json(varied(content, v)).dump());
    {
        std::vector<std::string> distinct = runs;
        std::sort(distinct.begin(), distinct.end());
        std::cout << "transcripts: " << runs.size() << " generated, "
                  << std::unique(distinct.begin(), distinct.end()) - distinct.begin() << " distinct\n";
    }

    const httplib::Headers as_trainer = {{"Authorization", "Bearer " + trainer}};
    std::vector<std::string> codes(static_cast<std::size_t>(connections));
    std::vector<std::vector<std::string>> tokens(static_cast<std::size_t>(connections));
    {
        httplib::Client c(url);
        for (int s = 0; s < connections; ++s) {
            auto r = c.Post("/api/sessions", as_trainer,
                            R"({"scenario":"sme-working-capital","persona":"analytical","seed":1,"difficulty":"normal"})",
                            "application/json");
            if (!r || r->status != 201) {
                std::cerr << "cannot create a session\n";
                return 1;
            }
            codes[static_cast<std::size_t>(s)] = json::parse(r->body)["code"];
        }
    }
    const auto join_start = Clock::now();
    {
        std::vector<std::thread> threads;
        for (int s = 0; s < connections; ++s)
            threads.emplace_back([&, s] {
                httplib::Client c(url);
                for (int i = 0; i < per; ++i) {
                    auto r = c.Post(("/api/sessions/" + codes[static_cast<std::size_t>(s)] + "/join").c_str(),
                                    json{{"name", "学员" + std::to_string(s) + "-" + std::to_string(i)}}.dump(),
                                    "application/json");
                    if (r && r->status == 200)
                        tokens[static_cast<std::size_t>(s)].push_back(json::parse(r->body)["player_token"]);
                }
            });
        for (auto& t : threads) t.join();
    }
    const double join_s = std::chrono::duration<double>(Clock::now() - join_start).count();

    std::vector<std::vector<double>> latencies(static_cast<std::size_t>(connections));
    std::atomic<int> failures{0};
    const char* server_pid = std::getenv("SERVER_PID");
    const auto cpu_before = cpu_seconds(server_pid);
    const auto start = Clock::now();
    {
        std::vector<std::thread> threads;
        for (int s = 0; s < connections; ++s)
            threads.emplace_back([&, s] {
                httplib::Client c(url);
                c.set_keep_alive(true);
                c.set_tcp_nodelay(true);
                const auto& mine = tokens[static_cast<std::size_t>(s)];
                for (std::size_t i = 0; i < mine.size(); ++i) {
                    auto t0 = Clock::now();
                    if (rate > 0) {   // open loop: due at its place in the schedule
                        const double due_s = (static_cast<double>(i) * connections + s) / rate;
                        t0 = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(due_s));
                        std::this_thread::sleep_until(t0);
                    }
                    auto r = c.Post(("/api/sessions/" + codes[static_cast<std::size_t>(s)] + "/results").c_str(),
                                    {{"Authorization", "Bearer " + mine[i]}},
                                    runs[(static_cast<std::size_t>(s) * static_cast<std::size_t>(per) + i) % runs.size()],
                                    "application/json");
                    latencies[static_cast<std::size_t>(s)].push_back(
                        std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
                    if (!r || r->status != 200) ++failures;
                }
            });
        for (auto& t : threads) t.join();
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const auto cpu_after = cpu_seconds(server_pid);
    std::vector<double> all;
    for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
    std::sort(all.begin(), all.end());
    auto pct = [&](double p) { return all.empty() ? 0.0 : all[std::min(all.size() - 1, static_cast<std::size_t>(p * all.size()))]; };
    std::cout << "joins: " << connections * per << " in " << join_s << " s\n"
              << "results: " << all.size() << " submitted over " << connections << " connections ("
              << (rate > 0 ? "open loop at " + std::to_string(static_cast<long>(rate)) + " per second" : std::string("closed loop"))
              << ") in " << seconds
              << " s = " << static_cast<long>(all.size() / seconds) << " per second; failures " << failures << "\n"
              << "latency ms: p50 " << pct(0.50) << "  p90 " << pct(0.90) << "  p99 " << pct(0.99) << "  max "
              << (all.empty() ? 0 : all.back()) << "\n";
    if (cpu_before && cpu_after && !all.empty())
        std::cout << "server CPU: " << (*cpu_after - *cpu_before) * 1000.0 / static_cast<double>(all.size())
                  << " ms per result (user + system, " << (*cpu_after - *cpu_before) << " s over " << seconds
                  << " s)\n";

    httplib::Client c(url);
    auto lb = c.Get(("/api/sessions/" + codes[0] + "/leaderboard").c_str());
    std::ofstream(out_dir + "/leaderboard.json", std::ios::binary) << (lb ? lb->body : "");
    std::ofstream(out_dir + "/leaderboard.url") << url << "/api/sessions/" << codes[0] << "/leaderboard\n";
    return failures == 0 ? 0 : 1;
}
