/* Two builds of libvnseg in one process, timed against each other round by round: the way to
 * tell a 3 % change on a shared machine, where runs minutes apart differ by 30 %.
 *   bench_ab LIB_A LIB_B CORPUS [ROUNDS] [whole|lines|reader]
 * Each library is loaded with dlmopen() into a namespace of its own (both have the same
 * soname). Every round times the memchr(' ') split loop, A and B back to back, in an order
 * that alternates; it prints the median over rounds of B's time / A's time and each one's ratio
 * to the split loop. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdbool.h>
#include <stdint.h>

#include <vnseg.h>

#include "bench.h"

typedef struct lib {
    const char *path;
    vnseg_doc *(*doc_new)(void);
    vnseg_status (*tokenize)(vnseg_doc *, const char *, size_t, uint32_t);
    size_t (*token_count)(const vnseg_doc *);
    size_t (*sentence_count)(const vnseg_doc *);
    vnseg_status (*reader_new_memory)(const char *, size_t, size_t, vnseg_reader **);
    int (*reader_next)(vnseg_reader *, vnseg_line *);
    void (*reader_free)(vnseg_reader *);
    vnseg_doc *doc;
} lib;

static void *sym(void *h, const char *path, const char *name)
{
    void *p = dlsym(h, name);
    if (!p) {
        fprintf(stderr, "%s: no symbol %s\n", path, name);
        exit(1);
    }
    return p;
}

static void open_lib(lib *l, const char *path)
{
    void *h = dlmopen(LM_ID_NEWLM, path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        fprintf(stderr, "%s\n", dlerror());
        exit(1);
    }
    l->path = path;
    *(void **)&l->doc_new = sym(h, path, "vnseg_doc_new");
    *(void **)&l->tokenize = sym(h, path, "vnseg_tokenize");
    *(void **)&l->token_count = sym(h, path, "vnseg_doc_token_count");
    *(void **)&l->sentence_count = sym(h, path, "vnseg_doc_sentence_count");
    *(void **)&l->reader_new_memory = sym(h, path, "vnseg_reader_new_memory");
    *(void **)&l->reader_next = sym(h, path, "vnseg_reader_next");
    *(void **)&l->reader_free = sym(h, path, "vnseg_reader_free");
    l->doc = l->doc_new();
}

enum { WHOLE, LINES, READER };

/* One pass: the whole buffer in one call, or one call a line: split at LF here (LINES, so that
 * both libraries see the same calls), or by the library's own vnseg_reader (READER, lines
 * without their LF, the way `vnseg tokenize` goes). Returns tokens + sentences. */
static size_t run(lib *l, const char *s, size_t n, int mode)
{
    if (mode == READER) {
        vnseg_reader *r;
        vnseg_line line;
        size_t count = 0;
        if (l->reader_new_memory(s, n, 0, &r) != VNSEG_OK) exit(1);
        while (l->reader_next(r, &line) > 0) {
            if (l->tokenize(l->doc, line.data, line.length, 0) != VNSEG_OK) exit(1);
            count += l->token_count(l->doc) + l->sentence_count(l->doc);
        }
        l->reader_free(r);
        return count;
    }
    if (mode == WHOLE) {
        if (l->tokenize(l->doc, s, n, 0) != VNSEG_OK) exit(1);
        return l->token_count(l->doc) + l->sentence_count(l->doc);
    }
    size_t count = 0;
    const char *p = s, *end = s + n;
    while (p < end) {
        const char *q = memchr(p, '\n', (size_t)(end - p));
        q = q ? q + 1 : end;
        if (l->tokenize(l->doc, p, (size_t)(q - p), 0) != VNSEG_OK) exit(1);
        count += l->token_count(l->doc) + l->sentence_count(l->doc);
        p = q;
    }
    return count;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench_ab LIB_A LIB_B CORPUS [ROUNDS] [whole|lines|reader]\n");
        return 2;
    }
    lib a, b;
    open_lib(&a, argv[1]);
    open_lib(&b, argv[2]);
    size_t n;
    char *buf = bench_read_file(argv[3], &n);
    int rounds = argc > 4 ? atoi(argv[4]) : 21;
    int lines = argc <= 5                    ? WHOLE
                : !strcmp(argv[5], "lines")  ? LINES
                : !strcmp(argv[5], "reader") ? READER
                                             : WHOLE;
    if (rounds < 1 || rounds > 1000) rounds = 21;
    if (run(&a, buf, n, lines) != run(&b, buf, n, lines)) /* warm up, and a sanity check */
        fprintf(stderr, "warning: the two libraries give different token/sentence counts\n");

    double *ba = malloc(sizeof(double) * (size_t)rounds);
    double *ra = malloc(sizeof(double) * (size_t)rounds);
    double *rb = malloc(sizeof(double) * (size_t)rounds);
    if (!ba || !ra || !rb) return 1;
    for (int r = 0; r < rounds; r++) {
        double t0 = bench_now();
        bench_sink = bench_split_memchr(buf, n);
        double t1 = bench_now(), ta, tb;
        lib *first = r % 2 ? &b : &a, *second = r % 2 ? &a : &b;
        bench_sink = run(first, buf, n, lines);
        double t2 = bench_now();
        bench_sink = run(second, buf, n, lines);
        double t3 = bench_now();
        ta = r % 2 ? t3 - t2 : t2 - t1;
        tb = r % 2 ? t2 - t1 : t3 - t2;
        ba[r] = tb / ta;
        ra[r] = (t1 - t0) / ta;
        rb[r] = (t1 - t0) / tb;
    }
    printf("%s, %d rounds, %.1f MB\n",
           lines == READER  ? "line by line (vnseg_reader)"
           : lines == LINES ? "line by line"
                            : "whole buffer",
           rounds, (double)n / 1e6);
    printf("median ratio to the split loop: A %.3f  B %.3f\n", median(ra, rounds),
           median(rb, rounds));
    double m = median(ba, rounds);
    printf("median time B / A: %.3f (B is %.1f %% %s)\n", m, (m <= 1 ? 1 - m : m - 1) * 100,
           m <= 1 ? "faster" : "slower");
    free(ba);
    free(ra);
    free(rb);
    free(buf);
    return 0;
}
