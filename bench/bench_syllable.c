/* Throughput of vn_syllable_valid_nfc (the tokenizer's per-syllable check) on typical text. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "syllable.h"

/* Common syllables of news text, NFC, a few capitalized and a few foreign tokens mixed in. */
static const char *const sample[] = {
    "của",    "và",    "các",   "có",    "là",     "người",   "những",  "được",  "trong",
    "cho",    "không", "với",   "một",   "này",    "đã",      "theo",   "năm",   "khi",
    "tại",    "đến",   "nhiều", "về",    "thành",  "phố",     "Việt",   "Nam",   "Hà",
    "Nội",    "chính", "phủ",   "quốc",  "gia",    "nghiêng", "thuyền", "khuya", "hoà",
    "bình",   "tháng", "ngày",  "giữa",  "trường", "học",     "sinh",   "nước",  "ngoài",
    "Nguyễn", "Trần",  "Lê",    "hội",   "nghị",   "kinh",    "tế",     "xã",    "phát",
    "triển",  "dự",    "án",    "công",  "ty",     "đồng",    "tiền",   "giá",   "thị",
    "trường", "chứng", "khoán", "Putin", "Kim",    "Jong",    "un",     "USD",   "Covid",
};

#define COUNT (1u << 20)

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 20;
    size_t nsample = sizeof sample / sizeof sample[0];
    uint32_t *off = malloc(COUNT * sizeof *off);
    uint8_t *len = malloc(COUNT);
    char *buf = malloc(COUNT * 8u);
    if (!off || !len || !buf) return 1;
    size_t pos = 0, bytes = 0;
    uint32_t rng = 12345;
    for (size_t i = 0; i < COUNT; i++) {
        rng = rng * 1103515245u + 12345u;
        const char *w = sample[(rng >> 8) % nsample];
        size_t n = strlen(w);
        memcpy(buf + pos, w, n);
        off[i] = (uint32_t)pos;
        len[i] = (uint8_t)n;
        pos += n;
        bytes += n;
    }
    size_t valid = 0;
    double best = 1e30;
    for (int r = 0; r < rounds; r++) {
        double t0 = now();
        for (size_t i = 0; i < COUNT; i++)
            valid += vn_syllable_valid_nfc((const unsigned char *)buf + off[i], len[i]);
        double dt = now() - t0;
        if (dt < best) best = dt;
    }
    printf("vn_syllable_valid_nfc: %u syllables (%.1f bytes avg), %.1f%% valid\n", COUNT,
           (double)bytes / COUNT, 100.0 * (double)valid / ((double)COUNT * rounds));
    printf("best of %d rounds: %.3f ms, %.1f million syllables/s, %.1f ns/syllable\n", rounds,
           best * 1e3, COUNT / best / 1e6, best * 1e9 / COUNT);
    free(off);
    free(len);
    free(buf);
    return 0;
}
