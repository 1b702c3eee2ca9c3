// What a class did, in the forms the trainer uses: each trainee's result (the exports, the
// board's ranks), the class average per competency, and the class debrief — for each decision
// node, how the class chose and which choice was best there.
//
// Contents: 1. one trainee's result summary  2. the class report  3. the class debrief
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/catalogue.h"
#include "parley/model.h"
#include "parley/text.h"

namespace parley::board {

// ============================================================================
// 1. One trainee's result summary (kept beside the run report, survives restarts)
// ============================================================================

// One decision of a submitted run, as the class debrief counts it. Dialogue decisions are keyed
// by option id; negotiation moves by their kind ("move:offer"), since the values differ.
struct Choice {
    std::string node;
    std::string key;
    Text text;
    std::string best_key;   // the best decision at that point (the shared analysis)
    Text best_text;
    int regret = 0;
};

struct ResultSummary {
    int total = 0, stars = 0;
    std::string tier;                   // tier id, empty when none
    bool failed = false;
    int violations = 0, critical = 0;
    std::vector<std::pair<std::string, int>> competencies;   // model order
    std::vector<Choice> choices;
};

nlohmann::json to_json(const ResultSummary& s);
// The same as to_json(s).dump(), byte for byte, written straight into text (the hot path of a
// submission: no JSON tree to build and free).
std::string summary_text(const ResultSummary& s);
ResultSummary summary_from_json(const nlohmann::json& j);   // throws nlohmann::json::exception

// ============================================================================
// 2. The class report
// ============================================================================

struct TraineeRow {
    std::int64_t player_id = 0;
    std::string name;
    int rank = 0;                        // 0 until a result is in
    std::optional<ResultSummary> result;
    int decisions = 0;                   // progress so far
    std::string stage;                   // stage id of the current node ("" before the first)
    std::optional<std::int64_t> seconds; // from joining to the result (shown, never ranked)
};

struct CompetencyColumn {
    std::string id;
    Text name;
    bool core = false;
};

struct NodeDebrief;

struct ClassReport {
    std::string code, state;
    std::string scenario;
    Text scenario_title;
    std::string persona;
    Text persona_name;
    std::uint64_t seed = 0;
    Difficulty difficulty = Difficulty::Normal;
    std::vector<CompetencyColumn> competencies;   // the ones the scenario assesses
    std::map<std::string, Text> tier_names;       // tier id → name
    std::vector<TraineeRow> trainees;             // ranked first (by rank), then the others by name
    std::vector<int> class_average;               // per competency, over results in (rounded)
    std::optional<int> average_total;
    int typical_decisions = 0;                    // decisions of the best run (progress scale)
    std::vector<NodeDebrief> debrief;
};

nlohmann::json to_json(const ClassReport& r);

// ============================================================================
// 3. The class debrief
// ============================================================================

struct ChoiceCount {
    std::string key;
    Text text;
    int count = 0;
    bool best = false;
};

struct NodeDebrief {
    std::string node;
    Stage stage = Stage::Opening;
    Text line;                          // what the client says there (this persona)
    int decisions = 0;                  // how many decisions the class made there
    std::vector<ChoiceCount> choices;   // most chosen first; the best one is marked
    std::string best_key;
    Text best_text;
    int average_regret = 0;             // points lost there on average (rounded)
};

// Counts every submitted choice per node (scenario order). The best choice at a node is the one
// the analysis named best most often there (it can depend on how the client was reached).
std::vector<NodeDebrief> class_debrief(const Scenario& scenario, const std::string& persona,
                                       const std::vector<const ResultSummary*>& results);

}  // namespace parley::board
