/* Token kinds and flags of the tokenizer, on tokens and sentences written for these tests. */
#include "testutil.h"

static void test_words(void **state)
{
    vnseg_doc *doc = *state;
    tu_tokenize(doc, "Tổng_thống Nga Vladimir_Putin và lãnh_đạo Kim_Jong-un", 0);
    assert_string_equal(tu_joined(doc), "Tổng_thống|Nga|Vladimir_Putin|và|lãnh_đạo|Kim_Jong-un");
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(tu_tok(doc, i)->kind, VNSEG_KIND_WORD);
    assert_int_equal(tu_tok(doc, 0)->syllables, 2);
    assert_int_equal(tu_tok(doc, 1)->syllables, 1);
    assert_int_equal(tu_tok(doc, 5)->syllables, 2);
    assert_int_equal(tu_kind_of(doc, "F-16"), VNSEG_KIND_WORD);
    assert_int_equal(tu_kind_of(doc, "COVID-19"), VNSEG_KIND_WORD);
    assert_int_equal(tu_kind_of(doc, "10km"), VNSEG_KIND_WORD);
}

static void test_offsets_point_into_input(void **state)
{
    vnseg_doc *doc = *state;
    const char *text = "  Hà_Nội ,\tđẹp  ";
    tu_tokenize(doc, text, 0);
    assert_int_equal(vnseg_doc_token_count(doc), 3);
    assert_int_equal(tu_tok(doc, 0)->offset, 2);
    assert_int_equal(tu_tok(doc, 0)->length, strlen("Hà_Nội"));
    assert_int_equal(tu_tok(doc, 1)->offset, 2 + strlen("Hà_Nội") + 1);
    assert_int_equal(tu_tok(doc, 2)->offset, strlen("  Hà_Nội ,\t"));
    size_t len;
    const char *p = vnseg_doc_text(doc, &len);
    assert_int_equal(len, strlen(text));
    assert_memory_equal(p + tu_tok(doc, 2)->offset, "đẹp", strlen("đẹp"));
}

static void test_numbers(void **state)
{
    vnseg_doc *doc = *state;
    const char *numbers[] = {"12",  "1.000", "1.000.000", "3,5",    "50%",   "2,4%", "-2,5",
                             "+3",  "−7",    "100.000đ",  "5.000₫", "$5",    "€20",  "16-17",
                             "3-0", "0,5‰",  "2019.",     "19/20",  "25:61", "4.9",  "1:1"};
    for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++) {
        if (tu_kind_of(doc, numbers[i]) != VNSEG_KIND_NUMBER)
            fail_msg("%s: kind %s, not number", numbers[i], vnseg_kind_name(tu_tok(doc, 0)->kind));
        assert_true(tu_tok(doc, 0)->flags & VNSEG_TF_HAS_DIGIT);
    }
}

static void test_dates_and_times(void **state)
{
    vnseg_doc *doc = *state;
    const char *dates[] = {"4/9",   "4/2019",     "14/8/2023", "1/8/14", "14-8-2023",
                           "14.8.2023", "2023-08-14", "10h30", "10h",    "10g30",
                           "10:30", "23:59:59",   "7h30'"};
    for (size_t i = 0; i < sizeof dates / sizeof *dates; i++)
        if (tu_kind_of(doc, dates[i]) != VNSEG_KIND_DATETIME)
            fail_msg("%s: kind %s, not datetime", dates[i], vnseg_kind_name(tu_tok(doc, 0)->kind));
    /* Not dates: month 13, day 32, minutes 60, hours 25. */
    const char *not_dates[] = {"32/1", "4/13", "10h60", "25h", "10:60"};
    for (size_t i = 0; i < sizeof not_dates / sizeof *not_dates; i++)
        if (tu_kind_of(doc, not_dates[i]) == VNSEG_KIND_DATETIME)
            fail_msg("%s: should not be a date or time", not_dates[i]);
}

