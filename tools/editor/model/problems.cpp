#include "problems.h"

#include <functional>

#include "parley/writer.h"

namespace parley::editor {

bool is_teaching_check(const Diagnostic& d) {
    return d.severity == Severity::Warning && d.message.rfind("negotiation '", 0) == 0;
}

std::vector<Problem> problems_from(const Diagnostics& diags, bool from_analysis) {
    std::vector<Problem> out;
    for (const auto& d : diags.items)
        out.push_back({d, node_ref_of(d.pointer), from_analysis, from_analysis && is_teaching_check(d)});
    return out;
}

namespace {

Validation judge(const std::function<std::string()>& text_of, const Scenario& scenario, const ContentSet& shared,
                 std::shared_ptr<const Scenario>* keep, const nlohmann::json* document) {
    Validation v;
    Diagnostics diags;
    const std::string name = scenario.file.empty() ? "untitled.json" : scenario.file;
    try {
        const std::string text = text_of();
        ScenarioDraft draft = document
                                  ? read_scenario_document(*document, text, name, shared.model, shared.personas, diags)
                                  : parse_scenario_draft(text, name, shared.model, shared.personas, diags);
        v.complete = draft.complete;
        if (keep) *keep = std::move(draft.scenario);
    } catch (const std::exception& e) {
        diags.add({Severity::Error, name, 0, 0, "", e.what()});
    }
    v.problems = problems_from(diags, false);
    v.errors = diags.errors();
    v.warnings = diags.warnings();
    return v;
}

const std::string kNodesOpen = "\n  \"nodes\": [\n";
const std::string kNodesClose = "\n  ]\n}\n";

// The nodes' texts in a canonical scenario text: each from its line "    {" to its line "    }"
// (a node is an object at depth 2; everything inside is indented deeper, and strings hold no
// raw newline). False when the text is not laid out so (no nodes: "nodes": []).
bool split_nodes(const std::string& text, std::string& prefix, std::string& suffix, std::vector<std::string>& nodes) {
    const std::size_t open = text.rfind(kNodesOpen);
    if (open == std::string::npos || text.size() < kNodesClose.size() ||
        text.compare(text.size() - kNodesClose.size(), kNodesClose.size(), kNodesClose) != 0)
        return false;
    const std::size_t body = open + kNodesOpen.size(), end = text.size() - kNodesClose.size();
    prefix = text.substr(0, body);
    suffix = text.substr(end);
    nodes.clear();
    std::size_t at = body;
    while (at < end) {
        if (text.compare(at, 6, "    {\n") != 0) return false;
        const std::size_t close = text.find("\n    }", at);
        if (close == std::string::npos || close + 6 > end) return false;
        nodes.push_back(text.substr(at, close + 6 - at));
        at = close + 6;
        if (at == end) break;
        if (text.compare(at, 2, ",\n") != 0) return false;
        at += 2;
    }
    return true;
}

}  // namespace

Validation validate_model(const Scenario& scenario, const ContentSet& shared) {
    return judge([&] { return canonical_text(scenario); }, scenario, shared, nullptr, nullptr);
}

Validation validate_text(const std::string& text, const Scenario& scenario, const ContentSet& shared,
                         std::shared_ptr<const Scenario>* keep, const nlohmann::json* document) {
    return judge([&] { return text; }, scenario, shared, keep, document);
}

std::string CanonicalCache::text(const Scenario& scenario, const std::vector<std::uint64_t>& node_versions,
                                 std::uint64_t header_version) {
    written_last_ = 0;
    parsed_last_ = 0;
    document_ok_ = false;   // until this text's tree is made
    if (node_versions.size() != scenario.nodes.size()) return canonical_text(scenario);   // not ours to cache
    std::vector<std::string> texts;
    if (header_version != header_version_) {
        // The text around the nodes changed: write everything once and keep it in pieces.
        std::string full = canonical_text(scenario);
        written_last_ = scenario.nodes.size();
        nodes_.clear();
        header_version_ = 0;
        if (!split_nodes(full, prefix_, suffix_, texts) || texts.size() != scenario.nodes.size()) return full;
        for (std::size_t i = 0; i < texts.size(); ++i) nodes_.emplace(node_versions[i], std::move(texts[i]));
        header_version_ = header_version;
        update_document(node_versions, true);
        return full;
    }
    // Same header: write only the nodes whose version is new, each alone in an empty scenario
    // (its text there is its text anywhere).
    std::unordered_map<std::uint64_t, std::string> kept;
    kept.reserve(node_versions.size());
    std::size_t size = prefix_.size() + suffix_.size();
    for (std::size_t i = 0; i < node_versions.size(); ++i) {
        auto it = nodes_.find(node_versions[i]);
        std::string t;
        if (it != nodes_.end()) {
            t = std::move(it->second);
        } else {
            Scenario one;
            one.nodes.push_back(scenario.nodes[i]);
            std::string p, s;
            std::vector<std::string> single;
            if (!split_nodes(canonical_text(one), p, s, single) || single.size() != 1) {
                header_version_ = 0;
                nodes_.clear();
                return canonical_text(scenario);
            }
            t = std::move(single[0]);
            ++written_last_;
        }
        size += t.size() + 2;
        kept.emplace(node_versions[i], std::move(t));
    }
    nodes_ = std::move(kept);
    std::string out;
    out.reserve(size);
    out += prefix_;
    for (std::size_t i = 0; i < node_versions.size(); ++i) {
        if (i) out += ",\n";
        out += nodes_.at(node_versions[i]);
    }
    out += suffix_;
    update_document(node_versions, false);
    return out;
}

void CanonicalCache::update_document(const std::vector<std::uint64_t>& node_versions, bool header_changed) {
    using json = nlohmann::json;
    // The nodes' trees kept from the last text, by version (a version is one node's content).
    std::unordered_map<std::uint64_t, std::size_t> kept_at;
    json::array_t* kept = nullptr;
    if (!document_versions_.empty() && document_.is_object()) {
        auto it = document_.find("nodes");
        if (it != document_.end() && it->is_array() && it->size() == document_versions_.size()) {
            kept = &it->get_ref<json::array_t&>();
            for (std::size_t k = 0; k < document_versions_.size(); ++k) kept_at.emplace(document_versions_[k], k);
        }
    }
    try {
        json::array_t nodes;
        nodes.reserve(node_versions.size());
        for (std::uint64_t v : node_versions) {
            if (auto k = kept_at.find(v); kept && k != kept_at.end()) {
                nodes.push_back(std::move((*kept)[k->second]));
                kept_at.erase(k);   // moved out: a second node of this version is parsed
            } else {
                nodes.push_back(json::parse(nodes_.at(v)));
                ++parsed_last_;
            }
        }
        if (header_changed || !document_.is_object()) {
            // The text around the nodes alone: the prefix ends in "[", the suffix starts with "]".
            json around = json::parse(prefix_ + suffix_);
            around["nodes"] = std::move(nodes);
            document_ = std::move(around);
        } else {
            document_["nodes"] = std::move(nodes);
        }
        document_versions_ = node_versions;
        document_ok_ = true;
    } catch (const std::exception&) {   // not expected of the writer's text: parse it whole then
        document_ = json();
        document_versions_.clear();
        document_ok_ = false;
    }
}

}  // namespace parley::editor
