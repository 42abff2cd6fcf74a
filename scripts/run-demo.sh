#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running orderly with demo data:
# installs packages, builds, seeds orderly-demo.db (once) and serves on 127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
db=${ORDERLY_DB:-sqlite:orderly-demo.db}
listen=${ORDERLY_LISTEN:-127.0.0.1:8080}
./build/orderly demo --db "$db"
echo
echo "Open http://${listen}/ (API under http://${listen}/api/); stop with Ctrl-C."
exec ./build/orderly serve --db "$db" --listen "$listen"
