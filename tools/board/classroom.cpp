// Contents: 1. helpers  2. loading  3. trainer actions  4. joining  5. progress and results
//           6. leaderboard and class report
#include "classroom.h"

#include <algorithm>
#include <chrono>
#include <future>

#include "names.h"
#include "parley/transcript.h"
#include "ranking.h"
#include "refusal.h"
#include "room.h"
#include "tokens.h"

namespace parley::board {

using nlohmann::json;

// ============================================================================
// 1. Helpers
// ============================================================================

namespace {

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

json text_json(const Text& t) { return {{"zh", t.zh}, {"en", t.en}}; }

void only_fields(const json& body, std::initializer_list<const char*> allowed) {
    if (!body.is_object()) throw Refused(Why::BadRequest, "the body must be a JSON object");
    for (const auto& [key, value] : body.items()) {
        (void)value;
        if (std::find_if(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }) == allowed.end()) {
            std::string list;
            for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
            throw Refused(Why::BadRequest, "unknown field '" + key + "' (expected: " + list + ")");
        }
    }
}

// The rules shown before play (seed 002: announced in advance, the same for everyone).
json rules_of(const Room& room) {
    const CompetencyModel& m = room.run.content->model;
    json comps = json::array();
    for (const auto& id : room.run.scenario->competencies)
        if (const Competency* c = m.find(id))
            comps.push_back({{"id", c->id}, {"name", text_json(c->name)}, {"core", c->core}, {"weight", c->weight}});
    json tiers = json::array();
    for (const auto& t : m.tiers) tiers.push_back({{"id", t.id}, {"name", text_json(t.name)}, {"min_total", t.min_total}});
    return {{"star_thresholds", m.star_thresholds},
            {"critical_violation_cap", m.critical_violation_cap},
            {"shares", {{"competencies", m.share_competencies}, {"outcome", m.share_outcome},
                        {"negotiation", m.share_negotiation}}},
            {"negotiation_parts", {{"bank_value", m.part_bank_value}, {"client_satisfaction", m.part_client_satisfaction},
                                   {"rule_adherence", m.part_rule_adherence}}},
            {"competencies", comps},
            {"tiers", tiers},
            {"ranking", text_json(tie_rule())},
            {"public_top", kPublicTop},
            {"late_join", room.row.late_join}};
}

json session_json(const Room& room) {
    json j = {{"code", room.row.code},           {"scenario", room.row.scenario}, {"persona", room.row.persona},
              {"seed", room.row.seed},           {"difficulty", room.row.difficulty},
              {"late_join", room.row.late_join}, {"state", room.row.state},   {"scenario_hash", room.row.run_hash}};
    if (room.run.scenario) j["scenario_title"] = text_json(room.run.scenario->title);
    if (!room.content_problem.empty()) j["problem"] = room.content_problem;
    return j;
}

// Tokens are "<player id>.<secret>": the id finds the player, the whole is compared in constant time.
std::shared_ptr<Player> authenticate(const Room& room, std::string_view token) {
    const auto dot = token.find('.');
    std::int64_t id = 0;
    if (dot != std::string_view::npos && dot > 0 && dot <= 12) {
        for (char c : token.substr(0, dot)) {
            if (c < '0' || c > '9') {
                id = 0;
                break;
            }
            id = id * 10 + (c - '0');
        }
    }
    for (const auto& p : room.players)
        if (p->row.id == id && constant_time_equal(p->row.token, token)) {
            if (p->row.removed == "kicked")
                throw Refused(Why::Forbidden, "the trainer removed you from this session: join again to continue");
            if (p->row.removed == "banned") throw Refused(Why::Forbidden, "the trainer banned you from this session");
            return p;
        }
    throw Refused(Why::Unauthorized, token.empty() ? "this needs your player token (Authorization: Bearer …)"
                                                   : "the player token is not valid for this session");
}

void need_scorable(const Room& room) {
    if (!room.content_problem.empty()) throw Refused(Why::Conflict, room.content_problem);
}

json entry_json(const RankedStanding& r) {
    return {{"rank", r.rank},
            {"player_id", r.standing.player_id},
            {"name", r.standing.name},
            {"total", r.standing.total},
            {"stars", r.standing.stars},
            {"violations", r.standing.violations},
            {"critical_violations", r.standing.critical}};
}

std::vector<RankedStanding> standings_of(const Room& room) {
    std::vector<Standing> s;
    for (const auto& p : room.players)
        if (p->summary && p->row.removed.empty())
            s.push_back({p->row.id, p->row.name, p->summary->total, p->summary->stars, p->summary->violations,
                         p->summary->critical});
    return rank_standings(std::move(s));
}

std::string stage_of(const Session& s) { return s.finished() ? "ended" : std::string(id_of(s.current_node().stage)); }

}  // namespace

