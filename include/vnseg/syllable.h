/* libvnseg syllables: check and parse Vietnamese syllables, convert and repair tone placement. */
#ifndef VNSEG_SYLLABLE_H
#define VNSEG_SYLLABLE_H

#include "vnseg/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @file syllable.h
 *
 * A Vietnamese syllable is written as onset + rhyme, the rhyme being [medial] nucleus [coda],
 * with one tone. vnseg_syllable_check() and vnseg_syllable_parse() accept exactly the strings
 * that spell one syllable under the rules below; vnseg_tone_style() moves tone marks between
 * the old and the new placement in a whole text; vnseg_tone_repair() moves misplaced marks.
 *
 * @par Input
 * UTF-8, any case (`quốc`, `Quốc`, `QUỐC`, even `qUốC`, which is flagged), NFC, NFD or a mix:
 * the combining marks U+0300 (huyền), U+0301 (sắc), U+0309 (hỏi), U+0303 (ngã), U+0323 (nặng),
 * U+0302 (circumflex), U+0306 (breve), U+031B (horn), and the deprecated U+0340/U+0341 (read as
 * U+0300/U+0301) are merged into the letter before them, in any order. A letter takes at most
 * one modifier and one tone, a tone only on a vowel, a modifier only where Vietnamese has it
 * (ă â ê ô ơ ư). Anything else (digits, punctuation, other letters or marks, f j w z,
 * zero-width characters, invalid UTF-8) makes the string not a syllable.
 *
 * @par Parts
 * - Onset: b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x, or none.
 *   In `qu` the `u` is the medial (onset span `q`, medial span `u`). When the `i` of `gi` is
 *   also the first letter of the nucleus (`gì`, `gìn`, `giếng`: gi + i, gi + iêng), the onset
 *   span is the `g` alone and ::VNSEG_SYL_GI_SHARED is set.
 * - Medial: `o` before a ă e (`hoa`, `hoặc`, `khoẻ`), `u` before â ê y ơ (`tuần`, `huế`,
 *   `thuỷ`, `thuở`) and in yê/ya after it (`khuyên`, `khuya`); and the `u` of `qu`, which may
 *   stand before a ă â e ê y ơ, ô + c (`quốc`) and, as a variant, i (`quí`, `quít`).
 * - Nucleus: a ă â e ê i y o ô ơ u ư; the diphthongs iê/yê + coda and ia/ya without, uô + coda
 *   and ua without, ươ + coda and ưa without; and oo + ng/c of loan words (`xoong`, `moóc`).
 * - Coda: c ch m n ng nh p t, and the glides i y o u.
 *
 * @par Spelling rules applied
 * - k, gh, ngh only before i e ê y (`kim`, `ghế`, `nghiêng`); c, g, ng never before them
 *   (`ci`, `ge`, `ngi` are rejected); q only as qu; c takes no medial (/kw/ is `qu`).
 * - gi + i is written with one i (`gì`, not `gii`); a tone on the i of gi is misplaced
 *   (`già`, not `gìa`).
 * - ă and â need a coda (`ăn`, not `ă`); ă and â take no palatal coda, â no i/o glide.
 * - Codas by nucleus: ch/nh only after a ê i (`anh`, `ếch`, `inh`; `onh`, `ech`, `unh` are
 *   rejected) and after the medial-led uê uy; c/ng not after ê i (`êng`, `ing` rejected);
 *   glides: y only after a â (ay ây), i after a o ô ơ u ư uô ươ, o only after a e (ao eo),
 *   u after a â ê i ư iê ươ (and uy: `khuỷu`); ơ takes no c/ng; ư takes no n/p.
 *   The full table is what rhymes of native words use.
 * - y/i: after a medial u, /i/ is y (`uy`, `uyên`, `khuya`); iê after an onset and ia when no
 *   medial, yê with no onset or after a medial (`yên`, `tiên`; `iên`, `tyên` rejected), ya
 *   only after a medial. With a coda and no medial, /i/ is written i (`kim`, `tinh`).
 * - Stop codas c ch p t take only sắc or nặng. So unaccented `Viet`, `hoc` are not syllables.
 * - At most one tone mark, on the right vowel: the vowel itself; the second letter of iê yê uô
 *   ươ oo (`việt`, `uống`, `người`, `moóc`); the first of ia ya ua ưa (`mía`, `của`, `giữa`).
 *   For an open oa, oe, uy (no coda, no glide, onset other than qu) both the new style
 *   (`hoà`, `khoẻ`, `thuỷ`) and the old style (`hòa`, `khỏe`, `thủy`) are valid and flagged.
 *   A mark elsewhere (`baỏ`, `muá`, `hòang`, `qúy`) makes the string not a syllable.
 *
 * @par Generous rules (real usage varies; these are flagged ::VNSEG_SYL_MARGINAL when they
 *      are the only way the string is accepted, except the y/i one)
 * - a bare y after h k l m n s t th v x and with no onset, as well as i (`kỹ`/`kĩ`,
 *   `lý`/`lí`, `Thy`): both spellings are in common use;
 * - the onset p (`pin`, `pa-nô`) and a medial after b m p ph v gi (`buýt`, `phuy`, `voan`,
 *   `Gioan`), from loan words and names;
 * - oo + ng/c (`xoong`, `boong`, `moóc`), uyp (`tuýp`), ưm (`hừm`), and qu + i (`quí`).
 * What is not generous: anything with f j w z, a consonant cluster not listed above, a vowel
 * after the coda, three vowels that form no rhyme (`hoìa`), or missing tone on a stop coda.
 *
 * @par Tone placement
 * The new style (VnCoreNLP's, and what this library writes by default) puts the mark on the
 * main vowel: `hoà`, `khoẻ`, `thuỷ`. The old style puts it on the medial of an open oa, oe,
 * uy: `hòa`, `khỏe`, `thủy`. The styles agree everywhere else: with a coda or glide
 * (`hoàng`, `hoài`, `thuyền`), with qu and gi (`quý`, `quỳnh`, `già`), and for ia ua ưa uê uơ.
 *
 * @par Thread safety
 * Every function is reentrant and may be called from any number of threads at once. The
 * letter and rhyme tables are constant data compiled into the library. The only table built at
 * run time is the small automaton that the tokenizer's own syllable check walks (derived from
 * the rules above, once, at first use, under pthread_once: about 2 ms and 9 KB of static
 * memory; if its scratch allocation fails, that check uses the rules directly and gives the
 * same answers). Failures record their message in the calling thread's vnseg_error_last().
 */

