#!/bin/sh
# Quick start: install what is missing, build, and run vnseg on the bundled example article.
set -eu
cd "$(dirname "$0")/.."
scripts/deps.sh
[ -f build/build.ninja ] || meson setup build --buildtype=release >/dev/null
meson compile -C build >/dev/null
build/examples/vnseg tokenize --format jsonl examples/data/bao-da-nang.seg.txt |
    python3 scripts/show_sentences.py
