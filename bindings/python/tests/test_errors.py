"""Exceptions: one class per status, each also a fitting built-in exception, carrying the
library's message, status, byte offset and line."""
import unittest

from support import vnseg
from vnseg.errors import check, last_error


class Errors(unittest.TestCase):
    def test_classes_by_status(self):
        table = {
            vnseg.Status.NOMEM: (vnseg.VnsegMemoryError, MemoryError),
            vnseg.Status.INVALID_UTF8: (vnseg.InvalidUTF8Error, ValueError),
            vnseg.Status.INVALID_ARG: (vnseg.InvalidArgumentError, ValueError),
            vnseg.Status.TOO_LARGE: (vnseg.TooLargeError, OverflowError),
            vnseg.Status.IO: (vnseg.VnsegIOError, OSError),
            vnseg.Status.FORMAT: (vnseg.FormatError, ValueError),
            vnseg.Status.VERSION: (vnseg.VersionError, vnseg.VnsegError),
            vnseg.Status.NOT_FOUND: (vnseg.NotFoundError, LookupError),
            vnseg.Status.ENCODING: (vnseg.EncodingError, ValueError),
            vnseg.Status.BUFFER: (vnseg.VnsegError, Exception),
        }
        for status, (cls, base) in table.items():
            e = last_error(status)
            self.assertIs(type(e), cls, status)
            self.assertIsInstance(e, base)
            self.assertIsInstance(e, vnseg.VnsegError)
            self.assertEqual(e.status, status)
            self.assertTrue(e.message)
        self.assertEqual(type(last_error(-99)), vnseg.VnsegError)
        check(0)

    def test_message_and_position_of_the_failed_call(self):
        try:
            vnseg.tokenize(b"ok\n\xc3(")
        except vnseg.VnsegError as e:
            self.assertEqual((e.offset, e.line), (3, 2))
            self.assertIn("invalid UTF-8", str(e))
            self.assertEqual(e.args, (e.message,))
        else:
            self.fail("no exception")
        # A status whose record was overwritten by a later success keeps the generic text.
        e = last_error(vnseg.Status.IO)
        self.assertEqual(e.message, "input/output error")
        self.assertIsNone(e.offset)

    def test_types_of_results(self):
        self.assertIsInstance(vnseg.tokenize("a")[0], vnseg.Token)
        self.assertIsInstance(vnseg.sentences("a")[0], vnseg.Sentence)
        self.assertIsInstance(vnseg.tokenize_columns("a"), vnseg.Columns)
        self.assertIsInstance(vnseg.parse_syllable("a"), vnseg.Syllable)
        self.assertIsInstance(next(iter(vnseg.stream(b"a"))), vnseg.Line)
        self.assertIsInstance(next(iter(vnseg.Reader(b"a"))), vnseg.RawLine)


if __name__ == "__main__":
    unittest.main()
