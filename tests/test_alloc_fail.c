/* Allocation failure: for every public call that allocates, fail its n-th allocation for
 * every n until the call succeeds. Each failing call must return VNSEG_E_NOMEM (with it in
 * vnseg_error_last()), leak nothing (blocks counted through the allocator hook), and leave
 * the objects it was given usable: the same call without failure then gives the result it
 * gives in a fresh process. */
#include "testutil.h"

static const char seg_text[] =
    "Tổng_thống Nga Vladimir_Putin ( phải ) và lãnh_đạo Triều_Tiên Kim_Jong-un tại Vladivostok "
    "hồi tháng 4/2019 . Ảnh : KCNA\n\" Tại_sao lại không nhỉ ? \" , ông nói . Vie\xCC\xA3\xCC\x82t\n"
    "Ủy_ban nhân_dân thành_phố Đà_Nẵng cho_biết bão Noru đã đi qua , ông Trần_Văn_Minh nói .\n";

static const char raw_text[] =
    "Thời tiết hôm nay ở sân bay Tân Sơn Nhất đẹp, ông Nguyễn Văn An nói. Xem "
    "https://vnexpress.net/a-b.html, TP.HCM (3,5%) 4/9/2023 :))\n Hoa\xCC\x80 bi\xCC\x80nh.\n";

static const char train_text[] =
    "Chính_phủ vừa công_bố kế_hoạch phát_triển kinh_tế trong năm tới .\n"
    "Người_dân thành_phố Đà_Nẵng đi bộ trên bãi_biển vào buổi sáng .\n"
    "Ông Nguyễn_Văn_An cho_biết thời_tiết hôm_nay ở sân_bay Tân_Sơn_Nhất đẹp .\n";

static const char word_list[] = "thời tiết\nhôm nay\nsân bay\n";

static const char tsv[] = "Triều Tiên\tLOC\tcountry:KP\tTriều Tiên\n"
                          "Bắc Triều Tiên\tLOC\tcountry:KP\tTriều Tiên\n"
                          "Liên_Hợp_Quốc\tORG\tun\tLiên Hợp Quốc\nVinFast\tBRAND\n"
                          "Trần Văn Minh\tPER\nAnh\t-\nKCNA\tORG\n";

/* An operation: `op` runs the calls under test on `ctx` (objects made by `make` without
 * failure) and returns a status and a digest of the result; `clean` frees `ctx`. */
typedef struct op {
    const char *name;
    void *(*make)(void);
    vnseg_status (*op)(void *ctx, uint64_t *digest);
    void (*clean)(void *ctx);
    bool no_report; /* a constructor that returns NULL and sets no last error */
} op;

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001B3ull;
    return h;
}

static long run_op(const op *o)
{
    uint64_t want = 0, got = 0;
    tu_fail_at = -1;
    long base = tu_live;
    void *ctx = o->make ? o->make() : NULL;
    tu_calls = 0;
    assert_int_equal(o->op(ctx, &want), VNSEG_OK);
    long needed = tu_calls;
    if (o->clean)
        o->clean(ctx);
    assert_int_equal(tu_live, base);
    long n;
    for (n = 0; n <= needed + 1; n++) {
        tu_fail_at = -1;
        ctx = o->make ? o->make() : NULL;
        tu_calls = 0;
        tu_fail_at = n;
        got = 0;
        vnseg_status st = o->op(ctx, &got);
        tu_fail_at = -1;
        if (st == VNSEG_OK) {
            /* The failure hit nothing that mattered (or past the last allocation). */
            if (got != want)
                fail_msg("%s: allocation %ld failed, the call succeeded with another result",
                         o->name, n);
        } else {
            if (st != VNSEG_E_NOMEM)
                fail_msg("%s: allocation %ld failed gave status %d (%s)", o->name, n, st,
                         vnseg_error_last()->message);
            if (!o->no_report)
                assert_int_equal(vnseg_error_last()->status, VNSEG_E_NOMEM);
            /* Usable afterwards: the same call succeeds with the same result. */
            got = 0;
            assert_int_equal(o->op(ctx, &got), VNSEG_OK);
            assert_true(got == want);
        }
        if (o->clean)
            o->clean(ctx);
        if (tu_live != base)
            fail_msg("%s: %ld blocks leaked when allocation %ld failed", o->name, tu_live - base,
                     n);
    }
    return needed;
}

