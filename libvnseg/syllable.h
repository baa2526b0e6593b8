/* Internal syllable API: the phonotactic parser shared by the checker, tone tools and tokenizer. */
#ifndef VN_SYLLABLE_H
#define VN_SYLLABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vnletter.h"

/* Longest syllable in letters ("nghiêng" has 7) and in bytes (8 letters with two combining
 * marks each fit in 40). Longer input is never a syllable. */
#define VN_SYL_MAX_LETTERS 8
#define VN_SYL_MAX_BYTES 64
#define VN_SYL_NO_POS 0xFF

/* Onsets as written (qu is one onset whose u is the medial; gi is one onset). */
enum vn_onset {
    VN_ON_NONE,
    VN_ON_B,
    VN_ON_C,
    VN_ON_CH,
    VN_ON_D,
    VN_ON_DD,
    VN_ON_G,
    VN_ON_GH,
    VN_ON_GI,
    VN_ON_H,
    VN_ON_K,
    VN_ON_KH,
    VN_ON_L,
    VN_ON_M,
    VN_ON_N,
    VN_ON_NG,
    VN_ON_NGH,
    VN_ON_NH,
    VN_ON_P,
    VN_ON_PH,
    VN_ON_QU,
    VN_ON_R,
    VN_ON_S,
    VN_ON_T,
    VN_ON_TH,
    VN_ON_TR,
    VN_ON_V,
    VN_ON_X,
    VN_ON_COUNT
};

/* Nuclei: the eleven vowels (i and y apart, as spelling rules tell them apart), the three
 * diphthongs in their closed (iê/yê, uô, ươ) and open (ia/ya, ua, ưa) spellings, and the long
 * oo of loan words (xoong). */
enum vn_nucleus {
    VN_NU_A,
    VN_NU_AW,
    VN_NU_AA,
    VN_NU_E,
    VN_NU_EE,
    VN_NU_I,
    VN_NU_Y,
    VN_NU_O,
    VN_NU_OO,
    VN_NU_OW,
    VN_NU_U,
    VN_NU_UW,
    VN_NU_IE,
    VN_NU_IA,
    VN_NU_UO,
    VN_NU_UA,
    VN_NU_UOW,
    VN_NU_UWA,
    VN_NU_OOO,
    VN_NU_COUNT
};

/* Codas: stops, nasals and the glides i y o u. */
enum vn_coda {
    VN_CO_NONE,
    VN_CO_C,
    VN_CO_CH,
    VN_CO_M,
    VN_CO_N,
    VN_CO_NG,
    VN_CO_NH,
    VN_CO_P,
    VN_CO_T,
    VN_CO_I,
    VN_CO_Y,
    VN_CO_O,
    VN_CO_U,
    VN_CO_COUNT
};

/* vn_syl.flags */
enum {
    VN_SYL_F_GI_SHARED = 1u << 0, /* the i of onset gi is also the nucleus' first letter */
    VN_SYL_F_MARGINAL = 1u << 1   /* accepted only by a generous rule (loans, variants) */
};

/* A parsed syllable; positions are letter indexes. */
typedef struct vn_syl {
    uint8_t onset;     /* enum vn_onset */
    uint8_t onset_len; /* letters of the onset span (1 for qu's q and for a shared gi's g) */
    uint8_t medial;    /* index of the medial o/u, or VN_SYL_NO_POS */
    uint8_t nucleus;   /* enum vn_nucleus */
    uint8_t nuc_pos;
    uint8_t nuc_len;
    uint8_t coda; /* enum vn_coda */
    uint8_t coda_pos;
    uint8_t coda_len;
    uint8_t main_pos; /* letter that carries the tone mark in the new style */
    uint8_t old_pos;  /* letter that carries it in the old style (== main_pos if no choice) */
    uint8_t flags;    /* VN_SYL_F_* */
} vn_syl;

/* Parse the letter symbols sym[0..n) (tone and case removed) into a syllable. `sym` must hold
 * at least n + 3 entries, the ones from n on 0. False when they spell no Vietnamese syllable. */
bool vn_syl_parse(const uint8_t *sym, unsigned n, vn_syl *out);

