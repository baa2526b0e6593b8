/* The raw-text tokenizer: natural Vietnamese text to syllables, numbers, URLs and punctuation
 * with the spacing recorded, into the same document that the segmented-text tokenizer fills. */
#include <string.h>

#include "chars.h"
#include "doc.h"
#include "utf8.h"
#include "vnseg/segmenter.h"

/* Runs longer than this are not split by the punctuation rules. */
#define CHUNK_MAX 4096
/* Bytes of a token before it is cut, leaving room for one more character. */
#define CUT_AT (VNSEG_TOKEN_MAX_BYTES - 4)

/* Features that mean a run may hold more than one token. */
#define SPLIT_FEATURES                                                                             \
    (VF_US | VF_DOT | VF_AT | VF_SLASH | VF_COLON | VF_HYPHEN | VF_COMMA | VF_BSLASH | VF_OTHER)

/* One decoded character of a run: offset in the run, code point, token features. */
typedef struct rt_char {
    uint32_t off;
    uint32_t cp;
    uint32_t feat;
} rt_char;

typedef struct rt_state {
    vnseg_doc *doc;
    const unsigned char *s; /* the whole text */
    rt_char *chars;         /* decoded run, CHUNK_MAX + 1 entries */
    size_t line_first;      /* first token of the current line */
    size_t line;            /* current line number */
} rt_state;

static inline bool is_ascii_digit(uint32_t cp)
{
    return cp - '0' < 10u;
}

/* Letters, digits, marks, zero-width characters and repaired bytes make words. */
static inline bool wordish(const rt_char *c)
{
    return (c->feat & (VC_ALPHA | VC_DIGIT | VC_INVIS | VF_REPAIRED)) != 0;
}

static inline bool letter(const rt_char *c)
{
    return (c->feat & VC_ALPHA) != 0;
}

static inline bool upper(const rt_char *c)
{
    return (c->feat & VC_UPPER) != 0;
}

/* ---- tokens and lines (memoized in the tokenizer's table: same keys, same contents) ---- */

static vnseg_status emit(rt_state *st, size_t off, size_t len, uint32_t feat, uint32_t flags)
{
    vnseg_doc *doc = st->doc;
    if (VN_UNLIKELY(doc->ntokens == doc->cap_tokens) &&
        !vn_grow((void **)&doc->tokens, &doc->cap_tokens, doc->ntokens + 1, sizeof(vnseg_token)))
        return VNSEG_E_NOMEM;
    size_t need = doc->ntokens - st->line_first + 2;
    if (need > doc->cap_line) {
        size_t cap = doc->cap_line;
        if (!vn_grow((void **)&doc->pairs, &cap, need, sizeof(size_t))) return VNSEG_E_NOMEM;
        cap = doc->cap_line;
        if (!vn_grow((void **)&doc->events, &cap, need, sizeof(size_t))) return VNSEG_E_NOMEM;
        doc->cap_line = cap;
    }
    size_t idx = doc->ntokens++;
    vnseg_token *t = &doc->tokens[idx];
    *t = (vnseg_token){(uint64_t)off, (uint32_t)len, flags, 1, VNSEG_KIND_WORD, 0};

    vn_memo_bucket *bucket = NULL;
    vn_memo_key key = vn_memo_no_key();
    uint32_t info = 0;
    if (len <= VN_MEMO_MAX_LEN && !(feat & VF_REPAIRED)) {
        if (off + VN_MEMO_MAX_LEN <= doc->len) {
            key = vn_memo_key_of(st->s + off, len); /* 16 readable bytes: no copy */
        } else {
            unsigned char pad[16] = {0};
            memcpy(pad, st->s + off, len);
            key = vn_memo_key_of(pad, len);
        }
        bucket = &doc->memo[vn_memo_bucket_of(key, 64 - doc->memo_bits)];
        info = vn_memo_find(bucket, key);
    }
    if (info) {
        t->kind = vn_memo_kind(info);
        t->flags |= vn_memo_flags(info);
    } else {
        if (vn_classify(doc, t, feat) != VNSEG_OK) return VNSEG_E_NOMEM;
        t->syllables = 1; /* a raw token is one syllable, whatever `_` it holds */
    }
    const bool event = vn_sentence_event(doc, t);
    if (!info && bucket) vn_memo_insert(bucket, key, vn_memo_pack(t, event, vn_pair_kind(t->kind)));
    if (event) doc->events[doc->nevents++] = idx;
    if (vn_pair_kind(t->kind)) doc->pairs[doc->npairs++] = idx;
    return VNSEG_OK;
}

