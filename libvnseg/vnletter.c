/* Tables of the Vietnamese letters (NFC code points <-> parts), written out by hand, constant. */
#include <stddef.h>

#include "vnletter.h"

#define UP(sym, tone) ((vn_letter)((sym) | (tone) << 6 | VN_LETTER_UPPER))
#define LO(sym, tone) ((vn_letter)((sym) | (tone) << 6))

/* Tone names, short, for the tables below. */
enum {
    T0 = VN_TONE_NONE,
    GR = VN_TONE_GRAVE,
    AC = VN_TONE_ACUTE,
    HK = VN_TONE_HOOK,
    TL = VN_TONE_TILDE,
    DT = VN_TONE_DOT
};

static const uint8_t ascii_sym[26] = {
    VN_A, VN_B, VN_C, VN_D, VN_E, VN_F, VN_G, VN_H, VN_I, VN_J, VN_K, VN_L, VN_M,
    VN_N, VN_O, VN_P, VN_Q, VN_R, VN_S, VN_T, VN_U, VN_V, VN_W, VN_X, VN_Y, VN_Z,
};

/* Every letter by where its UTF-8 form leads (see VN_TAB_* in vnletter.h). */
#define AZ(ch, sym) [ch] = UP(sym, T0), [(ch) + 0x20] = LO(sym, T0)
#define PAIR(sym, tone) UP(sym, tone), LO(sym, tone)
/* Laid out one row per 8 code points, by hand: */
/* clang-format off */
const vn_letter vn_utf8_tab[VN_TAB_LEN] = {
    /* ASCII */
    AZ('A', VN_A), AZ('B', VN_B), AZ('C', VN_C), AZ('D', VN_D), AZ('E', VN_E), AZ('F', VN_F),
    AZ('G', VN_G), AZ('H', VN_H), AZ('I', VN_I), AZ('J', VN_J), AZ('K', VN_K), AZ('L', VN_L),
    AZ('M', VN_M), AZ('N', VN_N), AZ('O', VN_O), AZ('P', VN_P), AZ('Q', VN_Q), AZ('R', VN_R),
    AZ('S', VN_S), AZ('T', VN_T), AZ('U', VN_U), AZ('V', VN_V), AZ('W', VN_W), AZ('X', VN_X),
    AZ('Y', VN_Y), AZ('Z', VN_Z),
    /* U+00C0..U+01BF. Latin-1 first (upper case, then lower case 0x20 above), then the letters
     * of Latin Extended-A/B, each upper case one below its lower case. */
    [VN_TAB_TWO] =
    UP(VN_A, GR), UP(VN_A, AC), UP(VN_AA, T0), UP(VN_A, TL), 0, 0, 0, 0,            /* C0 ÀÁÂÃ */
    UP(VN_E, GR), UP(VN_E, AC), UP(VN_EE, T0), 0, UP(VN_I, GR), UP(VN_I, AC), 0, 0, /* C8 ÈÉÊ ÌÍ */
    0, 0, UP(VN_O, GR), UP(VN_O, AC), UP(VN_OO, T0), UP(VN_O, TL), 0, 0,            /* D0 ÒÓÔÕ */
    0, UP(VN_U, GR), UP(VN_U, AC), 0, 0, UP(VN_Y, AC), 0, 0,                        /* D8 ÙÚ Ý */
    LO(VN_A, GR), LO(VN_A, AC), LO(VN_AA, T0), LO(VN_A, TL), 0, 0, 0, 0,            /* E0 àáâã */
    LO(VN_E, GR), LO(VN_E, AC), LO(VN_EE, T0), 0, LO(VN_I, GR), LO(VN_I, AC), 0, 0, /* E8 èéê ìí */
    0, 0, LO(VN_O, GR), LO(VN_O, AC), LO(VN_OO, T0), LO(VN_O, TL), 0, 0,            /* F0 òóôõ */
    0, LO(VN_U, GR), LO(VN_U, AC), 0, 0, LO(VN_Y, AC), 0, 0,                        /* F8 ùú ý */
    [VN_TAB_TWO + 0x102 - 0xC0] = UP(VN_AW, T0), LO(VN_AW, T0), /* Ă ă */
    [VN_TAB_TWO + 0x110 - 0xC0] = UP(VN_DD, T0), LO(VN_DD, T0), /* Đ đ */
    [VN_TAB_TWO + 0x128 - 0xC0] = UP(VN_I, TL),  LO(VN_I, TL),  /* Ĩ ĩ */
    [VN_TAB_TWO + 0x168 - 0xC0] = UP(VN_U, TL),  LO(VN_U, TL),  /* Ũ ũ */
    [VN_TAB_TWO + 0x1A0 - 0xC0] = UP(VN_OW, T0), LO(VN_OW, T0), /* Ơ ơ */
    [VN_TAB_TWO + 0x1AF - 0xC0] = UP(VN_UW, T0), LO(VN_UW, T0), /* Ư ư */
    /* U+1EA0..U+1EF9: pairs of upper case (even) and lower case (odd) letters. */
    [VN_TAB_THREE] =
    PAIR(VN_A, DT),  PAIR(VN_A, HK),  PAIR(VN_AA, AC), PAIR(VN_AA, GR), /* 1EA0 ạ ả ấ ầ */
    PAIR(VN_AA, HK), PAIR(VN_AA, TL), PAIR(VN_AA, DT), PAIR(VN_AW, AC), /* 1EA8 ẩ ẫ ậ ắ */
    PAIR(VN_AW, GR), PAIR(VN_AW, HK), PAIR(VN_AW, TL), PAIR(VN_AW, DT), /* 1EB0 ằ ẳ ẵ ặ */
    PAIR(VN_E, DT),  PAIR(VN_E, HK),  PAIR(VN_E, TL),  PAIR(VN_EE, AC), /* 1EB8 ẹ ẻ ẽ ế */
    PAIR(VN_EE, GR), PAIR(VN_EE, HK), PAIR(VN_EE, TL), PAIR(VN_EE, DT), /* 1EC0 ề ể ễ ệ */
    PAIR(VN_I, HK),  PAIR(VN_I, DT),  PAIR(VN_O, DT),  PAIR(VN_O, HK),  /* 1EC8 ỉ ị ọ ỏ */
    PAIR(VN_OO, AC), PAIR(VN_OO, GR), PAIR(VN_OO, HK), PAIR(VN_OO, TL), /* 1ED0 ố ồ ổ ỗ */
    PAIR(VN_OO, DT), PAIR(VN_OW, AC), PAIR(VN_OW, GR), PAIR(VN_OW, HK), /* 1ED8 ộ ớ ờ ở */
    PAIR(VN_OW, TL), PAIR(VN_OW, DT), PAIR(VN_U, DT),  PAIR(VN_U, HK),  /* 1EE0 ỡ ợ ụ ủ */
    PAIR(VN_UW, AC), PAIR(VN_UW, GR), PAIR(VN_UW, HK), PAIR(VN_UW, TL), /* 1EE8 ứ ừ ử ữ */
    PAIR(VN_UW, DT), PAIR(VN_Y, GR),  PAIR(VN_Y, DT),  PAIR(VN_Y, HK),  /* 1EF0 ự ỳ ỵ ỷ */
    PAIR(VN_Y, TL),                                                     /* 1EF8 ỹ */
};
/* clang-format on */

