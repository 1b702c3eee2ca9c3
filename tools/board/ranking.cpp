#include "ranking.h"

#include <algorithm>
#include <tuple>

namespace parley::board {

namespace {

// What decides the order; the name only lists equal standings in a stable order.
auto merit(const Standing& s) { return std::make_tuple(-s.total, -s.stars, s.critical, s.violations); }

}  // namespace

std::vector<RankedStanding> rank_standings(std::vector<Standing> standings) {
    std::sort(standings.begin(), standings.end(), [](const Standing& a, const Standing& b) {
        if (merit(a) != merit(b)) return merit(a) < merit(b);
        if (a.name != b.name) return a.name < b.name;
        return a.player_id < b.player_id;
    });
    std::vector<RankedStanding> out;
    out.reserve(standings.size());
    for (std::size_t i = 0; i < standings.size(); ++i) {
        const int rank = (i > 0 && merit(standings[i]) == merit(standings[i - 1])) ? out.back().rank
                                                                                     : static_cast<int>(i) + 1;
        out.push_back({rank, std::move(standings[i])});
    }
    return out;
}

const Text& tie_rule() {
    static const Text rule{
        "排名依次比较:总分高者在前;总分相同比星级;再相同比严重违规少者;再相同比违规少者。"
        "四项都相同则名次并列。用时和提交先后从不计入排名。",
        "Ranked by total, then stars, then fewer critical violations, then fewer violations. "
        "Trainees equal on all four share the rank. Time taken and order of submission never count."};
    return rule;
}

}  // namespace parley::board
