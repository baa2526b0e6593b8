/* The entity scanner's entry point and result: runs the passes over a document, orders the
 * mentions, links short person names to full ones, and keeps canonical names. */
#include <stdlib.h>
#include <string.h>

#include "entity_cues.h"
#include "entity_scan.h"

VNSEG_EXPORT vnseg_mentions *vnseg_mentions_new(void)
{
    return vn_calloc(1, sizeof(vnseg_mentions));
}

VNSEG_EXPORT void vnseg_mentions_free(vnseg_mentions *m)
{
    if (!m) return;
    vn_free(m->items);
    vn_free(m->canon_off);
    vn_free(m->canon_len);
    vn_free(m->key_off);
    vn_free(m->key_len);
    vn_buf_free(&m->names);
    vn_buf_free(&m->keys);
    vn_buf_free(&m->tmp);
    vn_free(m->c);
    vn_free(m->owner);
    vn_free(m->cue);
    vn_buf_free(&m->key);
    vn_buf_free(&m->key2);
    vn_key_scratch_free(&m->sc);
    vn_free(m);
}

uint32_t vn_scan_cue(vn_scan *s, size_t t)
{
    uint32_t c = s->m->cue[t];
    if (c & VN_CUE_KNOWN) return c & ~VN_CUE_KNOWN;
    c = 0;
    const vnseg_token *tk = &s->tok[t];
    if (tk->kind == VNSEG_KIND_WORD && tk->length <= 64) {
        vn_buf *k = &s->m->key2;
        k->len = 0;
        if (vn_scan_key(s, t, 0, tk->length, k, true) == VNSEG_OK) c = vn_cue_of(k->data, k->len);
    }
    s->m->cue[t] = c | VN_CUE_KNOWN;
    return c;
}

vnseg_status vn_scan_add(vn_scan *s, const vn_cand *c)
{
    vnseg_mentions *m = s->m;
    if (m->nc >= VN_NONE - 1 || !vn_grow((void **)&m->c, &m->capc, m->nc + 1, sizeof *c))
        return VNSEG_E_NOMEM;
    m->c[m->nc] = *c;
    for (size_t t = c->first; t <= c->last; t++)
        if (m->owner[t] == VN_NONE) m->owner[t] = (uint32_t)m->nc;
    m->nc++;
    return VNSEG_OK;
}

