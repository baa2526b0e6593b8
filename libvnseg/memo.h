/* The memo of classified tokens: a token's kind, intrinsic flags and syllable count are a pure
 * function of its bytes (and of the escape option), and text repeats itself, so most tokens are
 * classified by one probe of this table instead of the exact scan and classification.
 *
 * Keys are the token's bytes (at most VN_MEMO_MAX_LEN), zero-padded to 16. A token never holds
 * a byte <= 0x20, NUL included, so the padding tells the length and an all-zero key (an empty
 * way) never equals a token's key. The table is 3-way set-associative: a bucket is one cache
 * line with three keys and their packed classifications; a new key replaces the bucket's
 * oldest. The scan in tokenizer.c uses it, and the segmenter's raw scan (rawtok.c) the main
 * table. */
#ifndef VN_MEMO_H
#define VN_MEMO_H

#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "internal.h"
#include "vnseg/tokenizer.h"

#define VN_MEMO_MAX_LEN 16
#define VN_MEMO_WAYS 3
#define VN_MEMO_MIN_BITS 9  /* 512 buckets: 32 KiB, for short texts */
#define VN_MEMO_MAX_BITS 15 /* 32768 buckets: 2 MiB, 98,304 tokens */

/* A token's bytes, zero-padded to 16: a vector register where SSE2 is (x86-64), else two
 * 64-bit words (bytes 0..7 in lo, 8..15 in hi, as little-endian loads give them). */
#ifdef __SSE2__
typedef __m128i vn_memo_key;
#else
typedef struct vn_memo_key {
    uint64_t lo, hi;
} vn_memo_key;
#endif

typedef struct vn_memo_bucket {
    vn_memo_key key[VN_MEMO_WAYS]; /* 16-byte aligned: buckets start on cache lines */
    uint32_t info[VN_MEMO_WAYS];   /* vn_memo_pack() of the token's classification */
    uint32_t victim;               /* the way the next new key goes to */
} vn_memo_bucket;

/* Flags that belong to a token's bytes alone, and may be memoized: bits 0..12 and 19. */
#define VN_MEMO_FLAGS ((uint32_t)(VNSEG_TF_GLUED_FINAL | (VNSEG_TF_SPLIT - 1)))

/* A packed classification (32 bits, never 0):
 *   bits 0..19   the flags the scan stores for the token: the intrinsic ones (VN_MEMO_FLAGS)
 *                and VNSEG_TF_SPACE_AFTER, since the scan finds memoized tokens followed by a
 *                separator (it clears the bit for a token that ends the buffer);
 *   bit 20       a bracket or quote;
 *   bits 23..26  kind; bits 27..30 syllables (1..8 in 16 bytes);
 *   bit 31       listed: a sentence event or a bracket or quote, which the sentence pass visits
 *                (doc.h: vn_sentence_event(), vn_pair_kind()).
 * Bits 23..31 index vn_token_tails, which holds the last 8 bytes of the token record: the scan
 * stores a token with a mask, a shift and a copy. */
#define VN_MEMO_STORED_FLAGS 0xFFFFFu
#define VN_MEMO_PAIR_BIT 20
#define VN_MEMO_TAIL_SHIFT 23
#define VN_MEMO_LISTED_BIT 31

/* The last 8 bytes of a token record (syllables, kind, reserved) for bits 23..31 of a packed
 * classification. */
typedef struct vn_token_tail {
    uint32_t syllables;
    uint16_t kind;
    uint16_t reserved;
} vn_token_tail;
extern const vn_token_tail vn_token_tails[512];

/* Pack kind (< 16), intrinsic flags, syllables (<= 8 in 16 bytes) and whether the sentence
 * pass must visit the token (event) or pair it (pair) into 32 bits. */
