/* Offsets in bytes, code points or UTF-16 units: token offsets for bindings and conversions. */
#include <string.h>

#include "internal.h"
#include "utf8.h"
#include "vnseg/ffi.h"

/* A position in a text, at a character boundary, in the three units at once. */
typedef struct walker {
    const unsigned char *s;
    size_t len;
    size_t pos[3]; /* indexed by vnseg_unit */
} walker;

static bool unit_ok(int unit)
{
    return unit == VNSEG_UNIT_BYTE || unit == VNSEG_UNIT_CODEPOINT || unit == VNSEG_UNIT_UTF16;
}

/* Move over one character; ill-formed subsequences count as one U+FFFD. */
static void step(walker *w)
{
    const unsigned char *p = w->s + w->pos[VNSEG_UNIT_BYTE];
    uint32_t cp;
    int n = *p < 0x80 ? 1 : vn_utf8_decode(p, w->s + w->len, &cp);
    w->pos[VNSEG_UNIT_BYTE] += (size_t)(n < 0 ? -n : n);
    w->pos[VNSEG_UNIT_CODEPOINT] += 1;
    w->pos[VNSEG_UNIT_UTF16] += n == 4 ? 2 : 1;
}

/* Advance to `target` in unit `from` (rounded down to a character start). False when the
 * target lies past the end of the text. */
static bool seek(walker *w, int from, uint64_t target)
{
    if (w->pos[from] > target) w->pos[0] = w->pos[1] = w->pos[2] = 0;
    while (w->pos[from] < target && w->pos[VNSEG_UNIT_BYTE] < w->len) {
        size_t b = w->pos[VNSEG_UNIT_BYTE];
        if (w->s[b] < 0x80) { /* ASCII: one unit in every unit system */
            uint64_t room = target - w->pos[from];
            size_t k = 0, left = w->len - b;
            while (k < room && k < left && w->s[b + k] < 0x80)
                k++;
            for (int u = 0; u < 3; u++)
                w->pos[u] += k;
            continue;
        }
        walker next = *w;
        step(&next);
        if (next.pos[from] > target) return true; /* inside this character */
        *w = next;
    }
    return w->pos[from] >= target;
}

VNSEG_EXPORT vnseg_status vnseg_offsets_convert(const char *text, size_t len, int from, int to,
                                                uint64_t *offsets, size_t count)
{
    VN_CHECK_LEN("vnseg_offsets_convert", text, len);
    if ((!text && len > 0) || (!offsets && count > 0) || !unit_ok(from) || !unit_ok(to))
        return vn_fail_simple(VNSEG_E_INVALID_ARG);
    walker w = {(const unsigned char *)text, len, {0, 0, 0}};
    for (size_t i = 0; i < count; i++) {
        if (!seek(&w, from, offsets[i]))
            return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                           "offset %zu (%llu) lies past the end of the text", i,
                           (unsigned long long)offsets[i]);
        offsets[i] = w.pos[to];
    }
    return VNSEG_OK;
}

/* Counts over well-formed UTF-8, eight bytes at a time: code points are the bytes that are
 * not continuation bytes (10xxxxxx); UTF-16 adds one unit for each 4-byte lead (11110xxx).
 * Positions are asked in ascending order; `done` bytes are counted so far (a multiple of 8). */
typedef struct counter {
    const unsigned char *s;
    size_t len, done;
    uint64_t excess; /* bytes minus units in s[0..done) */
} counter;

#define HIGH_BITS 0x8080808080808080u

/* Number of bytes whose high bit is set in `m` (only high bits set): the 0/1 bytes of m >> 7
 * summed by one multiplication (no popcount instruction needed on baseline x86-64). */
static inline uint64_t high_bits(uint64_t m)
{
    return ((m >> 7) * 0x0101010101010101u) >> 56;
}

/* Bytes minus units in the word `w`: continuation bytes, less the 4-byte leads for UTF-16. */
static inline uint64_t excess(uint64_t w, bool utf16)
{
    uint64_t e = high_bits(w & ~(w << 1) & HIGH_BITS);
    if (utf16) e -= high_bits(w & (w << 1) & (w << 2) & (w << 3) & HIGH_BITS);
    return e;
}

/* Units before byte `at` (at >= every position asked before). */
static inline uint64_t units_before(counter *c, size_t at, bool utf16)
{
    while (c->done + 8 <= at) {
        uint64_t w;
        memcpy(&w, c->s + c->done, 8);
        c->excess += excess(w, utf16);
        c->done += 8;
    }
    size_t r = at - c->done; /* the bytes [done, at), 0..7; zero bytes count as neither */
    uint64_t w = 0;
    if (r && c->done + 8 <= c->len) {
        memcpy(&w, c->s + c->done, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        w &= ~(uint64_t)0 << (64 - 8 * r);
#else
        w &= ~(uint64_t)0 >> (64 - 8 * r);
#endif
    } else if (r) {
        memcpy(&w, c->s + c->done, r);
    }
    return at - c->excess - excess(w, utf16);
}

static void well_formed_offsets(const unsigned char *s, size_t len, const vnseg_token *t, size_t n,
                                bool utf16, uint64_t *out)
{
    counter c = {s, len, 0, 0};
    for (size_t i = 0; i < n; i++) {
        out[2 * i] = units_before(&c, (size_t)t[i].offset, utf16);
        out[2 * i + 1] = units_before(&c, (size_t)(t[i].offset + t[i].length), utf16);
    }
}

VNSEG_EXPORT vnseg_status vnseg_doc_token_offsets(const vnseg_doc *doc, int unit, uint64_t *out,
                                                  size_t cap, size_t *out_len)
{
    if (!doc || !out_len || (!out && cap > 0) || !unit_ok(unit))
        return vn_fail_simple(VNSEG_E_INVALID_ARG);
    size_t n = vnseg_doc_token_count(doc);
    *out_len = 2 * n;
    if (!out && cap == 0) return VNSEG_OK;
    if (cap < 2 * n)
        return vn_fail(VNSEG_E_BUFFER, VNSEG_NO_OFFSET, 0, "%zu offsets do not fit in %zu", 2 * n,
                       cap);
    const vnseg_token *t = vnseg_doc_tokens(doc);
    size_t len;
    const unsigned char *s = (const unsigned char *)vnseg_doc_text(doc, &len);
    if (unit == VNSEG_UNIT_BYTE) {
        for (size_t i = 0; i < n; i++) {
            out[2 * i] = t[i].offset;
            out[2 * i + 1] = t[i].offset + t[i].length;
        }
        return VNSEG_OK;
    }
    bool well_formed = true; /* ill-formed bytes only occur inside tokens flagged repaired */
    for (size_t i = 0; i < n && well_formed; i++)
        well_formed = !(t[i].flags & VNSEG_TF_REPAIRED);
    if (well_formed) {
        if (unit == VNSEG_UNIT_UTF16)
            well_formed_offsets(s, len, t, n, true, out);
        else
            well_formed_offsets(s, len, t, n, false, out);
        return VNSEG_OK;
    }
    walker w = {s, len, {0, 0, 0}};
    for (size_t i = 0; i < n; i++) {
        seek(&w, VNSEG_UNIT_BYTE, t[i].offset);
        out[2 * i] = w.pos[unit];
        seek(&w, VNSEG_UNIT_BYTE, t[i].offset + t[i].length);
        out[2 * i + 1] = w.pos[unit];
    }
    return VNSEG_OK;
}
