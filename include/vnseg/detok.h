/* libvnseg detokenizer: segmented tokens back to natural text, with token-to-text alignment. */
#ifndef VNSEG_DETOK_H
#define VNSEG_DETOK_H

#include "vnseg/common.h"
#include "vnseg/tokenizer.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @file detok.h
 *
 * The detokenizer turns word-segmented text back into the text a Vietnamese reader expects,
 *
 *     lãnh_đạo ( phải ) nói : " Tại_sao lại không nhỉ ? "
 *     lãnh đạo (phải) nói: "Tại sao lại không nhỉ?"
 *
 * and tells, for every input token, which bytes of the output it became (an *alignment*, like
 * HarfBuzz's clusters), so that what a model found on token k (an entity, a label) lands on
 * the right characters of the natural text, and any output byte leads back to its token.
 *
 * It works on a tokenized ::vnseg_doc (vnseg_tokenize()): tokens, kinds, the direction of every
 * quote and the lines come from the tokenizer. vnseg_detokenize_text() does both steps for
 * callers who only want the text.
 *
 * Output. Each token is written as its own bytes with the `_` that separate syllables turned
 * into spaces (the underscore rule of tokenizer.h: `Tổng_thống` gives `Tổng thống`, while
 * `https://a.vn/x_y`, `__init__` and `tbl_2` keep theirs), and, when the document was
 * tokenized with ::VNSEG_OPT_ESCAPES, `\_` and `\\` written as `_` and `\`. Nothing else in a
 * token changes: no normalization, no case change, no quote replacement, and ill-formed bytes
 * read in lenient mode are copied as they are (so the output is valid UTF-8 whenever the input
 * is). Between two tokens of a line the detokenizer writes one ASCII space or nothing. Line
 * structure is kept: every line break of the input (LF, CR, CRLF, VT, FF, NEL, U+2028, U+2029)
 * is copied, so the output has one line per input line; other white space at the start and end
 * of lines is dropped. The output is never longer than the input.
 *
 * Rules (the default mode). A space goes between two tokens unless a rule below says no; a
 * rule decides from the two tokens' kinds and text and from their neighbours on the line.
 * - Punctuation. No space before `,` `.` `:` `;` `?` `!` `…` `...` `?!`, before `)` `]` `}`
 *   and closing quotes; none after `(` `[` `{` and opening quotes. `%`, `‰`, `₫` and `đ`
 *   attach to the number before them (`2,4%`, `100.000đ`). A slash joins two words (`Nạp/Lưu`,
 *   `km/h`, `1/8/2014`) but stays spaced between names of several words (`Hộp tổ hợp / Hộp
 *   liệt kê`). An ellipsis that opens a line before a lower-case word touches it (`... trước
 *   khi` gives `...trước khi`: the line goes on from what was left out); before a capital it
 *   is a pause and stays spaced. A Vietnamese word after a scheme is no host (`file : / / để`
 *   gives `file:// để`). Tokens are never split: `…`, `...`, `?!`, `:))`, URLs stay whole.
 * - Quotes. Curly quotes and guillemets go by their direction: `“` `‘` `„` attach to what
 *   follows, `”` `’` to what precedes (as their ASCII twins do: the closing curly quotes are
 *   not treated as opening ones, a known bug of Moses' detokenizer); when every curly double
 *   quote of a line is turned the same way and there is an even number of them (`“ git rm “`,
 *   written with a key that gives one mark), they open and close by position. Straight `"`, `'` and
 *   `` ` `` are paired by position: when a line holds an even number of one kind they
 *   alternate open, close; otherwise each sentence holding an even number does; a sentence
 *   with an odd number keeps the direction the tokenizer read from the neighbours. An
 *   apostrophe (`don ' t`, `H ' Len`) joins both sides and is no quote. Guillemets keep a space
 *   inside (`« Bởi tác giả »`), as the Vietnamese texts that use them do (French habit; in the
 *   development set 798 of 798 `«` and 789 of 789 `»` are spaced), unless they quote a pattern
 *   or an expression (see technical text).
 * - Dashes. A dash between words stays spaced (`Nga - Ukraine`, `bà Thìn - trưởng ban - cho
 *   biết`); a hyphen inside a token stays (`Kim_Jong-un`, `F-16`). Split dashes are joined
 *   again where they cannot be a dash between words: runs (`- -` gives `--`), before an option
 *   (`- l` gives `-l`, `- - help` gives `--help`, `- fPIC`, `“ - Wa`, `- - png= FILE`: a single
 *   letter, a name that cannot be Vietnamese or holds a digit, `-` or `=`), a number and a
 *   word that cannot be Vietnamese (`7 - bit` gives `7-bit`), two numbers of one or two digits
 *   (a date, a score, a short range: `17 - 3`, `2 - 1`; years stay spaced: `1994 - 1995`).
 * - Numbers split by a segmenter are joined again only where that is unambiguous: a time
 *   (`10 : 30`, hours 0-23 and minutes, unless the hour is the number of a label: `ngày 16 :
 *   16 ca` stays), `5 g 10`, thousands or a decimal with a dot (`1 . 000`, `0 . 5`: one to
 *   three digits before), a decimal with a comma when it cannot be a list (`0 , 05`,
 *   `2 , 71828`, `2 , 4 %`; `tháng 3 , 5` stays), `640 × 480`, `0 .. 1`, `2 ^ 10`.
 * - Abbreviations keep the spacing their source most likely had: the dot attaches to the
 *   abbreviation and a space follows (`TP. HCM`, `TP . HCM` gives `TP. HCM`, `GS. TS`). The news
 *   data this was decided on (news-seg) writes `TP.` as a token of its own 128 times (127 of
 *   them before `HCM`) and `TP.HCM.` as one token once.
 * - Run-on titles. Text the tokenizer guessed to be a title run into its lead
 *   (::VNSEG_SF_GUESSED) is left as given: no punctuation and no line break is added.
 * - Technical text (the development set is software help and messages), where a segmenter
 *   splits what was written without spaces: cell references and ranges (`A 1 : B 1` gives
 *   `A1:B1`, `$B $3`), formulas (`=SUM ( A 1 ; 2 )` gives `=SUM(A1;2)`, and
 *   everything between guillemets that starts with `=`), calls whose argument is code
 *   (`CHAR ( 10 )`, `cut ( 1 )`, `STYLE ( )`; an acronym explained in words keeps its space:
 *   `WHO (Tổ chức Y tế Thế giới)`), functions of one variable (`f ( x )`, `NOT ( A )`,
 *   `CHIDIST ( x ;`, `sizeof ( char )`; not `a (b)`, `Escape (esc)`), manual sections
 *   (`git-pull ( 1 )`), patterns and expressions between guillemets (`« t * ng »`
 *   gives `« t*ng »`), tags and placeholders (`< Tên >`, `< ? >`, `% < PRIuMAX >`, `% 1`,
 *   `% . * s`, `%1$ u`, `# type #`; a tag with attributes or a placeholder in words up to 40
 *   tokens long, `< META NAME= " x " >`, when a word opens it and no `,` `.` `;` `:` stands
 *   inside), Windows paths (`C : \ Data \ x`), file extensions (`. odt` gives `.odt`),
 *   letters and numbers of codes (`SHA 1`, `3 D`, `X. 509`, `Đ.SỐ 1`, `Kiểu= 1`, `ISO-8859
 *   -1`, `IPv 6`, `PRIu 32`; a decimal or a version is no cell's row: `ODF 1.1`, `NT 5.01`),
 *   the constant π with its sign or factor (`- π / 2`, `2 π`), option values (`--context
 *   [ =SỐ ]`, `--arg-file = FILE`), key combinations (`Shift + Enter`, `Ctrl +8`, `C + +`;
 *   after a modifier key whatever is pressed or done: `Shift + kéo`), a menu's accelerator
 *   mark (`t ~ rang` gives `t~rang`, `Sửa_đổi ~ mẫu` gives `Sửa đổi ~mẫu`, `~ Lưu` opening a
 *   line gives `~Lưu`), a lower-case
 *   letter and its number (`x 2`, `r 3`, `i 386`; not `5 g 30` after a number, `3 m x 4 m`,
 *   `Quân y 103`),
 *   `R & D`, `# REF !`, `$ ( ARG1 )`, `\ n`, `== >`, `< >`, `< =`, `! =`, `X : : y`,
 *   `[ : upper : ]`, `x [ 1 ]`, `10 | 30`, `@ nn`, `^ I`, `0 x1F`, placeholders in capitals
 *   (`CÁC ; CÂU ; LỆNH`), formats of three fields in any case (`Gi : Ph : Gy`), a quoted name
 *   of code and its number (`“ dsp : 16 ”`; not `« Mã : 5 »`), options in capitals after two
 *   dashes (`- - GTYPE-format`, `- - Group < GID >`; not `K.H - - CEO của`), a sign opening
 *   a value (`+ N` after a bracket, quote, colon or comma; `2 + K` stays, and so does a
 *   bullet: `+ 3 người` opening a line), a section's number after a name of code
 *   (`idata $5`), `> >` and `< <` (one sign; runs of three are left alone), the head of a
 *   regular expression's group (`( * ACCEPT )`, `( ? R )`; not `( * )`, `( ? )`), versions
 *   with a dot after a version letter (`TLSv 1.2`), scientific notation (`1.00 E +03`,
 *   `10 E-45`).
 * - Lists. An ellipsis that closes a list is spaced from its comma (`A , B , ... )` gives
 *   `A, B, ...)`, and at a line's end or before a closing quote likewise; inside code it
 *   touches: `< PID , ... >`); four digits after a comma and a number of two digits or more
 *   are a list's next item or a year, not decimals (`10 , 100 , 1000`, `30 , 1899`; `3 ,
 *   1416` stays a decimal).
 * Each rule has its tests in tests/test_detok.c; docs/detok.md gives the figures measured on
 * the development set.
 *
 * Lossless mode (::VNSEG_DETOK_LOSSLESS). When the tokens record the spacing of an original
 * text, as those of a segmenter that joins only syllables separated by one ASCII space do,
 * the original comes back byte for byte: every separator between tokens (and before the first
 * and after the last) is copied as it is, a token followed by no separator
 * (no ::VNSEG_TF_SPACE_AFTER) is followed by nothing, and each syllable-separating `_` becomes
 * one space. For a document made by vnseg_tokenize() this gives the segmented text with
 * underscores turned into spaces and every separator kept.
 *
 * Alignment. vnseg_detok_spans() gives, for token i of the document, the byte span of the
 * output it became; every token gives at least one byte, so spans are never empty. Spans are
 * in bounds, in token order and do not overlap; the bytes between them are spaces and line
 * breaks the detokenizer wrote, which belong to no token (vnseg_detok_token_at() returns
 * ::VNSEG_DETOK_NONE for them). The output at span i is vnseg_doc_token_form() of token i with
 * ::VNSEG_FORM_SPACES. Input spans are the tokens' own `offset` and `length`, so the two
 * together map any range of the input to the output and back.
 *
 * Offsets are bytes. For code points (what Python's `str` indexes), count the bytes of the
 * output before an offset that are not UTF-8 continuation bytes (0x80..0xBF); for UTF-16
 * (JavaScript, Java, C#), count those bytes again and add one for every 4-byte sequence (lead
 * byte 0xF0..0xF4). Both are one pass over the output.
 *
 * Thread safety: a ::vnseg_detok does not change once made (until it is refilled with
 * vnseg_detokenize_into() or freed), so several threads may read it at once. Making one only
 * reads the document (and does not keep it: the result stays valid after the document is
 * changed or freed), so several threads may detokenize one document at once, each into its own
 * result, as long as nobody tokenizes into that document meanwhile.
 */

/** Options of vnseg_detokenize() and vnseg_detokenize_text(), or-ed together. */
enum {
    VNSEG_DETOK_LOSSLESS = 1u << 16 /**< copy the input's separators instead of the rules */
};

/** What vnseg_detok_token_at() returns for a byte that belongs to no token. */
#define VNSEG_DETOK_NONE SIZE_MAX

/** A detokenized text and its alignment to the tokens it came from. Opaque, immutable. */
typedef struct vnseg_detok vnseg_detok;

/**
 * Detokenize a document into a new result.
 * @param options ::VNSEG_DETOK_LOSSLESS or 0; tokenizer options (VNSEG_OPT_*) are accepted and
 *        ignored, so one options word may serve both calls.
 * @param out receives the result, owned by the caller: free it with vnseg_detok_free(). It does
 *        not point into `doc` or its text. NULL on failure.
 * @return ::VNSEG_OK; ::VNSEG_E_NOMEM (nothing leaked); ::VNSEG_E_INVALID_ARG for a NULL `doc`
 *         or `out`, or unknown option bits.
 */
vnseg_status vnseg_detokenize(const vnseg_doc *doc, uint32_t options, vnseg_detok **out);

/**
 * An empty result to fill with vnseg_detokenize_into() again and again: it keeps its memory,
 * like a ::vnseg_doc, which is what a loop over many lines or documents wants. Free it with
 * vnseg_detok_free(). NULL on no memory.
 */
vnseg_detok *vnseg_detok_new(void);

/**
 * Detokenize a document into `d`, replacing what it held (pointers from vnseg_detok_text() and
 * vnseg_detok_spans() taken before are invalid afterwards). On failure `d` is left empty.
 * @return as vnseg_detokenize(); ::VNSEG_E_INVALID_ARG for a NULL `d` or `doc`.
 */
vnseg_status vnseg_detokenize_into(vnseg_detok *d, const vnseg_doc *doc, uint32_t options);

/**
 * The output text and its length in bytes. It is followed by a NUL byte (not counted), so it
 * may be used as a C string when it holds no NUL itself. Valid until vnseg_detok_free() or
 * the next vnseg_detokenize_into() on `d`.
 */
const char *vnseg_detok_text(const vnseg_detok *d, size_t *len);

/** Number of tokens aligned: the document's token count. */
size_t vnseg_detok_token_count(const vnseg_detok *d);

/**
 * The alignment: one span of the output per input token, in token order. Never empty spans.
 * NULL when there are no tokens. Valid until vnseg_detok_free() or the next
 * vnseg_detokenize_into() on `d`.
 */
const vnseg_span *vnseg_detok_spans(const vnseg_detok *d);

/**
 * The token whose output span holds byte `offset` of the output (a binary search), or
 * ::VNSEG_DETOK_NONE for a space or line break between tokens and for offsets past the end.
 */
size_t vnseg_detok_token_at(const vnseg_detok *d, uint64_t offset);

/**
 * Project tokens to the output: the byte span from the start of token `first` to the end of
 * token `first + count - 1` (what a label on those tokens covers in the natural text).
 * @return ::VNSEG_OK, or ::VNSEG_E_INVALID_ARG when `count` is 0 or the range is out of bounds.
 */
vnseg_status vnseg_detok_span_of(const vnseg_detok *d, size_t first, size_t count,
                                 vnseg_span *span);

/**
 * Project an output range back to tokens: `*first` and `*count` receive the tokens whose spans
 * overlap bytes [offset, offset + length) of the output. A range that touches no token (only
 * spaces, or `length` 0) gives `*count` 0 and `*first` the index of the next token (the token
 * count when none follows), where an insertion at `offset` would go.
 * @return ::VNSEG_OK, or ::VNSEG_E_INVALID_ARG for NULL pointers or a range past the output.
 */
vnseg_status vnseg_detok_tokens_of(const vnseg_detok *d, uint64_t offset, uint64_t length,
                                   size_t *first, size_t *count);

/** Free a result. NULL is allowed. */
void vnseg_detok_free(vnseg_detok *d);

/**
 * Tokenize `len` bytes of segmented text and detokenize them into `buf`, for callers who only
 * want the text. Works like snprintf: pass `buf` NULL and `cap` 0 to learn the size; a `cap` of
 * at least `len` always suffices. Nothing is NUL-terminated; `buf` must not overlap `seg`.
 * @param options VNSEG_OPT_* bits for the tokenizer (strict or lenient, escapes) or-ed with
 *        VNSEG_DETOK_* bits.
 * @param out_len receives the bytes written, or the bytes needed when `cap` is too small.
 * @return ::VNSEG_OK; ::VNSEG_E_BUFFER when `cap` is too small (nothing useful in `buf`);
 *         ::VNSEG_E_INVALID_UTF8 in strict mode (offset in vnseg_error_last());
 *         ::VNSEG_E_NOMEM; ::VNSEG_E_INVALID_ARG for NULL pointers or unknown option bits.
 */
vnseg_status vnseg_detokenize_text(const char *seg, size_t len, uint32_t options, char *buf,
                                   size_t cap, size_t *out_len);

#ifdef __cplusplus
}
#endif

#endif
