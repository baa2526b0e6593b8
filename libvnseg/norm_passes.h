/* The normalizer's passes: each reads e->in and writes its output and map through the emitter. */
#ifndef VN_NORM_PASSES_H
#define VN_NORM_PASSES_H

#include "legacy.h"
#include "offset_map.h"
#include "vnseg/normalize.h"

/* UTF-8 check (strict: VNSEG_E_INVALID_UTF8 with offset; VNSEG_NORM_LENIENT: U+FFFD, recorded
 * in `bad`) and the character steps INVISIBLE, SPACES, MARKS of `steps`. */
vnseg_status vn_pass_clean(vn_emit *e, uint32_t steps, vn_spans *bad);

/* What a scan of the text finds: characters some pass may change, and ill-formed UTF-8. */
enum {
    VN_NEED_CLEAN = 1u << 0,     /* format characters, Unicode spaces, U+0340/U+0341 */
    VN_NEED_NFC = 1u << 1,       /* NFC_QC not Yes, or a non-zero combining class */
    VN_NEED_LOOKALIKE = 1u << 2, /* Ð ð Ɖ ɖ */
    VN_NEED_CASE = 1u << 3,      /* has a case folding */
    VN_NEED_FOLD = 1u << 4,      /* accent folding may change it */
    VN_NEED_INVALID = 1u << 5    /* ill-formed UTF-8 */
};

/* The VN_NEED_* flags of the characters of s[0..len), or-ed together. Stops early once every
 * flag of `want` is found. */
unsigned vn_norm_scan(const unsigned char *s, size_t len, unsigned want);

/* The VN_NEED_* flags of one code point. */
unsigned vn_norm_need(uint32_t cp);

/* Unicode NFC; already-NFC stretches are copied. The input is well-formed UTF-8. With
 * `lookalike`, the look-alikes of Đ are replaced in the same pass. */
vnseg_status vn_pass_nfc(vn_emit *e, bool lookalike);

/* Look-alikes of Đ/đ in Vietnamese words (see VNSEG_NORM_LOOKALIKE). */
vnseg_status vn_pass_lookalike(vn_emit *e);

/* The Đ or đ (2 bytes) that the look-alike at s[i] becomes by that rule, or NULL. The
 * decision is the same on NFC and NFD text (the syllable check reads both), so the NFC pass
 * makes it too, saving a pass over the text. */
const unsigned char *vn_lookalike_at(const unsigned char *s, size_t len, size_t i);

/* Tone placement and repair as vnseg_tone_style()/vnseg_tone_repair() do it, word by word. */
vnseg_status vn_pass_tone(vn_emit *e, uint32_t steps);

/* Full case folding and/or accent folding, character by character, in one pass. */
vnseg_status vn_pass_fold(vn_emit *e, bool casefold, bool fold);

/* Combining marks that accent folding removes (the combining diacritical marks blocks). */
bool vn_fold_mark(uint32_t cp);

/* The base letter of a letter with a stroke or bar that has no decomposition (Đ Ð Ɖ Ø Ł and
 * their small letters), or 0. */
char vn_fold_stroke(uint32_t cp);

/* True for a code point that reads as part of a word: a letter or a combining mark. */
bool vn_is_word_char(uint32_t cp);

/* End of the word (characters of vn_is_word_char()) that starts at s[i]: i itself when s[i]
 * starts none. *non_ascii (when not NULL) says whether the word holds a non-ASCII character. */
size_t vn_word_end(const unsigned char *s, size_t len, size_t i, bool *non_ascii);

/* The next word that starts at or after s[*i]: its span [*a, *i) and *non_ascii as above;
 * false when the text has no more. */
bool vn_next_word(const unsigned char *s, size_t len, size_t *a, size_t *i, bool *non_ascii);

#endif
