// Background work that must never compete with the window's frames (the analysis, autosave):
// the calling thread is put in Linux's SCHED_IDLE class (it runs only on a core nothing else
// wants) and at niceness 19, for the thread alone, not the process.
#pragma once

namespace parley::editor {

// Lowers the calling thread's priority as above. False when the system refused both.
bool lower_this_thread_priority();

// The calling thread's id for the kernel (gettid), so a test can look at a worker's priority.
long this_thread_kernel_id();

}  // namespace parley::editor
