// Scripted mode: `parley --autoplay TRANSCRIPT --screenshots DIR` plays a transcript through the
// real UI. Every step is synthetic SFML input (clicks on the named places the screens mark,
// number keys, typed text) fed into the same event path a user's input takes; nothing calls
// the engine behind the UI's back. It saves a PNG of each screen it passes, prints at the
// debrief the JSON result `parley-cli replay --json` prints for the same transcript, and ends
// the program with 0 (1 when the UI did not accept a step).
#pragma once

#include <deque>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "parley/transcript.h"

namespace parley::player {

class App;

class Autoplay {
public:
    Autoplay(Transcript transcript, std::filesystem::path screenshots, Lang json_lang);
    // Install on the app: runs after each frame is drawn, before it is shown.
    void attach(App& app);

private:
    struct Step {
        enum class Kind { Click, Reveal, Key, SelectAll, Type, Wheel, Shot, Wait, Until, Do };
        Kind kind = Kind::Wait;
        std::string target;   // Click, Wheel: a marked name; Shot: file name; Type: text
        int key = 0;          // Key: sf::Keyboard::Key
        int frames = 0;       // Wait; Until: time-out in frames
        float delta = 0.f;    // Wheel
        std::function<bool(App&)> until;   // Until: proceed when true
        std::function<void(App&)> action;  // Do
        std::string what;     // Until: what was awaited (for the failure message)
    };

    void frame(App& app);
    void plan_start(App& app);
    void plan_decision(App& app, std::size_t index);
    void plan_debrief(App& app);
    void plan_progress(App& app);
    void fail(App& app, const std::string& message);

    void push(Step::Kind kind, std::string target = {}, int number = 0) {
        Step s;
        s.kind = kind;
        s.target = std::move(target);
        s.key = s.frames = number;
        steps_.push_back(std::move(s));
    }
    void click(const std::string& target) { push(Step::Kind::Click, target); }
    void reveal(const std::string& target) { push(Step::Kind::Reveal, target); }   // scroll it into view
    void key(int k) { push(Step::Kind::Key, {}, k); }
    void select_all() { push(Step::Kind::SelectAll); }
    void type(const std::string& text) { push(Step::Kind::Type, text); }
    void shot(const std::string& name) { push(Step::Kind::Shot, name); }
    void wait(int frames) { push(Step::Kind::Wait, {}, frames); }
    void until(std::string what, std::function<bool(App&)> f, int timeout = 600) {
        Step s;
        s.kind = Step::Kind::Until;
        s.what = std::move(what);
        s.until = std::move(f);
        s.frames = timeout;
        steps_.push_back(std::move(s));
    }
    void then(std::function<void(App&)> f) {
        Step s;
        s.kind = Step::Kind::Do;
        s.action = std::move(f);
        steps_.push_back(std::move(s));
    }

    Transcript transcript_;
    std::filesystem::path dir_;
    Lang json_lang_;
    std::deque<Step> steps_;
    int waited_ = 0;
    int quiet_frames_ = 0;   // frames drawn since the last synthetic input was delivered
    int shots_ = 0;
    bool failed_ = false;
};

}  // namespace parley::player
