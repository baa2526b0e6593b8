/* The word segmenter: training on a tiny corpus written here, segmentation, bytes kept,
 * lossless round trip, NFD and old tone style, model files (save, load, corruption), failing
 * allocations, and one model shared by several threads. */
#include <pthread.h>
#include <unistd.h>

#include <utf8proc.h>

#include "seg_model.h"
#include "testutil.h"

/* A small segmented corpus written for these tests (new-style tone marks). */
static const char corpus[] = "Chính_phủ Việt_Nam đã thông_qua kế_hoạch phát_triển kinh_tế .\n"
                             "Người dân thành_phố Hà_Nội rất vui_mừng .\n"
                             "Học_sinh đến trường vào buổi sáng .\n"
                             "Giáo_viên hướng_dẫn học_sinh làm bài_tập .\n"
                             "Thời_tiết hôm_nay rất đẹp , học_sinh đi chơi .\n"
                             "Bệnh_viện tiếp_nhận nhiều bệnh_nhân mới .\n"
                             "Doanh_nghiệp xuất_khẩu gạo sang thị_trường mới .\n"
                             "Hoà_bình là mong_muốn của mọi người .\n"
                             "Người dân mong_muốn hoà_bình và phát_triển .\n"
                             "Kinh_tế Việt_Nam phát_triển nhanh .\n"
                             "Giáo_viên và học_sinh đến bệnh_viện thăm bệnh_nhân .\n"
                             "Thành_phố Hà_Nội có nhiều trường học .\n"
                             "Ông Nguyễn_Văn_An là giáo_viên ở Hà_Nội .\n"
                             "Chính_phủ hướng_dẫn doanh_nghiệp xuất_khẩu .\n"
                             "Hôm_nay thời_tiết đẹp , người dân đi chơi .\n"
                             "Thị_trường gạo rất vui_mừng vì kinh_tế phát_triển .\n";

/* Raw sentences the tests segment, and what the tiny model should make of them. */
static const char *const raw_lines[] = {
    "Học sinh Hà Nội rất vui mừng.",
    "Giáo viên hướng dẫn học sinh.",
    "Chính phủ mong muốn hoà bình!",
    "Người dân (thành phố Hà Nội) đi chơi, rất vui mừng.",
    "  Bệnh viện\ttiếp nhận 1.000 bệnh nhân,  ngày 4/9   ",
    "Xem https://example.vn/a-b.html, email ten@example.com; tăng 3,5% hay -2,5%?",
    "Kinh tế Việt Nam phát triển\xC2\xA0nhanh ở TP.HCM, U.S. v.v.",
    "a_b tbl_2 Jong-un 10 triệu",
    "",
    "   ",
};
static const char *const seg_expect[] = {
    "Học_sinh Hà_Nội rất vui_mừng .",
    "Giáo_viên hướng_dẫn học_sinh .",
    "Chính_phủ mong_muốn hoà_bình !",
    NULL,
    NULL,
    NULL,
    NULL,
    "a _ b tbl_2 Jong-un 10 triệu",
    "",
    "   ",
};
#define NLINES (sizeof raw_lines / sizeof *raw_lines)

static vnseg_model *train_text(const char *text, vnseg_corpus_format fmt, const char *words)
{
    vnseg_trainer *t = NULL;
    assert_int_equal(vnseg_trainer_new(NULL, &t), VNSEG_OK);
    if (text) assert_int_equal(vnseg_trainer_add(t, fmt, text, strlen(text)), VNSEG_OK);
    if (words)
        assert_int_equal(vnseg_trainer_add(t, VNSEG_CORPUS_WORDLIST, words, strlen(words)),
                         VNSEG_OK);
    vnseg_model *m = NULL;
    assert_int_equal(vnseg_trainer_train(t, NULL, NULL, &m), VNSEG_OK);
    vnseg_trainer_free(t);
    return m;
}

static vnseg_model *tiny_model(void)
{
    return train_text(corpus, VNSEG_CORPUS_SEGMENTED, NULL);
}

/* Segment a string (exact-size copy) and return a NUL-terminated copy of the output. */
static char *seg_string(vnseg_segmenter *s, const char *text, uint32_t opts)
{
    size_t len = strlen(text);
    char *copy = malloc(len ? len : 1);
    assert_non_null(copy);
    memcpy(copy, text, len);
    vnseg_status st = vnseg_segment(s, copy, len, opts);
    free(copy);
    if (st != VNSEG_OK) fail_msg("vnseg_segment: %s", vnseg_error_last()->message);
    size_t n;
    const char *out = vnseg_segmenter_text(s, &n);
    char *r = malloc(n + 1);
    assert_non_null(r);
    memcpy(r, out, n);
    r[n] = 0;
    return r;
}

