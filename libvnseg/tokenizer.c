/* The tokenizer's scan: splits a buffer at separators, validating UTF-8 as it goes, and hands
 * each token to the classifier; then builds sentences. One pass over the bytes. */
#include <string.h>

#include "chars.h"
#include "doc.h"
#include "utf8.h"

VNSEG_EXPORT vnseg_doc *vnseg_doc_new(void)
{
    return vn_calloc(1, sizeof(vnseg_doc));
}

VNSEG_EXPORT void vnseg_doc_free(vnseg_doc *doc)
{
    if (!doc)
        return;
    vn_free(doc->tokens);
    vn_free(doc->sentences);
    vn_free(doc->lines);
    vn_free(doc->stack);
    vn_buf_free(&doc->scratch);
    vn_buf_free(&doc->scratch2);
    vn_free(doc);
}

static void reset(vnseg_doc *doc)
{
    doc->text = NULL;
    doc->len = 0;
    doc->ntokens = doc->nsentences = doc->nlines_with_tokens = doc->nlines = 0;
}

static vnseg_status fail_nomem(vnseg_doc *doc)
{
    reset(doc);
    return vn_fail_simple(VNSEG_E_NOMEM);
}

/* Start a token at `start`; returns it, or NULL on no memory. */
static vnseg_token *push_token(vnseg_doc *doc, size_t start, size_t len)
{
    if (VN_UNLIKELY(doc->ntokens == doc->cap_tokens) &&
        !vn_grow((void **)&doc->tokens, &doc->cap_tokens, doc->ntokens + 1, sizeof(vnseg_token)))
        return NULL;
    vnseg_token *t = &doc->tokens[doc->ntokens++];
    t->offset = start;
    t->length = (uint32_t)len;
    t->flags = 0;
    t->syllables = 1;
    t->kind = VNSEG_KIND_WORD;
    t->reserved = 0;
    return t;
}

static bool push_line(vnseg_doc *doc, size_t number)
{
    if (!vn_grow((void **)&doc->lines, &doc->cap_lines, doc->nlines_with_tokens + 1,
                 sizeof(vn_line)))
        return false;
    doc->lines[doc->nlines_with_tokens++] = (vn_line){doc->ntokens, number};
    return true;
}

/* Bytes of a token before it is cut, leaving room for one more character. */
#define CUT_AT (VNSEG_TOKEN_MAX_BYTES - 4)

