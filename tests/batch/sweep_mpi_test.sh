#!/usr/bin/env bash
# CTest sweep_mpi: `mpirun --oversubscribe -np 3 wellsim sweep --mpi` with real OpenMPI ranks:
# every task runs once and its file equals a local sweep's (one task at a time, one thread).
#   sweep_mpi_test.sh WELLSIM SOURCE_DIR MPIEXEC
set -euo pipefail
WELLSIM=$1
SOURCE_DIR=$2
MPIEXEC=$3
# shellcheck source=tests/batch/sweep_experiment.sh
. "$(dirname "$0")/sweep_experiment.sh"
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
write_tiny_experiment exp.toml "$SOURCE_DIR"
out=$("$MPIEXEC" --oversubscribe -n 3 "$WELLSIM" sweep exp.toml -o mpi --mpi --threads 1)
echo "$out"
grep -q "8 task(s) on 3 ranks in .* 8 done, 0 failed" <<<"$out" || fail "mpi sweep: $out"
"$WELLSIM" sweep exp.toml -o serial -j 1 --threads 1 -q
same_task_files serial mpi || fail "MPI task files differ from a serial sweep's"
# Again under MPI: nothing left to run.
out=$("$MPIEXEC" --oversubscribe -n 3 "$WELLSIM" sweep exp.toml -o mpi --mpi --threads 1)
grep -q "0 task(s) on 3 ranks" <<<"$out" || fail "rerun: $out"
echo "sweep_mpi: ok"
