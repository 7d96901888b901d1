#!/usr/bin/env bash
# `cmake --install` as the README says: the installed command runs an installed scenario from
# anywhere, with nothing of the checkout or the build folder.
#   install_test.sh BUILD_DIR
set -euo pipefail
build=$1
prefix=$(mktemp -d /tmp/wellsim-install-XXXXXX)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
test -x "$prefix/bin/wellsim" || { echo "FAIL: no $prefix/bin/wellsim"; exit 1; }
test -f "$prefix/share/wellsim/scenarios/default.toml" ||
  { echo "FAIL: no scenarios under $prefix/share/wellsim"; exit 1; }
cd "$prefix"
PATH="$prefix/bin:/usr/bin:/bin" wellsim run share/wellsim/scenarios/default.toml --steps 2 \
  -o out.h5 -q
PATH="$prefix/bin:/usr/bin:/bin" wellsim inspect out.h5 | grep -q "status     complete" ||
  { echo "FAIL: the installed command's run is not complete"; exit 1; }
echo "ok: installed to $prefix, ran default.toml from there"
