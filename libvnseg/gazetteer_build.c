/* The gazetteer builder: entries and removals from code, user types, and the resolution of
 * the recorded adds and removes into names with their entries. */
#include <string.h>

#include "gazetteer_builder.h"
#include "utf8dec.h"

static const char *const builtin_types[VNSEG_ENT_BUILTIN_COUNT] = {"PER", "LOC", "ORG", "MISC"};

bool vn_utf8_valid(const unsigned char *s, size_t n, size_t *bad_offset)
{
    for (size_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t w = vn_utf8_decode_len(s + i, n - i, &cp);
        if (!w) {
            if (bad_offset) *bad_offset = i;
            return false;
        }
        i += w;
    }
    return true;
}

VNSEG_EXPORT vnseg_status vnseg_gazetteer_builder_new(uint32_t flags, vnseg_gazetteer_builder **out)
{
    if (!out || (flags & ~(uint32_t)VNSEG_GAZ_FOLD_CASE))
        return vn_fail_simple(VNSEG_E_INVALID_ARG);
    *out = NULL;
    vnseg_gazetteer_builder *b = vn_calloc(1, sizeof *b);
    if (!b) return vn_fail_simple(VNSEG_E_NOMEM);
    b->flags = flags;
    for (uint32_t t = 0; t < VNSEG_ENT_BUILTIN_COUNT; t++) {
        uint32_t id;
        const char *why;
        if (vn_builder_type(b, builtin_types[t], strlen(builtin_types[t]), &id, &why) != VNSEG_OK) {
            vnseg_gazetteer_builder_free(b);
            return vn_fail_simple(VNSEG_E_NOMEM);
        }
    }
    *out = b;
    return VNSEG_OK;
}

VNSEG_EXPORT void vnseg_gazetteer_builder_free(vnseg_gazetteer_builder *b)
{
    if (!b) return;
    vn_buf_free(&b->pool);
    vn_buf_free(&b->type_pool);
    vn_key_scratch_free(&b->sc);
    vn_free(b->recs);
    vn_free(b);
}

vn_builder_mark vn_builder_mark_get(const vnseg_gazetteer_builder *b)
{
    return (vn_builder_mark){b->nrecs, b->pool.len, b->type_pool.len, b->ntypes};
}

void vn_builder_rollback(vnseg_gazetteer_builder *b, vn_builder_mark m)
{
    b->nrecs = m.nrecs;
    b->pool.len = m.pool_len;
    b->type_pool.len = m.type_pool_len;
    b->ntypes = m.ntypes;
}

static bool type_name_ok(const char *s, size_t n)
{
    if (n == 0 || n > 32) return false;
    for (size_t i = 0; i < n; i++) {
        unsigned c = (unsigned char)s[i];
        if (!((c | 0x20u) - 'a' < 26u || c - '0' < 10u || c == '_' || c == '-')) return false;
    }
    return !(n == 1 && s[0] == '-');
}

