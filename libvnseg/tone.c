/* Tone-mark placement over a whole text: old/new style conversion and repair of misplaced marks. */
#include <string.h>
#include <utf8proc.h>

#include "internal.h"
#include "syllable.h"
#include "utf8dec.h"
#include "vnseg/syllable.h"

enum { KEEP_STYLE = 0 };

/* Output that counts every byte and stores those that fit. */
typedef struct sink {
    unsigned char *out;
    size_t cap;
    size_t len;
} sink;

static void put(sink *k, const void *bytes, size_t n)
{
    if (k->len < k->cap) {
        size_t room = k->cap - k->len;
        memcpy(k->out + k->len, bytes, n < room ? n : room);
    }
    k->len += n;
}

/* Length of the character at s if it belongs in a run (a letter or a combining mark), else 0. */
static size_t run_char(const unsigned char *s, size_t len)
{
    if (s[0] < 0x80) return ((s[0] | 0x20u) - 'a' <= 'z' - 'a') ? 1 : 0;
    uint32_t cp = 0;
    size_t k = vn_utf8_decode_len(s, len, &cp);
    if (k == 0) return 0;
    if (vn_letter_of(cp)) return k;
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return k;
    default:
        return 0;
    }
}

/* Give ưo / uơ before a coda its second horn when that makes a valid syllable (lưọng, luợng).
 * Updates t->sym and *syl; false when no such pair or the result is still no syllable. */
static bool repair_horn(vn_syl_text *t, vn_syl *syl)
{
    for (unsigned j = 0; j + 1 < t->n; j++) {
        unsigned a = t->sym[j], b = t->sym[j + 1];
        if (!((a == VN_UW && b == VN_O) || (a == VN_U && b == VN_OW))) continue;
        uint8_t saved[2] = {t->sym[j], t->sym[j + 1]};
        t->sym[j] = VN_UW;
        t->sym[j + 1] = VN_OW;
        if (vn_syl_parse(t->sym, t->n, syl) && syl->nucleus == VN_NU_UOW && syl->nuc_pos == j)
            return true;
        t->sym[j] = saved[0];
        t->sym[j + 1] = saved[1];
        return false;
    }
    return false;
}

/* Write the letters of t to the sink, its tone mark moved (or its horn added) as style and
 * repair ask; false, writing nothing, when the text it was read from stays as it is. */
static bool rewrite(vn_syl_text *t, unsigned style, bool repair, sink *k)
{
    vn_syl syl;
    bool horn = false;
    unsigned pos = t->tone_pos;
    if (!vn_syl_parse(t->sym, t->n, &syl)) {
        if (!repair || !repair_horn(t, &syl) || !vn_syl_tone_fits(&syl, t->tone)) return false;
        horn = true;
        pos = syl.main_pos;
    } else if (vn_syl_tone_place(&syl, t->tone, pos) == VN_PLACE_BAD) {
        if (!repair || !vn_syl_tone_fits(&syl, t->tone)) return false;
        pos = syl.main_pos;
    }
    if (t->tones && style == VNSEG_TONE_STYLE_NEW)
        pos = syl.main_pos;
    else if (t->tones && style == VNSEG_TONE_STYLE_OLD)
        pos = syl.old_pos;
    if (!horn && (t->tones == 0 || pos == t->tone_pos)) return false;
    unsigned char buf[4];
    for (unsigned j = 0; j < t->n; j++) {
        unsigned tone = (t->tones && j == pos) ? t->tone : VN_TONE_NONE;
        vn_letter l = vn_letter_pack(t->sym[j], tone, vn_letter_is_upper(t->letter[j]));
        put(k, buf, vn_utf8_encode(vn_letter_code_point(l), buf));
    }
    return true;
}

size_t vn_tone_rewrite(vn_syl_text *t, int style, unsigned char *out, size_t cap)
{
    unsigned base = (unsigned)style & ~(unsigned)VNSEG_TONE_REPAIR;
    bool repair = base == KEEP_STYLE || (style & VNSEG_TONE_REPAIR);
    sink k = {out, cap, 0};
    if (t->tones > 1 || !rewrite(t, base, repair, &k)) return 0;
    return k.len;
}

/* Copy one run to the sink, rewritten when its tone mark has to move (or its horn added). */
static void convert_run(const unsigned char *s, size_t len, unsigned style, bool repair, sink *k)
{
    vn_syl_text t;
    if (!vn_syl_read(s, len, &t) || t.tones > 1 || !rewrite(&t, style, repair, k)) put(k, s, len);
}

static vnseg_status convert(const char *text, size_t len, unsigned style, bool repair, char *out,
                            size_t cap, size_t *out_len)
{
    if (!out_len || (!text && len > 0) || (!out && cap > 0))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "NULL argument");
    const unsigned char *s = (const unsigned char *)text;
    sink k = {(unsigned char *)out, out ? cap : 0, 0};
    size_t i = 0;
    while (i < len) {
        size_t c = run_char(s + i, len - i), j = i;
        if (c == 0) {
            /* A separator, or a byte of invalid UTF-8: copied as it is. */
            uint32_t cp = 0;
            size_t n = vn_utf8_decode_len(s + i, len - i, &cp);
            put(&k, s + i, n ? n : 1);
            i += n ? n : 1;
            continue;
        }
        while (j < len && (c = run_char(s + j, len - j)) != 0)
            j += c;
        convert_run(s + i, j - i, style, repair, &k);
        i = j;
    }
    *out_len = k.len;
    if (out && k.len > cap)
        return vn_fail(VNSEG_E_BUFFER, VNSEG_NO_OFFSET, 0,
                       "output needs %zu bytes, the buffer holds %zu", k.len, cap);
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_tone_style(const char *text, size_t len, int style, char *out,
                                           size_t cap, size_t *out_len)
{
    VN_CHECK_LEN("vnseg_tone_style", text, len);
    unsigned base = (unsigned)style & ~(unsigned)VNSEG_TONE_REPAIR;
    if (style < 0 || (base != VNSEG_TONE_STYLE_NEW && base != VNSEG_TONE_STYLE_OLD))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "unknown tone style %d", style);
    return convert(text, len, base, (style & VNSEG_TONE_REPAIR) != 0, out, cap, out_len);
}

VNSEG_EXPORT vnseg_status vnseg_tone_repair(const char *text, size_t len, char *out, size_t cap,
                                            size_t *out_len)
{
    VN_CHECK_LEN("vnseg_tone_repair", text, len);
    return convert(text, len, KEEP_STYLE, true, out, cap, out_len);
}