SharedRun& Room::shared() {
    std::lock_guard<std::mutex> lock(analysis_mutex_);
    if (!shared_) {
        if (share) shared_ = share();
        else {
            shared_ = std::make_shared<SharedRun>();
            shared_->analysis = RunAnalysis::build(run.content, run.scenario, run.persona, run.seed, run.difficulty);
        }
    }
    return *shared_;
}

std::shared_ptr<SharedRun> Classroom::shared_run(const RunConfig& run) {
    const std::string key = run.scenario->id + '\n' + run.persona + '\n' + std::to_string(run.seed) + '\n' +
                            std::string(id_of(run.difficulty)) + '\n' + hash_hex(run.run_hash);
    std::promise<std::shared_ptr<SharedRun>> building;
    std::shared_future<std::shared_ptr<SharedRun>> ready;
    bool mine = false;
    {
        std::lock_guard<std::mutex> lock(runs_mutex_);
        auto it = runs_.find(key);
        if (it == runs_.end()) {
            ready = building.get_future().share();
            runs_.emplace(key, ready);
            mine = true;
        } else {
            ready = it->second;
        }
    }
    if (mine) {   // built outside the lock: sessions of other runs do not wait for this one
        try {
            auto s = std::make_shared<SharedRun>();
            s->analysis = RunAnalysis::build(run.content, run.scenario, run.persona, run.seed, run.difficulty);
            building.set_value(std::move(s));
        } catch (...) {
            {
                std::lock_guard<std::mutex> lock(runs_mutex_);
                runs_.erase(key);
            }
            building.set_exception(std::current_exception());
        }
    }
    return ready.get();
}

// ============================================================================
// 2. Loading
// ============================================================================

std::shared_ptr<Room> Classroom::make_room(const SessionRow& row) {
    auto room = std::make_shared<Room>();
    room->row = row;
    room->run.content = content_;
    room->run.scenario = content_->scenario(row.scenario);
    room->run.persona = row.persona;
    room->run.seed = row.seed;
    room->run.difficulty = parse<Difficulty>(row.difficulty).value_or(Difficulty::Normal);
    const Persona* persona = content_->persona(row.persona);
    if (!room->run.scenario)
        room->content_problem = "the scenario '" + row.scenario + "' is not in the content this server loaded";
    else if (!persona)
        room->content_problem = "the persona '" + row.persona + "' is not in the content this server loaded";
    else {
        room->run.run_hash = run_hash(*room->run.scenario, *persona, content_->model);
        if (!row.run_hash.empty() && row.run_hash != hash_hex(room->run.run_hash))
            room->content_problem = "the content changed since this session began (its runs were recorded against " +
                                    row.run_hash + ", the server now has " + hash_hex(room->run.run_hash) +
                                    "): results cannot be scored; start a new session";
    }
    if (!room->content_problem.empty()) room->run.scenario = nullptr;
    else room->share = [this, run = room->run] { return shared_run(run); };
    return room;
}

