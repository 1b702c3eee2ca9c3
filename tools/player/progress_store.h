// The trainee's progress, kept locally in SQLite under the user's data directory (XDG):
// finished runs, the run in progress (so it can be left and resumed, across restarts), and
// settings. WAL journaling: a finished run that was acknowledged is never lost.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

struct sqlite3;

namespace parley::player {

// $XDG_DATA_HOME/parley, else ~/.local/share/parley.
std::filesystem::path default_data_dir();

struct RunRecord {
    std::int64_t id = 0;
    std::int64_t finished_at = 0;   // seconds since the epoch
    std::string scenario, persona, difficulty;
    std::uint64_t seed = 0;
    int total = 0, stars = 0;
    std::string tier, outcome;
    int xp = 0;
    std::map<std::string, int> competencies;   // id → 0–100 (assessed ones)
    std::vector<std::string> badges;           // earned in this run
    std::string transcript;                    // JSON
    // A rewound run ("Try from here"): practice — reduced XP, never best stars, unlocks, tier,
    // badges or a classroom (gamification.h). Its transcript carries the rewind mark.
    bool practice = false;
};

// The run in progress: its transcript so far and the preparation lists typed in the briefing.
struct SavedRun {
    std::string transcript;   // JSON
    std::string prep;         // JSON
    std::int64_t updated_at = 0;
};

class ProgressStore {
public:
    // Opens (creating when needed) `dir`/progress.sqlite. On failure ok() is false and the
    // program keeps working without persistence, telling the trainee why.
    explicit ProgressStore(const std::filesystem::path& dir);
    ~ProgressStore();
    ProgressStore(const ProgressStore&) = delete;
    ProgressStore& operator=(const ProgressStore&) = delete;

    bool ok() const { return db_ != nullptr; }
    const std::string& error() const { return error_; }
    const std::filesystem::path& dir() const { return dir_; }

    // Finished runs, oldest first.
    std::int64_t add_run(const RunRecord& r);
    const std::vector<RunRecord>& runs() const { return runs_; }

    void save_current(const SavedRun& run);
    std::optional<SavedRun> current() const;
    void clear_current();

    std::optional<std::string> setting(const std::string& key) const;
    void set_setting(const std::string& key, const std::string& value);

private:
    bool exec(const char* sql);
    bool migrate();
    void load_runs();

    std::filesystem::path dir_;
    sqlite3* db_ = nullptr;
    std::string error_;
    std::vector<RunRecord> runs_;
};

}  // namespace parley::player
