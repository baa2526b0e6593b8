/* Differential test of the tokenizer's fast path (both its AVX2 and its SSE2 scan where the
 * processor has AVX2): many generated inputs (Vietnamese syllables
 * in NFC and NFD, ASCII, punctuation, every kind of separator, invalid UTF-8, long tokens near
 * the 16/32/64-byte block edges, buffers that end inside a character) are tokenized with the
 * fast scan (memo, listed sentence events) and with the reference scan (every token through
 * the exact scan and classification, every token visited by the sentence pass), and every
 * field of every token and sentence, the status and the error position must agree. Inputs are
 * copied into exact-size heap buffers so that AddressSanitizer sees any read past them. */
#include "testutil.h"

#include "chars.h"
#include "doc.h"
#include "utf8.h"

/* A small deterministic generator (xorshift64*), so that failures are reproducible. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint32_t rnd(uint32_t n)
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1Dull) >> 33) % n;
}

static const char *const syllables_nfc[] = {
    "người", "dân",   "thành", "phố",    "Hà",   "Nội",    "chính",   "phủ",  "kinh",  "tế",
    "được",  "của",   "và",    "không",  "Việt", "Nam",    "Triều",   "Tiên", "lãnh",  "đạo",
    "Tổng",  "thống", "Bộ",    "trưởng", "Lãnh", "Tin",    "tức",     "Ảnh",  "Nguồn", "ông",
    "nói",   "rằng",  "hôm",   "qua",    "nay",  "khuya",  "nghiêng", "quốc", "gì",    "giữa",
    "TP",    "Mr",    "KCNA",  "Jong",   "un",   "Wagner", "ĐẠI",     "HỌC",  "x",     "Q"};

/* NFD spellings: base letters with combining marks. */
static const char *const syllables_nfd[] = {"Vie\xCC\xA3\xCC\x82t", "ngu\xCC\x9Bo\xCC\x9B\xCC\x80i",
                                            "ca\xCC\x81\x63",       "A\xCC\x89nh",
                                            "nghie\xCC\x82ng",      "u\xCC\x9B"};

static const char *const others[] = {".",
                                     ",",
                                     "?",
                                     "!",
                                     "...",
                                     "\xE2\x80\xA6",
                                     "?!",
                                     "(",
                                     ")",
                                     "[",
                                     "]",
                                     "\"",
                                     "'",
                                     "`",
                                     "``",
                                     "''",
                                     "\xE2\x80\x9C",
                                     "\xE2\x80\x9D",
                                     "\xC2\xAB",
                                     "\xC2\xBB",
                                     "-",
                                     "\xE2\x80\x93",
                                     "\xE2\x80\x94",
                                     ":",
                                     ";",
                                     "/",
                                     "&",
                                     "%",
                                     "\xE2\x82\xAB",
                                     ":))",
                                     "^^",
                                     "12",
                                     "1.000",
                                     "3,5",
                                     "-2,5",
                                     "50%",
                                     "100.000\xC4\x91",
                                     "16-17",
                                     "4/9",
                                     "4/2019",
                                     "14/8/2023",
                                     "2023-08-14",
                                     "10h30",
                                     "10:30",
                                     "2019.",
                                     "3",
                                     "5",
                                     "https://vnexpress.net/a_b",
                                     "www.example.vn",
                                     "ten@example.vn",
                                     "vnexpress.net/x",
                                     "__init__",
                                     "_x",
                                     "a__b",
                                     "BV9992_TS",
                                     "tbl_2",
                                     "a\\_b",
                                     "a\\\\b",
                                     "\\_",
                                     "TP.",
                                     "v.v.",
                                     "U.S.",
                                     "J.",
                                     "nói.",
                                     "Mr.",
                                     "F-16",
                                     "Kim_Jong-un",
                                     "\xEF\xBC\x82",
                                     "\xE3\x80\x82",
                                     "\xF0\x9F\x98\x80",
                                     "\xC2\xA9",
                                     "a\xE2\x80\x8B"
                                     "b",
                                     "x\xC2\xAD"
                                     "y",
                                     "z\xEF\xBB\xBF",
                                     "\xE2\x80\x8B"};

