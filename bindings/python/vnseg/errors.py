"""Exceptions carrying the library's message, status, byte offset and line (vnseg_error_last)."""
import enum

from ._lib import lib


class Status(enum.IntEnum):
    """vnseg_status codes (common.h)."""
    OK = 0
    NOMEM = -1
    INVALID_UTF8 = -2
    INVALID_ARG = -3
    TOO_LARGE = -4
    IO = -5
    FORMAT = -6
    VERSION = -7
    NOT_FOUND = -8
    BUFFER = -9
    ENCODING = -10


class VnsegError(Exception):
    """A libvnseg call failed.

    Attributes: `message` (the library's text), `status` (a Status), `offset` (byte offset in
    the input where it happened, or None), `line` (1-based line for file parsers and streams,
    or None).
    """

    def __init__(self, message, status, offset=None, line=None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.offset = offset
        self.line = line

    def __str__(self):
        return self.message


class InvalidUTF8Error(VnsegError, ValueError):
    """Strict mode met bytes that are not UTF-8 (`offset` says where)."""


class InvalidArgumentError(VnsegError, ValueError):
    """A bad argument: unknown option, index out of range, not a syllable, ..."""


class TooLargeError(VnsegError, OverflowError):
    """An input beyond what the library can index."""


class VnsegIOError(VnsegError, OSError):
    """Reading or writing a file failed."""


class FormatError(VnsegError, ValueError):
    """A data file (TSV, model, gazetteer) is malformed."""


class VersionError(VnsegError):
    """A data file or struct comes from an incompatible version."""


class NotFoundError(VnsegError, LookupError):
    """A named resource does not exist."""


class VnsegMemoryError(VnsegError, MemoryError):
    """The library ran out of memory (nothing was leaked)."""


class EncodingError(VnsegError, ValueError):
    """A character cannot be represented in the target encoding."""


_CLASSES = {
    Status.NOMEM: VnsegMemoryError,
    Status.INVALID_UTF8: InvalidUTF8Error,
    Status.INVALID_ARG: InvalidArgumentError,
    Status.TOO_LARGE: TooLargeError,
    Status.IO: VnsegIOError,
    Status.FORMAT: FormatError,
    Status.VERSION: VersionError,
    Status.NOT_FOUND: NotFoundError,
    Status.ENCODING: EncodingError,
}

_NO_OFFSET = (1 << 64) - 1


def last_error(status, offset_base=0, line=None):
    """The exception for a failed call that returned `status`, from vnseg_error_last() (read
    right after the call, on the same thread). `offset_base` is added to the byte offset (the
    position of the buffer in a larger stream); `line` overrides the line."""
    e = lib.vnseg_error_last().contents
    try:
        code = Status(status)
    except ValueError:
        code = status
    message = (e.message or b"").decode("utf-8", "replace")
    if e.status != status or not message:
        message = lib.vnseg_status_message(status).decode()
    offset = None if e.status != status or e.offset == _NO_OFFSET else e.offset + offset_base
    if line is None and e.status == status and e.line:
        line = e.line
    return _CLASSES.get(code, VnsegError)(message, code, offset, line)


def check(status, offset_base=0, line=None):
    """Raise the exception for `status` unless it is OK."""
    if status != 0:
        raise last_error(status, offset_base, line)
