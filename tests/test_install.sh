#!/bin/sh
# Install into a temporary DESTDIR and use only what was installed: compile and run
# examples/tokenize_string.c with the flags of `pkg-config vnseg` alone, run the installed
# vnseg program, find the man pages, and pip-install the Python package (when pip and
# setuptools are there) and import it with the installed library found the system's way.
#
#   test_install.sh BUILD_DIR SOURCE_DIR [PYTHON]
#
# A DESTDIR install keeps the real prefix in vnseg.pc, so pkg-config is told where it moved
# with --define-variable=prefix=DESTDIR/PREFIX (--define-prefix cannot be used: it assumes
# the .pc lies in PREFIX/lib/pkgconfig, and Debian's libdir is lib/<triplet>).
set -eu
build=$1
src=$2
python=${3:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest

meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >"$tmp/install.log" 2>&1 || {
    cat "$tmp/install.log"
    exit 1
}

pc=$(find "$dest" -name vnseg.pc | head -n 1)
[ -n "$pc" ] || { echo "vnseg.pc was not installed"; exit 1; }
prefix=$(sed -n 's/^prefix=//p' "$pc")
root=$dest$prefix
export PKG_CONFIG_PATH="$(dirname "$pc")"
pkgconf() { pkg-config --define-variable=prefix="$root" "$@" vnseg; }
libdir=$(pkgconf --variable=libdir)
echo "installed under $root; pkg-config: $(pkgconf --cflags --libs)"

for f in include/vnseg.h include/vnseg/common.h include/vnseg/tokenizer.h \
         include/vnseg/ffi.h include/vnseg/version.h bin/vnseg \
         share/man/man1/vnseg.1 share/man/man3/libvnseg.3; do
    [ -e "$root/$f" ] || { echo "missing from the install: $f"; exit 1; }
done
[ -e "$libdir/libvnseg.so.0" ] || { echo "missing from the install: $libdir/libvnseg.so.0"; exit 1; }

# The example against the installed files only (no -I/-L into the source or build tree).
${CC:-cc} -std=c11 -Wall -Wextra -Werror -o "$tmp/tokenize_string" \
    "$src/examples/tokenize_string.c" $(pkgconf --cflags --libs)
LD_LIBRARY_PATH=$libdir "$tmp/tokenize_string" >"$tmp/out.txt"
grep -q "word" "$tmp/out.txt" && grep -q "Tổng_thống" "$tmp/out.txt" && grep -q "datetime" "$tmp/out.txt" || {
    echo "unexpected output of the installed example:"
    cat "$tmp/out.txt"
    exit 1
}
# The static library links too.
${CC:-cc} -std=c11 -o "$tmp/tokenize_static" "$src/examples/tokenize_string.c" \
    $(pkgconf --cflags --libs --static) 2>"$tmp/static.log" || {
    cat "$tmp/static.log"
    exit 1
}
echo "example compiled and ran against the installed library"

out=$(printf 'Xin chào thế_giới .\n' | LD_LIBRARY_PATH=$libdir "$root/bin/vnseg" tokenize)
echo "$out" | grep -q "thế_giới" || { echo "installed vnseg failed: $out"; exit 1; }
echo "installed vnseg runs"

# The Python package, installed with pip from a copy of its source (pip builds in place).
cd "$tmp"
if "$python" -c "import setuptools, wheel" 2>/dev/null && "$python" -m pip --version >/dev/null 2>&1; then
    cp -r "$src/bindings/python" "$tmp/pysrc"
    rm -rf "$tmp/pysrc/tests"
    "$python" -m pip install --quiet --no-build-isolation --no-deps --no-index \
        --disable-pip-version-check --target "$tmp/site" "$tmp/pysrc" >"$tmp/pip.log" 2>&1 || {
        cat "$tmp/pip.log"
        exit 1
    }
    (env -u VNSEG_LIBRARY PYTHONPATH="$tmp/site" LD_LIBRARY_PATH="$libdir" "$python" -c '
import sys, vnseg
assert vnseg.library_path.endswith(("libvnseg.so.0", "libvnseg.so")), vnseg.library_path
toks = vnseg.tokenize("Xin chào thế_giới .")
assert [t.text for t in toks] == ["Xin", "chào", "thế_giới", "."], toks
print("pip-installed package loaded", vnseg.library_path)
')
else
    echo "SKIP pip install: $python lacks pip, setuptools or wheel (Debian: python3-pip python3-setuptools python3-wheel)"
fi
