// Conditions: a small tree of all / any / not over leaves that test one thing each.
#include "conditions.h"

#include <algorithm>

namespace parley {

int read_value(const ClientState& state, const std::string& name) {
    if (name == "trust") return state.trust;
    if (name == "interest") return state.interest;
    if (name == "patience") return state.patience;
    auto it = state.variables.find(name);
    return it == state.variables.end() ? 0 : it->second;
}

namespace {

bool compare(int lhs, CmpOp op, int rhs) {
    switch (op) {
        case CmpOp::Lt: return lhs < rhs;
        case CmpOp::Le: return lhs <= rhs;
        case CmpOp::Eq: return lhs == rhs;
        case CmpOp::Ne: return lhs != rhs;
        case CmpOp::Ge: return lhs >= rhs;
        case CmpOp::Gt: return lhs > rhs;
    }
    return false;
}

template <class T>
bool contains(const std::vector<T>& v, const T& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

}  // namespace

bool holds(const Condition& c, const ConditionContext& ctx) {
    const ClientState& s = ctx.state;
    switch (c.kind) {
        case Condition::Kind::True: return true;
        case Condition::Kind::All:
            return std::all_of(c.children.begin(), c.children.end(),
                               [&](const Condition& x) { return holds(x, ctx); });
        case Condition::Kind::Any:
            return std::any_of(c.children.begin(), c.children.end(),
                               [&](const Condition& x) { return holds(x, ctx); });
        case Condition::Kind::Not:
            return c.children.empty() ? false : !holds(c.children.front(), ctx);
        case Condition::Kind::Compare: return compare(read_value(s, c.subject), c.op, c.value);
        case Condition::Kind::Flag: return s.flags.count(c.subject) > 0;
        case Condition::Kind::Need: return s.needs.count(c.subject) > 0;
        case Condition::Kind::Objection: {
            const bool raised = s.raised.count(c.subject) > 0;
            const bool resolved = s.resolved.count(c.subject) > 0;
            switch (c.objection_is) {
                case Condition::ObjectionIs::Raised: return raised;
                case Condition::ObjectionIs::Open: return raised && !resolved;
                case Condition::ObjectionIs::Resolved: return resolved;
            }
            return false;
        }
        case Condition::Kind::Emotion: return contains(c.emotions, s.emotion);
        case Condition::Kind::Persona: return contains(c.personas, ctx.persona);
        case Condition::Kind::Difficulty: return contains(c.difficulties, ctx.difficulty);
    }
    return false;
}

}  // namespace parley