static void test_punctuation(void **state)
{
    vnseg_doc *doc = *state;
    struct {
        const char *tok;
        int kind;
    } cases[] = {
        {"(", VNSEG_KIND_PUNCT_OPEN},   {"[", VNSEG_KIND_PUNCT_OPEN},
        {"{", VNSEG_KIND_PUNCT_OPEN},   {"“", VNSEG_KIND_PUNCT_OPEN},
        {"‘", VNSEG_KIND_PUNCT_OPEN},   {"«", VNSEG_KIND_PUNCT_OPEN},
        {"„", VNSEG_KIND_PUNCT_OPEN},   {")", VNSEG_KIND_PUNCT_CLOSE},
        {"]", VNSEG_KIND_PUNCT_CLOSE},  {"}", VNSEG_KIND_PUNCT_CLOSE},
        {"”", VNSEG_KIND_PUNCT_CLOSE},  {"’", VNSEG_KIND_PUNCT_CLOSE},
        {"»", VNSEG_KIND_PUNCT_CLOSE},  {".", VNSEG_KIND_PUNCT_FINAL},
        {"?", VNSEG_KIND_PUNCT_FINAL},  {"!", VNSEG_KIND_PUNCT_FINAL},
        {"…", VNSEG_KIND_PUNCT_FINAL},  {"...", VNSEG_KIND_PUNCT_FINAL},
        {"?!", VNSEG_KIND_PUNCT_FINAL}, {"-", VNSEG_KIND_PUNCT_DASH},
        {"–", VNSEG_KIND_PUNCT_DASH},   {"—", VNSEG_KIND_PUNCT_DASH},
        {"--", VNSEG_KIND_PUNCT_DASH},  {",", VNSEG_KIND_PUNCT},
        {";", VNSEG_KIND_PUNCT},        {":", VNSEG_KIND_PUNCT},
        {"/", VNSEG_KIND_PUNCT},        {"·", VNSEG_KIND_PUNCT},
        {"&", VNSEG_KIND_SYMBOL},       {"+", VNSEG_KIND_SYMBOL},
        {"=", VNSEG_KIND_SYMBOL},       {"$", VNSEG_KIND_SYMBOL},
        {"%", VNSEG_KIND_SYMBOL},       {"₫", VNSEG_KIND_SYMBOL},
        {"©", VNSEG_KIND_SYMBOL},       {"😀", VNSEG_KIND_SYMBOL},
        {"❤️", VNSEG_KIND_SYMBOL},      {":))", VNSEG_KIND_SYMBOL},
        {":-)", VNSEG_KIND_SYMBOL},     {"=))", VNSEG_KIND_SYMBOL},
        {":D", VNSEG_KIND_SYMBOL},      {":v", VNSEG_KIND_SYMBOL},
        {"^^", VNSEG_KIND_SYMBOL},      {"<3", VNSEG_KIND_SYMBOL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        if (tu_kind_of(doc, cases[i].tok) != cases[i].kind)
            fail_msg("%s: kind %s, expected %s", cases[i].tok,
                     vnseg_kind_name(tu_tok(doc, 0)->kind), vnseg_kind_name(cases[i].kind));
    assert_true(tu_flags_of(doc, "“", 0) & VNSEG_TF_QUOTE);
    assert_true(tu_flags_of(doc, "«", 0) & VNSEG_TF_QUOTE);
    assert_false(tu_flags_of(doc, "(", 0) & VNSEG_TF_QUOTE);
}

static void test_straight_quotes_paired(void **state)
{
    vnseg_doc *doc = *state;
    tu_tokenize(doc, "Ông nói : \" Tại_sao lại không ? \" , rồi đi .", 0);
    assert_int_equal(tu_tok(doc, 3)->kind, VNSEG_KIND_PUNCT_OPEN);
    assert_int_equal(tu_tok(doc, 8)->kind, VNSEG_KIND_PUNCT_CLOSE);
    assert_true(tu_tok(doc, 3)->flags & VNSEG_TF_QUOTE);
    assert_false(tu_tok(doc, 3)->flags & VNSEG_TF_UNPAIRED);
    assert_false(tu_tok(doc, 8)->flags & VNSEG_TF_UNPAIRED);
    /* Two quoted phrases on one line. */
    tu_tokenize(doc, "\" A \" và \" B \"", 0);
    assert_int_equal(tu_tok(doc, 0)->kind, VNSEG_KIND_PUNCT_OPEN);
    assert_int_equal(tu_tok(doc, 2)->kind, VNSEG_KIND_PUNCT_CLOSE);
    assert_int_equal(tu_tok(doc, 4)->kind, VNSEG_KIND_PUNCT_OPEN);
    assert_int_equal(tu_tok(doc, 6)->kind, VNSEG_KIND_PUNCT_CLOSE);
    /* An odd count: the context decides, the leftover is flagged. */
    tu_tokenize(doc, "Họ gọi đó là tin giả \" .", 0);
    assert_int_equal(tu_tok(doc, 6)->kind, VNSEG_KIND_PUNCT_CLOSE);
    assert_true(tu_tok(doc, 6)->flags & VNSEG_TF_UNPAIRED);
    tu_tokenize(doc, "\" Không", 0);
    assert_int_equal(tu_tok(doc, 0)->kind, VNSEG_KIND_PUNCT_OPEN);
    assert_true(tu_tok(doc, 0)->flags & VNSEG_TF_UNPAIRED);
}

static void test_brackets_unpaired(void **state)
{
    vnseg_doc *doc = *state;
    tu_tokenize(doc, "( a [ b ] ) c )", 0);
    assert_false(tu_tok(doc, 0)->flags & VNSEG_TF_UNPAIRED);
    assert_false(tu_tok(doc, 2)->flags & VNSEG_TF_UNPAIRED);
    assert_false(tu_tok(doc, 4)->flags & VNSEG_TF_UNPAIRED);
    assert_false(tu_tok(doc, 5)->flags & VNSEG_TF_UNPAIRED);
    assert_true(tu_tok(doc, 7)->flags & VNSEG_TF_UNPAIRED);
    tu_tokenize(doc, "“ trích dẫn ( không đóng", 0);
    assert_true(tu_tok(doc, 0)->flags & VNSEG_TF_UNPAIRED);
    assert_true(tu_tok(doc, 3)->flags & VNSEG_TF_UNPAIRED);
    tu_tokenize(doc, "« Chào » và “ tạm_biệt ”", 0);
    for (size_t i = 0; i < vnseg_doc_token_count(doc); i++)
        assert_false(tu_tok(doc, i)->flags & VNSEG_TF_UNPAIRED);
}

static void test_urls_and_emails(void **state)
{
    vnseg_doc *doc = *state;
    const char *urls[] = {"https://vnexpress.net/the-gioi/a_b-123.html", "http://example.vn",
                          "www.chinhphu.vn", "vnexpress.net/thoi-su", "Tuoitre.vn",
                          "ftp://files.example.org/x", "mailto:ban@example.vn"};
    for (size_t i = 0; i < sizeof urls / sizeof *urls; i++)
        if (tu_kind_of(doc, urls[i]) != VNSEG_KIND_URL)
            fail_msg("%s: kind %s, not url", urls[i], vnseg_kind_name(tu_tok(doc, 0)->kind));
    assert_int_equal(tu_kind_of(doc, "chuyen_vien@benh-vien.org.vn"), VNSEG_KIND_EMAIL);
    assert_true(tu_tok(doc, 0)->flags & VNSEG_TF_LITERAL_UNDERSCORE);
    assert_int_equal(tu_tok(doc, 0)->syllables, 1);
    /* Not links. */
    assert_int_equal(tu_kind_of(doc, "TP.HCM"), VNSEG_KIND_WORD);
    assert_int_equal(tu_kind_of(doc, "v.v."), VNSEG_KIND_WORD);
    assert_int_equal(tu_kind_of(doc, "U.S."), VNSEG_KIND_WORD);
    assert_int_equal(tu_kind_of(doc, "a@b"), VNSEG_KIND_WORD);
}

static void test_case_flags(void **state)
{
    vnseg_doc *doc = *state;
    uint32_t f = tu_flags_of(doc, "Nga", 0);
    assert_true(f & VNSEG_TF_CAPITALIZED);
    assert_true(f & VNSEG_TF_TITLE_CASE);
    assert_false(f & VNSEG_TF_ALL_CAPS);
    f = tu_flags_of(doc, "KCNA", 0);
    assert_true(f & VNSEG_TF_ALL_CAPS);
    assert_true(f & VNSEG_TF_CAPITALIZED);
    f = tu_flags_of(doc, "Lãnh_đạo", 0);
    assert_true(f & VNSEG_TF_CAPITALIZED);
    assert_false(f & VNSEG_TF_TITLE_CASE);
    assert_true(f & VNSEG_TF_MULTI_SYLLABLE);
    f = tu_flags_of(doc, "Triều_Tiên", 0);
    assert_true(f & VNSEG_TF_TITLE_CASE);
    f = tu_flags_of(doc, "ĐỒNG_NAI", 0);
    assert_true(f & VNSEG_TF_ALL_CAPS);
    assert_true(f & VNSEG_TF_TITLE_CASE);
    f = tu_flags_of(doc, "đồng_hồ", 0);
    assert_false(f & (VNSEG_TF_CAPITALIZED | VNSEG_TF_ALL_CAPS | VNSEG_TF_TITLE_CASE));
    f = tu_flags_of(doc, "iPhone", 0);
    assert_false(f & VNSEG_TF_CAPITALIZED);
    assert_false(f & VNSEG_TF_HAS_DIGIT);
    assert_true(tu_flags_of(doc, "H5N1", 0) & VNSEG_TF_HAS_DIGIT);
}

static void test_not_vietnamese(void **state)
{
    vnseg_doc *doc = *state;
    const char *vietnamese[] = {"quốc", "nghiêng", "gì", "Việt_Nam", "Nguyễn", "khuỷu_tay",
                                "Kim", "thuở", "giặc"};
    for (size_t i = 0; i < sizeof vietnamese / sizeof *vietnamese; i++)
        if (tu_flags_of(doc, vietnamese[i], 0) & VNSEG_TF_NOT_VIETNAMESE)
            fail_msg("%s flagged as not Vietnamese", vietnamese[i]);
    const char *foreign[] = {"Jong", "Kirby", "Wagner", "Kim_Jong-un", "KCNA", "John_Kirby",
                             "Vladivostok"};
    for (size_t i = 0; i < sizeof foreign / sizeof *foreign; i++)
        if (!(tu_flags_of(doc, foreign[i], 0) & VNSEG_TF_NOT_VIETNAMESE))
            fail_msg("%s not flagged as foreign", foreign[i]);
    /* Only words are checked. */
    assert_false(tu_flags_of(doc, "2019", 0) & VNSEG_TF_NOT_VIETNAMESE);
}

static void test_abbreviations(void **state)
{
    vnseg_doc *doc = *state;
    const char *abbrevs[] = {"TP.", "v.v.", "U.S.", "Mr.", "GS.", "ThS.", "J.", "Tp."};
    for (size_t i = 0; i < sizeof abbrevs / sizeof *abbrevs; i++)
        if (!(tu_flags_of(doc, abbrevs[i], 0) & VNSEG_TF_ABBREV))
            fail_msg("%s not flagged as an abbreviation", abbrevs[i]);
    uint32_t f = tu_flags_of(doc, "nói.", 0);
    assert_false(f & VNSEG_TF_ABBREV);
    assert_true(f & VNSEG_TF_GLUED_FINAL);
    assert_true(tu_flags_of(doc, "sao?", 0) & VNSEG_TF_GLUED_FINAL);
    assert_true(tu_flags_of(doc, "2019.", 0) & VNSEG_TF_GLUED_FINAL);
    assert_false(tu_flags_of(doc, "TP.", 0) & VNSEG_TF_GLUED_FINAL);
}

static void test_underscores(void **state)
{
    vnseg_doc *doc = *state;
    struct {
        const char *tok;
        uint32_t syllables;
        bool literal;
    } cases[] = {
        {"Tổng_thống", 2, false},  {"Hồ_Chí_Minh", 3, false}, {"BV9992_TS", 1, true},
        {"tbl_2", 1, true},        {"__init__", 1, true},     {"_abc", 1, true},
        {"abc_", 1, true},         {"a__b_c", 1, true},       {"x_1_y", 1, true},
        {"chuyen_vien_ycc", 3, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        tu_tokenize(doc, cases[i].tok, 0);
        const vnseg_token *t = tu_tok(doc, 0);
        if (t->syllables != cases[i].syllables ||
            !!(t->flags & VNSEG_TF_LITERAL_UNDERSCORE) != cases[i].literal)
            fail_msg("%s: %u syllables, literal %d", cases[i].tok, t->syllables,
                     !!(t->flags & VNSEG_TF_LITERAL_UNDERSCORE));
    }
    uint32_t f = tu_flags_of(doc, "___", 0);
    assert_true(f & VNSEG_TF_LITERAL_UNDERSCORE);
    assert_int_equal(tu_tok(doc, 0)->kind, VNSEG_KIND_PUNCT);
}

static void test_escapes(void **state)
{
    vnseg_doc *doc = *state;
    /* Without the option a backslash is just a character. */
    tu_tokenize(doc, "tên\\_biến", 0);
    assert_int_equal(tu_tok(doc, 0)->syllables, 2);
    assert_false(tu_tok(doc, 0)->flags & VNSEG_TF_ESCAPED);
    tu_tokenize(doc, "tên\\_biến của_tôi a\\\\b", VNSEG_OPT_ESCAPES);
    assert_int_equal(tu_tok(doc, 0)->syllables, 1);
    assert_true(tu_tok(doc, 0)->flags & VNSEG_TF_ESCAPED);
    assert_true(tu_tok(doc, 0)->flags & VNSEG_TF_LITERAL_UNDERSCORE);
    assert_int_equal(tu_tok(doc, 1)->syllables, 2);
    char buf[64];
    size_t n;
    assert_int_equal(vnseg_doc_token_form(doc, 0, 0, buf, sizeof buf, &n), VNSEG_OK);
    assert_int_equal(n, strlen("tên_biến"));
    assert_memory_equal(buf, "tên_biến", n);
    assert_int_equal(vnseg_doc_token_form(doc, 2, 0, buf, sizeof buf, &n), VNSEG_OK);
    assert_memory_equal(buf, "a\\b", n);
    /* An escaped underscore next to a separator. */
    tu_tokenize(doc, "my\\_var_x", VNSEG_OPT_ESCAPES);
    assert_int_equal(tu_tok(doc, 0)->syllables, 2);
    assert_int_equal(vnseg_doc_token_form(doc, 0, VNSEG_FORM_SPACES, buf, sizeof buf, &n),
                     VNSEG_OK);
    assert_memory_equal(buf, "my_var x", n);
}

static void test_syllable_iteration(void **state)
{
    vnseg_doc *doc = *state;
    tu_tokenize(doc, "Kim_Jong-un BV9992_TS ( x@y.vn", 0);
    vnseg_span syl;
    size_t pos = 0;
    const char *text = vnseg_doc_text(doc, NULL);
    assert_int_equal(vnseg_doc_next_syllable(doc, 0, &pos, &syl), 1);
    assert_int_equal(syl.offset, 0);
    assert_int_equal(syl.length, 3);
    assert_int_equal(vnseg_doc_next_syllable(doc, 0, &pos, &syl), 1);
    assert_memory_equal(text + syl.offset, "Jong-un", syl.length);
    assert_int_equal(vnseg_doc_next_syllable(doc, 0, &pos, &syl), 0);
    for (size_t i = 1; i < 4; i++) {
        pos = 0;
        assert_int_equal(vnseg_doc_next_syllable(doc, i, &pos, &syl), 1);
        assert_int_equal(syl.offset, tu_tok(doc, i)->offset);
        assert_int_equal(syl.length, tu_tok(doc, i)->length);
        assert_int_equal(vnseg_doc_next_syllable(doc, i, &pos, &syl), 0);
    }
    pos = 0;
    assert_int_equal(vnseg_doc_next_syllable(doc, 99, &pos, &syl), 0);
}

static void test_token_forms(void **state)
{
    vnseg_doc *doc = *state;
    tu_tokenize(doc, "Hồ_Chí_Minh", 0);
    char buf[64];
    size_t n = 0;
    assert_int_equal(vnseg_doc_token_form(doc, 0, VNSEG_FORM_SPACES, NULL, 0, &n),
                     VNSEG_E_BUFFER);
    assert_int_equal(n, strlen("Hồ Chí Minh"));
    assert_int_equal(vnseg_doc_token_form(doc, 0, VNSEG_FORM_SPACES, buf, 4, &n), VNSEG_E_BUFFER);
    assert_int_equal(vnseg_doc_token_form(doc, 0, VNSEG_FORM_SPACES, buf, n, &n), VNSEG_OK);
    assert_memory_equal(buf, "Hồ Chí Minh", n);
    assert_int_equal(vnseg_doc_token_form(doc, 1, 0, buf, sizeof buf, &n), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_doc_token_form(doc, 0, 1u << 9, buf, sizeof buf, &n),
                     VNSEG_E_INVALID_ARG);
    /* Literal underscores stay. */
    tu_tokenize(doc, "BV9992_TS", 0);
    assert_int_equal(vnseg_doc_token_form(doc, 0, VNSEG_FORM_SPACES, buf, sizeof buf, &n),
                     VNSEG_OK);
    assert_memory_equal(buf, "BV9992_TS", n);
}

static void test_positional_flags(void **state)
{
    vnseg_doc *doc = *state;
    tu_tokenize(doc, "Một hai .\nBa", 0);
    assert_true(tu_tok(doc, 0)->flags & VNSEG_TF_SPACE_AFTER);
    assert_true(tu_tok(doc, 0)->flags & VNSEG_TF_SENT_START);
    assert_true(tu_tok(doc, 2)->flags & VNSEG_TF_LINE_END);
    assert_true(tu_tok(doc, 2)->flags & VNSEG_TF_SENT_END);
    assert_true(tu_tok(doc, 2)->flags & VNSEG_TF_SPACE_AFTER);
    assert_false(tu_tok(doc, 1)->flags & VNSEG_TF_LINE_END);
    assert_false(tu_tok(doc, 3)->flags & (VNSEG_TF_SPACE_AFTER | VNSEG_TF_LINE_END));
    assert_true(tu_tok(doc, 3)->flags & (VNSEG_TF_SENT_START | VNSEG_TF_SENT_END));
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(vnseg_kind_name(VNSEG_KIND_WORD), "word");
    assert_string_equal(vnseg_kind_name(VNSEG_KIND_EMAIL), "email");
    assert_string_equal(vnseg_kind_name(99), "?");
    assert_string_equal(vnseg_kind_name(-1), "?");
    assert_string_equal(vnseg_flag_name(VNSEG_TF_CAPITALIZED), "cap");
    assert_string_equal(vnseg_flag_name(VNSEG_TF_GLUED_FINAL), "glued");
    assert_null(vnseg_flag_name(0));
    assert_null(vnseg_flag_name(VNSEG_TF_CAPITALIZED | VNSEG_TF_ALL_CAPS));
    assert_null(vnseg_flag_name(1u << 31));
    for (uint32_t b = 0; b < VNSEG_TF_COUNT; b++)
        assert_non_null(vnseg_flag_name(1u << b));
}

static void test_memo_agrees_with_exact_scan(void **state)
{
    /* The same token seen many times (memo hits) keeps the flags of its first reading, and
     * positional flags follow each occurrence. */
    vnseg_doc *doc = *state;
    char text[4096] = "";
    for (int i = 0; i < 100; i++)
        strcat(text, i % 10 == 9 ? "Hà_Nội .\n" : "Hà_Nội ");
    tu_tokenize(doc, text, 0);
    assert_int_equal(vnseg_doc_token_count(doc), 110);
    uint32_t first = tu_tok(doc, 0)->flags & VNSEG_TF_TITLE_CASE;
    for (size_t i = 0; i < vnseg_doc_token_count(doc); i++) {
        const vnseg_token *t = tu_tok(doc, i);
        if (t->kind == VNSEG_KIND_WORD) {
            assert_int_equal(t->flags & VNSEG_TF_TITLE_CASE, first);
            assert_int_equal(t->syllables, 2);
        }
    }
    /* Escape mode classifies differently: the memo must not leak between modes. */
    tu_tokenize(doc, "a\\_b", 0);
    assert_int_equal(tu_tok(doc, 0)->syllables, 2);
    tu_tokenize(doc, "a\\_b", VNSEG_OPT_ESCAPES);
    assert_int_equal(tu_tok(doc, 0)->syllables, 1);
    tu_tokenize(doc, "a\\_b", 0);
    assert_int_equal(tu_tok(doc, 0)->syllables, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TU_TEST(test_words),
        TU_TEST(test_offsets_point_into_input),
        TU_TEST(test_numbers),
        TU_TEST(test_dates_and_times),
        TU_TEST(test_punctuation),
        TU_TEST(test_straight_quotes_paired),
        TU_TEST(test_brackets_unpaired),
        TU_TEST(test_urls_and_emails),
        TU_TEST(test_case_flags),
        TU_TEST(test_not_vietnamese),
        TU_TEST(test_abbreviations),
        TU_TEST(test_underscores),
        TU_TEST(test_escapes),
        TU_TEST(test_syllable_iteration),
        TU_TEST(test_token_forms),
        TU_TEST(test_positional_flags),
        TU_TEST(test_names),
        TU_TEST(test_memo_agrees_with_exact_scan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
