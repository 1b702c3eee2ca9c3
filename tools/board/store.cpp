// Contents: 1. schema and statements  2. loading  3. writes  4. the group-commit writer
#include "store.h"

#include <sqlite3.h>

namespace parley::board {

// ============================================================================
// 1. Schema and statements
// ============================================================================

namespace {

const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
  id INTEGER PRIMARY KEY, code TEXT NOT NULL, scenario TEXT NOT NULL, persona TEXT NOT NULL,
  seed TEXT NOT NULL, difficulty TEXT NOT NULL, late_join INTEGER NOT NULL, state TEXT NOT NULL,
  run_hash TEXT NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS codes (code TEXT PRIMARY KEY, session_id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS players (
  id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL, name TEXT NOT NULL, token TEXT NOT NULL,
  joined_at INTEGER NOT NULL, decisions TEXT NOT NULL, removed TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS results (
  player_id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL, transcript TEXT NOT NULL,
  report TEXT NOT NULL, summary TEXT NOT NULL, lang TEXT NOT NULL, submitted_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS bans (session_id INTEGER NOT NULL, name_key TEXT NOT NULL,
  PRIMARY KEY (session_id, name_key));
)sql";

std::string column_text(sqlite3_stmt* st, int i) {
    const auto* p = sqlite3_column_text(st, i);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(st, i)))
             : std::string();
}

// Bound without a copy: a write's row outlives its statement's run (Store::commit waits for it,
// and run() clears the bindings after the step).
void bind_value(sqlite3_stmt* st, int i, const std::string& v) {
    sqlite3_bind_text(st, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
}
// A temporary (std::to_string(…)) dies before the step: SQLite keeps a copy of it.
void bind_value(sqlite3_stmt* st, int i, std::string&& v) {
    sqlite3_bind_text(st, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}
void bind_value(sqlite3_stmt* st, int i, std::int64_t v) { sqlite3_bind_int64(st, i, v); }

}  // namespace

Store::Store(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw StoreError("cannot open database " + path + ": " + msg);
    }
    try {
        sqlite3_busy_timeout(db_, 5000);
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=FULL");   // the WAL is fsynced at every commit: acknowledged = on disk
        exec(kSchema);
        put_setting_ = prepare("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)");
        put_session_ = prepare(
            "INSERT OR REPLACE INTO sessions (id, code, scenario, persona, seed, difficulty, late_join, state, "
            "run_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        put_code_ = prepare("INSERT OR REPLACE INTO codes (code, session_id) VALUES (?1, ?2)");
        put_player_ = prepare(
            "INSERT OR REPLACE INTO players (id, session_id, name, token, joined_at, decisions, removed) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        put_result_ = prepare(
            "INSERT INTO results (player_id, session_id, transcript, report, summary, lang, submitted_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        put_ban_ = prepare("INSERT OR IGNORE INTO bans (session_id, name_key) VALUES (?1, ?2)");
        begin_ = prepare("BEGIN IMMEDIATE");
        commit_ = prepare("COMMIT");
        savepoint_ = prepare("SAVEPOINT w");
        release_ = prepare("RELEASE w");
        rollback_to_ = prepare("ROLLBACK TO w");
        if (sqlite3_open_v2(path.c_str(), &checkpoint_db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nullptr) !=
            SQLITE_OK)
            throw StoreError("cannot open database " + path + " for checkpoints: " +
                             (checkpoint_db_ ? sqlite3_errmsg(checkpoint_db_) : "out of memory"));
        sqlite3_busy_timeout(checkpoint_db_, 5000);
        sqlite3_exec(checkpoint_db_, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr);
        sqlite3_wal_hook(db_, &Store::wal_grew, this);   // replaces SQLite's auto-checkpoint in the commit
    } catch (...) {
        for (auto* st : statements_) sqlite3_finalize(st);
        sqlite3_close(checkpoint_db_);
        sqlite3_close(db_);
        throw;
    }
    writer_ = std::thread([this] { writer_loop(); });
    checkpointer_ = std::thread([this] { checkpoint_loop(); });
}

Store::~Store() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    writer_.join();
    {
        std::lock_guard<std::mutex> lock(checkpoint_mutex_);
        checkpoint_stopping_ = true;
    }
    checkpoint_wake_.notify_all();
    checkpointer_.join();
    sqlite3_close(checkpoint_db_);
    for (auto* st : statements_) sqlite3_finalize(st);
    sqlite3_close(db_);   // the last connection: checkpoints what is left
}

void Store::exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        const std::string msg = err ? err : sqlite3_errmsg(db_);
        sqlite3_free(err);
        throw StoreError(msg);
    }
}

sqlite3_stmt* Store::prepare(const char* sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) != SQLITE_OK) throw StoreError(sqlite3_errmsg(db_));
    statements_.push_back(st);
    return st;
}

