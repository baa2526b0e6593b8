/* Sentence boundaries: final punctuation, closing marks, abbreviations, numbers, lines, and
 * run-on titles, on sentences written for these tests. */
#include "testutil.h"

static void test_basic_split(void **state)
{
    vnseg_doc *doc = *state;
    tu_tokenize(doc, "Trời mưa . Chúng_tôi ở nhà ! Còn bạn ?", 0);
    assert_string_equal(tu_sentences(doc), "Trời mưa . || Chúng_tôi ở nhà ! || Còn bạn ?");
    const vnseg_sentence *s = vnseg_doc_sentences(doc);
    assert_true(s[0].flags & VNSEG_SF_TERMINATED);
    assert_false(s[0].flags & VNSEG_SF_LINE_END);
    assert_true(s[2].flags & VNSEG_SF_LINE_END);
    assert_int_equal(s[1].first_token, 3);
    assert_int_equal(s[1].token_count, 4);
    assert_int_equal(s[1].offset, tu_tok(doc, 3)->offset);
    assert_int_equal(s[1].length, tu_tok(doc, 6)->offset + 1 - tu_tok(doc, 3)->offset);
}

static void test_closing_marks_stay(void **state)
{
    vnseg_doc *doc = *state;
    tu_tokenize(doc, "Anh nói : \" Đi thôi . \" Rồi họ đi .", 0);
    assert_string_equal(tu_sentences(doc), "Anh nói : \" Đi thôi . \" || Rồi họ đi .");
    tu_tokenize(doc, "( Theo AFP . ) Tin khác .", 0);
    assert_string_equal(tu_sentences(doc), "( Theo AFP . ) || Tin khác .");
    tu_tokenize(doc, "Họ hỏi : “ Vì sao ? ” Không ai trả_lời .", 0);
    assert_string_equal(tu_sentences(doc), "Họ hỏi : “ Vì sao ? ” || Không ai trả_lời .");
    /* A quote that goes on after its question mark stays one sentence. */
    tu_tokenize(doc, "\" Tại_sao lại không ? \" , Interfax dẫn lời ông .", 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 1);
}

static void test_runs_of_final_marks(void **state)
{
    vnseg_doc *doc = *state;
    tu_tokenize(doc, "Thật sao ? ! Ừ ... Được .", 0);
    assert_string_equal(tu_sentences(doc), "Thật sao ? ! || Ừ ... || Được .");
}

static void test_no_split_before_lower_case(void **state)
{
    vnseg_doc *doc = *state;
    tu_tokenize(doc, "Nó chờ ... rồi đi .", 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 1);
    tu_tokenize(doc, "Có gạo , muối , v.v. và nhiều thứ khác .", 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 1);
}

static void test_abbreviations_do_not_split(void **state)
{
    vnseg_doc *doc = *state;
    tu_tokenize(doc, "Ông sống ở TP. HCM từ năm 2010 .", 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 1);
    tu_tokenize(doc, "Ông sống ở TP . HCM từ năm 2010 .", 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 1);
    tu_tokenize(doc, "GS. TS Nguyễn_Văn_A và Mr. Smith đến .", 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 1);
    tu_tokenize(doc, "Nhà_văn J . K . Rowling viết sách .", 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 1);
}

static void test_numbers_do_not_split(void **state)
{
    vnseg_doc *doc = *state;
    tu_tokenize(doc, "Giá tăng 3 . 5 lần .", 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 1);
    tu_tokenize(doc, "Năm 2019 . 50 người đến .", 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 2);
}

static void test_glued_final(void **state)
{
    vnseg_doc *doc = *state;
    tu_tokenize(doc, "Ông ấy nói. Sau đó ông đi.", 0);
    assert_string_equal(tu_sentences(doc), "Ông ấy nói. || Sau đó ông đi.");
    assert_true(vnseg_doc_sentences(doc)[0].flags & VNSEG_SF_TERMINATED);
    tu_tokenize(doc, "Ông ấy nói. sau đó đi", 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 1);
}

static void test_lines_are_paragraphs(void **state)
{
    vnseg_doc *doc = *state;
    tu_tokenize(doc, "Tiêu_đề không dấu chấm\n\nĐoạn một còn tiếp\r\nĐoạn hai .", 0);
    assert_string_equal(tu_sentences(doc),
                        "Tiêu_đề không dấu chấm || Đoạn một còn tiếp || Đoạn hai .");
    const vnseg_sentence *s = vnseg_doc_sentences(doc);
    assert_int_equal(s[0].line, 0);
    assert_int_equal(s[1].line, 2);
    assert_int_equal(s[2].line, 3);
    assert_true(s[0].flags & VNSEG_SF_LINE_END);
    assert_false(s[0].flags & VNSEG_SF_TERMINATED);
    assert_int_equal(vnseg_doc_line_count(doc), 4);
}