Classroom::Classroom(std::shared_ptr<const ContentSet> content, Store& store, EventHub& events, Limits limits)
    : content_(std::move(content)), store_(store), events_(events), limits_(limits) {
    StoredState s = store_.load();
    trainer_token_ = s.trainer_token;
    if (trainer_token_.empty()) {
        trainer_token_ = random_token(32);
        store_.put_trainer_token(trainer_token_);
    }
    for (const auto& row : s.sessions) {
        auto room = make_room(row);
        by_id_[row.id] = room;
        by_code_[row.code] = room;
        next_session_ = std::max(next_session_, row.id + 1);
    }
    for (const auto& c : s.codes) {
        auto it = by_id_.find(c.session_id);
        if (it == by_id_.end() || by_code_.count(c.code)) continue;
        by_code_[c.code] = it->second;
        it->second->old_codes.push_back(c.code);
    }
    std::map<std::int64_t, std::shared_ptr<Player>> players;
    for (const auto& row : s.players) {
        next_player_ = std::max(next_player_, row.id + 1);
        auto it = by_id_.find(row.session_id);
        if (it == by_id_.end()) continue;
        auto p = std::make_shared<Player>();
        p->row = row;
        const json d = json::parse(row.decisions_json, nullptr, false);
        if (d.is_array())
            for (const auto& x : d)
                if (x.is_string()) p->decisions.push_back(x.get<std::string>());
        if (it->second->content_problem.empty() && !p->decisions.empty()) {
            try {
                const Session run = replay_progress(it->second->run, p->decisions);
                p->stage = stage_of(run);
                p->meeting_over = run.finished();
            } catch (const Refused&) {
                p->decisions.clear();
            }
        }
        it->second->players.push_back(p);
        players[row.id] = p;
    }
    for (auto& r : s.results) {
        auto it = players.find(r.player_id);
        if (it == players.end()) continue;
        it->second->result = std::make_shared<const ResultRow>(std::move(r));
        const ResultRow& stored = *it->second->result;
        try {
            it->second->summary = summary_from_json(json::parse(stored.summary));
        } catch (const json::exception&) {
            it->second->summary = ResultSummary{};
        }
    }
    for (const auto& b : s.bans) {
        auto it = by_id_.find(b.session_id);
        if (it != by_id_.end()) it->second->banned.insert(b.name_key);
    }
}

Classroom::~Classroom() = default;

bool Classroom::is_trainer(std::string_view bearer) const { return constant_time_equal(bearer, trainer_token_); }

std::shared_ptr<Room> Classroom::find(const std::string& code) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = by_code_.find(code);
    if (it == by_code_.end()) throw Refused(Why::NotFound, "there is no session with the code " + code);
    return it->second;
}

bool Classroom::exists(const std::string& code) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return by_code_.count(code) > 0;
}

std::int64_t Classroom::session_id(const std::string& code) const { return find(code)->row.id; }

std::string Classroom::fresh_code() const {
    for (;;) {
        std::string c = random_code(6);
        if (!by_code_.count(c)) return c;
    }
}

std::optional<std::string> Classroom::current_code() const {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = by_id_.rbegin(); it != by_id_.rend(); ++it) {
        std::lock_guard<std::mutex> room_lock(it->second->mutex);
        if (it->second->row.state != "ended") return it->second->row.code;
    }
    return std::nullopt;
}

// ============================================================================
// 3. Trainer actions
// ============================================================================

