// Rewind (rewind.h): a recorded run resumed at one of its decisions replays the decisions before
// it; played on with the same decisions it is the original run exactly; its transcript is marked.
#include <catch2/catch.hpp>

#include "parley/debrief.h"
#include "parley/rewind.h"
#include "parley/transcript.h"
#include "session_builders.h"

using namespace parley;
using namespace parley::runtime_test;

namespace {

// Opens, raises an objection and answers it (two ways), then negotiates.
std::shared_ptr<const Scenario> meeting() {
    StateDecl st;
    st.trust = 40;
    st.interest = 40;
    st.patience = 8;
    st.objections = {{"rate_high", ObjectionType::Price, tx("rate too high")}};
    Option open = option("agenda", "objection", {{"A", 2}});
    open.tags = {Tag::Agenda};
    open.consequence.effects.raise_objections = {"rate_high"};
    Option answer = option("explain", "terms", {{"C", 1}});
    answer.objection = ObjectionAnswer{"rate_high", ObjectionMethod::Questioning};
    answer.consequence.effects.resolve_objections = {"rate_high"};
    Option dodge = option("dodge", "terms", {{"C", -1}});
    return scenario("meeting",
                    {dialogue("open", {open}, Stage::Opening), dialogue("objection", {answer, dodge}, Stage::Objection),
                     negotiation_node("terms", terms_block()), ending("end_deal", OutcomeType::Deal, 100),
                     ending("end_no_deal", OutcomeType::NoDeal, 20), ending("end_quit", OutcomeType::ClientLeft, 0)},
                    {"p"}, st);
}

Persona client() {
    Persona p = persona("p");
    p.concession.patience_rounds = 4;
    p.method_effectiveness[ObjectionMethod::Questioning] = 120;
    return p;
}

const std::vector<std::string> kRun{"1", "2", "prep:concede=fee;hold=rate", "hold", "trade:fee=0.60/rate=4.70",
                                    "hold", "accept"};

Session played(const std::shared_ptr<const ContentSet>& cs, const std::vector<std::string>& moves) {
    Session s(cs, cs->scenarios.front(), "p", 42, Difficulty::Hard);
    for (const auto& m : moves) {
        auto refused = s.decide(m);
        if (refused) FAIL("decision '" << m << "' refused: " << refused->message);
    }
    return s;
}

}  // namespace

TEST_CASE("rewinding at decision N and playing the same decisions again gives exactly the original run", "[rewind]") {
    const auto cs = content({client()}, {meeting()});
    const Session original = played(cs, kRun);
    REQUIRE(original.finished());
    const Transcript t = transcript_of(original);
    for (std::size_t at = 1; at <= kRun.size(); ++at) {
        INFO("rewound at decision " << at);
        std::string error;
        auto r = rewind(cs, t, at, error);
        REQUIRE(r);
        CHECK(r->session.decisions().size() == at - 1);
        CHECK(r->session.seed() == 42);
        CHECK(r->session.difficulty() == Difficulty::Hard);
        CHECK(r->mark.at == at);
        CHECK(r->mark.original == kRun);
        for (std::size_t i = at - 1; i < kRun.size(); ++i) REQUIRE_FALSE(r->session.decide(kRun[i]));
        CHECK(r->session.state_key() == original.state_key());
        CHECK(to_json(debrief(r->session), Lang::En).dump() == to_json(debrief(original), Lang::En).dump());
        CHECK(to_json(debrief(r->session), Lang::Zh).dump() == to_json(debrief(original), Lang::Zh).dump());
        CHECK(transcript_of(r->session).decisions == t.decisions);
    }
}

TEST_CASE("a rewound run played differently is marked, written and read back, and finds its original", "[rewind]") {
    const auto cs = content({client()}, {meeting()});
    const Session original = played(cs, kRun);
    std::string error;
    auto r = rewind(cs, transcript_of(original), 2, error);   // retake the answer to the objection
    REQUIRE(r);
    REQUIRE(r->session.options().size() == 2);
    REQUIRE_FALSE(r->session.choose(1));                       // explain, instead of dodging
    for (std::size_t i = 2; i < kRun.size(); ++i) REQUIRE_FALSE(r->session.decide(kRun[i]));
    REQUIRE(r->session.finished());

    const Transcript t = transcript_of(*r);
    REQUIRE(t.rewound);
    CHECK(t.rewound->at == 2);
    const nlohmann::json j = to_json(t);
    CHECK(j["rewound"]["at"] == 2);
    CHECK(j["rewound"]["original"] == nlohmann::json(kRun));

    Diagnostics diags;
    const auto parsed = parse_transcript(j.dump(2), "rewound.json", diags);
    REQUIRE(parsed);
    REQUIRE(parsed->rewound);
    CHECK(parsed->rewound->at == 2);
    CHECK(parsed->rewound->original == kRun);
    // It replays like any transcript, and the run it came from is the original.
    auto again = replay(cs, *parsed, error);
    REQUIRE(again);
    CHECK(debrief(*again).score.total == debrief(r->session).score.total);
    auto before = original_of(cs, *parsed, error);
    REQUIRE(before);
    CHECK(to_json(debrief(*before), Lang::En).dump() == to_json(debrief(original), Lang::En).dump());
    CHECK(debrief(r->session).score.total != debrief(original).score.total);
}

TEST_CASE("rewinding refuses a decision number outside the run and a transcript that does not replay", "[rewind]") {
    const auto cs = content({client()}, {meeting()});
    const Transcript t = transcript_of(played(cs, kRun));
    std::string error;
    CHECK_FALSE(rewind(cs, t, 0, error));
    CHECK(error == "cannot rewind to decision 0: the run has 7 decisions (1 … 7)");
    CHECK_FALSE(rewind(cs, t, 8, error));
    Transcript broken = t;
    broken.decisions[1] = "9";
    CHECK_FALSE(rewind(cs, broken, 3, error));
    CHECK(error.rfind("decision 2 '9'", 0) == 0);
    CHECK_FALSE(original_of(cs, t, error));
    CHECK(error == "the transcript is not of a rewound run");
}

TEST_CASE("a transcript's rewind mark is checked when read", "[rewind][transcript]") {
    const auto cs = content({client()}, {meeting()});
    nlohmann::json j = to_json(transcript_of(played(cs, kRun)));
    j["rewound"] = {{"at", 9}, {"original", {"1", "2"}}};
    Diagnostics diags;
    CHECK_FALSE(parse_transcript(j.dump(2), "bad.json", diags));
    REQUIRE(diags.errors() == 1);
    CHECK(diags.items.front().message.find("expected a decision number from 1 to 2") != std::string::npos);
    j["rewound"] = {{"at", 1}};
    Diagnostics missing;
    CHECK_FALSE(parse_transcript(j.dump(2), "bad.json", missing));
    CHECK(missing.errors() == 1);
}
