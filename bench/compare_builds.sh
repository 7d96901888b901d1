#!/usr/bin/env bash
# Two or more builds of `wellsim` on the community model at 1,000,000 people, interleaved, for a
# shared machine (docs/performance.md, "Step time without changing results"). Each repeat runs,
# per build: the CSR yardstick (wall and CPU ms/step, the same moment's machine), a 1-step run
# (setup) and the 52-step run with --profile, both under /usr/bin/time. Step CPU =
# (CPU of 52 steps - CPU of 1 step) / 51 is what a busy machine disturbs least; wall ms/step
# and the profile are printed too. Each build's 52-step run file is kept, for
# scripts/compare_runs.py between builds.
# Usage: bench/compare_builds.sh REPEATS OUT_DIR WELLSIM... (e.g. a copy of main's and this build)
set -euo pipefail
repeats=$1 out=$2
shift 2
mkdir -p "$out"
yard=${YARDSTICK:-build/bench/wellsim_bench_yardstick}
for r in $(seq "$repeats"); do
  for exe in "$@"; do
    tag=$(basename "$exe")
    echo "== $tag repeat $r, $(date -u +%T), load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "  yardstick: $("$yard" bench/ws_1m.toml --steps 10 --reps 3 --threads 2 2>/dev/null |
      grep 'yardstick loop')"
    /usr/bin/time -f "  1 step: CPU %U s user %S s sys" "$exe" run bench/town_1m.toml --steps 1 \
      -o "$out/$tag.1.h5" --overwrite 2>&1 | grep "1 step"
    /usr/bin/time -f "  52 steps: CPU %U s user %S s sys, peak RSS %M kB" "$exe" run \
      bench/town_1m.toml -o "$out/$tag.h5" --overwrite --profile 2>&1 |
      grep -E "ms/step|^    [a-z]|52 steps"
  done
done
echo "# load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
