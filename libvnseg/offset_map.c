/* Offset maps stored per unit (4 bytes each when small), built pass by pass, composed across
 * passes, and searched through checkpoints. */
#include "offset_map.h"

void vn_map_free(vn_map *m)
{
    vn_free(m->rec);
    vn_free(m->big);
    vn_free(m->ck);
    memset(m, 0, sizeof *m);
}

bool vn_map_add(vn_map *m, uint64_t gap, uint64_t nlen, uint64_t olen)
{
    if (m->n % VN_MAP_BLOCK == 0) {
        if (!vn_grow((void **)&m->ck, &m->capck, m->nck + 1, sizeof *m->ck)) return false;
        m->ck[m->nck++] = (vn_check){m->norm_end, m->orig_end, m->piece_end};
    }
    if (!vn_grow((void **)&m->rec, &m->cap, m->n + 1, sizeof *m->rec)) return false;
    if (gap < VN_REC_BIG && nlen <= 255 && olen <= 255) {
        m->rec[m->n] = (vn_rec){(uint16_t)gap, (uint8_t)nlen, (uint8_t)olen};
    } else {
        if (!vn_grow((void **)&m->big, &m->capbig, m->nbig + 1, sizeof *m->big)) return false;
        m->big[m->nbig++] = (vn_big){m->n, gap, nlen, olen};
        m->rec[m->n] = (vn_rec){VN_REC_BIG, 0, 0};
    }
    m->n++;
    m->norm_end += gap + nlen;
    m->orig_end += gap + olen;
    m->piece_end += 1 + (gap > 0);
    return true;
}

/* The last unit takes `extra` more source bytes (a deletion joins it). */
static bool grow_last(vn_map *m, uint64_t extra)
{
    vn_rec *r = &m->rec[m->n - 1];
    if (r->gap == VN_REC_BIG) {
        m->big[m->nbig - 1].olen += extra;
    } else if (r->olen + extra <= 255) {
        r->olen = (uint8_t)(r->olen + extra);
    } else {
        if (!vn_grow((void **)&m->big, &m->capbig, m->nbig + 1, sizeof *m->big)) return false;
        m->big[m->nbig++] = (vn_big){m->n - 1, r->gap, r->nlen, r->olen + extra};
        r->gap = VN_REC_BIG;
    }
    m->orig_end += extra;
    return true;
}

void vn_map_finish(vn_map *m, uint64_t norm_len, uint64_t orig_len)
{
    m->norm_len = norm_len;
    m->orig_len = orig_len;
    m->pieces = norm_len == 0 ? 0 : m->piece_end + (norm_len > m->norm_end);
}

static void rec_get(const vn_map *m, size_t u, uint64_t *gap, uint64_t *nlen, uint64_t *olen)
{
    vn_rec r = m->rec[u];
    if (r.gap != VN_REC_BIG) {
        *gap = r.gap;
        *nlen = r.nlen;
        *olen = r.olen;
        return;
    }
    size_t lo = 0, hi = m->nbig;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->big[mid].unit <= u)
            lo = mid;
        else
            hi = mid;
    }
    *gap = m->big[lo].gap;
    *nlen = m->big[lo].nlen;
    *olen = m->big[lo].olen;
}

/* ---- walking the pieces ---- */

typedef struct walker {
    const vn_map *m;
    size_t u;     /* next unit */
    bool at_unit; /* its copy is done, the unit comes next */
    uint64_t gap, nlen, olen;
    uint64_t norm, orig, piece;
} walker;

/* Start at checkpoint k (or at the beginning). */
static void walk_from(walker *w, const vn_map *m, size_t k)
{
    memset(w, 0, sizeof *w);
    w->m = m;
    if (m->nck) {
        w->u = k * VN_MAP_BLOCK;
        w->norm = m->ck[k].norm;
        w->orig = m->ck[k].orig;
        w->piece = m->ck[k].piece;
    }
}

static bool walk_next(walker *w, vn_piece *p)
{
    const vn_map *m = w->m;
    if (w->u == m->n) {
        if (w->norm >= m->norm_len) return false;
        *p = (vn_piece){w->norm, m->norm_len, w->orig, m->orig_len, w->piece, false};
        w->norm = m->norm_len;
        return true;
    }
    if (!w->at_unit) {
        rec_get(m, w->u, &w->gap, &w->nlen, &w->olen);
        w->at_unit = true;
        if (w->gap) {
            *p =
                (vn_piece){w->norm, w->norm + w->gap, w->orig, w->orig + w->gap, w->piece++, false};
            w->norm += w->gap;
            w->orig += w->gap;
            return true;
        }
    }
    *p = (vn_piece){w->norm, w->norm + w->nlen, w->orig, w->orig + w->olen, w->piece++, true};
    w->norm += w->nlen;
    w->orig += w->olen;
    w->at_unit = false;
    w->u++;
    return true;
}

