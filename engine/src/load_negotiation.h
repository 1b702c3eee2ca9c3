// Reading a scenario's negotiation blocks (format reference §3.5), see load_negotiation.cpp.
#pragma once

#include <memory>

#include "json_reader.h"
#include "parley/model.h"

namespace parley {

// The value at the reader's current path as a negotiation block. Problems are reported; the
// block holds whatever could be read (its `on_*` nodes are checked with the node graph).
std::shared_ptr<const Negotiation> read_negotiation(Reader& r, const json& v);

}  // namespace parley
