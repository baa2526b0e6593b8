/* Lookup keys: the form under which names are compared (NFC, one kind of separator, Đ for its
 * look-alikes, initials' case, new-style tone marks through vnseg_tone_style()). */
#include <pthread.h>
#include <string.h>

#include "chars.h"
#include "lookup_key.h"
#include "utf8dec.h"
#include "vnletter.h"
#include "vnseg/gazetteer.h"
#include "vnseg/syllable.h"

void vn_key_scratch_free(vn_key_scratch *sc)
{
    vn_buf_free(&sc->a);
    vn_buf_free(&sc->b);
}

/* ---- character classes of keys ---- */

static bool is_separator(uint32_t cp)
{
    return cp == '_' || cp == ' ' || (vn_char_class(cp) & VC_SEP);
}

bool vn_key_is_punct(uint32_t cp)
{
    if (cp < 0x80) return !((cp | 0x20u) - 'a' < 26u || cp - '0' < 10u || cp == ' ' || cp == '_');
    return !(vn_char_class(cp) & (VC_ALPHA | VC_DIGIT | VC_SEP));
}

/* Punctuation that keys spell one way: dashes, and single and double curly quotes. */
static uint32_t unify_punct(uint32_t cp)
{
    if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212) return '-';
    if (cp == 0x2018 || cp == 0x2019) return '\'';
    if (cp == 0x201C || cp == 0x201D) return '"';
    return cp;
}

/* Đ for its look-alikes, keeping case. */
static uint32_t unify_d(uint32_t cp)
{
    switch (cp) {
    case 0x00D0:
    case 0x0189:
        return 0x0110;
    case 0x00F0:
    case 0x0256:
        return 0x0111;
    }
    return cp;
}

/* ---- the general path ---- */

/* Separators, punctuation spacing, look-alikes and case, on NFC text in[0..n) into out. */
static bool shape(vn_buf *out, const unsigned char *in, size_t n, bool fold)
{
    if (n > SIZE_MAX / 2 || !vn_buf_reserve(out, 2 * n + 8)) return false;
    unsigned char *o = out->data + out->len;
    size_t k = 0;
    bool pending = false; /* a separator was seen since the last character written */
    bool keep = true;     /* the next letter keeps its case */
    bool last_punct = false;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t w = vn_utf8_decode_len(in + i, n - i, &cp);
        if (w == 0) { /* cannot happen after normalization; be safe */
            cp = VN_REPLACEMENT;
            w = 1;
        }
        i += w;
        if (is_separator(cp)) {
            pending = k > 0;
            keep = true;
            continue;
        }
        bool punct = vn_key_is_punct(cp);
        if (punct) cp = unify_punct(cp);
        if (pending && !punct && !last_punct) o[k++] = ' ';
        pending = false;
        cp = unify_d(cp);
        if (!punct && !(keep && !fold)) cp = vn_char_lower(cp);
        keep = punct;
        last_punct = punct;
        k += vn_utf8_encode(cp, o + k);
    }
    out->len += k;
    return true;
}

vnseg_status vn_key_append(vn_buf *out, vn_key_scratch *sc, const unsigned char *s, size_t n,
                           bool fold)
{
    sc->a.len = 0;
    vnseg_status st = vn_normalize_append(&sc->a, &sc->b, s, n, true, true);
    if (st != VNSEG_OK) return st;
    sc->b.len = 0;
    if (!shape(&sc->b, sc->a.data, sc->a.len, fold)) return VNSEG_E_NOMEM;
    size_t need = 0;
    vnseg_tone_style((const char *)sc->b.data, sc->b.len, VNSEG_TONE_STYLE_NEW, NULL, 0, &need);
    if (!vn_buf_reserve(out, need)) return VNSEG_E_NOMEM;
    /* An empty key leaves out->data NULL: no pointer arithmetic on it (UBSan). */
    vnseg_tone_style((const char *)sc->b.data, sc->b.len, VNSEG_TONE_STYLE_NEW,
                     need ? (char *)out->data + out->len : NULL, need, &need);
    out->len += need;
    return VNSEG_OK;
}

/* ---- the fast path: a table for U+0080..U+024F and U+1E00..U+1EFF ---- */

enum { FK_TONED_O = 1, FK_TONED_U = 2, FK_BASE_AE = 4, FK_BASE_Y = 8 };

typedef struct fast_char {
    uint16_t keep; /* the character with its case kept (look-alikes unified); 0: general path */
    uint16_t low;  /* lower-cased */
    uint8_t flags; /* FK_* */
} fast_char;

#define FAST_LOW_END 0x250u
#define FAST_EXT 0x1E00u
static fast_char fast_tab[FAST_LOW_END + 0x100];
static uint8_t ascii_flags[128];
static pthread_once_t fast_once = PTHREAD_ONCE_INIT;

