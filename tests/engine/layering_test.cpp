// Layering: the engine (engine/src, engine/include) has no graphics, networking or database.
// Nothing there includes SFML, Dear ImGui, cpp-httplib or SQLite, and the engine library links
// none of them; the UI layer (engine/ui) and the tools depend on the engine, never the reverse.
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <catch2/catch.hpp>

namespace fs = std::filesystem;

namespace {

// The include lines of `text` that name a graphics, networking or database library.
std::vector<std::string> forbidden_includes(const std::string& text) {
    static const std::regex include(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
    static const std::regex forbidden(R"((^|/)(SFML|imgui|ImGui|httplib|sqlite3?)([/._-]|$))", std::regex::icase);
    std::vector<std::string> out;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        std::smatch m;
        if (std::regex_search(line, m, include) && std::regex_search(m[1].str(), forbidden)) out.push_back(m[1].str());
    }
    return out;
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("the layering check recognises the includes it must refuse", "[layering]") {
    CHECK(forbidden_includes("#include <SFML/Graphics.hpp>\n") == std::vector<std::string>{"SFML/Graphics.hpp"});
    CHECK(forbidden_includes("  #  include \"imgui.h\"\n#include <imgui-SFML.h>\n").size() == 2);
    CHECK(forbidden_includes("#include <httplib.h>\n#include <sqlite3.h>\n").size() == 2);
    CHECK(forbidden_includes("#include <nlohmann/json.hpp>\n#include \"parley/model.h\"\n#include <map>\n").empty());
    CHECK(forbidden_includes("// the UI uses imgui.h, not the engine\n").empty());
}

TEST_CASE("nothing in the engine includes SFML, Dear ImGui, HTTP or SQLite headers", "[layering]") {
    std::size_t files = 0;
    for (const char* dir : {"engine/src", "engine/include"}) {
        for (const auto& e : fs::recursive_directory_iterator(fs::path(PARLEY_SOURCE_DIR) / dir)) {
            if (!e.is_regular_file()) continue;
            const std::string ext = e.path().extension().string();
            if (ext != ".h" && ext != ".hpp" && ext != ".cpp" && ext != ".cc") continue;
            ++files;
            INFO(e.path().string());
            CHECK(forbidden_includes(read(e.path())).empty());
        }
    }
    CHECK(files > 30);  // the walk found the engine
}

TEST_CASE("the engine library links nothing but nlohmann/json", "[layering]") {
    const std::string cmake = read(fs::path(PARLEY_SOURCE_DIR) / "engine/CMakeLists.txt");
    static const std::regex link(R"(target_link_libraries\s*\(\s*parley_engine\b([^)]*)\))");
    std::smatch m;
    REQUIRE(std::regex_search(cmake, m, link));
    INFO(m[1].str());
    CHECK(std::regex_replace(m[1].str(), std::regex(R"(\s+)"), " ") == " PUBLIC nlohmann_json::nlohmann_json");
}
