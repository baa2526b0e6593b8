"""Trainer, Model, Segmenter, segment() and tokenize_raw(): a tiny model trained here on text
we wrote, segmentation, the lossless round trip back to the raw text, errors with offsets
(skipped without the segmenter)."""
import os
import tempfile
import unittest

from support import vnseg

CORPUS = ("Hà_Nội là thủ_đô của Việt_Nam .\n"
          "Thành_phố Hồ_Chí_Minh là thành_phố lớn nhất Việt_Nam .\n"
          "Người Hà_Nội thích ăn phở vào buổi sáng .\n"
          "Học_sinh đi học ở trường gần nhà .\n"
          "Chúng_tôi uống cà_phê sữa đá ở Hà_Nội .\n") * 4
CONLLU = ("# sent_id = 1\n1\tSinh viên\t_\n2\thọc\t_\n3\tbài\t_\n\n"
          "1-2\tx\t_\n1\tGiáo viên\t_\n2\tdạy\t_\n\n")
WORDS = "máy tính\tN\nđiện_thoại\n"

# Raw lines we wrote for the round trip: NFD, emoji, astral letters, tabs, several spaces,
# CRLF, spaces at both ends, punctuation glued to words, digits next to words, underscores.
RAW = ["Hà Nội là thủ đô của Việt Nam.",
       "  Người Hà Nội\tthích  ăn phở, vào buổi sáng!  ",
       "Ha\u0300 No\u0323\u0302i 😀 👩\u200d💻 𝔸𝔹 Việt Nam\r\nHọc sinh đi học.\n\n",
       "10 triệu người, tbl_2 a_b __init__ (Hồ Chí Minh) – 4/9/2023 10:30 https://a.vn/x_y",
       "\ufeffBOM đầu dòng\u00a0NBSP\u3000và\u200bZWSP",
       ""]


def train(**options):
    with vnseg.Trainer(**options) as t:
        t.add(CORPUS)
        return t.train()


