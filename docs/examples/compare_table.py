#!/usr/bin/python3
"""Builds the analyst guide's comparison tables (docs/analyst-guide.md, "Effect over time" and
"Value for money") from run files alone, with xarray and pandas: no notebook, no wellsim code.

    /usr/bin/python3 docs/examples/compare_table.py "runs/shock_r*.h5" "runs/support_r*.h5"
    /usr/bin/python3 docs/examples/compare_table.py BASE_GLOB POLICY_GLOB --weeks 26 52 --csv out/

Debian: python3-xarray python3-h5netcdf python3-pandas python3-scipy. Each run file opens as
netCDF-4 (engine "h5netcdf"): /steps is a dataset along `step`, /series one along (step, name)
with a `unit` per series (docs/output-format.md, "Reading a run with xarray").

Conventions are wellsim compare's: replicates are paired by replicate number; row s >= 1 is the
state after week s and counts 1/52 of a year in year floor((s-1)/52), discounted by
1/1.035**year; WELLBYs = sum of discounted (mean difference x people / 52); a WELLBY is worth
GBP 13,000 (range 10,000-16,000; HM Treasury Green Book wellbeing guidance 2021); cost per
WELLBY, NPV and the benefit-cost ratio are computed per pair, then averaged with a t interval.
"""
import argparse
import glob
import pathlib

import numpy as np
import pandas as pd
import xarray as xr
from scipy import stats

RATE, WELLBY, LOW, HIGH = 0.035, 13000.0, 10000.0, 16000.0


def load(path):
    """One run's weekly mean, weekly cost and size, cut to its complete steps."""
    manifest = xr.open_dataset(path, engine="h5netcdf", group="manifest").attrs
    done = int(manifest["steps_completed"])
    steps = xr.open_dataset(path, engine="h5netcdf", group="steps").isel(step=slice(0, done + 1))
    series = xr.open_dataset(path, engine="h5netcdf", group="series").isel(step=slice(0, done + 1))
    agents = xr.open_dataset(path, engine="h5netcdf", group="agents")
    names = pd.Index(series["name"].values)
    is_cost = (series["unit"].values == "GBP") & (names.str.startswith("service/")
                                                  | names.str.startswith("policy/"))
    cost = series["values"].isel(name=np.flatnonzero(is_cost)).sum("name")
    return {"replicate": int(manifest["replicate"]), "people": agents.sizes["agent"],
            "mean": steps["mean"].to_series(), "cost": cost.to_series()}


def discounted(x):
    """Sum of rows 1.. of a weekly series, discounted by year."""
    s = x.index.to_numpy()
    return float((x * (1.0 + RATE) ** -(np.maximum(s - 1, 0) // 52)).iloc[1:].sum())


def interval(values):
    """Mean and 95% t interval across replicate pairs."""
    v = np.asarray(values, dtype=float)
    half = stats.t.ppf(0.975, len(v) - 1) * v.std(ddof=1) / np.sqrt(len(v)) if len(v) > 1 else 0
    return pd.Series({"mean": v.mean(), "lo": v.mean() - half, "hi": v.mean() + half})


def paired(base_glob, policy_glob):
    base = {r["replicate"]: r for r in map(load, sorted(glob.glob(base_glob)))}
    pol = {r["replicate"]: r for r in map(load, sorted(glob.glob(policy_glob)))}
    if not base or sorted(base) != sorted(pol):
        raise SystemExit(f"need the same replicates in both sets: {sorted(base)} vs {sorted(pol)}")
    return [(base[k], pol[k]) for k in sorted(base)]


def effect_table(pairs, weeks):
    """The "Effect over time" table: one row per week, then the average over weeks 1..last."""
    last = min(len(r["mean"]) for pair in pairs for r in pair) - 1
    diff = pd.DataFrame({b["replicate"]: p["mean"] - b["mean"] for b, p in pairs}).loc[:last]
    base = pd.concat([b["mean"] for b, _ in pairs], axis=1).loc[:last].mean(axis=1)
    pol = pd.concat([p["mean"] for _, p in pairs], axis=1).loc[:last].mean(axis=1)
    weeks = weeks or list(range(26, last + 1, 26)) + ([last] if last % 26 else [])
    rows = {w: pd.concat([pd.Series({"baseline": base[w], "policy": pol[w]}),
                          interval(diff.loc[w])]) for w in weeks if w <= last}
    table = pd.DataFrame(rows).T.rename_axis("week")
    table.loc["avg"] = pd.concat([pd.Series({"baseline": np.nan, "policy": np.nan}),
                                  interval(diff.loc[1:].mean())])
    return table.rename(columns={"mean": "difference"}), last


def value_table(pairs, last):
    """The "Value for money" table, per replicate pair then averaged."""
    rows = []
    for b, p in pairs:
        wellbys = discounted((p["mean"] - b["mean"]).loc[:last]) * b["people"] / 52
        cost = discounted(p["cost"].loc[:last]) - discounted(b["cost"].loc[:last])
        rows.append({"wellbys": wellbys, "value_gbp": wellbys * WELLBY, "net_cost_gbp": cost,
                     "cost_per_wellby_gbp": cost / wellbys if wellbys else np.nan,
                     "npv_gbp": wellbys * WELLBY - cost,
                     "benefit_cost_ratio": wellbys * WELLBY / cost if cost else np.nan})
    table = pd.DataFrame(rows).apply(interval).T.rename_axis("measure")
    table.attrs["value_range"] = (table.loc["wellbys", "mean"] * LOW,
                                  table.loc["wellbys", "mean"] * HIGH)
    return table


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("baseline"), ap.add_argument("policy")
    ap.add_argument("--weeks", type=int, nargs="*", help="weeks to show (default: every 26)")
    ap.add_argument("--csv", help="folder for effect_over_time.csv and value_for_money.csv")
    args = ap.parse_args()
    pairs = paired(args.baseline, args.policy)
    effect, last = effect_table(pairs, args.weeks)
    value = value_table(pairs, last)
    print(f"{len(pairs)} paired replicates, {pairs[0][0]['people']} people, weeks 0-{last}\n")
    print("Effect on mean life satisfaction (0-10), policy - baseline, 95% interval")
    print(effect.to_string(float_format=lambda x: f"{x:.4f}", na_rep=""), "\n")
    print(f"Value for money (GBP {WELLBY:,.0f} per WELLBY; discount {RATE:.1%} a year)")
    print(value.to_string(float_format=lambda x: f"{x:,.2f}"))
    low, high = value.attrs["value_range"]
    print(f"value at GBP {LOW:,.0f}: {low:,.0f}; at GBP {HIGH:,.0f}: {high:,.0f}")
    if args.csv:
        out = pathlib.Path(args.csv)
        out.mkdir(parents=True, exist_ok=True)
        effect.to_csv(out / "effect_over_time.csv")
        value.to_csv(out / "value_for_money.csv")


if __name__ == "__main__":
    main()
