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
    K_LT,      /* < */
    K_GT,      /* > */
    K_DOLLAR,  /* $ */
    K_UNIT,    /* ₫ */
    K_PUNCT,   /* other punctuation */
    K_HASH,    /* # */
    K_TIMES,   /* × */
    K_SYM      /* other symbols, emoticons, emoji */
};
#define K_MASK 0x1F
_Static_assert((int)K_MASK == (int)VN_CLASS_MASK && (int)K_WORD == (int)VN_CLASS_WORD &&
                   (int)K_NUM == (int)VN_CLASS_NUM,
               "the writer's view of the classes");
_Static_assert(K_SYM < 32 && VN_EDGE_SHIFT == 8, "classes, flags and edges share the class word");
/* Flags over the class: inside a formula's call, `<` and `>` of a tag (the edges come above
 * them, from bit VN_EDGE_SHIFT). */
enum { F_FORMULA = 0x20, F_TAG_OPEN = 0x40, F_TAG_CLOSE = 0x80 };

/* A line being decided (detok_rules.h). */
typedef vn_line_rules line_ctx;
enum { EDGE_START = VN_EDGE_START, EDGE_END = VN_EDGE_END };

/* The class byte of token i (a <= i < b). */
#define CL(c, i) ((c)->cls[(i) - (c)->a])

static inline const unsigned char *txt(const line_ctx *c, size_t i)
{
    return c->doc->text + c->tk[i].offset;
}

static inline size_t len(const line_ctx *c, size_t i)
{
    return c->tk[i].length;
}

static inline unsigned cls(const line_ctx *c, size_t i)
{
    return CL(c, i) & K_MASK;
}

static inline bool tok_is(const unsigned char *s, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

static inline bool is_is(const line_ctx *c, size_t i, const char *lit)
{
    return tok_is(txt(c, i), len(c, i), lit);
}

static inline bool ascii_upper(unsigned char ch)
{
    return (unsigned)(ch - 'A') < 26u;
}

static inline bool ascii_lower(unsigned char ch)
{
    return (unsigned)(ch - 'a') < 26u;
}

static inline bool ascii_digit(unsigned char ch)
{
    return (unsigned)(ch - '0') < 10u;
}

static inline bool ascii_alnum(unsigned char ch)
{
    return ascii_upper(ch) || ascii_lower(ch) || ascii_digit(ch);
}

/* Only ASCII digits. */
static bool digits(const line_ctx *c, size_t i)
{
    const unsigned char *s = txt(c, i);
    for (size_t k = 0; k < len(c, i); k++)
        if (!ascii_digit(s[k])) return false;
    return true;
}

/* Is token i the single ASCII character ch? */
static inline bool is_ch(const line_ctx *c, size_t i, char ch)
{
    return len(c, i) == 1 && txt(c, i)[0] == (unsigned char)ch;
}

/* One to three ASCII capitals (`A`, `SHA`): a column name or the letters of a code. */
static bool capitals(const line_ctx *c, size_t i, size_t max)
{
    const unsigned char *s = txt(c, i);
    size_t n = len(c, i);
    if (n > max) return false;
    for (size_t k = 0; k < n; k++)
        if (!ascii_upper(s[k])) return false;
    return true;
}

/* `$A`, `$12`, `$Bảng`: a part of an absolute cell reference or a sheet name. */
static bool dollar_ref(const line_ctx *c, size_t i)
{
    const unsigned char *s = txt(c, i);
    size_t n = len(c, i);
    if (n < 2 || s[0] != '$') return false;
    bool num = ascii_digit(s[1]);
    for (size_t k = 1; k < n; k++)
        if (num ? !ascii_digit(s[k]) : !(ascii_upper(s[k]) || ascii_lower(s[k]) || s[k] >= 0x80))
            return false;
    return true;
}

/* An option or identifier written in ASCII: starts with a letter, then letters, digits and
 * `-` `_` `=` `.` (`l`, `fpic`, `keep-badhash`, `names=ARCH`). */
static bool ascii_name(const line_ctx *c, size_t i)
{
    const unsigned char *s = txt(c, i);
    size_t n = len(c, i);
    if (!n || !(ascii_lower(s[0]) || ascii_upper(s[0]))) return false;
    for (size_t k = 1; k < n; k++) {
        if (s[k] == '=') return true; /* the value may be anything: `exclude=MẪU` */
        if (!ascii_alnum(s[k]) && !strchr("-_.", s[k])) return false;
    }
    return true;
}

/* The letters of a cell reference: one to three ASCII capitals, in a formula after `=`
 * (`A`, `AB`, `=A`). */
static bool cell_letters(const line_ctx *c, size_t i)
{
    const unsigned char *s = txt(c, i);
    size_t n = len(c, i), k = s[0] == '=' ? 1 : 0;
    if (n - k < 1 || n - k > 3) return false;
    for (; k < n; k++)
        if (!ascii_upper(s[k])) return false;
    return true;
}

/* A whole cell reference or an absolute part of one: `A10`, `$B$14`, `$2`, `$C`. */
static bool cell_token(const line_ctx *c, size_t i)
{
    const unsigned char *s = txt(c, i);
    size_t n = len(c, i), k = 0, letters = 0, nums = 0;
    bool dollar = false;
    if (k < n && s[k] == '$') dollar = true, k++;
    while (k < n && ascii_upper(s[k]))
        letters++, k++;
    if (k < n && s[k] == '$') dollar = true, k++;
    while (k < n && ascii_digit(s[k]))
        nums++, k++;
    return k == n && letters <= 3 && (letters || nums) && (dollar || (letters && nums));
}

/* A placeholder's name in capitals with an inner dot or hyphen (`Đ.SỐ`, `T.TIN`, `TẬP-TIN`). */
static bool dotted_caps(const line_ctx *c, size_t i)
{
    const unsigned char *s = txt(c, i);
    size_t n = len(c, i);
    return cls(c, i) == K_WORD && (c->tk[i].flags & VNSEG_TF_ALL_CAPS) && n >= 3 &&
           s[n - 1] != '.' && s[n - 1] != '-' &&
           (memchr(s + 1, '.', n - 2) != NULL || memchr(s + 1, '-', n - 2) != NULL);
}

/* A token made of one repeated ASCII character among `chars` (`==`, `-`, `**`). */
static bool run_of(const line_ctx *c, size_t i, const char *chars)
{
    const unsigned char *s = txt(c, i);
    size_t n = len(c, i);
    if (!strchr(chars, s[0])) return false;
    for (size_t k = 1; k < n; k++)
        if (s[k] != s[0]) return false;
    return true;
}

/* A single ASCII letter (`s`, `X`): a format's conversion, a wildcard's neighbour. */
static bool letter(const line_ctx *c, size_t i)
{
    return len(c, i) == 1 && (ascii_lower(txt(c, i)[0]) || ascii_upper(txt(c, i)[0]));
}

/* One or two ASCII letters (`GG`, `Gi`, `hh`): a field of a date or time format. */
static bool format_field(const line_ctx *c, size_t i)
{
    const unsigned char *s = txt(c, i);
    size_t n = len(c, i);
    return (n == 1 || n == 2) && (ascii_lower(s[0]) || ascii_upper(s[0])) &&
           (n == 1 || ascii_lower(s[1]) || ascii_upper(s[1]));
}

/* Is the colon at token k between two fields of a format of three or more (`GG:PP:gg`,
 * `Gi:Ph:Gy`, `hh:mm:ss`), as a chain of letters and colons around it shows? */
static bool format_colon(const line_ctx *c, size_t k)
{
    if (k <= c->a || k + 1 >= c->b || !format_field(c, k - 1) || !format_field(c, k + 1))
        return false;
    return (k + 3 < c->b && cls(c, k + 2) == K_COLON && format_field(c, k + 3)) ||
           (k >= c->a + 3 && cls(c, k - 2) == K_COLON && format_field(c, k - 3));
}

/* A short lower-case ASCII name: a file extension or a command (`odt`, `xz`, `badhash`). */
static bool extension(const line_ctx *c, size_t i)
{
    const unsigned char *s = txt(c, i);
    size_t n = len(c, i);
    if (n > 10 || !ascii_lower(s[0])) return false;
    for (size_t k = 1; k < n; k++)
        if (!ascii_lower(s[k]) && !ascii_digit(s[k])) return false;
    return true;
}

/* The last byte of token i. */
static inline unsigned char last_byte(const line_ctx *c, size_t i)
{
    return txt(c, i)[len(c, i) - 1];
}

static unsigned char class_of_mark(const vnseg_doc *doc, const vnseg_token *t)
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
            case '<':
                return K_LT;
            case '>':
                return K_GT;
            case '$':
                return K_DOLLAR;
            case '#':
                return K_HASH;
            }
        }
        if (tok_is(s, n, "\xC3\x97")) return K_TIMES;
        if (tok_is(s, n, "\xE2\x80\xB0")) return K_PERCENT;
        if (tok_is(s, n, "\xE2\x82\xAB")) return K_UNIT;
        return K_SYM;
    }
    return K_SYM;
}

