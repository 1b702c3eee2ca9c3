#include "guess_limit.h"

namespace parley::board {

void GuessLimit::forget_old(std::deque<Clock::time_point>& tries, Clock::time_point now) const {
    while (!tries.empty() && now - tries.front() >= window_) tries.pop_front();
}

int GuessLimit::wait_seconds(const std::string& who, Clock::time_point now) {
    if (tracked_.load(std::memory_order_acquire) == 0) return 0;
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = wrong_.find(who);
    if (it == wrong_.end()) return 0;
    forget_old(it->second, now);
    if (it->second.empty()) {
        wrong_.erase(it);
        tracked_.store(wrong_.size(), std::memory_order_release);
        return 0;
    }
    if (static_cast<int>(it->second.size()) < max_wrong_) return 0;
    const auto free_at = it->second.front() + window_;
    return static_cast<int>(std::chrono::ceil<std::chrono::seconds>(free_at - now).count());
}

void GuessLimit::wrong_code(const std::string& who, Clock::time_point now) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& tries = wrong_[who];
    forget_old(tries, now);
    tries.push_back(now);
    if (wrong_.size() > 100000) wrong_.clear();   // bounded memory under a flood of addresses
    tracked_.store(wrong_.size(), std::memory_order_release);
}

}  // namespace parley::board
