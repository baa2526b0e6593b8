#!/bin/sh
# Quick start: install what is missing, build, and run vnseg on the bundled example article:
# its sentences and tokens, the natural text the detokenizer gives back, and its entities.
set -eu
cd "$(dirname "$0")/.."
scripts/deps.sh
[ -f build/build.ninja ] || meson setup build --buildtype=release >/dev/null
meson compile -C build >/dev/null
article=examples/data/bao-da-nang.seg.txt
echo "== vnseg tokenize: $article, one sentence a line, non-words as TEXT/kind"
build/examples/vnseg tokenize --format jsonl "$article" | python3 scripts/show_sentences.py
echo
echo "== vnseg detok: the same article as natural text"
build/examples/vnseg detok "$article"
echo
echo "== vnseg entities --summary: count, type, name, id, as written"
build/examples/vnseg entities --summary "$article"
