/* Normalization throughput: already-normalized input as a ratio to a memchr(' ') split loop
 * over the same buffer in the same run, raw, NFD and legacy input in MB/s (best of N rounds),
 * whole buffers and line by line (as the vnseg program works), by wall clock and by the
 * thread's CPU time (which other processes on a busy machine disturb much less). malloc keeps
 * freed memory, so that rounds measure the work and not the kernel's first-touch page faults
 * of a new 20 MB buffer (25 us per page on the virtual machine we measured on). */
#include <utf8proc.h>
#include <vnseg.h>

#include "bench.h"
#ifdef __GLIBC__
#include <malloc.h>
#endif

static size_t run(const char *s, size_t n, int encoding, uint32_t steps, int *changed);

/* The same, one line at a time. */
static size_t run_lines(const char *s, size_t n, int encoding, uint32_t steps)
{
    size_t out = 0;
    const char *p = s, *end = s + n;
    while (p < end) {
        const char *q = memchr(p, '\n', (size_t)(end - p));
        if (!q) q = end;
        out += run(p, (size_t)(q - p), encoding, steps, NULL) + 1;
        p = q + 1;
    }
    return out;
}

/* One normalization or decoding of the whole buffer; returns the output length. */
static size_t run(const char *s, size_t n, int encoding, uint32_t steps, int *changed)
{
    vnseg_norm *r = NULL;
    vnseg_status st = encoding < 0 ? vnseg_normalize(s, n, steps, &r)
                                   : vnseg_decode_legacy(s, n, encoding, steps, &r);
    if (st != VNSEG_OK) {
        fprintf(stderr, "normalize failed: %s\n", vnseg_error_last()->message);
        exit(1);
    }
    size_t len;
    vnseg_norm_text(r, &len);
    if (changed) *changed = vnseg_norm_changed(r);
    vnseg_norm_free(r);
    return len;
}

