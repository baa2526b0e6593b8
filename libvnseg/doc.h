/* The tokenized document's internals, shared by the tokenizer's modules (scan, classify,
 * sentences, token forms). */
#ifndef VN_DOC_H
#define VN_DOC_H

#include "internal.h"
#include "vnseg/tokenizer.h"

/* A growable byte buffer. */
typedef struct vn_buf {
    unsigned char *data;
    size_t len, cap;
} vn_buf;

bool vn_buf_reserve(vn_buf *b, size_t extra);
void vn_buf_free(vn_buf *b);

/* The first token of a line that has tokens, that line's 0-based number, and whether it
 * holds brackets or quotes (which the sentence pass must pair). */
typedef struct vn_line {
    size_t first_token;
    size_t number;
    bool has_pairs;
} vn_line;

/* The memo of classified tokens: token properties are a pure function of the bytes, and text
 * repeats itself, so most tokens are classified by one probe. Direct-mapped, per document. */
#define VN_MEMO_MIN_BITS 11
#define VN_MEMO_MAX_BITS 15
#define VN_MEMO_MAX_LEN 16
typedef struct vn_memo_entry {
    uint64_t key[2];    /* the token's bytes, zero-padded */
    uint32_t flags;     /* intrinsic flags only */
    uint16_t syllables; /* at most 8 in 16 bytes */
    uint8_t kind;
    uint8_t len; /* 0: empty slot */
} vn_memo_entry;

struct vnseg_doc {
    const unsigned char *text;
    size_t len;
    uint32_t options;
    vnseg_token *tokens;
    size_t ntokens, cap_tokens;
    vnseg_sentence *sentences;
    size_t nsentences, cap_sentences;
    vn_line *lines; /* lines that hold tokens */
    size_t nlines_with_tokens, cap_lines;
    size_t nlines; /* all lines, empty ones included */
    vn_memo_entry *memo;   /* 1 << memo_bits entries, allocated on first use */
    unsigned memo_bits;    /* grows with the bytes tokenized, up to VN_MEMO_MAX_BITS */
    uint32_t memo_options; /* the options the memo's entries were classified with */
    uint64_t bytes_seen;   /* bytes tokenized with this document so far */
    vn_buf scratch, scratch2;
    size_t *stack; /* bracket pairing */
    size_t cap_stack;
};

/* Set kind, flags and syllables of a token from its bytes; `feat` is the or of the
 * features of its characters (chars.h). Returns VNSEG_OK or VNSEG_E_NOMEM. */
vnseg_status vn_classify(vnseg_doc *doc, vnseg_token *t, uint32_t feat);

/* Pair quotes and brackets and build the sentences of the document. */
vnseg_status vn_build_sentences(vnseg_doc *doc);

/* True when the `_` at s[i] separates syllables (see tokenizer.h for the rule). `ident` is
 * true for a token that starts or ends with `_` or holds `__`, whose underscores are all
 * literal. */
bool vn_underscore_separates(const unsigned char *s, size_t n, size_t i, bool escapes);

/* True when the token s[0..n) is identifier-like: starts or ends with `_`, or holds `__`. */
bool vn_identifier_like(const unsigned char *s, size_t n, bool escapes);

/* True when s[i] is escaped, i.e. preceded by an odd run of backslashes (escape mode). */
bool vn_is_escaped(const unsigned char *s, size_t i);

/* Find the next syllable of the word s[0..n) starting at *pos: stores its span and
 * advances *pos past the separator. Returns false at the end. */
bool vn_next_syllable(const unsigned char *s, size_t n, bool escapes, bool ident, size_t *pos,
                      size_t *start, size_t *len);

/* Append s[0..n) to out with invisible characters dropped (if drop_invisible) and ill-formed
 * sequences as U+FFFD, then NFC-normalize what was appended (if nfc). */
vnseg_status vn_normalize_append(vn_buf *out, vn_buf *tmp, const unsigned char *s, size_t n,
                                 bool nfc, bool drop_invisible);

#endif
