/* What the segmentation model sees of a text: per token keys and shapes, which gaps may join,
 * lexicon matches, and the hashed features of each gap (shared by training and decoding). */
#include <string.h>

#include "seg_features.h"

bool vn_seg_input_reserve(vn_seg_input *in, size_t n)
{
    if (n <= in->cap) return true;
    size_t cap = in->cap ? in->cap : 64;
    while (cap < n) {
        if (cap > SIZE_MAX / 32) return false;
        cap *= 2;
    }
    /* One block: keys first (aligned), then the byte arrays. */
    uint8_t **arrays[] = {&in->shape,     &in->joinable, &in->brk,       &in->lex_span,
                          &in->lex_spanf, &in->lex_end,  &in->lex_start, &in->lex_pair};
    const size_t narrays = sizeof arrays / sizeof *arrays;
    unsigned char *block = vn_malloc(cap * (3 * sizeof(uint64_t) + narrays));
    if (!block) return false;
    vn_free(in->key);
    in->key = (uint64_t *)(void *)block;
    in->bi = in->key + cap;
    in->tri = in->bi + cap;
    unsigned char *b = block + 3 * cap * sizeof(uint64_t);
    for (size_t i = 0; i < narrays; i++)
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

/* Key and shape of token t, through the memo. */
static void memo_token_key(const vnseg_doc *doc, const vnseg_token *t, vn_key_memo_entry *memo,
                           uint64_t *key, uint8_t *shape)
{
    const unsigned char *s = doc->text + t->offset;
    size_t len = t->length;
    if (len > VN_MEMO_MAX_LEN) {
        vn_seg_token_key(doc->text, t, key, shape);
        return;
    }
    vn_memo_key k;
    if (t->offset + VN_MEMO_MAX_LEN <= doc->len) {
        k = vn_memo_key_of(s, len);
    } else {
        unsigned char pad[VN_MEMO_MAX_LEN] = {0};
        memcpy(pad, s, len);
        k = vn_memo_key_of(pad, len);
    }
    vn_key_memo_entry *e = &memo[vn_memo_bucket_of(k, 64 - VN_KEY_MEMO_BITS)];
    if (vn_memo_same(e->text, k)) {
        *key = e->key;
        *shape = (uint8_t)e->shape;
        return;
    }
    vn_seg_token_key(doc->text, t, key, shape);
    e->text = k;
    e->key = *key;
    e->shape = *shape;
}

void vn_seg_input_tokens(vn_seg_input *in, const vnseg_doc *doc, vn_key_memo_entry *memo)
{
    const vnseg_token *t = doc->tokens;
    const unsigned char *text = doc->text;
    size_t n = doc->ntokens;
    in->n = n;
    for (size_t i = 0; i < n; i++) {
        if (memo)
            memo_token_key(doc, &t[i], memo, &in->key[i], &in->shape[i]);
        else
            vn_seg_token_key(text, &t[i], &in->key[i], &in->shape[i]);
        bool last = i + 1 == n;
        in->brk[i] = last || (t[i].flags & VNSEG_TF_LINE_END);
        in->joinable[i] = !last && may_join(text, &t[i], &t[i + 1]);
    }
}

#define WORD_SEED 0x57C3A1D5E9F01B27ull

/* Every lexicon word within joinable gaps; `find` is a constant where this is inlined. */
static inline __attribute__((always_inline)) void lexicon_scan(vn_seg_input *in, vn_lex_fn find,
                                                               const void *ctx, unsigned max_word)
{
    size_t n = in->n;
    for (unsigned k = 0; k < VN_LEX_ARRAYS; k++)
        memset(vn_seg_lex_array(in, k), 0, n);
    if (max_word > VN_MAX_WORD) max_word = VN_MAX_WORD;
    for (size_t s = 0; s + 1 < n; s++) {
        if (!in->joinable[s]) continue;
        uint64_t h = vn_mix(WORD_SEED, in->key[s]);
        for (size_t e = s + 1; e < n && e - s < max_word; e++) {
            h = vn_mix(h, in->key[e]);
            unsigned f = find(ctx, h);
            unsigned len = (unsigned)(e - s + 1);
            const uint8_t fw = (uint8_t)(f & VN_LEX_WORD);
            if (fw) {
                if (len == 2) in->lex_pair[s] = fw;
                if (in->lex_start[s] < len) in->lex_start[s] = (uint8_t)len;
                if (in->lex_end[e] < len) in->lex_end[e] = (uint8_t)len;
                for (size_t g = s; g < e; g++) {
                    if (in->lex_span[g] < len) {
                        in->lex_span[g] = (uint8_t)len;
                        in->lex_spanf[g] = fw;
                    } else if (in->lex_span[g] == len) {
                        in->lex_spanf[g] |= fw;
                    }
                }
            }
            if (!(f & VN_LEX_PREFIX) || !in->joinable[e]) break;
        }
    }
}

void vn_seg_input_lexicon(vn_seg_input *in, vn_lex_fn find, const void *ctx, unsigned max_word)
{
    lexicon_scan(in, find, ctx, max_word);
}

static unsigned table_find(const void *ctx, uint64_t h)
{
    const vnseg_model *m = ctx;
    return vn_lex_find(m->lexicon, m->lex_bits, h);
}

void vn_seg_input_lexicon_model(vn_seg_input *in, const vnseg_model *m)
{
    lexicon_scan(in, table_find, m, m->max_word);
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
    slots[vn_lex_slot(slots, bits, h)] |= vn_lex_key(h) | flags;
}

void vn_seg_input_ngrams(vn_seg_input *in)
{
    const size_t n = in->n;
    /* the key to the right of token i, or the edge */
    for (size_t i = 0; i < n; i++) {
        uint64_t r1 = i + 1 < n && !in->brk[i] ? in->key[i + 1] : EDGE_KEY;
        in->bi[i] = vn_bigram(in->key[i], r1);
    }
    for (size_t i = 0; i < n; i++) {
        uint64_t r2 = i + 2 < n && !in->brk[i] && !in->brk[i + 1] ? in->key[i + 2] : EDGE_KEY;
        in->tri[i] = vn_mix(in->bi[i], r2);
    }
}
