// Terminal presenter for parley-cli.
//
// Contents
//   1. Text helpers       (labels, display width of CJK text, padding)
//   2. Briefing
//   3. Beats and options
//   4. Negotiation panel  (issues, both offers, lists, history, move syntax)
//   5. Debrief
#include "presenter.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "parley/catalogue.h"
#include "parley/negotiation.h"

namespace parley::cli {

// ============================================================================
// 1. Text helpers
// ============================================================================

const char* tr(Lang lang, const char* zh, const char* en) { return lang == Lang::Zh ? zh : en; }

namespace {

// Terminal columns a UTF-8 string takes: East Asian wide characters take two.
std::size_t display_width(const std::string& s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::uint32_t cp = c;
        std::size_t len = 1;
        if (c >= 0xF0) { cp = c & 0x07; len = 4; }
        else if (c >= 0xE0) { cp = c & 0x0F; len = 3; }
        else if (c >= 0xC0) { cp = c & 0x1F; len = 2; }
        for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                          (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                          (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                          (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x20000;
        width += wide ? 2 : 1;
        i += len;
    }
    return width;
}

std::string pad(const std::string& s, std::size_t width) {
    const std::size_t w = display_width(s);
    return w >= width ? s + " " : s + std::string(width - w, ' ');
}

std::string rule(const std::string& title) {
    std::string line = "── " + title + " ";
    const std::size_t w = display_width(line);
    for (std::size_t i = w; i < 72; ++i) line += "─";
    return line;
}

std::string signed_int(int v) { return (v > 0 ? "+" : "") + std::to_string(v); }

std::string stars(int n) {
    std::string s;
    for (int i = 0; i < 3; ++i) s += i < n ? "★" : "☆";
    return s;
}

// The bilingual name of a concession rule of seed 000 (双赢谈判).
const char* rule_name(NegotiationRule r, Lang lang) {
    switch (r) {
        case NegotiationRule::Prepared:
            return tr(lang, "准备两张表(退让表、坚持表)", "prepare both lists (concede / hold)");
        case NegotiationRule::FewConcessions: return tr(lang, "让步的次数要少", "few concessions");
        case NegotiationRule::Slowly: return tr(lang, "让步的速度要慢", "concede slowly");
        case NegotiationRule::Diminishing:
            return tr(lang, "让步的幅度要越来越小", "each concession smaller than the last");
        case NegotiationRule::NeverSplitFirst:
            return tr(lang, "绝对不主动要求分摊差异", "never be first to propose splitting the difference");
        case NegotiationRule::TradeDontGive: return tr(lang, "学会条件交换", "trade, never give");
        case NegotiationRule::RespectHoldList:
            return tr(lang, "不在坚持表上的议题让步", "never concede an issue on your hold list");
        case NegotiationRule::RespectWalkaway:
            return tr(lang, "不突破银行底线", "never agree beyond the bank's walk-away");
    }
    return "?";
}

const char* outcome_name(NegotiationOutcome o, Lang lang) {
    switch (o) {
        case NegotiationOutcome::Deal: return tr(lang, "达成协议", "deal");
        case NegotiationOutcome::NoDeal: return tr(lang, "你离开了谈判", "you walked away");
        case NegotiationOutcome::ClientQuit: return tr(lang, "客户失去耐心", "the client lost patience");
    }
    return "?";
}

const NegotiationIssue* issue_of(const Negotiation& block, const std::string& id) {
    for (const auto& issue : block.issues)
        if (issue.id == id) return &issue;
    return nullptr;
}

std::string value_of(const Negotiation& block, const IssueValues& values, const std::string& id) {
    const auto* issue = issue_of(block, id);
    const auto it = values.find(id);
    if (!issue || it == values.end()) return "—";
    return format_value(*issue, it->second);
}

std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string s;
    for (const auto& item : items) s += (s.empty() ? "" : sep) + item;
    return s;
}

// "rate 5.20% · fee 0.30" in the issues' order.
std::string terms(const Negotiation& block, const IssueValues& values, Lang lang) {
    std::vector<std::string> parts;
    for (const auto& issue : block.issues) {
        const auto it = values.find(issue.id);
        if (it == values.end()) continue;
        parts.push_back(issue.label.in(lang) + " " + format_value_with_unit(issue, it->second));
    }
    return parts.empty() ? "—" : join(parts, " · ");
}

}  // namespace

// ============================================================================
// 2. Briefing
// ============================================================================

void show_briefing(std::ostream& out, const Session& s, Lang lang) {
    const Scenario& sc = s.scenario();
    const Persona& p = s.persona();
    out << rule(sc.title.in(lang)) << '\n';
    out << sc.summary.in(lang) << "\n\n";
    out << tr(lang, "客户:", "Client: ") << sc.company.in(lang) << '\n';
    out << tr(lang, "情况:", "Situation: ") << sc.situation.in(lang) << '\n';
    if (sc.entry_moment) {
        out << tr(lang, "切入时机:", "Entry moment: ") << name_of(*sc.entry_moment).in(lang);
        if (!sc.entry_note.empty()) out << " — " << sc.entry_note.in(lang);
        out << '\n';
    }
    if (!sc.objectives.empty()) {
        out << tr(lang, "目标:", "Objectives:") << '\n';
        for (const auto& o : sc.objectives) out << "  • " << o.in(lang) << '\n';
    }
    out << '\n' << tr(lang, "客户类型:", "Client type: ") << p.name.in(lang) << '\n';
    if (!p.summary.empty()) out << "  " << p.summary.in(lang) << '\n';
    if (!p.approach.empty())
        out << "  " << tr(lang, "应对要点:", "How to approach: ") << p.approach.in(lang) << '\n';
    out << tr(lang, "难度:", "Difficulty: ") << name_of(s.difficulty()).in(lang);
    if (visibility_of(s.difficulty()) == Visibility::Cues)
        out << tr(lang, "(只显示肢体语言,不显示数值)", " (body language only, no meters)");
    out << "\n";
    out << tr(lang, "每个选择消耗一点耐心;输入 help 查看帮助,quit 退出。",
              "Every decision costs one patience. Type help for help, quit to leave.")
        << "\n\n";
}

// ============================================================================
// 3. Beats and options
// ============================================================================

namespace {

void show_client(std::ostream& out, const Session& s, const Text& line, Lang lang) {
    const BeatView b = s.beat();
    out << s.persona().name.in(lang) << tr(lang, ":“", ": \"") << line.in(lang)
        << tr(lang, "”", "\"") << '\n';
    if (!b.cue.empty()) {
        out << "  (" << b.cue.in(lang) << ")";
        if (b.visibility == Visibility::Meters) out << "  [" << name_of(b.emotion).in(lang) << "]";
        out << '\n';
    }
    if (b.visibility == Visibility::Meters) {
        const ClientState& st = s.state();
        out << "  " << tr(lang, "信任 ", "Trust ") << st.trust << tr(lang, " · 兴趣 ", " · Interest ")
            << st.interest << tr(lang, " · 耐心 ", " · Patience ") << st.patience << '\n';
    }
}

void show_negotiation(std::ostream& out, const Session& s, const NegotiationState& n, Lang lang);

}  // namespace

void show_beat(std::ostream& out, const Session& s, Lang lang) {
    const BeatView b = s.beat();
    out << '\n' << rule(name_of(b.stage).in(lang)) << '\n';
    if (const NegotiationState* n = s.negotiation()) {
        const bool opening = n->round == 0 && n->client_says.empty();
        show_client(out, s, opening ? b.line : n->client_says, lang);
        show_negotiation(out, s, *n, lang);
        return;
    }
    show_client(out, s, b.line, lang);
    if (s.finished()) return;
    out << tr(lang, "你的选择:", "Your options:") << '\n';
    for (const auto& o : s.options()) out << "  " << o.number << ". " << o.option->text.in(lang) << '\n';
}

void show_step(std::ostream& out, const Session& s, Lang lang) {
    if (s.decisions().empty()) return;
    const DecisionRecord& d = s.decisions().back();
    out << "› " << d.option_text.in(lang);
    if (visibility_of(s.difficulty()) == Visibility::Meters &&
        (d.trust_delta || d.interest_delta || d.patience_delta)) {
        out << "   (" << tr(lang, "信任 ", "trust ") << signed_int(d.trust_delta)
            << tr(lang, " · 兴趣 ", " · interest ") << signed_int(d.interest_delta)
            << tr(lang, " · 耐心 ", " · patience ") << signed_int(d.patience_delta) << ")";
    }
    out << '\n';
}

// ============================================================================
// 4. Negotiation panel
// ============================================================================

namespace {

void show_negotiation(std::ostream& out, const Session& s, const NegotiationState& n, Lang lang) {
    const Negotiation& block = *n.block;
    const bool meters = visibility_of(s.difficulty()) == Visibility::Meters;

    out << tr(lang, "谈判 · 第 ", "Negotiation · round ") << n.round + 1
        << tr(lang, " 轮 / 共 ", " of ") << block.max_rounds << tr(lang, " 轮", "");
    if (meters) out << tr(lang, " · 客户还会还价 ", " · client counter-offers left ") << n.counters_left;
    out << '\n';
    if (!n.prepared && !block.briefing.empty())
        out << tr(lang, "谈判简报:", "Briefing: ") << block.briefing.in(lang) << '\n';

    const std::vector<std::string> head{tr(lang, "议题", "Issue"),       tr(lang, "范围", "Range"),
                                        tr(lang, "目标", "Target"),      tr(lang, "底线", "Walk-away"),
                                        tr(lang, "你的报价", "Your offer"), tr(lang, "客户报价", "Client offer")};
    std::vector<std::vector<std::string>> rows{head};
    for (const auto& issue : block.issues) {
        const std::string unit = issue.unit.empty() ? "" : " (" + issue.unit + ")";
        rows.push_back({issue.id + " " + issue.label.in(lang) + unit,
                        format_value(issue, issue.min) + "–" + format_value(issue, issue.max) + " /" +
                            format_value(issue, issue.step),
                        format_value(issue, issue.bank_target), format_value(issue, issue.bank_walkaway),
                        value_of(block, n.trainee_offer, issue.id),
                        value_of(block, n.client_offer, issue.id)});
    }
    std::vector<std::size_t> widths(head.size(), 0);
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]) + 2);
    for (const auto& row : rows) {
        out << "  ";
        for (std::size_t c = 0; c + 1 < row.size(); ++c) out << pad(row[c], widths[c]);
        out << row.back() << '\n';
    }

