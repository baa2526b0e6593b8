"""Streaming: Reader / read_lines over paths, descriptors, file objects and bytes; stream()
gives per line what tokenizing that line alone gives, whatever the block size."""
import io
import os
import tempfile
import unittest

from support import HARD, TEXT, article, vnseg

LINES = [TEXT.splitlines()[0], "", HARD, "Dòng\u2028Hai . Ba", "  a\x00b  ", "x" * 5000,
         article().decode(), "Kết_thúc ."]


def per_line(text, **opts):
    """Reference: each line tokenized alone (with its line break, as in the file)."""
    out = []
    lines = text.split("\n")
    for k, line in enumerate(lines):
        with vnseg.Document(line + ("\n" if k + 1 < len(lines) else ""), **opts) as doc:
            out.append(([tuple(t)[:9] for t in doc.tokens],
                        [(s.text, s.start, s.end, s.line, len(s.tokens)) for s in doc.sentences]))
    return out


class ReaderTests(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.dir.name, "corpus.txt")
        self.data = "\n".join(LINES).encode() + b"\r\nlast"
        with open(self.path, "wb") as f:
            f.write(self.data)

    def tearDown(self):
        self.dir.cleanup()

    def check_lines(self, lines):
        self.assertEqual([l.data for l in lines], self.data.replace(b"\r\n", b"\n").split(b"\n"))
        for l in lines:
            self.assertEqual(self.data[l.offset:l.offset + len(l.data)], l.data)
        self.assertEqual([l.number for l in lines], list(range(1, len(LINES) + 2)))
        self.assertTrue(lines[-2].flags & vnseg.reader.LINE_CRLF)
        self.assertTrue(lines[-1].flags & vnseg.reader.LINE_NO_EOL)

    def test_sources(self):
        self.check_lines(list(vnseg.read_lines(self.path)))
        self.check_lines(list(vnseg.read_lines(self.data)))
        self.check_lines(list(vnseg.read_lines(bytearray(self.data))))
        with open(self.path, "rb") as f:
            self.check_lines(list(vnseg.read_lines(f)))
            self.assertFalse(f.closed)
        fd = os.open(self.path, os.O_RDONLY)
        try:
            self.check_lines(list(vnseg.read_lines(fd)))
            os.fstat(fd)  # still open
        finally:
            os.close(fd)
        self.check_lines(list(vnseg.read_lines(io.BytesIO(self.data))))
        with self.assertRaises(TypeError):
            vnseg.Reader(io.StringIO("x"))
        with open(self.path, encoding="utf-8") as f, self.assertRaises(TypeError):
            vnseg.Reader(f)
        with self.assertRaises(TypeError):
            vnseg.Reader(3.5)
        with self.assertRaises(FileNotFoundError):
            vnseg.Reader(os.path.join(self.dir.name, "missing"))

    def test_file_object_after_readline(self):
        with open(self.path, "rb") as f:
            f.readline()
            lines = list(vnseg.read_lines(f))
        self.assertEqual(lines[0].data, b"")

    def test_reader_object(self):
        with vnseg.Reader(self.path) as r:
            first = next(r)
            self.assertEqual(first.number, 1)
            self.assertGreater(r.bytes_read, 0)
            self.assertIn("RawLine", repr(first))
        self.assertEqual(list(r), [])
        self.assertEqual(r.bytes_read, 0)

    def test_long_lines_come_in_pieces(self):
        data = ("từ " * 3000).encode()
        pieces = list(vnseg.read_lines(data, max_line=4096))
        self.assertGreater(len(pieces), 1)
        self.assertTrue(all(p.flags & vnseg.reader.LINE_CONTINUED for p in pieces[:-1]))
        self.assertEqual(b"".join(p.data for p in pieces), data)
        self.assertEqual({p.number for p in pieces}, {1})

    def test_stream_equals_per_line(self):
        want = per_line(self.data.decode().replace("\r\n", "\n"))
        for block in (1, 100, 1 << 20):
            lines = list(vnseg.stream(self.path, block=block))
            got = [([tuple(t)[:9] for t in l.tokens],
                    [(s.text, s.start, s.end, s.line, len(s.tokens)) for s in l.sentences])
                   for l in lines]
            self.assertEqual(got, want, block)
            for l in lines:
                raw = self.data[l.offset:]
                for t in l.tokens:
                    self.assertEqual(l.text[t.start:t.end], t.text)
                    self.assertEqual(raw[t.byte_start:t.byte_end].decode(), t.text)
                    self.assertIs(l.sentences[t.sentence].tokens[0].sentence, t.sentence)
            self.assertEqual(lines[0].number, 1)
            self.assertEqual(lines[3].sentences[1].line, 1)  # after U+2028
            self.assertIn("Line(1", repr(lines[0]))

    def test_stream_strict_error_position(self):
        data = b"m\xe1\xbb\x99t hai\nba \xff\nb\xe1\xbb\x91n\n"
        seen = []
        with self.assertRaises(vnseg.InvalidUTF8Error) as cm:
            for line in vnseg.stream(data):
                seen.append(line.text)
        self.assertEqual(seen, ["một hai"])
        self.assertEqual(cm.exception.offset, data.index(b"\xff"))
        self.assertEqual(cm.exception.line, 2)
        self.assertIn("line 2", str(cm.exception))
        lines = list(vnseg.stream(data, lenient=True))
        self.assertEqual([l.text for l in lines], ["một hai", "ba \ufffd", "bốn"])
        self.assertIn(vnseg.TokenFlag.REPAIRED, lines[1].tokens[1].flags)

    def test_stream_options(self):
        lines = list(vnseg.stream(b"a\\_b_c\n", escapes=True))
        self.assertEqual(lines[0].tokens[0].syllables, ("a\\_b", "c"))
        text = b"\xc4\x90\xc3\xa0_N\xe1\xba\xb5ng m\xe1\xbb\x9f_c\xe1\xbb\xada l\xe1\xba\xa1i " \
               b"c\xe1\xba\xa3ng_bi\xe1\xbb\x83n sau b\xc3\xa3o Th\xc3\xb4ng_tin t\xe1\xbb\xab ."
        self.assertEqual(len(list(vnseg.stream(text))[0].sentences), 2)
        self.assertEqual(len(list(vnseg.stream(text, runon=False))[0].sentences), 1)


if __name__ == "__main__":
    unittest.main()
