/* Decoders of TCVN3, VNI, VIQR, VISCII and Windows-1258 to NFC UTF-8, letter by letter, with
 * every byte that spells no character reported instead of dropped. Per-byte tables built once
 * from the charts keep the inner loops to a lookup and a copy. */
#include <pthread.h>

#include "legacy.h"
#include "norm_passes.h"
#include "utf8.h"

/* Flags of every decoded letter: case and accent folding may change it. */
#define LETTER_NEED (VN_NEED_CASE | VN_NEED_FOLD)

/* UTF-8 of every packed letter (vn_letter, 10 bits): bytes, and the length in [3]. */
static uint8_t letter_utf8[1024][4];

/* What a byte of a one-byte chart or of VNI stands for. */
enum kind { K_COPY, K_CHAR, K_VOWEL, K_LETTER, K_MARK, K_BAD };

typedef struct byte_info {
    uint8_t kind;    /* enum kind */
    uint8_t len;     /* UTF-8 bytes (K_CHAR, K_VOWEL, K_LETTER) */
    uint8_t mod;     /* K_MARK: modifier (VNI) */
    uint8_t tone;    /* K_MARK: tone */
    uint16_t letter; /* K_VOWEL, K_LETTER: the packed letter */
    uint8_t need;    /* VN_NEED_* flags of the character */
    uint8_t utf8[3];
} byte_info;

enum { T_VISCII, T_TCVN3, T_CP1258, T_VNI, T_COUNT };
static void build_viqr(void);
static byte_info tables[T_COUNT][256];
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static void set_char(byte_info *bi, uint32_t cp)
{
    unsigned char buf[4];
    bi->len = (uint8_t)vn_utf8_encode(cp, buf);
    memcpy(bi->utf8, buf, bi->len);
    bi->need = (uint8_t)vn_norm_need(cp);
    vn_letter l = vn_letter_of(cp);
    unsigned mod, tone;
    if (l && vn_letter_sym(l) < VN_F) {
        bi->kind = vn_sym_is_vowel(vn_letter_sym(l)) ? K_VOWEL : K_LETTER;
        bi->letter = l;
    } else if (vn_mark_of(cp, &mod, &tone) && tone) {
        bi->kind = K_MARK;
        bi->tone = (uint8_t)tone;
    } else {
        bi->kind = cp < 0x80 ? K_COPY : K_CHAR;
    }
}

static void build_tables(void)
{
    for (unsigned l = 0; l < 1024; l++) {
        uint32_t cp = vn_letter_code_point((vn_letter)l);
        if (cp) letter_utf8[l][3] = (uint8_t)vn_utf8_encode(cp, letter_utf8[l]);
    }
    const uint16_t *high[3] = {vn_viscii_high, vn_tcvn3_high, vn_cp1258_high};
    for (unsigned t = 0; t < 3; t++)
        for (unsigned b = 0; b < 256; b++) {
            byte_info *bi = &tables[t][b];
            uint32_t cp = b < 0x80 ? b : high[t][b - 0x80];
            if (b >= 0x80 && !cp)
                bi->kind = K_BAD;
            else
                set_char(bi, cp);
        }
    for (unsigned i = 0; i < 6; i++)
        set_char(&tables[T_VISCII][vn_viscii_low[i].byte], vn_viscii_low[i].cp);
    /* VNI: ASCII letters take the marks that follow; 80..BF are Windows-1252; C0..FF are
     * marks or whole letters, or nothing. */
    byte_info *vni = tables[T_VNI];
    for (unsigned b = 0; b < 0xC0; b++) {
        uint32_t cp = vn_cp1252_char(b);
        if (b >= 0x80 && !cp)
            vni[b].kind = K_BAD;
        else
            set_char(&vni[b], cp);
    }
    for (unsigned b = 0xC0; b < 0x100; b++)
        vni[b].kind = K_BAD;
    build_viqr();
    for (unsigned i = 0; i < sizeof vn_vni_marks / sizeof *vn_vni_marks; i++)
        for (unsigned caps = 0; caps <= 0x20; caps += 0x20) {
            byte_info *bi = &vni[vn_vni_marks[i].byte - caps];
            bi->kind = K_MARK;
            bi->mod = vn_vni_marks[i].mod;
            bi->tone = vn_vni_marks[i].tone;
        }
    for (unsigned i = 0; i < sizeof vn_vni_letters / sizeof *vn_vni_letters; i++)
        for (unsigned caps = 0; caps <= 0x20; caps += 0x20) {
            vn_letter l = vn_letter_pack(vn_vni_letters[i].sym, vn_vni_letters[i].tone, caps != 0);
            set_char(&vni[vn_vni_letters[i].byte - caps], vn_letter_code_point(l));
        }
}

