/* libvnseg normalization: clean, compose, fold and decode Vietnamese text, with an offset map. */
#ifndef VNSEG_NORMALIZE_H
#define VNSEG_NORMALIZE_H

#include "vnseg/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @file normalize.h
 *
 * vnseg_normalize() rewrites UTF-8 text by a chosen set of steps; vnseg_decode_legacy() first
 * decodes bytes of a pre-Unicode Vietnamese encoding (or repairs mojibake). Both return a
 * ::vnseg_norm result: the normalized UTF-8 and an offset map between it and the caller's
 * original bytes, so that every later result (tokens, entities, errors) can point into the
 * original.
 *
 * @par The steps, in the order they run (each on or off)
 * - ::VNSEG_NORM_INVISIBLE: remove U+200B ZWSP, U+200C ZWNJ, U+FEFF BOM (anywhere), U+2060 WJ,
 *   U+00AD soft hyphen, U+200E LRM, U+200F RLM, U+061C ALM, U+202A..U+202E (embeddings and
 *   overrides) and U+2066..U+2069 (isolates). U+200D ZWJ is removed too, except between two
 *   emoji: it stays when the character before it is Extended_Pictographic, an emoji modifier
 *   (U+1F3FB..U+1F3FF) or U+FE0F, and the character after it is Extended_Pictographic
 *   (`👩‍💻`, `🏳️‍🌈` keep their ZWJ; `a‍b` loses it).
 * - ::VNSEG_NORM_SPACES: every Unicode space separator (general category Zs: U+00A0 NBSP,
 *   U+1680, U+2000..U+200A, U+202F, U+205F, U+3000) becomes an ASCII space. Tabs, line breaks
 *   (LF, CR, U+0085, U+2028, U+2029) and other controls are kept.
 * - ::VNSEG_NORM_MARKS: the deprecated combining marks U+0340 and U+0341 become U+0300 and
 *   U+0301 (NFC does this too; this step does it without the rest of NFC).
 * - ::VNSEG_NORM_NFC: Unicode Normalization Form C (`Vie` U+0323 U+0302 `t` -> `Việt`).
 *   Text that is already NFC is recognized by a quick check and not copied.
 * - ::VNSEG_NORM_LOOKALIKE: U+00D0 `Ð` (eth) and U+0189 `Ɖ` (African D) become U+0110 `Đ`,
 *   U+00F0 `ð` and U+0256 `ɖ` become U+0111 `đ`, in a Vietnamese context only: the look-alike
 *   starts a word (a run of letters and combining marks), that word with `Đ`/`đ` in its place is
 *   a Vietnamese syllable (vnseg_syllable_check()), and the word itself, or the word before or
 *   after it (at most 16 bytes of spaces or punctuation away, on the same line), holds a
 *   Vietnamese letter with a diacritic (ă â ê ô ơ ư đ or a tone mark). `ÐÀ NẴNG`, `Ðinh_Tiến`,
 *   `Ɖây` are changed; Icelandic `Guðrún`, `Ðorgeir`, and a lone `Ða` are not.
 * - ::VNSEG_NORM_REPAIR: misplaced tone marks and missing horns are repaired where the syllable
 *   structure leaves one reading only, exactly as vnseg_tone_repair() does (`baỏ` -> `bảo`,
 *   `lựơng` -> `lượng`, `thuơng` -> `thương`), one word at a time.
 * - ::VNSEG_NORM_TONE_NEW or ::VNSEG_NORM_TONE_OLD: tone placement in the new (`hoà`, `thuỷ`)
 *   or old (`hòa`, `thủy`) style, exactly as vnseg_tone_style() does; both at once is an error.
 *   Words these two steps rewrite come out in NFC.
 * - ::VNSEG_NORM_CASEFOLD: Unicode full case folding (CaseFolding.txt, status C and F):
 *   `ĐƯỜNG` -> `đường`, `ß` -> `ss`. A folded character is not recomposed: `İ` gives `i` U+0307.
 * - ::VNSEG_NORM_FOLD: accent folding for search keys: every Vietnamese letter becomes its base
 *   letter, case kept (`Đ` -> `D`, `đ` -> `d`, `ườ` -> `uo`); `Ð` `Ɖ` -> `D`, `ð` `ɖ` -> `d`,
 *   `Ø` -> `O`, `ø` -> `o`, `Ł` -> `L`, `ł` -> `l`; other letters lose the marks of their
 *   canonical decomposition that lie in the combining diacritical marks blocks (U+0300..U+036F,
 *   U+1AB0..U+1AFF, U+1DC0..U+1DFF, U+FE20..U+FE2F), and such marks standing alone are removed.
 *   Marks of other scripts (Devanagari, Arabic, Thai, ...) are kept. With ::VNSEG_NORM_CASEFOLD:
 *   `Đường Hoà Bình` -> `duong hoa binh` (see ::VNSEG_NORM_SEARCH).
 *
 * @par Invalid UTF-8
 * By default the first ill-formed sequence fails the call with ::VNSEG_E_INVALID_UTF8 and its
 * byte offset in vnseg_error_last(). With ::VNSEG_NORM_LENIENT every maximal ill-formed
 * subsequence (Unicode chapter 3) becomes one U+FFFD and is listed by vnseg_norm_unmapped().
 *
 * @par The offset map
 * The map cuts both texts into aligned pieces: *copies*, where the normalized bytes equal the
 * original bytes, and *units*, where a non-empty original range became a non-empty normalized
 * range (a composed or decomposed character, a replaced letter, a decoded legacy letter, a
 * rewritten syllable letter). Its contract:
 * - every normalized byte comes from a non-empty original range, and every original byte goes
 *   to exactly one piece; the pieces are in the same order in both texts (monotone);
 * - a unit maps as a whole: any byte of it maps to the unit's whole range on the other side;
 *   in a copy, a byte maps to the UTF-8 character that holds it; so no range ever starts or
 *   ends inside a UTF-8 sequence of either text (for legacy input: inside a legacy character);
 * - a deleted character (an invisible one, a mark removed by folding) belongs to the piece of
 *   the normalized character before it, which becomes a unit if it was a copy; when nothing
 *   precedes it, to the piece of the character after it; when the whole text is deleted, the
 *   normalized text is empty and every original range maps to the empty range at 0;
 * - mapping a normalized span to the original and the result back gives a span that contains
 *   the first one, and mapping that again gives the same original span (round trips are
 *   stable after one step).
 *
 * @par Thread safety
 * Every function is reentrant. A ::vnseg_norm is immutable once made: any number of threads
 * may read it at once. Failures record their message in the calling thread's
 * vnseg_error_last().
 */

