#!/usr/bin/env bash
# The one bench command: builds Release into its own directory, seeds stores, runs every scenario
# against a real `orderly serve` on 127.0.0.1, measures the ceilings in the same run, and prints
# the table (also bench/results/latest.json and latest.md). Never part of the tests.
#
#   bench/run.sh            default: stores of 10k and 100k orders, 8 s per phase (~3-4 min)
#   bench/run.sh --quick    10k orders only, 2 s per phase (~1 min)
#   bench/run.sh --full     default plus the 1M-order store (seeding adds about a minute)
#   options: --skip-micro (no Google Benchmark run), --keep (keep the temporary directory),
#            --only=GROUPS (comma-separated: writes, processing, reads, postgresql, micro)
#   environment: ORDERLY_BENCH_BUILD_DIR (default build-release), ORDERLY_BENCH_SERVER_THREADS
#                (default: orderly's own default), ORDERLY_BENCH_DURATION (seconds per phase),
#                ORDERLY_BENCH_PREBUILT (run the binaries of this directory instead of building)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

mode=default
run_micro=1
only=writes,processing,reads,postgresql,micro
keep=0
for arg in "$@"; do
  case "$arg" in
    --quick) mode=quick ;;
    --full) mode=full ;;
    --skip-micro) run_micro=0 ;;
    --keep) keep=1 ;;
    --only=*) only=${arg#--only=} ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

case "$mode" in
  quick) duration=2; warmup=0.5; sizes=(10000); micro_min_time=0.05 ;;
  default) duration=8; warmup=1; sizes=(10000 100000); micro_min_time=0.3 ;;
  full) duration=8; warmup=1; sizes=(10000 100000 1000000); micro_min_time=0.3 ;;
esac
duration=${ORDERLY_BENCH_DURATION:-$duration}

# Concurrency of each scenario. 64 connections for reads (the issue's p99 target is stated at 64);
# 16 lifecycle clients (each runs three dependent requests, so the server sees up to 16 writers);
# 32 clients on 4 hot orders for contention.
read_connections=64
lifecycle_clients=16
contention_clients=32
hot_orders=4
lifecycle_store_orders=10000
# The processing scenario: 2 workers run the jobs; 8 clients keep the queue fed without drowning
# the workers' two cores in polls.
processing_workers=2
processing_clients=8

# True when the scenario group is selected (--only=writes,processing,reads,postgresql,micro).
wants() { [[ ",$only," == *",$1,"* ]]; }

bash scripts/install-deps.sh
work=$(mktemp -d "${TMPDIR:-/tmp}/orderly-bench-XXXXXX")
results="$work/results.jsonl"
server_pid=""
server_port=""
server_pids=()
pg_state=""

