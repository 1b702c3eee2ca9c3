// One run of a scenario against a persona.
//
//   0. Moving between nodes  (SessionInternals) emotion, cue pick, negotiation start,
//                            patience running out
//   1. Starting a run        persona checks, initial client state, difficulty
//   2. Views                 beat, options
//   3. Dialogue decisions    choose: reactions, effects, objections, closes, violations
//   4. Negotiation moves     negotiate
//   5. Decisions as text     decide
//   6. State key             what two runs must share to have the same futures and scores
//                            (state_key.cpp, shared with the analysis)
//
// Rules decided here (README §3 and DESIGN §2 leave them open):
//   - Initial state: scenario state + persona offsets; patience +2 easy, −1 hard, at least 1;
//     trust and interest clamped to 0–100 (here and after every decision). Patience never
//     shows below 0.
//   - Effects apply in this order: meters (reactions.h), emotion, `set` then `add` on variables,
//     set_flags then clear_flags, discover_needs, raise_objections (re-raising a resolved
//     objection opens it again) then resolve_objections.
//   - When the option answers an objection with a method whose effectiveness with this persona
//     is below 100, none of its resolve_objections take effect. objection_resolved records
//     whether the answered objection is resolved after the decision.
//   - A close's timeliness is judged on the state before the option's effects.
//   - Negotiation moves do not cost meeting patience: the block has its own (the client's
//     patience_rounds). The patience_out rule applies after every decision that moves on.
//   - Cue variants: the pick is a function of the seed, the node and the emotion shown there
//     (not of the path), so the cue shown never depends on how the node was reached.
//   - Content errors met at run time (a missing next node) refuse the decision, changing
//     nothing, rather than crash.
//   - Duties: choosing an option discharges the duties it `fulfils` (whatever the close's
//     timing). On arrival at an ending, every duty required before it and not discharged is
//     recorded on the decision that ended the meeting (scored with it, format §5).
#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "conditions.h"
#include "det_math.h"
#include "hash.h"
#include "negotiation_runtime.h"
#include "parley/session.h"
#include "reactions.h"
#include "scoring.h"
#include "state_key.h"

namespace parley {

Visibility visibility_of(Difficulty d) {
    return d == Difficulty::Hard ? Visibility::Cues : Visibility::Meters;
}

// ============================================================================
// 0. Moving between nodes
// ============================================================================

struct SessionInternals {
    static std::optional<std::size_t> index_of(const Session& s, const std::string& id) {
        auto it = s.scenario_->node_index.find(id);
        if (it == s.scenario_->node_index.end() || it->second >= s.scenario_->nodes.size())
            return std::nullopt;
        return it->second;
    }

    // Where a decision leads: `target`, unless the client's patience is gone and `target` is
    // not an ending, then the scenario's patience_out ending. Sets `missing` to the node id
    // that does not exist when there is no such node (a content error).
    static std::optional<std::size_t> destination(const Session& s, const ClientState& state,
                                                  const std::string& target, std::string& missing) {
        auto idx = index_of(s, target);
        if (idx && state.patience <= 0 && s.scenario_->nodes[*idx].kind != NodeKind::Ending)
            idx = index_of(s, s.scenario_->patience_out);
        if (!idx) missing = index_of(s, target) ? s.scenario_->patience_out : target;
        return idx;
    }

    static void arrive(Session& s, std::size_t idx) {
        s.node_ = idx;
        const Node& node = s.scenario_->nodes[idx];
        s.path_.push_back(node.id);
        if (node.emotion) s.state_.emotion = *node.emotion;
        if (node.kind == NodeKind::Negotiation && node.negotiation)
            s.negotiation_ = start_negotiation(*node.negotiation, *s.persona_);
        if (node.kind == NodeKind::Ending && !s.decisions_.empty())
            s.decisions_.back().missed_duties = missed_duties(s, node);
        s.cue_pick_ = 0;
        auto cues = s.persona_->cues.find(s.state_.emotion);
        if (cues != s.persona_->cues.end() && !cues->second.empty()) {
            Rng base = s.rng_;  // never advanced: the pick depends on seed, node and emotion only
            const std::uint64_t salt =
                fnv1a64(node.id + "/" + std::string(id_of(s.state_.emotion)));
            Rng pick(base.next() ^ salt);
            s.cue_pick_ = pick.below(static_cast<std::uint32_t>(cues->second.size()));
        }
    }

