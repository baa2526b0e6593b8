"""normalize() and its offset map, legacy decode/encode, detect_encoding (skipped without
the normalization module)."""
import ctypes
import unittest

from support import HARD, vnseg
from vnseg.normalize import steps_code

# NFD letters, ZWSP inside a word, NBSP, an emoji with a ZWJ sequence, an astral letter, a
# soft hyphen at the start, a deprecated mark, an eth in a Vietnamese word.
MIXED = ("\u00adHoa\u0300 Bi\u0300nh\u200b\u00a0👩\u200d💻 𝔸 Vie\u0323\u0302t "
         "a\u0341 ÐÀ NẴNG baỏ")
SENTENCE = ("Hôm nay trời đẹp lắm, chúng tôi đi dạo quanh hồ Hoàn Kiếm và uống cà phê sữa "
            "đá ở phố Đinh Tiên Hoàng.")


def c_map(data, steps, to_original, a, b, decode_as=None):
    """The library's own mapping, for comparison with Normalized's."""
    from vnseg._lib import lib
    h = ctypes.c_void_p()
    if decode_as is None:
        st = lib.vnseg_normalize(data, len(data), steps, ctypes.byref(h))
    else:
        st = lib.vnseg_decode_legacy(data, len(data), decode_as, steps, ctypes.byref(h))
    assert st == 0
    x, y = ctypes.c_size_t(), ctypes.c_size_t()
    try:
        if to_original is None:  # the pieces, one call each
            v = [ctypes.c_size_t() for _ in range(4)]
            copy = ctypes.c_int()
            out = []
            for i in range(lib.vnseg_norm_piece_count(h)):
                assert lib.vnseg_norm_piece(h, i, *map(ctypes.byref, v), ctypes.byref(copy)) == 0
                out.append(tuple(p.value for p in v) + (bool(copy.value),))
            return out
        fn = lib.vnseg_norm_to_original if to_original else lib.vnseg_norm_from_original
        st = fn(h, a, b, ctypes.byref(x), ctypes.byref(y))
    finally:
        lib.vnseg_norm_free(h)
    return None if st else (x.value, y.value)


