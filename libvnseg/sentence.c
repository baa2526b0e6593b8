/* Sentences: pairs quotes and brackets on each line, then splits lines into sentences at
 * sentence-final punctuation and at the start of run-on titles (rules in tokenizer.h). */
#include <string.h>

#include "chars.h"
#include "doc.h"
#include "syllable.h"
#include "utf8.h"

static inline const unsigned char *tok_bytes(const vnseg_doc *doc, const vnseg_token *t)
{
    return doc->text + t->offset;
}

/* A short string with its length, for tables compared without strlen(). */
typedef struct lit {
    uint8_t n;
    char s[15];
} lit;
#define LIT(x)                                                                                     \
    {                                                                                              \
        sizeof(x) - 1, x                                                                           \
    }

static bool bytes_are(const unsigned char *s, size_t n, const lit *l)
{
    /* the first byte first: most words differ there, without a call to memcmp */
    return n == l->n && s[0] == (unsigned char)l->s[0] && memcmp(s, l->s, n) == 0;
}

/* Is t's text one of table[0..n)? */
static bool tok_in(const vnseg_doc *doc, const vnseg_token *t, const lit *table, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (bytes_are(tok_bytes(doc, t), t->length, &table[i])) return true;
    return false;
}

/* Is t the one-byte token c? */
static bool tok_is_char(const vnseg_doc *doc, const vnseg_token *t, unsigned char c)
{
    return t->length == 1 && tok_bytes(doc, t)[0] == c;
}

/* A straight quote (`"`, `'`, `` ` ``, fullwidth forms): its direction comes from context. */
static bool is_straight_quote(const vnseg_doc *doc, const vnseg_token *t)
{
    if (!(t->flags & VNSEG_TF_QUOTE)) return false;
    const unsigned char *s = tok_bytes(doc, t);
    return (t->length == 1 && (s[0] == '"' || s[0] == '\'' || s[0] == '`')) ||
           (t->length == 3 && s[0] == 0xEF && s[1] == 0xBC && (s[2] == 0x82 || s[2] == 0x87));
}

/* Class of the first character of a token: is it a lower-case letter? */
static bool starts_lower(const vnseg_doc *doc, const vnseg_token *t)
{
    const unsigned char *s = tok_bytes(doc, t);
    uint32_t cp;
    int k = vn_utf8_decode(s, s + t->length, &cp);
    return k > 0 && (vn_char_class(cp) & VC_LOWER);
}

/* Is t a word, number, date or time, URL or e-mail address? */
static bool word_like(const vnseg_token *t)
{
    const unsigned kinds = 1u << VNSEG_KIND_WORD | 1u << VNSEG_KIND_NUMBER |
                           1u << VNSEG_KIND_DATETIME | 1u << VNSEG_KIND_URL |
                           1u << VNSEG_KIND_EMAIL;
    return t->kind < 16 && ((kinds >> t->kind) & 1);
}

/* A straight quote at tk[i] (a line's tokens [a, b)) of the kind being resolved: it opens
 * unless its neighbours say it closes; with one open (*pending), it closes unless they say it
 * opens. Straight quotes are classified as open. */
