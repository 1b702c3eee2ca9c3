// Moving a run between screens: start, save, resume, finish, discard.
#include <chrono>

#include "gamification.h"
#include "parley/rewind.h"
#include "shared.h"

namespace parley::player {

const char* screen_name(Screen s) {
    switch (s) {
        case Screen::Library: return "library";
        case Screen::Briefing: return "briefing";
        case Screen::Meeting: return "meeting";
        case Screen::Debrief: return "debrief";
        case Screen::Progress: return "progress";
        case Screen::Class: return "class";
    }
    return "screen";
}

bool RegretJob::ready() {
    if (result || failed) return true;
    if (!future.valid()) {
        failed = true;
        return true;
    }
    if (future.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
    try {
        result = future.get();
        if (result->decisions.empty()) failed = true;
    } catch (...) {
        failed = true;
    }
    return true;
}

std::uint64_t fresh_seed() {
    // Practice codes are short so they can be read out in class: 4–6 digits.
    const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
    return 1000 + static_cast<std::uint64_t>(now / 1000) % 899000;
}

void start_run(Shared& s) {
    const Selection& sel = s.selection;
    if (!sel.scenario) return;
    s.run = std::make_shared<Run>(s.shared_content, sel.scenario, sel.persona, sel.seed, sel.difficulty);
    s.run->prep = sel.prep;
    s.finished.reset();
    s.class_run = false;
    save_current(s);
    s.go(Screen::Meeting);
}

bool start_class_run(Shared& s, const Membership& m, std::string& error) {
    const nlohmann::json& j = m.session;
    const auto scenario = s.content.scenario(j.value("scenario", ""));
    const Persona* persona = s.content.persona(j.value("persona", ""));
    const auto difficulty = parse<Difficulty>(j.value("difficulty", ""));
    if (!scenario || !persona || !difficulty || !j.contains("seed") || !j["seed"].is_number_unsigned()) {
        error = "scenario '" + j.value("scenario", "") + "' with client '" + j.value("persona", "") + "'";
        return false;
    }
    if (j.value("scenario_hash", "") != hash_hex(run_hash(*scenario, *persona, s.content.model))) {
        error = "content hash " + hash_hex(run_hash(*scenario, *persona, s.content.model)) + " ≠ " +
                j.value("scenario_hash", "");
        return false;
    }
    auto run = std::make_shared<Run>(s.shared_content, scenario, persona->id, j["seed"].get<std::uint64_t>(), *difficulty);
    // The decisions the server had when this trainee joined, or the ones sent since (the trainee
    // left the meeting and comes back to it in the same program), whichever go further.
    std::vector<std::string> decisions;
    if (j.contains("decisions") && j["decisions"].is_array())
        for (const auto& d : j["decisions"])
            if (d.is_string()) decisions.push_back(d.get<std::string>());
    if (s.class_decisions_of == m.player_id && s.class_decisions.size() > decisions.size()) decisions = s.class_decisions;
    std::size_t replayed = 0;
    for (const auto& d : decisions) {
        if (run->decide(d)) break;   // the server replayed them; so do we
        ++replayed;
    }
    s.selection = Selection{};
    s.selection.scenario = scenario;
    s.selection.persona = persona->id;
    s.selection.difficulty = *difficulty;
    s.selection.seed = j["seed"].get<std::uint64_t>();
    s.run = run;
    s.finished.reset();
    s.class_run = true;
    s.class_progress_sent = replayed;
    save_current(s);
    s.go(Screen::Meeting);
    return true;
}

void save_current(Shared& s) {
    // A class run is kept by the class server (its progress); resuming it from the library would
    // make it a private run whose result never reaches the class.
    if (!s.run || s.class_run) return;
    SavedRun saved;
    saved.transcript = to_json(s.run->transcript()).dump();
    saved.prep = prep_to_json(s.run->prep).dump();
    s.store.save_current(saved);
}

bool resume_run(Shared& s) {
    const auto saved = s.store.current();
    if (!saved) return false;
    Diagnostics diags;
    const auto t = parse_transcript(saved->transcript, "saved run", diags);
    std::string error;
    std::optional<Run> run;
    if (t) run = Run::from_transcript(s.shared_content, *t, error);
    else error = diags.items.empty() ? "unreadable" : diags.items.front().message;
    if (!run) {
        s.notify(fmt(s.t(strings().resume_failed), error.c_str()), 8.f);
        return false;
    }
    run->prep = prep_from_json(nlohmann::json::parse(saved->prep, nullptr, false));
    s.run = std::make_shared<Run>(std::move(*run));
    s.selection.scenario = s.content.scenario(t->scenario);
    s.selection.persona = t->persona;
    s.selection.difficulty = t->difficulty;
    s.selection.seed = t->seed;
    s.selection.prep = s.run->prep;
    s.finished.reset();
    s.class_run = false;
    s.go(Screen::Meeting);
    return true;
}

bool rewind_run(Shared& s, std::size_t at) {
    if (!s.finished) return false;
    const FinishedRun& f = *s.finished;
    std::string error;
    auto run = Run::rewound(s.shared_content, f.run->transcript(), at, error);
    if (!run) {
        s.notify(fmt(s.t(strings().rewind_failed), error.c_str()), 8.f);
        return false;
    }
    run->prep = f.run->prep;
    s.run = std::make_shared<Run>(std::move(*run));
    const Session& session = s.run->session();
    s.selection.scenario = s.content.scenario(session.scenario().id);
    s.selection.persona = session.persona().id;
    s.selection.difficulty = session.difficulty();
    s.selection.seed = session.seed();
    s.selection.prep = s.run->prep;
    s.finished.reset();
    s.class_run = false;
    save_current(s);
    s.go(Screen::Meeting);
    return true;
}

void discard_run(Shared& s) {
    s.run.reset();
    s.store.clear_current();
}

void finish_run(Shared& s) {
    if (!s.run) return;
    auto f = std::make_shared<FinishedRun>();
    f->run = s.run;
    const Session& session = s.run->session();
    f->debrief = debrief(session);
    const Scenario& scenario = session.scenario();

    // Unlock state before this run, to tell the trainee what it opened.
    const auto& before = s.store.runs();
    std::vector<std::string> locked_personas;
    for (const auto& p : scenario.personas)
        if (!persona_unlocked(s.content, scenario, p, before)) locked_personas.push_back(p);
    const bool hard_locked = !difficulty_unlocked(scenario, Difficulty::Hard, before);
    const auto had = badges_so_far(before);
    f->previous_best = best_competencies(before, scenario.id, 0);

    const bool practice = s.run->practice();
    if (practice) {
        // Practice (gamification.h): half the XP, no badge; the run it came from, beside it.
        f->xp = practice_xp_for(f->debrief);
        std::string error;
        if (const auto original = original_of(s.shared_content, s.run->transcript(), error))
            f->original_score = debrief(*original).score;
    } else {
        f->badges = badges_for(session, f->debrief);
        for (const auto& b : f->badges)
            if (std::find(had.begin(), had.end(), b) == had.end()) f->new_badges.push_back(b);
        f->xp = xp_for(f->debrief, static_cast<int>(f->new_badges.size()));
    }

    RunRecord r;
    r.scenario = scenario.id;
    r.persona = session.persona().id;
    r.difficulty = std::string(id_of(session.difficulty()));
    r.seed = session.seed();
    r.total = f->debrief.score.total;
    r.stars = f->debrief.score.stars;
    r.tier = f->debrief.score.tier ? f->debrief.score.tier->id : "";
    r.outcome = std::string(id_of(f->debrief.outcome));
    r.xp = f->xp;
    for (const auto& c : f->debrief.score.competencies) r.competencies[c.id] = c.score;
    r.badges = f->badges;
    r.transcript = to_json(s.run->transcript()).dump();
    r.practice = practice;
    f->record_id = s.store.add_run(r);
    s.store.clear_current();

    const auto& after = s.store.runs();
    for (const auto& p : locked_personas)
        if (persona_unlocked(s.content, scenario, p, after))
            if (const Persona* persona = s.content.persona(p)) f->unlocked_now.push_back(persona->name);
    if (hard_locked && difficulty_unlocked(scenario, Difficulty::Hard, after))
        f->unlocked_now.push_back(name_of(Difficulty::Hard));

    // Best alternatives, in the background.
    f->regrets = std::make_shared<RegretJob>();
    const Transcript t = s.run->transcript();
    // Default limits, as parley-cli uses, so both report the same best choices.
    f->regrets->future =
        std::async(std::launch::async, [content = s.shared_content, t] { return regrets(content, t); });

    s.background.push_back(f->regrets);
    s.finished = f;
    s.run.reset();
    if (s.class_run && s.classroom) {
        // The class's run: the server recomputes the result from the transcript; the class
        // board shows it (or says it is kept on this computer until the server can be reached).
        s.classroom->submit(t);
        s.class_view = Shared::ClassView::Board;
        s.go(Screen::Class);
        return;
    }
    s.go(Screen::Debrief);
}

}  // namespace parley::player
