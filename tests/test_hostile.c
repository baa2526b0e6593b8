/* Hostile inputs: the catalogue of RELIABILITY.md as tests. Huge lines, runs of a million
 * underscores or punctuation marks, unbalanced quotes and brackets, every class of invalid
 * UTF-8, NUL bytes, a gazetteer of a million names sharing a prefix, truncated and bit-flipped
 * compiled gazetteers, and lengths no buffer can have. Each gives a defined result: an error
 * with its offset, or every byte accounted for; never a crash. */
#include <stdint.h>

#include "testutil.h"

static vnseg_model *model;

static int setup(void **state)
{
    (void)state;
    static const char train_text[] =
        "Chính_phủ vừa công_bố kế_hoạch phát_triển kinh_tế trong năm tới .\n"
        "Ông Nguyễn_Văn_An cho_biết thời_tiết hôm_nay ở sân_bay Tân_Sơn_Nhất đẹp .\n";
    return tu_train_model(train_text, sizeof train_text - 1, 1, &model) == VNSEG_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    vnseg_model_free(model);
    return 0;
}

/* Tokens in bounds, ordered, never empty, and the bytes between them separators (ASCII here:
 * the hostile texts below use only ASCII separators). Returns the bytes tokens cover. */
static uint64_t check_tokens(const vnseg_doc *doc, const char *text, size_t len)
{
    size_t n = vnseg_doc_token_count(doc);
    const vnseg_token *t = vnseg_doc_tokens(doc);
    uint64_t pos = 0, covered = 0;
    for (size_t i = 0; i < n; i++) {
        assert_true(t[i].length >= 1 && t[i].length <= VNSEG_TOKEN_MAX_BYTES);
        assert_true(t[i].offset >= pos && t[i].offset + t[i].length <= len);
        for (uint64_t g = pos; g < t[i].offset; g++)
            assert_true((unsigned char)text[g] <= 0x20 || (unsigned char)text[g] == 0x7F);
        covered += t[i].length;
        pos = t[i].offset + t[i].length;
    }
    for (uint64_t g = pos; g < len; g++)
        assert_true((unsigned char)text[g] <= 0x20 || (unsigned char)text[g] == 0x7F);
    return covered;
}

/* Detokenize doc and check the output keeps every byte that is not a separator or `_`. */
static void check_detok(const vnseg_doc *doc, const char *text, size_t len)
{
    vnseg_detok *d = NULL;
    assert_int_equal(vnseg_detokenize(doc, 0, &d), VNSEG_OK);
    size_t out_len;
    const char *out = vnseg_detok_text(d, &out_len);
    assert_true(out_len <= len);
    size_t solid_in = 0, solid_out = 0;
    for (size_t i = 0; i < len; i++)
        solid_in += (unsigned char)text[i] > 0x20 && text[i] != '_' && text[i] != 0x7F;
    for (size_t i = 0; i < out_len; i++)
        solid_out += (unsigned char)out[i] > 0x20 && out[i] != '_' && out[i] != 0x7F;
    /* Literal underscores (runs, next to digits) stay: count them on both sides alike. */
    assert_true(solid_out == solid_in);
    assert_int_equal(vnseg_detok_token_count(d), vnseg_doc_token_count(doc));
    vnseg_detok_free(d);
}

/* A 100 MB line with no separator: cut into tokens of at most VNSEG_TOKEN_MAX_BYTES at
 * character boundaries, each but the last flagged SPLIT; detok gives it back whole. */
static void test_huge_line_without_separator(void **state)
{
    (void)state;
    const size_t len = 100u << 20;
    char *text = malloc(len);
    assert_non_null(text);
    /* "ễ" (3 bytes) so that cuts must find a character boundary, and a letter now and then. */
    for (size_t i = 0; i + 3 <= len; i += 3)
        memcpy(text + i, i % 300 ? "\xe1\xbb\x85" : "abc", 3);
    for (size_t i = len - len % 3; i < len; i++)
        text[i] = 'x';
    vnseg_doc *doc = vnseg_doc_new();
    assert_int_equal(vnseg_tokenize(doc, text, len, 0), VNSEG_OK);
    size_t n = vnseg_doc_token_count(doc);
    assert_true(n >= 100 && n <= 102);
    assert_int_equal(check_tokens(doc, text, len), len);
    const vnseg_token *t = vnseg_doc_tokens(doc);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal((t[i].flags & VNSEG_TF_SPLIT) != 0, i + 1 < n);
        assert_true(((unsigned char)text[t[i].offset] & 0xC0) != 0x80);
    }
    vnseg_detok *d = NULL;
    assert_int_equal(vnseg_detokenize(doc, 0, &d), VNSEG_OK);
    size_t out_len;
    const char *out = vnseg_detok_text(d, &out_len);
    assert_int_equal(out_len, len);
    assert_memory_equal(out, text, len);
    vnseg_detok_free(d);
    vnseg_doc_free(doc);
    free(text);
}

