// The client across the desk, drawn with SFML shapes. Posture and expression follow the
// client's emotion using the body-language cues of seed 000 (情绪配对测试):
//   anger 生气        — face flushed, lips pressed, fists clenched, stiff, leaning in
//   suspicion 怀疑    — brows knitted, a sideways look, one corner of the mouth raised, head shaking
//   defensiveness 防御 — arms crossed, eyes averted, mouth shut, leaning back
//   boredom 无聊      — gaze wandering, leaning aside, head on a hand, doodling, yawning
//   nervousness 紧张  — darting eyes, stiff posture, fiddling with the collar, sweat, an awkward smile
//   calm 平静 / pleased 愉快 — open posture, relaxed face; leaning in, open hands and a smile
// The pose eases from one emotion to the next so a change reads as a change, not a cut.
//
//   ClientFigure figure;
//   figure.set_emotion(beat.emotion);
//   figure.update(dt);
//   figure_view.show(figure, look_for(persona), size);   // inside an ImGui window
#pragma once

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/System/Vector2.hpp>

#include <imgui.h>

#include "parley/catalogue.h"
#include "parley/model.h"

namespace parley::ui {

// How a persona looks: derived from its id and traits, so one persona always looks the same.
struct FigureLook {
    sf::Color skin{236, 200, 170};
    sf::Color hair{40, 34, 30};
    sf::Color jacket{44, 62, 92};
    sf::Color shirt{245, 247, 250};
    sf::Color tie{150, 40, 50};
    int hair_style = 0;   // 0 short, 1 side part, 2 bob, 3 receding
    bool glasses = false;
    bool tie_on = true;
};
FigureLook look_for(const Persona& persona);

struct ArmPose {
    sf::Vector2f elbow, hand;   // scene coordinates (400 × 360 scene)
    float open = 0.f;           // 0 fist / relaxed, 1 open palm
};

// Every part of the body language as a number, so two poses can be blended.
struct Pose {
    float lean = 0.f;          // + forward (engaged, or pressing), − back (withdrawn)
    float tilt = 0.f;          // head tilt, degrees
    float shift = 0.f;         // body leaning sideways, scene px
    float brow_angle = 0.f;    // + inner ends down (anger), − inner ends up (worry)
    float brow_raise = 0.f;    // px
    float brow_asym = 0.f;     // one brow raised (doubt)
    float eye_open = 1.f;
    sf::Vector2f gaze;         // pupils, −1 … 1
    float mouth_curve = 0.f;   // + smile, − frown
    float mouth_open = 0.f;
    float mouth_width = 1.f;
    float mouth_asym = 0.f;    // one corner raised
    float lips_pressed = 0.f;
    float flush = 0.f;         // red face (anger)
    float blush = 0.f;         // warm cheeks (pleased)
    float sweat = 0.f;
    float jitter = 0.f;        // restless movement
    float yawn = 0.f;          // a yawn now and then
    float shake = 0.f;         // head shaking
    float doodle = 0.f;        // pen moving on the paper
    ArmPose left, right;
};

Pose pose_for(Emotion e);
Pose blend(const Pose& a, const Pose& b, float t);

class ClientFigure {
public:
    ClientFigure();
    void set_emotion(Emotion e);
    // Jump to the target pose (no easing), e.g. when a run is resumed or for a screenshot.
    void settle();
    void update(float dt);
    Emotion emotion() const { return emotion_; }
    const Pose& pose() const { return pose_; }
    float time() const { return time_; }
    // Draw into `target` filling `area` (target pixels), keeping the scene's proportions.
    void draw(sf::RenderTarget& target, sf::FloatRect area, const FigureLook& look) const;

private:
    Emotion emotion_ = Emotion::Calm;
    Pose pose_, target_;
    float time_ = 0.f;
};

// Draws a figure into an offscreen texture and shows it as an ImGui image item.
class FigureView {
public:
    void show(const ClientFigure& figure, const FigureLook& look, ImVec2 size);
    const sf::RenderTexture& texture() const { return texture_; }

private:
    sf::RenderTexture texture_;
    sf::Vector2u size_{0, 0};
    bool drawn_ = false;
    float drawn_at_ = 0.f;
    Emotion drawn_emotion_ = Emotion::Calm;
};

}  // namespace parley::ui
