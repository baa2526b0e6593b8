"""vnseg.convert_offsets against a reference built from Python's own decoder: ill-formed
UTF-8 counts one U+FFFD per maximal ill-formed subsequence, as errors="replace" does."""
import random
import unittest

from support import vnseg

PIECES = [b"a", b" ", b"\xc3\xa0", b"\xe1\xbb\x95", b"\xf0\x9f\x98\x80", b"\xf0\x9d\x94\xb8",
          b"\x80", b"\xc3", b"\xe1\xbb", b"\xf0\x9f", b"\xf0\x9f\x98", b"\xff", b"\xed\xa0\x80",
          b"\xe0\x80\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"e\xcc\x81", b"\x00"]


def reference(data):
    """Per unit, the position of every character boundary: {byte: (cp, utf16)}."""
    whole = data.decode("utf-8", "replace")
    table = {}
    for i in range(len(data) + 1):
        head = data[:i].decode("utf-8", "replace")
        if head + data[i:].decode("utf-8", "replace") == whole:
            table[i] = (len(head), len(head.encode("utf-16-le")) // 2)
    return table


def convert(table, offset, source, target):
    """Reference conversion: round down to a character boundary."""
    rows = sorted((b, c, u) for b, (c, u) in table.items())
    index = {"byte": 0, "codepoint": 1, "utf16": 2}
    s, t = index[source], index[target]
    best = None
    for row in rows:
        if row[s] <= offset:
            best = row
    return best[t]


class ConvertOffsets(unittest.TestCase):
    def test_random_texts_all_unit_pairs(self):
        rng = random.Random(7)
        units = ["byte", "codepoint", "utf16"]
        for _ in range(150):
            data = b"".join(rng.choice(PIECES) for _ in range(rng.randrange(12)))
            table = reference(data)
            sizes = {"byte": len(data), "codepoint": table[len(data)][0],
                     "utf16": table[len(data)][1]}
            for source in units:
                for target in units:
                    offs = [rng.randrange(sizes[source] + 1) for _ in range(6)]
                    if rng.random() < 0.5:
                        offs.sort()
                    got = vnseg.convert_offsets(data, offs, source, target)
                    want = [convert(table, o, source, target) for o in offs]
                    self.assertEqual(got, want, (data, source, target, offs))

    def test_str_input_and_aliases(self):
        text = "a😀b"
        self.assertEqual(vnseg.convert_offsets(text, [0, 1, 5, 6], "byte", "str"), [0, 1, 2, 3])
        self.assertEqual(vnseg.convert_offsets(text, [2, 3], "str", "utf16"), [3, 4])
        self.assertEqual(vnseg.convert_offsets(text, [2], "utf-16", "bytes"), [1])
        self.assertEqual(vnseg.convert_offsets(text, []), [])

    def test_errors(self):
        with self.assertRaises(vnseg.InvalidArgumentError) as cm:
            vnseg.convert_offsets("abc", [1, 4])
        self.assertIn("offset 1", cm.exception.message)
        with self.assertRaises(ValueError):
            vnseg.convert_offsets("abc", [1], "byte", "furlongs")
        with self.assertRaises(OverflowError):
            vnseg.convert_offsets("abc", [-1])

    def test_document_offsets_all_units_random(self):
        # vnseg_doc_token_offsets counts eight bytes at a time on well-formed text and walks
        # characters otherwise; both against Python's own counts.
        import ctypes
        from vnseg._lib import lib
        rng = random.Random(3)
        words = ["a", "Tổng_thống", "😀", "𝔸_x", "ườ", "e\u0301", "1.000", "(", "xin_chào_bạn",
                 "👍🏽👍🏽", "ABCDEFGHIJKLMNOP", "ộộộộộộộộộ"]
        for _ in range(200):
            text = rng.choice(["", " ", "\n"]) + " ".join(
                rng.choice(words) for _ in range(rng.randrange(1, 30)))
            with vnseg.Document(text) as doc:
                n = len(doc)
                buf = (ctypes.c_uint64 * (2 * n))()
                got = ctypes.c_size_t()
                self.assertEqual(lib.vnseg_doc_token_offsets(
                    doc._h(), 2, ctypes.addressof(buf), 2 * n, ctypes.byref(got)), 0)
                for t, a, b in zip(doc.tokens, buf[0::2], buf[1::2]):
                    self.assertEqual(text[:t.start].encode("utf-16-le"), text.encode(
                        "utf-16-le")[:2 * a])
                    self.assertEqual(text[t.start:t.end].encode("utf-16-le"),
                                     text.encode("utf-16-le")[2 * a:2 * b])
                    self.assertEqual(text[t.start:t.end], t.text)

    def test_token_offsets_match_utf16(self):
        text = "Tổng_thống 😀 𝔸_x ."
        toks = vnseg.tokenize(text)
        flat = [o for t in toks for o in (t.start, t.end)]
        u16 = vnseg.convert_offsets(text, flat, "codepoint", "utf16")
        encoded = text.encode("utf-16-le")
        for t, a, b in zip(toks, u16[0::2], u16[1::2]):
            self.assertEqual(encoded[2 * a:2 * b].decode("utf-16-le"), t.text)


if __name__ == "__main__":
    unittest.main()
