/* The gazetteer compiler: resolved names to the binary image (hash table of name prefixes,
 * nodes, entries, types, prefix filter, string pool), exactly the bytes a file holds. */
#include <stddef.h>
#include <string.h>

#include "gazetteer_builder.h"
#include "gazetteer_internal.h"

typedef struct compile_ctx {
    const vnseg_gazetteer_builder *b;
    const vn_resolved_name *names;
    size_t nnames;
    uint64_t seed;
    uint64_t *slots, *full, mask;
    uint64_t *filter, filter_mask;
    uint8_t *first;
    size_t prefixes; /* counting pass */
    const unsigned char *key;
    uint64_t node; /* 1-based node of the key being inserted */
    bool clash;
} compile_ctx;

static void count_prefix(size_t pos, void *arg)
{
    (void)pos;
    ((compile_ctx *)arg)->prefixes++;
}

static void insert_prefix(size_t pos, void *arg)
{
    compile_ctx *c = arg;
    const vn_rec *r = &c->b->recs[c->names[c->node - 1].rec];
    bool complete = pos == r->key_len;
    uint64_t h = vn_hash_bytes(c->key, pos, c->seed);
    uint64_t bit = vn_gaz_filter_bit(h, c->filter_mask);
    c->filter[bit >> 6] |= 1ull << (bit & 63);
    uint64_t flags = complete ? VN_SLOT_COMPLETE | c->node : VN_SLOT_EXTENDS;
    uint64_t i = h & c->mask, tag = h >> 32;
    for (;;) {
        uint64_t s = c->slots[i];
        if (s == 0) {
            c->slots[i] = tag << 32 | flags;
            c->full[i] = h;
            return;
        }
        if (s >> 32 == tag) {
            /* One tag per probe chain, one name per hash: otherwise try another seed. */
            if (c->full[i] != h || (complete && (s & VN_SLOT_NODE_MASK)))
                c->clash = true;
            else
                c->slots[i] = s | flags;
            return;
        }
        i = (i + 1) & c->mask;
    }
}

static unsigned log2_at_least(uint64_t n)
{
    unsigned b = 0;
    while ((1ull << b) < n)
        b++;
    return b;
}

/* Copy s[0..n) into the output pool, returning its offset (false past 4 GiB). */
static bool out_str(vn_buf *pool, const unsigned char *s, size_t n, uint32_t *off)
{
    if (pool->len + n + 1 > UINT32_MAX || !vn_buf_reserve(pool, n + 1)) return false;
    *off = (uint32_t)pool->len;
    if (n) memcpy(pool->data + pool->len, s, n);
    pool->len += n;
    return true;
}

/* Build the table and filter with the context's seed; sets c->clash when it must be redone. */
static void fill_table(compile_ctx *c, unsigned slot_bits, unsigned filter_bits, size_t filter_size)
{
    c->mask = (1ull << slot_bits) - 1;
    c->filter_mask = (1ull << filter_bits) - 1;
    memset(c->slots, 0, (c->mask + 1) * 8);
    memset(c->filter, 0, filter_size);
    memset(c->first, 0, VN_GAZ_FIRST_BYTES);
    c->clash = false;
    for (size_t k = 0; k < c->nnames && !c->clash; k++) {
        const vn_rec *r = &c->b->recs[c->names[k].rec];
        c->key = c->b->pool.data + r->key_off;
        c->node = k + 1;
        uint32_t cp = 0;
        if (vn_key_first_cp(c->key, r->key_len, &cp))
            c->first[vn_gaz_first_byte(cp)] |= (uint8_t)(1u << vn_gaz_first_bit(cp));
        vn_key_boundaries(c->key, r->key_len, insert_prefix, c);
    }
}