/* --- tokenize (a reused document) --- */
static void *make_doc(void)
{
    return vnseg_doc_new();
}
static void free_doc(void *c)
{
    vnseg_doc_free(c);
}
static vnseg_status op_tokenize(void *c, uint64_t *h)
{
    vnseg_status st = vnseg_tokenize(c, seg_text, sizeof seg_text - 1, VNSEG_OPT_LENIENT);
    if (st != VNSEG_OK)
        return st;
    *h = mix(0, vnseg_doc_tokens(c), vnseg_doc_token_count(c) * sizeof(vnseg_token));
    char buf[256];
    size_t n;
    st = vnseg_doc_token_form(c, 1, VNSEG_FORM_NFC | VNSEG_FORM_SPACES, buf, sizeof buf, &n);
    if (st == VNSEG_OK)
        *h = mix(*h, buf, n);
    return st;
}
static vnseg_status op_doc_new(void *c, uint64_t *h)
{
    (void)c;
    *h = 1;
    vnseg_doc *d = vnseg_doc_new();
    if (!d)
        return VNSEG_E_NOMEM;
    vnseg_doc_free(d);
    return VNSEG_OK;
}
static vnseg_status op_tokenize_raw(void *c, uint64_t *h)
{
    vnseg_status st = vnseg_tokenize_raw(c, raw_text, sizeof raw_text - 1, 0);
    if (st == VNSEG_OK)
        *h = mix(0, vnseg_doc_tokens(c), vnseg_doc_token_count(c) * sizeof(vnseg_token));
    return st;
}

/* --- reader --- */
static vnseg_status op_reader(void *c, uint64_t *h)
{
    (void)c;
    vnseg_reader *r = NULL;
    vnseg_status st = vnseg_reader_new_memory(seg_text, sizeof seg_text - 1, 64, &r);
    if (st != VNSEG_OK)
        return st;
    vnseg_line line;
    int k;
    while ((k = vnseg_reader_next(r, &line)) == 1)
        *h = mix(*h, line.data, line.length);
    vnseg_reader_free(r);
    return k == 0 ? VNSEG_OK : (vnseg_status)k;
}

/* --- detokenize (a tokenized document; a fresh and a reused result) --- */
typedef struct detok_ctx {
    vnseg_doc *doc;
    vnseg_detok *reused;
} detok_ctx;
static void *make_detok(void)
{
    detok_ctx *c = calloc(1, sizeof *c);
    c->doc = vnseg_doc_new();
    assert_int_equal(vnseg_tokenize(c->doc, seg_text, sizeof seg_text - 1, VNSEG_OPT_LENIENT),
                     VNSEG_OK);
    c->reused = vnseg_detok_new();
    assert_non_null(c->reused);
    return c;
}
static void free_detok(void *p)
{
    detok_ctx *c = p;
    vnseg_detok_free(c->reused);
    vnseg_doc_free(c->doc);
    free(c);
}
static vnseg_status op_detok(void *p, uint64_t *h)
{
    detok_ctx *c = p;
    vnseg_detok *d = NULL;
    vnseg_status st = vnseg_detokenize(c->doc, 0, &d);
    if (st != VNSEG_OK)
        return st;
    size_t len;
    const char *t = vnseg_detok_text(d, &len);
    *h = mix(0, t, len);
    vnseg_detok_free(d);
    st = vnseg_detokenize_into(c->reused, c->doc, VNSEG_DETOK_LOSSLESS);
    if (st != VNSEG_OK)
        return st;
    t = vnseg_detok_text(c->reused, &len);
    *h = mix(*h, t, len);
    *h = mix(*h, vnseg_detok_spans(c->reused), vnseg_detok_token_count(c->reused) * sizeof(vnseg_span));
    char buf[1024];
    st = vnseg_detokenize_text(seg_text, sizeof seg_text - 1, 0, buf, sizeof buf, &len);
    if (st == VNSEG_OK)
        *h = mix(*h, buf, len);
    return st;
}

/* --- normalize --- */
static vnseg_status op_normalize(void *c, uint64_t *h)
{
    (void)c;
    vnseg_norm *n = NULL;
    vnseg_status st = vnseg_normalize(raw_text, sizeof raw_text - 1, VNSEG_NORM_SEARCH, &n);
    if (st != VNSEG_OK)
        return st;
    size_t len;
    const char *t = vnseg_norm_text(n, &len);
    *h = mix(0, t, len);
    size_t a = 0, b = 0;
    st = vnseg_norm_to_original(n, 3, len / 2, &a, &b);
    *h = mix(*h, &a, sizeof a);
    vnseg_norm_free(n);
    return st;
}