cleanup() {
  stop_server
  if [ -n "$pg_state" ]; then bash tests/pg/cluster.sh stop "$pg_state" || true; fi
  if [ "$keep" = 1 ]; then echo "bench: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_dir=${ORDERLY_BENCH_BUILD_DIR:-build-release}
if [ -n "${ORDERLY_BENCH_PREBUILT:-}" ]; then
  # Binaries built earlier (a copy of build-release kept from before a change), to compare before
  # and after a change on the same machine within minutes.
  prebuilt=$(cd "$ORDERLY_BENCH_PREBUILT" && pwd)
  echo "bench: using the binaries in $prebuilt (no build)" >&2
  orderly_bin="$prebuilt/orderly"
  tools="$prebuilt/bench"
else
  echo "bench: building Release into $build_dir" >&2
  # Quiet when it works; the whole log when it does not (ninja prints compiler errors on stdout).
  if ! { cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DORDERLY_BENCH=ON -DBUILD_TESTING=OFF &&
         cmake --build "$build_dir" --target orderly_bench_all; } >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    echo "bench: the Release build failed" >&2
    exit 1
  fi
  orderly_bin="$repo/$build_dir/orderly"
  tools="$repo/$build_dir/bench"
fi

# Starts `orderly serve` on a free loopback port (port 0; the server prints the one it bound).
# Several may run at once (API nodes on one PostgreSQL database); stop_server stops them all.
start_server() {
  local db_url=$1 name=$2
  shift 2
  local log="$work/server-$name.log"
  local threads=()
  if [ -n "${ORDERLY_BENCH_SERVER_THREADS:-}" ]; then threads=(--threads "$ORDERLY_BENCH_SERVER_THREADS"); fi
  "$orderly_bin" serve --db "$db_url" --listen 127.0.0.1:0 --log-level warn "${threads[@]}" "$@" >"$log" 2>&1 &
  server_pid=$!
  server_pids+=("$server_pid")
  for _ in $(seq 1 300); do
    server_port=$(sed -n 's#^orderly listening on http://127\.0\.0\.1:\([0-9][0-9]*\)$#\1#p' "$log")
    if [ -n "$server_port" ]; then return 0; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  echo "bench: orderly did not start; its log:" >&2
  cat "$log" >&2
  exit 1
}

# SIGTERM to each server this script started, then SIGKILL to the same pid if it has not left in
# 20 s.
stop_server() {
  local pid
  for pid in "${server_pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 200); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
    wait "$pid" 2>/dev/null || true
  done
  server_pids=()
  server_pid=""
}

# The server's peak and current resident set, as a record for the report.
record_memory() {
  local name=$1 orders=$2
  local status="/proc/$server_pid/status"
  local hwm rss
  hwm=$(awk '/^VmHWM:/ {print $2}' "$status")
  rss=$(awk '/^VmRSS:/ {print $2}' "$status")
  printf '{"kind":"server","name":"%s","orders":%s,"vm_hwm_kb":%s,"vm_rss_kb":%s}\n' \
    "$name" "$orders" "$hwm" "$rss" >>"$results"
}

load() {
  "$tools/orderly_load" --port "$server_port" --out "$results" --duration "$duration" --warmup "$warmup" "$@"
}

seed() {
  local db_url=$1 orders=$2 world=$3
  "$tools/orderly_bench_seed" --db "$db_url" --orders "$orders" --world "$world"
}

label_of() {
  case "$1" in
    *000000) echo "$(($1 / 1000000))M" ;;
    *000) echo "$(($1 / 1000))k" ;;
    *) echo "$1" ;;
  esac
}

git_rev=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then git_rev="$git_rev+dirty"; fi
printf '{"kind":"meta","mode":"%s","date":"%s","git":"%s","cpus":%s,"cpu_model":"%s","duration_s":%s,"warmup_s":%s}\n' \
  "$mode" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$git_rev" "$(nproc)" \
  "$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo | tr -d '"')" "$duration" "$warmup" >"$results"

# --- Writes: ceilings, lifecycle, contention on one server -------------------------------------
if wants writes || wants processing; then
  echo "bench: lifecycle store ($(label_of $lifecycle_store_orders) orders)" >&2
  seed "sqlite:$work/lifecycle.db" "$lifecycle_store_orders" "$work/lifecycle.json"
