"""Gazetteer, GazetteerBuilder, lookup_key and entities(): building, files, lookups, errors
with line and offset, mentions with str and byte offsets (skipped without the modules)."""
import os
import tempfile
import unittest

from support import vnseg

TSV = ("# a list we wrote\n"
       "Triều Tiên\tLOC\tcountry:KP\tTriều Tiên\n"
       "Bắc Triều Tiên\tLOC\tcountry:KP\tTriều Tiên\n"
       "Liên_Hợp_Quốc\tORG\tun\tLiên Hợp Quốc\n"
       "Hòa Bình\tLOC\n"
       "VinFast\tBRAND\n"
       "Georgia\tLOC\tcountry:GE\n"
       "Georgia\tLOC\tus:GA\tGeorgia (bang)\n")


@unittest.skipUnless(vnseg.has("gazetteer"), "libvnseg without the gazetteer")
class GazetteerTest(unittest.TestCase):
    def setUp(self):
        self.gaz = vnseg.Gazetteer.from_tsv(TSV)
        self.addCleanup(self.gaz.close)

    def test_lookup_through_keys(self):
        g = self.gaz
        self.assertEqual(len(g), 7)
        want = [vnseg.Entry("Hòa Bình", "LOC", "", "Hòa Bình")]
        for spelling in ("Hòa Bình", "Hoà_Bình", "Hoa\u0300 Bi\u0300nh", "HÒA BÌNH",
                         "Hòa Bình".encode()):
            self.assertEqual(g.lookup(spelling), want, spelling)
        self.assertEqual(g.lookup("hòa bình"), [])       # peace, not the province
        self.assertIn("Liên Hợp Quốc", g)
        self.assertNotIn("Liên Xô", g)
        geo = g.lookup("Georgia")
        self.assertEqual([e.id for e in geo], ["us:GA", "country:GE"])  # last added first
        self.assertEqual(g.lookup("Bắc_Triều_Tiên")[0].canonical, "Triều Tiên")
        entries = list(g)  # indices follow the compiled layout, not the order of the TSV
        self.assertIn(vnseg.Entry("Triều Tiên", "LOC", "country:KP", "Triều Tiên"), entries)
        self.assertEqual(len(entries), 7)
        self.assertEqual(g[-1], entries[6])
        with self.assertRaises(IndexError):
            g[7]
        self.assertEqual(g.types[:4], ["PER", "LOC", "ORG", "MISC"])
        self.assertEqual(g.types[4], "BRAND")
        self.assertEqual(g.type_id("BRAND"), 4)
        self.assertEqual(g.type_name(2), "ORG")
        self.assertIsNone(g.type_name(99))
        with self.assertRaises(vnseg.NotFoundError):
            g.type_id("NOPE")
        self.assertFalse(g.fold_case)
        self.assertIn("7 entries", repr(g))

    def test_fold_case(self):
        with vnseg.Gazetteer.from_tsv(TSV, fold_case=True) as g:
            self.assertTrue(g.fold_case)
            self.assertEqual(len(g.lookup("hòa bình")), 1)

    def test_lookup_key(self):
        self.assertEqual(vnseg.lookup_key("HÒA_BÌNH"), "Hoà Bình")
        self.assertEqual(vnseg.lookup_key("Hoa\u0300  Bi\u0300nh", fold_case=True), "hoà bình")
        self.assertEqual(vnseg.lookup_key("TP. HCM"), vnseg.lookup_key("TP.HCM"))
        self.assertEqual(vnseg.lookup_key(b"thu\xcc\x89y"), "thuỷ".encode())
        self.assertEqual(vnseg.lookup_key(""), "")

    def test_builder(self):
        with vnseg.GazetteerBuilder() as b:
            b.add("Hội An", "LOC", id="city:hoian").add("Ê Đê", "ETHNIC", canonical="Ê-đê")
            b.add("Đà Lạt", 1)  # a type id is accepted too (1: LOC)
            self.assertEqual(len(b), 3)
            self.assertEqual(b.type_id("ETHNIC"), 4)
            b.remove("Đà_Lạt")
            self.assertEqual(len(b), 2)
            b.add_tsv(b"Sa Pa\tLOC\n")
            with b.build() as g:
                self.assertEqual(g.lookup("Ê_Đê"), [vnseg.Entry("Ê Đê", "ETHNIC", "", "Ê-đê")])
                self.assertEqual(g.lookup("Hội_An")[0].id, "city:hoian")
                self.assertEqual(g.lookup("Đà Lạt"), [])
                self.assertEqual(len(g), 3)
            n = len(b)
            b.add_defaults("provinces")
            self.assertGreater(len(b), n + 34)
            b.add_defaults(["countries", "languages"])
            with self.assertRaises(ValueError):
                b.add_defaults("planets")
            with self.assertRaises(vnseg.InvalidArgumentError):
                b.add_defaults(1 << 20)
            with self.assertRaises(vnseg.InvalidArgumentError):
                b.type_id("BAD TYPE")
            with self.assertRaises(vnseg.InvalidArgumentError):
                b.add("", "LOC")
            self.assertIn("GazetteerBuilder", repr(b))
        with self.assertRaises(ValueError):
            len(b)
        self.assertIn("closed", repr(b))

    def test_tsv_errors_carry_line_and_offset(self):
        first = "Hà Nội\tLOC\n"
        with vnseg.GazetteerBuilder() as b:
            with self.assertRaises(vnseg.FormatError) as cm:
                b.add_tsv(first + "Huế\tLOC\nĐà Nẵng\n")
            e = cm.exception
            self.assertEqual(e.line, 3)
            self.assertEqual(e.offset, len((first + "Huế\tLOC\n").encode()))
            self.assertEqual(e.status, vnseg.Status.FORMAT)
            self.assertTrue(e.message)
            self.assertEqual(len(b), 0)  # all or nothing
            with self.assertRaises(vnseg.FormatError) as cm:
                b.add_tsv("a\tb\tc\td\te\n")
            self.assertEqual(cm.exception.line, 1)
            with self.assertRaises(vnseg.FormatError) as cm:
                b.add_tsv(b"ok\tLOC\n\xff\tLOC\n")
            self.assertEqual(cm.exception.line, 2)

    def test_files(self):
        with tempfile.TemporaryDirectory() as d:
            tsv = os.path.join(d, "names.tsv")
            with open(tsv, "w", encoding="utf-8") as f:
                f.write(TSV)
            with vnseg.Gazetteer.load(tsv) as g:
                self.assertEqual(len(g), 7)
            with vnseg.GazetteerBuilder() as b:
                b.add_file(tsv)
                with self.assertRaises(vnseg.VnsegIOError):
                    b.add_file(os.path.join(d, "missing.tsv"))
            bin_path = os.path.join(d, "names.gaz")
            self.gaz.save(bin_path)
            with vnseg.Gazetteer.open(bin_path) as g:
                self.assertEqual(list(g), list(self.gaz))
                self.assertEqual(g.data, self.gaz.data)
                g.verify()
            with vnseg.Gazetteer.open(bin_path, verify=True) as g:
                self.assertEqual(g.lookup("Hoà Bình")[0].name, "Hòa Bình")
            data = self.gaz.data
            with vnseg.Gazetteer.from_bytes(data) as g:
                self.assertEqual(g.lookup("Triều Tiên")[0].id, "country:KP")
            # a flipped byte in the body: the constant-time open passes, verify fails
            bad = bytearray(data)
            bad[-1] ^= 0xFF
            with self.assertRaises(vnseg.FormatError):
                vnseg.Gazetteer.from_bytes(bytes(bad), verify=True)
            with self.assertRaises(vnseg.FormatError):
                vnseg.Gazetteer.from_bytes(data[:100])
            with open(os.path.join(d, "junk.gaz"), "wb") as f:
                f.write(b"not a gazetteer at all" * 20)
            with self.assertRaises(vnseg.FormatError):
                vnseg.Gazetteer.open(os.path.join(d, "junk.gaz"))
            with self.assertRaises(vnseg.VnsegIOError):
                vnseg.Gazetteer.open(os.path.join(d, "missing.gaz"))

    def test_default_and_lifetime(self):
        g = vnseg.default_gazetteer()
        self.assertIs(g, vnseg.default_gazetteer())
        self.assertEqual(g.lookup("Triều Tiên")[0].type, "LOC")
        with vnseg.Gazetteer.default() as own:
            self.assertEqual(len(own), len(g))
        with self.assertRaises(ValueError):
            len(own)
        self.assertIn("closed", repr(own))
        with self.assertRaises(TypeError):
            vnseg.Gazetteer()
        with vnseg.Gazetteer.from_tsv("Tây Nguyên\tLOC\n", defaults="provinces") as g2:
            self.assertTrue(g2.lookup("Tây Nguyên") and g2.lookup("Quảng Nam"))


