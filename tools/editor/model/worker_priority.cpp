#include "worker_priority.h"

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace parley::editor {

long this_thread_kernel_id() { return static_cast<long>(::syscall(SYS_gettid)); }

bool lower_this_thread_priority() {
    // Niceness first: it is what counts should the idle class be refused (and if the thread is
    // ever moved back to SCHED_OTHER). On Linux, PRIO_PROCESS with a thread id is that thread.
    const bool niced = ::setpriority(PRIO_PROCESS, static_cast<id_t>(this_thread_kernel_id()), 19) == 0;
    sched_param param{};
    param.sched_priority = 0;
    const bool idle = ::pthread_setschedparam(::pthread_self(), SCHED_IDLE, &param) == 0;
    return niced || idle;
}

}  // namespace parley::editor
