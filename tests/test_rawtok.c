/* The raw-text tokenizer: which characters split and which stay inside tokens, kinds, and the
 * spacing recorded in VNSEG_TF_SPACE_AFTER. */
#include "testutil.h"

/* Tokenize raw text (exact-size copy) and return tokens joined by '|'. */
static const char *raw(vnseg_doc *doc, const char *text)
{
    free(tu_copy);
    size_t len = strlen(text);
    tu_copy = malloc(len ? len : 1);
    assert_non_null(tu_copy);
    memcpy(tu_copy, text, len);
    if (vnseg_tokenize_raw(doc, tu_copy, len, 0) != VNSEG_OK)
        fail_msg("vnseg_tokenize_raw failed: %s", vnseg_error_last()->message);
    return tu_joined(doc);
}

static int raw_kind(vnseg_doc *doc, const char *text, size_t i)
{
    raw(doc, text);
    return tu_tok(doc, i)->kind;
}

static void test_syllables_and_punctuation(void **state)
{
    vnseg_doc *doc = *state;
    assert_string_equal(raw(doc, "Tôi đi học."), "Tôi|đi|học|.");
    assert_string_equal(raw(doc, "nói: \"Vâng!\" (thật)"), "nói|:|\"|Vâng|!|\"|(|thật|)");
    assert_string_equal(raw(doc, "vậy...nhưng"), "vậy|...|nhưng");
    assert_string_equal(raw(doc, "Sao?! Thế…"), "Sao|?!|Thế|…");
    assert_string_equal(raw(doc, "a,b;c"), "a|,|b|;|c");
    assert_string_equal(raw(doc, "ông/bà"), "ông|/|bà");
    assert_string_equal(raw(doc, "-- Tôi --------"), "--|Tôi|--------");
    assert_string_equal(raw(doc, "«Chào»"), "«|Chào|»");
    assert_string_equal(raw(doc, ""), "");
    assert_string_equal(raw(doc, "  \t\n "), "");
}

static void test_numbers(void **state)
{
    vnseg_doc *doc = *state;
    assert_string_equal(raw(doc, "1.000.000 đồng"), "1.000.000|đồng");
    assert_int_equal(raw_kind(doc, "1.000.000", 0), VNSEG_KIND_NUMBER);
    assert_string_equal(raw(doc, "tăng 3,5%, giảm -2,5%."), "tăng|3,5%|,|giảm|-2,5%|.");
    assert_int_equal(raw_kind(doc, "-2,5%", 0), VNSEG_KIND_NUMBER);
    assert_int_equal(raw_kind(doc, "3,5", 0), VNSEG_KIND_NUMBER);
    assert_string_equal(raw(doc, "($100) +84 100.000đ"), "(|$100|)|+84|100.000đ");
    assert_string_equal(raw(doc, "từ 16-17 giờ"), "từ|16-17|giờ");
    assert_string_equal(raw(doc, "1.500–2.000"), "1.500–2.000");
    assert_string_equal(raw(doc, "năm 2019."), "năm|2019|.");
}

static void test_dates_and_times(void **state)
{
    vnseg_doc *doc = *state;
    assert_string_equal(raw(doc, "ngày 14/8/2023, lúc 10h30"), "ngày|14/8/2023|,|lúc|10h30");
    assert_int_equal(raw_kind(doc, "14/8/2023", 0), VNSEG_KIND_DATETIME);
    assert_int_equal(raw_kind(doc, "10h30", 0), VNSEG_KIND_DATETIME);
    assert_int_equal(raw_kind(doc, "2023-08-14", 0), VNSEG_KIND_DATETIME);
    assert_string_equal(raw(doc, "(10:30)"), "(|10:30|)");
    assert_int_equal(raw_kind(doc, "10:30", 0), VNSEG_KIND_DATETIME);
    assert_string_equal(raw(doc, "hôm 4/9:"), "hôm|4/9|:");
}

static void test_links(void **state)
{
    vnseg_doc *doc = *state;
    assert_string_equal(raw(doc, "xem https://vnexpress.net/a-b.html, rồi"),
                        "xem|https://vnexpress.net/a-b.html|,|rồi");
    assert_int_equal(raw_kind(doc, "https://vnexpress.net/a-b.html", 0), VNSEG_KIND_URL);
    assert_string_equal(raw(doc, "(www.example.vn)."), "(|www.example.vn|)|.");
    assert_string_equal(raw(doc, "viết cho ten.ho@example.com."), "viết|cho|ten.ho@example.com|.");
    assert_int_equal(raw_kind(doc, "ten.ho@example.com", 0), VNSEG_KIND_EMAIL);
    assert_string_equal(raw(doc, "email:ten@example.com"), "email|:|ten@example.com");
    assert_string_equal(raw(doc, "https://vi.wikipedia.org/wiki/A_(B)"),
                        "https://vi.wikipedia.org/wiki/A_(B)");
}

static void test_abbreviations(void **state)
{
    vnseg_doc *doc = *state;
    assert_string_equal(raw(doc, "ở TP.HCM, U.S. và v.v."), "ở|TP.HCM|,|U.S.|và|v.v.");
    assert_string_equal(raw(doc, "TP. HCM"), "TP.|HCM");
    assert_string_equal(raw(doc, "ở HCM."), "ở|HCM|.");
    assert_string_equal(raw(doc, "GS.TS Nguyễn"), "GS.TS|Nguyễn");
    assert_string_equal(raw(doc, "J.Mitchell và Mr. Smith"), "J.Mitchell|và|Mr.|Smith");
    assert_string_equal(raw(doc, "v.v..."), "v.v|...");
    assert_string_equal(raw(doc, "nói.Tôi"), "nói|.|Tôi");
    assert_true(tu_tok(doc, 0)->flags & VNSEG_TF_CAPITALIZED ? 0 : 1);
    raw(doc, "U.S.");
    assert_true(tu_tok(doc, 0)->flags & VNSEG_TF_ABBREV);
}

