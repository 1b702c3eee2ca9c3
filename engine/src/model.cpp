// Look-ups on the immutable model.
#include "parley/model.h"

namespace parley {

const Competency* CompetencyModel::find(const std::string& id) const {
    for (const auto& c : competencies)
        if (c.id == id) return &c;
    return nullptr;
}

const Node* Scenario::node(const std::string& id) const {
    auto it = node_index.find(id);
    if (it == node_index.end() || it->second >= nodes.size()) return nullptr;
    return &nodes[it->second];
}

const Persona* ContentSet::persona(const std::string& id) const {
    auto it = personas.find(id);
    return it == personas.end() ? nullptr : &it->second;
}

std::shared_ptr<const Scenario> ContentSet::scenario(const std::string& id) const {
    for (const auto& s : scenarios)
        if (s && s->id == id) return s;
    return nullptr;
}

}  // namespace parley
