#!/usr/bin/env python3
"""Tests of the vnseg program as a user runs it: formats, errors, exit codes, streaming input.

Run by meson test with VNSEG (the program) and VNSEG_EXAMPLES (examples/ folder) set.
Standard library only."""
import json
import os
import subprocess
import tempfile
import unittest

VNSEG = os.environ.get("VNSEG", "vnseg")
EXAMPLES = os.environ.get("VNSEG_EXAMPLES", os.path.join(os.path.dirname(__file__), "..", "examples"))
ARTICLE = os.path.join(EXAMPLES, "data", "bao-da-nang.seg.txt")
EXAMPLE_BIN = os.environ.get("VNSEG_EXAMPLE_BIN", "")

TEXT = ("Tổng_thống Nga Vladimir_Putin ( phải ) gặp ông Kim hôm 4/9 . \" Tại_sao lại không ? \"\n"
        "Dòng hai có 1.000 người .\n")


def write(path, data):
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def run(args, stdin=b"", ok=True):
    p = subprocess.run([VNSEG] + args, input=stdin, capture_output=True)
    if ok and p.returncode != 0:
        raise AssertionError("vnseg %s failed (%d): %s" % (args, p.returncode, p.stderr.decode()))
    return p


class Tokenize(unittest.TestCase):
    def test_tsv(self):
        out = run(["tokenize"], TEXT.encode()).stdout.decode()
        blocks = [b for b in out.split("\n\n") if b.strip()]
        self.assertEqual(len(blocks), 3)  # three sentences
        first = blocks[0].splitlines()[0].split("\t")
        self.assertEqual(first, ["0", str(len("Tổng_thống".encode())), "word", "2", "cap,multi", "Tổng_thống"])
        rows = [r.split("\t") for b in blocks for r in b.splitlines()]
        data = TEXT.encode()
        for start, end, kind, syl, flags, text in rows:
            self.assertEqual(data[int(start):int(end)].decode(), text)
        kinds = {r[5]: r[2] for r in rows}
        self.assertEqual(kinds["4/9"], "datetime")
        self.assertEqual(kinds["1.000"], "number")
        self.assertEqual(kinds["("], "open")

    def test_jsonl(self):
        out = run(["tokenize", "--format", "jsonl"], TEXT.encode()).stdout.decode()
        sents = [json.loads(l) for l in out.splitlines()]
        self.assertEqual([s["line"] for s in sents], [1, 1, 2])
        self.assertEqual(sents[0]["tokens"][0]["text"], "Tổng_thống")
        self.assertIn("terminated", sents[0]["flags"])
        quote = [t for t in sents[1]["tokens"] if t["text"] == '"']
        self.assertEqual([t["kind"] for t in quote], ["open", "close"])
        data = TEXT.encode()
        for s in sents:
            for t in s["tokens"]:
                self.assertEqual(data[t["start"]:t["end"]].decode(), t["text"])

    def test_conllu(self):
        out = run(["tokenize", "-f", "conllu"], TEXT.encode()).stdout.decode()
        self.assertTrue(out.startswith("# sent_id = 1-1\n# text = Tổng thống Nga Vladimir Putin"))
        lines = [l for l in out.splitlines() if l and not l.startswith("#")]
        for l in lines:
            self.assertEqual(len(l.split("\t")), 10)
        self.assertEqual(lines[0].split("\t")[1], "Tổng thống")
        self.assertIn("ByteRange=0:", lines[0])
        puncts = [l.split("\t")[3] for l in lines if l.split("\t")[1] in "().\""]
        self.assertEqual(set(puncts), {"PUNCT"})
        self.assertTrue(out.endswith("\n\n"))

    def test_files_and_stdin(self):
        with tempfile.TemporaryDirectory() as d:
            a, b = os.path.join(d, "a.txt"), os.path.join(d, "b.txt")
            write(a, "một hai\n")
            write(b, "ba")
            out = run(["tokenize", a, "-", b], "bốn\n".encode()).stdout.decode()
            self.assertEqual([l.split("\t")[5] for l in out.splitlines() if l],
                             ["một", "hai", "bốn", "ba"])

    def test_line_offsets_make_lines_independent(self):
        data = TEXT.encode() * 3
        whole = run(["tokenize", "--line-offsets", "-f", "jsonl"], data).stdout
        parts = b"".join(run(["tokenize", "--line-offsets", "-f", "jsonl"], line + b"\n").stdout
                         for line in data.splitlines())
        self.assertEqual(whole, parts)

    def test_strict_error_names_file_and_offset(self):
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "bad.txt")
            write(bad, "dòng một\n".encode() + b"hai \xff ba\n")
            p = run(["tokenize", bad], ok=False)
            self.assertEqual(p.returncode, 1)
            msg = p.stderr.decode()
            self.assertIn("bad.txt", msg)
            self.assertIn("byte %d" % (len("dòng một\n".encode()) + 4), msg)
            # Lenient: TSV keeps the input's bytes; --nfc writes U+FFFD in their place.
            out = run(["tokenize", "--lenient", bad]).stdout
            self.assertIn(b"repaired\t\xff", out)
            out = run(["tokenize", "--lenient", "--nfc", bad]).stdout.decode()
            self.assertIn("repaired\t\ufffd", out)

    def test_missing_file(self):
        p = run(["tokenize", "/nonexistent/x.txt"], ok=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("/nonexistent/x.txt", p.stderr.decode())

    def test_usage_errors(self):
        self.assertEqual(run(["tokenize", "--bogus"], ok=False).returncode, 2)
        self.assertEqual(run(["tokenize", "--format", "xml"], ok=False).returncode, 2)
        self.assertEqual(run(["nosuchcommand"], ok=False).returncode, 2)
        self.assertEqual(run([], ok=False).returncode, 2)

    def test_help_and_version(self):
        self.assertIn("Usage: vnseg tokenize", run(["tokenize", "--help"]).stdout.decode())
        self.assertIn("tokenize", run(["--help"]).stdout.decode())
        self.assertTrue(run(["--version"]).stdout.decode().startswith("vnseg "))

    def test_progress_when_asked(self):
        p = run(["tokenize", "--progress", ARTICLE])
        self.assertEqual(p.returncode, 0)

    def test_example_article(self):
        out = run(["tokenize", "-f", "jsonl", ARTICLE]).stdout.decode()
        sents = [json.loads(l) for l in out.splitlines()]
        self.assertGreaterEqual(len(sents), 8)
        self.assertEqual(sents[0]["flags"], [])  # the title
        self.assertIn("guessed", sents[1]["flags"])  # the lead, run on after the title
        kinds = {t["text"]: t["kind"] for s in sents for t in s["tokens"]}
        self.assertEqual(kinds["www.example.vn"], "url")
        self.assertEqual(kinds["10h30"], "datetime")
        self.assertEqual(kinds["35%"], "number")


NFD = "Vie\u0323\u0302t Nam\u200b\u00a0ho\u0300a ba\u1ecf\r\nlu\u01a1\u0323ng"
# "Việt Nam, Đà Nẵng" in the legacy encodings, byte by byte from the charts.
LEGACY = {
    "tcvn3": b"Vi\xd6t Nam, \xa7\xb5 N\xbdng",
    "vni": b"Vie\xe4t Nam, \xd1a\xf8 Na\xfcng",
    "viqr": b"Vie^.t Nam, DDa` Na(~ng",
    "viscii": b"Vi\xaet Nam, \xd0\xe0 N\xc7ng",
    "cp1258": b"Vi\xea\xf2t Nam, \xd0\xe0 N\xe3\xdeng",
    # UTF-8 read as Windows-1252 the way browsers do: undefined bytes become C1 controls.
    "mojibake": "".join(chr(b) if b in (0x81, 0x8d, 0x8f, 0x90, 0x9d) else bytes([b]).decode("cp1252")
                        for b in "Việt Nam, Đà Nẵng".encode()).encode(),
}


class Normalize(unittest.TestCase):
    def test_default_steps(self):
        out = run(["normalize"], NFD.encode()).stdout.decode()
        self.assertEqual(out, "Việt Nam hòa baỏ\r\nluợng")  # CRLF and no final EOL kept

    def test_steps(self):
        def norm(steps, text=NFD):
            return run(["normalize", "--steps", steps], text.encode()).stdout.decode()
        self.assertEqual(norm("default,repair,tone-new"), "Việt Nam hoà bảo\r\nlượng")
        self.assertEqual(norm("search"), "viet nam hoa bao\r\nluong")
        self.assertEqual(norm("default,-spaces"), "Việt Nam\u00a0hòa baỏ\r\nluợng")
        self.assertEqual(norm("none"), NFD)
        self.assertEqual(norm("tone-old", "hoà khoẻ"), "hòa khỏe")
        self.assertEqual(norm("lookalike", "ÐÀ NẴNG Guðrún"), "ĐÀ NẴNG Guðrún")
        for bad in ("nfd", "tone-new,tone-old"):
            self.assertEqual(run(["normalize", "--steps", bad], b"x", ok=False).returncode, 2)

    def test_every_encoding(self):
        for enc, data in LEGACY.items():
            out = run(["normalize", "--from", enc], data + b"\n").stdout.decode()
            self.assertEqual(out, "Việt Nam, Đà Nẵng\n", enc)

    def test_auto_detection(self):
        for enc, data in LEGACY.items():
            p = run(["normalize", "--from", "auto"], (data + b"\n") * 3)
            self.assertEqual(p.stdout.decode(), "Việt Nam, Đà Nẵng\n" * 3, enc)
            self.assertIn("detected %s (confidence" % enc, p.stderr.decode())
        p = run(["normalize", "--from", "auto"], "Việt Nam\n".encode())
        self.assertIn("detected utf8", p.stderr.decode())

    def _check_tsv(self, data, args):
        text = run(["normalize"] + args, data).stdout
        rows = run(["normalize", "--map", "tsv"] + args, data).stdout.decode().splitlines()
        self.assertTrue(rows)
        unescape = lambda s: s.replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r")
        last = 0
        for row in rows:
            a, b, c, d, orig, new = row.split("\t")
            a, b, c, d = int(a), int(b), int(c), int(d)
            self.assertGreaterEqual(a, last)
            self.assertEqual(text[a:b].decode(), unescape(new))
            if "\\x" not in orig:
                self.assertEqual(data[c:d].decode(), unescape(orig))
            # Between changes the bytes are the same: the gaps line up.
            self.assertEqual(a - last >= 0, True)
            last = b
        return rows

    def test_map_tsv(self):
        data = (NFD + "\nÐinh Tiến\ufeff\n").encode() * 2
        rows = self._check_tsv(data, [])
        self.assertIn("ệ", [r.split("\t")[5] for r in rows])
        rows = self._check_tsv(LEGACY["vni"] + b"\n", ["--from", "vni"])
        self.assertEqual(rows[0].split("\t")[:4], ["2", "5", "2", "4"])

    def test_map_jsonl(self):
        data = ("dòng một\n" + NFD + "\n").encode()
        out = run(["normalize", "--map", "jsonl"], data).stdout.decode()
        lines = [json.loads(l) for l in out.splitlines()]
        self.assertEqual([l["line"] for l in lines], [1, 2, 3])
        self.assertEqual(lines[0]["changes"], [])
        second = lines[1]
        self.assertEqual(second["text"], "Việt Nam hòa baỏ")
        self.assertEqual(second["start"], len("dòng một\n".encode()))
        text = second["text"].encode()
        for a, b, c, d in second["changes"]:
            self.assertGreater(b, a)
            self.assertGreater(d, c)
        a, b, c, d = second["changes"][0]
        self.assertEqual(text[a:b].decode(), "ệ")
        self.assertEqual(data[c:d].decode(), "e\u0323\u0302")

    def test_invalid_utf8(self):
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "bad.txt")
            write(bad, "dòng một\n".encode() + b"hai \xff ba\n")
            p = run(["normalize", bad], ok=False)
            self.assertEqual(p.returncode, 1)
            self.assertIn("bad.txt", p.stderr.decode())
            self.assertIn("byte %d" % (len("dòng một\n".encode()) + 4), p.stderr.decode())
            p = run(["normalize", "--lenient", bad])
            self.assertEqual(p.stdout.decode(), "dòng một\nhai \ufffd ba\n")
            self.assertIn("byte %d: cannot map FF" % (len("dòng một\n".encode()) + 4),
                          p.stderr.decode())
            p = run(["normalize", "--lenient", "--strict", bad], ok=False)
            self.assertEqual(p.returncode, 1)

    def test_unmapped_legacy_bytes(self):
        p = run(["normalize", "--from", "tcvn3"], b"ab\x80c\nx\x81\n")
        self.assertEqual(p.stdout.decode(), "ab\ufffdc\nx\ufffd\n")
        err = p.stderr.decode()
        self.assertIn("<stdin>: byte 2: cannot map 80 (tcvn3)", err)
        self.assertIn("<stdin>: byte 6: cannot map 81 (tcvn3)", err)
        p = run(["normalize", "--from", "tcvn3", "--strict"], b"ab\x80c\n", ok=False)
        self.assertEqual(p.returncode, 1)
        self.assertEqual(p.stdout.decode(), "ab\ufffdc\n")
        many = run(["normalize", "--from", "tcvn3"], b"\x80" * 30).stderr.decode()
        self.assertIn("30 characters could not be mapped", many)

    def test_files_stdin_and_errors(self):
        with tempfile.TemporaryDirectory() as d:
            a = os.path.join(d, "a.txt")
            write(a, "a\u0300\n")
            out = run(["normalize", a, "-"], "e\u0301".encode()).stdout.decode()
            self.assertEqual(out, "à\né")
        p = run(["normalize", "/nonexistent/x.txt"], ok=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("/nonexistent/x.txt", p.stderr.decode())
        self.assertEqual(run(["normalize", "--bogus"], ok=False).returncode, 2)
        self.assertEqual(run(["normalize", "--from", "latin9"], ok=False).returncode, 2)
        self.assertEqual(run(["normalize", "--map", "xml"], ok=False).returncode, 2)
        self.assertIn("Usage: vnseg normalize", run(["normalize", "--help"]).stdout.decode())
        self.assertIn("normalize", run(["--help"]).stdout.decode())

    def test_long_input_streams(self):
        line = NFD.replace("\r\n", " ") + "\n"
        data = (line * 20000).encode()
        out = run(["normalize", "--progress"], data).stdout.decode()
        self.assertEqual(out, "Việt Nam hòa baỏ luợng\n" * 20000)


ENT_TEXT = ("Tổng_thống Nga Vladimir_Putin gặp ông Kim_Jong-un tại Vladivostok .\n"
            "Mỹ_cáo_buộc Triều_Tiên , theo Hội_đồng Bảo_an . Ảnh : KCNA\n")


class Entities(unittest.TestCase):
    def test_jsonl_offsets_are_file_offsets(self):
        data = ENT_TEXT.encode()
        out = run(["entities", "-f", "jsonl"], data).stdout.decode()
        ms = [json.loads(l) for l in out.splitlines()]
        for m in ms:
            for key in ("text", "type", "start", "end", "source", "canonical", "id", "line"):
                self.assertIn(key, m)
            self.assertEqual(data[m["start"]:m["end"]].decode(), m["text"])
        got = [(m["text"], m["type"], m["source"], m["line"]) for m in ms]
        self.assertEqual(got, [
            ("Nga", "LOC", "gazetteer", 1), ("Vladimir_Putin", "PER", "heuristic", 1),
            ("Kim_Jong-un", "PER", "heuristic", 1), ("Vladivostok", "LOC", "gazetteer", 1),
            ("Mỹ", "LOC", "gazetteer", 2), ("Triều_Tiên", "LOC", "gazetteer", 2),
            ("Hội_đồng Bảo_an", "ORG", "gazetteer", 2), ("KCNA", "ORG", "gazetteer", 2)])
        self.assertEqual(ms[4]["canonical"], "Hoa Kỳ")
        self.assertEqual(ms[4]["id"], "country:US")
        self.assertIn("partial", ms[4]["flags"])

    def test_natural_offsets_index_the_detokenized_text(self):
        # A glued name, a quote, brackets, a CRLF line: offsets in `vnseg detok` output.
        data = (ENT_TEXT + "Ông Kim_Jong-un ( phải ) nói : \" Nga_và Triều_Tiên \"\r\n"
                "Tổng_thống Putin .").encode()
        natural = run(["detok"], data).stdout
        ms = [json.loads(l) for l in run(["entities", "-f", "jsonl"], data).stdout.decode().splitlines()]
        self.assertGreater(len(ms), 8)
        for m in ms:
            self.assertEqual(natural[m["natural_start"]:m["natural_end"]].decode(), m["natural"])
            self.assertEqual(m["natural"], m["text"].replace("_", " "))
        got = {(m["natural"], m["line"]) for m in ms}
        self.assertIn(("Mỹ", 2), got)          # inside the glued `Mỹ_cáo_buộc`
        self.assertIn(("Kim Jong-un", 3), got)
        self.assertIn(("Triều Tiên", 3), got)
        self.assertIn(("Putin", 4), got)
        rows = [l.split("\t") for l in run(["entities", "--natural"], data).stdout.decode().splitlines()]
        self.assertEqual(len(rows), len(ms))
        for r, m in zip(rows, ms):
            self.assertEqual(len(r), 10)
            self.assertEqual((int(r[7]), int(r[8]), r[9]), (m["natural_start"], m["natural_end"], m["natural"]))
        plain = run(["entities"], data).stdout.decode().splitlines()
        self.assertEqual(len(plain[0].split("\t")), 7)

    @unittest.skipUnless(EXAMPLE_BIN, "VNSEG_EXAMPLE_BIN not set")
    def test_article_report_marks_the_natural_text(self):
        out = subprocess.run([os.path.join(EXAMPLE_BIN, "article_report"), ARTICLE],
                             capture_output=True, check=True).stdout.decode()
        text, _, table = out.partition("\n\n")
        # The detokenizer's text: no `_`, no space before punctuation; mentions in brackets.
        self.assertNotIn("_", text)
        self.assertIn("[Ủy ban nhân dân thành phố Đà Nẵng]ORG sáng 30/9", text)
        self.assertIn("(tên quốc tế [Noru]MISC) đi qua.", text)
        self.assertIn("ông [Trần Văn Minh]PER, giám đốc", text)
        self.assertIn("11 sentences, 160 words, 16 mentions", table)
        self.assertRegex(table, r"\n +2  MISC  Noru\n")

    @unittest.skipUnless(EXAMPLE_BIN, "VNSEG_EXAMPLE_BIN not set")
    def test_entities_api_example(self):
        with tempfile.TemporaryDirectory() as d:
            out = subprocess.run([os.path.join(EXAMPLE_BIN, "entities_api"), os.path.join(d, "x.gaz")],
                                 capture_output=True, check=True).stdout.decode()
        rows = [l.split("\t") for l in out.splitlines() if "\t" in l]
        self.assertEqual([r[:3] for r in rows], [
            ["PER", "gazetteer", "Phạm_Nhật_Vượng"], ["ORG", "gazetteer", "Vingroup"],
            ["PER", "heuristic", "John_Smith"], ["ORG", "gazetteer", "Nhà_Trắng"],
            ["LOC", "gazetteer", "Mỹ"], ["LOC", "gazetteer", "Triều_Tiên"]])
        self.assertEqual(rows[1][3:], ["Tập đoàn Vingroup", "vn:vingroup"])
        self.assertIn("key of Thanh_Hóa: Thanh Hoá", out)

    def test_tsv_example_article(self):
        with open(ARTICLE, "rb") as f:
            data = f.read()
        out = run(["entities", ARTICLE]).stdout.decode()
        rows = [l.split("\t") for l in out.splitlines()]
        for start, end, typ, source, canon, ident, text in rows:
            self.assertEqual(data[int(start):int(end)].decode(), text)
            self.assertIn(typ, ("PER", "LOC", "ORG", "MISC"))
        found = {r[6]: r[2] for r in rows}
        self.assertEqual(found["Đà_Nẵng"], "LOC")
        self.assertEqual(found["Trần_Văn_Minh"], "PER")
        self.assertEqual(found["Sở Giao_thông vận_tải"], "ORG")
        self.assertEqual(found["TTXVN"], "ORG")

    def test_summary(self):
        out = run(["entities", "--summary"], (ENT_TEXT * 3).encode()).stdout.decode()
        rows = [l.split("\t") for l in out.splitlines()]
        self.assertEqual(rows[0][0], "3")
        byname = {r[2]: r for r in rows}
        self.assertEqual(byname["Triều Tiên"][1], "LOC")
        self.assertEqual(byname["Triều Tiên"][3], "country:KP")
        self.assertEqual(byname["Vladimir Putin"][1], "PER")
        js = [json.loads(l) for l in run(["entities", "--summary", "-f", "jsonl"],
                                          ENT_TEXT.encode()).stdout.decode().splitlines()]
        self.assertEqual(js[0]["count"], 1)
        self.assertIn("texts", js[0])

    def test_user_gazetteer_tsv_and_compiled(self):
        with tempfile.TemporaryDirectory() as d:
            tsv, gz = os.path.join(d, "names.tsv"), os.path.join(d, "names.gaz")
            write(tsv, "# my list\nVinFast\tBRAND\tvf\tVinFast\nHòa Bình\tLOC\n")
            text = "VinFast mở nhà_máy ở Hoà_Bình và Nga .\n".encode()
            out = run(["entities", "--no-default", "--no-heuristics", "-g", tsv], text).stdout.decode()
            self.assertEqual([l.split("\t")[2] for l in out.splitlines()], ["BRAND", "LOC"])
            out = run(["entities", "-g", tsv], text).stdout.decode()
            self.assertEqual([l.split("\t")[6] for l in out.splitlines()], ["VinFast", "Hoà_Bình", "Nga"])
            p = run(["gazetteer", "compile", "-o", gz, tsv])
            self.assertIn("2 entries", p.stderr.decode())
            self.assertIn("ok, 2 entries", run(["gazetteer", "verify", gz]).stdout.decode())
            out = run(["entities", "--no-default", "--no-heuristics", "-g", gz], text).stdout.decode()
            self.assertEqual([l.split("\t")[2] for l in out.splitlines()], ["BRAND", "LOC"])
            dump = run(["gazetteer", "dump", gz]).stdout.decode()
            self.assertIn("VinFast\tBRAND\tvf\tVinFast", dump)
            # A damaged file: the constant-time open may accept it, verify never does.
            with open(gz, "rb") as f:
                raw = bytearray(f.read())
            raw[-3] ^= 0x20
            write(gz, bytes(raw))
            p = run(["gazetteer", "verify", gz], ok=False)
            self.assertEqual(p.returncode, 1)
            self.assertIn("checksum", p.stderr.decode())
            write(gz, bytes(raw[:100]))
            p = run(["entities", "-g", gz, "--no-default"], text, ok=False)
            self.assertEqual(p.returncode, 1)
            self.assertIn("truncated", p.stderr.decode())

    def test_bad_tsv_names_line(self):
        with tempfile.TemporaryDirectory() as d:
            tsv = os.path.join(d, "bad.tsv")
            write(tsv, "Nga\tLOC\nno type here\n")
            p = run(["entities", "-g", tsv], b"Nga .\n", ok=False)
            self.assertEqual(p.returncode, 1)
            self.assertIn("bad.tsv: line 2", p.stderr.decode())

    def test_key_and_default_dump(self):
        out = run(["gazetteer", "key", "Hòa_Bình", "THANH HÓA", "\u00d0à Nẵng"]).stdout.decode()
        self.assertEqual(out.splitlines(), ["Hoà Bình", "Thanh Hoá", "Đà Nẵng"])
        dump = run(["gazetteer", "dump", "default"]).stdout.decode()
        self.assertIn("Triều Tiên\tLOC\tcountry:KP", dump)

    def test_errors_and_usage(self):
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "bad.txt")
            write(bad, "Nga và Mỹ .\n".encode() + b"x \xff y\n")
            p = run(["entities", bad], ok=False)
            self.assertEqual(p.returncode, 1)
            self.assertIn("bad.txt", p.stderr.decode())
            self.assertIn("byte %d" % (len("Nga và Mỹ .\n".encode()) + 2), p.stderr.decode())
            self.assertEqual(run(["entities", "--lenient", bad]).returncode, 0)
        self.assertEqual(run(["entities", "--bogus"], ok=False).returncode, 2)
        self.assertEqual(run(["entities", "-f", "xml"], ok=False).returncode, 2)
        self.assertEqual(run(["gazetteer", "compile"], ok=False).returncode, 2)
        self.assertEqual(run(["gazetteer", "frobnicate"], ok=False).returncode, 2)
        self.assertIn("Usage: vnseg entities", run(["entities", "--help"]).stdout.decode())