static bool letter_word(const line_ctx *c, size_t i);

/* Mark each `<` that a `>` closes a few tokens later on the line (no `<` between): a tag or
 * a placeholder (`<Tên>`, `<?>`, `%<PRIuMAX>`), written without inner spaces. Further on (up
 * to 40 tokens), only when a word of two letters or more opens it and no `,` `.` `;` `:` or
 * final mark stands inside: a tag with attributes (`<META NAME="..." CONTENT="...">`) or a
 * placeholder in words (`<Phiên bản không được nhận ra>`), not a comparison (`x < y, y > z`).
 * A lone `>` stays spaced: a menu path (`Công cụ > Tùy chọn`) or a comparison. */
static void pair_angles(line_ctx *c)
{
    for (size_t i = c->a; i < c->b; i++) {
        if ((CL(c, i) & K_MASK) != K_LT) continue;
        bool words = i + 1 < c->b && letter_word(c, i + 1) && len(c, i + 1) >= 2;
        for (size_t j = i + 1; j < c->b && j <= i + (words ? 40 : 6); j++) {
            unsigned k = CL(c, j) & K_MASK;
            if (k == K_LT) break;
            if (k == K_COMMA || k == K_DOT || k == K_SEMI || k == K_COLON ||
                (k == K_FINAL && !is_is(c, j, "..."))) {
                if (j > i + 6) break;
                words = false; /* prose: back to the short reach */
            }
            if (k == K_GT) {
                if (j > i + 1) {
                    CL(c, i) |= F_TAG_OPEN;
                    CL(c, j) |= F_TAG_CLOSE;
                }
                break;
            }
        }
    }
}

/* A formula of a spreadsheet (`=SUM`, `=LEFT`): a word that starts with `=` and a letter. */
static bool formula_head(const line_ctx *c, size_t i)
{
    const unsigned char *s = txt(c, i);
    return cls(c, i) == K_WORD && len(c, i) >= 2 && s[0] == '=' &&
           (ascii_upper(s[1]) || ascii_lower(s[1]));
}

/* `x=SIN`: a name, `=` and a function in capitals. */
static bool formula_inside(const line_ctx *c, size_t i)
{
    const unsigned char *s = txt(c, i);
    const unsigned char *eq = memchr(s, '=', len(c, i));
    return eq && eq > s && eq + 1 < s + len(c, i) && ascii_upper(eq[1]);
}

/* Mark the calls of formulas (`=GEOMEAN ( 23 ; 46 ; 69 )`, from the name to the matching
 * parenthesis): written without spaces, except inside the quoted strings they hold. */
static void mark_formula(line_ctx *c, size_t i, size_t j)
{
    bool quoted = false;
    for (size_t k = i; k <= j; k++) {
        unsigned kk = CL(c, k) & K_MASK;
        if (kk == K_QOPEN) {
            CL(c, k) |= F_FORMULA;
            quoted = true;
        } else if (kk == K_QCLOSE) {
            CL(c, k) |= F_FORMULA;
            quoted = false;
        } else if (!quoted) {
            CL(c, k) |= F_FORMULA;
        }
    }
}

/* Mark formulas: a whole formula between guillemets (`« = ( 1+2 ) * 3 »`), or a formula's
 * call from its name to the matching parenthesis (`=GEOMEAN ( 23 ; 46 ; 69 )`). */
static void mark_formulas(line_ctx *c)
{
    for (size_t i = c->a; i + 1 < c->b; i++) {
        if (cls(c, i) == K_GOPEN && txt(c, i + 1)[0] == '=' && cls(c, i + 1) != K_GCLOSE) {
            size_t j = i + 1;
            while (j < c->b && cls(c, j) != K_GCLOSE && cls(c, j) != K_GOPEN)
                j++;
            if (j < c->b && cls(c, j) == K_GCLOSE && j > i + 2) {
                mark_formula(c, i + 1, j - 1);
                i = j;
                continue;
            }
        }
        if (!formula_head(c, i)) continue;
        size_t j = i + 1; /* the parenthesis, after digits of the name (`=LOG 10 (`) */
        if (j + 1 < c->b && cls(c, j) == K_NUM && digits(c, j)) j++;
        if (!is_ch(c, j, '(')) continue;
        size_t depth = 0;
        for (; j < c->b; j++) {
            if (is_is(c, j, "("))
                depth++;
            else if (is_is(c, j, ")") && --depth == 0)
                break;
        }
        if (j == c->b) continue; /* not closed on this line: not sure it is a formula */
        mark_formula(c, i, j);
        i = j;
    }
}

/* Is token i an operator of a pattern or an expression (`*`, `?`, `=`, `+`, `$`)? A colon or
 * a comparison is not: `« Font: 10pt »`, `« Lợi nhuận < 5000 »` are text. */
static bool operator_mark(const line_ctx *c, size_t i)
{
    switch (cls(c, i)) {
    case K_SYM:
        return txt(c, i)[0] < 0x80; /* not `€` after an amount */
    case K_PLUS:
    case K_SEMI:
    case K_SLASH:
    case K_PERCENT:
    case K_DOLLAR:
    case K_HASH:
    case K_HYPHEN:
    case K_DOT:
        return true;
    case K_FINAL:
        return is_is(c, i, "?");
    case K_WORD: {
        unsigned char f = txt(c, i)[0];
        return f == '=' || f == '$';
    }
    }
    return false;
}

/* Mark what guillemets quote when it is a pattern or an expression, written without spaces
 * (`« t*ng »`, `« .*win.* »`, `« $C:$E »`, `« Hộp1=Mục »`): at most ten tokens, an operator
 * among them, and no two words in a row (`« Font: bold italic »` is text). */
static void mark_code_quotes(line_ctx *c)
{
    for (size_t i = c->a; i < c->b; i++) {
        if (cls(c, i) != K_GOPEN) continue;
        size_t j = i + 1;
        bool op = false, words = false;
        for (; j < c->b && j <= i + 11; j++) {
            unsigned k = cls(c, j);
            if (k == K_GOPEN || k == K_GCLOSE) break;
            op |= operator_mark(c, j);
            words |= j > i + 1 && k == K_WORD && cls(c, j - 1) == K_WORD;
        }
        if (j < c->b && cls(c, j) == K_GCLOSE && j >= i + 3 && op && !words)
            mark_formula(c, i + 1, j - 1);
        i = j - 1;
    }
}

/* The kind of straight quote token i is: `"`, `'`, `` ` `` (fullwidth forms as their ASCII
 * twins), or 0. */
static unsigned char straight_quote(const line_ctx *c, size_t i)
{
    if (!(c->tk[i].flags & VNSEG_TF_QUOTE)) return 0;
    const unsigned char *s = txt(c, i);
    size_t n = len(c, i);
    if (n == 1 && (s[0] == '"' || s[0] == '\'' || s[0] == '`')) return s[0];
    if (n == 3 && s[0] == 0xEF && s[1] == 0xBC && (s[2] == 0x82 || s[2] == 0x87))
        return s[2] == 0x82 ? '"' : '\'';
    return 0;
}

/* An apostrophe split from an English contraction (`don ' t`, `it ' s`) or a name
 * (`H ' Len`), not a quote. */
static bool apostrophe(const line_ctx *c, size_t i)
{
    static const char *const tails[] = {"s", "t", "d", "m", "ll", "re", "ve"};
    if (i == c->a || i + 1 >= c->b || cls(c, i - 1) != K_WORD || cls(c, i + 1) != K_WORD)
        return false;
    if (capitals(c, i - 1, 1) && (c->tk[i + 1].flags & VNSEG_TF_CAPITALIZED))
        return true; /* names of the Central Highlands: `H'Len`, `Y'Moan` */
    if (!ascii_lower(last_byte(c, i - 1))) return false;
    for (size_t k = 0; k < sizeof tails / sizeof *tails; k++)
        if (is_is(c, i + 1, tails[k])) return true;
    return false;
}

/* Which straight quote token i is (1 `"`, 2 `'`, 3 `` ` ``), 0 for none and for apostrophes. */
static unsigned quote_kind(const line_ctx *c, size_t i)
{
    unsigned k = cls(c, i);
    if (k != K_QOPEN && k != K_QCLOSE) return 0;
    switch (straight_quote(c, i)) {
    case '"':
        return 1;
    case '\'':
        return apostrophe(c, i) ? 0 : 2;
    case '`':
        return 3;
    }
    return 0;
}

/* 1 for `“`, 2 for `”`, 0 for any other token. */
static unsigned curly_double(const line_ctx *c, size_t i)
{
    if (!(c->tk[i].flags & VNSEG_TF_QUOTE)) return 0;
    return is_is(c, i, "\xE2\x80\x9C") ? 1 : is_is(c, i, "\xE2\x80\x9D") ? 2 : 0;
}

