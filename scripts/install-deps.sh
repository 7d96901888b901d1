#!/usr/bin/env bash
# Installs the Debian packages wellsim needs, only those missing, so a second call is instant.
# Works as root or as a user with sudo.
set -euo pipefail
packages=(
  cmake g++ make pkg-config git
  libboost-graph-dev libtbb-dev libhdf5-dev libtomlplusplus-dev libcli11-dev librandom123-dev zlib1g-dev nlohmann-json3-dev
  catch2 libeigen3-dev clang-format
  libimgui-dev libstb-dev libglfw3-dev libgl-dev libgl1-mesa-dri xvfb xauth
  python3-h5py python3-numpy python3-scipy
  libjs-chart.js
  chromium  # headless render tests of the HTML reports (about 100 MB)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
