#!/usr/bin/python3
"""tests/cli/xarray_read_test.cpp: a run file opened with xarray (engine "h5netcdf") alone.

Opens every group, checks its named dimensions, coordinates and units, and compares values with
what the C++ RunReader read (EXPECTED.json, written by the test).

    xarray_open.py RUN.h5 EXPECTED.json
"""
import json
import sys

import numpy as np
import xarray as xr

run, want = sys.argv[1], json.load(open(sys.argv[2]))
done = want["steps_completed"]


def group(name):
    return xr.open_dataset(run, engine="h5netcdf", group=name)


def check(cond, what):
    if not cond:
        sys.exit(f"xarray_open: {run}: {what}")


manifest = group("manifest")
check(int(manifest.attrs["steps_completed"]) == done, "steps_completed")
check(manifest.attrs["build_flags"] != "", "build_flags is empty")

# Per-step statistics: dimension `step`, its coordinate the step number. A killed run may hold
# part of a step past steps_completed: cut to the complete steps, as RunReader does.
steps = group("steps").isel(step=slice(0, done + 1))
check(steps["mean"].dims == ("step",), "/steps/mean dims " + str(steps["mean"].dims))
check(steps.step.values.tolist() == want["step"], "step coordinate")
check(np.array_equal(steps["mean"].values, want["mean"]), "/steps/mean differs from RunReader")
check(np.array_equal(steps["share_low"].values, want["share_low"]), "/steps/share_low")
check(steps["mean"].attrs["units"] == "points (0-10)", steps["mean"].attrs)
check(steps["share_low"].attrs["units"] == "share", steps["share_low"].attrs)
check(steps.step.attrs["units"] == "weeks", steps.step.attrs)
check(steps.step.dtype.kind == "i", "the step coordinate was decoded as a time")
check(steps["mean"].sel(step=done).item() == want["mean"][done], "sel(step=...)")

# Named series: dimensions (step, name), coordinates step, name and unit.
series = group("series").isel(step=slice(0, done + 1))
check(series["values"].dims == ("step", "name"), series["values"].dims)
check(set(series.coords) == {"step", "name", "unit"}, f"series coords {set(series.coords)}")
homeless = series["values"].sel(name="prevalence/homeless")
check(np.array_equal(homeless.values, want["homeless"]), "prevalence/homeless")
check(homeless.unit.item() == "share", homeless.unit.item())
costs = series["values"].where(series.unit == "GBP", drop=True)
check(all(n.endswith("/cost") for n in costs["name"].values.tolist()), "GBP series")

# Per-agent rows: dimensions (steps, agent); the complete rows are those up to `done`.
wb = group("wellbeing")
wb = wb.sel(steps=wb.steps[wb.steps <= done])
check(wb["values"].dims == ("steps", "agent"), wb["values"].dims)
check(wb.steps.values.tolist() == want["recorded"], "recorded steps")
check(np.array_equal(wb["values"].isel(steps=-1).values, np.float32(want["last_values"])),
      "last per-agent row")
n = len(want["original_id"])
check(wb.agent.values.tolist() == list(range(n)), "agent coordinate")
check(wb["domains"].dims == ("steps", "agent"), "domains dims")

# Static per-agent groups share the `agent` dimension and merge on it.
agents = group("agents")
check(agents.original_id.values.tolist() == want["original_id"], "original_id")
check(agents.neighbourhood.values.tolist() == want["neighbourhoods"], "neighbourhood coordinate")
check(agents["group"].values.tolist() == want["group"], "group")
people = group("people")
merged = xr.merge([agents, people, group("layout")])
check(merged.sizes["agent"] == n and "disposable" in merged and "x" in merged, "merge on agent")
check(np.array_equal(people.disposable.values, np.float32(want["disposable"])), "disposable")
check(people.disposable.attrs["units"] == "GBP/week", people.disposable.attrs)
# Each agent's neighbourhood name, through the coordinate.
names = agents.neighbourhood.values[agents["group"].values]
check(names.tolist() == [want["neighbourhoods"][g] for g in want["group"]], "names by group")

# Events and network: dimensions without coordinates.
events = group("events")
check(events.step.dims == ("event",) and events.sizes["event"] >= want["events"], "events")
network = group("network")
check(network.neighbours.dims == ("entry",) and network.offsets.dims == ("offset",), "network")
check(network.sizes["offset"] == n + 1, "offsets length")

# Every variable of every group says what it is.
for name in ("agents", "network", "layout", "steps", "wellbeing", "people", "series", "events"):
    ds = group(name)
    for v in list(ds.variables):
        check("units" in ds[v].attrs and ds[v].attrs.get("description"), f"/{name}/{v} unlabelled")
print(f"xarray_open: {run}: ok ({want['status']}, steps 0-{done})")
