/* The tokenizer's scan: splits a buffer at separators, validating UTF-8 as it goes, and hands
 * each token to the classifier; then builds sentences. One pass over the bytes. */
#include <string.h>

#include "chars.h"
#include "doc.h"
#include "scan_simd.h"
#include "utf8.h"

bool vn_tokenize_reference = false;

VNSEG_EXPORT vnseg_doc *vnseg_doc_new(void)
{
    return vn_calloc(1, sizeof(vnseg_doc));
}

VNSEG_EXPORT void vnseg_doc_free(vnseg_doc *doc)
{
    if (!doc) return;
    vn_free(doc->tokens);
    vn_free(doc->sentences);
    vn_free(doc->pairs);
    vn_free(doc->events);
    vn_free(doc->stack);
    vn_free(doc->memo_block);
    vn_buf_free(&doc->scratch);
    vn_buf_free(&doc->scratch2);
    vn_free(doc);
}

static void reset(vnseg_doc *doc)
{
    doc->text = NULL;
    doc->len = 0;
    doc->ntokens = doc->nsentences = doc->nlines = doc->npairs = doc->nevents = 0;
}

static vnseg_status fail_nomem(vnseg_doc *doc)
{
    reset(doc);
    return vn_fail_simple(VNSEG_E_NOMEM);
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
        if (n < 3) return 0;
        if (p[1] == 0x80 &&
            ((p[2] >= 0x80 && p[2] <= 0x8A) || p[2] == 0xA8 || p[2] == 0xA9 || p[2] == 0xAF))
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

/* Row n keeps the first n of 16 bytes. */
#define KEEP(n)                                                                                    \
    {                                                                                              \
        0 < (n) ? 0xFF : 0, 1 < (n) ? 0xFF : 0, 2 < (n) ? 0xFF : 0, 3 < (n) ? 0xFF : 0,            \
            4 < (n) ? 0xFF : 0, 5 < (n) ? 0xFF : 0, 6 < (n) ? 0xFF : 0, 7 < (n) ? 0xFF : 0,        \
            8 < (n) ? 0xFF : 0, 9 < (n) ? 0xFF : 0, 10 < (n) ? 0xFF : 0, 11 < (n) ? 0xFF : 0,      \
            12 < (n) ? 0xFF : 0, 13 < (n) ? 0xFF : 0, 14 < (n) ? 0xFF : 0, 15 < (n) ? 0xFF : 0     \
    }
const unsigned char vn_memo_keep[VN_MEMO_MAX_LEN + 1][16] = {
    KEEP(0), KEEP(1),  KEEP(2),  KEEP(3),  KEEP(4),  KEEP(5),  KEEP(6),  KEEP(7), KEEP(8),
    KEEP(9), KEEP(10), KEEP(11), KEEP(12), KEEP(13), KEEP(14), KEEP(15), KEEP(16)};
#undef KEEP

/* Size the memo for the text this document handles: a few hundred buckets for short strings,
 * growing (and starting empty) as more text goes through, up to 2^VN_MEMO_MAX_BITS buckets. */
static bool prepare_memo(vnseg_doc *doc, size_t len, uint32_t memo_opts)
{
    doc->bytes_seen += len;
    unsigned bits = VN_MEMO_MIN_BITS;
    while (bits < VN_MEMO_MAX_BITS && ((uint64_t)1 << (bits + 9)) < doc->bytes_seen)
        bits++;
    if (!doc->memo || bits > doc->memo_bits) {
        /* One spare bucket so that the table can start on a cache line. */
        void *block = vn_calloc(((size_t)1 << bits) + 1, sizeof(vn_memo_bucket));
        if (!block) return doc->memo != NULL; /* keep the smaller memo */
        vn_free(doc->memo_block);
        doc->memo_block = block;
        uintptr_t at = ((uintptr_t)block + 63) & ~(uintptr_t)63;
        doc->memo = (vn_memo_bucket *)(void *)at;
        doc->memo_bits = bits;
        doc->memo_options = memo_opts;
    }
    if (doc->memo_options != memo_opts) {
        memset(doc->memo, 0, ((size_t)1 << doc->memo_bits) * sizeof(vn_memo_bucket));
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
                   "invalid UTF-8 at byte %llu (line %zu): byte 0x%02X", (unsigned long long)off,
                   line + 1, byte);
}

/* Bytes of a token before it is cut, leaving room for one more character. */
#define CUT_AT (VNSEG_TOKEN_MAX_BYTES - 4)

/* Is the character at p (p < end) a separator? */
static bool separator_at(const unsigned char *p, const unsigned char *end)
{
    if (*p < 0x80) return vn_ascii_features[*p] & VC_SEP;
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
            if (f & VC_SEP) break;
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
        if (c & VC_SEP) break;
        feat |= vn_nonascii_features(c);
        p += n;
    }
    *feat_out = feat;
    *cut = p >= limit && p < end && !separator_at(p, end);
    return p;
}

