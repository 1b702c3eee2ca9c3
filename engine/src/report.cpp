// The run report (report.h): the debrief, the transcript, and the regret of each decision.
#include "parley/report.h"

#include "parley/debrief.h"
#include "parley/transcript.h"

namespace parley {

nlohmann::json run_report(const Session& run, const Regrets& regrets, Lang lang) {
    nlohmann::json j = to_json(debrief(run), lang);
    j["transcript"] = to_json(transcript_of(run));
    j["regret"] = regrets_to_json(regrets.decisions, lang);
    j["analysis"] = {{"complete", regrets.complete}, {"limit_message", regrets.limit_message}};
    return j;
}

nlohmann::json run_report(const Session& run, Lang lang, const ReportOptions& options) {
    Regrets r;
    if (options.regret) {
        const Transcript t = transcript_of(run);
        if (options.analysis)
            r = options.analysis->regrets(t);
        else
            r = regrets(run.shared_content(), t, options.limits);
    }
    return run_report(run, r, lang);
}

}  // namespace parley
