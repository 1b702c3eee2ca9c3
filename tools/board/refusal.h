// Why the classroom refuses a request, in words a trainee or trainer can act on. The session
// logic throws these; the HTTP layer maps each to a 4xx status (http_api.cpp) — the logic itself
// knows nothing of HTTP.
#pragma once

#include <stdexcept>
#include <string>

namespace parley::board {

enum class Why {
    BadRequest,       // malformed: not JSON, a field missing or of the wrong type
    Unauthorized,     // no token, or not a token of this session
    Forbidden,        // a valid token that may not do this (kicked, banned, not the trainer)
    NotFound,         // no such session code or player
    Conflict,         // the session's state does not allow it (ended, name taken, other result)
    Unprocessable,    // well-formed but wrong: another run's transcript, one that does not replay
    TooManyRequests,  // join-code guessing
};

struct Refused : std::runtime_error {
    Refused(Why why, const std::string& message, int retry_after = 0)
        : std::runtime_error(message), why(why), retry_after(retry_after) {}
    Why why;
    int retry_after;   // seconds, for TooManyRequests
};

}  // namespace parley::board
