"""Word segmentation of raw text: models, segmenters, the trainer (segmenter.h)."""
import ctypes
import os
import threading
import weakref
from collections import namedtuple
from functools import partial

from ._lib import PROGRESS, ModelInfoStruct, TrainOptions, lib, require
from ._handle import Handle
from ._text import call_into_buffer, to_bytes
from .errors import check
from .tokenizer import OPT_LENIENT, Document, _on_scratch

FORMATS = {"segmented": 0, "conllu": 1, "wordlist": 2}
KINDS = {1: "perceptron", 2: "lexicon"}

ModelInfo = namedtuple("ModelInfo", "version kind hash_bits max_word lexicon_words file_bytes "
                       "train_sentences train_syllables")
ModelInfo.__doc__ = """What a model holds: format `version`, `kind` ("perceptron" or
"lexicon"), `hash_bits`, `max_word` (syllables), `lexicon_words`, `file_bytes`,
`train_sentences`, `train_syllables`."""


_require = partial(require, "vnseg_segment", "segmenter")


class Model(Handle):
    """A segmentation model (immutable; any number of threads may segment with it). Owns the
    C model: close it, or use it as a context manager; closing it also closes the segmenters
    and segmented documents made with it.

        with vnseg.Model("vi.model") as m:
            print(vnseg.segment("Hà Nội mùa thu", m))
    """
    _free = "vnseg_model_free"
    _name = "Model"

    def __init__(self, path):
        """Open (map and validate) a model file. FormatError, VersionError, VnsegIOError."""
        _require()
        self._handle, self._users = None, weakref.WeakSet()
        out = ctypes.c_void_p()
        check(lib.vnseg_model_open(os.fsencode(path), ctypes.byref(out)))
        self._handle = out.value

    @classmethod
    def _wrap(cls, handle):
        self = object.__new__(cls)
        self._handle, self._users = handle, weakref.WeakSet()
        return self

    @classmethod
    def from_bytes(cls, data):
        """A model from the bytes of a model file (copied by the library)."""
        _require()
        if isinstance(data, str):
            raise TypeError("expected bytes, not str")
        data = bytes(data)
        out = ctypes.c_void_p()
        check(lib.vnseg_model_load(data, len(data), ctypes.byref(out)))
        return cls._wrap(out.value)

    def close(self):
        for user in list(self._users):
            user.close()
        Handle.close(self)

    def save(self, path):
        """Write the model file (through a temporary name and a rename)."""
        check(lib.vnseg_model_save(self._h(), os.fsencode(path)))

    @property
    def data(self):
        """The model file's bytes."""
        n = ctypes.c_size_t()
        ptr = lib.vnseg_model_data(self._h(), ctypes.byref(n))
        return ctypes.string_at(ptr, n.value)

    @property
    def info(self):
        i = ModelInfoStruct()
        check(lib.vnseg_model_get_info(self._h(), ctypes.byref(i)))
        return ModelInfo(i.version, KINDS.get(i.kind, str(i.kind)), i.hash_bits, i.max_word,
                         i.lexicon_words, i.file_bytes, i.train_sentences, i.train_syllables)

    def __repr__(self):
        return "<vnseg.Model closed>" if not self._handle else "<vnseg.Model %s>" % (
            self.info.kind)


def _new_segmenter(model):
    out = ctypes.c_void_p()
    check(lib.vnseg_segmenter_new(model._h(), ctypes.byref(out)))
    return out.value


