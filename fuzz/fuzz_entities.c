/* Fuzz target: the entity scanner over segmented text, with the default gazetteer plus a few
 * names of our own, or none. Properties: mentions in text order, disjoint, inside the text,
 * each covering exactly the tokens it names (partial ones inside them); types, entries and
 * links valid; gazetteer mentions carry an entry; canonical names and ids readable; the same
 * scan twice gives the same result. */
#include <string.h>

#include <vnseg.h>

#include "fuzz.h"

static void check(const vnseg_mentions *m, const vnseg_doc *doc, const vnseg_gazetteer *g,
                  size_t len)
{
    size_t n = vnseg_mentions_count(m), nt = vnseg_doc_token_count(doc);
    const vnseg_mention *x = vnseg_mentions_get(m);
    const vnseg_token *t = vnseg_doc_tokens(doc);
    FUZZ_CHECK(n == 0 || x != NULL);
    uint64_t end = 0;
    size_t types = vnseg_gazetteer_type_count(g);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(x[i].length >= 1 && x[i].offset >= end && x[i].offset + x[i].length <= len);
        end = x[i].offset + x[i].length;
        FUZZ_CHECK(x[i].token_count >= 1 && x[i].first_token + x[i].token_count <= nt);
        const vnseg_token *a = &t[x[i].first_token], *z = a + x[i].token_count - 1;
        /* The first token holds the start, the last one the end. */
        FUZZ_CHECK(x[i].offset >= a->offset && x[i].offset < a->offset + a->length);
        FUZZ_CHECK(end > z->offset && end <= z->offset + z->length);
        if (!(x[i].flags & VNSEG_MF_PARTIAL))
            FUZZ_CHECK(x[i].offset == a->offset && end == z->offset + z->length);
        FUZZ_CHECK(x[i].type < (types ? types : VNSEG_ENT_BUILTIN_COUNT));
        FUZZ_CHECK(x[i].source <= VNSEG_SOURCE_HEURISTIC && x[i].reserved == 0);
        if (x[i].source == VNSEG_SOURCE_GAZETTEER)
            FUZZ_CHECK(g && x[i].entry < vnseg_gazetteer_entry_count(g));
        else
            FUZZ_CHECK(x[i].entry == VNSEG_NO_ENTRY);
        FUZZ_CHECK(x[i].link == VNSEG_NO_ENTRY || (x[i].link < n && x[i].link != i));
        const char *s;
        size_t sl;
        FUZZ_CHECK(vnseg_mention_canonical(m, i, &s, &sl) == VNSEG_OK && (s || !sl));
        FUZZ_CHECK(vnseg_mention_id(m, i, &s, &sl) == VNSEG_OK && (s || !sl));
    }
    FUZZ_CHECK(vnseg_mention_canonical(m, n, &(const char *){0}, &(size_t){0}) ==
               VNSEG_E_INVALID_ARG);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static vnseg_gazetteer *gaz;
    static vnseg_doc *doc;
    static vnseg_mentions *m, *m2;
    if (!gaz) {
        vnseg_gazetteer_builder *b = NULL;
        FUZZ_CHECK(vnseg_gazetteer_builder_new(0, &b) == VNSEG_OK);
        FUZZ_CHECK(vnseg_gazetteer_builder_add_defaults(b, VNSEG_GAZ_DEFAULT_ALL) == VNSEG_OK);
        static const char own[] = "Nguyễn Văn An\tPER\nCông ty Sông Hàn\tORG\tc:1\n"
                                  "Sông Hàn\tLOC\nAnh\t-\nVinFast\tBRAND\n";
        FUZZ_CHECK(vnseg_gazetteer_builder_add_tsv(b, own, sizeof own - 1) == VNSEG_OK);
        FUZZ_CHECK(vnseg_gazetteer_builder_build(b, &gaz) == VNSEG_OK);
        vnseg_gazetteer_builder_free(b);
        doc = vnseg_doc_new();
        m = vnseg_mentions_new();
        m2 = vnseg_mentions_new();
        FUZZ_CHECK(doc && m && m2);
    }
    if (size == 0)
        return 0;
    /* First byte: scan options (low 4 bits), no gazetteer (bit 4), tokenizer escapes (5). */
    uint32_t opts = data[0] & 0xF;
    const vnseg_gazetteer *g = data[0] & 0x10 ? NULL : gaz;
    uint32_t tok = VNSEG_OPT_LENIENT | (data[0] & 0x20 ? VNSEG_OPT_ESCAPES : 0);
    size_t len = size - 1;
    char *copy = malloc(len ? len : 1);
    memcpy(copy, data + 1, len);
    FUZZ_CHECK(vnseg_tokenize(doc, copy, len, tok) == VNSEG_OK);
    FUZZ_CHECK(vnseg_scan_entities(m, doc, g, opts) == VNSEG_OK);
    check(m, doc, g, len);
    FUZZ_CHECK(vnseg_scan_entities(m2, doc, g, opts) == VNSEG_OK);
    size_t n = vnseg_mentions_count(m);
    FUZZ_CHECK(vnseg_mentions_count(m2) == n);
    if (n)
        FUZZ_CHECK(memcmp(vnseg_mentions_get(m), vnseg_mentions_get(m2),
                          n * sizeof(vnseg_mention)) == 0);
    FUZZ_CHECK(vnseg_scan_entities(m, doc, g, 1u << 20) == VNSEG_E_INVALID_ARG);
    free(copy);
    return 0;
}
