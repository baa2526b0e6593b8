/* What the segmentation model sees of a text: per token keys and shapes, which gaps may join,
 * lexicon matches, and the hashed features of each gap (shared by training and decoding). */
#include <string.h>

#include "seg_model.h"

bool vn_seg_input_reserve(vn_seg_input *in, size_t n)
{
    if (n <= in->cap) return true;
    size_t cap = in->cap ? in->cap : 64;
    while (cap < n) {
        if (cap > SIZE_MAX / 32) return false;
        cap *= 2;
    }
    /* One block: keys first (aligned), then the byte arrays. */
    unsigned char *block = vn_malloc(cap * (sizeof(uint64_t) + 7));
    if (!block) return false;
    vn_free(in->key);
    in->key = (uint64_t *)(void *)block;
    unsigned char *b = block + cap * sizeof(uint64_t);
    uint8_t **arrays[] = {&in->shape,     &in->joinable, &in->lex_span, &in->lex_end,
                          &in->lex_start, &in->lex_pair, &in->brk};
    for (size_t i = 0; i < sizeof arrays / sizeof *arrays; i++)
        *arrays[i] = b + i * cap;
    in->cap = cap;
    return true;
}

void vn_seg_input_free(vn_seg_input *in)
{
    vn_free(in->key);
    memset(in, 0, sizeof *in);
}

static inline bool ascii_digit(unsigned char c)
{
    return (unsigned)(c - '0') < 10u;
}

/* May tokens a and b (neighbours) be one word? See segmenter.h for the rule. */
static bool may_join(const unsigned char *text, const vnseg_token *a, const vnseg_token *b)
{
    const uint32_t no = VNSEG_TF_LITERAL_UNDERSCORE | VNSEG_TF_SPLIT | VNSEG_TF_LINE_END;
    if (a->kind != VNSEG_KIND_WORD || b->kind != VNSEG_KIND_WORD || ((a->flags | b->flags) & no))
        return false;
    uint64_t end = a->offset + a->length;
    if (b->offset != end + 1 || text[end] != ' ') return false;
    return !ascii_digit(text[end - 1]) && !ascii_digit(text[b->offset]);
}

void vn_seg_input_tokens(vn_seg_input *in, const vnseg_doc *doc)
{
    const vnseg_token *t = doc->tokens;
    const unsigned char *text = doc->text;
    size_t n = doc->ntokens;
    in->n = n;
    for (size_t i = 0; i < n; i++) {
        vn_seg_token_key(text, &t[i], &in->key[i], &in->shape[i]);
        bool last = i + 1 == n;
        in->brk[i] = last || (t[i].flags & VNSEG_TF_LINE_END);
        in->joinable[i] = !last && may_join(text, &t[i], &t[i + 1]);
    }
}

#define WORD_SEED 0x57C3A1D5E9F01B27ull

void vn_seg_input_lexicon(vn_seg_input *in, vn_lex_fn find, const void *ctx, unsigned max_word)
{
    size_t n = in->n;
    memset(in->lex_span, 0, n);
    memset(in->lex_end, 0, n);
    memset(in->lex_start, 0, n);
    memset(in->lex_pair, 0, n);
    if (max_word > VN_MAX_WORD) max_word = VN_MAX_WORD;
    for (size_t s = 0; s + 1 < n; s++) {
        if (!in->joinable[s]) continue;
        uint64_t h = vn_mix(WORD_SEED, in->key[s]);
        for (size_t e = s + 1; e < n && e - s < max_word; e++) {
            h = vn_mix(h, in->key[e]);
            unsigned f = find(ctx, h);
            unsigned len = (unsigned)(e - s + 1);
            if (f & (VN_LEX_CORPUS | VN_LEX_LIST)) {
                if (len == 2) in->lex_pair[s] = (uint8_t)(f & (VN_LEX_CORPUS | VN_LEX_LIST));
                if (in->lex_start[s] < len) in->lex_start[s] = (uint8_t)len;
                if (in->lex_end[e] < len) in->lex_end[e] = (uint8_t)len;
                for (size_t g = s; g < e; g++)
                    if (in->lex_span[g] < len) in->lex_span[g] = (uint8_t)len;
            }
            if (!(f & VN_LEX_PREFIX) || !in->joinable[e]) break;
        }
    }
}

