"""Streaming: lines of a file of any size (the C reader) and their tokens and sentences."""
import bisect
import ctypes
import io
import os
import re
from itertools import chain, repeat
from operator import itemgetter

from ._lib import LineStruct, lib
from ._handle import Handle
from .errors import InvalidUTF8Error, check, last_error
from .tokenizer import Document, Sentence, _gc_paused, _sentence_flags

LINE_CRLF, LINE_NO_EOL, LINE_CONTINUED, LINE_CUT = 1, 2, 4, 8


class RawLine(tuple):
    """One line as the reader hands it out: `data` (bytes, without the line break),
    `offset` (of data[0] in the stream), `number` (1-based) and `flags` (LINE_* bits)."""
    __slots__ = ()
    data = property(itemgetter(0))
    offset = property(itemgetter(1))
    number = property(itemgetter(2))
    flags = property(itemgetter(3))

    def __repr__(self):
        return "RawLine(%r, offset=%d, number=%d)" % (self[0], self[1], self[2])


def _file_descriptor(f):
    """The descriptor of a binary file object, positioned where the object says it is (a
    buffered reader may have read ahead), or None when it has none."""
    try:
        fd = f.fileno()
    except (AttributeError, OSError, ValueError):
        return None
    if isinstance(f, io.TextIOBase):
        raise TypeError("Reader needs a binary file (open it with 'rb')")
    try:
        os.lseek(fd, f.tell(), os.SEEK_SET)
    except (AttributeError, OSError, ValueError):
        pass  # a pipe or terminal: read from where the descriptor is
    return fd


class Reader(Handle):
    """The lines of a file through libvnseg's streaming reader, in memory bounded by the
    longest line (lines over `max_line` bytes, 16 MiB by default, come in pieces flagged
    LINE_CONTINUED). Lines end at LF; a CR before it is removed (flag LINE_CRLF).

    `source`: a path (opened and closed here), a file descriptor (int, left open), a binary
    file object with fileno() (read from its current position; left open), bytes-like data,
    or a binary file object without a descriptor such as io.BytesIO (read whole first).
    Iterate it for RawLine objects; close it or use `with`.
    """
    _free = "vnseg_reader_free"
    _name = "Reader"

    def __init__(self, source, max_line=0):
        self._handle = None
        self._fd = None
        self._owned_fd = False
        self._keep = None
        handle = ctypes.c_void_p()
        if isinstance(source, (bytes, bytearray, memoryview)):
            self._keep = bytes(source)
            check(lib.vnseg_reader_new_memory(self._keep, len(self._keep), max_line,
                                              ctypes.byref(handle)))
        else:
            if isinstance(source, int):
                fd = source
            elif isinstance(source, (str, bytes, os.PathLike)):
                fd = os.open(source, os.O_RDONLY)
                self._owned_fd = True
            else:
                fd = _file_descriptor(source)
            if fd is None:  # a file object without a descriptor (BytesIO): read it whole
                data = source.read() if hasattr(source, "read") else None
                if not isinstance(data, (bytes, bytearray)):
                    raise TypeError("Reader needs a path, a file descriptor, a binary file or "
                                    "bytes, not %s" % type(source).__name__)
                self._keep = bytes(data)
                check(lib.vnseg_reader_new_memory(self._keep, len(self._keep), max_line,
                                                  ctypes.byref(handle)))
                self._handle = handle.value
                self._line = LineStruct()
                return
            self._fd = fd
            status = lib.vnseg_reader_new_fd(fd, max_line, ctypes.byref(handle))
            if status != 0:
                err = last_error(status)
                self._close_fd()
                raise err
        self._handle = handle.value
        self._line = LineStruct()

    def __iter__(self):
        return self

    def __next__(self):
        if not self._handle:
            raise StopIteration
        line = self._line
        r = lib.vnseg_reader_next(self._handle, ctypes.byref(line))
        if r == 1:
            data = ctypes.string_at(line.data, line.length) if line.length else b""
            return tuple.__new__(RawLine, (data, line.offset, line.number, line.flags))
        if r == 0:
            raise StopIteration
        raise last_error(r)

    @property
    def bytes_read(self):
        """Bytes consumed from the stream so far."""
        return lib.vnseg_reader_bytes(self._handle) if self._handle else 0

    def _close_fd(self):
        if self._owned_fd and self._fd is not None:
            os.close(self._fd)
        self._fd = None
        self._owned_fd = False

    def close(self):
        Handle.close(self)
        self._close_fd()
        self._keep = None

    def _needs_close(self):
        return bool(getattr(self, "_handle", None) or getattr(self, "_owned_fd", False))


def read_lines(source, max_line=0):
    """The lines of `source` as RawLine objects (see Reader); closes what it opened."""
    with Reader(source, max_line) as reader:
        yield from reader


