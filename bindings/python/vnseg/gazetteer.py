"""Gazetteers (name lists compiled for lookup) and the entity scanner (entities.h)."""
import ctypes
import enum
import os
import threading
from collections import namedtuple
from functools import partial

from ._lib import GazEntry, MentionStruct, lib, require
from ._handle import Handle
from ._text import call_into_buffer, convert_offsets, to_bytes
from .errors import check
from .tokenizer import Document

GAZ_FOLD_CASE = 1
KEY_FOLD_CASE = 1
OPEN_VERIFY = 1
NO_ENTRY = 0xFFFFFFFF

SCAN_NO_HEURISTICS, SCAN_NO_GLUED, SCAN_NO_HEADS, SCAN_NO_LINKS = 1, 2, 4, 8

# Parts of the default gazetteer (VNSEG_GAZ_DEFAULT_*).
DEFAULT_PARTS = {"countries": 1, "languages": 2, "cities": 4, "provinces": 8, "bodies": 16,
                 "all": 0x1f}

Entry = namedtuple("Entry", "name type id canonical")
Entry.__doc__ = """A gazetteer entry: `name` as given, `type` ("PER", "LOC", "ORG", "MISC" or a
user type), canonical `id` ("" when none) and `canonical` name."""


class MentionFlag(enum.IntFlag):
    """VNSEG_MF_* bits of a mention."""
    PARTIAL = 1 << 0
    HEAD = 1 << 1
    CUED = 1 << 2
    FOREIGN = 1 << 3
    ACRONYM = 1 << 4
    SENTENCE_START = 1 << 5


Mention = namedtuple("Mention", "text type source canonical id entry start end byte_start "
                     "byte_end first_token token_count flags link")
Mention.__doc__ = """A named-entity mention.

text        its text in the input (input[m.start:m.end])
type        "PER", "LOC", "ORG", "MISC" or a user type of the gazetteer
source      "gazetteer" or "heuristic"
canonical   canonical name; id: canonical id ("" when none); entry: the gazetteer Entry or None
start, end  str indices in the input; byte_start, byte_end: offsets in its UTF-8 bytes
first_token, token_count  the tokens it overlaps (tokens[first_token:first_token+token_count])
flags       MentionFlag bits; link: index of the mention giving this one's full name, or None
"""


_require = partial(require, "vnseg_gazetteer_default", "gazetteer")


def _string(ptr, n):
    return ctypes.string_at(ptr, n).decode("utf-8", "replace") if n else ""


def _path(path):
    return os.fsencode(path)


def lookup_key(name, *, fold_case=False):
    """The form under which gazetteers compare names (vnseg_lookup_key): NFC, separators
    made one space, tone marks in the new style, case kept on initials unless `fold_case`.
    str in, str out; bytes in, bytes out."""
    require("vnseg_lookup_key", "gazetteer")
    data, s = to_bytes(name)
    out = call_into_buffer(lib.vnseg_lookup_key,
                           (data, len(data), KEY_FOLD_CASE if fold_case else 0),
                           len(data) + 16)
    return out.decode("utf-8", "replace") if s is not None else out