/* --- gazetteer: builder, TSV, build, image reopened, lookup key --- */
static vnseg_status op_gazetteer(void *c, uint64_t *h)
{
    (void)c;
    vnseg_gazetteer_builder *b = NULL;
    vnseg_gazetteer *g = NULL, *g2 = NULL;
    void *copy = NULL;
    vnseg_status st = vnseg_gazetteer_builder_new(0, &b);
    if (st == VNSEG_OK)
        st = vnseg_gazetteer_builder_add_tsv(b, tsv, sizeof tsv - 1);
    if (st == VNSEG_OK)
        st = vnseg_gazetteer_builder_build(b, &g);
    if (st == VNSEG_OK) {
        size_t len;
        const void *img = vnseg_gazetteer_data(g, &len);
        *h = mix(0, img, len);
        copy = aligned_alloc(8, (len + 7) & ~(size_t)7);
        memcpy(copy, img, len);
        st = vnseg_gazetteer_open_memory(copy, len, VNSEG_GAZ_OPEN_VERIFY, &g2);
    }
    if (st == VNSEG_OK) {
        size_t first = 0, count = 0;
        st = vnseg_gazetteer_lookup(g2, "TRIỀU TIÊN", strlen("TRIỀU TIÊN"), &first, &count);
        *h = mix(*h, &first, sizeof first);
        *h = mix(*h, &count, sizeof count);
    }
    if (st == VNSEG_OK) {
        char key[64];
        size_t n;
        st = vnseg_lookup_key("Hoa\xCC\x80_Bi\xCC\x80nh", 13, 0, key, sizeof key, &n);
        if (st == VNSEG_OK)
            *h = mix(*h, key, n);
    }
    vnseg_gazetteer_free(g2);
    vnseg_gazetteer_free(g);
    vnseg_gazetteer_builder_free(b);
    free(copy);
    return st;
}

/* --- the built-in lists (the provinces part: its allocations are each failed in turn) --- */
static vnseg_status op_defaults(void *c, uint64_t *h)
{
    (void)c;
    vnseg_gazetteer_builder *b = NULL;
    vnseg_status st = vnseg_gazetteer_builder_new(0, &b);
    if (st == VNSEG_OK)
        st = vnseg_gazetteer_builder_add_defaults(b, VNSEG_GAZ_DEFAULT_PROVINCES);
    if (st == VNSEG_OK) {
        /* Counting allocates: 0 with VNSEG_E_NOMEM as the last error when it cannot. */
        (void)vnseg_gazetteer_builder_remove(NULL, NULL, 0); /* last error: invalid arg */
        *h = vnseg_gazetteer_builder_count(b);
        if (*h == 0 && vnseg_error_last()->status == VNSEG_E_NOMEM)
            st = VNSEG_E_NOMEM;
    }
    vnseg_gazetteer_builder_free(b);
    return st;
}

/* --- gazetteer files: save and open --- */
static char gaz_path[64];
static vnseg_status op_gazetteer_file(void *c, uint64_t *h)
{
    (void)c;
    vnseg_gazetteer *g = NULL;
    vnseg_status st = vnseg_gazetteer_open(gaz_path, VNSEG_GAZ_OPEN_VERIFY, &g);
    if (st != VNSEG_OK)
        return st;
    size_t first = 0, count = 0;
    st = vnseg_gazetteer_lookup(g, "Liên Hợp Quốc", strlen("Liên Hợp Quốc"), &first, &count);
    *h = first * 31 + count;
    vnseg_gazetteer_free(g);
    return st;
}