/** The six tones. Values are stable. */
typedef enum vnseg_tone {
    VNSEG_TONE_NGANG = 0, /**< level, no mark (`ma`) */
    VNSEG_TONE_HUYEN = 1, /**< grave (`mà`) */
    VNSEG_TONE_SAC = 2,   /**< acute (`má`) */
    VNSEG_TONE_HOI = 3,   /**< hook above (`mả`) */
    VNSEG_TONE_NGA = 4,   /**< tilde (`mã`) */
    VNSEG_TONE_NANG = 5   /**< dot below (`mạ`) */
} vnseg_tone;

/** Syllable flags (bits of ::vnseg_syllable.flags). */
enum {
    VNSEG_SYL_CAPITALIZED = 1u << 0, /**< the first letter is upper-case (`Quốc`, `QUỐC`) */
    VNSEG_SYL_ALL_CAPS = 1u << 1,    /**< every letter is upper-case (`QUỐC`, also `Ý`) */
    VNSEG_SYL_MIXED_CASE = 1u << 2,  /**< neither lower, capitalized nor all caps (`qUốc`) */
    VNSEG_SYL_OLD_STYLE = 1u << 3,   /**< tone on the medial, old style (`hòa`, `thủy`) */
    VNSEG_SYL_NEW_STYLE = 1u << 4,   /**< tone on the main vowel where the old style would
                                          differ (`hoà`, `thuỷ`); neither bit: style-neutral */
    VNSEG_SYL_NOT_NFC = 1u << 5,     /**< the bytes hold combining marks (NFD or mixed) */
    VNSEG_SYL_GI_SHARED = 1u << 6,   /**< onset gi whose i is also in the nucleus (`gì`) */
    VNSEG_SYL_MARGINAL = 1u << 7     /**< accepted by a generous rule for loans or variants */
};

/** A part of a syllable: a byte range of the string given to vnseg_syllable_parse(). An absent
 *  part has length 0 and the offset where it would be. */
typedef struct vnseg_syllable_part {
    uint32_t offset; /**< bytes from the start of the string */
    uint32_t length; /**< bytes, combining marks included */
} vnseg_syllable_part;

/**
 * A parsed syllable.
 *
 * The struct grows only at its end. Set `size` to `sizeof(vnseg_syllable)` before calling
 * vnseg_syllable_parse(): the library fills only the fields that lie within `size` bytes, so a
 * program built against this header keeps working with later versions of the library that add
 * fields, and a newer program learns from a smaller version what it has.
 */
typedef struct vnseg_syllable {
    uint32_t size;                   /**< in: sizeof(vnseg_syllable) as the caller knows it */
    uint32_t flags;                  /**< VNSEG_SYL_* bits */
    vnseg_syllable_part onset;       /**< `ngh` of `nghiêng`, `q` of `quốc`, `g` of `gì` */
    vnseg_syllable_part medial;      /**< `o` of `hoa`, `u` of `quốc` and `thuỷ` */
    vnseg_syllable_part nucleus;     /**< `iê` of `nghiêng`, `ư` of `ưu`, `ia` of `nghĩa` */
    vnseg_syllable_part coda;        /**< `ng`, `ch`, or a glide `i` `y` `o` `u` */
    vnseg_syllable_part tone_letter; /**< the letter that carries the tone mark; length 0
                                          for ngang */
    uint32_t tone;                   /**< a ::vnseg_tone */
} vnseg_syllable;