    if (n.prepared) {
        out << tr(lang, "你的退让表:", "Your concede list: ")
            << (n.concede_list.empty() ? "—" : join(n.concede_list, ", "))
            << tr(lang, " · 坚持表:", " · hold list: ") << (n.hold_list.empty() ? "—" : join(n.hold_list, ", "))
            << '\n';
    } else if (n.trainee_offer.empty()) {
        IssueValues opening;
        for (const auto& issue : block.issues) opening[issue.id] = issue.bank_opening;
        out << tr(lang, "建议开价:", "Suggested opening: ") << terms(block, opening, lang) << '\n';
    }

    if (!n.history.empty()) {
        out << tr(lang, "让步记录:", "Concessions:") << '\n';
        for (const auto& c : n.history) {
            const auto* issue = issue_of(block, c.issue);
            out << "  " << tr(lang, "第 ", "round ") << c.round << tr(lang, " 轮 ", " ")
                << pad(c.by_trainee ? tr(lang, "你", "you") : tr(lang, "客户", "client"), 7) << c.issue << ' '
                << (issue ? format_value(*issue, c.from) : "?") << " → "
                << (issue ? format_value(*issue, c.to) : "?")
                << (c.traded ? tr(lang, "(条件交换)", " (traded)") : "") << '\n';
        }
    }
    if (n.client_proposed_split)
        out << tr(lang, "客户提议折中分摊差异。", "The client has proposed splitting the difference.") << '\n';
    if (!n.prepared)
        out << tr(lang, "第一步:准备退让表与坚持表(prep)。", "First move: prepare your two lists (prep).")
            << '\n';
    out << tr(lang, "输入谈判动作(help 查看语法):", "Type a move (help shows the syntax):") << '\n';
}

}  // namespace

