/* TEMPORARY stand-in for the syllable checker, replaced when the syllable module lands. */
#include "syllable.h"

bool vn_syllable_valid_nfc(const unsigned char *s, size_t len)
{
    if (len == 0 || len > 24)
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned c = s[i] | 0x20u;
        if (s[i] < 0x80 && (c < 'a' || c > 'z' || c == 'f' || c == 'j' || c == 'w' || c == 'z'))
            return false;
    }
    return true;
}
