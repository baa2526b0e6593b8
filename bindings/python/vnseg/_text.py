"""Text in and out of C: str/bytes to UTF-8, snprintf-style output buffers, offset units."""
import ctypes
from array import array

from ._lib import lib
from .errors import Status, check

UNITS = {"byte": 0, "bytes": 0, "codepoint": 1, "str": 1, "char": 1, "utf16": 2, "utf-16": 2}


def to_bytes(text):
    """(UTF-8 bytes, the str or None). A str is encoded strictly (lone surrogates raise
    UnicodeEncodeError); bytes-like input is taken as it is (copied when mutable)."""
    if isinstance(text, str):
        return text.encode("utf-8"), text
    if isinstance(text, bytes):
        return text, None
    if isinstance(text, (bytearray, memoryview)):
        return bytes(text), None
    raise TypeError("expected str or bytes, not %s" % type(text).__name__)


def decode(data, lenient):
    """The str whose indices token offsets count: strict UTF-8, or each maximal ill-formed
    subsequence as one U+FFFD (what the library counts in lenient mode)."""
    return data.decode("utf-8", "replace" if lenient else "strict")


def call_into_buffer(fn, args, guess):
    """Call fn(*args, buf, cap, &len) (the library's snprintf protocol) and return the bytes."""
    n = ctypes.c_size_t()
    cap = max(guess, 16)
    buf = ctypes.create_string_buffer(cap)
    status = fn(*args, buf, cap, ctypes.byref(n))
    if status == Status.BUFFER:
        cap = n.value
        buf = ctypes.create_string_buffer(max(cap, 1))
        status = fn(*args, buf, cap, ctypes.byref(n))
    check(status)
    return buf.raw[:n.value]


def unit_code(unit):
    try:
        return UNITS[unit] if isinstance(unit, str) else int(unit)
    except KeyError:
        raise ValueError("unknown unit %r (byte, codepoint, utf16)" % unit) from None


def convert_offsets(text, offsets, source="byte", target="codepoint"):
    """Convert offsets into `text` (str or UTF-8 bytes) between units: "byte" (UTF-8 bytes),
    "codepoint" or "str" (Python str indices), "utf16" (JavaScript/Java indices). Offsets
    inside a character move back to its start; ill-formed UTF-8 counts one U+FFFD per maximal
    ill-formed subsequence, as bytes.decode("utf-8", "replace") does. Returns a list."""
    data, _ = to_bytes(text)
    vals = array("Q", offsets)
    if vals:
        check(lib.vnseg_offsets_convert(data, len(data), unit_code(source), unit_code(target),
                                        vals.buffer_info()[0], len(vals)))
    return vals.tolist()
