/* UTF-8 decoding and encoding with the exact well-formedness rules of Unicode table 3-7. */
#ifndef VN_UTF8_H
#define VN_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* U+FFFD REPLACEMENT CHARACTER, what an ill-formed subpart or a byte that spells no character
 * becomes, and its UTF-8 bytes (VN_REPLACEMENT_LEN of them). */
#define VN_REPLACEMENT 0xFFFDu
#define VN_REPLACEMENT_UTF8 ((const unsigned char *)"\xEF\xBF\xBD")
#define VN_REPLACEMENT_LEN 3u

/* Decode the character at p (p < end; *p >= 0x80 expected but not required).
 * Returns its length (1..4) and stores the code point, or returns minus the length of the
 * maximal ill-formed subpart (-1..-3), the unit Unicode replaces with one U+FFFD. */
static inline int vn_utf8_decode(const unsigned char *p, const unsigned char *end, uint32_t *cp)
{
    unsigned b0 = p[0];
    size_t avail = (size_t)(end - p);
    if (b0 < 0x80) {
        *cp = b0;
        return 1;
    }
    if (b0 < 0xC2)
        return -1; /* continuation byte, or overlong lead C0/C1 */
    if (b0 < 0xE0) {
        if (avail < 2 || (p[1] & 0xC0) != 0x80)
            return -1;
        *cp = ((b0 & 0x1Fu) << 6) | (p[1] & 0x3Fu);
        return 2;
    }
    if (b0 < 0xF0) {
        unsigned lo = 0x80, hi = 0xBF;
        if (b0 == 0xE0)
            lo = 0xA0; /* overlong */
        else if (b0 == 0xED)
            hi = 0x9F; /* surrogates */
        if (avail < 2 || p[1] < lo || p[1] > hi)
            return -1;
        if (avail < 3 || (p[2] & 0xC0) != 0x80)
            return -2;
        *cp = ((b0 & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        return 3;
    }
    if (b0 < 0xF5) {
        unsigned lo = 0x80, hi = 0xBF;
        if (b0 == 0xF0)
            lo = 0x90; /* overlong */
        else if (b0 == 0xF4)
            hi = 0x8F; /* above U+10FFFF */
        if (avail < 2 || p[1] < lo || p[1] > hi)
            return -1;
        if (avail < 3 || (p[2] & 0xC0) != 0x80)
            return -2;
        if (avail < 4 || (p[3] & 0xC0) != 0x80)
            return -3;
        *cp = ((b0 & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
              (p[3] & 0x3Fu);
        return 4;
    }
    return -1; /* F5..FF never appear in UTF-8 */
}

/* Encode cp (a scalar value) into out (4 bytes room); returns the length. */
static inline int vn_utf8_encode(uint32_t cp, unsigned char *out)
{
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xC0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xE0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (unsigned char)(0xF0 | (cp >> 18));
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Length of the character starting at p in lenient reading: the well-formed length, or the
 * ill-formed subpart's length. Always >= 1 when p < end. */
static inline size_t vn_utf8_step(const unsigned char *p, const unsigned char *end)
{
    uint32_t cp;
    int n = vn_utf8_decode(p, end, &cp);
    return (size_t)(n < 0 ? -n : n);
}

#endif
