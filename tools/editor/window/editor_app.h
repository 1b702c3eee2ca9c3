// parley-editor's window: one SFML window with Dear ImGui on the shared UI library. A toolbar,
// the graph canvas with the problems panel under it, and the side panel (inspector, scenario,
// playtest) beside it, split by draggable splitters (Dear ImGui 1.86 has no docking).
//
//   EditorApp app(options);
//   return app.run();
//
// Tests drive it a frame at a time with step() and feed synthetic input through input(), which
// reaches ImGui by the same path as the window's own events.
#pragma once

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Clock.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "background_analysis.h"
#include "background_validation.h"
#include "document.h"
#include "parley/ui/fonts.h"
#include "parley/ui/platform.h"
#include "parley/ui/synthetic_input.h"
#include "parley/ui/targets.h"
#include "persona_document.h"
#include "persona_rename.h"
#include "playtest.h"
#include "problems.h"

namespace parley::editor {

struct Options {
    std::filesystem::path file;        // empty: a new scenario from the template
    std::filesystem::path content;     // content root (competencies.json, personas/)
    std::filesystem::path state_dir;   // autosave, layout, recent files
    std::optional<Lang> lang;
    unsigned width = 1280, height = 800;
    bool fixed_time_step = false;      // scripted: every frame advances 1/30 s
    bool vsync_limit = true;
    bool offer_recovery = true;        // ask about a recovery copy at start
};

enum class Panel { Inspector, Scenario, Playtest, Persona };

// The canvas' view: canvas units to screen pixels.
struct Camera {
    Vec2 offset;        // canvas point at the canvas' top-left corner
    float zoom = 1.f;
};

// A finished analysis as the canvas draws it: per node and per option.
struct Overlay {
    std::uint64_t revision = 0;
    std::vector<bool> unreachable, softlock, best_node, worst_node;
    std::vector<std::vector<bool>> best_edge, worst_edge;   // [node][option]
    std::vector<std::optional<int>> ending_best;
    std::string summary;                                    // "best 87 (end_deal) · worst 29"
};

// An edge of the canvas as the graph and the overlay give it, kept until either changes: a
// frame then only places it (positions move without a new revision), instead of looking up
// every option's target by id in a 2,000-node scenario.
struct CanvasEdge {
    std::size_t from = 0, to = 0;
    float port_y = 0.f;      // where it leaves its node, below the node's top (canvas units)
    std::uint32_t colour = 0;
    float thickness = 1.f;
};

struct PlaytestView {
    PlaytestSetup setup;
    bool setup_ready = false;
    std::optional<Session> run;
    std::vector<std::string> decisions;         // this run's, in transcript syntax
    std::vector<std::string> last_decisions;    // the previous run's (for "replay after edit")
    std::vector<std::string> last_path;
    PlaytestSetup last_setup;
    std::string message;                         // replay result or an error
};

class EditorApp {
public:
    explicit EditorApp(const Options& options);
    ~EditorApp();
    EditorApp(const EditorApp&) = delete;
    EditorApp& operator=(const EditorApp&) = delete;

    int run();
    bool step();

    // -- what tests and the screenshot mode look at --
    Document& document() { return *doc_; }
    // The newest verdict of the validator (it runs on its own thread: see checks_current).
    const Validation& validation() const { return validation_; }
    // The revision validation() is for (~0 before the first).
    std::uint64_t validated_revision() const { return validated_revision_; }
    // validation() is the verdict on the model as it is now.
    bool checks_current() const;
    // Blocks until the validator has judged the current model and the analysis is done
    // (screenshots, tests); the window itself never calls it.
    void settle();
    const ui::Targets& targets() const { return targets_; }
    ui::SyntheticInput& input() { return input_; }
    sf::RenderWindow& window() { return window_; }
    BackgroundAnalysis& analysis() { return analysis_; }
    const Overlay& overlay() const { return overlay_; }
    const Camera& camera() const { return camera_; }
    PlaytestView& playtest() { return playtest_; }
    std::optional<std::size_t> selected() const { return selected_; }
    void select(std::optional<std::size_t> node, std::optional<std::size_t> option = std::nullopt, bool centre = false);
    void show_panel(Panel p) { panel_ = p; }
    Lang lang() const { return lang_; }
    void set_lang(Lang l) { lang_ = l; }
    bool quitting() const { return quit_; }
    // The window's close button (the GUI tests press it): asks first when work is unsaved.
    void close_window() {
        sf::Event e;
        e.type = sf::Event::Closed;
        handle(e);
    }
    const std::string& notice() const { return notice_; }
    void on_frame_drawn(std::function<void(EditorApp&)> hook) { frame_hook_ = std::move(hook); }
    // The persona panel's persona (opened from its file on first use; null when it cannot be).
    PersonaDocument* persona_document(const std::string& id);
    void show_persona(const std::string& id) { persona_shown_ = id, panel_ = Panel::Persona; }
    // Starts a playtest with the setup in playtest().setup (the Start button).
    void start_playtest_run();

