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
    if (c >> 20 == s->m->epoch) return c & VN_CUE_BITS;
    c = 0;
    const vnseg_token *tk = &s->tok[t];
    if (tk->kind == VNSEG_KIND_WORD && tk->length <= 64) {
        vn_buf *k = &s->m->key2;
        k->len = 0;
        if (vn_scan_key(s, t, 0, tk->length, k, true) == VNSEG_OK) c = vn_cue_of(k->data, k->len);
    }
    s->m->cue[t] = s->m->epoch << 20 | c;
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
    const vn_cand *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

static void put_mention(vn_scan *s, const vn_cand *c)
{
    vnseg_mention *x = &s->m->items[s->m->n++];
    memset(x, 0, sizeof *x);
    x->offset = c->off;
    x->length = c->end - c->off;
    x->first_token = c->first;
    x->token_count = (uint32_t)(c->last - c->first + 1);
    x->type = c->type;
    x->entry = c->entry;
    x->link = VN_NONE;
    x->source = c->source;
    x->flags = (uint16_t)(c->flags & ~VN_CF_LISTED);
    if ((s->tok[c->first].flags & VNSEG_TF_SENT_START) && c->off == s->tok[c->first].offset)
        x->flags |= VNSEG_MF_SENTENCE_START;
}

/* The display form of mention i's text: NFC, spaces for underscores. */
static vnseg_status display_name(vn_scan *s, size_t i, bool clean)
{
    vnseg_mentions *m = s->m;
    const vnseg_mention *x = &m->items[i];
    const unsigned char *text = s->text + x->offset;
    size_t len = (size_t)x->length, before = m->names.len;
    m->canon_off[i] = before;
    if (clean) {
        if (!vn_buf_reserve(&m->names, len)) return VNSEG_E_NOMEM;
        memcpy(m->names.data + before, text, len);
        m->names.len += len;
    } else {
        vnseg_status st = vn_normalize_append(&m->names, &m->tmp, text, len, true, true);
        if (st != VNSEG_OK) return st;
    }
    for (size_t j = before; j < m->names.len; j++)
        if (m->names.data[j] == '_') m->names.data[j] = ' ';
    m->canon_len[i] = (uint32_t)(m->names.len - before);
    return VNSEG_OK;
}

/* The canonical name of every heuristic mention (its text in NFC with spaces between
 * syllables), and the lookup key of every mention's text, to compare names. */
static vnseg_status canonical_names(vn_scan *s)
{
    const uint32_t slow =
        VNSEG_TF_NOT_NFC | VNSEG_TF_INVISIBLE | VNSEG_TF_REPAIRED | VNSEG_TF_ESCAPED;
    vnseg_mentions *m = s->m;
    m->keys.len = 0;
    for (size_t i = 0; i < m->n; i++) {
        vnseg_mention *x = &m->items[i];
        const unsigned char *text = s->text + x->offset;
        size_t len = (size_t)x->length;
        m->key_off[i] = m->canon_off[i] = m->keys.len;
        m->key_len[i] = m->canon_len[i] = 0;
        if (x->source == VNSEG_SOURCE_GAZETTEER) continue; /* named by its entry */
        bool clean = true;
        for (uint64_t t = x->first_token; t < x->first_token + x->token_count; t++)
            clean &= !(s->tok[t].flags & slow);
        /* The key: the fast path for clean text, the general one otherwise. */
        size_t before = m->keys.len, k = SIZE_MAX;
        if (!vn_buf_reserve(&m->keys, len)) return VNSEG_E_NOMEM;
        if (clean) k = vn_key_fast(text, len, s->fold, m->keys.data + before);
        if (k != SIZE_MAX) {
            m->keys.len += k;
        } else {
            vnseg_status st = vn_key_append(&m->keys, &m->sc, text, len, s->fold);
            if (st != VNSEG_OK) return st;
        }
        m->key_off[i] = before;
        m->key_len[i] = (uint32_t)(m->keys.len - before);
        /* A mention on trial gets its name only if it is kept (resolve_tentative). */
        if (x->flags & VN_CF_TENTATIVE) continue;
        vnseg_status st = display_name(s, i, clean);
        if (st != VNSEG_OK) return st;
    }
    return VNSEG_OK;
}

/* A map from name keys (byte ranges of m->keys) to mention indices, open addressing. */
typedef struct name_map {
    struct name_slot {
        uint64_t hash, off;
        uint32_t len, value; /* value + 1; 0: empty */
    } * slots;
    size_t mask;
} name_map;

