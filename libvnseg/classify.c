/* Token classification: from a token's bytes and character features to its kind, flags and
 * syllable count (words, numbers, dates and times, punctuation, symbols, URLs, e-mails). */
#include <string.h>

#include <unicode/uchar.h>

#include "chars.h"
#include "doc.h"
#include "syllable.h"
#include "utf8.h"

static inline bool is_digit(unsigned c)
{
    return c - '0' < 10u;
}

static inline bool is_alpha_ascii(unsigned c)
{
    return (c | 0x20u) - 'a' < 26u;
}

static inline bool starts_with(const unsigned char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    return n >= k && memcmp(s, lit, k) == 0;
}

/* ---- punctuation and symbols ---- */

enum { P_OPEN, P_CLOSE, P_STRAIGHT, P_FINAL, P_DASH, P_PUNCT, P_SYMBOL };

static bool is_quote_char(uint32_t cp)
{
    switch (cp) {
    case '"': case '\'': case '`':
    case 0x00AB: case 0x00BB: case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2039: case 0x203A:
    case 0x300C: case 0x300D: case 0x300E: case 0x300F: case 0x301D: case 0x301E:
    case 0x301F: case 0xFF02: case 0xFF07:
        return true;
    }
    return false;
}

static int punct_class(uint32_t cp)
{
    switch (cp) {
    case '"': case '\'': case '`': case 0xFF02: case 0xFF07:
        return P_STRAIGHT;
    case '(': case '[': case '{':
        return P_OPEN;
    case ')': case ']': case '}':
        return P_CLOSE;
    case '.': case '?': case '!': case 0x2026: case 0x203C: case 0x2047: case 0x2048:
    case 0x2049: case 0x3002: case 0xFF01: case 0xFF0E: case 0xFF1F:
        return P_FINAL;
    case '-':
        return P_DASH;
    case ',': case ';': case ':': case '/': case '\\': case '_':
        return P_PUNCT;
    }
    if (cp < 0x80)
        return P_SYMBOL;
    switch (vn_char_category(cp)) {
    case U_START_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
        return P_OPEN;
    case U_END_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
        return P_CLOSE;
    case U_DASH_PUNCTUATION:
        return P_DASH;
    case U_OTHER_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
        return P_PUNCT;
    default:
        return P_SYMBOL;
    }
}

/* Emoticons written with ASCII: `:))`, `:-(`, `=))`, `:D`, `:v`, `;)`, `^^`, `-_-`, `<3`. */
static bool is_emoticon(const unsigned char *s, size_t n)
{
    static const char *const fixed[] = {"^^", "^_^", "^.^", "-_-", "T_T", "o_O", "O_o", ">_<",
                                        ">.<", "<3", "</3", "xD", "XD", "xd"};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        if (strlen(fixed[i]) == n && memcmp(fixed[i], s, n) == 0)
            return true;
    if (n < 2 || n > 12 || (s[0] != ':' && s[0] != ';' && s[0] != '='))
        return false;
    size_t i = 1;
    if (s[i] == '-' || s[i] == '\'' || s[i] == '^')
        i++;
    if (i == n)
        return false;
    for (; i < n; i++)
        if (!strchr(")(][/\\|DPpOo0*3vVxX<>", s[i]) || s[i] == 0)
            return false;
    return true;
}

static void classify_punct(vnseg_token *t, const unsigned char *s, size_t n)
{
    const unsigned char *p = s, *end = s + n;
    size_t chars = 0;
    int first = P_SYMBOL;
    bool all_final = true, all_dash = true, any_symbol = false, quote = false;
    while (p < end) {
        uint32_t cp;
        int k = vn_utf8_decode(p, end, &cp);
        p += k > 0 ? k : -k;
        if (k < 0 || (vn_char_class(cp) & VC_INVIS))
            continue;
        int c = punct_class(cp);
        if (chars++ == 0) {
            first = c;
            quote = is_quote_char(cp);
        }
        all_final &= c == P_FINAL;
        all_dash &= c == P_DASH;
        any_symbol |= c == P_SYMBOL;
    }
    if (memchr(s, '_', n))
        t->flags |= VNSEG_TF_LITERAL_UNDERSCORE;
    if (chars == 1) {
        static const uint16_t kind_of[] = {
            [P_OPEN] = VNSEG_KIND_PUNCT_OPEN,   [P_CLOSE] = VNSEG_KIND_PUNCT_CLOSE,
            [P_STRAIGHT] = VNSEG_KIND_PUNCT_OPEN, [P_FINAL] = VNSEG_KIND_PUNCT_FINAL,
            [P_DASH] = VNSEG_KIND_PUNCT_DASH,   [P_PUNCT] = VNSEG_KIND_PUNCT,
            [P_SYMBOL] = VNSEG_KIND_SYMBOL};
        t->kind = kind_of[first];
        if (quote)
            t->flags |= VNSEG_TF_QUOTE;
        return;
    }
    if (n == 2 && (memcmp(s, "``", 2) == 0 || memcmp(s, "''", 2) == 0)) {
        t->kind = s[0] == '`' ? VNSEG_KIND_PUNCT_OPEN : VNSEG_KIND_PUNCT_CLOSE;
        t->flags |= VNSEG_TF_QUOTE;
    } else if (chars == 0) {
        t->kind = VNSEG_KIND_SYMBOL; /* only zero-width characters */
    } else if (all_final) {
        t->kind = VNSEG_KIND_PUNCT_FINAL;
    } else if (all_dash) {
        t->kind = VNSEG_KIND_PUNCT_DASH;
    } else if (any_symbol || is_emoticon(s, n)) {
        t->kind = VNSEG_KIND_SYMBOL;
    } else {
        t->kind = VNSEG_KIND_PUNCT;
    }
}