VNSEG_EXPORT vnseg_status vnseg_tokenize(vnseg_doc *doc, const char *text, size_t len,
                                         uint32_t options)
{
    if (!doc || (!text && len))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_tokenize: NULL document or text");
    if (options & ~(uint32_t)(VNSEG_OPT_LENIENT | VNSEG_OPT_ESCAPES | VNSEG_OPT_NO_RUNON))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_tokenize: unknown option bits 0x%x", (unsigned)options);
    if (len > (size_t)PTRDIFF_MAX || (uintptr_t)text + len < (uintptr_t)text)
        return vn_fail(VNSEG_E_TOO_LARGE, VNSEG_NO_OFFSET, 0,
                       "vnseg_tokenize: length %zu cannot be a buffer's size", len);
    vn_chars_init();
    reset(doc);
    if (!text)
        text = "";

    const unsigned char *s = (const unsigned char *)text, *end = s + len, *p = s;
    const bool lenient = options & VNSEG_OPT_LENIENT;
    doc->text = s;
    doc->len = len;
    doc->options = options;

    size_t want = len / 6 + 16;
    if (want > doc->cap_tokens &&
        !vn_grow((void **)&doc->tokens, &doc->cap_tokens, want, sizeof(vnseg_token)))
        return fail_nomem(doc);

    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        p += 3; /* a leading byte-order mark is a separator */

    size_t line = 0;             /* current line number */
    size_t line_first = 0;       /* index of the first token of the current line */
    const unsigned char *line_start = s;

    while (p < end) {
        /* Separators. */
        unsigned b = *p;
        unsigned cls;
        size_t step = 1;
        if (b < 0x80) {
            cls = vn_ascii_features[b];
        } else {
            uint32_t cp;
            int n = vn_utf8_decode(p, end, &cp);
            cls = n > 0 ? vn_char_class(cp) : 0;
            step = n > 0 ? (size_t)n : 0;
        }
        if (cls & VC_SEP) {
            if (doc->ntokens > line_first)
                doc->tokens[doc->ntokens - 1].flags |= VNSEG_TF_SPACE_AFTER;
            if (cls & VC_BREAK) {
                if (b == '\r' && p + 1 < end && p[1] == '\n')
                    step = 2;
                if (doc->ntokens > line_first)
                    doc->tokens[doc->ntokens - 1].flags |= VNSEG_TF_LINE_END;
                line++;
                line_first = doc->ntokens;
                line_start = p + step;
            }
            p += step;
            continue;
        }

        /* A token: everything up to the next separator. */
        const unsigned char *start = p;
        const unsigned char *limit = (size_t)(end - p) > CUT_AT ? p + CUT_AT : end;
        uint32_t feat = 0;
        while (p < limit) {
            b = *p;
            if (b < 0x80) {
                uint32_t f = vn_ascii_features[b];
                if (f & VC_SEP)
                    break;
                feat |= f;
                p++;
                continue;
            }
            uint32_t cp;
            int n = vn_utf8_decode(p, end, &cp);
            if (VN_UNLIKELY(n < 0)) {
                if (!lenient) {
                    uint64_t off = (uint64_t)(p - s);
                    size_t ln = line + 1;
                    reset(doc);
                    return vn_fail(VNSEG_E_INVALID_UTF8, off, ln,
                                   "invalid UTF-8 at byte %llu (line %zu): byte 0x%02X",
                                   (unsigned long long)off, ln, *p);
                }
                feat |= VF_REPAIRED | VC_ALPHA | VF_NONASCII;
                p += -n;
                continue;
            }
            unsigned c = vn_char_class(cp);
            if (c & VC_SEP)
                break;
            feat |= vn_nonascii_features(c);
            p += n;
        }

        if (doc->ntokens == line_first && !push_line(doc, line))
            return fail_nomem(doc);
        vnseg_token *t = push_token(doc, (size_t)(start - s), (size_t)(p - start));
        if (!t)
            return fail_nomem(doc);
        if (p == limit && limit != end) {
            /* Cut a run too long for one token, unless a separator follows anyway. */
            uint32_t cp = 0;
            int n = *p < 0x80 ? 1 : vn_utf8_decode(p, end, &cp);
            unsigned c = *p < 0x80 ? vn_ascii_features[*p] : (n > 0 ? vn_char_class(cp) : 0);
            if (!(c & VC_SEP))
                t->flags |= VNSEG_TF_SPLIT;
        }
        if (vn_classify(doc, t, feat) != VNSEG_OK)
            return fail_nomem(doc);
    }
    doc->nlines = line + (end > line_start ? 1 : 0);

    if (vn_build_sentences(doc) != VNSEG_OK)
        return fail_nomem(doc);
    return VNSEG_OK;
}

VNSEG_EXPORT size_t vnseg_doc_token_count(const vnseg_doc *doc)
{
    return doc ? doc->ntokens : 0;
}

VNSEG_EXPORT const vnseg_token *vnseg_doc_tokens(const vnseg_doc *doc)
{
    return doc ? doc->tokens : NULL;
}

VNSEG_EXPORT size_t vnseg_doc_sentence_count(const vnseg_doc *doc)
{
    return doc ? doc->nsentences : 0;
}

VNSEG_EXPORT const vnseg_sentence *vnseg_doc_sentences(const vnseg_doc *doc)
{
    return doc ? doc->sentences : NULL;
}

VNSEG_EXPORT size_t vnseg_doc_line_count(const vnseg_doc *doc)
{
    return doc ? doc->nlines : 0;
}

VNSEG_EXPORT const char *vnseg_doc_text(const vnseg_doc *doc, size_t *len)
{
    if (len)
        *len = doc ? doc->len : 0;
    return doc ? (const char *)doc->text : NULL;
}
