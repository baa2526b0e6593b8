/* Learning: the lexicon features of every training sentence (jackknifed), a structured
 * averaged perceptron over the gap labels (Viterbi) with a shared and a per-source copy of every
 * weight, and the model file image (perceptron or lexicon-only). */
#include <string.h>

#include "seg_features.h"
#include "seg_train.h"

#define nomem vn_train_nomem
#define FOLD_MASK ((1u << VN_FOLDS) - 1)

typedef struct fold_view {
    const vn_word_map *m;
    unsigned source, fold; /* the sentence's: its own fold's words are hidden */
} fold_view;

static unsigned fold_find(const void *ctx, uint64_t h)
{
    const fold_view *v = ctx;
    uint32_t f = vn_word_map_flags(v->m, h);
    unsigned r = 0;
    for (unsigned k = 0; k < VN_SOURCES; k++) {
        uint32_t folds = (f >> (k * VN_FOLDS)) & FOLD_MASK;
        if (k == v->source) folds &= ~(1u << v->fold);
        if (folds) r |= VN_LEX_SRC0 << k;
    }
    if (f & VN_T_LIST) r |= VN_LEX_LIST;
    if (f & VN_T_PREFIX) r |= VN_LEX_PREFIX;
    return r;
}

/* Model lexicon flags of a word map entry (no fold hidden). */
static unsigned model_flags(uint32_t f)
{
    unsigned r = 0;
    for (unsigned k = 0; k < VN_SOURCES; k++)
        if ((f >> (k * VN_FOLDS)) & FOLD_MASK) r |= VN_LEX_SRC0 << k;
    if (f & VN_T_LIST) r |= VN_LEX_LIST;
    if (f & VN_T_PREFIX) r |= VN_LEX_PREFIX;
    return r;
}

/* Point t->in at training sentence s's tokens (keys, shapes, joinable, breaks). */
static void load_tokens(vnseg_trainer *t, size_t s)
{
    size_t a = t->sent_start[s], n = t->sent_start[s + 1] - a;
    vn_seg_input *in = &t->in;
    in->n = n;
    memcpy(in->key, t->keys + a, n * sizeof(uint64_t));
    for (size_t i = 0; i < n; i++) {
        in->joinable[i] = t->gaps[a + i] & 1;
        in->shape[i] = t->shapes[a + i];
        in->brk[i] = i + 1 == n;
    }
}

/* Lexicon features of every training sentence, each seeing its own source's other folds. */
static vnseg_status fill_lexicon_features(vnseg_trainer *t)
{
    for (size_t s = 0; s < t->nsent; s++) {
        load_tokens(t, s);
        vn_seg_input *in = &t->in;
        fold_view v = {&t->words, t->sent_src[s], (unsigned)(s % VN_FOLDS)};
        vn_seg_input_lexicon(in, fold_find, &v, VN_MAX_WORD);
        uint8_t *l = t->lex + VN_LEX_ARRAYS * t->sent_start[s];
        for (size_t i = 0; i < in->n; i++)
            for (unsigned k = 0; k < VN_LEX_ARRAYS; k++)
                l[VN_LEX_ARRAYS * i + k] = vn_seg_lex_array(in, k)[i];
    }
    return VNSEG_OK;
}

static void load_sentence(vnseg_trainer *t, size_t s)
{
    load_tokens(t, s);
    vn_seg_input_ngrams(&t->in);
    const uint8_t *l = t->lex + VN_LEX_ARRAYS * t->sent_start[s];
    for (size_t i = 0; i < t->in.n; i++)
        for (unsigned k = 0; k < VN_LEX_ARRAYS; k++)
            vn_seg_lex_array(&t->in, k)[i] = l[VN_LEX_ARRAYS * i + k];
}

static uint64_t next_random(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *state = x;
}

