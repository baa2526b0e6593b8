"""Shared by the Python package's tests: import vnseg from this source tree, sample texts.

meson test sets VNSEG_LIBRARY to the build tree's library; run by hand, the package finds a
build tree above it by itself."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import vnseg  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
ARTICLE = os.path.join(os.environ.get("VNSEG_EXAMPLES", os.path.join(ROOT, "examples")),
                       "data", "bao-da-nang.seg.txt")
SANITIZED = os.environ.get("VNSEG_SANITIZED") == "1"

TEXT = ("Tổng_thống Nga Vladimir_Putin ( phải ) gặp ông Kim hôm 4/9 . \" Tại_sao lại không ? \"\n"
        "Dòng hai có 1.000 người .\n")

# NFC, NFD (e + U+0301, o + U+0302 + U+0301), an emoji above U+FFFF, a math letter, ZWSP
# inside a word, NBSP between tokens, a CJK space.
HARD = ("Tổng_thống Quo\u0302\u0301c e\u0301 😀 𝔸_x ( ok ) zero\u200bwidth a\u00a0b"
        "\u3000c 👍🏽 . Hết .")


def article():
    with open(ARTICLE, "rb") as f:
        return f.read()