enum by { BY_INDEX, BY_NORM, BY_ORIG };

static uint64_t check_key(const vn_check *c, enum by by)
{
    return by == BY_INDEX ? c->piece : by == BY_NORM ? c->norm : c->orig;
}

static void find(const vn_map *m, enum by by, uint64_t x, vn_piece *p)
{
    size_t lo = 0, hi = m->nck;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (check_key(&m->ck[mid], by) <= x)
            lo = mid;
        else
            hi = mid;
    }
    walker w;
    walk_from(&w, m, lo);
    while (walk_next(&w, p)) {
        uint64_t end = by == BY_INDEX ? p->index + 1 : by == BY_NORM ? p->nb : p->ob;
        if (x < end) return;
    }
}

void vn_map_piece(const vn_map *m, uint64_t index, vn_piece *p)
{
    find(m, BY_INDEX, index, p);
}

void vn_map_pieces(const vn_map *m, uint64_t *out, size_t count)
{
    walker w;
    vn_piece p;
    walk_from(&w, m, 0);
    for (size_t i = 0; i < count && walk_next(&w, &p); i++) {
        uint64_t *o = out + 5 * i;
        o[0] = p.na;
        o[1] = p.nb;
        o[2] = p.oa;
        o[3] = p.ob;
        o[4] = !p.unit;
    }
}

void vn_map_piece_at_norm(const vn_map *m, uint64_t x, vn_piece *p)
{
    find(m, BY_NORM, x, p);
}

void vn_map_piece_at_orig(const vn_map *m, uint64_t x, vn_piece *p)
{
    find(m, BY_ORIG, x, p);
}

/* ---- composition ---- */

typedef struct merger {
    vn_map *out;
    vn_piece cur;
    bool have, failed;
    uint64_t pending; /* copied bytes since the last unit */
} merger;

static void flush(merger *g)
{
    if (!g->have || g->failed) return;
    if (g->cur.unit) {
        if (!vn_map_add(g->out, g->pending, g->cur.nb - g->cur.na, g->cur.ob - g->cur.oa))
            g->failed = true;
        g->pending = 0;
    } else {
        g->pending += g->cur.nb - g->cur.na;
    }
    g->have = false;
}

/* Add a piece; pieces come in order, each starting where the last ended on the target side. */
static void add_piece(merger *g, vn_piece p)
{
    if (g->have && p.oa < g->cur.ob) { /* shares source bytes: one unit */
        g->cur.nb = p.nb;
        if (p.ob > g->cur.ob) g->cur.ob = p.ob;
        g->cur.unit = true;
        return;
    }
    flush(g);
    g->cur = p;
    g->have = true;
}

/* vn_map_add, inline when the record is small and no checkpoint is due. */
static inline bool add_fast(vn_map *m, uint64_t gap, uint64_t nlen, uint64_t olen)
{
    if (m->n % VN_MAP_BLOCK == 0 || m->n >= m->cap || gap >= VN_REC_BIG || nlen > 255 || olen > 255)
        return vn_map_add(m, gap, nlen, olen);
    m->rec[m->n++] = (vn_rec){(uint16_t)gap, (uint8_t)nlen, (uint8_t)olen};
    m->norm_end += gap + nlen;
    m->orig_end += gap + olen;
    m->piece_end += 1 + (gap > 0);
    return true;
}