fi
if wants writes; then
  start_server "sqlite:$work/lifecycle.db" lifecycle

  load --scenario health --name ceiling.health --connections "$read_connections"
  if command -v wrk >/dev/null; then
    BENCH_NAME=ceiling.health.wrk wrk -t2 -c"$read_connections" -d"${duration}s" \
      -s "$repo/bench/wrk/health_summary.lua" "http://127.0.0.1:$server_port/health/" | { grep '^{' || true; } >>"$results"
  fi
  # The store ceiling runs in-process on the server's own database file while the server idles.
  store_ceiling() {
    "$tools/orderly_store_ceiling" --db "sqlite:$work/lifecycle.db" --world "$work/lifecycle.json" --out "$results" \
      --duration "$duration" --warmup "$warmup" "$@"
  }
  # What-ifs for the write path: four writer threads meeting in SQLite's busy handler, as the
  # server's request threads do, and the same four taking turns in FIFO order (bench/README.md).
  store_ceiling --threads 4 --name ceiling.store.threads4 --ceiling ceiling.store
  store_ceiling --threads 4 --writer-lock --name ceiling.store.threads4.fifo --ceiling ceiling.store

  # Each write scenario is compared with the store ceiling measured just before and just after it:
  # the disk's fsync time drifts within a minute here, and the bracket shows by how much.
  # An order is three write transactions (create, approve, done): ratio = 3 x orders/s / store tx/s.
  store_ceiling --name ceiling.store
  load --scenario lifecycle --world "$work/lifecycle.json" --name lifecycle --connections "$lifecycle_clients" \
    --ceiling ceiling.store,ceiling.store.mid --ceiling-factor 3
  store_ceiling --name ceiling.store.mid
  # Contention commits the same three writes per completed order; its 409s roll back.
  load --scenario contention --world "$work/lifecycle.json" --name contention --connections "$contention_clients" \
    --hot-orders "$hot_orders" --ceiling ceiling.store.mid,ceiling.store.end --ceiling-factor 3
  store_ceiling --name ceiling.store.end
  # The lifecycle again at half the rate it reached, with latency from each order's scheduled start.
  load --scenario lifecycle --world "$work/lifecycle.json" --name lifecycle.fixed_rate_50pct \
    --connections "$lifecycle_clients" --rate-of lifecycle --rate-fraction 0.5

  record_memory lifecycle "$lifecycle_store_orders"
  stop_server
fi

# --- Processing: Script orders with a no-op script through the job queue -----------------------
# The same store, served again with 2 background workers. Each client places an order on the
# no-op Script offering, approves it, and polls it until done; the queue delays come from the
# server's own timestamps (approval, the script's printed start time, completion).
if wants processing; then
  echo "bench: processing (Script orders, 2 workers)" >&2
  start_server "sqlite:$work/lifecycle.db" processing --workers "$processing_workers" \
    --script-runs-dir "$work/script-runs"
  load --scenario processing --world "$work/lifecycle.json" --name processing.script_noop \
    --connections "$processing_clients"
  record_memory processing "$lifecycle_store_orders"
  stop_server
fi

# --- Reads over stores of growing size -------------------------------------------------------
if wants reads; then
  for orders in "${sizes[@]}"; do
    label=$(label_of "$orders")
    echo "bench: read store ($label orders)" >&2
    seed "sqlite:$work/read-$label.db" "$orders" "$work/read-$label.json"
    start_server "sqlite:$work/read-$label.db" "read-$label"
    load --scenario health --name "ceiling.health.$label" --connections "$read_connections"
    load --scenario get_order --world "$work/read-$label.json" --name "read.get_order.$label" \
      --connections "$read_connections" --ceiling "ceiling.health.$label"
    load --scenario list_orders --world "$work/read-$label.json" --name "read.list_orders.$label" \
      --connections "$read_connections" --ceiling "ceiling.health.$label"
    # One connection: the list's own latency, without queueing behind 63 others.
    load --scenario list_orders --world "$work/read-$label.json" --name "read.list_orders.$label.c1" \
      --connections 1
    record_memory "read-$label" "$orders"
    stop_server
    rm -f "$work/read-$label.db" "$work/read-$label.db-wal" "$work/read-$label.db-shm"
  done
fi

# --- PostgreSQL: the lifecycle on 1 and on 2 API nodes, pgbench's simple-update as the ceiling ---
# A private cluster, started as the test suite starts it (tests/pg/cluster.sh: fsync and
# synchronous_commit off, so both orderly and pgbench measure CPU and locking, not the disk).
# pgbench runs on the same cluster just before and just after the orderly phases; an order is
# three write transactions, as for SQLite, so ratio = 3 x orders/s / pgbench tps.
pg_bin=${ORDERLY_PG_BIN:-/usr/lib/postgresql/15/bin}