static void test_hyphens_apostrophes_underscores(void **state)
{
    vnseg_doc *doc = *state;
    assert_string_equal(raw(doc, "Kim Jong-un, F-16"), "Kim|Jong-un|,|F-16");
    assert_string_equal(raw(doc, "H'Mông Tr’hy"), "H'Mông|Tr’hy");
    assert_string_equal(raw(doc, "'Chào'"), "'|Chào|'");
    assert_string_equal(raw(doc, "R&D và A & B"), "R&D|và|A|&|B");
    assert_string_equal(raw(doc, "a_b tbl_2 x__y _z"), "a|_|b|tbl_2|x__y|_|z");
    assert_string_equal(raw(doc, "Hà Nội - Hải Phòng"), "Hà|Nội|-|Hải|Phòng");
}

static void test_space_after(void **state)
{
    vnseg_doc *doc = *state;
    raw(doc, "Tôi nói, \"đi\".\nXong");
    /* Tôi nói , " đi " . Xong */
    const uint32_t S = VNSEG_TF_SPACE_AFTER;
    const uint32_t expect[] = {S, 0, S, 0, 0, 0, S | VNSEG_TF_LINE_END, 0};
    assert_int_equal(vnseg_doc_token_count(doc), 8);
    for (size_t i = 0; i < 8; i++)
        assert_int_equal(tu_tok(doc, i)->flags & (S | VNSEG_TF_LINE_END), expect[i]);
    assert_int_equal(vnseg_doc_line_count(doc), 2);
    assert_int_equal(vnseg_doc_sentence_count(doc), 2);
}

static void test_every_byte_in_one_token_or_separator(void **state)
{
    vnseg_doc *doc = *state;
    const char *text = "Ông Kim Jong-un nói: \"Tôi ở TP.HCM, U.S. và v.v...\" (giá 1.000.000 "
                       "đồng,tăng 3,5%) https://a.vn/x.html,ten@b.com. :)) a_b\xC2\xA0z";
    raw(doc, text);
    size_t len = strlen(text), pos = 0;
    for (size_t i = 0; i < vnseg_doc_token_count(doc); i++) {
        const vnseg_token *t = tu_tok(doc, i);
        assert_true(t->offset >= pos);
        for (size_t k = pos; k < t->offset; k++)
            assert_true(text[k] == ' ' || (unsigned char)text[k] >= 0x80);
        assert_true(t->length > 0);
        assert_int_equal(t->syllables, 1);
        bool gap = i + 1 < vnseg_doc_token_count(doc) &&
                   tu_tok(doc, i + 1)->offset > t->offset + t->length;
        if (i + 1 < vnseg_doc_token_count(doc))
            assert_int_equal(!!(t->flags & VNSEG_TF_SPACE_AFTER), gap);
        pos = t->offset + t->length;
    }
    assert_int_equal(pos, len);
}

static void test_nfd_and_invalid(void **state)
{
    vnseg_doc *doc = *state;
    /* NFD: combining marks stay in their syllable. */
    assert_string_equal(raw(doc, "Vie\xCC\xA3\xCC\x82t Nam."), "Vie\xCC\xA3\xCC\x82t|Nam|.");
    assert_true(tu_tok(doc, 0)->flags & VNSEG_TF_NOT_NFC);
    assert_int_equal(vnseg_tokenize_raw(doc, "ab \xFF", 4, 0), VNSEG_E_INVALID_UTF8);
    assert_int_equal(vnseg_error_last()->offset, 3);
    assert_int_equal(vnseg_doc_token_count(doc), 0);
    assert_int_equal(vnseg_tokenize_raw(doc, "ab \xFF,", 5, VNSEG_OPT_LENIENT), VNSEG_OK);
    assert_int_equal(vnseg_doc_token_count(doc), 3);
    assert_true(tu_tok(doc, 1)->flags & VNSEG_TF_REPAIRED);
    assert_int_equal(vnseg_tokenize_raw(doc, "a", 1, VNSEG_OPT_ESCAPES), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_tokenize_raw(NULL, "a", 1, 0), VNSEG_E_INVALID_ARG);
}

static void test_long_runs(void **state)
{
    vnseg_doc *doc = *state;
    size_t n = 5000;
    char *text = malloc(n);
    assert_non_null(text);
    for (size_t i = 0; i < n; i++)
        text[i] = i % 2 ? ',' : 'a';
    assert_int_equal(vnseg_tokenize_raw(doc, text, n, 0), VNSEG_OK);
    assert_int_equal(vnseg_doc_token_count(doc), 1); /* too long for the rules: kept whole */
    memset(text, ',', 300);
    assert_int_equal(vnseg_tokenize_raw(doc, text, 300, 0), VNSEG_OK);
    assert_int_equal(vnseg_doc_token_count(doc), 300);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TU_TEST(test_syllables_and_punctuation),
        TU_TEST(test_numbers),
        TU_TEST(test_dates_and_times),
        TU_TEST(test_links),
        TU_TEST(test_abbreviations),
        TU_TEST(test_hyphens_apostrophes_underscores),
        TU_TEST(test_space_after),
        TU_TEST(test_every_byte_in_one_token_or_separator),
        TU_TEST(test_nfd_and_invalid),
        TU_TEST(test_long_runs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
