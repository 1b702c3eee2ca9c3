#pragma once

namespace parley {

// The engine's version, recorded in every transcript. Bump it whenever the engine changes.
inline constexpr const char* kEngineVersion = "0.2.0";

// The first engine version whose scoring and runtime rules (format reference §5, §7) are this
// engine's. A transcript recorded by an engine older than this, or newer than this engine, is
// refused on replay, naming both versions (§6.3): its score was computed under other rules.
// When a change alters what a run scores, set this to the new kEngineVersion; a change that
// keeps every score (a presenter fix, faster analysis) leaves it, and older transcripts still
// replay.
inline constexpr const char* kRulesVersion = "0.2.0";

inline constexpr int kFormatVersion = 1;

}  // namespace parley
