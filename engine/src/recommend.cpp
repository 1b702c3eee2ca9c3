// The recommended next meeting (recommend.h has the rule).
//
//   1. The runs the rule reads
//   2. Choosing among meetings
//   3. The four steps and their reasons
#include "parley/recommend.h"

#include <algorithm>
#include <tuple>

namespace parley {

namespace {

// ============================================================================
// 1. The runs the rule reads
// ============================================================================

struct Record {
    std::vector<const PastRun*> counted;   // not practice, oldest first
    bool met(const std::string& persona) const {
        return std::any_of(counted.begin(), counted.end(), [&](const PastRun* r) { return r->persona == persona; });
    }
    int runs_of(const std::string& scenario, const std::string& persona) const {
        return static_cast<int>(std::count_if(counted.begin(), counted.end(), [&](const PastRun* r) {
            return r->scenario == scenario && r->persona == persona;
        }));
    }
    bool played(const OpenMeeting& m) const {
        return std::any_of(counted.begin(), counted.end(), [&](const PastRun* r) {
            return r->scenario == m.scenario && r->persona == m.persona && r->difficulty == m.difficulty;
        });
    }
    int best_stars(const OpenMeeting& m) const {
        int best = 0;
        for (const PastRun* r : counted)
            if (r->scenario == m.scenario && r->persona == m.persona && r->difficulty == m.difficulty)
                best = std::max(best, r->stars);
        return best;
    }
};

struct WeakCompetency {
    const Competency* competency;
    int average;
};

// Weak competencies over the last five counted runs, in the order the rule tries them.
std::vector<WeakCompetency> weak_competencies(const CompetencyModel& model, const std::vector<const PastRun*>& recent) {
    const int mastery = model.tiers.empty() ? 80 : model.tiers.back().min_total;
    std::vector<std::tuple<bool, int, std::size_t, WeakCompetency>> order;   // not core, average, model order
    for (std::size_t i = 0; i < model.competencies.size(); ++i) {
        const Competency& c = model.competencies[i];
        int sum = 0, n = 0;
        for (const PastRun* r : recent)
            if (auto it = r->competencies.find(c.id); it != r->competencies.end()) sum += it->second, ++n;
        if (n == 0) continue;
        const int average = (2 * sum + n) / (2 * n);   // half up (scores are non-negative)
        if (average < mastery) order.emplace_back(!c.core, average, i, WeakCompetency{&c, average});
    }
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
        return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) < std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
    });
    std::vector<WeakCompetency> out;
    for (const auto& t : order) out.push_back(std::get<3>(t));
    return out;
}

// ============================================================================
// 2. Choosing among meetings
// ============================================================================

int difficulty_rank(const Scenario& s, Difficulty d) {
    if (d == s.default_difficulty) return 0;
    switch (d) {
        case Difficulty::Normal: return 1;
        case Difficulty::Easy: return 2;
        case Difficulty::Hard: return 3;
    }
    return 4;
}

struct Candidate {
    const OpenMeeting* meeting;
    const Scenario* scenario;
    const Persona* persona;
    std::size_t position;   // in `open`
};

// The meeting the rule prefers among `cands` (see recommend.h).
const Candidate* preferred(const std::vector<const Candidate*>& cands, const Record& record) {
    const Candidate* best = nullptr;
    auto key = [&](const Candidate* c) {
        return std::make_tuple(record.met(c->meeting->persona), record.runs_of(c->meeting->scenario, c->meeting->persona),
                               difficulty_rank(*c->scenario, c->meeting->difficulty), c->position);
    };
    for (const Candidate* c : cands)
        if (!best || key(c) < key(best)) best = c;
    return best;
}

// ============================================================================
// 3. The four steps and their reasons
// ============================================================================

// «title» in Chinese, "title" in English.
std::string quoted_zh(const Text& t) { return "《" + t.zh + "》"; }
std::string quoted_en(const Text& t) { return "\"" + t.en + "\""; }   // ASCII: CJK fonts draw “ ” full width

// A name inside an English sentence: "The analyst" → "the analyst", "Need discovery" → "need
// discovery"; acronyms ("KYC rules") are left alone.
std::string in_sentence(const std::string& name) {
    std::string out = name;
    if (out.size() >= 2 && out[0] >= 'A' && out[0] <= 'Z' && !(out[1] >= 'A' && out[1] <= 'Z')) out[0] = static_cast<char>(out[0] - 'A' + 'a');
    return out;
}

Text over_runs(std::size_t n) {
    if (n >= 5) return {"最近五次练习", "over the last five runs"};
    if (n == 1) return {"目前唯一一次练习", "over your only run so far"};
    static const char* zh_numbers[] = {"", "一", "两", "三", "四"};
    return {"目前的" + std::string(zh_numbers[n]) + "次练习", "over your " + std::to_string(n) + " runs so far"};
}

