#!/usr/bin/env bash
# Installs what is missing, then configures and builds orderly into build/ (or $ORDERLY_BUILD_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build_dir=${ORDERLY_BUILD_DIR:-build}
build_type=${ORDERLY_BUILD_TYPE:-RelWithDebInfo}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" "$@" >/dev/null
cmake --build "$build_dir"
