/* Character classes for the tokenizer: one table lookup per character, built from ICU once. */
#ifndef VN_CHARS_H
#define VN_CHARS_H

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
