/* The scan that tells which passes have work (one table lookup per character), and NFC with a
 * quick-check fast path: only stretches holding a character whose NFC_QC is not Yes or whose
 * combining class is not 0 are normalized, Vietnamese letters by table, others by utf8proc. */
#include <pthread.h>
#include <string.h>

#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "chars.h"
#include "norm_passes.h"
#include "utf8.h"

/* VN_NEED_* flags of every BMP code point (ASCII included). */
static uint8_t need_bmp[65536];
static pthread_once_t need_once = PTHREAD_ONCE_INIT;

static unsigned need_of(uint32_t cp)
{
    if (cp < 0x80) return cp - 'A' < 26u ? VN_NEED_CASE : 0;
    unsigned f = 0, cls = vn_char_class(cp);
    const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
    if ((cls & (VC_INVIS | VC_SEP)) || cp == 0x340 || cp == 0x341) f |= VN_NEED_CLEAN;
    if ((cls & VC_NFC_NO) || p->combining_class) f |= VN_NEED_NFC;
    if (cp == 0x00D0 || cp == 0x00F0 || cp == 0x0189 || cp == 0x0256) f |= VN_NEED_LOOKALIKE;
    if (p->casefold_seqindex != UINT16_MAX) f |= VN_NEED_CASE;
    if (vn_letter_of(cp) || vn_fold_stroke(cp) || vn_fold_mark(cp) ||
        p->decomp_seqindex != UINT16_MAX)
        f |= VN_NEED_FOLD;
    return f;
}

static void build_need_table(void)
{
    vn_chars_init();
    for (uint32_t cp = 0; cp < 0x10000; cp++)
        need_bmp[cp] = (uint8_t)(cp >= 0xD800 && cp < 0xE000 ? 0 : need_of(cp));
}

static inline unsigned need(uint32_t cp)
{
    return cp < 0x10000 ? need_bmp[cp] : need_of(cp);
}

unsigned vn_norm_need(uint32_t cp)
{
    pthread_once(&need_once, build_need_table);
    return need(cp);
}

/* Decode the character at s[i] (s[i] >= 0x80): its length, or minus the length of an
 * ill-formed subpart. Two- and three-byte characters inline. */
static inline int decode(const unsigned char *s, size_t i, size_t len, uint32_t *cp)
{
    unsigned c = s[i];
    if (c - 0xC2u < 0x1Eu && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
        *cp = (c & 0x1Fu) << 6 | (s[i + 1] & 0x3Fu);
        return 2;
    }
    if (c - 0xE1u < 0x0Cu && c != 0xED && i + 2 < len && (s[i + 1] & 0xC0) == 0x80 &&
        (s[i + 2] & 0xC0) == 0x80) {
        *cp = (c & 0x0Fu) << 12 | (s[i + 1] & 0x3Fu) << 6 | (s[i + 2] & 0x3Fu);
        return 3;
    }
    return vn_utf8_decode(s + i, s + len, cp);
}

/* Index of the first byte >= 0x80 in s[i..len), or len. */
static inline size_t skip_ascii(const unsigned char *s, size_t i, size_t len)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t hi = w & UINT64_C(0x8080808080808080);
        if (hi) return i + ((unsigned)__builtin_ctzll(hi) >> 3);
        i += 8;
    }
#endif
    while (i < len && s[i] < 0x80)
        i++;
    return i;
}

#ifdef __SSE2__
/* Sixteen bytes at p, when they hold only ASCII and characters that the steps other than case
 * and accent folding never change: leads C3..C6 (U+00C0..U+01BF, Latin-1 letters to Latin
 * Extended-B) and E1 B8..BB (U+1E00..U+1EFF, Latin Extended Additional: the Vietnamese
 * letters), well-formed. Returns how many bytes were checked (fewer than 16 when a character
 * crosses the end; 0 when the block holds anything else: the caller then goes character by
 * character); sets VN_NEED_LOOKALIKE for Ð ð Ɖ among them, and the folding flags for any
 * non-ASCII character. */
