// Gamification rules (see gamification.h for the published form).
#include "gamification.h"

#include <algorithm>
#include <numeric>
#include <set>

namespace parley::player {

// ============================================================================
// Badges
// ============================================================================

const std::vector<BadgeDef>& badge_catalogue() {
    static const std::vector<BadgeDef> badges = {
        {"open_questions", {"善于提问", "Open questions"},
         {"一次会谈中两次用开放式提问并得到正面评价", "Two well-judged open questions in one meeting"}, "问"},
        {"listener", {"用心倾听", "Listener"},
         {"一次共情倾听得到正面评价", "An empathic-listening move that worked"}, "听"},
        {"need_finder", {"需求挖掘", "Need finder"},
         {"发现场景中客户的全部需求", "Discover every need the client has"}, "需"},
        {"objection_handler", {"异议化解", "Objection handler"},
         {"用对这位客户有效的方法化解一个异议", "Resolve an objection with a method that works on this client"}, "解"},
        {"timely_close", {"把握时机", "Timely close"},
         {"在出现购买信号时提出成交", "Ask for the business when the buying signals are there"}, "成"},
        {"trader", {"条件交换", "Trader"},
         {"谈判中以交换换得让步，且从未白给", "Trade a concession in a negotiation and never give one away"}, "换"},
        {"held_the_line", {"守住底线", "Held the line"},
         {"谈判达成协议且未违反任何让步原则", "Close a negotiation with a deal and no rule broken"}, "守"},
        {"clean_record", {"合规标兵", "Clean record"},
         {"完成会谈、无合规违规且总分不低于 60", "Finish with no compliance violation and a total of 60 or more"}, "规"},
        {"three_stars", {"三星表现", "Three stars"}, {"一次练习获得 3 颗星", "Earn 3 stars in one run"}, "星"},
    };
    return badges;
}

const BadgeDef* find_badge(const std::string& id) {
    for (const auto& b : badge_catalogue())
        if (b.id == id) return &b;
    return nullptr;
}

namespace {

const Option* option_of(const Scenario& s, const DecisionRecord& d) {
    const Node* node = s.node(d.node);
    if (!node || d.option_id.empty()) return nullptr;
    for (const auto& o : node->options)
        if (o.id == d.option_id) return &o;
    return nullptr;
}

bool has_tag(const Option& o, Tag t) { return std::find(o.tags.begin(), o.tags.end(), t) != o.tags.end(); }

int evidence_sum(const DecisionRecord& d) {
    return std::accumulate(d.evidence.begin(), d.evidence.end(), 0, [](int a, const Evidence& e) { return a + e.value; });
}

}  // namespace

std::vector<std::string> badges_for(const Session& session, const Debrief& debrief) {
    std::vector<std::string> out;
    if (!debrief.finished) return out;
    const Scenario& s = session.scenario();
    int open_questions = 0, listening = 0;
    bool resolved = false, timely = false;
    for (const auto& d : debrief.decisions) {
        const Option* o = option_of(s, d);
        const bool good = evidence_sum(d) > 0;
        if (o && good && has_tag(*o, Tag::OpenQuestion)) ++open_questions;
        if (o && good && has_tag(*o, Tag::EmpathicListening)) ++listening;
        if (d.objection_resolved.value_or(false)) resolved = true;
        if (d.close_timely.value_or(false)) timely = true;
    }
    if (open_questions >= 2) out.push_back("open_questions");
    if (listening >= 1) out.push_back("listener");
    if (!s.state.needs.empty() && session.state().needs.size() >= s.state.needs.size()) out.push_back("need_finder");
    if (resolved) out.push_back("objection_handler");
    if (timely) out.push_back("timely_close");
    bool traded = false, gave = false, clean_deal = false;
    for (const auto& n : session.negotiations_done()) {
        for (const auto& c : n.history)
            if (c.by_trainee) (c.traded ? traded : gave) = true;
        if (n.outcome == NegotiationOutcome::Deal && n.breaches.empty()) clean_deal = true;
    }
    if (traded && !gave) out.push_back("trader");
    if (clean_deal) out.push_back("held_the_line");
    if (debrief.violations.empty() && debrief.score.total >= 60) out.push_back("clean_record");
    if (debrief.score.stars >= 3) out.push_back("three_stars");
    return out;
}

std::vector<std::string> badges_so_far(const std::vector<RunRecord>& runs) {
    std::set<std::string> seen;
    for (const auto& r : runs)
        if (!r.practice) seen.insert(r.badges.begin(), r.badges.end());
    return {seen.begin(), seen.end()};
}

// ============================================================================
// XP, stars, tier
// ============================================================================

int xp_for(const Debrief& debrief, int new_badges) {
    return debrief.score.total + 10 * debrief.score.stars + 15 * new_badges;
}

int practice_xp_for(const Debrief& debrief) { return (debrief.score.total + 10 * debrief.score.stars) / 2; }

int total_xp(const std::vector<RunRecord>& runs) {
    return std::accumulate(runs.begin(), runs.end(), 0, [](int a, const RunRecord& r) { return a + r.xp; });
}

int total_stars(const std::vector<RunRecord>& runs) {
    std::map<std::string, int> best;
    for (const auto& r : runs)
        if (!r.practice) best[r.scenario] = std::max(best[r.scenario], r.stars);
    return std::accumulate(best.begin(), best.end(), 0, [](int a, const auto& kv) { return a + kv.second; });
}

// The mean of the last five runs (practice left out), but never above the highest tier those
// runs' own debriefs reached: a run's tier is capped by its meeting's level (seed 003 defines
// the tiers by content), so only meetings of a level can earn the trainee that level.
const Tier* trainee_tier(const CompetencyModel& model, const std::vector<RunRecord>& runs) {
    std::vector<const RunRecord*> counted;
    for (const auto& r : runs)
        if (!r.practice) counted.push_back(&r);
    if (counted.empty() || model.tiers.empty()) return nullptr;
    const std::size_t n = std::min<std::size_t>(5, counted.size());
    int sum = 0;
    std::size_t cap = 0;
    for (std::size_t i = counted.size() - n; i < counted.size(); ++i) {
        sum += counted[i]->total;
        for (std::size_t t = 0; t < model.tiers.size(); ++t)
            if (model.tiers[t].id == counted[i]->tier) cap = std::max(cap, t);
    }
    const int mean = (sum + static_cast<int>(n) / 2) / static_cast<int>(n);
    std::size_t tier = 0;
    for (std::size_t t = 0; t < model.tiers.size() && t <= cap; ++t)
        if (mean >= model.tiers[t].min_total) tier = t;
    return &model.tiers[tier];
}

int best_stars(const std::vector<RunRecord>& runs, const std::string& scenario, const std::string& persona,
               const std::string& difficulty) {
    int best = 0;
    for (const auto& r : runs)
        if (!r.practice && r.scenario == scenario && (persona.empty() || r.persona == persona) &&
            (difficulty.empty() || r.difficulty == difficulty))
            best = std::max(best, r.stars);
    return best;
}

std::map<std::string, int> best_competencies(const std::vector<RunRecord>& runs, const std::string& scenario,
                                             std::int64_t before_run_id) {
    std::map<std::string, int> best;
    for (const auto& r : runs) {
        if (r.practice || r.scenario != scenario || (before_run_id != 0 && r.id >= before_run_id)) continue;
        for (const auto& [id, v] : r.competencies) best[id] = std::max(best.count(id) ? best[id] : 0, v);
    }
    return best;
}

// ============================================================================
// Unlocks
// ============================================================================

namespace {

// How hard a client is to win: skeptical, impatient, assertive and price-sensitive clients
// are harder. Ties break by id so the order never changes between runs.
int hardness(const Persona& p) {
    return p.profile.skepticism + (100 - p.profile.patience) + std::abs(p.assertiveness) / 2 +
           p.profile.price_sensitivity / 2;
}

}  // namespace

std::vector<std::string> personas_by_difficulty(const ContentSet& content, const Scenario& scenario) {
    std::vector<std::string> ids = scenario.personas;
    std::stable_sort(ids.begin(), ids.end(), [&](const std::string& a, const std::string& b) {
        const Persona* pa = content.persona(a);
        const Persona* pb = content.persona(b);
        const int ha = pa ? hardness(*pa) : 0, hb = pb ? hardness(*pb) : 0;
        return ha != hb ? ha < hb : a < b;
    });
    return ids;
}

bool persona_unlocked(const ContentSet& content, const Scenario& scenario, const std::string& persona,
                      const std::vector<RunRecord>& runs, std::string* after) {
    const auto order = personas_by_difficulty(content, scenario);
    const auto it = std::find(order.begin(), order.end(), persona);
    if (it == order.end() || it == order.begin()) return true;
    const std::string& previous = *(it - 1);
    if (best_stars(runs, scenario.id, previous) >= 1) return true;
    if (after) *after = previous;
    return false;
}

bool difficulty_unlocked(const Scenario& scenario, Difficulty d, const std::vector<RunRecord>& runs) {
    if (d != Difficulty::Hard) return true;
    return best_stars(runs, scenario.id, {}, "normal") >= 2 || best_stars(runs, scenario.id, {}, "hard") >= 1;
}

}  // namespace parley::player
