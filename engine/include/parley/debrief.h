// Scoring and debrief: deterministic, integer arithmetic, rounding at defined points
// (scenario format §5; the arithmetic is engine/src/scoring.cpp, shared with the analysis).
//
// Per competency: round((100·P + 50·K) / (P + N + K)) from the sums of positive (P) and
// negative (N) evidence — monotone: a positive decision never lowers it, a negative one never
// raises it. The total blends competencies (core ones weighted more), the ending's outcome
// score, and — when the run held a negotiation — the negotiation (bank value, the client's
// satisfaction, rule adherence), by the shares in the competency model. A critical red line or
// a critical duty left undone fails the run: no star, a total below the first star threshold.
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
    int score = 0;          // 0–100 (50 when the run showed nothing of it)
    int observations = 0;   // evidence entries (decisions) on it
};

struct Score {
    int total = 0;          // 0–100
    int stars = 0;          // 0–3
    std::optional<Tier> tier;   // never above the scenario's level
    std::vector<CompetencyScore> competencies;   // the ones this scenario assesses, model order
    int competency_part = 0, outcome_part = 0;   // 0–100 each before blending
    std::optional<int> negotiation_part;         // 0–100
    bool failed = false;    // a critical red line or critical duty: the total is capped, no star
};

struct NegotiationSummary {
    NegotiationOutcome outcome = NegotiationOutcome::ClientQuit;
    IssueValues agreed;
    std::map<std::string, std::string> agreed_display;  // issue → value in display units ("5.20")
    Text agreed_text;             // "Loan rate 3.70%, Fee 0.50%" (labels and units), when a deal
    Text client_says;             // the client's last reply in the block
    int bank_value = 0;           // 0–100
    int client_satisfaction = 0;  // 0–100
    int trainee_concessions = 0;
    int rule_adherence = 0;       // 0–100
    int score = 0;                // the block's part of the score, 0–100 (format §5)
    std::vector<RuleBreach> breaches;
};

// A compliance violation: a red line crossed by a decision, or a duty left undone when the
// decision ended the meeting.
struct ViolationRecord {
    std::size_t decision = 0;    // index into decisions
    std::optional<RedLine> red_line;
    std::optional<Duty> duty;
    bool critical = false;
    Text explanation;
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
    std::vector<ViolationRecord> violations;   // in decision order
    std::vector<Text> failure_reasons;         // why the run failed (the critical violations)
    std::vector<NegotiationSummary> negotiations;
    std::vector<DecisionRecord> decisions;
};

Debrief debrief(const Session& session);

// The debrief as JSON: scenario, persona, seed, difficulty, outcome, ending, failed,
// failure_reasons, score {total, stars, tier, competencies {id: 0–100}, …}, violations,
// negotiations, decisions [{decision, node, option, text, feedback, sources, evidence, …}].
// Texts in `lang`. The run report (report.h) is this plus the regret of each decision.
nlohmann::json to_json(const Debrief& d, Lang lang);

}  // namespace parley