/* The detokenizer's lossless rule, written out: separators are copied where a token has
 * VNSEG_TF_SPACE_AFTER (and before the first and after the last token), nothing where it has
 * not, and syllable-separating `_` become spaces. */
static char *lossless_detok(const vnseg_doc *doc)
{
    size_t len;
    const char *text = vnseg_doc_text(doc, &len);
    size_t n = vnseg_doc_token_count(doc);
    const vnseg_token *t = vnseg_doc_tokens(doc);
    char *out = malloc(len + 1);
    assert_non_null(out);
    size_t o = 0, first = n ? (size_t)t[0].offset : len;
    memcpy(out, text, first);
    o += first;
    for (size_t i = 0; i < n; i++) {
        size_t k;
        assert_int_equal(vnseg_doc_token_form(doc, i, VNSEG_FORM_SPACES, out + o, len - o, &k),
                         VNSEG_OK);
        o += k;
        size_t end = (size_t)(t[i].offset + t[i].length);
        size_t next = i + 1 < n ? (size_t)t[i + 1].offset : len;
        if (i + 1 == n || (t[i].flags & VNSEG_TF_SPACE_AFTER)) {
            memcpy(out + o, text + end, next - end);
            o += next - end;
        }
    }
    out[o] = 0;
    return out;
}

/* The segmented text is the input with some spaces turned into `_` and spaces inserted. */
static void assert_bytes_kept(const char *raw, const char *seg)
{
    size_t i = 0, j = 0, rn = strlen(raw), sn = strlen(seg);
    while (j < sn) {
        if (i < rn && raw[i] == seg[j]) {
            i++;
            j++;
        } else if (i < rn && raw[i] == ' ' && seg[j] == '_') {
            i++;
            j++;
        } else if (seg[j] == ' ') {
            j++;
        } else {
            fail_msg("byte %zu of the output (%s) is not from the input (%s)", j, seg, raw);
        }
    }
    assert_int_equal(i, rn);
}

static void test_train_and_segment(void **state)
{
    (void)state;
    vnseg_model *m = tiny_model();
    vnseg_model_info info;
    assert_int_equal(vnseg_model_get_info(m, &info), VNSEG_OK);
    assert_int_equal(info.kind, VNSEG_MODEL_PERCEPTRON);
    assert_int_equal(info.version, VNSEG_MODEL_VERSION);
    assert_int_equal(info.train_sentences, 16);
    assert_true(info.lexicon_words >= 20);
    vnseg_segmenter *s;
    assert_int_equal(vnseg_segmenter_new(m, &s), VNSEG_OK);
    for (size_t i = 0; i < NLINES; i++) {
        char *out = seg_string(s, raw_lines[i], 0);
        if (seg_expect[i]) assert_string_equal(out, seg_expect[i]);
        assert_bytes_kept(raw_lines[i], out);
        free(out);
    }
    char *out = seg_string(s, raw_lines[4], 0);
    assert_string_equal(out, "  Bệnh_viện\ttiếp_nhận 1.000 bệnh_nhân ,  ngày 4/9   ");
    free(out);
    vnseg_segmenter_free(s);
    vnseg_model_free(m);
}

static void test_lossless_round_trip(void **state)
{
    (void)state;
    vnseg_model *m = tiny_model();
    vnseg_segmenter *s;
    assert_int_equal(vnseg_segmenter_new(m, &s), VNSEG_OK);
    for (size_t i = 0; i < NLINES; i++) {
        char *out = seg_string(s, raw_lines[i], 0);
        const vnseg_doc *doc;
        assert_int_equal(vnseg_segmenter_doc(s, &doc), VNSEG_OK);
        /* The document reads the segmented text as vnseg_tokenize() does... */
        vnseg_doc *check = vnseg_doc_new();
        tu_tokenize(check, out, 0);
        assert_int_equal(vnseg_doc_token_count(check), vnseg_doc_token_count(doc));
        for (size_t k = 0; k < vnseg_doc_token_count(doc); k++) {
            const vnseg_token *a = &vnseg_doc_tokens(doc)[k], *b = tu_tok(check, k);
            assert_int_equal(a->offset, b->offset);
            assert_int_equal(a->kind, b->kind);
            assert_int_equal(a->syllables, b->syllables);
        }
        vnseg_doc_free(check);
        free(tu_copy);
        tu_copy = NULL;
        /* ...and gives the raw input back losslessly. */
        char *back = lossless_detok(doc);
        assert_string_equal(back, raw_lines[i]);
        free(back);
        free(out);
    }
    vnseg_segmenter_free(s);
    vnseg_model_free(m);
}