/* The current line's tokens are complete: its sentences. */
static vnseg_status finish_line(rt_state *st)
{
    vnseg_doc *doc = st->doc;
    vnseg_status r = VNSEG_OK;
    if (doc->ntokens > st->line_first)
        r = vn_line_sentences(doc, st->line_first, doc->ntokens, st->line);
    doc->npairs = doc->nevents = 0;
    return r;
}

/* Classify a candidate span without keeping it: its kind. */
static int kind_of(rt_state *st, size_t off, size_t len, uint32_t feat)
{
    vnseg_token t = {(uint64_t)off, (uint32_t)len, 0, 1, VNSEG_KIND_WORD, 0};
    if (vn_classify(st->doc, &t, feat) != VNSEG_OK) return -1;
    return t.kind;
}

/* ---- runs with punctuation ---- */

static uint32_t span_feat(const rt_char *c, size_t i, size_t j)
{
    uint32_t f = 0;
    for (; i < j; i++)
        f |= c[i].feat;
    return f;
}

/* Abbreviations that keep their dot, or join the next part with it (`TP.HCM`). */
static bool known_abbrev(const unsigned char *w, size_t n)
{
    static const char *const list[] = {
        "TP", "Tp",  "tp",  "GS", "PGS", "TS", "ThS", "Ths", "BS",   "KS",  "NXB", "TT",
        "TX", "Mr",  "Mrs", "Ms", "Dr",  "St", "Jr",  "Sr",  "Co",   "Inc", "Ltd", "Corp",
        "vs", "etc", "No",  "Th", "Tr",  "tr", "ng",  "Ng",  "Prof", "Gen", "Lt",  "Col"};
    for (size_t i = 0; i < sizeof list / sizeof *list; i++)
        if (strlen(list[i]) == n && memcmp(list[i], w, n) == 0) return true;
    return false;
}

/* Are the characters c[i..j) all capitals (2 to 5 of them)? */
static bool caps_segment(const rt_char *c, size_t i, size_t j)
{
    if (j - i < 2 || j - i > 5) return false;
    for (size_t k = i; k < j; k++)
        if (!upper(&c[k])) return false;
    return true;
}

/* The end of the capitals-only segment starting at i, or i. */
static size_t caps_run(const rt_char *c, size_t i, size_t n)
{
    size_t k = i;
    while (k < n && upper(&c[k]))
        k++;
    return k;
}

