#!/bin/sh
# Every test, as CI runs it: install what is missing; build with gcc and -Werror and run the
# suite; run the C tests but the slowest under valgrind memcheck (no error, no leak); build with
# clang, AddressSanitizer + UBSan and -Werror and run the suite again (but the scale-out test,
# which runs the same program under GNU parallel and takes minutes under ASan); build the threads test
# with ThreadSanitizer and run it; stream 50 MB through the vnseg program under a 64 MB peak
# RSS bound (scripts/check_memory.py); run each libFuzzer target for a short time
# (FUZZ_SECONDS, default 10). RELIABILITY.md says what each step checks.
set -eu
cd "$(dirname "$0")/.."
scripts/deps.sh valgrind time

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

# valgrind: the C tests, except the slowest ones under valgrind (minutes each; ASan runs them;
# RELIABILITY.md has a full valgrind run).
echo "== valgrind memcheck, C tests"
meson test -C build-test --no-rebuild --print-errorlogs --timeout-multiplier 10 \
    $(python3 -c "
import json, subprocess
tests = json.loads(subprocess.check_output(['meson', 'introspect', '--tests', 'build-test']))
slow = {'normalize', 'syllable', 'scan_equiv', 'segmenter', 'hostile'}
print(' '.join(t['name'] for t in tests if any(s.split(':')[-1] == 'c' for s in t['suite']) and t['name'] not in slow))") \
    --wrap='valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect'

echo "== clang, AddressSanitizer + UndefinedBehaviorSanitizer, -Werror"
CC=clang setup build-asan -Dwerror=true --buildtype=debug \
    -Db_sanitize=address,undefined -Db_lundef=false
meson compile -C build-asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    meson test -C build-asan --print-errorlogs --timeout-multiplier 4 --no-suite scale-out

echo "== clang, ThreadSanitizer: threads sharing a gazetteer and a model"
CC=clang setup build-tsan -Dwerror=true --buildtype=debugoptimized -Db_sanitize=thread \
    -Db_lundef=false
meson compile -C build-tsan tests/test_threads tests/test_api
TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
    meson test -C build-tsan --no-rebuild --print-errorlogs threads api

echo "== bounded memory: 50 MB through vnseg tokenize, detok and entities"
scripts/check_memory.py --vnseg build-test/examples/vnseg --megabytes 50

echo "== fuzz targets, ${FUZZ_SECONDS:-10}s each (clang, libFuzzer, ASan + UBSan)"
scripts/fuzz.sh "${FUZZ_SECONDS:-10}"

echo "all tests passed"
