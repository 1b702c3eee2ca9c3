// The client figure.
//
// Contents
//   1. Looks from a persona
//   2. Poses per emotion (seed 000 cues) and blending
//   3. Animation
//   4. Drawing helpers
//   5. The scene: room, chair, body, desk, arms, head
//   6. FigureView (offscreen texture → ImGui image)
#include "parley/ui/figure.h"

#include <SFML/Graphics/VertexArray.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>

namespace parley::ui {

// ============================================================================
// 1. Looks from a persona
// ============================================================================

namespace {

std::uint32_t fnv(const std::string& s) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : s) h = (h ^ c) * 16777619u;
    return h;
}

}  // namespace

FigureLook look_for(const Persona& persona) {
    static const sf::Color skins[] = {{241, 207, 178}, {228, 188, 152}, {214, 170, 134}, {236, 198, 166}};
    static const sf::Color hairs[] = {{34, 30, 28}, {58, 42, 34}, {24, 24, 28}, {92, 70, 52}};
    static const sf::Color jackets[] = {{40, 58, 88}, {58, 62, 70}, {72, 56, 48}, {34, 74, 70}, {92, 44, 58}, {30, 38, 52}};
    static const sf::Color ties[] = {{150, 40, 50}, {40, 80, 140}, {180, 140, 60}, {60, 110, 80}, {110, 60, 130}};
    const std::uint32_t h = fnv(persona.id);
    FigureLook look;
    look.skin = skins[h % 4];
    look.hair = hairs[(h >> 3) % 4];
    look.jacket = jackets[(h >> 6) % 6];
    look.tie = ties[(h >> 9) % 5];
    look.hair_style = static_cast<int>((h >> 12) % 4);
    look.tie_on = ((h >> 15) % 4) != 0;
    // Skeptical, analytical clients wear glasses; patient, older-seeming ones go grey.
    look.glasses = persona.profile.skepticism >= 65;
    if (persona.profile.patience >= 75 && persona.assertiveness < 0) look.hair = sf::Color(150, 146, 140);
    return look;
}

// ============================================================================
// 2. Poses per emotion
// ============================================================================

namespace {

// Arm positions in the 400 × 360 scene; shoulders are near (116, 232) and (284, 232).
ArmPose arm(float ex, float ey, float hx, float hy, float open = 0.f) {
    return ArmPose{sf::Vector2f(ex, ey), sf::Vector2f(hx, hy), open};
}

}  // namespace

Pose pose_for(Emotion e) {
    Pose p;
    // Hands resting together on the desk: the neutral posture.
    p.left = arm(104, 298, 184, 316);
    p.right = arm(296, 298, 216, 316);
    p.mouth_curve = 0.15f;
    switch (e) {
        case Emotion::Calm:
            break;
        case Emotion::Pleased:   // leaning in, open hands, a real smile
            p.lean = 0.6f;
            p.tilt = 3.f;
            p.brow_raise = 2.f;
            p.eye_open = 0.8f;
            p.mouth_curve = 1.f;
            p.mouth_open = 0.3f;
            p.blush = 0.7f;
            p.left = arm(96, 292, 140, 288, 1.f);
            p.right = arm(304, 292, 260, 288, 1.f);
            break;
        case Emotion::Boredom:   // head on a hand, looking away, doodling, yawning
            p.lean = -0.2f;
            p.tilt = -10.f;
            p.shift = -10.f;
            p.brow_raise = -1.f;
            p.eye_open = 0.45f;
            p.gaze = sf::Vector2f(-0.8f, -0.5f);
            p.mouth_curve = -0.15f;
            p.yawn = 1.f;
            p.doodle = 1.f;
            p.left = arm(100, 300, 168, 318);
            p.right = arm(268, 300, 236, 186);
            break;
        case Emotion::Nervousness:   // stiff, darting eyes, fiddling with the collar, sweating
            p.lean = 0.1f;
            p.brow_angle = -0.7f;
            p.brow_raise = 3.f;
            p.eye_open = 1.15f;
            p.mouth_curve = 0.45f;
            p.mouth_width = 0.8f;
            p.sweat = 1.f;
            p.jitter = 1.f;
            p.left = arm(104, 300, 176, 318);
            p.right = arm(284, 292, 214, 222);
            break;
        case Emotion::Anger:   // flushed, lips pressed, fists clenched, leaning in, stiff
            p.lean = 0.5f;
            p.brow_angle = 1.f;
            p.brow_raise = -3.f;
            p.eye_open = 0.8f;
            p.mouth_curve = -0.6f;
            p.mouth_width = 0.75f;
            p.lips_pressed = 1.f;
            p.flush = 1.f;
            p.left = arm(98, 300, 160, 318);
            p.right = arm(302, 300, 240, 318);
            break;
        case Emotion::Defensiveness:   // arms crossed, eyes averted, mouth shut, leaning back
            p.lean = -0.6f;
            p.brow_angle = 0.3f;
            p.eye_open = 0.9f;
            p.gaze = sf::Vector2f(0.9f, 0.3f);
            p.mouth_curve = -0.25f;
            p.lips_pressed = 0.8f;
            p.left = arm(118, 290, 246, 262);
            p.right = arm(282, 290, 156, 268);
            break;
        case Emotion::Suspicion:   // knitted brows, side glance, one corner up, head shaking
            p.lean = -0.2f;
            p.tilt = 6.f;
            p.brow_angle = 0.5f;
            p.brow_asym = 1.f;
            p.eye_open = 0.65f;
            p.gaze = sf::Vector2f(-0.9f, 0.f);
            p.mouth_curve = -0.1f;
            p.mouth_asym = 1.f;
            p.lips_pressed = 0.5f;
            p.shake = 1.f;
            break;
    }
    return p;
}