/* Separators of every kind, and bytes that are not UTF-8. */
static const char *const separators[] = {" ",
                                         " ",
                                         " ",
                                         " ",
                                         " ",
                                         "  ",
                                         "\t",
                                         "\n",
                                         "\r\n",
                                         "\r",
                                         "\v",
                                         "\f",
                                         "\x7F",
                                         "\xC2\x85",
                                         "\xC2\x80",
                                         "\xC2\xA0",
                                         "\xE1\x9A\x80",
                                         "\xE2\x80\x80",
                                         "\xE2\x80\x8A",
                                         "\xE2\x80\xA8",
                                         "\xE2\x80\xA9",
                                         "\xE2\x80\xAF",
                                         "\xE2\x81\x9F",
                                         "\xE3\x80\x80",
                                         " \n ",
                                         "\n\n"};

static const char *const invalid[] = {"\x80",
                                      "\xBF",
                                      "\xC0\xAF",
                                      "\xC1",
                                      "\xF5",
                                      "\xFF",
                                      "\xE1\x80",
                                      "\xED\xA0\x80",
                                      "\xF0\x80\x80\x80",
                                      "\xF4\x90\x80\x80",
                                      "\xE0\x9F\xBF",
                                      "\xC3",
                                      "\xF0\x9F\x98"};

struct gen {
    char buf[4096];
    size_t len;
};

static void put(struct gen *g, const char *s)
{
    size_t n = strlen(s);
    if (g->len + n < sizeof g->buf) {
        memcpy(g->buf + g->len, s, n);
        g->len += n;
    }
}

#define PICK(a) (a[rnd(sizeof a / sizeof *a)])

/* A word of 1..3 syllables joined by `_`, sometimes in NFD or upper-case. */
static void put_word(struct gen *g)
{
    int n = 1 + (int)rnd(3);
    for (int i = 0; i < n; i++) {
        if (i) put(g, "_");
        put(g, rnd(8) ? PICK(syllables_nfc) : PICK(syllables_nfd));
    }
}

/* A run of `n` letters (long tokens around the 16/32/64-byte edges). */
static void put_long(struct gen *g)
{
    static const size_t lengths[] = {14, 15, 16, 17, 18, 31, 32, 33, 63, 64, 65, 130};
    size_t n = PICK(lengths);
    for (size_t i = 0; i < n; i++) {
        char c[2] = {(char)(rnd(4) ? 'a' + (char)rnd(26) : '_'), 0};
        if (rnd(20) == 0) {
            put(g, "\xC3\xA2"); /* â: a two-byte letter that may straddle an edge */
            i++;
        } else {
            put(g, c);
        }
    }
}

/* One generated input: pieces joined by separators, sometimes glued, sometimes cut short. */
static void generate(struct gen *g)
{
    g->len = 0;
    if (rnd(20) == 0) put(g, "\xEF\xBB\xBF");
    /* Most inputs shorter than the scan's chunk (512 bytes), some across one or two. */
    int pieces = (int)(rnd(4) ? rnd(60) : rnd(240));
    for (int i = 0; i < pieces; i++) {
        uint32_t r = rnd(100);
        if (r < 55)
            put_word(g);
        else if (r < 85)
            put(g, PICK(others));
        else if (r < 92)
            put_long(g);
        else
            put(g, PICK(invalid));
        uint32_t s = rnd(100);
        if (s < 70)
            put(g, " ");
        else if (s < 92)
            put(g, PICK(separators));
        /* else: glued to the next piece */
    }
    if (g->len && rnd(4) == 0)
        g->len -= rnd((uint32_t)(g->len < 4 ? g->len : 4)); /* may end inside a character */
}

