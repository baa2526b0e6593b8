"""Memory release: every C handle is freed (a counting allocator installed through
vnseg_set_allocator sees the live count return to where it was), descriptors are closed,
and resident memory does not grow over many calls."""
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

from support import HERE, SANITIZED, TEXT, vnseg

COUNTING = textwrap.dedent(r'''
    import ctypes, ctypes.util, gc, os, sys
    import vnseg
    from vnseg._lib import Allocator, lib

    libc = ctypes.CDLL(None)
    libc.malloc.restype = libc.realloc.restype = ctypes.c_void_p
    libc.malloc.argtypes = [ctypes.c_size_t]
    libc.realloc.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    live = set()
    MALLOC = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_size_t, ctypes.c_void_p)
    REALLOC = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t,
                               ctypes.c_void_p)
    FREE = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)

    @MALLOC
    def c_malloc(size, ctx):
        p = libc.malloc(size)
        live.add(p)
        return p

    @REALLOC
    def c_realloc(ptr, size, ctx):
        p = libc.realloc(ptr, size)
        if p:
            live.discard(ptr)
            live.add(p)
        return p

    @FREE
    def c_free(ptr, ctx):
        if ptr:
            live.discard(ptr)
            libc.free(ptr)

    alloc = Allocator(ctypes.cast(c_malloc, ctypes.c_void_p),
                      ctypes.cast(c_realloc, ctypes.c_void_p),
                      ctypes.cast(c_free, ctypes.c_void_p), None)
    lib.vnseg_set_allocator.argtypes = [ctypes.POINTER(Allocator)]
    lib.vnseg_set_allocator(ctypes.byref(alloc))

    def check(what):
        gc.collect()
        if live:
            print("LEAK after %s: %d blocks" % (what, len(live)))
            sys.exit(1)

    text = sys.argv[1]
    path = sys.argv[2]
    with vnseg.Document(text) as doc:
        doc.tokens, doc.sentences, doc.columns(), doc.token_form(0, nfc=True)
        assert live, "the counting allocator is not in use"
    check("Document in a with block")
    doc = vnseg.Document(text)
    del doc
    check("an unclosed Document dropped")
    d = vnseg.Document(text)
    d.tokenize(b"\xff ok", lenient=True)
    try:
        d.tokenize(b"\xff ok")
    except vnseg.InvalidUTF8Error:
        pass
    d.close()
    check("a Document after a failed call")
    for line in vnseg.stream(path, block=64):
        pass
    check("stream, read to the end")
    gen = vnseg.stream(path, block=64)
    next(gen)
    gen.close()
    check("stream, abandoned")
    with vnseg.Reader(path) as r:
        next(r)
    check("Reader")
    vnseg.tone_style(text, "old"), vnseg.tone_repair(text), vnseg.parse_syllable("quốc")
    vnseg.convert_offsets(text, [0, 3])
    if vnseg.has("detokenize"):
        vnseg.detokenize(text), vnseg.detokenize_text(text)
    check("syllables, offsets, detokenizer")
    gpath, mpath = path + ".gaz", path + ".model"
    if vnseg.has("gazetteer"):
        with vnseg.GazetteerBuilder() as b:
            b.add_tsv("Hà Nội\tLOC\n").add("Huế", "LOC")
            try:
                b.add_tsv("bad line\n")
            except vnseg.FormatError:
                pass
            with b.build() as g:
                g.lookup("Hà_Nội"), vnseg.entities(text, g), list(g), g.data
                g.save(gpath)
        with vnseg.Gazetteer.open(gpath, verify=True) as g:
            g.lookup("Huế")
        with open(gpath, "rb") as f:
            with vnseg.Gazetteer.from_bytes(f.read()) as g:
                vnseg.entities(text, g)
        with vnseg.Gazetteer.default() as g:
            vnseg.entities(text, g)
        vnseg.entities(text.encode(), heuristics=True), vnseg.lookup_key("HÀ NỘI")
        dropped = vnseg.Gazetteer.from_tsv("Sa Pa\tLOC\n")
        del dropped
        try:
            vnseg.Gazetteer.open(path)
        except vnseg.FormatError:
            pass
        check("gazetteer and entities")
    if vnseg.has("normalize"):
        n = vnseg.normalize(text, "search")
        n.to_original(0, 3), n.from_original(0, 3), n.pieces
        vnseg.decode(vnseg.encode("Việt Nam", "vni"), "auto")
        vnseg.detect_encoding(b"abc"), vnseg.encoding_scores(b"abc")
        vnseg.normalize(b"\xff ok", lenient=True)
        try:
            vnseg.normalize(b"\xff")
        except vnseg.InvalidUTF8Error:
            pass
        try:
            vnseg.encode("a\U0001F600", "tcvn3")
        except vnseg.EncodingError:
            pass
        check("normalization and legacy encodings")
    if vnseg.has("segment"):
        raw = text.replace("_", " ")
        with vnseg.Trainer(epochs=1, hash_bits=16) as t:
            m = t.add(text).train(progress=lambda *a: None)
        with m:
            vnseg.segment(raw, m)
            with vnseg.Segmenter(m) as s:
                s.segment(raw)
            with vnseg.segment(raw, m, document=True) as d:
                vnseg.detokenize(d, lossless=True)
            d2 = vnseg.segment(raw, m, document=True)
            del d2
            m.save(mpath)
            with vnseg.Model.from_bytes(m.data) as m2:
                m2.info
        with vnseg.Model(mpath) as m3:
            vnseg.segment(raw, m3)
        m4 = vnseg.Model(mpath)
        s4 = vnseg.Segmenter(m4)
        d4 = vnseg.segment(raw, m4, document=True)
        del s4, m4, d4
        t5 = vnseg.Trainer()
        try:
            t5.train()
        except vnseg.NotFoundError:
            pass
        del t5
        check("segmenter, models, trainer")
    vnseg.tokenize(text), vnseg.sentences(text), vnseg.tokenize_columns(text)
    if vnseg.has("segment"):
        vnseg.tokenize_raw(text)
    vnseg.tokenizer._local.doc.close()
    check("the per-thread document")
    print("OK")
''')


