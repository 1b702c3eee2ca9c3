// SQLite progress store (Debian's libsqlite3, C API).
//
// Contents
//   1. Data directory
//   2. Opening and schema
//   3. Runs
//   4. The run in progress
//   5. Settings
#include "progress_store.h"

#include <sqlite3.h>

#include <chrono>
#include <cstdlib>
#include <system_error>

#include <nlohmann/json.hpp>

#include "parley/loader.h"   // user_data_dir

namespace parley::player {

namespace fs = std::filesystem;

// ============================================================================
// 1. Data directory
// ============================================================================

fs::path default_data_dir() {
    if (auto dir = user_data_dir()) return *dir;   // $XDG_DATA_HOME/parley, ~/.local/share/parley
    return fs::current_path() / ".parley";
}

namespace {

// A prepared statement that finalizes itself.
class Statement {
public:
    Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    explicit operator bool() const { return stmt_ != nullptr; }
    sqlite3_stmt* get() const { return stmt_; }
    void bind(int i, const std::string& s) { sqlite3_bind_text(stmt_, i, s.c_str(), static_cast<int>(s.size()), SQLITE_TRANSIENT); }
    void bind(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
    bool step_row() { return sqlite3_step(stmt_) == SQLITE_ROW; }
    bool run() { return sqlite3_step(stmt_) == SQLITE_DONE; }
    std::string text(int col) const {
        const auto* p = sqlite3_column_text(stmt_, col);
        return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
                 : std::string();
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }

private:
    sqlite3_stmt* stmt_ = nullptr;
};

std::int64_t now_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace

// ============================================================================
// 2. Opening and schema
// ============================================================================

ProgressStore::ProgressStore(const fs::path& dir) : dir_(dir) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) {
        error_ = "cannot create the data folder " + dir.string() + ": " + ec.message();
        return;
    }
    const fs::path file = dir / "progress.sqlite";
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        error_ = "cannot open " + file.string() + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory");
        sqlite3_close(db_);
        db_ = nullptr;
        return;
    }
    sqlite3_busy_timeout(db_, 2000);
    const bool ok = exec("PRAGMA journal_mode=WAL;") && exec("PRAGMA synchronous=NORMAL;") &&
                    exec("CREATE TABLE IF NOT EXISTS runs("
                         " id INTEGER PRIMARY KEY AUTOINCREMENT, finished_at INTEGER NOT NULL,"
                         " scenario TEXT NOT NULL, persona TEXT NOT NULL, difficulty TEXT NOT NULL,"
                         " seed INTEGER NOT NULL, total INTEGER NOT NULL, stars INTEGER NOT NULL,"
                         " tier TEXT NOT NULL, outcome TEXT NOT NULL, xp INTEGER NOT NULL,"
                         " competencies TEXT NOT NULL, badges TEXT NOT NULL, transcript TEXT NOT NULL);") &&
                    exec("CREATE TABLE IF NOT EXISTS current_run("
                         " slot INTEGER PRIMARY KEY CHECK (slot = 1), transcript TEXT NOT NULL,"
                         " prep TEXT NOT NULL, updated_at INTEGER NOT NULL);") &&
                    exec("CREATE TABLE IF NOT EXISTS settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);") &&
                    migrate();
    if (!ok) {
        sqlite3_close(db_);
        db_ = nullptr;
        return;
    }
    load_runs();
}

// Columns added after the first release: a store written by an older player gains them, its
// runs keep their values (not practice).
bool ProgressStore::migrate() {
    if (Statement probe(db_, "SELECT practice FROM runs LIMIT 0;"); probe) return true;
    return exec("ALTER TABLE runs ADD COLUMN practice INTEGER NOT NULL DEFAULT 0;");
}

ProgressStore::~ProgressStore() {
    if (db_) sqlite3_close(db_);
}

bool ProgressStore::exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        error_ = std::string("progress store: ") + (message ? message : "error");
        sqlite3_free(message);
        return false;
    }
    return true;
}

// ============================================================================
// 3. Runs
// ============================================================================

