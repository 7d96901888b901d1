#!/usr/bin/env bash
# Builds the project with sanitizers and runs tests (CTest) under them:
#   scripts/sanitize.sh [address|thread] [ctest arguments...]
# address (default): AddressSanitizer + UndefinedBehaviorSanitizer + LeakSanitizer, into
#   build-asan/; any UB report aborts the process (-fno-sanitize-recover), so it fails its test.
#   Builds the libraries, `wellsim` and the whole Catch2 suite (the viewer included).
# thread: ThreadSanitizer, into build-tsan/, without the viewer; of the Catch2 suite only the
#   files with a test whose name mentions threads (and the TSan canaries, cmake/sanitize.cmake).
# Extra arguments go to ctest, e.g. `scripts/sanitize.sh thread -R 'thread|tsan_canary'`. The
# source and documentation checks are left out (below): the Release run (scripts/test.sh) has them.
# Suppressions (each with its reason) are in cmake/sanitizers/; docs/reliability.md "Sanitizers".
# The build is RelWithDebInfo at -O1 with line tables (-g1; under ASan the test program itself at
# -O0, cmake/sanitize.cmake), asserts on, and a unity build
# (cmake/unity.cmake): batches of 8 sources per compiler run, about 40 % less CPU than one run
# per file (docs/reliability.md "CI time"). Benchmarks and the layer link checks are left out.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
kind=${1:-address}
[ $# -gt 0 ] && shift
case "$kind" in
  address) dir=build-asan; flags="address,undefined"; extra=() ;;
  thread)
    dir=build-tsan; flags="thread"
    # The window libraries are not instrumented and no thread test opens a window.
    tests=$(grep -rlE --include='*_test.cpp' 'TEST_CASE\("[^"]*thread' tests | sort |
      sed 's/\./\\./g' | paste -sd'|')
    extra=(-DWELLSIM_BUILD_VIEWER=OFF "-DWELLSIM_TEST_SOURCE_FILTER=/($tests)\$") ;;
  *) echo "usage: scripts/sanitize.sh [address|thread] [ctest arguments...]" >&2; exit 2 ;;
esac
supp=$root/cmake/sanitizers
jobs=${WELLSIM_SANITIZE_JOBS:-$(nproc)}
# shellcheck disable=SC2086  # WELLSIM_SANITIZE_CMAKE_ARGS: several arguments on purpose
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1" -DWELLSIM_SANITIZE="$flags" \
  -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=8 \
  -DWELLSIM_BUILD_BENCH=OFF -DWELLSIM_CHECK_LAYERS=OFF "${extra[@]}" ${WELLSIM_SANITIZE_CMAKE_ARGS:-} \
  >/dev/null
cmake --build "$dir" -j "$jobs"

# The test programs and every `wellsim` they start inherit these; a few tests append to them
# (cmake/sanitize.cmake, wellsim_add_sanitizer_tests).
export ASAN_OPTIONS="detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1:abort_on_error=0"
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
# Left out here: the source checks, and the documentation checks (the commands and examples of
# docs/ run against `wellsim`, the install), which the Release run has and which would add
# their many minutes again without exercising code the Catch2 tests do not. An -E of the
# caller's is added to ours (ctest keeps only the last -E).
exclude='^(layering|layering_check_fails_on_upward_includes|function_length|clang_format'
exclude+='|runnable_docs|docs_examples|output_format_doc|install_puts_wellsim_on_path'
# Left out under ASan, each adding minutes there and no code path that a test it keeps does not
# take (docs/reliability.md "CI time"): Catch2 tests tagged [heavy] run the whole model many
# times at the process level (every scenario, resume variants); those tagged [large] are large
# by design (a sample sized for statistical power, an exhaustive enumeration, a year of a big
# town); and the tests whose name mentions threads compare thread counts, which the TSan run
# takes (scripts/sanitize.sh thread -R 'thread|tsan_canary' in .ci/run), where a thread bug shows.
if [ "$kind" = address ]; then
  while IFS= read -r name; do
    [ -n "$name" ] && exclude+="|$(printf '%s' "$name" | sed 's/[][\\.^$*+?(){}|/]/\\&/g')"
  done < <(tests/wellsim_tests --list-test-names-only '[heavy],[large]')
  exclude+='|.*thread.*'
fi
exclude+=')$'
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    -E | --exclude-regex) exclude="$exclude|$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
"${runner[@]}" ctest --output-on-failure --no-tests=error -j "$jobs" -E "$exclude" "${args[@]}"
