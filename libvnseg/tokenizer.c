/* The tokenizer's scan: splits a buffer at separators, validating UTF-8 as it goes, and hands
 * each token to the classifier; then builds sentences. One pass over the bytes. */
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "chars.h"
#include "doc.h"
#include "utf8.h"

VNSEG_EXPORT vnseg_doc *vnseg_doc_new(void)
{
    return vn_calloc(1, sizeof(vnseg_doc));
}

VNSEG_EXPORT void vnseg_doc_free(vnseg_doc *doc)
{
    if (!doc)
        return;
    vn_free(doc->tokens);
    vn_free(doc->sentences);
    vn_free(doc->lines);
    vn_free(doc->stack);
    vn_free(doc->memo);
    vn_buf_free(&doc->scratch);
    vn_buf_free(&doc->scratch2);
    vn_free(doc);
}

static void reset(vnseg_doc *doc)
{
    doc->text = NULL;
    doc->len = 0;
    doc->ntokens = doc->nsentences = doc->nlines_with_tokens = doc->nlines = 0;
}

static vnseg_status fail_nomem(vnseg_doc *doc)
{
    reset(doc);
    return vn_fail_simple(VNSEG_E_NOMEM);
}

/* Start a token at `start`; returns it, or NULL on no memory. */
static inline vnseg_token *push_token(vnseg_doc *doc, size_t start, size_t len)
{
    if (VN_UNLIKELY(doc->ntokens == doc->cap_tokens) &&
        !vn_grow((void **)&doc->tokens, &doc->cap_tokens, doc->ntokens + 1, sizeof(vnseg_token)))
        return NULL;
    vnseg_token *t = &doc->tokens[doc->ntokens++];
    t->offset = start;
    t->length = (uint32_t)len;
    t->flags = 0;
    t->syllables = 1;
    t->kind = VNSEG_KIND_WORD;
    t->reserved = 0;
    return t;
}

static bool push_line(vnseg_doc *doc, size_t number)
{
    if (!vn_grow((void **)&doc->lines, &doc->cap_lines, doc->nlines_with_tokens + 1,
                 sizeof(vn_line)))
        return false;
    doc->lines[doc->nlines_with_tokens++] = (vn_line){doc->ntokens, number, false};
    return true;
}

/* Flags that belong to a token's bytes alone, and may be memoized. */
#define INTRINSIC_FLAGS                                                                        \
    (~(uint32_t)(VNSEG_TF_SPACE_AFTER | VNSEG_TF_LINE_END | VNSEG_TF_SENT_START |              \
                 VNSEG_TF_SENT_END | VNSEG_TF_UNPAIRED | VNSEG_TF_SPLIT))

/* First byte at or after p that is an ASCII space or control (<= 0x20), or end. Multi-byte
 * separators (NBSP, ...) are not found here; the exact scan finds them. */
static inline const unsigned char *find_ascii_sep(const unsigned char *p, const unsigned char *end)
{
#ifdef __SSE2__
    const __m128i lim = _mm_set1_epi8(0x20);
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v, lim), lim));
        if (m)
            return p + __builtin_ctz(m);
        p += 16;
    }
#endif
    while (p < end && *p > 0x20)
        p++;
    return p;
}

/* Length of the multi-byte separator at p (NBSP, C1 controls, U+1680, U+2000..U+200A,
 * U+2028, U+2029, U+202F, U+205F, U+3000), or 0. Agrees with the class table. */
static inline size_t mb_separator(const unsigned char *p, const unsigned char *end)
{
    size_t n = (size_t)(end - p);
    switch (p[0]) {
    case 0xC2:
        return n >= 2 && p[1] >= 0x80 && p[1] <= 0xA0 ? 2 : 0;
    case 0xE1:
        return n >= 3 && p[1] == 0x9A && p[2] == 0x80 ? 3 : 0;
    case 0xE2:
        if (n < 3)
            return 0;
        if (p[1] == 0x80 && ((p[2] >= 0x80 && p[2] <= 0x8A) || p[2] == 0xA8 || p[2] == 0xA9 ||
                             p[2] == 0xAF))
            return 3;
        return p[1] == 0x81 && p[2] == 0x9F ? 3 : 0;
    case 0xE3:
        return n >= 3 && p[1] == 0x80 && p[2] == 0x80 ? 3 : 0;
    }
    return 0;
}

