/* Segmenter throughput on raw text (a segmented corpus with `_` turned into spaces), as a
 * ratio to a memchr(' ') split loop over the same buffer in the same run; model load time and
 * memory. */
#include <sys/resource.h>

#include <vnseg.h>

#include "bench.h"

/* Segment line by line, as `vnseg segment` does; returns the output bytes. */
static size_t segment_lines(vnseg_segmenter *seg, const char *s, size_t n)
{
    vnseg_reader *r;
    vnseg_line line;
    size_t out = 0;
    vnseg_reader_new_memory(s, n, 0, &r);
    while (vnseg_reader_next(r, &line) > 0) {
        if (vnseg_segment(seg, line.data, line.length, VNSEG_OPT_LENIENT) != VNSEG_OK) {
            fprintf(stderr, "segment failed: %s\n", vnseg_error_last()->message);
            exit(1);
        }
        size_t k;
        vnseg_segmenter_text(seg, &k);
        out += k;
    }
    vnseg_reader_free(r);
    return out;
}

/* The same, also building the document over each result. */
static size_t segment_lines_doc(vnseg_segmenter *seg, const char *s, size_t n)
{
    vnseg_reader *r;
    vnseg_line line;
    size_t tokens = 0;
    vnseg_reader_new_memory(s, n, 0, &r);
    while (vnseg_reader_next(r, &line) > 0) {
        const vnseg_doc *doc;
        if (vnseg_segment(seg, line.data, line.length, VNSEG_OPT_LENIENT) != VNSEG_OK ||
            vnseg_segmenter_doc(seg, &doc) != VNSEG_OK) {
            fprintf(stderr, "segment failed: %s\n", vnseg_error_last()->message);
            exit(1);
        }
        tokens += vnseg_doc_token_count(doc);
    }
    vnseg_reader_free(r);
    return tokens;
}

static double peak_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024.0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_segment MODEL SEGMENTED-CORPUS [ROUNDS]\n");
        return 2;
    }
    int rounds = argc > 3 ? atoi(argv[3]) : 5;
    double t0 = bench_now();
    vnseg_model *model;
    if (vnseg_model_open(argv[1], &model) != VNSEG_OK) {
        fprintf(stderr, "%s\n", vnseg_error_last()->message);
        return 1;
    }
    double load_ms = (bench_now() - t0) * 1e3;
    double rss_model = peak_mb();
    vnseg_model_info info;
    vnseg_model_get_info(model, &info);

    size_t n;
    char *buf = bench_read_file(argv[2], &n);
    for (size_t i = 0; i < n; i++)
        if (buf[i] == '_')
            buf[i] = ' '; /* raw text: the syllables of each word separated by spaces */
    double rss_text = peak_mb();

    vnseg_segmenter *seg;
    vnseg_segmenter_new(model, &seg);
    segment_lines(seg, buf, n); /* warm up */
    double best_split = 1e9, best_seg = 1e9, best_doc = 1e9;
    double cpu_split = 1e9, cpu_seg = 1e9, cpu_doc = 1e9;
    size_t out = 0;
    for (int r = 0; r < rounds; r++) {
        double a = bench_now(), ca = bench_cpu_now();
        bench_sink = bench_split_memchr(buf, n);
        double b = bench_now(), cb = bench_cpu_now();
        out = segment_lines(seg, buf, n);
        double c = bench_now(), cc = bench_cpu_now();
        bench_sink = segment_lines_doc(seg, buf, n);
        double d = bench_now(), cd = bench_cpu_now();
        if (b - a < best_split) best_split = b - a;
        if (c - b < best_seg) best_seg = c - b;
        if (d - c < best_doc) best_doc = d - c;
        if (cb - ca < cpu_split) cpu_split = cb - ca;
        if (cc - cb < cpu_seg) cpu_seg = cc - cb;
        if (cd - cc < cpu_doc) cpu_doc = cd - cc;
    }
    double mb = (double)n / 1e6;
    printf("corpus: %.1f MB of raw text, %zu bytes segmented\n", mb, out);
    printf("model: %s, %.1f MB (%s, 2^%u weights, %llu lexicon words), open %.2f ms\n", argv[1],
           info.file_bytes / 1e6, info.kind == VNSEG_MODEL_PERCEPTRON ? "perceptron" : "lexicon",
           info.hash_bits, (unsigned long long)info.lexicon_words, load_ms);
    printf("%-40s %9s %8s %9s %8s\n", "", "MB/s", "ratio", "CPU MB/s", "ratio");
    printf("%-40s %9.0f %8.3f %9.0f %8.3f\n", "memchr(' ') split loop", mb / best_split, 1.0,
           mb / cpu_split, 1.0);
    printf("%-40s %9.1f %8.3f %9.1f %8.3f\n", "vnseg_segment, line by line", mb / best_seg,
           best_split / best_seg, mb / cpu_seg, cpu_split / cpu_seg);
    printf("%-40s %9.1f %8.3f %9.1f %8.3f\n", "vnseg_segment + vnseg_segmenter_doc",
           mb / best_doc, best_split / best_doc, mb / cpu_doc, cpu_split / cpu_doc);
    printf("peak RSS: %.1f MB (after open: %.1f, with the corpus: %.1f); working memory beyond\n"
           "model and corpus: %.1f MB\n",
           peak_mb(), rss_model, rss_text, peak_mb() - rss_text);
    vnseg_segmenter_free(seg);
    vnseg_model_free(model);
    free(buf);
    return 0;
}
