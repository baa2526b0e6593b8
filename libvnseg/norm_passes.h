/* The normalizer's passes: each reads e->in and writes its output and map through the emitter. */
#ifndef VN_NORM_PASSES_H
#define VN_NORM_PASSES_H

#include "legacy.h"
#include "offset_map.h"
#include "vnseg/normalize.h"

/* UTF-8 check (strict: VNSEG_E_INVALID_UTF8 with offset; VNSEG_NORM_LENIENT: U+FFFD, recorded
 * in `bad`) and the character steps INVISIBLE, SPACES, MARKS of `steps`. */
vnseg_status vn_pass_clean(vn_emit *e, uint32_t steps, vn_spans *bad);

/* Offset of the first character of s[0..len) that a step of `steps` may change, or of the
 * first ill-formed byte; `len` when the text is valid and no step has anything to do. */
size_t vn_norm_quick_check(const unsigned char *s, size_t len, uint32_t steps);

/* Unicode NFC; already-NFC stretches are copied. The input is well-formed UTF-8. */
vnseg_status vn_pass_nfc(vn_emit *e);

/* Look-alikes of Đ/đ in Vietnamese words (see VNSEG_NORM_LOOKALIKE). */
vnseg_status vn_pass_lookalike(vn_emit *e);

/* Tone placement and repair through vnseg_tone_style()/vnseg_tone_repair(), word by word. */
vnseg_status vn_pass_tone(vn_emit *e, uint32_t steps);

/* Full case folding; accent folding. */
vnseg_status vn_pass_casefold(vn_emit *e);
vnseg_status vn_pass_fold(vn_emit *e);

/* True for a code point that reads as part of a word: a letter or a combining mark. */
bool vn_is_word_char(uint32_t cp);

#endif
