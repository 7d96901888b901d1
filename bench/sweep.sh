#!/usr/bin/env bash
# The sweep machinery's cost (issue 10), three figures for docs/performance.md:
#   1. overhead per task: a 20-task sweep of the default 20,000-person town against
#      `wellsim run --replicates 20` of the same runs (the yardstick), one at a time on one
#      thread, interleaved, REPS times each; and `--status` of the finished sweep.
#   2. 1,000 tasks (a 50-agent opinion model, 5 weeks: the runs are trivial, the bookkeeping is
#      not) planned, statused and merged, each timed, with the merge's peak memory against a
#      100-task merge of the same experiment (streamed: it should not grow with the tasks).
#   3. a 10,000-task plan written as a Slurm array with --tasks-per-job 10 (1,000 elements, under
#      Slurm's default MaxArraySize of 1001).
#   bench/sweep.sh [BUILD_DIR] [REPS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
reps=${2:-5}
wellsim=$build/wellsim
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
secs() { /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>&1 || true; tail -1 "$work/t"; }
# CPU seconds (user + system): on a shared machine far steadier than wall time for one thread.
cpu() { /usr/bin/time -f "%U %S" -o "$work/t" "$@" >/dev/null 2>&1 || true; tail -1 "$work/t" | awk '{printf "%.2f", $1 + $2}'; }

cat > twenty.toml <<TOML
[experiment]
name = "twenty"
scenarios = ["$root/scenarios/default.toml"]
replicates = 20
[set]
run.steps = 52
TOML
echo "== 1. 20 tasks of the 20,000-person town (52 weeks, 1 thread, one at a time):"
echo "   run --replicates 20 (yardstick) vs sweep of the same 20 tasks, interleaved"
for i in $(seq "$reps"); do
  rm -rf rs sw
  mkdir rs
  r=$(cpu "$wellsim" run "$root/scenarios/default.toml" --steps 52 --seed 1 --threads 1 \
    --replicates 20 --jobs 1 -o rs/run.h5 -q)
  s=$(cpu "$wellsim" sweep twenty.toml -o sw -j 1 --threads 1 -q)
  st=$(cpu "$wellsim" sweep twenty.toml -o sw --status)
  echo "rep $i: CPU s: run-set $r, sweep $s, sweep/run-set $(echo "$s / $r" | bc -l | cut -c1-6), status $st"
done

cat > tiny.toml <<'TOML'
[run]
steps = 5
[network]
source = "watts_strogatz"
n = 50
k = 4
p = 0.1
[output]
layout = false
TOML
many() {  # many NAME POINTS REPLICATES
  cat > "$1.toml" <<TOML
[experiment]
name = "$1"
scenarios = ["$work/tiny.toml"]
replicates = $3
[design]
kind = "lhs"
points = $2
seed = 5
[[factor]]
name = "wellbeing.susceptibility"
min = 0.1
max = 0.9
[[factor]]
name = "network.p"
min = 0.01
max = 0.5
TOML
}
echo "== 2. 1,000 tasks: plan (first --status), run, status, merge; merge memory vs 100 tasks"
many k1 100 10
many h1 10 10
echo "plan+status (empty dir): $(secs "$wellsim" sweep k1.toml -o k1 --status) (s, KiB)"
"$wellsim" sweep k1.toml -o k1 -q
"$wellsim" sweep h1.toml -o h1 -q
echo "status (1,000 done):     $(secs "$wellsim" sweep k1.toml -o k1 --status) (s, KiB)"
echo "merge 1,000 tasks:       $(secs "$wellsim" merge k1 -o k1.h5) (s, KiB)"
echo "merge   100 tasks:       $(secs "$wellsim" merge h1 -o h1.h5) (s, KiB)"

echo "== 3. 10,000 tasks as a Slurm array of 10 per element"
many k10 1000 10
/usr/bin/time -f "planned and written in %e s" "$wellsim" sweep k10.toml -o k10 --slurm \
  --tasks-per-job 10
grep '^#SBATCH --array' k10/slurm/sweep-1.sbatch
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
