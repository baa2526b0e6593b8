/* Helpers shared by the normalization tests: run a step set, and check every clause of the
 * offset-map contract of vnseg/normalize.h on a result. */
#ifndef VNSEG_NORMTEST_H
#define VNSEG_NORMTEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <vnseg.h>

#include "utf8.h"

/* The normalized text of a result as a NUL-terminated string (static buffer). */
static inline const char *nt_text(const vnseg_norm *n)
{
    static char buf[1 << 16];
    size_t len;
    const char *t = vnseg_norm_text(n, &len);
    assert_true(len < sizeof buf);
    memcpy(buf, t, len);
    buf[len] = 0;
    return buf;
}

static inline bool nt_is_cont(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

/* starts[i] is true where a character of o[0..len) starts, reading ill-formed UTF-8 as
 * Unicode's maximal subparts (each its own character); starts[len] is true. */
static inline bool *nt_char_starts(const unsigned char *o, size_t len)
{
    bool *starts = calloc(len + 1, 1);
    assert_non_null(starts);
    for (size_t i = 0; i < len; i += vn_utf8_step(o + i, o + len))
        starts[i] = true;
    starts[len] = true;
    return starts;
}

/* Check the map of `n` against its original bytes. `utf8` says whether the original is UTF-8
 * (then no range may cut one of its characters). */
static inline void nt_check_map(const vnseg_norm *n, const char *orig, size_t olen, bool utf8)
{
    size_t len;
    const unsigned char *t = (const unsigned char *)vnseg_norm_text(n, &len);
    const unsigned char *o = (const unsigned char *)orig;
    bool *starts = nt_char_starts(o, olen);
    assert_int_equal(vnseg_norm_original_length(n), olen);
    size_t pieces = vnseg_norm_piece_count(n);
    if (len == 0) {
        assert_int_equal(pieces, 0);
        size_t a = 1, b = 1;
        for (size_t i = 0; i < olen; i++) {
            assert_int_equal(vnseg_norm_from_original(n, i, i + 1, &a, &b), VNSEG_OK);
            assert_int_equal(a, 0);
            assert_int_equal(b, 0);
        }
        free(starts);
        return;
    }
    /* Pieces tile both texts, in order; copies hold equal bytes. */
    size_t ne = 0, oe = 0;
    for (size_t i = 0; i < pieces; i++) {
        size_t a, b, c, d;
        int copy;
        assert_int_equal(vnseg_norm_piece(n, i, &a, &b, &c, &d, &copy), VNSEG_OK);
        assert_int_equal(a, ne);
        assert_int_equal(c, oe);
        assert_true(b > a);
        assert_true(d > c);
        if (copy) {
            assert_int_equal(b - a, d - c);
            assert_memory_equal(t + a, o + c, b - a);
        }
        assert_false(nt_is_cont(t[a]));
        if (utf8) assert_true(starts[c]);
        ne = b;
        oe = d;
    }
    assert_int_equal(ne, len);
    assert_int_equal(oe, olen);
    assert_int_equal(vnseg_norm_piece(n, pieces, NULL, NULL, NULL, NULL, NULL),
                     VNSEG_E_INVALID_ARG);
    /* Every normalized byte comes from a non-empty, monotone, whole-character range. */
    size_t prev_a = 0, prev_b = 0;
    for (size_t i = 0; i < len; i++) {
        size_t a, b;
        assert_int_equal(vnseg_norm_to_original(n, i, i + 1, &a, &b), VNSEG_OK);
        assert_true(a < b);
        assert_true(b <= olen);
        assert_true(a >= prev_a);
        assert_true(b >= prev_b);
        if (utf8) assert_true(starts[a] && starts[b]);
        prev_a = a;
        prev_b = b;
        /* Round trip: back again contains the byte, and forth again gives the same range. */
        size_t x, y, a2, b2;
        assert_int_equal(vnseg_norm_from_original(n, a, b, &x, &y), VNSEG_OK);
        assert_true(x <= i && i < y);
        assert_false(nt_is_cont(t[x]));
        assert_true(y == len || !nt_is_cont(t[y]));
        assert_int_equal(vnseg_norm_to_original(n, x, y, &a2, &b2), VNSEG_OK);
        assert_int_equal(a2, a);
        assert_int_equal(b2, b);
    }
    /* Every original byte goes somewhere, monotonically. */
    prev_a = prev_b = 0;
    for (size_t i = 0; i < olen; i++) {
        size_t a, b;
        assert_int_equal(vnseg_norm_from_original(n, i, i + 1, &a, &b), VNSEG_OK);
        assert_true(a < b);
        assert_true(a >= prev_a && b >= prev_b);
        prev_a = a;
        prev_b = b;
    }
    /* Empty spans and the ends. */
    size_t a, b;
    assert_int_equal(vnseg_norm_to_original(n, len, len, &a, &b), VNSEG_OK);
    assert_int_equal(a, olen);
    assert_int_equal(b, olen);
    assert_int_equal(vnseg_norm_to_original(n, 0, len, &a, &b), VNSEG_OK);
    assert_int_equal(a, 0);
    assert_int_equal(b, olen);
    assert_int_equal(vnseg_norm_from_original(n, 0, olen, &a, &b), VNSEG_OK);
    assert_int_equal(a, 0);
    assert_int_equal(b, len);
    assert_int_equal(vnseg_norm_to_original(n, 0, len + 1, &a, &b), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_norm_from_original(n, 0, olen + 1, &a, &b), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_norm_to_original(n, 1, 0, &a, &b), VNSEG_E_INVALID_ARG);
    free(starts);
}

/* Normalize (or decode, for encoding >= 0) bytes copied into an exact-size buffer, check the
 * map, and return the result (the copy is freed by nt_done). */
static char *nt_copy;

static inline vnseg_norm *nt_run_n(const char *in, size_t len, int encoding, uint32_t steps)
{
    free(nt_copy);
    nt_copy = malloc(len ? len : 1);
    assert_non_null(nt_copy);
    memcpy(nt_copy, in, len);
    vnseg_norm *n = NULL;
    vnseg_status st = encoding < 0 ? vnseg_normalize(nt_copy, len, steps, &n)
                                   : vnseg_decode_legacy(nt_copy, len, encoding, steps, &n);
    if (st != VNSEG_OK) fail_msg("normalize failed: %s", vnseg_error_last()->message);
    nt_check_map(n, nt_copy, len, encoding <= 0 || encoding == VNSEG_ENC_MOJIBAKE);
    return n;
}

/* Normalize a string by `steps` and compare the text with `want`. */
static inline void nt_expect(const char *in, uint32_t steps, const char *want)
{
    vnseg_norm *n = nt_run_n(in, strlen(in), -1, steps);
    if (strcmp(nt_text(n), want) != 0)
        fail_msg("normalize(\"%s\", %#x) gave \"%s\", expected \"%s\"", in, (unsigned)steps,
                 nt_text(n), want);
    vnseg_norm_free(n);
}

/* The original range of normalized bytes [a, b) as a string (static buffer). */
static inline const char *nt_orig_of(const vnseg_norm *n, size_t a, size_t b)
{
    static char buf[256];
    size_t x, y;
    assert_int_equal(vnseg_norm_to_original(n, a, b, &x, &y), VNSEG_OK);
    assert_true(y - x < sizeof buf);
    memcpy(buf, nt_copy + x, y - x);
    buf[y - x] = 0;
    return buf;
}

static inline int nt_teardown(void **state)
{
    (void)state;
    free(nt_copy);
    nt_copy = NULL;
    return 0;
}

#endif
