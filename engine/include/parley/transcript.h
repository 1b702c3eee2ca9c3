// Transcripts: a run is fully defined by scenario (content hash), persona, seed, difficulty
// and the list of decisions. Replaying a transcript gives the same debrief, always.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/debrief.h"
#include "parley/diagnostics.h"
#include "parley/model.h"
#include "parley/session.h"

namespace parley {

// A run resumed from a recorded one ("Try from here", parley-cli play --from --at): it kept the
// first at − 1 decisions of `original` and was played on from decision `at` (1-based). Such a run
// is practice (rewind.h). Written as "rewound": {"at": 3, "original": ["1", "2", …]}.
struct RewindMark {
    std::size_t at = 1;
    std::vector<std::string> original;   // the decisions of the run it was rewound from
};

struct Transcript {
    std::string scenario;
    std::uint64_t content_hash = 0;   // run_hash(scenario, persona, model)
    std::string persona;
    std::uint64_t seed = 0;
    Difficulty difficulty = Difficulty::Normal;
    std::string engine_version;
    std::vector<std::string> decisions;   // "2", "prep:concede=fee;hold=rate", "offer:rate=5.20"
    std::optional<RewindMark> rewound;    // optional: present only for a rewound run
};

// The hash a transcript records: scenario, persona and competency model together.
std::uint64_t run_hash(const Scenario& s, const Persona& p, const CompetencyModel& m);
std::string hash_hex(std::uint64_t h);  // 16 lower-case hex digits

Transcript transcript_of(const Session& session);
nlohmann::json to_json(const Transcript& t);
// Reads a transcript document; errors (with JSON pointers) go to diags.
std::optional<Transcript> parse_transcript(std::string_view text, const std::string& file,
                                           Diagnostics& diags);

// Replays a transcript against loaded content. Refuses (returns nothing, sets `error`) when the
// scenario or persona is unknown, when the content hash differs ("recorded against a different
// version of …"), or when a decision is not valid at its point ("decision 4 '7': …").
std::optional<Session> replay(std::shared_ptr<const ContentSet> content, const Transcript& t,
                              std::string& error);

}  // namespace parley
