/* Fuzz target: the gazetteer TSV parser and the compiled-gazetteer loader. Properties: the TSV
 * parser is all or nothing; a built gazetteer finds every one of its names; its image reopened
 * from memory passes the full verification and gives the same lookups; a corrupted image (or
 * any bytes at all) opens with an error or opens and then only gives answers, never a crash. */
#include <string.h>

#include <vnseg.h>

#include "fuzz.h"
#include "gazetteer_internal.h"
#include "lookup_key.h"

/* Recompute the header checksum of an image whose header was altered, so that the alteration
 * reaches the checks behind it (section bounds, counts) instead of stopping at the checksum. */
static void reseal_header(uint8_t *img, size_t len)
{
    if (len < VN_GAZ_HEADER_SIZE)
        return;
    vn_gaz_header *h = (vn_gaz_header *)img;
    h->header_checksum =
        vn_hash_bytes(h, offsetof(vn_gaz_header, header_checksum), VN_GAZ_SEED);
}

/* An 8-aligned copy of n bytes, as vnseg_gazetteer_open_memory() requires. */
static void *aligned_copy(const void *p, size_t n)
{
    void *q = NULL;
    FUZZ_CHECK(posix_memalign(&q, 8, n ? n : 8) == 0);
    memcpy(q, p, n);
    return q;
}

/* Look up every entry's name and read every entry, type and scan a small document: on an
 * opened image that may be altered, these must only return statuses. */
static void exercise(const vnseg_gazetteer *g)
{
    size_t n = vnseg_gazetteer_entry_count(g);
    for (size_t i = 0; i < n && i < 64; i++) {
        vnseg_gaz_entry e;
        vnseg_status st = vnseg_gazetteer_entry(g, i, &e);
        FUZZ_CHECK(st == VNSEG_OK || st == VNSEG_E_FORMAT);
        if (st != VNSEG_OK)
            continue;
        size_t first, count;
        st = vnseg_gazetteer_lookup(g, e.name, e.name_len, &first, &count);
        FUZZ_CHECK(st == VNSEG_OK || st == VNSEG_E_NOT_FOUND || st == VNSEG_E_INVALID_ARG);
        (void)vnseg_gazetteer_type_name(g, e.type);
    }
    for (size_t t = 0; t < vnseg_gazetteer_type_count(g) && t < 300; t++)
        (void)vnseg_gazetteer_type_name(g, (uint32_t)t);
    static const char text[] = "Ông Kim_Jong-un tới Triều_Tiên và Hà_Nội .\n";
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_mentions *m = vnseg_mentions_new();
    FUZZ_CHECK(doc && m);
    FUZZ_CHECK(vnseg_tokenize(doc, text, sizeof text - 1, 0) == VNSEG_OK);
    vnseg_status st = vnseg_scan_entities(m, doc, g, 0);
    FUZZ_CHECK(st == VNSEG_OK);
    for (size_t i = 0; i < vnseg_mentions_count(m); i++) {
        const char *s;
        size_t len;
        FUZZ_CHECK(vnseg_mention_canonical(m, i, &s, &len) == VNSEG_OK);
        FUZZ_CHECK(vnseg_mention_id(m, i, &s, &len) == VNSEG_OK);
    }
    vnseg_mentions_free(m);
    vnseg_doc_free(doc);
}

/* Open arbitrary bytes as a compiled gazetteer, with and without the full verification. */
static void open_bytes(const uint8_t *data, size_t size)
{
    void *img = aligned_copy(data, size);
    vnseg_gazetteer *g = NULL;
    vnseg_status st = vnseg_gazetteer_open_memory(img, size, 0, &g);
    FUZZ_CHECK(st == VNSEG_OK || st == VNSEG_E_FORMAT || st == VNSEG_E_VERSION);
    FUZZ_CHECK((st == VNSEG_OK) == (g != NULL));
    if (g) {
        vnseg_status v = vnseg_gazetteer_verify(g);
        FUZZ_CHECK(v == VNSEG_OK || v == VNSEG_E_FORMAT);
        exercise(g);
        vnseg_gazetteer_free(g);
        g = NULL;
        st = vnseg_gazetteer_open_memory(img, size, VNSEG_GAZ_OPEN_VERIFY, &g);
        FUZZ_CHECK((st == VNSEG_OK) == (v == VNSEG_OK));
        if (g)
            exercise(g);
        vnseg_gazetteer_free(g);
    }
    free(img);
}

