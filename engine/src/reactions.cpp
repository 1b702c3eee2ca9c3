// Persona reactions and objection-method effectiveness applied to an option's effects.
// The order of operations is the one documented in reactions.h.
#include "reactions.h"

#include <algorithm>

#include "det_math.h"

namespace parley {

int method_effectiveness(const Persona& persona, ObjectionMethod method) {
    auto it = persona.method_effectiveness.find(method);
    return it == persona.method_effectiveness.end() ? 100 : it->second;
}

std::vector<Tag> effective_tags(const Option& option) {
    std::vector<Tag> tags = option.tags;
    if (option.close) {
        const Tag t = tag_of(option.close->strategy);
        if (std::find(tags.begin(), tags.end(), t) == tags.end()) tags.push_back(t);
    }
    return tags;
}

Reaction react(const Persona& persona, const std::vector<Tag>& tags, const Effects& effects,
               const std::optional<ObjectionAnswer>& answer) {
    std::int64_t trust = effects.trust, interest = effects.interest;
    int add_trust = 0, add_interest = 0, add_patience = 0;
    Reaction r;
    for (Tag tag : tags) {
        auto it = persona.reactions.find(tag);
        if (it == persona.reactions.end()) continue;
        const ReactionModifier& m = it->second;
        trust = scale_percent(trust, m.scale);
        interest = scale_percent(interest, m.scale);
        add_trust += m.trust;
        add_interest += m.interest;
        add_patience += m.patience;
        if (m.emotion) r.emotion = m.emotion;
    }
    if (answer) {
        const int eff = method_effectiveness(persona, answer->method);
        trust = scale_percent(trust, eff);
        interest = scale_percent(interest, eff);
        r.method_effectiveness = eff;
    }
    r.trust = static_cast<int>(trust) + add_trust;
    r.interest = static_cast<int>(interest) + add_interest;
    r.patience = -1 + effects.patience + add_patience;
    if (effects.emotion) r.emotion = effects.emotion;
    return r;
}

}  // namespace parley