void Store::run(sqlite3_stmt* st) {
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE) throw StoreError(sqlite3_errmsg(db_));
}

// ============================================================================
// 2. Loading
// ============================================================================

StoredState Store::load() {
    StoredState s;
    auto each = [&](const char* sql, auto&& row) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db_, sql, -1, &st, nullptr) != SQLITE_OK) throw StoreError(sqlite3_errmsg(db_));
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) row(st);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) throw StoreError(sqlite3_errmsg(db_));
    };
    each("SELECT value FROM settings WHERE key = 'trainer_token'",
         [&](sqlite3_stmt* st) { s.trainer_token = column_text(st, 0); });
    each("SELECT id, code, scenario, persona, seed, difficulty, late_join, state, run_hash, created_at "
         "FROM sessions ORDER BY id",
         [&](sqlite3_stmt* st) {
             SessionRow r;
             r.id = sqlite3_column_int64(st, 0);
             r.code = column_text(st, 1);
             r.scenario = column_text(st, 2);
             r.persona = column_text(st, 3);
             r.seed = std::stoull(column_text(st, 4));
             r.difficulty = column_text(st, 5);
             r.late_join = sqlite3_column_int(st, 6) != 0;
             r.state = column_text(st, 7);
             r.run_hash = column_text(st, 8);
             r.created_at = sqlite3_column_int64(st, 9);
             s.sessions.push_back(std::move(r));
         });
    each("SELECT code, session_id FROM codes", [&](sqlite3_stmt* st) {
        s.codes.push_back({column_text(st, 0), sqlite3_column_int64(st, 1)});
    });
    each("SELECT id, session_id, name, token, joined_at, decisions, removed FROM players ORDER BY id",
         [&](sqlite3_stmt* st) {
             PlayerRow r;
             r.id = sqlite3_column_int64(st, 0);
             r.session_id = sqlite3_column_int64(st, 1);
             r.name = column_text(st, 2);
             r.token = column_text(st, 3);
             r.joined_at = sqlite3_column_int64(st, 4);
             r.decisions_json = column_text(st, 5);
             r.removed = column_text(st, 6);
             s.players.push_back(std::move(r));
         });
    each("SELECT player_id, session_id, transcript, report, summary, lang, submitted_at FROM results "
         "ORDER BY player_id",
         [&](sqlite3_stmt* st) {
             ResultRow r;
             r.player_id = sqlite3_column_int64(st, 0);
             r.session_id = sqlite3_column_int64(st, 1);
             r.transcript = column_text(st, 2);
             r.report = column_text(st, 3);
             r.summary = column_text(st, 4);
             r.lang = column_text(st, 5);
             r.submitted_at = sqlite3_column_int64(st, 6);
             s.results.push_back(std::move(r));
         });
    each("SELECT session_id, name_key FROM bans", [&](sqlite3_stmt* st) {
        s.bans.push_back({sqlite3_column_int64(st, 0), column_text(st, 1)});
    });
    return s;
}

// ============================================================================
// 3. Writes
// ============================================================================

void Store::put_trainer_token(const std::string& token) {
    commit([this, &token] {
        bind_value(put_setting_, 1, std::string("trainer_token"));
        bind_value(put_setting_, 2, token);
        run(put_setting_);
    });
}

void Store::put_session(const SessionRow& r) {
    commit([this, &r] {
        bind_value(put_session_, 1, r.id);
        bind_value(put_session_, 2, r.code);
        bind_value(put_session_, 3, r.scenario);
        bind_value(put_session_, 4, r.persona);
        bind_value(put_session_, 5, std::to_string(r.seed));
        bind_value(put_session_, 6, r.difficulty);
        bind_value(put_session_, 7, std::int64_t{r.late_join ? 1 : 0});
        bind_value(put_session_, 8, r.state);
        bind_value(put_session_, 9, r.run_hash);
        bind_value(put_session_, 10, r.created_at);
        run(put_session_);
    });
}

