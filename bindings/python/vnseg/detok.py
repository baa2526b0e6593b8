"""Detokenizer: segmented text back to natural text, with the token-to-text alignment."""
import bisect
import ctypes
from functools import partial
from operator import add

from ._lib import lib, require
from ._text import call_into_buffer, convert_offsets, to_bytes
from .errors import check
from .tokenizer import OPT_ESCAPES, OPT_LENIENT, Document, _gc_paused

DETOK_LOSSLESS = 1 << 16


_require = partial(require, "vnseg_detokenize", "detokenizer")


class Detokenized:
    """A detokenized text and its alignment to the tokens it came from.

    text        the natural text (str)
    tokens      the input tokens (Token objects of the segmented text)
    spans       per input token, (start, end) str indices of `text` it became
    byte_spans  the same in bytes of text.encode()
    """
    __slots__ = ("text", "tokens", "spans", "byte_spans", "_starts", "_ends", "_bstarts")

    def __init__(self, text, tokens, spans, byte_spans):
        self.text, self.tokens, self.spans, self.byte_spans = text, tokens, spans, byte_spans
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]
        self._bstarts = None

    def token_at(self, index):
        """The token whose output holds str index `index`, or None (a space or line break
        the detokenizer wrote, or past the end)."""
        k = bisect.bisect_right(self._starts, index) - 1
        if k >= 0 and index < self._ends[k]:
            return k
        return None

    def byte_token_at(self, offset):
        """token_at() for a byte offset of text.encode()."""
        k = bisect.bisect_right(self._byte_starts(), offset) - 1
        if k >= 0 and offset < self.byte_spans[k][1]:
            return k
        return None

    def _byte_starts(self):
        if self._bstarts is None:
            self._bstarts = [a for a, _ in self.byte_spans]
        return self._bstarts

    def span_of(self, first, count=1):
        """(start, end) of the output that tokens first .. first+count-1 became."""
        if count < 1 or first < 0 or first + count > len(self.spans):
            raise IndexError("token range out of bounds")
        return (self._starts[first], self._ends[first + count - 1])

    def tokens_of(self, start, end):
        """range of the tokens whose output overlaps text[start:end] (empty when none; then
        its start is where an insertion at `start` would go)."""
        first = bisect.bisect_right(self._ends, start)
        last = bisect.bisect_left(self._starts, end, first) if end > start else first
        return range(first, max(first, last))

    def __repr__(self):
        return "Detokenized(%r, %d tokens)" % (self.text, len(self.tokens))


def _detok_doc(doc, lossless):
    _require()
    handle = ctypes.c_void_p()
    check(lib.vnseg_detokenize(doc._h(), DETOK_LOSSLESS if lossless else 0,
                               ctypes.byref(handle)))
    try:
        n = ctypes.c_size_t()
        ptr = lib.vnseg_detok_text(handle, ctypes.byref(n))
        data = ctypes.string_at(ptr, n.value) if n.value else b""
        count = lib.vnseg_detok_token_count(handle)
        raw = ctypes.string_at(lib.vnseg_detok_spans(handle), 16 * count) if count else b""
    finally:
        lib.vnseg_detok_free(handle)
    tokens = doc.tokens
    q = memoryview(raw).cast("Q")
    starts = q[0::2]
    ends = list(map(add, starts, q[1::2]))
    # Token objects are tuple subclasses the collector keeps tracking: building the span
    # tuples with it running would walk all of them again and again (see _gc_paused).
    with _gc_paused():
        byte_spans = list(zip(starts.tolist(), ends))
        # starts and ends are each ascending: one pass over the text per call
        spans = list(zip(convert_offsets(data, starts, "byte", "codepoint"),
                         convert_offsets(data, ends, "byte", "codepoint")))
        text = data.decode("utf-8", "replace")
        return Detokenized(text, tokens, spans, byte_spans)


def detokenize(seg, *, lenient=False, escapes=False, lossless=False):
    """Detokenize segmented text (str or UTF-8 bytes, or a tokenized Document) into a
    Detokenized: the natural text with, for every input token, the span it became. With
    `lossless`, the input's separators are kept (see detok.h)."""
    if isinstance(seg, Document):
        return _detok_doc(seg, lossless)
    with Document(seg, lenient=lenient, escapes=escapes) as doc:
        return _detok_doc(doc, lossless)


def detokenize_text(seg, *, lenient=False, escapes=False, lossless=False):
    """Only the natural text of detokenize() (one C call). str in, str out; bytes in, bytes
    out."""
    _require()
    data, s = to_bytes(seg)
    opts = (OPT_LENIENT if lenient else 0) | (OPT_ESCAPES if escapes else 0) | (
        DETOK_LOSSLESS if lossless else 0)
    out = call_into_buffer(lib.vnseg_detokenize_text, (data, len(data), opts), len(data))
    return out.decode("utf-8", "replace") if s is not None else out
