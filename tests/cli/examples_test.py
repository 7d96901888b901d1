#!/usr/bin/python3
"""CTest docs_examples: the Python and R examples of docs/examples/ on real run files.

Runs a small cost-of-living shock and its support package (3 paired replicates, 60 weeks),
`wellsim compare --json`, and docs/examples/compare_table.py (xarray + pandas), whose CSV tables
must give compare's numbers; then, where Rscript and hdf5r are installed, docs/examples/
read_run.R, whose printed weekly means must be /steps/mean.

    examples_test.py WELLSIM SOURCE_DIR
"""
import json
import math
import pathlib
import shutil
import subprocess
import sys
import tempfile

import h5py
import pandas as pd

wellsim, source = sys.argv[1], pathlib.Path(sys.argv[2])
SIZES = "population.sizes=[300, 250, 200, 150, 100]"


def close(a, b, what):
    if not math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9):
        sys.exit(f"examples_test: {what}: example {a!r}, wellsim compare {b!r}")


with tempfile.TemporaryDirectory() as tmp:
    tmp = pathlib.Path(tmp)
    for name in ("cost_of_living_shock", "cost_of_living_support"):
        subprocess.run([wellsim, "run", source / "scenarios" / f"{name}.toml", "--set", SIZES,
                        "--steps", "60", "--replicates", "3", "-o", tmp / f"{name}.h5", "-q"],
                       check=True)
    base, pol = str(tmp / "cost_of_living_shock_r*.h5"), str(tmp / "cost_of_living_support_r*.h5")
    subprocess.run(f"{wellsim} compare {base} --policy {pol} --horizon 26 52 60 "
                   f"--json {tmp}/c.json -q", shell=True, check=True)
    c = json.load(open(tmp / "c.json"))["comparisons"][0]
    subprocess.run(["/usr/bin/python3", source / "docs/examples/compare_table.py", base, pol,
                    "--weeks", "26", "52", "60", "--csv", tmp / "tables"], check=True)

    effect = pd.read_csv(tmp / "tables/effect_over_time.csv", index_col="week")
    rows = {str(r["week"]): r for r in c["effect_over_time"]}
    for week in ("26", "52", "60"):
        for col in ("baseline", "policy"):
            close(effect.loc[week, col], rows[week][col], f"week {week} {col}")
        for col, key in (("difference", "mean"), ("lo", "lo"), ("hi", "hi")):
            close(effect.loc[week, col], rows[week]["difference"][key], f"week {week} {col}")
    for col, key in (("difference", "mean"), ("lo", "lo"), ("hi", "hi")):
        close(effect.loc["avg", col], c["headline"]["effect_average"][key], f"avg {col}")

    value = pd.read_csv(tmp / "tables/value_for_money.csv", index_col="measure")
    for measure in ("wellbys", "value_gbp", "net_cost_gbp", "cost_per_wellby_gbp", "npv_gbp",
                    "benefit_cost_ratio"):
        for key in ("mean", "lo", "hi"):
            close(value.loc[measure, key], c["headline"][measure][key], f"{measure} {key}")
    print("examples_test: compare_table.py gives wellsim compare's tables")

    rscript = shutil.which("Rscript")
    if rscript is None or subprocess.run([rscript, "-e", "library(hdf5r)"],
                                         capture_output=True).returncode != 0:
        print("examples_test: Rscript or hdf5r missing (r-base-core, r-cran-hdf5r): "
              "R example not run")
        sys.exit(77)
    run = tmp / "cost_of_living_support_r0.h5"
    out = subprocess.run([rscript, source / "docs/examples/read_run.R", run], check=True,
                         capture_output=True, text=True).stdout
    print(out)
    with h5py.File(run, "r") as f:
        mean = f["steps/mean"][:]
        units = f["steps/mean"].attrs["units"]
    lines = [l.split() for l in out.splitlines() if l.startswith("week ")]
    if len(lines) != len(mean):
        sys.exit(f"examples_test: read_run.R printed {len(lines)} weeks, the file has {len(mean)}")
    for (_, week, value), want in zip(lines, mean):
        close(float(value), round(float(want), 6), f"R mean at week {week}")
    if f"({units})" not in out:
        sys.exit("examples_test: read_run.R did not print the units of /steps/mean")
    print("examples_test: read_run.R reads the run file")