static void check_same_lookups(const vnseg_gazetteer *a, const vnseg_gazetteer *b)
{
    size_t n = vnseg_gazetteer_entry_count(a);
    FUZZ_CHECK(vnseg_gazetteer_entry_count(b) == n);
    FUZZ_CHECK(vnseg_gazetteer_type_count(a) == vnseg_gazetteer_type_count(b));
    FUZZ_CHECK(vnseg_gazetteer_flags(a) == vnseg_gazetteer_flags(b));
    for (size_t i = 0; i < n; i++) {
        vnseg_gaz_entry e, f;
        FUZZ_CHECK(vnseg_gazetteer_entry(a, i, &e) == VNSEG_OK);
        FUZZ_CHECK(vnseg_gazetteer_entry(b, i, &f) == VNSEG_OK);
        FUZZ_CHECK(e.name_len == f.name_len && memcmp(e.name, f.name, e.name_len) == 0);
        FUZZ_CHECK(e.id_len == f.id_len && memcmp(e.id, f.id, e.id_len) == 0);
        FUZZ_CHECK(e.canonical_len == f.canonical_len &&
                   memcmp(e.canonical, f.canonical, e.canonical_len) == 0);
        FUZZ_CHECK(e.type == f.type && e.type < vnseg_gazetteer_type_count(a));
        /* Every name finds its own entry, in both, at the same place. */
        size_t fa, ca, fb, cb;
        FUZZ_CHECK(vnseg_gazetteer_lookup(a, e.name, e.name_len, &fa, &ca) == VNSEG_OK);
        FUZZ_CHECK(vnseg_gazetteer_lookup(b, e.name, e.name_len, &fb, &cb) == VNSEG_OK);
        FUZZ_CHECK(fa == fb && ca == cb && ca >= 1 && i >= fa && i < fa + ca);
    }
}

/* TSV text: parse (all or nothing), build, reopen the image, compare, then corrupt it. */
static void tsv(const uint8_t *data, size_t size, uint32_t flags, uint8_t flip)
{
    vnseg_gazetteer_builder *b = NULL;
    FUZZ_CHECK(vnseg_gazetteer_builder_new(flags, &b) == VNSEG_OK);
    static const char base[] = "Hà Nội\tLOC\tvn:hn\nLiên_Hợp_Quốc\tORG\tun\tLiên Hợp Quốc\n";
    FUZZ_CHECK(vnseg_gazetteer_builder_add_tsv(b, base, sizeof base - 1) == VNSEG_OK);
    size_t before = vnseg_gazetteer_builder_count(b);
    char *text = aligned_copy(data, size);
    vnseg_status st = vnseg_gazetteer_builder_add_tsv(b, text, size);
    FUZZ_CHECK(st == VNSEG_OK || st == VNSEG_E_FORMAT);
    if (st == VNSEG_E_FORMAT) {
        FUZZ_CHECK(vnseg_gazetteer_builder_count(b) == before);
        FUZZ_CHECK(vnseg_error_last()->offset <= size);
    }
    /* Without UTF-8 the parse must fail. */
    if (!fuzz_valid_utf8(data, size))
        FUZZ_CHECK(st == VNSEG_E_FORMAT);
    vnseg_gazetteer *g = NULL;
    FUZZ_CHECK(vnseg_gazetteer_builder_build(b, &g) == VNSEG_OK);
    FUZZ_CHECK(vnseg_gazetteer_verify(g) == VNSEG_OK);
    size_t len;
    const uint8_t *img = vnseg_gazetteer_data(g, &len);
    FUZZ_CHECK(img && len > 0);
    void *copy = aligned_copy(img, len);
    vnseg_gazetteer *h = NULL;
    FUZZ_CHECK(vnseg_gazetteer_open_memory(copy, len, VNSEG_GAZ_OPEN_VERIFY, &h) == VNSEG_OK);
    check_same_lookups(g, h);
    size_t len2;
    const void *img2 = vnseg_gazetteer_data(h, &len2);
    FUZZ_CHECK(len2 == len && memcmp(img2, img, len) == 0);
    vnseg_gazetteer_free(h);
    /* A flipped bit somewhere (position from the input) and a truncation. */
    uint8_t *bad = aligned_copy(img, len);
    size_t at = (size * 2654435761u + flip) % len;
    bad[at] ^= (uint8_t)(1u << (flip & 7));
    open_bytes(bad, len);
    if (at < VN_GAZ_HEADER_SIZE) {
        reseal_header(bad, len);
        open_bytes(bad, len);
    }
    open_bytes(img, at & ~(size_t)7);
    free(bad);
    free(copy);
    vnseg_gazetteer_free(g);
    vnseg_gazetteer_builder_free(b);
    free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    /* The first byte: bit 7 chooses raw image bytes or TSV; bit 0 case folding; the rest of
     * it picks the bit to flip. */
    uint8_t mode = data[0];
    if (mode & 0x80) {
        /* Raw bytes; with bit 6 also their header resealed. */
        if (mode & 0x40) {
            uint8_t *img = aligned_copy(data + 1, size - 1);
            reseal_header(img, size - 1);
            open_bytes(img, size - 1);
            free(img);
        } else {
            open_bytes(data + 1, size - 1);
        }
    }
    else
        tsv(data + 1, size - 1, mode & 1 ? VNSEG_GAZ_FOLD_CASE : 0, mode >> 1);
    return 0;
}