json Classroom::create_session(const json& body) {
    only_fields(body, {"scenario", "persona", "seed", "difficulty", "late_join"});
    SessionRow row;
    if (!body.contains("scenario") || !body["scenario"].is_string())
        throw Refused(Why::BadRequest, "'scenario' is required: the id of a scenario (a string)");
    row.scenario = body["scenario"];
    const auto scenario = content_->scenario(row.scenario);
    if (!scenario) {
        std::string known;
        for (const auto& s : content_->scenarios) known += (known.empty() ? "" : ", ") + s->id;
        throw Refused(Why::Unprocessable, "there is no scenario '" + row.scenario + "' (known: " + known + ")");
    }
    if (body.contains("persona")) {
        if (!body["persona"].is_string()) throw Refused(Why::BadRequest, "'persona' must be a persona id (a string)");
        row.persona = body["persona"];
    } else if (!scenario->personas.empty()) {
        row.persona = scenario->personas.front();
    }
    if (std::find(scenario->personas.begin(), scenario->personas.end(), row.persona) == scenario->personas.end()) {
        std::string known;
        for (const auto& p : scenario->personas) known += (known.empty() ? "" : ", ") + p;
        throw Refused(Why::Unprocessable,
                      "the scenario cannot be played against '" + row.persona + "' (its personas: " + known + ")");
    }
    row.seed = 1;
    if (body.contains("seed")) {
        if (!body["seed"].is_number_unsigned())
            throw Refused(Why::BadRequest, "'seed' must be a whole number, 0 or more");
        row.seed = body["seed"];
    }
    Difficulty difficulty = scenario->default_difficulty;
    if (body.contains("difficulty")) {
        const auto d = body["difficulty"].is_string() ? parse<Difficulty>(body["difficulty"].get<std::string>())
                                                      : std::nullopt;
        if (!d) throw Refused(Why::BadRequest, "'difficulty' must be one of easy, normal, hard");
        difficulty = *d;
    }
    row.difficulty = std::string(id_of(difficulty));
    if (body.contains("late_join")) {
        if (!body["late_join"].is_boolean()) throw Refused(Why::BadRequest, "'late_join' must be true or false");
        row.late_join = body["late_join"];
    }
    row.state = "lobby";
    row.created_at = now_ms();
    row.run_hash = hash_hex(run_hash(*scenario, *content_->persona(row.persona), content_->model));

    std::shared_ptr<Room> room;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (by_id_.size() >= limits_.max_sessions)
            throw Refused(Why::Conflict, "the server holds its maximum of " + std::to_string(limits_.max_sessions) +
                                             " sessions; start it on a new database");
        row.id = next_session_++;
        row.code = fresh_code();
        room = make_room(row);
        by_code_[row.code] = room;   // reserved; published once committed
    }
    room->analysis();   // the one analysis of this run, built now rather than at the first result
    try {
        store_.put_session(row);
    } catch (...) {
        std::lock_guard<std::mutex> lock(mutex_);
        by_code_.erase(row.code);
        throw;
    }
    {
        std::lock_guard<std::mutex> lock(mutex_);
        by_id_[row.id] = room;
    }
    json j = session_json(*room);
    j["rules"] = rules_of(*room);
    return j;
}

json Classroom::rotate_code(const std::string& code) {
    auto room = find(code);
    std::string fresh, old;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        fresh = fresh_code();
        by_code_[fresh] = room;
    }
    {
        std::lock_guard<std::mutex> lock(room->mutex);
        old = room->row.code;
    }
    SessionRow row;
    {
        std::lock_guard<std::mutex> lock(room->mutex);
        row = room->row;
        row.code = fresh;
    }
    store_.put_code({old, row.id});
    store_.put_session(row);
    {
        std::lock_guard<std::mutex> lock(room->mutex);
        room->old_codes.push_back(old);
        room->row.code = fresh;
    }
    events_.publish(row.id, "code", "{}");
    return {{"code", fresh}, {"previous", old}};
}

namespace {
json set_state(Store& store, EventHub& events, Room& room, const std::string& state) {
    SessionRow row;
    {
        std::lock_guard<std::mutex> lock(room.mutex);
        if (room.row.state == "ended") throw Refused(Why::Conflict, "the session has already ended");
        row = room.row;
    }
    row.state = state;
    store.put_session(row);
    {
        std::lock_guard<std::mutex> lock(room.mutex);
        room.row.state = state;
        ++room.version;
    }
    events.publish(row.id, "state", json{{"state", state}}.dump());
    return {{"code", row.code}, {"state", state}};
}
}  // namespace

