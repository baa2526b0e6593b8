"""detokenize / detokenize_text and the alignment (skipped when the library has no
detokenizer yet)."""
import unittest

from support import HARD, article, vnseg

SEG = 'lãnh_đạo ( phải ) nói : " Tại_sao lại không nhỉ ? " 😀 ok .\nDòng_hai .'


@unittest.skipUnless(vnseg.has("detokenize"), "libvnseg without the detokenizer")
class Detokenize(unittest.TestCase):
    def test_text_and_alignment(self):
        d = vnseg.detokenize(SEG)
        self.assertEqual(d.text, 'lãnh đạo (phải) nói: "Tại sao lại không nhỉ?" 😀 ok.\n'
                                 'Dòng hai.')
        self.assertEqual(len(d.spans), len(d.tokens))
        data = d.text.encode()
        for t, (a, b), (ba, bb) in zip(d.tokens, d.spans, d.byte_spans):
            self.assertEqual(d.text[a:b], t.text.replace("_", " "))
            self.assertEqual(data[ba:bb].decode(), d.text[a:b])
        self.assertEqual(d.token_at(0), 0)
        self.assertIsNone(d.token_at(8))  # the space after "lãnh đạo"
        self.assertIsNone(d.token_at(10_000))
        self.assertEqual(d.token_at(9), 1)
        self.assertEqual(d.span_of(0, 3), (0, 14))
        self.assertEqual(d.tokens_of(9, 15), range(1, 4))
        self.assertEqual(len(d.tokens_of(8, 9)), 0)
        with self.assertRaises(IndexError):
            d.span_of(0, 0)
        self.assertIn("Detokenized", repr(d))

    def test_every_span_maps_back(self):
        for seg in (article().decode(), HARD):
            d = vnseg.detokenize(seg)
            for k, (a, b) in enumerate(d.spans):
                self.assertEqual(d.token_at(a), k)
                self.assertEqual(d.tokens_of(a, b), range(k, k + 1))

    def test_alignment_agrees_with_the_library(self):
        import ctypes
        from vnseg._lib import Span, lib
        with vnseg.Document(SEG) as doc:
            d = vnseg.detokenize(doc)
            handle = ctypes.c_void_p()
            self.assertEqual(lib.vnseg_detokenize(doc._h(), 0, ctypes.byref(handle)), 0)
            try:
                byte_of = vnseg.convert_offsets(d.text, range(len(d.text) + 1), "str", "byte")
                for b in range(len(d.text.encode()) + 2):
                    got = lib.vnseg_detok_token_at(handle, b)
                    self.assertEqual(d.byte_token_at(b), None if got == ctypes.c_size_t(-1).value
                                     else got, b)
                for i in range(len(d.text) + 1):
                    got = lib.vnseg_detok_token_at(handle, byte_of[i])
                    self.assertEqual(d.token_at(i), None if got == ctypes.c_size_t(-1).value
                                     else got, i)
                span = Span()
                for k in range(len(d.tokens)):
                    self.assertEqual(lib.vnseg_detok_span_of(handle, k, 1, ctypes.byref(span)), 0)
                    self.assertEqual((span.offset, span.offset + span.length), d.byte_spans[k])
                first, count = ctypes.c_size_t(), ctypes.c_size_t()
                for a in range(0, len(d.text) + 1, 3):
                    for b in range(a + 1, min(len(d.text), a + 12) + 1, 4):
                        self.assertEqual(lib.vnseg_detok_tokens_of(
                            handle, byte_of[a], byte_of[b] - byte_of[a], ctypes.byref(first),
                            ctypes.byref(count)), 0)
                        want = d.tokens_of(a, b)
                        self.assertEqual((first.value, count.value),
                                         (want.start, len(want)), (a, b))
            finally:
                lib.vnseg_detok_free(handle)

    def test_bytes_document_and_options(self):
        self.assertEqual(vnseg.detokenize_text("lãnh_đạo ( phải ) ."), "lãnh đạo (phải).")
        self.assertEqual(vnseg.detokenize_text(b"a ( b ) ."), b"a (b).")
        self.assertEqual(vnseg.detokenize(b"a  b\t( c )", lossless=True).text, "a  b\t( c )")
        self.assertEqual(vnseg.detokenize_text("x\\_y_z", escapes=True), "x_y z")
        with vnseg.Document("Hà_Nội , nay .") as doc:
            self.assertEqual(vnseg.detokenize(doc).text, "Hà Nội, nay.")
        d = vnseg.detokenize(b"a \xff b", lenient=True)
        self.assertEqual(d.text, "a \ufffd b")
        with self.assertRaises(vnseg.InvalidUTF8Error) as cm:
            vnseg.detokenize_text(b"a \xff b")
        self.assertEqual(cm.exception.offset, 2)
        self.assertEqual(vnseg.detokenize_text(""), "")


@unittest.skipIf(vnseg.has("detokenize"), "the library has the detokenizer")
class Missing(unittest.TestCase):
    def test_not_implemented(self):
        with self.assertRaises(NotImplementedError):
            vnseg.detokenize("a")


if __name__ == "__main__":
    unittest.main()