namespace {

float lerp(float a, float b, float t) { return a + (b - a) * t; }
sf::Vector2f lerp(sf::Vector2f a, sf::Vector2f b, float t) { return a + (b - a) * t; }
ArmPose lerp(const ArmPose& a, const ArmPose& b, float t) {
    return ArmPose{lerp(a.elbow, b.elbow, t), lerp(a.hand, b.hand, t), lerp(a.open, b.open, t)};
}

}  // namespace

Pose blend(const Pose& a, const Pose& b, float t) {
    Pose p;
    p.lean = lerp(a.lean, b.lean, t);
    p.tilt = lerp(a.tilt, b.tilt, t);
    p.shift = lerp(a.shift, b.shift, t);
    p.brow_angle = lerp(a.brow_angle, b.brow_angle, t);
    p.brow_raise = lerp(a.brow_raise, b.brow_raise, t);
    p.brow_asym = lerp(a.brow_asym, b.brow_asym, t);
    p.eye_open = lerp(a.eye_open, b.eye_open, t);
    p.gaze = lerp(a.gaze, b.gaze, t);
    p.mouth_curve = lerp(a.mouth_curve, b.mouth_curve, t);
    p.mouth_open = lerp(a.mouth_open, b.mouth_open, t);
    p.mouth_width = lerp(a.mouth_width, b.mouth_width, t);
    p.mouth_asym = lerp(a.mouth_asym, b.mouth_asym, t);
    p.lips_pressed = lerp(a.lips_pressed, b.lips_pressed, t);
    p.flush = lerp(a.flush, b.flush, t);
    p.blush = lerp(a.blush, b.blush, t);
    p.sweat = lerp(a.sweat, b.sweat, t);
    p.jitter = lerp(a.jitter, b.jitter, t);
    p.yawn = lerp(a.yawn, b.yawn, t);
    p.shake = lerp(a.shake, b.shake, t);
    p.doodle = lerp(a.doodle, b.doodle, t);
    p.left = lerp(a.left, b.left, t);
    p.right = lerp(a.right, b.right, t);
    return p;
}

// ============================================================================
// 3. Animation
// ============================================================================

ClientFigure::ClientFigure() : pose_(pose_for(Emotion::Calm)), target_(pose_) {}

void ClientFigure::set_emotion(Emotion e) {
    emotion_ = e;
    target_ = pose_for(e);
}

void ClientFigure::settle() { pose_ = target_; }

void ClientFigure::update(float dt) {
    time_ += dt;
    // Ease towards the target: about 90% of the way in half a second.
    const float k = 1.f - std::exp(-dt * 4.6f);
    pose_ = blend(pose_, target_, std::clamp(k, 0.f, 1.f));
}

// ============================================================================
// 4. Drawing helpers
// ============================================================================

