/* Compiled gazetteers: constant-time open (mmap or memory) with header and bounds checks, a
 * full verify, saving, and the read-only accessors and lookup. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file_io.h"
#include "gazetteer_internal.h"
#include "lookup_key.h"

static vnseg_status bad(const char *what)
{
    return vn_fail(VNSEG_E_FORMAT, VNSEG_NO_OFFSET, 0, "not a valid gazetteer: %s", what);
}

vnseg_status vn_gaz_attach(vnseg_gazetteer *g, const unsigned char *image, size_t size)
{
    if (size < VN_GAZ_HEADER_SIZE) return bad(size < 8 ? "too short" : "truncated header");
    const vn_gaz_header *h = (const vn_gaz_header *)(const void *)image;
    if (memcmp(h->magic, VN_GAZ_MAGIC, 8) != 0) return bad("wrong magic");
    if (h->endian != VN_GAZ_ENDIAN)
        return vn_fail(VNSEG_E_VERSION, VNSEG_NO_OFFSET, 0,
                       "gazetteer written with another byte order");
    if (h->version != VN_GAZ_VERSION)
        return vn_fail(VNSEG_E_VERSION, VNSEG_NO_OFFSET, 0,
                       "gazetteer format version %u (this library reads version %u)", h->version,
                       VN_GAZ_VERSION);
    if (h->header_size != VN_GAZ_HEADER_SIZE) return bad("header size");
    if (vn_hash_bytes(h, offsetof(vn_gaz_header, header_checksum), VN_GAZ_SEED) !=
        h->header_checksum)
        return bad("header checksum");
    if (h->flags & ~(uint32_t)VNSEG_GAZ_FOLD_CASE)
        return vn_fail(VNSEG_E_VERSION, VNSEG_NO_OFFSET, 0, "unknown gazetteer flags");
    if (h->file_size != size)
        return bad(h->file_size > size ? "truncated file" : "trailing bytes after the file");
    if (h->slot_bits < 4 || h->slot_bits > 31 || h->filter_bits < VN_GAZ_FILTER_BITS_MIN ||
        h->filter_bits > VN_GAZ_FILTER_BITS_MAX)
        return bad("table sizes");
    if (h->type_count < VNSEG_ENT_BUILTIN_COUNT || h->type_count > VNSEG_GAZ_MAX_TYPES ||
        h->node_count > VN_GAZ_MAX_NODES)
        return bad("counts");
    uint64_t want[VN_SEC_COUNT] = {
        vn_gaz_slots_size(h->slot_bits),
        (uint64_t)h->node_count * sizeof(vn_gaz_node),
        (uint64_t)h->entry_count * sizeof(vn_gaz_entry_rec),
        (uint64_t)h->type_count * sizeof(vn_gaz_type_rec),
        vn_gaz_filter_size(h->filter_bits),
        VN_GAZ_FIRST_BYTES,
        h->sec[VN_SEC_POOL].size,
    };
    uint64_t end = VN_GAZ_HEADER_SIZE;
    for (int s = 0; s < VN_SEC_COUNT; s++) {
        const vn_gaz_section *sec = &h->sec[s];
        if (sec->offset < end || sec->offset % 8 || sec->offset > size ||
            sec->size > size - sec->offset)
            return bad("section out of bounds");
        if (sec->size != want[s]) return bad("section size");
        end = sec->offset + sec->size;
    }
    if (h->sec[VN_SEC_POOL].size > UINT32_MAX + 1ull) return bad("string pool too large");
    memset(g, 0, sizeof *g);
    g->base = image;
    g->size = size;
    g->h = h;
    g->slots = (const uint64_t *)(const void *)(image + h->sec[VN_SEC_SLOTS].offset);
    g->slot_mask = ((uint64_t)1 << h->slot_bits) - 1;
    g->nodes = (const vn_gaz_node *)(const void *)(image + h->sec[VN_SEC_NODES].offset);
    g->entries = (const vn_gaz_entry_rec *)(const void *)(image + h->sec[VN_SEC_ENTRIES].offset);
    g->types = (const vn_gaz_type_rec *)(const void *)(image + h->sec[VN_SEC_TYPES].offset);
    g->filter = (const uint64_t *)(const void *)(image + h->sec[VN_SEC_FILTER].offset);
    g->filter_mask = ((uint64_t)1 << h->filter_bits) - 1;
    g->first = image + h->sec[VN_SEC_FIRST].offset;
    g->pool = image + h->sec[VN_SEC_POOL].offset;
    g->pool_size = h->sec[VN_SEC_POOL].size;
    g->node_count = h->node_count;
    g->entry_count = h->entry_count;
    g->type_count = h->type_count;
    g->max_key = h->max_key;
    g->flags = h->flags;
    g->seed = h->seed;
    return VNSEG_OK;
}

static vnseg_status finish_open(vnseg_gazetteer *g, uint32_t flags)
{
    if (flags & VNSEG_GAZ_OPEN_VERIFY) return vnseg_gazetteer_verify(g);
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_gazetteer_open_memory(const void *data, size_t len, uint32_t flags,
                                                      vnseg_gazetteer **out)
{
    VN_CHECK_LEN("vnseg_gazetteer_open_memory", data, len);
    if (!out || (!data && len) || (flags & ~(uint32_t)VNSEG_GAZ_OPEN_VERIFY) ||
        ((uintptr_t)data & 7))
        return vn_fail_simple(VNSEG_E_INVALID_ARG);
    *out = NULL;
    vnseg_gazetteer *g = vn_malloc(sizeof *g);
    if (!g) return vn_fail_simple(VNSEG_E_NOMEM);
    vnseg_status st = vn_gaz_attach(g, data, len);
    if (st == VNSEG_OK) {
        g->own = VN_GAZ_OWN_NONE;
        st = finish_open(g, flags);
    }
    if (st != VNSEG_OK) {
        vn_free(g);
        return st;
    }
    *out = g;
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_gazetteer_open(const char *path, uint32_t flags,
                                               vnseg_gazetteer **out)
{
    if (!out || !path || (flags & ~(uint32_t)VNSEG_GAZ_OPEN_VERIFY))
        return vn_fail_simple(VNSEG_E_INVALID_ARG);
    *out = NULL;
    int fd;
    size_t size;
    vnseg_status s = vn_file_open(path, VNSEG_E_IO, &fd, &size);
    if (s != VNSEG_OK) return s;
    if (size < VN_GAZ_HEADER_SIZE) {
        close(fd);
        return vn_fail(VNSEG_E_FORMAT, VNSEG_NO_OFFSET, 0, "%s: not a valid gazetteer: %s", path,
                       size < 8 ? "too short" : "truncated header");
    }
    void *map;
    s = vn_file_map(path, fd, size, &map);
    if (s != VNSEG_OK) return s;
    vnseg_gazetteer *g = vn_malloc(sizeof *g);
    if (!g) {
        munmap(map, size);
        return vn_fail_simple(VNSEG_E_NOMEM);
    }
    s = vn_gaz_attach(g, map, size);
    if (s == VNSEG_OK) {
        g->own = VN_GAZ_OWN_MMAP;
        s = finish_open(g, flags);
    }
    if (s != VNSEG_OK) {
        vn_fail_in_file(path); /* name the file in the message */
        munmap(map, size);
        vn_free(g);
        return s;
    }
    *out = g;
    return VNSEG_OK;
}

