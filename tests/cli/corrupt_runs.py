"""Writes damaged copies of a real run file, one per way a run file can lie (issue 14).

Usage: corrupt_runs.py RUN.h5 OUTDIR [FLIPS]. Each copy is OUTDIR/NAME.h5; the names are printed,
one a line, as "NAME KIND" where KIND is "value" (a dataset or value the reader must refuse) or
"flip" (random byte flips: the reader may read the file or refuse it, but never crash).
"""
import random
import shutil
import struct
import sys

import h5py
import numpy as np

SRC, OUT = sys.argv[1], sys.argv[2]
FLIPS = int(sys.argv[3]) if len(sys.argv) > 3 else 30


def copy(name):
    path = f"{OUT}/{name}.h5"
    shutil.copyfile(SRC, path)
    return path


def rewrite(name, dataset, make):
    """A copy whose `dataset` is replaced by make(old values) (any shape or type)."""
    with h5py.File(copy(name), "r+") as f:
        old = f[dataset][()]
        del f[dataset]
        f[dataset] = make(old)
    print(name, "value")


def poke(name, dataset, index, value):
    """A copy with one entry of `dataset` set to `value`."""
    with h5py.File(copy(name), "r+") as f:
        f[dataset][index] = value
    print(name, "value")


for d in ["/network/offsets", "/agents/original_id", "/steps/mean", "/wellbeing/steps",
          "/layout/x", "/agents/initial_wellbeing", "/people/household", "/events/kind"]:
    rewrite("2d" + d.replace("/", "_"), d, lambda v: np.stack([v, v], axis=1))
for d in ["/agents/original_id", "/steps/mean", "/network/offsets", "/people/age"]:
    rewrite("scalar" + d.replace("/", "_"), d, lambda v: v[0])
rewrite("strings_steps_mean", "/steps/mean", lambda v: np.array([b"x"] * len(v)))
rewrite("values_1d", "/wellbeing/values", lambda v: v[0])
rewrite("values_wide", "/wellbeing/values", lambda v: np.concatenate([v, v], axis=1))
rewrite("series_narrow", "/series/values", lambda v: v[:, :-1])
poke("household_huge", "/people/household", 0, 4294967295)
poke("group_int32_max", "/agents/group", 0, 2147483647)
poke("group_negative", "/agents/group", 1, -7)
poke("wellbeing_nan", "/wellbeing/values", (-1, 3), np.nan)
poke("wellbeing_negative", "/agents/initial_wellbeing", 2, -3.0)
poke("wellbeing_huge", "/wellbeing/values", (-1, 0), 1e21)
poke("initial_nan", "/agents/initial_wellbeing", 0, np.nan)
poke("stat_nan", "/steps/mean", 1, np.nan)
poke("tenure_code", "/people/tenure", 0, 200)
poke("traits_code", "/people/traits", 0, 255)
poke("activity_code", "/wellbeing/activity", (-1, 0), 250)
# The damage is a code with more bits than the file's names: the names cut to 13 and one code
# with bit 31 set (every domain code is uint32 since schema 3).
with h5py.File(copy("domains_code"), "r+") as f:
    f["/wellbeing/domains"][-1, 0] = 1 << 31  # a bit beyond the named ones (uint32 since schema 3)
    f["/people"].attrs["domain_names"] = f["/people"].attrs["domain_names"][:13]
print("domains_code", "value")
poke("event_kind", "/events/kind", 0, 60000)
poke("event_agent", "/events/agent", 0, 4000000000)
poke("steps_step", "/steps/step", 2, 7)
poke("layout_nan", "/layout/x", 0, np.inf)
poke("neighbour_out_of_range", "/network/neighbours", 0, 4000000000)
with h5py.File(copy("wellbeing_steps_decrease"), "r+") as f:
    s = f["/wellbeing/steps"]
    s[0], s[1] = s[1], s[0]
print("wellbeing_steps_decrease value")
with h5py.File(copy("status_array"), "r+") as f:
    f["/manifest"].attrs["steps_completed"] = np.array([3, 4, 5], dtype=np.uint32)
print("status_array value")
with h5py.File(copy("schema_version_array"), "r+") as f:
    f.attrs["schema_version"] = np.array([1, 2, 3, 4], dtype=np.uint32)
print("schema_version_array value")

data = open(SRC, "rb").read()
# Global heap collections hold every variable-length string (the manifest's attributes): flip
# bytes of each object's size, which libhdf5 1.10 trusts in H5HG_read.
heaps = []
start = 0
while (at := data.find(b"GCOL", start)) >= 0:
    heaps.append(at)
    start = at + 4
for k, at in enumerate(heaps[:3]):
    (size,) = struct.unpack_from("<Q", data, at + 8)
    p, end, obj = at + 16, at + min(size, len(data) - at), 0
    while p + 16 <= end and obj < 3:
        (idx,) = struct.unpack_from("<H", data, p)
        (osize,) = struct.unpack_from("<Q", data, p + 8)
        if idx == 0:
            break
        for byte in (1, 3):
            buf = bytearray(data)
            buf[p + 8 + byte] ^= 0x40
            name = f"heap{k}_obj{idx}_size{byte}"
            open(f"{OUT}/{name}.h5", "wb").write(buf)
            print(name, "flip")
        p += 16 + (osize + 7) // 8 * 8
        obj += 1

rng = random.Random(14)
for k in range(FLIPS):
    buf = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 8])):
        buf[rng.randrange(len(buf))] ^= 1 << rng.randrange(8)
    open(f"{OUT}/flip{k}.h5", "wb").write(buf)
    print(f"flip{k}", "flip")
