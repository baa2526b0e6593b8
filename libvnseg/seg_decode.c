/* Segmentation: raw text to tokens, a join decision for every gap (Viterbi over the averaged
 * perceptron, or longest match for lexicon-only models), the segmented text and its document. */
#include <string.h>

#include "seg_features.h"

struct vnseg_segmenter {
    const vnseg_model *model;
    vnseg_doc *raw;              /* the raw tokenization of the last input */
    vn_seg_input in;             /* what the features see */
    vn_key_memo_entry *key_memo; /* syllable keys by token bytes */
    uint8_t *join;               /* per gap: joined */
    size_t cap_join;
    int64_t *score; /* per gap: static score, then the prev-dependent part for prev 0 and 1 */
    size_t cap_score;
    uint8_t *back; /* per gap: Viterbi back pointers */
    size_t cap_back;
    vn_buf out;     /* the segmented text */
    vnseg_doc *doc; /* a document over `out`, built on demand */
    bool doc_ready;
    uint32_t options;
};

VNSEG_EXPORT vnseg_status vnseg_segmenter_new(const vnseg_model *model, vnseg_segmenter **out)
{
    if (!model || !out)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_segmenter_new: NULL argument");
    *out = NULL;
    vnseg_segmenter *s = vn_calloc(1, sizeof *s);
    if (!s) return vn_fail_simple(VNSEG_E_NOMEM);
    s->model = model;
    s->raw = vnseg_doc_new();
    s->key_memo = vn_calloc((size_t)1 << VN_KEY_MEMO_BITS, sizeof(vn_key_memo_entry));
    if (!s->raw || !s->key_memo) {
        vnseg_doc_free(s->raw);
        vn_free(s->key_memo);
        vn_free(s);
        return vn_fail_simple(VNSEG_E_NOMEM);
    }
    *out = s;
    return VNSEG_OK;
}

VNSEG_EXPORT void vnseg_segmenter_free(vnseg_segmenter *s)
{
    if (!s) return;
    vnseg_doc_free(s->raw);
    vnseg_doc_free(s->doc);
    vn_seg_input_free(&s->in);
    vn_free(s->key_memo);
    vn_free(s->join);
    vn_free(s->score);
    vn_free(s->back);
    vn_buf_free(&s->out);
    vn_free(s);
}

/* Every weight is read in a first pass (for both possible labels of the previous gap), so the
 * reads are independent of each other; then the best labels of all gaps (Viterbi). */
static void decode_perceptron(vnseg_segmenter *s)
{
    const vnseg_model *m = s->model;
    const vn_seg_input *in = &s->in;
    const unsigned hb = m->hash_bits;
    const int16_t *w = m->weights;
    int64_t *sc = s->score;
    vn_seg_input_ngrams(&s->in);
    const size_t gaps = in->n ? in->n - 1 : 0;
    /* the previous-label features that are one constant each */
    const int32_t prev0 = w[vn_seg_slot(vn_seg_feature_prev_const(0), hb)];
    const int32_t prev1 = w[vn_seg_slot(vn_seg_feature_prev_const(1), hb)];
    for (size_t i = 0; i < gaps; i++) {
        if (!in->joinable[i]) continue;
        int32_t total = 0;
#define SUM_WEIGHT(x) (total += w[vn_seg_slot((x), hb)])
        VN_SEG_STATIC_FEATURES(in, i, SUM_WEIGHT);
#undef SUM_WEIGHT
        uint64_t p0[VN_PREV_FEATURES], p1[VN_PREV_FEATURES];
        vn_seg_features_prev(in, i, 0, p0);
        vn_seg_features_prev(in, i, 1, p1);
        int32_t d0 = prev0, d1 = prev1;
        for (size_t f = 1; f < VN_PREV_FEATURES; f++) {
            d0 += w[vn_seg_slot(p0[f], hb)];
            d1 += w[vn_seg_slot(p1[f], hb)];
        }
        sc[3 * i] = total;
        sc[3 * i + 1] = d0;
        sc[3 * i + 2] = d1;
    }
    vn_seg_viterbi(sc, in->joinable, gaps, s->join, s->back);
}

