// Rewind (rewind.h): a recorded run resumed at one of its decisions.
#include "parley/rewind.h"

#include <algorithm>
#include <utility>

namespace parley {

std::optional<RewoundRun> rewind(std::shared_ptr<const ContentSet> content, const Transcript& t,
                                 std::size_t at, std::string& error) {
    if (at < 1 || at > t.decisions.size()) {
        error = "cannot rewind to decision " + std::to_string(at) + ": the run has " +
                std::to_string(t.decisions.size()) + " decisions (1 … " + std::to_string(t.decisions.size()) + ")";
        return std::nullopt;
    }
    // The whole run must replay: a rewind of a run this content cannot reproduce would be
    // compared with a total that is not the recorded one.
    if (!replay(content, t, error)) return std::nullopt;
    Transcript kept = t;
    kept.decisions.resize(at - 1);
    kept.rewound.reset();
    auto session = replay(std::move(content), kept, error);
    if (!session) return std::nullopt;
    return RewoundRun{std::move(*session), RewindMark{at, t.decisions}};
}

Transcript transcript_of(const RewoundRun& run) {
    Transcript t = transcript_of(run.session);
    t.rewound = run.mark;
    return t;
}

std::optional<Session> original_of(std::shared_ptr<const ContentSet> content, const Transcript& t,
                                   std::string& error) {
    if (!t.rewound) {
        error = "the transcript is not of a rewound run";
        return std::nullopt;
    }
    const std::size_t kept = t.rewound->at - 1;
    if (t.decisions.size() < kept ||
        !std::equal(t.decisions.begin(), t.decisions.begin() + static_cast<std::ptrdiff_t>(kept), t.rewound->original.begin())) {
        error = "the rewound run does not begin with the first " + std::to_string(kept) +
                " decisions of the run it was rewound from";
        return std::nullopt;
    }
    Transcript original = t;
    original.decisions = t.rewound->original;
    original.rewound.reset();
    std::string why;
    auto session = replay(std::move(content), original, why);
    if (!session) error = "the run it was rewound from does not replay: " + why;
    return session;
}

}  // namespace parley