/* The scan's line state and counters. The loop keeps the counters in locals (see struct
 * hot below) and hands this to the functions of its rare paths. */
typedef struct scan_state {
    vnseg_doc *doc;
    const unsigned char *s, *end;
    bool reference;    /* vn_tokenize_reference: no memo, every token listed */
    size_t nt;         /* tokens so far */
    size_t limit;      /* tokens that fit before make_room() must run */
    size_t line;       /* current line number */
    size_t line_first; /* index of the first token of the current line */
    const unsigned char *line_start;
} scan_state;

/* Write a whole token record. */
static inline void store_token(vnseg_token *t, uint64_t offset, size_t len, uint32_t flags,
                               uint32_t syllables, uint16_t kind)
{
    t->offset = offset;
    t->length = (uint32_t)len;
    t->flags = flags;
    t->syllables = syllables;
    t->kind = kind;
    t->reserved = 0;
}

/* Recompute how many tokens fit: the token array, and the line's pair and event lists (one
 * entry more than the line has tokens, as the loop writes an entry before counting it). */
static void set_limit(scan_state *st)
{
    size_t by_line = st->line_first + st->doc->cap_line - 1;
    st->limit = st->doc->cap_line == 0          ? st->nt
                : st->doc->cap_tokens < by_line ? st->doc->cap_tokens
                                                : by_line;
}

/* Room for one more token; false on no memory. */
static VN_NOINLINE bool make_room(scan_state *st)
{
    vnseg_doc *doc = st->doc;
    if (st->nt >= doc->cap_tokens &&
        !vn_grow((void **)&doc->tokens, &doc->cap_tokens, st->nt + 1, sizeof(vnseg_token)))
        return false;
    size_t need = st->nt - st->line_first + 2;
    if (need > doc->cap_line) {
        size_t cap = doc->cap_line;
        if (!vn_grow((void **)&doc->pairs, &cap, need, sizeof(size_t))) return false;
        cap = doc->cap_line;
        if (!vn_grow((void **)&doc->events, &cap, need, sizeof(size_t))) return false;
        doc->cap_line = cap;
    }
    set_limit(st);
    return true;
}

/* The current line's tokens are complete: pair its brackets and split it into sentences while
 * its tokens are still in cache. */
static bool finish_line(scan_state *st)
{
    vnseg_doc *doc = st->doc;
    doc->ntokens = st->nt;
    if (st->nt > st->line_first &&
        vn_line_sentences(doc, st->line_first, st->nt, st->line) != VNSEG_OK)
        return false;
    doc->npairs = doc->nevents = 0;
    return true;
}

/* A separator of `sep` bytes at p: flags of the line's last token, line bookkeeping. */
static bool separator(scan_state *st, const unsigned char *p, size_t sep, bool brk)
{
    if (st->nt > st->line_first)
        st->doc->tokens[st->nt - 1].flags |= VNSEG_TF_SPACE_AFTER | (brk ? VNSEG_TF_LINE_END : 0);
    if (brk) {
        if (!finish_line(st)) return false;
        st->line++;
        st->line_first = st->nt;
        st->line_start = p + sep;
        set_limit(st);
    }
    return true;
}