/* The model image: header, weights (if any), lexicon. */
static vnseg_status build_image(vnseg_trainer *t, const float *avg, float scale, uint32_t kind,
                                vnseg_model **out)
{
    unsigned hb = kind == VNSEG_MODEL_PERCEPTRON ? t->opt.hash_bits : 0;
    size_t entries = 0, words = 0;
    const vn_word_map *wm = &t->words;
    for (size_t i = 0; wm->slots && i < ((size_t)1 << wm->bits); i++) {
        entries += wm->slots[i] != 0;
        words += wm->slots[i] && (model_flags(wm->flags[i]) & VN_LEX_WORD);
    }
    unsigned lb = 4;
    while (((size_t)1 << lb) < 2 * entries + 2)
        lb++;
    size_t woff = VN_MODEL_HEADER_SIZE, wbytes = hb ? (size_t)2 << hb : 0;
    size_t loff = woff + wbytes, lbytes = (size_t)8 << lb;
    size_t size = loff + lbytes;
    unsigned char *img = vn_calloc(1, size);
    if (!img) return nomem();
    memcpy(img, VN_MODEL_MAGIC, 8);
    vn_put32(img + VN_H_VERSION, VNSEG_MODEL_VERSION);
    vn_put32(img + VN_H_HEADER_SIZE, VN_MODEL_HEADER_SIZE);
    vn_put32(img + VN_H_KIND, kind);
    vn_put32(img + VN_H_HASH_BITS, hb);
    vn_put32(img + VN_H_LEX_BITS, lb);
    vn_put32(img + VN_H_MAX_WORD, VN_MAX_WORD);
    vn_put64(img + VN_H_FILE_SIZE, size);
    vn_put64(img + VN_H_WEIGHTS_OFF, hb ? woff : 0);
    vn_put64(img + VN_H_LEX_OFF, loff);
    vn_put64(img + VN_H_LEX_WORDS, words);
    vn_put64(img + VN_H_SENTENCES, t->nsent);
    vn_put64(img + VN_H_SYLLABLES, t->ntok);
    vn_put32(img + VN_H_FEATURE_SET, VN_FEATURE_SET);
    for (size_t i = 0; hb && i < ((size_t)1 << hb); i++) {
        float x = avg[i] * scale;
        long q = (long)(x >= 0 ? x + 0.5f : x - 0.5f);
        q = q > 32767 ? 32767 : q < -32767 ? -32767 : q;
        uint16_t u = (uint16_t)(int16_t)q;
        img[woff + 2 * i] = (unsigned char)u;
        img[woff + 2 * i + 1] = (unsigned char)(u >> 8);
    }
    /* The lexicon, with training flags turned into model flags, in a fresh table. */
    uint64_t *lex = vn_calloc((size_t)1 << lb, sizeof(uint64_t));
    if (!lex) {
        vn_free(img);
        return nomem();
    }
    for (size_t i = 0; wm->slots && i < ((size_t)1 << wm->bits); i++)
        if (wm->slots[i]) vn_lex_insert(lex, lb, wm->slots[i], model_flags(wm->flags[i]));
    for (size_t i = 0; i < ((size_t)1 << lb); i++)
        vn_put64(img + loff + 8 * i, lex[i]);
    vn_free(lex);
    vn_put64(img + VN_H_CHECKSUM, vn_checksum(img, size));
    return vn_model_adopt(img, size, out);
}

/* The perceptron's weights: a shared table and, when sentences come from more than one
 * source, one per source; each with the sums for averaging. */
typedef struct weights {
    unsigned bits;
    int32_t *w[1 + VN_SOURCES];
    int64_t *u[1 + VN_SOURCES];
    int64_t c; /* updates are stamped with this counter (sentences seen) */
} weights;

/* Features of one gap, as weight slots: static ones, then prev 0 and prev 1. */
typedef struct gap_feats {
    uint32_t nf;
    uint32_t slot[VN_MAX_FEATURES + 2 * VN_PREV_FEATURES];
} gap_feats;

static int64_t sum(const weights *W, unsigned table, const uint32_t *slot, size_t n)
{
    int64_t s = 0;
    for (size_t f = 0; f < n; f++) {
        s += W->w[0][slot[f]];
        if (table) s += W->w[table][slot[f]];
    }
    return s;
}

static void update(weights *W, unsigned table, const uint32_t *slot, size_t n, int32_t d)
{
    for (size_t f = 0; f < n; f++) {
        W->w[0][slot[f]] += d;
        W->u[0][slot[f]] += W->c * d;
        if (table) {
            W->w[table][slot[f]] += d;
            W->u[table][slot[f]] += W->c * d;
        }
    }
}

/* One sentence: decode with the current weights, and move them towards the gold labels. */
static void learn_sentence(vnseg_trainer *t, weights *W, size_t s, gap_feats *gf, int64_t *sc,
                           uint8_t *pred, uint8_t *back, unsigned table)
{
    const vn_seg_input *in = &t->in;
    const size_t gaps = in->n - 1;
    const uint8_t *gold = t->gaps + t->sent_start[s];
    uint64_t feats[VN_MAX_FEATURES];
    for (size_t i = 0; i < gaps; i++) {
        if (!in->joinable[i]) continue;
        gap_feats *g = &gf[i];
        size_t nf = vn_seg_features_static(in, i, feats);
        for (size_t f = 0; f < nf; f++)
            g->slot[f] = (uint32_t)vn_seg_slot(feats[f], W->bits);
        g->nf = (uint32_t)nf;
        sc[3 * i] = sum(W, table, g->slot, nf);
        for (int p = 0; p < 2; p++) {
            uint32_t *ps = g->slot + nf + p * VN_PREV_FEATURES;
            vn_seg_features_prev(in, i, p, feats);
            for (size_t f = 0; f < VN_PREV_FEATURES; f++)
                ps[f] = (uint32_t)vn_seg_slot(feats[f], W->bits);
            sc[3 * i + 1 + p] = sum(W, table, ps, VN_PREV_FEATURES);
        }
    }
    vn_seg_viterbi(sc, in->joinable, gaps, pred, back);
    const int32_t mag = (int32_t)t->weight[t->sent_src[s]];
    int gp = 0, pp = 0; /* previous gold and predicted labels */
    for (size_t i = 0; i < gaps; i++) {
        int y = (gold[i] & 3) == 3, yh = pred[i];
        if (in->joinable[i] && (y != yh || gp != pp)) {
            const gap_feats *g = &gf[i];
            if (y) {
                update(W, table, g->slot, g->nf, mag);
                update(W, table, g->slot + g->nf + gp * VN_PREV_FEATURES, VN_PREV_FEATURES, mag);
            }
            if (yh) {
                update(W, table, g->slot, g->nf, -mag);
                update(W, table, g->slot + g->nf + pp * VN_PREV_FEATURES, VN_PREV_FEATURES, -mag);
            }
        }
        gp = y;
        pp = yh;
    }
    W->c++;
}

