// Document: the model, its history and its file (document.h).
//
// Contents
//   1. Shared content and the template
//   2. Opening and the model
//   3. History: applying, undoing, redoing, merging
//   4. Edit commands
//   5. Files: save, external changes
//   6. Autosave, recovery and the layout file
//   7. Automatic layout
#include "document.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <iomanip>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "atomic_file.h"
#include "parley/loader.h"
#include "parley/writer.h"
#include "text_paths.h"

namespace parley::editor {

namespace fs = std::filesystem;

// ============================================================================
// 1. Shared content and the template
// ============================================================================

fs::path default_state_dir() {
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg) return fs::path(xdg) / "parley" / "editor";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".local" / "state" / "parley" / "editor";
    return fs::temp_directory_path() / "parley-editor-state";
}

std::shared_ptr<const ContentSet> load_shared_content(const fs::path& root, Diagnostics& diags) {
    auto set = std::make_shared<ContentSet>();
    set->root = root.string();
    const fs::path model_file = root / "competencies.json";
    const auto model_text = read_file(model_file);
    if (!model_text) {
        diags.add({Severity::Error, model_file.string(), 0, 0, "", "cannot read the competency model"});
        return nullptr;
    }
    auto model = parse_competency_model(*model_text, model_file.string(), diags);
    if (!model) return nullptr;
    set->model = std::move(*model);
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(root / "personas", ec))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        const auto text = read_file(f);
        if (!text) continue;
        if (auto p = parse_persona(*text, f.string(), set->model, diags)) set->personas[p->id] = std::move(*p);
    }
    return set;
}

namespace {

Text tx(const char* zh, const char* en) { return {zh, en}; }

Option template_option(const char* id, Text text, const char* next, Text feedback) {
    Option o;
    o.id = id;
    o.text = std::move(text);
    o.consequence.next = next;
    o.consequence.feedback = std::move(feedback);
    return o;
}

}  // namespace

Scenario template_scenario(const ContentSet& shared) {
    Scenario s;
    s.id = "new-scenario";
    s.title = tx("新场景", "New scenario");
    s.summary = tx("场景简介", "What the meeting is about");
    s.company = tx("客户公司", "The client's company");
    s.situation = tx("拜访前的情况", "The situation before the visit");
    s.objectives = {tx("了解客户需求", "Find the client's needs")};
    s.competencies = {"A", "C"};
    if (!shared.personas.empty()) s.personas = {shared.personas.begin()->first};
    s.start = "opening";
    s.patience_out = "end_left";
    Node opening;
    opening.id = "opening";
    opening.stage = Stage::Opening;
    opening.line = tx("您好,请坐。", "Hello, have a seat.");
    Option greet = template_option("agenda", tx("先说明今天的议程", "Set out today's agenda"), "end_next_step",
                                   tx("先说明议程,让客户安心", "An agenda first puts the client at ease"));
    greet.tags = {Tag::Agenda};
    greet.consequence.evidence = {{"A", 1}};
    opening.options = {greet};
    Node next_step;
    next_step.id = "end_next_step";
    next_step.kind = NodeKind::Ending;
    next_step.stage = Stage::Ending;
    next_step.outcome = OutcomeType::NextStep;
    next_step.outcome_score = 60;
    next_step.line = tx("好,我们下周再谈。", "Good, let's talk again next week.");
    next_step.summary = tx("约定了下一步", "A next step was agreed");
    Node left = next_step;
    left.id = "end_left";
    left.outcome = OutcomeType::ClientLeft;
    left.outcome_score = 0;
    left.line = tx("今天就到这里吧。", "Let's leave it there for today.");
    left.summary = tx("客户失去耐心", "The client ran out of patience");
    s.nodes = {opening, next_step, left};
    for (std::size_t i = 0; i < s.nodes.size(); ++i) s.node_index[s.nodes[i].id] = i;
    return s;
}

// ============================================================================
// 2. Opening and the model
// ============================================================================

Document::Document(std::shared_ptr<const ContentSet> shared, fs::path state_dir)
    : shared_(std::move(shared)), state_dir_(std::move(state_dir)) {
    model_ = template_scenario(*shared_);
    renew_versions();
    positions_ = auto_layout(model_);
    saved_state_ = ~0ull;   // never saved: an untitled document is unsaved work
}

std::unique_ptr<Document> Document::open(const fs::path& file, std::shared_ptr<const ContentSet> shared,
                                         fs::path state_dir, std::string& error) {
    const auto bytes = read_file(file);
    if (!bytes) {
        error = "cannot read " + file.string();
        return nullptr;
    }
    std::unique_ptr<Document> d(new Document());
    d->shared_ = std::move(shared);
    d->state_dir_ = std::move(state_dir);
    std::error_code ec;
    d->file_ = fs::absolute(file, ec);
    if (ec) d->file_ = file;
    d->load_text(*bytes, file.string());
    d->remember_disk(*bytes);
    if (!d->load_layout()) d->positions_ = auto_layout(d->model_);
    return d;
}

void Document::load_text(const std::string& text, const std::string& name) {
    open_diags_ = {};
    ScenarioDraft draft = parse_scenario_draft(text, name, shared_->model, shared_->personas, open_diags_);
    incomplete_ = !draft.complete;
    model_ = draft.scenario ? *draft.scenario : Scenario{};
    renew_versions();
    reindex();
    touch();
}

