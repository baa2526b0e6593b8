/* The common API: version, status messages, the thread-local last error, and the allocator
 * hook, including a failing allocator at every allocation of a tokenize call. */
#include <pthread.h>

#include "testutil.h"

static void test_version(void **state)
{
    (void)state;
    assert_string_equal(vnseg_version(), VNSEG_VERSION_STRING);
    assert_int_equal(vnseg_version_number(), VNSEG_VERSION_NUMBER);
    assert_int_equal(VNSEG_VERSION_NUMBER >> 16, VNSEG_VERSION_MAJOR);
}

static void test_status_messages(void **state)
{
    (void)state;
    assert_string_equal(vnseg_status_message(VNSEG_OK), "success");
    assert_string_equal(vnseg_status_message(VNSEG_E_INVALID_UTF8), "invalid UTF-8");
    assert_string_equal(vnseg_status_message((vnseg_status)-1000), "unknown status");
    for (int s = 0; s >= VNSEG_E_ENCODING; s--)
        assert_non_null(vnseg_status_message((vnseg_status)s));
}

static void *fail_in_thread(void *arg)
{
    (void)arg;
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_tokenize(doc, "\xFF", 1, 0);
    vnseg_doc_free(doc);
    return (void *)(uintptr_t)vnseg_error_last()->status;
}

static void test_last_error_is_per_thread(void **state)
{
    (void)state;
    vnseg_doc *doc = vnseg_doc_new();
    assert_int_equal(vnseg_tokenize(doc, "a", 1, 1u << 20), VNSEG_E_INVALID_ARG);
    pthread_t th;
    void *other;
    assert_int_equal(pthread_create(&th, NULL, fail_in_thread, NULL), 0);
    assert_int_equal(pthread_join(th, &other), 0);
    assert_int_equal((vnseg_status)(intptr_t)other, VNSEG_E_INVALID_UTF8);
    assert_int_equal(vnseg_error_last()->status, VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_error_last()->offset, VNSEG_NO_OFFSET);
    vnseg_doc_free(doc);
}

static const char sample[] = "Tổng_thống Nga Vladimir_Putin ( phải ) và lãnh_đạo Triều_Tiên "
                             "Kim_Jong-un tại Vladivostok hồi tháng 4/2019 . Ảnh : KCNA\n"
                             "\" Tại_sao lại không nhỉ ? \" , ông nói . Vie\xCC\xA3\xCC\x82t";

static void test_allocator_counts_and_frees(void **state)
{
    (void)state;
    vnseg_allocator a = tu_failing_allocator();
    vnseg_set_allocator(&a);
    tu_live = tu_calls = 0;
    tu_fail_at = -1;
    vnseg_doc *doc = vnseg_doc_new();
    assert_int_equal(vnseg_tokenize(doc, sample, sizeof sample - 1, 0), VNSEG_OK);
    assert_true(tu_live > 0);
    char buf[64];
    size_t n;
    assert_int_equal(vnseg_doc_token_form(doc, vnseg_doc_token_count(doc) - 1, VNSEG_FORM_NFC,
                                          buf, sizeof buf, &n),
                     VNSEG_OK);
    vnseg_doc_free(doc);
    assert_int_equal(tu_live, 0);
    vnseg_set_allocator(NULL);
}

/* Fail every allocation in turn: each call reports VNSEG_E_NOMEM (or succeeds when the
 * failure hits nothing), and nothing leaks. */
static void test_allocation_failures(void **state)
{
    (void)state;
    vnseg_allocator a = tu_failing_allocator();
    vnseg_set_allocator(&a);
    for (tu_fail_at = 0; tu_fail_at < 200; tu_fail_at++) {
        tu_live = tu_calls = 0;
        vnseg_doc *doc = vnseg_doc_new();
        if (!doc) {
            assert_int_equal(tu_live, 0);
            continue;
        }
        vnseg_status st = vnseg_tokenize(doc, sample, sizeof sample - 1, 0);
        assert_true(st == VNSEG_OK || st == VNSEG_E_NOMEM);
        if (st == VNSEG_E_NOMEM) {
            assert_int_equal(vnseg_doc_token_count(doc), 0);
            assert_int_equal(vnseg_error_last()->status, VNSEG_E_NOMEM);
        }
        char buf[64];
        size_t n;
        if (st == VNSEG_OK) {
            st = vnseg_doc_token_form(doc, vnseg_doc_token_count(doc) - 1, VNSEG_FORM_NFC, buf,
                                      sizeof buf, &n);
            assert_true(st == VNSEG_OK || st == VNSEG_E_NOMEM);
        }
        vnseg_doc_free(doc);
        assert_int_equal(tu_live, 0);
        vnseg_reader *r = NULL;
        st = vnseg_reader_new_memory(sample, sizeof sample - 1, 0, &r);
        assert_true(st == VNSEG_OK || st == VNSEG_E_NOMEM);
        vnseg_reader_free(r);
        assert_int_equal(tu_live, 0);
    }
    vnseg_set_allocator(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version),
        cmocka_unit_test(test_status_messages),
        cmocka_unit_test(test_last_error_is_per_thread),
        cmocka_unit_test(test_allocator_counts_and_frees),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