@unittest.skipUnless(vnseg.has("segment"), "libvnseg without the segmenter")
class SegmenterTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.model = train(epochs=4, hash_bits=16)

    @classmethod
    def tearDownClass(cls):
        cls.model.close()

    def test_segment(self):
        m = self.model
        self.assertEqual(vnseg.segment("Người Hà Nội thích uống cà phê.", m),
                         "Người Hà_Nội thích uống cà_phê .")
        self.assertEqual(vnseg.segment("Hà Nội".encode(), m), "Hà_Nội".encode())
        self.assertEqual(vnseg.segment("", m), "")
        with vnseg.Segmenter(m) as s:
            self.assertEqual(s.segment("Việt Nam, Hà Nội"), "Việt_Nam , Hà_Nội")
            self.assertEqual(s.segment(b"Vi\xe1\xbb\x87t Nam"), "Việt_Nam".encode())
            # Lenient: the ill-formed byte is kept as it is (joined or not, as the model says).
            self.assertIn(s.segment(b"Vi\xff Nam", lenient=True), (b"Vi\xff Nam", b"Vi\xff_Nam"))
            with self.assertRaises(vnseg.InvalidUTF8Error) as cm:
                s.segment("Hà Nội ".encode() + b"\xff")
            self.assertEqual(cm.exception.offset, len("Hà Nội ".encode()))
        with self.assertRaises(ValueError):
            s.segment("a")
        with self.assertRaises(vnseg.InvalidUTF8Error) as cm:
            vnseg.segment(b"ok \xc3", m)
        self.assertEqual(cm.exception.offset, 3)

    def test_lossless_round_trip(self):
        for raw in RAW + ["\n".join(RAW)]:
            with vnseg.segment(raw, self.model, document=True) as doc:
                self.assertIsInstance(doc, vnseg.SegmentedDocument)
                self.assertEqual(doc.text, vnseg.segment(raw, self.model))
                self.assertEqual(vnseg.detokenize(doc, lossless=True).text, raw, raw)
                for t in doc.tokens:
                    self.assertEqual(doc.text[t.start:t.end], t.text)
                    self.assertEqual(doc.data[t.byte_start:t.byte_end].decode(), t.text)
            data = raw.encode()
            with vnseg.segment(data, self.model, document=True) as doc:
                d = vnseg.detokenize(doc, lossless=True)
                self.assertEqual(d.text.encode(), data)
        with vnseg.segment("Người Hà Nội thích phở.", self.model, document=True) as doc:
            self.assertEqual([t.text for t in doc.tokens],
                             ["Người", "Hà_Nội", "thích", "phở", "."])
            self.assertEqual(doc.tokens[1].syllables, ("Hà", "Nội"))
            with self.assertRaises(TypeError):
                doc.tokenize("a")
            with self.assertRaises(TypeError):
                doc.tokenize_raw("a")
        with self.assertRaises(ValueError):
            len(doc)
        with self.assertRaises(TypeError):
            vnseg.SegmentedDocument()

    def test_model_files(self):
        m = self.model
        info = m.info
        self.assertIsInstance(info, vnseg.ModelInfo)
        self.assertEqual((info.kind, info.hash_bits, info.train_sentences), ("perceptron", 16,
                                                                             20))
        self.assertEqual(info.file_bytes, len(m.data))
        self.assertIn("perceptron", repr(m))
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "tiny.model")
            m.save(path)
            with open(path, "rb") as f:
                self.assertEqual(f.read(), m.data)
            raw = "Học sinh uống cà phê ở Hà Nội."
            want = vnseg.segment(raw, m)
            self.assertEqual(vnseg.segment(raw, path), want)
            with vnseg.Model(path) as opened:
                self.assertEqual(vnseg.segment(raw, opened), want)
            with self.assertRaises(ValueError):
                vnseg.segment(raw, path, document=True)
            with vnseg.Model.from_bytes(bytearray(m.data)) as loaded:
                self.assertEqual(vnseg.segment(raw, loaded), want)
            with self.assertRaises(TypeError):
                vnseg.Model.from_bytes("text")
            bad = bytearray(m.data)
            bad[len(bad) // 2] ^= 0x55
            with self.assertRaises(vnseg.FormatError):
                vnseg.Model.from_bytes(bytes(bad))
            with self.assertRaises(vnseg.FormatError):
                vnseg.Model.from_bytes(m.data[:40])
            with self.assertRaises(vnseg.NotFoundError) as cm:
                vnseg.Model(os.path.join(d, "missing.model"))
            self.assertIn("missing.model", cm.exception.message)
            with self.assertRaises(vnseg.VnsegIOError):
                m.save(os.path.join(d, "no", "such", "dir.model"))

    def test_per_thread_segmenter(self):
        import sys
        import threading
        module = sys.modules["vnseg.segmenter"]
        raw = "Người Hà Nội thích uống cà phê."
        want = module._segment_once(raw, self.model)   # a segmenter made for the call
        self.assertEqual(module._segment_once(raw.encode(), self.model), want.encode())
        self.assertEqual(vnseg.segment(raw, self.model), want)
        cached = module._local.seg
        self.assertEqual(vnseg.segment(raw, self.model), want)
        self.assertIs(module._local.seg, cached)      # reused
        other = train(epochs=1, hash_bits=16)
        vnseg.segment(raw, other)
        self.assertIsNone(cached.handle)               # replaced: the old one is freed
        cached = module._local.seg
        other.close()
        self.assertIsNone(cached.handle)               # closed with its model
        self.assertEqual(vnseg.segment(raw, self.model), want)
        dropped = train(epochs=1, hash_bits=16)
        vnseg.segment(raw, dropped)
        cached = module._local.seg
        del dropped                                    # a dropped model frees both
        self.assertIsNone(cached.handle)
        results = []

        def work():
            results.append([vnseg.segment(raw, self.model) for _ in range(50)])
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(results, [[want] * 50] * 4)

    def test_closing_a_model_closes_its_users(self):
        m = train(epochs=1, hash_bits=16)
        s = vnseg.Segmenter(m)
        doc = vnseg.segment("Hà Nội", m, document=True)
        tokens = doc.tokens
        m.close()
        m.close()
        with self.assertRaises(ValueError):
            s.segment("a")
        with self.assertRaises(ValueError):
            len(doc)
        self.assertEqual(tokens[0].text, "Hà_Nội")  # results stay usable
        with self.assertRaises(ValueError):
            vnseg.segment("a", m)
        self.assertIn("closed", repr(m))


@unittest.skipUnless(vnseg.has("segment"), "libvnseg without the segmenter")
class TrainerTest(unittest.TestCase):
    def test_formats_sources_progress(self):
        stages = []
        with vnseg.Trainer(epochs=2, hash_bits=16, seed=7) as t:
            t.add(CORPUS).add(CONLLU, "conllu").add(WORDS, "wordlist")
            t.set_source(1, 0.5).add("Sinh_viên học bài .\n").set_source(0)
            m = t.train(progress=lambda stage, done, total: stages.append((stage, done, total)))
        with m:
            self.assertIn(("epoch", 0, 2), stages)
            self.assertEqual(stages[0][0], "lexicon")
            self.assertEqual(vnseg.segment("Sinh viên dùng máy tính", m),
                             "Sinh_viên dùng máy_tính")
            self.assertEqual(m.info.kind, "perceptron")
        with vnseg.Trainer() as t:
            t.add(WORDS, 2)
            with t.train() as lex:
                self.assertEqual(lex.info.kind, "lexicon")
                self.assertEqual(vnseg.segment("điện thoại mới", lex), "điện_thoại mới")

    def test_deterministic_and_files(self):
        a = train(epochs=2, hash_bits=16)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "corpus.seg")
            with open(path, "w", encoding="utf-8") as f:
                f.write(CORPUS.rstrip("\n"))  # a last line without a line break counts
            with vnseg.Trainer(epochs=2, hash_bits=16) as t:
                b = t.add_file(path).train()
        with a, b:
            self.assertEqual(a.data, b.data)

    def test_errors(self):
        with vnseg.Trainer() as t:
            with self.assertRaises(vnseg.NotFoundError):
                t.train()
            with self.assertRaises(vnseg.InvalidUTF8Error) as cm:
                t.add("Hà_Nội .\n".encode() + b"x\xff\n")
            self.assertEqual(cm.exception.offset, len("Hà_Nội .\nx".encode()))
            with self.assertRaises(ValueError):
                t.add("a\n", "xml")
            with self.assertRaises(vnseg.InvalidArgumentError):
                t.set_source(9)
            with self.assertRaises(vnseg.InvalidArgumentError):
                t.set_source(1, 100.0)
            t.add("Hà_Nội .\n")

            def boom(stage, done, total):
                raise RuntimeError("stop")
            with self.assertRaises(RuntimeError):
                t.train(progress=boom)
        with self.assertRaises(ValueError):
            t.add("a")
        with self.assertRaises(vnseg.InvalidArgumentError):
            vnseg.Trainer(hash_bits=40)