uint64_t vn_seg_word_hash(const uint64_t *k, size_t len)
{
    uint64_t h = vn_mix(WORD_SEED, k[0]);
    for (size_t i = 1; i < len; i++)
        h = vn_mix(h, k[i]);
    return h;
}

void vn_lex_insert(uint64_t *slots, unsigned bits, uint64_t h, unsigned flags)
{
    const uint64_t want = (h & ~VN_LEX_FLAGS) | 0x100;
    const size_t mask = ((size_t)1 << bits) - 1;
    for (size_t i = (size_t)(h >> (64 - bits));; i = (i + 1) & mask) {
        uint64_t e = slots[i];
        if (!e) {
            slots[i] = want | flags;
            return;
        }
        if ((e & ~VN_LEX_FLAGS) == want) {
            slots[i] = e | flags;
            return;
        }
    }
}

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
};

#define EDGE_KEY 0x45444745EDCBA987ull

static inline uint64_t f1(unsigned t, uint64_t a)
{
    return vn_mix((uint64_t)t * 0x9E3779B97F4A7C15ull, a);
}

static inline uint64_t f2(unsigned t, uint64_t a, uint64_t b)
{
    return vn_mix(f1(t, a), b);
}

static inline uint64_t f3(unsigned t, uint64_t a, uint64_t b, uint64_t c)
{
    return vn_mix(f2(t, a, b), c);
}

/* The features of gap i that do not depend on the previous decision. */
size_t vn_seg_features_static(const vn_seg_input *in, size_t i, uint64_t *out)
{
    const bool has_m = i > 0 && !in->brk[i - 1];
    const bool has_2 = !in->brk[i + 1] && i + 2 < in->n;
    const uint64_t k0 = in->key[i], k1 = in->key[i + 1];
    const uint64_t km = has_m ? in->key[i - 1] : EDGE_KEY;
    const uint64_t k2 = has_2 ? in->key[i + 2] : EDGE_KEY;
    const unsigned s0 = in->shape[i], s1 = in->shape[i + 1];
    const unsigned sm = has_m ? in->shape[i - 1] : VN_SH_EDGE;
    const unsigned s2 = has_2 ? in->shape[i + 2] : VN_SH_EDGE;
    size_t n = 0;
    out[n++] = f1(T_BIAS, 0);
    out[n++] = f1(T_U0, k0);
    out[n++] = f1(T_U1, k1);
    out[n++] = f1(T_UM, km);
    out[n++] = f1(T_U2, k2);
    const uint64_t b01 = f2(T_B01, k0, k1);
    out[n++] = b01;
    out[n++] = f2(T_BM0, km, k0);
    out[n++] = f2(T_B12, k1, k2);
    out[n++] = f3(T_TM01, km, k0, k1);
    out[n++] = f3(T_T012, k0, k1, k2);
    out[n++] = f1(T_SH01, s0 * 16 + s1);
    out[n++] = f1(T_SH4, ((sm * 16 + s0) * 16 + s1) * 16 + s2);
    out[n++] = f2(T_K0S1, k0, s1);
    out[n++] = f2(T_S0K1, s0, k1);
    const unsigned span = in->lex_span[i], end = in->lex_end[i], start = in->lex_start[i + 1];
    const unsigned pair = in->lex_pair[i];
    out[n++] = f1(T_LEX_SPAN, span);
    out[n++] = f1(T_LEX_END, end);
    out[n++] = f1(T_LEX_START, start);
    out[n++] = f1(T_LEX_ALL, (span * 16 + end) * 16 + start);
    out[n++] = f1(T_LEX_PAIR, pair * 256 + s0 * 16 + s1);
    out[n++] = f2(T_LEX_PAIR_B01, pair, b01);
    return n;
}

/* The features of gap i that see the previous decision. */
size_t vn_seg_features_prev(const vn_seg_input *in, size_t i, int prev, uint64_t *out)
{
    const unsigned p = prev ? 1u : 0u;
    const unsigned s0 = in->shape[i], s1 = in->shape[i + 1];
    out[0] = f1(T_PREV, p);
    out[1] = f2(T_PREV_B01, p, f2(T_B01, in->key[i], in->key[i + 1]));
    out[2] = f1(T_PREV_SH, p * 256 + s0 * 16 + s1);
    return 3;
}

size_t vn_seg_features(const vn_seg_input *in, size_t i, int prev, uint64_t *out)
{
    size_t n = vn_seg_features_static(in, i, out);
    return n + vn_seg_features_prev(in, i, prev, out + n);
}