/* Is the multi-byte separator at p (length n) a line break: NEL, U+2028, U+2029? */
static inline bool mb_break(const unsigned char *p, size_t n)
{
    return (n == 2 && p[1] == 0x85) || (n == 3 && p[0] == 0xE2 && (p[2] == 0xA8 || p[2] == 0xA9));
}

/* The token's bytes as a zero-padded memo key (len <= VN_MEMO_MAX_LEN). */
static inline void memo_key(const unsigned char *p, const unsigned char *end, size_t len,
                            uint64_t key[2])
{
    if ((size_t)(end - p) < 16) {
        key[0] = key[1] = 0;
        memcpy(key, p, len);
        return;
    }
    memcpy(key, p, 16);
    if (len < 8) {
        key[0] &= ~(~(uint64_t)0 << (8 * len));
        key[1] = 0;
    } else if (len < 16) {
        key[1] &= ~(~(uint64_t)0 << (8 * (len - 8)));
    }
}

static inline size_t memo_slot(const uint64_t key[2], size_t len, unsigned shift)
{
    uint64_t h = (key[0] ^ (key[1] << 29 | key[1] >> 35) ^ len) * 0x9E3779B97F4A7C15ull;
    h ^= h >> 32;
    h *= 0xBF58476D1CE4E5B9ull;
    return (size_t)(h >> shift);
}

/* Size the memo for the text this document handles: a few thousand entries for short
 * strings, growing (and starting empty) as more text goes through, up to 2^15 entries. */
static bool prepare_memo(vnseg_doc *doc, size_t len, uint32_t memo_opts)
{
    doc->bytes_seen += len;
    unsigned bits = VN_MEMO_MIN_BITS;
    while (bits < VN_MEMO_MAX_BITS && ((uint64_t)1 << (bits + 7)) < doc->bytes_seen)
        bits++;
    if (!doc->memo || bits > doc->memo_bits) {
        vn_memo_entry *m = vn_calloc((size_t)1 << bits, sizeof(vn_memo_entry));
        if (!m)
            return doc->memo != NULL; /* keep the smaller memo */
        vn_free(doc->memo);
        doc->memo = m;
        doc->memo_bits = bits;
        doc->memo_options = memo_opts;
    }
    if (doc->memo_options != memo_opts) {
        memset(doc->memo, 0, ((size_t)1 << doc->memo_bits) * sizeof(vn_memo_entry));
        doc->memo_options = memo_opts;
    }
    return true;
}

static vnseg_status fail_utf8(vnseg_doc *doc, const unsigned char *s, const unsigned char *p,
                              size_t line)
{
    uint64_t off = (uint64_t)(p - s);
    unsigned byte = *p;
    reset(doc);
    return vn_fail(VNSEG_E_INVALID_UTF8, off, line + 1,
                   "invalid UTF-8 at byte %llu (line %zu): byte 0x%02X",
                   (unsigned long long)off, line + 1, byte);
}

/* Bytes of a token before it is cut, leaving room for one more character. */
#define CUT_AT (VNSEG_TOKEN_MAX_BYTES - 4)

/* Is the character at p (p < end) a separator? */
static bool separator_at(const unsigned char *p, const unsigned char *end)
{
    if (*p < 0x80)
        return vn_ascii_features[*p] & VC_SEP;
    uint32_t cp;
    return vn_utf8_decode(p, end, &cp) > 0 && (vn_char_class(cp) & VC_SEP);
}

