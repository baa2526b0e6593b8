"""Vietnamese syllables: check, parse, and tone-mark placement (old/new style, repair)."""
import ctypes
import enum
from operator import itemgetter

from ._lib import SyllableStruct, lib
from ._text import call_into_buffer, to_bytes
from .errors import check

TONE_STYLE_NEW, TONE_STYLE_OLD, TONE_REPAIR = 1, 2, 1 << 8
_STYLES = {"new": TONE_STYLE_NEW, "old": TONE_STYLE_OLD}


class Tone(enum.IntEnum):
    """The six tones (vnseg_tone)."""
    NGANG = 0
    HUYEN = 1
    SAC = 2
    HOI = 3
    NGA = 4
    NANG = 5


class SyllableFlag(enum.IntFlag):
    """VNSEG_SYL_* bits."""
    CAPITALIZED = 1 << 0
    ALL_CAPS = 1 << 1
    MIXED_CASE = 1 << 2
    OLD_STYLE = 1 << 3
    NEW_STYLE = 1 << 4
    NOT_NFC = 1 << 5
    GI_SHARED = 1 << 6
    MARGINAL = 1 << 7


class Syllable(tuple):
    """A parsed syllable: the texts of its parts (`onset`, `medial`, `nucleus`, `coda`,
    `tone_letter`; "" when absent), `tone` (a Tone), `flags` (SyllableFlag) and `spans`, a
    dict of part name -> (start, end) str indices into the parsed string."""
    __slots__ = ()
    onset = property(itemgetter(0))
    medial = property(itemgetter(1))
    nucleus = property(itemgetter(2))
    coda = property(itemgetter(3))
    tone_letter = property(itemgetter(4))
    tone = property(itemgetter(5))
    flags = property(itemgetter(6))
    spans = property(itemgetter(7))

    def __repr__(self):
        return "Syllable(onset=%r, medial=%r, nucleus=%r, coda=%r, tone=%s)" % (
            self[0], self[1], self[2], self[3], self[5].name)


_PARTS = ("onset", "medial", "nucleus", "coda", "tone_letter")


def is_syllable(s):
    """Whether `s` (str or UTF-8 bytes) is exactly one well-formed Vietnamese syllable."""
    data, _ = to_bytes(s)
    return lib.vnseg_syllable_check(data, len(data)) == 1


def parse_syllable(s):
    """Parse one syllable into a Syllable; raises InvalidArgumentError (with the library's
    reason) when `s` is not one."""
    data, _ = to_bytes(s)
    out = SyllableStruct()
    out.size = ctypes.sizeof(SyllableStruct)
    check(lib.vnseg_syllable_parse(data, len(data), ctypes.byref(out)))
    texts, spans = [], {}
    for name in _PARTS:
        part = getattr(out, name)
        piece = data[part.offset:part.offset + part.length].decode("utf-8")
        start = len(data[:part.offset].decode("utf-8"))
        texts.append(piece)
        spans[name] = (start, start + len(piece))
    return tuple.__new__(Syllable, (*texts, Tone(out.tone), SyllableFlag(out.flags), spans))


def _rewrite(fn, args, text):
    data, s = to_bytes(text)
    out = call_into_buffer(fn, (data, len(data)) + args, len(data) + 16)
    return out.decode("utf-8") if s is not None else out


def tone_style(text, style="new", repair=False):
    """`text` with every syllable's tone mark in the `style` "new" (hoà, thuỷ) or "old"
    (hòa, thủy), also repairing misplaced marks when `repair`. str in, str out; bytes in,
    bytes out (invalid UTF-8 is copied through)."""
    try:
        code = _STYLES[style] if isinstance(style, str) else int(style)
    except KeyError:
        raise ValueError("style must be 'new' or 'old', not %r" % style) from None
    return _rewrite(lib.vnseg_tone_style, (code | (TONE_REPAIR if repair else 0),), text)


def tone_repair(text):
    """`text` with misplaced tone marks and horns moved where the syllable leaves one reading
    (baỏ -> bảo, hòang -> hoàng, lựơng -> lượng); the placement style is kept."""
    return _rewrite(lib.vnseg_tone_repair, (), text)