/* Give the straight quotes of kind q among tokens [s, e) directions by position: the first
 * opens, the next closes, and so on. */
static void alternate(line_ctx *c, size_t s, size_t e, unsigned q)
{
    bool open = true;
    for (size_t i = s; i < e; i++) {
        if (quote_kind(c, i) != q) continue;
        CL(c, i) = (uint16_t)((CL(c, i) & ~K_MASK) | (open ? K_QOPEN : K_QCLOSE));
        open = !open;
    }
}

/* Pair straight quotes by position (a count per paragraph, then per sentence): when a line
 * holds an even number of one kind, they alternate open, close; otherwise each sentence with
 * an even number alternates, and a sentence with an odd number keeps the directions the
 * tokenizer guessed from the neighbours. Apostrophes are left out. */
static void pair_quotes(line_ctx *c)
{
    size_t count[4] = {0, 0, 0, 0}, curly[2] = {0, 0};
    for (size_t i = c->a; i < c->b; i++) {
        count[quote_kind(c, i)]++;
        unsigned d = curly_double(c, i);
        if (d) curly[d - 1]++;
    }
    /* Curly double quotes all turned one way (`“git rm“`, `”-e”`): written with a key that
     * gives one mark for both; an even count of them opens and closes by position. */
    if ((curly[0] == 0) != (curly[1] == 0) && (curly[0] + curly[1]) % 2 == 0) {
        bool open = true;
        for (size_t i = c->a; i < c->b; i++) {
            if (!curly_double(c, i)) continue;
            CL(c, i) = (uint16_t)((CL(c, i) & ~K_MASK) | (open ? K_QOPEN : K_QCLOSE));
            open = !open;
        }
    }
    for (unsigned q = 1; q < 4; q++) {
        if (count[q] == 0) continue;
        if (count[q] % 2 == 0) {
            alternate(c, c->a, c->b, q);
            continue;
        }
        for (size_t s = c->a, e; s < c->b; s = e) {
            size_t n = 0;
            for (e = s; e < c->b && (e == s || !(c->tk[e].flags & VNSEG_TF_SENT_START)); e++)
                n += quote_kind(c, e) == q;
            if (n && n % 2 == 0) alternate(c, s, e, q);
        }
    }
}

/* Does a number end at token i that a cell reference's letters start (`A 1`, `$B $3`)? */
static bool cell_ref_end(const line_ctx *c, size_t i)
{
    return cell_token(c, i) || (i > c->a && (cls(c, i) == K_NUM || dollar_ref(c, i)) &&
                                (cell_letters(c, i - 1) || dollar_ref(c, i - 1)));
}

/* Does word i end in an ASCII name (`STYLE`, `Hàm_STYLE` that a segmenter glued)? */
static bool ends_in_name(const line_ctx *c, size_t i)
{
    const unsigned char *s = txt(c, i);
    size_t n = len(c, i), k = n;
    while (k > 0 && s[k - 1] != '_')
        k--;
    if (k == n || !(ascii_upper(s[k]) || ascii_lower(s[k]))) return false;
    for (size_t j = k; j < n; j++)
        if (!ascii_alnum(s[j])) return false;
    return true;
}

/* Does a cell reference start at token i (`A 1`, `$B $3`, `A10`)? */
static bool cell_ref_start(const line_ctx *c, size_t i)
{
    if (cell_token(c, i)) return true;
    return i + 1 < c->b && (cell_letters(c, i) || dollar_ref(c, i)) &&
           ((cls(c, i + 1) == K_NUM && digits(c, i + 1)) || dollar_ref(c, i + 1));
}

/* What a call's argument list of code starts with: a number, a quoted string, a cell, a
 * placeholder `<?>`, or another call. */
static bool code_argument(const line_ctx *c, size_t i)
{
    unsigned k = cls(c, i);
    if (k == K_NUM || k == K_QOPEN || (CL(c, i) & F_TAG_OPEN) || cell_ref_start(c, i) ||
        straight_quote(c, i) == '"')
        return true;
    return k == K_WORD && (c->tk[i].flags & VNSEG_TF_ALL_CAPS) && i + 1 < c->b &&
           is_is(c, i + 1, "(");
}

/* A name in code: lower-case ASCII letters only, two or more, that cannot be Vietnamese
 * (`uint`, `mips`, `cut`, `inet`). */
static bool code_name(const line_ctx *c, size_t i)
{
    const unsigned char *s = txt(c, i);
    size_t n = len(c, i);
    if (cls(c, i) != K_WORD || n < 2 || !(c->tk[i].flags & VNSEG_TF_NOT_VIETNAMESE)) return false;
    for (size_t k = 0; k < n; k++)
        if (!ascii_lower(s[k]) && !(k > 0 && ascii_upper(s[k]))) return false;
    return true;
}

/* A word that could be Vietnamese (letters, not an ASCII name that cannot be). */
static bool vietnamese_word(const line_ctx *c, size_t i)
{
    return cls(c, i) == K_WORD && !(c->tk[i].flags & VNSEG_TF_NOT_VIETNAMESE) && len(c, i) > 1;
}

/* A word in capitals (`CR`, `TÊN`, `CÔNG_TY`). */
static bool all_caps_word(const line_ctx *c, size_t i)
{
    return cls(c, i) == K_WORD && (c->tk[i].flags & VNSEG_TF_ALL_CAPS);
}

/* A key name or a product name a `+` joins: a capitalized or upper-case word, or a letter. */
static bool key_like(const line_ctx *c, size_t i)
{
    unsigned k = cls(c, i);
    if (k == K_PLUS) return true;
    return k == K_WORD && (c->tk[i].flags & (VNSEG_TF_CAPITALIZED | VNSEG_TF_ALL_CAPS));
}

/* A modifier key, alone or at the end of a glued label (`Shift`, `Ctrl`, `Option_Alt`,
 * `LệnhCtrl`): after it and a `+`, whatever is pressed or done joins (`Shift+kéo`,
 * `Ctrl+dấu nhân`). */
static bool modifier_key(const line_ctx *c, size_t i)
{
    static const char *const keys[] = {"Ctrl", "Alt", "Shift", "Cmd", "Command", "Option"};
    if (cls(c, i) != K_WORD) return false;
    const unsigned char *s = txt(c, i);
    size_t n = len(c, i);
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
        size_t m = strlen(keys[k]);
        if (n >= m && memcmp(s + n - m, keys[k], m) == 0) return true;
    }
    return false;
}

/* Code points of token i (UTF-8 lead bytes). */
static size_t code_points(const line_ctx *c, size_t i)
{
    const unsigned char *s = txt(c, i);
    size_t n = 0;
    for (size_t k = 0; k < len(c, i); k++)
        n += (s[k] & 0xC0) != 0x80;
    return n;
}

/* A word token that starts and ends with a letter (ASCII or not): no `_` joined syllables
 * are needed, `Sửa_đổi` counts. */
static bool letter_word(const line_ctx *c, size_t i)
{
    if (cls(c, i) != K_WORD) return false;
    unsigned char f = txt(c, i)[0], l = last_byte(c, i);
    return (ascii_lower(f) || ascii_upper(f) || f >= 0xC0) &&
           (ascii_lower(l) || ascii_upper(l) || l >= 0x80);
}

/* A variable or a version with its number (`x1`, `r3`, `v1`, `i386`, `p1`): a single
 * lower-case ASCII letter that is no Vietnamese word (`y`: `Quân y 103`), no time mark (`g`,
 * `h`: `5g30`), not after a number (`5 m 2` is a measure); `x` only with one digit and not
 * after a measure (`x2`, but `kB x 1000`, `3 m x 4 m`). */
static bool variable_letter(const line_ctx *c, size_t i)
{
    if (len(c, i) != 1 || i + 1 >= c->b) return false;
    unsigned char ch = txt(c, i)[0];
    if (!ascii_lower(ch) || strchr("ghy", ch) || (i > c->a && cls(c, i - 1) == K_NUM)) return false;
    return ch != 'x' || (len(c, i + 1) == 1 && !(i > c->a + 1 && cls(c, i - 2) == K_NUM));
}

/* A number written with a decimal or version dot or comma (`1.0/1.1`, `5.01`, `2,5`): not the
 * row of a cell reference (`ODF 1.1`, `NT 5.01`; but `A 1`, `=B 6*0.15`). */
static bool decimal_number(const line_ctx *c, size_t i)
{
    const unsigned char *s = txt(c, i);
    size_t n = len(c, i), k = 0;
    while (k < n && ascii_digit(s[k]))
        k++;
    return k > 0 && k + 1 < n && (s[k] == '.' || s[k] == ',') && ascii_digit(s[k + 1]);
}

/* A number's decimal exponent after it: `E` or `e` with a sign and digits (`E-45`), or alone
 * before a signed number (`E +03`). */