/* A 100 MB line of words, read through the streaming reader in pieces of at most 1 MiB that
 * end at a separator: every token arrives once, tokenized and detokenized piece by piece in
 * bounded memory. */
static void test_huge_line_of_words(void **state)
{
    (void)state;
    static const char unit[] = "Đà_Nẵng mở_cửa lại cảng_biển sau bão Noru , \" ông nói \" ( 30/9 ) . ";
    const size_t ulen = sizeof unit - 1;
    size_t pieces_per_unit = 0; /* every piece of the unit is followed by one space */
    for (size_t i = 0; i < ulen; i++)
        pieces_per_unit += unit[i] == ' ';
    const size_t units = (100u << 20) / ulen, len = units * ulen;
    char *text = malloc(len);
    assert_non_null(text);
    for (size_t i = 0; i < units; i++)
        memcpy(text + i * ulen, unit, ulen);
    vnseg_reader *r = NULL;
    assert_int_equal(vnseg_reader_new_memory(text, len, 1u << 20, &r), VNSEG_OK);
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_detok *d = vnseg_detok_new();
    vnseg_line line;
    size_t tokens = 0, lines = 0, out_bytes = 0;
    int k;
    while ((k = vnseg_reader_next(r, &line)) == 1) {
        assert_true(line.length <= 1u << 20);
        assert_int_equal(line.number, 1);
        assert_int_equal(vnseg_tokenize(doc, line.data, line.length, 0), VNSEG_OK);
        tokens += vnseg_doc_token_count(doc);
        assert_int_equal(vnseg_detokenize_into(d, doc, 0), VNSEG_OK);
        size_t n;
        vnseg_detok_text(d, &n);
        out_bytes += n;
        lines++;
    }
    assert_int_equal(k, 0);
    assert_true(lines >= 100);
    assert_int_equal(tokens, units * pieces_per_unit);
    assert_true(out_bytes > len / 2 && out_bytes < len);
    vnseg_detok_free(d);
    vnseg_doc_free(doc);
    vnseg_reader_free(r);
    free(text);
}

/* Runs of a million: underscores alone, between letters, and punctuation marks. */
static void test_million_runs(void **state)
{
    (void)state;
    const size_t n = 1000000;
    char *text = malloc(n + 2);
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_mentions *m = vnseg_mentions_new();
    vnseg_segmenter *seg = NULL;
    assert_int_equal(vnseg_segmenter_new(model, &seg), VNSEG_OK);
    static const char marks[] = "_.!?,;:-\"'()[]{}…";
    for (size_t c = 0; c + 1 < sizeof marks; c++) {
        for (int framed = 0; framed < 2; framed++) {
            size_t len = n;
            if (framed) {
                /* a______b */
                text[0] = 'a';
                memset(text + 1, marks[c], n);
                text[n + 1] = 'b';
                len = n + 2;
            } else {
                memset(text, marks[c], n);
            }
            /* (… is 3 bytes: the memset above makes invalid UTF-8 of it; lenient mode.) */
            uint32_t opts = (unsigned char)marks[c] >= 0x80 ? VNSEG_OPT_LENIENT : 0;
            assert_int_equal(vnseg_tokenize(doc, text, len, opts), VNSEG_OK);
            assert_int_equal(check_tokens(doc, text, len), len);
            check_detok(doc, text, len);
            assert_int_equal(vnseg_scan_entities(m, doc, NULL, 0), VNSEG_OK);
            assert_int_equal(vnseg_tokenize_raw(doc, text, len, opts), VNSEG_OK);
            assert_int_equal(check_tokens(doc, text, len), len);
            assert_int_equal(vnseg_segment(seg, text, len, opts), VNSEG_OK);
            size_t out_len;
            vnseg_segmenter_text(seg, &out_len);
            assert_true(out_len >= len);
        }
    }
    vnseg_segmenter_free(seg);
    vnseg_mentions_free(m);
    vnseg_doc_free(doc);
    free(text);
}

