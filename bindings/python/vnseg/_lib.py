"""Find and load libvnseg, declare its C prototypes and check struct layouts against it.

Lookup order: the VNSEG_LIBRARY environment variable (a file, or a folder holding
libvnseg.so.0), then the build trees of the source tree this package sits in
(build*/libvnseg/libvnseg.so*), then the system (ctypes.util.find_library, libvnseg.so.0). A layout mismatch raises ImportError: a
binding that misread the library's memory would return wrong offsets silently.
"""
import ctypes
import ctypes.util
import glob
import os

from ctypes import (POINTER, Structure, c_char_p, c_double, c_int, c_size_t, c_uint,
                    c_uint16, c_uint32, c_uint64, c_void_p)

# The library version this package was written for: the major version must match.
ABI_MAJOR = 0

_NAMES = ("libvnseg.so.0", "libvnseg.so", "libvnseg.0.dylib", "libvnseg.dylib")


class Error(Structure):
    _fields_ = [("status", c_int), ("offset", c_uint64), ("line", c_uint64),
                ("message", c_char_p)]


class TokenStruct(Structure):
    _fields_ = [("offset", c_uint64), ("length", c_uint32), ("flags", c_uint32),
                ("syllables", c_uint32), ("kind", c_uint16), ("reserved", c_uint16)]


class SentenceStruct(Structure):
    _fields_ = [("offset", c_uint64), ("length", c_uint64), ("first_token", c_uint64),
                ("token_count", c_uint64), ("flags", c_uint32), ("line", c_uint32)]


class Span(Structure):
    _fields_ = [("offset", c_uint64), ("length", c_uint64)]


class LineStruct(Structure):
    _fields_ = [("data", c_void_p), ("length", c_size_t), ("offset", c_uint64),
                ("number", c_uint64), ("flags", c_uint32)]


class SyllablePart(Structure):
    _fields_ = [("offset", c_uint32), ("length", c_uint32)]


class SyllableStruct(Structure):
    _fields_ = [("size", c_uint32), ("flags", c_uint32), ("onset", SyllablePart),
                ("medial", SyllablePart), ("nucleus", SyllablePart), ("coda", SyllablePart),
                ("tone_letter", SyllablePart), ("tone", c_uint32)]


class Allocator(Structure):
    _fields_ = [("malloc", c_void_p), ("realloc", c_void_p), ("free", c_void_p),
                ("ctx", c_void_p)]


class GazEntry(Structure):
    _fields_ = [("name", c_void_p), ("name_len", c_size_t), ("id", c_void_p),
                ("id_len", c_size_t), ("canonical", c_void_p), ("canonical_len", c_size_t),
                ("type", c_uint32), ("reserved", c_uint32)]


class MentionStruct(Structure):
    _fields_ = [("offset", c_uint64), ("length", c_uint64), ("first_token", c_uint64),
                ("token_count", c_uint32), ("type", c_uint32), ("entry", c_uint32),
                ("link", c_uint32), ("source", c_uint16), ("flags", c_uint16),
                ("reserved", c_uint32)]


class ModelInfoStruct(Structure):
    _fields_ = [("version", c_uint32), ("kind", c_uint32), ("hash_bits", c_uint32),
                ("max_word", c_uint32), ("lexicon_words", c_uint64), ("file_bytes", c_uint64),
                ("train_sentences", c_uint64), ("train_syllables", c_uint64)]


class TrainOptions(Structure):
    _fields_ = [("size", c_uint32), ("epochs", c_uint32), ("hash_bits", c_uint32),
                ("reserved", c_uint32), ("seed", c_uint64)]


# vnseg_struct_id values (ffi.h) and the ctypes layout this package reads them with.
LAYOUTS = {1: Error, 2: Allocator, 3: TokenStruct, 4: SentenceStruct, 5: Span, 6: LineStruct,
           7: SyllableStruct, 8: SyllablePart, 9: GazEntry, 10: MentionStruct,
           11: ModelInfoStruct, 12: TrainOptions}
# Ids added with later modules: a library older than them reports size 0 (and lacks the
# module's functions, which are then not bound).
LATER_LAYOUTS = {9, 10, 11, 12}

UNIT_BYTE, UNIT_CODEPOINT, UNIT_UTF16 = 0, 1, 2