vnseg_status vn_builder_type(vnseg_gazetteer_builder *b, const char *name, size_t len,
                             uint32_t *type, const char **why)
{
    if (!name || !type_name_ok(name, len)) {
        *why = "a type is 1 to 32 ASCII letters, digits, '_' or '-'";
        return VNSEG_E_INVALID_ARG;
    }
    for (uint32_t t = 0; t < b->ntypes; t++)
        if (b->type_len[t] == len && memcmp(b->type_pool.data + b->type_off[t], name, len) == 0) {
            *type = t;
            return VNSEG_OK;
        }
    if (b->ntypes == VNSEG_GAZ_MAX_TYPES) {
        *why = "too many types";
        return VNSEG_E_TOO_LARGE;
    }
    if (!vn_buf_reserve(&b->type_pool, len)) return VNSEG_E_NOMEM;
    b->type_off[b->ntypes] = (uint32_t)b->type_pool.len;
    b->type_len[b->ntypes] = (uint32_t)len;
    memcpy(b->type_pool.data + b->type_pool.len, name, len);
    b->type_pool.len += len;
    *type = b->ntypes++;
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_gazetteer_builder_type(vnseg_gazetteer_builder *b, const char *name,
                                                       size_t len, uint32_t *type)
{
    VN_CHECK_LEN("vnseg_gazetteer_builder_type", name, len);
    if (!b || !type) return vn_fail_simple(VNSEG_E_INVALID_ARG);
    const char *why = "";
    vnseg_status st = vn_builder_type(b, name, len, type, &why);
    if (st == VNSEG_E_NOMEM) return vn_fail_simple(st);
    if (st != VNSEG_OK) return vn_fail(st, VNSEG_NO_OFFSET, 0, "%s", why);
    return VNSEG_OK;
}

/* Copy s[0..n) into the pool; its offset goes to *off. */
static bool pool_put(vnseg_gazetteer_builder *b, const char *s, size_t n, uint64_t *off)
{
    if (!vn_buf_reserve(&b->pool, n)) return false;
    *off = b->pool.len;
    if (n) memcpy(b->pool.data + b->pool.len, s, n);
    b->pool.len += n;
    return true;
}

/* Append the key of name to the pool as a new record's key. */
static vnseg_status put_key(vnseg_gazetteer_builder *b, const char *name, size_t len, vn_rec *r,
                            const char **why)
{
    if (len > VNSEG_GAZ_MAX_NAME) {
        *why = "a name is longer than VNSEG_GAZ_MAX_NAME bytes";
        return VNSEG_E_INVALID_ARG;
    }
    if (!vn_utf8_valid((const unsigned char *)name, len, NULL)) {
        *why = "a name is not valid UTF-8";
        return VNSEG_E_INVALID_ARG;
    }
    size_t before = b->pool.len;
    vnseg_status st = vn_key_append(&b->pool, &b->sc, (const unsigned char *)name, len,
                                    (b->flags & VNSEG_GAZ_FOLD_CASE) != 0);
    if (st != VNSEG_OK) return st;
    r->key_off = before;
    r->key_len = (uint32_t)(b->pool.len - before);
    if (r->key_len == 0) {
        *why = "a name has no letters";
        return VNSEG_E_INVALID_ARG;
    }
    return VNSEG_OK;
}

static vnseg_status push_rec(vnseg_gazetteer_builder *b, const vn_rec *r)
{
    if (!vn_grow((void **)&b->recs, &b->cap_recs, b->nrecs + 1, sizeof *r)) return VNSEG_E_NOMEM;
    b->recs[b->nrecs++] = *r;
    return VNSEG_OK;
}

vnseg_status vn_builder_add(vnseg_gazetteer_builder *b, const vnseg_gaz_entry *e, const char **why)
{
    if (!e->name || e->name_len == 0) {
        *why = "an entry needs a name";
        return VNSEG_E_INVALID_ARG;
    }
    if (e->type >= b->ntypes) {
        *why = "unknown type id";
        return VNSEG_E_INVALID_ARG;
    }
    size_t id_len = e->id ? e->id_len : 0, canon_len = e->canonical ? e->canonical_len : 0;
    if (id_len > UINT16_MAX || canon_len > UINT16_MAX) {
        *why = "a canonical id or name is longer than 65535 bytes";
        return VNSEG_E_INVALID_ARG;
    }
    if (!vn_utf8_valid((const unsigned char *)e->id, id_len, NULL) ||
        !vn_utf8_valid((const unsigned char *)e->canonical, canon_len, NULL)) {
        *why = "a canonical id or name is not valid UTF-8";
        return VNSEG_E_INVALID_ARG;
    }
    vn_builder_mark m = vn_builder_mark_get(b);
    vn_rec r = {0};
    r.type = e->type;
    vnseg_status st = put_key(b, e->name, e->name_len, &r, why);
    if (st == VNSEG_OK &&
        !(pool_put(b, e->name, e->name_len, &r.name_off) && pool_put(b, e->id, id_len, &r.id_off) &&
          pool_put(b, e->canonical, canon_len, &r.canon_off)))
        st = VNSEG_E_NOMEM;
    if (st == VNSEG_OK) {
        r.name_len = (uint32_t)e->name_len;
        r.id_len = (uint32_t)id_len;
        r.canon_len = (uint32_t)canon_len;
        r.has_canon = canon_len > 0;
        st = push_rec(b, &r);
    }
    if (st != VNSEG_OK) vn_builder_rollback(b, m);
    return st;
}

vnseg_status vn_builder_remove(vnseg_gazetteer_builder *b, const char *name, size_t len,
                               const char **why)
{
    if (!name || len == 0) {
        *why = "a removal needs a name";
        return VNSEG_E_INVALID_ARG;
    }
    vn_builder_mark m = vn_builder_mark_get(b);
    vn_rec r = {0};
    r.type = VN_REC_REMOVE;
    vnseg_status st = put_key(b, name, len, &r, why);
    if (st == VNSEG_OK) st = push_rec(b, &r);
    if (st != VNSEG_OK) vn_builder_rollback(b, m);
    return st;
}

static vnseg_status report(vnseg_status st, const char *why)
{
    if (st == VNSEG_OK) return st;
    if (st == VNSEG_E_NOMEM) return vn_fail_simple(st);
    return vn_fail(st, VNSEG_NO_OFFSET, 0, "%s", why);
}

VNSEG_EXPORT vnseg_status vnseg_gazetteer_builder_add(vnseg_gazetteer_builder *b,
                                                      const vnseg_gaz_entry *e)
{
    if (e) {
        VN_CHECK_LEN("vnseg_gazetteer_builder_add", e->name, e->name_len);
        VN_CHECK_LEN("vnseg_gazetteer_builder_add", e->id, e->id ? e->id_len : 0);
        VN_CHECK_LEN("vnseg_gazetteer_builder_add", e->canonical, e->canonical ? e->canonical_len : 0);
    }
    if (!b || !e) return vn_fail_simple(VNSEG_E_INVALID_ARG);
    const char *why = "";
    return report(vn_builder_add(b, e, &why), why);
}

VNSEG_EXPORT vnseg_status vnseg_gazetteer_builder_remove(vnseg_gazetteer_builder *b,
                                                         const char *name, size_t len)
{
    VN_CHECK_LEN("vnseg_gazetteer_builder_remove", name, len);
    if (!b) return vn_fail_simple(VNSEG_E_INVALID_ARG);
    const char *why = "";
    return report(vn_builder_remove(b, name, len, &why), why);
}

/* ---- resolution ---- */

static int rec_cmp(const vnseg_gazetteer_builder *b, size_t x, size_t y)
{
    const vn_rec *p = &b->recs[x], *q = &b->recs[y];
    size_t n = p->key_len < q->key_len ? p->key_len : q->key_len;
    int c = memcmp(b->pool.data + p->key_off, b->pool.data + q->key_off, n);
    if (c) return c;
    if (p->key_len != q->key_len) return p->key_len < q->key_len ? -1 : 1;
    return x < y ? -1 : x > y;
}

/* Merge sort of record indices by (key, order added). */
static void sort_recs(const vnseg_gazetteer_builder *b, size_t *a, size_t *tmp, size_t n)
{
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                tmp[k++] = rec_cmp(b, a[i], a[j]) <= 0 ? a[i++] : a[j++];
            while (i < mid)
                tmp[k++] = a[i++];
            while (j < hi)
                tmp[k++] = a[j++];
        }
        memcpy(a, tmp, n * sizeof *a);
    }
}