static char *nfd(const char *s)
{
    return (char *)utf8proc_NFD((const utf8proc_uint8_t *)s);
}

/* detok(segment(raw)) == raw with the library's detokenizer in lossless mode, for raw text of
 * len bytes (may hold several lines); also: only spaces became `_` or were added. */
static void assert_round_trip(vnseg_segmenter *s, vnseg_detok *d, const char *raw, size_t len)
{
    char *copy = malloc(len ? len : 1); /* exact size: reads past the end would show */
    assert_non_null(copy);
    memcpy(copy, raw, len);
    if (vnseg_segment(s, copy, len, 0) != VNSEG_OK)
        fail_msg("vnseg_segment: %s", vnseg_error_last()->message);
    const vnseg_doc *doc;
    assert_int_equal(vnseg_segmenter_doc(s, &doc), VNSEG_OK);
    assert_int_equal(vnseg_detokenize_into(d, doc, VNSEG_DETOK_LOSSLESS), VNSEG_OK);
    size_t n;
    const char *back = vnseg_detok_text(d, &n);
    if (n != len || memcmp(back, raw, len) != 0)
        fail_msg("lossless round trip differs:\n  raw  %.*s\n  back %.*s", (int)len, raw, (int)n,
                 back);
    free(copy);
}

/* The lines of a text (without their line breaks), as a NULL-terminated array of copies. */
static char **split_lines(const char *text, size_t len)
{
    size_t cap = 2;
    for (size_t i = 0; i < len; i++)
        cap += text[i] == '\n';
    char **lines = calloc(cap, sizeof *lines);
    assert_non_null(lines);
    size_t k = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && text[i] != '\n') continue;
        lines[k] = malloc(i - start + 1);
        assert_non_null(lines[k]);
        memcpy(lines[k], text + start, i - start);
        lines[k++][i - start] = 0;
        start = i + 1;
    }
    return lines;
}

static void free_lines(char **lines)
{
    for (size_t i = 0; lines[i]; i++)
        free(lines[i]);
    free(lines);
}

/* examples/data/bao-da-nang.seg.txt (segmented, one article per line) turned into raw text of
 * two kinds: natural text (the rule-based detokenizer's output, punctuation glued to words) and
 * the segmented text with `_` turned into spaces; each cut into one line per sentence. */
static char *article_raw(bool natural, size_t *out_len)
{
    FILE *f = fopen(VNSEG_SOURCE_ROOT "/examples/data/bao-da-nang.seg.txt", "rb");
    assert_non_null(f);
    char *seg = malloc(1 << 20);
    assert_non_null(seg);
    size_t n = fread(seg, 1, (1 << 20) - 1, f);
    fclose(f);
    assert_true(n > 1000);
    vnseg_doc *doc = vnseg_doc_new();
    assert_int_equal(vnseg_tokenize(doc, seg, n, 0), VNSEG_OK);
    vnseg_detok *d = NULL;
    assert_int_equal(vnseg_detokenize(doc, natural ? 0 : VNSEG_DETOK_LOSSLESS, &d), VNSEG_OK);
    size_t len;
    const char *text = vnseg_detok_text(d, &len);
    char *raw = malloc(len + 1);
    assert_non_null(raw);
    memcpy(raw, text, len);
    raw[len] = 0;
    /* one sentence per line: a line break after each sentence's last token */
    size_t ns = vnseg_doc_sentence_count(doc);
    const vnseg_span *spans = vnseg_detok_spans(d);
    const vnseg_sentence *snt = vnseg_doc_sentences(doc);
    for (size_t k = 0; k + 1 < ns; k++) {
        size_t last = (size_t)(snt[k].first_token + snt[k].token_count - 1);
        size_t at = (size_t)(spans[last].offset + spans[last].length);
        if (at < len && raw[at] == ' ') raw[at] = '\n';
    }
    assert_true(strchr(raw, '\n') != NULL);
    vnseg_detok_free(d);
    vnseg_doc_free(doc);
    free(seg);
    *out_len = len;
    return raw;
}

