/* Gazetteers: lookup keys, the TSV reader, the builder, the binary file (compile, open, verify,
 * every truncation and bit flip), allocation failures and the default lists. */
#include <unistd.h>

#include "testutil.h"

#include "lookup_key.h"

/* ---- helpers ---- */

static char key_buf[1024];

static const char *key_of(const char *s, uint32_t flags)
{
    size_t n = 0;
    assert_int_equal(vnseg_lookup_key(s, strlen(s), flags, key_buf, sizeof key_buf - 1, &n),
                     VNSEG_OK);
    key_buf[n] = 0;
    return key_buf;
}

static vnseg_gazetteer *build_tsv(const char *tsv, uint32_t flags)
{
    vnseg_gazetteer_builder *b;
    assert_int_equal(vnseg_gazetteer_builder_new(flags, &b), VNSEG_OK);
    if (vnseg_gazetteer_builder_add_tsv(b, tsv, strlen(tsv)) != VNSEG_OK)
        fail_msg("TSV: %s", vnseg_error_last()->message);
    vnseg_gazetteer *g;
    assert_int_equal(vnseg_gazetteer_builder_build(b, &g), VNSEG_OK);
    vnseg_gazetteer_builder_free(b);
    return g;
}

/* The type name and canonical name of a name's primary entry, as "TYPE canonical", or "-". */
static const char *lookup(const vnseg_gazetteer *g, const char *name)
{
    static char out[512];
    size_t first, count;
    if (vnseg_gazetteer_lookup(g, name, strlen(name), &first, &count) != VNSEG_OK) return "-";
    vnseg_gaz_entry e;
    assert_int_equal(vnseg_gazetteer_entry(g, first, &e), VNSEG_OK);
    snprintf(out, sizeof out, "%s %.*s", vnseg_gazetteer_type_name(g, e.type), (int)e.canonical_len,
             e.canonical);
    return out;
}

static const char sample_tsv[] = "# sample\n"
                                 "Triều Tiên\tLOC\tcountry:KP\tTriều Tiên\n"
                                 "Bắc Triều Tiên\tLOC\tcountry:KP\tTriều Tiên\n"
                                 "Liên_Hợp_Quốc\tORG\tun\n"
                                 "Hội đồng Bảo an\tORG\n"
                                 "Hòa Bình\tLOC\n"
                                 "TP. HCM\tLOC\tvn:hcm\tThành phố Hồ Chí Minh\n"
                                 "VinFast\tBRAND\n";

/* ---- lookup keys ---- */

static void test_key_separators(void **state)
{
    (void)state;
    assert_string_equal(key_of("Liên_Hợp_Quốc", 0), "Liên Hợp Quốc");
    assert_string_equal(key_of("  Liên  Hợp__Quốc \t", 0), "Liên Hợp Quốc");
    assert_string_equal(key_of("Liên\xC2\xA0Hợp Quốc", 0), "Liên Hợp Quốc"); /* NBSP */
    assert_string_equal(key_of("TP. HCM", 0), key_of("TP.HCM", 0));
    assert_string_equal(key_of("Bà Rịa - Vũng Tàu", 0), key_of("Bà_Rịa–Vũng_Tàu", 0));
    assert_string_equal(key_of("O\xE2\x80\x99Neil", 0), "O'Neil");
    assert_string_equal(key_of("Kim_Jong-un", 0), "Kim Jong-un");
    assert_string_equal(key_of("Tri\xE2\x80\x8Bều Tiên", 0), "Triều Tiên"); /* ZWSP dropped */
    assert_string_equal(key_of("___", 0), "");
}

static void test_key_normalization_and_tones(void **state)
{
    (void)state;
    const char *nfc = key_of("Hòa Bình", 0);
    assert_string_equal(nfc, "Hoà Bình");
    assert_string_equal(key_of("Hoa\xCC\x80 Bi\xCC\x80nh", 0), "Hoà Bình"); /* NFD */
    assert_string_equal(key_of("Hoà_Bình", 0), "Hoà Bình");
    assert_string_equal(key_of("Thanh Hóa", 0), key_of("Thanh Hoá", 0));
    assert_string_equal(key_of("thủy", 0), "thuỷ");
    assert_string_equal(key_of("khỏe", 0), "khoẻ");
    assert_string_equal(key_of("quý", 0), "quý");
    assert_string_equal(key_of("Quỳnh", 0), "Quỳnh");
    assert_string_equal(key_of("già", 0), "già");
    assert_string_equal(key_of("hoàng", 0), "hoàng");
    /* Look-alikes of Đ: eth, African D, and their small forms. */
    assert_string_equal(key_of("\xC3\x90\xC3\xA0 N\xE1\xBA\xB5ng", 0), "Đà Nẵng");
    assert_string_equal(key_of("\xC6\x89\xC3\xA0 N\xE1\xBA\xB5ng", 0), "Đà Nẵng");
    assert_string_equal(key_of("\xC3\xB0\xC3\xA0", 0), "đà");
}

