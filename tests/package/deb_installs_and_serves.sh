#!/usr/bin/env bash
# Builds the .deb with cpack, extracts it with `dpkg -x` into a temporary root, starts the extracted
# `orderly serve` with the shipped configuration pointed into that root, and checks /health/ and
# that / serves the web UI.
# Usage: deb_installs_and_serves.sh BUILD_DIR
set -euo pipefail
build_dir=$1

work=$(mktemp -d "${TMPDIR:-/tmp}/orderly-deb-XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$work/server.log" ] && tail -20 "$work/server.log" >&2; exit 1; }

(cd "$work" && cpack --config "$build_dir/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log" >&2; fail "cpack did not build the package"; }
deb=$(ls "$work"/out/orderly_*.deb)
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) kB)"

contents=$(dpkg-deb -c "$deb")
for path in ./usr/bin/orderly ./usr/bin/orderly-agent ./usr/lib/systemd/system/orderly.service \
            ./etc/orderly/orderly.toml ./usr/share/orderly/web/index.html; do
  grep -q " $path\$" <<<"$contents" || fail "the package lacks $path"
done
dpkg-deb -f "$deb" Depends | grep -q libsqlite3 || fail "no library dependencies in the control file"
dpkg-deb -e "$deb" "$work/control"
grep -qx /etc/orderly/orderly.toml "$work/control/conffiles" || fail "the configuration is not a conffile"

root="$work/root"
dpkg -x "$deb" "$root"
grep -q '^ExecStart=/usr/bin/orderly serve --config /etc/orderly/orderly.toml$' \
  "$root/usr/lib/systemd/system/orderly.service" || fail "the unit does not start serve with the config"

# The shipped configuration, with its paths moved into the temporary root and a free port.
config="$root/etc/orderly/orderly.toml"
"$root/usr/bin/orderly" config check "$config" || fail "the shipped configuration does not check"
mkdir -p "$root/var/lib/orderly"
sed -i -e "s|sqlite:/var/lib/orderly|sqlite:$root/var/lib/orderly|" \
       -e "s|\"/usr/share/orderly/web\"|\"$root/usr/share/orderly/web\"|" \
       -e 's|^listen = .*|listen = "127.0.0.1:0"|' "$config"

"$root/usr/bin/orderly" serve --config "$config" >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
url=
for _ in $(seq 1 300); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/server.out" || true)
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || fail "the extracted server exited"
  sleep 0.1
done
[ -n "$url" ] || fail "the extracted server did not start listening"

curl -fsS "$url/health/" >/dev/null || fail "/health/ did not answer"
curl -fsS "$url/" | grep -q '<div id="root">' || fail "/ does not serve the web UI"
[ -f "$root/var/lib/orderly/orderly.db" ] || fail "the database is not where the configuration says"
head -1 "$work/server.log" | grep -q '^{' || fail "log.format = \"json\" of the shipped file not applied"
echo "ok: extracted package serves /health/ and the web UI at $url"
