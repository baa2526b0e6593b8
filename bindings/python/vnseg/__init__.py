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
from .gazetteer import (Entry, Gazetteer, GazetteerBuilder, Mention, MentionFlag,
                        default_gazetteer, entities, lookup_key)
from .normalize import (Normalized, Piece, Step, decode, detect_encoding, encode,
                        encoding_scores, normalize, normalize_text)
from .reader import Line, RawLine, Reader, read_lines, stream
from .segmenter import (Model, ModelInfo, SegmentedDocument, Segmenter, Trainer, segment,
                        tokenize_raw)
from .syllable import (Syllable, SyllableFlag, Tone, is_syllable, parse_syllable,
                       tone_repair, tone_style)
from .tokenizer import (KINDS, Columns, Document, Sentence, SentenceFlag, Token, TokenFlag,
                        sentences, tokenize, tokenize_columns)

__version__ = "0.1.0"

_CAPABILITIES = {"detokenize": "vnseg_detokenize", "gazetteer": "vnseg_gazetteer_default",
                 "entities": "vnseg_scan_entities", "normalize": "vnseg_normalize",
                 "segment": "vnseg_segment"}


def library_version():
    """The loaded library's version string (vnseg_version())."""
    return _lib.version()


def has(capability):
    """Whether the loaded library provides `capability`: "detokenize", "gazetteer",
    "entities", "normalize", "segment" (or the name of a C function)."""
    return _lib.has(_CAPABILITIES.get(capability, capability))


__all__ = [
    "Columns", "convert_offsets", "decode", "default_gazetteer", "detect_encoding",
    "detokenize", "detokenize_text", "Detokenized", "Document", "encode", "encoding_scores",
    "EncodingError", "entities", "Entry", "FormatError", "Gazetteer", "GazetteerBuilder", "has",
    "InvalidArgumentError", "InvalidUTF8Error", "is_syllable", "KINDS", "library_path",
    "library_version", "Line", "lookup_key", "Mention", "MentionFlag", "Model", "ModelInfo",
    "normalize", "normalize_text", "Normalized", "NotFoundError", "parse_syllable", "Piece",
    "RawLine", "read_lines", "Reader", "segment", "SegmentedDocument", "Segmenter", "Sentence",
    "SentenceFlag", "sentences", "Status", "Step", "stream", "Syllable", "SyllableFlag",
    "Token", "TokenFlag", "tokenize", "tokenize_columns", "tokenize_raw", "Tone", "tone_repair",
    "tone_style", "TooLargeError", "Trainer", "VersionError", "VnsegError", "VnsegIOError",
    "VnsegMemoryError",
]
