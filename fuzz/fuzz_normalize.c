/* Fuzz target: normalization and legacy decoding. The first byte picks the steps and the
 * encoding, the rest is the input. Checks: strict mode fails exactly on ill-formed UTF-8; the
 * output is always well-formed UTF-8; the offset map tiles both texts, copies hold equal bytes,
 * every normalized byte maps to a non-empty original range, monotonically, and back; the
 * default steps are idempotent; encoding what was decoded (in NFC) and decoding it again
 * changes nothing. */
#include <string.h>

#include <vnseg.h>

#include "fuzz.h"

static void check_map(const vnseg_norm *n, const uint8_t *orig, size_t olen)
{
    size_t len;
    const uint8_t *t = (const uint8_t *)vnseg_norm_text(n, &len);
    FUZZ_CHECK(fuzz_valid_utf8(t, len));
    FUZZ_CHECK(vnseg_norm_original_length(n) == olen);
    size_t ne = 0, oe = 0, pieces = vnseg_norm_piece_count(n);
    for (size_t i = 0; i < pieces; i++) {
        size_t a, b, c, d;
        int copy;
        FUZZ_CHECK(vnseg_norm_piece(n, i, &a, &b, &c, &d, &copy) == VNSEG_OK);
        FUZZ_CHECK(a == ne && c == oe && b > a && d > c);
        FUZZ_CHECK(!copy || (b - a == d - c && memcmp(t + a, orig + c, b - a) == 0));
        ne = b;
        oe = d;
    }
    FUZZ_CHECK(ne == len && (oe == olen || len == 0));
    size_t prev_a = 0, prev_b = 0;
    for (size_t i = 0; i < len; i++) {
        size_t a, b, x, y;
        FUZZ_CHECK(vnseg_norm_to_original(n, i, i + 1, &a, &b) == VNSEG_OK);
        FUZZ_CHECK(a < b && b <= olen && a >= prev_a && b >= prev_b);
        FUZZ_CHECK(vnseg_norm_from_original(n, a, b, &x, &y) == VNSEG_OK);
        FUZZ_CHECK(x <= i && i < y);
        prev_a = a;
        prev_b = b;
    }
    for (size_t i = 0; i < vnseg_norm_unmapped_count(n); i++) {
        size_t at, l;
        FUZZ_CHECK(vnseg_norm_unmapped(n, i, &at, &l) == VNSEG_OK);
        FUZZ_CHECK(l > 0 && at + l <= olen);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) return 0;
    static const uint32_t sets[] = {
        VNSEG_NORM_DEFAULT,
        VNSEG_NORM_SEARCH,
        VNSEG_NORM_DEFAULT | VNSEG_NORM_TONE_NEW | VNSEG_NORM_REPAIR,
        VNSEG_NORM_TONE_OLD | VNSEG_NORM_CASEFOLD,
        VNSEG_NORM_INVISIBLE | VNSEG_NORM_FOLD,
        VNSEG_NORM_NFC,
        0,
        VNSEG_NORM_LOOKALIKE | VNSEG_NORM_SPACES | VNSEG_NORM_MARKS,
    };
    uint32_t steps = sets[data[0] & 7];
    int encoding = (data[0] >> 3) % VNSEG_ENC_COUNT;
    size_t len = size - 1;
    uint8_t *in = malloc(len ? len : 1);
    memcpy(in, data + 1, len);
    bool utf8 = fuzz_valid_utf8(in, len);

    vnseg_norm *n = NULL;
    vnseg_status st = vnseg_decode_legacy((const char *)in, len, encoding, steps, &n);
    bool needs_utf8 = encoding == VNSEG_ENC_UTF8 || encoding == VNSEG_ENC_MOJIBAKE;
    FUZZ_CHECK(st == (needs_utf8 && !utf8 ? VNSEG_E_INVALID_UTF8 : VNSEG_OK));
    vnseg_norm_free(n);

    n = NULL;
    st = vnseg_decode_legacy((const char *)in, len, encoding, steps | VNSEG_NORM_LENIENT, &n);
    FUZZ_CHECK(st == VNSEG_OK && n);
    check_map(n, in, len);
    FUZZ_CHECK(vnseg_norm_unmapped_count(n) == 0 || !needs_utf8 || !utf8);

    size_t olen;
    const char *out = vnseg_norm_text(n, &olen);
    char *copy = malloc(olen ? olen : 1);
    memcpy(copy, out, olen);
    if (steps == VNSEG_NORM_DEFAULT) { /* idempotent */
        vnseg_norm *again = NULL;
        FUZZ_CHECK(vnseg_normalize(copy, olen, steps, &again) == VNSEG_OK);
        FUZZ_CHECK(vnseg_norm_changed(again) == 0);
        vnseg_norm_free(again);
    }
    if (encoding != VNSEG_ENC_UTF8 && encoding != VNSEG_ENC_MOJIBAKE &&
        vnseg_norm_unmapped_count(n) == 0) {
        /* What was decoded (in NFC: the encoders merge combining marks into the letter)
         * encodes and decodes to itself. Mojibake is left out: its repair is repeated on
         * purpose, so text that still looks like mojibake after one repair changes again. */
        vnseg_norm *d1 = NULL;
        FUZZ_CHECK(vnseg_decode_legacy((const char *)in, len, encoding, VNSEG_NORM_NFC, &d1) ==
                   VNSEG_OK);
        size_t l1, need = 0;
        const char *t1 = vnseg_norm_text(d1, &l1);
        if (vnseg_encode_legacy(t1, l1, encoding, 0, NULL, 0, &need) == VNSEG_OK) {
            char *enc = malloc(need ? need : 1);
            FUZZ_CHECK(vnseg_encode_legacy(t1, l1, encoding, 0, enc, need, &need) == VNSEG_OK);
            vnseg_norm *back = NULL;
            FUZZ_CHECK(vnseg_decode_legacy(enc, need, encoding, VNSEG_NORM_NFC, &back) == VNSEG_OK);
            size_t blen;
            const char *b = vnseg_norm_text(back, &blen);
            FUZZ_CHECK(blen == l1 && memcmp(b, t1, l1) == 0);
            vnseg_norm_free(back);
            free(enc);
        }
        vnseg_norm_free(d1);
    }
    int enc_guess;
    double conf;
    FUZZ_CHECK(vnseg_detect_encoding((const char *)in, len, &enc_guess, &conf) == VNSEG_OK);
    FUZZ_CHECK(enc_guess >= 0 && enc_guess < VNSEG_ENC_COUNT && conf >= 0 && conf <= 1);
    free(copy);
    vnseg_norm_free(n);
    free(in);
    return 0;
}
