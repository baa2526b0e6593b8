/* Detokenizer throughput on a segmented corpus, as a ratio to a memchr(' ') split loop over the
 * same buffer, measured in the same run (runs interleaved, best of N for each). Times are the
 * thread's CPU time, so that other processes on a shared machine do not skew the ratios. */
#include <vnseg.h>

#include "bench.h"

static void fail(const char *what)
{
    fprintf(stderr, "%s failed: %s\n", what, vnseg_error_last()->message);
    exit(1);
}

/* Something of the result, so that the work cannot be dropped. */
static size_t digest(const vnseg_detok *d)
{
    size_t len, last = vnseg_detok_token_count(d);
    vnseg_detok_text(d, &len);
    return len + (last ? (size_t)vnseg_detok_spans(d)[last - 1].offset : 0);
}

/* Detokenize a document already tokenized (text and alignment) into a reused result. */
static size_t detok_doc(vnseg_detok *d, const vnseg_doc *doc, uint32_t opts)
{
    if (vnseg_detokenize_into(d, doc, opts) != VNSEG_OK) fail("vnseg_detokenize_into");
    return digest(d);
}

/* The same into a new result each time, freed after: fresh memory for every call. */
static size_t detok_fresh(const vnseg_doc *doc)
{
    vnseg_detok *d;
    if (vnseg_detokenize(doc, 0, &d) != VNSEG_OK) fail("vnseg_detokenize");
    size_t r = digest(d);
    vnseg_detok_free(d);
    return r;
}

/* Tokenize and detokenize a buffer. */
static size_t tokenize_detok(vnseg_doc *doc, vnseg_detok *d, const char *s, size_t n)
{
    if (vnseg_tokenize(doc, s, n, 0) != VNSEG_OK) fail("vnseg_tokenize");
    return detok_doc(d, doc, 0);
}

/* Line by line as the vnseg program reads a file: tokenize and detokenize each line. */
static size_t detok_lines(vnseg_doc *doc, vnseg_detok *d, const char *s, size_t n)
{
    vnseg_reader *r;
    vnseg_line line;
    size_t count = 0;
    if (vnseg_reader_new_memory(s, n, 0, &r) != VNSEG_OK) fail("vnseg_reader_new_memory");
    while (vnseg_reader_next(r, &line) > 0)
        count += tokenize_detok(doc, d, line.data, line.length);
    vnseg_reader_free(r);
    return count;
}

/* Text only, into a caller's buffer. */
static size_t detok_text(const char *s, size_t n, char *out)
{
    size_t len;
    if (vnseg_detokenize_text(s, n, 0, out, n, &len) != VNSEG_OK) fail("vnseg_detokenize_text");
    return len;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_detok CORPUS [ROUNDS [doc]]\n");
        return 2;
    }
    size_t n;
    char *buf = bench_read_file(argv[1], &n);
    char *out = malloc(n ? n : 1);
    int rounds = argc > 2 ? atoi(argv[2]) : 5;
    vnseg_doc *doc = vnseg_doc_new(), *line_doc = vnseg_doc_new();
    vnseg_detok *d = vnseg_detok_new(), *line_d = vnseg_detok_new();
    if (!out || !doc || !line_doc || !d || !line_d || vnseg_tokenize(doc, buf, n, 0) != VNSEG_OK)
        fail("setup");
    bench_sink = detok_doc(d, doc, 0); /* warm up: tables, page faults */
    if (argc > 3 && strcmp(argv[3], "doc") == 0) {
        /* Only the main row, ROUNDS times and untimed: for instruction counts, e.g.
         * valgrind --tool=callgrind --toggle-collect=vnseg_detokenize_into ... CORPUS 2 doc */
        for (int r = 0; r < rounds; r++)
            bench_sink = detok_doc(d, doc, 0);
        printf("%d calls of vnseg_detokenize_into on %zu bytes (%zu tokens)\n", rounds + 1, n,
               vnseg_doc_token_count(doc));
        rounds = 0; /* skip the timed runs */
    }

    enum { SPLIT, DOC, FRESH, LOSSLESS, BOTH, LINES, TEXT, RUNS };
    static const char *const names[RUNS] = {
        "memchr(' ') split loop",
        "detokenize a tokenized doc (text+alignment)",
        "  the same, a new result each time",
        "  the same, lossless",
        "tokenize + detokenize, whole buffer",
        "tokenize + detokenize, line by line",
        "vnseg_detokenize_text (text only)",
    };
    double best[RUNS];
    for (int k = 0; k < RUNS; k++)
        best[k] = 1e9;
    for (int r = 0; r < rounds; r++) {
        double t[RUNS + 1];
        t[0] = bench_cpu_now();
        bench_sink = bench_split_memchr(buf, n);
        t[1] = bench_cpu_now();
        bench_sink = detok_doc(d, doc, 0);
        t[2] = bench_cpu_now();
        bench_sink = detok_fresh(doc);
        t[3] = bench_cpu_now();
        bench_sink = detok_doc(d, doc, VNSEG_DETOK_LOSSLESS);
        t[4] = bench_cpu_now();
        bench_sink = tokenize_detok(line_doc, line_d, buf, n);
        t[5] = bench_cpu_now();
        bench_sink = detok_lines(line_doc, line_d, buf, n);
        t[6] = bench_cpu_now();
        bench_sink = detok_text(buf, n, out);
        t[7] = bench_cpu_now();
        for (int k = 0; k < RUNS; k++)
            if (t[k + 1] - t[k] < best[k]) best[k] = t[k + 1] - t[k];
    }
    double mb = (double)n / 1e6;
    if (!rounds) goto done;
    printf("corpus: %.1f MB, %zu tokens, %zu lines\n", mb, vnseg_doc_token_count(doc),
           vnseg_doc_line_count(doc));
    printf("%-46s %9s %8s\n", "", "MB/s", "ratio");
    for (int k = 0; k < RUNS; k++)
        printf("%-46s %9.0f %8.2f\n", names[k], mb / best[k], best[SPLIT] / best[k]);
done:
    vnseg_detok_free(d);
    vnseg_detok_free(line_d);
    vnseg_doc_free(line_doc);
    vnseg_doc_free(doc);
    free(out);
    free(buf);
    return 0;
}
