#!/usr/bin/env bash
# Quick start, command 2: install deps, build, run the whole test suite (CTest).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/tools/build.sh"
cd "$root/build"
ctest --output-on-failure -j "$(nproc)" --timeout 600