class Line(tuple):
    """One line of a stream with its tokens and sentences.

    number      1-based line number in the stream
    offset      byte offset of the line in the stream
    flags       LINE_* bits of the reader
    text        the line as str (without its line break)
    tokens      its Token objects: start/end index `text`, byte_start/byte_end its bytes
                (add `offset` for stream offsets), sentence indexes `sentences`
    sentences   its Sentence objects (offsets as for tokens; `line` counts the line breaks
                other than LF inside the line, usually 0)
    """
    __slots__ = ()
    number = property(itemgetter(0))
    offset = property(itemgetter(1))
    flags = property(itemgetter(2))
    text = property(itemgetter(3))
    tokens = property(itemgetter(4))
    sentences = property(itemgetter(5))

    def __repr__(self):
        return "Line(%d, %r, %d tokens)" % (self[0], self[3], len(self[4]))


# Line breaks of the tokenizer other than LF (which ends a reader line).
_BREAKS = re.compile("\r|\x0b|\x0c|\x85|\u2028|\u2029")


def stream(source, *, lenient=False, escapes=False, runon=True, max_line=0,
           block=256 * 1024):
    """Tokenize a file of any size line by line: yields a Line for every line of `source`
    (anything Reader accepts). Memory is bounded by `block` bytes of lines (tokenized in one
    call, for speed) plus the longest line. In strict mode, invalid UTF-8 raises
    InvalidUTF8Error after the lines before it were yielded; its `offset` is the byte offset
    in the stream and `line` the line number."""
    with Reader(source, max_line) as reader, Document() as doc:
        batch, size = [], 0
        for raw in reader:
            batch.append(raw)
            size += len(raw[0]) + 1
            if size >= block:
                yield from _tokenize_batch(doc, batch, lenient, escapes, runon)
                batch, size = [], 0
        if batch:
            yield from _tokenize_batch(doc, batch, lenient, escapes, runon)


def _tokenize_batch(doc, batch, lenient, escapes, runon):
    """Lines of `batch` tokenized as one buffer (sentences never cross a line break, so this
    is the same as one call per line)."""
    parts = []
    for raw in batch:
        parts.append(raw[0])
        parts.append(b"" if raw[3] & LINE_NO_EOL else b"\n")
    data = b"".join(parts)
    starts, pos = [], 0
    for raw in batch:
        starts.append(pos)
        pos += len(raw[0]) + 1
    try:
        doc.tokenize(data, lenient=lenient, escapes=escapes, runon=runon)
    except InvalidUTF8Error as e:
        k = bisect.bisect_right(starts, e.offset) - 1
        if k > 0:
            yield from _tokenize_batch(doc, batch[:k], lenient, escapes, runon)
        bad = batch[k]
        e.offset = bad[1] + (e.offset - starts[k])
        e.line = bad[2]
        e.message = "invalid UTF-8 at byte %d (line %d)" % (e.offset, e.line)
        e.args = (e.message,)
        raise e
    texts = doc.text.split("\n")  # decoded once, kept by the document for its tokens
    c = doc.columns()
    n = len(batch)
    # The first token and sentence of each line (both sorted), where each line starts.
    first_tok = [bisect.bisect_left(c.byte_starts, b) for b in starts] + [len(c)]
    first_sent = [bisect.bisect_left(c.sentence_starts, t) for t in first_tok]
    cp_starts, pos = [], 0
    for t in texts[:n]:
        cp_starts.append(pos)
        pos += len(t) + 1
    per_line = [first_tok[k + 1] - first_tok[k] for k in range(n)]

    def base(values):
        return chain.from_iterable(map(repeat, values, per_line))

    with _gc_paused():
        lines = _make_lines(doc, batch, texts, c, first_tok, first_sent, (
            list(base(cp_starts)), list(base(starts)), list(base(first_sent[:n]))))
    yield from lines


def _make_lines(doc, batch, texts, c, first_tok, first_sent, bases):
    tokens = doc._build_tokens(bases)
    sent_cols = list(zip(c.sentence_starts, c.sentence_counts, c.sentence_flags))
    out = []
    for k, raw in enumerate(batch):
        text = texts[k]
        toks = tokens[first_tok[k]:first_tok[k + 1]]
        sents = []
        breaks = _BREAKS.search(text) is not None
        for first, count, flags in sent_cols[first_sent[k]:first_sent[k + 1]]:
            first -= first_tok[k]
            a, b = toks[first], toks[first + count - 1]
            line = len(_BREAKS.findall(text, 0, a[3])) if breaks else 0
            sents.append(tuple.__new__(Sentence, (
                text[a[3]:b[4]], a[3], b[4], a[5], b[6], _sentence_flags[flags], line,
                toks[first:first + count], first)))
        out.append(tuple.__new__(Line, (raw[2], raw[1], raw[3], text, toks, sents)))
    return out


__all__ = ["Reader", "RawLine", "Line", "read_lines", "stream", "LINE_CRLF", "LINE_NO_EOL",
           "LINE_CONTINUED", "LINE_CUT"]
