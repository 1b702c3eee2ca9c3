// The conversation so far as chat bubbles: the client on the left (with the body-language cue
// under the line), the trainee on the right, notes from the negotiation table centred.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace parley::ui {

struct DialogueEntry {
    enum class Speaker { Client, Trainee, Note };
    Speaker speaker = Speaker::Client;
    std::string who;    // name shown above the bubble
    std::string text;
    std::string cue;    // client only: what the trainee sees (italic-like, muted)
    ImU32 accent = 0;   // client: the emotion's colour as a thin bar; 0 = none
};

// Draws entries top to bottom in a scrolling region of `size`. When `follow` is set the view
// scrolls to the newest entry (set it for one frame after a new entry arrives).
void dialogue_view(const char* id, const std::vector<DialogueEntry>& entries, ImVec2 size, bool follow);

}  // namespace parley::ui