/* A token that the memo does not know, at p (not an ASCII separator): multi-byte separators,
 * the exact scan, classification; remembered in `bucket` (if not NULL) under `key` when the
 * token is the whole candidate of `clen` bytes. Returns the end of what was consumed, or NULL
 * with *status set. */
static VN_NOINLINE const unsigned char *scan_slow(scan_state *st, const unsigned char *p,
                                                  bool lenient, vn_memo_bucket *bucket,
                                                  vn_memo_key key, size_t clen,
                                                  vnseg_status *status)
{
    vnseg_doc *doc = st->doc;
    size_t sep;
    if (*p >= 0xC2 && (sep = mb_separator(p, st->end)) != 0) {
        if (!separator(st, p, sep, mb_break(p, sep))) goto nomem;
        return p + sep;
    }
    const unsigned char *start = p, *bad = NULL;
    uint32_t feat = 0;
    bool cut = false;
    p = scan_token(start, st->end, lenient, &feat, &cut, &bad);
    if (!p) {
        *status = fail_utf8(doc, st->s, bad, st->line);
        return NULL;
    }
    if (st->nt >= st->limit && !make_room(st)) goto nomem;
    size_t idx = st->nt++;
    vnseg_token *t = &doc->tokens[idx];
    *t = (vnseg_token){.offset = (uint64_t)(start - st->s),
                       .length = (uint32_t)(p - start),
                       .flags = cut ? VNSEG_TF_SPLIT : 0,
                       .syllables = 1,
                       .kind = VNSEG_KIND_WORD};
    if (vn_classify(doc, t, feat) != VNSEG_OK) goto nomem;
    bool event = vn_sentence_event(t), pair = vn_pair_kind(t->kind);
    if (event || st->reference) doc->events[doc->nevents++] = idx;
    if (pair || st->reference) doc->pairs[doc->npairs++] = idx;
    if (bucket && t->length == clen && !(t->flags & VNSEG_TF_REPAIRED))
        vn_memo_insert(bucket, key, vn_memo_pack(t, event, pair));
    return p;
nomem:
    *status = fail_nomem(doc);
    return NULL;
}

/* The length of the candidate token at q (q[0..17) readable): the bytes up to the next ASCII
 * separator when there are at most 16, else 17. *space tells whether that separator is a
 * space (computed from the same load, so that the next token's start does not wait for
 * another one). */
static inline size_t candidate_length(const unsigned char *q, bool *space)
{
    unsigned spaces;
    unsigned m = vn_sep16(q, &spaces);
    if (VN_LIKELY(m)) {
        unsigned n = (unsigned)__builtin_ctz(m);
        *space = (spaces >> n) & 1;
        return n;
    }
    *space = q[16] == ' ';
    return q[16] <= 0x20 ? 16 : 17;
}

/* The reference scan: every token through the exact scan and classification. */
static vnseg_status scan_reference(scan_state *st, const unsigned char *p, bool lenient)
{
    while (p < st->end) {
        unsigned b = *p;
        vnseg_status status = VNSEG_OK;
        if (b <= 0x20 || b == 0x7F) {
            size_t sep = b == '\r' && p + 1 < st->end && p[1] == '\n' ? 2 : 1;
            if (!separator(st, p, sep, b - 0x0Au <= 3u)) return fail_nomem(st->doc);
            p += sep;
        } else if (!(p = scan_slow(st, p, lenient, NULL, vn_memo_no_key(), 0, &status))) {
            return status;
        }
    }
    return VNSEG_OK;
}

/* The scan: tokens found in the memo take the short path inside the loop, everything else
 * (separators other than one space after a token, unknown tokens, growing arrays) goes
 * through separator() and scan_slow(). */