static void test_round_trip_detokenizer(void **state)
{
    (void)state;
    vnseg_model *models[2] = {
        tiny_model(),
        train_text(NULL, VNSEG_CORPUS_SEGMENTED, "Đà Nẵng\ncảng biển\nmở cửa\nthành phố\n")};
    vnseg_detok *d = vnseg_detok_new();
    assert_non_null(d);
    char *texts[3];
    size_t lens[3];
    texts[0] = article_raw(true, &lens[0]);
    texts[1] = article_raw(false, &lens[1]);
    /* the other sentences the tests write, as one text */
    size_t total = 0;
    for (size_t i = 0; i < NLINES; i++)
        total += strlen(raw_lines[i]) + 2;
    texts[2] = malloc(total + 1);
    assert_non_null(texts[2]);
    lens[2] = 0;
    for (size_t i = 0; i < NLINES; i++) {
        size_t k = strlen(raw_lines[i]);
        memcpy(texts[2] + lens[2], raw_lines[i], k);
        lens[2] += k;
        texts[2][lens[2]++] = '\n';
    }
    texts[2][lens[2]] = 0;
    size_t checked = 0;
    for (int mi = 0; mi < 2; mi++) {
        vnseg_segmenter *s;
        assert_int_equal(vnseg_segmenter_new(models[mi], &s), VNSEG_OK);
        for (int ti = 0; ti < 3; ti++) {
            /* the whole text, with LF, with CRLF and in NFD; then line by line */
            assert_round_trip(s, d, texts[ti], lens[ti]);
            char *crlf = malloc(2 * lens[ti] + 1);
            assert_non_null(crlf);
            size_t o = 0;
            for (size_t i = 0; i < lens[ti]; i++) {
                if (texts[ti][i] == '\n') crlf[o++] = '\r';
                crlf[o++] = texts[ti][i];
            }
            assert_round_trip(s, d, crlf, o);
            free(crlf);
            char *dd = nfd(texts[ti]);
            assert_round_trip(s, d, dd, strlen(dd));
            free(dd);
            char **lines = split_lines(texts[ti], lens[ti]);
            for (size_t i = 0; lines[i]; i++) {
                assert_round_trip(s, d, lines[i], strlen(lines[i]));
                char *ld = nfd(lines[i]);
                assert_round_trip(s, d, ld, strlen(ld));
                free(ld);
                checked++;
            }
            free_lines(lines);
        }
        vnseg_segmenter_free(s);
        vnseg_model_free(models[mi]);
    }
    assert_true(checked > 40);
    for (int ti = 0; ti < 3; ti++)
        free(texts[ti]);
    vnseg_detok_free(d);
}

static char *nfc(const char *s)
{
    return (char *)utf8proc_NFC((const utf8proc_uint8_t *)s);
}

static void test_nfd_and_old_tone_style(void **state)
{
    (void)state;
    vnseg_model *m = tiny_model();
    vnseg_segmenter *s;
    assert_int_equal(vnseg_segmenter_new(m, &s), VNSEG_OK);
    for (size_t i = 0; i < NLINES; i++) {
        char *a = seg_string(s, raw_lines[i], 0);
        char *d = nfd(raw_lines[i]);
        char *b = seg_string(s, d, 0);
        assert_bytes_kept(d, b); /* the NFD bytes are kept as they are */
        char *bc = nfc(b);
        assert_string_equal(bc, a);
        free(a);
        free(b);
        free(bc);
        free(d);
    }
    /* Old tone placement (hòa, trained on hoà) segments the same. */
    char *a = seg_string(s, "Chính phủ mong muốn hoà bình!", 0);
    char *b = seg_string(s, "Chính phủ mong muốn hòa bình!", 0);
    assert_string_equal(a, "Chính_phủ mong_muốn hoà_bình !");
    assert_string_equal(b, "Chính_phủ mong_muốn hòa_bình !");
    free(a);
    free(b);
    vnseg_segmenter_free(s);
    vnseg_model_free(m);
}