/* Is token i capitalized (a possible part of a name)? */
static bool name_part(const vn_seg_input *in, size_t i)
{
    return in->shape[i] == VN_SH_CAP || in->shape[i] == VN_SH_FOREIGN_CAP;
}

/* Longest match over the lexicon; runs of capitalized syllables are names (a sentence's
 * first word is left out of a run: it is capitalized anyway). */
static void decode_lexicon(vnseg_segmenter *s)
{
    const vn_seg_input *in = &s->in;
    const vnseg_token *tk = s->raw->tokens;
    size_t n = in->n;
    memset(s->join, 0, n);
    for (size_t i = 0; i + 1 < n;) {
        unsigned len = in->lex_start[i];
        if (len >= 2) {
            for (size_t g = i; g + 1 < i + len; g++)
                s->join[g] = 1;
            i += len;
        } else {
            i++;
        }
    }
    for (size_t i = 0; i + 1 < n; i++) {
        bool initial = i == 0 || in->brk[i - 1] || tk[i - 1].kind == VNSEG_KIND_PUNCT_FINAL ||
                       tk[i - 1].kind == VNSEG_KIND_PUNCT_OPEN;
        if (initial || !name_part(in, i)) continue;
        size_t j = i;
        while (j + 1 < n && in->joinable[j] && name_part(in, j + 1))
            j++;
        for (size_t g = i; g < j; g++)
            s->join[g] = 1;
        i = j;
    }
}

static void fail_reset(vnseg_segmenter *s)
{
    s->out.len = 0;
    s->in.n = 0;
    s->doc_ready = false;
}

VNSEG_EXPORT vnseg_status vnseg_segment(vnseg_segmenter *s, const char *text, size_t len,
                                        uint32_t options)
{
    VN_CHECK_LEN("vnseg_segment", text, len);
    if (!s)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "vnseg_segment: NULL segmenter");
    fail_reset(s);
    vnseg_status st = vnseg_tokenize_raw(s->raw, text, len, options);
    if (st != VNSEG_OK) return st;
    s->options = options;
    const vnseg_model *m = s->model;
    size_t n = s->raw->ntokens;
    if (!vn_seg_input_reserve(&s->in, n + 1) ||
        !vn_grow((void **)&s->join, &s->cap_join, n + 1, 1) ||
        !vn_grow((void **)&s->score, &s->cap_score, 3 * (n + 1), sizeof(int64_t)) ||
        !vn_grow((void **)&s->back, &s->cap_back, n + 1, 1)) {
        fail_reset(s);
        return vn_fail_simple(VNSEG_E_NOMEM);
    }
    vn_seg_input_tokens(&s->in, s->raw, s->key_memo);
    vn_seg_input_lexicon_model(&s->in, m);
    if (n) s->join[n - 1] = 0;
    if (m->kind == VNSEG_MODEL_PERCEPTRON)
        decode_perceptron(s);
    else
        decode_lexicon(s);

    /* The segmented text: the input with joints as `_` and spaces where tokens touched. */
    const unsigned char *src = s->raw->text;
    const vnseg_token *tk = s->raw->tokens;
    if (!vn_buf_reserve(&s->out, len + n + 1)) {
        fail_reset(s);
        return vn_fail_simple(VNSEG_E_NOMEM);
    }
    /* First the bytes with a space inserted where two tokens touch, in chunks; then the
     * joints: a joined gap's space becomes `_` (unless the word would grow too long). */
    unsigned char *o = s->out.data;
    size_t copied = 0;
    for (size_t i = 1; i < n; i++) {
        size_t start = (size_t)tk[i].offset;
        if (start != tk[i - 1].offset + tk[i - 1].length) continue;
        memcpy(o, src + copied, start - copied);
        o += start - copied;
        *o++ = ' ';
        copied = start;
    }
    memcpy(o, src + copied, len - copied);
    o += len - copied;
    size_t shift = 0;
    uint64_t word_len = n ? tk[0].length : 0;
    for (size_t i = 1; i < n; i++) {
        uint64_t end = tk[i - 1].offset + tk[i - 1].length;
        if (tk[i].offset == end) shift++;
        if (s->join[i - 1] && word_len + 1 + tk[i].length <= VNSEG_TOKEN_MAX_BYTES - 4) {
            s->out.data[end + shift] = '_';
            word_len += 1 + tk[i].length;
        } else {
            s->join[i - 1] = 0;
            word_len = tk[i].length;
        }
    }
    s->out.len = (size_t)(o - s->out.data);
    return VNSEG_OK;
}

