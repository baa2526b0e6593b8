/* The detokenizer's spacing rules (listed in vnseg/detok.h): one space or none between each
 * two tokens of a line, from the tokens' kinds, their text and their neighbours. */
#include <string.h>

#include "detok_rules.h"

/* Token classes the rules tell apart. */
enum {
    K_WORD,
    K_NUM,
    K_DATE,
    K_URL,
    K_COMMA,
    K_SEMI,
    K_COLON,
    K_DOT,
    K_FINAL,   /* ? ! … ... ?! and other runs of final punctuation */
    K_OPEN,    /* ( [ { */
    K_CLOSE,   /* ) ] } */
    K_QOPEN,   /* an opening quote: curly, or straight resolved as opening */
    K_QCLOSE,  /* a closing quote */
    K_GOPEN,   /* « ‹ */
    K_GCLOSE,  /* » › */
    K_HYPHEN,  /* - */
    K_DASH,    /* – — -- and other dashes */
    K_SLASH,   /* / */
    K_PERCENT, /* % ‰ */
    K_AMP,     /* & */
    K_PLUS,    /* + */
    K_UNIT,    /* ₫ */
    K_PUNCT,   /* other punctuation */
    K_SYM      /* other symbols, emoticons, emoji */
};

static inline bool tok_is(const unsigned char *s, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

static unsigned char class_of(const vnseg_doc *doc, const vnseg_token *t)
{
    const unsigned char *s = doc->text + t->offset;
    const size_t n = t->length;
    switch (t->kind) {
    case VNSEG_KIND_WORD:
        return K_WORD;
    case VNSEG_KIND_NUMBER:
        return K_NUM;
    case VNSEG_KIND_DATETIME:
        return K_DATE;
    case VNSEG_KIND_URL:
    case VNSEG_KIND_EMAIL:
        return K_URL;
    case VNSEG_KIND_PUNCT_FINAL:
        return n == 1 && s[0] == '.' ? K_DOT : K_FINAL;
    case VNSEG_KIND_PUNCT_OPEN:
        if (!(t->flags & VNSEG_TF_QUOTE)) return K_OPEN;
        return tok_is(s, n, "\xC2\xAB") || tok_is(s, n, "\xE2\x80\xB9") ? K_GOPEN : K_QOPEN;
    case VNSEG_KIND_PUNCT_CLOSE:
        if (!(t->flags & VNSEG_TF_QUOTE)) return K_CLOSE;
        return tok_is(s, n, "\xC2\xBB") || tok_is(s, n, "\xE2\x80\xBA") ? K_GCLOSE : K_QCLOSE;
    case VNSEG_KIND_PUNCT_DASH:
        return n == 1 ? K_HYPHEN : K_DASH;
    case VNSEG_KIND_PUNCT:
        if (n == 1) {
            switch (s[0]) {
            case ',':
                return K_COMMA;
            case ';':
                return K_SEMI;
            case ':':
                return K_COLON;
            case '/':
                return K_SLASH;
            }
        }
        return K_PUNCT;
    case VNSEG_KIND_SYMBOL:
        if (n == 1) {
            switch (s[0]) {
            case '%':
                return K_PERCENT;
            case '&':
                return K_AMP;
            case '+':
                return K_PLUS;
            }
        }
        if (tok_is(s, n, "\xE2\x80\xB0")) return K_PERCENT;
        if (tok_is(s, n, "\xE2\x82\xAB")) return K_UNIT;
        return K_SYM;
    }
    return K_SYM;
}

/* Is there no space between tokens i - 1 and i? */
static bool attached(const vnseg_doc *doc, const unsigned char *cls, size_t a, size_t b, size_t i)
{
    (void)doc;
    (void)a;
    (void)b;
    const unsigned char p = cls[i - 1], c = cls[i];
    switch (c) {
    case K_COMMA:
    case K_SEMI:
    case K_COLON:
    case K_DOT:
    case K_FINAL:
    case K_CLOSE:
    case K_QCLOSE:
        return true;
    case K_PERCENT:
    case K_UNIT:
        return p == K_NUM;
    case K_SLASH:
        return true;
    }
    switch (p) {
    case K_OPEN:
    case K_QOPEN:
    case K_SLASH:
        return true;
    }
    return false;
}

void vn_detok_line(const vnseg_doc *doc, size_t a, size_t b, unsigned char *space,
                   unsigned char *cls)
{
    const vnseg_token *tk = doc->tokens;
    for (size_t i = a; i < b; i++)
        cls[i] = class_of(doc, &tk[i]);
    for (size_t i = a + 1; i < b; i++) {
        if (tk[i - 1].offset + tk[i - 1].length == tk[i].offset) {
            space[i] = 0; /* a token cut at the length limit goes on without a separator */
            continue;
        }
        space[i] = !attached(doc, cls, a, b, i);
    }
}