/* What a call left: status, error, tokens, sentences, lines. */
struct result {
    vnseg_status status;
    vnseg_error error;
    char message[256];
};

static void run(vnseg_doc *doc, const char *text, size_t len, uint32_t opts, bool reference,
                struct result *r)
{
    vn_tokenize_reference = reference;
    r->status = vnseg_tokenize(doc, text, len, opts);
    vn_tokenize_reference = false;
    memset(&r->error, 0, sizeof r->error);
    r->message[0] = 0;
    if (r->status != VNSEG_OK) {
        r->error = *vnseg_error_last();
        snprintf(r->message, sizeof r->message, "%s", r->error.message);
    }
}

static void dump_input(const char *text, size_t len)
{
    fprintf(stderr, "input (%zu bytes):", len);
    for (size_t i = 0; i < len; i++)
        fprintf(stderr, " %02X", (unsigned char)text[i]);
    fprintf(stderr, "\n");
}

/* Every field of every token and sentence must agree. */
static void compare(const vnseg_doc *fast, const struct result *rf, const vnseg_doc *ref,
                    const struct result *rr, const char *text, size_t len, uint32_t opts)
{
    if (rf->status != rr->status || rf->error.offset != rr->error.offset ||
        rf->error.line != rr->error.line || strcmp(rf->message, rr->message) != 0) {
        dump_input(text, len);
        fail_msg("options %u: status %d/%d, error offset %llu/%llu", opts, rf->status, rr->status,
                 (unsigned long long)rf->error.offset, (unsigned long long)rr->error.offset);
    }
    size_t n = vnseg_doc_token_count(fast);
    if (n != vnseg_doc_token_count(ref) ||
        vnseg_doc_sentence_count(fast) != vnseg_doc_sentence_count(ref) ||
        vnseg_doc_line_count(fast) != vnseg_doc_line_count(ref)) {
        dump_input(text, len);
        fail_msg("options %u: %zu/%zu tokens, %zu/%zu sentences, %zu/%zu lines", opts, n,
                 vnseg_doc_token_count(ref), vnseg_doc_sentence_count(fast),
                 vnseg_doc_sentence_count(ref), vnseg_doc_line_count(fast),
                 vnseg_doc_line_count(ref));
    }
    const vnseg_token *a = vnseg_doc_tokens(fast), *b = vnseg_doc_tokens(ref);
    for (size_t i = 0; i < n; i++) {
        if (a[i].offset != b[i].offset || a[i].length != b[i].length || a[i].flags != b[i].flags ||
            a[i].syllables != b[i].syllables || a[i].kind != b[i].kind ||
            a[i].reserved != b[i].reserved) {
            dump_input(text, len);
            fail_msg("options %u, token %zu `%.*s`: offset %llu/%llu length %u/%u flags "
                     "0x%x/0x%x syllables %u/%u kind %u/%u",
                     opts, i, (int)b[i].length, text + b[i].offset, (unsigned long long)a[i].offset,
                     (unsigned long long)b[i].offset, a[i].length, b[i].length, a[i].flags,
                     b[i].flags, a[i].syllables, b[i].syllables, a[i].kind, b[i].kind);
        }
    }
    const vnseg_sentence *x = vnseg_doc_sentences(fast), *y = vnseg_doc_sentences(ref);
    for (size_t i = 0; i < vnseg_doc_sentence_count(fast); i++) {
        if (x[i].offset != y[i].offset || x[i].length != y[i].length ||
            x[i].first_token != y[i].first_token || x[i].token_count != y[i].token_count ||
            x[i].flags != y[i].flags || x[i].line != y[i].line) {
            dump_input(text, len);
            fail_msg("options %u, sentence %zu: first %llu/%llu count %llu/%llu flags %u/%u", opts,
                     i, (unsigned long long)x[i].first_token, (unsigned long long)y[i].first_token,
                     (unsigned long long)x[i].token_count, (unsigned long long)y[i].token_count,
                     x[i].flags, y[i].flags);
        }
    }
}

