#!/usr/bin/python3
"""Compare two wellsim run files dataset by dataset and attribute by attribute.

Used to show that a refactoring leaves run files unchanged: every dataset and attribute of the
BEFORE file must exist in AFTER with equal contents (AFTER may add new ones). Attributes that
record when, where and how the run was made (times, git commit, build flags) are ignored.

    /usr/bin/python3 scripts/compare_runs.py BEFORE.h5 AFTER.h5
Prints one line per difference and a summary; exits 1 if anything of BEFORE changed.
"""
import sys

import h5py
import numpy as np

IGNORED_ATTRS = {"started_at", "finished_at", "git_commit", "build_type",
                 "compiler", "build_flags", "wellsim_version", "host"}


def equal(a, b):
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        a, b = np.asarray(a), np.asarray(b)
        if a.shape != b.shape or a.dtype.kind != b.dtype.kind:
            return False
        if a.dtype.kind == "f":
            return np.array_equal(a, b, equal_nan=True)
        return np.array_equal(a, b)
    return a == b


def main(before_path, after_path):
    problems, added, checked = [], [], 0
    with h5py.File(before_path, "r") as before, h5py.File(after_path, "r") as after:
        def attrs(name, b_obj, a_obj):
            nonlocal checked
            for key, value in b_obj.attrs.items():
                if key in IGNORED_ATTRS:
                    continue
                checked += 1
                if key not in a_obj.attrs:
                    problems.append(f"{name}@{key}: missing after")
                elif not equal(value, a_obj.attrs[key]):
                    problems.append(f"{name}@{key}: differs")
            added.extend(f"{name}@{k}" for k in a_obj.attrs if k not in b_obj.attrs)

        def visit(name, b_obj):
            nonlocal checked
            if name not in after:
                problems.append(f"/{name}: missing after")
                return
            a_obj = after[name]
            attrs("/" + name, b_obj, a_obj)
            if isinstance(b_obj, h5py.Dataset):
                checked += 1
                if not equal(b_obj[()], a_obj[()]):
                    problems.append(f"/{name}: contents differ")

        attrs("/", before, after)
        before.visititems(visit)
        after.visit(lambda n: added.append("/" + n) if n not in before else None)
    for p in problems:
        print("DIFF", p)
    print(f"{before_path} vs {after_path}: {checked} datasets and attributes compared, "
          f"{len(problems)} differ, {len(added)} added" + (f" ({', '.join(sorted(added)[:8])}"
                                                          f"{' ...' if len(added) > 8 else ''})"
                                                          if added else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
