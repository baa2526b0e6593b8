/* Vietnamese letters: code point <-> (base letter, vowel modifier, tone, case), by table lookup. */
#ifndef VN_LETTER_H
#define VN_LETTER_H

#include <stdbool.h>
#include <stdint.h>

/* Letter symbols: a base letter together with its vowel modifier, without tone or case.
 * Vowels come first (1..12), then the Vietnamese consonants, then the Latin letters that the
 * Vietnamese alphabet lacks. 0 means "not a letter". */
enum vn_sym {
    VN_SYM_NONE = 0,
    VN_A,  /* a */
    VN_AW, /* ă */
    VN_AA, /* â */
    VN_E,  /* e */
    VN_EE, /* ê */
    VN_I,  /* i */
    VN_O,  /* o */
    VN_OO, /* ô */
    VN_OW, /* ơ */
    VN_U,  /* u */
    VN_UW, /* ư */
    VN_Y,  /* y */
    VN_B,
    VN_C,
    VN_D,
    VN_DD, /* đ */
    VN_G,
    VN_H,
    VN_K,
    VN_L,
    VN_M,
    VN_N,
    VN_P,
    VN_Q,
    VN_R,
    VN_S,
    VN_T,
    VN_V,
    VN_X,
    VN_F, /* f j w z: Latin letters outside the Vietnamese alphabet */
    VN_J,
    VN_W,
    VN_Z,
    VN_SYM_COUNT
};

/* Vowel modifiers (and the stroke of đ). */
enum vn_mod { VN_MOD_NONE = 0, VN_MOD_BREVE, VN_MOD_CIRCUMFLEX, VN_MOD_HORN, VN_MOD_STROKE };

/* Tones, in the order of the public vnseg_tone (ngang, huyền, sắc, hỏi, ngã, nặng). */
enum vn_tone {
    VN_TONE_NONE = 0,
    VN_TONE_GRAVE,
    VN_TONE_ACUTE,
    VN_TONE_HOOK,
    VN_TONE_TILDE,
    VN_TONE_DOT,
    VN_TONE_COUNT
};

/* A letter packed in 16 bits: symbol (bits 0-5), tone (bits 6-8), upper case (bit 9).
 * 0 means "not a letter". */
typedef uint16_t vn_letter;

#define VN_LETTER_UPPER (1u << 9)

static inline unsigned vn_letter_sym(vn_letter l)
{
    return l & 0x3fu;
}

static inline unsigned vn_letter_tone(vn_letter l)
{
    return (l >> 6) & 7u;
}

static inline bool vn_letter_is_upper(vn_letter l)
{
    return (l & VN_LETTER_UPPER) != 0;
}

static inline vn_letter vn_letter_pack(unsigned sym, unsigned tone, bool upper)
{
    return (vn_letter)(sym | tone << 6 | (upper ? VN_LETTER_UPPER : 0u));
}

static inline bool vn_sym_is_vowel(unsigned sym)
{
    return sym >= VN_A && sym <= VN_Y;
}

/* The letter table, in vnletter.c, indexed so that a UTF-8 decoder reaches it in one step:
 * ASCII by its byte; U+00C0..U+01BF (leads C3..C6) from VN_TAB_TWO on; U+1EA0..U+1EFF (E1 BA A0
 * .. E1 BB BF) from VN_TAB_THREE on. Entry 0 (NUL) is 0, as is every non-letter. */
#define VN_TAB_TWO 128u
#define VN_TAB_THREE (VN_TAB_TWO + 256u)
#define VN_TAB_LEN (VN_TAB_THREE + 96u)
extern const vn_letter vn_utf8_tab[VN_TAB_LEN];

/* The letter at code point `cp`: ASCII letters, the precomposed Vietnamese letters (NFC) in
 * both cases, and đ/Đ. 0 for anything else (digits, other accented letters, marks). O(1). */
