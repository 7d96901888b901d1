#!/usr/bin/env python3
"""Fails when a function in analysis/, models/ or sim/ runs past LIMIT lines without a reason.

A function body is found the way a reader finds it: a line that ends with "{" and opens a
definition at namespace level (no indentation), up to the matching "}" at the start of a line.
A long function is allowed when the comment block just above it contains "Long because".

    scripts/check_function_length.py [ROOT]     # prints each offender as FILE:LINE: NAME (N lines)
"""
import pathlib
import re
import sys

LIMIT = 80
LAYERS = ("analysis", "batch", "models", "sim")


def long_functions(path):
    lines = path.read_text().splitlines()
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        starts = (line and not line[0].isspace() and line.rstrip().endswith("{")
                  and not re.match(r"(namespace|struct|class|enum|union|extern)\b", line)
                  and "(" in "".join(lines[max(0, i - 3):i + 1]))
        if not starts:
            i += 1
            continue
        end = i + 1
        while end < len(lines) and not lines[end].startswith("}"):
            end += 1
        length = end - i + 1
        if length > LIMIT:
            k = i - 1
            while k >= 0 and (lines[k].startswith("//") or lines[k].startswith("template") or
                              (lines[k] and not lines[k].rstrip().endswith(("}", ";")) and
                               not lines[k].startswith("//") and k >= i - 3 and
                               lines[k].strip() != "")):
                k -= 1
            comment = "\n".join(lines[k + 1:i])
            if "Long because" not in comment:
                name = re.sub(r"\s+", " ", line.split("(")[0]).strip()
                out.append((i + 1, name, length))
        i = end + 1
    return out


def main(root):
    bad = []
    for layer in LAYERS:
        for path in sorted((root / layer).rglob("*.cpp")):
            for line, name, length in long_functions(path):
                bad.append(f"{path.relative_to(root)}:{line}: {name} ({length} lines)")
    for b in bad:
        print(b)
    print(f"{len(bad)} functions over {LIMIT} lines without a reason written above them")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")))