/* The exact scan of one token from `start`: validates, collects character features, stops at
 * any separator or at the length limit (setting *cut when the run goes on). Returns the end,
 * or NULL on ill-formed UTF-8 in strict mode (*p_bad receives its position). */
static const unsigned char *scan_token(const unsigned char *start, const unsigned char *end,
                                       bool lenient, uint32_t *feat_out, bool *cut,
                                       const unsigned char **p_bad)
{
    const unsigned char *p = start;
    const unsigned char *limit = (size_t)(end - p) > CUT_AT ? p + CUT_AT : end;
    uint32_t feat = 0;
    while (p < limit) {
        unsigned b = *p;
        if (b < 0x80) {
            uint32_t f = vn_ascii_features[b];
            if (f & VC_SEP)
                break;
            feat |= f;
            p++;
            continue;
        }
        uint32_t cp;
        int n = vn_utf8_decode(p, end, &cp);
        if (VN_UNLIKELY(n < 0)) {
            if (!lenient) {
                *p_bad = p;
                return NULL;
            }
            feat |= VF_REPAIRED | VC_ALPHA | VF_NONASCII;
            p += -n;
            continue;
        }
        unsigned c = vn_char_class(cp);
        if (c & VC_SEP)
            break;
        feat |= vn_nonascii_features(c);
        p += n;
    }
    *feat_out = feat;
    *cut = p >= limit && p < end && !separator_at(p, end);
    return p;
}