VNSEG_EXPORT void vnseg_gazetteer_free(vnseg_gazetteer *g)
{
    if (!g) return;
    if (g->own == VN_GAZ_OWN_HEAP)
        vn_free((void *)g->base);
    else if (g->own == VN_GAZ_OWN_MMAP)
        munmap((void *)g->base, g->size);
    vn_free(g);
}

VNSEG_EXPORT vnseg_status vnseg_gazetteer_verify(const vnseg_gazetteer *g)
{
    if (!g) return vn_fail_simple(VNSEG_E_INVALID_ARG);
    if (vn_hash_bytes(g->base + VN_GAZ_HEADER_SIZE, g->size - VN_GAZ_HEADER_SIZE, VN_GAZ_SEED) !=
        g->h->body_checksum)
        return bad("checksum mismatch (the file was altered or damaged)");
    for (uint64_t i = 0; i <= g->slot_mask; i++) {
        uint64_t s = g->slots[i], node = s & VN_SLOT_NODE_MASK;
        if (s && (node > g->node_count || !(s & (VN_SLOT_COMPLETE | VN_SLOT_EXTENDS)) ||
                  (node != 0) != ((s & VN_SLOT_COMPLETE) != 0)))
            return bad("hash table slot");
    }
    for (uint32_t k = 0; k < g->node_count; k++) {
        const vn_gaz_node *n = &g->nodes[k];
        if ((uint64_t)n->key_off + n->key_len > g->pool_size || n->entry_count == 0 ||
            (uint64_t)n->entry_first + n->entry_count > g->entry_count || n->key_len > g->max_key)
            return bad("name record");
        uint64_t h = vn_hash_bytes(g->pool + n->key_off, n->key_len, g->seed);
        uint64_t slot = vn_gaz_probe(g, h);
        uint32_t cp = 0;
        if (!vn_gaz_filter(g, h) ||
            vn_gaz_node_of(g, slot, g->pool + n->key_off, n->key_len) != n ||
            !vn_key_first_cp(g->pool + n->key_off, n->key_len, &cp) || !vn_gaz_first(g, cp))
            return bad("a name is not in the hash table");
    }
    for (uint32_t e = 0; e < g->entry_count; e++) {
        const vn_gaz_entry_rec *r = &g->entries[e];
        if ((uint64_t)r->name_off + r->name_len > g->pool_size ||
            (uint64_t)r->id_off + r->id_len > g->pool_size ||
            (uint64_t)r->canon_off + r->canon_len > g->pool_size || r->type >= g->type_count)
            return bad("entry record");
    }
    for (uint32_t t = 0; t < g->type_count; t++) {
        const vn_gaz_type_rec *r = &g->types[t];
        if ((uint64_t)r->name_off + r->name_len >= g->pool_size ||
            g->pool[r->name_off + r->name_len])
            return bad("type record");
    }
    return VNSEG_OK;
}