/* 10^5 opening quotes and brackets with no closing one, then 10^5 closing ones with no opening
 * one, and them interleaved wrongly: detok keeps every mark; the scanner and sentence splitter
 * finish. */
static void test_unbalanced_quotes_brackets(void **state)
{
    (void)state;
    static const char *const units[] = {"( ", ") ", "\" ", "“ ", "” ", "[ ", "{ ", "« ",
                                        "( \" [ ", "] \" ) ", "( Hà_Nội \" ", "\" ) Hà_Nội ( "};
    const size_t reps = 100000;
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_mentions *m = vnseg_mentions_new();
    for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
        size_t ul = strlen(units[u]), len = ul * reps;
        char *text = malloc(len);
        for (size_t i = 0; i < reps; i++)
            memcpy(text + i * ul, units[u], ul);
        assert_int_equal(vnseg_tokenize(doc, text, len, 0), VNSEG_OK);
        check_tokens(doc, text, len);
        check_detok(doc, text, len);
        assert_int_equal(vnseg_scan_entities(m, doc, NULL, 0), VNSEG_OK);
        size_t sentences = vnseg_doc_sentence_count(doc);
        assert_true(sentences >= 1 && sentences <= vnseg_doc_token_count(doc));
        size_t need;
        vnseg_status st = vnseg_detokenize_text(text, len, 0, NULL, 0, &need);
        assert_true(st == VNSEG_OK || st == VNSEG_E_BUFFER);
        assert_true(need <= len);
        free(text);
    }
    vnseg_mentions_free(m);
    vnseg_doc_free(doc);
}

/* Every class of ill-formed UTF-8, alone, between letters and at the end: strict calls fail
 * with the offset of the first bad byte, lenient ones succeed and keep every byte. */
