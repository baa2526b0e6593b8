/* What real files contain: ill-formed UTF-8 (strict and lenient), NFD and mixed text, odd
 * white space, zero-width characters, NUL bytes, empty input and very long runs. */
#include "testutil.h"

/* Strict mode must fail at `offset`; lenient mode must keep every byte in some token. */
static void check_invalid(vnseg_doc *doc, const char *bytes, size_t len, uint64_t offset)
{
    char *copy = malloc(len);
    assert_non_null(copy);
    memcpy(copy, bytes, len);
    assert_int_equal(vnseg_tokenize(doc, copy, len, 0), VNSEG_E_INVALID_UTF8);
    const vnseg_error *e = vnseg_error_last();
    assert_int_equal(e->status, VNSEG_E_INVALID_UTF8);
    if (e->offset != offset)
        fail_msg("error offset %llu, expected %llu (%s)", (unsigned long long)e->offset,
                 (unsigned long long)offset, e->message);
    assert_int_equal(vnseg_doc_token_count(doc), 0);

    assert_int_equal(vnseg_tokenize(doc, copy, len, VNSEG_OPT_LENIENT), VNSEG_OK);
    bool repaired = false;
    uint64_t covered = 0;
    for (size_t i = 0; i < vnseg_doc_token_count(doc); i++) {
        const vnseg_token *t = tu_tok(doc, i);
        covered += t->length;
        if (t->offset <= offset && offset < t->offset + t->length)
            repaired = t->flags & VNSEG_TF_REPAIRED;
    }
    assert_true(repaired);
    size_t nonspace = 0;
    for (size_t i = 0; i < len; i++)
        nonspace += bytes[i] != ' ';
    assert_int_equal(covered, nonspace);
    free(copy);
}

static void test_invalid_utf8_classes(void **state)
{
    vnseg_doc *doc = *state;
    /* overlong forms */
    check_invalid(doc, "ab \xC0\xAF x", 7, 3);
    check_invalid(doc, "ab \xC1\xBF", 5, 3);
    check_invalid(doc, "\xE0\x80\xAF", 3, 0);
    check_invalid(doc, "x\xF0\x80\x80\xAF", 5, 1);
    /* surrogates */
    check_invalid(doc, "Hà \xED\xA0\x80", 7, 4);
    check_invalid(doc, "\xED\xBF\xBF z", 5, 0);
    /* beyond U+10FFFF */
    check_invalid(doc, "\xF4\x90\x80\x80", 4, 0);
    check_invalid(doc, "a \xF5\x80\x80\x80", 6, 2);
    /* truncated sequences, at the end and before a space */
    check_invalid(doc, "vi\xE1\xBB", 4, 2);
    check_invalid(doc, "vi\xC3 t", 5, 2);
    check_invalid(doc, "\xF0\x9F\x98", 3, 0);
    /* stray continuation bytes and bytes that never occur */
    check_invalid(doc, "ab\x80", 3, 2);
    check_invalid(doc, "\xBF\xBF", 2, 0);
    check_invalid(doc, "a \xFE", 3, 2);
    check_invalid(doc, "\xFF", 1, 0);
}

static void test_lenient_repair_keeps_token(void **state)
{
    vnseg_doc *doc = *state;
    tu_tokenize_n(doc, "Vi\xFF\xE1\xBB\x87t Nam", 11, VNSEG_OPT_LENIENT);
    assert_int_equal(vnseg_doc_token_count(doc), 2);
    assert_int_equal(tu_tok(doc, 0)->length, 7);
    assert_true(tu_tok(doc, 0)->flags & VNSEG_TF_REPAIRED);
    assert_int_equal(tu_tok(doc, 0)->kind, VNSEG_KIND_WORD);
    char buf[32];
    size_t n;
    assert_int_equal(vnseg_doc_token_form(doc, 0, VNSEG_FORM_NFC, buf, sizeof buf, &n), VNSEG_OK);
    assert_int_equal(n, 9);
    assert_memory_equal(buf, "Vi\xEF\xBF\xBD\xE1\xBB\x87t", 9);
    /* The error of strict mode names line and byte. */
    assert_int_equal(vnseg_tokenize(doc, "ok\nok \xC3", 7, 0), VNSEG_E_INVALID_UTF8);
    assert_int_equal(vnseg_error_last()->offset, 6);
    assert_int_equal(vnseg_error_last()->line, 2);
    assert_non_null(strstr(vnseg_error_last()->message, "byte 6"));
}

