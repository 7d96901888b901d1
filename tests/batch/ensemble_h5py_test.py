#!/usr/bin/python3
"""CTest ensemble_h5py: an ensemble file read with h5py alone, as docs/output-format.md says.

Sweeps the tiny experiment (tests/batch/sweep_experiment.sh) for 36 weeks, merges it, and checks
with h5py and numpy only: the design table's columns, one row per task, the factor NaN where it
does not apply, and the paired outcome effect_final equal to the difference of the two tasks'
weekly means at the last week (from /series/mean_wellbeing).

    ensemble_h5py_test.py WELLSIM SOURCE_DIR
"""
import pathlib
import subprocess
import sys
import tempfile

import h5py
import numpy as np

wellsim, source = sys.argv[1], pathlib.Path(sys.argv[2])
with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    subprocess.run(["bash", "-c", f'. "{source}/tests/batch/sweep_experiment.sh" && '
                    f'write_tiny_experiment "{tmp}/e.toml" "{source}"'], check=True)
    text = (tmp / "e.toml").read_text().replace("run.steps = 20", "run.steps = 36")
    (tmp / "e.toml").write_text(text)
    subprocess.run([wellsim, "sweep", tmp / "e.toml", "-o", tmp / "out", "-q"], check=True)
    subprocess.run([wellsim, "merge", tmp / "out", "-o", tmp / "ens.h5", "-q"], check=True)
    with h5py.File(tmp / "ens.h5", "r") as f:
        assert f.attrs["format"] == "wellsim-ensemble", dict(f.attrs)
        ids = [s.decode() for s in f["design/task_id"][:]]
        assert len(ids) == 8 and f.attrs["tasks_merged"] == 8, ids
        scen = [s.decode() for s in f["design/scenario"][:]]
        for col in ("point", "replicate", "seed", "scenario_index"):
            assert f["design"][col].shape == (8,), col
        cap = f["design/factors/intervention.warm_spaces.capacity"][:]
        assert all(np.isnan(cap[i]) == (scen[i] == "cost_of_living_shock") for i in range(8)), cap
        assert sorted(set(cap[~np.isnan(cap)])) == [50.0, 400.0], cap
        series = f["series/mean_wellbeing"][:]
        assert series.shape == (8, 37), series.shape
        effect = f["outcomes/effect_final"][:]
        for i, task in enumerate(ids):
            if scen[i] != "cost_of_living_support":
                continue
            base = ids.index(task.replace("cost_of_living_support", "cost_of_living_shock"))
            want = series[i, -1] - series[base, -1]
            assert abs(effect[i] - want) < 1e-12, (task, effect[i], want)
            assert f["outcomes/wellbys"][i] != 0, task
        assert f["outcomes/wellbys"].attrs["unit"] in ("WELLBY", b"WELLBY")
print("ensemble_h5py: ok")
