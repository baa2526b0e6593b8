/* Shared helpers of the benchmarks: reading a corpus, a monotonic clock, the memchr baseline. */
#ifndef VNSEG_BENCH_H
#define VNSEG_BENCH_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static inline double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of the calling thread: what other processes on a shared machine do not skew. */
static inline double bench_cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Read a whole file into an exact-size heap buffer; exits on failure. */
static inline char *bench_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        exit(1);
    }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc(n > 0 ? (size_t)n : 1);
    if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
        fprintf(stderr, "%s: cannot read\n", path);
        exit(1);
    }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

/* The baseline every benchmark is a ratio to: split at spaces with memchr and count the
 * pieces. */
static inline size_t bench_split_memchr(const char *s, size_t n)
{
    size_t count = 0;
    const char *p = s, *end = s + n;
    while (p < end) {
        const char *q = memchr(p, ' ', (size_t)(end - p));
        if (!q) q = end;
        count += q > p;
        p = q + 1;
    }
    return count;
}

/* Keep a value alive so the compiler cannot drop the work that made it. */
static volatile size_t bench_sink;

#endif
