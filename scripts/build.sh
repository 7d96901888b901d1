#!/usr/bin/env bash
# Configures (once) and builds wellsim in Release mode into build/. Under CI (CI set) warnings
# are errors, so a change that warns cannot land.
set -euo pipefail
cd "$(dirname "$0")/.."
werror=OFF
[ -n "${CI:-}" ] && werror=ON
# A first build compiles each target's sources in batches of 8 (a unity build, cmake/unity.cmake):
# about 40 % less CPU on a fresh machine (docs/reliability.md "CI time"). WELLSIM_UNITY=OFF
# configures one compiler run per file instead, quicker to rebuild after editing one file.
[ -f build/CMakeCache.txt ] ||
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DWELLSIM_WERROR="$werror" \
    -DCMAKE_UNITY_BUILD="${WELLSIM_UNITY:-ON}" -DCMAKE_UNITY_BUILD_BATCH_SIZE=8 >/dev/null
cmake --build build -j "$(nproc)" "$@"