bool vn_map_compose(const vn_map *outer, const vn_map *inner, vn_map *out)
{
    merger g = {out, {0, 0, 0, 0, 0, false}, false, false, 0};
    walker ow, iw;
    vn_piece op, ip = {0, 0, 0, 0, 0, false};
    walk_from(&ow, outer, 0);
    walk_from(&iw, inner, 0);
    if (!vn_grow((void **)&out->rec, &out->cap, inner->n + outer->n + 1, sizeof *out->rec))
        return false;
    while (!g.failed && walk_next(&ow, &op)) {
        uint64_t c = op.oa, d = op.ob;
        if (op.unit) {
            while (ip.nb <= c && walk_next(&iw, &ip)) {
            }
            uint64_t oa = ip.unit ? ip.oa : ip.oa + (c - ip.na);
            while (ip.nb < d && walk_next(&iw, &ip)) {
            }
            uint64_t ob = ip.unit ? ip.ob : ip.oa + (d - ip.na);
            add_piece(&g, (vn_piece){op.na, op.nb, oa, ob, 0, true});
            continue;
        }
        for (uint64_t p = c; p < d && !g.failed;) {
            /* In a long copy, whole inner records go over as they are: when the inner walk
             * stands at the start of a record at p and nothing held could merge with it. */
            if (!iw.at_unit && iw.norm == p && ip.nb <= p && iw.u < inner->n &&
                (!g.have || g.cur.ob <= iw.orig)) {
                flush(&g);
                size_t u = iw.u;
                uint64_t nb = iw.norm, ob = iw.orig, pieces = iw.piece;
                for (; u < inner->n; u++) {
                    uint64_t gap, nl, ol;
                    rec_get(inner, u, &gap, &nl, &ol);
                    if (nb + gap + nl > d) break;
                    if (!add_fast(out, gap + g.pending, nl, ol)) {
                        g.failed = true;
                        break;
                    }
                    g.pending = 0;
                    nb += gap + nl;
                    ob += gap + ol;
                    pieces += 1 + (gap > 0);
                }
                if (u > iw.u) {
                    iw.u = u;
                    iw.norm = nb;
                    iw.orig = ob;
                    iw.piece = pieces;
                    ip = (vn_piece){nb, nb, ob, ob, 0, false};
                    p = nb;
                    continue;
                }
            }
            while (ip.nb <= p && walk_next(&iw, &ip)) {
            }
            uint64_t e = ip.nb < d ? ip.nb : d, na = op.na + (p - c), nb = op.na + (e - c);
            if (ip.unit)
                add_piece(&g, (vn_piece){na, nb, ip.oa, ip.ob, 0, true});
            else
                add_piece(&g,
                          (vn_piece){na, nb, ip.oa + (p - ip.na), ip.oa + (e - ip.na), 0, false});
            p = e;
        }
    }
    flush(&g);
    if (g.failed) {
        vn_map_free(out);
        return false;
    }
    vn_map_finish(out, outer->norm_len, inner->orig_len);
    return true;
}

/* ---- lookups ---- */