static uint8_t letter_flags(uint32_t cp)
{
    vn_letter_parts p;
    if (!vn_letter_decompose(cp, &p)) return 0;
    uint8_t f = 0;
    if (p.mod == VN_MOD_NONE && p.tone != VN_TONE_NONE)
        f |= p.base == 'o' ? FK_TONED_O : p.base == 'u' ? FK_TONED_U : 0;
    if ((p.base == 'a' || p.base == 'e') && p.mod == VN_MOD_NONE) f |= FK_BASE_AE;
    if (p.base == 'y') f |= FK_BASE_Y;
    return f;
}

static size_t utf8_len(uint32_t cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
}

static void fast_entry(uint32_t cp, fast_char *e)
{
    e->keep = e->low = 0;
    e->flags = 0;
    unsigned cls = vn_char_class(cp);
    if (!(cls & VC_ALPHA) || (cls & VC_NFC_NO) || vn_char_category(cp) == 6 /* Mn */) return;
    uint32_t keep = unify_d(cp), low = vn_char_lower(keep);
    bool in_range =
        (low >= 0x80 && low < FAST_LOW_END) || (low >= FAST_EXT && low < FAST_EXT + 0x100);
    if (!in_range || utf8_len(low) != utf8_len(cp) || utf8_len(keep) != utf8_len(cp)) return;
    e->keep = (uint16_t)keep;
    e->low = (uint16_t)low;
    e->flags = letter_flags(cp);
}

static void fast_build(void)
{
    vn_chars_init();
    for (uint32_t cp = 0x80; cp < FAST_LOW_END; cp++)
        fast_entry(cp, &fast_tab[cp]);
    for (uint32_t cp = FAST_EXT; cp < FAST_EXT + 0x100; cp++)
        fast_entry(cp, &fast_tab[FAST_LOW_END + cp - FAST_EXT]);
    for (uint32_t c = 0; c < 128; c++)
        ascii_flags[c] = letter_flags(c);
}

static inline const fast_char *fast_lookup(uint32_t cp)
{
    if (cp < FAST_LOW_END) return &fast_tab[cp];
    if (cp - FAST_EXT < 0x100u) return &fast_tab[FAST_LOW_END + cp - FAST_EXT];
    return NULL;
}

size_t vn_key_fast(const unsigned char *s, size_t n, bool fold, unsigned char *out)
{
    pthread_once(&fast_once, fast_build);
    bool keep = true, last_punct = false, last_us = false;
    uint8_t prev = 0; /* FK_ flags of the previous letter */
    if (n == 0 || s[0] == '_' || s[n - 1] == '_' || s[0] == ' ' || s[n - 1] == ' ') return SIZE_MAX;
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        if (c < 0x80) {
            if (c == '_' || c == ' ') {
                if (last_punct || last_us) return SIZE_MAX;
                out[i++] = ' ';
                keep = true;
                last_us = true;
                prev = 0;
                continue;
            }
            bool alnum = (c | 0x20u) - 'a' < 26u || c - '0' < 10u;
            if (!alnum) {
                if (c < 0x21 || c == 0x7F || last_us) return SIZE_MAX;
                out[i++] = (unsigned char)c;
                keep = true;
                last_punct = true;
                last_us = false;
                prev = 0;
                continue;
            }
            uint8_t f = ascii_flags[c];
            if (((prev & FK_TONED_O) && (f & FK_BASE_AE)) ||
                ((prev & FK_TONED_U) && (f & FK_BASE_Y)))
                return SIZE_MAX;
            out[i++] = (unsigned char)((keep && !fold) || c - 'a' < 26u || c < 'A' ? c : c | 0x20u);
            keep = last_punct = last_us = false;
            prev = f;
            continue;
        }
        uint32_t cp;
        size_t w = vn_utf8_decode_len(s + i, n - i, &cp);
        const fast_char *e = w ? fast_lookup(cp) : NULL;
        if (!e || !e->keep) return SIZE_MAX;
        if (((prev & FK_TONED_O) && (e->flags & FK_BASE_AE)) ||
            ((prev & FK_TONED_U) && (e->flags & FK_BASE_Y)))
            return SIZE_MAX;
        vn_utf8_encode(keep && !fold ? e->keep : e->low, out + i);
        i += w;
        keep = last_punct = last_us = false;
        prev = e->flags;
    }
    return n;
}