static bool exponent(const line_ctx *c, size_t i)
{
    const unsigned char *s = txt(c, i);
    size_t n = len(c, i);
    if (s[0] != 'E' && s[0] != 'e') return false;
    if (n == 1)
        return i + 1 < c->b && cls(c, i + 1) == K_NUM &&
               (txt(c, i + 1)[0] == '+' || txt(c, i + 1)[0] == '-') && len(c, i + 1) >= 2 &&
               ascii_digit(txt(c, i + 1)[1]);
    if (n < 3 || (s[1] != '+' && s[1] != '-')) return false;
    for (size_t k = 2; k < n; k++)
        if (!ascii_digit(s[k])) return false;
    return true;
}

/* Are tokens p and i (p + 1) a pair of the same angle bracket, not part of a longer run: one
 * sign (`>>`, `<<`: a button, a shift)? */
static bool angle_pair(const line_ctx *c, size_t p, size_t i)
{
    unsigned k = cls(c, i);
    return cls(c, p) == k && !(p > c->a && cls(c, p - 1) == k) &&
           !(i + 1 < c->b && cls(c, i + 1) == k);
}

/* The head of a regular expression's group (`(*ACCEPT)`, `(?R)`, `(?(`, `(?<name>`,
 * `(?P`): `?` or `*` right after `(`, then a name in capitals, or after `?` a letter or a
 * mark of the syntax; not a note (`(*)`, `(?)`, `(* Theo ...)`). */
static bool regex_group(const line_ctx *c, size_t p, size_t i)
{
    if (p <= c->a || !is_ch(c, p - 1, '(') || !(is_ch(c, p, '?') || is_ch(c, p, '*'))) return false;
    if (capitals(c, i, len(c, i)) && len(c, i) >= 2 && ascii_name(c, i)) return true;
    if (!is_ch(c, p, '?')) return false;
    return letter(c, i) || (len(c, i) == 1 && strchr("(<[-:!=", txt(c, i)[0]));
}

/* Capitals and one lower-case letter (`IPv`, `SOCKSv`, `PRIu`): a name whose number follows. */
static bool caps_then_lower(const line_ctx *c, size_t i)
{
    const unsigned char *s = txt(c, i);
    size_t n = len(c, i);
    if (cls(c, i) != K_WORD || n < 3 || !ascii_lower(s[n - 1])) return false;
    for (size_t k = 0; k + 1 < n; k++)
        if (!ascii_upper(s[k])) return false;
    return true;
}

/* A word of code that cannot be Vietnamese, in capitals or mixed (`NOT`, `FACTDOUBLE`,
 * `Bessel_In`, `CHIDIST`): an ASCII name of two letters or more. */
static bool code_word(const line_ctx *c, size_t i)
{
    return cls(c, i) == K_WORD && len(c, i) >= 2 && ascii_name(c, i) &&
           (c->tk[i].flags & (VNSEG_TF_ALL_CAPS | VNSEG_TF_NOT_VIETNAMESE));
}

/* Is word f a function and token x its one argument, a variable: `f(x)`, `G(t)` (the
 * letters that name functions, of a letter in lower case: not `a (b)`, `B (A, ...)`),
 * `NOT(A)`, `CHIDIST(x;` (a name of code of a letter), `sizeof(char)` (a lower-case name of
 * code of another: not `Escape (esc)`)? */
static bool function_of(const line_ctx *c, size_t f, size_t x)
{
    if (letter(c, x))
        return letter(c, f) ? strchr("fghFGH", txt(c, f)[0]) && ascii_lower(txt(c, x)[0])
                            : code_name(c, f) || code_word(c, f);
    return code_name(c, f) && code_name(c, x);
}

/* A manual's section number (`1` to `9`). */
static bool man_section(const line_ctx *c, size_t i)
{
    return len(c, i) == 1 && txt(c, i)[0] >= '1' && txt(c, i)[0] <= '9';
}

/* Is token i an option name after dashes (`- l`, `- - help`, `- fPIC`)? `run` is the number
 * of dashes; `after_word` whether a word stands before them. */
static bool option_after(const line_ctx *c, size_t i, size_t run)
{
    if (!ascii_name(c, i)) return false;
    const unsigned char *s = txt(c, i);
    size_t n = len(c, i);
    if (n == 1) return true; /* -l  -L */
    /* After two dashes a name in capitals is an option when it holds what no proper name does
     * (`--GTYPE-group-format`) or takes a value or ends the line (`--Group <GID>`, `theo sau
     * --User`); a dash typed as two before a name stays a dash (`K.H -- CEO của ...`). */
    if (run >= 2 && !ascii_lower(s[0])) {
        for (size_t k = 1; k < n; k++)
            if (!ascii_lower(s[k]) && !ascii_upper(s[k])) return true;
        return i + 1 == c->b || cls(c, i + 1) == K_LT || is_ch(c, i + 1, '=') ||
               is_ch(c, i + 1, '[');
    }
    if (!ascii_lower(s[0])) return false; /* `Nga - Ukraine`, `Format - Group` */
    if (run >= 2 || (c->tk[i].flags & VNSEG_TF_NOT_VIETNAMESE)) return true; /* --help, -fpic */
    /* A lower-case word that could be Vietnamese is an option only when it holds what no
     * Vietnamese word does (`keep-badhash`, `names=ARCH`, `m64`): `- cho biết` is a dash. */
    for (size_t k = 1; k < n; k++)
        if (!ascii_lower(s[k]) && !ascii_upper(s[k])) return true;
    return false;
}

/* The word of a compound with a number (`7 - bit`, `64 - byte`): lower-case, three letters
 * or more, not Vietnamese (`năm 842 - khoảng` stays spaced; `1024 - s`, `1 - nt` are
 * options). */
static bool number_compound(const line_ctx *c, size_t i)
{
    const uint32_t f = c->tk[i].flags;
    return cls(c, i) == K_WORD && len(c, i) >= 3 && ascii_lower(txt(c, i)[0]) &&
           (f & VNSEG_TF_NOT_VIETNAMESE) && !(f & VNSEG_TF_CAPITALIZED);
}

/* Dashes in a row ending at token i: their count, and the token before them (or SIZE_MAX). */
static size_t dash_run(const line_ctx *c, size_t i, size_t *before)
{
    size_t k = i, run = 0;
    while (cls(c, k) == K_HYPHEN) {
        run++;
        if (k == c->a) {
            *before = SIZE_MAX;
            return run;
        }
        k--;
    }
    *before = k;
    return run;
}

/* Rule results: no opinion, a space, no space. */
enum { R_NONE = -1, R_SPACE = 0, R_ATTACH = 1 };

/* Dashes: runs stay together (`--`); a run before an option joins it (`-l`, `--help`); a
 * number and a lower-case word keep their hyphen (`7-bit`); other dashes stay spaced. */
static int dash_rule(const line_ctx *c, size_t p, size_t i)
{
    const unsigned cp = cls(c, p), cc = cls(c, i);
    if (cp == K_HYPHEN && cc == K_HYPHEN) return R_ATTACH;
    /* A prefix in brackets (`--[no-]track`). */
    if (cc == K_HYPHEN && i + 1 < c->b && is_ch(c, i + 1, ']') && ascii_name(c, p) && p > c->a &&
        is_ch(c, p - 1, '['))
        return R_ATTACH;
    if (cp == K_HYPHEN) {
        size_t before;
        size_t run = dash_run(c, p, &before);
        if (option_after(c, i, run)) return R_ATTACH;
        if (run >= 2 && is_ch(c, i, '[')) return R_ATTACH; /* --[no-]track */
        /* Right after an opening quote or bracket, any name is an option (`“-Wa`). */
        if (before != SIZE_MAX && (cls(c, before) == K_QOPEN || cls(c, before) == K_OPEN) &&
            ascii_name(c, i))
            return R_ATTACH;
        if (run == 1 && before != SIZE_MAX && cls(c, before) == K_NUM && number_compound(c, i))
            return R_ATTACH;
    }
    /* `--arg-file = TẬP-TIN`: the value of an option. */
    if (is_is(c, i, "=") && cp == K_WORD && p > c->a && cls(c, p - 1) == K_HYPHEN &&
        ascii_name(c, p))
        return R_ATTACH;
    if (is_is(c, p, "=") && p > c->a + 1 && cls(c, p - 2) == K_HYPHEN && ascii_name(c, p - 1))
        return R_ATTACH;
    if (cc == K_HYPHEN && cp == K_NUM && i + 1 < c->b && number_compound(c, i + 1)) return R_ATTACH;
    return R_NONE;
}

/* Are the numbers h and m around a colon a time of day? Hours 0-23, minutes 00-59, and h
 * not a label's number (`ngày 16 : 16 ca`, `Điều 3 : ...`). */
