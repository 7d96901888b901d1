#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and runs a scenario (default: the valley town),
# writing runs/<scenario>.h5 and printing a summary. Extra arguments go to `wellsim run`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh --target wellsim
scenario=scenarios/default.toml
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then scenario=$1; shift; fi
exec build/wellsim run "$scenario" --overwrite "$@"