@unittest.skipUnless(vnseg.has("normalize"), "libvnseg without normalization")
class Normalize(unittest.TestCase):
    def test_default_steps(self):
        n = vnseg.normalize(MIXED)
        self.assertEqual(n.text, "Hoà Bình 👩\u200d💻 𝔸 Việt á ĐÀ NẴNG baỏ")
        self.assertTrue(n.changed)
        self.assertEqual(str(n), n.text)
        self.assertIn("Normalized", repr(n))
        self.assertEqual(n.data, n.text.encode())
        self.assertEqual(n.original, MIXED)
        self.assertEqual(n.unmapped, [])
        unchanged = vnseg.normalize("Hà Nội 😀")
        self.assertFalse(unchanged.changed)
        self.assertEqual(unchanged.pieces, [vnseg.Piece(0, 8, 0, 8, True)])

    def test_map_in_str_indices(self):
        n = vnseg.normalize(MIXED)
        # "Hoà" came from the soft hyphen, "Hoa" and U+0300: str indices 0..5 of the input
        self.assertEqual(n.to_original(0, 3), (0, 5))
        self.assertEqual(n.from_original(1, 5), (0, 3))
        v = n.text.index("Việt")
        ov = MIXED.index("Vie")
        self.assertEqual(n.to_original(v, v + 4), (ov, ov + 6))
        self.assertEqual(n.from_original(ov, ov + 6), (v, v + 4))
        e = n.text.index("𝔸")
        self.assertEqual(MIXED[slice(*n.to_original(e, e + 1))], "𝔸")
        for p in n.pieces:
            self.assertEqual(n.to_original(p.start, p.end), (p.orig_start, p.orig_end))
            if p.copy:
                self.assertEqual(n.text[p.start:p.end], MIXED[p.orig_start:p.orig_end])
        self.assertEqual(n.to_original(len(n.text)), (len(MIXED), len(MIXED)))
        with self.assertRaises(vnseg.InvalidArgumentError):
            n.to_original(0, len(n.text) + 1)
        with self.assertRaises(vnseg.InvalidArgumentError):
            n.from_original(0, len(MIXED) + 1)
        with self.assertRaises(vnseg.InvalidArgumentError):
            n.byte_to_original(3, 2)

    def test_map_agrees_with_the_library(self):
        cases = [(MIXED, vnseg.Step.DEFAULT), (MIXED, vnseg.Step.SEARCH), (HARD, "search"),
                 ("\u200b\u200b", "default"), ("\u200ba\u0300", "default"), ("", "default"),
                 ("İstanbul ĐƯỜNG ß", ["casefold", "fold"]), ("hòa thủy", "tone_new"),
                 (b"ab\xff\xfec\xe1\xbb", "default")]
        for text, steps in cases:
            lenient = isinstance(text, bytes)
            n = vnseg.normalize(text, steps, lenient=lenient)
            bits = steps_code(steps) | ((1 << 16) if lenient else 0)
            data = n.original_data
            self.assertEqual(n.byte_pieces, c_map(data, bits, None, 0, 0))
            for to_orig, total in ((True, len(n.data)), (False, len(data))):
                for a in range(total + 1):
                    for b in range(a, total + 1):
                        got = (n.byte_to_original(a, b) if to_orig
                               else n.byte_from_original(a, b))
                        self.assertEqual(got, c_map(data, bits, to_orig, a, b),
                                         (text, steps, to_orig, a, b))

    def test_map_without_the_bulk_call(self):
        # a library from before vnseg_norm_pieces: the map is read one piece at a time
        import sys
        from unittest import mock
        module = sys.modules["vnseg.normalize"]
        for text, steps in ((MIXED, "search"), ("", "default"), ("abc", "default")):
            bulk = vnseg.normalize(text, steps)
            with mock.patch.object(module, "has", lambda name: name != "vnseg_norm_pieces"):
                single = vnseg.normalize(text, steps)
            self.assertEqual(single.byte_pieces, bulk.byte_pieces)
            self.assertEqual(single.pieces, bulk.pieces)
            for a in range(len(bulk.text) + 1):
                self.assertEqual(single.to_original(a, len(bulk.text)),
                                 bulk.to_original(a, len(bulk.text)))

    def test_steps(self):
        self.assertEqual(vnseg.normalize("Đường Hoà Bình", "search").text, "duong hoa binh")
        self.assertEqual(vnseg.normalize("Đường Hoà Bình", vnseg.Step.FOLD).text,
                         "Duong Hoa Binh")
        self.assertEqual(vnseg.normalize("baỏ hòa", "repair tone_new").text, "bảo hoà")
        self.assertEqual(vnseg.normalize("hoà thuỷ", ["tone-old"]).text, "hòa thủy")
        self.assertEqual(vnseg.normalize("ĐƯỜNG", "casefold").text, "đường")
        self.assertEqual(vnseg.normalize("a\u00a0b", 0).text, "a\u00a0b")
        with self.assertRaises(vnseg.InvalidArgumentError):
            vnseg.normalize("a", "tone_new tone_old")
        with self.assertRaises(vnseg.InvalidArgumentError):
            vnseg.normalize("a", 1 << 12)
        with self.assertRaises(ValueError):
            vnseg.normalize("a", "sparkle")
        self.assertEqual(vnseg.normalize_text("Vie\u0323\u0302t"), "Việt")
        self.assertEqual(vnseg.normalize_text("Vie\u0323\u0302t".encode()), "Việt".encode())

    def test_invalid_utf8(self):
        with self.assertRaises(vnseg.InvalidUTF8Error) as cm:
            vnseg.normalize("Việt ".encode() + b"\xff")
        self.assertEqual(cm.exception.offset, 7)
        n = vnseg.normalize("Việt ".encode() + b"\xff\xe1\xbb ok", lenient=True)
        self.assertEqual(n.text, "Việt \ufffd\ufffd ok")
        self.assertEqual(n.unmapped, [(7, 8), (8, 10)])
        self.assertEqual(n.to_original(5, 6), (5, 6))  # str index of the input's decoding
        self.assertEqual(n.byte_to_original(7, 10), (7, 8))
        self.assertEqual(n.byte_from_original(8, 10), (10, 13))


