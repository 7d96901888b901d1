"""docs/validation.md names only checks that exist: every backquoted name in the last column of
its tables is a test of the suite (`wellsim_tests --list-test-names-only`), unless it is a command
(it starts with `wellsim`) or a scenario path; and every table row names at least one.

Usage: validation_doc_test.py SOURCE_DIR TEST_BINARY
"""
import re
import subprocess
import sys


def main():
    source, binary = sys.argv[1], sys.argv[2]
    # Catch2 v2 exits with the number of tests listed, so the status is not an error.
    listed = subprocess.run([binary, "--list-test-names-only"], capture_output=True,
                            text=True).stdout.splitlines()
    tests = {line.strip() for line in listed if line.strip()}
    problems = []
    rows = 0
    with open(f"{source}/docs/validation.md", encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not line.startswith("|") or len(cells) < 4 or set(cells[0]) <= set("-"):
                continue
            if cells[0] == "check":
                continue
            rows += 1
            names = re.findall(r"`([^`]+)`", cells[-1])
            if not names and "the same test" not in cells[-1]:
                problems.append(f"docs/validation.md:{number}: the row names no test or command")
            for name in names:
                if name.startswith("wellsim") or name.startswith("scenarios/") or "/" in name:
                    continue
                if name not in tests:
                    problems.append(f"docs/validation.md:{number}: no test named '{name}'")
    if rows < 20:
        problems.append(f"docs/validation.md: only {rows} checks found in its tables")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
