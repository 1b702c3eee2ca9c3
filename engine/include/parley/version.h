#pragma once

namespace parley {
// Recorded in every transcript; bump when scoring or runtime rules change.
inline constexpr const char* kEngineVersion = "0.1.0";
inline constexpr int kFormatVersion = 1;
}  // namespace parley
