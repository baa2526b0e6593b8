/* The binding helpers: struct sizes, token offsets in code points and UTF-16 units, and offset
 * conversion (ill-formed UTF-8 counted as one U+FFFD per maximal subpart, as decoders do). */
#include "testutil.h"

static void test_struct_sizes(void **state)
{
    (void)state;
    assert_int_equal(vnseg_struct_size(VNSEG_STRUCT_TOKEN), 24);
    assert_int_equal(vnseg_struct_size(VNSEG_STRUCT_SENTENCE), 40);
    assert_int_equal(vnseg_struct_size(VNSEG_STRUCT_SPAN), 16);
    assert_int_equal(vnseg_struct_size(VNSEG_STRUCT_ERROR), sizeof(vnseg_error));
    assert_int_equal(vnseg_struct_size(VNSEG_STRUCT_ALLOCATOR), sizeof(vnseg_allocator));
    assert_int_equal(vnseg_struct_size(VNSEG_STRUCT_LINE), sizeof(vnseg_line));
    assert_int_equal(vnseg_struct_size(VNSEG_STRUCT_SYLLABLE), sizeof(vnseg_syllable));
    assert_int_equal(vnseg_struct_size(VNSEG_STRUCT_SYLLABLE_PART), 8);
    assert_int_equal(vnseg_struct_size(VNSEG_STRUCT_GAZ_ENTRY), sizeof(vnseg_gaz_entry));
    assert_int_equal(vnseg_struct_size(VNSEG_STRUCT_MENTION), 48);
    assert_int_equal(vnseg_struct_size(VNSEG_STRUCT_MODEL_INFO), 48);
    assert_int_equal(vnseg_struct_size(VNSEG_STRUCT_TRAIN_OPTIONS), 24);
    assert_int_equal(vnseg_struct_size(0), 0);
    assert_int_equal(vnseg_struct_size(1000), 0);
}

/* Tokens of `text` in `unit`, compared with `want` (2 values a token). */
static void check_offsets(vnseg_doc *doc, int unit, const uint64_t *want, size_t n)
{
    size_t len = 99;
    assert_int_equal(vnseg_doc_token_offsets(doc, unit, NULL, 0, &len), VNSEG_OK);
    assert_int_equal(len, n);
    uint64_t out[32];
    assert_true(n <= 32);
    if (n > 0)
        assert_int_equal(vnseg_doc_token_offsets(doc, unit, out, n - 1, &len), VNSEG_E_BUFFER);
    assert_int_equal(len, n);
    assert_int_equal(vnseg_doc_token_offsets(doc, unit, out, 32, &len), VNSEG_OK);
    assert_int_equal(len, n);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(out[i], want[i]);
}

/* NFC, NFD, emoji and a letter above U+FFFF: "Tổng_thống 😀 é 𝔸_x ." */
static const char astral[] = "T\xe1\xbb\x95ng_th\xe1\xbb\x91ng \xf0\x9f\x98\x80 e\xcc\x81 "
                             "\xf0\x9d\x94\xb8_x .";

static void test_token_offsets(void **state)
{
    (void)state;
    vnseg_doc *doc = vnseg_doc_new();
    tu_tokenize(doc, astral, 0);
    const uint64_t bytes[] = {0, 14, 15, 19, 20, 23, 24, 30, 31, 32};
    const uint64_t cps[] = {0, 10, 11, 12, 13, 15, 16, 19, 20, 21};
    const uint64_t u16[] = {0, 10, 11, 13, 14, 16, 17, 21, 22, 23};
    check_offsets(doc, VNSEG_UNIT_BYTE, bytes, 10);
    check_offsets(doc, VNSEG_UNIT_CODEPOINT, cps, 10);
    check_offsets(doc, VNSEG_UNIT_UTF16, u16, 10);
    tu_tokenize(doc, "", 0);
    check_offsets(doc, VNSEG_UNIT_CODEPOINT, NULL, 0);
    size_t len;
    uint64_t out[2];
    assert_int_equal(vnseg_doc_token_offsets(doc, 3, out, 2, &len), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_doc_token_offsets(NULL, 0, out, 2, &len), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_doc_token_offsets(doc, 0, NULL, 2, &len), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_doc_token_offsets(doc, 0, out, 2, NULL), VNSEG_E_INVALID_ARG);
    vnseg_doc_free(doc);
}

