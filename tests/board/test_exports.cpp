// The trainer's exports open with Chinese names intact: the CSV carries a UTF-8 byte-order mark,
// the workbook is read back (unzip, then its shared strings and sheet list).
#include <catch2/catch.hpp>

#include <cstdio>

#include "board_support.h"

using namespace parley;
using namespace parley::board;
using namespace parley::board::test;

namespace {

std::string unzip_member(const fs::path& archive, const std::string& member) {
    const std::string cmd = "unzip -p '" + archive.string() + "' '" + member + "'";
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    std::string out;
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    REQUIRE(pclose(p) == 0);
    return out;
}

// The texts of sharedStrings.xml, entities decoded.
std::vector<std::string> shared_strings(const std::string& xml) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while ((at = xml.find("<t", at)) != std::string::npos) {
        const auto open_end = xml.find('>', at);
        if (xml.compare(at, 3, "<t>") != 0 && xml.compare(at, 3, "<t ") != 0) {
            at = open_end;
            continue;
        }
        const auto close = xml.find("</t>", open_end);
        std::string t = xml.substr(open_end + 1, close - open_end - 1);
        for (const auto& [entity, ch] : std::vector<std::pair<std::string, std::string>>{
                 {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}}) {
            std::size_t k;
            while ((k = t.find(entity)) != std::string::npos) t.replace(k, entity.size(), ch);
        }
        out.push_back(t);
        at = close;
    }
    return out;
}

}  // namespace

TEST_CASE("the CSV and xlsx exports hold every trainee with Chinese names intact", "[board][export]") {
    TestServer server;
    auto c = server.client();
    const Reply created = post(c, "/api/sessions", session_body(), server.trainer());
    REQUIRE(created.status == 201);
    const std::string code = created.body["code"];
    const std::vector<std::string> names = {"王芳", "欧阳娜娜", "阿依·买买提", "Zoë O'Neil", "李雷"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        const Reply j = post(c, "/api/sessions/" + code + "/join", json{{"name", names[i]}});
        REQUIRE(j.status == 200);
        if (i + 1 == names.size()) break;   // the last one is still playing
        const Reply r = post(c, "/api/sessions/" + code + "/results",
                             to_json(varied_run(shipped_content(), static_cast<unsigned>(i))).dump(),
                             j.body["player_token"].get<std::string>());
        REQUIRE(r.status == 200);
    }

    const Reply csv = get(c, "/api/sessions/" + code + "/export.csv", server.trainer());
    REQUIRE(csv.status == 200);
    REQUIRE(csv.text.compare(0, 3, "\xEF\xBB\xBF") == 0);
    for (const auto& n : names) CHECK(csv.text.find(n) != std::string::npos);
    CHECK(csv.text.find("沟通能力") != std::string::npos);   // a competency column
    CHECK(csv.text.find("进行中") != std::string::npos);     // the trainee still playing
    // One header line and one line per trainee.
    CHECK(std::count(csv.text.begin(), csv.text.end(), '\n') == static_cast<long>(names.size()) + 1);

    auto x = c.Get(("/api/sessions/" + code + "/export.xlsx").c_str(), auth(server.trainer()));
    REQUIRE(x);
    REQUIRE(x->status == 200);
    TempDir dir;
    const fs::path file = dir / "class.xlsx";
    std::ofstream(file, std::ios::binary) << x->body;
    const auto strings = shared_strings(unzip_member(file, "xl/sharedStrings.xml"));
    for (const auto& n : names) CHECK(std::find(strings.begin(), strings.end(), n) != strings.end());
    const std::string workbook = unzip_member(file, "xl/workbook.xml");
    const Reply report = get(c, "/api/sessions/" + code + "/report", server.trainer());
    const std::size_t nodes = report.body["debrief"].size();
    REQUIRE(nodes > 3);
    std::size_t sheets = 0;
    for (std::size_t at = 0; (at = workbook.find("<sheet ", at)) != std::string::npos; ++at) ++sheets;
    CHECK(sheets == 1 + nodes);   // results, then one sheet per decision node
    CHECK(std::find(strings.begin(), strings.end(), "✔ 最佳") != strings.end());   // the best choice marked
}