static void straight_quote(vnseg_doc *doc, size_t a, size_t b, size_t i, size_t *pending)
{
    vnseg_token *tk = doc->tokens;
    const vnseg_token *prev = i > a ? &tk[i - 1] : NULL;
    const vnseg_token *next = i + 1 < b ? &tk[i + 1] : NULL;
    bool open_ctx = (!prev || prev->kind == VNSEG_KIND_PUNCT_OPEN ||
                     prev->kind == VNSEG_KIND_PUNCT || prev->kind == VNSEG_KIND_PUNCT_DASH) &&
                    next && (word_like(next) || next->kind == VNSEG_KIND_PUNCT_OPEN);
    bool close_ctx =
        (!next || next->kind == VNSEG_KIND_PUNCT || next->kind == VNSEG_KIND_PUNCT_FINAL ||
         next->kind == VNSEG_KIND_PUNCT_CLOSE) &&
        prev &&
        (word_like(prev) || prev->kind == VNSEG_KIND_PUNCT_FINAL ||
         prev->kind == VNSEG_KIND_PUNCT_CLOSE);
    if (*pending == SIZE_MAX) {
        if (close_ctx && !open_ctx) {
            tk[i].kind = VNSEG_KIND_PUNCT_CLOSE;
            tk[i].flags |= VNSEG_TF_UNPAIRED;
        } else {
            *pending = i;
        }
    } else if (open_ctx && !close_ctx) {
        tk[*pending].flags |= VNSEG_TF_UNPAIRED;
        *pending = i;
    } else {
        tk[i].kind = VNSEG_KIND_PUNCT_CLOSE;
        *pending = SIZE_MAX;
    }
}

/* Is the straight quote t a double one (`"`, fullwidth `＂`)? */
static bool double_quote(const vnseg_doc *doc, const vnseg_token *t)
{
    unsigned char c = tok_bytes(doc, t)[t->length - 1];
    return c == '"' || c == 0x82;
}

/* Resolve the single straight quotes (`'`, `` ` ``, fullwidth `＇`) among a line's listed
 * tokens list[0..n), after the double ones. */
static void resolve_single(vnseg_doc *doc, size_t a, size_t b, const size_t *list, size_t n)
{
    size_t pending = SIZE_MAX;
    for (size_t k = 0; k < n; k++) {
        size_t i = list[k];
        if (is_straight_quote(doc, &doc->tokens[i]) && !double_quote(doc, &doc->tokens[i]))
            straight_quote(doc, a, b, i, &pending);
    }
    if (pending != SIZE_MAX) doc->tokens[pending].flags |= VNSEG_TF_UNPAIRED;
}

/* The closing character that matches an opening one, or 0. */
static uint32_t closer_of(uint32_t open)
{
    switch (open) {
    case '(':
        return ')';
    case '[':
        return ']';
    case '{':
        return '}';
    case 0x201C:
        return 0x201D; /* “ ” */
    case 0x2018:
        return 0x2019; /* ‘ ’ */
    case 0x201E:
        return 0x201D; /* „ ” */
    case 0x201A:
        return 0x2019; /* ‚ ’ */
    case 0x00AB:
        return 0x00BB; /* « » */
    case 0x2039:
        return 0x203A; /* ‹ › */
    case 0x300C:
        return 0x300D;
    case 0x300E:
        return 0x300F;
    case 0x301D:
        return 0x301E;
    case '"':
        return '"';
    case '\'':
        return '\'';
    case '`':
        return '\'';
    }
    return 0;
}

static uint32_t first_cp(const vnseg_doc *doc, const vnseg_token *t)
{
    const unsigned char *s = tok_bytes(doc, t);
    uint32_t cp = 0;
    if (vn_utf8_decode(s, s + t->length, &cp) < 0) return 0;
    return cp;
}

/* Pair the quotes and brackets among a line's listed tokens list[0..n) (tokens [a, b)), in one
 * pass: double straight quotes take their direction from context, and brackets and curly
 * quotes without a partner are marked unpaired; single straight quotes follow in a pass of
 * their own when there are any (their context may hold double quotes, resolved first). The
 * passes touch different tokens and read only kinds that the other passes leave alone. */
