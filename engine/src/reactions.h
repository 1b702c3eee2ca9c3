// Persona reactions: how one client responds to the kind of move an option is.
//
// An option's trust and interest deltas are scaled by the persona's reaction modifier of each
// of its tags in tag order (percent, rounded half away from zero after each), then by the
// persona's effectiveness for the objection-handling method when the option answers an
// objection, then every modifier's flat additions are added. Patience costs one per decision,
// plus the effect's delta, plus the modifiers' additions. The emotion is the effect's, else
// the last tag's reaction emotion, else unchanged.
#pragma once

#include <optional>
#include <vector>

#include "parley/catalogue.h"
#include "parley/model.h"

namespace parley {

struct Reaction {
    int trust = 0, interest = 0, patience = 0;  // deltas to apply to the client's meters
    std::optional<Emotion> emotion;             // new emotion, when the move changes it
    std::optional<int> method_effectiveness;    // percent, when the option answers an objection
};

// Effectiveness (percent) of a method with this persona; absent from the persona = 100.
int method_effectiveness(const Persona& persona, ObjectionMethod method);

// The option's tags as the persona reacts to them: its own tags, plus its close strategy's tag
// when it is a close and does not already carry it.
std::vector<Tag> effective_tags(const Option& option);

Reaction react(const Persona& persona, const std::vector<Tag>& tags, const Effects& effects,
               const std::optional<ObjectionAnswer>& answer);

}  // namespace parley
