/* Syllable checker and parser for any normalization form: read letters and marks, then parse. */
#include <string.h>

#include "internal.h"
#include "syllable.h"
#include "utf8dec.h"
#include "vnseg/syllable.h"

/* Bytes of the first version of vnseg_syllable (up to and including `tone`). */
#define SYLLABLE_V1_SIZE 52u
_Static_assert(sizeof(vnseg_syllable) >= SYLLABLE_V1_SIZE, "vnseg_syllable may only grow");

static bool fail_read(vn_syl_text *t, unsigned error, size_t at)
{
    t->error = (uint8_t)error;
    t->error_at = at;
    return false;
}

/* Merge a combining mark into the last letter read. */
static bool add_mark(vn_syl_text *t, unsigned mod, unsigned tone)
{
    if (t->n == 0) return false;
    vn_letter l = vn_letter_add_marks(t->letter[t->n - 1], mod, tone);
    if (!l) return false;
    t->letter[t->n - 1] = l;
    t->sym[t->n - 1] = (uint8_t)vn_letter_sym(l);
    t->marks = true;
    return true;
}

bool vn_syl_read(const unsigned char *s, size_t len, vn_syl_text *t)
{
    memset(t, 0, sizeof *t);
    if (len == 0) return fail_read(t, VN_READ_EMPTY, 0);
    if (len > VN_SYL_MAX_BYTES) return fail_read(t, VN_READ_LONG, 0);
    for (size_t i = 0; i < len;) {
        uint32_t cp = 0;
        size_t k = vn_utf8_decode_len(s + i, len - i, &cp);
        if (k == 0) return fail_read(t, VN_READ_UTF8, i);
        vn_letter l = vn_letter_of(cp);
        unsigned mod, tone;
        if (l && vn_letter_sym(l) < VN_F) {
            if (t->n == VN_SYL_MAX_LETTERS) return fail_read(t, VN_READ_LONG, i);
            t->start[t->n] = (uint8_t)i;
            t->letter[t->n] = l;
            t->sym[t->n] = (uint8_t)vn_letter_sym(l);
            t->n++;
        } else if (vn_mark_of(cp, &mod, &tone)) {
            if (!add_mark(t, mod, tone)) return fail_read(t, VN_READ_MARK, i);
        } else {
            return fail_read(t, VN_READ_CHAR, i);
        }
        i += k;
    }
    t->start[t->n] = (uint8_t)len;
    for (unsigned j = 0; j < t->n; j++) {
        unsigned tone = vn_letter_tone(t->letter[j]);
        if (tone != VN_TONE_NONE) {
            t->tones++;
            t->tone = tone;
            t->tone_pos = j;
        }
    }
    return true;
}

/* Why a string is not a syllable, for the error message. */
enum verdict { V_OK, V_READ, V_SPELLING, V_TONES, V_TONE_FIT, V_TONE_PLACE };

static enum verdict judge(const char *s, size_t len, vn_syl_text *t, vn_syl *syl,
                          enum vn_place *place)
{
    if (!s || !vn_syl_read((const unsigned char *)s, len, t)) return V_READ;
    if (!vn_syl_parse(t->sym, t->n, syl)) return V_SPELLING;
    if (t->tones > 1) return V_TONES;
    if (!vn_syl_tone_fits(syl, t->tone)) return V_TONE_FIT;
    *place = vn_syl_tone_place(syl, t->tone, t->tone_pos);
    return *place == VN_PLACE_BAD ? V_TONE_PLACE : V_OK;
}

VNSEG_EXPORT int vnseg_syllable_check(const char *s, size_t len)
{
    if (vn_len_impossible(s, len)) return 0;
    vn_syl_text t;
    vn_syl syl;
    enum vn_place place;
    return judge(s, len, &t, &syl, &place) == V_OK;
}

