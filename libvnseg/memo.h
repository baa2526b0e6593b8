/* The memo of classified tokens: a token's kind, intrinsic flags and syllable count are a pure
 * function of its bytes (and of the escape option), and text repeats itself, so most tokens are
 * classified by one probe of this table instead of the exact scan and classification.
 *
 * Keys are the token's bytes (at most VN_MEMO_MAX_LEN), zero-padded to 16. A token never holds
 * a byte <= 0x20, NUL included, so the padding tells the length and an all-zero key (an empty
 * way) never equals a token's key. The table is 3-way set-associative: a bucket is one cache
 * line with three keys and their packed classifications; a new key replaces the bucket's
 * oldest. Only the scan in tokenizer.c uses it. */
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
#define VN_MEMO_MAX_BITS 14 /* 16384 buckets: 1 MiB, 49,152 tokens */

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

/* Bits of a packed classification besides flags, kind and syllables: what the scan lists for
 * the sentence pass (doc.h: vn_sentence_event(), vn_pair_kind()). */
#define VN_MEMO_EVENT_BIT 20
#define VN_MEMO_PAIR_BIT 21

/* Pack kind (< 16), intrinsic flags, syllables (<= 8 in 16 bytes) and the event and pair bits
 * into 32 bits. */
static inline uint32_t vn_memo_pack(const vnseg_token *t, bool event, bool pair)
{
    return (t->flags & VN_MEMO_FLAGS) | (uint32_t)event << VN_MEMO_EVENT_BIT |
           (uint32_t)pair << VN_MEMO_PAIR_BIT | (uint32_t)t->kind << 24 | t->syllables << 28;
}

static inline uint32_t vn_memo_flags(uint32_t info)
{
    return info & VN_MEMO_FLAGS;
}

static inline uint16_t vn_memo_kind(uint32_t info)
{
    return (uint16_t)((info >> 24) & 0xF);
}

static inline uint32_t vn_memo_syllables(uint32_t info)
{
    return info >> 28;
}

/* Masks that keep the first `len` (0..16) of 16 bytes. */
extern const unsigned char vn_memo_keep[VN_MEMO_MAX_LEN + 1][16];

/* The key of the `len` (<= 16) bytes at p, where p[0..16) is readable. */
static inline vn_memo_key vn_memo_key_of(const unsigned char *p, size_t len)
{
#ifdef __SSE2__
    return _mm_and_si128(_mm_loadu_si128((const __m128i *)(const void *)p),
                         _mm_loadu_si128((const __m128i *)(const void *)vn_memo_keep[len]));
#else
    vn_memo_key k;
    uint64_t keep[2];
    memcpy(&k.lo, p, 8);
    memcpy(&k.hi, p + 8, 8);
    memcpy(keep, vn_memo_keep[len], 16);
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

/* Bucket index of a key for a table of 2^(64 - shift) buckets: multiplicative hashing. */
static inline size_t vn_memo_bucket_of(vn_memo_key k, unsigned shift)
{
#ifdef __SSE2__
    uint64_t lo = (uint64_t)_mm_cvtsi128_si64(k);
    uint64_t hi = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(k, k));
#else
    uint64_t lo = k.lo, hi = k.hi;
#endif
    uint64_t h = (lo ^ (hi * 0x9E3779B97F4A7C15ull)) * 0xD6E8FEB86659FD93ull;
    return (size_t)(h >> shift);
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

/* The packed classification of key k in bucket b, or 0 (no classification packs to 0: every
 * token has at least one syllable). Branch-free: which way holds a key is not predictable,
 * and a bucket never holds a key twice, so at most one term is not 0. */
static inline uint32_t vn_memo_find(const vn_memo_bucket *b, vn_memo_key k)
{
    uint32_t info = 0;
    for (int w = 0; w < VN_MEMO_WAYS; w++)
        info |= -(uint32_t)vn_memo_same(b->key[w], k) & b->info[w];
    return info;
}

/* Remember key k with its packed classification in bucket b, in place of the oldest key
 * (first in, first out, without moving the others). */
static inline void vn_memo_insert(vn_memo_bucket *b, vn_memo_key k, uint32_t info)
{
    uint32_t w = b->victim;
    b->key[w] = k;
    b->info[w] = info;
    b->victim = w + 1 == VN_MEMO_WAYS ? 0 : w + 1;
}

#endif
