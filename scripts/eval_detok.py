#!/usr/bin/python3
"""Round-trip evaluation of the detokenizer: exact lines, character error rate, error patterns.

Reads parallel files (RAW: naturally written lines; SEG: the same lines word-segmented), runs
`vnseg detok` over SEG (or scores a ready output given with --hyp) and compares with RAW:

    scripts/eval_detok.py [RAW SEG] [--vnseg PATH] [--hyp FILE] [-v] [--top N] [--half first|second]

Without RAW and SEG it uses ../shared/data/detok/dev.{raw,seg}.txt beside the checkout (or
$VNSEG_SHARED/data/detok), and skips (exit 0) when they are not there. With -v it lists the most frequent errors, each as the
two tokens around a gap and the spacing wanted and got (`want '(theo' got '( theo'`), by token
and by token shape. Standard library only.
"""
import argparse
import collections
import os
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def shared_dir():
    """../shared beside the checkout (or beside the folder of worktrees), or $VNSEG_SHARED."""
    cands = [os.environ.get("VNSEG_SHARED"), os.path.join(os.path.dirname(ROOT), "shared"),
             os.path.join(os.path.dirname(os.path.dirname(ROOT)), "shared")]
    for c in cands:
        if c and os.path.isdir(c):
            return c
    return cands[1]


DEV = os.path.join(shared_dir(), "data", "detok")


def levenshtein(a, b):
    """Edit distance (insertions, deletions, substitutions) between two strings.

    Bit-parallel (Myers 1999, in Hyyro's form for whole strings): one column of the distance
    matrix is held in two bit vectors as Python integers, so a line costs O(len(b)) big-integer
    operations instead of O(len(a) * len(b)) Python steps."""
    if a == b:
        return 0
    i = 0
    while i < len(a) and i < len(b) and a[i] == b[i]:
        i += 1
    a, b = a[i:], b[i:]
    j = 0
    while j < len(a) and j < len(b) and a[-1 - j] == b[-1 - j]:
        j += 1
    if j:
        a, b = a[:-j], b[:-j]
    if not a or not b:
        return len(a) + len(b)
    m = len(a)
    full = (1 << m) - 1
    top = 1 << (m - 1)
    peq = {}
    for k, ch in enumerate(a):
        peq[ch] = peq.get(ch, 0) | (1 << k)
    pv, mv, score = full, 0, m
    for ch in b:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = (mv | ~(xh | pv)) & full
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | 1) & full
        mh = (mh << 1) & full
        pv = (mh | ~(xv | ph)) & full
        mv = ph & xv
    return score


def gaps(tokens, text):
    """The spacing `text` gives the segmented `tokens`: for each gap between two tokens the
    white space found there, or None when text is not the tokens with spacing changed (and
    each `_` written as a space or kept)."""
    pos, n, out = 0, len(text), []
    while pos < n and text[pos] == " ":
        pos += 1
    for k, tok in enumerate(tokens):
        for ch in tok:
            if ch == "_" and pos < n and text[pos] == " ":
                pos += 1
                continue
            if pos < n and text[pos] == ch:
                pos += 1
                continue
            return None
        start = pos
        while pos < n and text[pos] in " \t":
            pos += 1
        if k + 1 < len(tokens):
            out.append(text[start:pos])
    return out if pos == n else None


def shape(tok):
    """A token's shape for grouping errors: punctuation as itself, N for numbers, w/W for
    lower-case and capitalized words, X for anything mixed."""
    if not any(ch.isalnum() for ch in tok):
        return tok
    if tok.isdigit():
        return "N"
    if all(ch.isalpha() or ch == "_" for ch in tok):
        return "W" if tok[0].isupper() else "w"
    return "X"


