/* Training: segmented corpora, CoNLL-U and word lists in; an averaged perceptron over the gaps
 * between syllables (or a lexicon-only model) out, as a validated model file image. */
#include <string.h>

#include "seg_model.h"

/* Folds of the training lexicon: a sentence sees corpus words only from the other folds, so
 * the lexicon features behave in training as they will on unseen text. */
#define FOLDS 5
#define FOLD_MASK 0x1Fu
#define T_LIST (1u << 5)
#define T_PREFIX (1u << 6)

/* A growable hash set of word hashes with flags (same slot layout as the model lexicon). */
typedef struct lex_map {
    uint64_t *slots;
    unsigned bits;
    size_t used;
} lex_map;

struct vnseg_trainer {
    vnseg_train_options opt;
    vnseg_doc *doc;   /* tokenizing a line */
    vn_seg_input in;  /* its features' view */
    vn_buf raw;       /* the line as raw text */
    vn_buf joins;     /* per byte of raw: 1 where a space joins two syllables */
    vn_buf seg_line;  /* a CoNLL-U sentence being collected */
    bool conllu_open; /* seg_line holds part of a CoNLL-U sentence */
    /* all training gaps, sentence after sentence */
    uint64_t *keys;
    uint8_t *shapes, *gaps; /* gaps: bit0 joinable, bit1 gold join */
    uint8_t *lex;           /* 4 per token: span, end, start, pair (filled before training) */
    size_t ntok, cap_tok;
    size_t *sent_start; /* nsent + 1 entries once training */
    size_t nsent, cap_sent;
    lex_map words;
    size_t list_words;
};

/* ---- the word map ---- */

static unsigned map_flags(const lex_map *m, uint64_t h)
{
    return vn_lex_find(m->slots, m->bits, h);
}

static bool map_add(lex_map *m, uint64_t h, unsigned flags)
{
    if (!m->slots || 2 * (m->used + 1) > ((size_t)1 << m->bits)) {
        unsigned bits = m->slots ? m->bits + 1 : 12;
        uint64_t *s = vn_calloc((size_t)1 << bits, sizeof(uint64_t));
        if (!s) return false;
        for (size_t i = 0; m->slots && i < ((size_t)1 << m->bits); i++)
            if (m->slots[i])
                vn_lex_insert(s, bits, m->slots[i], (unsigned)(m->slots[i] & VN_LEX_FLAGS));
        vn_free(m->slots);
        m->slots = s;
        m->bits = bits;
    }
    if (!vn_lex_find(m->slots, m->bits, h)) m->used++;
    vn_lex_insert(m->slots, m->bits, h, flags);
    return true;
}

/* Add the word made of keys k[0..len) (and its prefixes) with `flags`. */
static bool add_word(lex_map *m, const uint64_t *k, size_t len, unsigned flags)
{
    if (len < 2 || len > VN_MAX_WORD) return true;
    for (size_t p = 2; p < len; p++)
        if (!map_add(m, vn_seg_word_hash(k, p), T_PREFIX)) return false;
    return map_add(m, vn_seg_word_hash(k, len), flags);
}

/* ---- trainer ---- */

VNSEG_EXPORT vnseg_status vnseg_trainer_new(const vnseg_train_options *options, vnseg_trainer **out)
{
    if (!out)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "vnseg_trainer_new: NULL out");
    *out = NULL;
    vnseg_train_options o = {sizeof o, 10, 20, 0, 1};
    if (options) {
        if (options->size != sizeof(vnseg_train_options))
            return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                           "vnseg_trainer_new: options.size %u, expected %zu",
                           (unsigned)options->size, sizeof(vnseg_train_options));
        if (options->epochs) o.epochs = options->epochs;
        if (options->hash_bits) o.hash_bits = options->hash_bits;
        if (options->seed) o.seed = options->seed;
    }
    if (o.epochs > 1000 || o.hash_bits < 16 || o.hash_bits > 26)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_trainer_new: epochs %u (1..1000) or hash_bits %u (16..26)",
                       (unsigned)o.epochs, (unsigned)o.hash_bits);
    vnseg_trainer *t = vn_calloc(1, sizeof *t);
    if (!t) return vn_fail_simple(VNSEG_E_NOMEM);
    t->opt = o;
    t->doc = vnseg_doc_new();
    if (!t->doc) {
        vn_free(t);
        return vn_fail_simple(VNSEG_E_NOMEM);
    }
    *out = t;
    return VNSEG_OK;
}