std::shared_ptr<const Scenario> Document::snapshot() const {
    if (snapshot_revision_ != revision_ || !snapshot_) {
        auto s = std::make_shared<Scenario>(model_);
        s->file = file_.empty() ? "untitled.json" : file_.string();
        snapshot_ = std::move(s);
        snapshot_revision_ = revision_;
    }
    return snapshot_;
}

void Document::reindex() {
    model_.node_index.clear();
    for (std::size_t i = 0; i < model_.nodes.size(); ++i) model_.node_index.emplace(model_.nodes[i].id, i);
    if (positions_.size() != model_.nodes.size()) positions_.resize(model_.nodes.size());
}

void Document::touch() { ++revision_; }

void Document::renew_versions() {
    header_version_ = next_version_++;
    node_versions_.resize(model_.nodes.size());
    for (auto& v : node_versions_) v = next_version_++;
}

// ============================================================================
// 3. History
// ============================================================================

void Document::run(const Change& c, bool forward) {
    switch (c.kind) {
        case Change::Kind::ReplaceNode:
            model_.nodes[c.index] = forward ? c.after : c.before;
            positions_[c.index] = forward ? c.pos_after : c.pos_before;
            node_versions_[c.index] = next_version_++;
            break;
        case Change::Kind::InsertNode:
            if (forward) {
                model_.nodes.insert(model_.nodes.begin() + static_cast<long>(c.index), c.after);
                positions_.insert(positions_.begin() + static_cast<long>(c.index), c.pos_after);
                node_versions_.insert(node_versions_.begin() + static_cast<long>(c.index), next_version_++);
            } else {
                model_.nodes.erase(model_.nodes.begin() + static_cast<long>(c.index));
                positions_.erase(positions_.begin() + static_cast<long>(c.index));
                node_versions_.erase(node_versions_.begin() + static_cast<long>(c.index));
            }
            break;
        case Change::Kind::EraseNode:
            if (forward) {
                model_.nodes.erase(model_.nodes.begin() + static_cast<long>(c.index));
                positions_.erase(positions_.begin() + static_cast<long>(c.index));
                node_versions_.erase(node_versions_.begin() + static_cast<long>(c.index));
            } else {
                model_.nodes.insert(model_.nodes.begin() + static_cast<long>(c.index), c.before);
                positions_.insert(positions_.begin() + static_cast<long>(c.index), c.pos_before);
                node_versions_.insert(node_versions_.begin() + static_cast<long>(c.index), next_version_++);
            }
            break;
        case Change::Kind::ReplaceHeader: {
            std::vector<Node> nodes = std::move(model_.nodes);
            model_ = forward ? *c.header_after : *c.header_before;
            model_.nodes = std::move(nodes);
            header_version_ = next_version_++;
            break;
        }
    }
}

void Document::apply(Edit edit) {
    if (edit.changes.empty()) return;
    for (const Change& c : edit.changes) {
        run(c, true);
        if (c.kind != Change::Kind::ReplaceNode) reindex();
    }
    // A move changes no scenario content: no new revision, so nothing is validated or analysed again.
    if (!edit.layout_only) reindex(), touch();
    undone_.clear();
    const bool merge = merge_open_ && !edit.merge_key.empty() && !done_.empty() &&
                       done_.back().merge_key == edit.merge_key;
    if (merge) {
        Edit& top = done_.back();
        const bool same_node = top.changes.size() == 1 && edit.changes.size() == 1 &&
                               top.changes[0].kind == Change::Kind::ReplaceNode &&
                               edit.changes[0].kind == Change::Kind::ReplaceNode &&
                               top.changes[0].index == edit.changes[0].index;
        const bool same_header = top.changes.size() == 1 && edit.changes.size() == 1 &&
                                 top.changes[0].kind == Change::Kind::ReplaceHeader &&
                                 edit.changes[0].kind == Change::Kind::ReplaceHeader;
        if (same_node) {
            top.changes[0].after = std::move(edit.changes[0].after);
            top.changes[0].pos_after = edit.changes[0].pos_after;
        } else if (same_header) {
            top.changes[0].header_after = std::move(edit.changes[0].header_after);
        } else {
            for (auto& c : edit.changes) top.changes.push_back(std::move(c));
        }
        top.serial = next_serial_++;   // a new state: the saved marker no longer matches it
    } else {
        edit.serial = next_serial_++;
        done_.push_back(std::move(edit));
    }
    merge_open_ = !done_.back().merge_key.empty();
}

bool Document::undo() {
    if (done_.empty()) return false;
    Edit e = std::move(done_.back());
    done_.pop_back();
    for (auto it = e.changes.rbegin(); it != e.changes.rend(); ++it) {
        run(*it, false);
        if (it->kind != Change::Kind::ReplaceNode) reindex();
    }
    if (!e.layout_only) reindex(), touch();
    undone_.push_back(std::move(e));
    merge_open_ = false;
    return true;
}