static inline uint32_t vn_memo_pack(const vnseg_token *t, bool event, bool pair)
{
    return (t->flags & VN_MEMO_FLAGS) | VNSEG_TF_SPACE_AFTER | (uint32_t)pair << VN_MEMO_PAIR_BIT |
           ((uint32_t)t->kind | t->syllables << 4) << VN_MEMO_TAIL_SHIFT |
           (uint32_t)(event || pair) << VN_MEMO_LISTED_BIT;
}

/* The intrinsic flags of a packed classification. */
static inline uint32_t vn_memo_flags(uint32_t info)
{
    return info & VN_MEMO_FLAGS;
}

static inline uint16_t vn_memo_kind(uint32_t info)
{
    return (uint16_t)((info >> VN_MEMO_TAIL_SHIFT) & 0xF);
}

/* Is the token listed for the sentence pass (0 or 1)? Is it a bracket or quote? */
static inline uint32_t vn_memo_listed(uint32_t info)
{
    return info >> VN_MEMO_LISTED_BIT;
}

static inline bool vn_memo_pair(uint32_t info)
{
    return (info >> VN_MEMO_PAIR_BIT) & 1;
}

/* The last 8 bytes of the token record. */
static inline const vn_token_tail *vn_memo_tail(uint32_t info)
{
    return &vn_token_tails[info >> VN_MEMO_TAIL_SHIFT];
}

/* The 16 bytes at vn_memo_window + 16 - len keep the first `len` (0..16) of 16 bytes: one
 * address computation and one load. */
extern const unsigned char vn_memo_window[32];

/* The key of the `len` (<= 16) bytes at p, where p[0..16) is readable. */
static inline vn_memo_key vn_memo_key_of(const unsigned char *p, size_t len)
{
#ifdef __SSE2__
    return _mm_and_si128(
        _mm_loadu_si128((const __m128i *)(const void *)p),
        _mm_loadu_si128((const __m128i *)(const void *)(vn_memo_window + 16 - len)));
#else
    vn_memo_key k;
    uint64_t keep[2];
    memcpy(&k.lo, p, 8);
    memcpy(&k.hi, p + 8, 8);
    memcpy(keep, vn_memo_window + 16 - len, 16);
    k.lo &= keep[0];
    k.hi &= keep[1];
    return k;
#endif
}

/* The empty key, which no token has. */
static inline vn_memo_key vn_memo_no_key(void)
{
#ifdef __SSE2__
    return _mm_setzero_si128();
#else
    return (vn_memo_key){0, 0};
#endif
}

/* Bucket index of a key for a table of 2^(64 - shift) buckets: multiplicative hashing of the
 * key's low half xor its high half rotated by 32 bits (the high bits of the product depend on
 * every bit of the factor). */
static inline size_t vn_memo_bucket_of(vn_memo_key k, unsigned shift)
{
#ifdef __SSE2__
    uint64_t x = (uint64_t)_mm_cvtsi128_si64(_mm_xor_si128(k, _mm_shuffle_epi32(k, 0x1B)));
#else
    uint64_t x = k.lo ^ (k.hi >> 32 | k.hi << 32);
#endif
    return (size_t)((x * 0x9E3779B97F4A7C15ull) >> shift);
}

/* Is a equal to b? */
static inline bool vn_memo_same(vn_memo_key a, vn_memo_key b)
{
#ifdef __SSE2__
    return _mm_movemask_epi8(_mm_cmpeq_epi8(a, b)) == 0xFFFF;
#else
    return ((a.lo ^ b.lo) | (a.hi ^ b.hi)) == 0;
#endif
}

/* The packed classification of key k in bucket b, or 0 (no classification packs to 0). Meant
 * to compile to conditional moves: which way holds a key is not predictable, and a bucket never
 * holds a key twice, so at most one way matches. */