@unittest.skipUnless(vnseg.has("vnseg_tokenize_raw"), "libvnseg without the raw tokenizer")
class RawTokenizer(unittest.TestCase):
    def test_tokens_and_offsets(self):
        text = "😀 Ông Jong-un nói, 1.000.000đ ở TP.HCM (Việt Nam) https://a.vn/x."
        toks = vnseg.tokenize_raw(text)
        self.assertEqual([t.text for t in toks],
                         ["😀", "Ông", "Jong-un", "nói", ",", "1.000.000đ", "ở", "TP.HCM", "(",
                          "Việt", "Nam", ")", "https://a.vn/x", "."])
        data = text.encode()
        for t in toks:
            self.assertEqual(text[t.start:t.end], t.text)
            self.assertEqual(data[t.byte_start:t.byte_end].decode(), t.text)
        self.assertNotIn(vnseg.TokenFlag.SPACE_AFTER, toks[3].flags)   # "nói" then ","
        with vnseg.Document() as doc:
            doc.tokenize_raw("Ha\u0300 Nội")
            self.assertEqual([t.text for t in doc.tokens], ["Ha\u0300", "Nội"])
            with self.assertRaises(vnseg.InvalidUTF8Error) as cm:
                doc.tokenize_raw(b"ab \xff")
            self.assertEqual(cm.exception.offset, 3)
            doc.tokenize_raw(b"ab \xff", lenient=True)
            self.assertEqual([t.text for t in doc.tokens], ["ab", "\ufffd"])


@unittest.skipIf(vnseg.has("segment"), "the library has the segmenter")
class Missing(unittest.TestCase):
    def test_not_implemented(self):
        with self.assertRaises(NotImplementedError):
            vnseg.Trainer()


if __name__ == "__main__":
    unittest.main()