void show_move_syntax(std::ostream& out, const Negotiation& block, Lang lang) {
    std::vector<std::string> ids;
    for (const auto& issue : block.issues) ids.push_back(issue.id);
    const std::string a = ids.empty() ? "ISSUE" : ids.front();
    const std::string v =
        block.issues.empty() ? "VALUE" : format_value(block.issues.front(), block.issues.front().bank_target);
    const std::vector<std::pair<std::string, const char*>> moves{
        {"prep:concede=ISSUE+ISSUE;hold=ISSUE",
         tr(lang, "准备退让表与坚持表(每个谈判的第一步;列表可为空)",
            "prepare your concede and hold lists (first move; a list may be empty)")},
        {"offer:" + a + "=" + v,
         tr(lang, "报价(未提到的议题保持上次报价)", "propose values (issues not named keep your last offer)")},
        {"trade:ISSUE=VALUE/ISSUE=VALUE",
         tr(lang, "条件交换:只有对方接受后者,才让出前者", "concede the first only if the client accepts the second")},
        {"nibble:ISSUE=VALUE", tr(lang, "蚕食:条件接近时再要一点", "ask one small extra once terms are close")},
        {"hold | split | accept | walk",
         tr(lang, "坚持 | 提议折中 | 接受客户报价 | 离开谈判",
            "hold your offer | propose splitting | accept the client's offer | walk away")},
    };
    out << tr(lang, "谈判动作(议题:", "Moves (issues: ") << join(ids, ", ") << tr(lang, "):", "):") << '\n';
    for (const auto& [syntax, meaning] : moves) out << "  " << pad(syntax, 38) << meaning << '\n';
    out << "  " << tr(lang, "数值按显示单位书写,多个议题用 ; 分隔,如 ", "Values are in display units; separate issues with ;, e.g. ")
        << "offer:" << a << "=" << v << (ids.size() > 1 ? ";" + ids[1] + "=…" : "") << '\n';
}

