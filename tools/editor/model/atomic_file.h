// Writing a file so that it is never left half written: a temporary file beside it (same
// folder, so the rename cannot cross file systems) with the original's permissions, synced,
// renamed over the original, then the folder synced so the rename itself is durable.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace parley::editor {

// A step made to fail on purpose (tests: a full disk, a failing sync, a refused rename).
enum class WriteFault { None, Write, Sync, Rename };

// Writes `text` to `file` atomically. Returns an error message, or "" on success. A symbolic
// link stays a link: the file it points to is replaced. On failure the old file is untouched
// and the temporary file is removed.
std::string write_file_atomically(const std::filesystem::path& file, std::string_view text,
                                  WriteFault fault = WriteFault::None);

// The whole file, or nothing when it cannot be read.
std::optional<std::string> read_file(const std::filesystem::path& file);

// FNV-1a 64 of some bytes: how the editor notices a file changed under it.
std::uint64_t bytes_hash(std::string_view bytes);

}  // namespace parley::editor
