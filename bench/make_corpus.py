#!/usr/bin/env python3
"""Build a segmented-text benchmark corpus of at least N MB.

Uses ../shared/data and ../shared/seeds when they are there (segmented news, the UD treebank's
words joined with `_`, the detokenizer development set); otherwise generates text from a small
vocabulary written here, so the benchmark runs on a fresh clone too. Standard library only.

    python3 bench/make_corpus.py OUT [--mb 20] [--shared ../shared] [--source auto|small|random]

--source small always uses the small generated vocabulary (every token repeats); --source
random writes words of random syllables (onset, rhyme, tone: most of them real Vietnamese
syllables, most words never seen twice), the case where classified tokens do not repeat.
"""
import argparse
import os
import random
import sys
import unicodedata


def shared_lines(shared):
    lines = []
    news = os.path.join(shared, "data", "news-seg", "train_gold.seg.txt")
    if os.path.exists(news):
        with open(news, encoding="utf-8") as f:
            lines += [l.rstrip("\n") for l in f if l.strip()][1:]
    for split in ("train", "dev"):
        path = os.path.join(shared, "data", "ud-vtb", "vi_vtb-ud-%s.conllu" % split)
        if not os.path.exists(path):
            continue
        words = []
        with open(path, encoding="utf-8") as f:
            for l in f:
                l = l.rstrip("\n")
                if not l:
                    if words:
                        lines.append(" ".join(words))
                    words = []
                elif not l.startswith("#"):
                    cols = l.split("\t")
                    if len(cols) > 1 and cols[0].isdigit():
                        words.append(cols[1].replace(" ", "_"))
    detok = os.path.join(shared, "data", "detok", "dev.seg.txt")
    if os.path.exists(detok):
        with open(detok, encoding="utf-8") as f:
            lines += [l.rstrip("\n") for l in f if l.strip()]
    seeds = os.path.join(shared, "seeds")
    if os.path.isdir(seeds):
        for name in sorted(os.listdir(seeds)):
            with open(os.path.join(seeds, name), encoding="utf-8") as f:
                lines.append(f.read().strip())
    return lines


WORDS = ("người dân thành_phố Hà_Nội chính_phủ kinh_tế phát_triển năm tháng ngày được cho "
         "biết và của các những trong một có là đã sẽ không này đó với tại về từ theo "
         "Việt_Nam Triều_Tiên Liên_Hợp_Quốc Tổng_thống lãnh_đạo quan_hệ hợp_tác an_ninh "
         "bệnh_viện học_sinh giáo_viên thị_trường doanh_nghiệp xuất_khẩu giá vàng đồng "
         "tăng giảm ông bà anh chị họ chúng_tôi nói rằng hôm_qua hôm_nay").split()
PUNCT = [",", ".", ":", "(", ")", '"', "-", "?"]


def generated_lines(rng, count):
    out = []
    for _ in range(count):
        n = rng.randint(8, 40)
        toks = []
        for _ in range(n):
            r = rng.random()
            if r < 0.08:
                toks.append(rng.choice(PUNCT))
            elif r < 0.11:
                toks.append(rng.choice(["%d" % rng.randint(1, 2030), "%d/%d" % (rng.randint(1, 28), rng.randint(1, 12)),
                                        "%d,%d" % (rng.randint(1, 99), rng.randint(1, 9)), "%d%%" % rng.randint(1, 99)]))
            else:
                toks.append(rng.choice(WORDS))
        toks.append(".")
        out.append(" ".join(toks))
    return out


ONSETS = ("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
          "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x")
RHYMES = ("a", "ai", "am", "an", "ang", "anh", "ao", "at", "ac", "ay", "ăn", "ăng", "ăm", "ât", "ân",
          "âng", "ây", "e", "em", "en", "eo", "ê", "êm", "ên", "ênh", "êu", "i", "ia", "im", "in",
          "inh", "it", "iêu", "iên", "iêt", "o", "oa", "oai", "oan", "oang", "oanh", "oi", "om",
          "on", "ong", "ot", "ô", "ôi", "ôm", "ôn", "ông", "ơ", "ơi", "ơm", "ơn", "u", "ua", "uân",
          "ui", "um", "un", "ung", "uôi", "uôn", "uông", "uy", "uyên", "ư", "ưa", "ưi", "ưng",
          "ươi", "ươn", "ương", "ươc", "y", "yêu")
TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # sắc huyền hỏi ngã nặng
VOWELS = "aăâeêioôơuưy"


def random_syllable(rng):
    rhyme = rng.choice(RHYMES)
    tone = rng.choice(TONES)
    if tone:
        # the mark goes on the last vowel of the nucleus (close enough for a benchmark)
        idx = max(i for i, c in enumerate(rhyme) if c in VOWELS)
        rhyme = rhyme[:idx + 1] + tone + rhyme[idx + 1:]
    syl = unicodedata.normalize("NFC", rng.choice(ONSETS) + rhyme)
    return syl.capitalize() if rng.random() < 0.1 else syl


def random_lines(rng, count):
    out = []
    for _ in range(count):
        toks = []
        for _ in range(rng.randint(8, 40)):
            r = rng.random()
            if r < 0.1:
                toks.append(rng.choice(PUNCT))
            else:
                k = rng.choice((1, 1, 2, 2, 2, 3))
                toks.append("_".join(random_syllable(rng) for _ in range(k)))
        toks.append(".")
        out.append(" ".join(toks))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--source", choices=("auto", "small", "random"), default="auto")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
    args = ap.parse_args()
    if args.source == "random":
        # distinct lines for the whole corpus, so that words rarely repeat
        rng = random.Random(7)
        lines, size = [], 0
        while size < args.mb * 1e6:
            more = random_lines(rng, 1000)
            lines += more
            size += sum(len(l.encode("utf-8")) + 1 for l in more)
        source = "random syllables"
    else:
        lines = shared_lines(args.shared) if args.source == "auto" else []
        source = "shared data"
    if not lines:
        lines = generated_lines(random.Random(42), 20000)
        source = "generated text"
    want = int(args.mb * 1e6)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(args.out, "wb") as f:
        written = 0
        while written < want:
            f.write(data)
            written += len(data)
    print("%s: %.1f MB from %s (%d distinct lines)" % (args.out, written / 1e6, source, len(lines)), file=sys.stderr)


if __name__ == "__main__":
    main()
