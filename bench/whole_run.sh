#!/usr/bin/env bash
# Whole-run measurement (docs/performance.md): the real `wellsim run` command on the benchmark
# scenarios, REPS times each, one at a time. Per run: the setup and step times `wellsim run`
# prints (its "steps" clock includes the writer's on_start: population and network datasets),
# wall time and peak resident memory from /usr/bin/time -v, and the run file's size; then the
# median of each column per configuration. The no-output baseline is the engine-only figure of
# wellsim_bench_yardstick.
#
# Usage: bench/whole_run.sh [BUILD_DIR=build-bench] [REPS=3]   (from the repository root)
set -euo pipefail
build=${1:-build-bench}
reps=${2:-3}
out=${TMPDIR:-/tmp}/wellsim_bench_run.h5
log=$(mktemp)
rows=$(mktemp)
trap 'rm -f "$log" "$rows" "$out"' EXIT

configs=(
  "ws_1m/deflate1|bench/ws_1m.toml|--set output.compression=1"
  "ws_1m/deflate0|bench/ws_1m.toml|--set output.compression=0"
)
[[ -f /tmp/wellsim_ws_1m.edges ]] && configs+=("ws_1m_edges/deflate0|bench/ws_1m_edges.toml|")

fmt='%-22s %3s %8s %9s %8s %8s %9s %8s %10s %8s\n'
echo "# $(date -u +%FT%TZ) $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "$fmt" config rep setup_s network_s freeze_s steps_s ms/step wall_s maxrss_MB file_MB
for config in "${configs[@]}"; do
  IFS='|' read -r label scenario sets <<<"$config"
  for r in $(seq "$reps"); do
    # shellcheck disable=SC2086  # $sets is a list of words
    /usr/bin/time -v "$build/wellsim" run "$scenario" $sets -o "$out" --overwrite \
      --progress never >"$log" 2>&1 || { cat "$log"; exit 1; }
    # "time: setup 3.51 s (network 0.17 s, freeze 3.20 s), steps 1.92 s (36.92 ms/step)"
    read -r setup network freeze steps per_step < <(sed -nE 's/.*setup ([0-9.]+) s \(network '\
'([0-9.]+) s, freeze ([0-9.]+) s\), steps ([0-9.]+) s \(([0-9.]+) ms.*/\1 \2 \3 \4 \5/p' "$log")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0;
      for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$log")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
    size=$(du -m --apparent-size "$out" | cut -f1)
    printf "$fmt" "$label" "$r" "$setup" "$network" "$freeze" "$steps" "$per_step" "$wall" \
      "$rss" "$size" | tee -a "$rows"
  done
done
echo "# medians over $reps runs"
for config in "${configs[@]}"; do
  label=${config%%|*}
  cols=()
  for c in $(seq 3 10); do
    cols+=("$(awk -v l="$label" -v c="$c" '$1 == l {print $c}' "$rows" | sort -g |
      awk '{v[NR] = $1} END {print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}')")
  done
  printf "$fmt" "$label" med "${cols[@]}"
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