namespace {

using V = sf::Vector2f;

sf::Color shade(sf::Color c, float k) {   // k < 1 darker, > 1 lighter
    auto ch = [k](sf::Uint8 v) {
        const float x = k <= 1.f ? static_cast<float>(v) * k : static_cast<float>(v) + (255.f - static_cast<float>(v)) * (k - 1.f);
        return static_cast<sf::Uint8>(std::clamp(x, 0.f, 255.f));
    };
    return sf::Color(ch(c.r), ch(c.g), ch(c.b), c.a);
}

sf::Color mixc(sf::Color a, sf::Color b, float t) {
    auto ch = [t](sf::Uint8 x, sf::Uint8 y) {
        return static_cast<sf::Uint8>(std::clamp(static_cast<float>(x) + (static_cast<float>(y) - static_cast<float>(x)) * t, 0.f, 255.f));
    };
    return sf::Color(ch(a.r, b.r), ch(a.g, b.g), ch(a.b, b.b), ch(a.a, b.a));
}

// Everything is appended to one triangle list and drawn with a single call: the software
// renderer pays per draw call, and a figure is a few hundred shapes.
struct Painter {
    sf::VertexArray& out;
    sf::Transform tf;   // local placement (the head's tilt), applied on the CPU

    void tri(V a, V b, V c, sf::Color col) const {
        out.append(sf::Vertex(tf.transformPoint(a), col));
        out.append(sf::Vertex(tf.transformPoint(b), col));
        out.append(sf::Vertex(tf.transformPoint(c), col));
    }
    void fan(const V* pts, std::size_t n, sf::Color col) const {
        for (std::size_t i = 1; i + 1 < n; ++i) tri(pts[0], pts[i], pts[i + 1], col);
    }
    static int segments(float r) { return std::clamp(static_cast<int>(r * 0.9f), 10, 40); }

