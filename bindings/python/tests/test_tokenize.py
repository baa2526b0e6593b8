"""vnseg.tokenize, sentences, Document, Token fields, str/bytes input and offsets."""
import random
import threading
import unittest

from support import HARD, TEXT, article, vnseg


class TokenizeStr(unittest.TestCase):
    def test_fields(self):
        toks = vnseg.tokenize(TEXT)
        t = toks[0]
        self.assertEqual(t.text, "Tổng_thống")
        self.assertEqual(t.kind, "word")
        self.assertEqual((t.start, t.end), (0, 10))
        self.assertEqual((t.byte_start, t.byte_end), (0, len("Tổng_thống".encode())))
        self.assertEqual(t.syllables, ("Tổng", "thống"))
        self.assertEqual(t.syllable_count, 2)
        self.assertEqual(t.sentence, 0)
        self.assertIn(vnseg.TokenFlag.CAPITALIZED, t.flags)
        self.assertIn(vnseg.TokenFlag.MULTI_SYLLABLE, t.flags)
        self.assertEqual(t.flags.names()[:2], ["cap", "multi"])
        kinds = {t.text: t.kind for t in toks}
        self.assertEqual(kinds["4/9"], "datetime")
        self.assertEqual(kinds["1.000"], "number")
        self.assertEqual(kinds["("], "open")
        self.assertEqual(kinds[")"], "close")
        self.assertEqual(kinds["."], "final")
        self.assertEqual([t.sentence for t in toks if t.text == "Dòng"], [2])
        self.assertIn("Tổng_thống", repr(t))

    def test_offsets_index_the_str(self):
        for text in (TEXT, HARD, article().decode()):
            toks = vnseg.tokenize(text)
            self.assertTrue(toks)
            data = text.encode()
            for t in toks:
                self.assertEqual(text[t.start:t.end], t.text)
                self.assertEqual(data[t.byte_start:t.byte_end].decode(), t.text)

    def test_non_ascii_offsets(self):
        toks = vnseg.tokenize(HARD)
        texts = [t.text for t in toks]
        self.assertIn("Quo\u0302\u0301c", texts)
        self.assertIn("😀", texts)
        self.assertIn("zero\u200bwidth", texts)
        self.assertIn("👍🏽", texts)
        emoji = texts.index("😀")
        self.assertEqual(toks[emoji].end - toks[emoji].start, 1)
        self.assertEqual(toks[emoji].byte_end - toks[emoji].byte_start, 4)
        math = toks[texts.index("𝔸_x")]
        self.assertEqual(math.syllables, ("𝔸", "x"))
        nfd = toks[texts.index("Quo\u0302\u0301c")]
        self.assertIn(vnseg.TokenFlag.NOT_NFC, nfd.flags)
        self.assertIn(vnseg.TokenFlag.INVISIBLE, toks[texts.index("zero\u200bwidth")].flags)
        self.assertEqual(texts[texts.index("a"):texts.index("a") + 3], ["a", "b", "c"])

    def test_separators_python_does_not_split_at(self):
        # NUL and other controls separate tokens for the library, not for str.split(); a
        # leading BOM is skipped.
        for text, want in [("a\x00b c", ["a", "b", "c"]), ("\ufeffxin chào", ["xin", "chào"]),
                           ("a\x7fb\x01c", ["a", "b", "c"]), ("a\x9fb", ["a", "b"])]:
            toks = vnseg.tokenize(text)
            self.assertEqual([t.text for t in toks], want, repr(text))
            for t in toks:
                self.assertEqual(text[t.start:t.end], t.text)

    def test_empty_and_blank(self):
        self.assertEqual(vnseg.tokenize(""), [])
        self.assertEqual(vnseg.tokenize(" \n\t "), [])
        self.assertEqual(vnseg.sentences(b""), [])

    def test_escapes_and_literal_underscores(self):
        toks = vnseg.tokenize("a\\_b tbl_2 __init__ x_y_z https://a.vn/x_y", escapes=True)
        self.assertEqual([t.syllables for t in toks],
                         [("a\\_b",), ("tbl_2",), ("__init__",), ("x", "y", "z"),
                          ("https://a.vn/x_y",)])
        self.assertIn(vnseg.TokenFlag.ESCAPED, toks[0].flags)
        self.assertEqual(toks[4].kind, "url")
        toks = vnseg.tokenize("Hà_Nội\\_x_y", escapes=True)
        self.assertEqual(toks[0].syllables, ("Hà", "Nội\\_x", "y"))
        with vnseg.Document("Hà_Nội\\_x_y", escapes=True) as doc:
            self.assertEqual(doc.token_form(0), "Hà_Nội_x_y")
            self.assertEqual(doc.token_form(0, spaces=True), "Hà Nội_x y")

    def test_syllables_agree_with_the_library(self):
        text = article().decode() + " " + HARD + " a_1_b K_c _a b__c Đ_đ x\\_y_z"
        with vnseg.Document(text, escapes=True) as doc:
            for i, t in enumerate(doc.tokens):
                spans = doc.syllable_spans(i)
                self.assertEqual(t.syllables, tuple(text[a:b] for a, b in spans), t)
                self.assertEqual(len(t.syllables), t.syllable_count, t)

    def test_runon_option(self):
        text = "Đà_Nẵng mở_cửa lại cảng_biển sau bão Thông_tin từ thành_phố cho biết ."
        self.assertEqual(len(vnseg.sentences(text)), 2)
        self.assertIn(vnseg.SentenceFlag.GUESSED, vnseg.sentences(text)[1].flags)
        self.assertEqual(len(vnseg.sentences(text, runon=False)), 1)

    def test_threads(self):
        text = article().decode()
        want = [tuple(t) for t in vnseg.tokenize(text)]
        errors = []

        def work():
            for _ in range(20):
                if [tuple(t) for t in vnseg.tokenize(text)] != want:
                    errors.append("different tokens")

        threads = [threading.Thread(target=work) for _ in range(4)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        self.assertEqual(errors, [])


class TokenizeBytes(unittest.TestCase):
    def test_bytes_like_offsets_index_decoded_text(self):
        data = HARD.encode()
        for source in (data, bytearray(data), memoryview(data)):
            toks = vnseg.tokenize(source)
            self.assertEqual([(t.start, t.end) for t in toks],
                             [(t.start, t.end) for t in vnseg.tokenize(HARD)])
            for t in toks:
                self.assertEqual(data[t.byte_start:t.byte_end].decode(), t.text)

    def test_strict_error_carries_offset(self):
        with self.assertRaises(vnseg.InvalidUTF8Error) as cm:
            vnseg.tokenize(b"Xin ch\xc3\xa0o \xff ok")
        e = cm.exception
        self.assertIsInstance(e, vnseg.VnsegError)
        self.assertIsInstance(e, ValueError)
        self.assertEqual(e.offset, 10)
        self.assertEqual(e.line, 1)
        self.assertEqual(e.status, vnseg.Status.INVALID_UTF8)
        self.assertIn("invalid UTF-8", e.message)
        self.assertEqual(str(e), e.message)

    def test_lenient_offsets_match_python_replace(self):
        # Each maximal ill-formed subsequence is one U+FFFD in both.
        data = (b"a\xe2\x82 b\x80\x80c \xf0\x9f\x98 d \xe0\x80\x80 \xed\xa0\x80x "
                b"\xf4\x90\x80\x80 \xc0\xaf \xf5 T\xe1\xbb\x95ng \xf0\x9f\x98\x80")
        toks = vnseg.tokenize(data, lenient=True)
        text = data.decode("utf-8", "replace")
        self.assertEqual([t.text for t in toks], text.split())
        for t in toks:
            self.assertEqual(text[t.start:t.end], t.text)
        self.assertIn(vnseg.TokenFlag.REPAIRED, toks[0].flags)

    def test_lenient_random_bytes(self):
        rng = random.Random(5)
        alphabet = [b"a", b" ", b"\n", b"\xc3\xa0", b"\xe1\xbb\x95", b"\xf0\x9f\x98\x80",
                    b"\x80", b"\xc3", b"\xe1\xbb", b"\xf0\x9f", b"\xff", b"\xed\xa0\x80", b"_",
                    b".", b"\x00", b"\xcc\x81"]
        for _ in range(300):
            data = b"".join(rng.choice(alphabet) for _ in range(rng.randrange(40)))
            text = data.decode("utf-8", "replace")
            for t in vnseg.tokenize(data, lenient=True):
                self.assertEqual(text[t.start:t.end], t.text, data)
                self.assertEqual(data[t.byte_start:t.byte_end].decode("utf-8", "replace"),
                                 t.text, data)

    def test_lone_surrogate_str_is_refused(self):
        with self.assertRaises(UnicodeEncodeError):
            vnseg.tokenize("a \udc80 b")

    def test_wrong_type(self):
        with self.assertRaises(TypeError):
            vnseg.tokenize(42)


class Sentences(unittest.TestCase):
    def test_sentences(self):
        sents = vnseg.sentences(TEXT)
        self.assertEqual(len(sents), 3)
        s = sents[0]
        self.assertEqual(s.text, TEXT[s.start:s.end])
        self.assertTrue(s.text.startswith("Tổng_thống") and s.text.endswith("."))
        self.assertEqual(TEXT.encode()[s.byte_start:s.byte_end].decode(), s.text)
        self.assertEqual([x.line for x in sents], [0, 0, 1])
        self.assertIn(vnseg.SentenceFlag.TERMINATED, s.flags)
        self.assertEqual(s.tokens[0].text, "Tổng_thống")
        self.assertEqual(sents[1].first_token, len(s.tokens))
        self.assertEqual(sum(len(x.tokens) for x in sents), len(vnseg.tokenize(TEXT)))
        self.assertIn("line 0", repr(s))

    def test_sentence_offsets_non_ascii(self):
        for s in vnseg.sentences(HARD):
            self.assertEqual(HARD[s.start:s.end], s.text)


class DocumentTests(unittest.TestCase):
    def test_reuse_and_results_outlive_document(self):
        with vnseg.Document() as doc:
            doc.tokenize("một hai")
            first = doc.tokens
            self.assertEqual(len(doc), 2)
            self.assertEqual(doc[1].text, "hai")
            self.assertEqual([t.text for t in doc], ["một", "hai"])
            doc.tokenize(b"ba \n bon")
            self.assertEqual(doc.text, "ba \n bon")
            self.assertEqual(doc.data, b"ba \n bon")
            self.assertEqual(doc.line_count, 2)
            self.assertEqual(len(doc.sentences), 2)
        self.assertEqual([t.text for t in first], ["một", "hai"])
        self.assertIn("closed", repr(doc))
        with self.assertRaises(ValueError):
            len(doc)
        with self.assertRaises(ValueError):
            doc.tokenize("x")
        doc.close()  # twice is fine

    def test_failed_tokenize_leaves_it_empty(self):
        with vnseg.Document("một hai") as doc:
            with self.assertRaises(vnseg.InvalidUTF8Error):
                doc.tokenize(b"\xff")
            self.assertEqual(len(doc), 0)
            self.assertEqual(doc.tokens, [])

    def test_token_form(self):
        with vnseg.Document("Quo\u0302\u0301c_gia zero\u200bwidth") as doc:
            self.assertEqual(doc.token_form(0), "Quo\u0302\u0301c_gia")
            self.assertEqual(doc.token_form(0, nfc=True), "Quốc_gia")
            self.assertEqual(doc.token_form(0, nfc=True, spaces=True), "Quốc gia")
            self.assertEqual(doc.token_form(-1, no_invisible=True), "zerowidth")
            with self.assertRaises(IndexError):
                doc.token_form(2)
            self.assertEqual(doc.syllable_spans(0), [(0, 6), (7, 10)])
            self.assertEqual(doc.token_form(0, nfc=True) * 1, "Quốc_gia")
        with vnseg.Document(b"e" * 200 + b"\xcc\x81") as doc:
            self.assertEqual(len(doc.token_form(0, nfc=True)), 200)  # buffer grows

    def test_columns_agree_with_tokens(self):
        text = article().decode() + "\n" + HARD
        with vnseg.Document(text) as doc:
            c = doc.columns()
            toks = doc.tokens
            self.assertEqual(len(c), len(toks))
            self.assertEqual(c.texts(), [t.text for t in toks])
            self.assertEqual(c.starts.tolist(), [t.start for t in toks])
            self.assertEqual(c.ends.tolist(), [t.end for t in toks])
            self.assertEqual(c.byte_starts.tolist(), [t.byte_start for t in toks])
            self.assertEqual(c.byte_ends.tolist(), [t.byte_end for t in toks])
            self.assertEqual([vnseg.KINDS[k] for k in c.kinds], [t.kind for t in toks])
            self.assertEqual(c.flags.tolist(), [int(t.flags) for t in toks])
            self.assertEqual(c.syllables.tolist(), [t.syllable_count for t in toks])
            sents = doc.sentences
            self.assertEqual(c.sentence_starts.tolist(), [s.first_token for s in sents])
            self.assertEqual(c.sentence_counts.tolist(), [len(s.tokens) for s in sents])
            self.assertEqual(c.sentence_lines.tolist(), [s.line for s in sents])
            self.assertEqual(c.sentence_flags.tolist(), [int(s.flags) for s in sents])
        cols = vnseg.tokenize_columns(b"a b")
        self.assertEqual(cols.texts(), ["a", "b"])

    def test_document_constructor_options(self):
        with vnseg.Document(b"\xff ok", lenient=True) as doc:
            self.assertEqual(doc.text, "\ufffd ok")
            self.assertEqual(len(doc), 2)

    def test_pickle_tokens(self):
        import pickle
        toks = vnseg.tokenize("Tổng_thống a\\_b_c", escapes=True)
        back = pickle.loads(pickle.dumps(toks))
        self.assertEqual(back, toks)
        self.assertEqual(back[1].syllables, ("a\\_b", "c"))
        self.assertEqual(type(back[0]), vnseg.Token)
        s = pickle.loads(pickle.dumps(vnseg.sentences("Một . Hai .")))
        self.assertEqual(s[1].text, "Hai .")


if __name__ == "__main__":
    unittest.main()