/* ---- URLs and e-mail addresses ---- */

static bool is_tld(const unsigned char *s, size_t n)
{
    static const char *const tlds[] = {
        "ai",   "app",  "asia", "at",   "au",   "be",   "biz",  "blog", "br",  "ca",
        "cc",   "ch",   "cn",   "co",   "com",  "cz",   "de",   "dev",  "dk",  "edu",
        "es",   "eu",   "fi",   "fr",   "gov",  "hk",   "id",   "in",   "info", "int",
        "io",   "it",   "jp",   "kh",   "kr",   "la",   "me",   "mil",  "mx",  "my",
        "name", "net",  "news", "nl",   "no",   "online", "org", "ph",  "pl",  "pro",
        "pt",   "ru",   "se",   "sg",   "site", "store", "tech", "th",  "top", "tv",
        "tw",   "uk",   "us",   "vn",   "xyz"};
    for (size_t i = 0; i < sizeof tlds / sizeof *tlds; i++)
        if (strlen(tlds[i]) == n && memcmp(tlds[i], s, n) == 0)
            return true;
    return false;
}

/* Length of a host name `label(.label)+` at s whose last label is a known TLD; 0 if none. */
static size_t host_length(const unsigned char *s, size_t n, bool need_tld)
{
    size_t i = 0, labels = 0, last = 0;
    while (i < n) {
        size_t l0 = i;
        while (i < n && (is_alpha_ascii(s[i]) || is_digit(s[i]) || s[i] == '-' || s[i] == '_'))
            i++;
        if (i == l0)
            return 0;
        labels++;
        last = l0;
        if (i < n && s[i] == '.' && i + 1 < n && (is_alpha_ascii(s[i + 1]) || is_digit(s[i + 1])))
            i++;
        else
            break;
    }
    if (labels < 2)
        return 0;
    if (need_tld && !is_tld(s + last, i - last))
        return 0;
    if (!need_tld) {
        for (size_t k = last; k < i; k++)
            if (!is_alpha_ascii(s[k]))
                return 0;
        if (i - last < 2)
            return 0;
    }
    return i;
}

static int classify_link(const unsigned char *s, size_t n)
{
    /* scheme://... */
    size_t i = 0;
    if (n && is_alpha_ascii(s[0])) {
        while (i < n && i < 16 && (is_alpha_ascii(s[i]) || is_digit(s[i]) || s[i] == '+' ||
                                   s[i] == '.' || s[i] == '-'))
            i++;
        if (i + 3 < n && memcmp(s + i, "://", 3) == 0)
            return VNSEG_KIND_URL;
    }
    if (n > 7 && (starts_with(s, n, "mailto:") || starts_with(s, n, "MAILTO:")))
        return VNSEG_KIND_URL;
    if (n > 4 && (s[0] | 0x20) == 'w' && (s[1] | 0x20) == 'w' && (s[2] | 0x20) == 'w' &&
        s[3] == '.')
        return VNSEG_KIND_URL;
    /* local@host.tld */
    const unsigned char *at = memchr(s, '@', n);
    if (at && at > s && memchr(at + 1, '@', n - (size_t)(at + 1 - s)) == NULL) {
        bool ok = true;
        for (const unsigned char *q = s; q < at && ok; q++)
            ok = is_alpha_ascii(*q) || is_digit(*q) || strchr("._%+-", *q);
        size_t rest = n - (size_t)(at + 1 - s);
        if (ok && rest && host_length(at + 1, rest, false) == rest)
            return VNSEG_KIND_EMAIL;
        return -1;
    }
    /* host.tld, host.tld/path, host.tld:8080 */
    size_t h = host_length(s, n, true);
    if (h && (h == n || s[h] == '/' || s[h] == ':' || s[h] == '?' || s[h] == '#'))
        return VNSEG_KIND_URL;
    return -1;
}