static inline unsigned scan_block(const unsigned char *p, unsigned *found)
{
    const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    unsigned hi = (unsigned)_mm_movemask_epi8(v);
    if (!hi) return 16;
    const __m128i bias = _mm_set1_epi8((char)0x80);
#define VN_IN_RANGE(lo, n)                                                                         \
    (unsigned)_mm_movemask_epi8(                                                                   \
        _mm_cmplt_epi8(_mm_xor_si128(_mm_sub_epi8(v, _mm_set1_epi8((char)(lo))), bias),            \
                       _mm_set1_epi8((char)(0x80 + (n)))))
#define VN_EQ(b) (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)(b))))
    unsigned cont = VN_IN_RANGE(0x80, 0x40), l2 = VN_IN_RANGE(0xC3, 4), l3 = VN_EQ(0xE1);
    if (hi != (cont | l2 | l3)) return 0;
    /* Each lead's continuation bytes where they must be, no others; a character that runs
     * past the block is left for the next one. */
    if (cont != ((((l2 | l3) << 1) | (l3 << 2)) & 0xFFFFu)) return 0;
    if ((l3 << 1) & 0xFFFFu & ~VN_IN_RANGE(0xB8, 4)) return 0;
    unsigned cut = (l2 & 0x8000u) | (l3 & 0xC000u);
    unsigned k = cut ? (unsigned)__builtin_ctz(cut) : 16u, keep = (1u << k) - 1u;
    if (((((VN_EQ(0xC3) << 1) & (VN_EQ(0x90) | VN_EQ(0xB0))) | ((VN_EQ(0xC6) << 1) & VN_EQ(0x89))) &
         keep))
        *found |= VN_NEED_LOOKALIKE;
    if (hi & keep) *found |= VN_NEED_CASE | VN_NEED_FOLD;
#undef VN_IN_RANGE
#undef VN_EQ
    return k;
}
#endif

unsigned vn_norm_scan(const unsigned char *s, size_t len, unsigned want)
{
    pthread_once(&need_once, build_need_table);
    unsigned found = 0;
    size_t i = 0;
    /* Blocks of 16 bytes when the folding steps are not asked for (they touch every letter). */
    const bool blocks = !(want & (VN_NEED_CASE | VN_NEED_FOLD));
    while (i < len) {
        size_t stop = len;
#ifdef __SSE2__
        if (blocks) {
            unsigned k;
            while (i + 16 <= len && (k = scan_block(s + i, &found)) != 0)
                i += k;
            stop = i + 16 < len ? i + 16 : len; /* then a block's worth character by character */
        }
#endif
        if ((want & VN_NEED_CASE) && !(found & VN_NEED_CASE)) {
            for (; i < stop && s[i] < 0x80; i++)
                if ((unsigned)s[i] - 'A' < 26u) found |= VN_NEED_CASE;
        }
        /* No bounds check per character while 4 bytes remain; two- and three-byte characters
         * inline; anything else below. */
        while (i + 4 <= stop) {
            unsigned c = s[i];
            if (c < 0x80) {
                if (want & VN_NEED_CASE) break;
                i = skip_ascii(s, i, stop);
                continue;
            }
            if (c - 0xC2u < 0x1Eu) {
                unsigned c1 = s[i + 1];
                if ((c1 & 0xC0) != 0x80) break;
                found |= need_bmp[(c & 0x1Fu) << 6 | (c1 & 0x3Fu)];
                i += 2;
                continue;
            }
            if (c - 0xE1u < 0x0Cu && c != 0xED) {
                unsigned c1 = s[i + 1], c2 = s[i + 2];
                if (((c1 | c2 << 8) & 0xC0C0u) != 0x8080u) break;
                found |= need_bmp[(c & 0x0Fu) << 12 | (c1 & 0x3Fu) << 6 | (c2 & 0x3Fu)];
                i += 3;
                continue;
            }
            break;
        }
        if ((found & want) == want) break;
        if (i >= stop) continue;
        if (s[i] < 0x80) {
            if ((unsigned)s[i] - 'A' < 26u) found |= VN_NEED_CASE;
            i++;
            continue;
        }
        uint32_t cp;
        int k = decode(s, i, len, &cp);
        if (k < 0) {
            found |= VN_NEED_INVALID;
            i += (size_t)-k;
        } else {
            found |= need(cp);
            i += (size_t)k;
        }
        if ((found & want) == want) break;
    }
    return found;
}

