// Helpers for the end-to-end tests of parley-cli: a temporary folder, a small content root
// written into it, and running the real binary with captured output and exit code.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace parley::test {

namespace fs = std::filesystem;

// A fresh folder removed again at the end of the test.
class TempDir {
public:
    TempDir() {
        static int counter = 0;
        path_ = fs::temp_directory_path() /
                ("parley-cli-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& name) const { return path_ / name; }

private:
    fs::path path_;
};

inline void write_file(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

inline std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// `text` with its one occurrence of `from` replaced by `to`: the tests' way of planting a fault
// in the fixture. A fixture that no longer holds `from` stops the test with a clear message.
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::logic_error("fixture text does not contain " + from);
    return text.replace(at, from.size(), to);
}

struct CliRun {
    int exit = -1;
    std::string out, err;
};

inline std::string sh_quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// Runs parley-cli with `args` in `cwd`, feeding `input` on stdin.
inline CliRun run_cli(const std::vector<std::string>& args, const std::string& input = "",
                      const fs::path& cwd = fs::current_path()) {
    TempDir io;
    write_file(io / "stdin", input);
    std::string cmd = "cd " + sh_quote(cwd.string()) + " && " + sh_quote(PARLEY_CLI);
    for (const auto& a : args) cmd += " " + sh_quote(a);
    cmd += " <" + sh_quote((io / "stdin").string()) + " >" + sh_quote((io / "stdout").string()) + " 2>" +
           sh_quote((io / "stderr").string());
    const int status = std::system(cmd.c_str());
    CliRun run;
    run.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = read_file(io / "stdout");
    run.err = read_file(io / "stderr");
    return run;
}

// ----------------------------------------------------------------------------
// A small content root: the competency model, two personas and one scenario with
// an opening, probing, a compliance red line, a negotiation and three endings.
// ----------------------------------------------------------------------------

inline const char* kCompetencies = R"({
  "kind": "competency_model", "format": 1,
  "competencies": [
    {"id": "A", "name": {"zh": "沟通能力", "en": "Communication"}, "core": true, "weight": 2},
    {"id": "B", "name": {"zh": "团队协作", "en": "Teamwork"}, "core": false, "weight": 1},
    {"id": "C", "name": {"zh": "挖掘需求与发现商机", "en": "Need discovery"}, "core": true, "weight": 2},
    {"id": "D", "name": {"zh": "顾问式营销技巧", "en": "Consultative selling"}, "core": true, "weight": 2},
    {"id": "E", "name": {"zh": "关系能力", "en": "Relationship building"}, "core": false, "weight": 1},
    {"id": "F", "name": {"zh": "信息搜集", "en": "Information gathering"}, "core": false, "weight": 1},
    {"id": "G", "name": {"zh": "资源整合", "en": "Resource integration"}, "core": false, "weight": 1},
    {"id": "H", "name": {"zh": "服务规范及商务礼仪", "en": "Service standards and etiquette"}, "core": false, "weight": 1},
    {"id": "I", "name": {"zh": "商务谈判技巧", "en": "Negotiation"}, "core": false, "weight": 1},
    {"id": "J", "name": {"zh": "产品知识", "en": "Product knowledge"}, "core": true, "weight": 2},
    {"id": "K", "name": {"zh": "行业知识", "en": "Industry knowledge"}, "core": true, "weight": 2}
  ],
  "tiers": [
    {"id": "junior", "name": {"zh": "初级", "en": "Junior"}, "min_total": 0},
    {"id": "intermediate", "name": {"zh": "中级", "en": "Intermediate"}, "min_total": 60},
    {"id": "senior", "name": {"zh": "高级", "en": "Senior"}, "min_total": 80}
  ],
  "stars": [40, 65, 85],
  "critical_violation_cap": 30,
  "shares": {"competencies": 60, "outcome": 25, "negotiation": 15}
}
)";