/* ---- numbers, dates and times ---- */

/* Skip an optional currency sign at s; returns its length. */
static size_t currency_prefix(const unsigned char *s, size_t n)
{
    if (n >= 1 && s[0] == '$')
        return 1;
    if (starts_with(s, n, "\xE2\x82\xAC")) /* € */
        return 3;
    if (starts_with(s, n, "\xC2\xA3") || starts_with(s, n, "\xC2\xA5")) /* £ ¥ */
        return 2;
    return 0;
}

/* Is s[0..n) a unit that may follow a number: % ‰ đ ₫ $ € ? */
static bool number_suffix(const unsigned char *s, size_t n)
{
    static const char *const suffixes[] = {"%", "\xE2\x80\xB0", "\xC4\x91", "\xE2\x82\xAB",
                                           "$", "\xE2\x82\xAC", "."};
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++)
        if (strlen(suffixes[i]) == n && memcmp(suffixes[i], s, n) == 0)
            return true;
    return false;
}

#define MAX_GROUPS 8

static int classify_numeric(const unsigned char *s, size_t n)
{
    size_t i = currency_prefix(s, n);
    bool plain = i == 0; /* no currency or sign: may be a date or time */
    if (i < n && (s[i] == '+' || s[i] == '-')) {
        i++;
        plain = false;
    } else if (starts_with(s + i, n - i, "\xE2\x88\x92")) { /* − minus sign */
        i += 3;
        plain = false;
    }
    if (i >= n || !is_digit(s[i]))
        return -1;
    unsigned glen[MAX_GROUPS];
    unsigned long gval[MAX_GROUPS];
    unsigned char sep[MAX_GROUPS];
    size_t ng = 0;
    bool same_sep = true;
    for (;;) {
        size_t d0 = i;
        unsigned long v = 0;
        while (i < n && is_digit(s[i])) {
            if (v < 100000000ul)
                v = v * 10 + (s[i] - '0');
            i++;
        }
        if (ng < MAX_GROUPS) {
            glen[ng] = (unsigned)(i - d0);
            gval[ng] = v;
        }
        ng++;
        if (i == n)
            break;
        unsigned char c = s[i];
        size_t w = 1;
        if (starts_with(s + i, n - i, "\xE2\x80\x93")) { /* – en dash in a range */
            c = '-';
            w = 3;
        } else if (!strchr(".,/:-", c) || c == 0) {
            break;
        }
        if (i + w >= n || !is_digit(s[i + w]))
            break;
        if (ng <= MAX_GROUPS) {
            sep[ng - 1] = c;
            if (ng > 1 && sep[ng - 2] != c)
                same_sep = false;
        }
        i += w;
    }
    const unsigned char *rest = s + i;
    size_t rn = n - i;

    /* 10h, 10h30, 10g30, 10h30' */
    if (plain && ng == 1 && rn >= 1 && strchr("hHgG", rest[0]) && glen[0] <= 2 && gval[0] <= 24) {
        size_t j = 1;
        if (j < rn && is_digit(rest[j])) {
            if (j + 2 > rn || !is_digit(rest[j + 1]) || rest[j] >= '6')
                return -1;
            j += 2;
        }
        if (j < rn && (rest[j] == '\'' || rest[j] == 'p'))
            j++;
        return j == rn ? VNSEG_KIND_DATETIME : -1;
    }
    if (rn && !number_suffix(rest, rn))
        return -1;
    if (!plain || rn || ng > 3 || !same_sep)
        return VNSEG_KIND_NUMBER;

    unsigned char c = sep[0];
    if (c == ':' && ng >= 2 && glen[0] <= 2 && gval[0] <= 24 && glen[1] == 2 && gval[1] < 60 &&
        (ng == 2 || (glen[2] == 2 && gval[2] < 60)))
        return VNSEG_KIND_DATETIME;
    bool d0 = glen[0] <= 2 && gval[0] >= 1 && gval[0] <= 31;
    bool m1 = ng >= 2 && glen[1] <= 2 && gval[1] >= 1 && gval[1] <= 12;
    if (c == '/' && ng == 2 && ((d0 && m1) || (glen[0] <= 2 && gval[0] >= 1 && gval[0] <= 12 &&
                                               glen[1] == 4)))
        return VNSEG_KIND_DATETIME;
    if (ng == 3 && (c == '/' || c == '-' || c == '.') && d0 && m1 &&
        (glen[2] == 2 || glen[2] == 4))
        return VNSEG_KIND_DATETIME;
    if (ng == 3 && (c == '-' || c == '/') && glen[0] == 4 && glen[1] <= 2 && gval[1] >= 1 &&
        gval[1] <= 12 && glen[2] <= 2 && gval[2] >= 1 && gval[2] <= 31)
        return VNSEG_KIND_DATETIME;
    return VNSEG_KIND_NUMBER;
}

