#include "problems.h"

#include "parley/writer.h"

namespace parley::editor {

bool is_teaching_check(const Diagnostic& d) {
    return d.severity == Severity::Warning && d.message.rfind("negotiation '", 0) == 0;
}

std::vector<Problem> problems_from(const Diagnostics& diags, bool from_analysis) {
    std::vector<Problem> out;
    for (const auto& d : diags.items)
        out.push_back({d, node_ref_of(d.pointer), from_analysis, from_analysis && is_teaching_check(d)});
    return out;
}

Validation validate_model(const Scenario& scenario, const ContentSet& shared) {
    Validation v;
    Diagnostics diags;
    const std::string name = scenario.file.empty() ? "untitled.json" : scenario.file;
    try {
        const std::string text = canonical_text(scenario);
        const ScenarioDraft draft = parse_scenario_draft(text, name, shared.model, shared.personas, diags);
        v.complete = draft.complete;
    } catch (const std::exception& e) {
        diags.add({Severity::Error, name, 0, 0, "", e.what()});
    }
    v.problems = problems_from(diags, false);
    v.errors = diags.errors();
    v.warnings = diags.warnings();
    return v;
}

}  // namespace parley::editor
