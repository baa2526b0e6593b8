#!/bin/sh
# Benchmarks: builds a release tree and a >= 20 MB segmented corpus (from ../shared/data when
# present, generated otherwise), then prints throughput as ratios measured in the same run;
# then the same on a small-vocabulary corpus (every token repeats) and on words of random
# syllables (few tokens repeat: the classification memo mostly misses). VNSEG_SHARED=DIR
# names the shared folder when it is not ../shared (delete build-release/bench-corpus.txt then).
set -eu
cd "$(dirname "$0")/.."
scripts/deps.sh
[ -f build-release/build.ninja ] || meson setup build-release --buildtype=release -Dtests=false >/dev/null
meson compile -C build-release >/dev/null
corpus=build-release/bench-corpus.txt
[ -f "$corpus" ] || python3 bench/make_corpus.py "$corpus" --mb 20 ${VNSEG_SHARED:+--shared "$VNSEG_SHARED"}
echo "== tokenizer (C, best of 7 rounds, interleaved with the memchr loop)"
build-release/bench/bench_tokenize "$corpus" 7
echo "== normalization and legacy decoding (best of 7 rounds; wall clock and CPU time)"
build-release/bench/bench_normalize "$corpus" 7
echo "== Python on the same file (best of 3)"
python3 bench/python_split.py "$corpus" 3
small=build-release/bench-corpus-small.txt
[ -f "$small" ] || python3 bench/make_corpus.py "$small" --mb 20 --source small
echo "== tokenizer, small-vocabulary corpus"
build-release/bench/bench_tokenize "$small" 7
random=build-release/bench-corpus-random.txt
[ -f "$random" ] || python3 bench/make_corpus.py "$random" --mb 20 --source random
echo "== tokenizer, words of random syllables"
build-release/bench/bench_tokenize "$random" 7
echo "== Python package (vnseg from Python against str.split(), same file, best of 3)"
VNSEG_LIBRARY=build-release/libvnseg/libvnseg.so.0 python3 bench/bench_python.py "$corpus" 3
echo "== detokenizer (C, best of 7 rounds, interleaved with the memchr loop)"
build-release/bench/bench_detok "$corpus" 7