/* ---- words ---- */

static unsigned first_char_class(const unsigned char *s, size_t n)
{
    uint32_t cp;
    int k = vn_utf8_decode(s, s + n, &cp);
    return k > 0 ? vn_char_class(cp) : 0;
}

/* Class of the first cased letter of s, or 0. */
static unsigned first_cased_class(const unsigned char *s, size_t n)
{
    const unsigned char *p = s, *end = s + n;
    while (p < end) {
        uint32_t cp;
        int k = vn_utf8_decode(p, end, &cp);
        if (k < 0) {
            p += -k;
            continue;
        }
        unsigned c = vn_char_class(cp);
        if (c & (VC_UPPER | VC_LOWER))
            return c;
        p += k;
    }
    return 0;
}

static bool is_abbreviation(const unsigned char *w, size_t n, uint32_t feat)
{
    if (n < 2 || w[n - 1] != '.')
        return false;
    if (memchr(w, '.', n - 1))
        return true; /* v.v.  U.S.  TP.HCM. */
    size_t base = n - 1;
    if (!(first_char_class(w, base) & VC_ALPHA))
        return false;
    if (vn_utf8_step(w, w + base) == base)
        return true; /* an initial: J. */
    if ((feat & VC_UPPER) && !(feat & VC_LOWER) && base <= 6)
        return true; /* GS.  CA. */
    return base <= 8 && !vn_syllable_valid_nfc(w, base); /* TP.  Mr.  ThS. */
}

/* Does a word or number end in sentence-final punctuation: . ? ! … */
static bool ends_final(const unsigned char *s, size_t n)
{
    if (n < 2)
        return false;
    unsigned char c = s[n - 1];
    return c == '.' || c == '?' || c == '!' ||
           (n > 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 && c == 0xA6);
}

/* Analyze a word. Its syllables are defined on its original bytes s[0..n) (the underscore
 * rule looks at the bytes as given); what each syllable says (case, Vietnamese or not) is read
 * from its clean NFC form when the token needs cleaning (`clean`). w[0..wn) is the whole
 * token's clean form (s itself when clean is false). */
static vnseg_status analyze_word(vnseg_doc *doc, vnseg_token *t, uint32_t feat,
                                 const unsigned char *s, size_t n, const unsigned char *w,
                                 size_t wn, bool clean)
{
    const bool escapes = doc->options & VNSEG_OPT_ESCAPES;
    const bool ident = (feat & VF_US) && vn_identifier_like(s, n, escapes);
    uint32_t fl = 0;
    if (first_cased_class(w, wn) & VC_UPPER)
        fl |= VNSEG_TF_CAPITALIZED;
    if ((feat & VF_DOT) && is_abbreviation(w, wn, feat))
        fl |= VNSEG_TF_ABBREV;
    else if (ends_final(w, wn))
        fl |= VNSEG_TF_GLUED_FINAL;
    /* From here on the scratch buffers hold one syllable at a time. */
    size_t pos = 0, start, len, count = 0;
    bool title = true, valid = true;
    while (vn_next_syllable(s, n, escapes, ident, &pos, &start, &len)) {
        count++;
        const unsigned char *syl = s + start;
        if (clean) {
            doc->scratch.len = 0;
            if (vn_normalize_append(&doc->scratch, &doc->scratch2, syl, len, true, true) !=
                VNSEG_OK)
                return VNSEG_E_NOMEM;
            syl = doc->scratch.data;
            len = doc->scratch.len;
        }
        if (title && !(first_char_class(syl, len) & VC_UPPER))
            title = false;
        if (valid && !vn_syllable_valid_nfc(syl, len))
            valid = false;
    }
    if ((feat & VC_UPPER) && !(feat & VC_LOWER))
        fl |= VNSEG_TF_ALL_CAPS;
    if (title)
        fl |= VNSEG_TF_TITLE_CASE;
    if (count >= 2)
        fl |= VNSEG_TF_MULTI_SYLLABLE;
    if (!valid)
        fl |= VNSEG_TF_NOT_VIETNAMESE;
    if (feat & VF_US) {
        size_t us = 0;
        for (size_t i = 0; i < n; i++)
            us += s[i] == '_';
        if (us + 1 > count)
            fl |= VNSEG_TF_LITERAL_UNDERSCORE;
    }
    if (escapes && (feat & VF_BSLASH)) {
        for (size_t i = 0; i + 1 < n; i++)
            if (s[i] == '\\' && (s[i + 1] == '_' || s[i + 1] == '\\')) {
                fl |= VNSEG_TF_ESCAPED;
                break;
            }
    }
    t->kind = VNSEG_KIND_WORD;
    t->syllables = (uint32_t)(count ? count : 1);
    t->flags |= fl;
    return VNSEG_OK;
}

