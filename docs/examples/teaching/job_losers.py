#!/usr/bin/python3
"""People who lost their job in the policy run and not in the baseline (common random numbers:
the same person, the same draws), most ties first: someone whose ripple a class can follow.

usage: job_losers.py POLICY.h5 BASELINE.h5 [FIRST_WEEK [LAST_WEEK]]
prints: id week ties household, one person a line (id as `wellsim view --select` and
        `--fork-person` take it; household as `--fork-household` takes it)
"""
import signal
import sys

import h5py


def job_losses(path, first, last):
    with h5py.File(path, "r") as f:
        events = f["events"]
        kinds = [k.decode() if isinstance(k, bytes) else k for k in events.attrs["kinds"]]
        loss = kinds.index("job_loss")
        kind, step, agent = events["kind"][...], events["step"][...], events["agent"][...]
    hit = (kind == loss) & (step >= first) & (step <= last)
    return dict(zip(agent[hit].tolist(), step[hit].tolist()))


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head -1` is how the guide uses it
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip().splitlines()[-2])
    policy, baseline = sys.argv[1], sys.argv[2]
    first = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    last = int(sys.argv[4]) if len(sys.argv) > 4 else 10**9
    lost = job_losses(policy, first, last)
    never = set(job_losses(baseline, 0, 10**9))
    with h5py.File(policy, "r") as f:
        offsets = f["network/offsets"][...]
        ids = f["agents/original_id"][...]
        households = f["people/household"][...]
    people = [(a, w, int(offsets[a + 1] - offsets[a])) for a, w in lost.items() if a not in never]
    for a, week, ties in sorted(people, key=lambda p: (-p[2], p[0])):
        print(ids[a], week, ties, households[a])


if __name__ == "__main__":
    main()
