// Live updates of the classroom sessions, for server-sent events and the projector board: each
// change is an event with a server-wide increasing id, kept per session (the latest few hundred)
// so that a client reconnecting with Last-Event-ID misses nothing recent.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace parley::board {

struct Event {
    std::uint64_t id = 0;
    std::string type;   // joined, progress, result, state, removed, code
    std::string data;   // JSON text
};

class EventHub {
public:
    void publish(std::int64_t session, std::string type, std::string data);
    // Events of `session` after `after`, waiting up to `timeout` for one when there is none.
    // Returns nothing on timeout or when the hub closes.
    std::vector<Event> wait(std::int64_t session, std::uint64_t after, std::chrono::milliseconds timeout);
    std::uint64_t last_id(std::int64_t session) const;
    void close();   // wakes every waiter (server shutdown)
    bool closed() const;

private:
    static constexpr std::size_t kKept = 512;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::map<std::int64_t, std::deque<Event>> events_;
    std::uint64_t next_id_ = 1;
    bool closed_ = false;
};

}  // namespace parley::board