/* --- entity scan (a reused result) --- */
typedef struct scan_ctx {
    vnseg_doc *doc;
    vnseg_gazetteer *gaz;
    vnseg_mentions *m;
} scan_ctx;
static void *make_scan(void)
{
    scan_ctx *c = calloc(1, sizeof *c);
    c->doc = vnseg_doc_new();
    assert_int_equal(vnseg_tokenize(c->doc, seg_text, sizeof seg_text - 1, VNSEG_OPT_LENIENT),
                     VNSEG_OK);
    vnseg_gazetteer_builder *b = NULL;
    assert_int_equal(vnseg_gazetteer_builder_new(0, &b), VNSEG_OK);
    assert_int_equal(vnseg_gazetteer_builder_add_tsv(b, tsv, sizeof tsv - 1), VNSEG_OK);
    assert_int_equal(vnseg_gazetteer_builder_build(b, &c->gaz), VNSEG_OK);
    vnseg_gazetteer_builder_free(b);
    c->m = vnseg_mentions_new();
    assert_non_null(c->m);
    return c;
}
static void free_scan(void *p)
{
    scan_ctx *c = p;
    vnseg_mentions_free(c->m);
    vnseg_gazetteer_free(c->gaz);
    vnseg_doc_free(c->doc);
    free(c);
}
static vnseg_status op_scan(void *p, uint64_t *h)
{
    scan_ctx *c = p;
    vnseg_status st = vnseg_scan_entities(c->m, c->doc, c->gaz, 0);
    if (st != VNSEG_OK) {
        assert_int_equal(vnseg_mentions_count(c->m), 0);
        return st;
    }
    size_t n = vnseg_mentions_count(c->m);
    *h = mix(0, vnseg_mentions_get(c->m), n * sizeof(vnseg_mention));
    for (size_t i = 0; i < n; i++) {
        const char *s;
        size_t len;
        assert_int_equal(vnseg_mention_canonical(c->m, i, &s, &len), VNSEG_OK);
        *h = mix(*h, s, len);
    }
    return VNSEG_OK;
}
static vnseg_status op_mentions_new(void *c, uint64_t *h)
{
    (void)c;
    *h = 1;
    vnseg_mentions *m = vnseg_mentions_new();
    if (!m)
        return VNSEG_E_NOMEM;
    vnseg_mentions_free(m);
    return VNSEG_OK;
}

/* --- trainer, model, segmenter --- */
static vnseg_status train(vnseg_model **out, bool words_only)
{
    vnseg_train_options o = {sizeof o, 2, 16, 0, 1};
    vnseg_trainer *t = NULL;
    vnseg_status st = vnseg_trainer_new(&o, &t);
    if (st == VNSEG_OK && !words_only)
        st = vnseg_trainer_add(t, VNSEG_CORPUS_SEGMENTED, train_text, sizeof train_text - 1);
    if (st == VNSEG_OK)
        st = vnseg_trainer_add(t, VNSEG_CORPUS_WORDLIST, word_list, sizeof word_list - 1);
    if (st == VNSEG_OK)
        st = vnseg_trainer_train(t, NULL, NULL, out);
    vnseg_trainer_free(t);
    return st;
}
static vnseg_status op_train(void *c, uint64_t *h)
{
    vnseg_model *m = NULL;
    vnseg_status st = train(&m, c != NULL);
    if (st == VNSEG_OK) {
        size_t len;
        const void *img = vnseg_model_data(m, &len);
        *h = mix(0, img, len);
    }
    vnseg_model_free(m);
    return st;
}
static void *words_only(void)
{
    return (void *)1;
}

static vnseg_model *shared_model;
static vnseg_status op_model_load(void *c, uint64_t *h)
{
    (void)c;
    size_t len;
    const void *img = vnseg_model_data(shared_model, &len);
    vnseg_model *m = NULL;
    vnseg_status st = vnseg_model_load(img, len, &m);
    if (st == VNSEG_OK) {
        vnseg_model_info info;
        st = vnseg_model_get_info(m, &info);
        *h = info.lexicon_words * 7 + info.file_bytes;
    }
    vnseg_model_free(m);
    return st;
}
static vnseg_status op_model_open(void *c, uint64_t *h)
{
    (void)c;
    vnseg_model *m = NULL;
    vnseg_status st = vnseg_model_open("alloc_fail_test.model", &m);
    if (st == VNSEG_OK)
        *h = 5;
    vnseg_model_free(m);
    return st;
}