/** Normalization steps and options (bits of the `steps` argument). */
enum {
    VNSEG_NORM_NFC = 1u << 0,       /**< Unicode NFC */
    VNSEG_NORM_MARKS = 1u << 1,     /**< U+0340/U+0341 to U+0300/U+0301 */
    VNSEG_NORM_LOOKALIKE = 1u << 2, /**< `Ð` `Ɖ` `ð` `ɖ` to `Đ`/`đ` in Vietnamese words */
    VNSEG_NORM_INVISIBLE = 1u << 3, /**< remove zero-width, BOM, soft hyphen, bidi marks */
    VNSEG_NORM_SPACES = 1u << 4,    /**< Unicode spaces to ASCII space */
    VNSEG_NORM_TONE_NEW = 1u << 5,  /**< tone marks in the new style (`hoà`) */
    VNSEG_NORM_TONE_OLD = 1u << 6,  /**< tone marks in the old style (`hòa`) */
    VNSEG_NORM_REPAIR = 1u << 7,    /**< repair misplaced tone marks (`baỏ` -> `bảo`) */
    VNSEG_NORM_CASEFOLD = 1u << 8,  /**< Unicode full case folding */
    VNSEG_NORM_FOLD = 1u << 9,      /**< accent folding (`Đường` -> `Duong`) */
    VNSEG_NORM_LENIENT = 1u << 16   /**< option: ill-formed UTF-8 to U+FFFD instead of failing */
};

/** The safe default: steps that change how text is encoded, never which letters it spells. */
#define VNSEG_NORM_DEFAULT                                                                         \
    (VNSEG_NORM_NFC | VNSEG_NORM_MARKS | VNSEG_NORM_LOOKALIKE | VNSEG_NORM_INVISIBLE |             \
     VNSEG_NORM_SPACES)