static bool same_key(const vnseg_gazetteer_builder *b, size_t x, size_t y)
{
    const vn_rec *p = &b->recs[x], *q = &b->recs[y];
    return p->key_len == q->key_len &&
           memcmp(b->pool.data + p->key_off, b->pool.data + q->key_off, p->key_len) == 0;
}

static bool same_str(const vnseg_gazetteer_builder *b, uint64_t o1, uint32_t l1, uint64_t o2,
                     uint32_t l2)
{
    return l1 == l2 && memcmp(b->pool.data + o1, b->pool.data + o2, l1) == 0;
}

/* Same entry: type, id and canonical name (the name itself when none was given). */
static bool same_entry(const vnseg_gazetteer_builder *b, size_t x, size_t y)
{
    const vn_rec *p = &b->recs[x], *q = &b->recs[y];
    uint64_t pc = p->has_canon ? p->canon_off : p->name_off;
    uint64_t qc = q->has_canon ? q->canon_off : q->name_off;
    uint32_t pl = p->has_canon ? p->canon_len : p->name_len;
    uint32_t ql = q->has_canon ? q->canon_len : q->name_len;
    return p->type == q->type && same_str(b, p->id_off, p->id_len, q->id_off, q->id_len) &&
           same_str(b, pc, pl, qc, ql);
}

vnseg_status vn_builder_resolve(const vnseg_gazetteer_builder *b, vn_resolved_name **names_out,
                                size_t *nnames_out, size_t **entries_out, size_t *nentries_out)
{
    size_t n = b->nrecs;
    size_t *order = vn_calloc(n ? n : 1, sizeof *order);
    size_t *tmp = vn_calloc(n ? n : 1, sizeof *tmp);
    vn_resolved_name *names = vn_calloc(n ? n : 1, sizeof *names);
    size_t *entries = vn_calloc(n ? n : 1, sizeof *entries);
    if (!order || !tmp || !names || !entries) {
        vn_free(order);
        vn_free(tmp);
        vn_free(names);
        vn_free(entries);
        return VNSEG_E_NOMEM;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    sort_recs(b, order, tmp, n);
    size_t nnames = 0, nentries = 0;
    for (size_t g = 0; g < n;) {
        size_t end = g + 1;
        while (end < n && same_key(b, order[g], order[end]))
            end++;
        /* Replay the group in the order added; `tmp` holds the live list, oldest first. */
        size_t live = 0;
        for (size_t i = g; i < end; i++) {
            size_t r = order[i];
            if (b->recs[r].type == VN_REC_REMOVE) {
                live = 0;
                continue;
            }
            size_t w = 0;
            for (size_t j = 0; j < live; j++)
                if (!same_entry(b, tmp[j], r)) tmp[w++] = tmp[j];
            live = w;
            tmp[live++] = r;
        }
        if (live) {
            names[nnames].rec = tmp[0];
            names[nnames].first = nentries;
            names[nnames].count = live;
            nnames++;
            for (size_t j = live; j-- > 0;)
                entries[nentries++] = tmp[j];
        }
        g = end;
    }
    vn_free(order);
    vn_free(tmp);
    *names_out = names;
    *nnames_out = nnames;
    *entries_out = entries;
    *nentries_out = nentries;
    return VNSEG_OK;
}

VNSEG_EXPORT size_t vnseg_gazetteer_builder_count(const vnseg_gazetteer_builder *b)
{
    if (!b) return 0;
    vn_resolved_name *names;
    size_t *entries, nnames, nentries;
    if (vn_builder_resolve(b, &names, &nnames, &entries, &nentries) != VNSEG_OK) {
        vn_fail_simple(VNSEG_E_NOMEM);
        return 0;
    }
    vn_free(names);
    vn_free(entries);
    return nentries;
}