VNSEG_EXPORT void vnseg_trainer_free(vnseg_trainer *t)
{
    if (!t) return;
    vnseg_doc_free(t->doc);
    vn_seg_input_free(&t->in);
    vn_buf_free(&t->raw);
    vn_buf_free(&t->joins);
    vn_buf_free(&t->seg_line);
    vn_free(t->keys);
    vn_free(t->shapes);
    vn_free(t->gaps);
    vn_free(t->lex);
    vn_free(t->sent_start);
    vn_free(t->words.slots);
    vn_free(t);
}

static vnseg_status nomem(void)
{
    return vn_fail_simple(VNSEG_E_NOMEM);
}

/* Take the sentence in t->raw (with t->joins marking the joining spaces): tokenize it as raw
 * text, store its gaps, and add its words to the lexicon. */
static vnseg_status add_sentence(vnseg_trainer *t)
{
    if (t->raw.len == 0) return VNSEG_OK;
    if (vnseg_tokenize_raw(t->doc, (const char *)t->raw.data, t->raw.len, VNSEG_OPT_LENIENT) !=
        VNSEG_OK)
        return nomem();
    size_t n = t->doc->ntokens;
    if (n == 0) return VNSEG_OK;
    if (!vn_seg_input_reserve(&t->in, n)) return nomem();
    vn_seg_input_tokens(&t->in, t->doc);
    size_t need = t->ntok + n;
    size_t cap = t->cap_tok;
    if (need > cap) {
        size_t c2 = cap, c3 = cap, c4 = cap;
        if (!vn_grow((void **)&t->keys, &cap, need, sizeof(uint64_t)) ||
            !vn_grow((void **)&t->shapes, &c2, need, 1) ||
            !vn_grow((void **)&t->gaps, &c3, need, 1) || !vn_grow((void **)&t->lex, &c4, need, 4)) {
            /* keep the arrays consistent: the smallest capacity counts */
            size_t m = cap < c2 ? cap : c2;
            m = m < c3 ? m : c3;
            t->cap_tok = m < c4 ? m : c4;
            return nomem();
        }
        t->cap_tok = cap;
    }
    if (!vn_grow((void **)&t->sent_start, &t->cap_sent, t->nsent + 2, sizeof(size_t)))
        return nomem();
    const vnseg_token *tk = t->doc->tokens;
    unsigned fold = (unsigned)(t->nsent % FOLDS);
    size_t word_start = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t g = t->in.joinable[i] ? 1 : 0;
        if (g && t->joins.data[tk[i].offset + tk[i].length]) g |= 2;
        t->keys[t->ntok + i] = t->in.key[i];
        t->shapes[t->ntok + i] = t->in.shape[i];
        t->gaps[t->ntok + i] = g;
        if (!(g & 2)) {
            if (!add_word(&t->words, t->in.key + word_start, i + 1 - word_start, 1u << fold))
                return nomem();
            word_start = i + 1;
        }
    }
    t->sent_start[t->nsent++] = t->ntok;
    t->ntok += n;
    return VNSEG_OK;
}

/* Set up t->raw and t->joins for a sentence of `len` bytes. */
static bool start_raw(vnseg_trainer *t, size_t len)
{
    t->raw.len = t->joins.len = 0;
    if (!vn_buf_reserve(&t->raw, len + 1) || !vn_buf_reserve(&t->joins, len + 1)) return false;
    memset(t->joins.data, 0, len + 1);
    return true;
}

