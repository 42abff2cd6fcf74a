#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan + UBSan; tests/fuzz/) and runs each one for
# ORDERLY_FUZZ_SECONDS (default 60) on a copy of its committed corpus, so the committed corpus never
# changes during CI. Prints executions per second, total executions and the corpus size per harness,
# and exits non-zero on any crash, leak, time-out or sanitizer report, naming the input that caused
# it. Longer runs, minimising and adding corpus entries: tests/fuzz/README.md.
#
# Usage: scripts/fuzz.sh [build dir]   (default build-fuzz; or set ORDERLY_FUZZ_BUILD_DIR)
# Environment: ORDERLY_FUZZ_SECONDS (per harness), ORDERLY_FUZZ_ONLY (a regex of harness names),
#              ORDERLY_FUZZ_ARTIFACTS (where crashing inputs go; default <build dir>/fuzz-artifacts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
root=$(pwd)

build_dir=${1:-${ORDERLY_FUZZ_BUILD_DIR:-build-fuzz}}
seconds=${ORDERLY_FUZZ_SECONDS:-60}
only=${ORDERLY_FUZZ_ONLY:-.}
artifacts=${ORDERLY_FUZZ_ARTIFACTS:-$build_dir/fuzz-artifacts}
started=$(date +%s)

if [ ! -f "$build_dir/build.ninja" ]; then
  launcher=()
  if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
  # -O1 with line tables only: the instrumented build is the slow part of a short CI run.
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
    -DCMAKE_CXX_COMPILER=clang++ -DORDERLY_FUZZ=ON -DORDERLY_WEB=OFF -DBUILD_TESTING=OFF \
    "${launcher[@]}" >/dev/null
fi
# Only the harnesses and the layers they link: no server, no web UI, no tests.
cmake --build "$build_dir" --target fuzzers -- -j "$(nproc)"
built=$(date +%s)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$artifacts"
failed=0

printf '%-20s %10s %12s %8s %8s  %s\n' harness "exec/s" executions "corpus" "seeds" result
for binary in "$build_dir"/fuzz/fuzz_*; do
  name=$(basename "$binary")
  [[ "$name" =~ $only ]] || continue
  corpus="$work/$name"
  mkdir -p "$corpus" "$artifacts/$name"
  seeds=0
  if [ -d "tests/fuzz/corpus/$name" ]; then
    cp -R "tests/fuzz/corpus/$name/." "$corpus/"
    seeds=$(find "tests/fuzz/corpus/$name" -type f | wc -l)
  fi
  log="$artifacts/$name/fuzz.log"
  status=0
  # -timeout: an input that runs longer is a hang (argon2 password hashing takes well under it).
  "$binary" "$corpus" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2560 \
    -dict=tests/fuzz/dict/http.dict -artifact_prefix="$artifacts/$name/" -print_final_stats=1 \
    >"$log" 2>&1 || status=$?
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  per_second=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  size=$(find "$corpus" -type f | wc -l)
  result=ok
  if [ "$status" -ne 0 ]; then
    result="FAILED (exit $status)"
    failed=1
  fi
  printf '%-20s %10s %12s %8s %8s  %s\n' "$name" "${per_second:--}" "${executions:--}" "$size" \
    "$seeds" "$result"
  if [ "$status" -ne 0 ]; then
    # The sanitizer's report and the path of the input that triggered it.
    grep -E 'ERROR: |SUMMARY: |WARNING: |runtime error|answered|Test unit written to|artifact_prefix' "$log" |
      head -40 | sed 's/^/    /'
    echo "    full log: $log"
  fi
done

finished=$(date +%s)
echo "fuzz: build $((built - started)) s, fuzzing $((finished - built)) s, total $((finished - started)) s"
if [ "$failed" -ne 0 ]; then
  echo "fuzz: FAILED; reproduce with <build dir>/fuzz/<harness> <crashing input> (tests/fuzz/README.md)"
  exit 1
fi
echo "fuzz: every harness ran clean"