static bool map_init(name_map *t, size_t count)
{
    size_t cap = 16;
    while (cap < 2 * count + 2)
        cap *= 2;
    t->slots = vn_calloc(cap, sizeof *t->slots);
    t->mask = cap - 1;
    return t->slots != NULL;
}

/* The slot of key keys[off, off + len): its value's slot, or the empty slot where it goes. */
static struct name_slot *map_find(const name_map *t, const vn_buf *keys, uint64_t off, uint32_t len)
{
    uint64_t h = vn_hash_bytes(keys->data + off, len, 0);
    for (size_t i = h & t->mask;; i = (i + 1) & t->mask) {
        struct name_slot *sl = &t->slots[i];
        if (!sl->value) {
            sl->hash = h;
            sl->off = off;
            sl->len = len;
            return sl;
        }
        if (sl->hash == h && sl->len == len &&
            memcmp(keys->data + sl->off, keys->data + off, len) == 0)
            return sl;
    }
}

static bool heuristic(const vnseg_mention *x)
{
    return x->source == VNSEG_SOURCE_HEURISTIC;
}

/* One name, one type in a document: a heuristic mention typed by no cue takes the type of a
 * cued heuristic mention of the same name (`tên quốc_tế Noru` after `bão Noru`). */
static vnseg_status share_types(vnseg_mentions *m)
{
    size_t count = 0;
    for (size_t i = 0; i < m->n; i++)
        count += heuristic(&m->items[i]);
    if (count == 0) return VNSEG_OK;
    name_map t;
    if (!map_init(&t, count)) return VNSEG_E_NOMEM;
    for (size_t i = 0; i < m->n; i++) {
        if (!heuristic(&m->items[i]) || !(m->items[i].flags & VNSEG_MF_CUED) || !m->key_len[i])
            continue;
        struct name_slot *sl = map_find(&t, &m->keys, m->key_off[i], m->key_len[i]);
        if (!sl->value) sl->value = (uint32_t)i + 1;
    }
    for (size_t i = 0; i < m->n; i++) {
        vnseg_mention *x = &m->items[i];
        if (!heuristic(x) || (x->flags & VNSEG_MF_CUED) || !m->key_len[i]) continue;
        struct name_slot *sl = map_find(&t, &m->keys, m->key_off[i], m->key_len[i]);
        if (sl->value) x->type = m->items[sl->value - 1].type;
    }
    vn_free(t.slots);
    return VNSEG_OK;
}

/* Words capitalized by position only and kept on trial (VN_CF_TENTATIVE: `Thuỷ chưa ...` at
 * the start of a sentence) stay as persons when another person mention of the document has
 * the same name (`của Thuỷ`), and are dropped otherwise. */
static vnseg_status resolve_tentative(vn_scan *s)
{
    vnseg_mentions *m = s->m;
    size_t trial = 0;
    for (size_t i = 0; i < m->n; i++)
        trial += (m->items[i].flags & VN_CF_TENTATIVE) != 0;
    if (trial == 0) return VNSEG_OK;
    /* A small map of the names on trial; the document's persons mark the ones they name. */
    name_map t;
    if (!map_init(&t, trial)) return VNSEG_E_NOMEM;
    for (size_t i = 0; i < m->n; i++)
        if ((m->items[i].flags & VN_CF_TENTATIVE) && m->key_len[i]) {
            struct name_slot *sl = map_find(&t, &m->keys, m->key_off[i], m->key_len[i]);
            if (!sl->value) sl->value = 1; /* 1: on trial, 2: named elsewhere */
        }
    for (size_t i = 0; i < m->n; i++) {
        const vnseg_mention *x = &m->items[i];
        if (heuristic(x) && x->type == VNSEG_ENT_PER && !(x->flags & VN_CF_TENTATIVE) &&
            m->key_len[i]) {
            struct name_slot *sl = map_find(&t, &m->keys, m->key_off[i], m->key_len[i]);
            if (sl->value) sl->value = 2;
        }
    }
    size_t n = 0;
    vnseg_status st = VNSEG_OK;
    for (size_t i = 0; i < m->n; i++) {
        vnseg_mention *x = &m->items[i];
        if (x->flags & VN_CF_TENTATIVE) {
            if (!m->key_len[i] || map_find(&t, &m->keys, m->key_off[i], m->key_len[i])->value != 2)
                continue;
            x->flags &= (uint16_t)~VN_CF_TENTATIVE;
            /* One word: clean unless the tokenizer flagged it. */
            const uint32_t slow =
                VNSEG_TF_NOT_NFC | VNSEG_TF_INVISIBLE | VNSEG_TF_REPAIRED | VNSEG_TF_ESCAPED;
            if ((st = display_name(s, i, !(s->tok[x->first_token].flags & slow))) != VNSEG_OK)
                break;
        }
        m->items[n] = *x;
        m->canon_off[n] = m->canon_off[i];
        m->canon_len[n] = m->canon_len[i];
        m->key_off[n] = m->key_off[i];
        m->key_len[n] = m->key_len[i];
        n++;
    }
    vn_free(t.slots);
    if (st != VNSEG_OK) return st;
    m->n = n;
    return VNSEG_OK;
}

