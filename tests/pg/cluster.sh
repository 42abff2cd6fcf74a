#!/usr/bin/env bash
# A private PostgreSQL cluster for the test suite (the ctest fixture pg_cluster runs it):
#   cluster.sh start STATE_DIR   initdb in a fresh temporary directory, start on a free loopback
#                                port, write the server's URL to STATE_DIR/url
#   cluster.sh stop STATE_DIR    stop it and remove its directory
# Durability is off (fsync, synchronous_commit): the data is thrown away after the run.
# initdb refuses to run as root, so under root the cluster runs as the unprivileged user
# orderly-test (created when missing).
set -euo pipefail

action=${1:?start or stop}
state_dir=${2:?state directory}
pg_bin=${ORDERLY_PG_BIN:-/usr/lib/postgresql/15/bin}
run_user=orderly-test

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$run_user" -- "$@"
  else
    "$@"
  fi
}

stop_cluster() {
  if [ -f "$state_dir/data_dir" ]; then
    local data_dir
    data_dir=$(cat "$state_dir/data_dir")
    if [ -d "$data_dir" ]; then
      as_owner "$pg_bin/pg_ctl" -D "$data_dir/data" -m immediate -w stop >/dev/null 2>&1 || true
      rm -rf "$data_dir"
    fi
    rm -f "$state_dir/data_dir" "$state_dir/url"
  fi
}

# A random high port nothing answers on (pg_ctl start fails if it is taken meanwhile; see below).
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

case "$action" in
  stop)
    stop_cluster
    ;;
  start)
    mkdir -p "$state_dir"
    stop_cluster  # a cluster left over by an interrupted run
    if [ "$(id -u)" -eq 0 ] && ! id "$run_user" >/dev/null 2>&1; then
      useradd --system --no-create-home --shell /usr/sbin/nologin "$run_user"
    fi
    data_dir=$(mktemp -d /tmp/orderly-pg-XXXXXX)
    echo "$data_dir" > "$state_dir/data_dir"
    chmod 755 "$data_dir"
    [ "$(id -u)" -eq 0 ] && chown "$run_user" "$data_dir"
    as_owner "$pg_bin/initdb" -D "$data_dir/data" -U orderly --auth=trust --no-locale -E UTF8 --no-sync \
      >"$data_dir/initdb.log" 2>&1 || { cat "$data_dir/initdb.log" >&2; exit 1; }
    # Another process may take the port between choosing and binding it: try a few.
    for _ in 1 2 3 4 5; do
      port=$(free_port)
      if as_owner "$pg_bin/pg_ctl" -D "$data_dir/data" -l "$data_dir/server.log" -w -t 60 start \
          -o "-p $port -k $data_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
              -c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB" >/dev/null; then
        echo "postgresql://orderly@127.0.0.1:$port/postgres" > "$state_dir/url"
        cat "$state_dir/url"
        exit 0
      fi
    done
    cat "$data_dir/server.log" >&2
    exit 1
    ;;
  *)
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
