/* An ITT collector that turns oneTBB's synchronisation notices into ThreadSanitizer
 * happens-before annotations (scripts/sanitize.sh thread loads it; docs/reliability.md
 * "Sanitizers").
 *
 * Why: Debian's libtbb.so.12 is not built with -fsanitize=thread, so TSan does not see the
 * atomics by which a task spawned on one thread is taken by another (the worker's deque and
 * stealing live in the library). Every write made before a parallel_for and read inside it by a
 * worker then looks like a data race: hundreds of reports with frames of ours and none of TBB's,
 * which no suppression of TBB frames can remove. oneTBB is built with the ITT notification API
 * (what Intel Inspector uses): with INTEL_LIBITTNOTIFY64 naming this library and
 * INTEL_ITTNOTIFY_GROUPS=sync, libtbb calls __itt_sync_releasing(p) when it publishes work or
 * releases a lock (spawn, task pool unlock, monitors) and __itt_sync_acquired(p) when it takes it
 * (steal, lock). Mapping them to __tsan_release(p) / __tsan_acquire(p) gives TSan exactly the
 * edges TBB guarantees, and nothing more: races between two tasks of ours are still reported.
 *
 * The exported names are those the ITT static part inside libtbb looks up (lib version 1: the
 * presence of __itt_api_version); functions it does not find keep their no-op stubs. */
#include <sanitizer/tsan_interface.h>

void __itt_api_version(void) {}

void __itt_sync_releasing(void* addr) { __tsan_release(addr); }
void __itt_sync_acquired(void* addr) { __tsan_acquire(addr); }
void __itt_sync_prepare(void* addr) { (void)addr; }
void __itt_sync_cancel(void* addr) { (void)addr; }
void __itt_sync_create(void* addr, const char* type, const char* name, int attribute) {
  (void)addr, (void)type, (void)name, (void)attribute;
}
void __itt_sync_rename(void* addr, const char* name) { (void)addr, (void)name; }
void __itt_sync_destroy(void* addr) { (void)addr; }