/** Search keys: the default steps, case folding and accent folding. */
#define VNSEG_NORM_SEARCH (VNSEG_NORM_DEFAULT | VNSEG_NORM_CASEFOLD | VNSEG_NORM_FOLD)

/** A normalization result: the normalized text and its offset map. Opaque, immutable. */
typedef struct vnseg_norm vnseg_norm;

/**
 * Normalize `len` bytes of UTF-8 at `text` by `steps` (VNSEG_NORM_* bits).
 *
 * When no step changes anything, the result does not copy: vnseg_norm_text() then returns
 * `text` itself, which must stay alive and unchanged while the result is used (check with
 * vnseg_norm_changed()). Otherwise the result owns its text.
 *
 * @param out receives the result, to be freed with vnseg_norm_free(); NULL on failure.
 * @return ::VNSEG_OK; ::VNSEG_E_INVALID_UTF8 (offset in vnseg_error_last()) without
 *         ::VNSEG_NORM_LENIENT; ::VNSEG_E_NOMEM; ::VNSEG_E_INVALID_ARG for `out` NULL, `text`
 *         NULL with `len` > 0, unknown step bits, or both tone styles.
 */
vnseg_status vnseg_normalize(const char *text, size_t len, uint32_t steps, vnseg_norm **out);

/**
 * The normalized text (not NUL-terminated) and its length in `*len` (may be NULL). Valid until
 * vnseg_norm_free(); it is the caller's input when vnseg_norm_changed() is 0.
 */
const char *vnseg_norm_text(const vnseg_norm *norm, size_t *len);

/** Length in bytes of the original input. */
size_t vnseg_norm_original_length(const vnseg_norm *norm);

/** 1 when the normalized text differs from the input (and is owned by the result), else 0. */
int vnseg_norm_changed(const vnseg_norm *norm);

/**
 * The original byte range that the normalized bytes [start, end) come from, widened to whole
 * pieces (see the map contract). An empty span `start == end` maps to the empty range at the
 * start of the piece or character that holds `start` (at the original's end when `start` is
 * the normalized length).
 * @return ::VNSEG_OK; ::VNSEG_E_INVALID_ARG when `start > end`, `end` is beyond the normalized
 *         text, or an argument is NULL.
 */
vnseg_status vnseg_norm_to_original(const vnseg_norm *norm, size_t start, size_t end,
                                    size_t *orig_start, size_t *orig_end);

/**
 * The normalized byte range that the original bytes [orig_start, orig_end) became, widened to
 * whole pieces. Original bytes that were deleted belong to a neighbour's piece (see above). An
 * empty span maps to the empty range at the start of its piece.
 * @return ::VNSEG_OK; ::VNSEG_E_INVALID_ARG for a span outside the original or NULL arguments.
 */
vnseg_status vnseg_norm_from_original(const vnseg_norm *norm, size_t orig_start, size_t orig_end,
                                      size_t *start, size_t *end);

/**
 * Number of pieces of the map (copies and units, in order; 0 for an empty text). Adjacent
 * copies are one piece, so an unchanged text has a single piece.
 */
size_t vnseg_norm_piece_count(const vnseg_norm *norm);

/**
 * Piece `index` of the map: normalized range [start, end), original range [orig_start,
 * orig_end), and `*is_copy` 1 for a copy (equal bytes), 0 for a unit. Any output pointer may
 * be NULL. @return ::VNSEG_OK or ::VNSEG_E_INVALID_ARG for an index out of range.
 */
vnseg_status vnseg_norm_piece(const vnseg_norm *norm, size_t index, size_t *start, size_t *end,
                              size_t *orig_start, size_t *orig_end, int *is_copy);

/**
 * The whole map in one call, for bindings and for callers that copy it: five values per
 * piece, in order, `start`, `end`, `orig_start`, `orig_end` and `is_copy` (1 or 0), as
 * vnseg_norm_piece() gives them. Works like snprintf: pass `out` NULL and `cap` 0 to learn the
 * count (five times vnseg_norm_piece_count()). One pass over the map.
 * @param cap number of uint64_t values `out` has room for.
 * @param out_len receives the number of values written, or needed when `cap` is too small.
 * @return ::VNSEG_OK; ::VNSEG_E_BUFFER when `cap` is too small (nothing useful in `out`);
 *         ::VNSEG_E_INVALID_ARG for a NULL `norm` or `out_len`, or `out` NULL with `cap` > 0.
 */
