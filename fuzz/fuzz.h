/* Shared helpers of the fuzz targets: a reference UTF-8 validator and a reference separator
 * test written independently of the library, so the harnesses check properties, not echoes. */
#ifndef VNSEG_FUZZ_H
#define VNSEG_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <unicode/uchar.h>

/* Abort with a message: libFuzzer and the replay driver both report the crash and input. */
#define FUZZ_CHECK(cond)                                                                        \
    do {                                                                                        \
        if (!(cond)) {                                                                          \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);           \
            abort();                                                                            \
        }                                                                                       \
    } while (0)

/* Decode one character the straightforward way (Unicode table 3-7); returns its length, or 0
 * when the bytes at p are not a well-formed character. */
static inline size_t fuzz_decode(const uint8_t *p, size_t n, uint32_t *cp)
{
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    }
    size_t len = p[0] >= 0xF8 ? 0 : p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC0 ? 2 : 0;
    if (len == 0 || len > n)
        return 0;
    uint32_t c = p[0] & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (c < min[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

static inline bool fuzz_valid_utf8(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = fuzz_decode(p + i, n - i, &cp);
        if (!k)
            return false;
        i += k;
    }
    return true;
}

/* Separators as tokenizer.h defines them, from ICU's general categories. */
static inline bool fuzz_is_separator(uint32_t cp)
{
    if (cp == 0xFEFF || cp == 0x180E)
        return false;
    int t = u_charType((UChar32)cp);
    return t == U_SPACE_SEPARATOR || t == U_CONTROL_CHAR || t == U_LINE_SEPARATOR ||
           t == U_PARAGRAPH_SEPARATOR;
}

#endif
