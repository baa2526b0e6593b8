"""Tokens and sentences of segmented text: Document (owns a vnseg_doc), tokenize, sentences.

Speed: each call crosses into C a fixed handful of times, whatever the text's size. The token
array is copied out in one piece and read through strided memoryviews, str indices come from C
(vnseg_doc_token_offsets), and Token objects are built by map/zip loops that run in C.
"""
import contextlib
import ctypes
import enum
import gc
import re
import threading
from itertools import chain, compress, repeat
from operator import itemgetter, sub

from ._lib import UNIT_BYTE, UNIT_CODEPOINT, Span, lib, require
from ._handle import Handle
from ._text import call_into_buffer, decode, to_bytes
from .errors import check

KINDS = ("word", "number", "datetime", "open", "close", "final", "dash", "punct", "symbol",
         "url", "email")

OPT_LENIENT, OPT_ESCAPES, OPT_NO_RUNON = 1, 2, 4
FORM_NFC, FORM_SPACES, FORM_NO_INVISIBLE = 1, 2, 4


class TokenFlag(enum.IntFlag):
    """Token flags (VNSEG_TF_*). `names()` gives the short names the vnseg program prints."""
    CAPITALIZED = 1 << 0
    ALL_CAPS = 1 << 1
    TITLE_CASE = 1 << 2
    MULTI_SYLLABLE = 1 << 3
    HAS_DIGIT = 1 << 4
    NOT_VIETNAMESE = 1 << 5
    QUOTE = 1 << 6
    ABBREV = 1 << 7
    LITERAL_UNDERSCORE = 1 << 8
    ESCAPED = 1 << 9
    NOT_NFC = 1 << 10
    REPAIRED = 1 << 11
    INVISIBLE = 1 << 12
    SPLIT = 1 << 13
    SPACE_AFTER = 1 << 14
    LINE_END = 1 << 15
    SENT_START = 1 << 16
    SENT_END = 1 << 17
    UNPAIRED = 1 << 18
    GLUED_FINAL = 1 << 19

    def names(self):
        """Short names of the set bits, lowest first ("cap", "multi", ...)."""
        return [_FLAG_NAMES[b] for b in range(32) if self & (1 << b) and b in _FLAG_NAMES]


class SentenceFlag(enum.IntFlag):
    """Sentence flags (VNSEG_SF_*)."""
    TERMINATED = 1 << 0
    LINE_END = 1 << 1
    GUESSED = 1 << 2


_FLAG_NAMES = {}
for _bit in range(32):
    _name = lib.vnseg_flag_name(1 << _bit)
    if _name:
        _FLAG_NAMES[_bit] = _name.decode()


