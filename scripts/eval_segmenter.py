#!/usr/bin/env python3
"""Word segmentation accuracy of vnseg on the UD Vietnamese VTB dev split (syllables in).

Trains models with `vnseg train` on ../shared/data/ud-vtb train (plus news-seg), segments the
dev sentences given as syllables separated by spaces with `vnseg segment`, and prints word
precision, recall and F1. Also scores the lexicon-only default model and a trained model with
the dictionary when the dictionary has been fetched (scripts/fetch_dictionary.sh). Skips
cleanly (exit 0) when ../shared is not there. Standard library only.

    python3 scripts/eval_segmenter.py [--vnseg build/examples/vnseg] [--shared DIR]
                                      [--dict Viet74K.txt] [--tune | --cv] [--blocks]
                                      [--keep DIR] [--hash-bits N] [--epochs N] [--seed N]
                                      [--no-news]

--tune evaluates on a held-out fifth of the train split instead of dev, --cv on each fifth in
turn (5-fold cross-validation, the counts summed), each trained on the other four fifths (for
development, so that dev is looked at only once the design is settled). The fifths take every
fifth sentence (sentences of one document fall in every fifth); with --blocks they are five
contiguous blocks instead, so that the held-out sentences come mostly from documents the model
has not seen, as dev's do (block CV scores close to dev; the interleaved CV about 0.6 higher).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def find_shared(given):
    cands = [given] if given else [os.environ.get("VNSEG_SHARED"),
                                   os.path.join(ROOT, "..", "shared"),
                                   os.path.join(ROOT, "..", "..", "shared")]
    for c in cands:
        if c and os.path.isdir(os.path.join(c, "data", "ud-vtb")):
            return os.path.abspath(c)
    return None


def default_dict():
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(cache, "libvnseg", "dictionary", "package", "data", "Viet74K.txt")


def read_conllu(path):
    """Sentences as lists of FORMs (a FORM with spaces is one multi-syllable word)."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if cur:
                    sents.append(cur)
                cur = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            cur.append(cols[1])
    if cur:
        sents.append(cur)
    return sents


def write_conllu(path, sents):
    with open(path, "w", encoding="utf-8") as f:
        for s in sents:
            for i, w in enumerate(s):
                f.write("%d\t%s\t_\t_\t_\t_\t_\t_\t_\t_\n" % (i + 1, w))
            f.write("\n")


def gold_spans(words):
    """Word spans over the sentence's characters with spaces removed."""
    spans, pos = set(), 0
    for w in words:
        n = len(w.replace(" ", ""))
        spans.add((pos, pos + n))
        pos += n
    return spans


def pred_spans(raw, seg):
    """Word spans of a segmented line, aligned to its raw line (spaces removed)."""
    spans, pos, start, i, j = set(), 0, 0, 0, 0
    while j < len(seg):
        c = seg[j]
        if i < len(raw) and raw[i] == c:
            if not c.isspace():
                pos += 1
            elif pos > start:
                spans.add((start, pos))
                start = pos
            i += 1
            j += 1
        elif c == "_" and i < len(raw) and raw[i] == " ":
            i += 1
            j += 1  # a joint: the word goes on
        elif c == " ":
            if pos > start:  # a space the segmenter inserted
                spans.add((start, pos))
                start = pos
            j += 1
        else:
            raise ValueError("segmented output does not match its input: %r / %r" % (raw, seg))
    if pos > start:
        spans.add((start, pos))
    return spans


def score(gold, pred):
    tp = sum(len(g & p) for g, p in zip(gold, pred))
    ng = sum(len(g) for g in gold)
    npred = sum(len(p) for p in pred)
    prec, rec = tp / npred, tp / ng
    return 100 * prec, 100 * rec, 100 * 2 * prec * rec / (prec + rec)


def segment(vnseg, model, raw_path):
    t0 = time.time()
    out = subprocess.run([vnseg, "segment", "--model", model, raw_path], check=True,
                         capture_output=True).stdout.decode("utf-8")
    return out.split("\n")[:-1], time.time() - t0