SEG_CORPUS = ("Chính_phủ Việt_Nam đã thông_qua kế_hoạch phát_triển kinh_tế .\n"
              "Người dân thành_phố Hà_Nội rất vui_mừng .\n"
              "Học_sinh đến trường vào buổi sáng .\n"
              "Giáo_viên hướng_dẫn học_sinh làm bài_tập .\n"
              "Thời_tiết hôm_nay rất đẹp , học_sinh đi chơi .\n"
              "Kinh_tế Việt_Nam phát_triển nhanh .\n"
              "Giáo_viên và học_sinh đến trường .\n"
              "Thành_phố Hà_Nội có nhiều trường học .\n")
SEG_CONLLU = ("# text = Học sinh vui mừng .\n1\tHọc sinh\t_\t_\t_\t_\t_\t_\t_\t_\n"
              "2\tvui mừng\t_\t_\t_\t_\t_\t_\t_\t_\n3\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n")
RAW = ("Học sinh Hà Nội rất vui mừng.\n"
       "  Giáo viên\thướng dẫn (học sinh),  ngày 4/9 \n"
       "\n"
       "Kinh tế Việt Nam phát triển nhanh!")


class Segment(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.d = self.dir.name
        self.corpus = os.path.join(self.d, "corpus.seg.txt")
        write(self.corpus, SEG_CORPUS)
        self.model = os.path.join(self.d, "m.model")
        run(["train", "-q", "-o", self.model, self.corpus])

    def tearDown(self):
        self.dir.cleanup()

    def test_one_line_per_line_and_bytes_kept(self):
        out = run(["segment", "--model", self.model], RAW.encode()).stdout.decode()
        lines = out.split("\n")
        self.assertEqual(len(lines), 4)  # the last input line has no line break, nor its output
        self.assertEqual(lines[0], "Học_sinh Hà_Nội rất vui_mừng .")
        self.assertEqual(lines[1], "  Giáo_viên\thướng_dẫn ( học_sinh ) ,  ngày 4/9 ")
        self.assertEqual(lines[2], "")
        self.assertEqual(lines[3], "Kinh_tế Việt_Nam phát_triển nhanh !")
        # Only spaces became `_`, and only spaces were added.
        for raw, seg in zip(RAW.split("\n"), lines):
            i = 0
            for c in seg:
                if i < len(raw) and (c == raw[i] or (c == "_" and raw[i] == " ")):
                    i += 1
                else:
                    self.assertEqual(c, " ")
            self.assertEqual(i, len(raw))

    def test_files_env_and_crlf(self):
        a = os.path.join(self.d, "a.txt")
        write(a, "Học sinh vui mừng.\r\nKinh tế\n")
        env = dict(os.environ, VNSEG_MODEL=self.model)
        p = subprocess.run([VNSEG, "segment", a, "-"], input="Hà Nội".encode(), env=env,
                           capture_output=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.decode(), "Học_sinh vui_mừng .\r\nKinh_tế\nHà_Nội")

    def test_round_trip_through_detok(self):
        # Where the input sets punctuation apart, `segment | detok --lossless` gives it back
        # byte for byte; natural text (the article detokenized) comes back through `detok`.
        spaced = ("Học sinh Hà Nội ( thủ đô ) rất vui mừng .\n"
                  "  Giáo viên\thướng dẫn  học sinh , ngày 4/9 \r\n\n"
                  "Kinh tế phát triển nhanh !")
        article = run(["detok", "--lossless", ARTICLE]).stdout
        natural = run(["detok", ARTICLE]).stdout
        for model in (self.model, None):
            m = ["--model", model] if model else ["--model", self.lexmodel()]
            for text in (spaced.encode(), article):
                seg = run(["segment"] + m, text).stdout
                self.assertIn(b"_", seg)
                self.assertEqual(run(["detok", "--lossless"], seg).stdout, text)
            seg = run(["segment"] + m, natural).stdout
            self.assertEqual(run(["detok"], seg).stdout, natural)

    def lexmodel(self):
        words = os.path.join(self.d, "rt-words.txt")
        write(words, "Đà Nẵng\ncảng biển\nmở cửa\nhọc sinh\n")
        m = os.path.join(self.d, "rt-lex.model")
        run(["train", "-q", "-o", m, "--lexicon", words])
        return m

    def test_conllu_and_lexicon_training(self):
        c = os.path.join(self.d, "ud.conllu")
        write(c, SEG_CONLLU)
        m2 = os.path.join(self.d, "ud.model")
        p = run(["train", "-o", m2, c])
        self.assertIn("CoNLL-U", p.stderr.decode())
        self.assertIn("epoch 10 of 10", p.stderr.decode())
        words = os.path.join(self.d, "words.txt")
        write(words, "học sinh\nvui mừng\nHà Nội\n")
        m3 = os.path.join(self.d, "lex.model")
        p = run(["train", "-o", m3, "--lexicon", words])
        self.assertIn("lexicon-only", p.stderr.decode())
        out = run(["segment", "-m", m3], "Học sinh Hà Nội vui mừng".encode()).stdout.decode()
        self.assertEqual(out, "Học_sinh Hà_Nội vui_mừng")

    def test_errors(self):
        bad = os.path.join(self.d, "bad.txt")
        write(bad, "dòng một\n".encode() + b"hai \xff ba\n")
        p = run(["segment", "--model", self.model, bad], ok=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("bad.txt", p.stderr.decode())
        self.assertIn("byte %d" % (len("dòng một\n".encode()) + 4), p.stderr.decode())
        p = run(["segment", "--model", self.model, "--lenient", bad])
        self.assertIn(b"\xff", p.stdout)
        # A corrupted model file is refused with a message.
        data = bytearray(open(self.model, "rb").read())
        data[len(data) // 2] ^= 1
        broken = os.path.join(self.d, "broken.model")
        write(broken, bytes(data))
        p = run(["segment", "--model", broken], b"x", ok=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("checksum", p.stderr.decode())
        write(broken, bytes(data[:100]))
        p = run(["segment", "--model", broken], b"x", ok=False)
        self.assertEqual(p.returncode, 1)
        self.assertIn("not a valid vnseg model", p.stderr.decode())
        p = run(["segment", "--model", os.path.join(self.d, "none.model")], b"x", ok=False)
        self.assertEqual(p.returncode, 1)
        env = {k: v for k, v in os.environ.items() if k != "VNSEG_MODEL"}
        env["HOME"] = self.d
        env["XDG_DATA_HOME"] = self.d
        p = subprocess.run([VNSEG, "segment"], input=b"x", env=env, capture_output=True)
        if not any(os.path.exists(f) for f in ("/usr/local/share/libvnseg/vi.model",
                                               "/usr/share/libvnseg/vi.model")):
            self.assertEqual(p.returncode, 2)
            self.assertIn("no model", p.stderr.decode())
        self.assertEqual(run(["segment", "--bogus"], ok=False).returncode, 2)
        self.assertEqual(run(["train", "-o", self.model], ok=False).returncode, 2)
        self.assertEqual(run(["train", self.corpus], ok=False).returncode, 2)
        self.assertEqual(run(["train", "-o", os.path.join(self.d, "x"), "/nonexistent"],
                             ok=False).returncode, 1)
        self.assertIn("Usage: vnseg segment", run(["segment", "--help"]).stdout.decode())
        self.assertIn("Usage: vnseg train", run(["train", "--help"]).stdout.decode())


class Detok(unittest.TestCase):
    SEG = ("Tổng_thống Nga ( phải ) nói : \" Tại_sao lại không nhỉ ? \"\n"
           "\n"
           "Giá tăng 2,4 % , lên 100.000 đ\r\n"
           "dòng cuối")
    NATURAL = ("Tổng thống Nga (phải) nói: \"Tại sao lại không nhỉ?\"\n"
               "\n"
               "Giá tăng 2,4%, lên 100.000đ\r\n"
               "dòng cuối")

    def test_text_line_for_line(self):
        out = run(["detok"], self.SEG.encode()).stdout.decode()
        self.assertEqual(out, self.NATURAL)

    def test_files_and_stdin(self):
        with tempfile.TemporaryDirectory() as d:
            a, b = os.path.join(d, "a.txt"), os.path.join(d, "b.txt")
            write(a, "Hà_Nội , ngày 4/9 .\n")
            write(b, "( xong )\n")
            out = run(["detok", a, "-", b], "“ giữa ”\n".encode()).stdout.decode()
            self.assertEqual(out, "Hà Nội, ngày 4/9.\n“giữa”\n(xong)\n")

    def test_lossless(self):
        seg = "  Tổng_thống  Nga\t( phải )\n"
        out = run(["detok", "--lossless"], seg.encode()).stdout.decode()
        self.assertEqual(out, "  Tổng thống  Nga\t( phải )\n")

    def test_escapes(self):
        out = run(["detok", "--escapes"], "bảng tbl\\_gia ( mới )\n".encode()).stdout.decode()
        self.assertEqual(out, "bảng tbl_gia (mới)\n")

    def check_alignment(self, seg, out, rows):
        """Each row: input span holds the token, output span holds it with spaces."""
        data, text = seg.encode(), out.encode()
        for tok, start, end, ostart, oend in rows:
            self.assertEqual(data[start:end].decode(), tok)
            self.assertEqual(text[ostart:oend].decode(), tok.replace("_", " "))

    def test_align_tsv(self):
        out = run(["detok"], self.SEG.encode()).stdout.decode()
        tsv = run(["detok", "--align", "tsv"], self.SEG.encode()).stdout.decode()
        self.assertEqual(tsv.splitlines().count(""), 4)  # an empty row after each line
        rows = []
        for line in tsv.splitlines():
            if line:
                s, e, os_, oe, tok = line.split("\t")
                rows.append((tok, int(s), int(e), int(os_), int(oe)))
        self.assertEqual(rows[0], ("Tổng_thống", 0, len("Tổng_thống".encode()), 0,
                                   len("Tổng thống".encode())))
        self.assertEqual(len(rows), len(self.SEG.split()))
        self.check_alignment(self.SEG, out, rows)

    def test_align_jsonl(self):
        out = run(["detok"], self.SEG.encode()).stdout.decode()
        lines = [json.loads(l) for l in
                 run(["detok", "--align", "jsonl"], self.SEG.encode()).stdout.decode().splitlines()]
        self.assertEqual([l["line"] for l in lines], [1, 2, 3, 4])
        self.assertEqual("\n".join(l["text"] for l in lines).replace("đ\n", "đ\r\n"), out)
        rows = [(t["token"], t["start"], t["end"], t["out_start"], t["out_end"])
                for l in lines for t in l["tokens"]]
        self.check_alignment(self.SEG, out, rows)
        text = out.encode()
        for l in lines:
            n = len(l["text"].encode())
            self.assertEqual(text[l["out_start"]:l["out_start"] + n].decode(), l["text"])

    def test_errors_and_usage(self):
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "bad.txt")
            write(bad, "một ( hai )\n".encode() + b"ba \xff b\xe1\xbb\x91n\n")
            p = run(["detok", bad], ok=False)
            self.assertEqual(p.returncode, 1)
            msg = p.stderr.decode()
            self.assertIn("bad.txt", msg)
            self.assertIn("byte %d" % (len("một ( hai )\n".encode()) + 3), msg)
            self.assertEqual(p.stdout.decode(), "một (hai)\n")
            out = run(["detok", "--lenient", bad]).stdout
            self.assertEqual(out, "một (hai)\n".encode() + b"ba \xff b\xe1\xbb\x91n\n")
        self.assertEqual(run(["detok", "/nonexistent/x.txt"], ok=False).returncode, 1)
        self.assertEqual(run(["detok", "--bogus"], ok=False).returncode, 2)
        self.assertEqual(run(["detok", "--align", "xml"], ok=False).returncode, 2)
        self.assertIn("Usage: vnseg detok", run(["detok", "--help"]).stdout.decode())
        self.assertIn("detok", run(["--help"]).stdout.decode())

    def test_example_article(self):
        out = run(["detok", ARTICLE]).stdout.decode()
        self.assertNotIn("_", out.replace("://", ""))
        self.assertNotIn(" ,", out)
        self.assertNotIn(" .", out)
        with open(ARTICLE, encoding="utf-8") as f:
            self.assertEqual(out.count("\n"), f.read().count("\n"))


if __name__ == "__main__":
    unittest.main()
