// The run report: what `parley-cli play --json` and `replay --json` print, what the player's
// scripted mode prints, and what the classroom server answers a submitted result with. One
// builder, so the four can never disagree.
//
//   {…the debrief (debrief.h to_json)…,
//    "transcript": {…},                       the run's transcript (transcript.h to_json)
//    "regret": [{index, chosen, …}],          each decision's best alternative (analysis.h)
//    "analysis": {"complete": bool, "limit_message": "…"}}   whether the regret is exact
#pragma once

#include <memory>

#include <nlohmann/json.hpp>

#include "parley/analysis.h"
#include "parley/session.h"

namespace parley {

struct ReportOptions {
    bool regret = true;                          // value every decision (runs the analysis)
    AnalysisLimits limits;                       // its bound (counted, never timed)
    std::shared_ptr<const RunAnalysis> analysis; // a shared analysis of this run configuration
};

nlohmann::json run_report(const Session& run, Lang lang, const ReportOptions& options = {});

// The same from a debrief and regrets already computed (the player works them out apart).
nlohmann::json run_report(const Session& run, const Regrets& regrets, Lang lang);

}  // namespace parley
