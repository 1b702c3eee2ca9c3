// Located diagnostics, collected rather than thrown: a loader reports every problem in one pass.
#pragma once

#include <string>
#include <vector>

namespace parley {

enum class Severity { Error, Warning };

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;
    int line = 0;       // 1-based; 0 when unknown
    int column = 0;     // 1-based, in bytes; 0 when unknown
    std::string pointer;  // JSON pointer of the offending value ("" = whole document)
    std::string message;
};

// "FILE:LINE:COL: error: MESSAGE (at /json/pointer)", the form editors jump to.
std::string format(const Diagnostic& d);

struct Diagnostics {
    std::vector<Diagnostic> items;

    void add(Diagnostic d) { items.push_back(std::move(d)); }
    std::size_t errors() const;
    std::size_t warnings() const;
    bool ok() const { return errors() == 0; }
};

}  // namespace parley
