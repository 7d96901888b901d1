# shellcheck shell=bash
# A real one-node Slurm cluster on loopback for tests (scripts/slurm-loopback.sh: slurm-wlm 22.05
# and munge, daemons run as root, all state in a temp dir). Source it from a bash test script;
# `set -euo pipefail` in the caller is fine:
#
#   . "$(dirname "$0")/slurm_fixture.sh"
#   slurm_fixture_start                 # or the test is skipped (exit 77): no Slurm to be had
#   cd "$SLURM_FIXTURE_DIR/work"
#   id=$(slurm_fixture_submit --array=0-3 --wrap 'echo $SLURM_ARRAY_TASK_ID > out_$SLURM_ARRAY_TASK_ID')
#   slurm_fixture_wait "$id" 60         # until no element is pending or running
#   slurm_fixture_all_completed "$id" || { slurm_fixture_states "$id" >&2; exit 1; }
#
# slurm_fixture_start
#     Installs slurm-wlm and munge if missing (needs root and apt-get). Where that cannot be done
#     it prints one line "SKIPPED: Slurm not available: <why>" and exits the calling script with 77
#     (register the test with SKIP_RETURN_CODE 77). Otherwise starts munged, slurmctld and slurmd
#     in a new dir /tmp/wellsim-slurm.XXXXXX, waits until the node is up, exports SLURM_CONF (what
#     sbatch, squeue, scontrol and scancel need) and SLURM_FIXTURE_DIR, creates
#     $SLURM_FIXTURE_DIR/work (submit from there: job output lands in the submit directory), and
#     traps EXIT (INT and TERM exit through it) to stop the cluster and remove the dir. Returns 1,
#     with the reason on stderr, when the cluster does not come up or another holds its ports.
# slurm_fixture_submit SBATCH_ARGS...
#     Runs `sbatch --parsable SBATCH_ARGS...` and prints the job id (for an array, the array's id).
# slurm_fixture_wait JOBID [TIMEOUT_S]
#     Polls `squeue -h -j JOBID -t all -o %T` every 0.5 s until no element of the job (or array)
#     is pending, running or otherwise unfinished (COMPLETING, CONFIGURING, SUSPENDED, ...).
#     Returns 1 after TIMEOUT_S (default 60), printing the states still seen on stderr.
# slurm_fixture_states JOBID
#     Prints one line "ELEMENT STATE" per element, e.g. "7_2 COMPLETED" (FAILED, CANCELLED, ...).
#     Finished jobs stay visible for 5 minutes (MinJobAge); accounting (sacct) is off.
# slurm_fixture_all_completed JOBID
#     Returns 0 when the job has elements and every one is COMPLETED.
# slurm_fixture_stop
#     Cancels the cluster's jobs, stops its daemons and removes its dir (the EXIT trap calls it;
#     calling it twice is fine). When the script is failing (non-zero exit status) the trap first
#     prints the tail of the daemons' logs to stderr.
#
# One cluster per machine at a time (fixed ports 16817/16818): give every CTest that sources this
# RESOURCE_LOCK slurm. A script that sets its own EXIT trap after slurm_fixture_start replaces this
# one and must call slurm_fixture_stop itself. A fixture killed before its trap ran (say, by a CTest
# TIMEOUT) leaves its daemons running; the next slurm_fixture_start stops them, since it records
# its owner's pid and dir in /tmp/wellsim-slurm-fixture.owner.
# Timings on a 2-core Debian 12 machine: start 0.1-1 s, a job runs about 3 s after the start (the
# scheduler's first pass), a 4-element array finishes in 4-6 s, stop takes under 1 s.

_slurm_fixture_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
_slurm_fixture_loopback=$_slurm_fixture_root/scripts/slurm-loopback.sh
# squeue states of a job that has not finished yet (see squeue(1), JOB STATE CODES).
_slurm_fixture_unfinished='^(PENDING|RUNNING|CONFIGURING|COMPLETING|SUSPENDED|REQUEUE[A-Z_]*|'\
'RESIZING|SIGNALING|STAGE_OUT|RESV_DEL_HOLD|SPECIAL_EXIT)$'
_slurm_fixture_owner=/tmp/wellsim-slurm-fixture.owner

_slurm_fixture_skip() {
  echo "SKIPPED: Slurm not available: $1"
  exit 77
}

