/* Shared immutable objects under concurrency: several threads share one gazetteer (built and
 * reopened from its image) and one segmentation model, and tokenize, detokenize, normalize,
 * scan entities, look up names and segment at once, each with its own result objects. Every
 * thread's results must equal the single-threaded ones. Built for ThreadSanitizer by
 * scripts/test.sh (build-tsan), where it must give no report. */
#include <pthread.h>

#include "testutil.h"

#define THREADS 4
#define ROUNDS 6

static const char seg_text[] =
    "Tổng_thống Nga Vladimir_Putin ( phải ) và lãnh_đạo Triều_Tiên Kim_Jong-un tại Vladivostok "
    "hồi tháng 4/2019 . Ảnh : KCNA\n"
    "Ủy_ban nhân_dân thành_phố Đà_Nẵng cho_biết bão Noru đã đi qua , ông Trần_Văn_Minh nói .\n"
    "\" Tại_sao lại không nhỉ ? \" , Bộ_trưởng Quốc_phòng Nga Sergey_Shoigu hỏi tại Hà_Nội .\n";

static const char raw_text[] =
    "Thời tiết hôm nay ở sân bay Tân Sơn Nhất đẹp, ông Nguyễn Văn An nói. Học sinh được nghỉ "
    "học vì mưa bão kéo dài nhiều ngày (3,5%) từ 4/9/2023.\n";

static const char train_text[] =
    "Chính_phủ vừa công_bố kế_hoạch phát_triển kinh_tế trong năm tới .\n"
    "Người_dân thành_phố Đà_Nẵng đi bộ trên bãi_biển vào buổi sáng .\n"
    "Học_sinh được nghỉ học vì mưa_bão kéo_dài nhiều ngày .\n"
    "Ông Nguyễn_Văn_An cho_biết thời_tiết hôm_nay ở sân_bay Tân_Sơn_Nhất đẹp .\n";

static const char own_tsv[] = "Trần Văn Minh\tPER\tp:1\nCảng Tiên Sa\tLOC\nNoru\tMISC\tstorm\n";

/* What one round computes, flattened for comparison. */
typedef struct result {
    size_t tokens, mentions, detok_len, seg_len, norm_len, lookups;
    uint64_t digest;
} result;

static vnseg_gazetteer *gaz;   /* built */
static vnseg_gazetteer *gaz2;  /* opened from gaz's image */
static vnseg_model *model;
static result expected;

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001B3ull;
    return h;
}

static int one_round(const vnseg_gazetteer *g, result *r)
{
    memset(r, 0, sizeof *r);
    uint64_t h = 0xcbf29ce484222325ull;
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_mentions *m = vnseg_mentions_new();
    vnseg_segmenter *seg = NULL;
    if (!doc || !m || vnseg_segmenter_new(model, &seg) != VNSEG_OK)
        return -1;
    if (vnseg_tokenize(doc, seg_text, sizeof seg_text - 1, 0) != VNSEG_OK)
        return -2;
    r->tokens = vnseg_doc_token_count(doc);
    h = mix(h, vnseg_doc_tokens(doc), r->tokens * sizeof(vnseg_token));
    if (vnseg_scan_entities(m, doc, g, 0) != VNSEG_OK)
        return -3;
    r->mentions = vnseg_mentions_count(m);
    h = mix(h, vnseg_mentions_get(m), r->mentions * sizeof(vnseg_mention));
    for (size_t i = 0; i < r->mentions; i++) {
        const char *s;
        size_t n;
        if (vnseg_mention_canonical(m, i, &s, &n) != VNSEG_OK)
            return -4;
        h = mix(h, s, n);
    }
    vnseg_detok *d = NULL;
    if (vnseg_detokenize(doc, 0, &d) != VNSEG_OK)
        return -5;
    const char *dt = vnseg_detok_text(d, &r->detok_len);
    h = mix(h, dt, r->detok_len);
    vnseg_detok_free(d);
    vnseg_norm *nm = NULL;
    if (vnseg_normalize(seg_text, sizeof seg_text - 1, VNSEG_NORM_DEFAULT, &nm) != VNSEG_OK)
        return -6;
    const char *nt = vnseg_norm_text(nm, &r->norm_len);
    h = mix(h, nt, r->norm_len);
    vnseg_norm_free(nm);
    static const char *const names[] = {"Triều Tiên", "Hà_Nội", "HÀ NỘI", "Trần_Văn_Minh",
                                        "Liên Hợp Quốc", "không có"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        size_t first = 0, count = 0;
        vnseg_status st = vnseg_gazetteer_lookup(g, names[i], strlen(names[i]), &first, &count);
        if (st != VNSEG_OK && st != VNSEG_E_NOT_FOUND)
            return -7;
        r->lookups += count;
        h = mix(h, &first, sizeof first);
    }
    if (vnseg_segment(seg, raw_text, sizeof raw_text - 1, 0) != VNSEG_OK)
        return -8;
    const char *st = vnseg_segmenter_text(seg, &r->seg_len);
    h = mix(h, st, r->seg_len);
    const vnseg_doc *words;
    if (vnseg_segmenter_doc(seg, &words) != VNSEG_OK)
        return -9;
    /* The segmenter's words through the scanner too. */
    if (vnseg_scan_entities(m, words, g, 0) != VNSEG_OK)
        return -10;
    h = mix(h, vnseg_mentions_get(m), vnseg_mentions_count(m) * sizeof(vnseg_mention));
    r->digest = h;
    vnseg_segmenter_free(seg);
    vnseg_mentions_free(m);
    vnseg_doc_free(doc);
    return 0;
}

