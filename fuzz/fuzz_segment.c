/* Fuzz target: the raw tokenizer and the word segmenter with a tiny model trained at start.
 * Properties: raw tokens in bounds, ordered, covering every non-separator byte; strict mode
 * fails exactly on ill-formed UTF-8, lenient never fails; the segmented text differs from the
 * input only by `_` for joined spaces and inserted spaces; the tokenizer reads it back into the
 * segmenter's words; lossless detokenization gives the input back byte for byte; the
 * buffer call gives the same bytes. */
#include <string.h>

#include <vnseg.h>

#include "fuzz.h"
#include "fuzz_model.h"

static void check_raw(const vnseg_doc *doc, const uint8_t *data, size_t size)
{
    size_t n = vnseg_doc_token_count(doc), pos = 0;
    const vnseg_token *t = vnseg_doc_tokens(doc);
    bool bom = size >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF;
    for (size_t i = 0; i <= n; i++) {
        size_t start = i < n ? (size_t)t[i].offset : size;
        FUZZ_CHECK(start >= pos && start <= size);
        size_t g = pos == 0 && bom && start >= 3 ? 3 : pos;
        while (g < start) {
            uint32_t cp;
            size_t k = fuzz_decode(data + g, start - g, &cp);
            FUZZ_CHECK(k && fuzz_is_separator(cp));
            g += k;
        }
        if (i == n)
            break;
        FUZZ_CHECK(t[i].length >= 1 && t[i].length <= VNSEG_TOKEN_MAX_BYTES);
        FUZZ_CHECK(t[i].offset + t[i].length <= size && t[i].syllables == 1);
        FUZZ_CHECK(t[i].kind < VNSEG_KIND_COUNT && (t[i].flags >> VNSEG_TF_COUNT) == 0);
        pos = t[i].offset + t[i].length;
    }
    const vnseg_sentence *s = vnseg_doc_sentences(doc);
    uint64_t next = 0;
    for (size_t k = 0; k < vnseg_doc_sentence_count(doc); k++) {
        FUZZ_CHECK(s[k].first_token == next && s[k].token_count >= 1);
        next += s[k].token_count;
    }
    FUZZ_CHECK(next == n);
}

/* The output is the input with some ASCII spaces turned into `_` and spaces inserted. */
static void check_segmented(const uint8_t *in, size_t in_len, const uint8_t *out, size_t out_len)
{
    size_t i = 0, o = 0;
    while (o < out_len) {
        if (i < in_len && out[o] == in[i]) {
            i++, o++;
        } else if (i < in_len && out[o] == '_' && in[i] == ' ') {
            i++, o++;
        } else {
            FUZZ_CHECK(out[o] == ' ');
            o++;
        }
    }
    FUZZ_CHECK(i == in_len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static vnseg_model *model;
    static vnseg_segmenter *seg;
    static vnseg_doc *doc, *back;
    if (!model) {
        model = fuzz_tiny_model();
        FUZZ_CHECK(vnseg_segmenter_new(model, &seg) == VNSEG_OK);
        doc = vnseg_doc_new();
        back = vnseg_doc_new();
        FUZZ_CHECK(doc && back);
    }
    uint8_t *copy = malloc(size ? size : 1);
    memcpy(copy, data, size);
    const char *text = (const char *)copy;
    bool valid = fuzz_valid_utf8(copy, size);

    vnseg_status st = vnseg_tokenize_raw(doc, text, size, 0);
    FUZZ_CHECK(valid ? st == VNSEG_OK : st == VNSEG_E_INVALID_UTF8);
    if (st == VNSEG_OK)
        check_raw(doc, copy, size);
    FUZZ_CHECK(vnseg_tokenize_raw(doc, text, size, VNSEG_OPT_LENIENT) == VNSEG_OK);
    check_raw(doc, copy, size);

    st = vnseg_segment(seg, text, size, 0);
    FUZZ_CHECK(valid ? st == VNSEG_OK : st == VNSEG_E_INVALID_UTF8);
    FUZZ_CHECK(vnseg_segment(seg, text, size, VNSEG_OPT_LENIENT) == VNSEG_OK);
    size_t out_len;
    const char *out = vnseg_segmenter_text(seg, &out_len);
    FUZZ_CHECK(out != NULL || out_len == 0);
    check_segmented(copy, size, (const uint8_t *)out, out_len);

    /* The tokenizer reads the segmented text back into the segmenter's words. */
    const vnseg_doc *words = NULL;
    FUZZ_CHECK(vnseg_segmenter_doc(seg, &words) == VNSEG_OK);
    FUZZ_CHECK(vnseg_tokenize(back, out, out_len, VNSEG_OPT_LENIENT) == VNSEG_OK);
    size_t nw = vnseg_doc_token_count(words);
    FUZZ_CHECK(vnseg_doc_token_count(back) == nw);
    const vnseg_token *a = vnseg_doc_tokens(words), *b = vnseg_doc_tokens(back);
    for (size_t i = 0; i < nw; i++)
        FUZZ_CHECK(a[i].offset == b[i].offset && a[i].length == b[i].length &&
                   a[i].syllables == b[i].syllables);

    /* Lossless detokenization of the words gives the raw input back. */
    vnseg_detok *d = NULL;
    FUZZ_CHECK(vnseg_detokenize(words, VNSEG_DETOK_LOSSLESS, &d) == VNSEG_OK);
    size_t dl;
    const char *dt = vnseg_detok_text(d, &dl);
    FUZZ_CHECK(dl == size && memcmp(dt, copy, size) == 0);
    vnseg_detok_free(d);

    /* The one-shot buffer call agrees (on a quarter of the inputs: it makes a segmenter each
     * time, which dominates the run time). */
    if (size % 4 != 0) {
        free(copy);
        return 0;
    }
    size_t need = 0;
    st = vnseg_segment_to_buffer(model, text, size, VNSEG_OPT_LENIENT, NULL, 0, &need);
    FUZZ_CHECK(st == VNSEG_OK || st == VNSEG_E_BUFFER);
    FUZZ_CHECK(need == out_len);
    char *buf = malloc(need ? need : 1);
    FUZZ_CHECK(vnseg_segment_to_buffer(model, text, size, VNSEG_OPT_LENIENT, buf, need, &need) ==
               VNSEG_OK);
    FUZZ_CHECK(need == out_len && memcmp(buf, out, need) == 0);
    free(buf);
    free(copy);
    return 0;
}
