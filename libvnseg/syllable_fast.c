/* Fast syllable check for NFC input: the tokenizer runs it on every syllable it sees. */
#include "syllable.h"

bool vn_syllable_valid_nfc(const unsigned char *s, size_t len)
{
    uint8_t sym[VN_SYL_MAX_LETTERS + 4] = {0};
    unsigned n = 0, tones = 0, tone = VN_TONE_NONE, tone_pos = 0;
    if (len == 0 || len > 3 * VN_SYL_MAX_LETTERS)
        return false;
    const unsigned char *end = s + len;
    while (s < end) {
        unsigned c = *s;
        vn_letter l;
        if (c < 0x80) {
            unsigned low = c | 0x20u;
            if (low - 'a' > 'z' - 'a')
                return false;
            l = vn_ascii_sym[low - 'a'];
            s++;
        } else if (c >= 0xC3 && c <= 0xC6) {
            /* U+00C0..U+01BF: Latin-1 letters, ă đ ĩ ũ ơ ư. */
            if (end - s < 2 || (s[1] & 0xC0) != 0x80)
                return false;
            l = vn_letter_of((c & 0x1Fu) << 6 | (s[1] & 0x3Fu));
            s += 2;
        } else if (c == 0xE1) {
            /* U+1EA0..U+1EF9 are E1 BA A0 .. E1 BB B9. */
            if (end - s < 3 || (s[1] != 0xBA && s[1] != 0xBB) || (s[2] & 0xC0) != 0x80)
                return false;
            unsigned cp = 0x1E00u | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu);
            if (cp < 0x1EA0 || cp > 0x1EF9)
                return false;
            l = vn_viet_tab[cp - 0x1EA0];
            s += 3;
        } else {
            return false;
        }
        unsigned t = vn_letter_tone(l);
        if (!l || n == VN_SYL_MAX_LETTERS)
            return false;
        if (t) {
            tones++;
            tone = t;
            tone_pos = n;
        }
        sym[n++] = (uint8_t)vn_letter_sym(l);
    }
    vn_syl syl;
    if (tones > 1 || !vn_syl_parse(sym, n, &syl))
        return false;
    return vn_syl_tone_place(&syl, tone, tone_pos) != VN_PLACE_BAD;
}