bool Document::redo() {
    if (undone_.empty()) return false;
    Edit e = std::move(undone_.back());
    undone_.pop_back();
    for (const Change& c : e.changes) {
        run(c, true);
        if (c.kind != Change::Kind::ReplaceNode) reindex();
    }
    if (!e.layout_only) reindex(), touch();
    done_.push_back(std::move(e));
    merge_open_ = false;
    return true;
}

const std::string& Document::undo_label() const {
    static const std::string none;
    return done_.empty() ? none : done_.back().label;
}

const std::string& Document::redo_label() const {
    static const std::string none;
    return undone_.empty() ? none : undone_.back().label;
}

// ============================================================================
// 4. Edit commands
// ============================================================================

namespace {

Change replace_node(std::size_t i, const Node& before, Node after, Vec2 pos) {
    Change c;
    c.kind = Change::Kind::ReplaceNode;
    c.index = i;
    c.before = before;
    c.after = std::move(after);
    c.pos_before = c.pos_after = pos;
    return c;
}

std::string unique_id(const std::string& base, const std::function<bool(const std::string&)>& taken) {
    if (!taken(base)) return base;
    for (int n = 2;; ++n) {
        const std::string id = base + "_" + std::to_string(n);
        if (!taken(id)) return id;
    }
}

// Every place in a node that names another node, for reading and renaming.
void visit_node_refs(Node& node, const std::function<void(const std::string& where, std::string& ref)>& visit) {
    auto consequence = [&](const std::string& where, Consequence& c) {
        visit(where + "/next", c.next);
        for (std::size_t b = 0; b < c.branches.size(); ++b)
            visit(where + "/branch/" + std::to_string(b) + "/next", c.branches[b].next);
    };
    for (auto& o : node.options) {
        const std::string where = "nodes/" + node.id + "/options/" + o.id;
        consequence(where, o.consequence);
        if (o.close) consequence(where + "/close/premature", o.close->premature);
    }
    if (node.negotiation) {
        Negotiation n = *node.negotiation;
        const std::string where = "nodes/" + node.id + "/negotiation/";
        visit(where + "on_deal", n.on_deal);
        visit(where + "on_no_deal", n.on_no_deal);
        visit(where + "on_client_quit", n.on_client_quit);
        const Negotiation& old = *node.negotiation;
        if (n.on_deal != old.on_deal || n.on_no_deal != old.on_no_deal || n.on_client_quit != old.on_client_quit)
            node.negotiation = std::make_shared<const Negotiation>(std::move(n));
    }
}

void visit_header_refs(Scenario& s, const std::function<void(const std::string& where, std::string& ref)>& visit) {
    visit("start", s.start);
    visit("patience_out", s.patience_out);
    for (std::size_t d = 0; d < s.duties.size(); ++d)
        for (std::size_t b = 0; b < s.duties[d].before.size(); ++b)
            visit("duties/" + std::to_string(d) + "/before/" + std::to_string(b), s.duties[d].before[b]);
}

}  // namespace

std::string Document::fresh_node_id(const std::string& base) const {
    return unique_id(base, [&](const std::string& id) { return model_.node_index.count(id) > 0; });
}

Change Document::header_change(const std::function<void(Scenario&)>& change) const {
    Scenario before;
    {
        // Copy everything but the nodes (they are the bulk, and not part of the header).
        auto& self = const_cast<Scenario&>(model_);
        std::vector<Node> nodes = std::move(self.nodes);
        before = self;
        self.nodes = std::move(nodes);
    }
    Scenario after = before;
    change(after);
    after.nodes.clear();
    Change c;
    c.kind = Change::Kind::ReplaceHeader;
    c.header_before = std::make_shared<const Scenario>(std::move(before));
    c.header_after = std::make_shared<const Scenario>(std::move(after));
    return c;
}

std::size_t Document::add_node(NodeKind kind, Stage stage, Vec2 at) {
    Node n;
    n.kind = kind;
    n.stage = kind == NodeKind::Ending ? Stage::Ending : kind == NodeKind::Negotiation ? Stage::Negotiation : stage;
    n.id = fresh_node_id(kind == NodeKind::Ending ? "end" : "node");
    if (kind == NodeKind::Negotiation) n.negotiation = std::make_shared<const Negotiation>();
    Change c;
    c.kind = Change::Kind::InsertNode;
    c.index = model_.nodes.size();
    c.after = std::move(n);
    c.pos_after = at;
    const std::size_t index = c.index;
    apply({"Add node " + c.after.id, "", {std::move(c)}});
    return index;
}

std::optional<std::size_t> Document::duplicate_node(std::size_t i) {
    if (i >= model_.nodes.size()) return std::nullopt;
    Node copy = model_.nodes[i];
    copy.id = fresh_node_id((copy.id.empty() ? "node" : copy.id) + "_copy");
    Change c;
    c.kind = Change::Kind::InsertNode;
    c.index = i + 1;
    c.after = std::move(copy);
    c.pos_after = {positions_[i].x + 40.f, positions_[i].y + 40.f};
    apply({"Duplicate node " + model_.nodes[i].id, "", {std::move(c)}});
    return i + 1;
}

void Document::delete_node(std::size_t i) {
    if (i >= model_.nodes.size()) return;
    Change c;
    c.kind = Change::Kind::EraseNode;
    c.index = i;
    c.before = model_.nodes[i];
    c.pos_before = positions_[i];
    apply({"Delete node " + model_.nodes[i].id, "", {std::move(c)}});
}