def read_lines(path):
    with open(path, encoding="utf-8", newline="\n") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def find_vnseg(given):
    for cand in (given, os.environ.get("VNSEG"), os.path.join(ROOT, "build", "examples", "vnseg"),
                 shutil.which("vnseg")):
        if cand and os.path.exists(cand):
            return cand
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("raw", nargs="?", default=os.path.join(DEV, "dev.raw.txt"))
    ap.add_argument("seg", nargs="?", default=os.path.join(DEV, "dev.seg.txt"))
    ap.add_argument("--vnseg", help="the vnseg program (default: $VNSEG, build/, PATH)")
    ap.add_argument("--hyp", help="score this detokenized file instead of running vnseg")
    ap.add_argument("--options", default="", help="extra options for vnseg detok")
    ap.add_argument("-v", "--verbose", action="store_true", help="show error patterns")
    ap.add_argument("--top", type=int, default=25, help="patterns to show (default 25)")
    ap.add_argument("--show", type=int, default=0, help="also print N wrong lines")
    ap.add_argument("--half", choices=("first", "second"),
                    help="score only the first or the second half of the lines (in file order:"
                         " develop rules on one half, confirm them on the other)")
    args = ap.parse_args()

    if not os.path.exists(args.raw) or not os.path.exists(args.seg):
        print("eval_detok: no data (%s, %s); skipping" % (args.raw, args.seg))
        return 0
    raw, seg = read_lines(args.raw), read_lines(args.seg)
    if args.hyp:
        hyp = read_lines(args.hyp)
        seconds = None
    else:
        vnseg = find_vnseg(args.vnseg)
        if not vnseg:
            print("eval_detok: vnseg not found (build it, or pass --vnseg); skipping")
            return 0
        t0 = time.perf_counter()
        p = subprocess.run([vnseg, "detok"] + args.options.split() + [args.seg],
                           capture_output=True)
        seconds = time.perf_counter() - t0
        if p.returncode != 0:
            sys.stderr.write(p.stderr.decode(errors="replace"))
            return 1
        hyp = p.stdout.decode("utf-8", errors="replace").split("\n")
        if hyp and hyp[-1] == "":
            hyp.pop()
    if not (len(raw) == len(seg) == len(hyp)):
        print("eval_detok: line counts differ: raw %d, seg %d, output %d"
              % (len(raw), len(seg), len(hyp)))
        return 1

    if args.half:
        cut = (len(raw) + 1) // 2
        part = slice(0, cut) if args.half == "first" else slice(cut, len(raw))
        raw, seg, hyp = raw[part], seg[part], hyp[part]
        print("%s half: lines %d-%d" % ((args.half,) + ((1, cut) if args.half == "first"
                                                         else (cut + 1, cut + len(raw)))))
    exact = errors = chars = 0
    by_token, by_shape = collections.Counter(), collections.Counter()
    wrong_lines = []
    unaligned = 0
    for r, s, h in zip(raw, seg, hyp):
        chars += len(r)
        if r == h:
            exact += 1
            continue
        errors += levenshtein(r, h)
        if len(wrong_lines) < args.show:
            wrong_lines.append((r, h))
        if not args.verbose:
            continue
        toks = s.split()
        want, got = gaps(toks, r), gaps(toks, h)
        if want is None or got is None:
            unaligned += 1
            continue
        for k, (w, g) in enumerate(zip(want, got)):
            if w != g:
                a, b = toks[k].replace("_", " "), toks[k + 1].replace("_", " ")
                by_token[(a + w + b, a + g + b)] += 1
                sa, sb = shape(toks[k]), shape(toks[k + 1])
                by_shape[(sa + w + sb, sa + g + sb)] += 1

    n = len(raw)
    print("lines %d  exact %.2f%%  CER %.3f%%" % (n, 100.0 * exact / max(n, 1),
                                                 100.0 * errors / max(chars, 1)))
    if seconds:
        mb = os.path.getsize(args.seg) / 1e6
        print("vnseg detok: %.2f MB in %.2f s (%.1f MB/s, process start included)"
              % (mb, seconds, mb / seconds))
    if args.verbose:
        print("\nmost frequent errors by token (gap wanted -> got):")
        for (w, g), c in by_token.most_common(args.top):
            print("  %5d  want %r  got %r" % (c, w, g))
        print("\nby shape (w word, W capitalized, N number, X mixed):")
        for (w, g), c in by_shape.most_common(args.top):
            print("  %5d  want %r  got %r" % (c, w, g))
        if unaligned:
            print("\n%d wrong lines differ in more than spacing" % unaligned)
    for r, h in wrong_lines:
        print("\nwant: %s\n got: %s" % (r, h))
    return 0


if __name__ == "__main__":
    sys.exit(main())
