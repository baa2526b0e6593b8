/* Code charts of the legacy Vietnamese encodings, written down from the published standards. */
#include "legacy.h"

/* VISCII 1.1 (RFC 1456), bytes 80..FF. */
/* clang-format off */
const uint16_t vn_viscii_high[128] = {
    /* 80 */ 0x1EA0, 0x1EAE, 0x1EB0, 0x1EB6, 0x1EA4, 0x1EA6, 0x1EA8, 0x1EAC, /* Ạ Ắ Ằ Ặ Ấ Ầ Ẩ Ậ */
    /* 88 */ 0x1EBC, 0x1EB8, 0x1EBE, 0x1EC0, 0x1EC2, 0x1EC4, 0x1EC6, 0x1ED0, /* Ẽ Ẹ Ế Ề Ể Ễ Ệ Ố */
    /* 90 */ 0x1ED2, 0x1ED4, 0x1ED6, 0x1ED8, 0x1EE2, 0x1EDA, 0x1EDC, 0x1EDE, /* Ồ Ổ Ỗ Ộ Ợ Ớ Ờ Ở */
    /* 98 */ 0x1ECA, 0x1ECE, 0x1ECC, 0x1EC8, 0x1EE6, 0x0168, 0x1EE4, 0x1EF2, /* Ị Ỏ Ọ Ỉ Ủ Ũ Ụ Ỳ */
    /* A0 */ 0x00D5, 0x1EAF, 0x1EB1, 0x1EB7, 0x1EA5, 0x1EA7, 0x1EA9, 0x1EAD, /* Õ ắ ằ ặ ấ ầ ẩ ậ */
    /* A8 */ 0x1EBD, 0x1EB9, 0x1EBF, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EC7, 0x1ED1, /* ẽ ẹ ế ề ể ễ ệ ố */
    /* B0 */ 0x1ED3, 0x1ED5, 0x1ED7, 0x1EE0, 0x01A0, 0x1ED9, 0x1EDD, 0x1EDF, /* ồ ổ ỗ Ỡ Ơ ộ ờ ở */
    /* B8 */ 0x1ECB, 0x1EF0, 0x1EE8, 0x1EEA, 0x1EEC, 0x01A1, 0x1EDB, 0x01AF, /* ị Ự Ứ Ừ Ử ơ ớ Ư */
    /* C0 */ 0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x1EA2, 0x0102, 0x1EB3, 0x1EB5, /* À Á Â Ã Ả Ă ẳ ẵ */
    /* C8 */ 0x00C8, 0x00C9, 0x00CA, 0x1EBA, 0x00CC, 0x00CD, 0x0128, 0x1EF3, /* È É Ê Ẻ Ì Í Ĩ ỳ */
    /* D0 */ 0x0110, 0x1EE9, 0x00D2, 0x00D3, 0x00D4, 0x1EA1, 0x1EF7, 0x1EEB, /* Đ ứ Ò Ó Ô ạ ỷ ừ */
    /* D8 */ 0x1EED, 0x00D9, 0x00DA, 0x1EF9, 0x1EF5, 0x00DD, 0x1EE1, 0x01B0, /* ử Ù Ú ỹ ỵ Ý ỡ ư */
    /* E0 */ 0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x1EA3, 0x0103, 0x1EEF, 0x1EAB, /* à á â ã ả ă ữ ẫ */
    /* E8 */ 0x00E8, 0x00E9, 0x00EA, 0x1EBB, 0x00EC, 0x00ED, 0x0129, 0x1EC9, /* è é ê ẻ ì í ĩ ỉ */
    /* F0 */ 0x0111, 0x1EF1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x1ECF, 0x1ECD, /* đ ự ò ó ô õ ỏ ọ */
    /* F8 */ 0x1EE5, 0x00F9, 0x00FA, 0x0169, 0x1EE7, 0x00FD, 0x1EE3, 0x1EEE, /* ụ ù ú ũ ủ ý ợ Ữ */
};
/* clang-format on */

const vn_low_char vn_viscii_low[6] = {
    {0x02, 0x1EB2}, /* Ẳ */
    {0x05, 0x1EB4}, /* Ẵ */
    {0x06, 0x1EAA}, /* Ẫ */
    {0x14, 0x1EF6}, /* Ỷ */
    {0x19, 0x1EF8}, /* Ỹ */
    {0x1E, 0x1EF4}, /* Ỵ */
};

/* TCVN 5712:1993, the one-byte "ABC" font form (VN3), bytes 80..FF. The tones of each vowel
 * come in the order huyền, hỏi, ngã, sắc, nặng. B0..B4 are the spacing-free tone marks, read as
 * combining marks. */
