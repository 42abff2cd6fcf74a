#!/usr/bin/env bash
# The C++ test suite under AddressSanitizer + UndefinedBehaviorSanitizer (g++; docs/testing.md).
# Builds into build-asan/ (or BUILD_DIR), runs ctest there and fails when a test fails or when any
# process (a test binary or a server, worker or agent a test started) wrote a sanitizer report.
#   scripts/sanitize.sh [BUILD_DIR] [-- CTEST_ARGS...]   (CTEST_ARGS, e.g. `-R Customer`, replace
#                                                        the default selection below)
#   ORDERLY_SANITIZE_ALL=1   also run every PostgreSQL twin (pg.*), not only the store-specific ones
#   ORDERLY_SANITIZE_JOBS=N  ctest's parallelism (default: the number of cores)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
build_dir=build-asan
if [ $# -gt 0 ] && [ "$1" != -- ]; then build_dir=$1; shift; fi
if [ $# -gt 0 ] && [ "$1" = -- ]; then shift; fi
build_dir=$(realpath -m "$build_dir")
jobs=${ORDERLY_SANITIZE_JOBS:-$(nproc)}

# -O1 -g1: builds faster than -O2 -g and keeps file and line in stack traces. No web UI and no
# .deb: the browser, vitest and package tests exercise no C++ that the API tests do not already run.
launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
# g++ through CXX, which CMake reads only when it creates the cache: a -DCMAKE_CXX_COMPILER=g++ on an
# existing cache (which holds /usr/bin/g++) would make it delete the cache and configure afresh.
CXX=g++ cmake -S . -B "$build_dir" -G Ninja "${launcher[@]}" \
      -DORDERLY_SANITIZE=ON -DORDERLY_WEB=OFF \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1" >/dev/null

# Every sanitized process writes its report into $reports (one file per process, named after the
# executable and pid) instead of its standard error: a server the tests started may die of a report
# while the test that started it still passes, so the files decide, not only the exit codes.
# Exported before the build too, since the build runs the test binaries to list their tests.
reports="$build_dir/sanitizer-reports"
rm -rf "$reports"
mkdir -p "$reports"
export ASAN_OPTIONS="log_path=$reports/asan:log_exe_name=1:detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
export UBSAN_OPTIONS="log_path=$reports/ubsan:log_exe_name=1:halt_on_error=1:print_stacktrace=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
# Prints the reports, if any, and says whether there were none.
no_reports() {
  [ -z "$(ls -A "$reports")" ] && return 0
  echo "sanitizer reports (in $reports):" >&2
  for report in "$reports"/*; do
    echo "=== $report" >&2
    cat "$report" >&2
  done
  return 1
}
cmake --build "$build_dir" || { no_reports; exit 1; }

cd "$build_dir"
status=0
if [ $# -gt 0 ]; then
  ctest --output-on-failure --timeout 900 -j "$jobs" "$@" || status=1
elif [ "${ORDERLY_SANITIZE_ALL:-0}" = 1 ]; then
  ctest --output-on-failure --timeout 900 -j "$jobs" || status=1
else
  # The pg.* twins run the same service and API code as the SQLite tests; only the tests whose
  # subject is the store itself (its concurrency, its copy, its connections) run on PostgreSQL too.
  ctest --output-on-failure --timeout 900 -j "$jobs" -E '^pg[._]' || status=1
  store_specific='PostgresStore|MigrateStoreTest|MultiNodeTest|RaceTest|CrashSafetyTest'
  ctest --output-on-failure --timeout 900 -j "$jobs" -R "^pg\\.($store_specific)\\." || status=1
fi

no_reports || status=1
exit "$status"