static bool time_of_day(const line_ctx *c, size_t h, size_t m)
{
    static const char *const labels[] = {
        "ngày",  "Ngày",  "tháng",  "Tháng",  "năm", "Năm", "số",   "Số",   "điều", "Điều",
        "khoản", "Khoản", "chương", "Chương", "mục", "Mục", "bước", "Bước", "phần", "Phần"};
    const unsigned char *hs = txt(c, h), *ms = txt(c, m);
    unsigned hv = len(c, h) == 2 ? (hs[0] - '0') * 10u + (hs[1] - '0') : (unsigned)(hs[0] - '0');
    if (hv > 23 || ms[0] > '5') return false;
    if (h > c->a)
        for (size_t k = 0; k < sizeof labels / sizeof *labels; k++)
            if (is_is(c, h - 1, labels[k])) return false;
    return true;
}

/* Numbers split by a segmenter, where joining them is unambiguous: a time (`10:30`), a
 * decimal (`0,05`, `2,4%`), thousands (`1.000`), a product (`640×480`), a unit (`2,4%`,
 * `100.000đ`), a placeholder (`%1`). */
static int number_rule(const line_ctx *c, size_t p, size_t i)
{
    const unsigned cp = cls(c, p), cc = cls(c, i);
    const bool has_next = i + 1 < c->b;
    /* Separators between two numbers, seen from the separator (q is the number after it). */
    size_t l = cc == K_NUM ? p : i, q = cc == K_NUM ? i : i + 1;
    if (l > c->a && (cc == K_NUM ? l > c->a : has_next) && cls(c, l - 1) == K_NUM &&
        cls(c, q) == K_NUM && digits(c, l - 1) && digits(c, q)) {
        size_t ln = len(c, l - 1), rn = len(c, q);
        unsigned sep = cls(c, l);
        const unsigned char *r = txt(c, q);
        if (sep == K_COLON && ln <= 2 && rn == 2 && time_of_day(c, l - 1, q))
            return R_ATTACH;                                     /* 10:30 */
        if (sep == K_DOT && ln <= 3 && rn >= 1) return R_ATTACH; /* 1.000  0.9999 */
        /* Four digits after a comma and a number of two digits or more are the next item of a
         * list or a year (`10, 100, 1000`, `30, 1899`, `2019, 2020`), not decimals. */
        if (sep == K_COMMA && rn == 4 && r[0] != '0' && ln >= 2)
            return cc == K_NUM ? R_SPACE : R_ATTACH;
        if (sep == K_COMMA &&
            ((r[0] == '0' && rn >= 2) || rn >= 4 ||
             (q + 1 < c->b && (cls(c, q + 1) == K_PERCENT || cls(c, q + 1) == K_UNIT))))
            return R_ATTACH;                 /* 0,05  2,71828  2,4% */
        if (sep == K_TIMES) return R_ATTACH; /* 640×480 */
    }
    /* Two small numbers around a hyphen: a date, a score or a short range (`17-3`, `2-1`,
     * `4-5 triệu`); years stay spaced (`1994 - 1995`). */
    if ((cc == K_HYPHEN && cp == K_NUM && digits(c, p) && len(c, p) <= 2 && has_next &&
         cls(c, i + 1) == K_NUM && digits(c, i + 1) && len(c, i + 1) <= 2) ||
        (cp == K_HYPHEN && cc == K_NUM && digits(c, i) && len(c, i) <= 2 && p > c->a &&
         cls(c, p - 1) == K_NUM && digits(c, p - 1) && len(c, p - 1) <= 2))
        return R_ATTACH;
    /* A time written with `g` or `h` (`5g10`, `10h30`). */
    if ((cp == K_NUM && digits(c, p) && len(c, p) <= 2 && (is_is(c, i, "g") || is_is(c, i, "h")) &&
         has_next && digits(c, i + 1) && len(c, i + 1) == 2) ||
        (cc == K_NUM && digits(c, i) && len(c, i) == 2 && (is_is(c, p, "g") || is_is(c, p, "h")) &&
         p > c->a && digits(c, p - 1) && len(c, p - 1) <= 2))
        return R_ATTACH;
    if ((cc == K_PERCENT || cc == K_UNIT) && cp == K_NUM) return R_ATTACH;
    if (cp == K_NUM && cc == K_WORD && is_is(c, i, "\xC4\x91")) return R_ATTACH; /* 100.000đ */
    if (cp == K_PERCENT && cc == K_NUM && ascii_digit(txt(c, i)[0])) return R_ATTACH; /* %1 */
    return R_NONE;
}

/* Technical text: cell references and formulas, tags, identifiers and key combinations. The
 * rules are sorted by the class of the token after the gap, then by the class of the token
 * before it, so that a gap looks only at the rules that can apply to it. */
