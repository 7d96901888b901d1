#!/usr/bin/python3
"""Compare run files before and after a change: every dataset and attribute both have must be equal.

    scripts/compare_runs.py BEFORE.h5 AFTER.h5 [...]      pairs of files
    scripts/compare_runs.py BEFORE_DIR AFTER_DIR          every *.h5 in BEFORE_DIR against AFTER_DIR

Objects only in AFTER are listed as "added" (allowed: a format may grow); objects only in BEFORE
and any difference in values, dtypes, shapes or attributes are failures. /manifest attributes that
record when, where, on how many threads and from which build a run was made are skipped
(IGNORED). Exit status 1 on
any failure. Needs h5py and numpy (Debian python3-h5py).
"""
import pathlib
import sys

import h5py
import numpy as np

IGNORED = {"/manifest": {"started_at", "finished_at", "git_commit", "build_type", "compiler",
                         "build_flags", "wellsim_version", "host", "threads"}}


def objects(f):
    """Every group and dataset path in the file, the root included."""
    out = {"/": f}
    f.visititems(lambda name, obj: out.__setitem__("/" + name, obj))
    return out


def same(a, b):
    a, b = np.asarray(a), np.asarray(b)
    if a.shape != b.shape or a.dtype != b.dtype:
        return False
    if a.dtype.kind == "f":
        return np.array_equal(a, b, equal_nan=True)
    return np.array_equal(a, b)


def dereferenced(key, value, f):
    """A dimension-scale attribute with its object references as the paths they name
    (references are file addresses, never equal between two files)."""
    if key == "DIMENSION_LIST":  # one array of scale references per axis
        return [[f[r].name for r in refs] for refs in value]
    if key == "REFERENCE_LIST":  # (dataset reference, axis) per attached dataset
        return sorted((f[r[0]].name, int(r[1])) for r in value)
    return None


def compare(before_path, after_path):
    problems, added = [], []
    with h5py.File(before_path, "r") as before, h5py.File(after_path, "r") as after:
        old, new = objects(before), objects(after)
        added = sorted(set(new) - set(old))
        problems += [f"missing {p}" for p in sorted(set(old) - set(new))]
        for path in sorted(set(old) & set(new)):
            o, n = old[path], new[path]
            if isinstance(o, h5py.Dataset) and not same(o[()], n[()]):
                problems.append(f"dataset {path} differs")
            skip = IGNORED.get(path, set())
            for key in o.attrs:
                if key in skip:
                    continue
                if key not in n.attrs:
                    problems.append(f"missing attribute {path}@{key}")
                elif key in ("DIMENSION_LIST", "REFERENCE_LIST"):
                    if dereferenced(key, o.attrs[key], before) != dereferenced(
                            key, n.attrs[key], after):
                        problems.append(f"attribute {path}@{key} differs")
                elif not same(o.attrs[key], n.attrs[key]):
                    problems.append(f"attribute {path}@{key} differs")
            added += [f"{path}@{k}" for k in n.attrs if k not in o.attrs]
    return problems, added


def pairs(args):
    if len(args) == 2 and all(pathlib.Path(a).is_dir() for a in args):
        before, after = map(pathlib.Path, args)
        return [(p, after / p.name) for p in sorted(before.glob("*.h5"))]
    if len(args) < 2 or len(args) % 2:
        sys.exit(__doc__)
    return list(zip(args[::2], args[1::2]))


def main(args):
    failed = False
    for before, after in pairs(args):
        problems, added = compare(before, after)
        failed |= bool(problems)
        status = "DIFFERENT" if problems else "same"
        print(f"{before} vs {after}: {status}; {len(added)} objects/attributes added")
        for p in problems:
            print("  " + p)
        top = sorted({a.split("@")[0].split("/")[1] for a in added if a.count("/") >= 1})
        if added:
            print("  added under: " + ", ".join("/" + t for t in top if t) +
                  (" (+ root attributes)" if any(a.startswith("/@") for a in added) else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