class GazetteerBuilder(Handle):
    """Collects entries (from code, TSV text or files, the default lists) and builds a
    Gazetteer. Owns a C builder: close it, or use it as a context manager. One thread at a
    time.

        with vnseg.GazetteerBuilder() as b:
            b.add("Hội An", "LOC", id="city:hoian")
            b.add_tsv("Liên_Hợp_Quốc\\tORG\\tun\\tLiên Hợp Quốc\\n")
            gaz = b.build()
    """
    _free = "vnseg_gazetteer_builder_free"
    _name = "GazetteerBuilder"

    def __init__(self, *, fold_case=False):
        _require()
        self._handle = None
        handle = ctypes.c_void_p()
        check(lib.vnseg_gazetteer_builder_new(GAZ_FOLD_CASE if fold_case else 0,
                                              ctypes.byref(handle)))
        self._handle = handle.value


    def __len__(self):
        """Entries held now (removed ones and duplicates not counted)."""
        return lib.vnseg_gazetteer_builder_count(self._h())

    def type_id(self, name):
        """The id of type `name`, registering a user type when new."""
        data, _ = to_bytes(name)
        out = ctypes.c_uint32()
        check(lib.vnseg_gazetteer_builder_type(self._h(), data, len(data), ctypes.byref(out)))
        return out.value

    def add(self, name, type="MISC", *, id="", canonical=""):
        """Add one entry: `type` is a type name ("PER", "LOC", "ORG", "MISC" or your own) or
        id. Returns the builder."""
        h = self._h()
        tid = type if isinstance(type, int) else self.type_id(type)
        n, _ = to_bytes(name)
        i, _ = to_bytes(id or b"")
        c, _ = to_bytes(canonical or b"")
        bufs = [ctypes.create_string_buffer(x, len(x) or 1) for x in (n, i, c)]
        e = GazEntry(ctypes.addressof(bufs[0]), len(n), ctypes.addressof(bufs[1]), len(i),
                     ctypes.addressof(bufs[2]), len(c), tid, 0)
        check(lib.vnseg_gazetteer_builder_add(h, ctypes.byref(e)))
        return self

    def remove(self, name):
        """Remove every entry added so far under the key of `name` (TSV type `-`)."""
        data, _ = to_bytes(name)
        check(lib.vnseg_gazetteer_builder_remove(self._h(), data, len(data)))
        return self

    def add_tsv(self, text):
        """Add TSV text (`NAME<TAB>TYPE[<TAB>ID[<TAB>CANONICAL]]` lines; gazetteer.h). All or
        nothing: a bad line raises FormatError with its `line` and byte `offset`."""
        data, _ = to_bytes(text)
        check(lib.vnseg_gazetteer_builder_add_tsv(self._h(), data, len(data)))
        return self

    def add_file(self, path):
        """Add a TSV file (FormatError as add_tsv, VnsegIOError when it cannot be read)."""
        check(lib.vnseg_gazetteer_builder_add_file(self._h(), _path(path)))
        return self

    def add_defaults(self, parts="all"):
        """Add built-in lists: "all", or names from "countries", "languages", "cities",
        "provinces", "bodies" (a string or a list of them), or the VNSEG_GAZ_DEFAULT_* bits."""
        if isinstance(parts, str):
            parts = [parts]
        if not isinstance(parts, int):
            bits = 0
            for p in parts:
                try:
                    bits |= DEFAULT_PARTS[p]
                except KeyError:
                    raise ValueError("unknown default part %r (%s)"
                                     % (p, ", ".join(DEFAULT_PARTS))) from None
            parts = bits
        check(lib.vnseg_gazetteer_builder_add_defaults(self._h(), parts))
        return self

    def build(self):
        """A new Gazetteer from the entries held (the builder stays usable)."""
        out = ctypes.c_void_p()
        check(lib.vnseg_gazetteer_builder_build(self._h(), ctypes.byref(out)))
        return Gazetteer._wrap(out.value)

    def __repr__(self):
        return ("<vnseg.GazetteerBuilder closed>" if not self._handle
                else "<vnseg.GazetteerBuilder %d entries>" % len(self))


