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
    /* Tokens of 17..32 bytes: 1 << (memo_bits - VN_MEMO_LONG_SHIFT) buckets of their own, with
     * their own record of the options (other users of the short table may clear it). */
    vn_memo_long_bucket *memo_long;
    void *memo_long_block;
    unsigned memo_long_bits;
    uint32_t memo_long_options;
    uint64_t bytes_seen; /* bytes tokenized with this document so far */
    vn_buf scratch, scratch2;
    /* The current line's tokens that the sentence pass must look at: brackets and quotes
     * (pairs) and sentence events (vn_sentence_event()). Callers of vn_line_sentences() list
     * them apart; the tokenizer's scan lists both in events, in order, and leaves pairs empty
     * (vn_line_sentences_listed()). Both arrays hold cap_line entries, at least one more than
     * the line has tokens. */
    size_t *pairs, *events;
    size_t npairs, nevents, cap_line;
    size_t *stack; /* bracket pairing */
    size_t cap_stack;
};

/* A possible start of a run-on sentence: a capitalized word of several syllables that is not
 * name-shaped (the cheap first test; the sentence pass looks closer). */
static inline bool vn_runon_candidate(const vnseg_token *t)
{
    const uint32_t need = VNSEG_TF_CAPITALIZED | VNSEG_TF_MULTI_SYLLABLE;
    return t->kind == VNSEG_KIND_WORD && (t->flags & need) == need &&
           !(t->flags & (VNSEG_TF_TITLE_CASE | VNSEG_TF_ALL_CAPS | VNSEG_TF_LITERAL_UNDERSCORE));
}

/* Can the run-on candidate t start a run-on sentence, as far as its own bytes tell: its first
 * syllable is a capitalized Vietnamese syllable in NFC and not the head of a title or a name
 * (`Tổng_thống`, `Bộ_trưởng`, `Công_ty`)? The sentence pass checks the context. */
bool vn_runon_word(const vnseg_doc *doc, const vnseg_token *t);

/* Is t a token where a sentence may end or start: sentence-final punctuation, a word that
 * carries it, or a run-on candidate that vn_runon_word() accepts? Depends on the token's bytes
 * only (so the memo keeps it), and is asked only where a token is classified. */
static inline bool vn_sentence_event(const vnseg_doc *doc, const vnseg_token *t)
{
    return t->kind == VNSEG_KIND_PUNCT_FINAL || (t->flags & VNSEG_TF_GLUED_FINAL) ||
           (vn_runon_candidate(t) && vn_runon_word(doc, t));
}

/* Is t a bracket or quote, which the sentence pass pairs on its line? */
static inline bool vn_pair_kind(unsigned kind)
{
    return kind - VNSEG_KIND_PUNCT_OPEN <= 1u;
}

/* Internal switch for tests: when true, every token goes through the exact scan and
 * classification (no memo) and the sentence pass visits every token of a line (all are listed
 * as pairs and events): the reference that the fast path must agree with. Not thread-safe;
 * tests only. */
extern bool vn_tokenize_reference;

/* Internal switch for tests: when true, the fast path runs its SSE2 scan even where the
 * processor has AVX2, so that a machine with AVX2 tests both. Not thread-safe; tests only. */
extern bool vn_scan_sse2_only;

/* Set kind, flags and syllables of a token from its bytes; `feat` is the or of the
 * features of its characters (chars.h). Returns VNSEG_OK or VNSEG_E_NOMEM. */
vnseg_status vn_classify(vnseg_doc *doc, vnseg_token *t, uint32_t feat);

/* Pair quotes and brackets of tokens [a, b), one line (number `line`), and append the line's
 * sentences. doc->pairs[0..npairs) lists (at least) the line's tokens of kind open or close,
 * doc->events[0..nevents) its sentence events, in order. Returns VNSEG_OK or VNSEG_E_NOMEM. */
vnseg_status vn_line_sentences(vnseg_doc *doc, size_t a, size_t b, size_t line);

/* The same for a list that holds events and pair tokens together: doc->events[0..nevents)
 * lists (at least) both, in order; `pairs` tells whether it may hold any pair token. The
 * tokenizer records the lines that vn_line_one_sentence() accepts itself and calls this for
 * the others. */
vnseg_status vn_line_sentences_listed(vnseg_doc *doc, size_t a, size_t b, size_t line, bool pairs);

/* Append the sentence of tokens [first, last] of line `line` with `flags` (and
 * VNSEG_SF_TERMINATED when it ends with final punctuation, perhaps before closing brackets or
 * quotes), and mark its first and last token. False on no memory. */
static inline __attribute__((always_inline)) bool
vn_push_sentence(vnseg_doc *doc, size_t first, size_t last, size_t line, uint32_t flags)
{
    if (doc->nsentences == doc->cap_sentences &&
        !vn_grow((void **)&doc->sentences, &doc->cap_sentences, doc->nsentences + 1,
                 sizeof(vnseg_sentence)))
        return false;
    vnseg_token *tk = doc->tokens;
    if (tk[last].kind == VNSEG_KIND_PUNCT_FINAL || (tk[last].flags & VNSEG_TF_GLUED_FINAL))
        flags |= VNSEG_SF_TERMINATED;
    else
        for (size_t k = last; k > first && tk[k].kind == VNSEG_KIND_PUNCT_CLOSE; k--)
            if (tk[k - 1].kind == VNSEG_KIND_PUNCT_FINAL ||
                (tk[k - 1].flags & VNSEG_TF_GLUED_FINAL)) {
                flags |= VNSEG_SF_TERMINATED;
                break;
            }
    tk[first].flags |= VNSEG_TF_SENT_START;
    tk[last].flags |= VNSEG_TF_SENT_END;
    doc->sentences[doc->nsentences++] = (vnseg_sentence){
        .offset = tk[first].offset,
        .length = tk[last].offset + tk[last].length - tk[first].offset,
        .first_token = first,
        .token_count = last - first + 1,
        .flags = flags,
        .line = line > UINT32_MAX ? UINT32_MAX : (uint32_t)line,
    };
    return true;
}

/* Is the line of tokens [a, b) (b > a) one sentence without the line's pass: no event but
 * perhaps the final punctuation that ends it, run-on candidates among its first four tokens
 * (the pass looks for run-on sentences from the fifth token on) and round brackets that pair
 * up (the pass would mark none of them unpaired)? doc->events lists the line's events and
 * brackets and quotes together, as the scan lists them. Three lines of four in news are one
 * sentence this way; the pass would find the same sentence. */
static inline bool vn_line_one_sentence(const vnseg_doc *doc, size_t a, size_t b)
{
    const size_t *ev = doc->events;
    const vnseg_token *tk = doc->tokens;
    size_t n = doc->nevents;
    if (n && ev[n - 1] == b - 1 && tk[b - 1].kind == VNSEG_KIND_PUNCT_FINAL) n--;
    size_t depth = 0;
    for (size_t k = 0; k < n; k++) {
        const vnseg_token *t = &tk[ev[k]];
        /* a run-on candidate (a word that carries no final punctuation) too early to count */
        if (t->kind == VNSEG_KIND_WORD && !(t->flags & VNSEG_TF_GLUED_FINAL) && ev[k] < a + 4)
            continue;
        if (t->length != 1) return false;
        unsigned char c = doc->text[t->offset];
        if (t->kind == VNSEG_KIND_PUNCT_OPEN && c == '(')
            depth++;
        else if (t->kind == VNSEG_KIND_PUNCT_CLOSE && c == ')' && depth)
            depth--;
        else
            return false;
    }
    return depth == 0;
}

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
