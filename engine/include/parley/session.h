// One play-through of a scenario against a persona: the runner. The Scenario is the story
// (immutable, shared); the Session is the state of one run.
//
//   Session s(content, scenario, "analytical", seed, Difficulty::Normal);   // content: shared_ptr
//   while (!s.finished()) {
//       show(s.beat());
//       if (s.in_negotiation()) s.negotiate(move); else s.choose(n);   // or s.decide("2")
//   }
//   Debrief d = debrief(s);
//
// A Session is a value: copying it forks the run (the analysis explores by copying). It shares
// ownership of the content it plays (the ContentSet and the Scenario), so a run stays valid
// however long a presenter, a server thread or a debrief keeps it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "parley/catalogue.h"
#include "parley/model.h"
#include "parley/negotiation.h"
#include "parley/rng.h"

namespace parley {

struct ClientState {
    int trust = 0, interest = 0;   // 0–100
    int patience = 0;              // decisions left before the client ends the meeting
    Emotion emotion = Emotion::Calm;
    std::map<std::string, int> variables;
    std::set<std::string> flags;
    std::set<std::string> needs;        // discovered
    std::set<std::string> raised;       // objections raised (ever)
    std::set<std::string> resolved;     // objections resolved
    std::set<Duty> duties;              // duties discharged (an option that `fulfils` them)
};

// How much of the client's state the trainee may see (higher difficulty: cues only).
enum class Visibility { Meters, Cues };
Visibility visibility_of(Difficulty d);  // easy, normal: meters; hard: cues only

// What a presenter shows now.
struct BeatView {
    const Node* node = nullptr;
    Stage stage = Stage::Opening;
    Text line;           // the client's line for this persona
    Emotion emotion = Emotion::Calm;
    Text cue;            // body-language cue
    Visibility visibility = Visibility::Meters;
};

struct OptionView {
    std::size_t number = 0;       // 1-based number shown to the trainee
    const Option* option = nullptr;
};

// A duty the scenario requires that the run reached an ending without discharging.
struct DutyMiss {
    Duty duty = Duty::Credentials;
    bool critical = false;
    Text explanation;
};

// Everything recorded about one decision (the debrief's decision log).
struct DecisionRecord {
    std::string decision;          // as in the transcript: "2" or "offer:rate=5.20"
    std::string node;
    Stage stage = Stage::Opening;
    std::string option_id;         // dialogue decisions
    Text option_text;              // dialogue: the option; negotiation: a description of the move
    Text feedback;
    std::vector<Evidence> evidence;
    std::optional<Violation> violation;
    std::optional<bool> close_timely;        // when the option was a close
    std::optional<int> method_effectiveness; // when the option answered an objection (percent)
    std::optional<bool> objection_resolved;
    std::vector<RuleBreach> breaches;        // negotiation rules broken by this move
    std::vector<std::string> sources;        // the seed sections the option teaches
    // Duties left undone when this decision ended the meeting (scored with it: format §5).
    std::vector<DutyMiss> missed_duties;
    int trust_delta = 0, interest_delta = 0, patience_delta = 0;
    ClientState after;
};

// Where a run starts when it does not start at the scenario's beginning: the editor's playtest
// ("start here, with this client state"). The persona's and difficulty's offsets are not applied
// to `state`: it is the state the client is in on arrival at `node`.
struct StartPoint {
    std::string node;
    ClientState state;
};

struct StepError {
    std::string message;  // why a decision was refused (state unchanged)
};

class Session {
public:
    Session(std::shared_ptr<const ContentSet> content, std::shared_ptr<const Scenario> scenario,
            const std::string& persona_id, std::uint64_t seed, Difficulty difficulty);
    // A run that starts at `from.node` in `from.state` (throws std::invalid_argument when the
    // node does not exist). Its decisions replay only with the same start point.
    Session(std::shared_ptr<const ContentSet> content, std::shared_ptr<const Scenario> scenario,
            const std::string& persona_id, std::uint64_t seed, Difficulty difficulty, const StartPoint& from);

    const ContentSet& content() const { return *content_; }
    const std::shared_ptr<const ContentSet>& shared_content() const { return content_; }
    const std::shared_ptr<const Scenario>& shared_scenario() const { return scenario_; }
    const Scenario& scenario() const { return *scenario_; }
    const Persona& persona() const { return *persona_; }
    const CompetencyModel& model() const { return *model_; }
    std::uint64_t seed() const { return seed_; }
    Difficulty difficulty() const { return difficulty_; }

    BeatView beat() const;
    const ClientState& state() const { return state_; }
    bool finished() const;
    const Node& current_node() const;
    bool in_negotiation() const;
    const NegotiationState* negotiation() const;   // nullptr outside a negotiation block

    std::vector<OptionView> options() const;       // available options (conditions hold)

    // Decisions. Each returns an error (and changes nothing) when the decision is not valid now.
    std::optional<StepError> choose(std::size_t number);           // 1-based among options()
    std::optional<StepError> negotiate(const NegotiationMove& move);
    std::optional<StepError> decide(std::string_view decision);    // either, in transcript syntax

    const std::vector<DecisionRecord>& decisions() const { return decisions_; }
    const std::vector<std::string>& path() const { return path_; }  // node ids visited
    // Finished negotiations of this run, in order (a scenario may hold several blocks).
    const std::vector<NegotiationState>& negotiations_done() const { return negotiations_done_; }

    // A key that is equal for two sessions exactly when every future of one is a future of the
    // other with the same score: node, client state, negotiation state, scoring-relevant history
    // (format reference §7). The analysis memoises on the same key (state_key.cpp).
    std::string state_key() const;

private:
    // (implementation detail: see session.cpp and the files beside it)
    std::shared_ptr<const ContentSet> content_;
    std::shared_ptr<const Scenario> scenario_;
    const Persona* persona_;
    const CompetencyModel* model_;
    std::uint64_t seed_;
    Difficulty difficulty_;
    Rng rng_;
    std::size_t node_ = 0;   // index into scenario_->nodes
    ClientState state_;
    std::optional<NegotiationState> negotiation_;
    std::vector<NegotiationState> negotiations_done_;
    std::vector<DecisionRecord> decisions_;
    std::vector<std::string> path_;
    std::size_t cue_pick_ = 0;   // which cue variant the seed picked for the current node

    friend struct SessionInternals;
};

}  // namespace parley
