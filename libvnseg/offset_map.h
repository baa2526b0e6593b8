/* Offset maps between a transformed text and its source, and the emitter that builds them. */
#ifndef VN_OFFSET_MAP_H
#define VN_OFFSET_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"

/* A map cuts the target (normalized) text and its source into aligned pieces: copies, whose
 * bytes are equal, and units, which map as a whole (both sides non-empty). It is stored per
 * unit: the length of the copy before it and its two lengths, 4 bytes when they are small
 * (records), exact values in an overflow table otherwise; the copy after the last unit is what
 * remains. A checkpoint every VN_MAP_BLOCK units holds absolute offsets, so a lookup is a
 * binary search over checkpoints and a walk of at most one block. */
#define VN_MAP_BLOCK 64
#define VN_REC_BIG 0xFFFFu

typedef struct vn_rec {
    uint16_t gap; /* copied bytes before the unit, or VN_REC_BIG: see the overflow table */
    uint8_t nlen; /* target bytes of the unit */
    uint8_t olen; /* source bytes of the unit */
} vn_rec;

typedef struct vn_big {
    uint64_t unit, gap, nlen, olen;
} vn_big;

typedef struct vn_check {
    uint64_t norm, orig, piece; /* where the copy before unit k * VN_MAP_BLOCK starts */
} vn_check;

typedef struct vn_map {
    vn_rec *rec;
    size_t n, cap;
    vn_big *big;
    size_t nbig, capbig;
    vn_check *ck;
    size_t nck, capck;
    uint64_t norm_end, orig_end, piece_end; /* just after the last unit */
    uint64_t norm_len, orig_len, pieces;    /* set by vn_map_finish */
} vn_map;

/* One piece: target [na, nb), source [oa, ob). */
typedef struct vn_piece {
    uint64_t na, nb, oa, ob;
    uint64_t index;
    bool unit;
} vn_piece;

void vn_map_free(vn_map *m);

/* Append a unit after `gap` copied bytes. False on no memory. */
bool vn_map_add(vn_map *m, uint64_t gap, uint64_t nlen, uint64_t olen);

/* Close the map: the texts' lengths. */
void vn_map_finish(vn_map *m, uint64_t norm_len, uint64_t orig_len);

/* Piece `index` (< m->pieces); the piece holding target offset x (< norm_len); the piece
 * holding source offset x (< orig_len). */
void vn_map_piece(const vn_map *m, uint64_t index, vn_piece *p);
void vn_map_piece_at_norm(const vn_map *m, uint64_t x, vn_piece *p);
void vn_map_piece_at_orig(const vn_map *m, uint64_t x, vn_piece *p);

/* The first `count` pieces in one walk, five values each: na, nb, oa, ob, and 1 for a copy or
 * 0 for a unit. */
void vn_map_pieces(const vn_map *m, uint64_t *out, size_t count);

/* Compose: `outer` maps text C to text B, `inner` maps B to A; `out` (zeroed) maps C to A.
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
    bool failed; /* an allocation failed; later calls do nothing */
    size_t lead; /* source bytes deleted before any target byte was written */
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
void vn_emit_unit_slow(vn_emit *e, size_t from, size_t to, const void *bytes, size_t n);

/* memcpy for the few bytes of a character or a short copy: fixed-size moves instead of a call
 * or `rep movsb`, whose start-up costs more than such a copy. */
static inline __attribute__((always_inline)) void vn_copy_small(unsigned char *d,
                                                                const unsigned char *s, size_t n)
{
    if (n > 16) {
        memcpy(d, s, n);
    } else if (n >= 8) {
        uint64_t a, b;
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
        memcpy(d, &a, 8);
        memcpy(d + n - 8, &b, 8);
    } else if (n >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + n - 4, 4);
        memcpy(d, &a, 4);
        memcpy(d + n - 4, &b, 4);
    } else if (n) {
        d[0] = s[0];
        d[n / 2] = s[n / 2];
        d[n - 1] = s[n - 1];
    }
}

static inline bool vn_equal_small(const unsigned char *a, const unsigned char *b, size_t n)
{
    if (n > 4) return memcmp(a, b, n) == 0;
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i]) return false;
    return true;
}

static inline void vn_emit_unit(vn_emit *e, size_t from, size_t to, const void *bytes, size_t n)
{
    size_t gap = from - e->done, olen = to - from;
    vn_map *m = &e->map;
    /* The common case, inline: a small change after the first, with room for it. */
    if (e->changed && !e->failed && !e->lead && n - 1 < 255 && olen - 1 < 255 && from >= e->done &&
        e->len + gap + n <= e->cap && m->n < m->cap && m->n % VN_MAP_BLOCK != 0) {
        if (n == olen && vn_equal_small((const unsigned char *)bytes, e->in + from, n))
            return; /* a copy after all */
        vn_copy_small(e->out + e->len, e->in + e->done, gap);
        e->len += gap;
        uint64_t copied = e->len - m->norm_end;
        if (copied < VN_REC_BIG) {
            m->rec[m->n].gap = (uint16_t)copied;
            m->rec[m->n].nlen = (uint8_t)n;
            m->rec[m->n].olen = (uint8_t)olen;
            m->n++;
            m->norm_end += copied + n;
            m->orig_end += copied + olen;
            m->piece_end += 1 + (copied > 0);
            vn_copy_small(e->out + e->len, (const unsigned char *)bytes, n);
            e->len += n;
            e->done = to;
            return;
        }
        /* A long copy before it: the slow path records it. */
        e->len -= gap;
    }
    vn_emit_unit_slow(e, from, to, bytes, n);
}

/* Copy source bytes [done, from), then delete [from, to): they join the piece of the character
 * written before them (or, when there is none yet, of the one written next). */
void vn_emit_delete(vn_emit *e, size_t from, size_t to);

/* Copy the rest and close the map. Returns VNSEG_OK or VNSEG_E_NOMEM (then e is freed). */
vnseg_status vn_emit_finish(vn_emit *e);

#endif