/* Whether `tone` may stand on this syllable at all (stop codas c ch p t take only sắc, nặng). */
static inline bool vn_syl_tone_fits(const vn_syl *syl, unsigned tone)
{
    bool stop = syl->coda == VN_CO_C || syl->coda == VN_CO_CH || syl->coda == VN_CO_P ||
                syl->coda == VN_CO_T;
    return !stop || tone == VN_TONE_ACUTE || tone == VN_TONE_DOT;
}

enum vn_place { VN_PLACE_BAD = 0, VN_PLACE_MAIN, VN_PLACE_OLD };

/* Where a tone mark on letter `pos` stands: on the main vowel (new style, or the only right
 * place), on the medial where the old style puts it, or somewhere it may not be (also when
 * the tone does not fit the coda). `tone` VN_TONE_NONE gives VN_PLACE_MAIN when it fits. */
static inline enum vn_place vn_syl_tone_place(const vn_syl *syl, unsigned tone, unsigned pos)
{
    if (!vn_syl_tone_fits(syl, tone)) return VN_PLACE_BAD;
    if (tone == VN_TONE_NONE || pos == syl->main_pos) return VN_PLACE_MAIN;
    return pos == syl->old_pos ? VN_PLACE_OLD : VN_PLACE_BAD;
}

/* The letters of a piece of UTF-8 text that holds nothing but Vietnamese letters and the
 * combining marks U+0300 U+0301 U+0303 U+0309 U+0323 U+0302 U+0306 U+031B (U+0340 U+0341). */
typedef struct vn_syl_text {
    unsigned n;                            /* letters */
    uint8_t sym[VN_SYL_MAX_LETTERS + 4];   /* their symbols, 0 after the last */
    vn_letter letter[VN_SYL_MAX_LETTERS];  /* symbol, tone and case of each */
    uint8_t start[VN_SYL_MAX_LETTERS + 1]; /* byte offset of each letter; [n] = length */
    unsigned tones;                        /* letters that carry a tone */
    unsigned tone;                         /* the (last) tone seen */
    unsigned tone_pos;                     /* its letter */
    bool marks;                            /* combining marks were merged: not NFC */
    uint8_t error;                         /* why vn_syl_read() failed: VN_READ_* */
    size_t error_at;                       /* and at which byte */
} vn_syl_text;

enum { VN_READ_OK, VN_READ_EMPTY, VN_READ_LONG, VN_READ_UTF8, VN_READ_CHAR, VN_READ_MARK };

/* Read s[0..len) into letters, merging combining marks into the letter before them. False
 * for anything else: invalid UTF-8, other characters, f j w z, a mark with no letter, a second
 * modifier or tone on one letter, a modifier the letter cannot take, more than
 * VN_SYL_MAX_LETTERS letters or VN_SYL_MAX_BYTES bytes (out->error says which). */
bool vn_syl_read(const unsigned char *s, size_t len, vn_syl_text *out);

/* The tone step of vnseg_tone_style() (style VNSEG_TONE_STYLE_*, with VNSEG_TONE_REPAIR or
 * not) or, for style 0, of vnseg_tone_repair(), on a text already read into t: the bytes of
 * the rewritten text (written to out as far as cap allows), or 0 when the text stays as it
 * is. May change t->sym (a horn added); t->n and t->start stay. */
size_t vn_tone_rewrite(vn_syl_text *t, int style, unsigned char *out, size_t cap);

/* Fast check for the tokenizer: true when s[0..len) is exactly one valid syllable. The input
 * must be NFC (precomposed letters, no combining marks, no zero-width characters); any case.
 * Same answers as vnseg_syllable_check() on such input. It walks an automaton built from
 * vn_syl_parse() at the first call (pthread_once, ~2 ms); after that: no allocation, no locale,
 * no Unicode library, about 20 ns for a typical syllable. */
bool vn_syllable_valid_nfc(const unsigned char *s, size_t len);

/* The same answer through the parser instead of the automaton: what vn_syllable_valid_nfc()
 * falls back to when the automaton could not be built, and what tests compare it with. */
bool vn_syllable_valid_nfc_parser(const unsigned char *s, size_t len);

#endif