static void test_conllu_and_determinism(void **state)
{
    (void)state;
    const char *conllu = "# sent_id = 1\n# text = Học sinh đến trường .\n"
                         "1\tHọc sinh\thọc sinh\tNOUN\t_\t_\t2\tnsubj\t_\t_\n"
                         "2\tđến\tđến\tVERB\t_\t_\t0\troot\t_\t_\n"
                         "3\ttrường\ttrường\tNOUN\t_\t_\t2\tobj\t_\t_\n"
                         "3-4\tx\t_\t_\t_\t_\t_\t_\t_\t_\n"
                         "4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n"
                         "1\tGiáo viên\t_\t_\t_\t_\t_\t_\t_\t_\n"
                         "2\tđến\t_\t_\t_\t_\t_\t_\t_\t_\n";
    vnseg_model *a = train_text(conllu, VNSEG_CORPUS_CONLLU, NULL);
    vnseg_model_info info;
    vnseg_model_get_info(a, &info);
    assert_int_equal(info.train_sentences, 2);
    assert_int_equal(info.train_syllables, 8);
    assert_int_equal(info.lexicon_words, 2);
    vnseg_model *b = train_text(conllu, VNSEG_CORPUS_CONLLU, NULL);
    size_t na, nb;
    const void *da = vnseg_model_data(a, &na), *db = vnseg_model_data(b, &nb);
    assert_int_equal(na, nb);
    assert_memory_equal(da, db, na);
    vnseg_model_free(a);
    vnseg_model_free(b);
}

static void test_lexicon_only_model(void **state)
{
    (void)state;
    const char *words = "học sinh\nhọc_sinh giỏi\nHà Nội\ttên riêng\nvui mừng\nmột\n";
    vnseg_model *m = train_text(NULL, VNSEG_CORPUS_SEGMENTED, words);
    vnseg_model_info info;
    vnseg_model_get_info(m, &info);
    assert_int_equal(info.kind, VNSEG_MODEL_LEXICON);
    assert_int_equal(info.lexicon_words, 4);
    assert_int_equal(info.hash_bits, 0);
    vnseg_segmenter *s;
    assert_int_equal(vnseg_segmenter_new(m, &s), VNSEG_OK);
    char *out = seg_string(s, "Học sinh giỏi ở Hà Nội rất vui mừng, ông Trần Văn Bình nói.", 0);
    assert_string_equal(out, "Học_sinh_giỏi ở Hà_Nội rất vui_mừng , ông Trần_Văn_Bình nói .");
    free(out);
    vnseg_segmenter_free(s);
    vnseg_model_free(m);
}

static void test_buffer_api_and_errors(void **state)
{
    (void)state;
    vnseg_model *m = tiny_model();
    const char *raw = "Học sinh Hà Nội rất vui mừng.";
    size_t need = 0;
    assert_int_equal(vnseg_segment_to_buffer(m, raw, strlen(raw), 0, NULL, 0, &need),
                     VNSEG_E_BUFFER);
    assert_int_equal(need, strlen(seg_expect[0]));
    char buf[64];
    size_t got = 0;
    assert_int_equal(vnseg_segment_to_buffer(m, raw, strlen(raw), 0, buf, sizeof buf, &got),
                     VNSEG_OK);
    assert_int_equal(got, need);
    assert_memory_equal(buf, seg_expect[0], got);
    assert_int_equal(vnseg_segment_to_buffer(m, "ab \xFF", 4, 0, buf, sizeof buf, &got),
                     VNSEG_E_INVALID_UTF8);
    assert_int_equal(vnseg_error_last()->offset, 3);
    assert_int_equal(
        vnseg_segment_to_buffer(m, "ab \xFF", 4, VNSEG_OPT_LENIENT, buf, sizeof buf, &got),
        VNSEG_OK);
    assert_int_equal(vnseg_segment_to_buffer(m, "ab", 2, VNSEG_OPT_ESCAPES, buf, sizeof buf, &got),
                     VNSEG_E_INVALID_ARG);
    vnseg_segmenter *s = NULL;
    assert_int_equal(vnseg_segmenter_new(NULL, &s), VNSEG_E_INVALID_ARG);
    vnseg_trainer *t;
    assert_int_equal(vnseg_trainer_new(NULL, &t), VNSEG_OK);
    vnseg_model *none = NULL;
    assert_int_equal(vnseg_trainer_train(t, NULL, NULL, &none), VNSEG_E_NOT_FOUND);
    assert_null(none);
    assert_int_equal(vnseg_trainer_add(t, VNSEG_CORPUS_SEGMENTED, "a \xFF", 3),
                     VNSEG_E_INVALID_UTF8);
    vnseg_trainer_free(t);
    vnseg_train_options bad = {sizeof bad, 0, 40, 0, 0};
    assert_int_equal(vnseg_trainer_new(&bad, &t), VNSEG_E_INVALID_ARG);
    bad.size = 3;
    assert_int_equal(vnseg_trainer_new(&bad, &t), VNSEG_E_INVALID_ARG);
    vnseg_model_free(m);
}