static bool pair_line(vnseg_doc *doc, size_t a, size_t b, const size_t *list, size_t n)
{
    vnseg_token *tk = doc->tokens;
    size_t depth = 0, pending = SIZE_MAX;
    bool singles = false;
    for (size_t k = 0; k < n; k++) {
        size_t i = list[k];
        vnseg_token *t = &tk[i];
        if (is_straight_quote(doc, t)) {
            if (double_quote(doc, t))
                straight_quote(doc, a, b, i, &pending);
            else
                singles = true;
        } else if (t->kind == VNSEG_KIND_PUNCT_OPEN) {
            if (depth == doc->cap_stack &&
                !vn_grow((void **)&doc->stack, &doc->cap_stack, depth + 1, sizeof(size_t)))
                return false;
            doc->stack[depth++] = i;
        } else if (t->kind == VNSEG_KIND_PUNCT_CLOSE && !(t->flags & VNSEG_TF_UNPAIRED)) {
            uint32_t c = first_cp(doc, t);
            size_t d = depth;
            while (d > 0 && closer_of(first_cp(doc, &tk[doc->stack[d - 1]])) != c)
                d--;
            if (d == 0) {
                t->flags |= VNSEG_TF_UNPAIRED;
                continue;
            }
            for (size_t j = d; j < depth; j++)
                tk[doc->stack[j]].flags |= VNSEG_TF_UNPAIRED;
            depth = d - 1;
        }
    }
    if (pending != SIZE_MAX) tk[pending].flags |= VNSEG_TF_UNPAIRED;
    for (size_t j = 0; j < depth; j++)
        tk[doc->stack[j]].flags |= VNSEG_TF_UNPAIRED;
    if (singles) resolve_single(doc, a, b, list, n);
    return true;
}

/* Abbreviations that a segmenter may have split from their dot (`TP .`). */
static bool abbreviation_base(const vnseg_doc *doc, const vnseg_token *t)
{
    static const lit bases[] = {
        LIT("TP"),  LIT("Tp"), LIT("tp"),  LIT("Mr"),  LIT("Mrs"), LIT("Ms"),  LIT("Dr"),
        LIT("St"),  LIT("Jr"), LIT("GS"),  LIT("PGS"), LIT("TS"),  LIT("ThS"), LIT("BS"),
        LIT("KS"),  LIT("CN"), LIT("TT"),  LIT("Q"),   LIT("P"),   LIT("vs"),  LIT("v.v"),
        LIT("etc"), LIT("Co"), LIT("Ltd"), LIT("Inc"), LIT("No")};
    if (t->kind != VNSEG_KIND_WORD) return false;
    if (t->length <= 3 && tok_in(doc, t, bases, sizeof bases / sizeof *bases)) return true;
    /* a single upper-case letter: an initial */
    const unsigned char *s = tok_bytes(doc, t);
    return vn_utf8_step(s, s + t->length) == t->length && (t->flags & VNSEG_TF_CAPITALIZED);
}

/* A number of one to three digits: the integer part of a split decimal (`3 . 5`). */
static bool short_integer(const vnseg_doc *doc, const vnseg_token *t)
{
    if (t->kind != VNSEG_KIND_NUMBER || t->length > 3) return false;
    for (uint32_t i = 0; i < t->length; i++)
        if ((unsigned)(tok_bytes(doc, t)[i] - '0') >= 10u) return false;
    return true;
}

/* Should a sentence end after the final punctuation at tk[i], given the next token tk[j]? */
static bool final_splits(const vnseg_doc *doc, size_t line_start, size_t i, size_t j)
{
    const vnseg_token *tk = doc->tokens, *next = &tk[j];
    if (next->kind == VNSEG_KIND_PUNCT) return false; /* `... ,`  `?" ,` */
    if (next->kind == VNSEG_KIND_WORD && starts_lower(doc, next)) return false;
    if (tok_is_char(doc, &tk[i], '.') && i > line_start) {
        const vnseg_token *prev = &tk[i - 1];
        if (abbreviation_base(doc, prev)) return false;
        if (short_integer(doc, prev) && next->kind == VNSEG_KIND_NUMBER &&
            (unsigned)(tok_bytes(doc, next)[0] - '0') < 10u)
            return false;
    }
    return true;
}