vnseg_status vnseg_norm_pieces(const vnseg_norm *norm, uint64_t *out, size_t cap,
                               size_t *out_len);

/**
 * Number of input characters that could not be mapped: bytes without a character in a legacy
 * chart, legacy sequences that spell no letter, and ill-formed UTF-8 read with
 * ::VNSEG_NORM_LENIENT. Each became U+FFFD in the normalized text; none was dropped.
 */
size_t vnseg_norm_unmapped_count(const vnseg_norm *norm);

/**
 * Unmapped character `index` (in input order): its original byte range [orig_start,
 * orig_start + orig_len). @return ::VNSEG_OK or ::VNSEG_E_INVALID_ARG.
 */
vnseg_status vnseg_norm_unmapped(const vnseg_norm *norm, size_t index, size_t *orig_start,
                                 size_t *orig_len);

/** Free a result. NULL is allowed. The caller's input is never freed. */
void vnseg_norm_free(vnseg_norm *norm);

/**
 * Text encodings that vnseg_decode_legacy() reads, vnseg_encode_legacy() writes and
 * vnseg_detect_encoding() tells apart. Values are stable.
 *
 * - UTF-8.
 * - TCVN3: TCVN 5712:1993 in the one-byte form of the "ABC" fonts (.VnTime, VN3): ASCII, and
 *   at A1..FE the lower-case letters with all tones, Ă Â Ê Ô Ơ Ư Đ, and the tone marks B0..B4
 *   (huyền hỏi ngã sắc nặng), which are composed with the vowel before them. Capitals with
 *   tones are encoded as capital + tone mark. Text typed with the ABC capital fonts
 *   (.VnTimeH), which show capitals at the lower-case codes, decodes as lower case; the extra
 *   capitals of the VN1 form (at C0 controls and 80..9F) are not decoded (unmapped).
 * - VNI (VNI-Windows fonts, "VNI-Times"): ASCII letters followed by diacritic bytes read as
 *   Windows-1252 (`Vieät` = Việt): tone bytes ù ø û õ ï (Ù Ø Û Õ Ï for capitals), â
 *   circumflex, ê breve, circumflex with a tone á à å ã ä, breve with a tone é è ú ü ë; whole
 *   letters ô ö ñ for ơ ư đ and ì í æ ó ò for ì í ỉ ĩ ị (capitals alike). Bytes 80..BF are read
 *   as Windows-1252 punctuation; a diacritic byte that fits no letter is unmapped.
 * - VIQR (RFC 1456): ASCII letters followed by ASCII marks: `(` breve, `^` circumflex, `+`
 *   (or `*`) horn, then `'` sắc, `` ` `` huyền, `?` hỏi, `~` ngã, `.` nặng; `dd` at the start of
 *   a word is `đ` (`DD` or `Dd` `Đ`). A mark applies only to a letter that can take it, in a
 *   word that has no tone yet; a backslash before a mark, `d`, `D` or a backslash makes that
 *   character literal (`ddi\.` = `đi.`; without it `ddi.` decodes as `đị`).
 * - VISCII (RFC 1456): all 134 precomposed letters, six of them at C0 control positions
 *   (02 05 06 14 19 1E).
 * - Windows-1258: Windows-1252's layout with Ă ă Đ đ Ơ ơ Ư ư ₫ and the combining tone marks
 *   U+0300 U+0301 U+0303 U+0309 U+0323 (bytes CC EC DE D2 F2); a tone mark after a Vietnamese
 *   vowel is composed with it. The nine undefined bytes (81 8A 8D 8E 8F 90 9A 9D 9E) are
 *   unmapped.
 * - Mojibake: UTF-8 whose bytes were read as Windows-1252 (or Latin-1) and written again as
 *   UTF-8 (`Viá»‡t` = Việt), once or twice over. Decoding puts back every run of characters
 *   whose Windows-1252 bytes form well-formed multi-byte UTF-8 and leaves the rest as it is.
 */
