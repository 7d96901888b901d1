#!/usr/bin/env python3
"""Lists the sources that cannot share a unity batch (cmake/unity.cmake, WELLSIM_UNITY_SKIP).

    scripts/unity_clashes.py [BUILD_DIR]

BUILD_DIR: a tree configured without unity builds and with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON
(default: configures one in a temporary folder). For each target, compiles all its sources as one
translation unit (-fsyntax-only) and prints every file with an error there: the later file of each
pair that defines the same file-local name, or whose call becomes ambiguous next to another file's
helpers. Compiling each file so named alone leaves the rest clash-free in batches of any size."""
import collections, json, os, re, shlex, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if len(sys.argv) > 1:
    build = sys.argv[1]
else:
    build = tempfile.mkdtemp(prefix="wellsim-unity-")
    subprocess.run(["cmake", "-S", root, "-B", build, "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
                    "-DWELLSIM_BUILD_BENCH=OFF", "-DWELLSIM_CHECK_LAYERS=OFF"],
                   check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", build, "--target", "wellsim_build_info"], check=True,
                   stdout=subprocess.DEVNULL)
commands = json.load(open(os.path.join(build, "compile_commands.json")))
targets = collections.defaultdict(list)
for entry in commands:
    match = re.search(r"CMakeFiles/([^/]+)\.dir/", entry["command"])
    if match and "/Unity/" not in entry["file"]:
        targets[match.group(1)].append(entry)
clashing = []
for target, entries in sorted(targets.items()):
    if len(entries) < 2:
        continue
    with tempfile.NamedTemporaryFile("w", suffix=".cpp", delete=False) as whole:
        whole.write("".join('#include "%s"\n' % e["file"] for e in entries))
    args = shlex.split(entries[0]["command"])
    if "ccache" in os.path.basename(args[0]):
        args = args[1:]
    out = args.index("-o")
    del args[out:out + 2]
    args[args.index("-c") + 1] = whole.name
    result = subprocess.run(args + ["-fsyntax-only", "-fmax-errors=0"], cwd=entries[0]["directory"],
                            capture_output=True, text=True)
    os.unlink(whole.name)
    for line in result.stderr.splitlines():
        match = re.match(r"(/[^:]+):\d+:\d+: error: (.*)", line)
        if match:
            path = os.path.relpath(match.group(1), root)
            if path not in clashing:
                clashing.append(path)
                print("%s  (%s: %s)" % (path, target, match.group(2)[:100]), file=sys.stderr)
print("\n".join(sorted(clashing)))
