#include "background_validation.h"

namespace parley::editor {

BackgroundValidation::BackgroundValidation() : worker_([this] { loop(); }) {}

BackgroundValidation::~BackgroundValidation() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
        pending_.reset();
    }
    wake_.notify_all();
    worker_.join();
}

void BackgroundValidation::request(std::shared_ptr<const ContentSet> shared, std::shared_ptr<const Scenario> scenario,
                                   std::uint64_t revision) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        pending_ = Request{std::move(shared), std::move(scenario), revision};
    }
    wake_.notify_all();
}

std::shared_ptr<const ValidationResult> BackgroundValidation::latest() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return latest_;
}

bool BackgroundValidation::busy() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return running_ || pending_;
}

void BackgroundValidation::wait_idle() const {
    std::unique_lock<std::mutex> lock(mutex_);
    idle_.wait(lock, [&] { return !running_ && !pending_; });
}

void BackgroundValidation::loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        wake_.wait(lock, [&] { return stop_ || pending_; });
        if (stop_) return;
        Request job = std::move(*pending_);
        pending_.reset();
        running_ = true;
        lock.unlock();
        auto result = std::make_shared<ValidationResult>();
        result->revision = job.revision;
        result->validation = validate_model(*job.scenario, *job.shared);
        result->scenario = std::move(job.scenario);
        lock.lock();
        running_ = false;
        latest_ = std::move(result);
        if (!pending_) idle_.notify_all();
    }
}

}  // namespace parley::editor
