/* NFC with a quick-check fast path: only the stretches between normalization boundaries that
 * hold a character whose NFC_QC is not Yes (or out-of-order marks) are normalized. */
#include <string.h>

#include <utf8proc.h>

#include "chars.h"
#include "norm_passes.h"
#include "utf8.h"

static unsigned ccc_of(uint32_t cp)
{
    return utf8proc_get_property((utf8proc_int32_t)cp)->combining_class;
}

/* A character that may be a combining mark (only those have a non-zero combining class). */
static bool maybe_mark(unsigned cls)
{
    return (cls & VC_ALPHA) && !(cls & (VC_UPPER | VC_LOWER));
}

/* True when NFC may start a new stretch at this character: class 0 and NFC_QC Yes. */
static bool nfc_boundary(uint32_t cp)
{
    if (cp < 0x80 || vn_letter_of(cp)) return true;
    unsigned cls = vn_char_class(cp);
    return !(cls & VC_NFC_NO) && (!maybe_mark(cls) || ccc_of(cp) == 0);
}

static bool is_lookalike(uint32_t cp)
{
    return cp == 0x00D0 || cp == 0x00F0 || cp == 0x0189 || cp == 0x0256;
}

size_t vn_norm_quick_check(const unsigned char *s, size_t len, uint32_t steps)
{
    vn_chars_init();
    const unsigned char *end = s + len;
    const bool casefold = steps & VNSEG_NORM_CASEFOLD, fold = steps & VNSEG_NORM_FOLD;
    const bool nfc = steps & (VNSEG_NORM_NFC | VNSEG_NORM_MARKS);
    unsigned prev_ccc = 0;
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            /* Eight ASCII bytes at a time when case does not matter. */
            if (!casefold) {
                while (i + 8 <= len) {
                    uint64_t w;
                    memcpy(&w, s + i, 8);
                    if (w & UINT64_C(0x8080808080808080)) break;
                    i += 8;
                }
                while (i < len && s[i] < 0x80)
                    i++;
            } else {
                for (; i < len && s[i] < 0x80; i++)
                    if ((unsigned)s[i] - 'A' < 26u) return i;
            }
            prev_ccc = 0;
            continue;
        }
        uint32_t cp;
        int k = vn_utf8_decode(s + i, end, &cp);
        if (k < 0) return i;
        vn_letter l = vn_letter_of(cp);
        if (l) {
            if (fold || (casefold && vn_letter_is_upper(l))) return i;
            prev_ccc = 0;
            i += (size_t)k;
            continue;
        }
        unsigned cls = vn_char_class(cp);
        if ((cls & (VC_INVIS | VC_SEP)) && (steps & (VNSEG_NORM_INVISIBLE | VNSEG_NORM_SPACES)))
            return i;
        if ((cls & VC_NFC_NO) && nfc) return i;
        if (is_lookalike(cp) && (steps & (VNSEG_NORM_LOOKALIKE | VNSEG_NORM_FOLD))) return i;
        if (fold && (cls & VC_ALPHA)) return i;
        if (casefold &&
            ((cls & VC_UPPER) ||
             utf8proc_get_property((utf8proc_int32_t)cp)->casefold_seqindex != UINT16_MAX))
            return i;
        if (maybe_mark(cls)) {
            unsigned c = ccc_of(cp);
            if (c != 0 && c < prev_ccc && nfc) return i;
            prev_ccc = c;
        } else {
            prev_ccc = 0;
        }
        i += (size_t)k;
    }
    return len;
}

/* ---- exact composition of one Vietnamese letter and its marks ---- */

static unsigned mark_ccc(unsigned mod, unsigned tone)
{
    if (mod == VN_MOD_HORN) return 216;
    if (tone == VN_TONE_DOT) return 220;
    return 230;
}

typedef struct vmark {
    uint8_t mod, tone, ccc;
} vmark;

/* Whether Unicode has a primary composite for letter (sym, tone) + this mark, and which. The
 * pairs are those of the canonical decompositions of the Vietnamese letters: ậ ệ ộ ặ are
 * (ạ ẹ ọ ạ) + circumflex/breve, ợ ự are (ơ ư) + dot, every other toned letter is its untoned
 * letter + tone. */
static bool vn_pair(unsigned *sym, unsigned *tone, vmark m)
{
    if (m.mod != VN_MOD_NONE) {
        if (vn_sym_mod(*sym) != VN_MOD_NONE) return false;
        if (*tone != VN_TONE_NONE && !(*tone == VN_TONE_DOT && m.mod != VN_MOD_HORN)) return false;
        unsigned s = vn_sym_add_mod(*sym, m.mod);
        if (!s) return false;
        *sym = s;
        return true;
    }
    if (*tone != VN_TONE_NONE || !vn_sym_is_vowel(*sym)) return false;
    unsigned mod = vn_sym_mod(*sym);
    if (m.tone == VN_TONE_DOT && (mod == VN_MOD_CIRCUMFLEX || mod == VN_MOD_BREVE)) return false;
    *tone = m.tone;
    return true;
}

/* NFC of a vowel letter followed by Vietnamese combining marks, when every mark composes;
 * 0 when Unicode would leave a mark standing (the caller then uses utf8proc). */