static bool apostrophe(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

static bool sign_char(uint32_t cp)
{
    return cp == '-' || cp == '+' || cp == 0x2212;
}

static bool currency_char(uint32_t cp)
{
    return cp == '$' || cp == 0x20AC || cp == 0xA3 || cp == 0xA5;
}

/* A sign or currency mark that starts a number at c[i]. */
static bool number_prefix(const rt_char *c, size_t i, size_t n)
{
    return i + 1 < n && (sign_char(c[i].cp) || currency_char(c[i].cp)) &&
           is_ascii_digit(c[i + 1].cp);
}

/* Scan letters, digits and the joiners between them from c[i]; returns the end and sets
 * *abbrev_last when the run is a dotted abbreviation chain whose last part is one letter, and
 * *dotted when it holds an abbreviation dot. */
static size_t scan_core(const rt_state *st, const rt_char *c, size_t i, size_t n, bool *dotted,
                        bool *last_single)
{
    const unsigned char *base = st->s;
    size_t k = i;
    *dotted = false;
    if (number_prefix(c, k, n)) k++;
    size_t seg = k; /* start of the current part (between joiners) */
    for (;;) {
        while (k < n && wordish(&c[k]))
            k++;
        if (k == seg || k + 1 >= n) break;
        uint32_t cp = c[k].cp;
        const rt_char *prev = &c[k - 1], *next = &c[k + 1];
        size_t step = 1;
        bool join = false;
        if (cp == '_') {
            size_t r = k;
            while (r < n && c[r].cp == '_')
                r++;
            step = r - k;
            join = r < n && wordish(&c[r]) &&
                   (step >= 2 || is_ascii_digit(prev->cp) || is_ascii_digit(c[r].cp));
            next = r < n ? &c[r] : next;
        } else if (!wordish(next)) {
            join = false;
        } else if (cp == '-' || cp == 0x2010) {
            join = true;
        } else if (apostrophe(cp)) {
            join = letter(prev) && letter(next);
        } else if (cp == '&') {
            join = upper(prev) && upper(next);
        } else if (is_ascii_digit(prev->cp) && is_ascii_digit(next->cp) &&
                   (cp == '.' || cp == ',' || cp == '/' || cp == ':' || cp == 0x2013)) {
            join = true;
        } else if (cp == '.' && letter(prev)) {
            bool single = k - seg == 1 && letter(&c[seg]);
            bool known = known_abbrev(base + c[seg].off, (size_t)(c[k].off - c[seg].off));
            bool caps =
                caps_segment(c, seg, k) && upper(next) && !wordish(&c[caps_run(c, k + 1, n)]);
            join = single || known || caps;
            if (join) *dotted = true;
        }
        if (!join) break;
        k += step;
        seg = k;
    }
    *last_single = *dotted && k - seg == 1 && letter(&c[seg]);
    return k;
}

/* The end of a URL or e-mail address starting at c[i], or i when there is none. */
static size_t scan_link(rt_state *st, const rt_char *c, size_t i, size_t n, size_t run_off)
{
    size_t k = i, open = 0;
    bool marks = false;
    for (; k < n; k++) {
        uint32_t cp = c[k].cp;
        if (cp == '"' || cp == '<' || cp == '>' || cp == '[' || cp == ']' || cp == '{' ||
            cp == '}' || cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 ||
            cp == 0xAB || cp == 0xBB || cp == '\'')
            break;
        if (cp == '(')
            open++;
        else if (cp == ')') {
            if (!open) break;
            open--;
        }
        marks |= cp == '.' || cp == '@' || cp == ':';
    }
    while (k > i && strchr(".,;:!?", (int)(c[k - 1].cp < 0x80 ? c[k - 1].cp : 1)) &&
           c[k - 1].cp != 0)
        k--;
    if (!marks || k - i < 4) return i;
    int kind = kind_of(st, run_off + c[i].off, (size_t)(c[k].off - c[i].off), span_feat(c, i, k));
    return kind == VNSEG_KIND_URL || kind == VNSEG_KIND_EMAIL ? k : i;
}

/* Characters that stay with the character before them: combining marks, variation selectors,
 * skin tones, keycaps; a zero-width joiner takes the character after it too. */
static size_t absorb(const rt_char *c, size_t k, size_t n)
{
    while (k < n) {
        uint32_t cp = c[k].cp;
        if (cp == 0x200D && k + 1 < n) {
            k += 2;
            continue;
        }
        bool attach = (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) ||
                      cp == 0x20E3 || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
                      (cp >= 0xE0020 && cp <= 0xE007F);
        if (!attach && cp >= 0x300) {
            int cat = vn_char_category(cp);
            attach = cat == 6 || cat == 7 || cat == 8; /* Mn, Me, Mc */
        }
        if (!attach) break;
        k++;
    }
    return k;
}

static bool final_char(uint32_t cp)
{
    return cp == '.' || cp == '?' || cp == '!' || cp == 0x2026;
}

/* The end of the punctuation token starting at c[i]. */
static size_t punct_end(const rt_char *c, size_t i, size_t n)
{
    uint32_t cp = c[i].cp;
    size_t k = i + 1;
    if (final_char(cp)) {
        while (k < n && final_char(c[k].cp))
            k++;
    } else if (cp == '-' || cp == '=' || cp == '*' || cp == '~' || cp == '#' || cp == '_') {
        while (k < n && c[k].cp == cp)
            k++;
    } else if (cp >= 0x1F1E6 && cp <= 0x1F1FF && k < n && c[k].cp >= 0x1F1E6 &&
               c[k].cp <= 0x1F1FF) {
        k++; /* a flag: two regional indicators */
    }
    return absorb(c, k, n);
}

/* Split a run of n bytes at off that holds punctuation into tokens. */
static vnseg_status split_run(rt_state *st, size_t off, size_t len, bool lenient)
{
    const unsigned char *p = st->s + off, *end = p + len;
    rt_char *c = st->chars;
    size_t n = 0;
    bool any_word = false;
    while (p < end) {
        uint32_t cp;
        int k = vn_utf8_decode(p, end, &cp);
        uint32_t f;
        if (k < 0) {
            (void)lenient;
            cp = VN_REPLACEMENT;
            k = -k;
            f = VF_REPAIRED | VC_ALPHA | VF_NONASCII;
        } else if (cp < 0x80) {
            f = vn_ascii_features[cp];
        } else {
            f = vn_nonascii_features(vn_char_class(cp));
        }
        c[n++] = (rt_char){(uint32_t)(p - (st->s + off)), cp, f};
        any_word |= wordish(&c[n - 1]);
        p += k;
    }
    c[n] = (rt_char){(uint32_t)len, 0, 0};

    /* A run of punctuation that is an emoticon as a whole (`:))`, `^^`, `<3`). */
    if (!any_word && n >= 2 && n == len && n <= 12 && c[0].cp < 0x80 &&
        strchr(":;=^<>-", (int)c[0].cp) &&
        kind_of(st, off, len, span_feat(c, 0, n)) == VNSEG_KIND_SYMBOL)
        return emit(st, off, len, span_feat(c, 0, n), 0);

    const uint32_t run_feat = span_feat(c, 0, n);
    const bool may_link = run_feat & (VF_DOT | VF_AT | VF_COLON);
    size_t i = 0;
    while (i < n) {
        size_t j;
        if (wordish(&c[i]) || number_prefix(c, i, n)) {
            j = may_link && wordish(&c[i]) ? scan_link(st, c, i, n, off) : i;
            if (j == i) {
                bool dotted, last_single;
                j = scan_core(st, c, i, n, &dotted, &last_single);
                if (j < n && c[j].cp == '.' && (j + 1 == n || c[j + 1].cp != '.')) {
                    bool single = j - i == 1 && letter(&c[i]);
                    bool known = !dotted && known_abbrev(st->s + off + c[i].off,
                                                         (size_t)(c[j].off - c[i].off));
                    if (last_single || single || known) j++;
                } else if (j < n && (c[j].cp == '%' || c[j].cp == 0x2030) &&
                           is_ascii_digit(c[j - 1].cp)) {
                    j++;
                }
            }
        } else {
            j = punct_end(c, i, n);
        }
        vnseg_status s =
            emit(st, off + c[i].off, (size_t)(c[j].off - c[i].off), span_feat(c, i, j), 0);
        if (s != VNSEG_OK) return s;
        i = j;
    }
    return VNSEG_OK;
}

/* ---- the scan ---- */

static vnseg_status fail(vnseg_doc *doc, vnseg_status st)
{
    doc->text = NULL;
    doc->len = 0;
    doc->ntokens = doc->nsentences = doc->nlines = doc->npairs = doc->nevents = 0;
    return st == VNSEG_E_NOMEM ? vn_fail_simple(st) : st;
}

VNSEG_EXPORT vnseg_status vnseg_tokenize_raw(vnseg_doc *doc, const char *text, size_t len,
                                             uint32_t options)
{
    if (!doc || (!text && len))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_tokenize_raw: NULL document or text");
    if (options & ~(uint32_t)VNSEG_OPT_LENIENT)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_tokenize_raw: unknown option bits 0x%x", (unsigned)options);
    VN_CHECK_LEN("vnseg_tokenize_raw", text, len);
    vn_chars_init();
    if (!text) text = "";
    const unsigned char *s = (const unsigned char *)text, *end = s + len, *p = s;
    const bool lenient = options & VNSEG_OPT_LENIENT;
    doc->text = s;
    doc->len = len;
    doc->options = options;
    doc->ntokens = doc->nsentences = doc->nlines = doc->npairs = doc->nevents = 0;

    rt_char chars[CHUNK_MAX + 1];
    rt_state st = {doc, s, chars, 0, 0};
    size_t want = len / 5 + 16;
    if (want > doc->cap_tokens &&
        !vn_grow((void **)&doc->tokens, &doc->cap_tokens, want, sizeof(vnseg_token)))
        return fail(doc, VNSEG_E_NOMEM);
    /* The tokenizer's main table for options 0; a smaller one stays when a larger fails. */
    if (!vn_memo_prepare(doc, len, 0) && !doc->memo) return fail(doc, VNSEG_E_NOMEM);

    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) p += 3;
    const unsigned char *line_start = s;
    while (p < end) {
        unsigned b = *p;
        size_t sep = 0;
        bool brk = false;
        if (b <= 0x20 || b == 0x7F) {
            sep = 1;
            brk = b >= 0x0A && b <= 0x0D;
            if (b == '\r' && p + 1 < end && p[1] == '\n') sep = 2;
        } else if (b >= 0xC2 && (sep = vn_mb_separator(p, end)) != 0) {
            brk = vn_mb_break(p, sep);
        }
        if (sep) {
            if (doc->ntokens > st.line_first)
                doc->tokens[doc->ntokens - 1].flags |=
                    VNSEG_TF_SPACE_AFTER | (brk ? VNSEG_TF_LINE_END : 0);
            if (brk) {
                if (finish_line(&st) != VNSEG_OK) return fail(doc, VNSEG_E_NOMEM);
                st.line++;
                st.line_first = doc->ntokens;
                line_start = p + sep;
            }
            p += sep;
            continue;
        }

        /* A run of non-separator characters: validate and collect its features. */
        const unsigned char *start = p;
        const unsigned char *limit = (size_t)(end - p) > CUT_AT ? p + CUT_AT : end;
        uint32_t feat = 0;
        while (p < limit) {
            unsigned c = *p;
            if (c < 0x80) {
                uint32_t f = vn_ascii_features[c];
                if (f & VC_SEP) break;
                feat |= f;
                p++;
                continue;
            }
            uint32_t cp;
            int k = vn_utf8_decode(p, end, &cp);
            if (VN_UNLIKELY(k < 0)) {
                if (!lenient) {
                    uint64_t off = (uint64_t)(p - s);
                    fail(doc, VNSEG_E_INVALID_UTF8);
                    return vn_fail(VNSEG_E_INVALID_UTF8, off, st.line + 1,
                                   "invalid UTF-8 at byte %llu (line %zu): byte 0x%02X",
                                   (unsigned long long)off, st.line + 1, c);
                }
                feat |= VF_REPAIRED | VC_ALPHA | VF_NONASCII;
                p += -k;
                continue;
            }
            unsigned cl = vn_char_class(cp);
            if (cl & VC_SEP) break;
            feat |= vn_nonascii_features(cl);
            p += k;
        }
        size_t n = (size_t)(p - start);
        bool cut = p >= limit && p < end && limit < end && !vn_separator_at(p, end);
        vnseg_status r;
        if (cut || n > CHUNK_MAX || !(feat & SPLIT_FEATURES))
            r = emit(&st, (size_t)(start - s), n, feat, cut ? VNSEG_TF_SPLIT : 0);
        else
            r = split_run(&st, (size_t)(start - s), n, lenient);
        if (r != VNSEG_OK) return fail(doc, r);
    }
    doc->nlines = st.line + (end > line_start ? 1 : 0);
    if (finish_line(&st) != VNSEG_OK) return fail(doc, VNSEG_E_NOMEM);
    return VNSEG_OK;
}
