// Every text of a scenario under a stable path, the same one the translators' CSV and the
// inspector use: "title", "objectives/0", "state/needs/cash_gap/label", "nodes/opening/line",
// "nodes/opening/line_by_persona/analytical", "nodes/opening/options/agenda/text",
// "nodes/opening/options/agenda/feedback", "nodes/talk/negotiation/issues/rate/label" …
// A node is named by its id; in a draft with an empty or repeated id, by "#INDEX".
#pragma once

#include <functional>
#include <string>

#include "parley/model.h"

namespace parley::editor {

using TextVisitor = std::function<void(const std::string& path, Text& text)>;

// The key of node `index` in text paths: its id, or "#INDEX" when the id is empty or repeated.
std::string node_key(const Scenario& scenario, std::size_t index);

// Texts outside the nodes (metadata, briefing, objectives, state labels, duties).
void visit_header_texts(Scenario& scenario, const TextVisitor& visit);
// Texts of one node; `prefix` is "nodes/KEY". A negotiation block is copied before it is
// visited (the model shares it), so the node owns what the visitor changes.
void visit_node_texts(Node& node, const std::string& prefix, const TextVisitor& visit);
// All of them, in document order.
void visit_texts(Scenario& scenario, const TextVisitor& visit);

}  // namespace parley::editor