@unittest.skipUnless(vnseg.has("normalize"), "libvnseg without normalization")
class Legacy(unittest.TestCase):
    def test_round_trips_and_detection(self):
        for enc in ("tcvn3", "vni", "viqr", "viscii", "cp1258", "mojibake", "utf8"):
            data = vnseg.encode(SENTENCE, enc)
            self.assertIsInstance(data, bytes)
            d = vnseg.decode(data, enc)
            self.assertEqual(d.text, SENTENCE, enc)
            self.assertEqual(d.unmapped, [])
            self.assertEqual(d.original, data)
            name, confidence = vnseg.detect_encoding(data)
            self.assertEqual(name, enc)
            self.assertGreater(confidence, 0.9)
            self.assertEqual(vnseg.decode(data, "auto").text, SENTENCE)
            scores = vnseg.encoding_scores(data)
            self.assertEqual(list(scores), ["utf8", "tcvn3", "vni", "viqr", "viscii",
                                            "cp1258", "mojibake"])
            self.assertEqual(max(scores, key=scores.get), enc)
        self.assertEqual(vnseg.detect_encoding(b""), ("utf8", 0.0))
        self.assertEqual(vnseg.detect_encoding("plain ascii text")[1], 0.0)

    def test_map_points_into_the_legacy_bytes(self):
        data = vnseg.encode("Việt Nam", "vni")
        self.assertEqual(data, b"Vie\xe4t Nam")
        d = vnseg.decode(data, "vni")
        self.assertEqual(d.to_original(1, 3), (1, 4))      # "iệ" <- b"ie\xe4"
        self.assertEqual(d.from_original(2, 3), (2, 3))    # b"e" is part of the unit "ệ"
        self.assertEqual(d.pieces, [vnseg.Piece(0, 2, 0, 2, True), vnseg.Piece(2, 3, 2, 4,
                                                                               False),
                                    vnseg.Piece(3, 8, 4, 9, True)])
        for a in range(len(d.data) + 1):
            for b in range(a, len(d.data) + 1):
                self.assertEqual(d.byte_to_original(a, b), c_map(data, 0, True, a, b, 2))
        for a in range(len(data) + 1):
            for b in range(a, len(data) + 1):
                self.assertEqual(d.byte_from_original(a, b), c_map(data, 0, False, a, b, 2))
        viqr = vnseg.decode("Vie^.t Nam", "viqr", "casefold")
        self.assertEqual(viqr.text, "việt nam")
        moji = vnseg.decode("Viá»‡t", "mojibake")
        self.assertEqual(moji.text, "Việt")

    def test_errors(self):
        with self.assertRaises(vnseg.EncodingError) as cm:
            vnseg.encode("Việt 😀", "tcvn3")
        self.assertEqual(cm.exception.offset, len("Việt ".encode()))
        self.assertEqual(vnseg.encode("Việt 😀", "tcvn3", errors="replace"),
                         vnseg.encode("Việt ", "tcvn3") + b"?")
        with self.assertRaises(ValueError):
            vnseg.encode("a", "tcvn3", errors="ignore")
        with self.assertRaises(ValueError):
            vnseg.decode(b"a", "ebcdic")
        with self.assertRaises(vnseg.InvalidUTF8Error):
            vnseg.encode(b"\xff", "vni")
        d = vnseg.decode(b"Vi\x81t", "cp1258")   # 0x81 is undefined in Windows-1258
        self.assertEqual(d.text, "Vi\ufffdt")
        self.assertEqual(d.unmapped, [(2, 3)])
        self.assertEqual(vnseg.decode(b"abc", 4).text, "abc")  # an encoding id works too


@unittest.skipIf(vnseg.has("normalize"), "the library has normalization")
class Missing(unittest.TestCase):
    def test_not_implemented(self):
        with self.assertRaises(NotImplementedError):
            vnseg.normalize("a")


if __name__ == "__main__":
    unittest.main()
