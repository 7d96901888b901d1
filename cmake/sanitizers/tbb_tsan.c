/* Makes oneTBB's synchronisation visible to ThreadSanitizer; preloaded by scripts/sanitize.sh
 * thread (LD_PRELOAD and INTEL_LIBITTNOTIFY64). docs/reliability.md "Sanitizers".
 *
 * Why: Debian's libtbb.so.12 is not built with -fsanitize=thread, so TSan sees none of the
 * atomics by which TBB hands a spawned task to another thread, returns a finished one to the
 * waiting thread, or recycles a task's memory. Every write made before a parallel_for and read
 * by a worker, every result read after it, and every task object built in memory a worker freed
 * then looks like a data race: hundreds of reports whose racing frames are ours (or TBB's inline
 * header code), which no suppression of libtbb frames can remove. A run on one thread has none.
 *
 * What: each entry into libtbb that publishes or takes work is made a release or acquire of one
 * sync object, the edges TBB guarantees: spawn (release), allocate (acquire: memory a worker
 * freed), deallocate at a task's end (release), execute_and_wait and wait (acquire: the join);
 * and libtbb's own ITT notices (it is built with the ITT API Intel Inspector uses) of taking a
 * task from another thread's pool (acquire). The calls from our code reach libtbb through the
 * PLT, so a preloaded definition takes them and forwards to the real one.
 *
 * The cost: one object for all tasks orders more than TBB does, so a race between two tasks is
 * reported only when TSan sees both run without a TBB call in between; a race that shows on
 * every step (such as a shared counter) still shows. A TBB built with -fsanitize=thread would be
 * exact; Debian ships none. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <sanitizer/tsan_interface.h>
#include <stddef.h>

static char scheduler; /* the one sync object */

/* Weak: a program without TSan (cmake, python3 under ctest) loads this library harmlessly. */
#pragma weak __tsan_acquire
#pragma weak __tsan_release
#define __tsan_acquire(p) (__tsan_acquire ? __tsan_acquire(p) : (void)0)
#define __tsan_release(p) (__tsan_release ? __tsan_release(p) : (void)0)

#define REAL(type, name) \
  static type* real;     \
  if (!real) real = (type*)dlsym(RTLD_NEXT, name)

/* tbb::detail::r1::spawn(d1::task&, d1::task_group_context&) */
void _ZN3tbb6detail2r15spawnERNS0_2d14taskERNS2_18task_group_contextE(void* t, void* ctx) {
  typedef void f(void*, void*);
  REAL(f, "_ZN3tbb6detail2r15spawnERNS0_2d14taskERNS2_18task_group_contextE");
  __tsan_release(&scheduler);
  real(t, ctx);
}

/* tbb::detail::r1::spawn(d1::task&, d1::task_group_context&, d1::slot_id) */
void _ZN3tbb6detail2r15spawnERNS0_2d14taskERNS2_18task_group_contextEt(void* t, void* ctx,
                                                                      unsigned short id) {
  typedef void f(void*, void*, unsigned short);
  REAL(f, "_ZN3tbb6detail2r15spawnERNS0_2d14taskERNS2_18task_group_contextEt");
  __tsan_release(&scheduler);
  real(t, ctx, id);
}

/* tbb::detail::r1::allocate(d1::small_object_pool*&, size_t[, const d1::execution_data&]) */
void* _ZN3tbb6detail2r18allocateERPNS0_2d117small_object_poolEm(void* pool, size_t n) {
  typedef void* f(void*, size_t);
  REAL(f, "_ZN3tbb6detail2r18allocateERPNS0_2d117small_object_poolEm");
  void* p = real(pool, n);
  __tsan_acquire(&scheduler);
  return p;
}
void* _ZN3tbb6detail2r18allocateERPNS0_2d117small_object_poolEmRKNS2_14execution_dataE(
    void* pool, size_t n, const void* ed) {
  typedef void* f(void*, size_t, const void*);
  REAL(f, "_ZN3tbb6detail2r18allocateERPNS0_2d117small_object_poolEmRKNS2_14execution_dataE");
  void* p = real(pool, n, ed);
  __tsan_acquire(&scheduler);
  return p;
}

/* tbb::detail::r1::deallocate(d1::small_object_pool&, void*, size_t[, const execution_data&]) */
void _ZN3tbb6detail2r110deallocateERNS0_2d117small_object_poolEPvm(void* pool, void* p, size_t n) {
  typedef void f(void*, void*, size_t);
  REAL(f, "_ZN3tbb6detail2r110deallocateERNS0_2d117small_object_poolEPvm");
  __tsan_release(&scheduler);
  real(pool, p, n);
}
void _ZN3tbb6detail2r110deallocateERNS0_2d117small_object_poolEPvmRKNS2_14execution_dataE(
    void* pool, void* p, size_t n, const void* ed) {
  typedef void f(void*, void*, size_t, const void*);
  REAL(f, "_ZN3tbb6detail2r110deallocateERNS0_2d117small_object_poolEPvmRKNS2_14execution_dataE");
  __tsan_release(&scheduler);
  real(pool, p, n, ed);
}

/* tbb::detail::r1::execute_and_wait(task&, task_group_context&, wait_context&, task_group_context&)
 */
void _ZN3tbb6detail2r116execute_and_waitERNS0_2d14taskERNS2_18task_group_contextERNS2_12wait_contextES6_(
    void* t, void* ctx, void* w, void* wctx) {
  typedef void f(void*, void*, void*, void*);
  REAL(f,
       "_ZN3tbb6detail2r116execute_and_waitERNS0_2d14taskERNS2_18task_group_contextERNS2_12wait_"
       "contextES6_");
  __tsan_release(&scheduler);
  real(t, ctx, w, wctx);
  __tsan_acquire(&scheduler);
}

/* tbb::detail::r1::wait(d1::wait_context&, d1::task_group_context&) */
void _ZN3tbb6detail2r14waitERNS0_2d112wait_contextERNS2_18task_group_contextE(void* w, void* ctx) {
  typedef void f(void*, void*);
  REAL(f, "_ZN3tbb6detail2r14waitERNS0_2d112wait_contextERNS2_18task_group_contextE");
  __tsan_release(&scheduler);
  real(w, ctx);
  __tsan_acquire(&scheduler);
}

/* The ITT collector side (INTEL_LIBITTNOTIFY64, INTEL_ITTNOTIFY_GROUPS=sync): libtbb looks these
 * up by name; __itt_api_version marks the current interface. */
void __itt_api_version(void) {}
void __itt_sync_acquired(void* addr) {
  (void)addr;
  __tsan_acquire(&scheduler);
}
void __itt_sync_releasing(void* addr) {
  (void)addr;
  __tsan_release(&scheduler);
}
void __itt_sync_prepare(void* addr) { (void)addr; }
void __itt_sync_cancel(void* addr) { (void)addr; }
