/* Case folding and accent folding for search keys, character by character (Vietnamese letters
 * by table: Đ -> D); one pass applies either or both. */
#include <utf8proc.h>

#include "norm_passes.h"
#include "utf8.h"

bool vn_fold_mark(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0xFE20 && cp <= 0xFE2F);
}

char vn_fold_stroke(uint32_t cp)
{
    switch (cp) {
    case 0x00D0: /* Ð */
    case 0x0189: /* Ɖ */
    case 0x0110: /* Đ */
        return 'D';
    case 0x00F0: /* ð */
    case 0x0256: /* ɖ */
    case 0x0111: /* đ */
        return 'd';
    case 0x00D8: return 'O'; /* Ø */
    case 0x00F8: return 'o'; /* ø */
    case 0x0141: return 'L'; /* Ł */
    case 0x0142: return 'l'; /* ł */
    default: return 0;
    }
}

/* Full case folding of cp into out (room for 8 code points); returns how many. */
static size_t casefold_cp(uint32_t cp, uint32_t *out)
{
    if (cp < 0x80) {
        out[0] = cp - 'A' < 26u ? cp + 0x20 : cp;
        return 1;
    }
    vn_letter l = vn_letter_of(cp);
    if (l) {
        out[0] = vn_letter_is_upper(l) ? vn_letter_code_point(l & ~VN_LETTER_UPPER) : cp;
        return 1;
    }
    if (utf8proc_get_property((utf8proc_int32_t)cp)->casefold_seqindex != UINT16_MAX) {
        utf8proc_int32_t cps[8];
        int last = 0;
        utf8proc_ssize_t m =
            utf8proc_decompose_char((utf8proc_int32_t)cp, cps, 8, UTF8PROC_CASEFOLD, &last);
        if (m > 0 && m <= 8) {
            for (utf8proc_ssize_t j = 0; j < m; j++)
                out[j] = (uint32_t)cps[j];
            return (size_t)m;
        }
    }
    out[0] = cp;
    return 1;
}

/* Accent folding of cp, written as UTF-8 to buf (room for 32 bytes); returns the bytes (0:
 * the character is removed). */
static size_t fold_cp(uint32_t cp, unsigned char *buf)
{
    if (cp < 0x80) {
        buf[0] = (unsigned char)cp;
        return 1;
    }
    vn_letter_parts p;
    char base = vn_fold_stroke(cp);
    if (vn_letter_decompose(cp, &p)) {
        buf[0] = (unsigned char)(p.upper ? p.base - 0x20 : p.base);
        return 1;
    }
    if (base) {
        buf[0] = (unsigned char)base;
        return 1;
    }
    if (vn_fold_mark(cp)) return 0;
    /* Drop the diacritics of the canonical decomposition, if it has any. */
    utf8proc_int32_t cps[8];
    int last = 0;
    utf8proc_ssize_t m =
        utf8proc_decompose_char((utf8proc_int32_t)cp, cps, 8, UTF8PROC_DECOMPOSE, &last);
    bool any = false;
    for (utf8proc_ssize_t j = 0; j < m && j < 8; j++)
        any |= vn_fold_mark((uint32_t)cps[j]);
    if (m <= 1 || m > 8 || !any) return (size_t)vn_utf8_encode(cp, buf);
    size_t n = 0;
    for (utf8proc_ssize_t j = 0; j < m; j++) {
        uint32_t c = (uint32_t)cps[j];
        char b = vn_fold_stroke(c);
        if (vn_fold_mark(c)) continue;
        if (b)
            buf[n++] = (unsigned char)b;
        else
            n += (size_t)vn_utf8_encode(c, buf + n);
    }
    return n;
}

vnseg_status vn_pass_fold(vn_emit *e, bool casefold, bool fold)
{
    const unsigned char *s = e->in, *end = s + e->in_len;
    size_t len = e->in_len;
    for (size_t i = 0; i < len;) {
        unsigned c = s[i];
        if (c < 0x80) {
            if (casefold && c - 'A' < 26u) {
                char lower = (char)(c + 0x20);
                vn_emit_unit(e, i, i + 1, &lower, 1);
            }
            i++;
            continue;
        }
        uint32_t cp;
        int k = vn_utf8_decode(s + i, end, &cp);
        if (k < 0) {
            i += (size_t)-k;
            continue;
        }
        uint32_t cps[8] = {cp};
        size_t m = casefold ? casefold_cp(cp, cps) : 1, n = 0;
        unsigned char buf[8 * 32];
        for (size_t j = 0; j < m; j++)
            n += fold ? fold_cp(cps[j], buf + n) : (size_t)vn_utf8_encode(cps[j], buf + n);
        vn_emit_unit(e, i, i + (size_t)k, buf, n); /* equal bytes stay a copy */
        i += (size_t)k;
    }
    return VNSEG_OK;
}