static void test_nfd_same_as_nfc(void **state)
{
    vnseg_doc *doc = *state;
    /* "Việt_Nam Nguyễn ĐỒNG quốc" in NFC and in NFD (combining marks after base letters). */
    const char *nfc = "Việt_Nam Nguyễn ĐỒNG quốc";
    const char *nfd = "Vie\xCC\xA3\xCC\x82t_Nam Nguye\xCC\x82\xCC\x83n \xC4\x90O\xCC\x82\xCC\x80NG "
                      "quo\xCC\x82\xCC\x81"
                      "c";
    tu_tokenize(doc, nfc, 0);
    size_t n = vnseg_doc_token_count(doc);
    vnseg_token expect[8];
    memcpy(expect, vnseg_doc_tokens(doc), n * sizeof *expect);
    tu_tokenize(doc, nfd, 0);
    assert_int_equal(vnseg_doc_token_count(doc), n);
    for (size_t i = 0; i < n; i++) {
        const vnseg_token *t = tu_tok(doc, i);
        assert_int_equal(t->kind, expect[i].kind);
        assert_int_equal(t->syllables, expect[i].syllables);
        assert_int_equal(t->flags & ~(uint32_t)VNSEG_TF_NOT_NFC, expect[i].flags);
        assert_true(t->flags & VNSEG_TF_NOT_NFC);
        assert_false(expect[i].flags & VNSEG_TF_NOT_NFC);
        /* The NFC form of each NFD token is the NFC token. */
        char buf[64];
        size_t len;
        assert_int_equal(vnseg_doc_token_form(doc, i, VNSEG_FORM_NFC, buf, sizeof buf, &len),
                         VNSEG_OK);
        assert_int_equal(len, expect[i].length);
        assert_memory_equal(buf, nfc + expect[i].offset, len);
    }
    /* Offsets point into the NFD bytes. */
    assert_int_equal(tu_tok(doc, 1)->offset, strlen("Vie\xCC\xA3\xCC\x82t_Nam "));
    /* A combining mark after an already composed letter that does not compose is NFC. */
    tu_tokenize(doc, "e\xCC\x81\xCC\x81", 0);
    assert_true(tu_tok(doc, 0)->flags & VNSEG_TF_NOT_NFC);
    tu_tokenize(doc, "\xC3\xA9\xCC\x81", 0); /* é + U+0301: already NFC */
    assert_false(tu_tok(doc, 0)->flags & VNSEG_TF_NOT_NFC);
}

static void test_unicode_spaces_separate(void **state)
{
    vnseg_doc *doc = *state;
    /* NBSP, tab, ideographic space, en quad, narrow NBSP, ogham space, VT, FF, NUL, DEL, C1 */
    const char text[] = "a\xC2\xA0"
                        "b\tc\xE3\x80\x80"
                        "d\xE2\x80\x80"
                        "e\xE2\x80\xAF"
                        "f\xE1\x9A\x80g\vh\fi\0j\x7Fk\xC2\x80l";
    tu_tokenize_n(doc, text, sizeof text - 1, 0);
    assert_string_equal(tu_joined(doc), "a|b|c|d|e|f|g|h|i|j|k|l");
    /* VT and FF break lines, NBSP and NUL do not. */
    assert_int_equal(vnseg_doc_line_count(doc), 3);
}

static void test_line_breaks(void **state)
{
    vnseg_doc *doc = *state;
    tu_tokenize(doc, "a\r\nb\rc\nd\xE2\x80\xA8"
                     "e\xE2\x80\xA9"
                     "f\xC2\x85g",
                0);
    assert_string_equal(tu_joined(doc), "a|b|c|d|e|f|g");
    assert_int_equal(vnseg_doc_line_count(doc), 7);
    assert_int_equal(vnseg_doc_sentence_count(doc), 7);
    for (size_t i = 0; i < 6; i++)
        assert_true(tu_tok(doc, i)->flags & VNSEG_TF_LINE_END);
}

static void test_zero_width_and_bom(void **state)
{
    vnseg_doc *doc = *state;
    /* A leading BOM is a separator; a BOM or ZWSP inside a token stays and is flagged. */
    tu_tokenize(doc, "\xEF\xBB\xBFXin chào Hà\xE2\x80\x8BNội li\xC2\xADnh_tinh", 0);
    assert_int_equal(vnseg_doc_token_count(doc), 4);
    assert_int_equal(tu_tok(doc, 0)->offset, 3);
    assert_false(tu_tok(doc, 0)->flags & VNSEG_TF_INVISIBLE);
    assert_true(tu_tok(doc, 2)->flags & VNSEG_TF_INVISIBLE);
    assert_true(tu_tok(doc, 3)->flags & VNSEG_TF_INVISIBLE);
    /* The soft hyphen is ignored by the syllable checker: "linh" is Vietnamese. */
    assert_false(tu_tok(doc, 3)->flags & VNSEG_TF_NOT_VIETNAMESE);
    assert_int_equal(tu_tok(doc, 3)->syllables, 2);
    char buf[32];
    size_t n;
    assert_int_equal(
        vnseg_doc_token_form(doc, 2, VNSEG_FORM_NO_INVISIBLE, buf, sizeof buf, &n), VNSEG_OK);
    assert_memory_equal(buf, "HàNội", n);
    /* A token of zero-width characters only. */
    tu_tokenize(doc, "a \xE2\x80\x8B b", 0);
    assert_int_equal(vnseg_doc_token_count(doc), 3);
    assert_int_equal(tu_tok(doc, 1)->kind, VNSEG_KIND_SYMBOL);
}

