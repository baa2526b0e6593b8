/* Training input: segmented corpora, CoNLL-U and word lists, each sentence with its source,
 * collected as keys, shapes and gold joins, and the word map of the training lexicon. */
#include <string.h>

#include "seg_train.h"

/* ---- the word map ---- */

uint32_t vn_word_map_flags(const vn_word_map *m, uint64_t h)
{
    if (!m->slots) return 0;
    size_t i = vn_lex_slot(m->slots, m->bits, h);
    return m->slots[i] ? m->flags[i] : 0;
}

static bool map_add(vn_word_map *m, uint64_t h, uint32_t flags)
{
    if (!m->slots || 2 * (m->used + 1) > ((size_t)1 << m->bits)) {
        unsigned bits = m->slots ? m->bits + 1 : 12;
        uint64_t *s = vn_calloc((size_t)1 << bits, sizeof(uint64_t));
        uint32_t *f = vn_calloc((size_t)1 << bits, sizeof(uint32_t));
        if (!s || !f) {
            vn_free(s);
            vn_free(f);
            return false;
        }
        for (size_t i = 0; m->slots && i < ((size_t)1 << m->bits); i++) {
            if (!m->slots[i]) continue;
            size_t k = vn_lex_slot(s, bits, m->slots[i]);
            s[k] = m->slots[i];
            f[k] = m->flags[i];
        }
        vn_free(m->slots);
        vn_free(m->flags);
        m->slots = s;
        m->flags = f;
        m->bits = bits;
    }
    size_t i = vn_lex_slot(m->slots, m->bits, h);
    if (!m->slots[i]) {
        m->slots[i] = vn_lex_key(h);
        m->used++;
    }
    m->flags[i] |= flags;
    return true;
}

/* Add the word made of keys k[0..len) (and its prefixes) with `flags`. */
static bool add_word(vn_word_map *m, const uint64_t *k, size_t len, uint32_t flags)
{
    if (len < 2 || len > VN_MAX_WORD) return true;
    for (size_t p = 2; p < len; p++)
        if (!map_add(m, vn_seg_word_hash(k, p), VN_T_PREFIX)) return false;
    return map_add(m, vn_seg_word_hash(k, len), flags);
}

/* ---- trainer ---- */

VNSEG_EXPORT vnseg_status vnseg_trainer_new(const vnseg_train_options *options, vnseg_trainer **out)
{
    if (!out)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "vnseg_trainer_new: NULL out");
    *out = NULL;
    vnseg_train_options o = {sizeof o, 10, 18, 0, 1};
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
    for (unsigned k = 0; k < VN_SOURCES; k++)
        t->weight[k] = 16;
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
    vn_free(t->sent_src);
    vn_free(t->words.slots);
    vn_free(t->words.flags);
    vn_free(t);
}

vnseg_status vn_train_nomem(void)
{
    return vn_fail_simple(VNSEG_E_NOMEM);
}

#define nomem vn_train_nomem

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
    vn_seg_input_tokens(&t->in, t->doc, NULL);
    size_t need = t->ntok + n;
    size_t cap = t->cap_tok;
    if (need > cap) {
        size_t c2 = cap, c3 = cap, c4 = cap;
        if (!vn_grow((void **)&t->keys, &cap, need, sizeof(uint64_t)) ||
            !vn_grow((void **)&t->shapes, &c2, need, 1) ||
            !vn_grow((void **)&t->gaps, &c3, need, 1) ||
            !vn_grow((void **)&t->lex, &c4, need, VN_LEX_ARRAYS)) {
            /* keep the arrays consistent: the smallest capacity counts */
            size_t m = cap < c2 ? cap : c2;
            m = m < c3 ? m : c3;
            t->cap_tok = m < c4 ? m : c4;
            return nomem();
        }
        t->cap_tok = cap;
    }
    if (!vn_grow((void **)&t->sent_start, &t->cap_sent, t->nsent + 2, sizeof(size_t)) ||
        !vn_grow((void **)&t->sent_src, &t->cap_src, t->nsent + 2, 1))
        return nomem();
    const vnseg_token *tk = t->doc->tokens;
    const uint32_t word_flag = 1u << (t->source * VN_FOLDS + t->nsent % VN_FOLDS);
    size_t word_start = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t g = t->in.joinable[i] ? 1 : 0;
        if (g && t->joins.data[tk[i].offset + tk[i].length]) g |= 2;
        t->keys[t->ntok + i] = t->in.key[i];
        t->shapes[t->ntok + i] = t->in.shape[i];
        t->gaps[t->ntok + i] = g;
        if (!(g & 2)) {
            if (!add_word(&t->words, t->in.key + word_start, i + 1 - word_start, word_flag))
                return nomem();
            word_start = i + 1;
        }
    }
    t->sent_src[t->nsent] = (uint8_t)t->source;
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
    vn_seg_input_tokens(&t->in, t->doc, NULL);
    for (size_t i = 0; i + 1 < n; i++)
        if (!t->in.joinable[i]) return VNSEG_OK;
    if (!(vn_word_map_flags(&t->words, vn_seg_word_hash(t->in.key, n)) & VN_T_LIST))
        t->list_words++;
    return add_word(&t->words, t->in.key, n, VN_T_LIST) ? VNSEG_OK : nomem();
}

vnseg_status vn_train_close_conllu(vnseg_trainer *t)
{
    return t->conllu_open ? add_conllu_line(t, (const unsigned char *)"", 0, 0) : VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_trainer_add(vnseg_trainer *t, vnseg_corpus_format format,
                                            const char *text, size_t len)
{
    VN_CHECK_LEN("vnseg_trainer_add", text, len);
    if (!t || (!text && len) || (unsigned)format > VNSEG_CORPUS_WORDLIST)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_trainer_add: bad trainer, text or format");
    if (format != VNSEG_CORPUS_CONLLU) {
        vnseg_status st = vn_train_close_conllu(t);
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

VNSEG_EXPORT vnseg_status vnseg_trainer_set_source(vnseg_trainer *t, uint32_t source, double weight)
{
    if (!t || source >= VN_SOURCES || !(weight >= 1.0 / 16 && weight <= 16))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_trainer_set_source: source %u (0..%d) or weight (1/16..16)",
                       (unsigned)source, VN_SOURCES - 1);
    vnseg_status st = vn_train_close_conllu(t);
    if (st != VNSEG_OK) return st;
    t->source = source;
    t->weight[source] = (uint32_t)(weight * 16 + 0.5);
    return VNSEG_OK;
}