vnseg_status vn_classify(vnseg_doc *doc, vnseg_token *t, uint32_t feat)
{
    const unsigned char *s = doc->text + t->offset;
    size_t n = t->length;
    if (feat & VC_DIGIT)
        t->flags |= VNSEG_TF_HAS_DIGIT;
    if (feat & VF_REPAIRED)
        t->flags |= VNSEG_TF_REPAIRED;
    if (feat & VC_INVIS)
        t->flags |= VNSEG_TF_INVISIBLE;

    /* Tokens that are not NFC, or hold invisible or ill-formed characters, are looked at in
     * their clean NFC form; offsets stay on the original bytes. */
    const unsigned char *w = s;
    size_t wn = n;
    if (VN_UNLIKELY(feat & (VC_NFC_NO | VC_INVIS | VF_REPAIRED))) {
        doc->scratch.len = doc->scratch2.len = 0;
        if (vn_normalize_append(&doc->scratch, &doc->scratch2, s, n, true, true) != VNSEG_OK)
            return VNSEG_E_NOMEM;
        if ((feat & VC_NFC_NO) && (doc->scratch.len != doc->scratch2.len ||
                                   memcmp(doc->scratch.data, doc->scratch2.data,
                                          doc->scratch.len) != 0))
            t->flags |= VNSEG_TF_NOT_NFC;
        w = doc->scratch.data;
        wn = doc->scratch.len;
    }

    if (!(feat & (VC_ALPHA | VC_DIGIT))) {
        classify_punct(t, s, n);
        return VNSEG_OK;
    }
    if (feat & (VF_DOT | VF_AT | VF_COLON | VF_SLASH)) {
        int k = classify_link(s, n);
        if (k >= 0) {
            t->kind = (uint16_t)k;
            if (feat & VF_US)
                t->flags |= VNSEG_TF_LITERAL_UNDERSCORE;
            return VNSEG_OK;
        }
    }
    if (!(feat & VF_NONASCII) && n <= 12 && is_emoticon(s, n)) {
        t->kind = VNSEG_KIND_SYMBOL;
        return VNSEG_OK;
    }
    if (feat & VC_DIGIT) {
        int k = classify_numeric(s, n);
        if (k >= 0) {
            t->kind = (uint16_t)k;
            if (s[n - 1] == '.')
                t->flags |= VNSEG_TF_GLUED_FINAL;
            return VNSEG_OK;
        }
    }
    return analyze_word(doc, t, feat, s, n, w, wn, w != s);
}

/* ---- names ---- */

VNSEG_EXPORT const char *vnseg_kind_name(int kind)
{
    static const char *const names[VNSEG_KIND_COUNT] = {
        "word", "number", "datetime", "open", "close", "final",
        "dash", "punct",  "symbol",   "url",  "email"};
    return kind >= 0 && kind < VNSEG_KIND_COUNT ? names[kind] : "?";
}

VNSEG_EXPORT const char *vnseg_flag_name(uint32_t flag)
{
    static const char *const names[VNSEG_TF_COUNT] = {
        "cap",    "allcaps",  "title",    "multi",    "digit",     "foreign", "quote",
        "abbrev", "literal_", "escaped",  "nfd",      "repaired",  "invisible", "split",
        "space",  "eol",      "sstart",   "send",     "unpaired", "glued"};
    if (!flag || (flag & (flag - 1)))
        return NULL;
    unsigned bit = (unsigned)__builtin_ctz(flag);
    return bit < VNSEG_TF_COUNT ? names[bit] : NULL;
}
