#!/bin/sh
# Run every libFuzzer target for SECONDS each (default 60), built with clang, ASan and UBSan.
# Findings are written to build-fuzz/crash-*; copy a minimized one into fuzz/corpus/<target>/
# so that `meson test` replays it forever. For long runs: scripts/fuzz.sh 3600 (per target),
# or TARGETS="tokenize" scripts/fuzz.sh 36000 to run one target for ten hours.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
scripts/deps.sh
if [ -f build-fuzz/build.ninja ]; then
    CC=clang meson setup --reconfigure build-fuzz >/dev/null
else
    CC=clang meson setup build-fuzz -Dfuzzing=true -Dtests=false --buildtype=debugoptimized \
        -Db_sanitize=address,undefined -Db_lundef=false >/dev/null
fi
meson compile -C build-fuzz >/dev/null
all=$(python3 -c "import re; print(' '.join(re.findall(r\"'(\\w+)'\", re.search(r'fuzz_targets = \[(.*?)\]', open('fuzz/meson.build').read(), re.S).group(1))))")
targets=${TARGETS:-$all}
status=0
for t in $targets; do
    work=build-fuzz/corpus-$t
    mkdir -p "$work"
    echo "== fuzz_$t for ${seconds}s"
    if ! UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "build-fuzz/fuzz/fuzz_$t" "$work" "fuzz/corpus/$t" -dict=fuzz/dict \
        -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="build-fuzz/crash-$t-" -print_final_stats=1 2>build-fuzz/fuzz-$t.log; then
        echo "fuzz_$t FAILED: see build-fuzz/fuzz-$t.log and build-fuzz/crash-$t-*"
        tail -30 "build-fuzz/fuzz-$t.log"
        status=1
    else
        grep -E "stat::number_of_executed_units|cov:" "build-fuzz/fuzz-$t.log" | tail -2
    fi
done
exit $status
