#!/usr/bin/env bash
# Installs the Debian packages wellsim needs, only those missing, so a second call is instant.
# Works as root or as a user with sudo.
set -euo pipefail
packages=(
  cmake g++ make pkg-config git
  libboost-graph-dev libtbb-dev libhdf5-dev libtomlplusplus-dev libcli11-dev librandom123-dev zlib1g-dev nlohmann-json3-dev
  libmetis-dev  # `wellsim partition`: neighbourhoods across MPI ranks (docs/scaling.md)
  openmpi-bin libopenmpi-dev
  catch2 libeigen3-dev clang-format
  libimgui-dev libstb-dev libglfw3-dev libgl-dev libgl1-mesa-dri xvfb xauth
  python3-h5py python3-numpy python3-scipy
  # run files opened as netCDF-4 by xarray, and the pandas example (9 packages, ~26 s)
  python3-xarray python3-h5netcdf python3-pandas
  # the R example, docs/examples/read_run.R (7 packages, 30 MB download, 48 MB, ~15 s)
  r-base-core r-cran-hdf5r
  libjs-chart.js
  chromium  # headless render tests of the HTML reports, and compare --pdf (about 100 MB)
  poppler-utils  # pdftoppm: the test of compare --pdf looks at the PDF's pages as pictures
  ffmpeg  # view --record encodes its frames with it; its ffprobe checks the videos in the tests
)
# Optional: only the Slurm test fixture (tests/batch/slurm_fixture.sh) uses these, and its tests
# skip without them, so failing to install them does not fail this script.
optional=(slurm-wlm munge)
not_installed() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}
mapfile -t missing < <(not_installed "${packages[@]}")
mapfile -t missing_optional < <(not_installed "${optional[@]}")
[ ${#missing[@]} -eq 0 ] && [ ${#missing_optional[@]} -eq 0 ] && exit 0
skip_optional="install-deps: could not install ${missing_optional[*]}; the Slurm tests will skip"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null; then
    [ ${#missing[@]} -eq 0 ] && { echo "$skip_optional (no root or sudo)" >&2; exit 0; }
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1
  fi
  sudo="sudo"
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  $sudo apt-get update -qq || { echo "$skip_optional (apt-get update failed)" >&2; exit 0; }
fi
if [ ${#missing_optional[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing_optional[*]} (optional, for the Slurm tests)" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing_optional[@]}" >/dev/null ||
    echo "$skip_optional (apt-get install failed)" >&2
fi