class SegmentedDocument(Document):
    """The words of a segmentation as a Document (vnseg_segmenter_doc): tokens index the
    segmented text (doc.text), and their SPACE_AFTER / LINE_END flags tell what followed each
    word in the raw input, so detokenize(doc, lossless=True) gives the raw input back. Owns a
    C segmenter (closed with the document); it cannot tokenize other text."""
    __slots__ = ("_seg",)

    def __init__(self, *a, **k):
        raise TypeError("made by vnseg.segment(..., document=True)")

    @classmethod
    def _make(cls, model, raw, lenient):
        data, s = to_bytes(raw)
        seg = _new_segmenter(model)
        self = object.__new__(cls)
        self._handle, self._seg = None, seg
        self._tokens = self._sentences = self._raw = None
        self._lenient, self._escapes = lenient, False
        self._data, self._text = b"", ""
        try:
            check(lib.vnseg_segment(seg, data, len(data), OPT_LENIENT if lenient else 0))
            doc = ctypes.c_void_p()
            check(lib.vnseg_segmenter_doc(seg, ctypes.byref(doc)))
        except BaseException:
            self.close()
            raise
        n = ctypes.c_size_t()
        ptr = lib.vnseg_segmenter_text(seg, ctypes.byref(n))
        self._data = ctypes.string_at(ptr, n.value) if n.value else b""
        self._text = None if s is None else self._data.decode("utf-8")
        self._handle = doc.value
        model._users.add(self)
        return self

    def close(self):
        seg, self._seg, self._handle = getattr(self, "_seg", None), None, None
        if seg:
            lib.vnseg_segmenter_free(seg)
        self._data = b""

    def __del__(self):
        if getattr(self, "_seg", None):
            self.close()

    def tokenize(self, *a, **k):
        raise TypeError("a SegmentedDocument holds one segmentation; use a Document")

    tokenize_raw = tokenize


class Segmenter(Handle):
    """Segments many texts with one model, reusing its C memory (vnseg_segmenter). One
    thread at a time; the model must stay open."""
    _free = "vnseg_segmenter_free"
    _name = "Segmenter"

    def __init__(self, model):
        _require()
        self._handle = None
        self.model = model
        self._handle = _new_segmenter(model)
        model._users.add(self)


    def segment(self, raw, *, lenient=False):
        """The segmented text of `raw` (syllables of a word joined by `_`): str in, str out;
        bytes in, bytes out. Strict UTF-8 raises InvalidUTF8Error with the byte offset."""
        if not self._handle:
            raise ValueError("the Segmenter is closed")
        return _segment_text(self._handle, raw, lenient)


def _segment_text(handle, raw, lenient):
    """Segment `raw` with the segmenter `handle`: its text, str for str, bytes for bytes."""
    data, s = to_bytes(raw)
    check(lib.vnseg_segment(handle, data, len(data), OPT_LENIENT if lenient else 0))
    n = ctypes.c_size_t()
    ptr = lib.vnseg_segmenter_text(handle, ctypes.byref(n))
    out = ctypes.string_at(ptr, n.value) if n.value else b""
    return out.decode("utf-8", "replace") if s is not None else out


def segment(raw, model, *, lenient=False, document=False):
    """Segment raw text (str or UTF-8 bytes) into words with `model` (a Model, or the path of
    a model file, opened for the call). Returns the segmented text (str for str, bytes for
    bytes), or with `document=True` a SegmentedDocument (its tokens are the words; close it
    or use it in a with block), from which detokenize(doc, lossless=True).text is `raw`."""
    _require()
    if not isinstance(model, Model):
        if document:
            raise ValueError("document=True needs an open Model (the document uses it)")
        with Model(model) as m:
            return segment(raw, m, lenient=lenient)
    if document:
        return SegmentedDocument._make(model, raw, lenient)
    model._h()
    c = getattr(_local, "seg", None)
    if c is None or c.handle is None or c.model() is not model:
        if c is not None:
            c.close()
        c = _local.seg = _ThreadSegmenter(model)
    return _segment_text(c.handle, raw, lenient)