VNSEG_EXPORT const void *vnseg_gazetteer_data(const vnseg_gazetteer *g, size_t *len)
{
    if (!g) {
        if (len) *len = 0;
        return NULL;
    }
    if (len) *len = g->size;
    return g->base;
}

VNSEG_EXPORT vnseg_status vnseg_gazetteer_save(const vnseg_gazetteer *g, const char *path)
{
    if (!g || !path) return vn_fail_simple(VNSEG_E_INVALID_ARG);
    return vn_file_write_atomic(path, g->base, g->size);
}

VNSEG_EXPORT uint32_t vnseg_gazetteer_flags(const vnseg_gazetteer *g)
{
    return g ? g->flags : 0;
}

VNSEG_EXPORT size_t vnseg_gazetteer_entry_count(const vnseg_gazetteer *g)
{
    return g ? g->entry_count : 0;
}

VNSEG_EXPORT vnseg_status vnseg_gazetteer_entry(const vnseg_gazetteer *g, size_t index,
                                                vnseg_gaz_entry *out)
{
    if (!g || !out || index >= g->entry_count) return vn_fail_simple(VNSEG_E_INVALID_ARG);
    const vn_gaz_entry_rec *r = &g->entries[index];
    memset(out, 0, sizeof *out);
    if (!vn_gaz_str(g, r->name_off, r->name_len, &out->name, &out->name_len) ||
        !vn_gaz_str(g, r->id_off, r->id_len, &out->id, &out->id_len) ||
        !vn_gaz_str(g, r->canon_off, r->canon_len, &out->canonical, &out->canonical_len)) {
        memset(out, 0, sizeof *out);
        return bad("entry points outside the string pool");
    }
    out->type = vn_gaz_entry_type(g, (uint32_t)index);
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_gazetteer_lookup(const vnseg_gazetteer *g, const char *name,
                                                 size_t len, size_t *first, size_t *count)
{
    VN_CHECK_LEN("vnseg_gazetteer_lookup", name, len);
    if (!g || (!name && len) || !first || !count) return vn_fail_simple(VNSEG_E_INVALID_ARG);
    *first = *count = 0;
    vn_key_scratch sc = {{0}, {0}};
    vn_buf key = {0};
    vnseg_status st = vn_key_append(&key, &sc, (const unsigned char *)(name ? name : ""), len,
                                    (g->flags & VNSEG_GAZ_FOLD_CASE) != 0);
    vn_key_scratch_free(&sc);
    if (st != VNSEG_OK) {
        vn_buf_free(&key);
        return vn_fail_simple(st);
    }
    const vn_gaz_node *n = NULL;
    if (key.len) {
        uint64_t h = vn_hash_bytes(key.data, key.len, g->seed);
        n = vn_gaz_node_of(g, vn_gaz_probe(g, h), key.data, key.len);
    }
    vn_buf_free(&key);
    if (!n || n->entry_count == 0 || (uint64_t)n->entry_first + n->entry_count > g->entry_count)
        return vn_fail(VNSEG_E_NOT_FOUND, VNSEG_NO_OFFSET, 0, "name not in the gazetteer");
    *first = n->entry_first;
    *count = n->entry_count;
    return VNSEG_OK;
}

VNSEG_EXPORT size_t vnseg_gazetteer_type_count(const vnseg_gazetteer *g)
{
    return g ? g->type_count : VNSEG_ENT_BUILTIN_COUNT;
}

static const char *const builtin_names[VNSEG_ENT_BUILTIN_COUNT] = {"PER", "LOC", "ORG", "MISC"};

VNSEG_EXPORT const char *vnseg_gazetteer_type_name(const vnseg_gazetteer *g, uint32_t type)
{
    if (!g) return type < VNSEG_ENT_BUILTIN_COUNT ? builtin_names[type] : NULL;
    if (type >= g->type_count) return NULL;
    const vn_gaz_type_rec *r = &g->types[type];
    if ((uint64_t)r->name_off + r->name_len >= g->pool_size || g->pool[r->name_off + r->name_len])
        return NULL;
    return (const char *)g->pool + r->name_off;
}

VNSEG_EXPORT vnseg_status vnseg_gazetteer_type_id(const vnseg_gazetteer *g, const char *name,
                                                  size_t len, uint32_t *type)
{
    VN_CHECK_LEN("vnseg_gazetteer_type_id", name, len);
    if (!name || !type) return vn_fail_simple(VNSEG_E_INVALID_ARG);
    size_t n = vnseg_gazetteer_type_count(g);
    for (uint32_t t = 0; t < n; t++) {
        const char *s = vnseg_gazetteer_type_name(g, t);
        if (s && strlen(s) == len && memcmp(s, name, len) == 0) {
            *type = t;
            return VNSEG_OK;
        }
    }
    return vn_fail(VNSEG_E_NOT_FOUND, VNSEG_NO_OFFSET, 0, "no type '%.*s'",
                   (int)(len < 64 ? len : 64), name);
}