vp, sz, st = c_void_p, c_size_t, c_int  # handles, sizes, vnseg_status
u64p = POINTER(c_uint64)
szp, u32p = POINTER(c_size_t), POINTER(c_uint32)

# name: (restype, argtypes). Every function the package calls; `optional` ones come from
# modules that may not exist in the loaded library (bound when present).
PROTOTYPES = {
    "vnseg_error_last": (POINTER(Error), []),
    "vnseg_status_message": (c_char_p, [c_int]),
    "vnseg_version": (c_char_p, []),
    "vnseg_version_number": (c_uint32, []),
    "vnseg_struct_size": (sz, [c_int]),
    "vnseg_offsets_convert": (st, [c_char_p, sz, c_int, c_int, vp, sz]),
    "vnseg_doc_new": (vp, []),
    "vnseg_doc_free": (None, [vp]),
    "vnseg_tokenize": (st, [vp, c_char_p, sz, c_uint32]),
    "vnseg_doc_token_count": (sz, [vp]),
    "vnseg_doc_tokens": (vp, [vp]),
    "vnseg_doc_sentence_count": (sz, [vp]),
    "vnseg_doc_sentences": (vp, [vp]),
    "vnseg_doc_line_count": (sz, [vp]),
    "vnseg_doc_token_offsets": (st, [vp, c_int, vp, sz, POINTER(sz)]),
    "vnseg_doc_next_syllable": (c_int, [vp, sz, POINTER(sz), POINTER(Span)]),
    "vnseg_doc_token_form": (st, [vp, sz, c_uint32, c_char_p, sz, POINTER(sz)]),
    "vnseg_kind_name": (c_char_p, [c_int]),
    "vnseg_flag_name": (c_char_p, [c_uint32]),
    "vnseg_reader_new_fd": (st, [c_int, sz, POINTER(vp)]),
    "vnseg_reader_new_memory": (st, [c_char_p, sz, sz, POINTER(vp)]),
    "vnseg_reader_next": (c_int, [vp, POINTER(LineStruct)]),
    "vnseg_reader_bytes": (c_uint64, [vp]),
    "vnseg_reader_free": (None, [vp]),
    "vnseg_syllable_check": (c_int, [c_char_p, sz]),
    "vnseg_syllable_parse": (st, [c_char_p, sz, POINTER(SyllableStruct)]),
    "vnseg_tone_style": (st, [c_char_p, sz, c_int, c_char_p, sz, POINTER(sz)]),
    "vnseg_tone_repair": (st, [c_char_p, sz, c_char_p, sz, POINTER(sz)]),
}