    void ellipse(V c, float rx, float ry, sf::Color fill, float rotation = 0.f, sf::Color outline = sf::Color::Transparent,
                 float outline_w = 0.f) const {
        const int n = segments(std::max(rx, ry));
        const float rot = rotation * 0.01745329f;
        const float cr = std::cos(rot), sr = std::sin(rot);
        auto at = [&](float a, float x_radius, float y_radius) {
            const float x = std::cos(a) * x_radius, y = std::sin(a) * y_radius;
            return V(c.x + x * cr - y * sr, c.y + x * sr + y * cr);
        };
        for (int i = 0; i < n; ++i) {
            const float a0 = 6.2831853f * static_cast<float>(i) / static_cast<float>(n);
            const float a1 = 6.2831853f * static_cast<float>(i + 1) / static_cast<float>(n);
            if (fill.a) tri(c, at(a0, rx, ry), at(a1, rx, ry), fill);
            if (outline_w > 0.f && outline.a) {
                const float h = outline_w * 0.5f;
                const V o0 = at(a0, rx + h, ry + h), o1 = at(a1, rx + h, ry + h);
                const V i0 = at(a0, rx - h, ry - h), i1 = at(a1, rx - h, ry - h);
                tri(o0, o1, i1, outline);
                tri(o0, i1, i0, outline);
            }
        }
    }
    void circle(V c, float r, sf::Color fill) const { ellipse(c, r, r, fill); }
    void poly(std::initializer_list<V> pts, sf::Color fill) const { fan(pts.begin(), pts.size(), fill); }
    void rect(V a, V b, sf::Color fill) const {
        tri(a, V(b.x, a.y), b, fill);
        tri(a, b, V(a.x, b.y), fill);
    }
    void rounded(V a, V b, float r, sf::Color fill) const {
        rect(V(a.x + r, a.y), V(b.x - r, b.y), fill);
        rect(V(a.x, a.y + r), V(a.x + r, b.y - r), fill);
        rect(V(b.x - r, a.y + r), V(b.x, b.y - r), fill);
        // Quarter circles in the corners.
        const V centres[4] = {V(a.x + r, a.y + r), V(b.x - r, a.y + r), V(b.x - r, b.y - r), V(a.x + r, b.y - r)};
        const int n = segments(r) / 4 + 2;
        for (int k = 0; k < 4; ++k) {
            const float start = 3.14159265f + 1.5707963f * static_cast<float>(k);
            for (int i = 0; i < n; ++i) {
                const float a0 = start + 1.5707963f * static_cast<float>(i) / static_cast<float>(n);
                const float a1 = start + 1.5707963f * static_cast<float>(i + 1) / static_cast<float>(n);
                tri(centres[k], centres[k] + V(std::cos(a0), std::sin(a0)) * r, centres[k] + V(std::cos(a1), std::sin(a1)) * r,
                    fill);
            }
        }
    }
    // A thick segment with round ends.
    void capsule(V a, V b, float w, sf::Color fill) const {
        const V d = b - a;
        const float len = std::sqrt(d.x * d.x + d.y * d.y);
        if (len > 0.01f) {
            const V n(-d.y / len * w * 0.5f, d.x / len * w * 0.5f);
            poly({a + n, b + n, b - n, a - n}, fill);
        }
        circle(a, w * 0.5f, fill);
        circle(b, w * 0.5f, fill);
    }
    // A quadratic curve as a thick strip with round ends.
    void curve(V p0, V p1, V p2, float w, sf::Color fill, int steps = 14) const {
        V prev = p0;
        for (int i = 1; i <= steps; ++i) {
            const float t = static_cast<float>(i) / static_cast<float>(steps);
            const V q = p0 * ((1 - t) * (1 - t)) + p1 * (2 * (1 - t) * t) + p2 * (t * t);
            const V d = q - prev;
            const float len = std::sqrt(d.x * d.x + d.y * d.y);
            if (len > 0.01f) {
                const V n(-d.y / len * w * 0.5f, d.x / len * w * 0.5f);
                poly({prev + n, q + n, q - n, prev - n}, fill);
            }
            if (i < steps) circle(q, w * 0.5f, fill);   // joint
            prev = q;
        }
        circle(p0, w * 0.5f, fill);
        circle(p2, w * 0.5f, fill);
    }
    void vgradient(V a, V b, sf::Color top, sf::Color bottom) const {
        const V tr(b.x, a.y), bl(a.x, b.y);
        out.append(sf::Vertex(tf.transformPoint(a), top));
        out.append(sf::Vertex(tf.transformPoint(tr), top));
        out.append(sf::Vertex(tf.transformPoint(b), bottom));
        out.append(sf::Vertex(tf.transformPoint(a), top));
        out.append(sf::Vertex(tf.transformPoint(b), bottom));
        out.append(sf::Vertex(tf.transformPoint(bl), bottom));
    }
};

// ============================================================================
// 5. The scene
// ============================================================================

constexpr float kSceneW = 400.f, kSceneH = 360.f;

void draw_room(const Painter& g) {
    g.vgradient(V(-400, -200), V(800, 600), sf::Color(226, 232, 240), sf::Color(206, 214, 224));
    // A window with the city behind (left) and a bookshelf (right): a bank's meeting room.
    g.rounded(V(24, 34), V(156, 206), 4, sf::Color(188, 198, 210));
    g.vgradient(V(32, 42), V(148, 198), sf::Color(196, 220, 240), sf::Color(232, 240, 246));
    g.rect(V(44, 132), V(62, 198), sf::Color(170, 186, 204));
    g.rect(V(66, 110), V(90, 198), sf::Color(160, 178, 198));
    g.rect(V(94, 146), V(110, 198), sf::Color(176, 192, 208));
    g.rect(V(114, 122), V(140, 198), sf::Color(166, 182, 200));
    g.rect(V(88, 42), V(92, 198), sf::Color(188, 198, 210));
    g.rect(V(32, 118), V(148, 122), sf::Color(188, 198, 210));
    g.rect(V(292, 56), V(392, 214), sf::Color(176, 160, 140));
    g.rect(V(298, 62), V(386, 208), sf::Color(150, 132, 112));
    const sf::Color books[] = {{70, 90, 120}, {150, 60, 60}, {200, 180, 120}, {60, 110, 90}, {110, 100, 140}};
    for (int shelf = 0; shelf < 2; ++shelf) {
        const float base = shelf == 0 ? 132.f : 204.f;
        g.rect(V(298, base), V(386, base + 4), sf::Color(176, 160, 140));
        float x = 302.f;
        for (int i = 0; i < 8; ++i) {
            const float w = 7.f + static_cast<float>((i * 5 + shelf * 3) % 5);
            const float h = 46.f + static_cast<float>((i * 7 + shelf * 11) % 14);
            g.rect(V(x, base - h), V(x + w, base), books[(i + shelf * 2) % 5]);
            x += w + 1.5f;
        }
    }
    // Skirting line.
    g.rect(V(-400, 250), V(800, 252), sf::Color(196, 204, 214));
}

void draw_chair(const Painter& g, V off) {
    g.rounded(V(124, 128) + off, V(276, 340) + off, 26, sf::Color(58, 52, 50));
    g.rounded(V(132, 136) + off, V(268, 330) + off, 22, sf::Color(74, 66, 62));
}

void draw_torso(const Painter& g, const FigureLook& look, V off, float scale) {
    auto s = [&](float x, float y) { return V(200 + (x - 200) * scale, 232 + (y - 232) * scale) + off; };
    const sf::Color jacket = look.jacket, jacket_dark = shade(look.jacket, 0.78f);
    // Neck.
    g.rect(s(186, 166), s(214, 212), shade(look.skin, 0.9f));
    // Jacket body with rounded shoulders.
    g.poly({s(150, 206), s(250, 206), s(298, 236), s(306, 380), s(94, 380), s(102, 236)}, jacket);
    g.circle(s(118, 236), 22 * scale, jacket);
    g.circle(s(282, 236), 22 * scale, jacket);
    // Shirt and tie.
    g.poly({s(176, 204), s(224, 204), s(200, 276)}, look.shirt);
    g.poly({s(176, 204), s(188, 200), s(200, 218), s(186, 222)}, shade(look.shirt, 0.9f));
    g.poly({s(224, 204), s(212, 200), s(200, 218), s(214, 222)}, shade(look.shirt, 0.9f));
    if (look.tie_on) {
        g.poly({s(194, 214), s(206, 214), s(204, 226), s(196, 226)}, shade(look.tie, 0.85f));
        g.poly({s(196, 226), s(204, 226), s(211, 272), s(200, 284), s(189, 272)}, look.tie);
    }
    // Lapels.
    g.poly({s(170, 204), s(182, 206), s(200, 282), s(190, 286), s(160, 236)}, jacket_dark);
    g.poly({s(230, 204), s(218, 206), s(200, 282), s(210, 286), s(240, 236)}, jacket_dark);
    g.circle(s(200, 300), 3.f * scale, shade(jacket, 0.6f));
}

void draw_desk(const Painter& g, const Pose& pose, const FigureLook&, float t) {
    const sf::Color top(196, 160, 120), front(150, 112, 80), edge(214, 182, 146);
    g.poly({V(-40, 300), V(440, 300), V(470, 336), V(-70, 336)}, top);
    g.rect(V(-70, 336), V(470, 400), front);
    g.rect(V(-70, 334), V(470, 338), edge);
    // Papers with a pen; while bored the client doodles on them.
    g.poly({V(98, 306), V(158, 302), V(164, 330), V(100, 334)}, sf::Color(250, 250, 246));
    g.poly({V(104, 309), V(152, 306), V(153, 308), V(105, 311)}, sf::Color(200, 206, 214));
    g.poly({V(105, 315), V(150, 312), V(151, 314), V(106, 317)}, sf::Color(200, 206, 214));
    if (pose.doodle > 0.3f) {
        V prev(112, 324);
        for (int i = 1; i < 9; ++i) {
            const V q(112.f + static_cast<float>(i) * 4.5f, 324.f + ((i % 2) ? -4.f : 2.f));
            g.capsule(prev, q, 1.2f, sf::Color(60, 70, 110, static_cast<sf::Uint8>(200 * pose.doodle)));
            prev = q;
        }
    } else {
        g.capsule(V(122, 326), V(156, 318), 3.f, sf::Color(40, 40, 48));
    }
    // A cup of tea on the right, steam rising gently.
    g.ellipse(V(334, 318), 16, 5, sf::Color(120, 90, 70, 90));
    g.rect(V(320, 296), V(348, 318), sf::Color(248, 248, 250));
    g.ellipse(V(334, 318), 14, 4, sf::Color(236, 236, 240));
    g.ellipse(V(334, 296), 14, 4, sf::Color(120, 80, 50));
    g.ellipse(V(352, 306), 6, 7, sf::Color::Transparent, 0.f, sf::Color(248, 248, 250), 3.f);
    for (int i = 0; i < 2; ++i) {
        const float ph = t * 1.3f + static_cast<float>(i) * 1.7f;
        const float y = 286.f - std::fmod(ph * 8.f, 22.f);
        const sf::Uint8 a = static_cast<sf::Uint8>(std::clamp(90.f - std::fmod(ph * 8.f, 22.f) * 4.f, 0.f, 90.f));
        g.circle(V(330.f + static_cast<float>(i) * 8.f + std::sin(ph * 2.f) * 2.f, y), 2.5f, sf::Color(255, 255, 255, a));
    }
}

void draw_hand(const Painter& g, V at, float open, sf::Color skin, V toward) {
    const V d = at - toward;
    const float angle = std::atan2(d.y, d.x) * 180.f / 3.14159265f;
    if (open > 0.5f) {
        g.ellipse(at, 13, 9, skin, angle);
        g.ellipse(at + V(std::cos((angle + 30) * 0.01745f), std::sin((angle + 30) * 0.01745f)) * 9.f, 6, 3.5f,
                  shade(skin, 0.95f), angle + 30);
    } else {
        g.circle(at, 11.5f, skin);
        g.ellipse(at + V(0, -3), 8, 4, shade(skin, 1.08f));
        g.capsule(at + V(-6, 3), at + V(6, 3), 1.2f, shade(skin, 0.8f));
    }
}

void draw_arm(const Painter& g, const FigureLook& look, V shoulder, const ArmPose& a, V off) {
    const V elbow = a.elbow + off, hand = a.hand + off;
    const V d = hand - elbow;
    const float len = std::max(1.f, std::sqrt(d.x * d.x + d.y * d.y));
    const V u = d * (1.f / len);
    // The sleeve stops at the shirt cuff, the cuff at the wrist: nothing dark shows round the hand.
    const V wrist = hand - u * 9.f;
    const V cuff = hand - u * 14.f;
    g.capsule(shoulder, elbow, 32, look.jacket);
    g.capsule(elbow, cuff, 28, shade(look.jacket, 1.06f));
    g.capsule(cuff, wrist, 21, look.shirt);
    draw_hand(g, hand, a.open, look.skin, elbow);
}

void draw_head(const Painter& base, const Pose& p, const FigureLook& look, V center, float scale, float t) {
    Painter g{base.out, base.tf};
    g.tf.translate(center).rotate(p.tilt).scale(scale, scale);

    const sf::Color skin = mixc(look.skin, sf::Color(226, 120, 110), 0.35f * p.flush);
    const sf::Color hair = look.hair;
    // Hair behind the head.
    if (look.hair_style == 2) g.rounded(V(-52, -48), V(52, 44), 30, hair);
    g.ellipse(V(0, -10), 49, 52, hair);
    // Ears and face.
    g.ellipse(V(-45, 6), 8, 13, shade(skin, 0.93f));
    g.ellipse(V(45, 6), 8, 13, shade(skin, 0.93f));
    g.ellipse(V(0, 6), 44, 52, skin);
    // Hair in front: fringe by style.
    switch (look.hair_style) {
        case 0: g.poly({V(-44, -18), V(-30, -44), V(0, -54), V(30, -44), V(44, -18), V(20, -30), V(-20, -30)}, hair); break;
        case 1: g.poly({V(-44, -12), V(-36, -42), V(-4, -56), V(34, -46), V(46, -16), V(10, -34), V(-14, -26)}, hair); break;
        case 2: g.poly({V(-46, 0), V(-40, -40), V(0, -56), V(40, -40), V(46, 0), V(30, -28), V(-30, -28)}, hair); break;
        default: g.poly({V(-46, -4), V(-42, -26), V(-34, -30), V(-38, -6)}, hair);
                 g.poly({V(46, -4), V(42, -26), V(34, -30), V(38, -6)}, hair); break;
    }
    // Cheeks: warm when pleased, flushed when angry.
    if (p.blush > 0.02f) {
        const sf::Color b(236, 130, 130, static_cast<sf::Uint8>(70 * p.blush));
        g.ellipse(V(-25, 22), 9, 5.5f, b);
        g.ellipse(V(25, 22), 9, 5.5f, b);
    }
    // Eyes: a blink every few seconds; a bored client's lids droop.
    const float blink_phase = std::fmod(t + 0.7f, 4.2f);
    const float blink = blink_phase < 0.14f ? 0.1f : 1.f;
    // Darting eyes (nervousness) jump between points; a shaking head moves the gaze with it.
    V gaze = p.gaze;
    if (p.jitter > 0.05f) {
        const int k = static_cast<int>(t * 2.5f) % 4;
        const V dart[] = {V(-0.9f, 0.1f), V(0.8f, -0.2f), V(0.1f, 0.6f), V(0.9f, 0.3f)};
        gaze = lerp(gaze, dart[k], p.jitter);
    }
    const float open = std::clamp(p.eye_open * blink, 0.08f, 1.3f);
    for (int side = -1; side <= 1; side += 2) {
        const V e(static_cast<float>(side) * 17.f, 2.f);
        const float ry = 5.6f * open;
        g.ellipse(e, 8.5f, ry, sf::Color(252, 252, 252));
        if (ry > 1.2f) {
            const float pr = std::min(3.8f, ry);
            g.circle(e + V(gaze.x * 4.2f, gaze.y * 2.f), pr, sf::Color(46, 36, 32));
            g.circle(e + V(gaze.x * 4.2f + 1.2f, gaze.y * 2.f - 1.2f), 1.f, sf::Color(255, 255, 255, 200));
        }
        // Upper lid line.
        g.curve(e + V(-9, 0), e + V(0, -ry * 2.1f), e + V(9, 0), 1.6f, shade(skin, 0.55f), 10);
        // Brows: angle (anger V / worry), raise, and one raised in doubt.
        const float raise = p.brow_raise + (side > 0 ? p.brow_asym * 5.f : -p.brow_asym * 1.f);
        const V inner(static_cast<float>(side) * 7.f, -13.f - raise + p.brow_angle * 5.f);
        const V outer(static_cast<float>(side) * 27.f, -15.f - raise - p.brow_angle * 2.f);
        g.curve(inner, (inner + outer) * 0.5f + V(0, -2.5f), outer, 4.2f, shade(hair, 1.1f), 8);
    }
    if (look.glasses) {
        const sf::Color frame(40, 40, 48);
        for (int side = -1; side <= 1; side += 2) {
            const V c(static_cast<float>(side) * 17.f, 3.f);
            g.ellipse(c, 13, 10, sf::Color(255, 255, 255, 36), 0.f, frame, 2.2f);
        }
        g.curve(V(-4, 1), V(0, -2), V(4, 1), 2.f, frame, 6);
        g.capsule(V(-30, 1), V(-44, -1), 2.f, frame);
        g.capsule(V(30, 1), V(44, -1), 2.f, frame);
    }
    // Nose.
    g.curve(V(-1, 6), V(-5, 18), V(2, 21), 2.f, shade(skin, 0.78f), 8);
    // Mouth: smile or frown, one corner up in doubt, pressed lips, open for a yawn or a laugh.
    const float yawn = p.yawn * std::max(0.f, std::sin(t * 0.9f) * 1.6f - 0.6f);
    const float w = 13.f * p.mouth_width * (1.f - 0.2f * p.lips_pressed);
    const float c = p.mouth_curve;
    const V left(-w, 33.f - c * 4.f), right(w, 33.f - c * 4.f - p.mouth_asym * 5.f);
    const V mid(p.mouth_asym * 2.f, 33.f + c * 7.f);
    const float open_m = std::max(p.mouth_open, yawn);
    const sf::Color lip(150, 74, 70);
    if (open_m > 0.08f) {
        const float h = 10.f * open_m;
        g.ellipse(V(0, 35.f + h * 0.3f), w * (0.75f + 0.25f * (1.f - yawn)), h, sf::Color(110, 40, 40));
        if (p.mouth_open > yawn) g.ellipse(V(0, 35.f - h * 0.45f), w * 0.6f, h * 0.35f, sf::Color(250, 250, 250));
    }
    g.curve(left, mid, right, 3.f + p.lips_pressed * 1.8f, lip, 12);
    // Sweat drops run down the temple.
    if (p.sweat > 0.05f) {
        for (int i = 0; i < 2; ++i) {
            const float ph = std::fmod(t * 0.5f + static_cast<float>(i) * 0.5f, 1.f);
            const V d(38.f - static_cast<float>(i) * 78.f, -24.f + ph * 26.f);
            const sf::Color drop(150, 200, 236, static_cast<sf::Uint8>(220 * p.sweat * (1.f - ph * 0.6f)));
            g.circle(d, 3.6f, drop);
            g.poly({d + V(-3.2f, -1.5f), d + V(3.2f, -1.5f), d + V(0, -8.f)}, drop);
        }
    }
}

}  // namespace

