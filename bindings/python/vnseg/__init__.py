"""libvnseg for Python: Vietnamese token handling at C speed, through ctypes (no compile step).

    import vnseg
    for t in vnseg.tokenize("Tổng_thống Nga Vladimir_Putin ( phải ) hồi tháng 4/2019 ."):
        print(t.text, t.kind, t.start, t.end, t.syllables)

The shared library is found through VNSEG_LIBRARY (a path), a build tree above this package,
or the system, in that order (vnseg.library_path says which was loaded).
"""
from ._lib import path as library_path
from ._lib import version as _version
from ._text import convert_offsets
from .errors import (EncodingError, FormatError, InvalidArgumentError, InvalidUTF8Error,
                     NotFoundError, Status, TooLargeError, VersionError, VnsegError,
                     VnsegIOError, VnsegMemoryError)
from .tokenizer import (KINDS, Columns, Document, Sentence, SentenceFlag, Token, TokenFlag,
                        sentences, tokenize, tokenize_columns)

__version__ = "0.1.0"


def library_version():
    """The loaded library's version string (vnseg_version())."""
    return _version()


__all__ = [
    "Columns", "Document", "EncodingError", "FormatError", "InvalidArgumentError",
    "InvalidUTF8Error", "KINDS", "NotFoundError", "Sentence", "SentenceFlag", "Status",
    "Token", "TokenFlag", "TooLargeError", "VersionError", "VnsegError", "VnsegIOError",
    "VnsegMemoryError", "convert_offsets", "library_path", "library_version", "sentences",
    "tokenize", "tokenize_columns",
]
