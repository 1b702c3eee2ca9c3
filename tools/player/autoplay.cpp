// Scripted mode: a queue of small steps (click a named place, press a key, type, wait for the UI,
// take a screenshot), each issued only when the previous input has been delivered.
//
// Contents
//   1. The step runner (one call per frame)
//   2. Library and briefing
//   3. Decisions: options by click or number key, negotiation moves through the panel
//   4. Debrief and progress
#include "parley/report.h"
#include "autoplay.h"

#include <SFML/Window/Keyboard.hpp>

#include <cstdio>
#include <iostream>

#include "app.h"
#include "parley/analysis.h"
#include "parley/negotiation.h"
#include "parley/ui/screenshot.h"

namespace parley::player {

namespace fs = std::filesystem;

Autoplay::Autoplay(Transcript transcript, fs::path screenshots, Lang json_lang)
    : transcript_(std::move(transcript)), dir_(std::move(screenshots)), json_lang_(json_lang) {}

void Autoplay::attach(App& app) {
    // A transcript recorded against other content, or with a decision that is not valid, is
    // refused up front with the engine's reason, as `parley-cli replay` refuses it.
    std::string error;
    if (!replay(app.shared().shared_content, transcript_, error)) {
        std::cerr << "parley --autoplay: " << error << '\n';
        app.quit(1);
        return;
    }
    plan_start(app);
    app.on_frame_drawn([this](App& a) { frame(a); });
}

// ============================================================================
// 1. The step runner
// ============================================================================

void Autoplay::fail(App& app, const std::string& message) {
    failed_ = true;
    std::cerr << "parley --autoplay: " << message << '\n';
    if (!dir_.empty()) {
        std::string error;
        ui::save_screenshot(app.window(), (dir_ / "failure.png").string(), error);
    }
    app.quit(1);
}

void Autoplay::frame(App& app) {
    if (failed_) return;
    // Input changes what the frame that receives it draws next (a card opens, a scrollbar
    // appears): look at the screen again only after two whole frames without input.
    if (!app.input().idle()) {
        quiet_frames_ = 0;
        return;
    }
    if (quiet_frames_ < 2) {
        ++quiet_frames_;
        return;
    }
    while (!steps_.empty()) {
        Step& s = steps_.front();
        switch (s.kind) {
            case Step::Kind::Click:
            case Step::Kind::Reveal:
            case Step::Kind::Wheel: {
                const auto where = app.targets().find(s.target);
                if (!where) {
                    // Laid out but scrolled away: wheel its window towards it, as a user would.
                    if (const auto hidden = app.targets().find_hidden(s.target)) {
                        const bool below = hidden->rect.min.y > hidden->host.center().y;
                        app.input().wheel(hidden->host.center(), below ? -2.f : 2.f);
                    }
                    if (++waited_ > 300) fail(app, "'" + s.target + "' never appeared on screen");
                    return;
                }
                if (s.kind == Step::Kind::Click) app.input().click(where->center());
                else if (s.kind == Step::Kind::Wheel) app.input().wheel(where->center(), s.delta);
                waited_ = 0;
                steps_.pop_front();
                return;
            }
            case Step::Kind::Key:
                app.input().key(static_cast<sf::Keyboard::Key>(s.key));
                steps_.pop_front();
                return;
            case Step::Kind::SelectAll:
                app.input().key(sf::Keyboard::A, ui::KeyMods{true, false, false});
                steps_.pop_front();
                return;
            case Step::Kind::Type:
                app.input().type(s.target);
                steps_.pop_front();
                return;
            case Step::Kind::Shot: {
                if (!dir_.empty()) {
                    char name[160];
                    std::snprintf(name, sizeof name, "%02d-%s.png", ++shots_, s.target.c_str());
                    std::string error;
                    if (!ui::save_screenshot(app.window(), (dir_ / name).string(), error)) {
                        fail(app, error);
                        return;
                    }
                }
                steps_.pop_front();
                continue;
            }
            case Step::Kind::Wait:
                if (waited_ < s.frames) {
                    ++waited_;
                    return;
                }
                waited_ = 0;
                steps_.pop_front();
                continue;
            case Step::Kind::Until:
                if (s.until(app)) {
                    waited_ = 0;
                    steps_.pop_front();
                    continue;
                }
                if (++waited_ > s.frames) fail(app, "timed out waiting for " + s.what);
                return;
            case Step::Kind::Do: {
                auto action = std::move(s.action);
                steps_.pop_front();
                action(app);
                if (failed_) return;
                continue;
            }
        }
    }
}

// ============================================================================
// 2. Library and briefing
// ============================================================================

void Autoplay::plan_start(App& app) {
    Shared& sh = app.shared();
    const auto scenario = sh.content.scenario(transcript_.scenario);
    const std::string id = transcript_.scenario;
    until("the library", [](App& a) { return a.targets().find("library.search").has_value(); });
    wait(6);
    shot("library");
    // Search for the scenario by its title, typed as a trainee would.
    if (scenario) {
        click("library.search");
        type(sh.t(scenario->title));
        wait(3);
    }
    click("library.card." + id);
    until("the briefing", [p = transcript_.persona](App& a) {
        return a.shared().screen == Screen::Briefing && a.targets().find("briefing.persona." + p).has_value();
    });
    click("briefing.persona." + transcript_.persona);
    click("briefing.difficulty." + std::string(id_of(transcript_.difficulty)));
    click("briefing.seed");
    select_all();
    type(std::to_string(transcript_.seed));
    wait(4);
    then([this](App& a) {
        const Selection& sel = a.shared().selection;
        if (sel.persona != transcript_.persona || sel.difficulty != transcript_.difficulty || sel.seed != transcript_.seed)
            fail(a, "the briefing did not take the transcript's client, difficulty and practice code");
    });
    shot("briefing");
    click("briefing.start");
    until("the meeting", [](App& a) { return a.shared().screen == Screen::Meeting && a.shared().run; });
    then([this](App& a) { plan_decision(a, 0); });
}

// ============================================================================
// 3. Decisions
// ============================================================================

void Autoplay::plan_decision(App& app, std::size_t index) {
    (void)app;
    if (index == transcript_.decisions.size()) {
        plan_debrief(app);
        return;
    }
    until("decision " + std::to_string(index + 1), [index](App& a) {
        const Shared& s = a.shared();
        return s.screen == Screen::Meeting && s.run && s.run->session().decisions().size() == index;
    });
    wait(10);   // the figure eases into the new emotion
    char name[32];
    std::snprintf(name, sizeof name, "meeting-%02zu", index + 1);
    shot(name);
    then([this, index, name = std::string(name)](App& a) {
        const std::string& d = transcript_.decisions[index];
        const Session& session = a.shared().run->session();
        if (!session.in_negotiation()) {
            std::size_t n = 0;
            try {
                n = std::stoul(d);
            } catch (...) {
                fail(a, "decision " + std::to_string(index + 1) + " '" + d + "' is not an option number here");
                return;
            }
            // Alternate mouse and keyboard, so both paths are exercised.
            if (index % 2 == 1 && n >= 1 && n <= 9) key(sf::Keyboard::Num0 + static_cast<int>(n));
            else click("option." + std::to_string(n));
        } else {
            const Negotiation& block = *session.negotiation()->block;
            std::string error;
            const auto move = parse_move(d, block, error);
            if (!move) {
                fail(a, "decision " + std::to_string(index + 1) + " '" + d + "': " + error);
                return;
            }
            auto issue_of = [&](const std::string& id) -> const NegotiationIssue* {
                for (const auto& i : block.issues)
                    if (i.id == id) return &i;
                return nullptr;
            };
            auto enter_values = [&](const IssueValues& values, const char* role) {
                for (const auto& [id, v] : values) {
                    const NegotiationIssue* issue = issue_of(id);
                    if (!issue) continue;
                    if (role) click(std::string("neg.trade.") + role + "." + id);
                    click("neg.value." + id);
                    select_all();
                    type(format_value(*issue, v));
                }
            };
            auto listed = [](const std::vector<std::string>& list, const std::string& id) {
                return std::find(list.begin(), list.end(), id) != list.end();
            };
            switch (move->kind) {
                case MoveKind::Prepare:
                    for (const auto& issue : block.issues) {
                        const char* which = listed(move->concede, issue.id) ? "concede"
                                            : listed(move->hold, issue.id) ? "hold"
                                                                           : "none";
                        click("neg.prep." + issue.id + "." + which);
                    }
                    wait(2);
                    click("neg.prepare");
                    break;
                case MoveKind::Offer:
                case MoveKind::Nibble:
                    click(move->kind == MoveKind::Offer ? "neg.move.offer" : "neg.move.nibble");
                    enter_values(move->values, nullptr);
                    wait(3);
                    shot(std::string(name) + "-move");
                    click("neg.submit");
                    break;
                case MoveKind::Trade:
                    click("neg.move.trade");
                    enter_values(move->values, "give");
                    enter_values(move->in_return, "ask");
                    wait(3);
                    shot(std::string(name) + "-move");
                    click("neg.submit");
                    break;
                case MoveKind::Hold: click("neg.move.hold"); break;
                case MoveKind::ProposeSplit: click("neg.move.split"); break;
                case MoveKind::Accept: click("neg.move.accept"); break;
                case MoveKind::WalkAway:
                    click("neg.move.walk");
                    click("neg.walk.confirm");
                    break;
            }
        }
        until("decision " + std::to_string(index + 1) + " '" + d + "' to be accepted by the UI", [index](App& a2) {
            const Shared& s = a2.shared();
            return !s.run || s.run->session().decisions().size() > index;
        }, 200);
        then([this, index](App& a2) { plan_decision(a2, index + 1); });
    });
}

// ============================================================================
// 4. Debrief and progress
// ============================================================================

void Autoplay::plan_debrief(App&) {
    until("the end of the meeting", [](App& a) {
        const Shared& s = a.shared();
        return s.run && s.run->session().finished() && a.targets().find("meeting.debrief").has_value();
    });
    wait(10);
    shot("meeting-end");
    click("meeting.debrief");
    until("the debrief", [](App& a) { return a.shared().screen == Screen::Debrief && a.shared().finished; });
    // Best alternatives are worked out in the background; show them when they are known.
    until("the best-choice analysis", [](App& a) { return a.shared().finished->regrets->ready(); }, 20000);
    wait(6);
    shot("debrief");
    then([this](App& a) {
        // The same document as `parley-cli replay --json`: the run report.
        const FinishedRun& f = *a.shared().finished;
        const nlohmann::json j = run_report(f.run->session(), f.regrets->result ? *f.regrets->result : Regrets{}, json_lang_);
        std::cout << j.dump(2) << '\n' << std::flush;
    });
    // Then the decisions, from the first one that was not the best choice (or the first).
    then([this](App& a) {
        std::size_t first = 0;
        if (const auto& r = a.shared().finished->regrets->result)
            for (const auto& d : r->decisions)
                if (regret_of(d) > 0) {
                    first = d.index;
                    break;
                }
        reveal("debrief.decision." + std::to_string(first));
        wait(6);
        shot("debrief-decisions");
        plan_progress(a);
    });
}

void Autoplay::plan_progress(App&) {
    click("nav.progress");
    until("the progress screen", [](App& a) { return a.shared().screen == Screen::Progress; });
    wait(6);
    shot("progress");
    then([](App& a) { a.quit(0); });
}

}  // namespace parley::player
