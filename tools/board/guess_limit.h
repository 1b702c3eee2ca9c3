// Join-code guessing: an address that tries too many codes that do not exist is refused for a
// while. Six digits are a million codes; ten wrong tries a minute per address makes finding a
// class by guessing take days.
#pragma once

#include <atomic>
#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace parley::board {

class GuessLimit {
public:
    using Clock = std::chrono::steady_clock;
    explicit GuessLimit(int max_wrong = 10, std::chrono::seconds window = std::chrono::seconds(60))
        : max_wrong_(max_wrong), window_(window) {}

    // Seconds before `who` may try again; 0 when it may now.
    int wait_seconds(const std::string& who, Clock::time_point now = Clock::now());
    void wrong_code(const std::string& who, Clock::time_point now = Clock::now());

private:
    void forget_old(std::deque<Clock::time_point>& tries, Clock::time_point now) const;
    int max_wrong_;
    std::chrono::seconds window_;
    std::mutex mutex_;
    std::map<std::string, std::deque<Clock::time_point>> wrong_;
    // wrong_.size(), read without the lock: every request under a join code asks, and almost
    // always no address has a wrong try to remember.
    std::atomic<std::size_t> tracked_{0};
};

}  // namespace parley::board