json Classroom::start(const std::string& code) { return set_state(store_, events_, *find(code), "running"); }
json Classroom::end(const std::string& code) { return set_state(store_, events_, *find(code), "ended"); }

json Classroom::kick(const std::string& code, std::int64_t player_id) {
    auto room = find(code);
    std::shared_ptr<Player> p;
    {
        std::lock_guard<std::mutex> lock(room->mutex);
        for (const auto& x : room->players)
            if (x->row.id == player_id && x->row.removed.empty()) p = x;
    }
    if (!p) throw Refused(Why::NotFound, "there is no trainee " + std::to_string(player_id) + " in this session");
    std::lock_guard<std::mutex> writing(p->writing);
    PlayerRow row;
    {
        std::lock_guard<std::mutex> lock(room->mutex);
        row = p->row;
    }
    row.removed = "kicked";
    store_.put_player(row);
    {
        std::lock_guard<std::mutex> lock(room->mutex);
        p->row.removed = "kicked";
        ++room->version;
    }
    events_.publish(room->row.id, "removed", json{{"player_id", player_id}, {"how", "kicked"}}.dump());
    return {{"player_id", player_id}, {"name", row.name}, {"removed", "kicked"}, {"may_rejoin", true}};
}

json Classroom::ban(const std::string& code, std::int64_t player_id) {
    auto room = find(code);
    std::shared_ptr<Player> p;
    {
        std::lock_guard<std::mutex> lock(room->mutex);
        for (const auto& x : room->players)
            if (x->row.id == player_id && x->row.removed != "banned") p = x;
    }
    if (!p) throw Refused(Why::NotFound, "there is no trainee " + std::to_string(player_id) + " in this session");
    std::lock_guard<std::mutex> writing(p->writing);
    PlayerRow row;
    {
        std::lock_guard<std::mutex> lock(room->mutex);
        row = p->row;
    }
    row.removed = "banned";
    const std::string key = name_key(row.name);
    store_.put_ban({row.session_id, key});
    store_.put_player(row);
    {
        std::lock_guard<std::mutex> lock(room->mutex);
        p->row.removed = "banned";
        room->banned.insert(key);
        ++room->version;
    }
    events_.publish(room->row.id, "removed", json{{"player_id", player_id}, {"how", "banned"}}.dump());
    return {{"player_id", player_id}, {"name", row.name}, {"removed", "banned"}, {"may_rejoin", false}};
}

json Classroom::list_sessions() const {
    std::vector<std::shared_ptr<Room>> rooms;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (const auto& [id, r] : by_id_) rooms.push_back(r);
    }
    json out = json::array();
    for (const auto& r : rooms) {
        std::lock_guard<std::mutex> lock(r->mutex);
        json j = session_json(*r);
        j["players"] = r->players.size();
        out.push_back(j);
    }
    return {{"sessions", out}};
}

// ============================================================================
// 4. Joining
// ============================================================================

