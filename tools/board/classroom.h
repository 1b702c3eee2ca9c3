// The classroom: sessions, trainees, progress, results, the ranking and the trainer's actions.
// Requests come in as JSON and go out as JSON; refusals are thrown as Refused (refusal.h). It
// knows nothing of HTTP (http_api.cpp) and keeps every acknowledged change in the Store first.
//
//   Classroom room(content, store, events);
//   auto s = room.create_session(trainer, {"scenario": …, "persona": …, "seed": 1, "difficulty": "normal"});
//   auto j = room.join(s["code"], {"name": "王芳"});
//   room.progress(code, j["player_token"], {"decisions": ["2", "1"]});
//   room.submit(code, j["player_token"], transcript_text, Lang::Zh);
//
// Contents: 1. the classroom  (implementation: classroom.cpp; rooms in room.h)
#pragma once

#include <cstdint>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "class_report.h"
#include "events.h"
#include "parley/model.h"
#include "store.h"

namespace parley::board {

struct Room;
struct RunConfig;
struct SharedRun;

// Who asks for the leaderboard decides how much of it they see (seed 001: never embarrass
// staff in public): the public and the projector see the top; a trainee sees the top and their
// own line; the trainer sees everyone.
inline constexpr int kPublicTop = 5;

struct Limits {
    std::size_t max_players_per_session = 500;
    std::size_t max_sessions = 1000;
    std::size_t max_decisions = 400;
};

class Classroom {
public:
    // Loads every session of the store; the trainer token is kept in the store (same token after
    // a restart) or drawn the first time.
    Classroom(std::shared_ptr<const ContentSet> content, Store& store, EventHub& events, Limits limits = {});
    ~Classroom();

    const std::string& trainer_token() const { return trainer_token_; }
    bool is_trainer(std::string_view bearer) const;
    const ContentSet& content() const { return *content_; }

    // Trainer: {scenario, persona, seed, difficulty, late_join?} → {code, …}.
    nlohmann::json create_session(const nlohmann::json& body);
    nlohmann::json rotate_code(const std::string& code);
    nlohmann::json start(const std::string& code);
    nlohmann::json end(const std::string& code);
    nlohmann::json kick(const std::string& code, std::int64_t player_id);
    nlohmann::json ban(const std::string& code, std::int64_t player_id);
    nlohmann::json list_sessions() const;

    // Trainee. join: {name, player_token?}; progress: {decisions: [...]}; submit: a transcript.
    nlohmann::json join(const std::string& code, const nlohmann::json& body);
    nlohmann::json progress(const std::string& code, std::string_view player_token, const nlohmann::json& body);
    nlohmann::json submit(const std::string& code, std::string_view player_token, const std::string& transcript,
                          Lang lang);
    // The same, answered as JSON text: the stored report is spliced in as it is (the hot POST;
    // no parse and re-serialisation of the report per request).
    std::string submit_text(const std::string& code, std::string_view player_token, const std::string& transcript,
                            Lang lang);

    // Anyone (scope by bearer: trainer, a player of the session, or nobody).
    nlohmann::json leaderboard(const std::string& code, std::string_view bearer) const;
    // The public leaderboard as text, rebuilt only when a result changes it (the hot GET).
    std::string public_leaderboard_text(const std::string& code) const;
    std::int64_t session_id(const std::string& code) const;   // throws NotFound
    // Whether `code` names a session now (the join code or an earlier one).
    bool exists(const std::string& code) const;

    // Trainer: everything about the class (the projector board and the exports read this).
    ClassReport class_report(const std::string& code) const;

    // The join code of the newest session that has not ended, if any (the board's default).
    std::optional<std::string> current_code() const;

private:
    std::shared_ptr<Room> find(const std::string& code) const;   // throws NotFound
    std::shared_ptr<Room> make_room(const SessionRow& row);
    std::string fresh_code() const;   // under mutex_
    // The analysis (and what it valued) of a run configuration, one for every session of it.
    std::shared_ptr<SharedRun> shared_run(const RunConfig& run);

    std::shared_ptr<const ContentSet> content_;
    Store& store_;
    EventHub& events_;
    Limits limits_;
    std::string trainer_token_;

    mutable std::mutex mutex_;   // the maps below
    std::map<std::string, std::shared_ptr<Room>> by_code_;   // every code ever given (old ones: not for joining)
    std::map<std::int64_t, std::shared_ptr<Room>> by_id_;
    std::int64_t next_session_ = 1;
    std::int64_t next_player_ = 1;

    std::mutex runs_mutex_;   // runs_
    std::map<std::string, std::shared_future<std::shared_ptr<SharedRun>>> runs_;
};

}  // namespace parley::board