/* A segmented line: syllable-separating `_` become joining spaces. */
static vnseg_status add_segmented_line(vnseg_trainer *t, const unsigned char *s, size_t len,
                                       uint64_t base)
{
    vnseg_status st = vnseg_tokenize(t->doc, (const char *)s, len, 0);
    if (st != VNSEG_OK) {
        if (st == VNSEG_E_INVALID_UTF8) {
            const vnseg_error *e = vnseg_error_last();
            return vn_fail(st, base + e->offset, 0, "invalid UTF-8 at byte %llu",
                           (unsigned long long)(base + e->offset));
        }
        return st;
    }
    if (!start_raw(t, len)) return nomem();
    memcpy(t->raw.data, s, len);
    t->raw.len = len;
    for (size_t i = 0; i < t->doc->ntokens; i++) {
        if (t->doc->tokens[i].syllables < 2) continue;
        size_t pos = 0, k = 0;
        vnseg_span syl;
        while (vnseg_doc_next_syllable(t->doc, i, &pos, &syl)) {
            if (k++ > 0) {
                t->raw.data[syl.offset - 1] = ' ';
                t->joins.data[syl.offset - 1] = 1;
            }
        }
    }
    return add_sentence(t);
}

/* A CoNLL-U line: word lines add their FORM to the sentence; a blank line ends it. */
static vnseg_status add_conllu_line(vnseg_trainer *t, const unsigned char *s, size_t len,
                                    uint64_t base)
{
    if (len == 0 || (len == 1 && s[0] == '\r')) {
        vnseg_status st = VNSEG_OK;
        if (t->conllu_open) {
            size_t n = t->seg_line.len;
            if (!start_raw(t, n)) return nomem();
            memcpy(t->raw.data, t->seg_line.data, n);
            t->raw.len = n;
            /* seg_line holds FORMs separated by 0x1F; spaces inside FORMs join syllables */
            for (size_t i = 0; i < n; i++) {
                if (t->raw.data[i] == ' ')
                    t->joins.data[i] = 1;
                else if (t->raw.data[i] == 0x1F)
                    t->raw.data[i] = ' ';
            }
            st = add_sentence(t);
        }
        t->seg_line.len = 0;
        t->conllu_open = false;
        return st;
    }
    if (s[0] == '#') return VNSEG_OK;
    const unsigned char *tab = memchr(s, '\t', len);
    if (!tab) return VNSEG_OK;
    for (const unsigned char *p = s; p < tab; p++)
        if (*p == '-' || *p == '.') return VNSEG_OK; /* a multi-word range or an empty node */
    const unsigned char *form = tab + 1, *fend = memchr(form, '\t', len - (size_t)(form - s));
    if (!fend) fend = s + len;
    size_t flen = (size_t)(fend - form);
    for (size_t i = 0; i < flen; i++)
        if (form[i] == 0x1F || form[i] == '\n')
            return vn_fail(VNSEG_E_FORMAT, base + (uint64_t)(form - s) + i, 0,
                           "CoNLL-U FORM holds a control character");
    if (!vn_buf_reserve(&t->seg_line, flen + 1)) return nomem();
    if (t->conllu_open) t->seg_line.data[t->seg_line.len++] = 0x1F;
    memcpy(t->seg_line.data + t->seg_line.len, form, flen);
    t->seg_line.len += flen;
    t->conllu_open = true;
    return VNSEG_OK;
}

/* A word list line: the first column, syllables separated by spaces or `_`. */
static vnseg_status add_wordlist_line(vnseg_trainer *t, const unsigned char *s, size_t len)
{
    const unsigned char *tab = memchr(s, '\t', len);
    if (tab) len = (size_t)(tab - s);
    while (len && (s[len - 1] == '\r' || s[len - 1] == ' '))
        len--;
    if (!len) return VNSEG_OK;
    if (!start_raw(t, len)) return nomem();
    for (size_t i = 0; i < len; i++)
        t->raw.data[i] = s[i] == '_' ? ' ' : s[i];
    t->raw.len = len;
    if (vnseg_tokenize_raw(t->doc, (const char *)t->raw.data, len, VNSEG_OPT_LENIENT) != VNSEG_OK)
        return nomem();
    size_t n = t->doc->ntokens;
    if (n < 2 || n > VN_MAX_WORD) return VNSEG_OK;
    if (!vn_seg_input_reserve(&t->in, n)) return nomem();
    vn_seg_input_tokens(&t->in, t->doc);
    for (size_t i = 0; i + 1 < n; i++)
        if (!t->in.joinable[i]) return VNSEG_OK;
    if (!(map_flags(&t->words, vn_seg_word_hash(t->in.key, n)) & T_LIST)) t->list_words++;
    return add_word(&t->words, t->in.key, n, T_LIST) ? VNSEG_OK : nomem();
}

