#include "run.h"

#include "parley/rewind.h"

namespace parley::player {

nlohmann::json prep_to_json(const PrepSheet& prep) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [node, issues] : prep)
        for (const auto& [issue, choice] : issues)
            if (choice != PrepChoice::Neither) j[node][issue] = choice == PrepChoice::Concede ? "concede" : "hold";
    return j;
}

PrepSheet prep_from_json(const nlohmann::json& j) {
    PrepSheet prep;
    if (!j.is_object()) return prep;
    for (const auto& [node, issues] : j.items()) {
        if (!issues.is_object()) continue;
        for (const auto& [issue, choice] : issues.items()) {
            if (choice == "concede") prep[node][issue] = PrepChoice::Concede;
            else if (choice == "hold") prep[node][issue] = PrepChoice::Hold;
        }
    }
    return prep;
}

std::string prep_decision(const Negotiation& block, const std::map<std::string, PrepChoice>& choices) {
    std::string concede, hold;
    // Issues in the block's order, so the same lists always read the same.
    for (const auto& issue : block.issues) {
        const auto it = choices.find(issue.id);
        if (it == choices.end() || it->second == PrepChoice::Neither) continue;
        std::string& list = it->second == PrepChoice::Concede ? concede : hold;
        if (!list.empty()) list += '+';
        list += issue.id;
    }
    return "prep:concede=" + concede + ";hold=" + hold;
}

Run::Run(std::shared_ptr<const ContentSet> content, std::shared_ptr<const Scenario> scenario,
         const std::string& persona, std::uint64_t seed, Difficulty difficulty)
    : session_(std::make_shared<Session>(content, std::move(scenario), persona, seed, difficulty)) {
    initial_patience_ = std::max(1, session_->state().patience);
    log_beat();
}

std::optional<Run> Run::from_transcript(std::shared_ptr<const ContentSet> content, const Transcript& t,
                                        std::string& error) {
    const auto scenario = content->scenario(t.scenario);
    if (!scenario) {
        error = "unknown scenario '" + t.scenario + "'";
        return std::nullopt;
    }
    if (!content->persona(t.persona)) {
        error = "unknown persona '" + t.persona + "'";
        return std::nullopt;
    }
    // The engine checks the content hash and every decision; replay it first for its message.
    if (!replay(content, t, error)) return std::nullopt;
    Run run(content, scenario, t.persona, t.seed, t.difficulty);
    for (const auto& d : t.decisions) {
        if (auto refused = run.decide(d)) {
            error = *refused;
            return std::nullopt;
        }
    }
    run.rewind_mark = t.rewound;
    return run;
}

std::optional<Run> Run::rewound(std::shared_ptr<const ContentSet> content, const Transcript& t, std::size_t at,
                                std::string& error) {
    auto r = rewind(content, t, at, error);
    if (!r) return std::nullopt;
    return from_transcript(std::move(content), transcript_of(*r), error);
}

Transcript Run::transcript() const {
    Transcript t = transcript_of(*session_);
    t.rewound = rewind_mark;
    return t;
}

std::optional<std::string> Run::decide(const std::string& decision) {
    Session& s = *session_;
    const bool was_negotiating = s.in_negotiation();
    const std::size_t path_before = s.path().size();
    const Node* node_before = &s.current_node();
    if (auto refused = s.decide(decision)) return refused->message;

    const DecisionRecord& rec = s.decisions().back();
    log_.push_back(LogEntry{LogEntry::Kind::Trainee, rec.option_text, {}, s.state().emotion});
    if (was_negotiating) {
        const NegotiationState* now = s.negotiation();
        const Text says = now ? now->client_says
                              : (s.negotiations_done().empty() ? Text{} : s.negotiations_done().back().client_says);
        if (!says.empty()) log_.push_back(LogEntry{LogEntry::Kind::Client, says, {}, s.state().emotion});
    }
    if (s.path().size() != path_before || &s.current_node() != node_before) log_beat();
    return std::nullopt;
}

void Run::log_beat() {
    const BeatView b = session_->beat();
    if (b.line.empty() && b.cue.empty()) return;
    log_.push_back(LogEntry{LogEntry::Kind::Client, b.line, b.cue, b.emotion});
}

}  // namespace parley::player