static void *worker(void *arg)
{
    intptr_t id = (intptr_t)arg, bad = 0;
    for (int i = 0; i < ROUNDS; i++) {
        result r;
        /* Half the threads use the built gazetteer, half the reopened image. */
        int rc = one_round((id + i) & 1 ? gaz2 : gaz, &r);
        if (rc != 0 || memcmp(&r, &expected, sizeof r) != 0)
            bad++;
    }
    return (void *)bad;
}

static int setup(void **state)
{
    (void)state;
    vnseg_gazetteer_builder *b = NULL;
    if (vnseg_gazetteer_builder_new(0, &b) != VNSEG_OK ||
        vnseg_gazetteer_builder_add_defaults(b, VNSEG_GAZ_DEFAULT_ALL) != VNSEG_OK ||
        vnseg_gazetteer_builder_add_tsv(b, own_tsv, sizeof own_tsv - 1) != VNSEG_OK ||
        vnseg_gazetteer_builder_build(b, &gaz) != VNSEG_OK)
        return -1;
    vnseg_gazetteer_builder_free(b);
    size_t len;
    const void *img = vnseg_gazetteer_data(gaz, &len);
    if (vnseg_gazetteer_open_memory(img, len, VNSEG_GAZ_OPEN_VERIFY, &gaz2) != VNSEG_OK)
        return -1;
    return tu_train_model(train_text, sizeof train_text - 1, 2, &model) == VNSEG_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    vnseg_gazetteer_free(gaz2);
    vnseg_gazetteer_free(gaz);
    vnseg_model_free(model);
    return 0;
}

static void test_threads_agree(void **state)
{
    (void)state;
    /* The single-threaded reference; both gazetteers give it. */
    assert_int_equal(one_round(gaz, &expected), 0);
    result other;
    assert_int_equal(one_round(gaz2, &other), 0);
    assert_memory_equal(&other, &expected, sizeof other);
    assert_true(expected.mentions >= 5 && expected.lookups >= 3 && expected.seg_len > 0);
    pthread_t th[THREADS];
    for (intptr_t i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&th[i], NULL, worker, (void *)i), 0);
    for (int i = 0; i < THREADS; i++) {
        void *bad;
        assert_int_equal(pthread_join(th[i], &bad), 0);
        assert_int_equal((intptr_t)bad, 0);
    }
}

/* The first use of the library's lazily built tables from several threads at once (no warm-up
 * in this process before the threads start). */
static void *cold_worker(void *arg)
{
    (void)arg;
    vnseg_doc *doc = vnseg_doc_new();
    intptr_t bad = !doc || vnseg_tokenize(doc, raw_text, sizeof raw_text - 1, 0) != VNSEG_OK ||
                   vnseg_tokenize_raw(doc, raw_text, sizeof raw_text - 1, 0) != VNSEG_OK;
    vnseg_doc_free(doc);
    return (void *)bad;
}

static void test_cold_start(void **state)
{
    (void)state;
    pthread_t th[THREADS];
    for (intptr_t i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&th[i], NULL, cold_worker, NULL), 0);
    for (int i = 0; i < THREADS; i++) {
        void *bad;
        assert_int_equal(pthread_join(th[i], &bad), 0);
        assert_int_equal((intptr_t)bad, 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cold_start),
        cmocka_unit_test_setup_teardown(test_threads_agree, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