static vnseg_syllable_part part(const vn_syl_text *t, unsigned first, unsigned count)
{
    vnseg_syllable_part p = {t->start[first],
                             (uint32_t)(t->start[first + count] - t->start[first])};
    return p;
}

static uint32_t case_flags(const vn_syl_text *t)
{
    unsigned upper = 0;
    for (unsigned j = 0; j < t->n; j++)
        upper += vn_letter_is_upper(t->letter[j]);
    bool first = vn_letter_is_upper(t->letter[0]);
    if (upper == t->n) return VNSEG_SYL_CAPITALIZED | VNSEG_SYL_ALL_CAPS;
    if (upper == 0) return 0;
    if (first && upper == 1) return VNSEG_SYL_CAPITALIZED;
    return (first ? VNSEG_SYL_CAPITALIZED : 0u) | VNSEG_SYL_MIXED_CASE;
}

static vnseg_status not_a_syllable(enum verdict v, const vn_syl_text *t)
{
    static const char *const read_why[] = {
        "",
        "empty string",
        "too long for a syllable",
        "invalid UTF-8",
        "a character that is not a Vietnamese letter",
        "a combining mark that does not fit",
    };
    switch (v) {
    case V_READ:
        return vn_fail(VNSEG_E_INVALID_ARG, t->error_at, 0, "not a syllable: %s at byte %zu",
                       read_why[t->error], t->error_at);
    case V_SPELLING:
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "not a syllable: the letters spell no Vietnamese onset and rhyme");
    case V_TONES:
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "not a syllable: more than one tone mark");
    case V_TONE_FIT:
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "not a syllable: a stop coda (c ch p t) needs sắc or nặng");
    default:
        return vn_fail(VNSEG_E_INVALID_ARG, t->start[t->tone_pos], 0,
                       "not a syllable: tone mark on the wrong letter (byte %u)",
                       (unsigned)t->start[t->tone_pos]);
    }
}

VNSEG_EXPORT vnseg_status vnseg_syllable_parse(const char *s, size_t len, vnseg_syllable *out)
{
    VN_CHECK_LEN("vnseg_syllable_parse", s, len);
    if (!out || (!s && len > 0))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "NULL argument");
    if (out->size < SYLLABLE_V1_SIZE)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_syllable.size is %u; set it to sizeof(vnseg_syllable)",
                       (unsigned)out->size);
    vn_syl_text t;
    vn_syl syl;
    enum vn_place place = VN_PLACE_BAD;
    enum verdict v = judge(s ? s : "", len, &t, &syl, &place);
    if (v != V_OK) return not_a_syllable(v, &t);

    vnseg_syllable r;
    memset(&r, 0, sizeof r);
    r.size = out->size;
    r.flags = case_flags(&t);
    if (t.marks) r.flags |= VNSEG_SYL_NOT_NFC;
    if (syl.flags & VN_SYL_F_GI_SHARED) r.flags |= VNSEG_SYL_GI_SHARED;
    if (syl.flags & VN_SYL_F_MARGINAL) r.flags |= VNSEG_SYL_MARGINAL;
    if (t.tones && syl.old_pos != syl.main_pos)
        r.flags |= place == VN_PLACE_OLD ? VNSEG_SYL_OLD_STYLE : VNSEG_SYL_NEW_STYLE;
    r.onset = part(&t, 0, syl.onset_len);
    r.medial = syl.medial == VN_SYL_NO_POS ? part(&t, syl.nuc_pos, 0) : part(&t, syl.medial, 1);
    r.nucleus = part(&t, syl.nuc_pos, syl.nuc_len);
    r.coda = part(&t, syl.coda_pos, syl.coda_len);
    r.tone = t.tones ? t.tone : VNSEG_TONE_NGANG;
    r.tone_letter = t.tones ? part(&t, t.tone_pos, 1) : part(&t, syl.main_pos, 0);
    size_t n = out->size < sizeof r ? out->size : sizeof r;
    memcpy(out, &r, n);
    return VNSEG_OK;
}
