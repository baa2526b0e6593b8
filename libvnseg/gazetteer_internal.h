/* The gazetteer's binary layout (version 1) and the bounds-checked views the builder, the file
 * reader and the entity scanner share. */
#ifndef VN_GAZETTEER_INTERNAL_H
#define VN_GAZETTEER_INTERNAL_H

#include <string.h>

#include "internal.h"
#include "vnseg/gazetteer.h"

#define VN_GAZ_MAGIC "VNSEGGAZ"
#define VN_GAZ_VERSION 1u
#define VN_GAZ_HEADER_SIZE 192u
#define VN_GAZ_ENDIAN 0x01020304u
#define VN_GAZ_SEED 0x7665736567617a31ull /* "vnsegaz1": fixed, so builds are reproducible */
#define VN_GAZ_MAX_NODES ((1u << 30) - 1)

/* Sections, in file order. */
enum {
    VN_SEC_SLOTS,
    VN_SEC_NODES,
    VN_SEC_ENTRIES,
    VN_SEC_TYPES,
    VN_SEC_FILTER,
    VN_SEC_FIRST, /* one bit per first code point of a key (mod 65536) */
    VN_SEC_POOL,
    VN_SEC_COUNT
};

#define VN_GAZ_FIRST_BYTES 8192u
#define VN_GAZ_FILTER_BITS_MIN 12u
#define VN_GAZ_FILTER_BITS_MAX 32u

/* The layout's formulas, one definition for the writer and the reader. Sections start on 8
 * bytes; the slot table holds 1 << slot_bits words, the filter 1 << filter_bits bits. */
static inline uint64_t vn_gaz_align8(uint64_t n)
{
    return (n + 7) & ~(uint64_t)7;
}

static inline uint64_t vn_gaz_slots_size(unsigned slot_bits)
{
    return (uint64_t)8 << slot_bits;
}

static inline uint64_t vn_gaz_filter_size(unsigned filter_bits)
{
    return vn_gaz_align8(((uint64_t)1 << filter_bits) / 8);
}

/* The filter bit of a key hash h (mask: 2^filter_bits - 1). */
static inline uint64_t vn_gaz_filter_bit(uint64_t h, uint64_t mask)
{
    return (h >> 7 ^ h >> 41) & mask;
}

/* The byte and the bit of code point cp in the first-letter set (mod 65536). */
static inline size_t vn_gaz_first_byte(uint32_t cp)
{
    return (cp >> 3) & (VN_GAZ_FIRST_BYTES - 1);
}

static inline unsigned vn_gaz_first_bit(uint32_t cp)
{
    return cp & 7;
}

typedef struct vn_gaz_section {
    uint64_t offset, size;
} vn_gaz_section;

/* The header: 192 bytes at offset 0. */
typedef struct vn_gaz_header {
    char magic[8];
    uint32_t version;
    uint32_t header_size;
    uint32_t endian;
    uint32_t flags; /* VNSEG_GAZ_* */
    uint64_t file_size;
    uint64_t seed;
    uint32_t node_count; /* complete keys (names) */
    uint32_t entry_count;
    uint32_t type_count;
    uint32_t slot_bits;   /* 1 << slot_bits slots */
    uint32_t filter_bits; /* 1 << filter_bits bits */
    uint32_t max_key;     /* bytes of the longest key */
    vn_gaz_section sec[VN_SEC_COUNT];
    uint64_t body_checksum;   /* vn_hash_bytes of bytes header_size .. file_size */
    uint64_t header_checksum; /* vn_hash_bytes of the 184 bytes before it */
} vn_gaz_header;

_Static_assert(sizeof(vn_gaz_header) == VN_GAZ_HEADER_SIZE, "header layout");

/* A slot of the hash table over name prefixes: 0 when empty, else
 * tag (hash >> 32) << 32 | SLOT_COMPLETE? | SLOT_EXTENDS? | node + 1 (0 for a prefix only). */
#define VN_SLOT_EXTENDS (1ull << 30)
#define VN_SLOT_COMPLETE (1ull << 31)
#define VN_SLOT_NODE_MASK ((1ull << 30) - 1)

/* A complete key (a name) and its entries. */
typedef struct vn_gaz_node {
    uint32_t key_off, key_len;
    uint32_t entry_first, entry_count;
} vn_gaz_node;

