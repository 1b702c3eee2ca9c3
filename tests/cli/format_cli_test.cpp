// parley-cli format: --check lists what is not canonical, a rewrite is atomic and canonical, a
// file with errors is reported and left alone, usage errors exit 2.
#include <sys/stat.h>

#include <algorithm>
#include <string>

#include <catch2/catch.hpp>

#include "cli/cli_support.h"

using namespace parley::test;

namespace {

// Every file in `dir` (recursively), for checking that nothing else was left behind.
std::vector<std::string> listing(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) names.push_back(fs::relative(e.path(), dir).generic_string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST_CASE("format --check lists the files not in canonical form and exits 1, changing nothing", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());  // written compactly: not canonical
    const std::string before = read_file(scenario);

    const auto run = run_cli({"format", "--check", dir.path().string()});

    INFO(run.out << run.err);
    CHECK(run.exit == 1);
    CHECK(run.out.find((dir / "library/fixture-visit.json").string() + "\n") != std::string::npos);
    CHECK(run.out.find((dir / "personas/steady.json").string() + "\n") != std::string::npos);
    CHECK(run.out.find("format: 4 files, 4 not in canonical form, 0 with errors") != std::string::npos);
    CHECK(read_file(scenario) == before);
}

TEST_CASE("format rewrites files in canonical form, atomically, and a second run changes nothing", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());
    ::chmod(scenario.c_str(), 0640);
    const auto files_before = listing(dir.path());

    const auto run = run_cli({"format", dir.path().string()});

    INFO(run.out << run.err);
    CHECK(run.exit == 0);
    CHECK(run.out.find("formatted " + scenario.string()) != std::string::npos);
    CHECK(run.out.find("format: 4 files, 4 rewritten, 0 with errors") != std::string::npos);
    CHECK(listing(dir.path()) == files_before);  // no temporary file left behind
    struct stat st {};
    REQUIRE(::stat(scenario.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);  // the file keeps its permissions

    const std::string text = read_file(scenario);
    CHECK(text.rfind("{\n  \"kind\": \"scenario\",\n  \"format\": 1,\n  \"id\": \"fixture-visit\",\n", 0) == 0);
    CHECK(text.find("测试拜访") != std::string::npos);  // UTF-8 as itself
    CHECK(text.back() == '\n');
    CHECK(text.find("\"core\": false") == std::string::npos);  // defaults are not written

    // The rewritten content is the same content: it validates, and is now canonical.
    const auto validated = run_cli({"validate", dir.path().string()});
    INFO(validated.out);
    CHECK(validated.exit == 0);
    const auto again = run_cli({"format", dir.path().string()});
    CHECK(again.exit == 0);
    CHECK(again.out.find("format: 4 files, 0 rewritten, 0 with errors") != std::string::npos);
    CHECK(read_file(scenario) == text);
    CHECK(run_cli({"format", "--check", scenario.string()}).exit == 0);
}

TEST_CASE("format rewrites the file a symbolic link points to and keeps the link", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());
    const auto link = dir / "library/link.json";
    fs::rename(scenario, dir / "elsewhere.json");
    fs::create_symlink(dir / "elsewhere.json", link);

    const auto run = run_cli({"format", link.string()});

    INFO(run.out << run.err);
    CHECK(run.exit == 0);
    CHECK(fs::is_symlink(link));
    CHECK(read_file(dir / "elsewhere.json").rfind("{\n  \"kind\": \"scenario\",\n", 0) == 0);
}

TEST_CASE("format reports a file with errors at its line and leaves it as it is", "[cli]") {
    TempDir dir;
    const auto scenario = write_fixture_content(dir.path());
    const std::string broken = replaced(scenario_json(), R"("next": "probe"})", R"("next": "nowhere"})");
    write_file(scenario, broken);
    write_file(dir / "personas/typo.json", "{\"kind\": \"persona\",\n  \"format\": 1\n  \"id\": \"typo\"}\n");

    const auto run = run_cli({"format", dir.path().string()});

    INFO(run.out << run.err);
    CHECK(run.exit == 1);
    CHECK(run.out.find("fixture-visit.json:") != std::string::npos);
    CHECK(run.out.find("error: next node \"nowhere\" does not exist") != std::string::npos);
    CHECK(run.out.find("typo.json:3:6: error: invalid JSON") != std::string::npos);
    CHECK(run.out.find("format: 5 files, 3 rewritten, 2 with errors") != std::string::npos);
    CHECK(read_file(scenario) == broken);
    CHECK(run.out.find("formatted " + scenario.string()) == std::string::npos);

    const auto check = run_cli({"format", "--check", scenario.string()});
    CHECK(check.exit == 1);
    CHECK(check.out.find("with errors") != std::string::npos);
}

TEST_CASE("format skips JSON that is not content in a folder, and refuses it when named", "[cli]") {
    TempDir dir;
    write_fixture_content(dir.path());
    const std::string notes = "{\"title\":   \"not content\"}";
    write_file(dir / "library/notes.json", notes);
    const std::string transcript = R"({"kind": "transcript", "format": 1})";
    write_file(dir / "library/run.json", transcript);

    const auto run = run_cli({"format", dir.path().string()});
    INFO(run.out << run.err);
    CHECK(run.exit == 0);
    CHECK(read_file(dir / "library/notes.json") == notes);
    CHECK(read_file(dir / "library/run.json") == transcript);

    const auto named = run_cli({"format", (dir / "library/notes.json").string()});
    CHECK(named.exit == 1);
    CHECK(named.out.find("not a Parley document") != std::string::npos);
}

TEST_CASE("format usage errors exit 2", "[cli]") {
    TempDir dir;
    CHECK(run_cli({"format"}).exit == 2);
    CHECK(run_cli({"format", (dir / "missing.json").string()}).exit == 2);
    CHECK(run_cli({"format", "--chek", dir.path().string()}).exit == 2);
}
