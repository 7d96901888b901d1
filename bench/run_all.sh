#!/usr/bin/env bash
# Every benchmark of docs/performance.md in sequence (never two at once: 2 cores), with the
# machine and its load recorded. About 3 minutes on the 2-core reference machine.
#
# Usage: bench/run_all.sh [BUILD_DIR=build-bench] [REPS=5] 2>&1 | tee /tmp/wellsim_bench.log
set -euo pipefail
build=${1:-build-bench}
reps=${2:-5}
edges=/tmp/wellsim_ws_1m.edges
writer=/tmp/wellsim_bench_writer.h5
y="$build/bench/wellsim_bench_yardstick"

note() { echo; echo "## $* -- $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"; }
note "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/ {print $2}') GB;" \
  "git $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- sim models output cli || echo ' + local changes')"
note "step time, ordering auto (reverse Cuthill-McKee); writer deflate 0 (the default)"
"$y" bench/ws_1m.toml --reps "$reps" --threads 1 2 --write-edges "$edges" --writer "$writer"
note "writer deflate 1"
"$y" bench/ws_1m.toml --reps "$reps" --threads 2 --writer "$writer" --set output.compression=1
note "step time, ordering none (generator ring order)"
"$y" bench/ws_1m.toml --reps "$reps" --threads 1 2 --set network.ordering=none
note "scipy.sparse"
/usr/bin/python3 bench/scipy_spmv.py "$edges" --steps 52 --reps "$reps"
note "edge-list load"
"$build/bench/wellsim_bench_load" "$edges" --reps "$reps"
note "whole runs"
bench/whole_run.sh "$build" 3
rm -f "$writer"
note "done"
