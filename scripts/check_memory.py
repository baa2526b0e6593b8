#!/usr/bin/python3
"""Bounded memory and completeness of the vnseg program on a long stream.

Streams MEGABYTES of segmented text, made on the fly from examples/data/bao-da-nang.seg.txt
(piped, never stored), through `vnseg tokenize`, `vnseg detok` and `vnseg entities`, and for
each command checks that
  - its peak resident memory (getrusage of the child, ru_maxrss) stays under --limit-mb
    (default 64), and
  - its output is complete: tokenize prints as many tokens as the text has space-separated
    pieces (counted here, independently of the library); detok keeps every byte that is not a
    separator (the input's bytes other than space, `_` and line feeds equal the output's
    bytes other than space and line feeds, in number) and one output line per input line;
    entities prints, for every copy of a line, as many mentions as for that line alone.
Most lines are one copy of the article; every 97th line is 40 copies joined by spaces (56 KB),
so that long lines are part of the stream.

    scripts/check_memory.py --vnseg build/examples/vnseg --megabytes 1024   # the 1 GB run
Standard library only. Exit status 0 when every check holds.
"""
import argparse
import os
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ARTICLE = os.path.join(ROOT, "examples", "data", "bao-da-nang.seg.txt")
LONG_EVERY = 97
LONG_COPIES = 40


def line_kinds():
    with open(ARTICLE, "rb") as f:
        article = b" ".join(f.read().split(b"\n")).strip()
    short = article + b"\n"
    long = b" ".join([article] * LONG_COPIES) + b"\n"
    return short, long


def plan(megabytes):
    """How many lines of each kind make the stream, in order: (short, long) counts."""
    short, long = line_kinds()
    target = megabytes * 1024 * 1024
    block = (LONG_EVERY - 1) * len(short) + len(long)
    blocks = max(1, target // block)
    return short, long, blocks


def generate(out, short, long, blocks):
    """Write `blocks` blocks of LONG_EVERY - 1 short lines and one long line, then close."""
    chunk = short * (LONG_EVERY - 1) + long
    try:
        for _ in range(blocks):
            out.write(chunk)
        out.close()
    except BrokenPipeError:
        pass


def run(vnseg, args, short, long, blocks, count):
    """Run vnseg with args, feeding the stream; count(bytes) is called on each output chunk.
    Returns (exit status, peak RSS in MB, seconds)."""
    start = time.monotonic()
    p = subprocess.Popen([vnseg] + args, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    feeder = threading.Thread(target=generate, args=(p.stdin, short, long, blocks))
    feeder.start()
    while True:
        data = p.stdout.read(1 << 20)
        if not data:
            break
        count(data)
    feeder.join()
    p.stdout.close()
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return p.returncode, usage.ru_maxrss / 1024.0, time.monotonic() - start


class Counter:
    def __init__(self):
        self.tabs = self.lines = self.solid = 0

    def tsv(self, data):
        self.tabs += data.count(b"\t")
        self.lines += data.count(b"\n")

    def text(self, data):
        self.lines += data.count(b"\n")
        self.solid += len(data) - data.count(b" ") - data.count(b"\n")


def entities_of(vnseg, line):
    out = subprocess.run([vnseg, "entities"], input=line, stdout=subprocess.PIPE, check=True)
    return out.stdout.count(b"\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--vnseg", default=os.path.join(ROOT, "build", "examples", "vnseg"))
    ap.add_argument("--megabytes", type=int, default=50)
    ap.add_argument("--limit-mb", type=float, default=64.0)
    ap.add_argument("--commands", default="tokenize,detok,entities")
    a = ap.parse_args()
    short, long, blocks = plan(a.megabytes)
    nshort, nlong = blocks * (LONG_EVERY - 1), blocks
    total = nshort * len(short) + nlong * len(long)
    pieces = nshort * len(short.split()) + nlong * len(long.split())
    solid_in = nshort * (len(short) - sum(short.count(c) for c in b" _\n")) + nlong * (
        len(long) - sum(long.count(c) for c in b" _\n"))
    print(f"stream: {total / 2**20:.0f} MiB, {nshort + nlong} lines ({nlong} of "
          f"{len(long) // 1024} KB), {pieces} space-separated pieces")
    failed = False
    for cmd in a.commands.split(","):
        c = Counter()
        if cmd == "tokenize":
            rc, rss, secs = run(a.vnseg, ["tokenize"], short, long, blocks, c.tsv)
            got, want = c.tabs // 5, pieces
            what = "tokens"
        elif cmd == "detok":
            rc, rss, secs = run(a.vnseg, ["detok"], short, long, blocks, c.text)
            got, want = (c.solid, c.lines), (solid_in, nshort + nlong)
            what = "non-separator bytes, lines"
        elif cmd == "entities":
            want = nshort * entities_of(a.vnseg, short) + nlong * entities_of(a.vnseg, long)
            rc, rss, secs = run(a.vnseg, ["entities"], short, long, blocks, c.tsv)
            got = c.lines
            what = "mentions"
        else:
            sys.exit(f"unknown command {cmd}")
        ok = rc == 0 and got == want and rss < a.limit_mb
        failed |= not ok
        print(f"vnseg {cmd:9s} exit {rc}, peak RSS {rss:6.1f} MB (bound {a.limit_mb:.0f}), "
              f"{total / 2**20 / secs:6.1f} MiB/s, {what}: {got} (expected {want})"
              f"{'' if ok else '  FAILED'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
