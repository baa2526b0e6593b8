/* Encoders to TCVN3, VNI, VIQR, VISCII, Windows-1258 and mojibake: the inverse of the decoders,
 * from the same charts, for users of old software and for the tests and benchmarks. */
#include <pthread.h>
#include <string.h>

#include "legacy.h"
#include "utf8.h"
#include "vnseg/normalize.h"

/* Reverse charts: the byte of each letter (vn_letter, 10 bits) in the one-byte encodings. */
enum { REV_VISCII, REV_TCVN3, REV_CP1258, REV_COUNT };
static uint8_t rev_letter[REV_COUNT][1024];
static pthread_once_t rev_once = PTHREAD_ONCE_INIT;

static void build_reverse(void)
{
    const uint16_t *charts[REV_COUNT] = {vn_viscii_high, vn_tcvn3_high, vn_cp1258_high};
    for (unsigned c = 0; c < REV_COUNT; c++)
        for (unsigned b = 0; b < 128; b++) {
            vn_letter l = vn_letter_of(charts[c][b]);
            if (l) rev_letter[c][l] = (uint8_t)(0x80 + b);
        }
    for (unsigned i = 0; i < 6; i++)
        rev_letter[REV_VISCII][vn_letter_of(vn_viscii_low[i].cp)] = vn_viscii_low[i].byte;
}

typedef struct sink {
    unsigned char *out;
    size_t cap, len;
} sink;

static void put(sink *k, const void *p, size_t n)
{
    if (k->len < k->cap) memcpy(k->out + k->len, p, n < k->cap - k->len ? n : k->cap - k->len);
    k->len += n;
}

static void put_byte(sink *k, unsigned b)
{
    unsigned char c = (unsigned char)b;
    put(k, &c, 1);
}

/* A character of the input: a Vietnamese letter with the combining marks that follow it
 * merged in, or any other code point. */
typedef struct item {
    uint32_t cp;
    vn_letter letter; /* 0 when not a Vietnamese letter */
    size_t len;       /* bytes of input */
} item;

static int read_item(const unsigned char *s, size_t len, item *it)
{
    uint32_t cp;
    int k = vn_utf8_decode(s, s + len, &cp);
    if (k < 0) return k;
    it->cp = cp;
    it->letter = vn_letter_of(cp);
    if (it->letter && vn_letter_sym(it->letter) >= VN_F) it->letter = 0;
    it->len = (size_t)k;
    while (it->letter && it->len < len) {
        uint32_t m;
        unsigned mod, tone;
        int kk = vn_utf8_decode(s + it->len, s + len, &m);
        if (kk < 0 || !vn_mark_of(m, &mod, &tone)) break;
        vn_letter l = vn_letter_add_marks(it->letter, mod, tone);
        if (!l) break;
        it->letter = l;
        it->len += (size_t)kk;
    }
    if (it->letter) it->cp = vn_letter_code_point(it->letter);
    return 1;
}

/* The byte of a non-letter code point in a one-byte chart, or -1. */
static int chart_byte(const uint16_t *high, uint32_t cp)
{
    if (cp < 0x80) return (int)cp;
    for (unsigned b = 0; b < 128; b++)
        if (high[b] == cp) return (int)(0x80 + b);
    return -1;
}

/* Encode one item; false when the encoding lacks it. `st` carries VIQR's state. */
typedef struct viqr_state {
    bool prev_letter, word_tone;
} viqr_state;

