/* The detokenizer: writes a document's tokens as natural text (spacing from detok_rules.c, or
 * the input's own separators in lossless mode), recording each token's output span. */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "detok_rules.h"
#include "vnseg/detok.h"

struct vnseg_detok {
    char *text; /* len bytes and a NUL */
    size_t len, cap_text;
    vnseg_span *spans; /* one per token */
    size_t ntokens, cap_spans;
    unsigned char *scratch; /* the rules' bytes for the longest line: spacing, then classes */
    size_t cap_scratch;
};

#define TOKENIZER_OPTIONS (VNSEG_OPT_LENIENT | VNSEG_OPT_ESCAPES | VNSEG_OPT_NO_RUNON)
#define DETOK_OPTIONS (VNSEG_DETOK_LOSSLESS)

/* Bytes written so far and where they go; `out` NULL only counts. With `slack`, `out` has 16
 * bytes of room past the input's length, so short copies may move 16 bytes at once. */
typedef struct writer {
    unsigned char *out;
    size_t pos;
    bool slack;
} writer;

/* Room kept past the output in a result's text buffer, for writer.slack. */
#define SLACK 16

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

#ifndef __SSE2__
/* Eight bytes with every `_` turned into a space when `on` is all ones, without a branch per
 * byte: the high bit of each byte of `zero` is set exactly where v ^ '_' is zero. */
static inline uint64_t underscores_to_spaces(uint64_t v, uint64_t on)
{
    const uint64_t ones7 = 0x7F7F7F7F7F7F7F7Full;
    uint64_t x = v ^ 0x5F5F5F5F5F5F5F5Full;
    uint64_t zero = ~(((x & ones7) + ones7) | x | ones7);
    return v ^ (((zero >> 7) * ('_' ^ ' ')) & on);
}
#endif

/* Copy 16 bytes from s to o, every `_` turned into a space when `on` (all ones or zero). */
static inline void copy16_spaces(unsigned char *o, const unsigned char *s, uint64_t on)
{
#ifdef __SSE2__
    /* The `_` ^ ' ' bits to flip, or none: a load, not a broadcast of `on`. */
    static const union {
        uint8_t b[16];
        __m128i v;
    } flips[2] = {{{0}}, {{0x7F, 0x7F, 0x7F, 0x7F, 0x7F, 0x7F, 0x7F, 0x7F, 0x7F, 0x7F, 0x7F, 0x7F,
                          0x7F, 0x7F, 0x7F, 0x7F}}};
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i flip = _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('_')), flips[on & 1].v);
    _mm_storeu_si128((__m128i *)(void *)o, _mm_xor_si128(v, flip));
#else
    uint64_t v[2];
    memcpy(v, s, 16);
    v[0] = underscores_to_spaces(v[0], on);
    v[1] = underscores_to_spaces(v[1], on);
    memcpy(o, v, 16);
#endif
}

/* Copy a token's n bytes at s (the input holds `readable` bytes from s on). */
static inline void put_copy(writer *w, const unsigned char *s, size_t n, size_t readable)
{
    if (w->slack && n <= 16 && readable >= 16)
        memcpy(w->out + w->pos, s, 16); /* the bytes past n are overwritten later */
    else if (w->out)
        memcpy(w->out + w->pos, s, n);
    w->pos += n;
}

/* Write token t: its bytes, syllable-separating underscores as spaces, escapes removed (the
 * form vnseg_doc_token_form() gives with VNSEG_FORM_SPACES). */
