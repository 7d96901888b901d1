#!/usr/bin/env bash
# CTest fuzz_crashes: every input a fuzz target ever crashed on (tests/fuzz/crashes/TARGET/) is
# now refused the way bad input must be: exit status 2 and exactly one line on stderr.
#   crashes_test.sh WELLSIM SOURCE_DIR
set -uo pipefail
wellsim=$1
dir=$2/tests/fuzz/crashes
failed=0
checked=0
check() {  # check FILE COMMAND...
  local err status
  err=$("${@:2}" 2>&1 >/dev/null)
  status=$?
  checked=$((checked + 1))
  if [ "$status" -ne 2 ] || [ "$(printf '%s\n' "$err" | wc -l)" -ne 1 ]; then
    echo "FAIL: $1: exit $status, stderr: $err"
    failed=1
  fi
}
for f in "$dir"/fuzz_run_reader/*; do [ -f "$f" ] && check "$f" "$wellsim" inspect "$f"; done
for f in "$dir"/fuzz_scenario/*; do [ -f "$f" ] && check "$f" "$wellsim" validate "$f"; done
echo "fuzz_crashes: $checked input(s) checked"
[ "$checked" -gt 0 ] || { echo "FAIL: no crash inputs found under $dir"; exit 1; }
exit $failed
