// The problems panel: the validator's diagnostics for the model as it is now, then the
// analysis' soundness and teaching checks when the background result is current. A click
// selects the node (and option) the problem is about.
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "editor_app.h"
#include "parley/ui/opaque_fill.h"
#include "parley/ui/theme.h"
#include "parley/ui/widgets.h"

namespace parley::editor {

void EditorApp::draw_problems(ImVec2 size) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));   // filled by a clear below
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 6));
    ImGui::BeginChild("##problems", size, false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    ui::fill_window_background(ui::palette::surface);
    std::vector<Problem> rows = validation_.problems;
    auto r = analysis_.latest();
    const bool checked = checks_current();   // the validator has judged the model as it is now
    const bool current = checked && r && r->revision == doc_->revision() && validation_.complete;
    if (current)
        for (auto& p : problems_from(r->soundness, true)) rows.push_back(std::move(p));
    std::size_t errors = 0, warnings = 0, teaching = 0;
    for (const auto& p : rows) {
        if (p.teaching) ++teaching;
        else (p.diagnostic.severity == Severity::Error ? errors : warnings)++;
    }
    char head[200];
    std::snprintf(head, sizeof head, "%s · %zu %s · %zu %s · %zu %s%s%s", t("问题", "Problems"), errors, t("错误", "errors"),
                  warnings, t("警告", "warnings"), teaching, t("教学检查", "teaching checks"),
                  doc_->opened_incomplete() ? t(" · 文件未完整读取", " · the file did not load completely") : "",
                  checked ? "" : t(" · 检查中…", " · checking…"));
    ui::heading(head);
    ui::mark_target("problems.header");
    if (rows.empty() && checked) ui::caption(t("没有问题:parley-cli validate 会接受这个场景。", "No problems: parley-cli validate accepts this scenario."));
    // Errors and warnings first, then the teaching checks under their own heading: they say
    // what a negotiation block fails to teach, not that the scenario is broken.
    std::stable_partition(rows.begin(), rows.end(), [](const Problem& p) { return !p.teaching; });
    bool teaching_heading = false;
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const Problem& p = rows[k];
        if (p.teaching && !teaching_heading) {
            teaching_heading = true;
            ui::caption(t("教学检查(谈判块教的是否是要教的)", "Teaching checks (does the negotiation block teach what it should?)"));
            ui::mark_target("problems.teaching");
        }
        const bool error = p.diagnostic.severity == Severity::Error;
        std::string where;
        if (p.where && p.where->node < doc_->scenario().nodes.size()) {
            const Node& n = doc_->scenario().nodes[p.where->node];
            where = n.id;
            if (p.where->option && *p.where->option < n.options.size()) where += "/" + n.options[*p.where->option].id;
        } else {
            where = p.diagnostic.pointer;
        }
        const char* mark = p.teaching ? "◆ " : error ? "✖ " : "▲ ";
        const char* tag = p.teaching ? t("[教学] ", "[teaching] ") : p.from_analysis ? t("[分析] ", "[analysis] ") : "";
        const std::string line = std::string(mark) + tag + (where.empty() ? "" : where + ": ") + p.diagnostic.message;
        fonts_.cover(line);
        ImGui::PushStyleColor(ImGuiCol_Text, p.teaching ? ui::palette::primary : error ? ui::palette::danger : ui::palette::warning);
        ImGui::PushID(static_cast<int>(k));
        if (ImGui::Selectable(line.c_str(), false) && p.where && p.where->node < doc_->scenario().nodes.size()) {
            select(p.where->node, p.where->option, true);
            panel_ = Panel::Inspector;
        }
        ui::mark_target((p.teaching ? "teaching." : "problem.") + std::to_string(k));
        ImGui::PopID();
        ImGui::PopStyleColor();
    }
    ImGui::EndChild();
}

}  // namespace parley::editor
