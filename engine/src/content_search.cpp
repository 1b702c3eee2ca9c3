// Where a program finds its content when it is not told (--content): one search for every tool.
//
// In order, the first found wins:
//   1. $PARLEY_CONTENT (a content root, or a folder whose scenarios/ child is one), used even
//      when it holds no content, so that a wrong setting is reported rather than skipped;
//   2. the user's own folder, $XDG_DATA_HOME/parley/scenarios (~/.local/share/parley/scenarios),
//      when it is a content root (scenarios the trainer writes beside a copy of the shipped ones);
//   3. the nearest content root (or scenarios/ folder holding one) at or above the current directory;
//   4. an installed program's content, ../share/parley/scenarios beside its own folder;
//   5. the same search as 3 from the program's own folder (a build tree inside the source tree);
//   6. the source tree the program was built from, if the caller names it.
#include <cstdlib>
#include <system_error>

#include "parley/loader.h"

namespace parley {

namespace fs = std::filesystem;

namespace {

bool is_content_root(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "competencies.json", ec);
}

std::optional<fs::path> content_at(const fs::path& dir) {
    if (is_content_root(dir)) return dir;
    if (is_content_root(dir / "scenarios")) return dir / "scenarios";
    return std::nullopt;
}

std::optional<fs::path> content_at_or_above(const fs::path& start) {
    for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
        if (auto found = content_at(dir)) return found;
        if (dir == dir.parent_path()) break;
    }
    return std::nullopt;
}

std::optional<fs::path> env_path(const char* name) {
    const char* value = std::getenv(name);
    if (!value || !*value) return std::nullopt;
    return fs::path(value);
}

}  // namespace

std::optional<fs::path> user_data_dir() {
    // XDG: a relative $XDG_DATA_HOME is invalid and ignored.
    if (auto xdg = env_path("XDG_DATA_HOME"); xdg && xdg->is_absolute()) return *xdg / "parley";
    if (auto home = env_path("HOME")) return *home / ".local" / "share" / "parley";
    return std::nullopt;
}

ContentPlaces process_content_places(const std::optional<fs::path>& built_from) {
    ContentPlaces places;
    places.env_content = env_path("PARLEY_CONTENT");
    if (auto data = user_data_dir()) places.user_scenarios = *data / "scenarios";
    std::error_code ec;
    if (auto cwd = fs::current_path(ec); !ec) places.cwd = cwd;
    if (auto exe = fs::read_symlink("/proc/self/exe", ec); !ec) places.exe = exe;
    places.built_from = built_from;
    return places;
}

std::optional<fs::path> search_content_root(const ContentPlaces& places) {
    if (places.env_content) return content_at(*places.env_content).value_or(*places.env_content);
    if (places.user_scenarios && is_content_root(*places.user_scenarios)) return places.user_scenarios;
    if (places.cwd)
        if (auto found = content_at_or_above(*places.cwd)) return found;
    if (places.exe) {
        const fs::path bin = places.exe->parent_path();
        if (auto installed = bin.parent_path() / "share" / "parley" / "scenarios"; is_content_root(installed))
            return installed;
        if (auto found = content_at_or_above(bin)) return found;
    }
    if (places.built_from)
        if (auto found = content_at_or_above(*places.built_from)) return found;
    return std::nullopt;
}

std::optional<fs::path> default_content_root(const std::optional<fs::path>& built_from) {
    return search_content_root(process_content_places(built_from));
}

}  // namespace parley
