#!/bin/sh
# Install the Debian 12 packages libvnseg needs that are missing (apt-get; sudo when not root).
# Extra package names may be given as arguments.
set -eu
pkgs="gcc clang meson ninja-build pkg-config binutils python3 libicu-dev libutf8proc-dev \
libcmocka-dev parallel python3-pip python3-setuptools python3-wheel $*"
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "installing:$missing" >&2
$SUDO apt-get update -qq
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >&2
