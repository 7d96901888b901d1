#!/usr/bin/env bash
# The community model's performance requirements (docs/performance.md, "Community model"):
# the full model with the default intervention mix at 1,000,000 people (ms/step, per-mechanism
# profile, peak memory, bytes per agent) and the 20,000-person town for 520 weeks with output.
# Usage: bench/community.sh [BUILD_DIR] [REPEATS]
set -euo pipefail
build=${1:-build}
repeats=${2:-3}
exe="$build/wellsim"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "# $(date -u +%FT%TZ) $(git rev-parse --short HEAD) load: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$repeats"); do
  echo "## 1,000,000 people, 52 weeks (bench/town_1m.toml), repeat $r"
  /usr/bin/time -f "  peak RSS %M kB, wall %e s" "$exe" run bench/town_1m.toml -o "$out/t1m.h5" \
    --overwrite --profile 2>&1 | grep -v "^wrote\|scenario"
done
for r in $(seq "$repeats"); do
  echo "## 20,000 people, 520 weeks with output (scenarios/default.toml), repeat $r"
  /usr/bin/time -f "  whole command: wall %e s, peak RSS %M kB" "$exe" run scenarios/default.toml \
    --steps 520 -o "$out/town.h5" --overwrite 2>&1 | grep -E "time:|whole"
done
echo "# load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
