"""Normalization with an offset map, legacy encodings (decode, encode, detect) (normalize.h)."""
import bisect
import ctypes
import enum
from collections import namedtuple
from functools import partial

from ._lib import has, lib, require
from ._text import call_into_buffer, convert_offsets, to_bytes
from .errors import InvalidArgumentError, Status, check


class Step(enum.IntFlag):
    """Normalization steps (VNSEG_NORM_*); see normalize.h for what each does."""
    NFC = 1 << 0
    MARKS = 1 << 1
    LOOKALIKE = 1 << 2
    INVISIBLE = 1 << 3
    SPACES = 1 << 4
    TONE_NEW = 1 << 5
    TONE_OLD = 1 << 6
    REPAIR = 1 << 7
    CASEFOLD = 1 << 8
    FOLD = 1 << 9
    DEFAULT = NFC | MARKS | LOOKALIKE | INVISIBLE | SPACES
    SEARCH = DEFAULT | CASEFOLD | FOLD


NORM_LENIENT = 1 << 16
ENCODE_SUBSTITUTE = 1

ENCODINGS = ("utf8", "tcvn3", "vni", "viqr", "viscii", "cp1258", "mojibake")

Piece = namedtuple("Piece", "start end orig_start orig_end copy")
Piece.__doc__ = """One piece of the offset map: normalized [start, end) came from original
[orig_start, orig_end); `copy` when the bytes are equal (else a unit that maps as a whole)."""


_require = partial(require, "vnseg_normalize", "normalizer")


def steps_code(steps):
    """VNSEG_NORM_* bits of `steps`: an int or Step, a name ("default", "search", "nfc",
    "tone_new", "casefold", ...), or an iterable of those."""
    if isinstance(steps, int):
        return int(steps)
    if isinstance(steps, str):
        steps = steps.replace(",", " ").split()
    code = 0
    for s in steps:
        if isinstance(s, int):
            code |= int(s)
            continue
        try:
            code |= Step[s.upper().replace("-", "_")]
        except KeyError:
            raise ValueError("unknown normalization step %r (%s)" % (
                s, ", ".join(m.name.lower() for m in Step))) from None
    return code


def encoding_code(encoding):
    """The vnseg_encoding of a name ("tcvn3", "vni", "viqr", "viscii", "cp1258", "mojibake",
    "utf8" and aliases such as "abc", "windows-1258") or an int."""
    if isinstance(encoding, int):
        return encoding
    code = lib.vnseg_encoding_from_name(encoding.encode())
    if code < 0:
        raise ValueError("unknown encoding %r (%s)" % (encoding, ", ".join(ENCODINGS)))
    return code


class _Units:
    """str index <-> byte offset of one UTF-8 text, from one C conversion."""
    __slots__ = ("byte_of",)

    def __init__(self, data):
        n = len(data.decode("utf-8", "replace"))
        self.byte_of = convert_offsets(data, range(n + 1), "codepoint", "byte")

    def to_byte(self, i):
        if not 0 <= i < len(self.byte_of):
            raise InvalidArgumentError("index %d is not within the text (0..%d)" % (
                i, len(self.byte_of) - 1), Status.INVALID_ARG)
        return self.byte_of[i]

    def to_index(self, b):
        return bisect.bisect_right(self.byte_of, b) - 1