void ProgressStore::load_runs() {
    runs_.clear();
    Statement q(db_,
                "SELECT id, finished_at, scenario, persona, difficulty, seed, total, stars, tier, outcome, xp,"
                " competencies, badges, transcript, practice FROM runs ORDER BY finished_at, id;");
    if (!q) return;
    while (q.step_row()) {
        RunRecord r;
        r.id = q.integer(0);
        r.finished_at = q.integer(1);
        r.scenario = q.text(2);
        r.persona = q.text(3);
        r.difficulty = q.text(4);
        r.seed = static_cast<std::uint64_t>(q.integer(5));
        r.total = static_cast<int>(q.integer(6));
        r.stars = static_cast<int>(q.integer(7));
        r.tier = q.text(8);
        r.outcome = q.text(9);
        r.xp = static_cast<int>(q.integer(10));
        // Blobs are our own JSON; a damaged one loses its details, never the run.
        const auto comps = nlohmann::json::parse(q.text(11), nullptr, false);
        if (comps.is_object())
            for (const auto& [k, v] : comps.items())
                if (v.is_number_integer()) r.competencies[k] = v.get<int>();
        const auto badges = nlohmann::json::parse(q.text(12), nullptr, false);
        if (badges.is_array())
            for (const auto& b : badges)
                if (b.is_string()) r.badges.push_back(b.get<std::string>());
        r.transcript = q.text(13);
        r.practice = q.integer(14) != 0;
        runs_.push_back(std::move(r));
    }
}

std::int64_t ProgressStore::add_run(const RunRecord& in) {
    RunRecord r = in;
    if (r.finished_at == 0) r.finished_at = now_seconds();
    if (db_) {
        Statement q(db_,
                    "INSERT INTO runs(finished_at, scenario, persona, difficulty, seed, total, stars, tier, outcome,"
                    " xp, competencies, badges, transcript, practice) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?);");
        if (q) {
            q.bind(1, r.finished_at);
            q.bind(2, r.scenario);
            q.bind(3, r.persona);
            q.bind(4, r.difficulty);
            q.bind(5, static_cast<std::int64_t>(r.seed));
            q.bind(6, static_cast<std::int64_t>(r.total));
            q.bind(7, static_cast<std::int64_t>(r.stars));
            q.bind(8, r.tier);
            q.bind(9, r.outcome);
            q.bind(10, static_cast<std::int64_t>(r.xp));
            q.bind(11, nlohmann::json(r.competencies).dump());
            q.bind(12, nlohmann::json(r.badges).dump());
            q.bind(13, r.transcript);
            q.bind(14, static_cast<std::int64_t>(r.practice ? 1 : 0));
            if (q.run()) r.id = sqlite3_last_insert_rowid(db_);
            else error_ = std::string("progress store: ") + sqlite3_errmsg(db_);
        }
    }
    runs_.push_back(r);
    return r.id;
}

// ============================================================================
// 4. The run in progress
// ============================================================================

void ProgressStore::save_current(const SavedRun& run) {
    if (!db_) return;
    Statement q(db_, "INSERT OR REPLACE INTO current_run(slot, transcript, prep, updated_at) VALUES(1, ?, ?, ?);");
    if (!q) return;
    q.bind(1, run.transcript);
    q.bind(2, run.prep);
    q.bind(3, run.updated_at ? run.updated_at : now_seconds());
    if (!q.run()) error_ = std::string("progress store: ") + sqlite3_errmsg(db_);
}

std::optional<SavedRun> ProgressStore::current() const {
    if (!db_) return std::nullopt;
    Statement q(db_, "SELECT transcript, prep, updated_at FROM current_run WHERE slot = 1;");
    if (!q || !q.step_row()) return std::nullopt;
    return SavedRun{q.text(0), q.text(1), q.integer(2)};
}

void ProgressStore::clear_current() {
    if (db_) exec("DELETE FROM current_run;");
}

// ============================================================================
// 5. Settings
// ============================================================================

std::optional<std::string> ProgressStore::setting(const std::string& key) const {
    if (!db_) return std::nullopt;
    Statement q(db_, "SELECT value FROM settings WHERE key = ?;");
    if (!q) return std::nullopt;
    q.bind(1, key);
    if (!q.step_row()) return std::nullopt;
    return q.text(0);
}

void ProgressStore::set_setting(const std::string& key, const std::string& value) {
    if (!db_) return;
    Statement q(db_, "INSERT OR REPLACE INTO settings(key, value) VALUES(?, ?);");
    if (!q) return;
    q.bind(1, key);
    q.bind(2, value);
    q.run();
}

}  // namespace parley::player
