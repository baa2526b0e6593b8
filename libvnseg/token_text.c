/* A token's text: which underscores separate syllables, syllable iteration, and the forms a
 * caller may ask for (NFC, underscores as spaces, without escapes or zero-width characters). */
#include <string.h>

#include "chars.h"
#include "doc.h"
#include "utf8.h"

bool vn_is_escaped(const unsigned char *s, size_t i)
{
    size_t k = 0;
    while (k < i && s[i - 1 - k] == '\\')
        k++;
    return k & 1;
}

static inline bool is_digit(unsigned char c)
{
    return (unsigned)(c - '0') < 10u;
}

/* An unescaped underscore at s[i]? */
static inline bool bare_underscore(const unsigned char *s, size_t i, bool escapes)
{
    return s[i] == '_' && !(escapes && vn_is_escaped(s, i));
}

bool vn_identifier_like(const unsigned char *s, size_t n, bool escapes)
{
    if (n == 0)
        return false;
    if (bare_underscore(s, 0, escapes) || bare_underscore(s, n - 1, escapes))
        return true;
    for (size_t i = 0; i + 1 < n; i++)
        if (bare_underscore(s, i, escapes) && s[i + 1] == '_')
            return true;
    return false;
}

bool vn_underscore_separates(const unsigned char *s, size_t n, size_t i, bool escapes)
{
    return i > 0 && i + 1 < n && bare_underscore(s, i, escapes) && !is_digit(s[i - 1]) &&
           !is_digit(s[i + 1]) && s[i - 1] != '_' && s[i + 1] != '_';
}

bool vn_next_syllable(const unsigned char *s, size_t n, bool escapes, bool ident, size_t *pos,
                      size_t *start, size_t *len)
{
    size_t i = *pos;
    if (i >= n)
        return false;
    size_t j = i;
    if (!ident) {
        while (j < n) {
            const unsigned char *u = memchr(s + j, '_', n - j);
            if (!u) {
                j = n;
                break;
            }
            j = (size_t)(u - s);
            if (vn_underscore_separates(s, n, j, escapes))
                break;
            j++;
        }
    } else {
        j = n;
    }
    *start = i;
    *len = j - i;
    *pos = j < n ? j + 1 : n;
    return true;
}

static bool word_token(const vnseg_doc *doc, const vnseg_token *t, bool *ident)
{
    if (t->kind != VNSEG_KIND_WORD)
        return false;
    const unsigned char *s = doc->text + t->offset;
    *ident = vn_identifier_like(s, t->length, doc->options & VNSEG_OPT_ESCAPES);
    return true;
}

VNSEG_EXPORT int vnseg_doc_next_syllable(const vnseg_doc *doc, size_t index, size_t *pos,
                                         vnseg_span *syllable)
{
    if (!doc || !pos || !syllable || index >= doc->ntokens)
        return 0;
    const vnseg_token *t = &doc->tokens[index];
    const unsigned char *s = doc->text + t->offset;
    bool ident = true;
    if (!word_token(doc, t, &ident) && *pos == 0) {
        *pos = t->length;
        *syllable = (vnseg_span){t->offset, t->length};
        return 1;
    }
    size_t start, len;
    if (!vn_next_syllable(s, t->length, doc->options & VNSEG_OPT_ESCAPES, ident, pos, &start,
                          &len))
        return 0;
    *syllable = (vnseg_span){t->offset + start, len};
    return 1;
}

/* Copy token bytes with escapes removed and separating underscores as spaces (on request). */
static vnseg_status raw_form(const vnseg_doc *doc, const vnseg_token *t, bool spaces, vn_buf *b)
{
    const unsigned char *s = doc->text + t->offset;
    const size_t n = t->length;
    const bool escapes = (doc->options & VNSEG_OPT_ESCAPES) && (t->flags & VNSEG_TF_ESCAPED);
    bool ident = true;
    bool is_word = word_token(doc, t, &ident);
    if (!vn_buf_reserve(b, n))
        return VNSEG_E_NOMEM;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (escapes && c == '\\' && i + 1 < n && (s[i + 1] == '_' || s[i + 1] == '\\')) {
            c = s[++i];
        } else if (spaces && is_word && !ident && c == '_' &&
                   vn_underscore_separates(s, n, i, doc->options & VNSEG_OPT_ESCAPES)) {
            c = ' ';
        }
        b->data[b->len++] = c;
    }
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_doc_token_form(const vnseg_doc *doc, size_t index, uint32_t form,
                                               char *buf, size_t cap, size_t *out_len)
{
    if (!doc || index >= doc->ntokens || (form & ~7u) || (!buf && cap))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_doc_token_form: bad document, index %zu or form 0x%x", index,
                       (unsigned)form);
    vn_buf raw = {0}, out = {0}, tmp = {0};
    vnseg_status st = raw_form(doc, &doc->tokens[index], form & VNSEG_FORM_SPACES, &raw);
    const vn_buf *res = &raw;
    if (st == VNSEG_OK && (form & (VNSEG_FORM_NFC | VNSEG_FORM_NO_INVISIBLE))) {
        st = vn_normalize_append(&out, &tmp, raw.data, raw.len, form & VNSEG_FORM_NFC,
                                 form & VNSEG_FORM_NO_INVISIBLE);
        res = &out;
    }
    if (st == VNSEG_OK) {
        if (out_len)
            *out_len = res->len;
        if (res->len > cap)
            st = vn_fail(VNSEG_E_BUFFER, VNSEG_NO_OFFSET, 0,
                         "vnseg_doc_token_form: %zu bytes needed, %zu given", res->len, cap);
        else if (res->len)
            memcpy(buf, res->data, res->len);
    } else {
        st = vn_fail_simple(st);
    }
    vn_buf_free(&raw);
    vn_buf_free(&out);
    vn_buf_free(&tmp);
    return st;
}
