/* One warmed-up tokenizer pass for instruction counts: tokenizes CORPUS once (memo, arrays),
 * then once more in MODE inside a function named measured_*, which callgrind counts alone:
 *   valgrind --tool=callgrind --toggle-collect='measured_*' tokenize_once CORPUS MODE
 * MODE: whole, lenient, lines (one vnseg_tokenize call a line through vnseg_reader), split
 * (the memchr(' ') loop of bench_tokenize). Prints the corpus size in bytes. */
#include <vnseg.h>

#include "bench.h"

__attribute__((noinline)) static void measured_whole(vnseg_doc *doc, const char *s, size_t n,
                                                     uint32_t opts)
{
    if (vnseg_tokenize(doc, s, n, opts) != VNSEG_OK) exit(1);
    bench_sink = vnseg_doc_token_count(doc);
}

__attribute__((noinline)) static void measured_lines(vnseg_doc *doc, const char *s, size_t n)
{
    vnseg_reader *r;
    vnseg_line line;
    size_t count = 0;
    if (vnseg_reader_new_memory(s, n, 0, &r) != VNSEG_OK) exit(1);
    while (vnseg_reader_next(r, &line) > 0) {
        vnseg_tokenize(doc, line.data, line.length, 0);
        count += vnseg_doc_token_count(doc);
    }
    vnseg_reader_free(r);
    bench_sink = count;
}

__attribute__((noinline)) static void measured_split(const char *s, size_t n)
{
    bench_sink = bench_split_memchr(s, n);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: tokenize_once CORPUS whole|lenient|lines|split\n");
        return 2;
    }
    size_t n;
    char *buf = bench_read_file(argv[1], &n);
    vnseg_doc *doc = vnseg_doc_new();
    if (!doc || vnseg_tokenize(doc, buf, n, 0) != VNSEG_OK) return 1; /* warm up */
    const char *mode = argv[2];
    if (!strcmp(mode, "whole"))
        measured_whole(doc, buf, n, 0);
    else if (!strcmp(mode, "lenient"))
        measured_whole(doc, buf, n, VNSEG_OPT_LENIENT);
    else if (!strcmp(mode, "lines"))
        measured_lines(doc, buf, n);
    else if (!strcmp(mode, "split"))
        measured_split(buf, n);
    else {
        fprintf(stderr, "tokenize_once: unknown mode %s\n", mode);
        return 2;
    }
    printf("%zu\n", n);
    vnseg_doc_free(doc);
    free(buf);
    return 0;
}
