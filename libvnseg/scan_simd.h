/* Block primitives of the tokenizer's scan: which bytes of a block are ASCII separators. SSE2 on
 * x86-64 (its baseline), a portable SWAR version elsewhere; both give the same, exact masks. */
#ifndef VN_SCAN_SIMD_H
#define VN_SCAN_SIMD_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#ifndef __SSE2__
/* Bit i set when byte i of w (little-endian order) is <= limit (limit < 0x80). A byte above
 * limit in its low seven bits carries into its top bit, which no other byte sees. */
static inline unsigned vn_swar_le(uint64_t w, unsigned limit)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t above = (((w & ~highs) + (0x7F - limit) * ones) | w) & highs;
    uint64_t le = (above ^ highs) >> 7; /* 1 in the low bit of each byte <= limit */
    return (unsigned)((le * 0x0102040810204080ull) >> 56);
}

/* Little-endian 64-bit load. */
static inline uint64_t vn_load64le(const unsigned char *p)
{
    uint64_t w = 0;
    for (int i = 7; i >= 0; i--)
        w = w << 8 | p[i];
    return w;
}
#endif

/* Bit i of the result set when p[i] <= 0x20 (space, tab, line breaks, NUL, other C0
 * controls), for the 16 readable bytes at p. */
static inline unsigned vn_sep16(const unsigned char *p)
{
#ifdef __SSE2__
    const __m128i lim = _mm_set1_epi8(0x20);
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    return (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v, lim), lim));
#else
    return vn_swar_le(vn_load64le(p), 0x20) | vn_swar_le(vn_load64le(p + 8), 0x20) << 8;
#endif
}

/* The 64 readable bytes at p: bit i of *sep set when p[i] <= 0x20, of *ctl when p[i] < 0x20
 * (every ASCII separator but the space: line breaks, tabs, other controls). */
static inline void vn_block64(const unsigned char *p, uint64_t *sep, uint64_t *ctl)
{
    uint64_t s = 0, c = 0;
#ifdef __SSE2__
    const __m128i sp = _mm_set1_epi8(0x20), c1f = _mm_set1_epi8(0x1F);
    for (int i = 0; i < 4; i++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + 16 * i));
        uint64_t sm = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v, sp), sp));
        uint64_t cm = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(v, c1f), c1f));
        s |= sm << (16 * i);
        c |= cm << (16 * i);
    }
#else
    for (int i = 0; i < 8; i++) {
        uint64_t w = vn_load64le(p + 8 * i);
        s |= (uint64_t)vn_swar_le(w, 0x20) << (8 * i);
        c |= (uint64_t)vn_swar_le(w, 0x1F) << (8 * i);
    }
#endif
    *sep = s;
    *ctl = c;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
/* x86-64 builds carry a second scan for processors with AVX2 and BMI2, chosen at run time
 * (vn_scan_avx2_usable()); it runs the same code and gives the same results. */
#define VN_SCAN_AVX2 1
#include <immintrin.h>

/* vn_block64() with two 32-byte loads. */
static inline __attribute__((target("avx2"), always_inline)) void
vn_block64_avx2(const unsigned char *p, uint64_t *sep, uint64_t *ctl)
{
    const __m256i sp = _mm256_set1_epi8(0x20), c1f = _mm256_set1_epi8(0x1F);
    __m256i lo = _mm256_loadu_si256((const __m256i *)(const void *)p);
    __m256i hi = _mm256_loadu_si256((const __m256i *)(const void *)(p + 32));
    uint64_t slo = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_max_epu8(lo, sp), sp));
    uint64_t shi = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_max_epu8(hi, sp), sp));
    uint64_t clo = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_max_epu8(lo, c1f), c1f));
    uint64_t chi = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_max_epu8(hi, c1f), c1f));
    *sep = slo | shi << 32;
    *ctl = clo | chi << 32;
}

/* May the AVX2 scan run here (the processor has AVX2 and BMI2, and the system saves the
 * 256-bit registers)? */
static inline bool vn_scan_avx2_usable(void)
{
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2");
}
#endif

#endif
