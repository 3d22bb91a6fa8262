#!/usr/bin/env bash
# Installs the Debian 12 packages edgefleet needs, only those missing.
# Runs as root (apt-get) or through sudo when available.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  libsimgrid-dev libeigen3-dev nlohmann-json3-dev libcli11-dev libpcg-cpp-dev zlib1g-dev libjemalloc-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  dataset-fashion-mnist python3 python3-matplotlib python3-sklearn python3-jsonschema time
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -eq 0 ]; then exit 0; fi
echo "edgefleet: installing missing packages: ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