std::vector<std::string> Document::references_to(const std::string& id) const {
    std::vector<std::string> out;
    auto collect = [&](const std::string& where, std::string& ref) {
        if (ref == id) out.push_back(where);
    };
    Scenario& self = const_cast<Scenario&>(model_);   // the visitors only read here
    visit_header_refs(self, collect);
    for (auto node : model_.nodes) visit_node_refs(node, collect);
    return out;
}

std::size_t Document::add_option(std::size_t i) {
    const Node& n = model_.nodes.at(i);
    std::set<std::string> taken;
    for (const auto& o : n.options) taken.insert(o.id);
    Option o;
    o.id = unique_id("option", [&](const std::string& id) { return taken.count(id) > 0; });
    const std::size_t k = n.options.size();
    edit_node(i, "Add option " + o.id, "", [&](Node& node) { node.options.push_back(o); });
    return k;
}

void Document::delete_option(std::size_t i, std::size_t k) {
    const Node& n = model_.nodes.at(i);
    if (k >= n.options.size()) return;
    edit_node(i, "Delete option " + n.options[k].id, "",
              [&](Node& node) { node.options.erase(node.options.begin() + static_cast<long>(k)); });
}

void Document::connect(std::size_t i, std::size_t k, const std::string& target) {
    const Node& n = model_.nodes.at(i);
    if (k >= n.options.size()) return;
    edit_node(i, "Connect " + n.id + "/" + n.options[k].id + " → " + target, "",
              [&](Node& node) { node.options[k].consequence.next = target; });
}

bool Document::set_text(const std::string& path, Lang lang, const std::string& value) {
    bool found = false;
    auto write = [&](const std::string& p, Text& t) {
        if (p != path) return;
        found = true;
        (lang == Lang::Zh ? t.zh : t.en) = value;
    };
    const std::string label = "Edit text " + path + (lang == Lang::Zh ? " (zh)" : " (en)");
    const std::string key = "text:" + path + (lang == Lang::Zh ? ":zh" : ":en");
    if (path.rfind("nodes/", 0) == 0) {
        const std::string key_part = path.substr(6, path.find('/', 6) - 6);
        for (std::size_t i = 0; i < model_.nodes.size(); ++i) {
            if (node_key(model_, i) != key_part) continue;
            Node after = model_.nodes[i];
            visit_node_texts(after, "nodes/" + key_part, write);
            if (!found) return false;
            apply({label, key, {replace_node(i, model_.nodes[i], std::move(after), positions_[i])}});
            return true;
        }
        return false;
    }
    Change c = header_change([&](Scenario& s) { visit_header_texts(s, write); });
    if (!found) return false;
    apply({label, key, {std::move(c)}});
    return true;
}

void Document::edit_node(std::size_t i, const std::string& label, const std::string& merge_key,
                         const std::function<void(Node&)>& change) {
    Node after = model_.nodes.at(i);
    change(after);
    apply({label, merge_key, {replace_node(i, model_.nodes[i], std::move(after), positions_[i])}});
}

void Document::edit_scenario(const std::string& label, const std::string& merge_key,
                             const std::function<void(Scenario&)>& change) {
    apply({label, merge_key, {header_change(change)}});
}

void Document::move_node(std::size_t i, Vec2 to, const std::string& merge_key) {
    if (i >= positions_.size() || positions_[i] == to) return;
    Change c = replace_node(i, model_.nodes[i], model_.nodes[i], positions_[i]);
    c.pos_after = to;
    Edit e{"Move node " + model_.nodes[i].id, merge_key, {}};
    e.changes.push_back(std::move(c));
    e.layout_only = true;
    apply(std::move(e));
}

void Document::move_nodes(const std::vector<Vec2>& to, const std::string& label) {
    Edit e{label, "", {}};
    for (std::size_t i = 0; i < to.size() && i < positions_.size(); ++i) {
        if (positions_[i] == to[i]) continue;
        Change c = replace_node(i, model_.nodes[i], model_.nodes[i], positions_[i]);
        c.pos_after = to[i];
        e.changes.push_back(std::move(c));
    }
    e.layout_only = true;
    apply(std::move(e));
}

bool Document::rename_node(std::size_t i, const std::string& new_id) {
    if (i >= model_.nodes.size() || new_id.empty() || model_.node_index.count(new_id)) return false;
    const std::string old_id = model_.nodes[i].id;
    Edit e{"Rename " + old_id + " → " + new_id, "", {}};
    auto rename = [&](const std::string&, std::string& ref) {
        if (ref == old_id) ref = new_id;
    };
    for (std::size_t n = 0; n < model_.nodes.size(); ++n) {
        Node after = model_.nodes[n];
        if (n == i) after.id = new_id;
        visit_node_refs(after, rename);
        bool same = after.id == model_.nodes[n].id;
        if (same) {
            // Compare only the references (cheaper than comparing nodes field by field).
            std::vector<std::string> a, b;
            visit_node_refs(after, [&](const std::string&, std::string& r) { a.push_back(r); });
            Node before = model_.nodes[n];
            visit_node_refs(before, [&](const std::string&, std::string& r) { b.push_back(r); });
            same = a == b;
        }
        if (!same) e.changes.push_back(replace_node(n, model_.nodes[n], std::move(after), positions_[n]));
    }
    Change header = header_change([&](Scenario& s) { visit_header_refs(s, rename); });
    if (header.header_after->start != model_.start || header.header_after->patience_out != model_.patience_out ||
        references_to(old_id).size() > 0)
        e.changes.push_back(std::move(header));
    apply(std::move(e));
    return true;
}