class HandlesAreFreed(unittest.TestCase):
    def test_counting_allocator(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "t.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(TEXT * 50)
            env = dict(os.environ, PYTHONPATH=os.path.dirname(HERE))
            p = subprocess.run([sys.executable, "-c", COUNTING, TEXT, path], env=env,
                               capture_output=True, text=True)
            self.assertEqual(p.stdout.strip(), "OK", p.stdout + p.stderr)

    def test_descriptors_are_closed(self):
        def fds():
            return len(os.listdir("/proc/self/fd"))
        with tempfile.NamedTemporaryFile("wb", suffix=".txt") as f:
            f.write(TEXT.encode() * 20)
            f.flush()
            before = fds()
            for _ in range(50):
                for _ in vnseg.stream(f.name):
                    pass
                gen = vnseg.stream(f.name)
                next(gen)
                del gen
                r = vnseg.Reader(f.name)
                del r
            self.assertEqual(fds(), before)


def rss_kb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


@unittest.skipIf(SANITIZED, "resident memory means nothing under AddressSanitizer")
class NoGrowth(unittest.TestCase):
    def grows(self, fn, n):
        # Warm up with as many calls as are measured: caches, the per-thread document, the
        # allocator, and the tokenizer's memo, which grows with the text a document has seen
        # (up to 2 MiB once 16 MB went through; tokenizer.h) and so is not a leak.
        for _ in range(n):
            fn()
        before = rss_kb()
        for _ in range(n):
            fn()
        return rss_kb() - before

    def test_tokenize_100k_calls(self):
        with vnseg.Document() as doc:
            self.assertLess(self.grows(lambda: doc.tokenize(TEXT).tokens, 100_000), 2048)
        self.assertLess(self.grows(lambda: vnseg.tokenize(TEXT), 50_000), 2048)

    def test_other_calls(self):
        data = (TEXT * 3).encode()
        calls = [lambda: vnseg.sentences(TEXT), lambda: vnseg.tokenize_columns(data),
                 lambda: vnseg.tone_style(TEXT, "old"), lambda: vnseg.convert_offsets(TEXT, [5]),
                 lambda: list(vnseg.stream(data)), lambda: vnseg.tokenize(b"\xff", lenient=True)]
        if vnseg.has("detokenize"):
            calls.append(lambda: vnseg.detokenize(TEXT))
        if vnseg.has("entities"):
            gaz = vnseg.Gazetteer.from_tsv("Nga\tLOC\nKim\tPER\n")
            self.addCleanup(gaz.close)
            calls += [lambda: vnseg.entities(TEXT, gaz), lambda: vnseg.entities(TEXT),
                      lambda: vnseg.Gazetteer.from_tsv("Hà Nội\tLOC\n").lookup("Hà Nội")]
        if vnseg.has("normalize"):
            calls += [lambda: vnseg.normalize(TEXT, "search").to_original(0, 5),
                      lambda: vnseg.decode(vnseg.encode(TEXT, "vni"), "vni"),
                      lambda: vnseg.detect_encoding(TEXT.encode())]
        if vnseg.has("segment"):
            with vnseg.Trainer(epochs=1, hash_bits=16) as t:
                model = t.add(TEXT).train()
            self.addCleanup(model.close)
            raw = TEXT.replace("_", " ")

            def seg_doc():
                with vnseg.segment(raw, model, document=True) as d:
                    vnseg.detokenize(d, lossless=True)
            calls += [lambda: vnseg.segment(raw, model), seg_doc,
                      lambda: vnseg.tokenize_raw(raw)]

        def all_calls():
            for c in calls:
                c()
            try:
                vnseg.tokenize(b"\xff")
            except vnseg.InvalidUTF8Error:
                pass
        self.assertLess(self.grows(all_calls, 10_000), 2048)


if __name__ == "__main__":
    unittest.main()