/* clang-format off */
const uint16_t vn_tcvn3_high[128] = {
    /* 80 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* 90 */ 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    /* A0 */ 0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, /*   Ă Â Ê Ô Ơ Ư Đ */
    /* A8 */ 0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0,      /* ă â ê ô ơ ư đ   */
    /* B0 */ 0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3, /* ̀ ̉ ̃ ́ ̣ à ả ã */
    /* B8 */ 0x00E1, 0x1EA1, 0,      0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0,      /* á ạ   ằ ẳ ẵ ắ   */
    /* C0 */ 0,      0,      0,      0,      0,      0,      0x1EB7, 0x1EA7, /*             ặ ầ */
    /* C8 */ 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0,      0x1EBB, 0x1EBD, /* ẩ ẫ ấ ậ è   ẻ ẽ */
    /* D0 */ 0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, /* é ẹ ề ể ễ ế ệ ì */
    /* D8 */ 0x1EC9, 0,      0,      0,      0x0129, 0x00ED, 0x1ECB, 0x00F2, /* ỉ       ĩ í ị ò */
    /* E0 */ 0,      0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, /*   ỏ õ ó ọ ồ ổ ỗ */
    /* E8 */ 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9, /* ố ộ ờ ở ỡ ớ ợ ù */
    /* F0 */ 0,      0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, /*   ủ ũ ú ụ ừ ử ữ */
    /* F8 */ 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0,      /* ứ ự ỳ ỷ ỹ ý ỵ   */
};

/* Windows-1258, bytes 80..FF: Windows-1252's punctuation, Latin-1's letters except where
 * Vietnamese needs Ă Đ Ơ Ư, the five combining tone marks and the dong sign. */
const uint16_t vn_cp1258_high[128] = {
    /* 80 */ 0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* € ‚ ƒ „ … † ‡ */
    /* 88 */ 0x02C6, 0x2030, 0,      0x2039, 0x0152, 0,      0,      0,      /* ˆ ‰ ‹ Œ */
    /* 90 */ 0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* ‘ ’ “ ” • – — */
    /* 98 */ 0x02DC, 0x2122, 0,      0x203A, 0x0153, 0,      0,      0x0178, /* ˜ ™ › œ Ÿ */
    /* A0 */ 0x00A0, 0x00A1, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
    /* A8 */ 0x00A8, 0x00A9, 0x00AA, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
    /* B0 */ 0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
    /* B8 */ 0x00B8, 0x00B9, 0x00BA, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x00BF,
    /* C0 */ 0x00C0, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x00C5, 0x00C6, 0x00C7, /* À Á Â Ă Ä Å Æ Ç */
    /* C8 */ 0x00C8, 0x00C9, 0x00CA, 0x00CB, 0x0300, 0x00CD, 0x00CE, 0x00CF, /* È É Ê Ë ̀ Í Î Ï */
    /* D0 */ 0x0110, 0x00D1, 0x0309, 0x00D3, 0x00D4, 0x01A0, 0x00D6, 0x00D7, /* Đ Ñ ̉ Ó Ô Ơ Ö × */
    /* D8 */ 0x00D8, 0x00D9, 0x00DA, 0x00DB, 0x00DC, 0x01AF, 0x0303, 0x00DF, /* Ø Ù Ú Û Ü Ư ̃ ß */
    /* E0 */ 0x00E0, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x00E5, 0x00E6, 0x00E7, /* à á â ă ä å æ ç */
    /* E8 */ 0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0301, 0x00ED, 0x00EE, 0x00EF, /* è é ê ë ́ í î ï */
    /* F0 */ 0x0111, 0x00F1, 0x0323, 0x00F3, 0x00F4, 0x01A1, 0x00F6, 0x00F7, /* đ ñ ̣ ó ô ơ ö ÷ */
    /* F8 */ 0x00F8, 0x00F9, 0x00FA, 0x00FB, 0x00FC, 0x01B0, 0x20AB, 0x00FF, /* ø ù ú û ü ư ₫ ÿ */
};

/* Windows-1252, bytes 80..9F. */
const uint16_t vn_cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* € ‚ ƒ „ … † ‡ */
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,      /* ˆ ‰ Š ‹ Œ Ž */
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* ‘ ’ “ ” • – — */
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178, /* ˜ ™ š › œ ž Ÿ */
};
/* clang-format on */