Recommendation make(const Candidate& c, RecommendationRule rule) {
    Recommendation r;
    r.scenario = c.meeting->scenario;
    r.persona = c.meeting->persona;
    r.difficulty = c.meeting->difficulty;
    r.rule = rule;
    return r;
}

}  // namespace

std::optional<Recommendation> recommend(const ContentSet& content, const std::vector<PastRun>& runs,
                                        const std::vector<OpenMeeting>& open) {
    std::vector<Candidate> cands;
    for (std::size_t i = 0; i < open.size(); ++i) {
        const auto scenario = content.scenario(open[i].scenario);
        const Persona* persona = content.persona(open[i].persona);
        if (!scenario || !persona ||
            std::find(scenario->personas.begin(), scenario->personas.end(), open[i].persona) == scenario->personas.end())
            continue;
        cands.push_back({&open[i], scenario.get(), persona, i});
    }
    if (cands.empty()) return std::nullopt;
    Record record;
    for (const auto& r : runs)
        if (!r.practice) record.counted.push_back(&r);
    auto all_where = [&](auto&& pred) {
        std::vector<const Candidate*> out;
        for (const auto& c : cands)
            if (pred(c)) out.push_back(&c);
        return out;
    };

    // 1. The weakest competency some open meeting trains, core ones first.
    const std::size_t n_recent = std::min<std::size_t>(5, record.counted.size());
    const std::vector<const PastRun*> recent(record.counted.end() - static_cast<std::ptrdiff_t>(n_recent), record.counted.end());
    for (const WeakCompetency& w : weak_competencies(content.model, recent)) {
        const auto trains = all_where([&](const Candidate& c) {
            const auto& list = c.scenario->competencies;
            return std::find(list.begin(), list.end(), w.competency->id) != list.end();
        });
        const Candidate* c = preferred(trains, record);
        if (!c) continue;
        Recommendation r = make(*c, RecommendationRule::WeakCompetency);
        r.competency = w.competency->id;
        r.average = w.average;
        const Text over = over_runs(n_recent);
        const std::string avg = std::to_string(w.average);
        const Competency& k = *w.competency;
        r.reason.zh = "您的" + k.name.zh + "(" + k.id + ")是" + over.zh + "中最弱的" + (k.core ? "核心" : "") +
                      "能力(平均 " + avg + " 分);" + quoted_zh(c->scenario->title) + "正训练这项能力,对手是" +
                      c->persona->name.zh + "。";
        r.reason.en = "Your " + in_sentence(k.name.en) + " (" + k.id + ") is your weakest " + (k.core ? "core " : "") +
                      "competency " + over.en + " (average " + avg + "); " + quoted_en(c->scenario->title) +
                      " trains it, against " + in_sentence(c->persona->name.en) + ".";
        return r;
    }

    // 2. A client not met yet.
    if (const Candidate* c = preferred(all_where([&](const Candidate& c) { return !record.met(c.meeting->persona); }), record)) {
        Recommendation r = make(*c, RecommendationRule::NewPersona);
        r.reason.zh = "您还没有面对过" + c->persona->name.zh + ";在" + quoted_zh(c->scenario->title) + "中与这类客户练一次。";
        r.reason.en = "You have not met " + in_sentence(c->persona->name.en) + " yet; practise against this kind of client in " +
                      quoted_en(c->scenario->title) + ".";
        return r;
    }

    // 3. Something the trainee's progress opened, not played yet.
    if (const Candidate* c =
            preferred(all_where([&](const Candidate& c) { return c.meeting->unlocked && !record.played(*c.meeting); }), record)) {
        Recommendation r = make(*c, RecommendationRule::Unlock);
        const Text& level = name_of(c->meeting->difficulty);
        r.reason.zh = "您已解锁" + quoted_zh(c->scenario->title) + "中的" + c->persona->name.zh + "(" + level.zh +
                      "难度),现在就来挑战。";
        r.reason.en = "You have unlocked " + in_sentence(c->persona->name.en) + " on " + level.en + " in " +
                      quoted_en(c->scenario->title) + "; take it on now.";
        return r;
    }

    // 4. Where the most stars are still to be won.
    const Candidate* fewest = nullptr;
    for (const auto& c : cands)
        if (!fewest || record.best_stars(*c.meeting) < record.best_stars(*fewest->meeting)) fewest = &c;
    Recommendation r = make(*fewest, RecommendationRule::FewestStars);
    const std::string stars = std::to_string(record.best_stars(*fewest->meeting));
    const Text& level = name_of(fewest->meeting->difficulty);
    r.reason.zh = "您在" + quoted_zh(fewest->scenario->title) + "中对" + fewest->persona->name.zh + "(" + level.zh +
                  "难度)的最好成绩是 " + stars + " 颗星,这里提升空间最大。";
    r.reason.en = "Your best in " + quoted_en(fewest->scenario->title) + " against " + in_sentence(fewest->persona->name.en) + " on " +
                  level.en + " is " + stars + " stars, the most still to win.";
    return r;
}

}  // namespace parley
