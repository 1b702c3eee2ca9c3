#include "events.h"

namespace parley::board {

void EventHub::publish(std::int64_t session, std::string type, std::string data) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto& q = events_[session];
        q.push_back({next_id_++, std::move(type), std::move(data)});
        if (q.size() > kKept) q.pop_front();
    }
    changed_.notify_all();
}

std::vector<Event> EventHub::wait(std::int64_t session, std::uint64_t after, std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mutex_);
    auto newer = [&] {
        auto it = events_.find(session);
        return it != events_.end() && !it->second.empty() && it->second.back().id > after;
    };
    changed_.wait_for(lock, timeout, [&] { return closed_ || newer(); });
    std::vector<Event> out;
    if (closed_ || !newer()) return out;
    for (const auto& e : events_[session])
        if (e.id > after) out.push_back(e);
    return out;
}

std::uint64_t EventHub::last_id(std::int64_t session) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = events_.find(session);
    return it == events_.end() || it->second.empty() ? 0 : it->second.back().id;
}

void EventHub::close() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        closed_ = true;
    }
    changed_.notify_all();
}

bool EventHub::closed() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return closed_;
}

}  // namespace parley::board
