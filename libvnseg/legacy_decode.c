/* Decoders of TCVN3, VNI, VIQR, VISCII and Windows-1258 to NFC UTF-8, letter by letter, with
 * every byte that spells no character reported instead of dropped. */
#include "legacy.h"
#include "utf8.h"
#include "vnseg/normalize.h"

static const unsigned char replacement[3] = {0xEF, 0xBF, 0xBD};

static void put_cp(vn_emit *e, size_t from, size_t to, uint32_t cp)
{
    unsigned char b[4];
    vn_emit_unit(e, from, to, b, (size_t)vn_utf8_encode(cp, b));
}

static void put_bad(vn_emit *e, size_t from, size_t to, vn_spans *bad)
{
    vn_spans_add(bad, from, to - from);
    vn_emit_unit(e, from, to, replacement, 3);
}

/* A letter being built: symbol, tone, case. */
typedef struct build {
    unsigned sym, tone;
    bool upper;
} build;

static uint32_t built(const build *b)
{
    return vn_letter_code_point(vn_letter_pack(b->sym, b->tone, b->upper));
}

/* Add a modifier and/or a tone to the letter if it can take them (a modifier only before any
 * tone); false, with the letter unchanged, if not. */
static bool add_marks(build *b, unsigned mod, unsigned tone)
{
    unsigned sym = b->sym;
    if (mod != VN_MOD_NONE) {
        if (b->tone != VN_TONE_NONE || vn_sym_mod(sym) != VN_MOD_NONE) return false;
        if (!(sym = vn_sym_add_mod(sym, mod))) return false;
    }
    if (tone != VN_TONE_NONE && (b->tone != VN_TONE_NONE || !vn_sym_is_vowel(sym))) return false;
    b->sym = sym;
    if (tone != VN_TONE_NONE) b->tone = tone;
    return true;
}

static bool from_letter(uint32_t cp, build *b)
{
    vn_letter l = vn_letter_of(cp);
    if (!l) return false;
    b->sym = vn_letter_sym(l);
    b->tone = vn_letter_tone(l);
    b->upper = vn_letter_is_upper(l);
    return true;
}

/* ---- one-byte charts: VISCII, TCVN3, Windows-1258 ---- */

static uint32_t chart_char(int enc, unsigned b)
{
    if (b >= 0x80) {
        const uint16_t *high = enc == VNSEG_ENC_VISCII  ? vn_viscii_high
                               : enc == VNSEG_ENC_TCVN3 ? vn_tcvn3_high
                                                        : vn_cp1258_high;
        return high[b - 0x80];
    }
    if (enc == VNSEG_ENC_VISCII && b < 0x20)
        for (unsigned i = 0; i < 6; i++)
            if (vn_viscii_low[i].byte == b) return vn_viscii_low[i].cp;
    return b;
}

/* The tone of a combining tone mark. */
static unsigned tone_of_mark(uint32_t cp)
{
    unsigned mod, tone;
    return vn_mark_of(cp, &mod, &tone) ? tone : VN_TONE_NONE;
}

static void decode_chart(vn_emit *e, int enc, vn_spans *bad)
{
    const unsigned char *s = e->in;
    size_t len = e->in_len;
    for (size_t i = 0; i < len;) {
        unsigned b = s[i];
        if (b < 0x80 && (i + 1 == len || s[i + 1] < 0x80) &&
            (enc != VNSEG_ENC_VISCII || b >= 0x20)) {
            i++; /* ASCII followed by ASCII: a copy */
            continue;
        }
        uint32_t cp = chart_char(enc, b);
        if (cp == 0 && b != 0) {
            put_bad(e, i, i + 1, bad);
            i++;
            continue;
        }
        size_t j = i + 1;
        build l = {0, 0, false};
        unsigned tone;
        /* A vowel followed by a combining tone mark byte: one letter. */
        if (j < len && from_letter(cp, &l) && (tone = tone_of_mark(chart_char(enc, s[j]))) &&
            add_marks(&l, VN_MOD_NONE, tone)) {
            cp = built(&l);
            j++;
        }
        put_cp(e, i, j, cp);
        i = j;
    }
}

/* ---- VNI ---- */

/* The mark of a VNI diacritic byte (either case), or NULL. */
static const vn_vni_mark *vni_mark(unsigned b)
{
    if (b < 0xC0) return NULL;
    unsigned lower = b | 0x20;
    for (unsigned i = 0; i < sizeof vn_vni_marks / sizeof *vn_vni_marks; i++)
        if (vn_vni_marks[i].byte == lower) return &vn_vni_marks[i];
    return NULL;
}