/* Lenient mode: each maximal ill-formed subpart is one U+FFFD (one unit in both systems), as
 * Python's errors="replace" reads "a\xe2\x82 b\x80\x80c \xf0\x9f\x98 d" to "a? b??c ? d". */
static void test_token_offsets_ill_formed(void **state)
{
    (void)state;
    vnseg_doc *doc = vnseg_doc_new();
    tu_tokenize(doc,
                "a\xe2\x82 b\x80\x80"
                "c \xf0\x9f\x98 d",
                VNSEG_OPT_LENIENT);
    const uint64_t bytes[] = {0, 3, 4, 8, 9, 12, 13, 14};
    const uint64_t units[] = {0, 2, 3, 7, 8, 9, 10, 11};
    check_offsets(doc, VNSEG_UNIT_BYTE, bytes, 8);
    check_offsets(doc, VNSEG_UNIT_CODEPOINT, units, 8);
    check_offsets(doc, VNSEG_UNIT_UTF16, units, 8);
    vnseg_doc_free(doc);
}

static void test_convert(void **state)
{
    (void)state;
    size_t n = sizeof astral - 1;
    /* bytes -> code points, with offsets inside characters rounded down, in any order */
    uint64_t off[] = {0, 2, 14, 16, 32, 15, 0, 21};
    const uint64_t cp[] = {0, 1, 10, 11, 21, 11, 0, 14};
    assert_int_equal(
        vnseg_offsets_convert(astral, n, VNSEG_UNIT_BYTE, VNSEG_UNIT_CODEPOINT, off, 8), VNSEG_OK);
    for (size_t i = 0; i < 8; i++)
        assert_int_equal(off[i], cp[i]);
    /* UTF-16 -> bytes: 12 lies between the halves of the emoji's surrogate pair */
    uint64_t u[] = {11, 12, 13, 23};
    const uint64_t b[] = {15, 15, 19, 32};
    assert_int_equal(vnseg_offsets_convert(astral, n, VNSEG_UNIT_UTF16, VNSEG_UNIT_BYTE, u, 4),
                     VNSEG_OK);
    for (size_t i = 0; i < 4; i++)
        assert_int_equal(u[i], b[i]);
    /* code points -> UTF-16 and back */
    uint64_t c[] = {12, 16, 21};
    assert_int_equal(vnseg_offsets_convert(astral, n, VNSEG_UNIT_CODEPOINT, VNSEG_UNIT_UTF16, c, 3),
                     VNSEG_OK);
    assert_int_equal(c[0], 13);
    assert_int_equal(c[1], 17);
    assert_int_equal(c[2], 23);
    assert_int_equal(vnseg_offsets_convert(astral, n, VNSEG_UNIT_UTF16, VNSEG_UNIT_CODEPOINT, c, 3),
                     VNSEG_OK);
    assert_int_equal(c[0], 12);
    assert_int_equal(c[2], 21);
    /* ill-formed bytes: "\xe0\x80" is two subparts, "\xe2\x82" one */
    const char bad[] = "\xe0\x80x\xe2\x82y";
    uint64_t d[] = {1, 2, 3, 4, 5, 6, 7};
    const uint64_t dc[] = {1, 2, 3, 3, 4, 5, 5};
    assert_int_equal(vnseg_offsets_convert(bad, 7, 0, 1, d, 6), VNSEG_OK);
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(d[i], dc[i]);
    assert_int_equal(d[6], 7);
    /* past the end */
    uint64_t e[] = {3, 33, 4};
    assert_int_equal(vnseg_offsets_convert(astral, n, 0, 1, e, 3), VNSEG_E_INVALID_ARG);
    assert_non_null(strstr(vnseg_error_last()->message, "offset 1"));
    assert_int_equal(e[0], 1); /* inside "ổ" */
    assert_int_equal(e[1], 33);
    assert_int_equal(vnseg_offsets_convert(NULL, 0, 0, 1, NULL, 0), VNSEG_OK);
    assert_int_equal(vnseg_offsets_convert(NULL, 1, 0, 1, e, 1), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_offsets_convert(astral, n, 0, 7, e, 1), VNSEG_E_INVALID_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_struct_sizes),
        cmocka_unit_test(test_token_offsets),
        cmocka_unit_test(test_token_offsets_ill_formed),
        cmocka_unit_test(test_convert),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    free(tu_copy);
    return rc;
}
