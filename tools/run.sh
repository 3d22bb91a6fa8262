#!/usr/bin/env bash
# Quick start, command 1: install deps, build, run the default scenario (extra args go to `run`).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/tools/build.sh"
cd "$root"
exec "$root/build/edgefleet" run "$@"