static inline void put_token(writer *w, const vnseg_doc *doc, const vnseg_token *t)
{
    const unsigned char *s = doc->text + t->offset;
    const size_t n = t->length;
    const uint32_t special = VNSEG_TF_ESCAPED | VNSEG_TF_LITERAL_UNDERSCORE;
    if (VN_LIKELY(!(t->flags & special))) {
        if (t->kind != VNSEG_KIND_WORD || t->syllables < 2) {
            put_copy(w, s, n, doc->len - t->offset);
            return;
        }
        /* Every underscore separates syllables. */
        if (w->slack && n <= 16 && doc->len - t->offset >= 16) {
            copy16_spaces(w->out + w->pos, s, ~(uint64_t)0); /* bytes past n: overwritten later */
            w->pos += n;
            return;
        }
        size_t start = w->pos;
        put_copy(w, s, n, doc->len - t->offset);
        if (w->out)
            for (unsigned char *o = w->out + start, *e = o + n; o < e; o++)
                if (*o == '_') *o = ' ';
        return;
    }
    const bool escapes = doc->options & VNSEG_OPT_ESCAPES;
    const bool escaped = escapes && (t->flags & VNSEG_TF_ESCAPED);
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

/* The main path: line [r->a, r->b) (prepared) into a result's own buffer (with SLACK bytes of
 * room) from pos, spans recorded; returns the new position. Few branches: the space is written
 * always and counted when wanted; the common pairs are decided from the table with the class
 * word of the token before held in a register; a short token moves as 16 bytes, its
 * underscores turned into spaces when it is a word (tokens without these flags hold no literal
 * underscore; other kinds hold none at all, except emoticons). Everything the loop reads is in
 * locals, so that the stores into the output do not force reloads. */
static inline size_t write_line_fast(vn_line_rules *r, const vnseg_doc *doc, unsigned char *out,
                                     size_t pos, vnseg_span *spans)
{
    const vnseg_token *tk = doc->tokens;
    const unsigned char *s = doc->text;
    const uint16_t *cl = r->cls;
    const size_t a = r->a, b = r->b;
    const int64_t far = (int64_t)doc->len - 16; /* 16 bytes can be read from offsets up to here */
    const uint32_t special = VNSEG_TF_ESCAPED | VNSEG_TF_LITERAL_UNDERSCORE;
    unsigned cp = 0;
    uint64_t prev_end = tk[a].offset; /* no space before the first token */
    for (size_t i = a; i < b; i++) {
        const vnseg_token *t = &tk[i];
        const unsigned cc = cl[i - a];
        out[pos] = ' ';
        /* Tokens that touch in the input (cut at the length limit) stay touching. */
        if (t->offset != prev_end) {
            unsigned v = (cp | cc) < 32 ? vn_detok_pairs[cp][cc] : 0;
            if (VN_LIKELY(v - 1u < 2u)) {
                pos += v == VN_PAIR_SPACE;
            } else if (v == VN_PAIR_WORD_DOT &&
                       !(i + 1 < b && (cl[i + 1 - a] & VN_CLASS_MASK) == VN_CLASS_WORD &&
                         (unsigned)(s[tk[i + 1].offset] - 'a') < 26u)) {
                /* `đi qua.`: no extension (`.odt`) can follow */
            } else if (v == VN_PAIR_DOT_WORD && (unsigned)(s[t->offset] - 'a') >= 26u &&
                       !(i >= a + 2 && (cl[i - 2 - a] & VN_CLASS_MASK) == VN_CLASS_NUM)) {
                pos++; /* `. Chúng`: neither `.odt` nor `Bảng1.A1` */
            } else {
                r->pair_edges = vn_detok_pair_edges(cp, cc);
                pos += !vn_detok_attached(r, i, true);
            }
        }
        size_t start = pos, len = t->length;
        if (VN_LIKELY(!(t->flags & special) && len <= 16 && (int64_t)t->offset <= far)) {
            copy16_spaces(out + pos, s + t->offset, -(uint64_t)(t->kind == VNSEG_KIND_WORD));
            pos += len;
        } else {
            writer w = {out, pos, true};
            put_token(&w, doc, t);
            pos = w.pos;
        }
        spans[i] = (vnseg_span){start, pos - start};
        cp = cc;
        prev_end = t->offset + len;
    }
    return pos;
}

/* Write the whole document; spans (when not NULL) receive each token's output span. `scratch`
 * holds two bytes per token of the longest line (the rules' classes and edges); `slack` says
 * that `out` has SLACK bytes of room past the input's length. Returns the output length (never
 * more than the input's). */
static size_t write_doc(const vnseg_doc *doc, uint32_t options, unsigned char *out, bool slack,
                        vnseg_span *spans, unsigned char *scratch)
{
    const vnseg_token *tk = doc->tokens;
    const unsigned char *s = doc->text;
    const size_t n = doc->ntokens;
    const bool lossless = options & VNSEG_DETOK_LOSSLESS;
    writer w = {out, 0, slack};
    vn_line_rules r;

    size_t head = n ? (size_t)tk[0].offset : doc->len;
    if (lossless)
        put_bytes(&w, s, head);
    else
        put_breaks(&w, s, head);
    for (size_t sent = 0, a, b; vn_detok_next_line(doc, &sent, &a, &b);) {
        if (lossless) {
            for (size_t i = a; i < b; i++) {
                size_t start = w.pos;
                put_token(&w, doc, &tk[i]);
                if (spans) spans[i] = (vnseg_span){start, w.pos - start};
                size_t end = (size_t)(tk[i].offset + tk[i].length);
                size_t next = i + 1 < n ? (size_t)tk[i + 1].offset : doc->len;
                if ((tk[i].flags & VNSEG_TF_SPACE_AFTER) || i + 1 == n)
                    put_bytes(&w, s + end, next - end);
            }
            continue;
        }
        vn_detok_prepare(&r, doc, a, b, scratch);
        if (slack && spans) {
            w.pos = write_line_fast(&r, doc, w.out, w.pos, spans);
        } else {
            for (size_t i = a; i < b; i++) {
                if (i > a && vn_detok_space(&r, i)) put_byte(&w, ' ');
                size_t start = w.pos;
                put_token(&w, doc, &tk[i]);
                if (spans) spans[i] = (vnseg_span){start, w.pos - start};
            }
        }
        size_t end = (size_t)(tk[b - 1].offset + tk[b - 1].length);
        put_breaks(&w, s + end, (b < n ? (size_t)tk[b].offset : doc->len) - end);
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

/* Tokens on the longest line of the document. */
static size_t longest_line(const vnseg_doc *doc)
{
    size_t most = 0;
    for (size_t sent = 0, a, b; vn_detok_next_line(doc, &sent, &a, &b);) {
        if (b - a > most) most = b - a;
    }
    return most;
}

/* Make room in d for the output of doc: its text, spans and the rules' scratch (spacing and
 * classes of the longest line). */
static bool reserve(vnseg_detok *d, const vnseg_doc *doc, size_t line)
{
    if (doc->len == SIZE_MAX || line > SIZE_MAX / 2) return false;
    if (doc->len > SIZE_MAX - SLACK - 1) return false;
    return vn_grow((void **)&d->text, &d->cap_text, doc->len + SLACK + 1, 1) &&
           (!doc->ntokens ||
            vn_grow((void **)&d->spans, &d->cap_spans, doc->ntokens, sizeof(vnseg_span))) &&
           (!line || vn_grow((void **)&d->scratch, &d->cap_scratch, 2 * line, 1));
}

VNSEG_EXPORT vnseg_detok *vnseg_detok_new(void)
{
    return vn_calloc(1, sizeof(vnseg_detok));
}

VNSEG_EXPORT vnseg_status vnseg_detokenize_into(vnseg_detok *d, const vnseg_doc *doc,
                                                uint32_t options)
{
    if (!d || !doc)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_detokenize_into: NULL result or document");
    d->len = d->ntokens = 0;
    if (d->text) d->text[0] = 0;
    vnseg_status st = check_options(options, "vnseg_detokenize_into");
    if (st != VNSEG_OK) return st;
    size_t line = options & VNSEG_DETOK_LOSSLESS ? 0 : longest_line(doc);
    if (!reserve(d, doc, line)) {
        if (d->text) d->text[0] = 0; /* left empty, whatever grew before the failure */
        return vn_fail_simple(VNSEG_E_NOMEM);
    }
    d->len = write_doc(doc, options, (unsigned char *)d->text, true, d->spans, d->scratch);
    d->text[d->len] = 0;
    d->ntokens = doc->ntokens;
    return VNSEG_OK;
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
    vnseg_detok *d = vnseg_detok_new();
    if (!d) return vn_fail_simple(VNSEG_E_NOMEM);
    st = vnseg_detokenize_into(d, doc, options);
    if (st != VNSEG_OK) {
        vnseg_detok_free(d);
        return st;
    }
    *out = d;
    return VNSEG_OK;
}

VNSEG_EXPORT const char *vnseg_detok_text(const vnseg_detok *d, size_t *len)
{
    if (len) *len = d ? d->len : 0;
    return d ? (d->text ? d->text : "") : NULL;
}

VNSEG_EXPORT size_t vnseg_detok_token_count(const vnseg_detok *d)
{
    return d ? d->ntokens : 0;
}

VNSEG_EXPORT const vnseg_span *vnseg_detok_spans(const vnseg_detok *d)
{
    return d && d->ntokens ? d->spans : NULL;
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
    if (!d) return;
    vn_free(d->text);
    vn_free(d->spans);
    vn_free(d->scratch);
    vn_free(d);
}

VNSEG_EXPORT vnseg_status vnseg_detokenize_text(const char *seg, size_t len, uint32_t options,
                                                char *buf, size_t cap, size_t *out_len)
{
    VN_CHECK_LEN("vnseg_detokenize_text", seg, len);
    if ((!seg && len) || (!buf && cap) || !out_len)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_detokenize_text: NULL text, buffer or length pointer");
    vnseg_status st = check_options(options, "vnseg_detokenize_text");
    if (st != VNSEG_OK) return st;
    vnseg_doc *doc = vnseg_doc_new();
    if (!doc) return vn_fail_simple(VNSEG_E_NOMEM);
    st = vnseg_tokenize(doc, seg, len, options & TOKENIZER_OPTIONS);
    unsigned char *scratch = NULL;
    size_t line = st == VNSEG_OK && !(options & VNSEG_DETOK_LOSSLESS) ? longest_line(doc) : 0;
    if (line && !(scratch = line <= SIZE_MAX / 2 ? vn_malloc(2 * line) : NULL))
        st = vn_fail_simple(VNSEG_E_NOMEM);
    if (st == VNSEG_OK) {
        /* The output is never longer than the input: with room for that, write at once. */
        size_t need = write_doc(doc, options, cap >= len ? (unsigned char *)buf : NULL,
                                cap >= len && cap - len >= SLACK, NULL, scratch);
        if (cap < len && need <= cap)
            write_doc(doc, options, (unsigned char *)buf, false, NULL, scratch);
        *out_len = need;
        if (need > cap)
            st = vn_fail(VNSEG_E_BUFFER, VNSEG_NO_OFFSET, 0,
                         "vnseg_detokenize_text: %zu bytes needed, %zu given", need, cap);
    }
    vn_free(scratch);
    vnseg_doc_free(doc);
    return st;
}