static vnseg_status scan_fast(scan_state *st, const unsigned char *p, bool lenient,
                              vn_memo_bucket *memo, unsigned memo_shift)
{
    vnseg_doc *doc = st->doc;
    const unsigned char *const s = st->s, *const end = st->end;
    /* The counters of the short path, in locals so that they stay in registers; written
     * back to st and doc before any other path runs, and read again after it. */
    size_t nt = st->nt, limit = st->limit, nevents = doc->nevents, npairs = doc->npairs;
    while (p < end) {
        /* A candidate runs to the next ASCII separator. If it equals a memoized token (which
         * holds no separator and is valid UTF-8), it is exactly that token, with the same
         * classification. The last bytes of the buffer are looked at in a copy padded with
         * NUL bytes (separators): no load reads past the buffer. A separator at p gives an
         * empty candidate, which no memo key equals. */
        size_t avail = (size_t)(end - p);
        const unsigned char *q = p;
        unsigned char pad[32];
        if (VN_UNLIKELY(avail <= VN_MEMO_MAX_LEN)) {
            memset(pad, 0, sizeof pad);
            memcpy(pad, p, avail);
            q = pad;
        }
        bool space;
        size_t clen = candidate_length(q, &space);
        vn_memo_bucket *bucket = NULL;
        vn_memo_key key = vn_memo_no_key();
        if (VN_LIKELY(clen <= VN_MEMO_MAX_LEN)) {
            key = vn_memo_key_of(q, clen);
            bucket = &memo[vn_memo_bucket_of(key, memo_shift)];
            uint32_t info = vn_memo_find(bucket, key);
            if (VN_LIKELY(info) && VN_LIKELY(nt < limit)) {
                size_t idx = nt++;
                store_token(&doc->tokens[idx], (uint64_t)(p - s), clen,
                            vn_memo_flags(info) | (space ? VNSEG_TF_SPACE_AFTER : 0),
                            vn_memo_syllables(info), vn_memo_kind(info));
                /* List it for the sentence pass without a branch. */
                doc->events[nevents] = idx;
                nevents += (info >> VN_MEMO_EVENT_BIT) & 1;
                doc->pairs[npairs] = idx;
                npairs += (info >> VN_MEMO_PAIR_BIT) & 1;
                p += clen + space;
                continue;
            }
        }

        st->nt = nt;
        doc->nevents = nevents;
        doc->npairs = npairs;
        unsigned b = *p;
        vnseg_status status = VNSEG_OK;
        if (b <= 0x20 || b == 0x7F) {
            size_t sep = b == '\r' && p + 1 < end && p[1] == '\n' ? 2 : 1;
            if (!separator(st, p, sep, b - 0x0Au <= 3u)) return fail_nomem(doc);
            p += sep;
        } else if (!(p = scan_slow(st, p, lenient, bucket, key, clen, &status))) {
            return status;
        }
        nt = st->nt;
        limit = st->limit;
        nevents = doc->nevents;
        npairs = doc->npairs;
    }
    st->nt = nt;
    doc->nevents = nevents;
    doc->npairs = npairs;
    return VNSEG_OK;
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
    if (!text) text = "";

    const unsigned char *s = (const unsigned char *)text, *end = s + len, *p = s;
    const bool lenient = options & VNSEG_OPT_LENIENT;
    doc->text = s;
    doc->len = len;
    doc->options = options;

    size_t want = len / 6 + 16;
    if (want > doc->cap_tokens &&
        !vn_grow((void **)&doc->tokens, &doc->cap_tokens, want, sizeof(vnseg_token)))
        return fail_nomem(doc);
    if (!prepare_memo(doc, len, options & VNSEG_OPT_ESCAPES)) return fail_nomem(doc);

    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        p += 3; /* a leading byte-order mark is a separator */

    scan_state st = {
        .doc = doc, .s = s, .end = end, .reference = vn_tokenize_reference, .line_start = s};
    set_limit(&st);
    vnseg_status status = st.reference ? scan_reference(&st, p, lenient)
                                       : scan_fast(&st, p, lenient, doc->memo, 64 - doc->memo_bits);
    if (status != VNSEG_OK) return status;
    if (!finish_line(&st)) return fail_nomem(doc);
    doc->nlines = st.line + (end > st.line_start ? 1 : 0);
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
    if (len) *len = doc ? doc->len : 0;
    return doc ? (const char *)doc->text : NULL;
}
