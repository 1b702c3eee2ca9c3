// Negotiation blocks: decimal values become exact integer units, and the bank's and the
// client's positions must be consistent (seed 000: prepare target and walk-away first).
#include <catch2/catch.hpp>

#include "loader_fixture.h"

using namespace parley;
using namespace loader_fixture;

namespace {

json& rate_issue(json& doc) { return doc["nodes"][2]["negotiation"]["issues"][0]; }

Diagnostics refused(const json& doc) {
    Diagnostics d;
    CHECK_FALSE(load(doc, d));
    return d;
}

const std::string kRate = "/nodes/2/negotiation/issues/0/";

}  // namespace

TEST_CASE("negotiation values with more places than the issue's decimals are refused", "[loader]") {
    json doc = scenario_json();
    rate_issue(doc)["bank_target"] = 5.255;
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "value 5.255 has more than 2 decimal place(s)", kRate + "bank_target"));
}

TEST_CASE("a value a hair off its decimals is refused, not rounded to the nearest unit", "[loader]") {
    json doc = scenario_json();
    rate_issue(doc)["bank_target"] = 5.2000001;
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "value 5.2000001 has more than 2 decimal place(s)", kRate + "bank_target"));
}

TEST_CASE("binary fractions like 4.6 convert exactly to units", "[loader]") {
    json doc = scenario_json();
    rate_issue(doc)["bank_walkaway"] = 4.6;   // 459.99999999999994 in a double
    rate_issue(doc)["client_reservation"] = 4.65;
    Diagnostics d;
    auto s = load(doc, d);
    INFO(show(d));
    REQUIRE(s);
    CHECK(s->nodes[2].negotiation->issues[0].bank_walkaway == 460);
    CHECK(s->nodes[2].negotiation->issues[0].client_reservation == 465);
}

TEST_CASE("negotiation values must lie within [min, max] on a step from min", "[loader]") {
    json doc = scenario_json();
    rate_issue(doc)["client_opening"] = 3.00;
    rate_issue(doc)["bank_opening"] = 5.62;
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "client_opening 3.00 is outside [3.50, 6.00]", kRate + "client_opening"));
    CHECK(find(d, "bank_opening 5.62 is not on a step of 0.05 from min 3.50", kRate + "bank_opening"));
}

TEST_CASE("an issue's range, step and decimals must make sense", "[loader]") {
    json doc = scenario_json();
    rate_issue(doc)["max"] = 3.00;
    rate_issue(doc)["step"] = 0;
    json& fee = doc["nodes"][2]["negotiation"]["issues"][1];
    fee["decimals"] = 5;
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "max 3.00 must be above min 3.50", kRate + "max"));
    CHECK(find(d, "step must be positive, found 0.00", kRate + "step"));
    CHECK(find(d, "expected an integer from 0 to 4, found 5", "/nodes/2/negotiation/issues/1/decimals"));
}

TEST_CASE("the bank's opening, target and walk-away run in its preferred direction", "[loader]") {
    SECTION("the bank prefers higher values") {
        json doc = scenario_json();
        rate_issue(doc)["bank_target"] = 4.50;  // below the walk-away 4.60
        rate_issue(doc)["bank_opening"] = 4.40;
        Diagnostics d = refused(doc);
        INFO(show(d));
        CHECK(find(d, "the bank's target 4.50 is worse for the bank than its walk-away 4.60 (the bank prefers higher values)",
                   kRate + "bank_target"));
        CHECK(find(d, "the bank's opening 4.40 is worse for the bank than its target 4.50", kRate + "bank_opening"));
    }
    SECTION("the bank prefers lower values") {
        json doc = scenario_json();
        rate_issue(doc)["bank_prefers"] = "lower";  // the fixture's numbers now run the wrong way
        Diagnostics d = refused(doc);
        INFO(show(d));
        CHECK(find(d, "the bank's target 5.20 is worse for the bank than its walk-away 4.60 (the bank prefers lower values)",
                   kRate + "bank_target"));
        CHECK(find(d, "the client's opening 4.20 is worse for the client than its reservation 5.00 (the client prefers higher values)",
                   kRate + "client_opening"));
    }
}

TEST_CASE("the client's opening is at least as good for the client as its reservation", "[loader]") {
    json doc = scenario_json();
    rate_issue(doc)["client_opening"] = 5.50;  // the client prefers lower rates
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "the client's opening 5.50 is worse for the client than its reservation 5.00", kRate + "client_opening"));
}

TEST_CASE("concede and hold lists name the block's issues, never the same one twice", "[loader]") {
    json doc = scenario_json();
    json& block = doc["nodes"][2]["negotiation"];
    block["should_concede"] = {"fee", "term"};
    block["must_hold"] = {"rate", "fee"};
    block["issues"][1]["id"] = "rate";
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "unknown issue \"term\"", "/nodes/2/negotiation/should_concede/1"));
    CHECK(find(d, "duplicate issue id \"rate\"", "/nodes/2/negotiation/issues/1/id"));
}

TEST_CASE("an issue on both the concede and the hold list is an error", "[loader]") {
    json doc = scenario_json();
    doc["nodes"][2]["negotiation"]["must_hold"] = {"rate", "fee"};
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "issue \"fee\" is on both lists", "/nodes/2/negotiation/must_hold/1"));
}

TEST_CASE("a negotiation's on_* targets must exist", "[loader]") {
    json doc = scenario_json();
    doc["nodes"][2]["negotiation"]["on_no_deal"] = "end_none";
    doc["nodes"][2]["negotiation"].erase("on_client_quit");
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "on_no_deal node \"end_none\" does not exist", "/nodes/2/negotiation/on_no_deal"));
    CHECK(find(d, "missing required field \"on_client_quit\"", "/nodes/2/negotiation"));
}

TEST_CASE("a negotiation value that is not a number or is absurdly large is refused", "[loader]") {
    json doc = scenario_json();
    rate_issue(doc)["bank_target"] = "5.20";
    rate_issue(doc)["max"] = 1e300;
    Diagnostics d = refused(doc);
    INFO(show(d));
    CHECK(find(d, "expected a number, found a string \"5.20\"", kRate + "bank_target"));
    CHECK(find(d, "value 1e+300 is out of range", kRate + "max"));
}
