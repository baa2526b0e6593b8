/* The detokenizer: writes a document's tokens as natural text (spacing from detok_rules.c, or
 * the input's own separators in lossless mode), recording each token's output span. */
#include <string.h>

#include "detok_rules.h"
#include "vnseg/detok.h"

struct vnseg_detok {
    char *text; /* len bytes and a NUL, in the same allocation as this struct */
    size_t len;
    vnseg_span *spans; /* one per token, same allocation */
    size_t ntokens;
};

#define TOKENIZER_OPTIONS (VNSEG_OPT_LENIENT | VNSEG_OPT_ESCAPES | VNSEG_OPT_NO_RUNON)
#define DETOK_OPTIONS (VNSEG_DETOK_LOSSLESS)

/* Bytes written so far and where they go; `out` NULL only counts. */
typedef struct writer {
    unsigned char *out;
    size_t pos;
} writer;

static inline void put_bytes(writer *w, const unsigned char *s, size_t n)
{
    if (w->out && n) memcpy(w->out + w->pos, s, n);
    w->pos += n;
}

static inline void put_byte(writer *w, unsigned char c)
{
    if (w->out) w->out[w->pos] = c;
    w->pos++;
}

/* Copy the line breaks found among the separators s[0..n), dropping every other separator. */
static void put_breaks(writer *w, const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (k > n - i) k = n - i;
        bool brk = (c >= 0x0A && c <= 0x0D) || (c == 0xC2 && k == 2 && s[i + 1] == 0x85) ||
                   (c == 0xE2 && k == 3 && s[i + 1] == 0x80 && (s[i + 2] | 1) == 0xA9);
        if (brk) put_bytes(w, s + i, k);
        i += k;
    }
}

/* Write token t: its bytes, syllable-separating underscores as spaces, escapes removed (the
 * form vnseg_doc_token_form() gives with VNSEG_FORM_SPACES). */
static void put_token(writer *w, const vnseg_doc *doc, const vnseg_token *t)
{
    const unsigned char *s = doc->text + t->offset;
    const size_t n = t->length;
    const bool escapes = doc->options & VNSEG_OPT_ESCAPES;
    const bool escaped = escapes && (t->flags & VNSEG_TF_ESCAPED);
    if (t->kind != VNSEG_KIND_WORD || t->syllables < 2) {
        if (!escaped) {
            put_bytes(w, s, n);
            return;
        }
    } else if (!escaped && !(t->flags & VNSEG_TF_LITERAL_UNDERSCORE)) {
        /* Every underscore separates syllables. */
        size_t i = 0;
        while (i < n) {
            const unsigned char *u = memchr(s + i, '_', n - i);
            size_t j = u ? (size_t)(u - s) : n;
            put_bytes(w, s + i, j - i);
            if (j < n) put_byte(w, ' ');
            i = j + 1;
        }
        return;
    }
    const bool word = t->kind == VNSEG_KIND_WORD && !vn_identifier_like(s, n, escapes);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (escaped && c == '\\' && i + 1 < n && (s[i + 1] == '_' || s[i + 1] == '\\'))
            c = s[++i];
        else if (word && c == '_' && vn_underscore_separates(s, n, i, escapes))
            c = ' ';
        put_byte(w, c);
    }
}

/* Write the whole document; spans (when not NULL) receive each token's output span. `space`
 * and `cls` are scratch of one byte per token. Returns the output length (<= the input's). */
static size_t write_doc(const vnseg_doc *doc, uint32_t options, unsigned char *out,
                        vnseg_span *spans, unsigned char *space, unsigned char *cls)
{
    const vnseg_token *tk = doc->tokens;
    const unsigned char *s = doc->text;
    const size_t n = doc->ntokens;
    const bool lossless = options & VNSEG_DETOK_LOSSLESS;
    writer w = {out, 0};

    size_t head = n ? (size_t)tk[0].offset : doc->len;
    if (lossless)
        put_bytes(&w, s, head);
    else
        put_breaks(&w, s, head);
    for (size_t l = 0; l < doc->nlines_with_tokens; l++) {
        size_t a = doc->lines[l].first_token;
        size_t b = l + 1 < doc->nlines_with_tokens ? doc->lines[l + 1].first_token : n;
        if (!lossless) vn_detok_line(doc, a, b, space, cls);
        for (size_t i = a; i < b; i++) {
            if (i > a && !lossless && space[i]) put_byte(&w, ' ');
            size_t start = w.pos;
            put_token(&w, doc, &tk[i]);
            if (spans) spans[i] = (vnseg_span){start, w.pos - start};
            size_t end = (size_t)(tk[i].offset + tk[i].length);
            size_t next = i + 1 < n ? (size_t)tk[i + 1].offset : doc->len;
            if (lossless) {
                if ((tk[i].flags & VNSEG_TF_SPACE_AFTER) || i + 1 == n)
                    put_bytes(&w, s + end, next - end);
            } else if (i + 1 == b) {
                put_breaks(&w, s + end, next - end);
            }
        }
    }
    return w.pos;
}

static vnseg_status check_options(uint32_t options, const char *fn)
{
    if (options & ~(uint32_t)(TOKENIZER_OPTIONS | DETOK_OPTIONS))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "%s: unknown option bits 0x%x", fn,
                       (unsigned)(options & ~(uint32_t)(TOKENIZER_OPTIONS | DETOK_OPTIONS)));
    return VNSEG_OK;
}

/* One byte of spacing and one of class per token, for the rules. NULL on no memory. */
static unsigned char *alloc_scratch(size_t ntokens)
{
    if (ntokens > SIZE_MAX / 2) return NULL;
    return vn_malloc(2 * ntokens);
}