    // A string in the interface language (and in the font atlas).
    const char* t(const char* zh, const char* en);

private:
    // editor_app.cpp
    void open_window();
    void rebuild_fonts();
    void cover_document();
    // What cover_document has covered already (by document, header and node version).
    const void* covered_doc_ = nullptr;
    const void* covered_shared_ = nullptr;
    std::uint64_t covered_header_ = 0;
    std::unordered_set<std::uint64_t> covered_nodes_;
    void handle(const sf::Event& e);
    void draw_frame(float dt);
    void draw_toolbar();
    void draw_modals();
    void shortcuts();
    void after_edits();
    void finish_autosave();   // waits for a running autosave and records its result
    void save(bool overwrite = false);
    void open_file(const std::filesystem::path& file);
    void new_document();
    void notify(const std::string& text, float seconds = 4.f);
    void remember_recent(const std::filesystem::path& file);
    std::vector<std::string> recent_files() const;
    void request_delete(std::size_t node);
    void walk(int dx, int dy);
    // canvas.cpp
    void draw_canvas(ImVec2 size);
    void draw_minimap(ImVec2 origin, ImVec2 size);
    void centre_on(std::size_t node);
    void build_overlay(const AnalysisResult& r);
    // inspector.cpp
    void draw_side_panel(ImVec2 size);
    void draw_inspector();
    void draw_option(std::size_t node, std::size_t k);
    void draw_scenario_panel();
    bool text_pair(const std::string& path, const Text& value, const char* label, bool multiline = true);
    bool text_fields(const std::string& id, const Text& value, const char* label, bool multiline,
                     const std::function<void(Lang, const std::string&)>& write, const std::function<void()>& done);
    // A part of option `option` of node `node` as raw JSON (`field` is its path in the option's
    // JSON: {"if"}, {"effects"}, {"close", "timely_if"}), shown as the writer writes it and checked
    // by the loader as it is typed; a valid text is taken from the re-read option by `take`.
    void raw_json_field(const std::string& key, const char* title, std::size_t node, std::size_t option,
                        const std::vector<std::string>& field, const std::function<void(Option&, const Option&)>& take,
                        const char* example);
    void condition_picker(const char* id, const Condition& current, const std::function<void(const Condition&)>& set);
    void draw_issues_table(std::size_t node);
    void draw_declared_ids();
    // persona_panel.cpp
    void draw_persona_panel();
    void persona_edited(PersonaDocument& p);
    bool save_personas(bool overwrite);
    bool personas_modified() const;
    void draw_persona_rename();                       // the modal that asks before a rename
    void rename_persona(const PersonaRenamePlan& plan);
    // problems_panel.cpp
    void draw_problems(ImVec2 size);
    // playtest_panel.cpp
    void draw_playtest();
    void reset_playtest_setup();

    Options options_;
    std::shared_ptr<const ContentSet> shared_;
    std::unique_ptr<Document> doc_;
    sf::RenderWindow window_;
    std::unique_ptr<ui::Platform> platform_;
    ui::Fonts fonts_;
    ui::Targets targets_;
    ui::SyntheticInput input_;
    sf::Clock frame_clock_;
    std::function<void(EditorApp&)> frame_hook_;
    Lang lang_ = Lang::Zh;
    bool quit_ = false, close_requested_ = false;

    // The model's derived views, refreshed when the document's revision changes.
    std::uint64_t seen_revision_ = ~0ull;
    Validation validation_;
    std::uint64_t validated_revision_ = ~0ull;
    BackgroundValidation validator_;
    BackgroundAnalysis analysis_;
    std::future<std::string> autosave_running_;
    std::uint64_t autosave_state_ = 0;
    std::string analysis_persona_;
    Overlay overlay_;
    std::vector<Problem> open_problems_;

    // Selection and canvas.
    std::optional<std::size_t> selected_, selected_option_;
    Camera camera_;
    bool centre_pending_ = false, fit_pending_ = true;
    std::optional<std::size_t> dragging_node_;
    Vec2 drag_grab_;
    std::uint64_t drag_serial_ = 0;
    std::optional<std::pair<std::size_t, std::size_t>> connecting_;   // node, option
    bool panning_ = false;
    bool show_minimap_ = true;                 // toggled with M over the canvas, or its corner button
    std::vector<char> error_nodes_;            // per node: the validator reports an error on it
    std::vector<CanvasEdge> edges_;            // for edges_revision_ and edges_overlay_
    std::uint64_t edges_revision_ = ~std::uint64_t(0);
    bool edges_overlay_ = false;
    std::uint64_t error_nodes_revision_ = ~std::uint64_t(0);
    std::string search_;
    bool focus_search_ = false;

    // Panels.
    Panel panel_ = Panel::Inspector;
    float side_width_ = 470.f, problems_height_ = 170.f;
    PlaytestView playtest_;
    std::string editing_text_;   // the multi-line field open for typing ("path.zh"); the others show wrapped
    int focus_text_ = 0;         // frames left to give that field the keyboard after its click
    std::string rename_buffer_;
    std::optional<std::size_t> rename_for_;
    std::map<std::string, std::string> raw_when_;   // option path → the JSON being typed
    std::map<std::string, std::string> raw_error_;
    std::map<std::string, std::string> issue_buffers_;   // issue cell → the number being typed
    std::map<std::string, std::string> rename_declared_;  // "flag:x" → the new id being typed

    // Personas being edited (shared by every scenario; saved on their own).
    std::string persona_shown_;
    std::map<std::string, std::unique_ptr<PersonaDocument>> persona_docs_;
    std::string persona_error_;
    bool persona_external_ = false;
    std::string persona_id_buffer_, persona_id_for_;    // the id field (Enter plans a rename)
    std::optional<PersonaRenamePlan> persona_rename_;   // planned, asked in a modal, then written
    bool confirm_incomplete_ = false, incomplete_confirmed_ = false;

    // Modals and notices.
    std::optional<Recovery> recovery_offer_;
    std::optional<std::size_t> delete_pending_;
    std::vector<std::string> delete_refs_;
    bool external_change_ = false, external_dismissed_ = false;
    enum class PathPrompt { None, Open, SaveAs, ExportCsv, ImportCsv };
    PathPrompt path_prompt_ = PathPrompt::None;
    std::string path_buffer_;
    std::string notice_;
    float notice_seconds_ = 0.f;
    float since_edit_ = 0.f;
    int frame_ = 0;
    Diagnostics import_errors_;
};

}  // namespace parley::editor
