#!/usr/bin/python3
"""Every schema fact of docs/output-format.md checked against real run files, both ways.

The "## Layout" tree gives each group and dataset with its type, shape and attributes; the
"### Root attributes" and "### `/manifest`" tables give attribute names and types. A fresh
community run (people, series, events, layout) and an opinion run are read with h5py:
- every documented dataset is there (unless marked optional or for one model only) with its
  documented type and rank, and its dimensions agree (n, m, S, R, E, K within one file);
- every documented attribute is there;
- every dataset and attribute the files hold is documented (nothing undocumented added).

usage: output_format_test.py WELLSIM SOURCE_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

import h5py

TYPES = {"int64": "<i8", "int32": "<i4", "uint64": "<u8", "uint32": "<u4", "uint16": "<u2",
         "uint8": "|u1", "float32": "<f4", "float64": "<f8"}
OPTIONAL = ("optional", "only when", "community runs", "when the model", "when not empty")


def layout_entries(doc):
    """(path, type or None, dims or None, attrs, optional) from the Layout tree."""
    tree = doc.split("## Layout", 1)[1].split("```", 2)[1]
    entries, stack, last = [], [], None
    for raw in tree.split("\n"):
        m = re.match(r"^([│ ]*)[├└]── (\S.*)$", raw)
        if not m:  # a continuation line: more attributes or a type for the entry above
            if last is not None and raw.strip():
                last["text"] += " " + re.sub("│", "", raw).strip()
            continue
        depth = len(m.group(1)) // 4
        text = m.group(2)
        name_part = re.split(r"\s{2,}", text, maxsplit=1)
        names = name_part[0]
        rest = name_part[1] if len(name_part) > 1 else ""
        stack = stack[:depth]
        is_group = names.endswith("/") or names.endswith("/,") or "/," in names
        clean = [n.strip().rstrip("/") for n in names.split(",") if n.strip()]
        last = {"parents": list(stack), "names": clean, "text": rest, "group": is_group}
        entries.append(last)
        if is_group:
            stack.append(clean[0])
    out, optional_groups = [], set()
    for e in entries:
        text = e["text"]
        group_path = "/" + "/".join(e["parents"])
        optional = any(word in text for word in OPTIONAL) or group_path in optional_groups
        t = None if e["group"] else next(
            (TYPES[w] for w in re.findall(r"\b(u?int\d+|float\d+)\b", text)), None)
        # "offset, entry  int32  [n+1], [m]": one shape per name, in order.
        shapes = re.findall(r"\[([^\]]+)\]", text) if t else []
        attrs = []
        a = re.search(r"attrs: (.*)", text)
        if a and not any(w in a.group(1) for w in ("one per", "one typed", "one str", "(below)")):
            listed = re.sub(r"\([^)]*\)", "", a.group(1))
            attrs = [x.strip() for x in listed.split(",") if x.strip()]
        for k, name in enumerate(e["names"]):
            shape = shapes[k] if len(shapes) == len(e["names"]) else (shapes[0] if shapes else None)
            if "<" in name or any("<" in p for p in e["parents"]):
                continue  # a pattern such as <name>/: one per intervention, not a fixed path
            path = "/" + "/".join(e["parents"] + [name])
            if e["group"] and optional:
                optional_groups.add(path)
            out.append((path, t, [d.strip() for d in shape.split(",")] if shape else None,
                        attrs, optional))
    return out


def table_attributes(doc, heading):
    section = doc.split(heading, 1)[1].split("\n#", 1)[0]
    return re.findall(r"^\| `([a-z_]+)`", section, flags=re.M)


def make_runs(wellsim, source, folder):
    community = os.path.join(folder, "community.h5")
    opinion = os.path.join(folder, "opinion.h5")
    subprocess.run([wellsim, "run", os.path.join(source, "scenarios/default.toml"), "--steps", "3",
                    "-o", community, "-q"], check=True)
    subprocess.run([wellsim, "run", os.path.join(source, "scenarios/consensus_teaching.toml"),
                    "--steps", "3", "-o", opinion, "-q"], check=True)
    return community, opinion


def check_file(path, entries, root_attrs, manifest_attrs, problems):
    documented = {p for p, *_ in entries}
    with h5py.File(path, "r") as f:
        sizes = {}
        for p, t, dims, attrs, optional in entries:
            if p != "/" and p not in f:
                if not optional:
                    problems.append(f"{path}: documented {p} is missing")
                continue
            obj = f[p]
            for a in attrs:
                if a not in obj.attrs:
                    problems.append(f"{path}: {p} lacks documented attribute {a}")
            if t is None or not isinstance(obj, h5py.Dataset):
                continue
            if obj.dtype.str != t and not (obj.dtype.kind == "S" or obj.dtype.kind == "O"):
                problems.append(f"{path}: {p} is {obj.dtype.str}, documented {t}")
            if dims is not None:
                if len(obj.shape) != len(dims):
                    problems.append(f"{path}: {p} has shape {obj.shape}, documented {dims}")
                    continue
                for d, size in zip(dims, obj.shape):
                    if d.isdigit():
                        if int(d) != size:
                            problems.append(f"{path}: {p} has {size} along a dimension "
                                            f"documented as {d}")
                        continue
                    if d == "n+1":
                        d, size = "n", size - 1
                    if sizes.setdefault(d, size) != size:
                        problems.append(f"{path}: {p} dimension {d} is {size}, elsewhere "
                                        f"{sizes[d]}")
        for a in f.attrs:
            if a not in root_attrs:
                problems.append(f"{path}: root attribute {a} is not documented")
        for a in f["manifest"].attrs:
            if a not in manifest_attrs:
                problems.append(f"{path}: /manifest attribute {a} is not documented")

        def visit(name, obj):
            full = "/" + name
            if not isinstance(obj, h5py.Dataset):
                return
            # Datasets under a pattern group (interventions/<name>/...) are documented there.
            if full not in documented and not full.startswith("/interventions/"):
                problems.append(f"{path}: dataset {full} is not documented")
        f.visititems(visit)


def main(wellsim, source):
    doc = open(os.path.join(source, "docs/output-format.md"), encoding="utf-8").read()
    entries = layout_entries(doc)
    if len(entries) < 30:
        print(f"FAIL: only {len(entries)} entries read from the Layout tree: the parser is lost")
        return 1
    root_attrs = table_attributes(doc, "### Root attributes")
    manifest_attrs = table_attributes(doc, "### `/manifest`")
    problems = []
    with tempfile.TemporaryDirectory(prefix="wellsim-format-") as folder:
        for path in make_runs(wellsim, source, folder):
            check_file(path, entries, root_attrs, manifest_attrs, problems)
    for p in problems:
        print("FAIL " + p)
    print(f"{len(entries)} documented paths, {len(root_attrs)} root and {len(manifest_attrs)} "
          f"manifest attributes checked against 2 run files: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    sys.exit(main(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])))
