#include "class_link.h"

#include <cctype>

namespace parley::player {

std::string normalise_server(std::string address) {
    while (!address.empty() && std::isspace(static_cast<unsigned char>(address.back()))) address.pop_back();
    std::size_t start = 0;
    while (start < address.size() && std::isspace(static_cast<unsigned char>(address[start]))) ++start;
    address.erase(0, start);
    while (!address.empty() && address.back() == '/') address.pop_back();
    if (!address.empty() && address.find("://") == std::string::npos) address = "http://" + address;
    return address;
}

ClassLink::ClassLink(std::filesystem::path data_dir) : client_(std::move(data_dir)) {
    state_.queued = client_.queued();
    worker_ = std::thread([this] { loop(); });
}

ClassLink::~ClassLink() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
        jobs_.clear();
    }
    wake_.notify_all();
    worker_.join();
}

void ClassLink::post(std::function<void()> job) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        jobs_.push_back(std::move(job));
        state_.busy = true;
    }
    wake_.notify_one();
}

void ClassLink::loop() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
            if (stop_) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
            running_ = true;
        }
        try {
            job();
        } catch (const std::exception& e) {
            // A disk error (the memberships file, the outbox): the request in flight fails with
            // the reason shown where its answer would be; nothing waits for it any longer.
            std::lock_guard<std::mutex> lock(mutex_);
            if (state_.join == Join::Joining) {
                state_.join = Join::Failed;
                state_.join_reply = {};
                state_.join_reply.reached = true;
                state_.join_reply.error = e.what();
            }
            if (state_.submit == Submit::Sending) {
                state_.submit = Submit::Refused;
                state_.submitted = {};
                state_.submitted.reply.reached = true;
                state_.submitted.reply.error = e.what();
            }
            state_.flushing = false;
        }
        std::lock_guard<std::mutex> lock(mutex_);
        running_ = false;
        state_.busy = !jobs_.empty();
    }
}

void ClassLink::join(const std::string& server, const std::string& code, const std::string& name) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        state_.join = Join::Joining;
        state_.membership.reset();
        state_.submit = Submit::None;
        state_.progress_sent = 0;
        state_.board = {};
    }
    post([this, server = normalise_server(server), code, name] {
        ClassReply reply;
        auto m = client_.join(server, code, name, reply);
        std::lock_guard<std::mutex> lock(mutex_);
        state_.join_reply = reply;
        state_.membership = m;
        state_.join = m ? Join::Joined : Join::Failed;
        if (m && m->session.value("has_result", false)) state_.submit = Submit::Recorded;
    });
    refresh_board();
}

void ClassLink::progress(const std::vector<std::string>& decisions) {
    post([this, decisions] {
        std::optional<Membership> m;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            m = state_.membership;
        }
        if (!m) return;
        ClassReply r = client_.progress(*m, decisions);
        std::lock_guard<std::mutex> lock(mutex_);
        state_.last_progress = r;
        if (r.ok()) state_.progress_sent = static_cast<int>(decisions.size());
    });
}

void ClassLink::refresh_board() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (board_waiting_ || (!state_.membership && state_.join != Join::Joining)) return;
        board_waiting_ = true;
    }
    post([this] {
        std::optional<Membership> m;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            board_waiting_ = false;
            m = state_.membership;
        }
        if (!m) return;
        ClassReply r = client_.leaderboard(*m);
        std::lock_guard<std::mutex> lock(mutex_);
        // A failed refresh keeps the last board shown (the rank chip does not flicker away).
        if (r.ok() || !state_.board.ok()) state_.board = r;
        state_.board_stale = !r.ok() && state_.board.ok();
        ++state_.board_version;
    });
}

void ClassLink::submit(const Transcript& t) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        state_.submit = Submit::Sending;
    }
    post([this, t] {
        std::optional<Membership> m;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            m = state_.membership;
        }
        if (!m) return;
        SubmitOutcome out = client_.submit(*m, t);
        const std::size_t queued = client_.queued();
        std::lock_guard<std::mutex> lock(mutex_);
        state_.submitted = out;
        state_.queued = queued;
        state_.submit = out.reply.ok() ? Submit::Recorded : out.queued ? Submit::Queued : Submit::Refused;
    });
    refresh_board();
}

void ClassLink::flush() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (state_.flushing) return;
        state_.flushing = true;
    }
    post([this] {
        const int delivered = client_.flush();
        const std::size_t queued = client_.queued();
        std::lock_guard<std::mutex> lock(mutex_);
        state_.flushing = false;
        state_.delivered += delivered;
        state_.queued = queued;
        if (state_.submit == Submit::Queued && queued == 0) state_.submit = Submit::Recorded;
    });
    refresh_board();
}

void ClassLink::leave() {
    std::lock_guard<std::mutex> lock(mutex_);
    state_.join = Join::Idle;
    state_.membership.reset();
    state_.submit = Submit::None;
    state_.board = {};
    state_.progress_sent = 0;
}

ClassLink::State ClassLink::state() const {
    std::lock_guard<std::mutex> lock(mutex_);
    State s = state_;
    s.busy = running_ || !jobs_.empty();
    return s;
}

}  // namespace parley::player
