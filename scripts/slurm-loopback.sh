#!/usr/bin/env bash
# Start or stop a one-node Slurm cluster on loopback for tests (Debian 12, slurm-wlm 22.05, munge).
#   usage: slurm-loopback.sh start|stop DIR        (as root)
# start: installs slurm-wlm/munge if missing; runs munged, slurmctld and slurmd with their key,
#   socket, pid files, logs and state all under DIR; waits until the node is up (idle) and prints
#   `export SLURM_CONF=DIR/slurm.conf`.  Daemons already running from DIR are kept (idempotent).
# stop: cancels the cluster's jobs, then stops only the daemons whose pids it recorded in DIR.
# One cluster per machine at a time (fixed ports 16817/16818).
# Copied from /work/shared/cluster/slurm-loopback.sh (the shared notes on these machines, whose
# README records what was checked: 2 cores, Debian 12, as root) because CI machines have no
# /work/shared. tests/batch/slurm_fixture.sh runs it; change both copies together.
set -euo pipefail
case ${1:-}/${2:-} in start/?*|stop/?*) cmd=$1 dir=$2;; *) echo "usage: $0 start|stop DIR" >&2; exit 2;; esac
[ "$cmd" = start ] || [ -d "$dir" ] || exit 0    # stop: no DIR, nothing to stop
mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
export SLURM_CONF=$dir/slurm.conf

# running PID NAME: PID is a live (not zombie) process named NAME.
running() { local c s; read -r _ c s _ 2>/dev/null <"/proc/$1/stat" && [ "$c" = "($2)" ] && [ "$s" != Z ]; }
# alive NAME: the pid recorded in DIR/NAME.pid is a running NAME (a stale or reused pid is not).
alive() { local pid; pid=$(cat "$dir/$1.pid" 2>/dev/null) && running "$pid" "$1"; }
stop() {
  local p pid
  if alive slurmctld && alive slurmd && alive munged; then
    scancel --quiet --partition=debug 2>/dev/null || true
    for _ in $(seq 20); do [ -z "$(timeout 5 squeue -h 2>/dev/null)" ] && break; sleep 0.5; done
  fi
  for p in slurmd slurmctld munged; do
    if alive $p; then
      pid=$(cat "$dir/$p.pid"); kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do running "$pid" $p || break; sleep 0.2; done
      running "$pid" $p && { echo "slurm-loopback: $p ($pid) did not stop; see $dir/log" >&2; return 1; }
    fi
    rm -f "$dir/$p.pid"
  done
}
[ "$cmd" = stop ] && { stop; exit 0; }
[ "$(id -u)" -eq 0 ] || { echo "slurm-loopback: needs root" >&2; exit 1; }

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

host=$(hostname -s)
mkdir -p "$dir"/{spool,state,log,munge}
# munge: its own key, socket, pid, seed and log under DIR; the machine's /etc/munge and
# /run/munge are not used.  Slurm finds this socket through AuthInfo=socket=...
[ -f "$dir/munge/munge.key" ] || mungekey --create --keyfile="$dir/munge/munge.key"
sock=$dir/munge/munge.socket
alive munged || munged --force --key-file="$dir/munge/munge.key" --socket="$sock" \
  --pid-file="$dir/munged.pid" --log-file="$dir/log/munged.log" --seed-file="$dir/munge/seed"
cat >"$SLURM_CONF" <<CONF
ClusterName=loopback
SlurmctldHost=$host(127.0.0.1)
AuthType=auth/munge
AuthInfo=socket=$sock
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ReturnToService=2
MpiDefault=none
MailProg=/bin/true
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=2000 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
alive slurmctld || slurmctld -f "$SLURM_CONF"
alive slurmd || slurmd -f "$SLURM_CONF"
end=$((SECONDS + 60))   # by the clock: sinfo itself waits ~10 s when no controller answers
while [ $SECONDS -lt $end ]; do
  case $(timeout 5 sinfo -h -n "$host" -o %T 2>/dev/null) in  # idle when fresh; busy if kept running
    idle|mixed|allocated|completing) echo "export SLURM_CONF=$SLURM_CONF"; exit 0;;
  esac
  sleep 0.5
done
echo "slurm-loopback: node not up after 60 s; see $dir/log" >&2; stop; exit 1