static uint32_t compose_vn(vn_letter base, const vmark *extra, unsigned n)
{
    vmark m[2 + 4];
    unsigned k = 0, sym = vn_letter_sym(base), tone = vn_letter_tone(base);
    if (!vn_sym_is_vowel(sym) || n > 4) return 0;
    /* Decompose the base letter fully, as NFD would. */
    unsigned mod = vn_sym_mod(sym);
    if (mod != VN_MOD_NONE) {
        m[k++] = (vmark){(uint8_t)mod, VN_TONE_NONE, (uint8_t)mark_ccc(mod, VN_TONE_NONE)};
        sym = vn_sym_make(vn_sym_base(sym), VN_MOD_NONE);
    }
    if (tone != VN_TONE_NONE)
        m[k++] = (vmark){VN_MOD_NONE, (uint8_t)tone, (uint8_t)mark_ccc(0, tone)};
    tone = VN_TONE_NONE;
    for (unsigned j = 0; j < n; j++)
        m[k++] = extra[j];
    /* Canonical order: stable sort by combining class. */
    for (unsigned a = 1; a < k; a++)
        for (unsigned b = a; b > 0 && m[b - 1].ccc > m[b].ccc; b--) {
            vmark t = m[b];
            m[b] = m[b - 1];
            m[b - 1] = t;
        }
    for (unsigned j = 0; j < k; j++)
        if (!vn_pair(&sym, &tone, m[j])) return 0;
    return vn_letter_code_point(vn_letter_pack(sym, tone, vn_letter_is_upper(base)));
}

/* Normalize s[a..b) (boundaries on both sides) and write it as one unit. */
typedef struct nfc_scratch {
    utf8proc_int32_t *units;
    size_t cap;
} nfc_scratch;

static bool normalize_stretch(vn_emit *e, size_t a, size_t b, nfc_scratch *sc)
{
    const unsigned char *s = e->in;
    uint32_t cp;
    int k = vn_utf8_decode(s + a, s + b, &cp);
    vn_letter base = k > 0 ? vn_letter_of(cp) : 0;
    if (base) {
        vmark m[4];
        unsigned n = 0;
        size_t i = a + (size_t)k;
        while (i < b && n < 4) {
            uint32_t c;
            unsigned mod, tone;
            int kk = vn_utf8_decode(s + i, s + b, &c);
            if (kk < 0 || !vn_mark_of(c, &mod, &tone)) break;
            m[n++] = (vmark){(uint8_t)mod, (uint8_t)tone, (uint8_t)mark_ccc(mod, tone)};
            i += (size_t)kk;
        }
        uint32_t out = i == b ? compose_vn(base, m, n) : 0;
        if (out) {
            unsigned char buf[4];
            vn_emit_unit(e, a, b, buf, (size_t)vn_utf8_encode(out, buf));
            return true;
        }
    }
    const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    utf8proc_ssize_t count = utf8proc_decompose(s + a, (utf8proc_ssize_t)(b - a), sc->units,
                                                (utf8proc_ssize_t)sc->cap, opts);
    if (count < 0) return true; /* cannot happen on well-formed input: leave it */
    if ((size_t)count > sc->cap) {
        utf8proc_int32_t *p = vn_realloc(sc->units, (size_t)count * sizeof *p);
        if (!p) return false;
        sc->units = p;
        sc->cap = (size_t)count;
        count = utf8proc_decompose(s + a, (utf8proc_ssize_t)(b - a), sc->units, count, opts);
    }
    utf8proc_ssize_t bytes = utf8proc_reencode(sc->units, count, opts);
    if (bytes < 0) return true;
    vn_emit_unit(e, a, b, sc->units, (size_t)bytes);
    return true;
}

vnseg_status vn_pass_nfc(vn_emit *e)
{
    vn_chars_init();
    const unsigned char *s = e->in, *end = s + e->in_len;
    size_t len = e->in_len, i = 0, start = 0; /* start: the last boundary seen */
    unsigned prev_ccc = 0;
    utf8proc_int32_t stack[32];
    nfc_scratch sc = {stack, 32};
    vnseg_status st = VNSEG_OK;
    while (i < len) {
        if (s[i] < 0x80) {
            start = i++;
            prev_ccc = 0;
            continue;
        }
        uint32_t cp;
        int k = vn_utf8_decode(s + i, end, &cp);
        if (k < 0) { /* not after the clean pass; skip the bytes */
            start = i = i + (size_t)-k;
            continue;
        }
        bool work = false;
        if (vn_letter_of(cp)) {
            start = i;
            prev_ccc = 0;
        } else {
            unsigned cls = vn_char_class(cp);
            if (cls & VC_NFC_NO) {
                work = true;
            } else if (maybe_mark(cls)) {
                unsigned c = ccc_of(cp);
                if (c == 0)
                    start = i;
                else if (c < prev_ccc)
                    work = true;
                prev_ccc = c;
            } else {
                start = i;
                prev_ccc = 0;
            }
        }
        i += (size_t)k;
        if (!work) continue;
        /* Extend to the next boundary and normalize the stretch. */
        while (i < len) {
            int kk = vn_utf8_decode(s + i, end, &cp);
            if (kk < 0 || nfc_boundary(cp)) break;
            i += (size_t)kk;
        }
        if (!normalize_stretch(e, start, i, &sc)) {
            st = VNSEG_E_NOMEM;
            break;
        }
        start = i;
        prev_ccc = 0;
    }
    if (sc.units != stack) vn_free(sc.units);
    return st;
}