    static std::vector<DutyMiss> missed_duties(const Session& s, const Node& ending) {
        std::vector<DutyMiss> out;
        for (const auto& d : s.scenario_->duties) {
            const bool applies = d.before.empty() ||
                                 std::find(d.before.begin(), d.before.end(), ending.id) != d.before.end();
            if (applies && !s.state_.duties.count(d.duty)) out.push_back({d.duty, d.critical, d.explanation});
        }
        return out;
    }

    static std::string unknown_node(const std::string& id) {
        return "content error: node '" + id + "' does not exist";
    }
};

// ============================================================================
// 1. Starting a run
// ============================================================================

Session::Session(std::shared_ptr<const ContentSet> content, std::shared_ptr<const Scenario> scenario,
                 const std::string& persona_id, std::uint64_t seed, Difficulty difficulty)
    : content_(std::move(content)),
      scenario_(std::move(scenario)),
      persona_(nullptr),
      model_(nullptr),
      seed_(seed),
      difficulty_(difficulty),
      rng_(seed) {
    if (!content_) throw std::invalid_argument("no content given");
    if (!scenario_) throw std::invalid_argument("no scenario given");
    model_ = &content_->model;
    const Scenario& sc = *scenario_;
    if (std::find(sc.personas.begin(), sc.personas.end(), persona_id) == sc.personas.end()) {
        std::string list;
        for (const auto& p : sc.personas) list += (list.empty() ? "" : ", ") + p;
        throw std::invalid_argument("persona '" + persona_id + "' is not playable in scenario '" +
                                    sc.id + "' (it is written for: " + list + ")");
    }
    auto it = content_->personas.find(persona_id);
    if (it == content_->personas.end())
        throw std::invalid_argument("persona '" + persona_id + "' is not in the loaded content");
    persona_ = &it->second;

    const StateDecl& d = sc.state;
    const int difficulty_patience =
        difficulty == Difficulty::Easy ? 2 : difficulty == Difficulty::Hard ? -1 : 0;
    state_.trust = std::clamp(d.trust + persona_->trust_offset, 0, 100);
    state_.interest = std::clamp(d.interest + persona_->interest_offset, 0, 100);
    state_.patience = std::max(1, d.patience + persona_->patience_offset + difficulty_patience);
    state_.emotion = d.emotion;
    for (const auto& v : d.variables) state_.variables[v.id] = v.initial;

    auto start = SessionInternals::index_of(*this, sc.start);
    if (!start)
        throw std::invalid_argument("scenario '" + sc.id + "': start node '" + sc.start +
                                    "' does not exist");
    SessionInternals::arrive(*this, *start);
}

Session::Session(std::shared_ptr<const ContentSet> content, std::shared_ptr<const Scenario> scenario,
                 const std::string& persona_id, std::uint64_t seed, Difficulty difficulty, const StartPoint& from)
    : Session(std::move(content), std::move(scenario), persona_id, seed, difficulty) {
    auto at = SessionInternals::index_of(*this, from.node);
    if (!at) throw std::invalid_argument("scenario '" + scenario_->id + "': node '" + from.node + "' does not exist");
    path_.clear();
    negotiation_.reset();
    state_ = from.state;
    state_.trust = std::clamp(state_.trust, 0, 100);
    state_.interest = std::clamp(state_.interest, 0, 100);
    state_.patience = std::max(1, state_.patience);
    SessionInternals::arrive(*this, *at);
}

// ============================================================================
// 2. Views
// ============================================================================

const Node& Session::current_node() const { return scenario_->nodes[node_]; }

bool Session::finished() const { return current_node().kind == NodeKind::Ending; }

bool Session::in_negotiation() const { return negotiation_.has_value(); }

const NegotiationState* Session::negotiation() const {
    return negotiation_ ? &*negotiation_ : nullptr;
}

BeatView Session::beat() const {
    const Node& node = current_node();
    BeatView b;
    b.node = &node;
    b.stage = node.stage;
    auto line = node.line_by_persona.find(persona_->id);
    b.line = line != node.line_by_persona.end() ? line->second : node.line;
    b.emotion = state_.emotion;
    if (node.cue) {
        b.cue = *node.cue;
    } else {
        auto cues = persona_->cues.find(state_.emotion);
        if (cues != persona_->cues.end() && cue_pick_ < cues->second.size())
            b.cue = cues->second[cue_pick_];
    }
    b.visibility = visibility_of(difficulty_);
    return b;
}

std::vector<OptionView> Session::options() const {
    std::vector<OptionView> out;
    const Node& node = current_node();
    if (node.kind != NodeKind::Dialogue) return out;
    const ConditionContext ctx{state_, persona_->id, difficulty_};
    for (const auto& o : node.options)
        if (holds(o.when, ctx)) out.push_back({out.size() + 1, &o});
    return out;
}

// ============================================================================
// 3. Dialogue decisions
// ============================================================================

namespace {

void apply_effects(ClientState& s, const Effects& e, bool may_resolve) {
    for (const auto& [id, v] : e.set) s.variables[id] = v;
    for (const auto& [id, v] : e.add) s.variables[id] += v;
    for (const auto& f : e.set_flags) s.flags.insert(f);
    for (const auto& f : e.clear_flags) s.flags.erase(f);
    for (const auto& n : e.discover_needs) s.needs.insert(n);
    for (const auto& o : e.raise_objections) {
        s.raised.insert(o);
        s.resolved.erase(o);
    }
    if (may_resolve)
        for (const auto& o : e.resolve_objections) s.resolved.insert(o);
}

}  // namespace

std::optional<StepError> Session::choose(std::size_t number) {
    if (finished()) return StepError{"the run has finished"};
    if (in_negotiation())
        return StepError{"this is a negotiation: make a move (prep:…, offer:…, trade:…, hold, "
                         "nibble:…, split, accept, walk)"};
    const auto opts = options();
    if (number < 1 || number > opts.size())
        return StepError{opts.empty() ? "no option is available here"
                                      : "option " + std::to_string(number) +
                                            " does not exist here (choose 1–" +
                                            std::to_string(opts.size()) + ")"};
    const Option& o = *opts[number - 1].option;
    const ConditionContext before{state_, persona_->id, difficulty_};

    DecisionRecord rec;
    rec.decision = std::to_string(number);
    rec.node = current_node().id;
    rec.stage = current_node().stage;
    rec.option_id = o.id;
    rec.option_text = o.text;
    rec.violation = o.violation;

    const Consequence* cons = &o.consequence;
    if (o.close) {
        const bool timely = holds(o.close->timely_when, before);
        rec.close_timely = timely;
        if (!timely) cons = &o.close->premature;
    }
    rec.feedback = cons->feedback;
    rec.evidence = cons->evidence;

    const Reaction re = react(*persona_, effective_tags(o), cons->effects, o.objection);
    ClientState next = state_;
    next.trust = std::clamp(next.trust + re.trust, 0, 100);
    next.interest = std::clamp(next.interest + re.interest, 0, 100);
    next.patience = std::max(0, next.patience + re.patience);
    if (re.emotion) next.emotion = *re.emotion;
    const bool may_resolve = !re.method_effectiveness || *re.method_effectiveness >= 100;
    apply_effects(next, cons->effects, may_resolve);
    for (Duty d : o.fulfils) next.duties.insert(d);
    rec.sources = o.sources;
    rec.trust_delta = re.trust;
    rec.interest_delta = re.interest;
    rec.patience_delta = re.patience;
    if (o.objection) {
        rec.method_effectiveness = re.method_effectiveness;
        rec.objection_resolved = next.resolved.count(o.objection->objection) > 0;
    }

    const ConditionContext after{next, persona_->id, difficulty_};
    std::string target = cons->next;
    for (const auto& b : cons->branches)
        if (holds(b.when, after)) {
            target = b.next;
            break;
        }
    std::string missing;
    auto dest = SessionInternals::destination(*this, next, target, missing);
    if (!dest) return StepError{SessionInternals::unknown_node(missing)};

    state_ = std::move(next);
    decisions_.push_back(std::move(rec));
    SessionInternals::arrive(*this, *dest);
    decisions_.back().after = state_;
    return std::nullopt;
}

// ============================================================================
// 4. Negotiation moves
// ============================================================================

std::optional<StepError> Session::negotiate(const NegotiationMove& move) {
    if (finished()) return StepError{"the run has finished"};
    if (!in_negotiation()) return StepError{"there is no negotiation here: choose an option by number"};
    if (auto problem = move_problem(*negotiation_, move)) return StepError{*problem};

    NegotiationState played = *negotiation_;
    const MoveReport report = play_move(played, move);
    const Negotiation& block = *played.block;

    std::optional<std::size_t> dest;
    if (played.outcome) {
        const std::string& target = *played.outcome == NegotiationOutcome::Deal ? block.on_deal
                                    : *played.outcome == NegotiationOutcome::ClientQuit
                                        ? block.on_client_quit
                                        : block.on_no_deal;
        std::string missing;
        dest = SessionInternals::destination(*this, state_, target, missing);
        if (!dest) return StepError{SessionInternals::unknown_node(missing)};
    }

    DecisionRecord rec;
    rec.decision = format_move(move, block);
    rec.node = current_node().id;
    rec.stage = current_node().stage;
    rec.option_text = report.description;
    rec.feedback = report.feedback;
    rec.evidence = report.evidence;
    rec.breaches = report.breaches;
    decisions_.push_back(std::move(rec));

    if (dest) {
        negotiations_done_.push_back(std::move(played));
        negotiation_.reset();
        SessionInternals::arrive(*this, *dest);
    } else {
        negotiation_ = std::move(played);
    }
    decisions_.back().after = state_;
    return std::nullopt;
}

// ============================================================================
// 5. Decisions as text
// ============================================================================

std::optional<StepError> Session::decide(std::string_view decision) {
    while (!decision.empty() && decision.front() == ' ') decision.remove_prefix(1);
    while (!decision.empty() && decision.back() == ' ') decision.remove_suffix(1);
    if (finished()) return StepError{"the run has finished"};
    if (in_negotiation()) {
        std::string error;
        auto move = parse_move(decision, *negotiation_->block, error);
        if (!move) return StepError{error};
        return negotiate(*move);
    }
    const bool number = !decision.empty() && decision.size() <= 9 &&
                        std::all_of(decision.begin(), decision.end(),
                                    [](char c) { return c >= '0' && c <= '9'; });
    if (!number)
        return StepError{"expected an option number (1–" + std::to_string(options().size()) +
                         "), got '" + std::string(decision) + "'"};
    return choose(static_cast<std::size_t>(std::stoul(std::string(decision))));
}

// ============================================================================
// 6. State key
// ============================================================================
//
// Two sessions of the same scenario, persona, seed and difficulty with equal keys have the same
// futures (the same decisions are available at every later point and have the same effects)
// and every future ends with the same score: the situation (state_key.cpp) and the score
// history (scoring.h).

std::string Session::state_key() const {
    std::string k = situation_key(*this);
    const ScoreRule rule(*model_, *scenario_);
    const History h = rule.of_session(*this);
    append_history(k, h.data(), h.size());
    return k;
}

}  // namespace parley