/* First syllables of capitalized words that stand mid-sentence as titles or heads of names
 * (`Tổng_thống`, `Bộ_trưởng`, `Hội_đồng`, `Công_ty`): they do not start run-on sentences.
 * Lower-case, NFC, sorted by bytes. */
static const lit title_heads[] = {
    LIT("ban"),   LIT("bán"),    LIT("báo"),   LIT("bệnh"),  LIT("bộ"),    LIT("chiến"),
    LIT("chính"), LIT("chương"), LIT("chủ"),   LIT("cách"),  LIT("công"),  LIT("cơ"),
    LIT("cảnh"),  LIT("cộng"),   LIT("cục"),   LIT("dinh"),  LIT("eo"),    LIT("giám"),
    LIT("giáo"),  LIT("hiến"),   LIT("hiệp"),  LIT("hoàng"), LIT("huyện"), LIT("hạ"),
    LIT("hạm"),   LIT("học"),    LIT("hội"),   LIT("khu"),   LIT("liên"),  LIT("lầu"),
    LIT("mặt"),   LIT("nghị"),   LIT("ngoại"), LIT("ngân"),  LIT("nhà"),   LIT("nữ"),
    LIT("phòng"), LIT("phó"),    LIT("phủ"),   LIT("quyết"), LIT("quân"),  LIT("quần"),
    LIT("quốc"),  LIT("sư"),     LIT("sở"),    LIT("thiếu"), LIT("thành"), LIT("thánh"),
    LIT("thư"),   LIT("thượng"), LIT("thế"),   LIT("thủ"),   LIT("thứ"),   LIT("tiến"),
    LIT("toà"),   LIT("trung"),  LIT("tòa"),   LIT("tư"),    LIT("tạp"),   LIT("tập"),
    LIT("tỉnh"),  LIT("tổ"),     LIT("tổng"),  LIT("uỷ"),    LIT("viện"),  LIT("văn"),
    LIT("vương"), LIT("điện"),   LIT("đài"),   LIT("đại"),   LIT("đảng"),  LIT("đảo"),
    LIT("đế"),    LIT("ủy")};

static int cmp_bytes(const unsigned char *a, size_t an, const lit *b)
{
    size_t bn = b->n;
    int c = memcmp(a, b->s, an < bn ? an : bn);
    return c ? c : (an < bn ? -1 : an > bn ? 1 : 0);
}

/* The n bytes at s in lower case into low (64 bytes), their length in *m; false when they are
 * not well-formed UTF-8 or do not fit (then no listed word can match). */
static bool lower_copy(const unsigned char *s, size_t n, unsigned char low[64], size_t *m)
{
    size_t k = 0;
    const unsigned char *p = s, *end = s + n;
    while (p < end) {
        uint32_t cp;
        int len = vn_utf8_decode(p, end, &cp);
        if (len < 0 || k + 4 > 64) return false;
        k += (size_t)vn_utf8_encode(vn_char_lower(cp), low + k);
        p += len;
    }
    *m = k;
    return true;
}