void ClientFigure::draw(sf::RenderTarget& target, sf::FloatRect area, const FigureLook& look) const {
    const float k = std::min(area.width / kSceneW, area.height / kSceneH);
    sf::RenderStates states;
    states.transform.translate(area.left + (area.width - kSceneW * k) * 0.5f,
                               area.top + (area.height - kSceneH * k) * 0.5f);
    states.transform.scale(k, k);
    sf::VertexArray triangles(sf::Triangles);
    const Painter g{triangles, sf::Transform::Identity};
    const Pose& p = pose_;
    const float t = time_;

    draw_room(g);
    // Breathing, restless movement, leaning: the whole body moves together.
    const float breath = std::sin(t * 1.7f) * 1.4f;
    const float restless = p.jitter * std::sin(t * 23.f) * 1.6f;
    const V body(p.shift + restless, breath * 0.5f + p.lean * 6.f);
    const float body_scale = 1.f + p.lean * 0.04f;
    draw_chair(g, V(p.shift * 0.3f, -p.lean * 4.f));
    draw_torso(g, look, body, body_scale);
    const float shake = p.shake * std::sin(t * 5.f) * 4.f * (std::sin(t * 0.8f) > 0.2f ? 1.f : 0.f);
    const V head(200.f + p.shift * 1.3f + restless + p.lean * 2.f + shake, 112.f + breath + p.lean * 12.f);
    draw_head(g, p, look, head, (1.f + p.lean * 0.05f), t);
    draw_desk(g, p, look, t);
    // A doodling hand moves in small loops.
    ArmPose left = p.left, right = p.right;
    if (p.doodle > 0.05f) left.hand += V(std::sin(t * 3.1f) * 4.f, std::cos(t * 4.3f) * 2.f) * p.doodle;
    if (p.jitter > 0.05f) right.hand += V(std::sin(t * 9.f) * 2.f, 0.f) * p.jitter;
    const V shoulder_l = V(116.f, 234.f) + body, shoulder_r = V(284.f, 234.f) + body;
    // Crossed arms: the arm whose hand ends on the far side is drawn last, in front.
    draw_arm(g, look, shoulder_l, left, V(body.x, 0));
    draw_arm(g, look, shoulder_r, right, V(body.x, 0));
    target.draw(triangles, states);
}