static char tmp_path[64];

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
}

static void test_model_files(void **state)
{
    (void)state;
    vnseg_model *m = tiny_model();
    snprintf(tmp_path, sizeof tmp_path, "/tmp/vnseg-test-%ld.model", (long)getpid());
    assert_int_equal(vnseg_model_save(m, tmp_path), VNSEG_OK);
    vnseg_model *o = NULL;
    assert_int_equal(vnseg_model_open(tmp_path, &o), VNSEG_OK);
    size_t na, no;
    const unsigned char *da = vnseg_model_data(m, &na), *dn = vnseg_model_data(o, &no);
    assert_int_equal(na, no);
    assert_memory_equal(da, dn, na);
    /* Segments like the model it was saved from. */
    vnseg_segmenter *s;
    assert_int_equal(vnseg_segmenter_new(o, &s), VNSEG_OK);
    char *out = seg_string(s, raw_lines[0], 0);
    assert_string_equal(out, seg_expect[0]);
    free(out);
    vnseg_segmenter_free(s);
    vnseg_model_free(o);

    unsigned char *bad = malloc(na);
    assert_non_null(bad);
    /* Truncated at every length (in steps): always an error, never a crash. */
    for (size_t n = 0; n < na; n += n < 256 ? 1 : 997) {
        vnseg_model *x = NULL;
        vnseg_status st = vnseg_model_load(da, n, &x);
        assert_true(st == VNSEG_E_FORMAT || st == VNSEG_E_VERSION);
        assert_null(x);
    }
    write_file(tmp_path, da, na / 2);
    assert_int_equal(vnseg_model_open(tmp_path, &o), VNSEG_E_FORMAT);
    assert_non_null(strstr(vnseg_error_last()->message, tmp_path));
    /* A flipped bit anywhere is caught. */
    for (size_t i = 0; i < na; i += i < 256 ? 1 : 4099) {
        memcpy(bad, da, na);
        bad[i] ^= 0x10;
        vnseg_model *x = NULL;
        vnseg_status st = vnseg_model_load(bad, na, &x);
        assert_true(st == VNSEG_E_FORMAT || st == VNSEG_E_VERSION);
        assert_null(x);
    }
    /* Another format version. */
    memcpy(bad, da, na);
    bad[8] = VNSEG_MODEL_VERSION + 1;
    vnseg_model *x = NULL;
    assert_int_equal(vnseg_model_load(bad, na, &x), VNSEG_E_VERSION);
    write_file(tmp_path, bad, na);
    assert_int_equal(vnseg_model_open(tmp_path, &x), VNSEG_E_VERSION);
    /* A model of the previous feature set (3: before the previous-label features on the
     * lexicon and the two syllables) is refused, checksum or not. */
    memcpy(bad, da, na);
    for (unsigned fs = 0; fs < VN_FEATURE_SET; fs++) {
        vn_put32(bad + VN_H_FEATURE_SET, fs);
        vn_put64(bad + VN_H_CHECKSUM, 0);
        vn_put64(bad + VN_H_CHECKSUM, vn_checksum(bad, na));
        assert_int_equal(vnseg_model_load(bad, na, &x), VNSEG_E_VERSION);
        assert_null(x);
    }
    memcpy(bad, "NOTAMODEL", 9);
    assert_int_equal(vnseg_model_load(bad, na, &x), VNSEG_E_FORMAT);
    free(bad);
    unlink(tmp_path);
    assert_int_equal(vnseg_model_open(tmp_path, &x), VNSEG_E_NOT_FOUND);
    assert_int_equal(vnseg_model_open("/", &x), VNSEG_E_IO);
    vnseg_model_free(m);
}

