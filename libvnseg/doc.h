/* The tokenized document's internals, shared by the tokenizer's modules (scan, classify,
 * sentences, token forms). */
#ifndef VN_DOC_H
#define VN_DOC_H

#include "internal.h"
#include "memo.h"
#include "vnseg/tokenizer.h"

/* A growable byte buffer. */
typedef struct vn_buf {
    unsigned char *data;
    size_t len, cap;
} vn_buf;

bool vn_buf_reserve(vn_buf *b, size_t extra);
void vn_buf_free(vn_buf *b);

struct vnseg_doc {
    const unsigned char *text;
    size_t len;
    uint32_t options;
    vnseg_token *tokens;
    size_t ntokens, cap_tokens;
    vnseg_sentence *sentences;
    size_t nsentences, cap_sentences;
    size_t nlines;         /* all lines, empty ones included */
    vn_memo_bucket *memo;  /* 1 << memo_bits buckets (cache-line aligned in memo_block) */
    void *memo_block;      /* the allocation that holds memo */
    unsigned memo_bits;    /* grows with the bytes tokenized, up to VN_MEMO_MAX_BITS */
    uint32_t memo_options; /* the options the memo's entries were classified with */
    uint64_t bytes_seen;   /* bytes tokenized with this document so far */
    vn_buf scratch, scratch2;
    size_t *pairs; /* indices of the current line's brackets and quotes */
    size_t npairs, cap_pairs;
    size_t *stack; /* bracket pairing */
    size_t cap_stack;
};

/* Internal switch for tests: when true, every token goes through the exact scan and
 * classification (no memo), the reference that the fast path must agree with. Not
 * thread-safe; tests only. */
extern bool vn_tokenize_reference;

/* Set kind, flags and syllables of a token from its bytes; `feat` is the or of the
 * features of its characters (chars.h). Returns VNSEG_OK or VNSEG_E_NOMEM. */
vnseg_status vn_classify(vnseg_doc *doc, vnseg_token *t, uint32_t feat);

/* Pair quotes and brackets of tokens [a, b), one line (number `line`), and append the line's
 * sentences. doc->pairs[0..npairs) lists the line's tokens of kind open or close, in order.
 * Returns VNSEG_OK or VNSEG_E_NOMEM. */
vnseg_status vn_line_sentences(vnseg_doc *doc, size_t a, size_t b, size_t line);

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
