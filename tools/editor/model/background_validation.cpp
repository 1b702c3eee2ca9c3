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
                                   std::uint64_t revision, std::vector<std::uint64_t> node_versions,
                                   std::uint64_t header_version) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        pending_ = Request{std::move(shared), std::move(scenario), revision, std::move(node_versions), header_version};
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
    idle_.wait(lock, [&] { return !running_ && !freeing_ && !pending_; });
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
        std::shared_ptr<const Scenario> draft;   // freed after the verdict is out
        if (job.node_versions.empty()) {
            result->validation = validate_model(*job.scenario, *job.shared);
        } else {
            const std::string text = canonical_.text(*job.scenario, job.node_versions, job.header_version);
            result->validation = validate_text(text, *job.scenario, *job.shared, &draft, canonical_.document());
        }
        result->scenario = std::move(job.scenario);
        lock.lock();
        latest_ = std::move(result);
        running_ = false;
        freeing_ = true;
        lock.unlock();
        draft.reset();
        job = {};
        lock.lock();
        freeing_ = false;
        if (!pending_) idle_.notify_all();
    }
}

}  // namespace parley::editor