namespace {

// Every place a declared id of one kind is used, renamed from `from` to `to` (or only counted
// when they are equal), with where it is for uses_of.
struct DeclaredRefs {
    Declared kind;
    std::string from, to;
    std::vector<std::string> where;
    std::string at;

    void id(std::string& s, const char* field) {
        if (s != from) return;
        s = to;
        where.push_back(at + field);
    }
    void list(std::vector<std::string>& v, const char* field) {
        for (auto& s : v) id(s, field);
    }
    void keys(std::map<std::string, int>& m, const char* field) {
        auto it = m.find(from);
        if (it == m.end()) return;
        const int value = it->second;
        m.erase(it);
        m[to] = value;
        where.push_back(at + field);
    }
    void condition(Condition& c, const char* field) {
        using K = Condition::Kind;
        const bool mine = (c.kind == K::Compare && kind == Declared::Variable) || (c.kind == K::Flag && kind == Declared::Flag) ||
                          (c.kind == K::Need && kind == Declared::Need) ||
                          (c.kind == K::Objection && kind == Declared::Objection);
        if (mine) id(c.subject, field);
        for (auto& child : c.children) condition(child, field);
    }
    void effects(Effects& e) {
        switch (kind) {
            case Declared::Flag: list(e.set_flags, "/effects/set_flags"), list(e.clear_flags, "/effects/clear_flags"); break;
            case Declared::Need: list(e.discover_needs, "/effects/discover_needs"); break;
            case Declared::Objection:
                list(e.raise_objections, "/effects/raise_objections"), list(e.resolve_objections, "/effects/resolve_objections");
                break;
            case Declared::Variable: keys(e.add, "/effects/add"), keys(e.set, "/effects/set"); break;
        }
    }
    void consequence(Consequence& c, const std::string& prefix) {
        const std::string saved = at;
        at = prefix;
        effects(c.effects);
        for (auto& b : c.branches) condition(b.when, "/branches/if");
        at = saved;
    }
    void node(Node& n) {
        for (auto& o : n.options) {
            const std::string base = "nodes/" + n.id + "/options/" + o.id;
            at = base;
            condition(o.when, "/if");
            if (o.objection && kind == Declared::Objection) id(o.objection->objection, "/objection");
            consequence(o.consequence, base);
            if (o.close) {
                at = base + "/close";
                condition(o.close->timely_when, "/timely_if");
                consequence(o.close->premature, base + "/close/premature");
            }
        }
    }
    void header(Scenario& s) {
        at = "state";
        switch (kind) {
            case Declared::Flag: list(s.state.flags, "/flags"); break;
            case Declared::Need:
                for (auto& n : s.state.needs) id(n.id, "/needs");
                break;
            case Declared::Objection:
                for (auto& o : s.state.objections) id(o.id, "/objections");
                break;
            case Declared::Variable:
                for (auto& v : s.state.variables) id(v.id, "/variables");
                break;
        }
    }
};

std::vector<std::string> declared_ids(const Scenario& s, Declared kind) {
    std::vector<std::string> out;
    switch (kind) {
        case Declared::Flag: out = s.state.flags; break;
        case Declared::Need:
            for (const auto& n : s.state.needs) out.push_back(n.id);
            break;
        case Declared::Objection:
            for (const auto& o : s.state.objections) out.push_back(o.id);
            break;
        case Declared::Variable:
            for (const auto& v : s.state.variables) out.push_back(v.id);
            out.insert(out.end(), {"trust", "interest", "patience"});   // meters share the names
            break;
    }
    return out;
}

const char* declared_name(Declared kind) {
    switch (kind) {
        case Declared::Flag: return "flag";
        case Declared::Need: return "need";
        case Declared::Objection: return "objection";
        case Declared::Variable: return "variable";
    }
    return "";
}

}  // namespace

bool Document::rename_declared(Declared kind, const std::string& old_id, const std::string& new_id) {
    const auto ids = declared_ids(model_, kind);
    if (new_id.empty() || new_id == old_id || std::find(ids.begin(), ids.end(), new_id) != ids.end()) return false;
    if (std::find(ids.begin(), ids.end(), old_id) == ids.end()) return false;
    Edit e{std::string("Rename ") + declared_name(kind) + " " + old_id + " → " + new_id, "", {}};
    for (std::size_t n = 0; n < model_.nodes.size(); ++n) {
        DeclaredRefs refs{kind, old_id, new_id, {}, {}};
        Node after = model_.nodes[n];
        refs.node(after);
        if (!refs.where.empty()) e.changes.push_back(replace_node(n, model_.nodes[n], std::move(after), positions_[n]));
    }
    e.changes.push_back(header_change([&](Scenario& s) {
        DeclaredRefs refs{kind, old_id, new_id, {}, {}};
        refs.header(s);
    }));
    apply(std::move(e));
    return true;
}

