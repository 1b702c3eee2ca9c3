// Contents: 1. shared columns  2. CSV  3. xlsx
#include "exports.h"

#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace parley::board {

// ============================================================================
// 1. Shared columns
// ============================================================================

namespace {


std::vector<std::string> header(const ClassReport& r, Lang lang) {
    const bool zh = lang == Lang::Zh;
    std::vector<std::string> h = {zh ? "名次" : "Rank", zh ? "姓名" : "Name", zh ? "总分" : "Total",
                                  zh ? "星级" : "Stars", zh ? "等级" : "Tier"};
    for (const auto& c : r.competencies) h.push_back(c.id + " " + c.name.in(lang));
    h.push_back(zh ? "违规" : "Violations");
    h.push_back(zh ? "严重违规" : "Critical violations");
    h.push_back(zh ? "用时(秒)" : "Time (s)");
    h.push_back(zh ? "状态" : "Status");
    return h;
}

// A cell is a number or a text; empty optional = empty cell.
struct Cell {
    bool number = false;
    long value = 0;
    std::string text;
};

std::vector<Cell> row_of(const ClassReport& r, const TraineeRow& t, Lang lang) {
    const bool zh = lang == Lang::Zh;
    auto num = [](long v) { return Cell{true, v, {}}; };
    auto txt = [](std::string s) { return Cell{false, 0, std::move(s)}; };
    std::vector<Cell> row;
    row.push_back(t.result ? num(t.rank) : txt(""));
    row.push_back(txt(t.name));
    if (t.result) {
        row.push_back(num(t.result->total));
        row.push_back(num(t.result->stars));
        const auto tier = r.tier_names.find(t.result->tier);
        row.push_back(txt(tier != r.tier_names.end() ? tier->second.in(lang) : t.result->tier));
        for (const auto& c : r.competencies) {
            Cell cell = txt("");
            for (const auto& [id, v] : t.result->competencies)
                if (id == c.id) cell = num(v);
            row.push_back(cell);
        }
        row.push_back(num(t.result->violations));
        row.push_back(num(t.result->critical));
        row.push_back(t.seconds ? num(*t.seconds) : txt(""));
        row.push_back(txt(zh ? "已完成" : "finished"));
    } else {
        for (std::size_t i = 0; i < 3 + r.competencies.size() + 3; ++i) row.push_back(txt(""));
        row.push_back(txt(zh ? "进行中" : "playing"));
    }
    return row;
}

// ============================================================================
// 2. CSV
// ============================================================================

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::string to_csv(const ClassReport& r, Lang lang) {
    std::string out = "\xEF\xBB\xBF";   // UTF-8 byte-order mark: Excel then reads the file as UTF-8
    auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
        out += "\r\n";
    };
    line(header(r, lang));
    for (const auto& t : r.trainees) {
        std::vector<std::string> cells;
        for (const auto& c : row_of(r, t, lang)) cells.push_back(c.number ? std::to_string(c.value) : c.text);
        line(cells);
    }
    return out;
}

// ============================================================================
// 3. xlsx
// ============================================================================

namespace {

// Sheet names: at most 31 characters, none of []:*?/\ — node ids are ASCII identifiers.
std::string sheet_name(std::size_t index, const std::string& node) {
    std::string clean;
    for (char c : node)
        if (std::string("[]:*?/\\'").find(c) == std::string::npos) clean += c;
    std::string name = std::to_string(index + 1) + " " + clean;
    return name.substr(0, 31);
}

}  // namespace

std::string to_xlsx(const ClassReport& r, Lang lang, std::string& error) {
    const bool zh = lang == Lang::Zh;
    char path[] = "/tmp/parley-board-export-XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0) {
        error = "cannot create a temporary file for the workbook";
        return {};
    }
    close(fd);
    lxw_workbook* wb = workbook_new(path);
    if (!wb) {
        std::remove(path);
        error = "cannot start the workbook";
        return {};
    }
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* best = workbook_add_format(wb);
    format_set_bold(best);
    format_set_bg_color(best, 0xE3F2E9);

    lxw_worksheet* ws = workbook_add_worksheet(wb, zh ? "成绩" : "Results");
    const auto h = header(r, lang);
    for (std::size_t c = 0; c < h.size(); ++c)
        worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), h[c].c_str(), bold);
    worksheet_set_column(ws, 1, 1, 18, nullptr);
    for (std::size_t i = 0; i < r.trainees.size(); ++i) {
        const auto cells = row_of(r, r.trainees[i], lang);
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const auto row = static_cast<lxw_row_t>(i + 1);
            const auto col = static_cast<lxw_col_t>(c);
            if (cells[c].number) worksheet_write_number(ws, row, col, static_cast<double>(cells[c].value), nullptr);
            else if (!cells[c].text.empty()) worksheet_write_string(ws, row, col, cells[c].text.c_str(), nullptr);
        }
    }
    if (!r.class_average.empty()) {
        const auto row = static_cast<lxw_row_t>(r.trainees.size() + 2);
        worksheet_write_string(ws, row, 1, zh ? "班级平均" : "Class average", bold);
        if (r.average_total) worksheet_write_number(ws, row, 2, *r.average_total, bold);
        for (std::size_t c = 0; c < r.class_average.size(); ++c)
            worksheet_write_number(ws, row, static_cast<lxw_col_t>(5 + c), r.class_average[c], bold);
    }

    for (std::size_t n = 0; n < r.debrief.size(); ++n) {
        const NodeDebrief& d = r.debrief[n];
        lxw_worksheet* s = workbook_add_worksheet(wb, sheet_name(n, d.node).c_str());
        worksheet_set_column(s, 0, 0, 70, nullptr);
        worksheet_write_string(s, 0, 0, (std::string(zh ? "节点 " : "Node ") + d.node).c_str(), bold);
        worksheet_write_string(s, 1, 0, d.line.in(lang).c_str(), nullptr);
        worksheet_write_string(s, 3, 0, zh ? "选择" : "Choice", bold);
        worksheet_write_string(s, 3, 1, zh ? "人次" : "Count", bold);
        worksheet_write_string(s, 3, 2, zh ? "占比 %" : "Share %", bold);
        worksheet_write_string(s, 3, 3, zh ? "最佳" : "Best", bold);
        for (std::size_t i = 0; i < d.choices.size(); ++i) {
            const ChoiceCount& c = d.choices[i];
            const auto row = static_cast<lxw_row_t>(4 + i);
            lxw_format* f = c.best ? best : nullptr;
            worksheet_write_string(s, row, 0, c.text.in(lang).c_str(), f);
            worksheet_write_number(s, row, 1, c.count, f);
            worksheet_write_number(s, row, 2, d.decisions ? (100.0 * c.count / d.decisions) : 0.0, f);
            worksheet_write_string(s, row, 3, c.best ? (zh ? "✔ 最佳" : "✔ best") : "", f);
        }
        const auto row = static_cast<lxw_row_t>(5 + d.choices.size());
        worksheet_write_string(s, row, 0, zh ? "平均失分(与最佳相比)" : "Average points lost against the best", nullptr);
        worksheet_write_number(s, row, 1, d.average_regret, nullptr);
    }
    const lxw_error rc = workbook_close(wb);
    std::string bytes;
    if (rc == LXW_NO_ERROR) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        bytes = ss.str();
    } else {
        error = std::string("cannot write the workbook: ") + lxw_strerror(rc);
    }
    std::remove(path);
    return bytes;
}

}  // namespace parley::board