# Functions of modules that are bound when the loaded library has them.
OPTIONAL = {
    "vnseg_detokenize": (st, [vp, c_uint32, POINTER(vp)]),
    "vnseg_detok_text": (c_void_p, [vp, POINTER(sz)]),
    "vnseg_detok_token_count": (sz, [vp]),
    "vnseg_detok_spans": (vp, [vp]),
    "vnseg_detok_token_at": (sz, [vp, c_uint64]),
    "vnseg_detok_span_of": (st, [vp, sz, sz, POINTER(Span)]),
    "vnseg_detok_tokens_of": (st, [vp, c_uint64, c_uint64, POINTER(sz), POINTER(sz)]),
    "vnseg_detok_free": (None, [vp]),
    "vnseg_detokenize_text": (st, [c_char_p, sz, c_uint32, c_char_p, sz, POINTER(sz)]),
    # gazetteer.h
    "vnseg_lookup_key": (st, [c_char_p, sz, c_uint32, c_char_p, sz, szp]),
    "vnseg_gazetteer_builder_new": (st, [c_uint32, POINTER(vp)]),
    "vnseg_gazetteer_builder_free": (None, [vp]),
    "vnseg_gazetteer_builder_type": (st, [vp, c_char_p, sz, u32p]),
    "vnseg_gazetteer_builder_add": (st, [vp, POINTER(GazEntry)]),
    "vnseg_gazetteer_builder_remove": (st, [vp, c_char_p, sz]),
    "vnseg_gazetteer_builder_add_tsv": (st, [vp, c_char_p, sz]),
    "vnseg_gazetteer_builder_add_file": (st, [vp, c_char_p]),
    "vnseg_gazetteer_builder_add_defaults": (st, [vp, c_uint32]),
    "vnseg_gazetteer_builder_count": (sz, [vp]),
    "vnseg_gazetteer_builder_build": (st, [vp, POINTER(vp)]),
    "vnseg_gazetteer_default": (st, [POINTER(vp)]),
    "vnseg_gazetteer_open": (st, [c_char_p, c_uint32, POINTER(vp)]),
    "vnseg_gazetteer_open_memory": (st, [vp, sz, c_uint32, POINTER(vp)]),
    "vnseg_gazetteer_verify": (st, [vp]),
    "vnseg_gazetteer_free": (None, [vp]),
    "vnseg_gazetteer_data": (vp, [vp, szp]),
    "vnseg_gazetteer_save": (st, [vp, c_char_p]),
    "vnseg_gazetteer_flags": (c_uint32, [vp]),
    "vnseg_gazetteer_entry_count": (sz, [vp]),
    "vnseg_gazetteer_entry": (st, [vp, sz, POINTER(GazEntry)]),
    "vnseg_gazetteer_lookup": (st, [vp, c_char_p, sz, szp, szp]),
    "vnseg_gazetteer_type_count": (sz, [vp]),
    "vnseg_gazetteer_type_name": (c_char_p, [vp, c_uint32]),
    "vnseg_gazetteer_type_id": (st, [vp, c_char_p, sz, u32p]),
    # entities.h
    "vnseg_mentions_new": (vp, []),
    "vnseg_mentions_free": (None, [vp]),
    "vnseg_scan_entities": (st, [vp, vp, vp, c_uint32]),
    "vnseg_mentions_count": (sz, [vp]),
    "vnseg_mentions_get": (vp, [vp]),
    "vnseg_mention_canonical": (st, [vp, sz, POINTER(vp), szp]),
    "vnseg_mention_id": (st, [vp, sz, POINTER(vp), szp]),
    "vnseg_source_name": (c_char_p, [c_uint]),
    # normalize.h
    "vnseg_normalize": (st, [c_char_p, sz, c_uint32, POINTER(vp)]),
    "vnseg_norm_text": (vp, [vp, szp]),
    "vnseg_norm_original_length": (sz, [vp]),
    "vnseg_norm_changed": (c_int, [vp]),
    "vnseg_norm_to_original": (st, [vp, sz, sz, szp, szp]),
    "vnseg_norm_from_original": (st, [vp, sz, sz, szp, szp]),
    "vnseg_norm_piece_count": (sz, [vp]),
    "vnseg_norm_piece": (st, [vp, sz, szp, szp, szp, szp, POINTER(c_int)]),
    "vnseg_norm_pieces": (st, [vp, vp, sz, szp]),
    "vnseg_norm_unmapped_count": (sz, [vp]),
    "vnseg_norm_unmapped": (st, [vp, sz, szp, szp]),
    "vnseg_norm_free": (None, [vp]),
    "vnseg_encoding_name": (c_char_p, [c_int]),
    "vnseg_encoding_from_name": (c_int, [c_char_p]),
    "vnseg_decode_legacy": (st, [c_char_p, sz, c_int, c_uint32, POINTER(vp)]),
    "vnseg_encode_legacy": (st, [c_char_p, sz, c_int, c_uint32, c_char_p, sz, szp]),
    "vnseg_detect_encoding": (st, [c_char_p, sz, POINTER(c_int), POINTER(c_double)]),
    "vnseg_detect_scores": (st, [c_char_p, sz, POINTER(c_double), sz]),
    # segmenter.h
    "vnseg_tokenize_raw": (st, [vp, c_char_p, sz, c_uint32]),
    "vnseg_model_open": (st, [c_char_p, POINTER(vp)]),
    "vnseg_model_load": (st, [c_char_p, sz, POINTER(vp)]),
    "vnseg_model_free": (None, [vp]),
    "vnseg_model_save": (st, [vp, c_char_p]),
    "vnseg_model_data": (vp, [vp, szp]),
    "vnseg_model_get_info": (st, [vp, POINTER(ModelInfoStruct)]),
    "vnseg_segmenter_new": (st, [vp, POINTER(vp)]),
    "vnseg_segmenter_free": (None, [vp]),
    "vnseg_segment": (st, [vp, c_char_p, sz, c_uint32]),
    "vnseg_segmenter_text": (vp, [vp, szp]),
    "vnseg_segmenter_doc": (st, [vp, POINTER(vp)]),
    "vnseg_segment_to_buffer": (st, [vp, c_char_p, sz, c_uint32, c_char_p, sz, szp]),
    "vnseg_trainer_new": (st, [POINTER(TrainOptions), POINTER(vp)]),
    "vnseg_trainer_free": (None, [vp]),
    "vnseg_trainer_add": (st, [vp, c_int, c_char_p, sz]),
    "vnseg_trainer_set_source": (st, [vp, c_uint32, c_double]),
    "vnseg_trainer_train": (st, [vp, vp, vp, POINTER(vp)]),
}

