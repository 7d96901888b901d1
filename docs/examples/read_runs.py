#!/usr/bin/python3
"""Reads a baseline and a policy replicate set and prints the headline figures of
`wellsim compare` from the run files alone (h5py and numpy; scipy for the t quantile if present).

    /usr/bin/python3 docs/examples/read_runs.py "runs/shock_r*.h5" "runs/support_r*.h5"

Conventions are those of docs/analyst-guide.md: row s >= 1 of /steps is the state after week s,
it counts 1/52 of a year in year floor((s-1)/52), discounted by 1/1.035**year; a WELLBY is worth
GBP 13,000 (2019 prices, HM Treasury Green Book wellbeing guidance 2021).
"""
import glob
import sys

import h5py
import numpy as np

RATE, WELLBY = 0.035, 13000.0
T975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262}


def t_quantile(df):
    try:
        from scipy import stats
        return float(stats.t.ppf(0.975, df))
    except ImportError:
        return T975.get(df, 1.96)


def load(path):
    """The figures one run contributes, cut to its complete steps."""
    with h5py.File(path, "r") as f:
        done = int(f["manifest"].attrs["steps_completed"])
        names = [n.decode() if isinstance(n, bytes) else n for n in f["series"].attrs["names"]]
        series = f["series/values"][: done + 1]
        cost = sum(series[:, k] for k, n in enumerate(names)
                   if n.endswith("/cost") and n.split("/")[0] in ("service", "policy"))
        rows = int(f["wellbeing"].attrs["rows"])
        steps = f["wellbeing/steps"][:rows]
        last_row = int(np.searchsorted(steps, done, side="right")) - 1
        return {
            "replicate": int(f["manifest"].attrs["replicate"]),
            "seed": int(f["manifest"].attrs["seed"]),
            "ids": f["agents/original_id"][:],
            "mean": f["steps/mean"][: done + 1],
            "cost": cost,
            "prevalence": {n.split("/")[1]: series[:, k] for k, n in enumerate(names)
                           if n.count("/") == 1 and n.startswith("prevalence/")},
            "values": f["wellbeing/values"][last_row],          # every person, last week
            "disposable": f["people/disposable"][:],             # week-0 income
        }


def discounted(x):
    s = np.arange(len(x))
    factor = 1.0 / (1.0 + RATE) ** (np.maximum(s - 1, 0) // 52)
    return float(np.sum(x[1:] * factor[1:]))


def interval(d):
    d = np.asarray(d, dtype=float)
    half = t_quantile(len(d) - 1) * d.std(ddof=1) / np.sqrt(len(d))
    return f"{d.mean():+.4f} [{d.mean() - half:+.4f}, {d.mean() + half:+.4f}]"


def main(base_glob, policy_glob):
    base = sorted((load(p) for p in glob.glob(base_glob)), key=lambda r: r["replicate"])
    pol = sorted((load(p) for p in glob.glob(policy_glob)), key=lambda r: r["replicate"])
    for b, p in zip(base, pol):  # pairing: same replicate, seed and people
        assert b["replicate"] == p["replicate"] and b["seed"] == p["seed"]
        assert np.array_equal(b["ids"], p["ids"]), "different people: not a paired run"
    n = len(base[0]["ids"])
    last = min(len(r["mean"]) for r in base + pol) - 1
    diff = [p["mean"][: last + 1] - b["mean"][: last + 1] for b, p in zip(base, pol)]
    wellbys = [discounted(d) * n / 52 for d in diff]
    cost = [discounted(p["cost"][: last + 1]) - discounted(b["cost"][: last + 1])
            for b, p in zip(base, pol)]
    print(f"{len(base)} paired replicates, {n} people, weeks 0-{last}")
    print("effect at last week      ", interval([d[last] for d in diff]))
    print("effect, average weeks 1+ ", interval([d[1:].mean() for d in diff]))
    print("WELLBYs (discounted)     ", interval(wellbys))
    print(f"value at GBP 13,000      {np.mean(wellbys) * WELLBY:,.0f}")
    print(f"net cost (discounted)    {np.mean(cost):,.0f}")
    print(f"cost per WELLBY          {np.mean([c / w for c, w in zip(cost, wellbys)]):,.0f}")
    print(f"net present value        {np.mean([w * WELLBY - c for c, w in zip(cost, wellbys)]):,.0f}")
    # Who gains: lowest week-0 income quintile against the highest. Each replicate synthesises
    # its own population, so quintiles are ranked within each pair (ties by agent order).
    def quintile(r):
        return np.argsort(np.argsort(r["disposable"], kind="stable"), kind="stable") * 5 // n

    for k, label in ((0, "Q1 (lowest income)"), (4, "Q5 (highest income)")):
        g = [p["values"][quintile(b) == k].mean() - b["values"][quintile(b) == k].mean()
             for b, p in zip(base, pol)]
        print(f"{label:25s}", interval(g))
    for d in ("homeless", "food_insecure", "fuel_poor", "mental_illness", "lonely"):
        if d in pol[0]["prevalence"]:
            ch = [100 * (p["prevalence"][d][last] - b["prevalence"][d][last])
                  for b, p in zip(base, pol)]
            print(f"{d:25s}", interval(ch), "percentage points at the last week")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
