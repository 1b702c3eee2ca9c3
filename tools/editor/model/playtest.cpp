#include "playtest.h"

#include <algorithm>
#include <stdexcept>

namespace parley::editor {

ClientState starting_state(const Scenario& sc, const Persona& persona, Difficulty difficulty) {
    // The same rule as Session's constructor (session.cpp).
    const StateDecl& d = sc.state;
    const int difficulty_patience = difficulty == Difficulty::Easy ? 2 : difficulty == Difficulty::Hard ? -1 : 0;
    ClientState s;
    s.trust = std::clamp(d.trust + persona.trust_offset, 0, 100);
    s.interest = std::clamp(d.interest + persona.interest_offset, 0, 100);
    s.patience = std::max(1, d.patience + persona.patience_offset + difficulty_patience);
    s.emotion = d.emotion;
    for (const auto& v : d.variables) s.variables[v.id] = v.initial;
    return s;
}

Session start_playtest(std::shared_ptr<const ContentSet> content, std::shared_ptr<const Scenario> scenario,
                       const PlaytestSetup& setup) {
    StartPoint from;
    from.node = setup.start_node.empty() ? scenario->start : setup.start_node;
    from.state = setup.state;
    return Session(std::move(content), std::move(scenario), setup.persona, setup.seed, setup.difficulty, from);
}

Replay replay_playtest(std::shared_ptr<const ContentSet> content, std::shared_ptr<const Scenario> scenario,
                       const PlaytestSetup& setup, const std::vector<std::string>& decisions,
                       const std::vector<std::string>& old_path) {
    Replay r;
    try {
        r.session.emplace(start_playtest(std::move(content), std::move(scenario), setup));
    } catch (const std::exception& e) {
        r.error = e.what();
        return r;
    }
    Session& s = *r.session;
    auto compare = [&](std::size_t index) {
        const std::size_t at = s.path().size() - 1;
        const std::string was = at < old_path.size() ? old_path[at] : "";
        if (!r.diverged_at && s.path().back() != was) {
            r.diverged_at = index;
            r.was = was;
            r.now = s.path().back();
        }
    };
    for (std::size_t i = 0; i < decisions.size(); ++i) {
        if (s.finished()) {
            if (!r.diverged_at) r.diverged_at = i, r.was = old_path.size() > s.path().size() ? old_path[s.path().size()] : "", r.now = "finished";
            break;
        }
        const std::size_t before = s.path().size();
        if (auto refused = s.decide(decisions[i])) {
            if (!r.diverged_at) r.diverged_at = i, r.was = i + 1 < old_path.size() ? old_path[i + 1] : "",
                                r.now = "refused: " + refused->message;
            break;
        }
        ++r.replayed;
        if (s.path().size() != before) compare(i);
    }
    return r;
}

}  // namespace parley::editor