class Gazetteer(Handle):
    """A built or opened gazetteer (immutable; any number of threads may use it at once).
    Owns its C object: close it, or use it as a context manager.

    Make one with Gazetteer.from_tsv(text), Gazetteer.load(tsv_path), Gazetteer.open(path)
    (a compiled file), Gazetteer.from_bytes(data), Gazetteer.default(), or a
    GazetteerBuilder. `save(path)` compiles it to a file; `lookup(name)` gives its entries.
    """
    _free = "vnseg_gazetteer_free"
    _name = "Gazetteer"

    def __init__(self, *a, **k):
        raise TypeError("use Gazetteer.from_tsv, load, open, from_bytes, default or "
                        "GazetteerBuilder().build()")

    @classmethod
    def _wrap(cls, handle, keep=None):
        self = object.__new__(cls)
        self._handle, self._keep = handle, keep
        return self

    @classmethod
    def from_tsv(cls, text, *, fold_case=False, defaults=False):
        """A gazetteer of TSV text (str or bytes), after the default lists when `defaults`."""
        with GazetteerBuilder(fold_case=fold_case) as b:
            if defaults:
                b.add_defaults(defaults if not isinstance(defaults, bool) else "all")
            return b.add_tsv(text).build()

    @classmethod
    def load(cls, path, *, fold_case=False, defaults=False):
        """A gazetteer of a TSV file, after the default lists when `defaults`."""
        with GazetteerBuilder(fold_case=fold_case) as b:
            if defaults:
                b.add_defaults(defaults if not isinstance(defaults, bool) else "all")
            return b.add_file(path).build()

    @classmethod
    def open(cls, path, *, verify=False):
        """Map a compiled gazetteer file (save()) read-only, in constant time; `verify` also
        checks all of it. FormatError, VersionError, VnsegIOError on a bad file."""
        _require()
        out = ctypes.c_void_p()
        check(lib.vnseg_gazetteer_open(_path(path), OPEN_VERIFY if verify else 0,
                                       ctypes.byref(out)))
        return cls._wrap(out.value)

    @classmethod
    def from_bytes(cls, data, *, verify=False):
        """A compiled gazetteer held in memory (the bytes of a file save() wrote); the bytes
        are copied into an aligned buffer the gazetteer keeps."""
        _require()
        data = bytes(data)
        buf = (ctypes.c_uint64 * ((len(data) + 7) // 8 or 1))()
        ctypes.memmove(buf, data, len(data))
        out = ctypes.c_void_p()
        check(lib.vnseg_gazetteer_open_memory(buf, len(data), OPEN_VERIFY if verify else 0,
                                              ctypes.byref(out)))
        return cls._wrap(out.value, buf)

    @classmethod
    def default(cls):
        """The built-in lists (countries, languages, cities, provinces, bodies): some
        milliseconds to build, so build it once (vnseg.default_gazetteer() caches one)."""
        _require()
        out = ctypes.c_void_p()
        check(lib.vnseg_gazetteer_default(ctypes.byref(out)))
        return cls._wrap(out.value)

    def close(self):
        Handle.close(self)
        self._keep = None

    # -- contents --
    def save(self, path):
        """Write the compiled file (replacing `path` through a rename)."""
        check(lib.vnseg_gazetteer_save(self._h(), _path(path)))

    @property
    def data(self):
        """The compiled image as bytes (what save() writes)."""
        n = ctypes.c_size_t()
        ptr = lib.vnseg_gazetteer_data(self._h(), ctypes.byref(n))
        return ctypes.string_at(ptr, n.value)

    def verify(self):
        """Check all of it (checksum, every reference); FormatError when corrupt."""
        check(lib.vnseg_gazetteer_verify(self._h()))

    @property
    def fold_case(self):
        return bool(lib.vnseg_gazetteer_flags(self._h()) & GAZ_FOLD_CASE)

    @property
    def types(self):
        """The type names, by id ("PER", "LOC", "ORG", "MISC", then user types)."""
        h = self._h()
        return [lib.vnseg_gazetteer_type_name(h, t).decode()
                for t in range(lib.vnseg_gazetteer_type_count(h))]

    def type_id(self, name):
        """The id of type `name`; NotFoundError when it has none."""
        data, _ = to_bytes(name)
        out = ctypes.c_uint32()
        check(lib.vnseg_gazetteer_type_id(self._h(), data, len(data), ctypes.byref(out)))
        return out.value

    def type_name(self, type_id):
        name = lib.vnseg_gazetteer_type_name(self._h(), type_id)
        return name.decode() if name else None

    def __len__(self):
        return lib.vnseg_gazetteer_entry_count(self._h())

    def __getitem__(self, index):
        """Entry `index` (0 .. len - 1)."""
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("gazetteer entry index out of range")
        e = GazEntry()
        check(lib.vnseg_gazetteer_entry(self._h(), index, ctypes.byref(e)))
        return Entry(_string(e.name, e.name_len), self.type_name(e.type),
                     _string(e.id, e.id_len), _string(e.canonical, e.canonical_len))

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def lookup(self, name):
        """The entries of `name` (matched through its lookup key), the primary one (added
        last) first; [] when it is no name of the gazetteer."""
        data, _ = to_bytes(name)
        first, count = ctypes.c_size_t(), ctypes.c_size_t()
        status = lib.vnseg_gazetteer_lookup(self._h(), data, len(data), ctypes.byref(first),
                                            ctypes.byref(count))
        if status == -8:  # NOT_FOUND
            return []
        check(status)
        return [self[i] for i in range(first.value, first.value + count.value)]

    def __contains__(self, name):
        return bool(self.lookup(name))

    def __repr__(self):
        return ("<vnseg.Gazetteer closed>" if not self._handle
                else "<vnseg.Gazetteer %d entries>" % len(self))


_default = None
_default_lock = threading.Lock()


def default_gazetteer():
    """One process-wide Gazetteer.default(), built on first use (do not close it)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Gazetteer.default()
        return _default


def _scan(doc, gaz, options):
    require("vnseg_scan_entities", "entity scanner")
    m = lib.vnseg_mentions_new()
    if not m:
        raise MemoryError("vnseg_mentions_new")
    try:
        gh = gaz._h() if gaz is not None else None
        check(lib.vnseg_scan_entities(m, doc._h(), gh, options))
        n = lib.vnseg_mentions_count(m)
        size = ctypes.sizeof(MentionStruct)
        blob = ctypes.string_at(lib.vnseg_mentions_get(m), size * n) if n else b""
        raw = [MentionStruct.from_buffer_copy(blob, size * i) for i in range(n)]
        names, ids = [], []
        ptr, length = ctypes.c_void_p(), ctypes.c_size_t()
        for i in range(n):
            check(lib.vnseg_mention_canonical(m, i, ctypes.byref(ptr), ctypes.byref(length)))
            names.append(_string(ptr.value, length.value))
            check(lib.vnseg_mention_id(m, i, ctypes.byref(ptr), ctypes.byref(length)))
            ids.append(_string(ptr.value, length.value))
    finally:
        lib.vnseg_mentions_free(m)
    data = doc.data
    flat = []
    for r in raw:
        flat += (r.offset, r.offset + r.length)
    conv = convert_offsets(data, flat, "byte", "codepoint")
    text = doc.text
    sources = {}
    out = []
    for k, r in enumerate(raw):
        start, end = conv[2 * k], conv[2 * k + 1]
        if r.source not in sources:
            sources[r.source] = lib.vnseg_source_name(r.source).decode()
        type_name = lib.vnseg_gazetteer_type_name(gh, r.type)
        out.append(Mention(
            text[start:end], type_name.decode() if type_name else str(r.type),
            sources[r.source], names[k], ids[k],
            gaz[r.entry] if gaz is not None and r.entry != NO_ENTRY else None,
            start, end, r.offset, r.offset + r.length, r.first_token, r.token_count,
            MentionFlag(r.flags), None if r.link == NO_ENTRY else r.link))
    return out


def entities(text, gazetteer=None, *, heuristics=True, glued=True, heads=True, links=True,
             lenient=False, escapes=False):
    """The named-entity mentions of segmented text (str, bytes, or a tokenized Document),
    in text order, as a list of Mention. `gazetteer`: a Gazetteer, "default" for the built-in
    lists (vnseg.default_gazetteer()), or None for the rules alone. The other switches turn
    rules off (entities.h): `heuristics` (names on no list), `glued` (names inside glued
    words), `heads` (head nouns in LOC/ORG spans), `links` (short person names to full ones).
    Offsets index the text (for a Document: doc.text and doc.data)."""
    if isinstance(gazetteer, str):
        if gazetteer != "default":
            raise ValueError("gazetteer must be a Gazetteer, 'default' or None")
        gazetteer = default_gazetteer()
    options = ((0 if heuristics else SCAN_NO_HEURISTICS) | (0 if glued else SCAN_NO_GLUED)
               | (0 if heads else SCAN_NO_HEADS) | (0 if links else SCAN_NO_LINKS))
    if isinstance(text, Document):
        return _scan(text, gazetteer, options)
    with Document(text, lenient=lenient, escapes=escapes) as doc:
        return _scan(doc, gazetteer, options)