static inline vn_letter vn_letter_of(uint32_t cp)
{
    if (cp < 0x80) return vn_utf8_tab[cp];
    if (cp - 0xC0u < 256u) return vn_utf8_tab[VN_TAB_TWO + cp - 0xC0u];
    if (cp - 0x1EA0u < 96u) return vn_utf8_tab[VN_TAB_THREE + cp - 0x1EA0u];
    return 0;
}

/* The code point of a packed letter (NFC), or 0 when none exists (a tone on a consonant). */
uint32_t vn_letter_code_point(vn_letter l);

/* A letter split into its parts, for callers that think in base letters (accent folding,
 * gazetteer keys): `base` is the ASCII lower-case letter ('d' for đ, 'a' for ắ). */
typedef struct vn_letter_parts {
    char base;    /* 'a'..'z' */
    uint8_t mod;  /* enum vn_mod */
    uint8_t tone; /* enum vn_tone */
    bool upper;   /* upper case */
} vn_letter_parts;

/* Split code point `cp`; false (and *out untouched) when vn_letter_of(cp) is 0. */
bool vn_letter_decompose(uint32_t cp, vn_letter_parts *out);

/* The code point for base + modifier + tone + case, or 0 when that letter does not exist
 * (a modifier the base does not take, a tone on a consonant, a base outside 'a'..'z'). */
uint32_t vn_letter_compose(char base, unsigned mod, unsigned tone, bool upper);

/* Symbol <-> (base, modifier). vn_sym_make gives 0 for a combination that does not exist. */
char vn_sym_base(unsigned sym);
unsigned vn_sym_mod(unsigned sym);
unsigned vn_sym_make(char base, unsigned mod);

/* What a combining mark adds to the letter before it: a modifier (U+0302 circumflex, U+0306
 * breve, U+031B horn) or a tone (U+0300, U+0301, U+0303, U+0309, U+0323, and the deprecated
 * tone marks U+0340, U+0341 that normalize to U+0300, U+0301). Sets exactly one of *mod,
 * *tone to non-zero and returns true; false for every other code point. */
static inline bool vn_mark_of(uint32_t cp, unsigned *mod, unsigned *tone)
{
    unsigned m = VN_MOD_NONE, t = VN_TONE_NONE;
    switch (cp) {
    case 0x300:
    case 0x340:
        t = VN_TONE_GRAVE;
        break;
    case 0x301:
    case 0x341:
        t = VN_TONE_ACUTE;
        break;
    case 0x309:
        t = VN_TONE_HOOK;
        break;
    case 0x303:
        t = VN_TONE_TILDE;
        break;
    case 0x323:
        t = VN_TONE_DOT;
        break;
    case 0x302:
        m = VN_MOD_CIRCUMFLEX;
        break;
    case 0x306:
        m = VN_MOD_BREVE;
        break;
    case 0x31B:
        m = VN_MOD_HORN;
        break;
    default:
        return false;
    }
    *mod = m;
    *tone = t;
    return true;
}

/* `sym` with modifier `mod` added (a + breve -> ă), or 0 when the letter cannot take it. */
unsigned vn_sym_add_mod(unsigned sym, unsigned mod);

/* Letter `l` with modifier `mod` and tone `tone` added (either may be none): the rule every
 * reader of combining marks or legacy mark bytes follows. 0 when `l` cannot take them: a
 * modifier on a letter that has one or cannot take it, a tone on a consonant or on a letter
 * that has a tone already. A modifier after the tone is taken (NFD puts the dot below before
 * the breve); callers whose encodings forbid that check the tone first. */
static inline vn_letter vn_letter_add_marks(vn_letter l, unsigned mod, unsigned tone)
{
    unsigned sym = vn_letter_sym(l), t = vn_letter_tone(l);
    if (mod != VN_MOD_NONE) {
        if (vn_sym_mod(sym) != VN_MOD_NONE || !(sym = vn_sym_add_mod(sym, mod))) return 0;
    }
    if (tone != VN_TONE_NONE) {
        if (t != VN_TONE_NONE || !vn_sym_is_vowel(sym)) return 0;
        t = tone;
    }
    return vn_letter_pack(sym, t, vn_letter_is_upper(l));
}

#endif
