// The writer's walk over the model, shared by the canonical writer (writer.cpp) and the content
// hash, which is the same walk without the wording.
#pragma once

#include <nlohmann/json.hpp>

#include "parley/model.h"
#include "parley/version.h"

namespace parley::writer_detail {

struct Writer {
    // false: leave out what only words and presents the content (every text, an issue's
    // display unit, sources, a persona's profile and cues) — the content hash's view.
    bool wording = true;

    nlohmann::ordered_json scenario(const Scenario& s) const;
    nlohmann::ordered_json persona(const Persona& p) const;
    nlohmann::ordered_json competency_model(const CompetencyModel& m) const;

private:
    void text(nlohmann::ordered_json& o, const char* key, const Text& t) const;
    nlohmann::ordered_json condition(const Condition& c) const;
    nlohmann::ordered_json effects(const Effects& e) const;
    void consequence(nlohmann::ordered_json& o, const Consequence& q) const;
    nlohmann::ordered_json option(const Option& opt) const;
    nlohmann::ordered_json node(const Node& n) const;
    nlohmann::ordered_json issue(const NegotiationIssue& is) const;
    nlohmann::ordered_json negotiation(const Negotiation& n) const;
    nlohmann::ordered_json state(const StateDecl& st) const;
};

}  // namespace parley::writer_detail