@contextlib.contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector while a list of token objects is built. Token and
    Sentence are tuple subclasses, which the collector never untracks (it does so only for
    exact tuples), so building a few hundred thousand of them triggers full collections
    that each walk all of them: three times the building cost. They hold no cycles, so
    nothing is lost by collecting after the list is made. The previous state is restored."""
    was = gc.isenabled()
    if was:
        gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class _Cache(dict):
    """int -> enum value (or kind name), built once per distinct value; lookups run in C."""
    __slots__ = ("make",)

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, key):
        value = self[key] = self.make(key)
        return value


_token_flags = _Cache(TokenFlag)
_flag_ints = _Cache(int)  # one int object per distinct value, shared by the tokens
_sentence_flags = _Cache(SentenceFlag)
_kind_names = _Cache(lambda k: KINDS[k] if k < len(KINDS) else lib.vnseg_kind_name(k).decode())
_RARE = int(TokenFlag.ESCAPED | TokenFlag.LITERAL_UNDERSCORE)


class Token(tuple):
    """One token.

    text        the token's text (str)
    kind        "word", "number", "datetime", "open", "close", "final", "dash", "punct",
                "symbol", "url" or "email"
    flags       TokenFlag bits (TokenFlag.CAPITALIZED in t.flags; t.flags.names())
    start, end  str indices: text[t.start:t.end] == t.text
    byte_start, byte_end  offsets in the UTF-8 bytes
    sentence    index of its sentence
    syllable_count  syllables of a word (1 for other kinds)
    syllables   the syllables' texts: ("Tổng", "thống") for Tổng_thống
    """
    __slots__ = ()
    _fields = ("text", "kind", "flags", "start", "end", "byte_start", "byte_end", "sentence",
               "syllable_count")
    text = property(itemgetter(0))
    kind = property(itemgetter(1))
    start = property(itemgetter(3))
    end = property(itemgetter(4))
    byte_start = property(itemgetter(5))
    byte_end = property(itemgetter(6))
    sentence = property(itemgetter(7))
    syllable_count = property(itemgetter(8))

    @property
    def flags(self):
        return _token_flags[self[2]]

    @property
    def syllables(self):
        if self[9] is not None:
            return self[9]
        if self[8] == 1:
            return (self[0],)
        return tuple(self[0].split("_"))

    def __repr__(self):
        return "Token(%r, %s, %d:%d%s)" % (self[0], self[1], self[3], self[4],
                                          ", " + ",".join(self.flags.names()) if self[2] else "")

    def __getnewargs__(self):
        return (tuple(self),)


class Sentence(tuple):
    """One sentence: a run of tokens on one line.

    text, start, end            its text from its first token's start to its last token's end,
                                and str indices of those
    byte_start, byte_end        the same in bytes
    flags                       SentenceFlag bits
    line                        0-based line of the text it lies on
    tokens                      its Token objects
    first_token                 index of its first token
    """
    __slots__ = ()
    _fields = ("text", "start", "end", "byte_start", "byte_end", "flags", "line", "tokens",
               "first_token")
    text = property(itemgetter(0))
    start = property(itemgetter(1))
    end = property(itemgetter(2))
    byte_start = property(itemgetter(3))
    byte_end = property(itemgetter(4))
    flags = property(itemgetter(5))
    line = property(itemgetter(6))
    tokens = property(itemgetter(7))
    first_token = property(itemgetter(8))

    def __repr__(self):
        return "Sentence(%r, %d:%d, line %d)" % (self[0], self[1], self[2], self[6])

    def __getnewargs__(self):
        return (tuple(self),)


class Columns:
    """Token fields as columns, for code that wants arrays rather than objects (the fastest
    path: no per-token Python object until an element is read). Each column is a sequence of
    ints (a memoryview; .tolist() for a list); `kinds` index KINDS.

    Tokens: starts, ends (str indices), byte_starts, byte_ends, kinds, flags, syllables.
    Sentences: sentence_starts (first token), sentence_counts (tokens), sentence_lines
    (0-based), sentence_flags. Also text (the str) and texts() (the tokens' strings).
    """
    __slots__ = ("_text", "_data", "_lenient", "starts", "ends", "byte_starts", "byte_ends",
                 "kinds", "flags", "syllables", "sentence_starts", "sentence_counts",
                 "sentence_lines", "sentence_flags")

    @property
    def text(self):
        """The text the offsets index, as str (decoded on first use for bytes input)."""
        if self._text is None:
            self._text, self._data = decode(self._data, self._lenient), None
        return self._text

    def __len__(self):
        return len(self.starts)

    def texts(self):
        """The tokens' strings, in order."""
        return _token_texts(self.text, self.starts, self.ends)


# Separators of the library that str.split() does not split at: the C0 and C1 controls that
# are not white space to Python (NUL, ...) and DEL.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


def _token_texts(text, starts, ends):
    """The strings text[starts[i]:ends[i]]. The library's separators are Python's white
    space plus the controls above and a leading BOM, and it cuts only tokens over 1 MiB; so
    when the text has none of those and str.split() finds as many tokens, its result is the
    same list, made faster than by slicing."""
    if not _CONTROLS.search(text) and not text.startswith("\ufeff"):
        words = text.split()
        if len(words) == len(starts):
            return words
    return list(map(text.__getitem__, map(slice, starts, ends)))


def _offsets(handle, n, units):
    """Token offsets in each of `units`, one C call each, into one buffer: memoryviews of
    2n values (start, end, start, end, ...)."""
    buf = (ctypes.c_uint64 * (2 * n * len(units) or 1))()
    got = ctypes.c_size_t()
    for k, unit in enumerate(units):
        if n:
            check(lib.vnseg_doc_token_offsets(handle, unit,
                                              ctypes.addressof(buf) + 16 * n * k, 2 * n,
                                              ctypes.byref(got)))
    view = memoryview(buf).cast("B").cast("Q")
    return [view[2 * n * k:2 * n * (k + 1)] for k in range(len(units))]


class Document(Handle):
    """A tokenized text, owning a vnseg_doc. Reuse one for many texts (it keeps its memory);
    close it, or use it as a context manager, to free the C memory at once.

    Not thread-safe: use one Document per thread (tokenize() does so by itself).

        with vnseg.Document() as doc:
            doc.tokenize("Tổng_thống Nga ( phải ) .")
            for t in doc.tokens: ...
            for s in doc.sentences: ...
    """
    _free = "vnseg_doc_free"
    _name = "Document"
    __slots__ = ("_handle", "_data", "_text", "_lenient", "_escapes", "_tokens", "_sentences",
                 "_raw", "__weakref__")

    def __init__(self, text=None, *, lenient=False, escapes=False, runon=True):
        self._handle = None
        self._data = b""
        self._text = ""
        self._tokens = self._sentences = self._raw = None
        self._lenient = self._escapes = False
        handle = lib.vnseg_doc_new()
        if not handle:
            raise MemoryError("vnseg_doc_new")
        self._handle = handle
        if text is not None:
            self.tokenize(text, lenient=lenient, escapes=escapes, runon=runon)

    # -- lifetime --
    def close(self):
        """Free the C document now (also done by `with` and, as a last resort, by the
        garbage collector). The tokens and sentences already returned stay usable."""
        Handle.close(self)
        self._data = b""

    # -- tokenizing --
    def tokenize(self, text, *, lenient=False, escapes=False, runon=True):
        """Tokenize `text` (str, or UTF-8 bytes), replacing what the document held; returns
        the document. For bytes, str indices refer to the decoded text: strict UTF-8, or in
        lenient mode one U+FFFD per ill-formed sequence (bytes.decode("utf-8", "replace")).
        Strict mode raises InvalidUTF8Error with the byte offset of the first bad sequence.
        `escapes` reads `\\_` as a literal underscore; `runon=False` turns off the guessing
        of sentence starts in run-on titles."""
        handle = self._h()
        data, s = to_bytes(text)
        opts = (OPT_LENIENT if lenient else 0) | (OPT_ESCAPES if escapes else 0) | (
            0 if runon else OPT_NO_RUNON)
        self._tokens = self._sentences = self._raw = None
        self._data, self._text = b"", ""
        check(lib.vnseg_tokenize(handle, data, len(data), opts))
        self._data = data
        self._text = s  # bytes input is decoded when first needed
        self._lenient, self._escapes = lenient, escapes
        return self

    def tokenize_raw(self, text, *, lenient=False):
        """Tokenize raw (natural, unsegmented) text into syllables, numbers and punctuation
        (vnseg_tokenize_raw, segmenter.h), replacing what the document held; returns the
        document. Offsets, errors and `lenient` as tokenize()."""
        handle = self._h()
        require("vnseg_tokenize_raw", "raw tokenizer")
        data, s = to_bytes(text)
        self._tokens = self._sentences = self._raw = None
        self._data, self._text = b"", ""
        check(lib.vnseg_tokenize_raw(handle, data, len(data), OPT_LENIENT if lenient else 0))
        self._data = data
        self._text = s
        self._lenient, self._escapes = lenient, False
        return self

    @property
    def text(self):
        """The text last tokenized, as str."""
        if self._text is None:
            self._text = decode(self._data, self._lenient)
        return self._text

    @property
    def data(self):
        """The text last tokenized, as UTF-8 bytes (what byte offsets index)."""
        return self._data

    @property
    def line_count(self):
        return lib.vnseg_doc_line_count(self._h())

    def __len__(self):
        return lib.vnseg_doc_token_count(self._h())

    def __iter__(self):
        return iter(self.tokens)

    def __getitem__(self, i):
        return self.tokens[i]

    # -- reading results in bulk --
    def _columns(self):
        """Memoryviews over one copy of the token and sentence arrays, and the offsets."""
        if self._raw is None:
            h = self._h()
            n = lib.vnseg_doc_token_count(h)
            ns = lib.vnseg_doc_sentence_count(h)
            toks = ctypes.string_at(lib.vnseg_doc_tokens(h), 24 * n) if n else b""
            sents = ctypes.string_at(lib.vnseg_doc_sentences(h), 40 * ns) if ns else b""
            w, q, sw = (memoryview(toks).cast("I"), memoryview(sents).cast("Q"),
                        memoryview(sents).cast("I"))
            c = Columns()
            c._text, c._data, c._lenient = self._text, self._data, self._lenient
            bo, co = _offsets(h, n, (UNIT_BYTE, UNIT_CODEPOINT))
            c.byte_starts, c.byte_ends = bo[0::2], bo[1::2]
            c.starts, c.ends = co[0::2], co[1::2]
            c.flags, c.syllables = w[3::6], w[4::6]
            c.kinds = memoryview(toks).cast("H")[10::12]
            c.sentence_starts, c.sentence_counts = q[2::5], q[3::5]
            c.sentence_lines, c.sentence_flags = sw[9::10], sw[8::10]
            self._raw = c
        return self._raw

    def columns(self):
        """The tokens as a Columns object (arrays, no per-token objects)."""
        return self._columns()

    @property
    def tokens(self):
        """The tokens as a list of Token (built once per tokenize)."""
        if self._tokens is None:
            with _gc_paused():
                self._tokens = self._build_tokens()
        return self._tokens

    def _build_tokens(self, bases=None):
        """Token objects for the whole document. `bases` (for streams that tokenize many
        lines at once): three sequences giving, per token, the str index, byte offset and
        sentence index its line starts at, subtracted from the token's own."""
        c = self._columns()
        n = len(c.starts)
        counts = c.sentence_counts
        sentence_of = chain.from_iterable(map(repeat, range(len(counts)), counts))
        starts, ends, byte_starts, byte_ends = c.starts, c.ends, c.byte_starts, c.byte_ends
        if bases is not None:
            cp, byte, sent = bases
            starts, ends = map(sub, starts, cp), map(sub, ends, cp)
            byte_starts, byte_ends = map(sub, byte_starts, byte), map(sub, byte_ends, byte)
            sentence_of = map(sub, sentence_of, sent)
        tokens = list(map(tuple.__new__, repeat(Token), zip(
            _token_texts(self.text, c.starts, c.ends),
            map(_kind_names.__getitem__, c.kinds),
            map(_flag_ints.__getitem__, c.flags),
            starts, ends, byte_starts, byte_ends, sentence_of, c.syllables,
            repeat(None, n))))
        # Words whose underscores are not all separators: ask C for the syllables.
        for i in compress(range(n), map(_RARE.__and__, c.flags)):
            if c.syllables[i] > 1:
                spans = self._syllable_byte_spans(i)
                syl = tuple(self._data[a:b].decode("utf-8", "replace") for a, b in spans)
                tokens[i] = tuple.__new__(Token, tokens[i][:9] + (syl,))
        return tokens

    @property
    def sentences(self):
        """The sentences as a list of Sentence, each with its tokens."""
        if self._sentences is None:
            tokens = self.tokens
            with _gc_paused():
                self._sentences = self._build_sentences(tokens)
        return self._sentences

    def _build_sentences(self, tokens):
        c = self._columns()
        out = []
        text = self.text
        for first, count, line, flags in zip(c.sentence_starts, c.sentence_counts,
                                             c.sentence_lines, c.sentence_flags):
            a, b = tokens[first], tokens[first + count - 1]
            out.append(tuple.__new__(Sentence, (
                text[a[3]:b[4]], a[3], b[4], a[5], b[6], _sentence_flags[flags], line,
                tokens[first:first + count], first)))
        return out

    # -- per-token helpers --
    def _syllable_byte_spans(self, i):
        h = self._h()
        pos = ctypes.c_size_t(0)
        span = Span()
        out = []
        while lib.vnseg_doc_next_syllable(h, i, ctypes.byref(pos), ctypes.byref(span)):
            out.append((span.offset, span.offset + span.length))
        return out

    def _index(self, i):
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("token index out of range")
        return i

    def syllable_spans(self, i):
        """The syllables of token i as (start, end) str indices."""
        spans = self._syllable_byte_spans(self._index(i))
        flat = [o for span in spans for o in span]
        from ._text import convert_offsets
        conv = convert_offsets(self._data, flat, "byte", "codepoint")
        return list(zip(conv[0::2], conv[1::2]))

    def token_form(self, i, *, nfc=False, spaces=False, no_invisible=False):
        """Token i's text as NFC (`nfc`), with syllable underscores as spaces (`spaces`),
        without zero-width characters (`no_invisible`); escapes are always removed."""
        i = self._index(i)
        form = (FORM_NFC if nfc else 0) | (FORM_SPACES if spaces else 0) | (
            FORM_NO_INVISIBLE if no_invisible else 0)
        out = call_into_buffer(lib.vnseg_doc_token_form, (self._h(), i, form), 64)
        return out.decode("utf-8", "replace")

    def __repr__(self):
        if not self._handle:
            return "<vnseg.Document closed>"
        return "<vnseg.Document %d tokens>" % len(self)


_local = threading.local()


def _scratch():
    """This thread's reusable Document (kept between calls, so its memory is reused)."""
    doc = getattr(_local, "doc", None)
    if doc is None:
        doc = _local.doc = Document()
    return doc


def _release(doc):
    """Drop the reference to the last input (the document keeps only its own memory)."""
    doc._data, doc._text = b"", ""
    doc._tokens = doc._sentences = doc._raw = None
    lib.vnseg_tokenize(doc._handle, b"", 0, 0)


def _on_scratch(use):
    """use(doc) on this thread's scratch Document, which is released after, whatever happens."""
    doc = _scratch()
    try:
        return use(doc)
    finally:
        _release(doc)


def tokenize(text, *, lenient=False, escapes=False, runon=True):
    """The tokens of `text` (str or UTF-8 bytes) as a list of Token. See Document.tokenize."""
    return _on_scratch(lambda doc: doc.tokenize(text, lenient=lenient, escapes=escapes,
                                                runon=runon).tokens)


def sentences(text, *, lenient=False, escapes=False, runon=True):
    """The sentences of `text` as a list of Sentence (each with its tokens)."""
    return _on_scratch(lambda doc: doc.tokenize(text, lenient=lenient, escapes=escapes,
                                                runon=runon).sentences)


def tokenize_columns(text, *, lenient=False, escapes=False, runon=True):
    """The tokens of `text` as Columns (arrays of offsets, kinds, flags): the batch API."""
    return _on_scratch(lambda doc: doc.tokenize(text, lenient=lenient, escapes=escapes,
                                                runon=runon).columns())
