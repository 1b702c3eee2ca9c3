// The translators' CSV: export, import, and a located error for each row that does not fit.
#include <catch2/catch.hpp>

#include "editor_fixture.h"
#include "translation_csv.h"

using namespace parley;
using namespace parley::editor;
using namespace parley::editor::test;

TEST_CASE("every text goes out to CSV with a BOM and comes back unchanged", "[editor][csv]") {
    Scratch s("csv");
    auto doc = s.open(s.copy_shipped());
    const std::string original = doc->canonical();
    const std::string csv = export_texts_csv(doc->scenario());
    REQUIRE(csv.rfind("\xEF\xBB\xBFid,zh,en\r\n", 0) == 0);
    CHECK(csv.find("\r\nnodes/open/line,") != std::string::npos);
    CHECK(csv.find("\r\nnodes/terms/negotiation/briefing,") != std::string::npos);
    CHECK(csv.find("\r\ntitle,新产线的流动资金") != std::string::npos);

    Diagnostics diags;
    REQUIRE(import_texts_csv(*doc, csv, "texts.csv", diags));
    CHECK(diags.items.empty());
    CHECK(doc->canonical() == original);

    SECTION("a translator's changes come in as one undo step") {
        std::string edited = csv;
        const std::string from = "Hello, have a seat.";
        // Change the English title, quoting with a comma, a quote and a line break.
        const auto row = edited.find("\r\ntitle,");
        const auto end = edited.find("\r\n", row + 2);
        edited.replace(row + 2, end - row - 2, "title,新标题,\"A \"\"new\"\", title,\nin two lines\"");
        REQUIRE(import_texts_csv(*doc, edited, "texts.csv", diags));
        CHECK(doc->scenario().title.zh == "新标题");
        CHECK(doc->scenario().title.en == "A \"new\", title,\nin two lines");
        CHECK(doc->undo_depth() == 1);
        doc->undo();
        CHECK(doc->canonical() == original);
        // And the new text exports and imports again as itself.
        doc->redo();
        const std::string again = export_texts_csv(doc->scenario());
        REQUIRE(import_texts_csv(*doc, again, "texts.csv", diags));
        CHECK(doc->scenario().title.en == "A \"new\", title,\nin two lines");
    }
}

TEST_CASE("a CSV row that does not fit is reported at its line and nothing is imported", "[editor][csv]") {
    Scratch s("csv-errors");
    auto doc = s.open(s.copy_shipped());
    const std::string original = doc->canonical();
    const std::string csv =
        "\xEF\xBB\xBFid,zh,en\r\n"
        "title,标题,Title\r\n"
        "nodes/open/lines,错,wrong\r\n"          // line 3: no such text
        "summary,只有两列\r\n"                     // line 4: two columns
        "title,又一次,Again\r\n"                   // line 5: given twice
        "\"company,公司,\r\nCompany\r\n";          // line 6: a quote never closed
    Diagnostics diags;
    CHECK_FALSE(import_texts_csv(*doc, csv, "texts.csv", diags));
    CHECK(doc->canonical() == original);
    CHECK_FALSE(doc->can_undo());
    std::vector<std::pair<int, std::string>> got;
    for (const auto& d : diags.items) got.push_back({d.line, d.message});
    REQUIRE(got.size() == 4);
    std::sort(got.begin(), got.end());
    CHECK(got[0].first == 3);
    CHECK(got[0].second.find("nodes/open/lines") != std::string::npos);
    CHECK(got[1].first == 4);
    CHECK(got[1].second.find("3 columns") != std::string::npos);
    CHECK(got[2].first == 5);
    CHECK(got[2].second.find("line 2") != std::string::npos);
    CHECK(got[3].first == 6);
    CHECK(format(diags.items[0]).rfind("texts.csv:", 0) == 0);

    Diagnostics latin;
    CHECK_FALSE(import_texts_csv(*doc, "id,zh,en\ntitle,\xff\xfe,x\n", "texts.csv", latin));
    REQUIRE(latin.items.size() == 1);
    CHECK(latin.items[0].line == 2);
    Diagnostics header;
    CHECK_FALSE(import_texts_csv(*doc, "path,cn,en\n", "texts.csv", header));
    CHECK(header.items.at(0).line == 1);
}
