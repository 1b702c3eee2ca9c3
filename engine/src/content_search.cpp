// Where a program finds its content when it is not told (--content): one search for every tool.
//
// In order: the nearest content root (a folder holding competencies.json, or a folder whose
// scenarios/ child holds one) at or above the current directory; the same search from the
// program's own folder; then the source tree the program was built from, if the caller names
// it. The first found wins.
#include <system_error>

#include "parley/loader.h"

namespace parley {

namespace fs = std::filesystem;

namespace {

std::optional<fs::path> content_at_or_above(const fs::path& start) {
    std::error_code ec;
    for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
        if (fs::is_regular_file(dir / "competencies.json", ec)) return dir;
        if (fs::is_regular_file(dir / "scenarios" / "competencies.json", ec)) return dir / "scenarios";
        if (dir == dir.parent_path()) break;
    }
    return std::nullopt;
}

}  // namespace

std::optional<fs::path> default_content_root(const std::optional<fs::path>& built_from) {
    std::error_code ec;
    if (auto cwd = fs::current_path(ec); !ec)
        if (auto found = content_at_or_above(cwd)) return found;
    if (auto exe = fs::read_symlink("/proc/self/exe", ec); !ec)
        if (auto found = content_at_or_above(exe.parent_path())) return found;
    if (built_from)
        if (auto found = content_at_or_above(*built_from)) return found;
    return std::nullopt;
}

}  // namespace parley
