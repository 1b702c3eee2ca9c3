// The canonical writer: a loaded model back to JSON, in the one form the format reference
// (scenarios/README.md, "Canonical form") describes.
//
//   - keys in the order of the format reference;
//   - a field is written only when it differs from its default — absent and default are the same
//     thing — and a required field always;
//   - maps keyed by catalogue ids (reactions, methods, cues) in catalogue order, other maps and
//     evidence by key;
//   - negotiation values and beta as decimal numbers that read back to exactly the same units:
//     an integer when whole, else the shortest decimal that does (5.2, 0.05, 4.65);
//   - 2-space indentation, UTF-8 written as itself, a final newline.
//
// For every file the loader accepts, parse → write → parse gives an equal model and
// write → parse → write gives identical bytes. `parley-cli format` rewrites files this way.
// Strings must be valid UTF-8, as the loader guarantees (canonical_text throws otherwise).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "parley/diagnostics.h"
#include "parley/model.h"

namespace parley {

nlohmann::ordered_json to_json(const Scenario& scenario);
nlohmann::ordered_json to_json(const Persona& persona);
nlohmann::ordered_json to_json(const CompetencyModel& model);

// to_json(…) as text in canonical form.
std::string canonical_text(const Scenario& scenario);
std::string canonical_text(const Persona& persona);
std::string canonical_text(const CompetencyModel& model);

// The content hash (format reference §6.2): FNV-1a 64 of the compact canonical JSON of the
// model without its wording — every text, an issue's display unit, sources, a persona's profile
// and cues are left out. So whitespace, key order and the spelling of numbers never change it,
// and neither does a reworded line or feedback; every number, id, condition, effect, piece of
// evidence, reaction and policy parameter does. The loader sets each model's `content_hash`
// to this; transcripts record the three together (run_hash).
std::uint64_t content_hash_of(const Scenario& scenario);
std::uint64_t content_hash_of(const Persona& persona);
std::uint64_t content_hash_of(const CompetencyModel& model);

// A content file on disk and its canonical form.
struct CanonicalFile {
    std::filesystem::path file;
    std::string text;                      // the bytes read
    std::optional<std::string> canonical;  // nothing when the file has errors (in the diagnostics)
};

// Every content document under `paths` (files or folders, walked as validate_paths walks them:
// in a folder, JSON that is not content is skipped; a file named explicitly must be content),
// each loaded as its kind — a scenario with its content root — and written canonically. Errors
// and warnings go to `diags`; the analysis validate_paths runs is not run.
std::vector<CanonicalFile> canonical_files(const std::vector<std::filesystem::path>& paths, Diagnostics& diags);

}  // namespace parley
