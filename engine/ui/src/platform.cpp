// SFML → Dear ImGui 1.86 platform binding; rendering through ImGui's OpenGL3 backend.
//
// Contents
//   1. Key map
//   2. Clipboard
//   3. Construction and teardown
//   4. Events
//   5. Frames and cursors
#include "parley/ui/platform.h"

#include <SFML/OpenGL.hpp>
#include <SFML/Window/Clipboard.hpp>
#include <SFML/Window/Cursor.hpp>

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cfloat>
#include <cstdint>

namespace parley::ui {

namespace {

// ============================================================================
// 1. Key map
// ============================================================================

void map_keys(ImGuiIO& io) {
    using K = sf::Keyboard;
    io.KeyMap[ImGuiKey_Tab] = K::Tab;
    io.KeyMap[ImGuiKey_LeftArrow] = K::Left;
    io.KeyMap[ImGuiKey_RightArrow] = K::Right;
    io.KeyMap[ImGuiKey_UpArrow] = K::Up;
    io.KeyMap[ImGuiKey_DownArrow] = K::Down;
    io.KeyMap[ImGuiKey_PageUp] = K::PageUp;
    io.KeyMap[ImGuiKey_PageDown] = K::PageDown;
    io.KeyMap[ImGuiKey_Home] = K::Home;
    io.KeyMap[ImGuiKey_End] = K::End;
    io.KeyMap[ImGuiKey_Insert] = K::Insert;
    io.KeyMap[ImGuiKey_Delete] = K::Delete;
    io.KeyMap[ImGuiKey_Backspace] = K::BackSpace;
    io.KeyMap[ImGuiKey_Space] = K::Space;
    io.KeyMap[ImGuiKey_Enter] = K::Enter;
    io.KeyMap[ImGuiKey_Escape] = K::Escape;
    io.KeyMap[ImGuiKey_KeyPadEnter] = K::Enter;  // SFML 2.5 does not tell the keypad Enter apart
    io.KeyMap[ImGuiKey_A] = K::A;
    io.KeyMap[ImGuiKey_C] = K::C;
    io.KeyMap[ImGuiKey_V] = K::V;
    io.KeyMap[ImGuiKey_X] = K::X;
    io.KeyMap[ImGuiKey_Y] = K::Y;
    io.KeyMap[ImGuiKey_Z] = K::Z;
}

int mouse_index(sf::Mouse::Button b) {
    switch (b) {
        case sf::Mouse::Left: return 0;
        case sf::Mouse::Right: return 1;
        case sf::Mouse::Middle: return 2;
        case sf::Mouse::XButton1: return 3;
        case sf::Mouse::XButton2: return 4;
        default: return -1;
    }
}

// ============================================================================
// 2. Clipboard
// ============================================================================

const char* get_clipboard(void* user_data) {
    auto* text = static_cast<std::string*>(user_data);
    const auto utf8 = sf::Clipboard::getString().toUtf8();
    text->assign(utf8.begin(), utf8.end());
    return text->c_str();
}

void set_clipboard(void*, const char* text) {
    sf::Clipboard::setString(sf::String::fromUtf8(text, text + std::char_traits<char>::length(text)));
}

// System cursors, loaded once and kept for the life of the process: a window keeps using the
// last cursor it was given, and SFML re-applies it while closing, so freeing one earlier is
// an X error that ends the program.
sf::Cursor* system_cursor(int imgui_cursor) {
    static std::array<sf::Cursor*, ImGuiMouseCursor_COUNT> cursors = [] {
        std::array<sf::Cursor*, ImGuiMouseCursor_COUNT> all{};
        const std::pair<ImGuiMouseCursor, sf::Cursor::Type> shapes[] = {
            {ImGuiMouseCursor_Arrow, sf::Cursor::Arrow},
            {ImGuiMouseCursor_TextInput, sf::Cursor::Text},
            {ImGuiMouseCursor_ResizeAll, sf::Cursor::SizeAll},
            {ImGuiMouseCursor_ResizeNS, sf::Cursor::SizeVertical},
            {ImGuiMouseCursor_ResizeEW, sf::Cursor::SizeHorizontal},
            {ImGuiMouseCursor_ResizeNESW, sf::Cursor::SizeBottomLeftTopRight},
            {ImGuiMouseCursor_ResizeNWSE, sf::Cursor::SizeTopLeftBottomRight},
            {ImGuiMouseCursor_Hand, sf::Cursor::Hand},
            {ImGuiMouseCursor_NotAllowed, sf::Cursor::NotAllowed},
        };
        for (const auto& [imgui, sfml] : shapes) {
            auto* cursor = new sf::Cursor;   // never freed, see above
            if (cursor->loadFromSystem(sfml)) all[static_cast<std::size_t>(imgui)] = cursor;
            else delete cursor;
        }
        return all;
    }();
    if (imgui_cursor < 0 || imgui_cursor >= ImGuiMouseCursor_COUNT) return nullptr;
    return cursors[static_cast<std::size_t>(imgui_cursor)] ? cursors[static_cast<std::size_t>(imgui_cursor)]
                                                            : cursors[ImGuiMouseCursor_Arrow];
}

}  // namespace

// ============================================================================
// 3. Construction and teardown
// ============================================================================

Platform::Platform(sf::RenderWindow& window) : window_(&window) {
    IMGUI_CHECKVERSION();
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "parley_sfml";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.IniFilename = nullptr;   // layout is the program's, not a file beside the binary
    map_keys(io);
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
    io.ClipboardUserData = &clipboard_;

    window_->setActive(true);
    ImGui_ImplOpenGL3_Init("#version 130");
}

Platform::~Platform() {
    window_->setActive(true);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui::DestroyContext(context_);
}

void Platform::window_recreated() {
    window_->setActive(true);
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplOpenGL3_Init("#version 130");
    last_cursor_ = -2;
    mouse_pressed_ = {};
    mouse_down_ = {};
    ImGuiIO& io = ImGui::GetIO();
    for (bool& k : io.KeysDown) k = false;
    io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
}

void Platform::reload_fonts_texture() {
    window_->setActive(true);
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

// ============================================================================
// 4. Events
// ============================================================================

void Platform::process_event(const sf::Event& event) {
    ImGuiIO& io = ImGui::GetIO();
    switch (event.type) {
        case sf::Event::MouseMoved:
            io.MousePos = ImVec2(static_cast<float>(event.mouseMove.x),
                                 static_cast<float>(event.mouseMove.y));
            break;
        case sf::Event::MouseLeft:
            io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
            break;
        case sf::Event::MouseButtonPressed: {
            io.MousePos = ImVec2(static_cast<float>(event.mouseButton.x),
                                 static_cast<float>(event.mouseButton.y));
            const int i = mouse_index(event.mouseButton.button);
            if (i >= 0) mouse_pressed_[i] = mouse_down_[i] = true;
            break;
        }
        case sf::Event::MouseButtonReleased: {
            const int i = mouse_index(event.mouseButton.button);
            if (i >= 0) mouse_down_[i] = false;
            break;
        }
        case sf::Event::MouseWheelScrolled:
            if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel)
                io.MouseWheel += event.mouseWheelScroll.delta;
            else
                io.MouseWheelH += event.mouseWheelScroll.delta;
            break;
        case sf::Event::KeyPressed:
        case sf::Event::KeyReleased: {
            const bool down = event.type == sf::Event::KeyPressed;
            const int code = event.key.code;
            if (code >= 0 && code < static_cast<int>(IM_ARRAYSIZE(io.KeysDown))) io.KeysDown[code] = down;
            io.KeyCtrl = event.key.control;
            io.KeyShift = event.key.shift;
            io.KeyAlt = event.key.alt;
            io.KeySuper = event.key.system;
            break;
        }
        case sf::Event::TextEntered:
            // Control characters arrive as key presses; only printable text goes in.
            if (event.text.unicode >= 32 && event.text.unicode != 127)
                io.AddInputCharacter(event.text.unicode);
            break;
        case sf::Event::GainedFocus:
            io.AddFocusEvent(true);
            break;
        case sf::Event::LostFocus:
            io.AddFocusEvent(false);
            mouse_down_ = {};
            break;
        case sf::Event::Resized:
            window_->setView(sf::View(sf::FloatRect(0.f, 0.f, static_cast<float>(event.size.width),
                                                    static_cast<float>(event.size.height))));
            break;
        default:
            break;
    }
}

// ============================================================================
// 5. Frames and cursors
// ============================================================================

void Platform::new_frame(sf::Time dt) {
    ImGuiIO& io = ImGui::GetIO();
    const sf::Vector2u size = window_->getSize();
    io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
    io.DisplayFramebufferScale = ImVec2(1.f, 1.f);
    const float seconds = dt.asSeconds();
    io.DeltaTime = seconds > 0.f ? seconds : 1.f / 60.f;
    for (std::size_t i = 0; i < mouse_down_.size(); ++i) {
        io.MouseDown[i] = mouse_pressed_[i] || mouse_down_[i];
        mouse_pressed_[i] = false;
    }
    window_->setActive(true);
    ImGui_ImplOpenGL3_NewFrame();
    use_nearest_filtering_for_fonts();
    ImGui::NewFrame();
}

// Glyphs are rasterised at their exact size and drawn on whole pixels (PixelSnapH, positions
// floored), so nearest-texel sampling draws them exactly as linear filtering would; for Mesa's
// software renderer it is the cheaper fragment path, and every pixel of every panel samples
// this texture.
void Platform::use_nearest_filtering_for_fonts() {
    const auto id = static_cast<GLuint>(reinterpret_cast<std::uintptr_t>(ImGui::GetIO().Fonts->TexID));
    if (id == 0 || id == nearest_texture_) return;
    GLint bound = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    glBindTexture(GL_TEXTURE_2D, id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
    nearest_texture_ = id;
}

void Platform::render() {
    update_cursor();
    ImGui::Render();
    window_->setActive(true);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Platform::update_cursor() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.ConfigFlags & ImGuiConfigFlags_NoMouseCursorChange) return;
    const int wanted = io.MouseDrawCursor ? ImGuiMouseCursor_None : ImGui::GetMouseCursor();
    if (wanted == last_cursor_) return;
    last_cursor_ = wanted;
    if (wanted == ImGuiMouseCursor_None) {
        window_->setMouseCursorVisible(false);
        return;
    }
    window_->setMouseCursorVisible(true);
    if (sf::Cursor* cursor = system_cursor(wanted)) window_->setMouseCursor(*cursor);
}

}  // namespace parley::ui