// ============================================================================
// 5. Debrief
// ============================================================================

void show_debrief(std::ostream& out, const Debrief& d, const Session& s, Lang lang) {
    const CompetencyModel& model = s.model();
    out << '\n' << rule(tr(lang, "复盘", "Debrief")) << '\n';
    out << s.scenario().title.in(lang) << " · " << s.persona().name.in(lang) << " · "
        << name_of(d.difficulty).in(lang) << tr(lang, " · 随机种子 ", " · seed ") << d.seed << '\n';
    if (d.finished)
        out << tr(lang, "结果:", "Outcome: ") << name_of(d.outcome).in(lang) << '\n';
    else
        out << tr(lang, "会谈没有结束。", "The meeting did not finish.") << '\n';
    if (!d.ending_summary.empty()) out << "  " << d.ending_summary.in(lang) << '\n';

    const Score& sc = d.score;
    out << '\n' << tr(lang, "总分 ", "Total ") << sc.total << "/100  " << stars(sc.stars);
    if (sc.tier) out << "  " << sc.tier->name.in(lang);
    if (sc.failed) out << tr(lang, "  未通过:严重违规", "  FAILED: critical violation");
    out << '\n' << "  " << tr(lang, "能力 ", "competencies ") << sc.competency_part
        << tr(lang, " · 结果 ", " · outcome ") << sc.outcome_part;
    if (sc.negotiation_part) out << tr(lang, " · 谈判 ", " · negotiation ") << *sc.negotiation_part;
    out << '\n';
    for (const auto& reason : d.failure_reasons)
        out << "  " << tr(lang, "未通过的原因:", "Why it failed: ") << reason.in(lang) << '\n';

    if (!sc.competencies.empty()) {
        out << '\n' << tr(lang, "能力评估:", "Competencies:") << '\n';
        for (const auto& c : sc.competencies) {
            const Competency* comp = model.find(c.id);
            const std::string name = c.id + " " + (comp ? comp->name.in(lang) : std::string()) +
                                     (comp && comp->core ? tr(lang, "(核心)", " (core)") : "");
            out << "  " << pad(name, 34) << pad(std::to_string(c.score), 4)
                << std::string(static_cast<std::size_t>(std::clamp(c.score, 0, 100) / 5), '#')
                << std::string(static_cast<std::size_t>(20 - std::clamp(c.score, 0, 100) / 5), '.') << "  "
                << c.observations << tr(lang, " 次", c.observations == 1 ? " decision" : " decisions") << '\n';
        }
    }

    for (std::size_t i = 0; i < d.negotiations.size(); ++i) {
        const NegotiationSummary& n = d.negotiations[i];
        out << '\n' << tr(lang, "谈判:", "Negotiation: ") << outcome_name(n.outcome, lang);
        if (n.outcome == NegotiationOutcome::Deal && !n.agreed_text.empty()) out << " — " << n.agreed_text.in(lang);
        out << '\n'
            << "  " << tr(lang, "银行价值 ", "bank value ") << n.bank_value
            << tr(lang, " · 客户满意度 ", " · client satisfaction ") << n.client_satisfaction
            << tr(lang, " · 你的让步 ", " · your concessions ") << n.trainee_concessions
            << tr(lang, " · 规则遵守 ", " · rule adherence ") << n.rule_adherence << '\n';
        for (const auto& b : n.breaches) {
            out << "  ✗ " << rule_name(b.rule, lang) << tr(lang, "(第 ", " (round ") << b.round
                << tr(lang, " 轮", "") << (b.issue.empty() ? "" : ", " + b.issue) << tr(lang, ")", ")")
                << '\n';
        }
    }

    if (!d.violations.empty()) {
        out << '\n' << tr(lang, "合规违规:", "Compliance violations:") << '\n';
        for (const auto& v : d.violations) {
            const std::string what = v.red_line ? name_of(*v.red_line).in(lang)
                                                : tr(lang, "未履行义务:", "duty left undone: ") +
                                                      name_of(*v.duty).in(lang);
            out << "  ✗ " << tr(lang, "第 ", "decision ") << v.decision + 1 << tr(lang, " 步 ", " ") << what
                << (v.critical ? tr(lang, "(严重)", " (critical)") : "") << '\n'
                << "    " << v.explanation.in(lang) << '\n';
        }
    }

    out << '\n' << tr(lang, "每一步:", "Decisions:") << '\n';
    for (std::size_t i = 0; i < d.decisions.size(); ++i) {
        const DecisionRecord& r = d.decisions[i];
        out << pad(std::to_string(i + 1) + ".", 4) << "[" << name_of(r.stage).in(lang) << "] "
            << r.option_text.in(lang) << '\n';
        std::vector<std::string> notes;
        for (const auto& e : r.evidence) notes.push_back(e.competency + " " + signed_int(e.value));
        if (r.close_timely)
            notes.push_back(*r.close_timely ? tr(lang, "促成时机恰当", "timely close")
                                            : tr(lang, "促成过早", "premature close"));
        if (r.method_effectiveness)
            notes.push_back(tr(lang, "方法有效度 ", "method effectiveness ") +
                            std::to_string(*r.method_effectiveness) + "%");
        if (r.objection_resolved)
            notes.push_back(*r.objection_resolved ? tr(lang, "异议已化解", "objection resolved")
                                                  : tr(lang, "异议未化解", "objection not resolved"));
        for (const auto& b : r.breaches) notes.push_back(std::string("✗ ") + rule_name(b.rule, lang));
        if (r.violation) notes.push_back(std::string("✗ ") + name_of(r.violation->red_line).in(lang));
        if (!notes.empty()) out << "    " << join(notes, " · ") << '\n';
        if (!r.feedback.empty()) out << "    ↳ " << r.feedback.in(lang) << '\n';
        if (!r.sources.empty()) out << "      " << tr(lang, "出处:", "Source: ") << join(r.sources, "; ") << '\n';
    }
}

}  // namespace parley::cli