/**
 * Whether s[0..len) is exactly one well-formed Vietnamese syllable (see the rules above).
 * @return 1 if it is, 0 if not (also for an empty string, invalid UTF-8, or `s` NULL).
 */
int vnseg_syllable_check(const char *s, size_t len);

/**
 * Parse s[0..len) as one syllable into `*out` (set `out->size` first; see ::vnseg_syllable).
 * @return ::VNSEG_OK; ::VNSEG_E_INVALID_ARG when the string is not a syllable (the message
 *         in vnseg_error_last() says why), when `out` is NULL, `s` is NULL with `len` > 0, or
 *         `out->size` is smaller than the first version of the struct (52 bytes).
 */
vnseg_status vnseg_syllable_parse(const char *s, size_t len, vnseg_syllable *out);

/** Styles and options of vnseg_tone_style(). */
enum {
    VNSEG_TONE_STYLE_NEW = 1,  /**< the mark on the main vowel: `hoà`, `khoẻ`, `thuỷ` */
    VNSEG_TONE_STYLE_OLD = 2,  /**< the mark on the medial of open oa oe uy: `hòa`, `thủy` */
    VNSEG_TONE_REPAIR = 1 << 8 /**< or-ed with a style: also repair, as vnseg_tone_repair() */
};

/**
 * Rewrite the tone placement of every syllable of a text in the given style.
 *
 * The text is cut into runs of letters and combining marks (any Unicode letter, so `Zoë` or
 * `Pokémon` stay whole); everything between runs (spaces, digits, `_`, punctuation, invalid
 * UTF-8 bytes) is copied unchanged. A run that is a valid syllable whose mark stands where the
 * other style puts it is rewritten in NFC with the mark moved, each letter keeping its case.
 * Every other run, including valid syllables already in the asked style (even when not NFC)
 * and anything that is not a syllable, is copied byte for byte. Only open oa, oe and uy
 * syllables differ between the styles; `quý`, `giá`, `hoàng`, `thuyền` never change.
 *
 * Invalid UTF-8: every byte that is not part of a well-formed character is copied through
 * unchanged (it ends the run before it); it is never an error and never replaced.
 *
 * Buffer protocol, like snprintf: with `out` NULL and `cap` 0 the call only computes the size
 * and returns ::VNSEG_OK; otherwise up to `cap` bytes are written to `out` and nothing past it.
 * The output is not NUL-terminated. `*out_len` receives the bytes of the whole output in
 * both cases. `text` and `out` must not overlap.
 *
 * @param style ::VNSEG_TONE_STYLE_NEW or ::VNSEG_TONE_STYLE_OLD, optionally or-ed with
 *        ::VNSEG_TONE_REPAIR.
 * @return ::VNSEG_OK; ::VNSEG_E_BUFFER when `cap` is too small (`*out_len` is the size
 *         needed; `out` then holds an unusable prefix); ::VNSEG_E_INVALID_ARG for `out_len`
 *         NULL, `text` NULL with `len` > 0, `out` NULL with `cap` > 0, or an unknown style.
 */
vnseg_status vnseg_tone_style(const char *text, size_t len, int style, char *out, size_t cap,
                              size_t *out_len);

/**
 * Move misplaced tone marks and horns where the syllable structure leaves one reading only;
 * same text runs and buffer protocol as vnseg_tone_style(), placement style otherwise kept.
 *
 * Runs it touches (each rewritten in NFC, case kept):
 * - one tone mark on a letter that cannot carry it, when the letters without the mark spell a
 *   valid syllable and the tone fits its coda: the mark moves to the main vowel (`baỏ` ->
 *   `bảo`, `muá` -> `múa`, `hòang` -> `hoàng`, `qúy` -> `quý`, `gìa` -> `già`, `ngươì` ->
 *   `người`, `lựơng` -> `lượng`);
 * - `ưo` or `uơ` followed by a coda or glide, when `ươ` there makes a valid syllable (`lưọng`,
 *   `luợng` -> `lượng`, `thuơng` -> `thương`); the tone mark then goes to the ơ.
 *
 * Runs it leaves alone: valid syllables; two or more tone marks; a tone that cannot stand with
 * the coda (`hòc`); `uo` + coda (uô or ươ?); letters that spell no rhyme however the mark is
 * placed (`hoìa`); anything that is not made of Vietnamese letters.
 */
vnseg_status vnseg_tone_repair(const char *text, size_t len, char *out, size_t cap,
                               size_t *out_len);

#ifdef __cplusplus
}
#endif

#endif
