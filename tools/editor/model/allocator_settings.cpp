#include "allocator_settings.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace parley::editor {

void apply_allocator_settings() {
#if defined(__GLIBC__)
    mallopt(M_MXFAST, 0);   // no fast bins (see the header)
#endif
}

}  // namespace parley::editor