/* VNI-Windows diacritic bytes, lower-case form (the capital form is 0x20 below). */
const vn_vni_mark vn_vni_marks[17] = {
    {0xE2, VN_MOD_CIRCUMFLEX, VN_TONE_NONE},  /* â */
    {0xE0, VN_MOD_CIRCUMFLEX, VN_TONE_GRAVE}, /* à */
    {0xE1, VN_MOD_CIRCUMFLEX, VN_TONE_ACUTE}, /* á */
    {0xE5, VN_MOD_CIRCUMFLEX, VN_TONE_HOOK},  /* å */
    {0xE3, VN_MOD_CIRCUMFLEX, VN_TONE_TILDE}, /* ã */
    {0xE4, VN_MOD_CIRCUMFLEX, VN_TONE_DOT},   /* ä */
    {0xEA, VN_MOD_BREVE, VN_TONE_NONE},       /* ê */
    {0xE8, VN_MOD_BREVE, VN_TONE_GRAVE},      /* è */
    {0xE9, VN_MOD_BREVE, VN_TONE_ACUTE},      /* é */
    {0xFA, VN_MOD_BREVE, VN_TONE_HOOK},       /* ú */
    {0xFC, VN_MOD_BREVE, VN_TONE_TILDE},      /* ü */
    {0xEB, VN_MOD_BREVE, VN_TONE_DOT},        /* ë */
    {0xF8, VN_MOD_NONE, VN_TONE_GRAVE},       /* ø */
    {0xF9, VN_MOD_NONE, VN_TONE_ACUTE},       /* ù */
    {0xFB, VN_MOD_NONE, VN_TONE_HOOK},        /* û */
    {0xF5, VN_MOD_NONE, VN_TONE_TILDE},       /* õ */
    {0xEF, VN_MOD_NONE, VN_TONE_DOT},         /* ï */
};

/* VNI-Windows bytes that are letters by themselves, lower-case form. */
const vn_vni_letter vn_vni_letters[8] = {
    {0xF4, VN_OW, VN_TONE_NONE}, /* ô: ơ */
    {0xF6, VN_UW, VN_TONE_NONE}, /* ö: ư */
    {0xF1, VN_DD, VN_TONE_NONE}, /* ñ: đ */
    {0xEC, VN_I, VN_TONE_GRAVE}, /* ì: ì */
    {0xED, VN_I, VN_TONE_ACUTE}, /* í: í */
    {0xE6, VN_I, VN_TONE_HOOK},  /* æ: ỉ */
    {0xF3, VN_I, VN_TONE_TILDE}, /* ó: ĩ */
    {0xF2, VN_I, VN_TONE_DOT},   /* ò: ị */
};

/* VIQR (RFC 1456): modifiers ( ^ + (and * for the horn), tones ' ` ? ~ . */
unsigned vn_viqr_mod_of(unsigned char c)
{
    switch (c) {
    case '(':
        return VN_MOD_BREVE;
    case '^':
        return VN_MOD_CIRCUMFLEX;
    case '+':
    case '*':
        return VN_MOD_HORN;
    default:
        return VN_MOD_NONE;
    }
}

unsigned vn_viqr_tone_of(unsigned char c)
{
    switch (c) {
    case '`':
        return VN_TONE_GRAVE;
    case '\'':
        return VN_TONE_ACUTE;
    case '?':
        return VN_TONE_HOOK;
    case '~':
        return VN_TONE_TILDE;
    case '.':
        return VN_TONE_DOT;
    default:
        return VN_TONE_NONE;
    }
}

char vn_viqr_mod_char(unsigned mod)
{
    static const char chars[] = {0, '(', '^', '+'};
    return mod < sizeof chars ? chars[mod] : 0;
}

char vn_viqr_tone_char(unsigned tone)
{
    static const char chars[] = {0, '`', '\'', '?', '~', '.'};
    return tone < sizeof chars ? chars[tone] : 0;
}

uint32_t vn_cp1252_char(unsigned b)
{
    if (b < 0x80 || (b >= 0xA0 && b <= 0xFF)) return b;
    if (b < 0xA0) return vn_cp1252_high[b - 0x80];
    return 0;
}

int vn_cp1252_byte(uint32_t cp, bool latin1)
{
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return (int)cp;
    if (cp < 0xA0) return latin1 ? (int)cp : -1;
    switch (cp) { /* vn_cp1252_high, inverted */
    case 0x20AC:
        return 0x80;
    case 0x201A:
        return 0x82;
    case 0x0192:
        return 0x83;
    case 0x201E:
        return 0x84;
    case 0x2026:
        return 0x85;
    case 0x2020:
        return 0x86;
    case 0x2021:
        return 0x87;
    case 0x02C6:
        return 0x88;
    case 0x2030:
        return 0x89;
    case 0x0160:
        return 0x8A;
    case 0x2039:
        return 0x8B;
    case 0x0152:
        return 0x8C;
    case 0x017D:
        return 0x8E;
    case 0x2018:
        return 0x91;
    case 0x2019:
        return 0x92;
    case 0x201C:
        return 0x93;
    case 0x201D:
        return 0x94;
    case 0x2022:
        return 0x95;
    case 0x2013:
        return 0x96;
    case 0x2014:
        return 0x97;
    case 0x02DC:
        return 0x98;
    case 0x2122:
        return 0x99;
    case 0x0161:
        return 0x9A;
    case 0x203A:
        return 0x9B;
    case 0x0153:
        return 0x9C;
    case 0x017E:
        return 0x9E;
    case 0x0178:
        return 0x9F;
    default:
        return -1;
    }
}