static void free_weights(weights *W)
{
    for (unsigned k = 0; k <= VN_SOURCES; k++) {
        vn_free(W->w[k]);
        vn_free(W->u[k]);
    }
}

VNSEG_EXPORT vnseg_status vnseg_trainer_train(vnseg_trainer *t, vnseg_progress_fn progress,
                                              void *ctx, vnseg_model **out)
{
    if (!t || !out)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_trainer_train: NULL argument");
    *out = NULL;
    vnseg_status st = vn_train_close_conllu(t);
    if (st != VNSEG_OK) return st;
    if (t->nsent == 0 && t->words.used == 0)
        return vn_fail(VNSEG_E_NOT_FOUND, VNSEG_NO_OFFSET, 0,
                       "nothing to train on: no sentences and no words were added");
    if (t->nsent == 0) {
        if (progress) progress(ctx, "save", 0, 1);
        return build_image(t, NULL, 0, VNSEG_MODEL_LEXICON, out);
    }
    t->sent_start[t->nsent] = t->ntok;
    size_t longest = 0;
    bool used[VN_SOURCES] = {false};
    unsigned nsources = 0;
    for (size_t s = 0; s < t->nsent; s++) {
        if (t->sent_start[s + 1] - t->sent_start[s] > longest)
            longest = t->sent_start[s + 1] - t->sent_start[s];
        nsources += !used[t->sent_src[s]];
        used[t->sent_src[s]] = true;
    }
    if (!vn_seg_input_reserve(&t->in, longest)) return nomem();
    if (progress) progress(ctx, "lexicon", 0, 1);
    if ((st = fill_lexicon_features(t)) != VNSEG_OK) return st;

    /* With one source the per-source copy would only repeat the shared one. */
    weights W = {t->opt.hash_bits, {NULL}, {NULL}, 1};
    const size_t slots = (size_t)1 << W.bits;
    gap_feats *gf = vn_malloc(longest * sizeof *gf);
    int64_t *sc = vn_malloc(3 * longest * sizeof *sc);
    uint8_t *pred = vn_malloc(2 * longest);
    size_t *order = vn_malloc(t->nsent * sizeof(size_t));
    bool ok = gf && sc && pred && order;
    for (unsigned k = 0; ok && k <= VN_SOURCES; k++) {
        if (k > 0 && (nsources < 2 || !used[k - 1])) continue;
        W.w[k] = vn_calloc(slots, sizeof(int32_t));
        W.u[k] = vn_calloc(slots, sizeof(int64_t));
        ok = W.w[k] && W.u[k];
    }
    if (!ok) {
        free_weights(&W);
        vn_free(gf);
        vn_free(sc);
        vn_free(pred);
        vn_free(order);
        return nomem();
    }
    for (size_t s = 0; s < t->nsent; s++)
        order[s] = s;
    uint64_t rng = t->opt.seed * 0x9E3779B97F4A7C15ull + 1;
    for (uint32_t ep = 0; ep < t->opt.epochs; ep++) {
        if (progress) progress(ctx, "epoch", ep, t->opt.epochs);
        for (size_t s = t->nsent; s > 1; s--) {
            size_t j = (size_t)(next_random(&rng) % s);
            size_t tmp = order[s - 1];
            order[s - 1] = order[j];
            order[j] = tmp;
        }
        for (size_t k = 0; k < t->nsent; k++) {
            size_t s = order[k];
            load_sentence(t, s);
            if (t->in.n < 2) continue;
            unsigned table = W.w[1 + t->sent_src[s]] ? 1 + t->sent_src[s] : 0;
            learn_sentence(t, &W, s, gf, sc, pred, pred + longest, table);
        }
    }
    vn_free(gf);
    vn_free(sc);
    vn_free(pred);
    vn_free(order);
    /* Averaged weights of the shared table plus source 0's (the target), as floats. */
    float *avg = vn_malloc(slots * sizeof(float));
    if (!avg) {
        free_weights(&W);
        return nomem();
    }
    float top = 0;
    for (size_t i = 0; i < slots; i++) {
        double a = 0;
        for (unsigned k = 0; k <= 1; k++)
            if (W.w[k]) a += (double)W.w[k][i] - (double)W.u[k][i] / (double)W.c;
        avg[i] = (float)a;
        float m = avg[i] < 0 ? -avg[i] : avg[i];
        if (m > top) top = m;
    }
    free_weights(&W);
    if (progress) progress(ctx, "save", 0, 1);
    st = build_image(t, avg, top > 0 ? 32767.0f / top : 1.0f, VNSEG_MODEL_PERCEPTRON, out);
    vn_free(avg);
    return st;
}