static int code_rule(const line_ctx *c, size_t p, size_t i)
{
    const unsigned cp = cls(c, p), cc = cls(c, i);
    const bool has_next = i + 1 < c->b;

    /* Tags and placeholders in angle brackets, and what joins them (`<Tên>=<Giá trị>`,
     * `%<PRIuMAX>`). */
    if ((CL(c, p) | CL(c, i)) & (F_TAG_OPEN | F_TAG_CLOSE)) {
        if ((CL(c, p) & F_TAG_OPEN) || (CL(c, i) & F_TAG_CLOSE)) return R_ATTACH;
        /* A line-break tag of HTML sits between the words it breaks (`tạo.<BR>Hãy`). */
        if (((CL(c, p) & F_TAG_CLOSE) && p >= c->a + 2 && is_is(c, p - 1, "BR")) ||
            ((CL(c, i) & F_TAG_OPEN) && i + 2 < c->b && is_is(c, i + 1, "BR")))
            return R_ATTACH;
        if (cp == K_PERCENT && (CL(c, i) & F_TAG_OPEN)) return R_ATTACH;
        if ((CL(c, p) & F_TAG_CLOSE) && has_next && (CL(c, i + 1) & F_TAG_OPEN) &&
            (cc == K_DOT || is_ch(c, i, '=')))
            return R_ATTACH;
        if ((CL(c, i) & F_TAG_OPEN) && p > c->a && (CL(c, p - 1) & F_TAG_CLOSE) &&
            (cp == K_DOT || is_ch(c, p, '=')))
            return R_ATTACH;
    }

    /* The constant π: its sign and its factor touch it (`-π/2`, `+π/2`, `2π`); an operator
     * between operands stays spaced (`2 - π`). */
    if (cc == K_WORD && is_is(c, i, "\xCF\x80")) {
        if (cp == K_NUM && digits(c, p)) return R_ATTACH;
        if ((cp == K_HYPHEN || cp == K_PLUS) &&
            !(p > c->a && (cls(c, p - 1) == K_NUM || cls(c, p - 1) == K_CLOSE ||
                           letter(c, p - 1) || is_is(c, p - 1, "\xCF\x80"))))
            return R_ATTACH;
    }

    /* By what comes after the gap. */
    switch (cc) {
    case K_COLON:
        /* Ranges of cell references (`A1:B1`), codes in capitals (`HH:MM:SS`), scopes
         * (`XListener::method`), classes of characters (`[:upper:]`). */
        if (cell_ref_end(c, p) && has_next && cell_ref_start(c, i + 1)) return R_ATTACH;
        if (capitals(c, p, 3) && len(c, p) >= 2 && has_next && capitals(c, i + 1, 3) &&
            len(c, i + 1) >= 2)
            return R_ATTACH;
        if (cp == K_COLON || (has_next && (cls(c, i + 1) == K_COLON || is_ch(c, i + 1, ']'))))
            return R_ATTACH;
        break;
    case K_SEMI:
        /* Lists of cell references (`A1;D1`) and of placeholders in capitals
         * (`CÁC;CÂU;LỆNH`). */
        if (cell_ref_end(c, p) && has_next && cell_ref_start(c, i + 1)) return R_ATTACH;
        if (all_caps_word(c, p) && has_next && all_caps_word(c, i + 1)) return R_ATTACH;
        break;
    case K_DOT:
        /* A sheet and its cell (`Bảng 1.A1`). */
        if (cp == K_NUM && has_next && cell_ref_start(c, i + 1)) return R_ATTACH;
        break;
    case K_GT:
        /* Arrows (`==>`, `->`), the empty comparison `<>`. */
        if (run_of(c, p, "=-") || cp == K_LT) return R_ATTACH;
        if (angle_pair(c, p, i)) return R_ATTACH; /* >> */
        break;
    case K_LT:
        if (angle_pair(c, p, i)) return R_ATTACH; /* << */
        break;
    case K_SYM:
        if (is_ch(c, i, '=') && (cp == K_LT || cp == K_GT || is_ch(c, p, '!')))
            return R_ATTACH; /* <= >= != */
        /* A setting's key and its value (`gtk-menu=16,16`). */
        if (is_ch(c, i, '=') && cp == K_WORD && ascii_name(c, p) &&
            memchr(txt(c, p), '-', len(c, p)) && has_next &&
            (cls(c, i + 1) == K_NUM || ascii_name(c, i + 1)))
            return R_ATTACH;
        /* Patterns and formats: `*.odt`, `.*`, `%.*s`, `**`. */
        if (is_ch(c, i, '*') && (cp == K_DOT || cp == K_PERCENT || is_ch(c, p, '*')))
            return R_ATTACH;
        /* Powers (`2^10`); alternatives of marks and numbers (`10|30|20`, `[+|-]`). */
        if (is_ch(c, i, '^') && cp == K_NUM && has_next && cls(c, i + 1) == K_NUM) return R_ATTACH;
        if (is_ch(c, i, '|') && !vietnamese_word(c, p) && has_next && !vietnamese_word(c, i + 1))
            return R_ATTACH;
        /* An accelerator mark inside a syllable touches its first part too (`Tiê~u`, `t~rang`),
         * not a whole word (`Sửa đổi ~mẫu`): one side is a fragment of two letters or less. */
        if (is_ch(c, i, '~') && has_next && letter_word(c, p) && letter_word(c, i + 1) &&
            (code_points(c, p) <= 2 || code_points(c, i + 1) <= 2))
            return R_ATTACH;
        break;
    case K_FINAL:
        /* Ranges of numbers (`0..1`). */
        if (is_is(c, i, "..") && cp == K_NUM && has_next && cls(c, i + 1) == K_NUM) return R_ATTACH;
        break;
    case K_AMP:
        /* Names of firms and fields in capitals (`R&D`, `AT&T`, `M&A`). */
        if (capitals(c, p, 3) && has_next && capitals(c, i + 1, 3)) return R_ATTACH;
        break;
    case K_PUNCT:
        /* A Windows path (`C:\Inet\wwwroot`). */
        if (is_ch(c, i, '\\') && has_next && ascii_name(c, i + 1) && p > c->a &&
            ((cp == K_COLON && letter(c, p - 1)) || (is_ch(c, p - 1, '\\') && ascii_name(c, p))))
            return R_ATTACH;
        break;
    case K_PLUS:
        /* Key combinations (`Ctrl+C`, `NIS+`), runs of plus signs (`C++`). */
        if (key_like(c, p) || modifier_key(c, p)) return R_ATTACH;
        break;
    case K_HASH:
        if (capitals(c, p, 1)) return R_ATTACH; /* C# */
        /* A placeholder between hashes (`#servicename#`, `#type#`). */
        if (p > c->a && cls(c, p - 1) == K_HASH && ascii_name(c, p)) return R_ATTACH;
        break;
    case K_OPEN:
        if (is_ch(c, i, '(')) {
            /* A formula's call (`=SUM(`), a format's (`%(`, `%%(`), a call without
             * arguments (`STYLE()`), a call whose argument is code: a function in capitals
             * (`CHAR(10)`, `SQRT(PI(`), a name that cannot be Vietnamese (`cut(1)`,
             * `cos(<?>)`); not an acronym explained in words (`WHO (Tổ chức Y tế Thế
             * giới)`). */
            if (run_of(c, p, "%")) return R_ATTACH;
            if (cp == K_WORD &&
                (txt(c, p)[0] == '=' || txt(c, p)[0] == '%' || formula_inside(c, p) ||
                 (has_next && is_ch(c, i + 1, ')') && ends_in_name(c, p))))
                return R_ATTACH;
            if (cp == K_WORD && i + 2 < c->b && function_of(c, p, i + 1) &&
                (is_ch(c, i + 2, ')') || cls(c, i + 2) == K_SEMI))
                return R_ATTACH; /* f(x), NOT(A), CHIDIST(x;, sizeof(char) */
            if (cp == K_WORD && i + 2 < c->b && man_section(c, i + 1) && is_ch(c, i + 2, ')') &&
                ascii_lower(txt(c, p)[0]) && ascii_name(c, p) && memchr(txt(c, p), '-', len(c, p)))
                return R_ATTACH; /* git-pull(1) */
            if (cp == K_WORD && has_next && code_argument(c, i + 1) &&
                ((ascii_name(c, p) && len(c, p) >= 2 && (c->tk[p].flags & VNSEG_TF_ALL_CAPS)) ||
                 code_name(c, p)))
                return R_ATTACH;
        } else if (is_ch(c, i, '[') && cp == K_WORD && ascii_name(c, p) && has_next) {
            /* An option's optional value (`--context[=SỐ]`), an index (`Dict[1]`). */
            if (txt(c, i + 1)[0] == '=' && p > c->a && cls(c, p - 1) == K_HYPHEN) return R_ATTACH;
            if ((c->tk[p].flags & VNSEG_TF_NOT_VIETNAMESE) && cls(c, i + 1) == K_NUM &&
                i + 2 < c->b && is_ch(c, i + 2, ']'))
                return R_ATTACH;
        }
        break;
    }

    /* By what comes before the gap. */
    switch (cp) {
    case K_WORD:
        /* Letters split from their number (`A 1`, `$B $3`, `Đ.SỐ 1`, `SHA 1`); not an operator
         * between numbers (`2 POW 8`). */
        if ((cc == K_NUM && ascii_digit(txt(c, i)[0])) || dollar_ref(c, i)) {
            if (dollar_ref(c, p) || dotted_caps(c, p)) return R_ATTACH;
            /* A section's number after its name (`idata$5`): a name of code only (`hay $15`). */
            if (dollar_ref(c, i) && ascii_digit(txt(c, i)[1]) && code_name(c, p)) return R_ATTACH;
            if (cell_letters(c, p) && !decimal_number(c, i) &&
                !(p > c->a && (cls(c, p - 1) == K_NUM || cls(c, p - 1) == K_GT)))
                return R_ATTACH;
        }
        /* A version letter and its number (`IPv6`, `SOCKSv5`, `PRIu32`, `TLSv1.2`). */
        if (cc == K_NUM && (digits(c, i) || decimal_number(c, i)) && caps_then_lower(c, p))
            return R_ATTACH;
        if (cc == K_NUM && digits(c, i) && variable_letter(c, p)) return R_ATTACH; /* x2 */
        if (cc == K_NUM && digits(c, i)) {
            /* An option's name and its digits (`--files0`, `-mips32`, `--md5`), a function
             * with digits in a formula (`=LOG10(`), the name of a parameter in a definition
             * (`Text1: ...` at the start of a line). */
            if (p > c->a && cls(c, p - 1) == K_HYPHEN && ascii_name(c, p) &&
                !(c->tk[p].flags & VNSEG_TF_CAPITALIZED))
                return R_ATTACH;
            if (txt(c, p)[0] == '=' && has_next && is_ch(c, i + 1, '(')) return R_ATTACH;
            if (p == c->a && ascii_name(c, p) && ascii_upper(txt(c, p)[0]) && len(c, i) == 1 &&
                txt(c, i)[0] != '0' && has_next && cls(c, i + 1) == K_COLON)
                return R_ATTACH;
        }
        /* A value after `name=` (`Kiểu= 1`, `--png= TẬP-TIN`, `--line-length =N`). */
        if (len(c, p) >= 2 && last_byte(c, p) == '=') return R_ATTACH;
        if (cc == K_WORD && len(c, i) >= 2 && txt(c, i)[0] == '=' && ascii_name(c, p) &&
            ((p > c->a && cls(c, p - 1) == K_HYPHEN) || memchr(txt(c, p), '-', len(c, p))))
            return R_ATTACH;
        if (cc == K_NUM) {
            const unsigned char *s = txt(c, i);
            if (s[0] == '-' && ascii_digit(last_byte(c, p)) && memchr(txt(c, p), '-', len(c, p)))
                return R_ATTACH; /* ISO-8859-1 */
            if (digits(c, i) && len(c, p) == 2 && ascii_upper(txt(c, p)[0]) && txt(c, p)[1] == '.')
                return R_ATTACH;                                /* X.509 */
            if (s[0] == '+' && key_like(c, p)) return R_ATTACH; /* Ctrl +8 */
        }
        break;
    case K_NUM:
        if (dollar_ref(c, p) && dollar_ref(c, i)) return R_ATTACH;
        /* Scientific notation (`1.00E+03`, `10E-45`). */
        if (cc != K_NUM && ascii_digit(last_byte(c, p)) && exponent(c, i)) return R_ATTACH;
        /* A number and its letter (`3D`, `1K`), a hex prefix (`0x%X`), printf's positional
         * arguments (`%1$u`). */
        if (digits(c, p) && len(c, p) <= 4 && capitals(c, i, 1)) return R_ATTACH;
        if (is_ch(c, p, '0') && cc == K_WORD && txt(c, i)[0] == 'x' && len(c, i) >= 2)
            return R_ATTACH;
        if (cc == K_WORD && letter(c, i) && last_byte(c, p) == '$') return R_ATTACH;
        break;
    case K_FINAL:
        if (regex_group(c, p, i)) return R_ATTACH; /* (?R) */
        if (cc == K_NUM && is_is(c, p, "..") && p > c->a && cls(c, p - 1) == K_NUM)
            return R_ATTACH; /* 0..1 */
        /* An ellipsis that opens a line before a lower-case word stands for what was left
         * out before it and touches what goes on (`...trước khi lưu`); before a capital it
         * is a pause (`... Về phía`). */
        if (p == c->a && cc == K_WORD && (is_is(c, p, "...") || is_is(c, p, "\xE2\x80\xA6")) &&
            !(c->tk[i].flags & (VNSEG_TF_CAPITALIZED | VNSEG_TF_ALL_CAPS)))
            return R_ATTACH;
        break;
    case K_COLON:
    case K_SEMI:
        if (p > c->a && cell_ref_end(c, p - 1) && cell_ref_start(c, i)) return R_ATTACH;
        if (cp == K_SEMI) {
            if (all_caps_word(c, i) && p > c->a && all_caps_word(c, p - 1)) return R_ATTACH;
            break;
        }
        if (capitals(c, i, 3) && len(c, i) >= 2 && p > c->a && capitals(c, p - 1, 3) &&
            len(c, p - 1) >= 2)
            return R_ATTACH;
        /* Formats of any case (`GG:PP:gg`, `Gi:Ph:Gy`): three fields or more. */
        if (format_colon(c, p)) return R_ATTACH;
        /* A quoted name and its number (`« HID:1234 »`, `“dsp:16”`, `"Err:518"`). */
        if (cc == K_NUM && digits(c, i) && p >= c->a + 2 && ascii_name(c, p - 1) &&
            (cls(c, p - 2) == K_QOPEN || cls(c, p - 2) == K_GOPEN) && i + 1 < c->b &&
            (cls(c, i + 1) == K_QCLOSE || cls(c, i + 1) == K_GCLOSE))
            return R_ATTACH;
        if (cc == K_WORD && p > c->a && (cls(c, p - 1) == K_COLON || is_ch(c, p - 1, '[')))
            return R_ATTACH;
        break;
    case K_DOT:
        if (p > c->a && cls(c, p - 1) == K_NUM && cell_ref_start(c, i)) return R_ATTACH;
        break;
    case K_HASH:
        /* `###`, `#REF!`, `#N/A`, `#1`; not a comment: `# Không`. */
        if (cc == K_HASH ||
            (p > c->a && (cc == K_NUM || letter(c, i) || code_name(c, i) ||
                          (cc == K_WORD && capitals(c, i, len(c, i)) && len(c, i) <= 8))))
            return R_ATTACH;
        break;
    case K_DOLLAR:
        if (cc == K_OPEN) return R_ATTACH; /* $(ARG1), $[officename] */
        break;
    case K_PUNCT:
        if (is_ch(c, p, '\\')) return R_ATTACH; /* \n */
        break;
    case K_SYM:
        if (regex_group(c, p, i)) return R_ATTACH; /* (*ACCEPT) */
        if (is_ch(c, p, '*') && (cc == K_DOT || letter(c, i)) && p > c->a &&
            (cls(c, p - 1) == K_DOT || cls(c, p - 1) == K_PERCENT || cls(c, p - 1) == K_OPEN ||
             cls(c, p - 1) == K_GOPEN))
            return R_ATTACH;
        if (is_ch(c, p, '@') && (cc == K_WORD || cc == K_NUM)) return R_ATTACH; /* @nn */
        if (is_ch(c, p, '~') && cc == K_NUM) return R_ATTACH;                   /* ~1, ~50% */
        /* A menu's accelerator mark before the letter it marks (`t~rang`, `địa chỉ ~người`,
         * and opening a label: `~Tự động lưu`). */
        if (is_ch(c, p, '~') && (p == c->a || letter_word(c, p - 1)) && letter_word(c, i))
            return R_ATTACH;
        if (is_ch(c, p, '^') &&
            (capitals(c, i, 1) || (cc == K_NUM && p > c->a && cls(c, p - 1) == K_NUM)))
            return R_ATTACH; /* ^I, 2^10 */
        if (is_ch(c, p, '|') && !vietnamese_word(c, i) && p > c->a && !vietnamese_word(c, p - 1))
            return R_ATTACH;
        /* An option's optional value (`[=FILE]`), a setting's value (`gtk-menu=16,16`). */
        if (is_ch(c, p, '=') && p > c->a &&
            ((is_ch(c, p - 1, '[') && (!vietnamese_word(c, i) || all_caps_word(c, i))) ||
             (ascii_name(c, p - 1) && memchr(txt(c, p - 1), '-', len(c, p - 1)) &&
              (cc == K_NUM || ascii_name(c, i)))))
            return R_ATTACH;
        break;
    case K_PERCENT:
        if (cc == K_DOT || letter(c, i)) return R_ATTACH; /* %.*s, %s */
        break;
    case K_AMP:
        if (capitals(c, i, 3) && p > c->a && capitals(c, p - 1, 3)) return R_ATTACH;
        break;
    case K_PLUS:
        /* A sign opening a value (`+N`, `+05:30`): after an opening bracket or quote, a colon
         * or a comma, before a number or a capital; not at the start of a line, where `+` is
         * a bullet (`+ 3 người`, `+ A và B`). */
        if ((cc == K_NUM || cc == K_DATE ? ascii_digit(txt(c, i)[0]) : capitals(c, i, 1)) &&
            p > c->a &&
            (cls(c, p - 1) == K_QOPEN || cls(c, p - 1) == K_GOPEN || cls(c, p - 1) == K_OPEN ||
             cls(c, p - 1) == K_COLON || cls(c, p - 1) == K_COMMA))
            return R_ATTACH;
        if (p > c->a && key_like(c, p - 1) && key_like(c, i)) return R_ATTACH;
        if (p > c->a && modifier_key(c, p - 1) && (cc == K_WORD || cc == K_NUM))
            return R_ATTACH; /* Shift+kéo */
        break;
    case K_CLOSE:
        /* stty's `[-]clocal`, git's `--[no-]track`. */
        if (is_ch(c, p, ']') && cc == K_WORD && ascii_name(c, i) && p >= c->a + 2 &&
            cls(c, p - 1) == K_HYPHEN &&
            (is_ch(c, p - 2, '[') || (p >= c->a + 3 && is_ch(c, p - 3, '['))))
            return R_ATTACH;
        break;
    }
    return R_NONE;
}

