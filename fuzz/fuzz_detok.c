/* Fuzz target: the detokenizer in rule and lossless mode, with the properties it promises:
 * spans in bounds, ordered, disjoint, never empty, each holding its token's form; the bytes
 * between them owned by no token; rule mode keeps every line break and writes only spaces
 * besides; lossless mode gives back every separator; the text-only call and a reused result
 * agree with a fresh one; the output is never longer than the input. */
#include <string.h>

#include <vnseg.h>

#include "fuzz.h"

static void check_alignment(const vnseg_doc *doc, const vnseg_detok *d, const uint8_t *in,
                            size_t in_len, bool lossless)
{
    size_t n = vnseg_doc_token_count(doc), len;
    const vnseg_token *t = vnseg_doc_tokens(doc);
    const uint8_t *out = (const uint8_t *)vnseg_detok_text(d, &len);
    const vnseg_span *sp = vnseg_detok_spans(d);
    FUZZ_CHECK(vnseg_detok_token_count(d) == n && out[len] == 0 && len <= in_len);
    size_t pos = 0, breaks_out = 0;
    static char *form;
    static size_t form_cap;
    for (size_t i = 0; i <= n; i++) {
        size_t start = i < n ? (size_t)sp[i].offset : len;
        FUZZ_CHECK(start >= pos && start <= len);
        /* Between tokens: spaces and line breaks in rule mode, the input's separators in
         * lossless mode; owned by no token. */
        size_t in_from = i ? (size_t)(t[i - 1].offset + t[i - 1].length) : 0;
        size_t in_to = i < n ? (size_t)t[i].offset : in_len;
        if (lossless)
            FUZZ_CHECK(start - pos == in_to - in_from &&
                       memcmp(out + pos, in + in_from, in_to - in_from) == 0);
        for (size_t x = pos; x < start; x++) {
            FUZZ_CHECK(vnseg_detok_token_at(d, x) == VNSEG_DETOK_NONE);
            if (!lossless)
                FUZZ_CHECK(out[x] == ' ' || (out[x] >= 0x0A && out[x] <= 0x0D) || out[x] == 0xC2 ||
                           out[x] == 0x85 || out[x] == 0xE2 || out[x] == 0x80 || out[x] == 0xA8 ||
                           out[x] == 0xA9);
            breaks_out += out[x] == '\n';
        }
        if (i == n) break;
        FUZZ_CHECK(sp[i].length >= 1 && sp[i].offset + sp[i].length <= len);
        size_t need = 0;
        vnseg_status st = vnseg_doc_token_form(doc, i, VNSEG_FORM_SPACES, NULL, 0, &need);
        FUZZ_CHECK(st == VNSEG_OK || st == VNSEG_E_BUFFER);
        if (need > form_cap) {
            form = realloc(form, need);
            FUZZ_CHECK(form != NULL);
            form_cap = need;
        }
        FUZZ_CHECK(vnseg_doc_token_form(doc, i, VNSEG_FORM_SPACES, form, form_cap, &need) ==
                   VNSEG_OK);
        FUZZ_CHECK(need == sp[i].length && memcmp(out + sp[i].offset, form, need) == 0);
        FUZZ_CHECK(vnseg_detok_token_at(d, sp[i].offset) == i &&
                   vnseg_detok_token_at(d, sp[i].offset + sp[i].length - 1) == i);
        size_t first, count;
        FUZZ_CHECK(vnseg_detok_tokens_of(d, sp[i].offset, sp[i].length, &first, &count) ==
                       VNSEG_OK &&
                   first == i && count == 1);
        pos = sp[i].offset + sp[i].length;
    }
    /* Every line feed of the input comes through (tokens never hold one). */
    size_t breaks_in = 0;
    for (size_t x = 0; x < in_len; x++)
        breaks_in += in[x] == '\n';
    FUZZ_CHECK(breaks_in == breaks_out);
}

static void run(const uint8_t *data, size_t size, uint32_t tok_opts, uint32_t detok_opts,
                vnseg_detok *reused)
{
    vnseg_doc *doc = vnseg_doc_new();
    FUZZ_CHECK(doc != NULL);
    FUZZ_CHECK(vnseg_tokenize(doc, (const char *)data, size, tok_opts) == VNSEG_OK);
    vnseg_detok *d = NULL;
    FUZZ_CHECK(vnseg_detokenize(doc, detok_opts, &d) == VNSEG_OK);
    check_alignment(doc, d, data, size, detok_opts & VNSEG_DETOK_LOSSLESS);
    size_t len;
    const char *out = vnseg_detok_text(d, &len);

    FUZZ_CHECK(vnseg_detokenize_into(reused, doc, detok_opts) == VNSEG_OK);
    size_t len2;
    const char *out2 = vnseg_detok_text(reused, &len2);
    FUZZ_CHECK(len2 == len && memcmp(out, out2, len) == 0);

    char *buf = malloc(size ? size : 1);
    size_t need = 0;
    FUZZ_CHECK(buf != NULL);
    FUZZ_CHECK(vnseg_detokenize_text((const char *)data, size, tok_opts | detok_opts, buf, size,
                                     &need) == VNSEG_OK);
    FUZZ_CHECK(need == len && memcmp(buf, out, len) == 0);
    free(buf);
    vnseg_detok_free(d);
    vnseg_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vnseg_detok *reused = vnseg_detok_new();
    FUZZ_CHECK(reused != NULL);
    for (uint32_t escapes = 0; escapes <= VNSEG_OPT_ESCAPES; escapes += VNSEG_OPT_ESCAPES) {
        run(data, size, VNSEG_OPT_LENIENT | escapes, 0, reused);
        run(data, size, VNSEG_OPT_LENIENT | escapes, VNSEG_DETOK_LOSSLESS, reused);
    }
    vnseg_detok_free(reused);
    return 0;
}