static bool is_title_head(const unsigned char *syl, size_t n)
{
    unsigned char low[64];
    size_t m;
    if (!lower_copy(syl, n, low, &m)) return false;
    size_t lo = 0, hi = sizeof title_heads / sizeof *title_heads;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = cmp_bytes(low, m, &title_heads[mid]);
        if (c == 0) return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

/* Words after which no sentence ends: prepositions, conjunctions, quantifiers, and heads
 * of the names of bodies (`Vụ Pháp_chế`, `Quỹ Bảo_trợ`). Compared without case. */
static bool is_function_word(const vnseg_doc *doc, const vnseg_token *t)
{
    static const lit words[] = {
        LIT("ban"),  LIT("bởi"),       LIT("bộ"),    LIT("các"),   LIT("cho"),    LIT("chi_cục"),
        LIT("cục"),  LIT("của"),       LIT("do"),    LIT("dưới"),  LIT("giữa"),   LIT("hay"),
        LIT("hoặc"), LIT("huyện"),     LIT("là"),    LIT("miền"),  LIT("mà"),     LIT("mọi"),
        LIT("một"),  LIT("ngoài"),     LIT("nhưng"), LIT("những"), LIT("như"),    LIT("phòng"),
        LIT("phó"),  LIT("qua"),       LIT("quỹ"),   LIT("sở"),    LIT("theo"),   LIT("thuộc"),
        LIT("thì"),  LIT("tiểu_đoàn"), LIT("trong"), LIT("trên"),  LIT("trưởng"), LIT("tại"),
        LIT("tỉnh"), LIT("tới"),       LIT("từ"),    LIT("viện"),  LIT("vào"),    LIT("vùng"),
        LIT("và"),   LIT("vì"),        LIT("về"),    LIT("vị"),    LIT("vụ"),     LIT("với"),
        LIT("xã"),   LIT("đoàn"),      LIT("đến"),   LIT("để"),    LIT("ở")};
    unsigned char low[64];
    size_t m;
    if (!lower_copy(tok_bytes(doc, t), t->length, low, &m)) return false;
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (bytes_are(low, m, &words[k])) return true;
    return false;
}

bool vn_runon_word(const vnseg_doc *doc, const vnseg_token *t)
{
    const unsigned char *s = tok_bytes(doc, t);
    const unsigned char *us = memchr(s, '_', t->length);
    return us && (vn_char_class(first_cp(doc, t)) & VC_UPPER) && !(t->flags & VNSEG_TF_NOT_NFC) &&
           vn_syllable_valid_nfc(s, (size_t)(us - s)) && !is_title_head(s, (size_t)(us - s));
}

/* Does tk[i] look like the first word of a sentence glued to the previous one? */
static bool runon_start(const vnseg_doc *doc, size_t i, bool credit)
{
    const vnseg_token *t = &doc->tokens[i], *prev = &doc->tokens[i - 1];
    if (!word_like(prev) && prev->kind != VNSEG_KIND_PUNCT_CLOSE) return false;
    if (!vn_runon_word(doc, t)) return false;
    /* After a function word, an acronym or the head of a name (`của`, `BV`, `Vụ`), a
     * capitalized word is a name, not a new sentence. */
    if (!credit && prev->kind == VNSEG_KIND_WORD &&
        ((prev->flags & VNSEG_TF_ALL_CAPS) || is_function_word(doc, prev)))
        return false;
    /* After a title or the head of a name (`Hội_đồng An_ninh`), a capitalized word goes on
     * with that name. */
    if (prev->kind == VNSEG_KIND_WORD && (prev->flags & VNSEG_TF_CAPITALIZED)) {
        const unsigned char *ps = tok_bytes(doc, prev);
        const unsigned char *pus = memchr(ps, '_', prev->length);
        size_t first = pus ? (size_t)(pus - ps) : prev->length;
        if (is_title_head(ps, first)) return false;
    }
    return true;
}

/* Is the sentence that starts at tk[start] a photo credit (`Ảnh : KCNA`)? */
static bool credit_sentence(const vnseg_doc *doc, size_t start, size_t b)
{
    static const lit credits[] = {LIT("Ảnh"),  LIT("Nguồn"),  LIT("Video"),
                                  LIT("Clip"), LIT("Đồ_họa"), LIT("Đồ_hoạ")};
    if (start + 1 >= b || !tok_is_char(doc, &doc->tokens[start + 1], ':')) return false;
    return tok_in(doc, &doc->tokens[start], credits, sizeof credits / sizeof *credits);
}

/* Are the tokens [*checked, i) all words? Moves *checked up to i, or to the first that is not. */
static bool words_upto(const vnseg_token *tk, size_t *checked, size_t i)
{
    for (size_t k = *checked; k < i; k++)
        if (!word_like(&tk[k])) {
            *checked = k;
            return false;
        }
    *checked = i;
    return true;
}

/* Split the tokens [a, b) of one line into sentences. Run-on sentences are looked for in the
 * first sentence of a line (an article's title run into its lead: four or more words and no
 * punctuation before the guess) and in a photo credit (`Ảnh : KCNA`) run into the next
 * sentence; elsewhere capitalized heads of names (`Chi_cục Thú_y`) are too common.
 *
 * Only the line's sentence events (doc->events: final punctuation, words that carry it,
 * run-on candidates) can end or start a sentence, so only they are visited, in order; this
 * gives the same sentences as visiting every token. Whether the tokens before a candidate are
 * all words (`title`) is checked lazily, only where a run-on candidate or a word that carries
 * final punctuation needs it, over the tokens a visit of every token would have looked at: those
 * after a final run up to its end (`next`) are skipped. */
static bool split_line(vnseg_doc *doc, size_t a, size_t b, size_t line)
{
    const vnseg_token *tk = doc->tokens;
    const bool runon = !(doc->options & VNSEG_OPT_NO_RUNON);
    size_t start = a;
    uint32_t start_flags = 0;
    bool title = runon;  /* no token before `checked` is known to be other than a word */
    size_t checked = a;  /* tokens before it are known to be words while title holds */
    size_t next = a;     /* events before it lie inside a final run already handled */
    bool credit = false; /* the current sentence is a photo credit */
    for (size_t e = 0; e < doc->nevents; e++) {
        size_t i = doc->events[e];
        if (i < next) continue;
        const vnseg_token *t = &tk[i];
        if (vn_runon_candidate(t) &&
            ((i >= a + 4 && title && (title = words_upto(tk, &checked, i))) ||
             (credit && i >= start + 3))) {
            if (runon_start(doc, i, credit)) {
                if (!vn_push_sentence(doc, start, i - 1, line, start_flags)) return false;
                start = i;
                start_flags = VNSEG_SF_GUESSED;
                title = credit = false;
            }
        }
        bool final = t->kind == VNSEG_KIND_PUNCT_FINAL;
        if (!final && !(t->flags & VNSEG_TF_GLUED_FINAL)) continue;
        title = title && word_like(t) && words_upto(tk, &checked, i);
        size_t j = i + 1;
        while (final && j < b && tk[j].kind == VNSEG_KIND_PUNCT_FINAL)
            j++;
        while (j < b && tk[j].kind == VNSEG_KIND_PUNCT_CLOSE)
            j++;
        if (j == b) break;
        bool split =
            final ? final_splits(doc, a, i, j)
                  : (tk[j].flags & VNSEG_TF_CAPITALIZED) || tk[j].kind == VNSEG_KIND_PUNCT_OPEN;
        if (split) {
            if (!vn_push_sentence(doc, start, j - 1, line, start_flags)) return false;
            start = j;
            start_flags = 0;
            title = false;
            credit = runon && credit_sentence(doc, j, b);
        }
        next = checked = j;
    }
    return vn_push_sentence(doc, start, b - 1, line, start_flags | VNSEG_SF_LINE_END);
}

/* Pair the quotes and brackets among list[0..n), then split the line. */
static vnseg_status line_sentences(vnseg_doc *doc, size_t a, size_t b, size_t line,
                                   const size_t *list, size_t n)
{
    if (n && !pair_line(doc, a, b, list, n)) return VNSEG_E_NOMEM;
    return split_line(doc, a, b, line) ? VNSEG_OK : VNSEG_E_NOMEM;
}

vnseg_status vn_line_sentences(vnseg_doc *doc, size_t a, size_t b, size_t line)
{
    return line_sentences(doc, a, b, line, doc->pairs, doc->npairs);
}

vnseg_status vn_line_sentences_listed(vnseg_doc *doc, size_t a, size_t b, size_t line, bool pairs)
{
    return line_sentences(doc, a, b, line, doc->events, pairs ? doc->nevents : 0);
}