static void test_empty_input(void **state)
{
    vnseg_doc *doc = *state;
    assert_int_equal(vnseg_tokenize(doc, NULL, 0, 0), VNSEG_OK);
    assert_int_equal(vnseg_doc_token_count(doc), 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 0);
    assert_int_equal(vnseg_doc_line_count(doc), 0);
    tu_tokenize(doc, "", 0);
    assert_int_equal(vnseg_doc_token_count(doc), 0);
    tu_tokenize(doc, "  \t \n \r\n ", 0);
    assert_int_equal(vnseg_doc_token_count(doc), 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 0);
    assert_int_equal(vnseg_doc_line_count(doc), 3);
    tu_tokenize(doc, "\xEF\xBB\xBF", 0);
    assert_int_equal(vnseg_doc_token_count(doc), 0);
}

static void test_bad_arguments(void **state)
{
    vnseg_doc *doc = *state;
    assert_int_equal(vnseg_tokenize(NULL, "a", 1, 0), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_tokenize(doc, NULL, 5, 0), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_tokenize(doc, "a", 1, 1u << 30), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_tokenize(doc, "a", SIZE_MAX, 0), VNSEG_E_TOO_LARGE);
    assert_int_equal(vnseg_tokenize(doc, "a", (size_t)PTRDIFF_MAX + 1, 0), VNSEG_E_TOO_LARGE);
    assert_int_equal(vnseg_error_last()->status, VNSEG_E_TOO_LARGE);
    assert_int_equal(vnseg_doc_token_count(NULL), 0);
    assert_null(vnseg_doc_tokens(NULL));
    assert_int_equal(vnseg_doc_sentence_count(NULL), 0);
}

static void test_very_long_token_is_split(void **state)
{
    vnseg_doc *doc = *state;
    size_t n = 3 * VNSEG_TOKEN_MAX_BYTES + 100;
    char *text = malloc(n);
    assert_non_null(text);
    /* "ệ" is 3 bytes: cuts must fall on character boundaries. */
    for (size_t i = 0; i + 3 <= n; i += 3)
        memcpy(text + i, "\xE1\xBB\x87", 3);
    n -= n % 3;
    tu_tokenize_n(doc, text, n, 0);
    size_t count = vnseg_doc_token_count(doc);
    assert_true(count >= 3);
    uint64_t next = 0;
    for (size_t i = 0; i < count; i++) {
        const vnseg_token *t = tu_tok(doc, i);
        assert_int_equal(t->offset, next);
        assert_true(t->length <= VNSEG_TOKEN_MAX_BYTES);
        assert_int_equal(t->length % 3, 0);
        assert_int_equal(!!(t->flags & VNSEG_TF_SPLIT), i + 1 < count);
        next += t->length;
    }
    assert_int_equal(next, n);
    free(text);
}

static void test_runs_of_punctuation(void **state)
{
    vnseg_doc *doc = *state;
    size_t n = 1000000;
    char *text = malloc(n);
    assert_non_null(text);
    memset(text, '_', n);
    tu_tokenize_n(doc, text, n, 0);
    assert_int_equal(vnseg_doc_token_count(doc), 1);
    assert_int_equal(tu_tok(doc, 0)->kind, VNSEG_KIND_PUNCT);
    for (size_t i = 0; i < n; i++)
        text[i] = i % 2 ? ' ' : '(';
    tu_tokenize_n(doc, text, n, 0);
    assert_int_equal(vnseg_doc_token_count(doc), n / 2);
    assert_true(tu_tok(doc, 0)->flags & VNSEG_TF_UNPAIRED);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TU_TEST(test_invalid_utf8_classes),
        TU_TEST(test_lenient_repair_keeps_token),
        TU_TEST(test_nfd_same_as_nfc),
        TU_TEST(test_unicode_spaces_separate),
        TU_TEST(test_line_breaks),
        TU_TEST(test_zero_width_and_bom),
        TU_TEST(test_empty_input),
        TU_TEST(test_bad_arguments),
        TU_TEST(test_very_long_token_is_split),
        TU_TEST(test_runs_of_punctuation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
