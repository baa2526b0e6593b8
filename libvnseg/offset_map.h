/* Offset maps between a transformed text and its source, and the emitter that builds them. */
#ifndef VN_OFFSET_MAP_H
#define VN_OFFSET_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "internal.h"

/* A map is a list of breakpoints: segment i covers the target (normalized) bytes
 * [seg[i].norm, seg[i+1].norm) and the source bytes [orig(i), orig(i+1)); seg[n] is a sentinel
 * (target length, source length). A copy segment has equal bytes on both sides; a unit
 * segment maps as a whole. Both ranges of every segment are non-empty. */
#define VN_SEG_UNIT (UINT64_C(1) << 63)

typedef struct vn_seg {
    uint64_t norm;
    uint64_t orig; /* source offset, or-ed with VN_SEG_UNIT for a unit */
} vn_seg;

typedef struct vn_map {
    vn_seg *seg; /* n + 1 entries when allocated */
    size_t n, cap;
} vn_map;

static inline uint64_t vn_seg_orig(const vn_seg *s)
{
    return s->orig & ~VN_SEG_UNIT;
}

static inline bool vn_seg_is_unit(const vn_seg *s)
{
    return (s->orig & VN_SEG_UNIT) != 0;
}

void vn_map_free(vn_map *m);

/* Compose: `outer` maps text C to text B, `inner` maps B to A; `out` (empty) maps C to A.
 * Pieces that share source bytes are merged into one unit. False on no memory. */
bool vn_map_compose(const vn_map *outer, const vn_map *inner, vn_map *out);

/* Source range of target bytes [a, b) (a < b), widened to whole units and, in copies, to whole
 * UTF-8 characters of `text` (the target). For a == b: the empty range at the start of the
 * piece or character at a. A NULL map means the identity. */
void vn_map_to_source(const vn_map *m, const unsigned char *text, size_t text_len, size_t src_len,
                      size_t a, size_t b, size_t *sa, size_t *sb);

/* Target range of source bytes [a, b), as above in the other direction. */
void vn_map_from_source(const vn_map *m, const unsigned char *text, size_t text_len, size_t src_len,
                        size_t a, size_t b, size_t *ta, size_t *tb);

/* Emitter: one pass over a source text writes the target through these calls, in source
 * order. Until the first change nothing is allocated, so an unchanged pass costs no copy. */
typedef struct vn_emit {
    const unsigned char *in;
    size_t in_len;
    size_t done; /* source bytes consumed */
    bool changed;
    bool lead_del; /* source bytes were deleted before any target byte was written */
    bool failed;   /* an allocation failed; later calls do nothing */
    unsigned char *out;
    size_t len, cap;
    vn_map map;
} vn_emit;

void vn_emit_init(vn_emit *e, const unsigned char *in, size_t in_len);
void vn_emit_free(vn_emit *e);

/* Copy source bytes [done, to) unchanged. */
void vn_emit_copy(vn_emit *e, size_t to);

/* Copy source bytes [done, from), then replace [from, to) (to > from) by bytes[0..n) as one
 * unit; n == 0 deletes them. Equal bytes are recorded as a copy. */
void vn_emit_unit(vn_emit *e, size_t from, size_t to, const void *bytes, size_t n);

/* Copy source bytes [done, from), then delete [from, to): they join the piece of the character
 * written before them (or, when there is none yet, of the one written next). */
void vn_emit_delete(vn_emit *e, size_t from, size_t to);

/* Copy the rest and close the map. Returns VNSEG_OK or VNSEG_E_NOMEM (then e is freed). */
vnseg_status vn_emit_finish(vn_emit *e);

#endif
