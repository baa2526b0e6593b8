"""libvnseg for Python: Vietnamese token handling at C speed, through ctypes (no compile step).

    import vnseg
    for t in vnseg.tokenize("Tổng_thống Nga Vladimir_Putin ( phải ) hồi tháng 4/2019 ."):
        print(t.text, t.kind, t.start, t.end, t.syllables)

The shared library is found through VNSEG_LIBRARY (a path), a build tree above this package,
or the system, in that order (vnseg.library_path says which was loaded). Capabilities that
the loaded library lacks (modules added later) raise NotImplementedError; `vnseg.has(name)`
tells which are there.
"""
from . import _lib
from ._lib import path as library_path
from ._text import convert_offsets
from .detok import Detokenized, detokenize, detokenize_text
from .errors import (EncodingError, FormatError, InvalidArgumentError, InvalidUTF8Error,
                     NotFoundError, Status, TooLargeError, VersionError, VnsegError,
                     VnsegIOError, VnsegMemoryError)
from .reader import Line, RawLine, Reader, read_lines, stream
from .syllable import (Syllable, SyllableFlag, Tone, is_syllable, parse_syllable,
                       tone_repair, tone_style)
from .tokenizer import (KINDS, Columns, Document, Sentence, SentenceFlag, Token, TokenFlag,
                        sentences, tokenize, tokenize_columns)

__version__ = "0.1.0"

_CAPABILITIES = {"detokenize": "vnseg_detokenize"}


def library_version():
    """The loaded library's version string (vnseg_version())."""
    return _lib.version()


def has(capability):
    """Whether the loaded library provides `capability` ("detokenize", ...)."""
    return _lib.has(_CAPABILITIES.get(capability, capability))


__all__ = [
    "Columns", "Detokenized", "Document", "EncodingError", "FormatError",
    "InvalidArgumentError", "InvalidUTF8Error", "KINDS", "Line", "NotFoundError", "RawLine",
    "Reader", "Sentence", "SentenceFlag", "Status", "Syllable", "SyllableFlag", "Token",
    "TokenFlag", "Tone", "TooLargeError", "VersionError", "VnsegError", "VnsegIOError",
    "VnsegMemoryError", "convert_offsets", "detokenize", "detokenize_text", "has",
    "is_syllable", "library_path", "library_version", "parse_syllable", "read_lines",
    "sentences", "stream", "tokenize", "tokenize_columns", "tone_repair", "tone_style",
]
