/* The tokenizer's scan: splits a buffer at separators, validating UTF-8 as it goes, and hands
 * each token to the classifier; then builds sentences. One pass over the bytes. */
#include <stdatomic.h>
#include <string.h>

#include "chars.h"
#include "doc.h"
#include "scan_simd.h"
#include "utf8.h"

bool vn_tokenize_reference = false;
bool vn_scan_sse2_only = false;

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
    vn_free(doc->memo_long_block);
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

/* Sixteen bytes of 0xFF, then sixteen of zero: the 16 bytes at vn_memo_window + 16 - n keep
 * the first n of 16. */
_Alignas(32) const unsigned char vn_memo_window[32] = {
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

/* A zeroed table of 2^bits buckets of `size` bytes that starts on a cache line (one spare
 * bucket leaves room to align it), in place of *block; NULL (keeping the old one) on no memory. */
static void *new_table(void **block, unsigned bits, size_t size)
{
    void *b = vn_calloc(((size_t)1 << bits) + 1, size);
    if (!b) return NULL;
    vn_free(*block);
    *block = b;
    return (void *)(((uintptr_t)b + 63) & ~(uintptr_t)63);
}

/* Is the memo at its largest for these options (the state of a document that has seen much
 * text)? Then prepare_memo() only counts the bytes. A table's bits are set only together with
 * the table (in prepare_memo() and in rawtok.c), so non-zero bits imply a table. */
static inline bool memo_ready(const vnseg_doc *doc, uint32_t memo_opts)
{
    return doc->memo_bits == VN_MEMO_MAX_BITS && doc->memo_options == memo_opts &&
           doc->memo_long_bits == VN_MEMO_MAX_BITS - VN_MEMO_LONG_SHIFT &&
           doc->memo_long_options == memo_opts;
}

bool vn_memo_prepare(vnseg_doc *doc, size_t len, uint32_t memo_opts)
{
    doc->bytes_seen += len;
    unsigned bits = VN_MEMO_MIN_BITS;
    while (bits < VN_MEMO_MAX_BITS && ((uint64_t)1 << (bits + 9)) < doc->bytes_seen)
        bits++;
    if (!doc->memo || bits > doc->memo_bits) {
        void *table = new_table(&doc->memo_block, bits, sizeof(vn_memo_bucket));
        if (!table) return false;
        doc->memo = table;
        doc->memo_bits = bits;
        doc->memo_options = memo_opts;
    }
    if (doc->memo_options != memo_opts) {
        memset(doc->memo, 0, ((size_t)1 << doc->memo_bits) * sizeof(vn_memo_bucket));
        doc->memo_options = memo_opts;
    }
    return true;
}

/* Size the memo for the text this document handles (vn_memo_prepare()); the table of long
 * tokens follows at 1/16 of the main one. Without memory for the long table the scan goes on
 * without it. */
static bool prepare_memo(vnseg_doc *doc, size_t len, uint32_t memo_opts)
{
    if (memo_ready(doc, memo_opts)) {
        doc->bytes_seen += len;
        return true;
    }
    if (!vn_memo_prepare(doc, len, memo_opts)) return doc->memo != NULL; /* keep the smaller */
    unsigned long_bits = doc->memo_bits - VN_MEMO_LONG_SHIFT;
    if (!doc->memo_long || long_bits > doc->memo_long_bits) {
        void *table = new_table(&doc->memo_long_block, long_bits, sizeof(vn_memo_long_bucket));
        if (table) {
            doc->memo_long = table;
            doc->memo_long_bits = long_bits;
            doc->memo_long_options = memo_opts;
        }
    }
    if (doc->memo_long && doc->memo_long_options != memo_opts) {
        memset(doc->memo_long, 0, ((size_t)1 << doc->memo_long_bits) * sizeof(vn_memo_long_bucket));
        doc->memo_long_options = memo_opts;
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
    *cut = p >= limit && p < end && !vn_separator_at(p, end);
    return p;
}

/* Rows of vn_token_tails: kind in the low 4 bits of the index, syllables in the next 4 (the top
 * bit, the listed bit of a packed classification, repeats the table). */
#define TAIL(i)                                                                                    \
    {                                                                                              \
        ((i) >> 4) & 15, (i)&15, 0                                                                 \
    }
#define TAIL16(r)                                                                                  \
    TAIL(16 * (r) + 0), TAIL(16 * (r) + 1), TAIL(16 * (r) + 2), TAIL(16 * (r) + 3),                \
        TAIL(16 * (r) + 4), TAIL(16 * (r) + 5), TAIL(16 * (r) + 6), TAIL(16 * (r) + 7),            \
        TAIL(16 * (r) + 8), TAIL(16 * (r) + 9), TAIL(16 * (r) + 10), TAIL(16 * (r) + 11),          \
        TAIL(16 * (r) + 12), TAIL(16 * (r) + 13), TAIL(16 * (r) + 14), TAIL(16 * (r) + 15)
#define TAIL256(r)                                                                                 \
    TAIL16(16 * (r) + 0), TAIL16(16 * (r) + 1), TAIL16(16 * (r) + 2), TAIL16(16 * (r) + 3),        \
        TAIL16(16 * (r) + 4), TAIL16(16 * (r) + 5), TAIL16(16 * (r) + 6), TAIL16(16 * (r) + 7),    \
        TAIL16(16 * (r) + 8), TAIL16(16 * (r) + 9), TAIL16(16 * (r) + 10), TAIL16(16 * (r) + 11),  \
        TAIL16(16 * (r) + 12), TAIL16(16 * (r) + 13), TAIL16(16 * (r) + 14), TAIL16(16 * (r) + 15)
const vn_token_tail vn_token_tails[512] = {TAIL256(0), TAIL256(1)};
#undef TAIL256
#undef TAIL16
#undef TAIL

/* The scan's line state and counters. The block loop keeps the counters in locals (struct
 * hot) and hands this to the functions of its rare paths. */
typedef struct scan_state {
    vnseg_doc *doc;
    const unsigned char *s, *end;
    bool reference;    /* vn_tokenize_reference: no memo, every token listed */
    bool lenient;      /* VNSEG_OPT_LENIENT */
    bool pairs;        /* the current line's list may hold a bracket or quote */
    size_t nt;         /* tokens so far */
    size_t limit;      /* tokens that fit before make_room() must run */
    size_t line;       /* current line number */
    size_t line_first; /* index of the first token of the current line */
    const unsigned char *line_start;
    vn_memo_bucket *memo; /* 2^(64 - memo_shift) buckets */
    unsigned memo_shift;
} scan_state;

/* Recompute how many tokens fit: the token array, and the line's lists (one entry more than
 * the line has tokens, as the scan writes an entry before counting it). */
static void set_limit(scan_state *st)
{
    size_t by_line = st->line_first + st->doc->cap_line - 1;
    st->limit = st->doc->cap_line == 0          ? st->nt
                : st->doc->cap_tokens < by_line ? st->doc->cap_tokens
                                                : by_line;
}

/* Room for `n` more tokens; false on no memory. Both line lists keep the same capacity
 * (vn_line_sentences() callers use pairs too). */
static VN_NOINLINE bool make_room(scan_state *st, size_t n)
{
    vnseg_doc *doc = st->doc;
    if (st->nt + n > doc->cap_tokens &&
        !vn_grow((void **)&doc->tokens, &doc->cap_tokens, st->nt + n, sizeof(vnseg_token)))
        return false;
    size_t need = st->nt - st->line_first + n + 1;
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
static inline __attribute__((always_inline)) bool finish_line(scan_state *st)
{
    vnseg_doc *doc = st->doc;
    doc->ntokens = st->nt;
    if (st->nt > st->line_first) {
        if (vn_line_one_sentence(doc, st->line_first, st->nt)) {
            if (!vn_push_sentence(doc, st->line_first, st->nt - 1, st->line, VNSEG_SF_LINE_END))
                return false;
        } else if (vn_line_sentences_listed(doc, st->line_first, st->nt, st->line, st->pairs) !=
                   VNSEG_OK) {
            return false;
        }
    }
    doc->npairs = doc->nevents = 0;
    st->pairs = false;
    return true;
}

/* A separator of `sep` bytes at p: flags of the line's last token, line bookkeeping. */
static inline __attribute__((always_inline)) bool separator(scan_state *st, const unsigned char *p,
                                                            size_t sep, bool brk)
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

/* The ASCII control character at p (< 0x20): a line break (CR LF counts once, at the CR), or a
 * separator such as a tab. */
static inline __attribute__((always_inline)) bool control(scan_state *st, const unsigned char *p)
{
    unsigned b = *p;
    if (b - 0x0Au > 3u) return separator(st, p, 1, false);
    if (b == '\n' && p > st->s && p[-1] == '\r') return true;
    size_t sep = b == '\r' && p + 1 < st->end && p[1] == '\n' ? 2 : 1;
    return separator(st, p, sep, true);
}

/* List token idx for the sentence pass when it is an event or a pair (every token for the
 * reference). */
static inline void list_token(scan_state *st, size_t idx, bool event, bool pair)
{
    if (event || pair || st->reference) st->doc->events[st->doc->nevents++] = idx;
    st->pairs |= pair || st->reference;
}

/* The length of the candidate token at q (q[0..17) readable): the bytes up to the next ASCII
 * separator when there are at most 16, else 17. */
static inline size_t candidate_length(const unsigned char *q)
{
    unsigned m = vn_sep16(q);
    if (VN_LIKELY(m)) return (unsigned)__builtin_ctz(m);
    return q[16] <= 0x20 ? 16 : 17;
}

/* A token that the memo does not know, at p (not an ASCII separator): multi-byte separators,
 * the exact scan, classification. Returns the end of what was consumed, or NULL with *status
 * set; *made receives the new token, or NULL after a separator. */
static VN_NOINLINE const unsigned char *scan_slow(scan_state *st, const unsigned char *p,
                                                  vnseg_token **made, vnseg_status *status)
{
    vnseg_doc *doc = st->doc;
    size_t sep;
    *made = NULL;
    if (*p >= 0xC2 && (sep = vn_mb_separator(p, st->end)) != 0) {
        if (!separator(st, p, sep, vn_mb_break(p, sep))) goto nomem;
        return p + sep;
    }
    const unsigned char *start = p, *bad = NULL;
    uint32_t feat = 0;
    bool cut = false;
    p = scan_token(start, st->end, st->lenient, &feat, &cut, &bad);
    if (!p) {
        *status = fail_utf8(doc, st->s, bad, st->line);
        return NULL;
    }
    if (st->nt >= st->limit && !make_room(st, 1)) goto nomem;
    size_t idx = st->nt++;
    vnseg_token *t = &doc->tokens[idx];
    *t = (vnseg_token){.offset = (uint64_t)(start - st->s),
                       .length = (uint32_t)(p - start),
                       .flags = cut ? VNSEG_TF_SPLIT : 0,
                       .syllables = 1,
                       .kind = VNSEG_KIND_WORD};
    if (vn_classify(doc, t, feat) != VNSEG_OK) goto nomem;
    list_token(st, idx, vn_sentence_event(doc, t), vn_pair_kind(t->kind));
    *made = t;
    return p;
nomem:
    *status = fail_nomem(doc);
    return NULL;
}

/* May the token the exact path made be remembered under its candidate of `clen` bytes? Only
 * when it is that whole candidate, and holds no ill-formed bytes (lenient and strict mode
 * share the memo). */
static inline bool memoizable(const vnseg_token *t, size_t clen)
{
    return t && t->length == clen && !(t->flags & VNSEG_TF_REPAIRED);
}

static inline uint32_t pack(const vnseg_doc *doc, const vnseg_token *t)
{
    return vn_memo_pack(t, vn_sentence_event(doc, t), vn_pair_kind(t->kind));
}

/* Store a memoized token of `clen` bytes at p, ending the buffer or not. */
static void store_known(scan_state *st, const unsigned char *p, size_t clen, uint32_t info)
{
    size_t idx = st->nt++;
    vnseg_token *t = &st->doc->tokens[idx];
    t->offset = (uint64_t)(p - st->s);
    t->length = (uint32_t)clen;
    t->flags = info & VN_MEMO_STORED_FLAGS;
    if (p + clen == st->end) t->flags &= ~(uint32_t)VNSEG_TF_SPACE_AFTER;
    memcpy(&t->syllables, vn_memo_tail(info), sizeof(vn_token_tail));
    list_token(st, idx, vn_memo_listed(info), vn_memo_pair(info));
}

/* A token at p whose candidate is longer than 16 bytes: through the table of long tokens when
 * the candidate is at most 32 bytes. */
static const unsigned char *scan_long(scan_state *st, const unsigned char *p, vnseg_status *status)
{
    size_t avail = (size_t)(st->end - p);
    const unsigned char *q = p;
    unsigned char pad[VN_MEMO_LONG_MAX + 16];
    if (avail <= VN_MEMO_LONG_MAX) {
        memset(pad, 0, sizeof pad);
        memcpy(pad, p, avail);
        q = pad;
    }
    size_t clen = VN_MEMO_MAX_LEN + candidate_length(q + VN_MEMO_MAX_LEN);
    vnseg_token *t;
    /* The table of long tokens is read from the document (rare path: not in the scan state). */
    vn_memo_long_bucket *memo_long = st->doc->memo_long;
    if (!memo_long || clen > VN_MEMO_LONG_MAX) return scan_slow(st, p, &t, status);
    vn_memo_key key[2];
    vn_memo_long_key_of(q, clen, key);
    vn_memo_long_bucket *bucket =
        &memo_long[vn_memo_long_bucket_of(key, 64 - st->doc->memo_long_bits)];
    uint32_t info = vn_memo_long_find(bucket, key);
    if (info && st->nt < st->limit) {
        store_known(st, p, clen, info);
        return p + clen;
    }
    p = scan_slow(st, p, &t, status);
    if (memoizable(t, clen)) vn_memo_long_insert(bucket, key, pack(st->doc, t));
    return p;
}

/* The exact path's step with a short candidate of `clen` bytes (< 17) at p, which is not in
 * `bucket` under `key`. */
static const unsigned char *scan_unknown(scan_state *st, const unsigned char *p,
                                         vn_memo_bucket *bucket, vn_memo_key key, size_t clen,
                                         vnseg_status *status)
{
    vnseg_token *t;
    p = scan_slow(st, p, &t, status);
    if (memoizable(t, clen)) vn_memo_insert(bucket, key, pack(st->doc, t));
    return p;
}

/* One token or separator at p (not an ASCII separator <= 0x20), through the memo when it can:
 * the exact path's step. Returns the end of what was consumed, or NULL with *status set. */
static const unsigned char *scan_one(scan_state *st, const unsigned char *p, vnseg_status *status)
{
    if (*p == 0x7F) {
        if (separator(st, p, 1, false)) return p + 1;
        *status = fail_nomem(st->doc);
        return NULL;
    }
    /* The last bytes of the buffer are looked at in a copy padded with NUL bytes (separators),
     * so that no load reads past the buffer. */
    size_t avail = (size_t)(st->end - p);
    const unsigned char *q = p;
    unsigned char pad[32];
    if (avail <= VN_MEMO_MAX_LEN) {
        memset(pad, 0, sizeof pad);
        memcpy(pad, p, avail);
        q = pad;
    }
    size_t clen = candidate_length(q);
    if (clen > VN_MEMO_MAX_LEN) return scan_long(st, p, status);
    vn_memo_key key = vn_memo_key_of(q, clen);
    vn_memo_bucket *bucket = &st->memo[vn_memo_bucket_of(key, st->memo_shift)];
    uint32_t info = vn_memo_find(bucket, key);
    if (!info || st->nt >= st->limit) return scan_unknown(st, p, bucket, key, clen, status);
    store_known(st, p, clen, info);
    return p + clen;
}

/* Where the block loop cannot take a token (memo miss, longer than 16 bytes, holding DEL or a
 * multi-byte separator, arrays full): the exact path from p, token by token, up to the next
 * ASCII separator (or the end), where the block loop takes over again. The first token is not
 * looked up again: `bucket` (NULL for a candidate longer than 16 bytes), `key` and `clen` are
 * its candidate's. Returns the position reached, or NULL with *status set. */
static VN_NOINLINE const unsigned char *scan_exact(scan_state *st, const unsigned char *p,
                                                   vn_memo_bucket *bucket, vn_memo_key key,
                                                   size_t clen, vnseg_status *status)
{
    /* A candidate that starts with DEL (a separator the 16-byte masks do not see) goes
     * through scan_one, which takes it as a separator: the slow scan would make an empty
     * token of it (found by fuzz_segment; test_hostile's DEL test). */
    if (*p == 0x7F)
        p = scan_one(st, p, status);
    else
        p = bucket ? scan_unknown(st, p, bucket, key, clen, status) : scan_long(st, p, status);
    while (p && p<st->end && * p> 0x20)
        p = scan_one(st, p, status);
    /* The separator there follows the line's last token (the block loop flags only the tokens
     * it writes itself). */
    if (p && p < st->end && st->nt > st->line_first)
        st->doc->tokens[st->nt - 1].flags |= VNSEG_TF_SPACE_AFTER;
    return p;
}

/* The reference scan: every token through the exact scan and classification. */
static VN_NOINLINE vnseg_status scan_reference(scan_state *st, const unsigned char *p)
{
    while (p < st->end) {
        unsigned b = *p;
        vnseg_status status = VNSEG_OK;
        vnseg_token *made;
        if (b <= 0x20 || b == 0x7F) {
            size_t sep = b == '\r' && p + 1 < st->end && p[1] == '\n' ? 2 : 1;
            if (!separator(st, p, sep, b - 0x0Au <= 3u)) return fail_nomem(st->doc);
            p += sep;
        } else if (!(p = scan_slow(st, p, &made, &status))) {
            return status;
        }
    }
    return VNSEG_OK;
}

/* The block loop's counters and arrays, in locals so that they stay in registers; written
 * back to the scan state before any other path runs, and read again after it. */
typedef struct hot {
    vnseg_token *next; /* doc->tokens + nt */
    size_t *listed;    /* doc->events + doc->nevents */
    size_t nt, limit;
    uint32_t seen; /* the or of the packed classifications written since the last sync */
    vn_memo_bucket *memo;
    unsigned memo_shift;
} hot;

static inline void hot_load(const scan_state *st, hot *h)
{
    /* The arrays are NULL until first grown: no pointer arithmetic on NULL (UB). */
    h->next = st->doc->tokens ? st->doc->tokens + st->nt : NULL;
    h->listed = st->doc->events ? st->doc->events + st->doc->nevents : NULL;
    h->memo = st->memo;
    h->memo_shift = st->memo_shift;
    h->nt = st->nt;
    h->limit = st->limit;
    h->seen = 0;
}

static inline void hot_store(scan_state *st, const hot *h)
{
    st->nt = h->nt;
    st->doc->nevents = (size_t)(h->listed - st->doc->events);
    st->pairs |= vn_memo_pair(h->seen);
}

/* Tokens a block of 64 bytes can start: each needs a separator before it. */
#define BLOCK_TOKENS 32

/* Blocks of 64 bytes indexed together (a chunk): the token loop runs over a chunk's starts
 * and control characters in one go, so that its exit (a branch no predictor gets right) is
 * taken once a chunk instead of once a block. */
#define CHUNK_BLOCKS 8
#define CHUNK_BYTES (64 * CHUNK_BLOCKS)

/* Room for `n` tokens; false on no memory. */
static inline bool chunk_room(scan_state *st, hot *h, size_t n)
{
    if (VN_LIKELY(h->nt + n <= h->limit)) return true;
    hot_store(st, h);
    if (!make_room(st, n)) return false;
    hot_load(st, h);
    return true;
}

/* The positions (0..7) of the set bits of a byte, lowest first, packed in the bytes of a
 * 64-bit word from the low end (the other bytes zero), and their count: built from the same
 * for the two nibbles. */
#define NIBPOS(n)                                                                                  \
    ((n) == 0    ? 0x0ull                                                                          \
     : (n) == 1  ? 0x00ull                                                                         \
     : (n) == 2  ? 0x01ull                                                                         \
     : (n) == 3  ? 0x0100ull                                                                       \
     : (n) == 4  ? 0x02ull                                                                         \
     : (n) == 5  ? 0x0200ull                                                                       \
     : (n) == 6  ? 0x0201ull                                                                       \
     : (n) == 7  ? 0x020100ull                                                                     \
     : (n) == 8  ? 0x03ull                                                                         \
     : (n) == 9  ? 0x0300ull                                                                       \
     : (n) == 10 ? 0x0301ull                                                                       \
     : (n) == 11 ? 0x030100ull                                                                     \
     : (n) == 12 ? 0x0302ull                                                                       \
     : (n) == 13 ? 0x030200ull                                                                     \
     : (n) == 14 ? 0x030201ull                                                                     \
                 : 0x03020100ull)
#define NIBCOUNT(n) (((n)&1) + ((n) >> 1 & 1) + ((n) >> 2 & 1) + ((n) >> 3 & 1))
#define BYTEPOS(b)                                                                                 \
    (NIBPOS((b)&15) |                                                                              \
     (NIBPOS((b) >> 4) + (0x04040404ull & ((1ull << (8 * NIBCOUNT((b) >> 4))) - 1)))               \
         << (8 * NIBCOUNT((b)&15)))
#define BYTEPOS4(b) BYTEPOS(b), BYTEPOS((b) + 1), BYTEPOS((b) + 2), BYTEPOS((b) + 3)
#define BYTEPOS16(b) BYTEPOS4(b), BYTEPOS4((b) + 4), BYTEPOS4((b) + 8), BYTEPOS4((b) + 12)
#define BYTEPOS64(b) BYTEPOS16(b), BYTEPOS16((b) + 16), BYTEPOS16((b) + 32), BYTEPOS16((b) + 48)
static const uint64_t bit_positions[256] = {BYTEPOS64(0), BYTEPOS64(64), BYTEPOS64(128),
                                            BYTEPOS64(192)};
#define BYTECOUNT(b) (NIBCOUNT((b)&15) + NIBCOUNT((b) >> 4))
#define BYTECOUNT4(b) BYTECOUNT(b), BYTECOUNT((b) + 1), BYTECOUNT((b) + 2), BYTECOUNT((b) + 3)
#define BYTECOUNT16(b) BYTECOUNT4(b), BYTECOUNT4((b) + 4), BYTECOUNT4((b) + 8), BYTECOUNT4((b) + 12)
#define BYTECOUNT64(b)                                                                             \
    BYTECOUNT16(b), BYTECOUNT16((b) + 16), BYTECOUNT16((b) + 32), BYTECOUNT16((b) + 48)
static const uint8_t bit_counts[256] = {BYTECOUNT64(0), BYTECOUNT64(64), BYTECOUNT64(128),
                                        BYTECOUNT64(192)};

/* The positions (offsets in the chunk) of the set bits of `bits`, a block at offset `base`,
 * written at w, a byte of the mask at a time: eight positions written without a test of how
 * many there are (up to eight entries past the count are written, never read). Returns the
 * count. */
static inline __attribute__((always_inline)) unsigned flatten(uint16_t *w, uint64_t bits,
                                                              unsigned base)
{
    unsigned count = 0;
#ifdef __SSE2__
    const __m128i zero = _mm_setzero_si128(), eight = _mm_set1_epi16(8);
    __m128i at = _mm_set1_epi16((short)base);
    for (unsigned j = 0; j < 8; j++, bits >>= 8) {
        unsigned m = (unsigned)bits & 0xFF;
        __m128i v = _mm_loadl_epi64((const __m128i *)(const void *)&bit_positions[m]);
        _mm_storeu_si128((__m128i *)(void *)(w + count),
                         _mm_add_epi16(_mm_unpacklo_epi8(v, zero), at));
        at = _mm_add_epi16(at, eight);
        count += bit_counts[m];
    }
#else
    for (unsigned j = 0; j < 8; j++) {
        unsigned m = (unsigned)(bits >> (8 * j)) & 0xFF;
        uint64_t pos = bit_positions[m];
        for (unsigned i = 0; i < 8; i++)
            w[count + i] = (uint16_t)(base + 8 * j + (unsigned)(pos >> (8 * i) & 0xFF));
        count += bit_counts[m];
    }
#endif
    return count;
}

/* The tokens that start in the `blocks` blocks of 64 bytes at text offset `pos`. `d` holds
 * those bytes and 17 more: the text itself, or for the rest of the text after the last whole
 * chunk (`tail`) a copy padded with NUL bytes. `*carry` tells whether the byte before the chunk is
 * a separator, and receives the same for the next chunk. Tokens start after a separator. First
 * every start and control character (line breaks, tabs) of the chunk is listed in position order;
 * then each start's candidate (the bytes up to the next ASCII separator, from one 16-byte load),
 * its key and memo bucket are computed and the bucket prefetched, so that the buckets load in
 * parallel; then the list is walked: a start whose candidate the memo knows is that token,
 * with that classification; everything else goes through the exact path, control characters
 * through control(). Returns the offset where the next chunk starts, or 0 with *status set. */
typedef void block_masks_fn(const unsigned char *p, uint64_t *sep, uint64_t *ctl);
typedef uint32_t memo_find_fn(const vn_memo_bucket *b, vn_memo_key k);

static inline __attribute__((always_inline)) size_t
scan_chunk(scan_state *st, hot *h, const unsigned char *d, size_t pos, unsigned blocks,
           uint64_t *carry, bool tail, block_masks_fn *block_masks, memo_find_fn *memo_find,
           vnseg_status *status)
{
    const unsigned char *const s = st->s;
    const size_t avail = (size_t)(st->end - s) - pos;
    _Alignas(16) vn_memo_key keys[CHUNK_BYTES];
    vn_memo_bucket *buckets[CHUNK_BYTES];
    uint8_t clens[CHUNK_BYTES];
    uint16_t at[CHUNK_BYTES + 8];
    unsigned n = 0;
    for (unsigned b = 0; b < blocks; b++) {
        uint64_t sep, ctl;
        block_masks(d + 64 * b, &sep, &ctl);
        if (tail && avail < 64 * (b + 1)) /* not the padding (a chunk's blocks all hold text) */
            ctl &= ((uint64_t)1 << (avail - 64 * b)) - 1;
        uint64_t starts = ~sep & (sep << 1 | *carry);
        *carry = sep >> 63;
        n += flatten(at + n, starts | ctl, 64 * b);
    }
    if (!chunk_room(st, h, BLOCK_TOKENS * blocks)) goto nomem;
    const vn_memo_long_bucket *memo_long = st->doc->memo_long;
    const unsigned long_shift = 64 - st->doc->memo_long_bits;
    /* Every entry's candidate, key and bucket (a control character gets an empty one, never
     * used); a candidate longer than 16 bytes gets no bucket. */
    for (unsigned k = 0; k < n; k++) {
        const unsigned char *q = d + at[k];
        size_t clen = (size_t)__builtin_ctzll(vn_sep16(q) | 1u << VN_MEMO_MAX_LEN);
        bool fits = clen < VN_MEMO_MAX_LEN || q[VN_MEMO_MAX_LEN] <= 0x20;
        vn_memo_key key = vn_memo_key_of(q, clen < VN_MEMO_MAX_LEN ? clen : VN_MEMO_MAX_LEN);
        vn_memo_bucket *bucket = &h->memo[vn_memo_bucket_of(key, h->memo_shift)];
        __builtin_prefetch(bucket);
        keys[k] = key;
        buckets[k] = fits ? bucket : NULL;
        clens[k] = (uint8_t)clen;
        /* A longer candidate goes through the exact path, which looks it up in the table of
         * long tokens: its bucket is prefetched too, where 32 bytes can be read. */
        if (VN_UNLIKELY(!fits) && memo_long && (size_t)at[k] + VN_MEMO_LONG_MAX <= avail) {
            vn_memo_key lkey[2];
            size_t llen =
                VN_MEMO_MAX_LEN + (size_t)__builtin_ctzll(vn_sep16(q + VN_MEMO_MAX_LEN) | 1u << 16);
            vn_memo_long_key_of(q, llen, lkey);
            const char *lb = (const char *)&memo_long[vn_memo_long_bucket_of(lkey, long_shift)];
            __builtin_prefetch(lb);
            __builtin_prefetch(lb + 64);
        }
    }
    for (unsigned k = 0; k < n; k++) {
        size_t off = at[k];
        if (VN_UNLIKELY(d[off] < 0x20)) {
            hot_store(st, h);
            if (!control(st, s + pos + off)) goto nomem;
            hot_load(st, h);
            continue;
        }
        size_t clen = clens[k];
        vn_memo_bucket *bucket = buckets[k];
        vn_memo_key key = keys[k];
        uint32_t info = VN_LIKELY(bucket) ? memo_find(bucket, key) : 0;
        if (VN_LIKELY(info)) {
            vnseg_token *t = h->next++;
            t->offset = pos + off;
            t->length = (uint32_t)clen;
            t->flags = info & VN_MEMO_STORED_FLAGS; /* with VNSEG_TF_SPACE_AFTER */
            memcpy(&t->syllables, vn_memo_tail(info), sizeof(vn_token_tail));
            /* Listed for the sentence pass without a branch. */
            *h->listed = h->nt++;
            h->listed += vn_memo_listed(info);
            h->seen |= info;
            continue;
        }
        hot_store(st, h);
        const unsigned char *r = scan_exact(st, s + pos + off, bucket, key, clen, status);
        if (!r) return 0;
        hot_load(st, h);
        size_t done = (size_t)(r - s) - pos;
        if (done >= 64 * (size_t)blocks) return pos + done;
        /* Entries before r were inside what the exact path took (it stops at the first ASCII
         * separator, so no control character is among them). */
        while (k + 1 < n && at[k + 1] < done)
            k++;
        if (!chunk_room(st, h, BLOCK_TOKENS * blocks)) goto nomem;
    }
    return pos + 64 * (size_t)blocks;
nomem:
    *status = fail_nomem(st->doc);
    return 0;
}

/* Copy the last n bytes of the text (0 < n < 32) to the start of pad, in fixed-size pieces
 * that overlap rather than through a call to memcpy of n bytes (one a line for callers that go
 * line by line). Reads and writes only [0, n). */
static inline __attribute__((always_inline)) void copy_small(unsigned char *pad,
                                                             const unsigned char *src, size_t n)
{
    if (n >= 16) {
        memcpy(pad, src, 16);
        memcpy(pad + n - 16, src + n - 16, 16);
    } else if (n >= 8) {
        memcpy(pad, src, 8);
        memcpy(pad + n - 8, src + n - 8, 8);
    } else if (n >= 4) {
        memcpy(pad, src, 4);
        memcpy(pad + n - 4, src + n - 4, 4);
    } else {
        pad[0] = src[0];
        pad[n / 2] = src[n / 2];
        pad[n - 1] = src[n - 1];
    }
}

/* The padded copy of the text's last chunk: pad (aligned to 32) receives the n bytes at src
 * (0 < n), then NUL bytes up to `size` (a multiple of 32, at least n + 17), in 32-byte pieces
 * (a compiler turns them into vector stores; memset and memcpy calls of variable size are slow
 * to start, and this runs once a line for callers that go line by line). Reads only src[0, n);
 * bytes of the text past `size` are not copied. */
static inline __attribute__((always_inline)) void
pad_chunk(unsigned char *pad, const unsigned char *src, size_t n, size_t size)
{
    if (n > size - 17) n = size - 17;
    for (size_t z = n & ~(size_t)31; z < size; z += 32)
        memset(pad + z, 0, 32);
    if (n < 32) {
        copy_small(pad, src, n);
        return;
    }
    size_t i = 0;
    for (; i + 32 <= n; i += 32)
        memcpy(pad + i, src + i, 32);
    if (i < n) memcpy(pad + n - 32, src + n - 32, 32);
}

/* The scan from p: chunks read in place while a chunk and 16 bytes remain, then the rest (less
 * than a chunk and 16 bytes) from a padded copy, in one chunk. */
static inline __attribute__((always_inline)) vnseg_status scan_blocks(scan_state *st,
                                                                      const unsigned char *p,
                                                                      block_masks_fn *block_masks,
                                                                      memo_find_fn *memo_find)
{
    const unsigned char *const s = st->s;
    const size_t len = (size_t)(st->end - s);
    size_t pos = (size_t)(p - s);
    uint64_t carry = 1;
    vnseg_status status = VNSEG_OK;
    hot h;
    hot_load(st, &h);
    while (len - pos >= CHUNK_BYTES + 16) {
        pos = scan_chunk(st, &h, s + pos, pos, CHUNK_BLOCKS, &carry, false, block_masks, memo_find,
                         &status);
        if (!pos) return status;
    }
    /* The rest (a whole line, for callers that go line by line) from a padded copy. */
    while (pos < len) {
        _Alignas(32) unsigned char pad[CHUNK_BYTES + 32];
        size_t rest = len - pos;
        size_t blocks = rest >= CHUNK_BYTES ? CHUNK_BLOCKS : (rest + 63) / 64;
        pad_chunk(pad, s + pos, rest, 64 * blocks + 32);
        if (!(pos = scan_chunk(st, &h, pad, pos, (unsigned)blocks, &carry, true, block_masks,
                               memo_find, &status)))
            return status;
    }
    /* A memoized token has VNSEG_TF_SPACE_AFTER, but not one that ends the text. */
    if (h.nt > 0) {
        vnseg_token *last = h.next - 1;
        if (last->offset + last->length == len) last->flags &= ~(uint32_t)VNSEG_TF_SPACE_AFTER;
    }
    hot_store(st, &h);
    return VNSEG_OK;
}

/* The scan of the text s[0, len) with `scan` (the document reset, its text set): the scan state,
 * the scan, the last line's finish. Compiled once for each scan, so that the AVX2 one runs with
 * its state set up inside the function compiled for AVX2 (one call a vnseg_tokenize). */
typedef vnseg_status scan_fn(scan_state *st, const unsigned char *p);

static inline __attribute__((always_inline)) vnseg_status run_scan(vnseg_doc *doc,
                                                                   const unsigned char *s,
                                                                   size_t len, uint32_t options,
                                                                   bool reference, scan_fn *scan)
{
    const unsigned char *end = s + len, *p = s;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        p += 3; /* a leading byte-order mark is a separator */
    scan_state st = {.doc = doc,
                     .s = s,
                     .end = end,
                     .reference = reference,
                     .lenient = options & VNSEG_OPT_LENIENT,
                     .line_start = s,
                     .memo = doc->memo,
                     .memo_shift = 64 - doc->memo_bits};
    set_limit(&st);
    vnseg_status status = scan(&st, p);
    if (status != VNSEG_OK) return status;
    if (!finish_line(&st)) return fail_nomem(doc);
    doc->nlines = st.line + (end > st.line_start ? 1 : 0);
    return VNSEG_OK;
}

static VN_NOINLINE vnseg_status tokenize_reference(vnseg_doc *doc, const unsigned char *s,
                                                   size_t len, uint32_t options)
{
    return run_scan(doc, s, len, options, true, scan_reference);
}

static inline __attribute__((always_inline)) vnseg_status scan_blocks_sse2(scan_state *st,
                                                                           const unsigned char *p)
{
    return scan_blocks(st, p, vn_block64, vn_memo_find);
}

static VN_NOINLINE vnseg_status tokenize_sse2(vnseg_doc *doc, const unsigned char *s, size_t len,
                                              uint32_t options)
{
    return run_scan(doc, s, len, options, false, scan_blocks_sse2);
}

#ifdef VN_SCAN_AVX2
/* The same scan compiled for AVX2 and BMI2: three-operand vector instructions, shifts and bit
 * operations without extra moves, 32-byte loads for the block masks. */
static inline __attribute__((target("avx2,bmi,bmi2"), always_inline)) vnseg_status
scan_blocks_avx2(scan_state *st, const unsigned char *p)
{
    return scan_blocks(st, p, vn_block64_avx2, vn_memo_find_avx2);
}

static __attribute__((target("avx2,bmi,bmi2"))) VN_NOINLINE vnseg_status
tokenize_avx2(vnseg_doc *doc, const unsigned char *s, size_t len, uint32_t options)
{
    return run_scan(doc, s, len, options, false, scan_blocks_avx2);
}

/* vn_scan_avx2_usable(), asked once: 0 not yet known, 1 no, 2 yes (a race only asks twice). */
static atomic_int scan_avx2_known;

static VN_NOINLINE bool scan_avx2_ask(void)
{
    bool yes = vn_scan_avx2_usable();
    atomic_store_explicit(&scan_avx2_known, yes ? 2 : 1, memory_order_relaxed);
    return yes;
}

static inline bool scan_avx2(void)
{
    int known = atomic_load_explicit(&scan_avx2_known, memory_order_relaxed);
    return VN_LIKELY(known) ? known == 2 : scan_avx2_ask();
}
#endif

/* Tokens a document's array is sized for before scanning `len` bytes: one per 6 bytes and a
 * block's worth (the scan grows it through make_room() when a chunk needs more). */
static inline size_t want_tokens(size_t len)
{
    return len / 6 + 16 + BLOCK_TOKENS;
}

/* vnseg_tokenize's set-up beyond its common case: argument errors, the character tables,
 * growing the token array, sizing the memo. Leaves the document reset and returns VNSEG_OK when
 * the scan may start. Out of line, so that the common case stays small. */
static VN_NOINLINE vnseg_status tokenize_setup(vnseg_doc *doc, const char *text, size_t len,
                                               uint32_t options)
{
    if (!doc || (!text && len))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_tokenize: NULL document or text");
    if (options & ~(uint32_t)(VNSEG_OPT_LENIENT | VNSEG_OPT_ESCAPES | VNSEG_OPT_NO_RUNON))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_tokenize: unknown option bits 0x%x", (unsigned)options);
    VN_CHECK_LEN("vnseg_tokenize", text, len);
    vn_chars_init();
    reset(doc);
    size_t want = want_tokens(len);
    if (want > doc->cap_tokens &&
        !vn_grow((void **)&doc->tokens, &doc->cap_tokens, want, sizeof(vnseg_token)))
        return fail_nomem(doc);
    if (!prepare_memo(doc, len, options & VNSEG_OPT_ESCAPES)) return fail_nomem(doc);
    return VNSEG_OK;
}

/* The scan of a document that is set up and reset: the text, then the scan for this processor
 * (a tail call, so that vnseg_tokenize's common case saves no registers). */
static inline __attribute__((always_inline)) vnseg_status
tokenize_run(vnseg_doc *doc, const char *text, size_t len, uint32_t options)
{
    const unsigned char *s = (const unsigned char *)text;
    doc->text = s;
    doc->len = len;
    doc->options = options;
    if (VN_UNLIKELY(vn_tokenize_reference)) return tokenize_reference(doc, s, len, options);
#ifdef VN_SCAN_AVX2
    if (!vn_scan_sse2_only && scan_avx2()) return tokenize_avx2(doc, s, len, options);
#endif
    return tokenize_sse2(doc, s, len, options);
}

/* vnseg_tokenize beyond its common case: errors, the set-up, then the scan. */
static VN_NOINLINE vnseg_status tokenize_general(vnseg_doc *doc, const char *text, size_t len,
                                                 uint32_t options)
{
    vnseg_status status = tokenize_setup(doc, text, len, options);
    if (status != VNSEG_OK) return status;
    return tokenize_run(doc, text ? text : "", len, options);
}

VNSEG_EXPORT vnseg_status vnseg_tokenize(vnseg_doc *doc, const char *text, size_t len,
                                         uint32_t options)
{
    /* The common case of a caller that goes line by line, in one combined test: valid
     * arguments, a token array that holds the text's tokens, the memo at its largest for these
     * options. Such a document has been through tokenize_setup() (or rawtok's set-up) before,
     * which built the character tables (vn_chars_init) in this thread or in one that handed
     * the document over, so they are visible here. Everything else, errors included, goes
     * through tokenize_general(). */
    if (VN_LIKELY(
            doc != NULL && text != NULL &&
            !(options & ~(uint32_t)(VNSEG_OPT_LENIENT | VNSEG_OPT_ESCAPES | VNSEG_OPT_NO_RUNON)) &&
            !vn_len_impossible(text, len) && want_tokens(len) <= doc->cap_tokens &&
            memo_ready(doc, options & VNSEG_OPT_ESCAPES))) {
        reset(doc);
        doc->bytes_seen += len;
        return tokenize_run(doc, text, len, options);
    }
    return tokenize_general(doc, text, len, options);
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
