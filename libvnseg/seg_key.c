/* Syllable keys for the segmentation model: one key for every spelling of a syllable (NFC or
 * NFD, any case, old or new tone placement), from the syllable module's letter tables; and the
 * token shapes the features see. */
#include <string.h>

#include "chars.h"
#include "seg_model.h"
#include "utf8.h"
#include "vnletter.h"

static inline uint64_t step(uint64_t h, uint32_t code)
{
    return (h ^ code) * 0x100000001B3ull;
}

#define SYM_CODE 0x80000000u /* letter symbols, kept apart from code points */

/* Letters go in as their symbol (base letter and modifier, from the syllable module's letter
 * tables), without case and tone; combining modifiers join the letter before them; the tone
 * is added once at the end, wherever its mark stood. Other characters go in lower-cased. */
uint64_t vn_seg_key(const unsigned char *s, size_t n)
{
    uint64_t h = 0xCBF29CE484222325ull;
    unsigned tone = 0, pending = 0;
    const unsigned char *p = s, *end = s + n;
    while (p < end) {
        uint32_t cp;
        int k = vn_utf8_decode(p, end, &cp);
        if (k < 0) {
            cp = VN_REPLACEMENT;
            k = -k;
        }
        p += k;
        vn_letter l = vn_letter_of(cp);
        if (l) {
            if (pending) h = step(h, SYM_CODE | pending);
            pending = vn_letter_sym(l);
            if (vn_letter_tone(l)) tone = tone * 8 + vn_letter_tone(l);
            continue;
        }
        unsigned mod = 0, t = 0;
        if (vn_mark_of(cp, &mod, &t)) {
            unsigned with = pending && mod ? vn_sym_add_mod(pending, mod) : 0;
            if (t)
                tone = tone * 8 + t;
            else if (with)
                pending = with;
            else
                h = step(h, cp);
            continue;
        }
        if (cp >= 0x80 && (vn_char_class(cp) & VC_INVIS)) continue;
        if (pending) h = step(h, SYM_CODE | pending);
        pending = 0;
        h = step(h, cp < 0x80 ? cp : vn_char_lower(cp));
    }
    if (pending) h = step(h, SYM_CODE | pending);
    return vn_mix(h, tone);
}

/* Keys of the token classes whose spelling does not matter. */
#define KEY_NUMBER 0x4E554D4245520001ull
#define KEY_LINK 0x4C494E4B00000002ull

void vn_seg_token_key(const unsigned char *text, const vnseg_token *t, uint64_t *key,
                      uint8_t *shape)
{
    const unsigned char *s = text + t->offset;
    switch (t->kind) {
    case VNSEG_KIND_NUMBER:
    case VNSEG_KIND_DATETIME:
        *key = KEY_NUMBER;
        *shape = VN_SH_NUMBER;
        return;
    case VNSEG_KIND_URL:
    case VNSEG_KIND_EMAIL:
        *key = KEY_LINK;
        *shape = VN_SH_OTHER;
        return;
    case VNSEG_KIND_SYMBOL:
        *shape = VN_SH_OTHER;
        break;
    case VNSEG_KIND_WORD: {
        uint32_t f = t->flags;
        if (f & VNSEG_TF_HAS_DIGIT)
            *shape = VN_SH_MIXED;
        else if (f & VNSEG_TF_NOT_VIETNAMESE)
            *shape = f & VNSEG_TF_CAPITALIZED ? VN_SH_FOREIGN_CAP : VN_SH_FOREIGN;
        else if ((f & VNSEG_TF_ALL_CAPS) && t->length > 1 &&
                 vn_utf8_step(s, s + t->length) < t->length)
            *shape = VN_SH_CAPS;
        else
            *shape = f & VNSEG_TF_CAPITALIZED ? VN_SH_CAP : VN_SH_LOWER;
        break;
    }
    default:
        *shape = VN_SH_PUNCT;
        break;
    }
    *key = vn_seg_key(s, t->length);
}
