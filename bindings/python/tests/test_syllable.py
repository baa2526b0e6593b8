"""is_syllable, parse_syllable, tone_style and tone_repair, with str and bytes."""
import unittest

from support import vnseg


class Syllables(unittest.TestCase):
    def test_check(self):
        for s in ("quốc", "Quốc", "thuỷ", "thủy", "nghiêng", "gì", "Quo\u0302\u0301c",
                  "người".encode()):
            self.assertTrue(vnseg.is_syllable(s), s)
        for s in ("", "ci", "Viet", "baỏ", "abc", b"\xff", "hoc"):
            self.assertFalse(vnseg.is_syllable(s), s)

    def test_parse(self):
        p = vnseg.parse_syllable("Quốc")
        self.assertEqual((p.onset, p.medial, p.nucleus, p.coda), ("Q", "u", "ố", "c"))
        self.assertEqual(p.tone, vnseg.Tone.SAC)
        self.assertEqual(p.tone_letter, "ố")
        self.assertIn(vnseg.SyllableFlag.CAPITALIZED, p.flags)
        self.assertEqual(p.spans["nucleus"], (2, 3))
        self.assertIn("SAC", repr(p))
        g = vnseg.parse_syllable("gì")
        self.assertIn(vnseg.SyllableFlag.GI_SHARED, g.flags)
        self.assertEqual(g.tone, vnseg.Tone.HUYEN)
        old = vnseg.parse_syllable("hòa".encode())
        self.assertIn(vnseg.SyllableFlag.OLD_STYLE, old.flags)
        nfd = vnseg.parse_syllable("vie\u0323\u0302t")
        self.assertEqual(nfd.nucleus, "ie\u0323\u0302")
        self.assertEqual(nfd.tone, vnseg.Tone.NANG)
        self.assertIn(vnseg.SyllableFlag.NOT_NFC, nfd.flags)

    def test_parse_error(self):
        with self.assertRaises(vnseg.InvalidArgumentError) as cm:
            vnseg.parse_syllable("hoìa")
        self.assertTrue(cm.exception.message.startswith("not a syllable"))
        self.assertEqual(cm.exception.status, vnseg.Status.INVALID_ARG)

    def test_tone_style(self):
        self.assertEqual(vnseg.tone_style("Hòa bình, thủy lợi, quý", "new"),
                         "Hoà bình, thuỷ lợi, quý")
        self.assertEqual(vnseg.tone_style("hoà thuỷ khoẻ", "old"), "hòa thủy khỏe")
        self.assertEqual(vnseg.tone_style("hòang hoà", "old", repair=True), "hoàng hòa")
        self.assertEqual(vnseg.tone_style(b"ho\xc3\xa0 \xff", "old"), b"h\xc3\xb2a \xff")
        self.assertEqual(vnseg.tone_style("", "new"), "")
        self.assertEqual(vnseg.tone_style("thuỷ " * 1000, "old"), "thủy " * 1000)
        with self.assertRaises(ValueError):
            vnseg.tone_style("x", "middle")
        with self.assertRaises(vnseg.InvalidArgumentError):
            vnseg.tone_style("x", 7)

    def test_tone_repair(self):
        self.assertEqual(vnseg.tone_repair("baỏ muá hòang lựơng"), "bảo múa hoàng lượng")
        self.assertEqual(vnseg.tone_repair("hòa"), "hòa")
        self.assertEqual(vnseg.tone_repair(b"ba\xe1\xbb\x8f"), "bảo".encode())


if __name__ == "__main__":
    unittest.main()
