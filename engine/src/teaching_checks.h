// The teaching checks of negotiation blocks (format reference §8): does a block make the
// trainee practise what seed 000 teaches (双赢谈判), or can it be won by holding and waiting?
// Warnings at the block's node; the content gate makes them errors for shipped content.
#pragma once

#include <memory>
#include <vector>

#include "parley/analysis.h"
#include "parley/diagnostics.h"
#include "parley/model.h"

namespace parley {

// `analyses`: the scenario's personas analysed (as check_soundness runs them), in scenario order.
void check_teaching(const std::shared_ptr<const ContentSet>& content,
                    const std::shared_ptr<const Scenario>& scenario,
                    const std::vector<PersonaAnalysis>& analyses, Diagnostics& diags);

}  // namespace parley