# Prints why slurm-wlm/munge cannot be had, or nothing (and returns 0) when they are there now.
_slurm_fixture_install() {
  local tool missing=0 log
  for tool in slurmctld slurmd sbatch squeue munged mungekey; do
    command -v "$tool" >/dev/null || missing=1
  done
  [ "$missing" -eq 0 ] && [ "$(id -u)" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "needs root (the loopback cluster runs munged, slurmctld and slurmd as root)"
    return 1
  fi
  command -v apt-get >/dev/null || { echo "slurm-wlm/munge missing and no apt-get"; return 1; }
  log=$(mktemp)
  if timeout 90 bash -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -qq --no-install-recommends slurm-wlm munge' >"$log" 2>&1; then
    rm -f "$log"
    return 0
  fi
  echo "apt-get install slurm-wlm munge failed: $(grep -v '^\s*$' "$log" | tail -n 1)"
  rm -f "$log"
  return 1
}

# Stops what a fixture killed before its EXIT trap left running; fails while another lives.
_slurm_fixture_clear_stale() {
  local pid old
  [ -f "$_slurm_fixture_owner" ] || return 0
  read -r pid old <"$_slurm_fixture_owner" || return 0
  if [ "$pid" != "$$" ] && kill -0 "$pid" 2>/dev/null; then
    echo "slurm_fixture_start: the Slurm fixture of pid $pid ($old) is running;" \
      "one cluster per machine (RESOURCE_LOCK slurm)" >&2
    return 1
  fi
  if [ -d "$old" ]; then
    "$_slurm_fixture_loopback" stop "$old" >/dev/null 2>&1 || true
    rm -rf "$old"
  fi
  rm -f "$_slurm_fixture_owner"
}

# True when something listens on port 16817 or 16818 (0x41B1, 0x41B2), IPv4 or IPv6.
_slurm_fixture_ports_busy() {
  cat /proc/net/tcp /proc/net/tcp6 2>/dev/null |
    awk '$4 == "0A" && $2 ~ /:41B[12]$/ { busy = 1 } END { exit !busy }'
}

_slurm_fixture_on_exit() {
  local status=$?
  if [ "$status" -ne 0 ] && [ -d "${SLURM_FIXTURE_DIR:-}/log" ]; then
    echo "--- Slurm fixture logs (test exit status $status) ---" >&2
    tail -n 15 "$SLURM_FIXTURE_DIR"/log/*.log >&2 || true
  fi
  slurm_fixture_stop || true
  exit "$status"
}

slurm_fixture_start() {
  local why out
  why=$(_slurm_fixture_install) || _slurm_fixture_skip "$why"
  _slurm_fixture_clear_stale || return 1
  if _slurm_fixture_ports_busy; then
    echo "slurm_fixture_start: ports 16817/16818 are in use (another Slurm on this machine?)" >&2
    return 1
  fi
  # Under /tmp, not $TMPDIR: munge's socket path must stay short (108 bytes).
  SLURM_FIXTURE_DIR=$(mktemp -d /tmp/wellsim-slurm.XXXXXX)
  chmod 755 "$SLURM_FIXTURE_DIR"  # munged wants its socket's directories searchable by all
  export SLURM_FIXTURE_DIR SLURM_CONF=$SLURM_FIXTURE_DIR/slurm.conf
  echo "$$ $SLURM_FIXTURE_DIR" >"$_slurm_fixture_owner"
  trap _slurm_fixture_on_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  if ! out=$("$_slurm_fixture_loopback" start "$SLURM_FIXTURE_DIR" 2>&1); then
    echo "slurm_fixture_start: the cluster did not start: $out" >&2
    return 1
  fi
  mkdir -p "$SLURM_FIXTURE_DIR/work"
}

slurm_fixture_submit() {
  local id
  id=$(sbatch --parsable "$@") || return 1
  echo "${id%%;*}"
}

slurm_fixture_wait() {
  local id=$1 timeout=${2:-60} states="" end
  end=$((SECONDS + timeout))
  while :; do
    # A failing squeue (controller busy, unknown id) counts as not finished.
    if states=$(timeout 10 squeue -h -j "$id" -t all -o %T 2>&1) &&
      ! grep -qE "$_slurm_fixture_unfinished" <<<"$states"; then
      return 0
    fi
    if [ "$SECONDS" -ge "$end" ]; then
      echo "slurm_fixture_wait: job $id not finished after $timeout s: ${states//$'\n'/ }" >&2
      return 1
    fi
    sleep 0.5
  done
}

slurm_fixture_states() {
  timeout 10 squeue -h -j "$1" -t all -o '%i %T'
}

slurm_fixture_all_completed() {
  local states
  states=$(slurm_fixture_states "$1") || return 1
  awk '$2 != "COMPLETED" { bad = 1 } END { exit bad || NR == 0 }' <<<"$states"
}

slurm_fixture_stop() {
  local dir=${SLURM_FIXTURE_DIR:-}
  [ -n "$dir" ] || return 0
  if ! "$_slurm_fixture_loopback" stop "$dir" >&2; then
    echo "slurm_fixture_stop: daemons did not stop; left $dir" >&2
    return 1
  fi
  rm -rf "$dir"
  grep -qsF " $dir" "$_slurm_fixture_owner" && rm -f "$_slurm_fixture_owner"
  unset SLURM_FIXTURE_DIR
  return 0
}