class Normalized:
    """A normalization (or legacy decoding) result: the text and its offset map.

    text          the normalized text (str); data: its UTF-8 bytes
    original      the input (str, or bytes)
    changed       whether the text differs from the input
    pieces        the map as Piece tuples in str indices (the original side in bytes for a
                  legacy decoding, whose input is no Unicode); byte_pieces: in bytes
    unmapped      (orig_start, orig_end) byte ranges of input characters that became U+FFFD

    to_original(start, end) and from_original(start, end) map spans in str indices (widened
    to whole pieces); the byte_ variants map byte offsets. The map is copied out of C at once
    (the result holds no C memory) and searched as the library does.
    """
    __slots__ = ("text", "data", "original", "original_data", "changed", "unmapped",
                 "_cols", "_legacy", "_norm_units", "_orig_units", "_byte_pieces")

    def __init__(self, text, data, original, original_data, changed, cols, unmapped, legacy):
        self.text, self.data, self.original = text, data, original
        self.original_data, self.changed = original_data, changed
        # the map as five columns (start, end, orig_start, orig_end, copy): tuples are made
        # only when asked for (byte_pieces, pieces), the mapping reads the columns
        self._cols, self.unmapped, self._legacy = cols, unmapped, legacy
        self._byte_pieces = None
        self._norm_units = self._orig_units = None

    @property
    def byte_pieces(self):
        if self._byte_pieces is None:
            c = self._cols
            self._byte_pieces = list(zip(c[0], c[1], c[2], c[3], map(bool, c[4])))
        return self._byte_pieces

    def __str__(self):
        return self.text

    def __repr__(self):
        return "Normalized(%r, changed=%s)" % (self.text, self.changed)

    def _nu(self):
        if self._norm_units is None:
            self._norm_units = _Units(self.data)
        return self._norm_units

    def _ou(self):
        if self._legacy:
            return None
        if self._orig_units is None:
            self._orig_units = _Units(self.original_data)
        return self._orig_units

    @property
    def pieces(self):
        nu, ou = self._nu(), self._ou()
        return [Piece(nu.to_index(a), nu.to_index(b),
                      ou.to_index(oa) if ou else oa, ou.to_index(ob) if ou else ob, c)
                for a, b, oa, ob, c in self.byte_pieces]

    # -- mapping (bytes), through the library's own map --
    def byte_to_original(self, start, end=None):
        """Original byte span of normalized bytes [start, end) (end defaults to start)."""
        return _map(self, True, start, start if end is None else end)

    def byte_from_original(self, start, end=None):
        """Normalized byte span of original bytes [start, end)."""
        return _map(self, False, start, start if end is None else end)

    def to_original(self, start, end=None):
        """Original span (str indices; bytes for a legacy decoding) of text[start:end]."""
        end = start if end is None else end
        nu, ou = self._nu(), self._ou()
        a, b = self.byte_to_original(nu.to_byte(start), nu.to_byte(end))
        return (ou.to_index(a), ou.to_index(b)) if ou else (a, b)

    def from_original(self, start, end=None):
        """Span of the normalized text (str indices) that original[start:end] became (for
        a legacy decoding, start and end are bytes of the input)."""
        end = start if end is None else end
        nu, ou = self._nu(), self._ou()
        if ou:
            start, end = ou.to_byte(start), ou.to_byte(end)
        a, b = self.byte_from_original(start, end)
        return (nu.to_index(a), nu.to_index(b))


def _snap_back(text, t, lo):
    while t > lo and (text[t] & 0xC0) == 0x80:
        t -= 1
    return t


def _char_end(text, t, lo, hi):
    t = _snap_back(text, t, lo)
    c = text[t]
    e = t + (1 if c < 0xC0 else 2 if c < 0xE0 else 3 if c < 0xF0 else 4)
    return min(e, hi)


def _map(norm, to_original, a, b):
    """The library's mapping (vn_map_to_source / vn_map_from_source in offset_map.c) over the
    pieces copied out of C: the piece holding a span's first and last byte gives its ends, a
    unit as a whole, a copy to the UTF-8 character (of the normalized text) holding the byte.
    test_normalize.py compares it with vnseg_norm_to_original/_from_original everywhere."""
    text = norm.data
    na, nb, oa, ob, copy = norm._cols
    tlen, slen = len(text), len(norm.original_data)
    limit = tlen if to_original else slen
    if not 0 <= a <= b <= limit:
        raise InvalidArgumentError("span [%d, %d) is not within the %s text" % (
            a, b, "normalized" if to_original else "original"), Status.INVALID_ARG)
    if to_original:
        if a >= tlen:
            return (slen, slen)
        k = bisect.bisect_right(na, a) - 1
        sa = oa[k] + (_snap_back(text, a, na[k]) - na[k]) if copy[k] else oa[k]
        if b == a:
            return (sa, sa)
        if b > nb[k]:
            k = bisect.bisect_right(na, b - 1) - 1
        sb = oa[k] + (_char_end(text, b - 1, na[k], nb[k]) - na[k]) if copy[k] else ob[k]
        return (sa, sb)
    if not len(na):
        return (0, 0)
    if a >= slen:
        return (tlen, tlen)
    k = bisect.bisect_right(oa, a) - 1
    ta = _snap_back(text, na[k] + (a - oa[k]), na[k]) if copy[k] else na[k]
    if b == a:
        return (ta, ta)
    if b > ob[k]:
        k = bisect.bisect_right(oa, b - 1) - 1
    tb = _char_end(text, na[k] + (b - 1 - oa[k]), na[k], nb[k]) if copy[k] else nb[k]
    return (ta, tb)


def _norm_text(handle):
    """The normalized UTF-8 bytes of a vnseg_norm result."""
    n = ctypes.c_size_t()
    ptr = lib.vnseg_norm_text(handle, ctypes.byref(n))
    return ctypes.string_at(ptr, n.value) if n.value else b""