static const uint32_t option_sets[] = {0,
                                       VNSEG_OPT_LENIENT,
                                       VNSEG_OPT_ESCAPES,
                                       VNSEG_OPT_NO_RUNON,
                                       VNSEG_OPT_LENIENT | VNSEG_OPT_ESCAPES,
                                       VNSEG_OPT_LENIENT | VNSEG_OPT_NO_RUNON};

/* Compare one input under every option set; the fast documents are kept across inputs (and
 * each input is tokenized three times, the last with the SSE2 scan), so their memos hold
 * earlier tokens and are hit. */
static void check_input(vnseg_doc **fast, vnseg_doc *ref, const char *text, size_t len)
{
    char *copy = malloc(len ? len : 1);
    assert_non_null(copy);
    memcpy(copy, text, len);
    for (size_t k = 0; k < sizeof option_sets / sizeof *option_sets; k++) {
        struct result rf, rr;
        run(ref, copy, len, option_sets[k], true, &rr);
        /* Twice with the scan the processor chooses, then with the SSE2 scan. */
        for (int pass = 0; pass < 3; pass++) {
            vn_scan_sse2_only = pass == 2;
            run(fast[k], copy, len, option_sets[k], false, &rf);
            vn_scan_sse2_only = false;
            compare(fast[k], &rf, ref, &rr, copy, len, option_sets[k]);
        }
    }
    free(copy);
}

#define NOPT (sizeof option_sets / sizeof *option_sets)

static void test_generated_inputs(void **state)
{
    (void)state;
    vnseg_doc *fast[NOPT], *ref = vnseg_doc_new();
    for (size_t k = 0; k < NOPT; k++)
        fast[k] = vnseg_doc_new();
    struct gen g;
    for (int i = 0; i < 3000; i++) {
        generate(&g);
        check_input(fast, ref, g.buf, g.len);
        /* The same input line by line, as the reader hands it out. */
        if (i % 8 == 0) {
            vnseg_reader *r;
            vnseg_line line;
            assert_int_equal(vnseg_reader_new_memory(g.buf, g.len, 0, &r), VNSEG_OK);
            while (vnseg_reader_next(r, &line) > 0)
                check_input(fast, ref, line.data, line.length);
            vnseg_reader_free(r);
        }
    }
    for (size_t k = 0; k < NOPT; k++)
        vnseg_doc_free(fast[k]);
    vnseg_doc_free(ref);
}

/* A fresh document for every input: the memo is empty and small, every token a miss. */
static void test_fresh_documents(void **state)
{
    (void)state;
    struct gen g;
    for (int i = 0; i < 300; i++) {
        generate(&g);
        vnseg_doc *fast[NOPT], *ref = vnseg_doc_new();
        for (size_t k = 0; k < NOPT; k++)
            fast[k] = vnseg_doc_new();
        check_input(fast, ref, g.buf, g.len);
        for (size_t k = 0; k < NOPT; k++)
            vnseg_doc_free(fast[k]);
        vnseg_doc_free(ref);
    }
}

/* A long text through one document, so that the memo grows to its largest size, with a
 * vocabulary larger than it holds (evictions), then the reference on the same text. */
static void test_large_text(void **state)
{
    (void)state;
    size_t cap = 6u << 20, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    struct gen g;
    while (len + sizeof g.buf < cap) {
        generate(&g);
        memcpy(text + len, g.buf, g.len);
        len += g.len;
        /* words of random letters: many distinct tokens */
        for (int i = 0; i < 20; i++) {
            int n = 1 + (int)rnd(14);
            for (int j = 0; j < n; j++)
                text[len++] = (char)('a' + rnd(26));
            text[len++] = rnd(10) ? ' ' : '\n';
        }
    }
    vnseg_doc *fast[NOPT], *ref = vnseg_doc_new();
    for (size_t k = 0; k < NOPT; k++)
        fast[k] = vnseg_doc_new();
    check_input(fast, ref, text, len);
    for (size_t k = 0; k < NOPT; k++)
        vnseg_doc_free(fast[k]);
    vnseg_doc_free(ref);
    free(text);
}

