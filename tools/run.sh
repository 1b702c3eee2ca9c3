#!/usr/bin/env bash
# Parley's entry point for people and CI: installs what is missing (Debian 12, apt), configures,
# builds, then starts the player on the bundled scenarios or runs the whole test suite.
#
#   bash tools/run.sh [OPTIONS]  build and start Parley on the bundled scenarios
#   bash tools/run.sh test       build and run every test through CTest
#
# Environment: PARLEY_SANITIZE=1 builds and tests with AddressSanitizer + UBSan (in build-asan/);
# PARLEY_TSAN=1 builds only the engine and its concurrency test with ThreadSanitizer (build-tsan/).
# Running it again is cheap: nothing is installed twice and the build is incremental.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=play
case "${1:-}" in
  play|test) mode=$1; shift ;;
esac

packages=(
  cmake g++ make pkg-config
  nlohmann-json3-dev catch2 libcli11-dev libbenchmark-dev
  libsfml-dev libimgui-dev libstb-dev libfreetype-dev libx11-dev fonts-noto-cjk
  libsqlite3-dev libcpp-httplib-dev libxlsxwriter-dev libqrencode-dev unzip
  xvfb xauth libgl1-mesa-dri
  python3-jsonschema
  help2man dpkg-dev desktop-file-utils
)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "parley: installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
  local dir=$1; shift
  cmake -S "$here" -B "$dir" "$@" >/dev/null
  cmake --build "$dir" -j "$(nproc)"
}

install_missing

case "$mode" in
  play)
    build "$here/build"
    if [ -x "$here/build/tools/player/parley" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
      exec "$here/build/tools/player/parley" --content "$here/scenarios" "$@"
    fi
    # No display: play in the terminal.
    exec "$here/build/tools/cli/parley-cli" play "$here/scenarios/library/sme-working-capital.json" "$@"
    ;;
  test)
    if [ "${PARLEY_TSAN:-0}" = 1 ]; then
      dir="$here/build-tsan"
      cmake -S "$here" -B "$dir" -DPARLEY_TSAN=ON -DPARLEY_GUI=OFF -DPARLEY_BENCHMARKS=OFF >/dev/null
      cmake --build "$dir" -j "$(nproc)" --target parley-concurrency-test
      cd "$dir"
      exec ctest --output-on-failure -R '^concurrency:' "$@"
    fi
    if [ "${PARLEY_SANITIZE:-0}" = 1 ]; then
      # AddressSanitizer records a stack at every allocation; eight frames name the allocating
      # code and take a fifth less time than the default thirty in the allocation-heavy analysis.
      export ASAN_OPTIONS="${ASAN_OPTIONS:-malloc_context_size=8}"
      dir="$here/build-asan"
      build "$dir" -DPARLEY_SANITIZE=ON -DPARLEY_GUI=OFF -DPARLEY_BENCHMARKS=OFF
    else
      dir="$here/build"
      build "$dir"
    fi
    cd "$dir"
    ctest --output-on-failure -j "$(nproc)" "$@"
    ;;
esac