/* ---- exact composition of one Vietnamese letter and its marks ---- */

typedef struct vmark {
    uint8_t mod, tone, ccc;
} vmark;

/* A Vietnamese mark (modifier or tone) with its canonical combining class: horn 216, dot
 * below 220, the others 230. */
static inline vmark make_mark(unsigned mod, unsigned tone)
{
    unsigned ccc = mod == VN_MOD_HORN ? 216 : tone == VN_TONE_DOT ? 220 : 230;
    return (vmark){(uint8_t)mod, (uint8_t)tone, (uint8_t)ccc};
}

/* The Vietnamese combining mark at `cp` (vn_mark_of), with its combining class. */
static inline bool mark_of(uint32_t cp, vmark *m)
{
    unsigned mod, tone;
    if (!vn_mark_of(cp, &mod, &tone)) return false;
    *m = make_mark(mod, tone);
    return true;
}

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
        m[k++] = make_mark(mod, VN_TONE_NONE);
        sym = vn_sym_make(vn_sym_base(sym), VN_MOD_NONE);
    }
    if (tone != VN_TONE_NONE)
        m[k++] = make_mark(VN_MOD_NONE, tone);
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

typedef struct nfc_scratch {
    utf8proc_int32_t *units;
    size_t cap;
} nfc_scratch;

/* Normalize s[a..b) (boundaries on both sides) and write it as one unit. */
static bool normalize_stretch(vn_emit *e, size_t a, size_t b, nfc_scratch *sc)
{
    const unsigned char *s = e->in;
    uint32_t cp = s[a];
    int k = cp < 0x80 ? 1 : decode(s, a, b, &cp);
    vn_letter base = k > 0 ? vn_letter_of(cp) : 0;
    if (base) {
        vmark m[4];
        unsigned n = 0;
        size_t i = a + (size_t)k;
        while (i < b && n < 4) {
            uint32_t c;
            int kk = decode(s, i, b, &c);
            if (kk < 0 || !mark_of(c, &m[n])) break;
            n++;
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

vnseg_status vn_pass_nfc(vn_emit *e, bool lookalike)
{
    pthread_once(&need_once, build_need_table);
    const unsigned char *s = e->in;
    size_t len = e->in_len, i = 0, start = 0; /* start: the last boundary seen */
    nfc_scratch sc = {NULL, 0};
    vnseg_status st = VNSEG_OK;
    while (i < len) {
        if (s[i] < 0x80) {
            i = skip_ascii(s, i, len);
            start = i - 1; /* each ASCII character starts a stretch */
            continue;
        }
        uint32_t cp;
        int k = decode(s, i, len, &cp);
        if (k < 0) { /* not after the clean pass; skip the bytes */
            start = i = i + (size_t)-k;
            continue;
        }
        unsigned f = need(cp);
        if (!(f & VN_NEED_NFC)) {
            const unsigned char *dd;
            if ((f & VN_NEED_LOOKALIKE) && lookalike && (dd = vn_lookalike_at(s, len, i)))
                vn_emit_unit(e, i, i + 2, dd, 2);
            start = i;
            i += (size_t)k;
            continue;
        }
        /* Extend to the next boundary and normalize the stretch. */
        i += (size_t)k;
        while (i < len && s[i] >= 0x80) {
            int kk = decode(s, i, len, &cp);
            if (kk < 0 || !(need(cp) & VN_NEED_NFC)) break;
            i += (size_t)kk;
        }
        if (!normalize_stretch(e, start, i, &sc)) {
            st = VNSEG_E_NOMEM;
            break;
        }
        start = i;
    }
    vn_free(sc.units);
    return st;
}
