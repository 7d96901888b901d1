#!/usr/bin/env bash
# Builds the whole project with sanitizers and runs the test suite (CTest) under them:
#   scripts/sanitize.sh [address|thread] [ctest arguments...]
# address (default): AddressSanitizer + UndefinedBehaviorSanitizer + LeakSanitizer, into
#   build-asan/; any UB report aborts the process (-fno-sanitize-recover), so it fails its test.
# thread: ThreadSanitizer, into build-tsan/.
# Extra arguments go to ctest, e.g. `scripts/sanitize.sh thread -R '1 and 2 threads'`.
# Suppressions (each with its reason) are in cmake/sanitizers/; docs/reliability.md "Sanitizers".
# The build is RelWithDebInfo at -O1 with line tables (-g1): quicker to compile than -O2 -g, and
# asserts stay on. Benchmarks and the layer link checks are left out (no test runs them).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
kind=${1:-address}
[ $# -gt 0 ] && shift
case "$kind" in
  address) dir=build-asan; flags="address,undefined"; extra=() ;;
  # The window libraries are not instrumented and no thread test opens a window.
  thread) dir=build-tsan; flags="thread"; extra=(-DWELLSIM_BUILD_VIEWER=OFF) ;;
  *) echo "usage: scripts/sanitize.sh [address|thread] [ctest arguments...]" >&2; exit 2 ;;
esac
supp=$root/cmake/sanitizers
jobs=${WELLSIM_SANITIZE_JOBS:-$(nproc)}
[ -f "$dir/CMakeCache.txt" ] ||
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
    -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1" -DWELLSIM_SANITIZE="$flags" \
    -DWELLSIM_BUILD_BENCH=OFF -DWELLSIM_CHECK_LAYERS=OFF "${extra[@]}" ${WELLSIM_SANITIZE_CMAKE_ARGS:-} \
    >/dev/null
cmake --build "$dir" -j "$jobs"

# The test programs and every `wellsim` they start inherit these. fast_unwind_on_malloc=0: the
# leak in the GL driver is matched by its caller (cmake/sanitizers/lsan.supp says why).
export ASAN_OPTIONS="detect_leaks=1:fast_unwind_on_malloc=0:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:report_error_type=1"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
# exitcode=66: a run with a race report fails its test even when the program itself succeeded.
export TSAN_OPTIONS="suppressions=$supp/tsan.supp:print_suppressions=0:second_deadlock_stack=1:exitcode=66:halt_on_error=0"
# oneTBB's own synchronisation, made visible to TSan (cmake/sanitizers/tbb_tsan.c says why).
if [ "$kind" = thread ]; then
  export LD_PRELOAD=$root/$dir/libtbb_tsan.so INTEL_LIBITTNOTIFY64=$root/$dir/libtbb_tsan.so
  export INTEL_ITTNOTIFY_GROUPS=sync
fi
cd "$dir"
# The viewer's render tests need a display; xvfb-run gives them one where there is none.
runner=()
[ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null && runner=(xvfb-run -a)
"${runner[@]}" ctest --output-on-failure -j "$jobs" "$@"