std::vector<std::string> Document::uses_of(Declared kind, const std::string& id) const {
    DeclaredRefs refs{kind, id, id, {}, {}};
    for (Node node : model_.nodes) refs.node(node);
    return refs.where;
}

// ----------------------------------------------------------------------------
// Persona and negotiation issue renames
// ----------------------------------------------------------------------------

namespace {

// Every place a scenario names a persona, renamed from `from` to `to` (`to == from`: only listed).
struct PersonaRefs {
    std::string from, to;
    std::vector<std::string> where;

    void list(std::vector<std::string>& v, const std::string& at) {
        for (auto& s : v)
            if (s == from) s = to, where.push_back(at);
    }
    void condition(Condition& c, const std::string& at) {
        if (c.kind == Condition::Kind::Persona) list(c.personas, at);
        for (auto& child : c.children) condition(child, at);
    }
    void node(Node& n) {
        const std::string base = "nodes/" + n.id;
        if (auto it = n.line_by_persona.find(from); it != n.line_by_persona.end()) {
            Text line = std::move(it->second);
            n.line_by_persona.erase(it);
            n.line_by_persona[to] = std::move(line);
            where.push_back(base + "/line_by_persona/" + from);
        }
        for (auto& o : n.options) {
            const std::string at = base + "/options/" + o.id;
            condition(o.when, at + "/if");
            for (auto& b : o.consequence.branches) condition(b.when, at + "/branches/if");
            if (o.close) {
                condition(o.close->timely_when, at + "/close/timely_if");
                for (auto& b : o.close->premature.branches) condition(b.when, at + "/close/premature/branches/if");
            }
        }
    }
};

}  // namespace

bool Document::rename_persona(const std::string& old_id, const std::string& new_id) {
    const auto& listed = model_.personas;
    if (new_id.empty() || new_id == old_id || std::find(listed.begin(), listed.end(), new_id) != listed.end()) return false;
    if (std::find(listed.begin(), listed.end(), old_id) == listed.end()) return false;
    Edit e{"Rename persona " + old_id + " → " + new_id, "", {}};
    for (std::size_t n = 0; n < model_.nodes.size(); ++n) {
        PersonaRefs refs{old_id, new_id, {}};
        Node after = model_.nodes[n];
        refs.node(after);
        if (!refs.where.empty()) e.changes.push_back(replace_node(n, model_.nodes[n], std::move(after), positions_[n]));
    }
    e.changes.push_back(header_change([&](Scenario& s) {
        PersonaRefs refs{old_id, new_id, {}};
        refs.list(s.personas, "personas");
    }));
    apply(std::move(e));
    return true;
}

std::vector<std::string> Document::persona_uses(const std::string& id) const {
    PersonaRefs refs{id, id, {}};
    Scenario header;
    header.personas = model_.personas;
    refs.list(header.personas, "personas");
    for (Node node : model_.nodes) refs.node(node);
    return refs.where;
}

bool Document::rename_issue(std::size_t node, const std::string& old_id, const std::string& new_id) {
    if (node >= model_.nodes.size() || !model_.nodes[node].negotiation || new_id.empty() || new_id == old_id) return false;
    const auto& issues = model_.nodes[node].negotiation->issues;
    auto has = [&](const std::string& id) {
        return std::any_of(issues.begin(), issues.end(), [&](const NegotiationIssue& is) { return is.id == id; });
    };
    if (!has(old_id) || has(new_id)) return false;
    Node after = model_.nodes[node];
    auto block = std::make_shared<Negotiation>(*after.negotiation);
    Negotiation& n = *block;
    for (auto& is : n.issues)
        if (is.id == old_id) is.id = new_id;
    for (auto* list : {&n.should_concede, &n.must_hold})
        for (auto& id : *list)
            if (id == old_id) id = new_id;
    after.negotiation = std::move(block);
    apply({"Rename issue " + old_id + " → " + new_id, "", {replace_node(node, model_.nodes[node], std::move(after), positions_[node])}});
    return true;
}

void Document::replace_all(const Scenario& scenario, const std::vector<Vec2>& positions, const std::string& label) {
    Edit e{label, "", {}};
    for (std::size_t n = model_.nodes.size(); n-- > 0;) {
        Change c;
        c.kind = Change::Kind::EraseNode;
        c.index = n;
        c.before = model_.nodes[n];
        c.pos_before = positions_[n];
        e.changes.push_back(std::move(c));
    }
    e.changes.push_back(header_change([&](Scenario& s) {
        std::vector<Node> none;
        Scenario copy = scenario;
        copy.nodes.swap(none);
        s = std::move(copy);
    }));
    const std::vector<Vec2> at = positions.size() == scenario.nodes.size() ? positions : auto_layout(scenario);
    for (std::size_t n = 0; n < scenario.nodes.size(); ++n) {
        Change c;
        c.kind = Change::Kind::InsertNode;
        c.index = n;
        c.after = scenario.nodes[n];
        c.pos_after = at[n];
        e.changes.push_back(std::move(c));
    }
    apply(std::move(e));
}

// ============================================================================
// 5. Files
// ============================================================================

std::string Document::canonical() const { return canonical_text(model_); }