static inline void put_letter(vn_emit *e, size_t from, size_t to, vn_letter l)
{
    vn_emit_unit(e, from, to, letter_utf8[l], letter_utf8[l][3]);
}

static void put_bad(vn_emit *e, size_t from, size_t to, vn_spans *bad)
{
    vn_spans_add(bad, from, to - from);
    vn_emit_unit(e, from, to, VN_REPLACEMENT_UTF8, VN_REPLACEMENT_LEN);
}

/* Add a modifier and/or a tone to a letter if it can take them; 0 if not. The legacy
 * encodings spell a modifier before the tone, so a modifier after a tone is refused. */
static vn_letter add_marks(vn_letter l, unsigned mod, unsigned tone)
{
    if (mod != VN_MOD_NONE && vn_letter_tone(l) != VN_TONE_NONE) return 0;
    return vn_letter_add_marks(l, mod, tone);
}

/* Index of the first byte at or after i that is >= 0x80 (or, with `low`, < 0x20: VISCII's
 * letters on control codes), or len. */
static inline size_t skip_plain(const unsigned char *s, size_t i, size_t len, bool low)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t high = UINT64_C(0x8080808080808080), ones = UINT64_C(0x0101010101010101);
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t stop = w & high;
        if (low) stop |= (w - 0x20 * ones) & ~w & high;
        if (stop) return i + ((unsigned)__builtin_ctzll(stop) >> 3);
        i += 8;
    }
#endif
    while (i < len && s[i] < 0x80 && (!low || s[i] >= 0x20))
        i++;
    return i;
}

/* ---- one-byte charts (VISCII, TCVN3, Windows-1258) and VNI ---- */

/* The letter at s[i] with the mark bytes from s[j] on merged in; returns where they end.
 * `vni`: marks carry modifiers too, so several may merge; a chart's marks are tones, of which
 * a letter takes one. */
static inline size_t merge_marks(const byte_info *tab, const unsigned char *s, size_t len,
                                 size_t j, vn_letter *l, bool vni)
{
    vn_letter cur = *l, m;
    for (; j < len; j++) {
        const byte_info *mark = &tab[s[j]];
        if (mark->kind != K_MARK || !(m = add_marks(cur, mark->mod, mark->tone))) break;
        cur = m;
        if (!vni) {
            j++;
            break;
        }
    }
    *l = cur;
    return j;
}

/* Decode with a byte table. `low`: bytes below 0x20 may be letters (VISCII). `vni`: the mark
 * bytes are VNI's (see merge_marks), and one that fits no letter is an error, where a chart's
 * is a character of its own (a combining tone mark). */
static unsigned decode_bytes(vn_emit *e, const byte_info *tab, bool low, bool vni,
                             vn_spans *bad)
{
    const unsigned char *s = e->in;
    size_t len = e->in_len;
    unsigned need = LETTER_NEED;
    for (size_t i = 0; i < len;) {
        i = skip_plain(s, i, len, low);
        if (i >= len) break;
        const byte_info *bi = &tab[s[i]];
        need |= bi->need;
        vn_letter l;
        size_t j;
        switch (bi->kind) {
        case K_MARK:
            /* Marks after an ASCII letter (still an uncommitted copy): one letter. */
            if (i > e->done && s[i - 1] < 0x80 && tab[s[i - 1]].kind >= K_VOWEL &&
                tab[s[i - 1]].kind <= K_LETTER) {
                l = tab[s[i - 1]].letter;
                j = merge_marks(tab, s, len, i, &l, vni);
                if (j > i) {
                    put_letter(e, i - 1, j, l);
                    i = j;
                    break;
                }
            }
            if (vni)
                put_bad(e, i, i + 1, bad);
            else
                vn_emit_unit(e, i, i + 1, bi->utf8, bi->len);
            i++;
            break;
        case K_VOWEL:
        case K_LETTER:
            /* A letter followed by mark bytes: one letter. */
            if (i + 1 == len || tab[s[i + 1]].kind != K_MARK) { /* most letters */
                vn_emit_unit(e, i, i + 1, bi->utf8, bi->len);
                i++;
                break;
            }
            l = bi->letter;
            j = merge_marks(tab, s, len, i + 1, &l, vni);
            put_letter(e, i, j, l);
            i = j;
            break;
        case K_BAD:
            put_bad(e, i, i + 1, bad);
            i++;
            break;
        default: /* K_COPY, K_CHAR */
            vn_emit_unit(e, i, i + 1, bi->utf8, bi->len);
            i++;
        }
    }
    return need;
}

