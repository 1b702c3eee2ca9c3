// The writer's walk over the model (writer.cpp), written to an output that either builds the
// JSON document (the canonical writer) or folds its compact text straight into the content hash
// without building anything (a large scenario is built in megabytes). One walk, so the hash
// is by construction the hash of the canonical document without its wording.
#pragma once

#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "parley/model.h"

namespace parley::writer_detail {

// Where the walk writes: JSON values in document order. A value inside an object follows its
// key().
class Out {
public:
    virtual ~Out() = default;
    virtual void begin_object() = 0;
    virtual void end_object() = 0;
    virtual void begin_array() = 0;
    virtual void end_array() = 0;
    virtual void key(std::string_view k) = 0;
    virtual void integer(std::int64_t v) = 0;
    virtual void number(double v) = 0;
    virtual void boolean(bool v) = 0;
    virtual void string(std::string_view v) = 0;
};

// What to write: everything (the canonical document), or without what only words and presents
// the content (every text, an issue's display unit, sources, a persona's profile and cues) —
// the content hash's view.
enum class View { Canonical, Hashed };

void write(Out& out, const Scenario& s, View view);
void write(Out& out, const Persona& p, View view);
void write(Out& out, const CompetencyModel& m, View view);

// The view as a document (the content hash is FNV-1a 64 of its compact dump; tests check it).
template <class T>
nlohmann::ordered_json document(const T& content, View view);

}  // namespace parley::writer_detail
