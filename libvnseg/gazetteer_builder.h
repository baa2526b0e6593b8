/* The gazetteer builder's internals, shared by its modules (records, TSV reader, compiler,
 * default lists). */
#ifndef VN_GAZETTEER_BUILDER_H
#define VN_GAZETTEER_BUILDER_H

#include "lookup_key.h"
#include "vnseg/gazetteer.h"

#define VN_REC_REMOVE UINT32_MAX

/* One add or remove, in the order they were made. Strings are in the builder's pool. */
typedef struct vn_rec {
    uint64_t key_off, name_off, id_off, canon_off;
    uint32_t key_len, name_len, id_len, canon_len;
    uint32_t type; /* VN_REC_REMOVE for a removal */
    bool has_canon;
} vn_rec;

struct vnseg_gazetteer_builder {
    uint32_t flags;
    vn_buf pool;
    vn_rec *recs;
    size_t nrecs, cap_recs;
    uint32_t ntypes;
    uint32_t type_off[VNSEG_GAZ_MAX_TYPES], type_len[VNSEG_GAZ_MAX_TYPES]; /* in type_pool */
    vn_buf type_pool;
    vn_key_scratch sc;
};

/* A saved size of the builder, to undo everything added after it. */
typedef struct vn_builder_mark {
    size_t nrecs, pool_len, type_pool_len;
    uint32_t ntypes;
} vn_builder_mark;

vn_builder_mark vn_builder_mark_get(const vnseg_gazetteer_builder *b);
void vn_builder_rollback(vnseg_gazetteer_builder *b, vn_builder_mark m);

/* Add without recording an error message (for the TSV reader, which reports lines).
 * Returns VNSEG_OK, VNSEG_E_INVALID_ARG (with *why set) or VNSEG_E_NOMEM. */
vnseg_status vn_builder_add(vnseg_gazetteer_builder *b, const vnseg_gaz_entry *e, const char **why);
vnseg_status vn_builder_remove(vnseg_gazetteer_builder *b, const char *name, size_t len,
                               const char **why);
vnseg_status vn_builder_type(vnseg_gazetteer_builder *b, const char *name, size_t len,
                             uint32_t *type, const char **why);

/* Whether s[0..n) is well-formed UTF-8. */
bool vn_utf8_valid(const unsigned char *s, size_t n, size_t *bad_offset);

/* Resolve the records into names and their entries (newest first), sorted by key. Arrays are
 * allocated with vn_malloc; `entries` holds record indices, `names` per name the index of a
 * record with its key, the first entry and the entry count. */
typedef struct vn_resolved_name {
    size_t rec;
    size_t first, count;
} vn_resolved_name;

vnseg_status vn_builder_resolve(const vnseg_gazetteer_builder *b, vn_resolved_name **names,
                                size_t *nnames, size_t **entries, size_t *nentries);

#endif