static vnseg_status compile(const vnseg_gazetteer_builder *b, const vn_resolved_name *names,
                            size_t nnames, const size_t *ents, size_t nents, unsigned char **image,
                            size_t *image_size)
{
    compile_ctx c = {.b = b, .names = names, .nnames = nnames, .seed = VN_GAZ_SEED};
    uint32_t max_key = 0;
    for (size_t k = 0; k < nnames; k++) {
        const vn_rec *r = &b->recs[names[k].rec];
        vn_key_boundaries(b->pool.data + r->key_off, r->key_len, count_prefix, &c);
        if (r->key_len > max_key) max_key = r->key_len;
    }
    if (nnames > VN_GAZ_MAX_NODES || nents > UINT32_MAX || c.prefixes > (1ull << 30))
        return vn_fail(VNSEG_E_TOO_LARGE, VNSEG_NO_OFFSET, 0, "too many names");
    unsigned slot_bits = log2_at_least(c.prefixes * 10 / 7 + 1);
    if (slot_bits < 4) slot_bits = 4;
    unsigned filter_bits = log2_at_least(c.prefixes * 16 + 1);
    if (filter_bits < VN_GAZ_FILTER_BITS_MIN) filter_bits = VN_GAZ_FILTER_BITS_MIN;
    if (filter_bits > VN_GAZ_FILTER_BITS_MAX) filter_bits = VN_GAZ_FILTER_BITS_MAX;

    /* Strings first, to know the pool's size: keys, entry strings, type names. */
    vn_buf pool = {0};
    vn_gaz_node *nodes = vn_calloc(nnames ? nnames : 1, sizeof *nodes);
    vn_gaz_entry_rec *erecs = vn_calloc(nents ? nents : 1, sizeof *erecs);
    vn_gaz_type_rec types[VNSEG_GAZ_MAX_TYPES];
    size_t slots_size = (size_t)vn_gaz_slots_size(slot_bits);
    size_t filter_size = (size_t)vn_gaz_filter_size(filter_bits);
    c.slots = vn_malloc(slots_size);
    c.full = vn_malloc(slots_size);
    c.filter = vn_malloc(filter_size);
    c.first = vn_malloc(VN_GAZ_FIRST_BYTES);
    vnseg_status st = VNSEG_OK;
    if (!nodes || !erecs || !c.slots || !c.full || !c.filter || !c.first) st = VNSEG_E_NOMEM;
    for (size_t k = 0; k < nnames && st == VNSEG_OK; k++) {
        const vn_rec *r = &b->recs[names[k].rec];
        nodes[k].key_len = r->key_len;
        nodes[k].entry_first = (uint32_t)names[k].first;
        nodes[k].entry_count = (uint32_t)names[k].count;
        if (!out_str(&pool, b->pool.data + r->key_off, r->key_len, &nodes[k].key_off))
            st = VNSEG_E_NOMEM;
    }
    for (size_t i = 0; i < nents && st == VNSEG_OK; i++) {
        const vn_rec *r = &b->recs[ents[i]];
        vn_gaz_entry_rec *e = &erecs[i];
        e->type = (uint16_t)r->type;
        e->name_len = (uint16_t)r->name_len;
        e->id_len = (uint16_t)r->id_len;
        bool ok = out_str(&pool, b->pool.data + r->name_off, r->name_len, &e->name_off) &&
                  out_str(&pool, b->pool.data + r->id_off, r->id_len, &e->id_off);
        if (r->has_canon) {
            e->canon_len = (uint16_t)r->canon_len;
            ok = ok && out_str(&pool, b->pool.data + r->canon_off, r->canon_len, &e->canon_off);
        } else {
            e->canon_off = e->name_off;
            e->canon_len = e->name_len;
        }
        if (!ok) st = VNSEG_E_NOMEM;
    }
    for (uint32_t t = 0; t < b->ntypes && st == VNSEG_OK; t++) {
        types[t].name_len = b->type_len[t];
        if (!out_str(&pool, b->type_pool.data + b->type_off[t], b->type_len[t], &types[t].name_off))
            st = VNSEG_E_NOMEM;
        else
            pool.data[pool.len++] = 0;
    }
    /* The table: retry with another seed in the (very rare) case of a tag clash. */
    for (int attempt = 0; st == VNSEG_OK; attempt++) {
        fill_table(&c, slot_bits, filter_bits, filter_size);
        if (!c.clash) break;
        if (attempt == 16)
            st = vn_fail(VNSEG_E_TOO_LARGE, VNSEG_NO_OFFSET, 0, "no hash seed fits these names");
        c.seed = c.seed * 0x9E3779B97F4A7C15ull + 1;
    }
    unsigned char *img = NULL;
    size_t size = 0;
    if (st == VNSEG_OK) {
        size_t sizes[VN_SEC_COUNT] = {slots_size,
                                      nnames * sizeof(vn_gaz_node),
                                      nents * sizeof(vn_gaz_entry_rec),
                                      b->ntypes * sizeof(vn_gaz_type_rec),
                                      filter_size,
                                      VN_GAZ_FIRST_BYTES,
                                      pool.len};
        vn_gaz_header h = {0};
        memcpy(h.magic, VN_GAZ_MAGIC, 8);
        h.version = VN_GAZ_VERSION;
        h.header_size = VN_GAZ_HEADER_SIZE;
        h.endian = VN_GAZ_ENDIAN;
        h.flags = b->flags;
        h.seed = c.seed;
        h.node_count = (uint32_t)nnames;
        h.entry_count = (uint32_t)nents;
        h.type_count = b->ntypes;
        h.slot_bits = slot_bits;
        h.filter_bits = filter_bits;
        h.max_key = max_key;
        size = VN_GAZ_HEADER_SIZE;
        for (int s = 0; s < VN_SEC_COUNT; s++) {
            h.sec[s].offset = size;
            h.sec[s].size = sizes[s];
            size += (size_t)vn_gaz_align8(sizes[s]);
        }
        h.file_size = size;
        img = vn_calloc(1, size);
        if (!img) {
            st = VNSEG_E_NOMEM;
        } else {
            const void *src[VN_SEC_COUNT] = {c.slots,  nodes,   erecs,    types,
                                             c.filter, c.first, pool.data};
            for (int s = 0; s < VN_SEC_COUNT; s++)
                if (sizes[s]) memcpy(img + h.sec[s].offset, src[s], sizes[s]);
            h.body_checksum =
                vn_hash_bytes(img + VN_GAZ_HEADER_SIZE, size - VN_GAZ_HEADER_SIZE, VN_GAZ_SEED);
            h.header_checksum =
                vn_hash_bytes(&h, offsetof(vn_gaz_header, header_checksum), VN_GAZ_SEED);
            memcpy(img, &h, sizeof h);
        }
    }
    vn_buf_free(&pool);
    vn_free(nodes);
    vn_free(erecs);
    vn_free(c.slots);
    vn_free(c.full);
    vn_free(c.filter);
    vn_free(c.first);
    if (st != VNSEG_OK) return st == VNSEG_E_NOMEM ? vn_fail_simple(st) : st;
    *image = img;
    *image_size = size;
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_gazetteer_builder_build(const vnseg_gazetteer_builder *b,
                                                        vnseg_gazetteer **out)
{
    if (!b || !out) return vn_fail_simple(VNSEG_E_INVALID_ARG);
    *out = NULL;
    vn_resolved_name *names;
    size_t *ents, nnames, nents;
    if (vn_builder_resolve(b, &names, &nnames, &ents, &nents) != VNSEG_OK)
        return vn_fail_simple(VNSEG_E_NOMEM);
    unsigned char *img = NULL;
    size_t size = 0;
    vnseg_status st = compile(b, names, nnames, ents, nents, &img, &size);
    vn_free(names);
    vn_free(ents);
    if (st != VNSEG_OK) return st;
    vnseg_gazetteer *g = vn_calloc(1, sizeof *g);
    if (!g) {
        vn_free(img);
        return vn_fail_simple(VNSEG_E_NOMEM);
    }
    st = vn_gaz_attach(g, img, size);
    if (st != VNSEG_OK) { /* cannot happen: the image was just made */
        vn_free(img);
        vn_free(g);
        return st;
    }
    g->own = VN_GAZ_OWN_HEAP;
    *out = g;
    return VNSEG_OK;
}