typedef struct vn_gaz_entry_rec {
    uint32_t name_off, id_off, canon_off;
    uint16_t name_len, id_len, canon_len, type;
    uint32_t reserved;
} vn_gaz_entry_rec;

typedef struct vn_gaz_type_rec {
    uint32_t name_off, name_len; /* NUL-terminated in the pool */
} vn_gaz_type_rec;

enum { VN_GAZ_OWN_HEAP, VN_GAZ_OWN_MMAP, VN_GAZ_OWN_NONE };

struct vnseg_gazetteer {
    const unsigned char *base;
    size_t size;
    int own;
    const vn_gaz_header *h;
    const uint64_t *slots;
    uint64_t slot_mask;
    const vn_gaz_node *nodes;
    const vn_gaz_entry_rec *entries;
    const vn_gaz_type_rec *types;
    const uint64_t *filter;
    uint64_t filter_mask;
    const uint8_t *first;
    const unsigned char *pool;
    uint64_t pool_size;
    uint32_t node_count, entry_count, type_count, max_key, flags;
    uint64_t seed;
};

/* Check the header and sections of image[0..size) (constant time) and fill g's views.
 * Returns VNSEG_OK or a failure already recorded (FORMAT, VERSION). */
vnseg_status vn_gaz_attach(vnseg_gazetteer *g, const unsigned char *image, size_t size);

/* Whether some key starts with code point cp. */
static inline bool vn_gaz_first(const vnseg_gazetteer *g, uint32_t cp)
{
    return (g->first[vn_gaz_first_byte(cp)] >> vn_gaz_first_bit(cp)) & 1;
}

/* The filter bit and the slot of a key hash. */
static inline bool vn_gaz_filter(const vnseg_gazetteer *g, uint64_t h)
{
    uint64_t bit = vn_gaz_filter_bit(h, g->filter_mask);
    return (g->filter[bit >> 6] >> (bit & 63)) & 1;
}

/* The slot word of the key with hash h, or 0 when no name has that key as a prefix. Bounded
 * even on a hostile table with no empty slot. */
static inline uint64_t vn_gaz_probe(const vnseg_gazetteer *g, uint64_t h)
{
    uint64_t i = h & g->slot_mask, tag = h >> 32;
    for (uint64_t n = 0; n <= g->slot_mask; n++) {
        uint64_t s = g->slots[i];
        if (s == 0) return 0;
        if (s >> 32 == tag) return s;
        i = (i + 1) & g->slot_mask;
    }
    return 0;
}

/* The node of a complete slot whose key equals key[0..len), or NULL. */
static inline const vn_gaz_node *vn_gaz_node_of(const vnseg_gazetteer *g, uint64_t slot,
                                                const unsigned char *key, size_t len)
{
    uint64_t idx = slot & VN_SLOT_NODE_MASK;
    if (!(slot & VN_SLOT_COMPLETE) || idx == 0 || idx > g->node_count) return NULL;
    const vn_gaz_node *n = &g->nodes[idx - 1];
    if (n->key_len != len || (uint64_t)n->key_off + n->key_len > g->pool_size ||
        memcmp(g->pool + n->key_off, key, len) != 0)
        return NULL;
    return n;
}

/* The primary entry of a node (bounds-checked), or UINT32_MAX. */
static inline uint32_t vn_gaz_primary(const vnseg_gazetteer *g, const vn_gaz_node *n)
{
    if (n->entry_count == 0 || n->entry_first >= g->entry_count) return UINT32_MAX;
    return n->entry_first;
}

/* Type of entry e (bounds-checked: an unknown type reads as MISC). */
static inline uint32_t vn_gaz_entry_type(const vnseg_gazetteer *g, uint32_t e)
{
    if (e >= g->entry_count) return VNSEG_ENT_MISC;
    uint32_t t = g->entries[e].type;
    return t < g->type_count ? t : VNSEG_ENT_MISC;
}

/* A string of the pool, bounds-checked: false when it lies outside. */
static inline bool vn_gaz_str(const vnseg_gazetteer *g, uint32_t off, uint32_t len, const char **s,
                              size_t *n)
{
    if ((uint64_t)off + len > g->pool_size) return false;
    *s = (const char *)g->pool + off;
    *n = len;
    return true;
}

#endif