# pgbench -N (simple-update: UPDATE accounts, SELECT, INSERT history, one transaction) with the
# lifecycle's concurrency; percentiles from its per-transaction log (latency in us, column 3).
pgbench_ceiling() {
  local name=$1
  local prefix="$work/pgbench-$name"
  "$pg_bin/pgbench" -N -n -c "$lifecycle_clients" -j 2 -T "$duration" -l --log-prefix="$prefix" \
    "$pg_url" >"$prefix.out" 2>&1 || { cat "$prefix.out" >&2; exit 1; }
  local tps
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$prefix.out" | head -1)
  cat "$prefix".[0-9]* | awk '{print $3}' | sort -n | awk -v name="$name" -v tps="$tps" \
    -v clients="$lifecycle_clients" '
      { v[NR] = $1 }
      function at(q,  i) { i = int(q * NR + 0.999999); if (i < 1) i = 1; return v[i] / 1000 }
      END {
        printf "{\"kind\":\"ceiling\",\"name\":\"%s\",\"throughput\":%s,\"unit\":\"tx/s\",", name, tps
        printf "\"connections\":%d,\"latency\":{\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"p999_ms\":%.3f},", clients, at(0.5), at(0.99), at(0.999)
        printf "\"note\":\"pgbench -N, same cluster\"}\n"
      }' >>"$results"
  rm -f "$prefix".[0-9]*
  echo "  $name: $tps tps" >&2
}

if ! wants postgresql; then
  :
elif [ -x "$pg_bin/pgbench" ] && [ -x "$pg_bin/initdb" ]; then
  echo "bench: PostgreSQL (private cluster; lifecycle on 1 and 2 API nodes, pgbench -N)" >&2
  pg_state="$work/pg"
  pg_url=$(bash tests/pg/cluster.sh start "$pg_state")
  "$pg_bin/pgbench" -i -q -s 4 "$pg_url" >"$work/pgbench-init.log" 2>&1 ||
    { cat "$work/pgbench-init.log" >&2; exit 1; }
  seed "$pg_url" "$lifecycle_store_orders" "$work/pg.json"
  pgbench_ceiling ceiling.pgbench.before
  # Both nodes are API-only (`--workers 0`), so the one-node figure is the same kind of node.
  start_server "$pg_url" pg-node1 --workers 0
  node1_port=$server_port
  load --scenario lifecycle --world "$work/pg.json" --name pg.lifecycle.1node \
    --connections "$lifecycle_clients" --ceiling ceiling.pgbench.before,ceiling.pgbench.after \
    --ceiling-factor 3
  start_server "$pg_url" pg-node2 --workers 0
  # The same clients, split evenly over the two nodes.
  load --scenario lifecycle --world "$work/pg.json" --name pg.lifecycle.2nodes \
    --connections "$lifecycle_clients" --also-port "$node1_port" \
    --ceiling ceiling.pgbench.before,ceiling.pgbench.after --ceiling-factor 3
  stop_server
  pgbench_ceiling ceiling.pgbench.after
  bash tests/pg/cluster.sh stop "$pg_state"
  pg_state=""
else
  echo "bench: no PostgreSQL in $pg_bin (postgresql-15, postgresql-contrib); skipping its scenarios" >&2
fi

# --- Micro-benchmarks ------------------------------------------------------------------------
micro_args=()
if [ "$run_micro" = 1 ] && wants micro; then
  echo "bench: micro-benchmarks" >&2
  "$tools/orderly_micro_bench" --benchmark_min_time="$micro_min_time" \
    --benchmark_out="$work/micro.json" --benchmark_out_format=json >"$work/micro.txt"
  micro_args=(--micro "$work/micro.json")
fi

mkdir -p bench/results
"$tools/orderly_bench_report" --results "$results" "${micro_args[@]}" \
  --out bench/results/latest.json --markdown bench/results/latest.md
echo "bench: wrote bench/results/latest.json and bench/results/latest.md" >&2
