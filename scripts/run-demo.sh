#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running orderly with demo data:
# installs packages, builds, seeds orderly-demo.db (once), starts the fake OpenStack and Rancher
# backends the demo offerings point at (tools/fake_backends on 127.0.0.1:18500 and :18501), and
# serves on 127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
build_dir=${ORDERLY_BUILD_DIR:-build}
db=${ORDERLY_DB:-sqlite:orderly-demo.db}
listen=${ORDERLY_LISTEN:-127.0.0.1:8080}
"./$build_dir/orderly" demo --db "$db"

# Fakes, not backends: they keep their projects and clusters in memory only.
"./$build_dir/tools/fake_backends" 18500 18501 &
fakes=$!
trap 'kill "$fakes" 2>/dev/null || true' EXIT
echo
echo "Open http://${listen}/ (API under http://${listen}/api/); stop with Ctrl-C."
"./$build_dir/orderly" serve --db "$db" --listen "$listen" --workers 2
