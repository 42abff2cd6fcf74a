#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the whole test suite:
# installs packages, builds, and runs every test with ctest (unit and API tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
cd build
ctest --output-on-failure --timeout 600 -j "$(nproc)"