void Document::remember_disk(const std::string& bytes) { disk_hash_ = bytes_hash(bytes); }

bool Document::changed_on_disk() const {
    if (file_.empty() || !disk_hash_) return false;
    const auto bytes = read_file(file_);
    return !bytes || bytes_hash(*bytes) != *disk_hash_;
}

SaveResult Document::save(bool overwrite_external) {
    if (file_.empty()) return {SaveStatus::NoFile, "the document has no file yet: save it as"};
    if (!overwrite_external && changed_on_disk())
        return {SaveStatus::ChangedOnDisk, file_.string() + " changed on disk since it was opened"};
    std::string text;
    try {
        text = canonical();
    } catch (const std::exception& e) {
        return {SaveStatus::Failed, e.what()};
    }
    const int fault = save_fault_;
    save_fault_ = 0;
    const std::string error = write_file_atomically(file_, text, static_cast<WriteFault>(fault));
    if (!error.empty()) return {SaveStatus::Failed, file_.string() + ": " + error};
    remember_disk(text);
    saved_state_ = state_id();
    incomplete_ = false;
    discard_recovery();
    save_layout();
    return {};
}

SaveResult Document::save_as(const fs::path& file) {
    const fs::path old = file_;
    const auto old_hash = disk_hash_;
    std::error_code ec;
    file_ = fs::absolute(file, ec);
    if (ec) file_ = file;
    disk_hash_.reset();
    if (const auto bytes = read_file(file_)) disk_hash_ = bytes_hash(*bytes);   // overwriting is chosen
    SaveResult r = save(true);
    if (r.status != SaveStatus::Saved) {
        file_ = old;
        disk_hash_ = old_hash;
    }
    return r;
}

bool Document::reload(std::string& error) {
    const auto bytes = read_file(file_);
    if (!bytes) {
        error = "cannot read " + file_.string();
        return false;
    }
    Diagnostics diags;
    ScenarioDraft draft = parse_scenario_draft(*bytes, file_.string(), shared_->model, shared_->personas, diags);
    replace_all(draft.scenario ? *draft.scenario : Scenario{}, {}, "Reload from disk");
    open_diags_ = std::move(diags);
    incomplete_ = !draft.complete;
    remember_disk(*bytes);
    saved_state_ = state_id();
    return true;
}

// ============================================================================
// 6. Autosave, recovery and the layout file
// ============================================================================

namespace {

std::string hex(std::uint64_t v) {
    std::ostringstream o;
    o << std::hex << std::setw(16) << std::setfill('0') << v;
    return o.str();
}

std::string file_key(const fs::path& file) {
    if (file.empty()) return "untitled";
    return file.stem().string() + "-" + hex(bytes_hash(file.string())).substr(0, 12);
}

nlohmann::json positions_json(const std::vector<Vec2>& p) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& v : p) a.push_back({v.x, v.y});
    return a;
}

std::vector<Vec2> positions_from(const nlohmann::json& a) {
    std::vector<Vec2> out;
    if (!a.is_array()) return out;
    for (const auto& v : a)
        if (v.is_array() && v.size() == 2 && v[0].is_number() && v[1].is_number())
            out.push_back({v[0].get<float>(), v[1].get<float>()});
    return out;
}

}  // namespace

fs::path Document::recovery_file() const { return state_dir_ / "recovery" / (file_key(file_) + ".json"); }

fs::path Document::layout_file() const { return state_dir_ / "layout" / (file_key(file_) + ".json"); }

std::optional<AutosaveJob> Document::autosave_job() const {
    if (!modified() || autosaved_state_ == state_id()) return std::nullopt;
    return AutosaveJob{recovery_file(), file_, snapshot(), positions_, state_id()};
}

std::string write_autosave(const AutosaveJob& job) {
    std::error_code ec;
    fs::create_directories(job.recovery_file.parent_path(), ec);
    if (ec) return "cannot create " + job.recovery_file.parent_path().string() + ": " + ec.message();
    const std::time_t now = std::time(nullptr);
    char when[32];
    std::tm local{};
    localtime_r(&now, &local);
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", &local);
    nlohmann::json j;
    j["file"] = job.file.string();
    j["written_at"] = when;
    try {
        j["text"] = canonical_text(*job.scenario);
    } catch (const std::exception& e) {
        return e.what();
    }
    j["positions"] = positions_json(job.positions);
    return write_file_atomically(job.recovery_file, j.dump(1) + "\n");
}

std::string Document::autosave() {
    const auto job = autosave_job();
    if (!job) return "";
    const std::string error = write_autosave(*job);
    if (error.empty()) autosave_done(job->state);
    return error;
}

std::optional<Recovery> Document::find_recovery() const {
    const auto bytes = read_file(recovery_file());
    if (!bytes) return std::nullopt;
    const nlohmann::json j = nlohmann::json::parse(*bytes, nullptr, false);
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) return std::nullopt;
    Recovery r;
    r.recovery_file = recovery_file();
    r.text = j["text"].get<std::string>();
    if (j.contains("positions")) r.positions = positions_from(j["positions"]);
    if (j.contains("written_at") && j["written_at"].is_string()) r.written_at = j["written_at"].get<std::string>();
    std::string now;
    try {
        now = canonical();
    } catch (const std::exception&) {
    }
    if (r.text == now) return std::nullopt;   // nothing to recover: it is what is open
    return r;
}