def _segment_once(raw, model, *, lenient=False):
    """segment() through vnseg_segment_to_buffer: a segmenter made and freed for the call."""
    data, s = to_bytes(raw)
    out = call_into_buffer(lib.vnseg_segment_to_buffer,
                           (model._h(), data, len(data), OPT_LENIENT if lenient else 0),
                           len(data) + len(data) // 4 + 16)
    return out.decode("utf-8", "replace") if s is not None else out


_local = threading.local()


class _ThreadSegmenter:
    """The segmenter segment() keeps per thread for the last model it was given (its memory
    is reused, which halves the cost of a short line). It holds the model weakly and is
    closed with it, so a dropped or closed model frees both."""
    __slots__ = ("model", "handle", "__weakref__")

    def __init__(self, model):
        self.handle = None
        self.model = weakref.ref(model)
        self.handle = _new_segmenter(model)
        model._users.add(self)

    def close(self):
        handle, self.handle = self.handle, None
        if handle:
            lib.vnseg_segmenter_free(handle)

    def __del__(self):
        self.close()


def tokenize_raw(text, *, lenient=False):
    """The tokens of raw (unsegmented) text: syllables, numbers, punctuation, URLs (see
    Document.tokenize_raw)."""
    return _on_scratch(lambda doc: doc.tokenize_raw(text, lenient=lenient).tokens)


class Trainer(Handle):
    """Learns a segmentation model from segmented text, CoNLL-U and word lists
    (vnseg_trainer). Deterministic: the same input and options give the same model.

        with vnseg.Trainer(epochs=5) as t:
            t.add("Hà_Nội là thủ_đô .\\n")
            model = t.train()
    """
    _free = "vnseg_trainer_free"
    _name = "Trainer"

    def __init__(self, *, epochs=0, hash_bits=0, seed=0):
        """0 takes the library's default (10 epochs, 2^20 weights, seed 1)."""
        _require()
        self._handle = None
        opts = TrainOptions(ctypes.sizeof(TrainOptions), epochs, hash_bits, 0, seed)
        out = ctypes.c_void_p()
        check(lib.vnseg_trainer_new(ctypes.byref(opts), ctypes.byref(out)))
        self._handle = out.value


    def add(self, text, format="segmented"):
        """Add whole lines of training input: "segmented" (words joined by `_`), "conllu" or
        "wordlist" (lexicon only). InvalidUTF8Error carries the offset in `text`."""
        try:
            fmt = FORMATS[format] if isinstance(format, str) else int(format)
        except KeyError:
            raise ValueError("format must be one of %s" % ", ".join(FORMATS)) from None
        data, _ = to_bytes(text)
        check(lib.vnseg_trainer_add(self._h(), fmt, data, len(data)))
        return self

    def add_file(self, path, format="segmented"):
        """Add a file of training input (read in blocks of whole lines)."""
        with open(path, "rb") as f:
            rest = b""
            while True:
                block = f.read(1 << 20)
                if not block:
                    break
                block = rest + block
                cut = block.rfind(b"\n") + 1
                rest = block[cut:]
                if cut:
                    self.add(block[:cut], format)
            if rest:
                self.add(rest, format)
        return self

    def set_source(self, source, weight=1.0):
        """Sentences added next come from `source` (0 is the target style; up to 3) and
        weigh `weight` (1/16 to 16)."""
        check(lib.vnseg_trainer_set_source(self._h(), source, weight))
        return self

    def train(self, progress=None):
        """Train and return a new Model. `progress(stage, done, total)` is called at each
        stage ("lexicon", "epoch", ...). NotFoundError when nothing was added."""
        errors = []

        def call(ctx, stage, done, total):
            if errors:
                return
            try:
                progress(stage.decode(), done, total)
            except BaseException as e:  # raised again after the C call returns
                errors.append(e)

        cb = PROGRESS(call) if progress else None
        out = ctypes.c_void_p()
        status = lib.vnseg_trainer_train(self._h(), ctypes.cast(cb, ctypes.c_void_p)
                                         if cb else None, None, ctypes.byref(out))
        check(status)
        model = Model._wrap(out.value)
        if errors:
            model.close()
            raise errors[0]
        return model