static bool enc_chart(sink *k, int enc, const item *it)
{
    unsigned r = enc == VNSEG_ENC_VISCII  ? REV_VISCII
                 : enc == VNSEG_ENC_TCVN3 ? REV_TCVN3
                                          : REV_CP1258;
    const uint16_t *high = enc == VNSEG_ENC_VISCII  ? vn_viscii_high
                           : enc == VNSEG_ENC_TCVN3 ? vn_tcvn3_high
                                                    : vn_cp1258_high;
    vn_letter l = it->letter;
    if (l) {
        if (vn_letter_code_point(l) < 0x80) {
            put_byte(k, vn_letter_code_point(l));
            return true;
        }
        if (rev_letter[r][l]) {
            put_byte(k, rev_letter[r][l]);
            return true;
        }
        /* A tone the chart has as a combining mark (Windows-1258, TCVN3). */
        unsigned tone = vn_letter_tone(l);
        vn_letter bare = (vn_letter)(l & ~(7u << 6));
        static const uint16_t marks[VN_TONE_COUNT] = {0, 0x300, 0x301, 0x309, 0x303, 0x323};
        int mb = tone ? chart_byte(high, marks[tone]) : -1;
        uint32_t bare_cp = vn_letter_code_point(bare);
        if (enc != VNSEG_ENC_VISCII && mb >= 0 && (bare_cp < 0x80 || rev_letter[r][bare])) {
            put_byte(k, bare_cp < 0x80 ? bare_cp : rev_letter[r][bare]);
            put_byte(k, (unsigned)mb);
            return true;
        }
        return false;
    }
    if (enc == VNSEG_ENC_VISCII && it->cp < 0x20)
        for (unsigned i = 0; i < 6; i++)
            if (vn_viscii_low[i].byte == it->cp) return false;
    int b = chart_byte(high, it->cp);
    if (b < 0) return false;
    put_byte(k, (unsigned)b);
    return true;
}

static bool enc_vni(sink *k, const item *it)
{
    vn_letter l = it->letter;
    if (!l) {
        int b = vn_cp1252_byte(it->cp, false); /* C0..FF are VNI's letter parts */
        if (b < 0 || b >= 0xC0) return false;
        put_byte(k, (unsigned)b);
        return true;
    }
    unsigned sym = vn_letter_sym(l), tone = vn_letter_tone(l);
    bool upper = vn_letter_is_upper(l);
    unsigned caps = upper ? 0x20 : 0;
    for (unsigned i = 0; i < sizeof vn_vni_letters / sizeof *vn_vni_letters; i++)
        if (vn_vni_letters[i].sym == sym &&
            (vn_vni_letters[i].tone == tone || (sym != VN_I && vn_vni_letters[i].tone == 0))) {
            put_byte(k, vn_vni_letters[i].byte - caps);
            tone = vn_vni_letters[i].tone == tone ? VN_TONE_NONE : tone;
            goto marks_done;
        }
    {
        unsigned base = (unsigned char)vn_sym_base(sym);
        put_byte(k, upper ? base - 0x20 : base);
        unsigned mod = vn_sym_mod(sym);
        if (mod == VN_MOD_CIRCUMFLEX || mod == VN_MOD_BREVE) {
            for (unsigned i = 0; i < sizeof vn_vni_marks / sizeof *vn_vni_marks; i++)
                if (vn_vni_marks[i].mod == mod && vn_vni_marks[i].tone == tone) {
                    put_byte(k, vn_vni_marks[i].byte - caps);
                    return true;
                }
            return false;
        }
        if (mod != VN_MOD_NONE) return false;
    }
marks_done:
    if (tone == VN_TONE_NONE) return true;
    for (unsigned i = 0; i < sizeof vn_vni_marks / sizeof *vn_vni_marks; i++)
        if (vn_vni_marks[i].mod == VN_MOD_NONE && vn_vni_marks[i].tone == tone) {
            put_byte(k, vn_vni_marks[i].byte - caps);
            return true;
        }
    return false;
}

static bool ascii_letter(uint32_t c)
{
    return (c | 0x20u) - 'a' < 26u;
}