static vnseg_status close_conllu(vnseg_trainer *t)
{
    return t->conllu_open ? add_conllu_line(t, (const unsigned char *)"", 0, 0) : VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_trainer_add(vnseg_trainer *t, vnseg_corpus_format format,
                                            const char *text, size_t len)
{
    if (!t || (!text && len) || (unsigned)format > VNSEG_CORPUS_WORDLIST)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_trainer_add: bad trainer, text or format");
    if (format != VNSEG_CORPUS_CONLLU) {
        vnseg_status st = close_conllu(t);
        if (st != VNSEG_OK) return st;
    }
    const unsigned char *s = (const unsigned char *)text, *end = s + len;
    while (s < end) {
        const unsigned char *nl = memchr(s, '\n', (size_t)(end - s));
        const unsigned char *le = nl ? nl : end;
        size_t n = (size_t)(le - s);
        uint64_t base = (uint64_t)(s - (const unsigned char *)text);
        vnseg_status st;
        switch (format) {
        case VNSEG_CORPUS_SEGMENTED:
            st = add_segmented_line(t, s, n, base);
            break;
        case VNSEG_CORPUS_CONLLU:
            st = add_conllu_line(t, s, n, base);
            break;
        default:
            st = add_wordlist_line(t, s, n);
            break;
        }
        if (st != VNSEG_OK) return st;
        s = nl ? nl + 1 : end;
    }
    return VNSEG_OK;
}

/* ---- training ---- */

typedef struct fold_view {
    const lex_map *m;
    unsigned hide; /* the fold bit to ignore */
} fold_view;

static unsigned fold_find(const void *ctx, uint64_t h)
{
    const fold_view *v = ctx;
    unsigned f = map_flags(v->m, h);
    unsigned r = 0;
    if (f & FOLD_MASK & ~v->hide) r |= VN_LEX_CORPUS;
    if (f & T_LIST) r |= VN_LEX_LIST;
    if (f & T_PREFIX) r |= VN_LEX_PREFIX;
    return r;
}

/* Lexicon features of every training sentence, each seeing the other folds only. */
static vnseg_status fill_lexicon_features(vnseg_trainer *t)
{
    for (size_t s = 0; s < t->nsent; s++) {
        size_t a = t->sent_start[s], n = t->sent_start[s + 1] - a;
        if (!vn_seg_input_reserve(&t->in, n)) return nomem();
        vn_seg_input *in = &t->in;
        in->n = n;
        memcpy(in->key, t->keys + a, n * sizeof(uint64_t));
        for (size_t i = 0; i < n; i++) {
            in->joinable[i] = t->gaps[a + i] & 1;
            in->shape[i] = t->shapes[a + i];
            in->brk[i] = i + 1 == n;
        }
        fold_view v = {&t->words, 1u << (s % FOLDS)};
        vn_seg_input_lexicon(in, fold_find, &v, VN_MAX_WORD);
        for (size_t i = 0; i < n; i++) {
            uint8_t *l = t->lex + 4 * (a + i);
            l[0] = in->lex_span[i];
            l[1] = in->lex_end[i];
            l[2] = in->lex_start[i];
            l[3] = in->lex_pair[i];
        }
    }
    return VNSEG_OK;
}

/* Point t->in at training sentence s (no copy of the big arrays but keys). */
static void load_sentence(vnseg_trainer *t, size_t s)
{
    size_t a = t->sent_start[s], n = t->sent_start[s + 1] - a;
    vn_seg_input *in = &t->in;
    in->n = n;
    memcpy(in->key, t->keys + a, n * sizeof(uint64_t));
    for (size_t i = 0; i < n; i++) {
        const uint8_t *l = t->lex + 4 * (a + i);
        in->joinable[i] = t->gaps[a + i] & 1;
        in->shape[i] = t->shapes[a + i];
        in->brk[i] = i + 1 == n;
        in->lex_span[i] = l[0];
        in->lex_end[i] = l[1];
        in->lex_start[i] = l[2];
        in->lex_pair[i] = l[3];
    }
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
    for (size_t i = 0; t->words.slots && i < ((size_t)1 << t->words.bits); i++) {
        uint64_t e = t->words.slots[i];
        entries += e != 0;
        words += (e & (FOLD_MASK | T_LIST)) != 0;
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
    for (size_t i = 0; t->words.slots && i < ((size_t)1 << t->words.bits); i++) {
        uint64_t e = t->words.slots[i];
        if (!e) continue;
        unsigned f = (e & FOLD_MASK ? VN_LEX_CORPUS : 0) | (e & T_LIST ? VN_LEX_LIST : 0) |
                     (e & T_PREFIX ? VN_LEX_PREFIX : 0);
        vn_lex_insert(lex, lb, e, f);
    }
    for (size_t i = 0; i < ((size_t)1 << lb); i++)
        vn_put64(img + loff + 8 * i, lex[i]);
    vn_free(lex);
    vn_put64(img + VN_H_CHECKSUM, vn_checksum(img, size));
    return vn_model_adopt(img, size, out);
}

VNSEG_EXPORT vnseg_status vnseg_trainer_train(vnseg_trainer *t, vnseg_progress_fn progress,
                                              void *ctx, vnseg_model **out)
{
    if (!t || !out)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_trainer_train: NULL argument");
    *out = NULL;
    vnseg_status st = close_conllu(t);
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
    for (size_t s = 0; s < t->nsent; s++)
        if (t->sent_start[s + 1] - t->sent_start[s] > longest)
            longest = t->sent_start[s + 1] - t->sent_start[s];
    if (!vn_seg_input_reserve(&t->in, longest)) return nomem();
    if (progress) progress(ctx, "lexicon", 0, 1);
    if ((st = fill_lexicon_features(t)) != VNSEG_OK) return st;

    const unsigned hb = t->opt.hash_bits;
    const size_t slots = (size_t)1 << hb;
    int32_t *w = vn_calloc(slots, sizeof(int32_t));
    int64_t *u = vn_calloc(slots, sizeof(int64_t));
    size_t *order = vn_malloc(t->nsent * sizeof(size_t));
    if (!w || !u || !order) {
        vn_free(w);
        vn_free(u);
        vn_free(order);
        return nomem();
    }
    for (size_t s = 0; s < t->nsent; s++)
        order[s] = s;
    uint64_t rng = t->opt.seed * 0x9E3779B97F4A7C15ull + 1;
    int64_t c = 1;
    uint64_t feats[VN_MAX_FEATURES];
    size_t idx[VN_MAX_FEATURES];
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
            const uint8_t *gaps = t->gaps + t->sent_start[s];
            int prev = 0;
            for (size_t i = 0; i + 1 < t->in.n; i++) {
                if (!(gaps[i] & 1)) {
                    prev = 0;
                    continue;
                }
                size_t nf = vn_seg_features(&t->in, i, prev, feats);
                int64_t score = 0;
                for (size_t f = 0; f < nf; f++) {
                    idx[f] = vn_seg_slot(feats[f], hb);
                    score += w[idx[f]];
                }
                int gold = (gaps[i] & 2) != 0;
                if ((score > 0) != gold) {
                    int d = gold ? 1 : -1;
                    for (size_t f = 0; f < nf; f++) {
                        w[idx[f]] += d;
                        u[idx[f]] += c * d;
                    }
                }
                c++;
                prev = score > 0; /* as decoding will see it */
            }
        }
    }
    /* Averaged weights, in place of w as floats. */
    float *avg = (float *)(void *)w;
    float top = 0;
    for (size_t i = 0; i < slots; i++) {
        float a = (float)((double)w[i] - (double)u[i] / (double)c);
        avg[i] = a;
        if ((a < 0 ? -a : a) > top) top = a < 0 ? -a : a;
    }
    vn_free(u);
    vn_free(order);
    if (progress) progress(ctx, "save", 0, 1);
    st = build_image(t, avg, top > 0 ? 32767.0f / top : 1.0f, VNSEG_MODEL_PERCEPTRON, out);
    vn_free(w);
    return st;
}
