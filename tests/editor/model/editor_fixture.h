// Shared by the editing model's tests: the shipped content, a scratch folder per test, and a
// Document opened on a copy of the shipped scenario.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <unistd.h>

#include "document.h"
#include "parley/diagnostics.h"

namespace parley::editor::test {

namespace fs = std::filesystem;

inline fs::path shipped_root() { return fs::path(PARLEY_SOURCE_DIR) / "scenarios"; }
inline fs::path shipped_scenario() { return shipped_root() / "library" / "sme-working-capital.json"; }

inline std::shared_ptr<const ContentSet> shared_content() {
    static std::shared_ptr<const ContentSet> set = [] {
        Diagnostics diags;
        return load_shared_content(shipped_root(), diags);
    }();
    return set;
}

inline std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void spit(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

// A fresh content root (the shipped competencies and personas, a library/ folder for the
// scenarios, a state/ folder for the editor's own files), removed at the end of the test.
struct Scratch {
    explicit Scratch(const std::string& tag) {
        static int counter = 0;
        dir = fs::temp_directory_path() /
              ("parley-editor-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        fs::remove_all(dir);
        fs::create_directories(dir / "state");
        // A content root of its own, so `parley-cli` finds the personas beside the copies.
        fs::copy_file(shipped_root() / "competencies.json", dir / "competencies.json");
        fs::copy(shipped_root() / "personas", dir / "personas", fs::copy_options::recursive);
        fs::create_directories(dir / "library");
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    fs::path state() const { return dir / "state"; }
    // A copy of the shipped scenario in this folder.
    fs::path copy_shipped() const {
        const fs::path p = dir / "library" / "sme-working-capital.json";
        fs::copy_file(shipped_scenario(), p, fs::copy_options::overwrite_existing);
        return p;
    }
    std::unique_ptr<Document> open(const fs::path& file) const {
        std::string error;
        auto d = Document::open(file, shared_content(), state(), error);
        if (!d) throw std::runtime_error(error);
        return d;
    }
    fs::path dir;
};

inline std::size_t index_of(const Document& d, const std::string& id) { return d.scenario().node_index.at(id); }

}  // namespace parley::editor::test
