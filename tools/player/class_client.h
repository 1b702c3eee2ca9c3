// "Join class": the player's side of a classroom session (parley-board). It joins or resumes
// (the player token is kept on disk per server, code and name, so a dropped trainee comes back
// as themself), sends progress, and submits the result through an outbox on disk: a result is
// written there (fsynced) before it is sent and removed only once the server has recorded it.
// When the server cannot be reached the result stays there and flush() delivers it later;
// nothing is lost, and the outcome says so.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/transcript.h"

namespace parley::player {

struct ClassReply {
    bool reached = false;        // the server answered
    int status = 0;              // its HTTP status
    nlohmann::json body;         // its JSON answer
    std::string error;           // what went wrong, in words (no connection, a refusal's message)
    bool ok() const { return reached && status >= 200 && status < 300; }
};

struct Membership {
    std::string server, code, name;
    std::string player_token;
    std::int64_t player_id = 0;
    nlohmann::json session;      // the join answer: scenario, persona, seed, difficulty, rules …
};

struct SubmitOutcome {
    ClassReply reply;
    bool queued = false;         // kept on disk, to be sent when the server can be reached
};

class ClassClient {
public:
    explicit ClassClient(std::filesystem::path data_dir);   // keeps its files under data_dir/class

    // Joins, or resumes with the token kept from an earlier join to this server, code and name.
    std::optional<Membership> join(const std::string& server, const std::string& code, const std::string& name,
                                   ClassReply& reply);
    ClassReply progress(const Membership& m, const std::vector<std::string>& decisions);
    ClassReply leaderboard(const Membership& m);
    SubmitOutcome submit(const Membership& m, const Transcript& t);

    // Sends every queued result; returns how many the server recorded. A result the server
    // refuses (4xx) moves to refused/ with its message instead of being retried for ever.
    int flush();
    std::size_t queued() const;

private:
    std::filesystem::path dir_;
};

}  // namespace parley::player
