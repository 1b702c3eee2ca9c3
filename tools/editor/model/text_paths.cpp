#include "text_paths.h"

#include <memory>

namespace parley::editor {

std::string node_key(const Scenario& s, std::size_t index) {
    const Node& n = s.nodes[index];
    auto it = s.node_index.find(n.id);
    if (!n.id.empty() && n.id[0] != '#' && it != s.node_index.end() && it->second == index) return n.id;
    return "#" + std::to_string(index);
}

void visit_header_texts(Scenario& s, const TextVisitor& visit) {
    visit("title", s.title);
    visit("summary", s.summary);
    visit("company", s.company);
    visit("situation", s.situation);
    visit("entry_note", s.entry_note);
    for (std::size_t i = 0; i < s.objectives.size(); ++i) visit("objectives/" + std::to_string(i), s.objectives[i]);
    for (auto& n : s.state.needs) visit("state/needs/" + n.id + "/label", n.label);
    for (auto& o : s.state.objections) visit("state/objections/" + o.id + "/label", o.label);
    for (std::size_t i = 0; i < s.duties.size(); ++i)
        visit("duties/" + std::to_string(i) + "/explanation", s.duties[i].explanation);
}

void visit_node_texts(Node& node, const std::string& prefix, const TextVisitor& visit) {
    visit(prefix + "/line", node.line);
    for (auto& [persona, text] : node.line_by_persona) visit(prefix + "/line_by_persona/" + persona, text);
    if (node.cue) visit(prefix + "/cue", *node.cue);
    if (node.kind == NodeKind::Ending) visit(prefix + "/summary", node.summary);
    for (std::size_t k = 0; k < node.options.size(); ++k) {
        Option& o = node.options[k];
        const std::string p = prefix + "/options/" + (o.id.empty() ? "#" + std::to_string(k) : o.id);
        visit(p + "/text", o.text);
        visit(p + "/feedback", o.consequence.feedback);
        if (o.close) visit(p + "/close/premature/feedback", o.close->premature.feedback);
        if (o.violation) visit(p + "/violation/explanation", o.violation->explanation);
    }
    if (node.negotiation) {
        auto own = std::make_shared<Negotiation>(*node.negotiation);
        visit(prefix + "/negotiation/briefing", own->briefing);
        for (auto& issue : own->issues) visit(prefix + "/negotiation/issues/" + issue.id + "/label", issue.label);
        node.negotiation = std::move(own);
    }
}

void visit_texts(Scenario& s, const TextVisitor& visit) {
    visit_header_texts(s, visit);
    for (std::size_t i = 0; i < s.nodes.size(); ++i) visit_node_texts(s.nodes[i], "nodes/" + node_key(s, i), visit);
}

}  // namespace parley::editor