static void test_runon_title(void **state)
{
    vnseg_doc *doc = *state;
    const char *article = "Báo Mỹ nói ông Kim sắp gặp ông Putin tại Nga Lãnh_đạo Triều_Tiên "
                          "được cho là sẽ tới Nga . Ảnh : KCNA Tin_tức về chuyến thăm lan "
                          "nhanh .";
    tu_tokenize(doc, article, 0);
    assert_string_equal(tu_sentences(doc),
                        "Báo Mỹ nói ông Kim sắp gặp ông Putin tại Nga || Lãnh_đạo Triều_Tiên "
                        "được cho là sẽ tới Nga . || Ảnh : KCNA || Tin_tức về chuyến thăm lan "
                        "nhanh .");
    const vnseg_sentence *s = vnseg_doc_sentences(doc);
    assert_false(s[0].flags & VNSEG_SF_GUESSED);
    assert_true(s[1].flags & VNSEG_SF_GUESSED);
    assert_false(s[2].flags & VNSEG_SF_GUESSED);
    assert_true(s[3].flags & VNSEG_SF_GUESSED);
    tu_tokenize(doc, article, VNSEG_OPT_NO_RUNON);
    assert_int_equal(vnseg_doc_sentence_count(doc), 2);
}

static void test_runon_not_guessed_inside_names(void **state)
{
    vnseg_doc *doc = *state;
    /* Titles and heads of names (`Hội_đồng`, `Bộ_trưởng`) are followed by capitalized words. */
    tu_tokenize(doc, "Phát_ngôn_viên Hội_đồng An_ninh Quốc_gia Nhà_Trắng nói hôm 30/8 .", 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 1);
    tu_tokenize(doc, "Ông đến gặp Bộ_trưởng Quốc_phòng Nga hôm_qua .", 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 1);
    /* After a function word or an acronym a capitalized word is a name. */
    tu_tokenize(doc, "Ông vào điều_trị tại BV Ung_bướu hôm_qua .", 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 1);
    tu_tokenize(doc, "Tiền nộp ngay vào Kho_bạc Nhà_nước .", 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 1);
    /* Only the first sentence of a line is a title. */
    tu_tokenize(doc, "Hôm_qua có họp . Chi_cục trưởng Chi_cục Thú_y đến dự .", 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 2);
    /* A foreign name glued to a verb does not start a sentence. */
    tu_tokenize(doc, "Phát_ngôn_viên nói rằng ông Kirby_cáo_buộc họ .", 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 1);
}

static void test_every_token_in_one_sentence(void **state)
{
    vnseg_doc *doc = *state;
    tu_tokenize(doc, "A . B ? \" C \" D !\n\nE ( F . ) G", 0);
    const vnseg_sentence *s = vnseg_doc_sentences(doc);
    uint64_t next = 0;
    for (size_t k = 0; k < vnseg_doc_sentence_count(doc); k++) {
        assert_int_equal(s[k].first_token, next);
        assert_true(s[k].token_count >= 1);
        assert_true(tu_tok(doc, (size_t)s[k].first_token)->flags & VNSEG_TF_SENT_START);
        assert_true(tu_tok(doc, (size_t)(s[k].first_token + s[k].token_count - 1))->flags &
                    VNSEG_TF_SENT_END);
        next += s[k].token_count;
    }
    assert_int_equal(next, vnseg_doc_token_count(doc));
}

static void test_long_title_is_linear(void **state)
{
    /* A line of 200,000 words without punctuation: the title rule must not go quadratic. */
    vnseg_doc *doc = *state;
    size_t n = 200000;
    char *text = malloc(n * 4);
    assert_non_null(text);
    for (size_t i = 0; i < n; i++)
        memcpy(text + 4 * i, "ab ", 4);
    tu_tokenize_n(doc, text, n * 4 - 1, 0);
    assert_int_equal(vnseg_doc_sentence_count(doc), 1);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TU_TEST(test_basic_split),
        TU_TEST(test_closing_marks_stay),
        TU_TEST(test_runs_of_final_marks),
        TU_TEST(test_no_split_before_lower_case),
        TU_TEST(test_abbreviations_do_not_split),
        TU_TEST(test_numbers_do_not_split),
        TU_TEST(test_glued_final),
        TU_TEST(test_lines_are_paragraphs),
        TU_TEST(test_runon_title),
        TU_TEST(test_runon_not_guessed_inside_names),
        TU_TEST(test_every_token_in_one_sentence),
        TU_TEST(test_long_title_is_linear),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
