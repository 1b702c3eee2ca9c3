// Diagnostics: counting and the "FILE:LINE:COL: error: MESSAGE (at /pointer)" form.
#include "parley/diagnostics.h"

namespace parley {

std::string format(const Diagnostic& d) {
    std::string out;
    if (!d.file.empty()) {
        out += d.file;
        // Line and column only when known; an editor jumps to FILE:LINE:COL.
        if (d.line > 0) {
            out += ':' + std::to_string(d.line);
            if (d.column > 0) out += ':' + std::to_string(d.column);
        }
        out += ": ";
    }
    out += d.severity == Severity::Error ? "error: " : "warning: ";
    out += d.message;
    if (!d.pointer.empty()) out += " (at " + d.pointer + ")";
    return out;
}

std::size_t Diagnostics::errors() const {
    std::size_t n = 0;
    for (const auto& d : items)
        if (d.severity == Severity::Error) ++n;
    return n;
}

std::size_t Diagnostics::warnings() const {
    return items.size() - errors();
}

}  // namespace parley
