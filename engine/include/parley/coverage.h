// Catalogue coverage of a content set: for each catalogue of the training material (personas,
// entry moments, objection methods, closing strategies, red lines, duties, competencies by
// positive evidence, stages, outcomes, 3R results), which scenarios exercise each item.
// Computed from the content itself, so the library's coverage table can never drift from it.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/model.h"

namespace parley {

struct CoverageItem {
    std::string id;
    Text name;
    std::vector<std::string> scenarios;   // ids, in the content set's order; empty = not used
};

struct CoverageCatalogue {
    std::string id;                       // "personas", "entry_moments", …
    Text name;
    std::vector<CoverageItem> items;      // every item of the catalogue, in catalogue order
    std::size_t used() const;
};

std::vector<CoverageCatalogue> coverage(const ContentSet& content);

// {"scenarios": [ids], "catalogues": [{id, name, used, total, items: [{id, name, scenarios}]}]}
nlohmann::json to_json(const std::vector<CoverageCatalogue>& catalogues, const ContentSet& content);

}  // namespace parley