static void test_key_case(void **state)
{
    (void)state;
    assert_string_equal(key_of("TRIỀU TIÊN", 0), "Triều Tiên");
    assert_string_equal(key_of("hòa bình", 0), "hoà bình");
    assert_string_equal(key_of("KCNA", 0), "Kcna");
    assert_string_equal(key_of("TRIỀU TIÊN", VNSEG_KEY_FOLD_CASE), "triều tiên");
    assert_string_equal(key_of("Đà Nẵng", VNSEG_KEY_FOLD_CASE), "đà nẵng");
    assert_string_equal(key_of("iPhone", 0), "iphone");
}

static void test_key_buffer_protocol(void **state)
{
    (void)state;
    size_t n = 0;
    assert_int_equal(vnseg_lookup_key("Hòa_Bình", 10, 0, NULL, 0, &n), VNSEG_OK);
    assert_int_equal(n, strlen("Hoà Bình"));
    char small[3];
    assert_int_equal(vnseg_lookup_key("Hòa_Bình", 10, 0, small, sizeof small, &n), VNSEG_E_BUFFER);
    assert_int_equal(n, strlen("Hoà Bình"));
    assert_int_equal(vnseg_lookup_key("a", 1, 0, NULL, 0, NULL), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_lookup_key(NULL, 1, 0, NULL, 0, &n), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_lookup_key("a", 1, 0, NULL, 4, &n), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_lookup_key("a", 1, 1u << 7, NULL, 0, &n), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_lookup_key(NULL, 0, 0, NULL, 0, &n), VNSEG_OK);
    assert_int_equal(n, 0);
}

/* The scanner's fast key path gives the bytes of the general path for every character it
 * accepts, in every position, in both case modes. */
static void fast_equals_slow(const char *s, size_t n)
{
    unsigned char fast[64];
    vn_key_scratch sc = {{0}, {0}};
    for (int fold = 0; fold < 2; fold++) {
        size_t k = vn_key_fast((const unsigned char *)s, n, fold, fast);
        if (k == SIZE_MAX) continue;
        vn_buf slow = {0};
        assert_int_equal(vn_key_append(&slow, &sc, (const unsigned char *)s, n, fold), VNSEG_OK);
        uint32_t first, want;
        if (vn_key_token_first((const unsigned char *)s, n, fold, &first) &&
            (!vn_key_first_cp(slow.data, slow.len, &want) || want != first))
            fail_msg("first character of the key of '%.*s' is wrong (fold %d)", (int)n, s, fold);
        if (slow.len != k || memcmp(slow.data, fast, k) != 0)
            fail_msg("fast key differs for '%.*s' (fold %d)", (int)n, s, fold);
        vn_buf_free(&slow);
    }
    vn_key_scratch_free(&sc);
}

