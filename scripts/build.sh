#!/usr/bin/env bash
# Configures (once) and builds wellsim in Release mode into build/. Under CI (CI set) warnings
# are errors, so a change that warns cannot land.
set -euo pipefail
cd "$(dirname "$0")/.."
werror=OFF
[ -n "${CI:-}" ] && werror=ON
[ -f build/CMakeCache.txt ] ||
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DWELLSIM_WERROR="$werror" >/dev/null
cmake --build build -j "$(nproc)" "$@"
