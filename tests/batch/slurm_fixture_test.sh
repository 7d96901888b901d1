#!/usr/bin/env bash
# CTest slurm_fixture: proves tests/batch/slurm_fixture.sh on a real cluster. Starts it, runs a
# 4-element job array that writes out_0..out_3, waits for it, checks each file and state, and
# stops the cluster (which must leave no daemon behind). Exits 77 (skipped) where Slurm cannot be
# installed.
set -euo pipefail
# shellcheck source=tests/batch/slurm_fixture.sh
. "$(dirname "$0")/slurm_fixture.sh"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

t0=$SECONDS
slurm_fixture_start
echo "cluster up in $((SECONDS - t0)) s ($SLURM_FIXTURE_DIR)"
cd "$SLURM_FIXTURE_DIR/work"

t1=$SECONDS
# shellcheck disable=SC2016  # expanded by the job, not here
id=$(slurm_fixture_submit --array=0-3 --wrap 'echo $SLURM_ARRAY_TASK_ID > out_$SLURM_ARRAY_TASK_ID')
[[ "$id" =~ ^[0-9]+$ ]] || fail "sbatch printed job id \"$id\""
slurm_fixture_wait "$id" 60 || fail "job array $id did not finish"
echo "job array $id finished in $((SECONDS - t1)) s"
slurm_fixture_states "$id"
[ "$(slurm_fixture_states "$id" | wc -l)" -eq 4 ] || fail "expected 4 elements of job $id"
slurm_fixture_all_completed "$id" || fail "not every element of job $id COMPLETED"
for i in 0 1 2 3; do
  [ -f "out_$i" ] || fail "out_$i missing"
  [ "$(cat "out_$i")" = "$i" ] || fail "out_$i holds \"$(cat "out_$i")\", not $i"
done

dir=$SLURM_FIXTURE_DIR
pids=$(cat "$dir"/*.pid)
cd /
t2=$SECONDS
slurm_fixture_stop || fail "slurm_fixture_stop failed"
echo "cluster stopped in $((SECONDS - t2)) s"
[ ! -e "$dir" ] || fail "$dir is still there"
for pid in $pids; do
  state=$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null || true)
  [ -z "$state" ] || [ "$state" = Z ] || fail "daemon $pid still running after stop"
done
echo "slurm_fixture: ok in $((SECONDS - t0)) s"
