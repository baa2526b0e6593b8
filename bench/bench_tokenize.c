/* Tokenizer throughput on a segmented corpus, as a ratio to a memchr(' ') split loop over the
 * same buffer, measured in the same run (runs interleaved, best of N for each). */
#include <vnseg.h>

#include "bench.h"

static size_t tokenize_whole(vnseg_doc *doc, const char *s, size_t n, uint32_t opts)
{
    if (vnseg_tokenize(doc, s, n, opts) != VNSEG_OK) {
        fprintf(stderr, "tokenize failed: %s\n", vnseg_error_last()->message);
        exit(1);
    }
    return vnseg_doc_token_count(doc) + vnseg_doc_sentence_count(doc);
}

static size_t tokenize_lines(vnseg_doc *doc, const char *s, size_t n, uint32_t opts)
{
    vnseg_reader *r;
    vnseg_line line;
    size_t count = 0;
    vnseg_reader_new_memory(s, n, 0, &r);
    while (vnseg_reader_next(r, &line) > 0) {
        vnseg_tokenize(doc, line.data, line.length, opts);
        count += vnseg_doc_token_count(doc);
    }
    vnseg_reader_free(r);
    return count;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_tokenize CORPUS [ROUNDS]\n");
        return 2;
    }
    size_t n;
    char *buf = bench_read_file(argv[1], &n);
    int rounds = argc > 2 ? atoi(argv[2]) : 5;
    vnseg_doc *doc = vnseg_doc_new();
    tokenize_whole(doc, buf, n, 0); /* warm up: tables, page faults */

    double best_split = 1e9, best_whole = 1e9, best_lines = 1e9, best_lenient = 1e9;
    for (int r = 0; r < rounds; r++) {
        double t0 = bench_now();
        bench_sink = bench_split_memchr(buf, n);
        double t1 = bench_now();
        bench_sink = tokenize_whole(doc, buf, n, 0);
        double t2 = bench_now();
        bench_sink = tokenize_lines(doc, buf, n, 0);
        double t3 = bench_now();
        bench_sink = tokenize_whole(doc, buf, n, VNSEG_OPT_LENIENT);
        double t4 = bench_now();
        if (t1 - t0 < best_split) best_split = t1 - t0;
        if (t2 - t1 < best_whole) best_whole = t2 - t1;
        if (t3 - t2 < best_lines) best_lines = t3 - t2;
        if (t4 - t3 < best_lenient) best_lenient = t4 - t3;
    }
    tokenize_whole(doc, buf, n, 0);
    double mb = (double)n / 1e6;
    printf("corpus: %.1f MB, %zu tokens, %zu sentences, %zu pieces split at spaces\n", mb,
           vnseg_doc_token_count(doc), vnseg_doc_sentence_count(doc), bench_split_memchr(buf, n));
    printf("%-34s %9s %8s\n", "", "MB/s", "ratio");
    printf("%-34s %9.0f %8.2f\n", "memchr(' ') split loop", mb / best_split, 1.0);
    printf("%-34s %9.0f %8.2f\n", "vnseg_tokenize, whole buffer", mb / best_whole,
           best_split / best_whole);
    printf("%-34s %9.0f %8.2f\n", "vnseg_tokenize, line by line", mb / best_lines,
           best_split / best_lines);
    printf("%-34s %9.0f %8.2f\n", "vnseg_tokenize, lenient", mb / best_lenient,
           best_split / best_lenient);
    vnseg_doc_free(doc);
    free(buf);
    return 0;
}