// A persona whose cues name the persona, so tests can see which one is playing.
inline std::string persona_json(const std::string& id, const std::string& en_name, const std::string& beta) {
    std::string cues;
    for (const char* e : {"boredom", "nervousness", "anger", "defensiveness", "suspicion", "calm", "pleased"}) {
        cues += std::string(cues.empty() ? "" : ",\n    ") + "\"" + e + "\": [{\"zh\": \"" + id + "的" + e +
                "神态\", \"en\": \"" + en_name + " looks " + e + "\"}]";
    }
    return R"({
  "kind": "persona", "format": 1, "id": ")" + id + R"(",
  "name": {"zh": "测试客户)" + id + R"(", "en": ")" + en_name + R"("},
  "summary": {"zh": "测试用客户。", "en": "A client for tests."},
  "approach": {"zh": "用事实说话。", "en": "Lead with facts."},
  "social_style": {"assertiveness": -40, "responsiveness": -60},
  "profile": {"patience": 60, "price_sensitivity": 50, "skepticism": 80,
             "decisiveness": 40, "talkativeness": 30, "risk_appetite": 30},
  "reactions": {
    "facts_data": {"scale": 150, "trust": 2},
    "pushiness": {"scale": 200, "patience": -1, "emotion": "defensiveness"}
  },
  "methods": {"questioning": 130, "direct_rebuttal": 60},
  "cues": {
    )" + cues + R"(
  },
  "negotiation": {"beta": )" + beta + R"(, "reciprocity": 30, "patience_rounds": 6,
                  "split_gap": 0, "nibble_tolerance": 5}
}
)";
}