typedef struct job {
    const char *name;
    const char *buf;
    size_t len;
    int encoding; /* -1: vnseg_normalize */
    uint32_t steps;
    bool lines;
    double best, best_cpu;
} job;

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_normalize CORPUS [ROUNDS]\n");
        return 2;
    }
    size_t n;
    char *nfc = bench_read_file(argv[1], &n);
    int rounds = argc > 2 ? atoi(argv[2]) : 5;

    /* NFD: the corpus decomposed with utf8proc. */
    utf8proc_uint8_t *nfd = NULL;
    utf8proc_ssize_t nfd_len = utf8proc_map((const utf8proc_uint8_t *)nfc, (utf8proc_ssize_t)n,
                                            &nfd, UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
    if (nfd_len < 0) {
        fprintf(stderr, "utf8proc: %s\n", utf8proc_errmsg(nfd_len));
        return 1;
    }
    /* Legacy: the corpus in each encoding, by our encoder ('?' for what it lacks). */
    static const int encs[] = {VNSEG_ENC_TCVN3,  VNSEG_ENC_VNI,    VNSEG_ENC_VIQR,
                               VNSEG_ENC_VISCII, VNSEG_ENC_CP1258, VNSEG_ENC_MOJIBAKE};
    enum { NENC = sizeof encs / sizeof *encs };
    char *legacy[NENC];
    size_t legacy_len[NENC];
    for (int e = 0; e < NENC; e++) {
        size_t need = 0;
        vnseg_encode_legacy(nfc, n, encs[e], VNSEG_ENCODE_SUBSTITUTE, NULL, 0, &need);
        legacy[e] = malloc(need ? need : 1);
        vnseg_encode_legacy(nfc, n, encs[e], VNSEG_ENCODE_SUBSTITUTE, legacy[e], need, &need);
        legacy_len[e] = need;
    }

    /* Already normalized: the corpus after the default steps, which then change nothing. */
    vnseg_norm *clean = NULL;
    if (vnseg_normalize(nfc, n, VNSEG_NORM_DEFAULT, &clean) != VNSEG_OK) return 1;
    size_t clean_len;
    const char *clean_text = vnseg_norm_text(clean, &clean_len);

    static char names[NENC][2][48];
    const uint32_t def = VNSEG_NORM_DEFAULT;
    job jobs[8 + 2 * NENC] = {
        {"normalized input, default steps", clean_text, clean_len, -1, def, false, 1e9, 1e9},
        {"raw corpus, default steps", nfc, n, -1, def, false, 1e9, 1e9},
        {"raw corpus, line by line", nfc, n, -1, def, true, 1e9, 1e9},
        {"NFD input, default steps", (const char *)nfd, (size_t)nfd_len, -1, def, false, 1e9, 1e9},
        {"NFD input, line by line", (const char *)nfd, (size_t)nfd_len, -1, def, true, 1e9, 1e9},
        {"raw corpus, search keys", nfc, n, -1, VNSEG_NORM_SEARCH, false, 1e9, 1e9},
        {"raw corpus, tone new + repair", nfc, n, -1, def | VNSEG_NORM_TONE_NEW | VNSEG_NORM_REPAIR,
         false, 1e9, 1e9},
    };
    size_t njobs = 7;
    for (int e = 0; e < NENC; e++)
        for (int d = 0; d < 2; d++) {
            snprintf(names[e][d], sizeof names[e][d], "decode %s%s", vnseg_encoding_name(encs[e]),
                     d ? ", line by line" : "");
            jobs[njobs++] =
                (job){names[e][d], legacy[e], legacy_len[e], encs[e], def, d != 0, 1e9, 1e9};
        }

#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
    int changed = 1;
    run(clean_text, clean_len, -1, def, &changed); /* warm up: tables */
    for (size_t j = 0; j < njobs; j++)             /* and memory */
        run(jobs[j].buf, jobs[j].len, jobs[j].encoding, jobs[j].steps, NULL);
    double best_split = 1e9, best_split_cpu = 1e9;
    for (int r = 0; r < rounds; r++) {
        double c0 = bench_cpu_now(), t0 = bench_now();
        bench_sink = bench_split_memchr(clean_text, clean_len);
        double t1 = bench_now(), c1 = bench_cpu_now();
        if (t1 - t0 < best_split) best_split = t1 - t0;
        if (c1 - c0 < best_split_cpu) best_split_cpu = c1 - c0;
        for (size_t j = 0; j < njobs; j++) {
            double ca = bench_cpu_now(), a = bench_now();
            bench_sink = jobs[j].lines
                             ? run_lines(jobs[j].buf, jobs[j].len, jobs[j].encoding, jobs[j].steps)
                             : run(jobs[j].buf, jobs[j].len, jobs[j].encoding, jobs[j].steps, NULL);
            double b = bench_now(), cb = bench_cpu_now();
            if (b - a < jobs[j].best) jobs[j].best = b - a;
            if (cb - ca < jobs[j].best_cpu) jobs[j].best_cpu = cb - ca;
        }
    }
    printf("corpus: %.1f MB raw, %.1f MB normalized (%s when normalized again), %.1f MB NFD\n",
           (double)n / 1e6, (double)clean_len / 1e6, changed ? "copied" : "not copied",
           (double)nfd_len / 1e6);
    printf("%-34s %9s %7s %9s %7s\n", "", "wall MB/s", "ratio", "CPU MB/s", "ratio");
    printf("%-34s %9.0f %7.2f %9.0f %7.2f\n", "memchr(' ') split loop",
           (double)clean_len / 1e6 / best_split, 1.0, (double)clean_len / 1e6 / best_split_cpu,
           1.0);
    for (size_t j = 0; j < njobs; j++) {
        double mb = (double)jobs[j].len / 1e6, scale = (double)jobs[j].len / (double)clean_len;
        printf("%-34s %9.0f %7.2f %9.0f %7.2f\n", jobs[j].name, mb / jobs[j].best,
               best_split / jobs[j].best * scale, mb / jobs[j].best_cpu,
               best_split_cpu / jobs[j].best_cpu * scale);
    }
    for (int e = 0; e < NENC; e++)
        free(legacy[e]);
    vnseg_norm_free(clean);
    free(nfd);
    free(nfc);
    return 0;
}