static void test_invalid_utf8_classes(void **state)
{
    (void)state;
    static const struct {
        const char *name, *bytes;
    } bad[] = {
        {"overlong 2-byte /", "\xC0\xAF"},
        {"overlong 2-byte C1", "\xC1\xBF"},
        {"overlong 3-byte", "\xE0\x80\xAF"},
        {"overlong 3-byte max", "\xE0\x9F\xBF"},
        {"overlong 4-byte", "\xF0\x80\x80\xAF"},
        {"overlong 4-byte max", "\xF0\x8F\xBF\xBF"},
        {"surrogate high", "\xED\xA0\x80"},
        {"surrogate low", "\xED\xBF\xBF"},
        {"surrogate pair", "\xED\xA0\xBD\xED\xB8\x80"},
        {"above U+10FFFF", "\xF4\x90\x80\x80"},
        {"F5 lead", "\xF5\x80\x80\x80"},
        {"F8 5-byte", "\xF8\x88\x80\x80\x80"},
        {"FC 6-byte", "\xFC\x84\x80\x80\x80\x80"},
        {"FE", "\xFE"},
        {"FF", "\xFF"},
        {"truncated 2-byte", "\xC3"},
        {"truncated 3-byte", "\xE1\xBB"},
        {"truncated 4-byte", "\xF0\x9F\x98"},
        {"stray continuation", "\x80"},
        {"stray continuation run", "\x80\xBF\x80\xBF"},
        {"lead then ASCII", "\xE1" "a"},
    };
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_segmenter *seg = NULL;
    assert_int_equal(vnseg_segmenter_new(model, &seg), VNSEG_OK);
    vnseg_gazetteer_builder *b = NULL;
    assert_int_equal(vnseg_gazetteer_builder_new(0, &b), VNSEG_OK);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        for (int where = 0; where < 3; where++) {
            char text[64];
            static const char *const before[] = {"", "Việt ", "Việt Nam "};
            static const char *const after[] = {"", " Nam", ""};
            int len = snprintf(text, sizeof text, "%s%s%s", before[where], bad[i].bytes,
                               after[where]);
            uint64_t at = strlen(before[where]);
            print_message("%s (%d)\n", bad[i].name, where);
            assert_int_equal(vnseg_tokenize(doc, text, (size_t)len, 0), VNSEG_E_INVALID_UTF8);
            assert_int_equal(vnseg_error_last()->offset, at);
            assert_int_equal(vnseg_tokenize(doc, text, (size_t)len, VNSEG_OPT_LENIENT), VNSEG_OK);
            check_tokens(doc, text, (size_t)len);
            assert_int_equal(vnseg_tokenize_raw(doc, text, (size_t)len, 0), VNSEG_E_INVALID_UTF8);
            assert_int_equal(vnseg_error_last()->offset, at);
            assert_int_equal(vnseg_tokenize_raw(doc, text, (size_t)len, VNSEG_OPT_LENIENT),
                             VNSEG_OK);
            assert_int_equal(check_tokens(doc, text, (size_t)len),
                             (size_t)len - (where == 1 ? 2 : where == 2 ? 2 : 0));
            assert_int_equal(vnseg_segment(seg, text, (size_t)len, 0), VNSEG_E_INVALID_UTF8);
            assert_int_equal(vnseg_segment(seg, text, (size_t)len, VNSEG_OPT_LENIENT), VNSEG_OK);
            size_t out_len;
            vnseg_segmenter_text(seg, &out_len);
            assert_true(out_len >= (size_t)len);
            size_t need;
            vnseg_status st = vnseg_detokenize_text(text, (size_t)len, 0, NULL, 0, &need);
            assert_int_equal(st, VNSEG_E_INVALID_UTF8);
            st = vnseg_detokenize_text(text, (size_t)len, VNSEG_OPT_LENIENT, NULL, 0, &need);
            assert_true(st == VNSEG_OK || st == VNSEG_E_BUFFER);
            char key[128];
            assert_int_equal(vnseg_lookup_key(text, (size_t)len, 0, key, sizeof key, &need),
                             VNSEG_OK);
            vnseg_norm *nm = NULL;
            st = vnseg_normalize(text, (size_t)len, VNSEG_NORM_DEFAULT, &nm);
            assert_true(st == VNSEG_OK || st == VNSEG_E_INVALID_UTF8);
            vnseg_norm_free(nm);
            char line[96];
            int ll = snprintf(line, sizeof line, "%s\tLOC\n", text);
            assert_int_equal(vnseg_gazetteer_builder_add_tsv(b, line, (size_t)ll),
                             VNSEG_E_FORMAT);
            assert_int_equal(vnseg_syllable_check(text, (size_t)len), 0);
        }
    }
    assert_int_equal(vnseg_gazetteer_builder_count(b), 0);
    vnseg_gazetteer_builder_free(b);
    vnseg_segmenter_free(seg);
    vnseg_doc_free(doc);
}

/* NUL bytes are separators (C0 controls): tokens around them, none holding one. */
static void test_nul_bytes(void **state)
{
    (void)state;
    static const char text[] = "\0Hà_Nội\0\0mở\0_cửa\0";
    const size_t len = sizeof text - 1;
    vnseg_doc *doc = vnseg_doc_new();
    assert_int_equal(vnseg_tokenize(doc, text, len, 0), VNSEG_OK);
    assert_int_equal(vnseg_doc_token_count(doc), 3);
    check_tokens(doc, text, len);
    check_detok(doc, text, len);
    assert_int_equal(vnseg_tokenize_raw(doc, text, len, 0), VNSEG_OK);
    check_tokens(doc, text, len);
    vnseg_segmenter *seg = NULL;
    assert_int_equal(vnseg_segmenter_new(model, &seg), VNSEG_OK);
    assert_int_equal(vnseg_segment(seg, text, len, 0), VNSEG_OK);
    size_t out_len;
    const char *out = vnseg_segmenter_text(seg, &out_len);
    assert_true(out_len >= len && memchr(out, 0, out_len) != NULL);
    vnseg_segmenter_free(seg);
    /* A NUL inside a gazetteer line: a separator inside the name (its key drops it) or an
     * error, never a truncated name. */
    vnseg_gazetteer_builder *b = NULL;
    assert_int_equal(vnseg_gazetteer_builder_new(0, &b), VNSEG_OK);
    static const char tsv[] = "Hà\0Nội\tLOC\n";
    vnseg_status st = vnseg_gazetteer_builder_add_tsv(b, tsv, sizeof tsv - 1);
    assert_true(st == VNSEG_OK || st == VNSEG_E_FORMAT);
    vnseg_gazetteer_builder_free(b);
    /* DEL, the other ASCII control, likewise (a token starting with it once came out empty). */
    static const char del[] = "x \x7fy \x7f";
    assert_int_equal(vnseg_tokenize(doc, del, sizeof del - 1, 0), VNSEG_OK);
    assert_int_equal(vnseg_doc_token_count(doc), 2);
    check_tokens(doc, del, sizeof del - 1);
    vnseg_doc_free(doc);
}

