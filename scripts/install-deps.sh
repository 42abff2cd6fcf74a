#!/usr/bin/env bash
# Installs every Debian package that building, testing and running orderly needs.
# Idempotent: packages already present are skipped; safe to run on every build.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config clang-format
  # libraries (see STACK.md)
  libboost-dev nlohmann-json3-dev libsqlite3-dev sqlite3 libpq-dev
  # the PostgreSQL server the tests start a private cluster of (tests/pg/cluster.sh)
  postgresql
  libspdlog-dev libfmt-dev libcli11-dev libsodium-dev uuid-dev prometheus-cpp-dev
  # configuration file (orderly serve|worker --config, orderly config check)
  libtomlplusplus-dev
  # the server's memory allocator (ORDERLY_JEMALLOC; bench/README.md)
  libjemalloc-dev
  # tests
  libgtest-dev libgmock-dev libcpp-httplib-dev curl
  # the .deb (cpack: dpkg-shlibdeps via build-essential, `file` to find the binaries)
  file
  # benchmarks and load (bench/run.sh)
  wrk libbenchmark-dev
  # web UI tests drive Debian's Chromium (never a downloaded browser)
  chromium
  # fuzzing (scripts/fuzz.sh): clang and its libFuzzer/sanitizer runtimes (libclang_rt.fuzzer),
  # which ship in the compiler-rt package of Debian 12's default clang (14) and are not pulled in
  # with --no-install-recommends
  clang libclang-rt-14-dev
)

# The web UI builds with Node.js and npm. The machine image ships them (Node 20 with npm 11); Debian's
# own packages are the fallback where they are missing.
if ! command -v npm >/dev/null 2>&1; then
  packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=300 update -q
"${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "${missing[@]}"
