/* Case folding and accent folding for search keys; Vietnamese letters by table (Đ -> D). */
#include <utf8proc.h>

#include "norm_passes.h"
#include "utf8.h"

vnseg_status vn_pass_casefold(vn_emit *e)
{
    const unsigned char *s = e->in, *end = s + e->in_len;
    size_t len = e->in_len;
    for (size_t i = 0; i < len;) {
        unsigned c = s[i];
        if (c < 0x80) {
            if (c - 'A' < 26u) {
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
        unsigned char buf[4 * 8];
        size_t n = 0;
        vn_letter l = vn_letter_of(cp);
        if (l) {
            if (vn_letter_is_upper(l))
                n = (size_t)vn_utf8_encode(vn_letter_code_point(l & ~VN_LETTER_UPPER), buf);
        } else if (utf8proc_get_property((utf8proc_int32_t)cp)->casefold_seqindex != UINT16_MAX) {
            utf8proc_int32_t cps[8];
            int last = 0;
            utf8proc_ssize_t m =
                utf8proc_decompose_char((utf8proc_int32_t)cp, cps, 8, UTF8PROC_CASEFOLD, &last);
            for (utf8proc_ssize_t j = 0; m <= 8 && j < m; j++)
                n += (size_t)vn_utf8_encode((uint32_t)cps[j], buf + n);
        }
        if (n) vn_emit_unit(e, i, i + (size_t)k, buf, n);
        i += (size_t)k;
    }
    return VNSEG_OK;
}

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
    case 0x00D8:
        return 'O'; /* Ø */
    case 0x00F8:
        return 'o'; /* ø */
    case 0x0141:
        return 'L'; /* Ł */
    case 0x0142:
        return 'l'; /* ł */
    default:
        return 0;
    }
}

vnseg_status vn_pass_fold(vn_emit *e)
{
    const unsigned char *s = e->in, *end = s + e->in_len;
    size_t len = e->in_len;
    for (size_t i = 0; i < len;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        int k = vn_utf8_decode(s + i, end, &cp);
        if (k < 0) {
            i += (size_t)-k;
            continue;
        }
        size_t to = i + (size_t)k;
        vn_letter_parts p;
        char base = vn_fold_stroke(cp);
        if (vn_letter_decompose(cp, &p)) {
            char c = (char)(p.upper ? p.base - 0x20 : p.base);
            vn_emit_unit(e, i, to, &c, 1);
        } else if (base) {
            vn_emit_unit(e, i, to, &base, 1);
        } else if (vn_fold_mark(cp)) {
            vn_emit_delete(e, i, to);
        } else {
            /* Drop the diacritics of the canonical decomposition, if it has any. */
            utf8proc_int32_t cps[8];
            int last = 0;
            utf8proc_ssize_t m =
                utf8proc_decompose_char((utf8proc_int32_t)cp, cps, 8, UTF8PROC_DECOMPOSE, &last);
            bool any = false;
            for (utf8proc_ssize_t j = 0; j < m && j < 8; j++)
                any |= vn_fold_mark((uint32_t)cps[j]);
            if (m > 1 && m <= 8 && any) {
                unsigned char buf[4 * 8];
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
                vn_emit_unit(e, i, to, buf, n);
            }
        }
        i = to;
    }
    return VNSEG_OK;
}