/* A million names that share their first two syllables: built, saved as an image, reopened
 * with full verification; first, last and middle names found; a prefix alone is not a name,
 * and the scanner extends matches through the shared prefix. */
static void test_million_names_one_prefix(void **state)
{
    (void)state;
    const size_t n = 1000000;
    vnseg_gazetteer_builder *b = NULL;
    assert_int_equal(vnseg_gazetteer_builder_new(0, &b), VNSEG_OK);
    char *tsv = malloc(n * 32);
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(tsv + len, "Làng Chung X%zu\tLOC\n", i);
    assert_int_equal(vnseg_gazetteer_builder_add_tsv(b, tsv, len), VNSEG_OK);
    free(tsv);
    assert_int_equal(vnseg_gazetteer_builder_count(b), n);
    vnseg_gazetteer *g = NULL;
    assert_int_equal(vnseg_gazetteer_builder_build(b, &g), VNSEG_OK);
    vnseg_gazetteer_builder_free(b);
    size_t img_len;
    const void *img = vnseg_gazetteer_data(g, &img_len);
    vnseg_gazetteer *h = NULL;
    assert_int_equal(vnseg_gazetteer_open_memory(img, img_len, VNSEG_GAZ_OPEN_VERIFY, &h),
                     VNSEG_OK);
    assert_int_equal(vnseg_gazetteer_entry_count(h), n);
    static const char *const found[] = {"Làng Chung X0", "Làng_Chung_X999999", "LÀNG CHUNG X500000"};
    for (size_t i = 0; i < 3; i++) {
        size_t first, count;
        assert_int_equal(vnseg_gazetteer_lookup(h, found[i], strlen(found[i]), &first, &count),
                         VNSEG_OK);
        assert_int_equal(count, 1);
    }
    size_t first, count;
    assert_int_equal(vnseg_gazetteer_lookup(h, "Làng Chung", strlen("Làng Chung"), &first,
                                            &count),
                     VNSEG_E_NOT_FOUND);
    assert_int_equal(vnseg_gazetteer_lookup(h, "Làng Chung X1000000",
                                            strlen("Làng Chung X1000000"), &first, &count),
                     VNSEG_E_NOT_FOUND);
    static const char text[] = "Tới Làng_Chung X42 và Làng_Chung rồi Làng Chung X7 .";
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_mentions *m = vnseg_mentions_new();
    assert_int_equal(vnseg_tokenize(doc, text, sizeof text - 1, 0), VNSEG_OK);
    assert_int_equal(vnseg_scan_entities(m, doc, h, VNSEG_SCAN_NO_HEURISTICS), VNSEG_OK);
    assert_int_equal(vnseg_mentions_count(m), 2);
    vnseg_mentions_free(m);
    vnseg_doc_free(doc);
    vnseg_gazetteer_free(h);
    vnseg_gazetteer_free(g);
}

/* A compiled gazetteer cut at every length and with every bit of its header and many of its
 * body flipped: opening fails cleanly (with VERIFY: always for a change), or, for a change the
 * constant-time open does not read, lookups and scans give answers without a crash. */