/* Lower-case code point of each vowel with each tone (ngang, huyền, sắc, hỏi, ngã, nặng). */
static const uint16_t vowel_cp[12][VN_TONE_COUNT] = {
    {0x0061, 0x00E0, 0x00E1, 0x1EA3, 0x00E3, 0x1EA1}, /* a */
    {0x0103, 0x1EB1, 0x1EAF, 0x1EB3, 0x1EB5, 0x1EB7}, /* ă */
    {0x00E2, 0x1EA7, 0x1EA5, 0x1EA9, 0x1EAB, 0x1EAD}, /* â */
    {0x0065, 0x00E8, 0x00E9, 0x1EBB, 0x1EBD, 0x1EB9}, /* e */
    {0x00EA, 0x1EC1, 0x1EBF, 0x1EC3, 0x1EC5, 0x1EC7}, /* ê */
    {0x0069, 0x00EC, 0x00ED, 0x1EC9, 0x0129, 0x1ECB}, /* i */
    {0x006F, 0x00F2, 0x00F3, 0x1ECF, 0x00F5, 0x1ECD}, /* o */
    {0x00F4, 0x1ED3, 0x1ED1, 0x1ED5, 0x1ED7, 0x1ED9}, /* ô */
    {0x01A1, 0x1EDD, 0x1EDB, 0x1EDF, 0x1EE1, 0x1EE3}, /* ơ */
    {0x0075, 0x00F9, 0x00FA, 0x1EE7, 0x0169, 0x1EE5}, /* u */
    {0x01B0, 0x1EEB, 0x1EE9, 0x1EED, 0x1EEF, 0x1EF1}, /* ư */
    {0x0079, 0x1EF3, 0x00FD, 0x1EF7, 0x1EF9, 0x1EF5}, /* y */
};

