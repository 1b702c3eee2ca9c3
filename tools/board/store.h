// Durable storage of the classroom server: SQLite in WAL mode, synchronous=FULL.
//
// The server keeps its working state in memory and writes every change here first: a write
// returns only after the transaction holding it has committed, so whatever the server has
// acknowledged survives a SIGKILL or a power cut. Writes from many request threads are
// committed together (group commit: one writer thread takes everything queued, one
// transaction, one fsync), which is what lets submissions scale without acknowledging early.
// The WAL is checkpointed into the database by a thread of its own on a second connection
// (PASSIVE: it never blocks a writer), so no commit, and no answer waiting on one, ever waits
// for a checkpoint; the transaction control statements are prepared once.
//
// Contents: 1. rows  2. the store
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace parley::board {

// ============================================================================
// 1. Rows
// ============================================================================

struct SessionRow {
    std::int64_t id = 0;
    std::string code;                     // the current join code
    std::string scenario, persona;
    std::uint64_t seed = 0;
    std::string difficulty;
    bool late_join = true;
    std::string state;                    // lobby | running | ended
    std::string run_hash;                 // the transcript hash every result must carry
    std::int64_t created_at = 0;          // ms since the epoch
};

struct CodeRow {                          // every code a session has had (rotation)
    std::string code;
    std::int64_t session_id = 0;
};

struct PlayerRow {
    std::int64_t id = 0, session_id = 0;
    std::string name, token;
    std::int64_t joined_at = 0;
    std::string decisions_json = "[]";    // progress: the decisions replayed so far
    std::string removed;                  // "" | kicked | banned
};

struct ResultRow {
    std::int64_t player_id = 0, session_id = 0;
    std::string transcript;               // canonical JSON of the transcript replayed
    std::string report;                   // the run report the server computed (the reply)
    std::string summary;                  // what the board and the exports use of it (JSON)
    std::string lang;                     // language of the report's texts
    std::int64_t submitted_at = 0;
};

struct BanRow {
    std::int64_t session_id = 0;
    std::string name_key;
};

struct StoredState {
    std::string trainer_token;            // empty on a new database
    std::vector<SessionRow> sessions;
    std::vector<CodeRow> codes;
    std::vector<PlayerRow> players;
    std::vector<ResultRow> results;
    std::vector<BanRow> bans;
};

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// ============================================================================
// 2. The store
// ============================================================================

class Store {
public:
    explicit Store(const std::string& path);   // opens or creates; throws StoreError
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    StoredState load();                        // call before the first write

    // Durable writes: each returns once committed, throws StoreError when it could not be.
    void put_trainer_token(const std::string& token);
    void put_session(const SessionRow& row);   // insert or replace
    void put_code(const CodeRow& row);
    void put_player(const PlayerRow& row);     // insert or replace
    void put_result(const ResultRow& row);     // insert; a second result for a player fails
    void put_ban(const BanRow& row);

    // Transactions committed so far and writes they held (the group-commit ratio, for the benchmark).
    std::uint64_t commits() const;
    std::uint64_t writes() const;

private:
    struct Pending {
        std::function<void()> op;
        std::promise<void> done;
    };
    void commit(std::function<void()> op);
    void writer_loop();
    void checkpoint_loop();
    static int wal_grew(void* self, sqlite3* db, const char* name, int pages);
    void exec(const char* sql);
    sqlite3_stmt* prepare(const char* sql);
    void run(sqlite3_stmt* st);

    sqlite3* db_ = nullptr;
    std::vector<sqlite3_stmt*> statements_;
    sqlite3_stmt *put_setting_ = nullptr, *put_session_ = nullptr, *put_code_ = nullptr,
                 *put_player_ = nullptr, *put_result_ = nullptr, *put_ban_ = nullptr;
    sqlite3_stmt *begin_ = nullptr, *commit_ = nullptr, *savepoint_ = nullptr, *release_ = nullptr,
                 *rollback_to_ = nullptr;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Pending> queue_;
    bool stopping_ = false;
    std::uint64_t commits_ = 0, writes_ = 0;
    std::thread writer_;

    // The checkpointer: its own connection, woken when the WAL has grown by kCheckpointPages.
    static constexpr int kCheckpointPages = 1000;   // SQLite's own auto-checkpoint threshold
    sqlite3* checkpoint_db_ = nullptr;
    std::mutex checkpoint_mutex_;
    std::condition_variable checkpoint_wake_;
    bool checkpoint_due_ = false, checkpoint_stopping_ = false;
    std::thread checkpointer_;
};

}  // namespace parley::board
