/* Look-alikes of Đ/đ (Ð Ɖ ð ɖ) become Đ/đ at the start of Vietnamese words, nowhere else. */
#include <string.h>

#include "chars.h"
#include "norm_passes.h"
#include "syllable.h"
#include "utf8.h"
#include "vnseg/syllable.h"

/* How far (bytes of spaces and punctuation) a neighbouring word may be. */
#define NEIGHBOUR_GAP 16

bool vn_is_word_char(uint32_t cp)
{
    if (cp < 0x80) return (cp | 0x20u) - 'a' < 26u;
    if (vn_letter_of(cp)) return true;
    return (vn_char_class(cp) & VC_ALPHA) != 0;
}

size_t vn_word_end(const unsigned char *s, size_t len, size_t i, bool *non_ascii)
{
    bool wide = false;
    while (i < len) {
        uint32_t cp;
        int k = vn_utf8_decode(s + i, s + len, &cp);
        if (k < 0 || !vn_is_word_char(cp)) break;
        wide |= cp >= 0x80;
        i += (size_t)k;
    }
    if (non_ascii) *non_ascii = wide;
    return i;
}

bool vn_next_word(const unsigned char *s, size_t len, size_t *a, size_t *i, bool *non_ascii)
{
    while (*i < len) {
        size_t start = *i, end = vn_word_end(s, len, start, non_ascii);
        if (end > start) {
            *a = start;
            *i = end;
            return true;
        }
        *i += vn_utf8_step(s + start, s + len);
    }
    return false;
}

/* Length of the word character at s[i], or 0. */
static size_t word_char(const unsigned char *s, size_t len, size_t i)
{
    uint32_t cp;
    int k = vn_utf8_decode(s + i, s + len, &cp);
    return k > 0 && vn_is_word_char(cp) ? (size_t)k : 0;
}

/* A letter with a Vietnamese diacritic, or a Vietnamese combining mark. */
static bool vietnamese_mark(uint32_t cp)
{
    unsigned mod, tone;
    vn_letter l = vn_letter_of(cp);
    if (l) return cp >= 0x80;
    return vn_mark_of(cp, &mod, &tone);
}

static bool has_vietnamese_mark(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int k = vn_utf8_decode(s + i, s + len, &cp);
        if (k < 0) return false;
        if (vietnamese_mark(cp)) return true;
        i += (size_t)k;
    }
    return false;
}

/* The Đ or đ that stands for the look-alike at s[0..2), or NULL. */
static const unsigned char *lookalike_target(const unsigned char *s, size_t len)
{
    if (len < 2 || (s[1] & 0xC0) != 0x80) return NULL;
    uint32_t cp = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3Fu);
    if (s[0] == 0xC3 && (cp == 0x00D0 || cp == 0x00F0))
        return (const unsigned char *)(cp == 0x00D0 ? "\xC4\x90" : "\xC4\x91");
    if ((s[0] == 0xC6 && cp == 0x0189) || (s[0] == 0xC9 && cp == 0x0256))
        return (const unsigned char *)(cp == 0x0189 ? "\xC4\x90" : "\xC4\x91");
    return NULL;
}

/* A Vietnamese syllable that carries a diacritic (a leading look-alike read as Đ/đ). */
static bool vietnamese_word(const unsigned char *s, size_t len)
{
    unsigned char word[VN_SYL_MAX_BYTES];
    const unsigned char *dd = lookalike_target(s, len);
    if (len == 0 || len > sizeof word) return false;
    memcpy(word, s, len);
    if (dd) memcpy(word, dd, 2);
    return (dd || has_vietnamese_mark(word, len)) && vnseg_syllable_check((const char *)word, len);
}

static bool is_line_break(unsigned char c)
{
    return c == '\n' || c == '\r';
}

/* The word before position `at` (skipping up to NEIGHBOUR_GAP bytes of non-word characters on
 * the same line): its span in *a, *b. False when there is none. */
static bool word_before(const unsigned char *s, size_t at, size_t *a, size_t *b)
{
    size_t j = at, gap = 0;
    while (j > 0 && gap <= NEIGHBOUR_GAP) {
        size_t p = j - 1;
        while (p > 0 && (s[p] & 0xC0) == 0x80)
            p--;
        if (word_char(s, j, p)) break;
        if (is_line_break(s[p])) return false;
        gap += j - p;
        j = p;
    }
    if (j == 0 || gap > NEIGHBOUR_GAP) return false;
    *b = j;
    while (j > 0) {
        size_t p = j - 1;
        while (p > 0 && (s[p] & 0xC0) == 0x80)
            p--;
        if (!word_char(s, *b, p)) break;
        j = p;
    }
    *a = j;
    return true;
}

static bool word_after(const unsigned char *s, size_t len, size_t at, size_t *a, size_t *b)
{
    size_t j = at;
    while (j < len && j - at <= NEIGHBOUR_GAP && !word_char(s, len, j)) {
        if (is_line_break(s[j])) return false;
        j += vn_utf8_step(s + j, s + len);
    }
    if (j >= len || j - at > NEIGHBOUR_GAP) return false;
    *a = j;
    *b = vn_word_end(s, len, j, NULL);
    return true;
}

/* The look-alike at s[i..i+2) with its word s[i..w): Vietnamese by the rule of
 * VNSEG_NORM_LOOKALIKE? `dd` is the replacement (Đ or đ, 2 bytes). */
static bool vietnamese_context(const unsigned char *s, size_t len, size_t i, size_t w,
                               const unsigned char *dd)
{
    unsigned char word[VN_SYL_MAX_BYTES];
    if (w - i > sizeof word) return false;
    memcpy(word, dd, 2);
    memcpy(word + 2, s + i + 2, w - i - 2);
    if (!vnseg_syllable_check((const char *)word, w - i)) return false;
    if (has_vietnamese_mark(s + i + 2, w - i - 2)) return true;
    size_t a, b;
    if (word_before(s, i, &a, &b) && vietnamese_word(s + a, b - a)) return true;
    return word_after(s, len, w, &a, &b) && vietnamese_word(s + a, b - a);
}

const unsigned char *vn_lookalike_at(const unsigned char *s, size_t len, size_t i)
{
    const unsigned char *dd = lookalike_target(s + i, len - i);
    if (!dd) return NULL;
    if (i > 0) { /* must start its word */
        size_t p = i - 1;
        while (p > 0 && (s[p] & 0xC0) == 0x80)
            p--;
        if (word_char(s, i, p)) return NULL;
    }
    size_t w = vn_word_end(s, len, i + 2, NULL);
    return vietnamese_context(s, len, i, w, dd) ? dd : NULL;
}

vnseg_status vn_pass_lookalike(vn_emit *e)
{
    vn_chars_init();
    const unsigned char *s = e->in;
    size_t len = e->in_len;
    for (size_t i = 0; i + 1 < len; i++) {
        unsigned c = s[i];
        if (c != 0xC3 && c != 0xC6 && c != 0xC9) continue;
        const unsigned char *dd = vn_lookalike_at(s, len, i);
        if (dd) vn_emit_unit(e, i, i + 2, dd, 2);
        i++;
    }
    return VNSEG_OK;
}
