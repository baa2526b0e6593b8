/* The hashed features of a gap, inline: shared by training (seg_learn.c) and decoding
 * (seg_decode.c), where they are most of the work per syllable. */
#ifndef VN_SEG_FEATURES_H
#define VN_SEG_FEATURES_H

#include "seg_model.h"

/* Feature templates. */
enum {
    T_BIAS = 1,
    T_U0,
    T_U1,
    T_UM,
    T_U2,
    T_B01,
    T_BM0,
    T_B12,
    T_TM01,
    T_T012,
    T_SH01,
    T_SH4,
    T_K0S1,
    T_S0K1,
    T_PREV,
    T_PREV_B01,
    T_PREV_SH,
    T_LEX_SPAN,
    T_LEX_END,
    T_LEX_START,
    T_LEX_ALL,
    T_LEX_PAIR,
    T_LEX_PAIR_B01,
    T_LEX_SPANF,
    T_PREV_LEX,
    T_PREV_K0,
    T_PREV_K1,
};

#define EDGE_KEY 0x45444745EDCBA987ull
#define BIGRAM_SEED 0x6A09E667F3BCC909ull

/* A feature of a well-mixed 64-bit value (a key or an n-gram hash) and a small number:
 * the template's constant and the number go in by xor (the slot function multiplies). */
static inline uint64_t fk(unsigned t, uint64_t k, unsigned v)
{
    return k ^ ((uint64_t)t * 0x9E3779B97F4A7C15ull) ^ ((uint64_t)v * 0xC2B2AE3D27D4EB4Full);
}

/* A feature of small numbers only. */
static inline uint64_t fv(unsigned t, unsigned v)
{
    return (uint64_t)t << 40 | v;
}

static inline uint64_t vn_bigram(uint64_t a, uint64_t b)
{
    return vn_mix(vn_mix(BIGRAM_SEED, a), b);
}

/* The features of gap i that do not depend on the previous decision: EMIT(hash) for each
 * (a macro, so that decoding sums weights without storing the hashes). */
#define VN_SEG_STATIC_FEATURES(in, i, EMIT) \
    do { \
        const bool has_m = (i) > 0 && !(in)->brk[(i) - 1]; \
        const bool has_2 = !(in)->brk[(i) + 1] && (i) + 2 < (in)->n; \
        const uint64_t k0 = (in)->key[(i)], k1 = (in)->key[(i) + 1]; \
        const uint64_t km = has_m ? (in)->key[(i) - 1] : EDGE_KEY; \
        const uint64_t k2 = has_2 ? (in)->key[(i) + 2] : EDGE_KEY; \
        const unsigned s0 = (in)->shape[(i)], s1 = (in)->shape[(i) + 1]; \
        const unsigned sm = has_m ? (in)->shape[(i) - 1] : VN_SH_EDGE; \
        const unsigned s2 = has_2 ? (in)->shape[(i) + 2] : VN_SH_EDGE; \
        const uint64_t b01 = (in)->bi[(i)], b12 = (in)->bi[(i) + 1]; \
        const uint64_t bm0 = has_m ? (in)->bi[(i) - 1] : vn_bigram(EDGE_KEY, k0); \
        const uint64_t tm01 = has_m ? (in)->tri[(i) - 1] : vn_mix(bm0, k1); \
        EMIT(fv(T_BIAS, 0)); \
        EMIT(fk(T_U0, k0, 0)); \
        EMIT(fk(T_U1, k1, 0)); \
        EMIT(fk(T_UM, km, 0)); \
        EMIT(fk(T_U2, k2, 0)); \
        EMIT(fk(T_B01, b01, 0)); \
        EMIT(fk(T_BM0, bm0, 0)); \
        EMIT(fk(T_B12, b12, 0)); \
        EMIT(fk(T_TM01, tm01, 0)); \
        EMIT(fk(T_T012, (in)->tri[(i)], 0)); \
        EMIT(fv(T_SH01, s0 * 16 + s1)); \
        EMIT(fv(T_SH4, ((sm * 16 + s0) * 16 + s1) * 16 + s2)); \
        EMIT(fk(T_K0S1, k0, s1)); \
        EMIT(fk(T_S0K1, k1, s0)); \
        const unsigned span = (in)->lex_span[(i)], end = (in)->lex_end[(i)], start = (in)->lex_start[(i) + 1]; \
        const unsigned pair = (in)->lex_pair[(i)]; \
        EMIT(fv(T_LEX_SPAN, span)); \
        EMIT(fv(T_LEX_END, end)); \
        EMIT(fv(T_LEX_START, start)); \
        EMIT(fv(T_LEX_ALL, (span * 16 + end) * 16 + start)); \
        EMIT(fv(T_LEX_PAIR, pair * 256 + s0 * 16 + s1)); \
        EMIT(fk(T_LEX_PAIR_B01, b01, pair)); \
        EMIT(fv(T_LEX_SPANF, (in)->lex_spanf[(i)] * 16u + span)); \
    } while (0)

/* The same features written to out (at most VN_MAX_FEATURES); returns how many. */
static inline size_t vn_seg_features_static(const vn_seg_input *in, size_t i, uint64_t *out)
{
    size_t n = 0;
#define VN_SEG_EMIT_OUT(x) (out[n++] = (x))
    VN_SEG_STATIC_FEATURES(in, i, VN_SEG_EMIT_OUT);
#undef VN_SEG_EMIT_OUT
    return n;
}

/* The first feature of vn_seg_features_prev(), which depends on prev only. */
static inline uint64_t vn_seg_feature_prev_const(int prev)
{
    return fv(T_PREV, prev ? 1u : 0u);
}

/* The features of gap i that see the previous decision (the first is
 * vn_seg_feature_prev_const(prev)). */
static inline size_t vn_seg_features_prev(const vn_seg_input *in, size_t i, int prev, uint64_t *out)
{
    const unsigned p = prev ? 1u : 0u;
    const unsigned s0 = in->shape[i], s1 = in->shape[i + 1];
    out[0] = vn_seg_feature_prev_const(prev);
    out[1] = fk(T_PREV_B01, in->bi[i], p);
    out[2] = fv(T_PREV_SH, p * 256 + s0 * 16 + s1);
    out[3] = fv(T_PREV_LEX, ((p * 16 + in->lex_span[i]) * 16 + in->lex_end[i]) * 16 +
                                in->lex_start[i + 1]);
    out[4] = fk(T_PREV_K0, in->key[i], p);
    out[5] = fk(T_PREV_K1, in->key[i + 1], p);
    return VN_PREV_FEATURES;
}

#endif