static inline uint32_t vn_memo_find(const vn_memo_bucket *b, vn_memo_key k)
{
    uint32_t info = 0;
    for (int w = 0; w < VN_MEMO_WAYS; w++) {
        uint32_t way = b->info[w];
        info = vn_memo_same(b->key[w], k) ? way : info;
    }
    return info;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
/* vn_memo_find() for the AVX2 scan: a way matches when the xor of its key and k tests zero
 * (three instructions a way instead of four). */
static inline __attribute__((target("avx2"), always_inline)) uint32_t
vn_memo_find_avx2(const vn_memo_bucket *b, vn_memo_key k)
{
    uint32_t info = 0;
    for (int w = 0; w < VN_MEMO_WAYS; w++) {
        __m128i x = _mm_xor_si128(b->key[w], k);
        uint32_t way = b->info[w];
        info = _mm_testz_si128(x, x) ? way : info;
    }
    return info;
}
#endif

/* Remember key k with its packed classification in bucket b, in place of the oldest key
 * (first in, first out, without moving the others). */
static inline void vn_memo_insert(vn_memo_bucket *b, vn_memo_key k, uint32_t info)
{
    uint32_t w = b->victim;
    b->key[w] = k;
    b->info[w] = info;
    b->victim = w + 1 == VN_MEMO_WAYS ? 0 : w + 1;
}

/* Tokens of 17 to 32 bytes have a table of their own, keyed by their bytes zero-padded to 32
 * (two halves): few distinct tokens are that long, but those repeat (names of bodies, long
 * compounds). Same packing and replacement; a bucket is two cache lines. */
#define VN_MEMO_LONG_MAX 32
#define VN_MEMO_LONG_SHIFT 4 /* 1/16 of the buckets of the short table: 1/8 of its bytes */

typedef struct vn_memo_long_bucket {
    vn_memo_key key[VN_MEMO_WAYS][2];
    uint32_t info[VN_MEMO_WAYS];
    uint32_t victim;
    uint32_t spare[4]; /* 128 bytes */
} vn_memo_long_bucket;

/* The halves of the key of the `len` (17..32) bytes at p, where p[0..32) is readable. */
static inline void vn_memo_long_key_of(const unsigned char *p, size_t len, vn_memo_key k[2])
{
    k[0] = vn_memo_key_of(p, VN_MEMO_MAX_LEN);
    k[1] = vn_memo_key_of(p + VN_MEMO_MAX_LEN, len - VN_MEMO_MAX_LEN);
}

/* Bucket index of a long key for a table of 2^(64 - shift) buckets. */
static inline size_t vn_memo_long_bucket_of(const vn_memo_key k[2], unsigned shift)
{
#ifdef __SSE2__
    return vn_memo_bucket_of(_mm_xor_si128(k[0], _mm_slli_epi64(k[1], 1)), shift);
#else
    return vn_memo_bucket_of((vn_memo_key){k[0].lo ^ k[1].lo << 1, k[0].hi ^ k[1].hi << 1}, shift);
#endif
}

static inline uint32_t vn_memo_long_find(const vn_memo_long_bucket *b, const vn_memo_key k[2])
{
    uint32_t info = 0;
    for (int w = 0; w < VN_MEMO_WAYS; w++) {
        uint32_t way = b->info[w];
        info = vn_memo_same(b->key[w][0], k[0]) && vn_memo_same(b->key[w][1], k[1]) ? way : info;
    }
    return info;
}

static inline void vn_memo_long_insert(vn_memo_long_bucket *b, const vn_memo_key k[2],
                                       uint32_t info)
{
    uint32_t w = b->victim;
    b->key[w][0] = k[0];
    b->key[w][1] = k[1];
    b->info[w] = info;
    b->victim = w + 1 == VN_MEMO_WAYS ? 0 : w + 1;
}

/* Count `len` more bytes for doc and size its main memo for them (tokenizer.c): a few hundred
 * buckets for short strings, growing (and starting empty) as more text goes through, up to
 * 2^VN_MEMO_MAX_BITS buckets; emptied when it held tokens of other options than memo_opts.
 * False when a larger table could not be allocated: then doc keeps the smaller one (or has
 * none) untouched. */
bool vn_memo_prepare(vnseg_doc *doc, size_t len, uint32_t memo_opts);

#endif