json Classroom::join(const std::string& code, const json& body) {
    auto room = find(code);
    only_fields(body, {"name", "player_token"});
    if (!body.contains("name") || !body["name"].is_string())
        throw Refused(Why::BadRequest, "'name' is required: the name shown on the board (a string)");
    const NameCheck name = check_name(body["name"].get<std::string>());
    if (!name.ok()) throw Refused(Why::BadRequest, name.error);
    std::string token;
    if (body.contains("player_token")) {
        if (!body["player_token"].is_string()) throw Refused(Why::BadRequest, "'player_token' must be a string");
        token = body["player_token"];
    }
    const std::string key = name_key(name.name);

    std::lock_guard<std::mutex> joining(room->joining);
    std::shared_ptr<Player> resumed;
    bool resuming = false;
    {
        std::lock_guard<std::mutex> lock(room->mutex);
        if (room->row.code != code)
            throw Refused(Why::NotFound, "the code " + code + " is no longer used for joining; ask the trainer for the new one");
        if (!room->content_problem.empty()) throw Refused(Why::Conflict, room->content_problem);
        if (room->banned.count(key)) throw Refused(Why::Forbidden, "the name '" + name.name + "' is banned from this session");
        for (const auto& p : room->players) {
            if (!p->row.removed.empty() || name_key(p->row.name) != key) continue;
            if (!token.empty() && constant_time_equal(token, p->row.token)) {
                resumed = p;
                resuming = true;
            }
            else
                throw Refused(Why::Conflict, "the name '" + name.name +
                                                 "' is already taken in this session: if it is you, join from the machine "
                                                 "you joined on (it keeps your token); otherwise choose another name");
        }
        if (!resumed) {
            if (room->row.state == "ended") throw Refused(Why::Conflict, "the session has ended");
            if (room->row.state == "running" && !room->row.late_join)
                throw Refused(Why::Forbidden, "the session has started and does not admit late joiners");
            if (room->players.size() >= limits_.max_players_per_session)
                throw Refused(Why::Conflict, "the session is full (" + std::to_string(limits_.max_players_per_session) +
                                                 " trainees)");
        }
    }
    if (!resumed) {
        auto p = std::make_shared<Player>();
        {
            std::lock_guard<std::mutex> lock(mutex_);
            p->row.id = next_player_++;
        }
        p->row.session_id = room->row.id;
        p->row.name = name.name;
        p->row.token = std::to_string(p->row.id) + "." + random_token(24);
        p->row.joined_at = now_ms();
        store_.put_player(p->row);
        std::size_t count;
        {
            std::lock_guard<std::mutex> lock(room->mutex);
            room->players.push_back(p);
            count = room->players.size();
        }
        events_.publish(room->row.id, "joined",
                        json{{"player_id", p->row.id}, {"name", p->row.name}, {"players", count}}.dump());
        resumed = p;
    }
    std::lock_guard<std::mutex> lock(room->mutex);
    json j = session_json(*room);
    j["player_id"] = resumed->row.id;
    j["player_token"] = resumed->row.token;
    j["name"] = resumed->row.name;
    j["rules"] = rules_of(*room);
    j["decisions"] = resumed->decisions;
    j["resumed"] = resuming;
    j["has_result"] = resumed->result != nullptr;
    return j;
}

// ============================================================================
// 5. Progress and results
// ============================================================================

json Classroom::progress(const std::string& code, std::string_view player_token, const json& body) {
    auto room = find(code);
    std::shared_ptr<Player> p;
    {
        std::lock_guard<std::mutex> lock(room->mutex);
        p = authenticate(*room, player_token);
        if (room->row.state == "ended") throw Refused(Why::Conflict, "the session has ended: submit your result");
    }
    need_scorable(*room);
    only_fields(body, {"decisions"});
    if (!body.contains("decisions") || !body["decisions"].is_array())
        throw Refused(Why::BadRequest, "'decisions' is required: the decisions so far (an array of strings)");
    if (body["decisions"].size() > limits_.max_decisions)
        throw Refused(Why::BadRequest, "too many decisions (at most " + std::to_string(limits_.max_decisions) + ")");
    std::vector<std::string> decisions;
    for (const auto& d : body["decisions"]) {
        if (!d.is_string()) throw Refused(Why::BadRequest, "every decision must be a string (\"2\", \"offer:rate=5.20\")");
        decisions.push_back(d.get<std::string>());
    }
    const Session run = replay_progress(room->run, decisions);

    std::lock_guard<std::mutex> writing(p->writing);
    PlayerRow row;
    {
        std::lock_guard<std::mutex> lock(room->mutex);
        if (p->result) throw Refused(Why::Conflict, "your result is already recorded: progress no longer changes it");
        row = p->row;
    }
    row.decisions_json = json(decisions).dump();
    store_.put_player(row);
    const std::string stage = stage_of(run);
    {
        std::lock_guard<std::mutex> lock(room->mutex);
        p->row.decisions_json = row.decisions_json;
        p->decisions = decisions;
        p->stage = stage;
        p->meeting_over = run.finished();
    }
    events_.publish(room->row.id, "progress",
                    json{{"player_id", row.id}, {"decisions", decisions.size()}, {"stage", stage}}.dump());
    return {{"decisions", decisions.size()}, {"stage", stage}, {"finished", run.finished()}};
}

