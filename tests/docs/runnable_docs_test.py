#!/usr/bin/python3
"""Runs the command blocks of README.md and docs/*.md that are marked runnable, and checks the
outputs they quote, so the docs cannot drift from the program.

Markers (HTML comments, invisible on GitHub):
  <!-- runnable -->            before a ```sh block: run it (bash -e); it must succeed. Before a
                               ```python block: run it with /usr/bin/python3 and the argument
                               runs/doc.h5 (a snippet that uses `path` gets it as that).
  <!-- runnable: COMMAND -->   before a plain ``` block: run COMMAND; its standard output must
                               read as the block does.
  <!-- runnable-excerpt: COMMAND -->  before a plain ``` block quoting part of an output: every
                               line of the block must appear in COMMAND's output, in order
                               (an extract may leave lines out between them).
  <!-- runnable-setup: COMMAND -->  anywhere: run COMMAND (it must succeed), e.g. to make the runs
                               a quoted output reads, which the page says how to make elsewhere.
Quoted outputs are compared line by line after masking what honestly varies from run to run:
durations ("0.27 s", "9.63 ms/step", "3.1 steps/s") and the thread count ("2 threads").
Everything else (agent and tie counts, means, hashes, file names) must match to the character.

The blocks of one page run in order in one fresh folder, as a reader follows the page: it holds
links to the build, scenarios/, docs/ and scripts/, so that `build/wellsim run
scenarios/default.toml` works as written and nothing in the checkout changes.

usage: runnable_docs_test.py SOURCE_DIR BUILD_DIR
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

MARK = re.compile(r"^<!-- runnable(?::\s*(.*?))?\s*-->\s*$")
SETUP = re.compile(r"^<!-- runnable-setup:\s*(.*?)\s*-->\s*$")
EXCERPT = re.compile(r"^<!-- runnable-excerpt:\s*(.*?)\s*-->\s*$")
MASKS = [
    (re.compile(r"\d+(\.\d+)?( ?)(ms/step|steps/s|ms|s)\b"), r"#\2\3"),
    (re.compile(r"\b\d+ threads\b"), "# threads"),
]


def masked(line):
    for pattern, repl in MASKS:
        line = pattern.sub(repl, line)
    return line.rstrip()


def in_order(want, got):
    """None when every line of `want` is in `got` in the same order, else the first that is not."""
    at = 0
    for line in want:
        while at < len(got) and got[at] != line:
            at += 1
        if at == len(got):
            return line
        at += 1
    return None


def blocks(path):
    """(line, command, expected) for every marked block of a Markdown file."""
    lines = open(path, encoding="utf-8").read().split("\n")
    found = []
    for i, line in enumerate(lines):
        setup = SETUP.match(line)
        if setup:
            found.append((i + 1, setup.group(1), None))
            continue
        m = MARK.match(line) or EXCERPT.match(line)
        if not m:
            continue
        excerpt = bool(EXCERPT.match(line))
        if i + 1 >= len(lines) or not lines[i + 1].startswith("```"):
            raise SystemExit(f"{path}:{i + 1}: a runnable marker must be followed by a ``` block")
        end = next(k for k in range(i + 2, len(lines)) if lines[k].startswith("```"))
        body = lines[i + 2:end]
        if m.group(1):  # the command is in the marker, the block is its output
            found.append((i + 1, m.group(1), (body, excerpt)))
        elif lines[i + 1].startswith("```python"):
            code = "import sys\npath = sys.argv[1]\n" + "\n".join(body) + "\n"
            found.append((i + 1, "cat > snippet.py <<'WELLSIM_SNIPPET'\n" + code +
                          "WELLSIM_SNIPPET\n/usr/bin/python3 snippet.py runs/doc.h5 >/dev/null", None))
        else:
            found.append((i + 1, "\n".join(body), None))
    return found


def workspace(source, build):
    root = tempfile.mkdtemp(prefix="wellsim-docs-")
    os.symlink(build, os.path.join(root, "build"))
    for name in ("scenarios", "docs", "scripts"):
        os.symlink(os.path.join(source, name), os.path.join(root, name))
    return root


def main(source, build):
    files = [os.path.join(source, "README.md")] + sorted(
        glob.glob(os.path.join(source, "docs", "*.md")))
    failures, ran = [], 0
    for path in files:
        rel = os.path.relpath(path, source)
        cwd = workspace(source, build)
        for line, command, expected in blocks(path):
            ran += 1
            where = f"{rel}:{line}"
            # `wellsim` as the guides write it is the build's.
            env = dict(os.environ, PATH=build + os.pathsep + os.environ.get("PATH", ""))
            r = subprocess.run(["bash", "-e", "-c", command], cwd=cwd, capture_output=True,
                               text=True, timeout=600, env=env)
            if r.returncode != 0:
                failures.append(f"{where}: exit {r.returncode}: {r.stderr.strip()[-400:]}")
                continue
            if expected is None:
                print(f"ok   {where} (ran)")
                continue
            expected, excerpt = expected
            got = [masked(x) for x in r.stdout.rstrip("\n").split("\n")]
            want = [masked(x) for x in expected]
            if excerpt:
                missing = in_order(want, got)
                if missing is None:
                    print(f"ok   {where} (excerpt found)")
                else:
                    failures.append(f"{where}: the output has no line, after the ones before it,"
                                    f" reading:\n  {missing}")
                continue
            if got != want:
                diff = next((k for k in range(max(len(got), len(want)))
                             if k >= len(got) or k >= len(want) or got[k] != want[k]), 0)
                failures.append(f"{where}: output differs at line {diff + 1}:\n"
                                f"  docs: {want[diff] if diff < len(want) else '(nothing)'}\n"
                                f"  got:  {got[diff] if diff < len(got) else '(nothing)'}")
            else:
                print(f"ok   {where} (output matches)")
    for f in failures:
        print("FAIL " + f)
    if ran == 0:
        print("FAIL no runnable block found: the markers are gone")
        return 1
    print(f"{ran} runnable blocks, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    sys.exit(main(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])))
