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

    static std::string unknown_node(const std::string& id) {
        return "content error: node '" + id + "' does not exist";
    }
};

// ============================================================================
// 1. Starting a run
// ============================================================================

Session::Session(const ContentSet& content, std::shared_ptr<const Scenario> scenario,
                 const std::string& persona_id, std::uint64_t seed, Difficulty difficulty)
    : content_(&content),
      scenario_(std::move(scenario)),
      persona_(nullptr),
      model_(&content.model),
      seed_(seed),
      difficulty_(difficulty),
      rng_(seed) {
    if (!scenario_) throw std::invalid_argument("no scenario given");
    const Scenario& sc = *scenario_;
    if (std::find(sc.personas.begin(), sc.personas.end(), persona_id) == sc.personas.end()) {
        std::string list;
        for (const auto& p : sc.personas) list += (list.empty() ? "" : ", ") + p;
        throw std::invalid_argument("persona '" + persona_id + "' is not playable in scenario '" +
                                    sc.id + "' (it is written for: " + list + ")");
    }
    auto it = content.personas.find(persona_id);
    if (it == content.personas.end())
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
    const MoveReport report = play_move(played, move, *persona_);
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
// and every future ends with the same score. The key holds:
//   - the node and the whole client state (meters, emotion, variables, flags, needs,
//     objections raised and resolved);
//   - in a negotiation: round, lists, both standing offers, client patience, nibble and split
//     flags, and the parts of the history the rules and the client read (number of trainee
//     concessions, whether the trainee conceded this round, the size of its last concession per
//     issue, the reciprocity owed per issue, the rules broken so far);
//   - the scoring history: per competency the sum and count of evidence, whether a critical
//     violation happened, and the sum and count of finished blocks' (bank value + adherence).
// It leaves out what never changes a future or a score: the path, texts, the cue shown.

namespace {

void put(std::string& k, const char* tag, long long v) {
    k += tag;
    k += std::to_string(v);
    k += '|';
}

void put_set(std::string& k, const char* tag, const std::set<std::string>& s) {
    k += tag;
    for (const auto& x : s) k += x + ",";
    k += '|';
}

void put_list(std::string& k, const char* tag, const std::vector<std::string>& s) {
    k += tag;
    for (const auto& x : s) k += x + ",";
    k += '|';
}

void put_values(std::string& k, const char* tag, const IssueValues& v) {
    k += tag;
    for (const auto& [id, x] : v) k += id + "=" + std::to_string(x) + ",";
    k += '|';
}

}  // namespace

std::string Session::state_key() const {
    std::string k;
    put(k, "n", static_cast<long long>(node_));
    put(k, "t", state_.trust);
    put(k, "i", state_.interest);
    put(k, "p", state_.patience);
    put(k, "e", static_cast<long long>(state_.emotion));
    k += "v";
    for (const auto& [id, x] : state_.variables) k += id + "=" + std::to_string(x) + ",";
    k += '|';
    put_set(k, "f", state_.flags);
    put_set(k, "d", state_.needs);
    put_set(k, "r", state_.raised);
    put_set(k, "s", state_.resolved);

    if (negotiation_) {
        const NegotiationState& n = *negotiation_;
        const ConcessionPolicy& policy = persona_->concession;
        put(k, "Nr", n.round);
        put(k, "Np", n.prepared);
        put_list(k, "Nc", n.concede_list);
        put_list(k, "Nh", n.hold_list);
        put_values(k, "Nt", n.trainee_offer);
        put_values(k, "No", n.client_offer);
        put(k, "Nq", n.client_patience);
        put(k, "Nn", n.nibbled);
        put(k, "Ns", n.client_proposed_split);
        put(k, "Nk", trainee_concession_count(n));
        const ConcessionMemory memory = concession_memory(n, policy);
        put(k, "Nw", memory.conceded_now);
        put_values(k, "Nl", memory.last);
        put_values(k, "Nb", memory.owed);
        unsigned rules = 0;
        for (const auto& b : n.breaches) rules |= 1u << static_cast<unsigned>(b.rule);
        put(k, "Nx", rules);
    }

    std::map<std::string, std::pair<long long, long long>> evidence;
    bool critical = false;
    for (const auto& d : decisions_) {
        for (const auto& e : d.evidence) {
            evidence[e.competency].first += e.value;
            evidence[e.competency].second += 1;
        }
        critical = critical || (d.violation && d.violation->critical);
    }
    k += "E";
    for (const auto& [id, sc] : evidence)
        k += id + "=" + std::to_string(sc.first) + "/" + std::to_string(sc.second) + ",";
    k += '|';
    put(k, "C", critical);
    long long blocks = 0;
    for (const auto& b : negotiations_done_) blocks += block_bank_value(b) + rule_adherence(b);
    put(k, "B", blocks);
    put(k, "b", static_cast<long long>(negotiations_done_.size()));
    return k;
}

}  // namespace parley
