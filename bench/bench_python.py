#!/usr/bin/env python3
"""Python on one corpus: vnseg from Python against str.split() and pure-Python tokenizers.

Every contender runs on the same text in the same process, rounds interleaved, best of N of
the process's CPU time (time.process_time: what a busy, shared machine disturbs least). Prints tokens/s and the ratio to str.split() (which
returns bare strings: no offsets, kinds or sentences). Standard library only.

    python3 bench/bench_python.py CORPUS [ROUNDS] [--mb N] [--modules [--model PATH]]

The package is imported from bindings/python; set VNSEG_LIBRARY to time a release build.
"""
import argparse
import gc
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bindings",
                                "python"))
import vnseg  # noqa: E402

WORD = re.compile(r"\S+")
NUMBER = re.compile(r"[-+]?\d+(?:[.,]\d+)*%?")
PUNCT = re.compile(r"[^\w\s]+")


def regex_tokenizer(text):
    """What a Python user writes without the library: tokens with offsets and a kind."""
    out = []
    for m in WORD.finditer(text):
        s = m.group()
        if NUMBER.fullmatch(s):
            kind = "number"
        elif PUNCT.fullmatch(s):
            kind = "punct"
        else:
            kind = "word"
        out.append((s, kind, m.start(), m.end()))
    return out


def module_contenders(text, model_path):
    """The bindings of the other modules on the same text, where the library has them (per
    token of the segmented text, like the rest)."""
    out = []
    if vnseg.has("detokenize"):
        out += [("vnseg.detokenize_text", lambda: vnseg.detokenize_text(text)),
                ("vnseg.detokenize (alignment)", lambda: vnseg.detokenize(text))]
    if vnseg.has("normalize"):
        out += [("vnseg.normalize (default steps)", lambda: vnseg.normalize(text)),
                ("vnseg.normalize (search)", lambda: vnseg.normalize(text, "search"))]
    if vnseg.has("entities"):
        gaz = vnseg.default_gazetteer()
        out.append(("vnseg.entities (default gazetteer)", lambda: vnseg.entities(text, gaz)))
    if model_path and vnseg.has("segment"):
        model = vnseg.Model(model_path)
        raw = text.replace("_", " ")
        out.append(("vnseg.segment (text without _)", lambda: vnseg.segment(raw, model)))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("rounds", nargs="?", type=int, default=3)
    ap.add_argument("--mb", type=float, default=0, help="use only the first N MB")
    ap.add_argument("--model", help="a segmentation model: also time vnseg.segment on the "
                    "corpus with its underscores made spaces")
    ap.add_argument("--modules", action="store_true",
                    help="also time the other modules' bindings (detokenizer, normalization, "
                    "entities, segmenter) on the same text")
    args = ap.parse_args()
    with open(args.corpus, "rb") as f:
        data = f.read()
    if args.mb:
        data = data[:int(args.mb * 1e6)]
        data = data[:data.rfind(b"\n") + 1]
    text = data.decode("utf-8")
    contenders = [
        ("str.split()", lambda: text.split()),
        ("decode + str.split()", lambda: data.decode("utf-8").split()),
        ("str.split() offsets (re.finditer)",
         lambda: [(m.start(), m.end()) for m in WORD.finditer(text)]),
        ("pure-Python regex tokenizer", lambda: regex_tokenizer(text)),
        ("vnseg.tokenize (Token objects)", lambda: vnseg.tokenize(text)),
        ("vnseg.tokenize (bytes in)", lambda: vnseg.tokenize(data)),
        ("vnseg.tokenize_columns (arrays)", lambda: vnseg.tokenize_columns(text)),
        ("vnseg.tokenize_columns + texts()", lambda: vnseg.tokenize_columns(text).texts()),
        ("vnseg.sentences", lambda: vnseg.sentences(text)),
    ]
    if args.modules:
        contenders += module_contenders(text, args.model)
    ntok = len(text.split())
    best = {name: float("inf") for name, _ in contenders}
    for _ in range(args.rounds):
        for name, fn in contenders:
            gc.collect()
            t0 = time.process_time()
            result = fn()
            t = time.process_time() - t0
            del result
            best[name] = min(best[name], t)
    base = best["str.split()"]
    print("%.1f MB, %d tokens, library %s, Python %s" % (len(data) / 1e6, ntok,
                                                          vnseg.library_path,
                                                          sys.version.split()[0]))
    print("%-36s %10s %8s %12s" % ("", "Mtokens/s", "ns/token", "vs str.split"))
    for name, _ in contenders:
        t = best[name]
        print("%-36s %10.2f %8.0f %11.2fx" % (name, ntok / t / 1e6, t / ntok * 1e9, base / t))


if __name__ == "__main__":
    main()
