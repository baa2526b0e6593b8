/* Block primitives of the tokenizer's scan: which of 16 bytes are ASCII separators. SSE2 on
 * x86-64 (its baseline), a portable SWAR version elsewhere; both give the same masks. */
#ifndef VN_SCAN_SIMD_H
#define VN_SCAN_SIMD_H

#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Bit i of the result set when p[i] <= 0x20 (space, tab, line breaks, NUL, other C0
 * controls), bit i of *spaces when p[i] is a space, for the 16 readable bytes at p. Bits above
 * the lowest separator may be approximate in the portable version; the lowest separator and
 * whether it is a space are always exact, and callers use only those. */
static inline unsigned vn_sep16(const unsigned char *p, unsigned *spaces)
{
#ifdef __SSE2__
    const __m128i lim = _mm_set1_epi8(0x20);
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    *spaces = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, lim));
    return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v, lim), lim));
#else
    /* A byte below c borrows in x - c..c and has its top bit clear in x: the lowest such
     * byte is found exactly (borrows only travel upwards). Spaces are the zero bytes of
     * x ^ 0x20..20, found the same way. */
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t w[2];
    memcpy(w, p, 16);
    unsigned m = 0, sp = 0;
    for (int h = 1; h >= 0; h--) {
        uint64_t below = (w[h] - 0x21 * ones) & ~w[h] & highs;
        uint64_t x = w[h] ^ (0x20 * ones);
        uint64_t zero = (x - ones) & ~x & highs;
        unsigned bits = 0, zbits = 0;
        for (int i = 0; i < 8; i++) {
            bits |= (unsigned)((below >> (8 * i + 7)) & 1) << i;
            zbits |= (unsigned)((zero >> (8 * i + 7)) & 1) << i;
        }
        m = m << 8 | bits;
        sp = sp << 8 | zbits;
    }
    *spaces = sp;
    return m;
#endif
}

#endif