// ============================================================================
// 6. FigureView
// ============================================================================

void FigureView::show(const ClientFigure& figure, const FigureLook& look, ImVec2 size) {
    const sf::Vector2u want(static_cast<unsigned>(std::max(16.f, size.x)), static_cast<unsigned>(std::max(16.f, size.y)));
    if (want != size_) {
        sf::ContextSettings settings;
        settings.antialiasingLevel = 4;
        if (texture_.create(want.x, want.y, settings)) {
            texture_.setSmooth(false);   // drawn 1:1: nearest sampling is exact and cheaper
            size_ = want;
            drawn_ = false;
        }
    }
    if (size_.x == 0) {
        ImGui::Dummy(size);
        return;
    }
    // The software renderer pays for every pixel: redraw at most 15 times a second (breathing and
    // blinking need no more), and at once when the size or the emotion changes.
    const bool due = !drawn_ || figure.time() - drawn_at_ >= 1.f / 15.f || figure.time() < drawn_at_ ||
                     figure.emotion() != drawn_emotion_;
    if (due) {
        drawn_ = true;
        drawn_at_ = figure.time();
        drawn_emotion_ = figure.emotion();
        texture_.setActive(true);
        texture_.resetGLStates();
        texture_.clear(sf::Color(220, 226, 234));
        figure.draw(texture_, sf::FloatRect(0.f, 0.f, static_cast<float>(size_.x), static_cast<float>(size_.y)), look);
        texture_.display();
        texture_.setActive(false);
    }
    // Render textures are stored bottom-up: flip the V coordinates.
    const auto id = reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(texture_.getTexture().getNativeHandle()));
    ImGui::Image(id, ImVec2(static_cast<float>(size_.x), static_cast<float>(size_.y)), ImVec2(0, 1), ImVec2(1, 0));
}

}  // namespace parley::ui