def train(vnseg, out, args, log):
    cmd = [vnseg, "train", "-q", "-o", out] + args
    log.append(" ".join(os.path.relpath(a, ROOT) if os.path.isabs(a) and a.startswith(ROOT + os.sep)
                        else a for a in cmd))
    t0 = time.time()
    subprocess.run(cmd, check=True)
    return time.time() - t0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vnseg", default=os.path.join(ROOT, "build", "examples", "vnseg"))
    ap.add_argument("--shared")
    ap.add_argument("--dict", default=default_dict())
    ap.add_argument("--tune", action="store_true", help="evaluate on a held-out part of train")
    ap.add_argument("--cv", action="store_true", help="5-fold cross-validation on train")
    ap.add_argument("--blocks", action="store_true",
                    help="with --tune/--cv: contiguous fifths instead of every fifth sentence")
    ap.add_argument("--no-news", action="store_true", help="train on UD-VTB train only")
    ap.add_argument("--keep", help="keep the models and outputs in this directory")
    ap.add_argument("--epochs")
    ap.add_argument("--seed", help="training shuffle seed (vnseg train --seed)")
    ap.add_argument("--hash-bits", default="18", help="weight table of 2^N (default 18)")
    args = ap.parse_args()
    shared = find_shared(args.shared)
    if not shared:
        print("eval_segmenter: ../shared/data/ud-vtb is not there; skipped")
        return 0
    ud = os.path.join(shared, "data", "ud-vtb")
    news = os.path.join(shared, "data", "news-seg", "train_gold.seg.txt")
    work = args.keep or tempfile.mkdtemp(prefix="vnseg-eval-")
    os.makedirs(work, exist_ok=True)
    try:
        train_path = os.path.join(ud, "vi_vtb-ud-train.conllu")
        splits = []  # (train file, test sentences)
        if args.tune or args.cv:
            sents = read_conllu(train_path)
            n = len(sents)

            def fold(i):
                return i * 5 // n if args.blocks else i % 5
            for k in ([4] if args.tune else range(5)):
                path = os.path.join(work, "fold%d-train.conllu" % k)
                write_conllu(path, [s for i, s in enumerate(sents) if fold(i) != k])
                splits.append((path, [s for i, s in enumerate(sents) if fold(i) == k]))
            split = ("held-out fifth of ud-vtb train" if args.tune else
                     "ud-vtb train, 5-fold cross-validation")
            if args.blocks:
                split += " (contiguous fifths)"
        elif args.blocks:
            raise SystemExit("--blocks goes with --tune or --cv")
        else:
            splits.append((train_path, read_conllu(os.path.join(ud, "vi_vtb-ud-dev.conllu"))))
            split = "ud-vtb dev"
        extra = ["--hash-bits", args.hash_bits] + (["--epochs", args.epochs] if args.epochs
                                                   else [])
        extra += ["--seed", args.seed] if args.seed else []
        use_news = not args.no_news and os.path.exists(news)
        have_dict = os.path.exists(args.dict)
        log, rows = [], []
        test = [s for _, t in splits for s in t]
        raws = [" ".join(s) for s in test]
        gold = [gold_spans(s) for s in test]
        one = [set((i, i + len(y)) for i, y in _syl_offsets(s)) for s in test]
        rows.append(("one word per syllable", score(gold, one), None))
        models = [("trained (ud-vtb train%s)" % (" + news-seg" if use_news else ""),
                   "trained.model", extra, False)]
        if have_dict:
            models.insert(0, ("default: lexicon-only, Viet74K", "lexicon.model",
                              ["--lexicon", args.dict], None))
            models.append(("trained + Viet74K lexicon", "trained-dict.model",
                           extra + ["--lexicon", args.dict], True))
        for name, file, targs, corpus in models:
            pred, size = [], 0
            for k, (tpath, tsents) in enumerate(splits):
                raw_path = os.path.join(work, "test%d.raw.txt" % k)
                traws = [" ".join(s) for s in tsents]
                with open(raw_path, "w", encoding="utf-8") as f:
                    f.write("".join(r + "\n" for r in traws))
                path = os.path.join(work, "%d-%s" % (k, file))
                corpora = [] if corpus is None else [tpath] + ([news] if use_news else [])
                train(args.vnseg, path, targs + corpora, log if k == 0 else [])
                out, secs = segment(args.vnseg, path, raw_path)
                if len(out) != len(traws):
                    raise SystemExit("vnseg segment wrote %d lines for %d" % (len(out),
                                                                              len(traws)))
                pred += [pred_spans(r, o) for r, o in zip(traws, out)]
                size = os.path.getsize(path)
            rows.append((name, score(gold, pred), size))
        print("Word segmentation on %s (%d sentences, %d words), syllables in" %
              (split, len(test), sum(len(g) for g in gold)))
        print("| %-36s | %9s | %6s | %6s | %8s |" % ("model", "precision", "recall", "F1",
                                                    "size"))
        print("|%s|%s|%s|%s|%s|" % ("-" * 38, "-" * 11, "-" * 8, "-" * 8, "-" * 10))
        for name, (p, r, f), size in rows:
            print("| %-36s | %9.2f | %6.2f | %6.2f | %8s |" %
                  (name, p, r, f, "%.1f MB" % (size / 1e6) if size else ""))
        if not have_dict:
            print("(dictionary not found at %s: run scripts/fetch_dictionary.sh for the "
                  "lexicon rows)" % args.dict)
        print("commands:")
        for c in log:
            print("  " + c)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def _syl_offsets(words):
    pos = 0
    for w in words:
        for y in w.split(" "):
            yield pos, y
            pos += len(y)


if __name__ == "__main__":
    sys.exit(main())