// The scenario; `feedback` is the first option's English feedback (tests change it to reword
// the content, which keeps its content hash).
inline std::string scenario_json(const std::string& feedback = "Setting an agenda first respects the client's time.") {
    return R"({
  "kind": "scenario", "format": 1, "id": "fixture-visit",
  "title": {"zh": "测试拜访", "en": "Test visit"},
  "summary": {"zh": "一次简短的测试拜访。", "en": "A short visit for tests."},
  "company": {"zh": "测试贸易公司", "en": "Test Trading Ltd"},
  "situation": {"zh": "客户需要流动资金。", "en": "The client needs working capital."},
  "entry_moment": "new_project",
  "entry_note": {"zh": "客户刚接到新订单。", "en": "The client has just won a new order."},
  "objectives": [{"zh": "了解需求并谈定条件。", "en": "Find the need and agree terms."}],
  "level": 1, "difficulty": "normal",
  "competencies": ["A", "C", "D", "I", "J"],
  "personas": ["steady", "driver"],
  "state": {
    "trust": 40, "interest": 30, "patience": 10, "emotion": "calm",
    "variables": {"benefits_linked": 0},
    "flags": ["agenda_set"],
    "needs": [{"id": "cash_flow", "label": {"zh": "现金流", "en": "Cash flow"}}],
    "objections": [{"id": "rate_too_high", "type": "price", "label": {"zh": "利率太高", "en": "Rate too high"}}]
  },
  "start": "open",
  "patience_out": "end_left",
  "nodes": [
    {"id": "open", "stage": "opening",
     "line": {"zh": "你好,请坐。", "en": "Hello, have a seat."},
     "options": [
       {"id": "agenda", "text": {"zh": "先说明今天的议程。", "en": "Set out today's agenda."},
        "tags": ["rapport", "agenda"],
        "effects": {"trust": 5, "set_flags": ["agenda_set"]},
        "evidence": {"A": 2, "H": 1},
        "feedback": {"zh": "先说明议程,尊重客户的时间。", "en": ")" + feedback + R"("},
        "next": "probe"},
       {"id": "pitch", "text": {"zh": "直接推销产品。", "en": "Pitch the product straight away."},
        "tags": ["pushiness"],
        "effects": {"trust": -5},
        "evidence": {"A": -1},
        "feedback": {"zh": "没有了解需求就推销,客户会防御。", "en": "Pitching before asking puts the client on guard."},
        "next": "probe"}
     ]},
    {"id": "probe", "stage": "probing",
     "line": {"zh": "我们订单多了,但回款慢。", "en": "Orders are up, but payments come in slowly."},
     "options": [
       {"id": "ask_open", "text": {"zh": "回款慢对经营有什么影响?", "en": "How do slow payments affect the business?"},
        "tags": ["open_question"],
        "effects": {"interest": 10, "discover_needs": ["cash_flow"], "add": {"benefits_linked": 1}},
        "evidence": {"C": 2},
        "feedback": {"zh": "开放式提问让客户说出需求。", "en": "An open question lets the client state the need."},
        "next": "present"},
       {"id": "ask_closed", "text": {"zh": "您需要贷款吗?", "en": "Do you need a loan?"},
        "tags": ["closed_question"],
        "evidence": {"C": -1},
        "feedback": {"zh": "封闭式提问过早,得不到需求。", "en": "A closed question this early finds no need."},
        "next": "present"}
     ]},
    {"id": "present", "stage": "presenting",
     "line": {"zh": "你们的贷款有什么好处?", "en": "What does your loan do for us?"},
     "options": [
       {"id": "benefit", "text": {"zh": "流动资金贷款能缓解回款压力。", "en": "A working-capital loan bridges the slow payments."},
        "tags": ["benefit"],
        "effects": {"interest": 10, "raise_objections": ["rate_too_high"]},
        "evidence": {"D": 2, "J": 1},
        "feedback": {"zh": "把利益和客户的需求联系起来。", "en": "Tie the benefit to the need the client stated."},
        "next": "terms"},
       {"id": "guarantee", "text": {"zh": "我保证您稳赚不赔。", "en": "I guarantee you cannot lose money."},
        "tags": ["pushiness"],
        "effects": {"trust": 5},
        "evidence": {"J": -3},
        "feedback": {"zh": "承诺保证收益是合规红线。", "en": "Promising guaranteed returns crosses a compliance red line."},
        "violation": {"red_line": "guaranteed_return", "critical": true,
                      "explanation": {"zh": "不得承诺保证收益或赔偿损失。", "en": "Never promise guaranteed returns or to cover losses."}},
        "next": "terms"}
     ]},
    {"id": "terms", "stage": "negotiation",
     "line": {"zh": "利率太高了,4.2%我们就签。", "en": "The rate is too high. At 4.2% we sign."},
     "negotiation": {
       "briefing": {"zh": "守住利率,可以在费用上让步。", "en": "Hold the rate; the fee can move."},
       "issues": [
         {"id": "rate", "label": {"zh": "贷款利率", "en": "Loan rate"}, "unit": "%", "decimals": 2,
          "min": 3.50, "max": 6.00, "step": 0.05, "bank_prefers": "higher",
          "bank_target": 5.20, "bank_walkaway": 4.60, "bank_opening": 5.60,
          "client_opening": 4.20, "client_reservation": 5.00, "weight": 3},
         {"id": "fee", "label": {"zh": "手续费", "en": "Fee"}, "unit": "%", "decimals": 2,
          "min": 0.00, "max": 1.00, "step": 0.05, "bank_prefers": "higher",
          "bank_target": 0.50, "bank_walkaway": 0.20, "bank_opening": 0.80,
          "client_opening": 0.10, "client_reservation": 0.40, "weight": 1}
       ],
       "max_rounds": 4, "max_concessions": 3,
       "should_concede": ["fee"], "must_hold": ["rate"],
       "on_deal": "end_deal", "on_no_deal": "end_no_deal", "on_client_quit": "end_left"
     }},
    {"id": "end_deal", "stage": "ending", "outcome": "deal", "outcome_score": 100,
     "line": {"zh": "好,就这么定了。", "en": "Fine, we have a deal."},
     "summary": {"zh": "达成协议。", "en": "The loan was agreed."}},
    {"id": "end_no_deal", "stage": "ending", "outcome": "no_deal", "outcome_score": 30,
     "line": {"zh": "那就算了。", "en": "Then let's leave it."},
     "summary": {"zh": "没有达成协议。", "en": "No agreement was reached."}},
    {"id": "end_left", "stage": "ending", "outcome": "client_left", "outcome_score": 0,
     "line": {"zh": "我还有别的事。", "en": "I have other things to do."},
     "summary": {"zh": "客户失去了耐心。", "en": "The client ran out of patience."}}
  ]
}
)";
}

// Writes the content root into `root`; returns the scenario file.
inline fs::path write_fixture_content(const fs::path& root) {
    write_file(root / "competencies.json", kCompetencies);
    write_file(root / "personas" / "steady.json", persona_json("steady", "The steady analyst", "0.5"));
    write_file(root / "personas" / "driver.json", persona_json("driver", "The driver", "2.0"));
    write_file(root / "library" / "fixture-visit.json", scenario_json());
    return root / "library" / "fixture-visit.json";
}

}  // namespace parley::test