typedef enum vnseg_encoding {
    VNSEG_ENC_UTF8 = 0,
    VNSEG_ENC_TCVN3 = 1,
    VNSEG_ENC_VNI = 2,
    VNSEG_ENC_VIQR = 3,
    VNSEG_ENC_VISCII = 4,
    VNSEG_ENC_CP1258 = 5,
    VNSEG_ENC_MOJIBAKE = 6
} vnseg_encoding;

/** Number of encodings (values 0 .. VNSEG_ENC_COUNT - 1). */
#define VNSEG_ENC_COUNT 7

/** "utf8", "tcvn3", "vni", "viqr", "viscii", "cp1258", "mojibake"; "?" for an unknown value. */
const char *vnseg_encoding_name(int encoding);

/** The encoding named `name` (the names above, case-insensitive, and the aliases "utf-8",
 *  "abc", "vn3", "windows-1258"), or -1. */
int vnseg_encoding_from_name(const char *name);

/**
 * Decode `len` bytes in `encoding` to UTF-8, then apply `steps` as vnseg_normalize() does.
 * The decoded text is NFC for every Vietnamese letter whatever the steps; the map points into
 * the caller's bytes, and characters that could not be decoded are listed by
 * vnseg_norm_unmapped() (they are U+FFFD in the text). ::VNSEG_ENC_UTF8 is vnseg_normalize().
 * @return as vnseg_normalize(), and ::VNSEG_E_INVALID_ARG for an unknown encoding.
 */
vnseg_status vnseg_decode_legacy(const char *bytes, size_t len, int encoding, uint32_t steps,
                                 vnseg_norm **out);

/** Options of vnseg_encode_legacy(). */
enum {
    VNSEG_ENCODE_SUBSTITUTE = 1u << 0 /**< write `?` for a character the encoding lacks
                                           instead of failing */
};

/**
 * Encode UTF-8 `text` in `encoding` (the inverse of vnseg_decode_legacy(); for
 * ::VNSEG_ENC_MOJIBAKE it makes mojibake). Any normalization form is accepted: Vietnamese
 * letters written with combining marks are encoded as the precomposed letter. VIQR output
 * escapes with a backslash every character that decoding would read as a mark.
 * Buffer protocol as vnseg_tone_style(): with `out` NULL and `cap` 0 only the size is computed.
 * @return ::VNSEG_OK; ::VNSEG_E_ENCODING for a character the encoding lacks (its byte offset
 *         in vnseg_error_last()) unless ::VNSEG_ENCODE_SUBSTITUTE; ::VNSEG_E_INVALID_UTF8;
 *         ::VNSEG_E_BUFFER when `cap` is too small (`*out_len` is the size needed);
 *         ::VNSEG_E_INVALID_ARG.
 */
vnseg_status vnseg_encode_legacy(const char *text, size_t len, int encoding, uint32_t options,
                                 char *out, size_t cap, size_t *out_len);

/**
 * Guess the encoding of `len` bytes: decode a sample (the first 64 KiB) in each encoding and
 * score how much of it reads as Vietnamese (words that are syllables with diacritics, against
 * words that are not and characters that could not be decoded). Plain ASCII text is UTF-8
 * unless VIQR marks make Vietnamese syllables of it.
 * @param encoding receives the best ::vnseg_encoding.
 * @param confidence receives a value in [0, 1]: near 1 when the sample is clearly Vietnamese in
 *        that encoding and no other comes close; 0 for empty or plain ASCII input without
 *        Vietnamese. May be NULL.
 * @return ::VNSEG_OK, ::VNSEG_E_NOMEM or ::VNSEG_E_INVALID_ARG.
 */
vnseg_status vnseg_detect_encoding(const char *bytes, size_t len, int *encoding,
                                   double *confidence);

/**
 * The score of every encoding for the same sample, in [0, 1] (1: every word with a diacritic
 * is a Vietnamese syllable and nothing was unmapped). `scores[e]` is filled for
 * e < min(count, ::VNSEG_ENC_COUNT); an encoding that cannot hold the bytes (UTF-8 for
 * ill-formed input) scores 0.
 * @return ::VNSEG_OK, ::VNSEG_E_NOMEM or ::VNSEG_E_INVALID_ARG.
 */
vnseg_status vnseg_detect_scores(const char *bytes, size_t len, double *scores, size_t count);

#ifdef __cplusplus
}
#endif

#endif