VNSEG_EXPORT const char *vnseg_segmenter_text(const vnseg_segmenter *s, size_t *len)
{
    if (len) *len = s ? s->out.len : 0;
    return s && s->out.data ? (const char *)s->out.data : "";
}

VNSEG_EXPORT vnseg_status vnseg_segmenter_doc(vnseg_segmenter *s, const vnseg_doc **out)
{
    if (!s || !out)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_segmenter_doc: NULL argument");
    *out = NULL;
    if (!s->doc_ready) {
        if (!s->doc && !(s->doc = vnseg_doc_new())) return vn_fail_simple(VNSEG_E_NOMEM);
        vnseg_status st = vnseg_tokenize(s->doc, s->out.data ? (const char *)s->out.data : "",
                                         s->out.len, s->options & VNSEG_OPT_LENIENT);
        if (st != VNSEG_OK) return st;
        /* Word j covers raw tokens i .. i+k joined; it takes the spacing of the last. */
        const vnseg_token *rt = s->raw->tokens;
        size_t nr = s->raw->ntokens, i = 0;
        for (size_t j = 0; j < s->doc->ntokens; j++) {
            vnseg_token *t = &s->doc->tokens[j];
            uint64_t bytes = 0;
            size_t first = i;
            while (i < nr) {
                bytes += rt[i].length + (i > first);
                if (!(i + 1 < nr && s->join[i])) break;
                i++;
            }
            if (i >= nr || bytes != t->length)
                return vn_fail(VNSEG_E_FORMAT, t->offset, 0,
                               "vnseg_segmenter_doc: segmented text and raw tokens disagree at "
                               "byte %llu",
                               (unsigned long long)t->offset);
            t->flags &= ~(uint32_t)(VNSEG_TF_SPACE_AFTER | VNSEG_TF_LINE_END);
            t->flags |= rt[i].flags & (VNSEG_TF_SPACE_AFTER | VNSEG_TF_LINE_END);
            i++;
        }
        if (i != nr)
            return vn_fail(VNSEG_E_FORMAT, VNSEG_NO_OFFSET, 0,
                           "vnseg_segmenter_doc: %zu raw tokens, %zu used", nr, i);
        s->doc_ready = true;
    }
    *out = s->doc;
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_segment_to_buffer(const vnseg_model *model, const char *text,
                                                  size_t len, uint32_t options, char *buf,
                                                  size_t cap, size_t *out_len)
{
    VN_CHECK_LEN("vnseg_segment_to_buffer", text, len);
    if (!model || (!buf && cap) || !out_len)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_segment_to_buffer: NULL argument");
    vnseg_segmenter *s;
    vnseg_status st = vnseg_segmenter_new(model, &s);
    if (st != VNSEG_OK) return st;
    st = vnseg_segment(s, text, len, options);
    if (st == VNSEG_OK) {
        *out_len = s->out.len;
        if (s->out.len > cap)
            st = vn_fail(VNSEG_E_BUFFER, VNSEG_NO_OFFSET, 0,
                         "vnseg_segment_to_buffer: %zu bytes needed, %zu given", s->out.len, cap);
        else if (s->out.len)
            memcpy(buf, s->out.data, s->out.len);
    }
    vnseg_segmenter_free(s);
    return st;
}
