/* Character classes for the tokenizer: one table lookup per character, built from ICU once. */
#ifndef VN_CHARS_H
#define VN_CHARS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Class bits of a code point (also the low bits of a token's feature mask). */
enum {
    VC_SEP = 1u << 0,    /* separates tokens: spaces, controls, line breaks */
    VC_BREAK = 1u << 1,  /* a line break (always with VC_SEP) */
    VC_INVIS = 1u << 2,  /* zero-width or format character kept inside a token */
    VC_UPPER = 1u << 3,  /* upper- or title-case letter */
    VC_LOWER = 1u << 4,  /* lower-case letter */
    VC_ALPHA = 1u << 5,  /* letter of any kind, or combining mark */
    VC_DIGIT = 1u << 6,  /* decimal digit */
    VC_NFC_NO = 1u << 7, /* NFC quick check is No or Maybe: the token needs a real check */
};

/* Feature bits of a token beyond the class bits: which ASCII marks it holds. */
enum {
    VF_NONASCII = 1u << 8,
    VF_US = 1u << 9,      /* _ */
    VF_DOT = 1u << 10,    /* . */
    VF_AT = 1u << 11,     /* @ */
    VF_SLASH = 1u << 12,  /* / */
    VF_COLON = 1u << 13,  /* : */
    VF_HYPHEN = 1u << 14, /* - */
    VF_COMMA = 1u << 15,  /* , */
    VF_BSLASH = 1u << 16, /* \ */
    VF_OTHER = 1u << 17,  /* any other punctuation or symbol */
    VF_REPAIRED = 1u << 18, /* an ill-formed UTF-8 subsequence (lenient mode) */
};

/* Feature bits of each ASCII byte, and class bits of each BMP code point. */
extern uint32_t vn_ascii_features[128];
extern uint8_t vn_bmp_class[65536];

/* Build the tables (once, thread-safe). Every entry point that reads them calls this. */
void vn_chars_init(void);

/* Class bits of a code point above U+FFFF (computed, not tabled). */
unsigned vn_char_class_astral(uint32_t cp);

/* Class bits of any code point (after vn_chars_init). */
static inline unsigned vn_char_class(uint32_t cp)
{
    return cp < 0x10000 ? vn_bmp_class[cp] : vn_char_class_astral(cp);
}

/* Length of the multi-byte separator at p (p < end): NBSP, the C1 controls, U+1680,
 * U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000; else 0. Byte patterns, no decoding;
 * they agree with the class table (test_scan_equiv checks every code point). */
static inline size_t vn_mb_separator(const unsigned char *p, const unsigned char *end)
{
    size_t n = (size_t)(end - p);
    switch (p[0]) {
    case 0xC2:
        return n >= 2 && p[1] >= 0x80 && p[1] <= 0xA0 ? 2 : 0;
    case 0xE1:
        return n >= 3 && p[1] == 0x9A && p[2] == 0x80 ? 3 : 0;
    case 0xE2:
        if (n < 3) return 0;
        if (p[1] == 0x80 &&
            ((p[2] >= 0x80 && p[2] <= 0x8A) || p[2] == 0xA8 || p[2] == 0xA9 || p[2] == 0xAF))
            return 3;
        return p[1] == 0x81 && p[2] == 0x9F ? 3 : 0;
    case 0xE3:
        return n >= 3 && p[1] == 0x80 && p[2] == 0x80 ? 3 : 0;
    }
    return 0;
}

/* Is the multi-byte separator at p (length n) a line break (VC_BREAK): NEL, U+2028, U+2029? */
static inline bool vn_mb_break(const unsigned char *p, size_t n)
{
    return (n == 2 && p[1] == 0x85) || (n == 3 && p[0] == 0xE2 && (p[2] == 0xA8 || p[2] == 0xA9));
}

/* Is the character at p (p < end) a separator (VC_SEP)? */
static inline bool vn_separator_at(const unsigned char *p, const unsigned char *end)
{
    if (*p < 0x80) return vn_ascii_features[*p] & VC_SEP;
    return vn_mb_separator(p, end) != 0;
}

/* Token features contributed by a non-ASCII character of class c. */
static inline uint32_t vn_nonascii_features(unsigned c)
{
    uint32_t f = VF_NONASCII | c;
    if (!(c & (VC_ALPHA | VC_DIGIT | VC_INVIS)))
        f |= VF_OTHER;
    return f;
}

/* Lower-case mapping of one code point (simple case mapping). */
uint32_t vn_char_lower(uint32_t cp);

/* ICU general category of a code point (a UCharCategory value). */
int vn_char_category(uint32_t cp);

#endif
