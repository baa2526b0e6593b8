#!/bin/sh
# Every test, as CI runs it: install what is missing; build with gcc and -Werror and run the
# suite; build with clang, AddressSanitizer + UBSan and -Werror and run it again; run each
# libFuzzer target for a short time (FUZZ_SECONDS, default 20).
set -eu
cd "$(dirname "$0")/.."
scripts/deps.sh

setup() {
    dir=$1
    shift
    if [ -f "$dir/build.ninja" ]; then
        meson setup --reconfigure "$dir" "$@" >/dev/null
    else
        meson setup "$dir" "$@" >/dev/null
    fi
}

echo "== gcc, -Wall -Wextra -Werror"
CC=gcc setup build-test -Dwerror=true --buildtype=debugoptimized
meson compile -C build-test
meson test -C build-test --print-errorlogs

echo "== clang, AddressSanitizer + UndefinedBehaviorSanitizer, -Werror"
CC=clang setup build-asan -Dwerror=true --buildtype=debug \
    -Db_sanitize=address,undefined -Db_lundef=false
meson compile -C build-asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    meson test -C build-asan --print-errorlogs --timeout-multiplier 4

echo "== fuzz targets, ${FUZZ_SECONDS:-20}s each (clang, libFuzzer, ASan + UBSan)"
scripts/fuzz.sh "${FUZZ_SECONDS:-20}"

echo "all tests passed"