/* ---- VIQR ---- */

/* Classes of ASCII characters in VIQR: letters, the marks they may take, the escape. */
enum { V_LETTER = 1, V_D = 2, V_MARK = 4, V_AMBIGUOUS = 8, V_ESCAPABLE = 16 };

static uint8_t viqr_class[256];

static void build_viqr(void)
{
    for (unsigned c = 0; c < 128; c++) {
        unsigned f = 0;
        if ((c | 0x20u) - 'a' < 26u) f |= V_LETTER;
        if ((c | 0x20u) == 'd') f |= V_D | V_ESCAPABLE;
        if (vn_viqr_mod_of((unsigned char)c) || vn_viqr_tone_of((unsigned char)c))
            f |= V_MARK | V_ESCAPABLE;
        if (c == '.' || c == '?' || c == '\'') f |= V_AMBIGUOUS;
        if (c == VN_VIQR_ESCAPE) f |= V_ESCAPABLE;
        viqr_class[c] = (uint8_t)f;
    }
}

static unsigned decode_viqr(vn_emit *e, vn_spans *bad)
{
    const unsigned char *s = e->in;
    size_t len = e->in_len;
    bool prev_letter = false, word_tone = false;
    unsigned need = LETTER_NEED;
    for (size_t i = 0; i < len;) {
        unsigned c = s[i], cls = viqr_class[c];
        if (cls & V_LETTER) {
            /* Most letters: no mark after them, and not the d of dd. */
            unsigned next = i + 1 < len ? viqr_class[s[i + 1]] : 0;
            if (!(next & V_MARK) && !((cls & V_D) && (next & V_D) && !prev_letter)) {
                prev_letter = true;
                i++;
                continue;
            }
            if ((cls & V_D) && (next & V_D) && !prev_letter) {
                put_letter(e, i, i + 2, vn_letter_pack(VN_DD, VN_TONE_NONE, c == 'D'));
                prev_letter = true;
                i += 2;
                continue;
            }
            vn_letter l = vn_letter_of(c), m;
            size_t j = i + 1;
            while (j < len && (viqr_class[s[j]] & V_MARK)) {
                unsigned mc = s[j], tone = vn_viqr_tone_of((unsigned char)mc);
                if (tone && word_tone && (viqr_class[mc] & V_AMBIGUOUS)) break;
                if (!(m = add_marks(l, vn_viqr_mod_of((unsigned char)mc), tone))) break;
                l = m;
                word_tone |= tone != 0;
                j++;
            }
            if (j > i + 1) put_letter(e, i, j, l);
            prev_letter = true;
            i = j;
        } else if (c == VN_VIQR_ESCAPE && i + 1 < len && (viqr_class[s[i + 1]] & V_ESCAPABLE)) {
            vn_emit_unit(e, i, i + 2, s + i + 1, 1);
            prev_letter = (viqr_class[s[i + 1]] & V_LETTER) != 0;
            word_tone &= prev_letter;
            i += 2;
        } else if (c < 0x80) {
            prev_letter = word_tone = false;
            i++;
        } else {
            uint32_t cp;
            int k = vn_utf8_decode(s + i, s + len, &cp);
            if (k < 0)
                put_bad(e, i, i + (size_t)-k, bad);
            else
                need |= vn_norm_need(cp);
            i += (size_t)(k < 0 ? -k : k);
            prev_letter = word_tone = false;
        }
    }
    return need;
}

vnseg_status vn_decode_legacy_pass(vn_emit *e, int encoding, vn_spans *bad, unsigned *need)
{
    pthread_once(&tables_once, build_tables);
    switch (encoding) {
    case VNSEG_ENC_VISCII:
        *need = decode_bytes(e, tables[T_VISCII], true, false, bad);
        break;
    case VNSEG_ENC_TCVN3:
        *need = decode_bytes(e, tables[T_TCVN3], false, false, bad);
        break;
    case VNSEG_ENC_CP1258:
        *need = decode_bytes(e, tables[T_CP1258], false, false, bad);
        break;
    case VNSEG_ENC_VNI:
        *need = decode_bytes(e, tables[T_VNI], false, true, bad);
        break;
    case VNSEG_ENC_VIQR:
        *need = decode_viqr(e, bad);
        break;
    default:
        *need = 0;
        break;
    }
    return bad->failed ? VNSEG_E_NOMEM : VNSEG_OK;
}