VNSEG_EXPORT vnseg_status vnseg_tokenize(vnseg_doc *doc, const char *text, size_t len,
                                         uint32_t options)
{
    if (!doc || (!text && len))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_tokenize: NULL document or text");
    if (options & ~(uint32_t)(VNSEG_OPT_LENIENT | VNSEG_OPT_ESCAPES | VNSEG_OPT_NO_RUNON))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_tokenize: unknown option bits 0x%x", (unsigned)options);
    if (len > (size_t)PTRDIFF_MAX || (uintptr_t)text + len < (uintptr_t)text)
        return vn_fail(VNSEG_E_TOO_LARGE, VNSEG_NO_OFFSET, 0,
                       "vnseg_tokenize: length %zu cannot be a buffer's size", len);
    vn_chars_init();
    reset(doc);
    if (!text)
        text = "";

    const unsigned char *s = (const unsigned char *)text, *end = s + len, *p = s;
    const bool lenient = options & VNSEG_OPT_LENIENT;
    doc->text = s;
    doc->len = len;
    doc->options = options;

    size_t want = len / 6 + 16;
    if (want > doc->cap_tokens &&
        !vn_grow((void **)&doc->tokens, &doc->cap_tokens, want, sizeof(vnseg_token)))
        return fail_nomem(doc);
    if (!prepare_memo(doc, len, options & VNSEG_OPT_ESCAPES))
        return fail_nomem(doc);
    const unsigned memo_shift = 64 - doc->memo_bits;

    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        p += 3; /* a leading byte-order mark is a separator */

    size_t line = 0;       /* current line number */
    size_t line_first = 0; /* index of the first token of the current line */
    const unsigned char *line_start = s;

    while (p < end) {
        /* Separators. */
        unsigned b = *p;
        size_t sep = 0;
        bool brk = false;
        if (b <= 0x20 || b == 0x7F) {
            sep = 1;
            brk = b >= 0x0A && b <= 0x0D;
            if (b == '\r' && p + 1 < end && p[1] == '\n')
                sep = 2;
        } else if (b >= 0xC2 && (sep = mb_separator(p, end)) != 0) {
            brk = mb_break(p, sep);
        }
        if (sep) {
            if (doc->ntokens > line_first) {
                vnseg_token *last = &doc->tokens[doc->ntokens - 1];
                last->flags |= VNSEG_TF_SPACE_AFTER | (brk ? VNSEG_TF_LINE_END : 0);
            }
            if (brk) {
                line++;
                line_first = doc->ntokens;
                line_start = p + sep;
            }
            p += sep;
            continue;
        }

        if (doc->ntokens == line_first && !push_line(doc, line))
            return fail_nomem(doc);

        /* Most tokens are found in the memo: same bytes, same classification. A candidate that
         * runs to the next ASCII separator and equals a memoized token (which holds no
         * separator and is valid UTF-8) is exactly that token. */
        const unsigned char *q = find_ascii_sep(p, end);
        size_t clen = (size_t)(q - p);
        uint64_t key[2];
        size_t slot = 0;
        if (clen <= VN_MEMO_MAX_LEN) {
            memo_key(p, end, clen, key);
            slot = memo_slot(key, clen, memo_shift);
            const vn_memo_entry *m = &doc->memo[slot];
            if (m->len == clen && m->key[0] == key[0] && m->key[1] == key[1]) {
                vnseg_token *t = push_token(doc, (size_t)(p - s), clen);
                if (!t)
                    return fail_nomem(doc);
                t->kind = m->kind;
                t->flags = m->flags;
                t->syllables = m->syllables;
                if ((unsigned)(t->kind - VNSEG_KIND_PUNCT_OPEN) <= 1u)
                    doc->lines[doc->nlines_with_tokens - 1].has_pairs = true;
                p = q;
                if (p < end && *p == ' ') {
                    t->flags |= VNSEG_TF_SPACE_AFTER;
                    p++;
                }
                continue;
            }
        }

        /* The exact scan. */
        const unsigned char *start = p, *bad = NULL;
        uint32_t feat = 0;
        bool cut = false;
        p = scan_token(start, end, lenient, &feat, &cut, &bad);
        if (!p)
            return fail_utf8(doc, s, bad, line);
        vnseg_token *t = push_token(doc, (size_t)(start - s), (size_t)(p - start));
        if (!t)
            return fail_nomem(doc);
        if (cut)
            t->flags |= VNSEG_TF_SPLIT;
        if (vn_classify(doc, t, feat) != VNSEG_OK)
            return fail_nomem(doc);
        if (t->kind <= VNSEG_KIND_PUNCT_CLOSE && t->kind >= VNSEG_KIND_PUNCT_OPEN)
            doc->lines[doc->nlines_with_tokens - 1].has_pairs = true;
        if (clen <= VN_MEMO_MAX_LEN && t->length == clen && !(t->flags & VNSEG_TF_REPAIRED)) {
            vn_memo_entry *m = &doc->memo[slot];
            memcpy(m->key, key, sizeof m->key);
            m->len = (uint8_t)clen;
            m->kind = (uint8_t)t->kind;
            m->flags = t->flags & INTRINSIC_FLAGS;
            m->syllables = (uint16_t)t->syllables;
        }
    }
    doc->nlines = line + (end > line_start ? 1 : 0);

    if (vn_build_sentences(doc) != VNSEG_OK)
        return fail_nomem(doc);
    return VNSEG_OK;
}

VNSEG_EXPORT size_t vnseg_doc_token_count(const vnseg_doc *doc)
{
    return doc ? doc->ntokens : 0;
}

VNSEG_EXPORT const vnseg_token *vnseg_doc_tokens(const vnseg_doc *doc)
{
    return doc ? doc->tokens : NULL;
}

VNSEG_EXPORT size_t vnseg_doc_sentence_count(const vnseg_doc *doc)
{
    return doc ? doc->nsentences : 0;
}

VNSEG_EXPORT const vnseg_sentence *vnseg_doc_sentences(const vnseg_doc *doc)
{
    return doc ? doc->sentences : NULL;
}

VNSEG_EXPORT size_t vnseg_doc_line_count(const vnseg_doc *doc)
{
    return doc ? doc->nlines : 0;
}

VNSEG_EXPORT const char *vnseg_doc_text(const vnseg_doc *doc, size_t *len)
{
    if (len)
        *len = doc ? doc->len : 0;
    return doc ? (const char *)doc->text : NULL;
}
