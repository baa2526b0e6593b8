/* libvnseg tokenizer: segmented Vietnamese text (words joined by `_`) to tokens and sentences. */
#ifndef VNSEG_TOKENIZER_H
#define VNSEG_TOKENIZER_H

#include "vnseg/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @file tokenizer.h
 *
 * Input is the *segmented* form that VnCoreNLP, pyvi or underthesea write: tokens separated by
 * white space, the syllables of one word joined by `_`, punctuation as tokens of its own:
 *
 *     Tổng_thống Nga Vladimir_Putin ( phải ) và lãnh_đạo Triều_Tiên tại Vladivostok .
 *
 * vnseg_tokenize() splits such a buffer into ::vnseg_token records (offset and length into the
 * caller's own bytes, a kind, flags and a syllable count) and groups them into sentences.
 *
 * Separators. A token never contains a separator, and every byte that is not a separator
 * belongs to exactly one token. Separators are: ASCII space, tab, CR, LF, VT, FF; the Unicode
 * spaces (U+00A0, U+1680, U+2000..U+200A, U+202F, U+205F, U+3000); line and paragraph
 * separators (U+0085, U+2028, U+2029); the other C0 and C1 control characters, NUL included
 * (they carry no text, so they are read as white space instead of being glued into words); and a
 * byte-order mark U+FEFF at the very start of the buffer. LF, CR, CRLF, VT, FF, U+0085, U+2028
 * and U+2029 are also line breaks. Zero-width characters inside a token (ZWSP U+200B, ZWNJ,
 * ZWJ, WJ U+2060, soft hyphen U+00AD, a BOM that is not leading) stay in the token, which is then
 * flagged ::VNSEG_TF_INVISIBLE; they are ignored when the syllable checker looks at it.
 *
 * Lines and sentences. Each line is a paragraph: sentences never cross a line break. Within a
 * line, a sentence ends after a sentence-final punctuation token (`.`, `?`, `!`, `…`, `...`,
 * `?!`, runs of them) together with the closing quotes and brackets that follow it, unless the
 * next token starts with a lower-case letter or is `,` `;` `:` (a mid-sentence ellipsis or an
 * abbreviation), unless the `.` follows a known abbreviation written without its dot
 * (`TP .`, `Mr .`) or stands between two numbers (`3 . 5`). Tokens that carry their own dot
 * (`TP.`, `v.v.`, `U.S.`, `Mr.`) are abbreviations, flagged ::VNSEG_TF_ABBREV, and never end
 * a sentence; a word that ends in `.` `?` `!` but is not an abbreviation (`nói.`) ends one when
 * a capitalized token or the end of the line follows.
 *
 * Run-on titles. News articles often arrive with title, lead and body on one line and no
 * punctuation after the title ("... tại Nga Lãnh_đạo Triều_Tiên ..."). A Vietnamese word is
 * capitalized mid-sentence only when it is a name, and names capitalize every syllable
 * (`Triều_Tiên`, `Nhà_Trắng`), so a multi-syllable word whose first syllable alone is
 * capitalized (`Lãnh_đạo`, `Tin_tức`) and that follows a word, number or closing mark starts a
 * new sentence, flagged ::VNSEG_SF_GUESSED, unless its first syllable is a title or the head of
 * an institution's name (`Tổng_thống`, `Bộ_trưởng`, `Hội_đồng`, `Công_ty`, ...). What this
 * cannot see: a title followed by a name (`... Triều_Tiên Nhà_Trắng cho biết`) or by a
 * one-syllable word. Turn it off with ::VNSEG_OPT_NO_RUNON.
 *
 * Underscores. In a ::VNSEG_KIND_WORD token `_` separates syllables, except where it is
 * literal: in URL and e-mail tokens, in a token that starts or ends with `_`, in a run of two or
 * more `_`, and next to an ASCII digit (`BV9992_TS`, `tbl_2`). Tokens with literal underscores
 * are flagged ::VNSEG_TF_LITERAL_UNDERSCORE. With ::VNSEG_OPT_ESCAPES, a tool that needs a
 * literal underscore anywhere writes `\_` (and `\\` for a backslash); such tokens are flagged
 * ::VNSEG_TF_ESCAPED, the escapes count as one character, and vnseg_doc_token_form() removes
 * them.
 *
 * Invalid UTF-8. In strict mode (the default) the first ill-formed sequence (overlong form,
 * surrogate, code point above U+10FFFF, truncated sequence, stray continuation byte, 0xC0,
 * 0xC1, 0xF5..0xFF) fails the call with ::VNSEG_E_INVALID_UTF8 and its byte offset in
 * vnseg_error_last(). In lenient mode (::VNSEG_OPT_LENIENT) every maximal ill-formed
 * subsequence (as Unicode chapter 3 defines it for U+FFFD substitution) is read as one U+FFFD
 * letter-like character: it stays inside its token, the token is flagged ::VNSEG_TF_REPAIRED,
 * offsets still cover the original bytes, and vnseg_doc_token_form() writes U+FFFD for it.
 * No byte is ever dropped.
 *
 * NFD and mixed normalization. Combining marks are part of the word they follow, so NFD,
 * NFC and mixed input give the same tokens, kinds and flags. Tokens whose bytes are not NFC
 * are flagged ::VNSEG_TF_NOT_NFC; vnseg_doc_token_form() with ::VNSEG_FORM_NFC gives their NFC
 * text. Offsets always point into the caller's original bytes.
 *
 * Sizes. A token is at most ::VNSEG_TOKEN_MAX_BYTES long; a longer run of non-separator bytes
 * is cut at a character boundary into several tokens, each but the last flagged
 * ::VNSEG_TF_SPLIT (the next token continues it without a separator). Memory is linear in the
 * input: about 24 bytes per token plus 48 per sentence, plus 16 bytes per token of the longest
 * line (the lists the sentence pass works from), plus a memo of classified tokens that grows
 * with the text a document has seen from 36 KiB to at most 2.25 MiB (2 MiB for tokens of up to
 * 16 bytes, a quarter MiB for tokens of 17 to 32 bytes).
 *
 * Thread safety: a ::vnseg_doc is used by one thread at a time; different documents may be
 * used on different threads at once. The library keeps no other mutable state (the character
 * tables it builds on first use are built once, thread-safely).
 */

/** What a token is. */
typedef enum vnseg_kind {
    VNSEG_KIND_WORD = 0,     /**< letters: one word of one or more syllables, also foreign words,
                                  acronyms, abbreviations and mixed tokens such as `F-16` */
    VNSEG_KIND_NUMBER = 1,   /**< `12`, `1.000`, `3,5`, `-2,5`, `50%`, `100.000đ`, `16-17` */
    VNSEG_KIND_DATETIME = 2, /**< `4/9`, `4/2019`, `14/8/2023`, `2023-08-14`, `10h30`, `10:30` */
    VNSEG_KIND_PUNCT_OPEN = 3,  /**< `(` `[` `{` `“` `‘` `«` `„` and straight quotes that open */
    VNSEG_KIND_PUNCT_CLOSE = 4, /**< `)` `]` `}` `”` `’` `»` and straight quotes that close */
    VNSEG_KIND_PUNCT_FINAL = 5, /**< sentence-final: `.` `?` `!` `…` `...` `?!` */
    VNSEG_KIND_PUNCT_DASH = 6,  /**< `-` `–` `—` `--` */
    VNSEG_KIND_PUNCT = 7,       /**< other punctuation: `,` `;` `:` `/` `·` ... */
    VNSEG_KIND_SYMBOL = 8,      /**< `&` `+` `=` `$` `₫` `©`, emoji, emoticons such as `:))` */
    VNSEG_KIND_URL = 9,         /**< `https://...`, `www.example.vn`, `vnexpress.net/...` */
    VNSEG_KIND_EMAIL = 10       /**< `name@example.com` */
} vnseg_kind;

/** Number of token kinds (kinds are 0 .. VNSEG_KIND_COUNT - 1). */
#define VNSEG_KIND_COUNT 11

/** Token flags (bits of ::vnseg_token.flags). */
enum {
    VNSEG_TF_CAPITALIZED = 1u << 0,  /**< the first letter is upper-case (`Nga`, `Tổng_thống`) */
    VNSEG_TF_ALL_CAPS = 1u << 1,     /**< has cased letters and no lower-case one (`KCNA`) */
    VNSEG_TF_TITLE_CASE = 1u << 2,   /**< every syllable starts upper-case: name shape
                                          (`Triều_Tiên`, `Kim_Jong-un`) */
    VNSEG_TF_MULTI_SYLLABLE = 1u << 3, /**< a word of two or more syllables */
    VNSEG_TF_HAS_DIGIT = 1u << 4,      /**< contains a decimal digit */
    VNSEG_TF_NOT_VIETNAMESE = 1u << 5, /**< a word with a syllable that breaks Vietnamese
                                            phonotactics (`Jong-un`, `Wagner`, `KCNA`) */
    VNSEG_TF_QUOTE = 1u << 6,          /**< a quotation mark, straight or curly */
    VNSEG_TF_ABBREV = 1u << 7,         /**< an abbreviation with its dot(s): `TP.`, `v.v.` */
    VNSEG_TF_LITERAL_UNDERSCORE = 1u << 8, /**< has an `_` that separates no syllables */
    VNSEG_TF_ESCAPED = 1u << 9,    /**< has `\_` or `\\` escapes (::VNSEG_OPT_ESCAPES) */
    VNSEG_TF_NOT_NFC = 1u << 10,   /**< its bytes are not in Unicode NFC */
    VNSEG_TF_REPAIRED = 1u << 11,  /**< lenient mode: holds ill-formed UTF-8, read as U+FFFD */
    VNSEG_TF_INVISIBLE = 1u << 12, /**< holds zero-width or format characters */
    VNSEG_TF_SPLIT = 1u << 13,     /**< cut at VNSEG_TOKEN_MAX_BYTES; the next token goes on */
    VNSEG_TF_SPACE_AFTER = 1u << 14, /**< a separator follows it in the input */
    VNSEG_TF_LINE_END = 1u << 15,    /**< a line break follows it (after any spaces) */
    VNSEG_TF_SENT_START = 1u << 16,  /**< first token of its sentence */
    VNSEG_TF_SENT_END = 1u << 17,    /**< last token of its sentence */
    VNSEG_TF_UNPAIRED = 1u << 18,    /**< a quote or bracket with no partner on its line; its
                                          direction was guessed from its neighbours */
    VNSEG_TF_GLUED_FINAL = 1u << 19  /**< a word or number that carries sentence-final
                                          punctuation (`nói.`, `2019.`), not an abbreviation */
};

/** Number of defined token flag bits. */
#define VNSEG_TF_COUNT 20

/** Longest token, in bytes; longer runs are cut (see ::VNSEG_TF_SPLIT). */
#define VNSEG_TOKEN_MAX_BYTES (1u << 20)

/** One token. Points into the buffer given to vnseg_tokenize(). 24 bytes. */
typedef struct vnseg_token {
    uint64_t offset;    /**< byte offset of the token in the caller's buffer */
    uint32_t length;    /**< length in bytes (>= 1) */
    uint32_t flags;     /**< VNSEG_TF_* bits */
    uint32_t syllables; /**< syllables of a ::VNSEG_KIND_WORD; 1 for every other kind */
    uint16_t kind;      /**< a ::vnseg_kind */
    uint16_t reserved;  /**< zero */
} vnseg_token;

/** Sentence flags (bits of ::vnseg_sentence.flags). */
enum {
    VNSEG_SF_TERMINATED = 1u << 0, /**< ends with sentence-final punctuation */
    VNSEG_SF_LINE_END = 1u << 1,   /**< ends where its line ends */
    VNSEG_SF_GUESSED = 1u << 2     /**< starts at a run-on guess (no punctuation before it) */
};

/** One sentence: a run of consecutive tokens. 40 bytes. */
typedef struct vnseg_sentence {
    uint64_t offset;      /**< byte offset of its first token */
    uint64_t length;      /**< bytes from its first token's start to its last token's end */
    uint64_t first_token; /**< index of its first token */
    uint64_t token_count; /**< number of tokens (>= 1) */
    uint32_t flags;       /**< VNSEG_SF_* bits */
    uint32_t line;        /**< 0-based line of the buffer it lies on */
} vnseg_sentence;

/** A byte range in the caller's buffer. */
typedef struct vnseg_span {
    uint64_t offset;
    uint64_t length;
} vnseg_span;

/** Options of vnseg_tokenize(), or-ed together; 0 is strict mode with every default. */
enum {
    VNSEG_OPT_LENIENT = 1u << 0, /**< repair ill-formed UTF-8 instead of failing */
    VNSEG_OPT_ESCAPES = 1u << 1, /**< read `\_` as a literal underscore, `\\` as a backslash */
    VNSEG_OPT_NO_RUNON = 1u << 2 /**< do not guess sentence starts in run-on titles */
};

/** A tokenized document: tokens and sentences of one buffer. Opaque. */
typedef struct vnseg_doc vnseg_doc;

/** A new, empty document. Reuse it for many buffers: it keeps its memory. NULL on no memory. */
vnseg_doc *vnseg_doc_new(void);

/** Free a document and everything it owns. NULL is allowed. */
void vnseg_doc_free(vnseg_doc *doc);

/**
 * Tokenize `len` bytes at `text` into `doc`, replacing what it held. `text` needs no NUL
 * terminator and must stay alive and unchanged while `doc` is used: tokens point into it.
 * @return ::VNSEG_OK; ::VNSEG_E_INVALID_UTF8 in strict mode (offset in vnseg_error_last(); the
 *         document is then empty); ::VNSEG_E_NOMEM; ::VNSEG_E_INVALID_ARG for a NULL `doc`, a
 *         NULL `text` with `len` > 0, or unknown option bits; ::VNSEG_E_TOO_LARGE when `len`
 *         exceeds what a token offset can hold.
 */
vnseg_status vnseg_tokenize(vnseg_doc *doc, const char *text, size_t len, uint32_t options);

/** Number of tokens. */
size_t vnseg_doc_token_count(const vnseg_doc *doc);

/** The tokens, in input order; valid until the next vnseg_tokenize() or vnseg_doc_free(). */
const vnseg_token *vnseg_doc_tokens(const vnseg_doc *doc);

/** Number of sentences. */
size_t vnseg_doc_sentence_count(const vnseg_doc *doc);

/** The sentences, in order; valid until the next vnseg_tokenize() or vnseg_doc_free(). */
const vnseg_sentence *vnseg_doc_sentences(const vnseg_doc *doc);

/** Number of lines the buffer holds (a last line without a line break counts; "" has 0). */
size_t vnseg_doc_line_count(const vnseg_doc *doc);

/** The buffer last tokenized (the caller's pointer) and its length. */
const char *vnseg_doc_text(const vnseg_doc *doc, size_t *len);

/**
 * Walk the syllables of token `index`. Set `*pos` to 0 before the first call; each call that
 * returns 1 stores the next syllable's byte span (in the caller's buffer) in `*syllable`;
 * the call after the last syllable returns 0. Non-word tokens have one syllable: themselves.
 */
int vnseg_doc_next_syllable(const vnseg_doc *doc, size_t index, size_t *pos,
                            vnseg_span *syllable);

/** Forms of a token's text for vnseg_doc_token_form(), or-ed together. */
enum {
    VNSEG_FORM_NFC = 1u << 0,        /**< Unicode NFC; ill-formed sequences become U+FFFD */
    VNSEG_FORM_SPACES = 1u << 1,     /**< syllable-separating `_` become spaces */
    VNSEG_FORM_NO_INVISIBLE = 1u << 2 /**< drop zero-width and format characters */
};

/**
 * Write token `index`'s text in the given form to `buf` (escapes are always removed). Works
 * like snprintf: pass `buf` NULL and `cap` 0 to learn the size. Nothing is NUL-terminated.
 * @param out_len receives the bytes written, or the bytes needed when `cap` is too small.
 * @return ::VNSEG_OK, ::VNSEG_E_BUFFER when `cap` is too small, ::VNSEG_E_INVALID_ARG for a bad
 *         index or form, ::VNSEG_E_NOMEM.
 */
vnseg_status vnseg_doc_token_form(const vnseg_doc *doc, size_t index, uint32_t form, char *buf,
                                  size_t cap, size_t *out_len);

/** "word", "number", "datetime", "open", "close", "final", "dash", "punct", "symbol", "url",
 *  "email"; "?" for an unknown kind. */
const char *vnseg_kind_name(int kind);

/** Short name of one flag bit ("cap", "allcaps", "title", "multi", "digit", "foreign",
 *  "quote", "abbrev", "literal_", "escaped", "nfd", "repaired", "invisible", "split",
 *  "space", "eol", "sstart", "send", "unpaired", "glued"), or NULL for no or several bits. */
const char *vnseg_flag_name(uint32_t flag);

#ifdef __cplusplus
}
#endif

#endif
