// "Join class" without blocking a frame: every request of the ClassClient runs, in order, on one
// worker thread; the screens queue requests and read what came back (a snapshot) each frame.
//
//   ClassLink link(data_dir);
//   link.join("http://10.0.0.5:8080", "123456", "王芳");
//   ... each frame: const ClassLink::State st = link.state();
//
// The outbox is the ClassClient's: a result that cannot be delivered stays on disk, flush()
// sends it later (on the next start, on Retry, or on a timer while the class board is shown).
#pragma once

#include <condition_variable>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "class_client.h"

namespace parley::player {

// Adds http:// to an address typed without a scheme ("10.0.0.5:8080"); trims spaces.
std::string normalise_server(std::string address);

class ClassLink {
public:
    enum class Join { Idle, Joining, Joined, Failed };
    enum class Submit { None, Sending, Recorded, Queued, Refused };

    struct State {
        Join join = Join::Idle;
        ClassReply join_reply;                 // the last join's answer (errors included)
        std::optional<Membership> membership;  // once joined
        ClassReply board;                      // the last leaderboard answer
        int board_version = 0;                 // counts leaderboard requests answered or failed
        bool board_stale = false;              // the last refresh failed: `board` is an older one
        ClassReply last_progress;              // the last progress answer
        int progress_sent = 0;                 // decisions the server has acknowledged
        Submit submit = Submit::None;
        SubmitOutcome submitted;               // the submission's answer (the server's result)
        std::size_t queued = 0;                // results waiting on disk
        int delivered = 0;                     // results the outbox delivered later
        bool flushing = false;
        bool busy = false;                     // a request is queued or running
    };

    explicit ClassLink(std::filesystem::path data_dir);
    ~ClassLink();   // waits for the request in flight (connection timeouts are short), drops the rest
    ClassLink(const ClassLink&) = delete;
    ClassLink& operator=(const ClassLink&) = delete;

    void join(const std::string& server, const std::string& code, const std::string& name);
    void progress(const std::vector<std::string>& decisions);
    // Coalesced: a refresh already waiting is not queued twice.
    void refresh_board();
    void submit(const Transcript& t);
    void flush();
    void leave();   // forgets the membership (back to the join form); the outbox stays

    State state() const;

private:
    void post(std::function<void()> job);
    void loop();

    ClassClient client_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> jobs_;
    bool stop_ = false;
    bool running_ = false;
    bool board_waiting_ = false;
    State state_;
    std::thread worker_;   // last: started once everything above exists
};

}  // namespace parley::player