/* Does a name of several words end at token i: a lower-case word after a capitalized one
 * (`Hộp tổ_hợp`, `Thư_mục nguồn`)? */
static bool phrase_end(const line_ctx *c, size_t i)
{
    return i > c->a && cls(c, i) == K_WORD && !(c->tk[i].flags & VNSEG_TF_CAPITALIZED) &&
           cls(c, i - 1) == K_WORD && (c->tk[i - 1].flags & VNSEG_TF_CAPITALIZED);
}

/* Punctuation: what never takes a space before it, and what never takes one after it. */
static int punct_rule(const line_ctx *c, size_t p, size_t i)
{
    const unsigned cp = cls(c, p), cc = cls(c, i);
    if ((straight_quote(c, i) == '\'' && apostrophe(c, i)) ||
        (straight_quote(c, p) == '\'' && apostrophe(c, p)))
        return R_ATTACH; /* don't */
    /* A scheme named in prose (`dùng file:// để thay thế`): a Vietnamese word after `://`
     * is no host (`http://miền.com` has its dot). */
    if (cp == K_SLASH && cc == K_WORD && p >= c->a + 2 && cls(c, p - 1) == K_SLASH &&
        cls(c, p - 2) == K_COLON && vietnamese_word(c, i) && !memchr(txt(c, i), '.', len(c, i)) &&
        code_points(c, i) < len(c, i))
        return R_SPACE;
    /* `...` between keywords of code (`For...Next`, `If...Then`). */
    if ((is_is(c, i, "...") && i + 1 < c->b && ascii_name(c, p) && ascii_name(c, i + 1) &&
         ascii_upper(txt(c, i + 1)[0])) ||
        (is_is(c, p, "...") && p > c->a && ascii_name(c, p - 1) && ascii_name(c, i) &&
         ascii_upper(txt(c, i)[0])))
        return R_ATTACH;
    /* A slash between names of several words stays spaced (`Hộp tổ hợp / Hộp liệt kê`);
     * between single words it joins them (`Nạp/Lưu`, `cột/hàng`, `km/h`). */
    if ((cc == K_SLASH && i + 1 < c->b && phrase_end(c, p) &&
         (c->tk[i + 1].flags & VNSEG_TF_CAPITALIZED)) ||
        (cp == K_SLASH && p > c->a && phrase_end(c, p - 1) &&
         (c->tk[i].flags & VNSEG_TF_CAPITALIZED)))
        return R_SPACE;
    /* A path keeps its own slashes but is spaced from the word before it (`nạp /var/lib`). */
    if (cc == K_SLASH && cp == K_WORD && !(c->tk[p].flags & VNSEG_TF_NOT_VIETNAMESE) &&
        i + 2 < c->b && code_name(c, i + 1) && cls(c, i + 2) == K_SLASH)
        return R_SPACE;
    /* An ellipsis that closes a list after its comma is spaced from it (`Hàng 1, Hàng 2, ...)`,
     * `1M = 1048576, …` at the end of a line); inside code it touches (`<PID,...>`). */
    if (cp == K_COMMA && (is_is(c, i, "...") || is_is(c, i, "\xE2\x80\xA6")) &&
        (i + 1 == c->b || cls(c, i + 1) == K_QCLOSE || cls(c, i + 1) == K_GCLOSE ||
         is_ch(c, i + 1, ')')))
        return R_SPACE;
    /* A dot before a file extension (`.odt`); spaced from the word before it. */
    if (cp == K_DOT && cc == K_WORD && extension(c, i)) return R_ATTACH;
    if (cc == K_DOT && cp == K_WORD && i + 1 < c->b && cls(c, i + 1) == K_WORD &&
        extension(c, i + 1))
        return R_SPACE;
    switch (cc) {
    case K_COMMA:
    case K_SEMI:
    case K_COLON:
    case K_DOT:
    case K_FINAL:
    case K_CLOSE:
    case K_QCLOSE:
    case K_SLASH:
        return cp == K_GOPEN ? R_SPACE : R_ATTACH;
    }
    switch (cp) {
    case K_OPEN:
    case K_QOPEN:
    case K_SLASH:
        return cc == K_GCLOSE ? R_SPACE : R_ATTACH;
    }
    return R_NONE;
}