static bool enc_viqr(sink *k, const item *it, const unsigned char *next, size_t next_len,
                     viqr_state *v)
{
    vn_letter l = it->letter;
    uint32_t cp = it->cp;
    if (l && cp >= 0x80) {
        unsigned sym = vn_letter_sym(l), tone = vn_letter_tone(l);
        bool upper = vn_letter_is_upper(l);
        if (sym == VN_DD) {
            if (v->prev_letter) return false; /* `dd` only reads as đ at the start of a word */
            put(k, upper ? "DD" : "dd", 2);
        } else {
            char base = vn_sym_base(sym);
            put_byte(k, (unsigned char)(upper ? base - 0x20 : base));
            if (vn_sym_mod(sym)) put_byte(k, (unsigned char)vn_viqr_mod_char(vn_sym_mod(sym)));
            if (tone) {
                char t = vn_viqr_tone_char(tone);
                if (v->word_tone && (t == '.' || t == '?' || t == '\'')) return false;
                put_byte(k, (unsigned char)t);
                v->word_tone = true;
            }
        }
        v->prev_letter = true;
        return true;
    }
    if (cp == VN_VIQR_ESCAPE) {
        put(k, "\\\\", 2);
    } else if (cp < 0x80 &&
               (vn_viqr_mod_of((unsigned char)cp) || vn_viqr_tone_of((unsigned char)cp))) {
        if (v->prev_letter) put_byte(k, VN_VIQR_ESCAPE);
        put_byte(k, cp);
    } else if ((cp | 0x20) == 'd' && !v->prev_letter && next_len && (next[0] | 0x20) == 'd') {
        put_byte(k, VN_VIQR_ESCAPE);
        put_byte(k, cp);
    } else {
        uint8_t buf[4];
        put(k, buf, (size_t)vn_utf8_encode(cp, buf));
    }
    v->prev_letter = cp < 0x80 && ascii_letter(cp);
    if (!v->prev_letter) v->word_tone = false;
    return true;
}

static void enc_mojibake(sink *k, const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = vn_cp1252_char(s[i]);
        if (!cp && s[i]) cp = s[i]; /* undefined in Windows-1252: the C1 control, as Latin-1 */
        uint8_t buf[4];
        put(k, buf, (size_t)vn_utf8_encode(cp, buf));
    }
}

VNSEG_EXPORT vnseg_status vnseg_encode_legacy(const char *text, size_t len, int encoding,
                                              uint32_t options, char *out, size_t cap,
                                              size_t *out_len)
{
    VN_CHECK_LEN("vnseg_encode_legacy", text, len);
    if (!out_len || (!text && len > 0) || (!out && cap > 0) ||
        (options & ~(uint32_t)VNSEG_ENCODE_SUBSTITUTE) || encoding < 0 ||
        encoding >= VNSEG_ENC_COUNT)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_encode_legacy: bad argument (encoding %d, options %#x)", encoding,
                       (unsigned)options);
    pthread_once(&rev_once, build_reverse);
    const unsigned char *s = (const unsigned char *)text;
    sink k = {(unsigned char *)out, out ? cap : 0, 0};
    bool substitute = options & VNSEG_ENCODE_SUBSTITUTE;
    viqr_state v = {false, false};
    for (size_t i = 0; i < len;) {
        item it;
        int r = read_item(s + i, len - i, &it);
        if (r < 0) return vn_fail(VNSEG_E_INVALID_UTF8, i, 0, "invalid UTF-8 at byte %zu", i);
        bool ok;
        switch (encoding) {
        case VNSEG_ENC_VNI:
            ok = enc_vni(&k, &it);
            break;
        case VNSEG_ENC_VIQR:
            ok = enc_viqr(&k, &it, s + i + it.len, len - i - it.len, &v);
            break;
        case VNSEG_ENC_MOJIBAKE:
            enc_mojibake(&k, s + i, it.len);
            ok = true;
            break;
        case VNSEG_ENC_UTF8:
            put(&k, s + i, it.len);
            ok = true;
            break;
        default:
            ok = enc_chart(&k, encoding, &it);
            break;
        }
        if (!ok) {
            if (!substitute)
                return vn_fail(VNSEG_E_ENCODING, i, 0, "U+%04X at byte %zu has no form in %s",
                               (unsigned)it.cp, i, vnseg_encoding_name(encoding));
            put_byte(&k, '?');
            v.prev_letter = v.word_tone = false;
        }
        i += it.len;
    }
    *out_len = k.len;
    if (out && k.len > cap)
        return vn_fail(VNSEG_E_BUFFER, VNSEG_NO_OFFSET, 0,
                       "output needs %zu bytes, the buffer holds %zu", k.len, cap);
    return VNSEG_OK;
}