bool vn_key_token_first(const unsigned char *s, size_t n, bool fold, uint32_t *cp)
{
    pthread_once(&fast_once, fast_build);
    if (n == 0) return false;
    unsigned c = s[0];
    if (c < 0x80) {
        if (c == '_' || c < 0x21 || c == 0x7F) return false;
        *cp = fold && c - 'A' < 26u ? (c | 0x20u) : c;
        return true;
    }
    uint32_t u;
    if (!vn_utf8_decode_len(s, n, &u)) return false;
    const fast_char *e = fast_lookup(u);
    if (e && e->keep) {
        if (e->flags & (FK_TONED_O | FK_TONED_U)) return false; /* the tone may move on */
        *cp = fold ? e->low : e->keep;
        return true;
    }
    if (vn_key_is_punct(u)) {
        *cp = unify_punct(u);
        return true;
    }
    if (e || (vn_char_class(u) & (VC_INVIS | VC_SEP | VC_NFC_NO))) return false;
    *cp = fold ? vn_char_lower(unify_d(u)) : unify_d(u);
    return true;
}

bool vn_key_first_cp(const unsigned char *key, size_t n, uint32_t *cp)
{
    return n > 0 && vn_utf8_decode_len(key, n, cp) > 0;
}

/* ---- joining and boundaries ---- */

static uint32_t last_char(const unsigned char *s, size_t n)
{
    size_t i = n - 1;
    while (i > 0 && (s[i] & 0xC0) == 0x80 && n - i < 4)
        i--;
    uint32_t cp = VN_REPLACEMENT;
    if (!vn_utf8_decode_len(s + i, n - i, &cp)) cp = VN_REPLACEMENT;
    return cp;
}

static uint32_t first_char(const unsigned char *s, size_t n)
{
    uint32_t cp = VN_REPLACEMENT;
    if (!vn_utf8_decode_len(s, n, &cp)) cp = VN_REPLACEMENT;
    return cp;
}

bool vn_key_join_space(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen)
{
    if (alen == 0 || blen == 0) return false;
    unsigned x = a[alen - 1], y = b[0];
    if (x < 0x80 && y < 0x80) return !vn_key_is_punct(x) && !vn_key_is_punct(y);
    return !vn_key_is_punct(last_char(a, alen)) && !vn_key_is_punct(first_char(b, blen));
}

void vn_key_boundaries(const unsigned char *k, size_t n, void (*fn)(size_t pos, void *ctx),
                       void *ctx)
{
    size_t last = 0; /* the last position reported, to report each once */
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t w = vn_utf8_decode_len(k + i, n - i, &cp);
        if (!w) {
            cp = VN_REPLACEMENT;
            w = 1;
        }
        if (cp == ' ') {
            if (i > last) fn(last = i, ctx);
        } else if (vn_key_is_punct(cp)) {
            if (i > last) fn(last = i, ctx);
            if (i + w < n) fn(last = i + w, ctx);
        }
        i += w;
    }
    if (n > last) fn(n, ctx);
}

/* ---- hashing ---- */

static inline uint64_t rotl64(uint64_t x, unsigned r)
{
    return x << r | x >> (64 - r);
}

static inline uint64_t load_le(const unsigned char *p, size_t n)
{
    uint64_t w = 0;
    for (size_t i = 0; i < n; i++)
        w |= (uint64_t)p[i] << (8 * i);
    return w;
}

uint64_t vn_hash_bytes(const void *data, size_t n, uint64_t seed)
{
    const uint64_t m1 = 0x9E3779B97F4A7C15ull, m2 = 0xC2B2AE3D27D4EB4Full;
    const unsigned char *p = data;
    uint64_t h = seed ^ (n * m2);
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = rotl64(h ^ (w * m2), 29) * m1;
        p += 8;
        n -= 8;
    }
    if (n) h = rotl64(h ^ (load_le(p, n) * m2), 29) * m1;
    h ^= h >> 31;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 29;
    return h;
}

/* ---- the public function ---- */

VNSEG_EXPORT vnseg_status vnseg_lookup_key(const char *text, size_t len, uint32_t flags, char *out,
                                           size_t cap, size_t *out_len)
{
    VN_CHECK_LEN("vnseg_lookup_key", text, len);
    if (!out_len || (!text && len) || (!out && cap) || (flags & ~(uint32_t)VNSEG_KEY_FOLD_CASE))
        return vn_fail_simple(VNSEG_E_INVALID_ARG);
    vn_key_scratch sc = {{0}, {0}};
    vn_buf key = {0};
    vnseg_status st = vn_key_append(&key, &sc, (const unsigned char *)(text ? text : ""), len,
                                    (flags & VNSEG_KEY_FOLD_CASE) != 0);
    vn_key_scratch_free(&sc);
    if (st != VNSEG_OK) {
        vn_buf_free(&key);
        return vn_fail_simple(st);
    }
    *out_len = key.len;
    if (out && key.len) memcpy(out, key.data, key.len < cap ? key.len : cap);
    vn_buf_free(&key);
    if (out && cap < *out_len)
        return vn_fail(VNSEG_E_BUFFER, VNSEG_NO_OFFSET, 0, "the key needs %zu bytes", *out_len);
    return VNSEG_OK;
}