/* Is there no space between tokens i - 1 and i? */
/* Pairs decided by their classes alone (no marks, no edges), as the rules decide them:
 * checked against the rules by tests/test_detok.c. */
const unsigned char vn_detok_pairs[32][32] = {
    [K_WORD] = {[K_WORD] = VN_PAIR_SPACE,
                [K_DOT] = VN_PAIR_WORD_DOT,
                [K_COMMA] = VN_PAIR_TOUCH,
                [K_SEMI] = VN_PAIR_TOUCH,
                [K_COLON] = VN_PAIR_TOUCH,
                [K_FINAL] = VN_PAIR_TOUCH,
                [K_CLOSE] = VN_PAIR_TOUCH,
                [K_QCLOSE] = VN_PAIR_TOUCH,
                [K_GOPEN] = VN_PAIR_SPACE,
                [K_GCLOSE] = VN_PAIR_SPACE},
    [K_COMMA] = {[K_WORD] = VN_PAIR_SPACE},
    [K_GOPEN] = {[K_WORD] = VN_PAIR_SPACE},
    [K_GCLOSE] = {[K_WORD] = VN_PAIR_SPACE},
    [K_DOT] = {[K_WORD] = VN_PAIR_DOT_WORD},
    [K_OPEN] = {[K_WORD] = VN_PAIR_TOUCH},
    [K_QOPEN] = {[K_WORD] = VN_PAIR_TOUCH},
};

/* The most common pairs, decided as the rules below decide them but faster; R_NONE for the
 * others. (tests/test_detok.c checks that both agree.) */
static int common_pair(const line_ctx *c, size_t p, size_t i)
{
    if (((CL(c, p) | CL(c, i)) & ~K_MASK) || c->pair_edges) return R_NONE;
    const unsigned cp = cls(c, p), cc = cls(c, i);
    if (cp == K_WORD) {
        /* Two words are apart unless a `=` or `$` joins them (`Kiểu= 1`, `--line-length =N`,
         * `$B$3`); a comma follows a word; so does a dot unless an extension follows it. */
        if (cc == K_WORD) return R_SPACE;
        if (cc == K_COMMA) return R_ATTACH;
        if (cc == K_DOT)
            return i + 1 < c->b && cls(c, i + 1) == K_WORD && extension(c, i + 1) ? R_SPACE
                                                                                  : R_ATTACH;
        if (cc == K_CLOSE) return R_ATTACH;
    } else if (cc == K_WORD) {
        /* After a comma, a word is spaced; after an opening bracket, not. */
        if (cp == K_COMMA) return R_SPACE;
        if (cp == K_OPEN) return R_ATTACH;
    }
    if (cp == K_DOT && cc == K_WORD) {
        /* After a sentence, unless an extension (`.odt`) or a sheet's cell (`Bảng1.A1`). */
        return extension(c, i) || (p > c->a && cls(c, p - 1) == K_NUM && cell_ref_start(c, i))
                   ? R_ATTACH
                   : R_SPACE;
    }
    return R_NONE;
}

bool vn_detok_attached(line_ctx *c, size_t i, bool fast)
{
    const size_t p = i - 1;
    if ((CL(c, p) & F_FORMULA) && (CL(c, i) & F_FORMULA)) return true;
    int r = fast ? common_pair(c, p, i) : R_NONE;
    if (r != R_NONE) return r == R_ATTACH;
    /* With `fast`, skip the rule groups that cannot apply: the dash rules need a dash or a
     * `=` at the gap, the number rules a number (tests check the skipping changes nothing). */
    const unsigned cp = cls(c, p), cc = cls(c, i);
    if (!fast || cp == K_HYPHEN || cc == K_HYPHEN || cp == K_SYM || cc == K_SYM)
        r = dash_rule(c, p, i);
    if (r == R_NONE && (!fast || cp == K_NUM || cc == K_NUM)) r = number_rule(c, p, i);
    if (r == R_NONE) r = code_rule(c, p, i);
    if (r == R_NONE) r = punct_rule(c, p, i);
    return r == R_ATTACH;
}

/* Classes and edges of the tokens of a line: words, numbers, dates and links straight from
 * their kind (a table, not a branch per kind), marks from their text; then the marks that need
 * the whole line (quotes, tags, formulas, guillemets) are resolved when the line holds any. */
void vn_detok_prepare(vn_line_rules *r, const vnseg_doc *doc, size_t a, size_t b,
                      unsigned char *scratch)
{
    enum { MARK = 0xFF };
    /* Indexed by the kind's low bits: a document's kinds are all below VNSEG_KIND_COUNT (the
     * library makes every document), and the mask keeps the read in bounds whatever. */
    static const unsigned char by_kind[16] = {
        [VNSEG_KIND_WORD] = K_WORD,      [VNSEG_KIND_NUMBER] = K_NUM,
        [VNSEG_KIND_DATETIME] = K_DATE,  [VNSEG_KIND_PUNCT_OPEN] = MARK,
        [VNSEG_KIND_PUNCT_CLOSE] = MARK, [VNSEG_KIND_PUNCT_FINAL] = MARK,
        [VNSEG_KIND_PUNCT_DASH] = MARK,  [VNSEG_KIND_PUNCT] = MARK,
        [VNSEG_KIND_SYMBOL] = MARK,      [VNSEG_KIND_URL] = K_URL,
        [VNSEG_KIND_EMAIL] = K_URL};
    _Static_assert(VNSEG_KIND_COUNT <= 16, "kinds fit the table");
    /* The start edge by a token's first byte. */
    static const unsigned char start_edge[256] = {['='] = EDGE_START, ['$'] = EDGE_START};
    const vnseg_token *tk = doc->tokens;
    *r = (vn_line_rules){doc, tk, (uint16_t *)(void *)scratch, a, b, 0};
    line_ctx *c = r;
    /* Classes seen among the marks (bit per class). */
    uint32_t marks = 0;
    unsigned words = 0; /* the class words ORed: any start edge (`=` or `$`) may open a formula */
    bool quotes = false;
    uint16_t *cl = r->cls;
    for (size_t i = a; i < b; i++, cl++) {
        const vnseg_token *t = &tk[i];
        const unsigned char *s = doc->text + t->offset;
        unsigned char first = s[0], last = s[t->length - 1];
        unsigned char k = by_kind[t->kind & 15];
        if (k == MARK) {
            k = class_of_mark(doc, t);
            marks |= 1u << k;
            quotes |= (t->flags & VNSEG_TF_QUOTE) && t->length <= 3;
        }
        *cl = (uint16_t)(k | (start_edge[first] | (last == '=' ? EDGE_END : 0)) << VN_EDGE_SHIFT);
        words |= *cl;
    }
    if (quotes) pair_quotes(c);
    if (marks & (1u << K_LT)) pair_angles(c);
    if (words & EDGE_START << VN_EDGE_SHIFT) mark_formulas(c);
    if (marks & (1u << K_GOPEN)) mark_code_quotes(c);
}

void vn_detok_line_rules(const vnseg_doc *doc, size_t a, size_t b, unsigned char *space,
                         unsigned char *scratch, bool fast)
{
    vn_line_rules r;
    vn_detok_prepare(&r, doc, a, b, scratch);
    space[0] = 0;
    for (size_t i = a + 1; i < b; i++) {
        if (fast) {
            space[i - a] = vn_detok_space(&r, i);
            continue;
        }
        const vnseg_token *p = &r.tk[i - 1];
        r.pair_edges = vn_detok_pair_edges(r.cls[i - 1 - a], r.cls[i - a]);
        space[i - a] = p->offset + p->length != r.tk[i].offset && !vn_detok_attached(&r, i, false);
    }
}
