#include "scoring.h"

#include "parley/debrief.h"
#include "parley/report.h"
#include "refusal.h"

namespace parley::board {

namespace {

std::string move_kind(const std::string& decision) { return decision.substr(0, decision.find(':')); }

Text move_text(const std::string& kind) {
    const auto k = parse<MoveKind>(kind);
    return k ? name_of(*k) : Text{kind, kind};
}

void check_is_this_run(const RunConfig& run, const Transcript& t) {
    auto differs = [](const std::string& what, const std::string& got, const std::string& want) {
        throw Refused(Why::Unprocessable, "the transcript is for " + what + " '" + got + "' but this session plays '" +
                                              want + "': submit the run this session assigned");
    };
    if (t.scenario != run.scenario->id) differs("scenario", t.scenario, run.scenario->id);
    if (t.persona != run.persona) differs("persona", t.persona, run.persona);
    if (t.seed != run.seed) differs("seed", std::to_string(t.seed), std::to_string(run.seed));
    if (t.difficulty != run.difficulty)
        differs("difficulty", std::string(id_of(t.difficulty)), std::string(id_of(run.difficulty)));
    if (t.content_hash != run.run_hash)
        throw Refused(Why::Unprocessable, "the transcript was recorded against other content (hash " +
                                              hash_hex(t.content_hash) + ", this session's content is " +
                                              hash_hex(run.run_hash) + "): it cannot be scored here");
}

}  // namespace

std::optional<ValuedPath> RegretMemo::find(const std::vector<std::string>& decisions) const {
    std::shared_lock<std::shared_mutex> lock(mutex_);
    ValuedPath out;
    out.regrets.decisions.reserve(decisions.size());
    out.best_keys.reserve(decisions.size());
    out.best_texts.reserve(decisions.size());
    const Node* at = &root_;
    for (const auto& d : decisions) {
        const auto it = at->next.find(d);
        if (it == at->next.end() || !it->second->valued) return std::nullopt;
        at = it->second.get();
        out.regrets.decisions.push_back(at->valued->regret);
        out.best_keys.push_back(at->valued->best_key);
        out.best_texts.push_back(at->valued->best_text);
    }
    return out;
}

void RegretMemo::remember(const std::vector<std::string>& decisions, const ValuedPath& path) {
    const std::size_t n = decisions.size();
    if (!path.regrets.complete || path.regrets.decisions.size() != n || path.best_keys.size() != n ||
        path.best_texts.size() != n)
        return;
    std::unique_lock<std::shared_mutex> lock(mutex_);
    Node* at = &root_;
    for (std::size_t i = 0; i < n; ++i) {
        auto& next = at->next[decisions[i]];
        if (!next) {
            if (nodes_ >= kMaxNodes) return;
            next = std::make_unique<Node>();
            ++nodes_;
        }
        at = next.get();
        if (!at->valued) at->valued = ValuedDecision{path.regrets.decisions[i], path.best_keys[i], path.best_texts[i]};
    }
}

std::size_t RegretMemo::size() const {
    std::shared_lock<std::shared_mutex> lock(mutex_);
    return nodes_;
}

Transcript read_transcript(const std::string& body) {
    Diagnostics diags;
    auto t = parse_transcript(body, "transcript", diags);
    if (!t) {
        std::string msg = "the body is not a valid transcript:";
        int shown = 0;
        for (const auto& d : diags.items) {
            if (shown++ == 5) break;
            msg += " " + format(d) + ";";
        }
        if (!msg.empty() && msg.back() == ';') msg.pop_back();
        throw Refused(Why::BadRequest, msg);
    }
    return *t;
}

ValuedPath value_path(const RunConfig& run, const Transcript& t, const RunAnalysis& analysis) {
    ValuedPath out;
    out.regrets = analysis.regrets(t);
    // The options on offer before each decision, to name the analysis' best choice by option id.
    Session s(run.content, run.scenario, run.persona, run.seed, run.difficulty);
    for (std::size_t i = 0; i < t.decisions.size(); ++i) {
        std::vector<const Option*> offered;
        if (!s.in_negotiation())
            for (const auto& o : s.options()) offered.push_back(o.option);
        std::string key;
        Text text;
        if (i < out.regrets.decisions.size()) {
            const std::string& best = out.regrets.decisions[i].best;
            std::size_t n = 0;
            const bool numbered = !best.empty() && best.find_first_not_of("0123456789") == std::string::npos;
            if (numbered) n = std::stoul(best);
            if (numbered && n >= 1 && n <= offered.size()) {
                key = offered[n - 1]->id;
                text = offered[n - 1]->text;
            } else if (!best.empty()) {
                key = "move:" + move_kind(best);
                text = move_text(move_kind(best));
            }
        }
        out.best_keys.push_back(std::move(key));
        out.best_texts.push_back(std::move(text));
        s.decide(t.decisions[i]);
    }
    return out;
}

Session replay_progress(const RunConfig& run, const std::vector<std::string>& decisions) {
    Session s(run.content, run.scenario, run.persona, run.seed, run.difficulty);
    for (std::size_t i = 0; i < decisions.size(); ++i) {
        if (s.finished())
            throw Refused(Why::Unprocessable, "decision " + std::to_string(i + 1) + " '" + decisions[i] +
                                                  "': the meeting had already ended");
        if (auto err = s.decide(decisions[i]))
            throw Refused(Why::Unprocessable,
                          "decision " + std::to_string(i + 1) + " '" + decisions[i] + "' does not replay: " + err->message);
    }
    return s;
}

ScoredRun score_submission(const RunConfig& run, const Transcript& t, SharedRun& shared, Lang lang) {
    check_is_this_run(run, t);
    if (t.rewound)   // practice (rewind.h): never a classroom result
        throw Refused(Why::Unprocessable, "the transcript is a rewound practice run (from decision " +
                                              std::to_string(t.rewound->at) +
                                              "): practice runs do not count in a class; submit the run played through");
    std::string error;
    auto replayed = replay(run.content, t, error);
    if (!replayed) throw Refused(Why::Unprocessable, "the transcript does not replay: " + error);
    if (!replayed->finished())
        throw Refused(Why::Unprocessable, "the transcript's run is not finished (" + std::to_string(t.decisions.size()) +
                                              " decisions, the meeting goes on): submit it when the meeting ends");

    // The shared analysis values each decision once per path: a prefix another trainee took
    // is looked up, only a new one is valued (and remembered).
    ValuedPath valued;
    if (auto known = shared.regrets.find(t.decisions)) valued = std::move(*known);
    else {
        valued = value_path(run, t, *shared.analysis);
        shared.regrets.remember(t.decisions, valued);
    }
    const Regrets& regrets = valued.regrets;
    ScoredRun out;
    out.report = run_report(*replayed, regrets, lang);
    out.transcript = to_json(t).dump();

    const Debrief d = debrief(*replayed);
    ResultSummary& s = out.summary;
    s.total = d.score.total;
    s.stars = d.score.stars;
    s.tier = d.score.tier ? d.score.tier->id : "";
    s.failed = d.score.failed;
    s.violations = static_cast<int>(d.violations.size());
    for (const auto& v : d.violations) s.critical += v.critical ? 1 : 0;
    for (const auto& c : d.score.competencies) s.competencies.emplace_back(c.id, c.score);
    const auto& records = replayed->decisions();
    for (std::size_t i = 0; i < records.size(); ++i) {
        const DecisionRecord& rec = records[i];
        Choice c;
        c.node = rec.node;
        if (!rec.option_id.empty()) {
            c.key = rec.option_id;
            c.text = rec.option_text;
        } else {
            c.key = "move:" + move_kind(rec.decision);
            c.text = move_text(move_kind(rec.decision));
        }
        if (i < regrets.decisions.size()) {
            c.regret = regret_of(regrets.decisions[i]);
            c.best_key = valued.best_keys[i];
            c.best_text = valued.best_texts[i];
        }
        s.choices.push_back(std::move(c));
    }
    return out;
}

}  // namespace parley::board