/* Base letter and modifier of each symbol. */
static const char sym_base[VN_SYM_COUNT] = {
    0,   'a', 'a', 'a', 'e', 'e', 'i', 'o', 'o', 'o', 'u', 'u', 'y', 'b', 'c', 'd', 'd',
    'g', 'h', 'k', 'l', 'm', 'n', 'p', 'q', 'r', 's', 't', 'v', 'x', 'f', 'j', 'w', 'z',
};

static const uint8_t sym_mod[VN_SYM_COUNT] = {
    [VN_AW] = VN_MOD_BREVE,      [VN_AA] = VN_MOD_CIRCUMFLEX, [VN_EE] = VN_MOD_CIRCUMFLEX,
    [VN_OO] = VN_MOD_CIRCUMFLEX, [VN_OW] = VN_MOD_HORN,       [VN_UW] = VN_MOD_HORN,
    [VN_DD] = VN_MOD_STROKE,
};

uint32_t vn_letter_code_point(vn_letter l)
{
    unsigned sym = vn_letter_sym(l), tone = vn_letter_tone(l);
    bool upper = vn_letter_is_upper(l);
    uint32_t cp;
    if (sym == VN_SYM_NONE || sym >= VN_SYM_COUNT || tone >= VN_TONE_COUNT) return 0;
    if (vn_sym_is_vowel(sym))
        cp = vowel_cp[sym - VN_A][tone];
    else if (tone != VN_TONE_NONE)
        return 0;
    else if (sym == VN_DD)
        cp = 0x111;
    else
        cp = (uint32_t)sym_base[sym];
    if (!upper) return cp;
    /* Upper case sits 0x20 below in ASCII and Latin-1, one below everywhere else. */
    return cp < 0x100 ? cp - 0x20 : cp - 1;
}

bool vn_letter_decompose(uint32_t cp, vn_letter_parts *out)
{
    vn_letter l = vn_letter_of(cp);
    if (!l) return false;
    out->base = sym_base[vn_letter_sym(l)];
    out->mod = sym_mod[vn_letter_sym(l)];
    out->tone = (uint8_t)vn_letter_tone(l);
    out->upper = vn_letter_is_upper(l);
    return true;
}

uint32_t vn_letter_compose(char base, unsigned mod, unsigned tone, bool upper)
{
    unsigned sym = vn_sym_make(base, mod);
    if (!sym || tone >= VN_TONE_COUNT) return 0;
    return vn_letter_code_point(vn_letter_pack(sym, tone, upper));
}

char vn_sym_base(unsigned sym)
{
    return sym < VN_SYM_COUNT ? sym_base[sym] : 0;
}

unsigned vn_sym_mod(unsigned sym)
{
    return sym < VN_SYM_COUNT ? sym_mod[sym] : 0;
}

unsigned vn_sym_make(char base, unsigned mod)
{
    if (base < 'a' || base > 'z') return 0;
    return vn_sym_add_mod(ascii_sym[base - 'a'], mod);
}

unsigned vn_sym_add_mod(unsigned sym, unsigned mod)
{
    switch (mod) {
    case VN_MOD_NONE:
        return sym;
    case VN_MOD_BREVE:
        return sym == VN_A ? VN_AW : 0;
    case VN_MOD_CIRCUMFLEX:
        return sym == VN_A ? VN_AA : sym == VN_E ? VN_EE : sym == VN_O ? VN_OO : 0;
    case VN_MOD_HORN:
        return sym == VN_O ? VN_OW : sym == VN_U ? VN_UW : 0;
    case VN_MOD_STROKE:
        return sym == VN_D ? VN_DD : 0;
    default:
        return 0;
    }
}

