// How the editor asks glibc's allocator to behave. Judging an edit to a 2,000-node scenario
// parses and frees hundreds of thousands of small blocks (the JSON tree and the draft); with
// glibc's fast bins every later large request first sweeps those freed blocks together
// (malloc_consolidate), which a profile showed as a good part of edit → verdict. Without fast
// bins small blocks are merged as they are freed, spread over the frees instead of in one go.
#pragma once

namespace parley::editor {

// Called once at start, before any thread: the editor and its benchmark.
void apply_allocator_settings();

}  // namespace parley::editor