def _result(handle, data, original, legacy):
    try:
        out = _norm_text(handle)
        changed = bool(lib.vnseg_norm_changed(handle))
        count = lib.vnseg_norm_piece_count(handle)
        if has("vnseg_norm_pieces"):  # the whole map in one call, kept as an array
            buf = (ctypes.c_uint64 * (5 * count or 1))()
            got = ctypes.c_size_t()
            check(lib.vnseg_norm_pieces(handle, buf, 5 * count, ctypes.byref(got)))
            q = memoryview(buf).cast("B").cast("Q")[:5 * count]
            cols = tuple(q[k::5] for k in range(5))
        else:  # a library from before vnseg_norm_pieces: one call per piece
            vals = [ctypes.c_size_t() for _ in range(4)]
            copy = ctypes.c_int()
            cols = ([], [], [], [], [])
            for i in range(count):
                check(lib.vnseg_norm_piece(handle, i, *map(ctypes.byref, vals),
                                           ctypes.byref(copy)))
                for col, v in zip(cols, (vals[0].value, vals[1].value, vals[2].value,
                                         vals[3].value, copy.value)):
                    col.append(v)
        unmapped = []
        a, b = ctypes.c_size_t(), ctypes.c_size_t()
        for i in range(lib.vnseg_norm_unmapped_count(handle)):
            check(lib.vnseg_norm_unmapped(handle, i, ctypes.byref(a), ctypes.byref(b)))
            unmapped.append((a.value, a.value + b.value))
        assert lib.vnseg_norm_original_length(handle) == len(data)
    finally:
        lib.vnseg_norm_free(handle)
    return Normalized(out.decode("utf-8", "replace"), out, original, data, changed, cols,
                      unmapped, legacy)


def normalize(text, steps="default", *, lenient=False):
    """Normalize `text` (str or UTF-8 bytes) by `steps` (Step bits, a name such as "default",
    "search", "nfc", "tone_new", "fold", or a list of names) and return a Normalized: the text
    and the offset map back to the input. Strict UTF-8 raises InvalidUTF8Error with the byte
    offset; `lenient` turns each ill-formed sequence into U+FFFD (listed in .unmapped)."""
    data, s, handle = _normalize(text, steps, lenient)
    return _result(handle, data, text if s is not None else data, False)


def normalize_text(text, steps="default", *, lenient=False):
    """Only the text of normalize(): str in, str out; bytes in, bytes out. Copies no map."""
    data, s, handle = _normalize(text, steps, lenient)
    try:
        out = _norm_text(handle)
    finally:
        lib.vnseg_norm_free(handle)
    return out.decode("utf-8", "replace") if isinstance(text, str) else out


def _normalize(text, steps, lenient):
    """Run vnseg_normalize: the input's bytes, its str (or None) and the result's handle."""
    _require()
    data, s = to_bytes(text)
    handle = ctypes.c_void_p()
    check(lib.vnseg_normalize(data, len(data), steps_code(steps) | (NORM_LENIENT if lenient
                                                                     else 0),
                              ctypes.byref(handle)))
    return data, s, handle.value


def decode(data, encoding, steps=0, *, lenient=False):
    """Decode bytes of a legacy Vietnamese encoding ("tcvn3", "vni", "viqr", "viscii",
    "cp1258", "mojibake" to repair, "utf8"; or "auto" to detect it) into a Normalized whose
    map points into those bytes (.text is the str; .unmapped the characters that could not be
    decoded, each U+FFFD in the text). `steps` are applied after decoding, as normalize()."""
    _require()
    data, _ = to_bytes(data)  # a str (VIQR, mojibake) is taken as its UTF-8 bytes
    if encoding == "auto":
        encoding = detect_encoding(data)[0]
    code = encoding_code(encoding)
    handle = ctypes.c_void_p()
    check(lib.vnseg_decode_legacy(data, len(data), code,
                                  steps_code(steps) | (NORM_LENIENT if lenient else 0),
                                  ctypes.byref(handle)))
    return _result(handle.value, data, data, code != 0)


def encode(text, encoding, errors="strict"):
    """Encode `text` (str or UTF-8 bytes, any normalization form) in a legacy encoding and
    return bytes. A character the encoding lacks raises EncodingError with its byte offset in
    the UTF-8 input, or becomes `?` with errors="replace"."""
    _require()
    if errors not in ("strict", "replace"):
        raise ValueError("errors must be 'strict' or 'replace'")
    data, _ = to_bytes(text)
    opts = ENCODE_SUBSTITUTE if errors == "replace" else 0
    return call_into_buffer(lib.vnseg_encode_legacy, (data, len(data), encoding_code(encoding),
                                                      opts), 2 * len(data) + 16)


def detect_encoding(data):
    """(encoding name, confidence in [0, 1]) for bytes: the encoding in which a sample reads
    best as Vietnamese ("utf8" with confidence 0 for plain ASCII without Vietnamese)."""
    _require()
    data, _ = to_bytes(data)
    enc, conf = ctypes.c_int(), ctypes.c_double()
    check(lib.vnseg_detect_encoding(data, len(data), ctypes.byref(enc), ctypes.byref(conf)))
    return lib.vnseg_encoding_name(enc.value).decode(), conf.value


def encoding_scores(data):
    """{encoding name: score in [0, 1]} for every encoding, on the same sample."""
    _require()
    data, _ = to_bytes(data)
    scores = (ctypes.c_double * len(ENCODINGS))()
    check(lib.vnseg_detect_scores(data, len(data), scores, len(ENCODINGS)))
    return {lib.vnseg_encoding_name(i).decode(): scores[i] for i in range(len(ENCODINGS))}