# Progress callback of vnseg_trainer_train().
PROGRESS = ctypes.CFUNCTYPE(None, c_void_p, c_char_p, c_uint32, c_uint32)


def _build_tree_candidates():
    """libvnseg.so* in build*/libvnseg/ of the source tree this package sits in
    (bindings/python/vnseg), `build` first, then the most recent. Nothing when the package
    was installed elsewhere."""
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(os.path.dirname(here)))
    if not (os.path.isfile(os.path.join(root, "meson.build"))
            and os.path.isdir(os.path.join(root, "libvnseg"))):
        return []
    dirs = sorted(glob.glob(os.path.join(root, "build*", "libvnseg")),
                  key=lambda p: (os.path.basename(os.path.dirname(p)) != "build",
                                 -os.path.getmtime(p)))
    found = []
    for lib_dir in dirs:
        for name in _NAMES:
            path = os.path.join(lib_dir, name)
            if os.path.exists(path):
                found.append(path)
                break
    return found


def _load():
    """The CDLL and where it came from. Raises ImportError when nothing loads."""
    env = os.environ.get("VNSEG_LIBRARY")
    if env:
        path = env
        if os.path.isdir(env):
            path = next((os.path.join(env, n) for n in _NAMES
                         if os.path.exists(os.path.join(env, n))), env)
        try:
            return ctypes.CDLL(path), path
        except OSError as e:
            raise ImportError("vnseg: VNSEG_LIBRARY=%s cannot be loaded: %s" % (env, e)) from e
    errors = []
    for path in _build_tree_candidates():
        try:
            return ctypes.CDLL(path), path
        except OSError as e:  # e.g. a sanitizer build that needs its runtime preloaded
            errors.append("%s: %s" % (path, e))
    names = [ctypes.util.find_library("vnseg")] + list(_NAMES)
    for name in names:
        if not name:
            continue
        try:
            return ctypes.CDLL(name), name
        except OSError as e:
            errors.append("%s: %s" % (name, e))
    raise ImportError("vnseg: libvnseg not found; set VNSEG_LIBRARY to the path of "
                      "libvnseg.so.0, build it in the source tree, or install it (%s)"
                      % "; ".join(errors))


def _declare(lib, path):
    bound = set(PROTOTYPES)
    for name, (restype, argtypes) in PROTOTYPES.items():
        try:
            fn = getattr(lib, name)
        except AttributeError as e:
            raise ImportError("vnseg: %s lacks %s: the library is older than this package"
                              % (path, name)) from e
        fn.restype, fn.argtypes = restype, argtypes
    for name, (restype, argtypes) in OPTIONAL.items():
        fn = getattr(lib, name, None)
        if fn is not None:
            fn.restype, fn.argtypes = restype, argtypes
            bound.add(name)
    return bound


def _check(lib, path):
    major = lib.vnseg_version_number() >> 16
    if major != ABI_MAJOR:
        raise ImportError("vnseg: %s is version %s; this package needs major version %d"
                          % (path, lib.vnseg_version().decode(), ABI_MAJOR))
    for which, layout in LAYOUTS.items():
        size = lib.vnseg_struct_size(which)
        if size == 0 and which in LATER_LAYOUTS:
            continue
        if size != ctypes.sizeof(layout):
            raise ImportError("vnseg: %s has a %d-byte %s where this package reads %d bytes: "
                              "library and package do not match"
                              % (path, size, layout.__name__, ctypes.sizeof(layout)))


lib, path = _load()
_bound = _declare(lib, path)
_check(lib, path)


def version():
    return lib.vnseg_version().decode()


def has(name):
    """Whether the loaded library has function `name` (modules that landed later)."""
    return name in _bound


def require(name, what):
    """Raise NotImplementedError naming `what` (a module: "normalizer", ...) when the loaded
    library lacks function `name`."""
    if name not in _bound:
        raise NotImplementedError("the loaded libvnseg has no %s (%s)" % (what, name))
