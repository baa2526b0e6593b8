#!/usr/bin/env python3
"""Scale-out: the vnseg program as a line-oriented filter under GNU parallel --pipe gives
byte-identical output to one process, for every line-oriented subcommand and format.

Run by meson test with VNSEG (the program) and VNSEG_EXAMPLES set. Exits 77 (meson's
"skipped") when GNU parallel is not installed (Debian package `parallel`)."""
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unittest

VNSEG = os.environ.get("VNSEG", "vnseg")
EXAMPLES = os.environ.get("VNSEG_EXAMPLES", os.path.join(os.path.dirname(__file__), "..", "examples"))
PARALLEL = shutil.which("parallel")

# Subcommand -> argument lists whose output for a line depends on that line only. Commands
# that this build's program lacks are left out (they land in other branches).
LINE_ORIENTED = {
    "tokenize": [["--line-offsets"], ["--line-offsets", "-f", "jsonl"],
                 ["--line-offsets", "-f", "conllu", "--nfc"], ["--line-offsets", "--lenient"],
                 ["--line-offsets", "-f", "lines", "--lenient"]],
    "detok": [[], ["--lenient"], ["--lossless"]],
    "normalize": [[]],
    "segment": [[]],
}


def corpus(lines=2000, seed=11):
    """Thousands of lines: the example article cut into sentences and shuffled, plus lines
    that stress the contract: empty, CRLF, a leading BOM, quotes left open, NFD, long."""
    with open(os.path.join(EXAMPLES, "data", "bao-da-nang.seg.txt"), "rb") as f:
        article = f.read().decode()
    sentences = [s.strip() + " ." for s in article.split(" . ") if s.strip()]
    extra = ["", "\ufeffĐầu_dòng có BOM .", "\" Trích_dẫn chưa đóng", "Dòng CRLF .\r",
             "Quo\u0302\u0301c_gia NFD .", "TP. HCM , ngày 4/9/2023 lúc 10h30 .",
             " ".join(["rất_dài"] * 3000) + " .", "\u2028tách\u2029dòng", "a\x00b\x7fc"]
    rng = random.Random(seed)
    out = []
    for _ in range(lines):
        r = rng.random()
        if r < 0.1:
            out.append(rng.choice(extra))
        else:
            out.append(" ".join(rng.sample(sentences, rng.randint(1, 3))))
    return ("\n".join(out) + "\n").encode()


def commands():
    p = subprocess.run([VNSEG, "--help"], capture_output=True, text=True)
    return {line.split()[0] for line in p.stdout.splitlines() if line.startswith("  ")}


@unittest.skipUnless(PARALLEL, "GNU parallel is not installed")
class Parallel(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.valid = os.path.join(cls.dir.name, "valid.txt")
        cls.dirty = os.path.join(cls.dir.name, "dirty.txt")
        data = corpus()
        with open(cls.valid, "wb") as f:
            f.write(data)
        lines = data.split(b"\n")
        for i in range(0, len(lines), 97):  # invalid UTF-8 here and there, a last line
            lines[i] += b" \xff\xc3("          # without a line break
        with open(cls.dirty, "wb") as f:
            f.write(b"\n".join(lines)[:-1])
        cls.available = commands()
        if "segment" in cls.available:
            # A model of our own (from the example article), so that the result does not
            # depend on a model installed on this machine.
            model = os.path.join(cls.dir.name, "vi.model")
            subprocess.run([VNSEG, "train", "-o", model,
                            os.path.join(EXAMPLES, "data", "bao-da-nang.seg.txt")],
                           check=True, capture_output=True)
            os.environ["VNSEG_MODEL"] = model

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def one_process(self, args, path):
        with open(path, "rb") as f:
            p = subprocess.run([VNSEG] + args, stdin=f, capture_output=True)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        return p.stdout

    def chunked(self, args, path, split):
        env = dict(os.environ, TMPDIR=self.dir.name, HOME=self.dir.name)
        with open(path, "rb") as f:
            p = subprocess.run([PARALLEL, "--will-cite", "--pipe", "--keep-order", "-j", "4"]
                               + split + [VNSEG] + args, stdin=f, capture_output=True, env=env)
        self.assertEqual(p.returncode, 0, p.stderr.decode())
        return p.stdout

    def test_identical_output(self):
        ran = 0
        for command, variants in LINE_ORIENTED.items():
            if command not in self.available:
                continue
            for args in variants:
                path = self.dirty if "--lenient" in args else self.valid
                want = self.one_process([command] + args, path)
                self.assertGreater(len(want), 10000)
                for split in (["-N", "500"], ["--block", "150k"]):
                    got = self.chunked([command] + args, path, split)
                    self.assertTrue(got == want, "vnseg %s %s under parallel %s differs from "
                                    "one process" % (command, " ".join(args), " ".join(split)))
                ran += 1
        self.assertGreater(ran, 0)

    def test_one_line_per_job(self):
        with open(self.dirty, "rb") as f:
            head = b"".join(f.readlines()[:40])
        path = os.path.join(self.dir.name, "head.txt")
        with open(path, "wb") as f:
            f.write(head)
        args = ["tokenize", "--line-offsets", "--lenient", "-f", "jsonl"]
        self.assertEqual(self.chunked(args, path, ["-N", "1"]), self.one_process(args, path))

    def test_lines_format_is_one_line_out_per_line_in(self):
        # What Spark's RDD.pipe needs to pair results with records.
        import json
        with open(self.dirty, "rb") as f:
            n_in = len(f.read().split(b"\n"))
        out = self.one_process(["tokenize", "--line-offsets", "--lenient", "-f", "lines"],
                               self.dirty)
        rows = out.decode().split("\n")
        self.assertEqual(rows[-1], "")
        self.assertEqual(len(rows) - 1, n_in)
        per_sentence = self.one_process(["tokenize", "--line-offsets", "--lenient", "-f", "jsonl"],
                                        self.dirty).decode().splitlines()
        flat = [json.dumps(s, ensure_ascii=False, separators=(",", ":"))
                for row in rows[:-1] for s in json.loads(row)]
        self.assertEqual(flat, per_sentence)

    def test_file_offsets_are_not_chunk_safe(self):
        # Without --line-offsets the offsets count from the start of the input, so chunks
        # give different numbers: the reason the option exists.
        want = self.one_process(["tokenize"], self.valid)
        got = self.chunked(["tokenize"], self.valid, ["-N", "500"])
        self.assertNotEqual(got, want)


if __name__ == "__main__":
    if not PARALLEL:
        print("SKIP: GNU parallel is not installed (Debian package `parallel`)")
        sys.exit(77)
    unittest.main()
