/* Offset maps as breakpoint lists: building them pass by pass, composing passes, and lookups. */
#include <string.h>

#include "offset_map.h"

void vn_map_free(vn_map *m)
{
    vn_free(m->seg);
    m->seg = NULL;
    m->n = m->cap = 0;
}

/* Append a breakpoint, keeping room for the sentinel. */
static bool map_push(vn_map *m, uint64_t norm, uint64_t orig)
{
    if (!vn_grow((void **)&m->seg, &m->cap, m->n + 2, sizeof *m->seg)) return false;
    m->seg[m->n].norm = norm;
    m->seg[m->n].orig = orig;
    m->n++;
    return true;
}

static bool map_close(vn_map *m, uint64_t norm_len, uint64_t orig_len)
{
    if (!vn_grow((void **)&m->seg, &m->cap, m->n + 1, sizeof *m->seg)) return false;
    m->seg[m->n].norm = norm_len;
    m->seg[m->n].orig = orig_len;
    return true;
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

static void emit_fail(vn_emit *e)
{
    e->failed = true;
}

static bool append(vn_emit *e, const void *p, size_t n)
{
    if (n > SIZE_MAX - e->len || !vn_grow((void **)&e->out, &e->cap, e->len + n, 1)) {
        emit_fail(e);
        return false;
    }
    memcpy(e->out + e->len, p, n);
    e->len += n;
    return true;
}

static bool push(vn_emit *e, uint64_t norm, uint64_t orig)
{
    if (!map_push(&e->map, norm, orig)) {
        emit_fail(e);
        return false;
    }
    return true;
}

/* The first change: from now on the target is written out, starting with the unchanged
 * prefix. */
static bool materialize(vn_emit *e)
{
    if (e->changed) return !e->failed;
    size_t want = e->in_len + e->in_len / 8 + 16;
    if (want < e->in_len) want = e->in_len;
    if (!vn_grow((void **)&e->out, &e->cap, want, 1)) {
        emit_fail(e);
        return false;
    }
    e->changed = true;
    if (e->done > 0) {
        memcpy(e->out, e->in, e->done);
        e->len = e->done;
        if (!push(e, 0, 0)) return false;
    }
    return true;
}

static size_t lead_length(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

void vn_emit_copy(vn_emit *e, size_t to)
{
    if (e->failed || to <= e->done) return;
    if (!e->changed) {
        e->done = to;
        return;
    }
    size_t from = e->done;
    if (e->lead_del) {
        /* Deleted bytes before the first character: that character's unit takes them. */
        size_t k = lead_length(e->in[from]);
        if (k > to - from) k = to - from;
        if (!push(e, 0, VN_SEG_UNIT) || !append(e, e->in + from, k)) return;
        e->lead_del = false;
        from += k;
        e->done = from;
        if (from == to) return;
        if (!push(e, e->len, from)) return;
    } else if (e->map.n == 0 || vn_seg_is_unit(&e->map.seg[e->map.n - 1])) {
        if (!push(e, e->len, from)) return;
    }
    if (append(e, e->in + from, to - from)) e->done = to;
}

void vn_emit_delete(vn_emit *e, size_t from, size_t to)
{
    vn_emit_copy(e, from);
    if (e->failed || to <= e->done || !materialize(e)) return;
    if (e->len == 0) {
        e->lead_del = true;
        e->done = to;
        return;
    }
    vn_seg *last = &e->map.seg[e->map.n - 1];
    if (!vn_seg_is_unit(last)) {
        /* The copied character before the deletion becomes a unit of its own. */
        size_t cs = e->len - 1;
        while (cs > last->norm && (e->out[cs] & 0xC0) == 0x80)
            cs--;
        if (cs == last->norm)
            last->orig |= VN_SEG_UNIT;
        else if (!push(e, cs, (e->done - (e->len - cs)) | VN_SEG_UNIT))
            return;
    }
    e->done = to;
}

void vn_emit_unit(vn_emit *e, size_t from, size_t to, const void *bytes, size_t n)
{
    vn_emit_copy(e, from);
    if (e->failed || to <= e->done) return;
    if (n == 0) {
        vn_emit_delete(e, from, to);
        return;
    }
    if (n == to - e->done && memcmp(bytes, e->in + e->done, n) == 0) {
        vn_emit_copy(e, to);
        return;
    }
    if (!materialize(e)) return;
    if (!push(e, e->len, (e->lead_del ? 0 : e->done) | VN_SEG_UNIT)) return;
    e->lead_del = false;
    if (append(e, bytes, n)) e->done = to;
}

vnseg_status vn_emit_finish(vn_emit *e)
{
    vn_emit_copy(e, e->in_len);
    if (!e->failed && e->changed && !map_close(&e->map, e->len, e->in_len)) emit_fail(e);
    if (e->failed) {
        vn_emit_free(e);
        return VNSEG_E_NOMEM;
    }
    return VNSEG_OK;
}

/* ---- composition ---- */

typedef struct piece {
    uint64_t na, nb, oa, ob;
    bool unit;
} piece;

typedef struct merger {
    vn_map *out;
    piece cur;
    bool have;
    bool failed;
} merger;

static void flush(merger *g)
{
    if (g->have && !g->failed &&
        !map_push(g->out, g->cur.na, g->cur.oa | (g->cur.unit ? VN_SEG_UNIT : 0)))
        g->failed = true;
    g->have = false;
}

/* Add a piece; pieces come in order, each starting where the last ended on the target side. */
static void add_piece(merger *g, piece p)
{
    if (g->have) {
        if (p.oa < g->cur.ob) { /* shares source bytes: one unit */
            g->cur.nb = p.nb;
            if (p.ob > g->cur.ob) g->cur.ob = p.ob;
            g->cur.unit = true;
            return;
        }
        if (!g->cur.unit && !p.unit && p.oa == g->cur.ob) {
            g->cur.nb = p.nb;
            g->cur.ob = p.ob;
            return;
        }
        flush(g);
    }
    g->cur = p;
    g->have = true;
}

/* Index of the segment of `m` holding target offset `x` (x < target length), searching from
 * `from` on. */
static size_t seg_at_norm(const vn_map *m, size_t from, uint64_t x)
{
    size_t lo = from, hi = m->n; /* answer in [lo, hi) */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->seg[mid].norm <= x)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static size_t seg_at_orig(const vn_map *m, uint64_t x)
{
    size_t lo = 0, hi = m->n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (vn_seg_orig(&m->seg[mid]) <= x)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

bool vn_map_compose(const vn_map *outer, const vn_map *inner, vn_map *out)
{
    merger g = {out, {0, 0, 0, 0, false}, false, false};
    uint64_t src_len = inner->seg[inner->n].orig;
    size_t j = 0;
    for (size_t i = 0; i < outer->n && !g.failed; i++) {
        const vn_seg *s = &outer->seg[i];
        uint64_t a = s->norm, b = s[1].norm, c = vn_seg_orig(s), d = vn_seg_orig(s + 1);
        j = seg_at_norm(inner, j, c);
        if (vn_seg_is_unit(s)) {
            const vn_seg *t = &inner->seg[j];
            uint64_t oa = vn_seg_is_unit(t) ? vn_seg_orig(t) : vn_seg_orig(t) + (c - t->norm);
            j = seg_at_norm(inner, j, d - 1);
            t = &inner->seg[j];
            uint64_t ob = vn_seg_is_unit(t) ? vn_seg_orig(t + 1) : vn_seg_orig(t) + (d - t->norm);
            add_piece(&g, (piece){a, b, oa, ob, true});
            continue;
        }
        for (uint64_t p = c; p < d;) {
            const vn_seg *t = &inner->seg[j];
            uint64_t e = t[1].norm < d ? t[1].norm : d;
            if (vn_seg_is_unit(t))
                add_piece(&g, (piece){a + (p - c), a + (e - c), vn_seg_orig(t), vn_seg_orig(t + 1),
                                      true});
            else
                add_piece(&g, (piece){a + (p - c), a + (e - c), vn_seg_orig(t) + (p - t->norm),
                                      vn_seg_orig(t) + (e - t->norm), false});
            p = e;
            if (e == t[1].norm) j++;
        }
        if (j >= inner->n) j = inner->n - 1;
    }
    flush(&g);
    if (g.failed || !map_close(out, outer->seg[outer->n].norm, src_len)) {
        vn_map_free(out);
        return false;
    }
    return true;
}

/* ---- lookups ---- */

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

/* The identity map of a text of `len` bytes, in caller storage. */
static const vn_map *identity(vn_seg seg[2], vn_map *m, size_t len)
{
    seg[0].norm = seg[0].orig = 0;
    seg[1].norm = seg[1].orig = len;
    m->seg = seg;
    m->n = len ? 1 : 0;
    m->cap = 2;
    return m;
}

void vn_map_to_source(const vn_map *m, const unsigned char *text, size_t text_len, size_t src_len,
                      size_t a, size_t b, size_t *sa, size_t *sb)
{
    vn_seg id[2];
    vn_map idm;
    if (!m) m = identity(id, &idm, text_len);
    if (a >= text_len || m->n == 0) {
        *sa = *sb = src_len;
        return;
    }
    size_t i = seg_at_norm(m, 0, a);
    const vn_seg *s = &m->seg[i];
    *sa = vn_seg_is_unit(s) ? vn_seg_orig(s)
                            : vn_seg_orig(s) + (snap_back(text, a, s->norm) - s->norm);
    if (b == a) {
        *sb = *sa;
        return;
    }
    size_t j = seg_at_norm(m, i, b - 1);
    s = &m->seg[j];
    *sb = vn_seg_is_unit(s)
              ? vn_seg_orig(s + 1)
              : vn_seg_orig(s) + (char_end(text, b - 1, s->norm, s[1].norm) - s->norm);
}

void vn_map_from_source(const vn_map *m, const unsigned char *text, size_t text_len, size_t src_len,
                        size_t a, size_t b, size_t *ta, size_t *tb)
{
    vn_seg id[2];
    vn_map idm;
    if (!m) m = identity(id, &idm, text_len);
    if (m->n == 0) {
        *ta = *tb = 0;
        return;
    }
    if (a >= src_len) {
        *ta = *tb = text_len;
        return;
    }
    size_t i = seg_at_orig(m, a);
    const vn_seg *s = &m->seg[i];
    *ta = vn_seg_is_unit(s) ? s->norm : snap_back(text, s->norm + (a - vn_seg_orig(s)), s->norm);
    if (b == a) {
        *tb = *ta;
        return;
    }
    size_t j = seg_at_orig(m, b - 1);
    s = &m->seg[j];
    *tb = vn_seg_is_unit(s)
              ? s[1].norm
              : char_end(text, s->norm + (b - 1 - vn_seg_orig(s)), s->norm, s[1].norm);
}