json Classroom::submit(const std::string& code, std::string_view player_token, const std::string& text, Lang lang) {
    return json::parse(submit_text(code, player_token, text, lang));
}

std::string Classroom::submit_text(const std::string& code, std::string_view player_token, const std::string& text,
                                   Lang lang) {
    auto room = find(code);
    std::shared_ptr<Player> p;
    {
        std::lock_guard<std::mutex> lock(room->mutex);
        p = authenticate(*room, player_token);
    }
    need_scorable(*room);
    const Transcript t = read_transcript(text);

    // {"recorded":true,"resubmitted":…,"rank":N,"result":<the stored report>}
    auto reply = [&](const ResultRow& r, bool again) {
        int rank = 0;
        {
            std::lock_guard<std::mutex> lock(room->mutex);
            for (const auto& s : standings_of(*room))
                if (s.standing.player_id == p->row.id) rank = s.rank;
        }
        std::string out;
        out.reserve(r.report.size() + 64);
        out += again ? R"({"recorded":true,"resubmitted":true)" : R"({"recorded":true,"resubmitted":false)";
        if (rank > 0) out += ",\"rank\":" + std::to_string(rank);
        out += ",\"result\":";
        out += r.report;
        out += '}';
        return out;
    };

    std::lock_guard<std::mutex> writing(p->writing);
    std::shared_ptr<const ResultRow> existing;
    {
        std::lock_guard<std::mutex> lock(room->mutex);
        existing = p->result;
    }
    if (existing) {
        if (existing->transcript == to_json(t).dump()) return reply(*existing, true);
        throw Refused(Why::Conflict, "a different result is already recorded for you in this session; a result "
                                     "cannot be replaced");
    }
    ScoredRun scored = score_submission(room->run, t, room->shared(), lang);
    auto row = std::make_shared<ResultRow>();
    row->player_id = p->row.id;
    row->session_id = room->row.id;
    row->transcript = std::move(scored.transcript);
    row->report = scored.report.dump();
    row->summary = summary_text(scored.summary);
    row->lang = lang == Lang::En ? "en" : "zh";
    row->submitted_at = now_ms();
    store_.put_result(*row);   // durable before it is acknowledged
    {
        std::lock_guard<std::mutex> lock(room->mutex);
        p->result = row;
        p->summary = std::move(scored.summary);
        ++room->version;
    }
    events_.publish(room->row.id, "result", json{{"player_id", row->player_id}}.dump());
    return reply(*row, false);
}

// ============================================================================
// 6. Leaderboard and class report
// ============================================================================

json Classroom::leaderboard(const std::string& code, std::string_view bearer) const {
    auto room = find(code);
    const bool trainer = is_trainer(bearer);
    std::lock_guard<std::mutex> lock(room->mutex);
    std::shared_ptr<Player> me;
    if (!trainer && !bearer.empty()) me = authenticate(*room, bearer);
    const auto ranked = standings_of(*room);
    json entries = json::array();
    json mine = nullptr;
    for (const auto& r : ranked) {
        if (trainer || r.rank <= kPublicTop) entries.push_back(entry_json(r));
        if (me && r.standing.player_id == me->row.id) mine = entry_json(r);
    }
    std::size_t active = 0;
    for (const auto& p : room->players) active += p->row.removed.empty() ? 1 : 0;
    json j = {{"code", room->row.code},
              {"state", room->row.state},
              {"players", active},
              {"finished", ranked.size()},
              {"scope", trainer ? "all" : me ? "top_and_me" : "top"},
              {"tie_rule", text_json(tie_rule())},
              {"entries", entries}};
    if (me) j["me"] = mine;
    return j;
}

