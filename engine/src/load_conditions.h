// Reading conditions (format reference §3.4) and effects (§3.3) of a scenario, resolving
// every name against what the scenario declares.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "json_reader.h"
#include "parley/model.h"

namespace parley {

// What a scenario declares, for resolving references while its nodes are read. The views
// point into the Scenario's StateDecl and persona list, which are complete by then.
struct ScenarioNames {
    std::unordered_set<std::string_view> variables, flags, needs, objections;
    std::vector<std::string_view> personas;  // the personas this scenario is written for

    static bool is_meter(std::string_view name) {
        return name == "trust" || name == "interest" || name == "patience";
    }
};

// The value at the reader's current path as a condition / effects block. Problems are
// reported; the result holds whatever could be read.
Condition read_condition(Reader& r, const json& v, const ScenarioNames& names);
Effects read_effects(Reader& r, const json& v, const ScenarioNames& names);

// What a name refers to, for references in conditions, effects and options.
enum class NameKind { Number, Flag, Need, Objection };  // Number: a meter or variable

// Reports (at the current path) when `name` is not a declared `expected`; the message says
// what it is instead when it is declared as something else. Returns whether it resolved.
bool check_name(Reader& r, const std::string& name, NameKind expected, const ScenarioNames& names,
                Anchor anchor = Anchor::Value);

}  // namespace parley
