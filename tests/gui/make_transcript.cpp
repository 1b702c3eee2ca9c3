// make_transcript: writes a valid transcript of a shipped scenario for the GUI tests, made from
// the engine's own analysis so it stays valid when the content changes. The run is varied on
// purpose — one option that is not the best, every kind of negotiation move the UI offers
// (prepare, offer, hold, trade, accept) — so the scripted player exercises each path.
//
//   make_transcript CONTENT SCENARIO PERSONA SEED DIFFICULTY OUT.json [violate]
//
// With `violate`, the run also crosses the first compliance red line it is offered (a
// critical violation the debrief must explain).
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>

#include "parley/analysis.h"
#include "parley/loader.h"
#include "parley/transcript.h"

using namespace parley;

namespace {

std::string pairs(const Negotiation& block, const std::vector<std::pair<std::string, std::int64_t>>& values) {
    std::string out;
    for (const auto& [id, v] : values)
        for (const auto& issue : block.issues)
            if (issue.id == id) out += (out.empty() ? "" : ";") + id + "=" + format_value(issue, v);
    return out;
}

// Prepare the author's lists, open at the bank's opening, hold once, trade a concede-list
// issue for a step on a hold-list issue, then accept the client's offer.
void negotiate(Session& s) {
    const Negotiation& block = *s.negotiation()->block;
    auto join = [](const std::vector<std::string>& ids) {
        std::string out;
        for (const auto& id : ids) out += (out.empty() ? "" : "+") + id;
        return out;
    };
    std::vector<std::string> moves;
    moves.push_back("prep:concede=" + join(block.should_concede) + ";hold=" + join(block.must_hold));
    std::vector<std::pair<std::string, std::int64_t>> opening;
    for (const auto& issue : block.issues) opening.emplace_back(issue.id, issue.bank_opening);
    moves.push_back("offer:" + pairs(block, opening));
    moves.push_back("hold");
    if (!block.should_concede.empty() && !block.must_hold.empty()) {
        const NegotiationIssue* give = nullptr;
        const NegotiationIssue* ask = nullptr;
        for (const auto& issue : block.issues) {
            if (issue.id == block.should_concede.front()) give = &issue;
            if (issue.id == block.must_hold.front()) ask = &issue;
        }
        if (give && ask) {
            moves.push_back("trade:" + pairs(block, {{give->id, give->bank_target}}) + "/" +
                            pairs(block, {{ask->id, ask->bank_target}}));
        }
    }
    moves.push_back("accept");
    for (const auto& m : moves) {
        if (!s.in_negotiation()) return;
        s.decide(m);   // a move the state does not allow is skipped
    }
    if (s.in_negotiation() && s.decide("accept")) s.decide("walk");
}

}  // namespace

int main(int argc, char** argv) {
    if ((argc != 7 && argc != 8) || (argc == 8 && std::string(argv[7]) != "violate")) {
        std::cerr << "usage: make_transcript CONTENT SCENARIO PERSONA SEED DIFFICULTY OUT.json [violate]\n";
        return 2;
    }
    Diagnostics diags;
    const auto content = load_content(argv[1], diags);
    if (!content) {
        for (const auto& d : diags.items) std::cerr << format(d) << '\n';
        return 1;
    }
    const auto scenario = content->scenario(argv[2]);
    const auto difficulty = parse<Difficulty>(argv[5]);
    if (!scenario || !content->persona(argv[3]) || !difficulty) {
        std::cerr << "make_transcript: unknown scenario, persona or difficulty\n";
        return 1;
    }
    std::uint64_t seed = 0;
    const std::string seed_text = argv[4];
    const auto parsed = std::from_chars(seed_text.data(), seed_text.data() + seed_text.size(), seed);
    if (parsed.ec != std::errc() || parsed.ptr != seed_text.data() + seed_text.size()) {
        std::cerr << "make_transcript: SEED must be a whole number from 0 to 2^64-1, not '" << seed_text << "'\n";
        return 2;
    }
    Session s(content, scenario, argv[3], seed, *difficulty);
    int guard = 0;
    bool varied = false;
    bool violate = argc == 8;
    while (!s.finished() && ++guard < 200) {
        if (s.in_negotiation()) {
            negotiate(s);
            continue;
        }
        if (violate) {
            std::optional<std::size_t> red_line;
            for (const auto& o : s.options())
                if (o.option->violation) {
                    red_line = o.number;
                    break;
                }
            if (red_line) {
                s.choose(*red_line);
                violate = false;
                continue;
            }
        }
        auto values = decision_values(s);
        if (values.empty()) break;
        std::stable_sort(values.begin(), values.end(),
                         [](const DecisionValue& a, const DecisionValue& b) { return a.best.total > b.best.total; });
        // Once, take a weaker option (one with regret) that still leads to the negotiation.
        const DecisionValue* pick = &values.front();
        if (!varied && s.decisions().size() >= 1)
            for (const auto& v : values)
                if (v.decision != values.front().decision && v.best.total < values.front().best.total &&
                    std::any_of(v.best.choices.begin(), v.best.choices.end(),
                                [](const std::string& c) { return c.rfind("prep:", 0) == 0; })) {
                    pick = &v;
                    varied = true;
                    break;
                }
        if (s.decide(pick->decision)) break;
    }
    if (!s.finished()) {
        std::cerr << "make_transcript: the run did not finish\n";
        return 1;
    }
    std::ofstream out(argv[6]);
    out << to_json(transcript_of(s)).dump(2) << '\n';
    return out ? 0 : 1;
}