SEG = ("😀 Tổng_thống Vladimir_Putin nói với Liên_Hợp_Quốc rằng Bắc Triều_Tiên và "
       "Hoa\u0300_Bi\u0300nh 𝔸 . Putin cũng đến Georgia .")


@unittest.skipUnless(vnseg.has("entities"), "libvnseg without the entity scanner")
class EntitiesTest(unittest.TestCase):
    def setUp(self):
        self.gaz = vnseg.Gazetteer.from_tsv(TSV)
        self.addCleanup(self.gaz.close)

    def check_offsets(self, text, mentions, tokens):
        data = text.encode() if isinstance(text, str) else text
        s = text if isinstance(text, str) else text.decode("utf-8", "replace")
        for m in mentions:
            self.assertIsInstance(m, vnseg.Mention)
            self.assertEqual(s[m.start:m.end], m.text)
            self.assertEqual(data[m.byte_start:m.byte_end].decode("utf-8", "replace"), m.text)
            covered = tokens[m.first_token:m.first_token + m.token_count]
            self.assertEqual(len(covered), m.token_count)
            self.assertLessEqual(covered[0].start, m.start)
            self.assertGreaterEqual(covered[-1].end, m.end)

    def test_mentions(self):
        ms = vnseg.entities(SEG, self.gaz)
        by_text = {m.text: m for m in ms}
        self.check_offsets(SEG, ms, vnseg.tokenize(SEG))
        un = by_text["Liên_Hợp_Quốc"]
        self.assertEqual((un.type, un.source, un.canonical, un.id),
                         ("ORG", "gazetteer", "Liên Hợp Quốc", "un"))
        self.assertEqual(un.entry, vnseg.Entry("Liên_Hợp_Quốc", "ORG", "un", "Liên Hợp Quốc"))
        kp = by_text["Bắc Triều_Tiên"]  # across two tokens
        self.assertEqual((kp.token_count, kp.canonical, kp.id), (2, "Triều Tiên", "country:KP"))
        hb = by_text["Hoa\u0300_Bi\u0300nh"]  # NFD in the input, NFC in the list
        self.assertEqual(hb.entry.name, "Hòa Bình")
        self.assertEqual(hb.byte_end - hb.byte_start, len(hb.text.encode()))
        putin = by_text["Vladimir_Putin"]
        self.assertEqual((putin.type, putin.source, putin.entry), ("PER", "heuristic", None))
        self.assertIn(vnseg.MentionFlag.CUED, putin.flags)
        short = [m for m in ms if m.text == "Putin"][0]
        self.assertEqual(ms[short.link], putin)
        self.assertEqual(short.canonical, "Vladimir Putin")
        self.assertEqual(by_text["Georgia"].id, "us:GA")
        # the emoji before everything: str indices and bytes differ by 3 at least
        self.assertEqual(un.byte_start - un.start, len(SEG[:un.start].encode()) - un.start)

    def test_switches_and_inputs(self):
        only = vnseg.entities(SEG, self.gaz, heuristics=False)
        self.assertTrue(only)
        self.assertTrue(all(m.source == "gazetteer" for m in only))
        nolinks = vnseg.entities(SEG, self.gaz, links=False)
        self.assertTrue(all(m.link is None for m in nolinks))
        heads = vnseg.entities("Ông đến tỉnh Quảng_Nam .", "default")
        noheads = vnseg.entities("Ông đến tỉnh Quảng_Nam .", "default", heads=False)
        self.assertEqual([m.text for m in heads], ["tỉnh Quảng_Nam"])
        self.assertIn(vnseg.MentionFlag.HEAD, heads[0].flags)
        self.assertEqual([m.text for m in noheads], ["Quảng_Nam"])
        glued = vnseg.entities("Mỹ_cáo_buộc Nga .", "default")
        self.assertEqual(glued[0].text, "Mỹ")
        self.assertIn(vnseg.MentionFlag.PARTIAL, glued[0].flags)
        self.assertNotIn("Mỹ", [m.text for m in vnseg.entities("Mỹ_cáo_buộc Nga .", "default",
                                                                glued=False)])
        rules = vnseg.entities("Bộ_trưởng Nguyễn_Văn_An phát_biểu .")
        self.assertEqual([(m.text, m.type) for m in rules], [("Nguyễn_Văn_An", "PER")])
        data = SEG.encode()
        self.assertEqual(vnseg.entities(data, self.gaz), vnseg.entities(SEG, self.gaz))
        with vnseg.Document(SEG) as doc:
            self.assertEqual(vnseg.entities(doc, self.gaz), vnseg.entities(SEG, self.gaz))
        with self.assertRaises(ValueError):
            vnseg.entities(SEG, "mine")
        self.assertEqual(vnseg.entities(""), [])

    def test_invalid_utf8(self):
        bad = "Ông đến Hà_Nội".encode() + b" \xff " + "Liên_Hợp_Quốc .".encode()
        with self.assertRaises(vnseg.InvalidUTF8Error) as cm:
            vnseg.entities(bad, self.gaz)
        self.assertEqual(cm.exception.offset, len("Ông đến Hà_Nội ".encode()))
        ms = vnseg.entities(bad, self.gaz, lenient=True)
        self.check_offsets(bad, ms, vnseg.tokenize(bad, lenient=True))
        self.assertIn("Liên_Hợp_Quốc", [m.text for m in ms])


@unittest.skipIf(vnseg.has("gazetteer"), "the library has the gazetteer")
class Missing(unittest.TestCase):
    def test_not_implemented(self):
        with self.assertRaises(NotImplementedError):
            vnseg.GazetteerBuilder()


if __name__ == "__main__":
    unittest.main()