/* A document that has seen more than 16 MB has its memo at the largest size, and
 * vnseg_tokenize then takes its common path, which skips the set-up. Line by line after that,
 * with options changing from call to call, it must agree with the reference like any other. */
static void test_warmed_document_lines(void **state)
{
    (void)state;
    static const char unit[] = "Người_dân Hà_Nội ( nói ) : \" tốt \" , 1.000 USD .\n";
    const size_t n = sizeof unit - 1, len = ((17u << 20) / n) * n;
    char *warm = malloc(len);
    assert_non_null(warm);
    for (size_t i = 0; i < len; i += n)
        memcpy(warm + i, unit, n);
    static const uint32_t memo_options[] = {0, VNSEG_OPT_ESCAPES};
    vnseg_doc *ref = vnseg_doc_new();
    for (size_t k = 0; k < 2; k++) {
        vnseg_doc *fast = vnseg_doc_new();
        assert_int_equal(vnseg_tokenize(fast, warm, len, memo_options[k]), VNSEG_OK);
        assert_int_equal(fast->memo_bits, VN_MEMO_MAX_BITS);
        struct gen g;
        for (int i = 0; i < 400; i++) {
            generate(&g);
            vnseg_reader *r;
            vnseg_line line;
            assert_int_equal(vnseg_reader_new_memory(g.buf, g.len, 0, &r), VNSEG_OK);
            while (vnseg_reader_next(r, &line) > 0) {
                /* Options that keep this memo (the escape bit fixed), and one that changes it. */
                uint32_t opts = memo_options[k] | (i % 3 == 1 ? VNSEG_OPT_LENIENT : 0) |
                                (i % 3 == 2 ? VNSEG_OPT_NO_RUNON : 0);
                if (i % 50 == 49) opts ^= VNSEG_OPT_ESCAPES;
                char *copy = malloc(line.length ? line.length : 1);
                assert_non_null(copy);
                memcpy(copy, line.data, line.length);
                struct result rf, rr;
                run(ref, copy, line.length, opts, true, &rr);
                run(fast, copy, line.length, opts, false, &rf);
                compare(fast, &rf, ref, &rr, copy, line.length, opts);
                free(copy);
            }
            vnseg_reader_free(r);
        }
        vnseg_doc_free(fast);
    }
    vnseg_doc_free(ref);
    free(warm);
}

/* The separator tests that read bytes (vn_mb_separator, vn_mb_break, vn_separator_at) give
 * the class table's answer for every code point, whole and cut short by the buffer's end. */
static void test_separator_patterns(void **state)
{
    (void)state;
    vn_chars_init();
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        unsigned char b[4] = {0};
        size_t k = (size_t)vn_utf8_encode(cp, b);
        unsigned c = vn_char_class(cp);
        assert_int_equal(vn_separator_at(b, b + k), (c & VC_SEP) != 0);
        if (k == 1) continue;
        size_t sep = vn_mb_separator(b, b + k);
        assert_int_equal(sep, (c & VC_SEP) ? k : 0);
        if (sep) assert_int_equal(vn_mb_break(b, sep), (c & VC_BREAK) != 0);
        for (size_t cut = 1; cut < k; cut++)
            assert_int_equal(vn_mb_separator(b, b + cut), 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_generated_inputs),
        cmocka_unit_test(test_fresh_documents),
        cmocka_unit_test(test_large_text),
        cmocka_unit_test(test_warmed_document_lines),
        cmocka_unit_test(test_separator_patterns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