static void test_truncated_and_flipped_gazetteer(void **state)
{
    (void)state;
    vnseg_gazetteer_builder *b = NULL;
    assert_int_equal(vnseg_gazetteer_builder_new(0, &b), VNSEG_OK);
    static const char tsv[] = "Triều Tiên\tLOC\tcountry:KP\nLiên_Hợp_Quốc\tORG\tun\tLiên Hợp Quốc\n"
                              "Hà Nội\tLOC\nKim Jong-un\tPER\nVinFast\tBRAND\n";
    assert_int_equal(vnseg_gazetteer_builder_add_tsv(b, tsv, sizeof tsv - 1), VNSEG_OK);
    vnseg_gazetteer *g = NULL;
    assert_int_equal(vnseg_gazetteer_builder_build(b, &g), VNSEG_OK);
    vnseg_gazetteer_builder_free(b);
    size_t len;
    const unsigned char *img = vnseg_gazetteer_data(g, &len);
    unsigned char *copy = aligned_alloc(8, (len + 7) & ~(size_t)7);
    static const char text[] = "Ông Kim_Jong-un tới Triều_Tiên và Hà_Nội .";
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_mentions *m = vnseg_mentions_new();
    assert_int_equal(vnseg_tokenize(doc, text, sizeof text - 1, 0), VNSEG_OK);
    for (size_t cut = 0; cut < len; cut++) {
        memcpy(copy, img, cut);
        vnseg_gazetteer *h = NULL;
        vnseg_status st = vnseg_gazetteer_open_memory(copy, cut, 0, &h);
        assert_true(st == VNSEG_E_FORMAT || st == VNSEG_E_VERSION);
        assert_null(h);
    }
    size_t opened = 0;
    for (size_t bit = 0; bit < len * 8; bit += bit < 192 * 8 ? 1 : 7) {
        memcpy(copy, img, len);
        copy[bit / 8] ^= (unsigned char)(1u << (bit % 8));
        vnseg_gazetteer *h = NULL;
        vnseg_status st = vnseg_gazetteer_open_memory(copy, len, VNSEG_GAZ_OPEN_VERIFY, &h);
        assert_true(st == VNSEG_E_FORMAT || st == VNSEG_E_VERSION);
        st = vnseg_gazetteer_open_memory(copy, len, 0, &h);
        if (bit < 192 * 8) {
            assert_true(st == VNSEG_E_FORMAT || st == VNSEG_E_VERSION);
            continue;
        }
        assert_int_equal(st, VNSEG_OK);
        opened++;
        assert_int_equal(vnseg_gazetteer_verify(h), VNSEG_E_FORMAT);
        size_t first, count;
        st = vnseg_gazetteer_lookup(h, "Triều Tiên", strlen("Triều Tiên"), &first, &count);
        assert_true(st == VNSEG_OK || st == VNSEG_E_NOT_FOUND);
        assert_int_equal(vnseg_scan_entities(m, doc, h, 0), VNSEG_OK);
        for (size_t i = 0; i < vnseg_mentions_count(m); i++) {
            const char *s;
            size_t sl;
            assert_int_equal(vnseg_mention_canonical(m, i, &s, &sl), VNSEG_OK);
        }
        for (size_t e = 0; e < vnseg_gazetteer_entry_count(h) && e < 16; e++) {
            vnseg_gaz_entry ent;
            st = vnseg_gazetteer_entry(h, e, &ent);
            assert_true(st == VNSEG_OK || st == VNSEG_E_FORMAT);
        }
        vnseg_gazetteer_free(h);
    }
    assert_true(opened > 0);
    vnseg_mentions_free(m);
    vnseg_doc_free(doc);
    free(copy);
    vnseg_gazetteer_free(g);
}

/* Lengths no buffer can have (beyond PTRDIFF_MAX, or wrapping past the end of the address
 * space) passed with a real, small buffer to every call that takes pointer + length: each
 * returns an error and reads nothing. */