VNSEG_EXPORT vnseg_status vnseg_detokenize(const vnseg_doc *doc, uint32_t options,
                                           vnseg_detok **out)
{
    if (out) *out = NULL;
    if (!doc || !out)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_detokenize: NULL document or result pointer");
    vnseg_status st = check_options(options, "vnseg_detokenize");
    if (st != VNSEG_OK) return st;
    const size_t n = doc->ntokens;
    /* One block: the struct, the spans, the text and its NUL. */
    size_t head = (sizeof(vnseg_detok) + 15) & ~(size_t)15;
    if (n > (SIZE_MAX - head) / sizeof(vnseg_span) ||
        doc->len > SIZE_MAX - head - n * sizeof(vnseg_span) - 1)
        return vn_fail_simple(VNSEG_E_TOO_LARGE);
    size_t size = head + n * sizeof(vnseg_span) + doc->len + 1;
    unsigned char *block = vn_malloc(size);
    unsigned char *scratch = n ? alloc_scratch(n) : NULL;
    if (!block || (n && !scratch)) {
        vn_free(block);
        vn_free(scratch);
        return vn_fail_simple(VNSEG_E_NOMEM);
    }
    vnseg_detok *d = (vnseg_detok *)(void *)block;
    d->spans = n ? (vnseg_span *)(void *)(block + head) : NULL;
    d->ntokens = n;
    d->text = (char *)(block + head + n * sizeof(vnseg_span));
    d->len = write_doc(doc, options, (unsigned char *)d->text, d->spans, scratch, scratch + n);
    d->text[d->len] = 0;
    vn_free(scratch);
    *out = d;
    return VNSEG_OK;
}

VNSEG_EXPORT const char *vnseg_detok_text(const vnseg_detok *d, size_t *len)
{
    if (len) *len = d ? d->len : 0;
    return d ? d->text : NULL;
}

VNSEG_EXPORT size_t vnseg_detok_token_count(const vnseg_detok *d)
{
    return d ? d->ntokens : 0;
}

VNSEG_EXPORT const vnseg_span *vnseg_detok_spans(const vnseg_detok *d)
{
    return d ? d->spans : NULL;
}

/* Index of the first token whose span ends after `offset` (ntokens when none). */
static size_t first_ending_after(const vnseg_detok *d, uint64_t offset)
{
    size_t lo = 0, hi = d->ntokens;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->spans[mid].offset + d->spans[mid].length <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

VNSEG_EXPORT size_t vnseg_detok_token_at(const vnseg_detok *d, uint64_t offset)
{
    if (!d) return VNSEG_DETOK_NONE;
    size_t i = first_ending_after(d, offset);
    return i < d->ntokens && d->spans[i].offset <= offset ? i : VNSEG_DETOK_NONE;
}

VNSEG_EXPORT vnseg_status vnseg_detok_span_of(const vnseg_detok *d, size_t first, size_t count,
                                              vnseg_span *span)
{
    if (!d || !span || count == 0 || first >= d->ntokens || count > d->ntokens - first)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_detok_span_of: tokens %zu + %zu out of range", first, count);
    const vnseg_span *a = &d->spans[first], *b = &d->spans[first + count - 1];
    *span = (vnseg_span){a->offset, b->offset + b->length - a->offset};
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_detok_tokens_of(const vnseg_detok *d, uint64_t offset,
                                                uint64_t length, size_t *first, size_t *count)
{
    if (!d || !first || !count || offset > d->len || length > d->len - offset)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_detok_tokens_of: range %llu + %llu out of the output",
                       (unsigned long long)offset, (unsigned long long)length);
    size_t i = first_ending_after(d, offset), j = i;
    while (j < d->ntokens && d->spans[j].offset < offset + length)
        j++;
    *first = i;
    *count = j - i;
    return VNSEG_OK;
}

VNSEG_EXPORT void vnseg_detok_free(vnseg_detok *d)
{
    vn_free(d);
}

VNSEG_EXPORT vnseg_status vnseg_detokenize_text(const char *seg, size_t len, uint32_t options,
                                                char *buf, size_t cap, size_t *out_len)
{
    if ((!seg && len) || (!buf && cap) || !out_len)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_detokenize_text: NULL text, buffer or length pointer");
    vnseg_status st = check_options(options, "vnseg_detokenize_text");
    if (st != VNSEG_OK) return st;
    vnseg_doc *doc = vnseg_doc_new();
    if (!doc) return vn_fail_simple(VNSEG_E_NOMEM);
    st = vnseg_tokenize(doc, seg, len, options & TOKENIZER_OPTIONS);
    unsigned char *scratch = NULL;
    if (st == VNSEG_OK && doc->ntokens && !(scratch = alloc_scratch(doc->ntokens)))
        st = vn_fail_simple(VNSEG_E_NOMEM);
    if (st == VNSEG_OK) {
        unsigned char *sp = scratch, *cls = scratch ? scratch + doc->ntokens : NULL;
        /* The output is never longer than the input: with room for that, write at once. */
        size_t need =
            write_doc(doc, options, cap >= len ? (unsigned char *)buf : NULL, NULL, sp, cls);
        if (cap < len && need <= cap) write_doc(doc, options, (unsigned char *)buf, NULL, sp, cls);
        *out_len = need;
        if (need > cap)
            st = vn_fail(VNSEG_E_BUFFER, VNSEG_NO_OFFSET, 0,
                         "vnseg_detokenize_text: %zu bytes needed, %zu given", need, cap);
    }
    vn_free(scratch);
    vnseg_doc_free(doc);
    return st;
}