void Store::put_code(const CodeRow& r) {
    commit([this, &r] {
        bind_value(put_code_, 1, r.code);
        bind_value(put_code_, 2, r.session_id);
        run(put_code_);
    });
}

void Store::put_player(const PlayerRow& r) {
    commit([this, &r] {
        bind_value(put_player_, 1, r.id);
        bind_value(put_player_, 2, r.session_id);
        bind_value(put_player_, 3, r.name);
        bind_value(put_player_, 4, r.token);
        bind_value(put_player_, 5, r.joined_at);
        bind_value(put_player_, 6, r.decisions_json);
        bind_value(put_player_, 7, r.removed);
        run(put_player_);
    });
}

void Store::put_result(const ResultRow& r) {
    commit([this, &r] {
        bind_value(put_result_, 1, r.player_id);
        bind_value(put_result_, 2, r.session_id);
        bind_value(put_result_, 3, r.transcript);
        bind_value(put_result_, 4, r.report);
        bind_value(put_result_, 5, r.summary);
        bind_value(put_result_, 6, r.lang);
        bind_value(put_result_, 7, r.submitted_at);
        run(put_result_);
    });
}

void Store::put_ban(const BanRow& r) {
    commit([this, &r] {
        bind_value(put_ban_, 1, r.session_id);
        bind_value(put_ban_, 2, r.name_key);
        run(put_ban_);
    });
}

std::uint64_t Store::commits() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return commits_;
}

std::uint64_t Store::writes() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return writes_;
}

// ============================================================================
// 4. The group-commit writer
// ============================================================================

// `op` may refer to the caller's data (the rows are captured by reference, not copied): this
// returns only once the writer has run it, or without queuing it.
void Store::commit(std::function<void()> op) {
    std::future<void> done;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopping_) throw StoreError("the store is closing");
        queue_.push_back({std::move(op), {}});
        done = queue_.back().done.get_future();
    }
    wake_.notify_one();
    done.get();   // rethrows the write's StoreError
}

void Store::writer_loop() {
    for (;;) {
        std::deque<Pending> batch;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;
            batch.swap(queue_);
        }
        // One transaction for the batch; each write inside its own savepoint so that one
        // failing write (a duplicate result) fails alone.
        std::vector<std::exception_ptr> errors(batch.size());
        std::exception_ptr batch_error;
        try {
            run(begin_);
            for (std::size_t i = 0; i < batch.size(); ++i) {
                run(savepoint_);
                try {
                    batch[i].op();
                    run(release_);
                } catch (...) {
                    errors[i] = std::current_exception();
                    run(rollback_to_);
                    run(release_);
                }
            }
            run(commit_);
        } catch (...) {
            batch_error = std::current_exception();
            sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (!batch_error) ++commits_;
            writes_ += batch.size();
        }
        for (std::size_t i = 0; i < batch.size(); ++i) {
            if (batch_error) batch[i].done.set_exception(batch_error);
            else if (errors[i]) batch[i].done.set_exception(errors[i]);
            else batch[i].done.set_value();
        }
    }
}

// Called by SQLite in the writer thread after each commit, with the WAL's size in pages.
int Store::wal_grew(void* self, sqlite3* db, const char* name, int pages) {
    auto* store = static_cast<Store*>(self);
    // A checkpointer that cannot keep up (writes without a pause): the writer checkpoints here,
    // as SQLite's own auto-checkpoint would, so the WAL stays bounded.
    if (pages >= kCheckpointPages * 16) sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    else if (pages >= kCheckpointPages) {
        {
            std::lock_guard<std::mutex> lock(store->checkpoint_mutex_);
            store->checkpoint_due_ = true;
        }
        store->checkpoint_wake_.notify_one();
    }
    return SQLITE_OK;
}

void Store::checkpoint_loop() {
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(checkpoint_mutex_);
            checkpoint_wake_.wait(lock, [&] { return checkpoint_stopping_ || checkpoint_due_; });
            if (checkpoint_stopping_) return;
            checkpoint_due_ = false;
        }
        // PASSIVE: copies what no reader needs and returns; the writer goes on meanwhile. A busy
        // database is tried again at the next wake.
        sqlite3_wal_checkpoint_v2(checkpoint_db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    }
}

}  // namespace parley::board
