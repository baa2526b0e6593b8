#!/bin/sh
# Benchmarks: builds a release tree and a >= 20 MB segmented corpus (from ../shared/data when
# present, generated otherwise), then prints throughput as ratios measured in the same run.
set -eu
cd "$(dirname "$0")/.."
scripts/deps.sh
[ -f build-release/build.ninja ] || meson setup build-release --buildtype=release -Dtests=false >/dev/null
meson compile -C build-release >/dev/null
corpus=build-release/bench-corpus.txt
[ -f "$corpus" ] || python3 bench/make_corpus.py "$corpus" --mb 20
echo "== tokenizer (C, best of 7 rounds, interleaved with the memchr loop)"
build-release/bench/bench_tokenize "$corpus" 7
echo "== Python on the same file (best of 3)"
python3 bench/python_split.py "$corpus" 3
echo "== detokenizer (C, best of 7 rounds, interleaved with the memchr loop)"
build-release/bench/bench_detok "$corpus" 7
