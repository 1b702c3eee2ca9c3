// One play-through as the player holds it: the engine's Session plus what the screens need
// around it — the conversation so far (bilingual, so the language can change mid-run), the
// negotiation preparation typed in the briefing, and the starting patience for the meter.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/session.h"
#include "parley/transcript.h"

namespace parley::player {

struct LogEntry {
    enum class Kind { Client, Trainee, Note };
    Kind kind = Kind::Client;
    Text text;
    Text cue;
    Emotion emotion = Emotion::Calm;
};

// 两张表 as typed before the negotiation: per negotiation node, per issue.
enum class PrepChoice { Neither, Concede, Hold };
using PrepSheet = std::map<std::string, std::map<std::string, PrepChoice>>;
nlohmann::json prep_to_json(const PrepSheet& prep);
PrepSheet prep_from_json(const nlohmann::json& j);
// The prepare move for one block in transcript syntax: "prep:concede=fee;hold=rate".
std::string prep_decision(const Negotiation& block, const std::map<std::string, PrepChoice>& choices);

class Run {
public:
    Run(std::shared_ptr<const ContentSet> content, std::shared_ptr<const Scenario> scenario,
        const std::string& persona, std::uint64_t seed, Difficulty difficulty);
    // Rebuilds a run by replaying a transcript's decisions one by one (the log with them).
    static std::optional<Run> from_transcript(std::shared_ptr<const ContentSet> content, const Transcript& t,
                                              std::string& error);
    // "Try from here": a new run at decision `at` (1-based) of a recorded one, the decisions
    // before it replayed (engine rewind.h); marked as rewound, so it is practice.
    static std::optional<Run> rewound(std::shared_ptr<const ContentSet> content, const Transcript& t, std::size_t at,
                                      std::string& error);

    const Session& session() const { return *session_; }
    // A decision in transcript syntax ("2", "offer:rate=5.20"). Returns the engine's reason
    // when it is refused (nothing changes then).
    std::optional<std::string> decide(const std::string& decision);

    const std::vector<LogEntry>& log() const { return log_; }
    Transcript transcript() const;
    bool practice() const { return rewind_mark.has_value(); }
    int initial_patience() const { return initial_patience_; }

    PrepSheet prep;
    std::optional<RewindMark> rewind_mark;   // set for a rewound run (kept in its transcript)

private:
    void log_beat();

    std::shared_ptr<Session> session_;   // shared: a Run is copied into std::optional
    std::vector<LogEntry> log_;
    int initial_patience_ = 1;
};

}  // namespace parley::player
