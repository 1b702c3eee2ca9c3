// The default content search (default_content_root): an installed program finds its content in
// ../share/parley with no build tree present, and the documented overrides win in their order:
// $PARLEY_CONTENT, then the user's own scenarios folder, then the current directory's.
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>

#include <unistd.h>

#include <catch2/catch.hpp>

#include "parley/loader.h"

using namespace parley;
namespace fs = std::filesystem;

namespace {

// A fresh temporary folder standing in for a machine: an install prefix, a home, a working folder.
class FakeMachine {
public:
    FakeMachine() {
        static int counter = 0;
        dir_ = fs::temp_directory_path() /
               ("parley-content-search-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    ~FakeMachine() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }
    FakeMachine(const FakeMachine&) = delete;
    FakeMachine& operator=(const FakeMachine&) = delete;

    fs::path operator/(const std::string& rel) const { return dir_ / rel; }

    // A file (parents made); a content root is a folder holding competencies.json.
    fs::path file(const std::string& rel) const {
        fs::create_directories((dir_ / rel).parent_path());
        std::ofstream(dir_ / rel) << "{}\n";
        return dir_ / rel;
    }
    fs::path content_root(const std::string& rel) const {
        file(rel + "/competencies.json");
        return dir_ / rel;
    }
    fs::path folder(const std::string& rel) const {
        fs::create_directories(dir_ / rel);
        return dir_ / rel;
    }

private:
    fs::path dir_;
};

// Sets an environment variable for one scope, restoring it afterwards.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::optional<std::string>& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) ::setenv(name, value->c_str(), 1);
        else ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (old_) ::setenv(name_, old_->c_str(), 1);
        else ::unsetenv(name_);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* name_;
    std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("an installed program finds share/parley/scenarios beside its own folder", "[content-search]") {
    FakeMachine m;
    const fs::path installed = m.content_root("opt/parley/share/parley/scenarios");
    ContentPlaces places;
    places.exe = m.file("opt/parley/bin/parley");
    places.cwd = m.folder("home/trainee");
    places.user_scenarios = m / "home/trainee/.local/share/parley/scenarios";   // not there
    CHECK(search_content_root(places) == installed);

    // Nothing installed, no build tree: nothing found.
    fs::remove_all(m / "opt/parley/share");
    CHECK_FALSE(search_content_root(places));
}

TEST_CASE("PARLEY_CONTENT, then the user's scenarios, then the current directory override the installed content",
          "[content-search]") {
    FakeMachine m;
    m.content_root("usr/share/parley/scenarios");
    ContentPlaces places;
    places.exe = m.file("usr/bin/parley-cli");
    places.cwd = m.folder("work");
    CHECK(search_content_root(places) == m / "usr/share/parley/scenarios");

    const fs::path here = m.content_root("work/course/scenarios");
    places.cwd = m / "work/course/library";
    m.folder("work/course/library");
    CHECK(search_content_root(places) == here);

    places.user_scenarios = m.content_root("home/t/.local/share/parley/scenarios");
    CHECK(search_content_root(places) == places.user_scenarios);

    // The environment variable names a content root or a folder whose scenarios/ is one...
    places.env_content = m.content_root("course");
    CHECK(search_content_root(places) == m / "course");
    m.content_root("class/scenarios");
    places.env_content = m / "class";
    CHECK(search_content_root(places) == m / "class/scenarios");
    // ... and is used even when it holds none, so the loader reports the wrong setting.
    places.env_content = m.folder("empty");
    CHECK(search_content_root(places) == m / "empty");
}

TEST_CASE("a user's scenarios folder without a competency model does not hide the shipped content",
          "[content-search]") {
    FakeMachine m;
    m.content_root("usr/share/parley/scenarios");
    ContentPlaces places;
    places.exe = m.file("usr/bin/parley");
    places.cwd = m.folder("tmp");
    places.user_scenarios = m.folder("home/t/.local/share/parley/scenarios");
    m.file("home/t/.local/share/parley/scenarios/mine.json");
    CHECK(search_content_root(places) == m / "usr/share/parley/scenarios");
}

TEST_CASE("the build-tree search still finds the source tree's scenarios", "[content-search]") {
    FakeMachine m;
    const fs::path source = m.content_root("src/parley/scenarios");
    ContentPlaces places;
    places.cwd = m.folder("elsewhere");
    places.exe = m.file("src/parley/build/tools/player/parley");   // build tree inside the source tree
    CHECK(search_content_root(places) == source);
    places.exe = m.file("builds/parley/tools/cli/parley-cli");     // build tree elsewhere
    CHECK_FALSE(search_content_root(places));
    places.built_from = m / "src/parley";
    CHECK(search_content_root(places) == source);
}

TEST_CASE("the user's data folder follows XDG and the process search reads PARLEY_CONTENT", "[content-search]") {
    FakeMachine m;
    {
        ScopedEnv xdg("XDG_DATA_HOME", (m / "data").string());
        CHECK(user_data_dir() == m / "data/parley");
        CHECK(process_content_places().user_scenarios == m / "data/parley/scenarios");
    }
    {
        ScopedEnv xdg("XDG_DATA_HOME", std::string("relative/ignored"));
        ScopedEnv home("HOME", (m / "home").string());
        CHECK(user_data_dir() == m / "home/.local/share/parley");
    }
    const fs::path course = m.content_root("course");
    ScopedEnv content("PARLEY_CONTENT", course.string());
    CHECK(default_content_root() == course);
}
