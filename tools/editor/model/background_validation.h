// The validator behind the problems panel, run on its own thread so that a frame never waits
// for it: the window asks for the model of each new revision and shows the newest result as
// soon as it is there (with a "checking…" mark while the shown one is older than the model).
// A newer request replaces one not yet started; a result says which revision it is for.
//
// The analysis' worker and this one differ in priority: validation is what the trainer waits
// for after an edit, so it runs at the window's priority; the analysis runs at the lowest
// (worker_priority.h) and never takes a core from a frame.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "parley/model.h"
#include "problems.h"

namespace parley::editor {

struct ValidationResult {
    std::uint64_t revision = 0;
    std::shared_ptr<const Scenario> scenario;   // the model it judged (the analysis takes it)
    Validation validation;
};

class BackgroundValidation {
public:
    BackgroundValidation();
    ~BackgroundValidation();
    BackgroundValidation(const BackgroundValidation&) = delete;
    BackgroundValidation& operator=(const BackgroundValidation&) = delete;

    // `node_versions` and `header_version` (Document's) let the validator write again only the
    // nodes that changed; without them it writes the whole model.
    void request(std::shared_ptr<const ContentSet> shared, std::shared_ptr<const Scenario> scenario,
                 std::uint64_t revision, std::vector<std::uint64_t> node_versions = {},
                 std::uint64_t header_version = 0);
    std::shared_ptr<const ValidationResult> latest() const;
    bool busy() const;
    // Blocks until nothing is pending or running (tests, screenshots).
    void wait_idle() const;

private:
    void loop();
    struct Request {
        std::shared_ptr<const ContentSet> shared;
        std::shared_ptr<const Scenario> scenario;
        std::uint64_t revision = 0;
        std::vector<std::uint64_t> node_versions;
        std::uint64_t header_version = 0;
    };
    CanonicalCache canonical_;   // the worker's own
    mutable std::mutex mutex_;
    mutable std::condition_variable wake_, idle_;
    std::optional<Request> pending_;
    bool running_ = false, freeing_ = false, stop_ = false;
    std::shared_ptr<const ValidationResult> latest_;
    std::thread worker_;
};

}  // namespace parley::editor
