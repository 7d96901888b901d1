#!/usr/bin/env bash
# CTest sweep_slurm: `wellsim sweep --slurm --submit` on a real one-node Slurm (slurm_fixture.sh).
# The array runs the 8 tasks 3 per element; its files equal a local sweep's; after two task files
# are lost and one task fails, resubmitting runs only those. Exit 77 (skipped) without Slurm.
#   sweep_slurm_test.sh WELLSIM SOURCE_DIR
set -euo pipefail
WELLSIM=$1
SOURCE_DIR=$2
here=$(dirname "$0")
# shellcheck source=tests/batch/slurm_fixture.sh
. "$here/slurm_fixture.sh"
# shellcheck source=tests/batch/sweep_experiment.sh
. "$here/sweep_experiment.sh"
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

slurm_fixture_start
cd "$SLURM_FIXTURE_DIR/work"
write_tiny_experiment exp.toml "$SOURCE_DIR"

submit() {
  local out
  out=$("$WELLSIM" sweep exp.toml -o slurm --slurm --tasks-per-job 3 --submit "$@")
  echo "$out" >&2
  sed -n 's/^submitted job \([0-9]*\).*/\1/p' <<<"$out"
}
id=$(submit --sbatch-args "--time=00:05:00")
[[ "$id" =~ ^[0-9]+$ ]] || fail "no job id"
slurm_fixture_wait "$id" 90 || fail "array $id did not finish"
[ "$(slurm_fixture_states "$id" | wc -l)" -eq 3 ] || fail "expected 3 array elements"
slurm_fixture_all_completed "$id" || { slurm_fixture_states "$id" >&2; fail "elements failed"; }
status=$("$WELLSIM" sweep exp.toml -o slurm --status)
grep -q "8 done, 0 running, 0 failed, 0 missing" <<<"$status" || fail "status: $status"

"$WELLSIM" sweep exp.toml -o here -j 2 -q
same_task_files here slurm || fail "Slurm task files differ from a local sweep's"

# Lose two files, fail one more: the resubmission covers exactly those three.
rm slurm/tasks/cost_of_living_shock-p0-r0.h5 slurm/tasks/cost_of_living_support-p1-r1.h5
echo "node lost" > slurm/tasks/cost_of_living_shock-p1-r0.failed
rm slurm/tasks/cost_of_living_shock-p1-r0.h5
id=$(submit)
grep -c . slurm/slurm/tasks-2.txt | grep -qx 3 || fail "second list: $(cat slurm/slurm/tasks-2.txt)"
slurm_fixture_wait "$id" 90 || fail "array $id did not finish"
[ "$(slurm_fixture_states "$id" | wc -l)" -eq 1 ] || fail "expected 1 array element"
status=$("$WELLSIM" sweep exp.toml -o slurm --status)
grep -q "8 done" <<<"$status" || fail "status after resubmission: $status"
same_task_files here slurm || fail "resubmitted files differ"
out=$("$WELLSIM" sweep exp.toml -o slurm --slurm --submit)
grep -q "nothing to submit" <<<"$out" || fail "a complete sweep submitted again: $out"
echo "sweep_slurm: ok"