static void *make_segmenter(void)
{
    vnseg_segmenter *s = NULL;
    assert_int_equal(vnseg_segmenter_new(shared_model, &s), VNSEG_OK);
    return s;
}
static void free_segmenter(void *s)
{
    vnseg_segmenter_free(s);
}
static vnseg_status op_segment(void *s, uint64_t *h)
{
    vnseg_status st = vnseg_segment(s, raw_text, sizeof raw_text - 1, 0);
    if (st != VNSEG_OK)
        return st;
    size_t len;
    const char *t = vnseg_segmenter_text(s, &len);
    *h = mix(0, t, len);
    const vnseg_doc *d;
    st = vnseg_segmenter_doc(s, &d);
    if (st == VNSEG_OK)
        *h = mix(*h, vnseg_doc_tokens(d), vnseg_doc_token_count(d) * sizeof(vnseg_token));
    return st;
}
static vnseg_status op_segmenter_new(void *c, uint64_t *h)
{
    (void)c;
    vnseg_segmenter *s = NULL;
    vnseg_status st = vnseg_segmenter_new(shared_model, &s);
    *h = 2;
    vnseg_segmenter_free(s);
    return st;
}
static vnseg_status op_segment_to_buffer(void *c, uint64_t *h)
{
    (void)c;
    char buf[1024];
    size_t len;
    vnseg_status st = vnseg_segment_to_buffer(shared_model, raw_text, sizeof raw_text - 1, 0,
                                              buf, sizeof buf, &len);
    if (st == VNSEG_OK)
        *h = mix(0, buf, len);
    return st;
}

static const op ops[] = {
    {"vnseg_doc_new", NULL, op_doc_new, NULL, true},
    {"vnseg_tokenize", make_doc, op_tokenize, free_doc, false},
    {"vnseg_tokenize_raw", make_doc, op_tokenize_raw, free_doc, false},
    {"vnseg_reader", NULL, op_reader, NULL, false},
    {"vnseg_detokenize", make_detok, op_detok, free_detok, false},
    {"vnseg_normalize", NULL, op_normalize, NULL, false},
    {"gazetteer build/open_memory/lookup", NULL, op_gazetteer, NULL, false},
    {"vnseg_gazetteer_builder_add_defaults", NULL, op_defaults, NULL, false},
    {"vnseg_gazetteer_open", NULL, op_gazetteer_file, NULL, false},
    {"vnseg_mentions_new", NULL, op_mentions_new, NULL, true},
    {"vnseg_scan_entities", make_scan, op_scan, free_scan, false},
    {"vnseg_trainer (perceptron)", NULL, op_train, NULL, false},
    {"vnseg_trainer (word list)", words_only, op_train, NULL, false},
    {"vnseg_model_load", NULL, op_model_load, NULL, false},
    {"vnseg_model_open", NULL, op_model_open, NULL, false},
    {"vnseg_segmenter_new", NULL, op_segmenter_new, NULL, false},
    {"vnseg_segment", make_segmenter, op_segment, free_segmenter, false},
    {"vnseg_segment_to_buffer", NULL, op_segment_to_buffer, NULL, false},
};

static int setup(void **state)
{
    (void)state;
    /* Lazily built global tables come first, outside the count. */
    vnseg_doc *d = vnseg_doc_new();
    vnseg_tokenize(d, seg_text, sizeof seg_text - 1, VNSEG_OPT_LENIENT);
    vnseg_tokenize_raw(d, raw_text, sizeof raw_text - 1, VNSEG_OPT_LENIENT);
    vnseg_doc_free(d);
    if (train(&shared_model, false) != VNSEG_OK)
        return -1;
    if (vnseg_model_save(shared_model, "alloc_fail_test.model") != VNSEG_OK)
        return -1;
    snprintf(gaz_path, sizeof gaz_path, "alloc_fail_test.gaz");
    vnseg_gazetteer_builder *b = NULL;
    vnseg_gazetteer *g = NULL;
    if (vnseg_gazetteer_builder_new(0, &b) != VNSEG_OK ||
        vnseg_gazetteer_builder_add_tsv(b, tsv, sizeof tsv - 1) != VNSEG_OK ||
        vnseg_gazetteer_builder_build(b, &g) != VNSEG_OK ||
        vnseg_gazetteer_save(g, gaz_path) != VNSEG_OK)
        return -1;
    vnseg_gazetteer_free(g);
    vnseg_gazetteer_builder_free(b);
    vnseg_allocator a = tu_failing_allocator();
    vnseg_set_allocator(&a);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    vnseg_set_allocator(NULL);
    vnseg_model_free(shared_model);
    remove("alloc_fail_test.model");
    remove(gaz_path);
    return 0;
}

static void test_every_allocation_fails(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++) {
        long n = run_op(&ops[i]);
        print_message("%-36s %ld allocations, each failed in turn\n", ops[i].name, n);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_allocation_fails),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
