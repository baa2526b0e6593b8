/* Block primitives of the tokenizer's scan: which of 16 bytes are ASCII separators. SSE2 on
 * x86-64 (its baseline), a portable SWAR version elsewhere; both give the same masks. */
#ifndef VN_SCAN_SIMD_H
#define VN_SCAN_SIMD_H

#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Bit i set when p[i] <= 0x20 (space, tab, line breaks, NUL, other C0 controls), for the 16
 * readable bytes at p. Bits above the first set one may be approximate in the portable
 * version; the lowest set bit is always exact, and callers only use that one. */
static inline unsigned vn_sep16(const unsigned char *p)
{
#ifdef __SSE2__
    const __m128i lim = _mm_set1_epi8(0x20);
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v, lim), lim));
#else
    /* A byte below 0x21 borrows in x - 0x21..21 and has its top bit clear in x: the lowest
     * such byte is found exactly (borrows only travel upwards). */
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t w[2];
    memcpy(w, p, 16);
    unsigned m = 0;
    for (int h = 1; h >= 0; h--) {
        uint64_t t = (w[h] - 0x21 * ones) & ~w[h] & highs;
        unsigned bits = 0;
        for (int i = 0; i < 8; i++)
            bits |= (unsigned)((t >> (8 * i + 7)) & 1) << i;
        m = m << 8 | bits;
    }
    return m;
#endif
}

#endif
