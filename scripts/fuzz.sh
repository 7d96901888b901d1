#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang into build-fuzz/ and runs one:
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]
#   scripts/fuzz.sh all SECONDS       every target in turn, SECONDS each
# TARGET: scenario, edge_list, graphml, graphviz, run_reader (or fuzz_<name>).
# The seeds are tests/fuzz/corpus/fuzz_TARGET/ (read only); what the fuzzer adds goes to
# build-fuzz/corpus/fuzz_TARGET/ and crashing inputs to tests/fuzz/crashes/fuzz_TARGET/, to be
# kept as regression inputs. Exit status: 0 when no target crashed, 1 otherwise.
# WELLSIM_FUZZ_STRICT=1 also treats exceptions other than sim::InputError as findings
# (fuzz/fuzz_support.hpp). docs/reliability.md "Fuzzing" has the results so far.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
if [ $# -lt 2 ]; then
  echo "usage: scripts/fuzz.sh TARGET|all SECONDS [libFuzzer options...]" >&2
  exit 2
fi
target=$1 seconds=$2
shift 2
targets=(scenario edge_list graphml graphviz run_reader)
[ "$target" = all ] || targets=("${target#fuzz_}")

# clang is needed only here: installed on first use, like scripts/install-deps.sh does.
if ! command -v clang++ >/dev/null; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  echo "fuzz: installing clang" >&2
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang >/dev/null
fi
[ -f build-fuzz/CMakeCache.txt ] ||
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1" \
    -DWELLSIM_FUZZ=ON -DWELLSIM_BUILD_TESTS=OFF -DWELLSIM_BUILD_BENCH=OFF \
    -DWELLSIM_CHECK_LAYERS=OFF -DWELLSIM_BUILD_VIEWER=OFF ${WELLSIM_FUZZ_CMAKE_ARGS:-} >/dev/null
cmake --build build-fuzz -j "${WELLSIM_FUZZ_JOBS:-$(nproc)}" --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
failed=0
for t in "${targets[@]}"; do
  name=fuzz_$t
  mkdir -p "build-fuzz/corpus/$name" "tests/fuzz/crashes/$name"
  echo "fuzz: $name for ${seconds}s" >&2
  # -timeout: an input that takes over 10 s is a hang; -rss_limit_mb: runaway memory.
  "build-fuzz/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$root/tests/fuzz/crashes/$name/" -print_final_stats=1 "$@" \
    "build-fuzz/corpus/$name" "tests/fuzz/corpus/$name" || failed=1
done
exit $failed
