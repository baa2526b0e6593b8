/* Character-level cleaning: UTF-8 check or repair, invisible characters, spaces, old marks. */
#include <unicode/uchar.h>

#include "chars.h"
#include "norm_passes.h"
#include "utf8.h"

void vn_spans_add(vn_spans *s, size_t offset, size_t len)
{
    if (s->failed) return;
    if (!vn_grow((void **)&s->v, &s->cap, 2 * s->n + 2, sizeof *s->v)) {
        s->failed = true;
        return;
    }
    s->v[2 * s->n] = offset;
    s->v[2 * s->n + 1] = len;
    s->n++;
}

/* Invisible characters the INVISIBLE step removes (ZWJ is decided by its neighbours). */
static bool removed_invisible(uint32_t cp)
{
    switch (cp) {
    case 0x00AD: /* soft hyphen */
    case 0x061C: /* Arabic letter mark */
    case 0x200B: /* zero width space */
    case 0x200C: /* zero width non-joiner */
    case 0x200E: /* left-to-right mark */
    case 0x200F: /* right-to-left mark */
    case 0x2060: /* word joiner */
    case 0xFEFF: /* byte order mark, zero width no-break space */
        return true;
    default:
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }
}

static bool is_unicode_space(uint32_t cp)
{
    return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000;
}

/* The code point that ends just before s[i], or 0. */
static uint32_t char_before(const unsigned char *s, size_t i)
{
    size_t j = i;
    while (j > 0 && i - j < 4) {
        j--;
        if ((s[j] & 0xC0) != 0x80) break;
    }
    uint32_t cp = 0;
    return j < i && vn_utf8_decode(s + j, s + i, &cp) == (int)(i - j) ? cp : 0;
}

/* A ZWJ at s[i] stays between two emoji. */
static bool zwj_joins_emoji(const unsigned char *s, size_t len, size_t i)
{
    uint32_t before = char_before(s, i), after = 0;
    if (i + 3 >= len || vn_utf8_decode(s + i + 3, s + len, &after) < 0) return false;
    bool left = u_hasBinaryProperty((UChar32)before, UCHAR_EXTENDED_PICTOGRAPHIC) ||
                u_hasBinaryProperty((UChar32)before, UCHAR_EMOJI_MODIFIER) || before == 0xFE0F;
    return left && u_hasBinaryProperty((UChar32)after, UCHAR_EXTENDED_PICTOGRAPHIC);
}

vnseg_status vn_pass_clean(vn_emit *e, uint32_t steps, vn_spans *bad)
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
            if (!(steps & VNSEG_NORM_LENIENT))
                return vn_fail(VNSEG_E_INVALID_UTF8, i, 0, "invalid UTF-8 at byte %zu", i);
            vn_spans_add(bad, i, (size_t)-k);
            vn_emit_unit(e, i, i + (size_t)-k, VN_REPLACEMENT_UTF8, VN_REPLACEMENT_LEN);
            i += (size_t)-k;
            continue;
        }
        if ((steps & VNSEG_NORM_INVISIBLE) &&
            (removed_invisible(cp) || (cp == 0x200D && !zwj_joins_emoji(s, len, i))))
            vn_emit_delete(e, i, i + (size_t)k);
        else if ((steps & VNSEG_NORM_SPACES) && is_unicode_space(cp))
            vn_emit_unit(e, i, i + (size_t)k, " ", 1);
        else if ((steps & VNSEG_NORM_MARKS) && (cp == 0x340 || cp == 0x341))
            vn_emit_unit(e, i, i + 2, cp == 0x340 ? "\xCC\x80" : "\xCC\x81", 2);
        i += (size_t)k;
    }
    return bad->failed ? VNSEG_E_NOMEM : VNSEG_OK;
}
