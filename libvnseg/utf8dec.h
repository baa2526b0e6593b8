/* Strict decoding of one UTF-8 character with a length, for the modules that walk text by
 * letters: utf8.h's decoder with failure as 0 instead of a negative subpart length. */
#ifndef VN_UTF8DEC_H
#define VN_UTF8DEC_H

#include <stddef.h>
#include <stdint.h>

#include "utf8.h"

/* Decode the character at s[0..len) into *cp. Returns its length (1..4), or 0 when the bytes
 * there are not well-formed UTF-8 (overlong forms, surrogates, values above U+10FFFF,
 * truncated sequences, stray continuation bytes). `len` must be at least 1. */
static inline size_t vn_utf8_decode_len(const unsigned char *s, size_t len, uint32_t *cp)
{
    int n = vn_utf8_decode(s, s + len, cp);
    return n > 0 ? (size_t)n : 0;
}

#endif