std::string Classroom::public_leaderboard_text(const std::string& code) const {
    auto room = find(code);
    {
        std::lock_guard<std::mutex> lock(room->mutex);
        if (room->cached_version == room->version) return room->cached_public;
    }
    std::string text = leaderboard(code, "").dump();
    std::lock_guard<std::mutex> lock(room->mutex);
    room->cached_public = text;
    room->cached_version = room->version;   // a result in between bumps it again: rebuilt next time
    return text;
}

ClassReport Classroom::class_report(const std::string& code) const {
    auto room = find(code);
    std::lock_guard<std::mutex> lock(room->mutex);
    ClassReport r;
    r.code = room->row.code;
    r.state = room->row.state;
    r.scenario = room->row.scenario;
    r.persona = room->row.persona;
    r.seed = room->row.seed;
    r.difficulty = room->run.difficulty;
    if (const auto s = content_->scenario(room->row.scenario)) {
        r.scenario_title = s->title;
        for (const auto& id : s->competencies)
            if (const Competency* c = content_->model.find(id)) r.competencies.push_back({c->id, c->name, c->core});
    }
    if (const Persona* p = content_->persona(room->row.persona)) r.persona_name = p->name;
    for (const auto& t : content_->model.tiers) r.tier_names[t.id] = t.name;
    std::map<std::int64_t, int> rank;
    for (const auto& s : standings_of(*room)) rank[s.standing.player_id] = s.rank;
    std::vector<const ResultSummary*> results;
    for (const auto& p : room->players) {
        if (!p->row.removed.empty()) continue;
        TraineeRow t;
        t.player_id = p->row.id;
        t.name = p->row.name;
        t.decisions = static_cast<int>(p->decisions.size());
        t.stage = p->stage;
        if (p->summary) {
            t.result = *p->summary;
            t.rank = rank[p->row.id];
            t.seconds = (p->result->submitted_at - p->row.joined_at) / 1000;
            results.push_back(&*p->summary);
            t.decisions = std::max(t.decisions, static_cast<int>(p->summary->choices.size()));
            t.stage = "ended";
        }
        r.trainees.push_back(std::move(t));
    }
    std::stable_sort(r.trainees.begin(), r.trainees.end(), [](const TraineeRow& a, const TraineeRow& b) {
        if ((a.rank > 0) != (b.rank > 0)) return a.rank > 0;
        if (a.rank != b.rank) return a.rank < b.rank;
        return a.name < b.name;
    });
    if (!results.empty()) {
        long total = 0;
        for (const auto* s : results) total += s->total;
        r.average_total = static_cast<int>((2 * total + static_cast<long>(results.size())) /
                                           (2 * static_cast<long>(results.size())));
        for (const auto& c : r.competencies) {
            long sum = 0, n = 0;
            for (const auto* s : results)
                for (const auto& [id, v] : s->competencies)
                    if (id == c.id) {
                        sum += v;
                        ++n;
                    }
            r.class_average.push_back(n ? static_cast<int>((2 * sum + n) / (2 * n)) : 0);
        }
    }
    if (room->content_problem.empty()) {
        r.debrief = class_debrief(*room->run.scenario, room->row.persona, results);
        if (const auto& best = room->analysis().best()) r.typical_decisions = static_cast<int>(best->choices.size());
    }
    return r;
}

}  // namespace parley::board