/* Link person mentions that give the first or last part of a name to the longest person
 * name of the document that has that part (`Putin` to `Vladimir Putin`). */
static vnseg_status link_names(vnseg_mentions *m)
{
    size_t parts = 0;
    for (size_t i = 0; i < m->n; i++)
        if (heuristic(&m->items[i]) && m->items[i].type == VNSEG_ENT_PER)
            for (uint32_t k = 0; k < m->key_len[i]; k++)
                parts += 2 * (m->keys.data[m->key_off[i] + k] == ' ');
    if (parts == 0) return VNSEG_OK;
    name_map t;
    if (!map_init(&t, parts)) return VNSEG_E_NOMEM;
    for (size_t j = 0; j < m->n; j++) {
        if (!heuristic(&m->items[j]) || m->items[j].type != VNSEG_ENT_PER) continue;
        const unsigned char *k = m->keys.data + m->key_off[j];
        uint32_t n = m->key_len[j];
        for (uint32_t p = 1; p + 1 < n; p++) {
            if (k[p] != ' ') continue;
            struct name_slot *a = map_find(&t, &m->keys, m->key_off[j], p);
            if (!a->value || m->key_len[a->value - 1] < n) a->value = (uint32_t)j + 1;
            struct name_slot *b = map_find(&t, &m->keys, m->key_off[j] + p + 1, n - p - 1);
            if (!b->value || m->key_len[b->value - 1] < n) b->value = (uint32_t)j + 1;
        }
    }
    for (size_t i = 0; i < m->n; i++) {
        vnseg_mention *x = &m->items[i];
        if (!heuristic(x) || x->type != VNSEG_ENT_PER || !m->key_len[i]) continue;
        struct name_slot *sl = map_find(&t, &m->keys, m->key_off[i], m->key_len[i]);
        if (sl->value && sl->value - 1 != i) x->link = sl->value - 1;
    }
    vn_free(t.slots);
    /* Canonical names follow the links (one step: links point to longer names). */
    for (size_t i = 0; i < m->n; i++)
        if (m->items[i].link != VN_NONE) {
            size_t j = m->items[i].link;
            m->canon_off[i] = m->canon_off[j];
            m->canon_len[i] = m->canon_len[j];
        }
    return VNSEG_OK;
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
        memset(c + m->cap_tok, 0, (ntok - m->cap_tok) * sizeof *c);
        m->cue = c;
        m->cap_tok = ntok;
    }
    if (ntok) memset(m->owner, 0xFF, ntok * sizeof *m->owner);
    /* A new epoch marks every cached cue stale; clear the cache once every 4095 scans. */
    if (++m->epoch > 0xFFF) m->epoch = 1;
    if (m->epoch == 1 && m->cap_tok) memset(m->cue, 0, m->cap_tok * sizeof *m->cue);
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
    /* The gazetteer's candidates are in text order; sort the rules' ones and merge. The
     * live candidates never overlap, so their offsets are distinct. */
    size_t g = 0, r = m->ngaz;
    if (m->nc - m->ngaz > 1) qsort(m->c + m->ngaz, m->nc - m->ngaz, sizeof *m->c, by_offset);
    while (g < m->ngaz || r < m->nc) {
        if (g < m->ngaz && m->c[g].dead) {
            g++;
        } else if (r < m->nc && m->c[r].dead) {
            r++;
        } else if (r == m->nc || (g < m->ngaz && m->c[g].off < m->c[r].off)) {
            put_mention(s, &m->c[g++]);
        } else {
            put_mention(s, &m->c[r++]);
        }
    }
    vnseg_status st = canonical_names(s);
    if (st == VNSEG_OK) st = resolve_tentative(s);
    if (st == VNSEG_OK && !(s->options & VNSEG_SCAN_NO_LINKS)) st = share_types(m);
    if (st == VNSEG_OK && !(s->options & VNSEG_SCAN_NO_LINKS)) st = link_names(m);
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
    m->ngaz = m->nc;
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