void Document::recover(const Recovery& r) {
    Diagnostics diags;
    ScenarioDraft draft =
        parse_scenario_draft(r.text, file_.empty() ? "recovered.json" : file_.string(), shared_->model, shared_->personas, diags);
    replace_all(draft.scenario ? *draft.scenario : Scenario{}, r.positions, "Recover unsaved work");
}

void Document::discard_recovery() {
    std::error_code ec;
    fs::remove(recovery_file(), ec);
    autosaved_state_ = 0;
}

void Document::save_layout() const {
    nlohmann::json j;
    j["ids"] = nlohmann::json::array();
    for (const auto& n : model_.nodes) j["ids"].push_back(n.id);
    j["positions"] = positions_json(positions_);
    std::error_code ec;
    fs::create_directories(layout_file().parent_path(), ec);
    write_file_atomically(layout_file(), j.dump() + "\n");   // a lost layout is re-made: no error
}

bool Document::load_layout() {
    const auto bytes = read_file(layout_file());
    if (!bytes) return false;
    const nlohmann::json j = nlohmann::json::parse(*bytes, nullptr, false);
    if (!j.is_object() || !j.contains("ids") || !j.contains("positions")) return false;
    const auto at = positions_from(j["positions"]);
    if (!j["ids"].is_array() || j["ids"].size() != at.size()) return false;
    std::map<std::string, Vec2> by_id;
    for (std::size_t i = 0; i < at.size(); ++i)
        if (j["ids"][i].is_string()) by_id[j["ids"][i].get<std::string>()] = at[i];
    std::vector<Vec2> fallback = auto_layout(model_);
    positions_.assign(model_.nodes.size(), {});
    for (std::size_t i = 0; i < model_.nodes.size(); ++i) {
        auto it = by_id.find(model_.nodes[i].id);
        positions_[i] = it != by_id.end() ? it->second : fallback[i];
    }
    return true;
}

// ============================================================================
// 7. Automatic layout
// ============================================================================

std::vector<Vec2> auto_layout(const Scenario& s) {
    // Stages are blocks of columns (so the canvas' stage frames do not overlap), ordered by how
    // far from the start their nodes are on average; inside a block nodes go by that distance,
    // at most kRows to a column.
    constexpr float kColumn = 290.f, kRow = 120.f, kStageGap = 90.f;
    constexpr int kRows = 7;
    const std::size_t n = s.nodes.size();
    std::vector<int> depth(n, -1);
    std::deque<std::size_t> queue;
    auto reach = [&](const std::string& id, int d) {
        auto it = s.node_index.find(id);
        if (it == s.node_index.end() || depth[it->second] >= 0) return;
        depth[it->second] = d;
        queue.push_back(it->second);
    };
    reach(s.start, 0);
    while (!queue.empty()) {
        const std::size_t i = queue.front();
        queue.pop_front();
        Node node = s.nodes[i];
        visit_node_refs(node, [&](const std::string&, std::string& ref) { reach(ref, depth[i] + 1); });
    }
    int deepest = 0;
    for (int d : depth) deepest = std::max(deepest, d);
    std::map<Stage, std::vector<std::size_t>> by_stage;
    std::map<Stage, double> mean;
    for (std::size_t i = 0; i < n; ++i) {
        const int d = depth[i] < 0 ? deepest + 1 : depth[i];
        by_stage[s.nodes[i].stage].push_back(i);
        mean[s.nodes[i].stage] += d;
    }
    std::vector<Stage> order;
    for (auto& [stage, nodes] : by_stage) {
        mean[stage] /= static_cast<double>(nodes.size());
        order.push_back(stage);
    }
    std::stable_sort(order.begin(), order.end(), [&](Stage a, Stage b) {
        if ((a == Stage::Ending) != (b == Stage::Ending)) return b == Stage::Ending;   // endings last
        return mean[a] < mean[b];
    });
    std::vector<Vec2> out(n);
    float x = 0.f;
    for (Stage stage : order) {
        auto& nodes = by_stage[stage];
        std::stable_sort(nodes.begin(), nodes.end(), [&](std::size_t a, std::size_t b) {
            const int da = depth[a] < 0 ? deepest + 1 : depth[a], db = depth[b] < 0 ? deepest + 1 : depth[b];
            return da < db;
        });
        const int rows = std::max(kRows, static_cast<int>(std::ceil(std::sqrt(static_cast<double>(nodes.size())))));
        int columns = 0;
        float y = 0.f;
        for (std::size_t k = 0; k < nodes.size(); ++k) {
            const int column = static_cast<int>(k) / rows, row = static_cast<int>(k) % rows;
            if (row == 0) y = 0.f;
            out[nodes[k]] = {x + column * kColumn, y};
            // The canvas draws a node 58 units tall plus 14 per option (at least kRow - 42).
            y += std::max(kRow - 42.f, 58.f + 14.f * static_cast<float>(s.nodes[nodes[k]].options.size())) + 42.f;
            columns = column + 1;
        }
        x += columns * kColumn + kStageGap;
    }
    return out;
}

}  // namespace parley::editor