static int by_offset(const void *a, const void *b)
{
    const vnseg_mention *x = a, *y = b;
    return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* The canonical name of every heuristic mention (its text in NFC with spaces between
 * syllables), and the lookup key of every mention's text, to compare names. */
static vnseg_status canonical_names(vn_scan *s)
{
    vnseg_mentions *m = s->m;
    m->keys.len = 0;
    for (size_t i = 0; i < m->n; i++) {
        vnseg_mention *x = &m->items[i];
        const unsigned char *text = s->text + x->offset;
        size_t before = m->keys.len;
        vnseg_status st = vn_key_append(&m->keys, &m->sc, text, (size_t)x->length, s->fold);
        if (st != VNSEG_OK) return st;
        m->key_off[i] = before;
        m->key_len[i] = (uint32_t)(m->keys.len - before);
        m->canon_off[i] = m->names.len;
        m->canon_len[i] = 0;
        if (x->source == VNSEG_SOURCE_GAZETTEER) continue;
        before = m->names.len;
        st = vn_normalize_append(&m->names, &m->tmp, text, (size_t)x->length, true, true);
        if (st != VNSEG_OK) return st;
        for (size_t k = before; k < m->names.len; k++)
            if (m->names.data[k] == '_') m->names.data[k] = ' ';
        m->canon_len[i] = (uint32_t)(m->names.len - before);
    }
    return VNSEG_OK;
}

/* Whether key a (one or more whole syllables) is the first or last part of key b. */
static bool name_part_of(const unsigned char *a, size_t an, const unsigned char *b, size_t bn)
{
    if (an == 0 || an >= bn) return false;
    if (memcmp(a, b, an) == 0 && b[an] == ' ') return true;
    return memcmp(a, b + bn - an, an) == 0 && b[bn - an - 1] == ' ';
}

/* One name, one type in a document: a heuristic mention typed by no cue takes the type of a
 * cued heuristic mention of the same name (`tên quốc_tế Noru` after `bão Noru`). */
static void share_types(vnseg_mentions *m)
{
    for (size_t i = 0; i < m->n; i++) {
        vnseg_mention *x = &m->items[i];
        if (x->source != VNSEG_SOURCE_HEURISTIC || (x->flags & VNSEG_MF_CUED) || !m->key_len[i])
            continue;
        for (size_t j = 0; j < m->n; j++) {
            const vnseg_mention *y = &m->items[j];
            if (y->source == VNSEG_SOURCE_HEURISTIC && (y->flags & VNSEG_MF_CUED) &&
                m->key_len[j] == m->key_len[i] &&
                memcmp(m->keys.data + m->key_off[j], m->keys.data + m->key_off[i], m->key_len[i]) ==
                    0) {
                x->type = y->type;
                break;
            }
        }
    }
}

/* Link person mentions that give part of a name to one that gives more of it. */
static void link_names(vnseg_mentions *m)
{
    for (size_t i = 0; i < m->n; i++) {
        vnseg_mention *x = &m->items[i];
        if (x->type != VNSEG_ENT_PER || x->source != VNSEG_SOURCE_HEURISTIC) continue;
        size_t best = VN_NONE;
        for (size_t j = 0; j < m->n; j++) {
            const vnseg_mention *y = &m->items[j];
            if (j == i || y->type != VNSEG_ENT_PER || y->source != VNSEG_SOURCE_HEURISTIC) continue;
            if (!m->key_len[i] || !m->key_len[j] ||
                !name_part_of(m->keys.data + m->key_off[i], m->key_len[i],
                              m->keys.data + m->key_off[j], m->key_len[j]))
                continue;
            if (best == VN_NONE || m->key_len[j] > m->key_len[best]) best = j;
        }
        if (best != VN_NONE) x->link = (uint32_t)best;
    }
    /* Canonical names follow the links (one step: links point to longer names). */
    for (size_t i = 0; i < m->n; i++)
        if (m->items[i].link != VN_NONE) {
            size_t j = m->items[i].link;
            m->canon_off[i] = m->canon_off[j];
            m->canon_len[i] = m->canon_len[j];
        }
}

static vnseg_status prepare(vnseg_mentions *m, size_t ntok)
{
    m->n = 0;
    m->nc = 0;
    m->names.len = 0;
    if (ntok > m->cap_tok) {
        uint32_t *o = vn_realloc(m->owner, ntok * sizeof *o);
        if (!o) return VNSEG_E_NOMEM;
        m->owner = o;
        uint32_t *c = vn_realloc(m->cue, ntok * sizeof *c);
        if (!c) return VNSEG_E_NOMEM;
        m->cue = c;
        m->cap_tok = ntok;
    }
    if (ntok) {
        memset(m->owner, 0xFF, ntok * sizeof *m->owner);
        memset(m->cue, 0, ntok * sizeof *m->cue);
    }
    return VNSEG_OK;
}

/* The live candidates, in text order, as mentions. */
static vnseg_status emit(vn_scan *s)
{
    vnseg_mentions *m = s->m;
    size_t live = 0;
    for (size_t i = 0; i < m->nc; i++)
        live += !m->c[i].dead;
    if (!vn_grow((void **)&m->items, &m->cap, live, sizeof *m->items)) return VNSEG_E_NOMEM;
    if (live > m->cap_canon) {
        uint64_t *o = vn_realloc(m->canon_off, live * sizeof *o);
        if (!o) return VNSEG_E_NOMEM;
        m->canon_off = o;
        uint32_t *l = vn_realloc(m->canon_len, live * sizeof *l);
        if (!l) return VNSEG_E_NOMEM;
        m->canon_len = l;
        o = vn_realloc(m->key_off, live * sizeof *o);
        if (!o) return VNSEG_E_NOMEM;
        m->key_off = o;
        l = vn_realloc(m->key_len, live * sizeof *l);
        if (!l) return VNSEG_E_NOMEM;
        m->key_len = l;
        m->cap_canon = live;
    }
    for (size_t i = 0; i < m->nc; i++) {
        const vn_cand *c = &m->c[i];
        if (c->dead) continue;
        vnseg_mention *x = &m->items[m->n++];
        memset(x, 0, sizeof *x);
        x->offset = c->off;
        x->length = c->end - c->off;
        x->first_token = c->first;
        x->token_count = (uint32_t)(c->last - c->first + 1);
        x->type = c->type;
        x->entry = c->entry;
        x->link = VN_NONE;
        x->source = c->source;
        x->flags = (uint16_t)c->flags;
        if (s->tok[c->first].flags & VNSEG_TF_SENT_START && c->off == s->tok[c->first].offset)
            x->flags |= VNSEG_MF_SENTENCE_START;
    }
    if (m->n > 1) qsort(m->items, m->n, sizeof *m->items, by_offset);
    vnseg_status st = canonical_names(s);
    if (st == VNSEG_OK && !(s->options & VNSEG_SCAN_NO_LINKS)) {
        share_types(m);
        link_names(m);
    }
    return st;
}

VNSEG_EXPORT vnseg_status vnseg_scan_entities(vnseg_mentions *m, const vnseg_doc *doc,
                                              const vnseg_gazetteer *gaz, uint32_t options)
{
    const uint32_t known =
        VNSEG_SCAN_NO_HEURISTICS | VNSEG_SCAN_NO_GLUED | VNSEG_SCAN_NO_HEADS | VNSEG_SCAN_NO_LINKS;
    if (!m || !doc || (options & ~known)) return vn_fail_simple(VNSEG_E_INVALID_ARG);
    vn_scan s = {.m = m,
                 .doc = doc,
                 .tok = doc->tokens,
                 .ntok = doc->ntokens,
                 .text = doc->text,
                 .sent = doc->sentences,
                 .nsent = doc->nsentences,
                 .g = gaz,
                 .fold = gaz && (gaz->flags & VNSEG_GAZ_FOLD_CASE),
                 .options = options};
    m->gaz = gaz;
    vnseg_status st = prepare(m, s.ntok);
    if (st == VNSEG_OK) st = vn_scan_gazetteer(&s);
    if (st == VNSEG_OK && !(options & VNSEG_SCAN_NO_HEURISTICS)) st = vn_scan_rules(&s);
    if (st == VNSEG_OK) st = emit(&s);
    if (st != VNSEG_OK) {
        m->n = 0;
        m->nc = 0;
        return vn_fail_simple(st);
    }
    return VNSEG_OK;
}

VNSEG_EXPORT size_t vnseg_mentions_count(const vnseg_mentions *m)
{
    return m ? m->n : 0;
}

VNSEG_EXPORT const vnseg_mention *vnseg_mentions_get(const vnseg_mentions *m)
{
    return m && m->n ? m->items : NULL;
}

VNSEG_EXPORT vnseg_status vnseg_mention_canonical(const vnseg_mentions *m, size_t index,
                                                  const char **name, size_t *len)
{
    if (!m || index >= m->n || !name || !len) return vn_fail_simple(VNSEG_E_INVALID_ARG);
    const vnseg_mention *x = &m->items[index];
    if (x->entry != VN_NONE && m->gaz) {
        vnseg_gaz_entry e;
        if (vnseg_gazetteer_entry(m->gaz, x->entry, &e) == VNSEG_OK) {
            *name = e.canonical;
            *len = e.canonical_len;
            return VNSEG_OK;
        }
    }
    *len = m->canon_len[index];
    *name = *len ? (const char *)m->names.data + m->canon_off[index] : "";
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_mention_id(const vnseg_mentions *m, size_t index, const char **id,
                                           size_t *len)
{
    if (!m || index >= m->n || !id || !len) return vn_fail_simple(VNSEG_E_INVALID_ARG);
    *id = "";
    *len = 0;
    const vnseg_mention *x = &m->items[index];
    vnseg_gaz_entry e;
    if (x->entry != VN_NONE && m->gaz && vnseg_gazetteer_entry(m->gaz, x->entry, &e) == VNSEG_OK) {
        *id = e.id;
        *len = e.id_len;
    }
    return VNSEG_OK;
}

VNSEG_EXPORT const char *vnseg_source_name(unsigned source)
{
    switch (source) {
    case VNSEG_SOURCE_GAZETTEER:
        return "gazetteer";
    case VNSEG_SOURCE_HEURISTIC:
        return "heuristic";
    }
    return "?";
}