static void test_impossible_lengths(void **state)
{
    (void)state;
    static const char text[16] = "Hà Nội";
    const size_t wrap = SIZE_MAX - (size_t)(uintptr_t)text + 2;
    const size_t lens[] = {SIZE_MAX, SIZE_MAX - 1, (size_t)PTRDIFF_MAX + 1, SIZE_MAX / 2 + 7,
                           wrap};
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_segmenter *seg = NULL;
    assert_int_equal(vnseg_segmenter_new(model, &seg), VNSEG_OK);
    vnseg_gazetteer_builder *b = NULL;
    assert_int_equal(vnseg_gazetteer_builder_new(0, &b), VNSEG_OK);
    vnseg_gazetteer *g = NULL;
    assert_int_equal(vnseg_gazetteer_builder_build(b, &g), VNSEG_OK);
    vnseg_trainer *tr = NULL;
    assert_int_equal(vnseg_trainer_new(NULL, &tr), VNSEG_OK);
    for (size_t i = 0; i < sizeof lens / sizeof *lens; i++) {
        size_t len = lens[i], n = 0, first = 0, count = 0;
        char out[64];
        uint32_t type;
        print_message("length %zu\n", len);
#define REFUSED(call)                                                                           \
    do {                                                                                        \
        vnseg_status st_ = (call);                                                              \
        if (st_ == VNSEG_OK)                                                                    \
            fail_msg("%s accepted length %zu", #call, len);                                     \
    } while (0)
        REFUSED(vnseg_tokenize(doc, text, len, 0));
        REFUSED(vnseg_tokenize(doc, text, len, VNSEG_OPT_LENIENT));
        REFUSED(vnseg_tokenize_raw(doc, text, len, VNSEG_OPT_LENIENT));
        REFUSED(vnseg_detokenize_text(text, len, VNSEG_OPT_LENIENT, out, sizeof out, &n));
        vnseg_norm *nm = NULL;
        REFUSED(vnseg_normalize(text, len, VNSEG_NORM_DEFAULT, &nm));
        REFUSED(vnseg_decode_legacy(text, len, VNSEG_ENC_TCVN3, 0, &nm));
        REFUSED(vnseg_encode_legacy(text, len, VNSEG_ENC_VNI, 0, out, sizeof out, &n));
        int enc;
        double conf, scores[VNSEG_ENC_COUNT];
        REFUSED(vnseg_detect_encoding(text, len, &enc, &conf));
        REFUSED(vnseg_detect_scores(text, len, scores, VNSEG_ENC_COUNT));
        uint64_t offs[1] = {1};
        REFUSED(vnseg_offsets_convert(text, len, VNSEG_UNIT_BYTE, VNSEG_UNIT_UTF16, offs, 1));
        assert_int_equal(vnseg_syllable_check(text, len), 0);
        vnseg_syllable syl = {.size = sizeof syl};
        REFUSED(vnseg_syllable_parse(text, len, &syl));
        REFUSED(vnseg_tone_style(text, len, VNSEG_TONE_STYLE_NEW, out, sizeof out, &n));
        REFUSED(vnseg_tone_repair(text, len, out, sizeof out, &n));
        REFUSED(vnseg_lookup_key(text, len, 0, out, sizeof out, &n));
        REFUSED(vnseg_gazetteer_builder_add_tsv(b, text, len));
        REFUSED(vnseg_gazetteer_builder_type(b, text, len, &type));
        REFUSED(vnseg_gazetteer_builder_remove(b, text, len));
        vnseg_gaz_entry e = {.name = text, .name_len = len, .type = VNSEG_ENT_LOC};
        REFUSED(vnseg_gazetteer_builder_add(b, &e));
        REFUSED(vnseg_gazetteer_lookup(g, text, len, &first, &count));
        REFUSED(vnseg_gazetteer_type_id(g, text, len, &type));
        vnseg_gazetteer *h = NULL;
        REFUSED(vnseg_gazetteer_open_memory(text, len, 0, &h));
        vnseg_model *mm = NULL;
        REFUSED(vnseg_model_load(text, len, &mm));
        vnseg_reader *r = NULL;
        REFUSED(vnseg_reader_new_memory(text, len, 0, &r));
        REFUSED(vnseg_segment(seg, text, len, VNSEG_OPT_LENIENT));
        REFUSED(vnseg_segment_to_buffer(model, text, len, VNSEG_OPT_LENIENT, out, sizeof out, &n));
        REFUSED(vnseg_trainer_add(tr, VNSEG_CORPUS_SEGMENTED, text, len));
#undef REFUSED
    }
    vnseg_trainer_free(tr);
    vnseg_gazetteer_free(g);
    vnseg_gazetteer_builder_free(b);
    vnseg_segmenter_free(seg);
    vnseg_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_impossible_lengths),
        cmocka_unit_test(test_nul_bytes),
        cmocka_unit_test(test_invalid_utf8_classes),
        cmocka_unit_test(test_unbalanced_quotes_brackets),
        cmocka_unit_test(test_million_runs),
        cmocka_unit_test(test_truncated_and_flipped_gazetteer),
        cmocka_unit_test(test_huge_line_without_separator),
        cmocka_unit_test(test_huge_line_of_words),
        cmocka_unit_test(test_million_names_one_prefix),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
