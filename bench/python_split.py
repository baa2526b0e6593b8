#!/usr/bin/env python3
"""Time Python's str.split() on a corpus (the baseline users have today), best of N rounds.

Prints MB/s for: bytes.split(), str.split() after decoding (what a Python user writes), and
str.split() keeping token offsets (re.finditer), for comparison with vnseg_tokenize, which
returns offsets, kinds, flags and sentences. Standard library only.
"""
import re
import sys
import time


def best(fn, rounds):
    t = 1e9
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - t0)
    return t


def main():
    path = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    data = open(path, "rb").read()
    mb = len(data) / 1e6
    text = data.decode("utf-8")
    tok = re.compile(r"\S+")
    rows = [
        ("python bytes.split()", best(lambda: data.split(), rounds)),
        ("python decode + str.split()", best(lambda: data.decode("utf-8").split(), rounds)),
        ("python str.split() with offsets", best(lambda: [(m.start(), m.end()) for m in tok.finditer(text)], rounds)),
    ]
    for name, t in rows:
        print("%-34s %9.0f" % (name, mb / t))


if __name__ == "__main__":
    main()