static void test_key_fast_path(void **state)
{
    (void)state;
    /* Each shape: text before, between and after one or two copies of the character. */
    static const struct {
        const char *pre, *mid, *post;
        bool twice;
    } shapes[] = {{"", "", "", false}, {"x", "", "a", false}, {"A_", "", "y", false},
                  {"", "_", "", true}, {"T", "-", "", true},  {"", "", "E", false}};
    char ch[8], s[64];
    for (uint32_t cp = 0x80; cp < 0x1F00; cp++) {
        if (cp == 0x250) cp = 0x1E00;
        size_t k = 0;
        if (cp < 0x800) {
            ch[k++] = (char)(0xC0 | cp >> 6);
        } else {
            ch[k++] = (char)(0xE0 | cp >> 12);
            ch[k++] = (char)(0x80 | ((cp >> 6) & 0x3F));
        }
        ch[k++] = (char)(0x80 | (cp & 0x3F));
        ch[k] = 0;
        for (size_t f = 0; f < sizeof shapes / sizeof *shapes; f++) {
            int n = snprintf(s, sizeof s, "%s%s%s%s%s", shapes[f].pre, ch, shapes[f].mid,
                             shapes[f].twice ? ch : "", shapes[f].post);
            fast_equals_slow(s, (size_t)n);
        }
    }
    static const char *const words[] = {
        "Hòa_Bình",    "hoà",    "thủy",  "Thuỷ",   "khỏe",        "quý",      "QUÝ",
        "Kim_Jong-un", "TP.",    "KCNA",  "x_",     "_x",          "a__b",     "a_-b",
        "a-_b",        "Ủy_ban", "ỦY",    "ủy_ban", "Mỹ_cáo_buộc", "G7",       "Nguyễn_Văn_An",
        "ĐẶNG",        "Ðà",     "tbl_2", "F-16",   "50%",         "McDonald", "iPhone"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        fast_equals_slow(words[i], strlen(words[i]));
}

/* ---- TSV and builder ---- */

static void test_tsv_lines(void **state)
{
    (void)state;
    const char tsv[] = "\xEF\xBB\xBF# a comment\r\n"
                       "\n"
                       "   \t \n"
                       "   # indented comment\n"
                       "Nhà_Trắng\tORG\r\n"
                       "  Hàn Quốc  \t LOC \t country:KR \t Hàn Quốc \n"
                       "Bình Nhưỡng\tLOC\t\tBình Nhưỡng";
    vnseg_gazetteer *g = build_tsv(tsv, 0);
    assert_int_equal(vnseg_gazetteer_entry_count(g), 3);
    assert_string_equal(lookup(g, "Nhà Trắng"), "ORG Nhà_Trắng");
    assert_string_equal(lookup(g, "Hàn_Quốc"), "LOC Hàn Quốc");
    assert_string_equal(lookup(g, "Bình_Nhưỡng"), "LOC Bình Nhưỡng");
    size_t first, count;
    assert_int_equal(vnseg_gazetteer_lookup(g, "Hàn Quốc", strlen("Hàn Quốc"), &first, &count),
                     VNSEG_OK);
    vnseg_gaz_entry e;
    assert_int_equal(vnseg_gazetteer_entry(g, first, &e), VNSEG_OK);
    assert_int_equal(e.id_len, strlen("country:KR"));
    assert_memory_equal(e.id, "country:KR", e.id_len);
    assert_memory_equal(e.name, "Hàn Quốc", e.name_len);
    vnseg_gazetteer_free(g);
}

static void expect_bad_tsv(const char *tsv, uint64_t line, const char *why)
{
    vnseg_gazetteer_builder *b;
    assert_int_equal(vnseg_gazetteer_builder_new(0, &b), VNSEG_OK);
    const char ok[] = "Nga\tLOC\n";
    assert_int_equal(vnseg_gazetteer_builder_add_tsv(b, ok, strlen(ok)), VNSEG_OK);
    assert_int_equal(vnseg_gazetteer_builder_add_tsv(b, tsv, strlen(tsv)), VNSEG_E_FORMAT);
    const vnseg_error *e = vnseg_error_last();
    assert_int_equal(e->status, VNSEG_E_FORMAT);
    assert_int_equal(e->line, line);
    if (!strstr(e->message, why)) fail_msg("message '%s' does not say '%s'", e->message, why);
    /* Nothing of the bad text was added. */
    assert_int_equal(vnseg_gazetteer_builder_count(b), 1);
    vnseg_gazetteer_builder_free(b);
}

static void test_tsv_errors(void **state)
{
    (void)state;
    expect_bad_tsv("Hà Nội\tLOC\nHuế\n", 2, "no type");
    expect_bad_tsv("# c\n\nA\tLOC\ta\tb\tc\n", 3, "more than four fields");
    expect_bad_tsv("\tLOC\n", 1, "empty name");
    expect_bad_tsv("A\tL O C\n", 1, "type");
    expect_bad_tsv("A\tLOC\nB\t\n", 2, "no type");
    expect_bad_tsv("A\tLOC\nB\xFF\tLOC\n", 2, "invalid UTF-8");
    expect_bad_tsv("__ _\tLOC\n", 1, "no letters");
    char longname[VNSEG_GAZ_MAX_NAME + 16];
    memset(longname, 'a', VNSEG_GAZ_MAX_NAME + 1);
    memcpy(longname + VNSEG_GAZ_MAX_NAME + 1, "\tLOC\n", 6);
    expect_bad_tsv(longname, 1, "longer");
    /* The offset of the bad line is in the error. */
    vnseg_gazetteer_builder *b;
    assert_int_equal(vnseg_gazetteer_builder_new(0, &b), VNSEG_OK);
    const char tsv[] = "A\tLOC\nB\n";
    assert_int_equal(vnseg_gazetteer_builder_add_tsv(b, tsv, strlen(tsv)), VNSEG_E_FORMAT);
    assert_int_equal(vnseg_error_last()->offset, 6);
    vnseg_gazetteer_builder_free(b);
}

static void test_tsv_file(void **state)
{
    (void)state;
    char path[] = "/tmp/vnseg-test-gaz-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char tsv[] = "Nga\tLOC\nbad line\n";
    assert_int_equal(write(fd, tsv, strlen(tsv)), (ssize_t)strlen(tsv));
    close(fd);
    vnseg_gazetteer_builder *b;
    assert_int_equal(vnseg_gazetteer_builder_new(0, &b), VNSEG_OK);
    assert_int_equal(vnseg_gazetteer_builder_add_file(b, path), VNSEG_E_FORMAT);
    assert_non_null(strstr(vnseg_error_last()->message, path));
    assert_int_equal(vnseg_error_last()->line, 2);
    unlink(path);
    assert_int_equal(vnseg_gazetteer_builder_add_file(b, path), VNSEG_E_IO);
    vnseg_gazetteer_builder_free(b);
}

static void test_builder_api(void **state)
{
    (void)state;
    vnseg_gazetteer_builder *b;
    assert_int_equal(vnseg_gazetteer_builder_new(0, &b), VNSEG_OK);
    uint32_t brand, per;
    assert_int_equal(vnseg_gazetteer_builder_type(b, "BRAND", 5, &brand), VNSEG_OK);
    assert_int_equal(brand, VNSEG_ENT_BUILTIN_COUNT);
    assert_int_equal(vnseg_gazetteer_builder_type(b, "PER", 3, &per), VNSEG_OK);
    assert_int_equal(per, VNSEG_ENT_PER);
    assert_int_equal(vnseg_gazetteer_builder_type(b, "-", 1, &per), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_gazetteer_builder_type(b, "a b", 3, &per), VNSEG_E_INVALID_ARG);
    vnseg_gaz_entry e = {"Georgia", 7, "country:GE", 10, NULL, 0, VNSEG_ENT_LOC, 0};
    assert_int_equal(vnseg_gazetteer_builder_add(b, &e), VNSEG_OK);
    e.id = "us:GA";
    e.id_len = 5;
    assert_int_equal(vnseg_gazetteer_builder_add(b, &e), VNSEG_OK);
    assert_int_equal(vnseg_gazetteer_builder_add(b, &e), VNSEG_OK); /* a duplicate */
    vnseg_gaz_entry v = {"VinFast", 7, NULL, 0, NULL, 0, brand, 0};
    assert_int_equal(vnseg_gazetteer_builder_add(b, &v), VNSEG_OK);
    vnseg_gaz_entry bad = {NULL, 0, NULL, 0, NULL, 0, VNSEG_ENT_LOC, 0};
    assert_int_equal(vnseg_gazetteer_builder_add(b, &bad), VNSEG_E_INVALID_ARG);
    bad.name = "X";
    bad.name_len = 1;
    bad.type = 200;
    assert_int_equal(vnseg_gazetteer_builder_add(b, &bad), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_gazetteer_builder_count(b), 3);
    vnseg_gazetteer *g;
    assert_int_equal(vnseg_gazetteer_builder_build(b, &g), VNSEG_OK);
    size_t first, count;
    assert_int_equal(vnseg_gazetteer_lookup(g, "GEORGIA", 7, &first, &count), VNSEG_OK);
    assert_int_equal(count, 2);
    vnseg_gaz_entry got;
    assert_int_equal(vnseg_gazetteer_entry(g, first, &got), VNSEG_OK);
    assert_memory_equal(got.id, "us:GA", 5); /* the one added last first */
    assert_string_equal(lookup(g, "VinFast"), "BRAND VinFast");
    assert_string_equal(vnseg_gazetteer_type_name(g, brand), "BRAND");
    uint32_t id;
    assert_int_equal(vnseg_gazetteer_type_id(g, "BRAND", 5, &id), VNSEG_OK);
    assert_int_equal(id, brand);
    assert_int_equal(vnseg_gazetteer_type_id(g, "NOPE", 4, &id), VNSEG_E_NOT_FOUND);
    assert_int_equal(vnseg_gazetteer_type_count(g), 5);
    assert_null(vnseg_gazetteer_type_name(g, 5));
    assert_string_equal(vnseg_gazetteer_type_name(NULL, VNSEG_ENT_ORG), "ORG");
    assert_int_equal(vnseg_gazetteer_entry(g, 3, &got), VNSEG_E_INVALID_ARG);
    vnseg_gazetteer_free(g);
    /* Removal, then adding again. */
    assert_int_equal(vnseg_gazetteer_builder_remove(b, "georgia", 7), VNSEG_OK);
    assert_int_equal(vnseg_gazetteer_builder_count(b), 3); /* case matters: no match */
    assert_int_equal(vnseg_gazetteer_builder_remove(b, "GEORGIA", 7), VNSEG_OK);
    assert_int_equal(vnseg_gazetteer_builder_count(b), 1);
    assert_int_equal(vnseg_gazetteer_builder_add(b, &e), VNSEG_OK);
    assert_int_equal(vnseg_gazetteer_builder_count(b), 2);
    vnseg_gazetteer_builder_free(b);
}

static void test_tsv_precedence_and_removal(void **state)
{
    (void)state;
    vnseg_gazetteer *g = build_tsv("Nga\tLOC\tcountry:RU\n"
                                   "Anh\tLOC\n"
                                   "Nga\tPER\tperson:nga\n"
                                   "Anh\t-\n",
                                   0);
    assert_string_equal(lookup(g, "Nga"), "PER Nga");
    assert_string_equal(lookup(g, "Anh"), "-");
    size_t first, count;
    assert_int_equal(vnseg_gazetteer_lookup(g, "Nga", 3, &first, &count), VNSEG_OK);
    assert_int_equal(count, 2);
    vnseg_gazetteer_free(g);
}

static void test_case_folding_gazetteer(void **state)
{
    (void)state;
    vnseg_gazetteer *g = build_tsv("Hòa Bình\tLOC\n", 0);
    assert_string_equal(lookup(g, "HOÀ BÌNH"), "LOC Hòa Bình");
    assert_string_equal(lookup(g, "hòa bình"), "-");
    assert_int_equal(vnseg_gazetteer_flags(g), 0);
    vnseg_gazetteer_free(g);
    g = build_tsv("Hòa Bình\tLOC\n", VNSEG_GAZ_FOLD_CASE);
    assert_string_equal(lookup(g, "hoà_bình"), "LOC Hòa Bình");
    assert_int_equal(vnseg_gazetteer_flags(g), VNSEG_GAZ_FOLD_CASE);
    vnseg_gazetteer_free(g);
}

/* ---- the binary file ---- */

static void same_lookups(const vnseg_gazetteer *g)
{
    assert_string_equal(lookup(g, "Triều_Tiên"), "LOC Triều Tiên");
    assert_string_equal(lookup(g, "BẮC TRIỀU TIÊN"), "LOC Triều Tiên");
    assert_string_equal(lookup(g, "Liên Hợp Quốc"), "ORG Liên_Hợp_Quốc");
    assert_string_equal(lookup(g, "Hoà Bình"), "LOC Hòa Bình");
    assert_string_equal(lookup(g, "TP.HCM"), "LOC Thành phố Hồ Chí Minh");
    assert_string_equal(lookup(g, "VinFast"), "BRAND VinFast");
    assert_string_equal(lookup(g, "Triều"), "-");
    assert_string_equal(lookup(g, "Hội đồng"), "-");
}

static void test_compile_open(void **state)
{
    (void)state;
    vnseg_gazetteer *g = build_tsv(sample_tsv, 0);
    same_lookups(g);
    assert_int_equal(vnseg_gazetteer_verify(g), VNSEG_OK);
    char path[] = "/tmp/vnseg-test-gazbin-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(vnseg_gazetteer_save(g, path), VNSEG_OK);
    vnseg_gazetteer *f;
    assert_int_equal(vnseg_gazetteer_open(path, VNSEG_GAZ_OPEN_VERIFY, &f), VNSEG_OK);
    same_lookups(f);
    size_t n1, n2;
    const void *d1 = vnseg_gazetteer_data(g, &n1), *d2 = vnseg_gazetteer_data(f, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(d1, d2, n1);
    vnseg_gazetteer_free(f);
    /* From memory, aligned and not. */
    unsigned char *copy = malloc(n1 + 8);
    memcpy(copy, d1, n1);
    assert_int_equal(vnseg_gazetteer_open_memory(copy, n1, 0, &f), VNSEG_OK);
    same_lookups(f);
    vnseg_gazetteer_free(f);
    memmove(copy + 1, copy, n1);
    assert_int_equal(vnseg_gazetteer_open_memory(copy + 1, n1, 0, &f), VNSEG_E_INVALID_ARG);
    free(copy);
    unlink(path);
    assert_int_equal(vnseg_gazetteer_open(path, 0, &f), VNSEG_E_IO);
    assert_null(f);
    assert_int_equal(vnseg_gazetteer_open("/", 0, &f), VNSEG_E_IO);
    vnseg_gazetteer_free(g);
}

/* Scanning with a gazetteer that opened must never read out of bounds, whatever its bytes. */
static void scan_with(const vnseg_gazetteer *g)
{
    static const char text[] = "Triều Tiên và Liên_Hợp_Quốc , Hội_đồng Bảo_an , Hòa_Bình , "
                               "TP. HCM , VinFast , Mỹ_cáo_buộc , AFP_Mỹ";
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_mentions *m = vnseg_mentions_new();
    assert_int_equal(vnseg_tokenize(doc, text, sizeof text - 1, 0), VNSEG_OK);
    assert_int_equal(vnseg_scan_entities(m, doc, g, 0), VNSEG_OK);
    for (size_t i = 0; i < vnseg_mentions_count(m); i++) {
        const char *c;
        size_t n;
        assert_int_equal(vnseg_mention_canonical(m, i, &c, &n), VNSEG_OK);
    }
    for (size_t i = 0; i < vnseg_gazetteer_entry_count(g); i++) {
        vnseg_gaz_entry e;
        vnseg_status st = vnseg_gazetteer_entry(g, i, &e);
        assert_true(st == VNSEG_OK || st == VNSEG_E_FORMAT);
    }
    for (uint32_t t = 0; t < vnseg_gazetteer_type_count(g); t++)
        vnseg_gazetteer_type_name(g, t);
    size_t first, count;
    vnseg_gazetteer_lookup(g, "Triều Tiên", strlen("Triều Tiên"), &first, &count);
    vnseg_mentions_free(m);
    vnseg_doc_free(doc);
}

static void test_truncated_files(void **state)
{
    (void)state;
    vnseg_gazetteer *g = build_tsv(sample_tsv, 0);
    size_t n;
    const unsigned char *d = vnseg_gazetteer_data(g, &n);
    for (size_t len = 0; len < n; len++) {
        unsigned char *copy = malloc(len ? len : 1); /* exact size, for ASan */
        memcpy(copy, d, len);
        vnseg_gazetteer *f = NULL;
        vnseg_status st = vnseg_gazetteer_open_memory(copy, len, 0, &f);
        if (st != VNSEG_E_FORMAT)
            fail_msg("a file cut to %zu of %zu bytes opened (%d)", len, n, st);
        assert_null(f);
        free(copy);
    }
    vnseg_gazetteer_free(g);
}

static void test_bit_flips(void **state)
{
    (void)state;
    vnseg_gazetteer *g = build_tsv(sample_tsv, 0);
    size_t n;
    const unsigned char *d = vnseg_gazetteer_data(g, &n);
    unsigned char *copy = malloc(n);
    size_t opened = 0;
    for (size_t i = 0; i < n; i++) {
        for (unsigned bit = 1; bit < 256; bit <<= 3) {
            memcpy(copy, d, n);
            copy[i] ^= (unsigned char)bit;
            vnseg_gazetteer *f = NULL;
            /* With verification, every change is found. */
            vnseg_status st = vnseg_gazetteer_open_memory(copy, n, VNSEG_GAZ_OPEN_VERIFY, &f);
            if (st == VNSEG_OK) fail_msg("flipping bit %u of byte %zu went unnoticed", bit, i);
            assert_true(st == VNSEG_E_FORMAT || st == VNSEG_E_VERSION);
            /* Without it, the file opens or not, and using it is safe either way. */
            st = vnseg_gazetteer_open_memory(copy, n, 0, &f);
            if (st == VNSEG_OK) {
                opened++;
                scan_with(f);
                vnseg_gazetteer_free(f);
            }
        }
    }
    assert_true(opened > 0); /* the body is not read by a constant-time open */
    free(copy);
    vnseg_gazetteer_free(g);
}

static void test_header_checks(void **state)
{
    (void)state;
    vnseg_gazetteer *g = build_tsv(sample_tsv, 0);
    size_t n;
    const unsigned char *d = vnseg_gazetteer_data(g, &n);
    uint64_t *copy = malloc(n + 8);
    unsigned char *c = (unsigned char *)copy;
    vnseg_gazetteer *f;
    /* Wrong version, with a consistent header checksum: a version error. */
    memcpy(c, d, n);
    uint32_t version = 2;
    memcpy(c + 8, &version, 4);
    uint64_t sum = vn_hash_bytes(c, 184, 0x7665736567617a31ull);
    memcpy(c + 184, &sum, 8);
    assert_int_equal(vnseg_gazetteer_open_memory(c, n, 0, &f), VNSEG_E_VERSION);
    assert_non_null(strstr(vnseg_error_last()->message, "version 2"));
    /* Wrong byte order marker. */
    memcpy(c, d, n);
    uint32_t swapped = 0x04030201;
    memcpy(c + 16, &swapped, 4);
    sum = vn_hash_bytes(c, 184, 0x7665736567617a31ull);
    memcpy(c + 184, &sum, 8);
    assert_int_equal(vnseg_gazetteer_open_memory(c, n, 0, &f), VNSEG_E_VERSION);
    /* Not a gazetteer at all. */
    memset(c, 'x', n);
    assert_int_equal(vnseg_gazetteer_open_memory(c, n, 0, &f), VNSEG_E_FORMAT);
    /* Trailing bytes. */
    memcpy(c, d, n);
    c[n] = 0;
    assert_int_equal(vnseg_gazetteer_open_memory(c, n + 1, 0, &f), VNSEG_E_FORMAT);
    free(copy);
    vnseg_gazetteer_free(g);
}

/* ---- allocation failures ---- */

static void test_allocation_failures(void **state)
{
    (void)state;
    vnseg_allocator a = tu_failing_allocator();
    vnseg_set_allocator(&a);
    bool completed = false;
    for (tu_fail_at = 0; tu_fail_at < 2000 && !completed; tu_fail_at++) {
        tu_live = tu_calls = 0;
        vnseg_gazetteer_builder *b = NULL;
        vnseg_gazetteer *g = NULL, *f = NULL;
        vnseg_status st = vnseg_gazetteer_builder_new(0, &b);
        if (st == VNSEG_OK) st = vnseg_gazetteer_builder_add_tsv(b, sample_tsv, strlen(sample_tsv));
        if (st == VNSEG_OK) {
            vnseg_gaz_entry e = {"Nga", 3, "ru", 2, "Nga", 3, VNSEG_ENT_LOC, 0};
            st = vnseg_gazetteer_builder_add(b, &e);
        }
        if (st == VNSEG_OK) st = vnseg_gazetteer_builder_remove(b, "Hòa Bình", strlen("Hòa Bình"));
        if (st == VNSEG_OK) st = vnseg_gazetteer_builder_build(b, &g);
        if (st == VNSEG_OK) {
            size_t n;
            const void *d = vnseg_gazetteer_data(g, &n);
            st = vnseg_gazetteer_open_memory(d, n, VNSEG_GAZ_OPEN_VERIFY, &f);
        }
        size_t first, count;
        if (st == VNSEG_OK)
            st = vnseg_gazetteer_lookup(f, "Triều Tiên", strlen("Triều Tiên"), &first, &count);
        char key[64];
        size_t kn;
        if (st == VNSEG_OK) st = vnseg_lookup_key("Hòa_Bình", 10, 0, key, sizeof key, &kn);
        assert_true(st == VNSEG_OK || st == VNSEG_E_NOMEM);
        if (st == VNSEG_E_NOMEM) assert_int_equal(vnseg_error_last()->status, VNSEG_E_NOMEM);
        completed = st == VNSEG_OK;
        vnseg_gazetteer_free(f);
        vnseg_gazetteer_free(g);
        vnseg_gazetteer_builder_free(b);
        assert_int_equal(tu_live, 0);
    }
    assert_true(completed);
    vnseg_set_allocator(NULL);
}

/* ---- the default gazetteer ---- */

static void test_default_gazetteer(void **state)
{
    (void)state;
    vnseg_gazetteer *g;
    assert_int_equal(vnseg_gazetteer_default(&g), VNSEG_OK);
    assert_int_equal(vnseg_gazetteer_verify(g), VNSEG_OK);
    assert_true(vnseg_gazetteer_entry_count(g) > 1500);
    /* From CLDR at run time. */
    assert_string_equal(lookup(g, "Nga"), "LOC Nga");
    assert_string_equal(lookup(g, "Triều_Tiên"), "LOC Triều Tiên");
    assert_string_equal(lookup(g, "Hàn Quốc"), "LOC Hàn Quốc");
    assert_string_equal(lookup(g, "Ukraina"), "LOC Ukraina");
    assert_string_equal(lookup(g, "Bình_Nhưỡng"), "LOC Bình Nhưỡng");
    assert_string_equal(lookup(g, "Đông Nam Á"), "LOC Đông Nam Á");
    assert_string_equal(lookup(g, "tiếng Anh"), "MISC tiếng Anh");
    /* The project's own lists. */
    assert_string_equal(lookup(g, "Mỹ"), "LOC Hoa Kỳ");
    assert_string_equal(lookup(g, "Ukraine"), "LOC Ukraina");
    assert_string_equal(lookup(g, "Moskva"), "LOC Moskva");
    assert_string_equal(lookup(g, "Liên_Hợp_Quốc"), "ORG Liên Hợp Quốc");
    assert_string_equal(lookup(g, "Hội_đồng Bảo_an"), "ORG Hội đồng Bảo an Liên Hợp Quốc");
    assert_string_equal(lookup(g, "KCNA"), "ORG KCNA");
    assert_string_equal(lookup(g, "Nhà_Trắng"), "ORG Nhà Trắng");
    assert_string_equal(lookup(g, "TP. HCM"), "LOC Thành phố Hồ Chí Minh");
    assert_string_equal(lookup(g, "Thanh Hoá"), "LOC Thanh Hóa");
    /* Every province and centrally-run city, since 2025 and before. */
    static const char *const since2025[] = {
        "Hà Nội",      "Huế",       "Hải Phòng",   "Đà Nẵng",    "Thành phố Hồ Chí Minh",
        "Cần Thơ",     "Lai Châu",  "Điện Biên",   "Sơn La",     "Lạng Sơn",
        "Quảng Ninh",  "Thanh Hóa", "Nghệ An",     "Hà Tĩnh",    "Cao Bằng",
        "Tuyên Quang", "Lào Cai",   "Thái Nguyên", "Phú Thọ",    "Bắc Ninh",
        "Hưng Yên",    "Ninh Bình", "Quảng Trị",   "Quảng Ngãi", "Gia Lai",
        "Khánh Hòa",   "Lâm Đồng",  "Đắk Lắk",     "Đồng Nai",   "Tây Ninh",
        "Vĩnh Long",   "Đồng Tháp", "Cà Mau",      "An Giang"};
    assert_int_equal(sizeof since2025 / sizeof *since2025, 34);
    for (size_t i = 0; i < 34; i++)
        if (strncmp(lookup(g, since2025[i]), "LOC ", 4) != 0)
            fail_msg("province %s missing", since2025[i]);
    static const char *const before2025[] = {
        "Bà Rịa - Vũng Tàu", "Bạc Liêu",   "Bắc Giang",  "Bắc Kạn",    "Bến Tre",
        "Bình Dương",        "Bình Định",  "Bình Phước", "Bình Thuận", "Đắk Nông",
        "Hà Giang",          "Hà Nam",     "Hải Dương",  "Hậu Giang",  "Hòa Bình",
        "Kiên Giang",        "Kon Tum",    "Long An",    "Nam Định",   "Ninh Thuận",
        "Phú Yên",           "Quảng Bình", "Quảng Nam",  "Sóc Trăng",  "Thái Bình",
        "Thừa Thiên Huế",    "Tiền Giang", "Trà Vinh",   "Vĩnh Phúc",  "Yên Bái"};
    for (size_t i = 0; i < sizeof before2025 / sizeof *before2025; i++)
        if (strncmp(lookup(g, before2025[i]), "LOC ", 4) != 0)
            fail_msg("former province %s missing", before2025[i]);
    /* Parts on their own. */
    vnseg_gazetteer_builder *b;
    assert_int_equal(vnseg_gazetteer_builder_new(0, &b), VNSEG_OK);
    assert_int_equal(vnseg_gazetteer_builder_add_defaults(b, VNSEG_GAZ_DEFAULT_PROVINCES),
                     VNSEG_OK);
    assert_int_equal(vnseg_gazetteer_builder_add_defaults(b, 1u << 20), VNSEG_E_INVALID_ARG);
    vnseg_gazetteer *p;
    assert_int_equal(vnseg_gazetteer_builder_build(b, &p), VNSEG_OK);
    assert_string_equal(lookup(p, "Quảng Nam"), "LOC Quảng Nam");
    assert_string_equal(lookup(p, "Nga"), "-");
    vnseg_gazetteer_free(p);
    vnseg_gazetteer_builder_free(b);
    vnseg_gazetteer_free(g);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    vnseg_gazetteer_builder *b;
    assert_int_equal(vnseg_gazetteer_builder_new(1u << 9, &b), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_gazetteer_builder_new(0, NULL), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_gazetteer_builder_add(NULL, NULL), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_gazetteer_builder_add_tsv(NULL, "", 0), VNSEG_E_INVALID_ARG);
    vnseg_gazetteer *g;
    assert_int_equal(vnseg_gazetteer_open(NULL, 0, &g), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_gazetteer_open("/x", 1u << 5, &g), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_gazetteer_verify(NULL), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_gazetteer_entry_count(NULL), 0);
    vnseg_gazetteer_builder_free(NULL);
    vnseg_gazetteer_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_separators),
        cmocka_unit_test(test_key_normalization_and_tones),
        cmocka_unit_test(test_key_case),
        cmocka_unit_test(test_key_buffer_protocol),
        cmocka_unit_test(test_key_fast_path),
        cmocka_unit_test(test_tsv_lines),
        cmocka_unit_test(test_tsv_errors),
        cmocka_unit_test(test_tsv_file),
        cmocka_unit_test(test_builder_api),
        cmocka_unit_test(test_tsv_precedence_and_removal),
        cmocka_unit_test(test_case_folding_gazetteer),
        cmocka_unit_test(test_compile_open),
        cmocka_unit_test(test_truncated_files),
        cmocka_unit_test(test_bit_flips),
        cmocka_unit_test(test_header_checks),
        cmocka_unit_test(test_allocation_failures),
        cmocka_unit_test(test_default_gazetteer),
        cmocka_unit_test(test_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
