// Scoring and debrief: deterministic, integer arithmetic, rounding at defined points.
//
// Per competency: the mean evidence strength (-3 … +3) of the decisions that gave evidence on
// it, mapped to 0–100. The total blends competencies (core ones weighted more), the ending's
// outcome score, and — when the run held a negotiation — the negotiation (bank value and
// rule adherence), by the shares in the competency model. A critical violation caps the total.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/model.h"
#include "parley/session.h"

namespace parley {

struct CompetencyScore {
    std::string id;
    int score = 0;          // 0–100
    int observations = 0;   // decisions that gave evidence
};

struct Score {
    int total = 0;          // 0–100
    int stars = 0;          // 0–3
    const Tier* tier = nullptr;
    std::vector<CompetencyScore> competencies;   // assessed ones, in model order
    int competency_part = 0, outcome_part = 0;   // 0–100 each before blending
    std::optional<int> negotiation_part;         // 0–100
    bool capped = false;                         // a critical violation capped the total
};

struct NegotiationSummary {
    NegotiationOutcome outcome = NegotiationOutcome::ClientQuit;
    IssueValues agreed;
    std::map<std::string, std::string> agreed_display;  // issue → value in display units ("5.20")
    int bank_value = 0;           // 0–100
    int client_satisfaction = 0;  // 0–100
    int trainee_concessions = 0;
    int rule_adherence = 0;       // 0–100
    std::vector<RuleBreach> breaches;
};

struct ViolationRecord {
    std::size_t decision = 0;    // index into decisions
    Violation violation;
};

struct Debrief {
    std::string scenario, persona;
    std::uint64_t seed = 0;
    Difficulty difficulty = Difficulty::Normal;
    bool finished = false;
    std::string ending;                 // ending node id
    OutcomeType outcome = OutcomeType::NoDeal;
    Text ending_summary;
    Score score;
    std::vector<ViolationRecord> violations;
    std::vector<NegotiationSummary> negotiations;
    std::vector<DecisionRecord> decisions;
};

Debrief debrief(const Session& session);

// The JSON result printed by `parley-cli play --json` / `replay --json` and the player's
// scripted mode: scenario, persona, seed, difficulty, outcome, ending, score {total, stars,
// tier, competencies {id: 0–100}}, violations, negotiations, decisions [{decision, node,
// option, text, feedback, evidence, …}]. Texts in `lang`.
nlohmann::json to_json(const Debrief& d, Lang lang);

}  // namespace parley