static bool vni_letter(unsigned b, build *l)
{
    if (b < 0x80) return from_letter(b, l) && vn_letter_sym(vn_letter_of(b)) < VN_F;
    if (b < 0xC0) return false;
    for (unsigned i = 0; i < sizeof vn_vni_letters / sizeof *vn_vni_letters; i++)
        if (vn_vni_letters[i].byte == (b | 0x20)) {
            l->sym = vn_vni_letters[i].sym;
            l->tone = vn_vni_letters[i].tone;
            l->upper = b < 0xE0;
            return true;
        }
    return false;
}

static void decode_vni(vn_emit *e, vn_spans *bad)
{
    const unsigned char *s = e->in;
    size_t len = e->in_len;
    for (size_t i = 0; i < len;) {
        unsigned b = s[i];
        build l = {0, 0, false};
        if (vni_letter(b, &l)) {
            size_t j = i + 1;
            const vn_vni_mark *m;
            while (j < len && (m = vni_mark(s[j])) != NULL && add_marks(&l, m->mod, m->tone))
                j++;
            if (j > i + 1 || b >= 0x80) put_cp(e, i, j, built(&l));
            i = j;
        } else if (b < 0x80) {
            i++;
        } else {
            uint32_t cp = b < 0xC0 ? vn_cp1252_char(b) : 0;
            if (cp)
                put_cp(e, i, i + 1, cp);
            else
                put_bad(e, i, i + 1, bad);
            i++;
        }
    }
}

/* ---- VIQR ---- */

static bool ascii_letter(unsigned c)
{
    return (c | 0x20u) - 'a' < 26u;
}

static bool viqr_special(unsigned c)
{
    return vn_viqr_mod_of((unsigned char)c) || vn_viqr_tone_of((unsigned char)c) || c == 'd' ||
           c == 'D' || c == VN_VIQR_ESCAPE;
}

/* Marks that also serve as punctuation: they give a tone only to a word that has none yet. */
static bool viqr_ambiguous(unsigned c)
{
    return c == '.' || c == '?' || c == '\'';
}

static void decode_viqr(vn_emit *e, vn_spans *bad)
{
    const unsigned char *s = e->in;
    size_t len = e->in_len;
    bool prev_letter = false, word_tone = false;
    for (size_t i = 0; i < len;) {
        unsigned c = s[i];
        if (c == VN_VIQR_ESCAPE && i + 1 < len && viqr_special(s[i + 1])) {
            put_cp(e, i, i + 2, s[i + 1]);
            prev_letter = ascii_letter(s[i + 1]);
            word_tone &= prev_letter;
            i += 2;
            continue;
        }
        if (!ascii_letter(c)) {
            if (c < 0x80) {
                i++;
            } else {
                uint32_t cp;
                int k = vn_utf8_decode(s + i, s + len, &cp);
                if (k < 0) put_bad(e, i, i + (size_t)-k, bad);
                i += (size_t)(k < 0 ? -k : k);
            }
            prev_letter = word_tone = false;
            continue;
        }
        if ((c | 0x20) == 'd' && !prev_letter && i + 1 < len && (s[i + 1] | 0x20) == 'd') {
            put_cp(e, i, i + 2, c == 'D' ? 0x110 : 0x111);
            prev_letter = true;
            i += 2;
            continue;
        }
        build l = {0, 0, false};
        from_letter(c, &l);
        size_t j = i + 1;
        while (j < len) {
            unsigned m = s[j], mod = vn_viqr_mod_of((unsigned char)m),
                     tone = vn_viqr_tone_of((unsigned char)m);
            if (tone && word_tone && viqr_ambiguous(m)) break;
            if ((!mod && !tone) || !add_marks(&l, mod, tone)) break;
            word_tone |= tone != 0;
            j++;
        }
        if (j > i + 1) put_cp(e, i, j, built(&l));
        prev_letter = true;
        i = j;
    }
}

vnseg_status vn_decode_legacy_pass(vn_emit *e, int encoding, vn_spans *bad)
{
    switch (encoding) {
    case VNSEG_ENC_VISCII:
    case VNSEG_ENC_TCVN3:
    case VNSEG_ENC_CP1258:
        decode_chart(e, encoding, bad);
        break;
    case VNSEG_ENC_VNI:
        decode_vni(e, bad);
        break;
    case VNSEG_ENC_VIQR:
        decode_viqr(e, bad);
        break;
    default:
        break;
    }
    return bad->failed ? VNSEG_E_NOMEM : VNSEG_OK;
}