static size_t lead_length(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static size_t snap_back(const unsigned char *text, size_t t, size_t lo)
{
    while (t > lo && (text[t] & 0xC0) == 0x80)
        t--;
    return t;
}

static size_t char_end(const unsigned char *text, size_t t, size_t lo, size_t hi)
{
    t = snap_back(text, t, lo);
    size_t e = t + lead_length(text[t]);
    return e < hi ? e : hi;
}

/* The piece of the identity map of a text of `len` bytes. */
static void identity_piece(size_t len, vn_piece *p)
{
    *p = (vn_piece){0, len, 0, len, 0, false};
}

void vn_map_to_source(const vn_map *m, const unsigned char *text, size_t text_len, size_t src_len,
                      size_t a, size_t b, size_t *sa, size_t *sb)
{
    if (a >= text_len) {
        *sa = *sb = src_len;
        return;
    }
    vn_piece p;
    if (m)
        vn_map_piece_at_norm(m, a, &p);
    else
        identity_piece(text_len, &p);
    *sa = p.unit ? p.oa : p.oa + (snap_back(text, a, p.na) - p.na);
    if (b == a) {
        *sb = *sa;
        return;
    }
    if (m && b > p.nb) vn_map_piece_at_norm(m, b - 1, &p);
    *sb = p.unit ? p.ob : p.oa + (char_end(text, b - 1, p.na, p.nb) - p.na);
}

void vn_map_from_source(const vn_map *m, const unsigned char *text, size_t text_len, size_t src_len,
                        size_t a, size_t b, size_t *ta, size_t *tb)
{
    if ((m && m->pieces == 0) || (!m && text_len == 0)) {
        *ta = *tb = 0;
        return;
    }
    if (a >= src_len) {
        *ta = *tb = text_len;
        return;
    }
    vn_piece p;
    if (m)
        vn_map_piece_at_orig(m, a, &p);
    else
        identity_piece(text_len, &p);
    *ta = p.unit ? p.na : snap_back(text, p.na + (a - p.oa), p.na);
    if (b == a) {
        *tb = *ta;
        return;
    }
    if (m && b > p.ob) vn_map_piece_at_orig(m, b - 1, &p);
    *tb = p.unit ? p.nb : char_end(text, p.na + (b - 1 - p.oa), p.na, p.nb);
}

/* ---- emitter ---- */

void vn_emit_init(vn_emit *e, const unsigned char *in, size_t in_len)
{
    memset(e, 0, sizeof *e);
    e->in = in;
    e->in_len = in_len;
}

void vn_emit_free(vn_emit *e)
{
    vn_free(e->out);
    vn_map_free(&e->map);
    e->out = NULL;
    e->len = e->cap = 0;
}

static bool append(vn_emit *e, const void *p, size_t n)
{
    if (n > SIZE_MAX - e->len || !vn_grow((void **)&e->out, &e->cap, e->len + n, 1)) {
        e->failed = true;
        return false;
    }
    memcpy(e->out + e->len, p, n);
    e->len += n;
    return true;
}

/* The first change: from now on the target is written out, starting with the unchanged
 * prefix (a copy, which needs no record). */
static bool materialize(vn_emit *e)
{
    if (e->changed) return !e->failed;
    size_t want = e->in_len + e->in_len / 8 + 16;
    if (want < e->in_len || !vn_grow((void **)&e->out, &e->cap, want, 1)) {
        e->failed = true;
        return false;
    }
    e->changed = true;
    memcpy(e->out, e->in, e->done);
    e->len = e->done;
    return true;
}

void vn_emit_copy(vn_emit *e, size_t to)
{
    if (e->failed || to <= e->done) return;
    if (!e->changed) {
        e->done = to;
        return;
    }
    size_t from = e->done;
    if (e->lead) {
        /* Deleted bytes before the first character: that character's unit takes them. */
        size_t k = lead_length(e->in[from]);
        if (k > to - from) k = to - from;
        if (!vn_map_add(&e->map, 0, k, from + k)) {
            e->failed = true;
            return;
        }
        e->lead = false;
        if (!append(e, e->in + from, k)) return;
        from += k;
        e->done = from;
    }
    if (append(e, e->in + from, to - from)) e->done = to;
}

void vn_emit_delete(vn_emit *e, size_t from, size_t to)
{
    vn_emit_copy(e, from);
    if (e->failed || to <= e->done || !materialize(e)) return;
    vn_map *m = &e->map;
    bool ok = true;
    if (e->len == 0) {
        e->lead = true;
    } else if (e->len == m->norm_end) {
        ok = grow_last(m, to - from);
    } else {
        /* The copied character before the deletion becomes a unit of its own. */
        size_t cs = e->len - 1;
        while (cs > m->norm_end && (e->out[cs] & 0xC0) == 0x80)
            cs--;
        ok = vn_map_add(m, cs - m->norm_end, e->len - cs, e->len - cs + (to - from));
    }
    if (!ok) {
        e->failed = true;
        return;
    }
    e->done = to;
}

void vn_emit_unit_slow(vn_emit *e, size_t from, size_t to, const void *bytes, size_t n)
{
    if (e->failed || to <= from) return;
    if (n == to - from && memcmp(bytes, e->in + from, n) == 0) return; /* stays a copy */
    if (n == 0) {
        vn_emit_delete(e, from, to);
        return;
    }
    vn_emit_copy(e, from);
    if (e->failed || !materialize(e)) return;
    /* Room for this unit and a good share of what follows, so that the inline path takes
     * the next ones. */
    vn_map *m = &e->map;
    size_t rest = e->in_len - to;
    if (!vn_grow((void **)&e->out, &e->cap, e->len + n + 64 + rest / 4, 1) ||
        !vn_grow((void **)&m->rec, &m->cap, m->n + VN_MAP_BLOCK + rest / 32, sizeof *m->rec)) {
        e->failed = true;
        return;
    }
    bool ok = e->lead ? vn_map_add(m, 0, n, to) : vn_map_add(m, e->len - m->norm_end, n, to - from);
    e->lead = false;
    if (!ok) {
        e->failed = true;
        return;
    }
    if (append(e, bytes, n)) e->done = to;
}

vnseg_status vn_emit_finish(vn_emit *e)
{
    vn_emit_copy(e, e->in_len);
    if (e->failed) {
        vn_emit_free(e);
        return VNSEG_E_NOMEM;
    }
    if (e->changed) vn_map_finish(&e->map, e->len, e->in_len);
    return VNSEG_OK;
}