static void test_allocation_failures(void **state)
{
    (void)state;
    vnseg_model *ref = tiny_model();
    size_t msize;
    const void *mdata = vnseg_model_data(ref, &msize);
    vnseg_allocator a = tu_failing_allocator();
    vnseg_set_allocator(&a);
    /* Training, loading and segmenting, failing each allocation in turn. */
    bool finished = false;
    for (tu_fail_at = 0; !finished && tu_fail_at < 5000; tu_fail_at++) {
        tu_live = tu_calls = 0;
        vnseg_trainer *t = NULL;
        vnseg_model *m = NULL, *l = NULL;
        vnseg_segmenter *s = NULL;
        const vnseg_doc *doc = NULL;
        vnseg_status st = vnseg_trainer_new(NULL, &t);
        if (st == VNSEG_OK)
            st = vnseg_trainer_add(t, VNSEG_CORPUS_SEGMENTED, corpus, strlen(corpus));
        if (st == VNSEG_OK) st = vnseg_trainer_add(t, VNSEG_CORPUS_WORDLIST, "vui mừng\n", 9 + 3);
        if (st == VNSEG_OK) st = vnseg_trainer_train(t, NULL, NULL, &m);
        if (st == VNSEG_OK) st = vnseg_model_load(mdata, msize, &l);
        if (st == VNSEG_OK) st = vnseg_segmenter_new(l, &s);
        for (size_t i = 0; st == VNSEG_OK && i < NLINES; i++) {
            st = vnseg_segment(s, raw_lines[i], strlen(raw_lines[i]), 0);
            if (st == VNSEG_OK) st = vnseg_segmenter_doc(s, &doc);
        }
        assert_true(st == VNSEG_OK || st == VNSEG_E_NOMEM);
        if (st == VNSEG_OK && tu_calls <= tu_fail_at) finished = true;
        vnseg_segmenter_free(s);
        vnseg_model_free(l);
        vnseg_model_free(m);
        vnseg_trainer_free(t);
        assert_int_equal(tu_live, 0);
    }
    assert_true(finished);
    vnseg_set_allocator(NULL);
    vnseg_model_free(ref);
}

typedef struct thread_job {
    const vnseg_model *model;
    char *results[NLINES];
} thread_job;

static void *segment_all(void *arg)
{
    thread_job *job = arg;
    vnseg_segmenter *s;
    if (vnseg_segmenter_new(job->model, &s) != VNSEG_OK) return NULL;
    for (int round = 0; round < 50; round++)
        for (size_t i = 0; i < NLINES; i++) {
            if (vnseg_segment(s, raw_lines[i], strlen(raw_lines[i]), 0) != VNSEG_OK) continue;
            size_t n;
            const char *out = vnseg_segmenter_text(s, &n);
            if (round == 0) {
                job->results[i] = malloc(n + 1);
                memcpy(job->results[i], out, n);
                job->results[i][n] = 0;
            } else if (strlen(job->results[i]) != n || memcmp(job->results[i], out, n) != 0) {
                job->results[i][0] = '!';
            }
        }
    vnseg_segmenter_free(s);
    return job;
}

static void test_threads_share_a_model(void **state)
{
    (void)state;
    vnseg_model *m = tiny_model();
    thread_job single = {m, {0}};
    segment_all(&single);
    enum { N = 4 };
    thread_job jobs[N];
    pthread_t th[N];
    for (int k = 0; k < N; k++) {
        jobs[k] = (thread_job){m, {0}};
        assert_int_equal(pthread_create(&th[k], NULL, segment_all, &jobs[k]), 0);
    }
    for (int k = 0; k < N; k++) {
        void *r;
        assert_int_equal(pthread_join(th[k], &r), 0);
        assert_non_null(r);
        for (size_t i = 0; i < NLINES; i++) {
            assert_non_null(jobs[k].results[i]);
            assert_string_equal(jobs[k].results[i], single.results[i]);
            free(jobs[k].results[i]);
        }
    }
    for (size_t i = 0; i < NLINES; i++)
        free(single.results[i]);
    vnseg_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_train_and_segment),
        cmocka_unit_test(test_lossless_round_trip),
        cmocka_unit_test(test_round_trip_detokenizer),
        cmocka_unit_test(test_nfd_and_old_tone_style),
        cmocka_unit_test(test_conllu_and_determinism),
        cmocka_unit_test(test_lexicon_only_model),
        cmocka_unit_test(test_buffer_api_and_errors),
        cmocka_unit_test(test_model_files),
        cmocka_unit_test(test_allocation_failures),
        cmocka_unit_test(test_threads_share_a_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
