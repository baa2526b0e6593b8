/* Encoding detection: decode a sample in every encoding and score how Vietnamese it reads. */
#include "chars.h"
#include "norm_passes.h"
#include "utf8.h"
#include "vnseg/syllable.h"

#define SAMPLE_BYTES 65536
/* Words with diacritics needed for full confidence. */
#define EVIDENCE_WORDS 8.0

typedef struct tally {
    size_t good, bad, unmapped;
} tally;

/* True when the original bytes of the normalized span [a, b) are all ASCII. */
static bool ascii_source(const vnseg_norm *n, const unsigned char *src, size_t a, size_t b)
{
    size_t oa, ob;
    if (vnseg_norm_to_original(n, a, b, &oa, &ob) != VNSEG_OK) return false;
    for (size_t i = oa; i < ob; i++)
        if (src[i] >= 0x80) return false;
    return true;
}

/* Count the words of the decoded text that hold a non-ASCII letter or a combining mark:
 * syllables or not. With `src` (VIQR, which passes UTF-8 through), only words read from ASCII
 * bytes count. */
static void count_words(const vnseg_norm *n, const unsigned char *src, tally *t)
{
    size_t len;
    const unsigned char *s = (const unsigned char *)vnseg_norm_text(n, &len);
    size_t a, i = 0;
    bool marked;
    while (vn_next_word(s, len, &a, &i, &marked)) {
        if (!marked || (src && !ascii_source(n, src, a, i))) continue;
        if (vnseg_syllable_check((const char *)s + a, i - a))
            t->good++;
        else
            t->bad++;
    }
}

static bool valid_utf8(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int k = s[i] < 0x80 ? 1 : vn_utf8_decode(s + i, s + len, &cp);
        if (k < 0) return false;
        i += (size_t)k;
    }
    return true;
}

/* Score every encoding on the sample; evidence[e] gets the words that were judged. */
static vnseg_status score_all(const unsigned char *s, size_t len, double *score, double *evidence,
                              bool *utf8_ok)
{
    vn_chars_init();
    if (len > SAMPLE_BYTES) {
        len = SAMPLE_BYTES;
        /* Do not cut a character: stop at the last ASCII byte. */
        while (len > SAMPLE_BYTES - 64 && s[len - 1] >= 0x80)
            len--;
    }
    *utf8_ok = valid_utf8(s, len);
    for (int e = 0; e < VNSEG_ENC_COUNT; e++) {
        score[e] = evidence[e] = 0;
        if ((e == VNSEG_ENC_UTF8 || e == VNSEG_ENC_MOJIBAKE) && !*utf8_ok) continue;
        vnseg_norm *n = NULL;
        vnseg_status st = vnseg_decode_legacy((const char *)s, len, e, VNSEG_NORM_LENIENT, &n);
        if (st != VNSEG_OK) return st;
        tally t = {0, 0, vnseg_norm_unmapped_count(n)};
        if (e != VNSEG_ENC_MOJIBAKE || vnseg_norm_changed(n))
            count_words(n, e == VNSEG_ENC_VIQR ? s : NULL, &t);
        vnseg_norm_free(n);
        score[e] = t.good ? (double)t.good / (double)(t.good + t.bad + t.unmapped) : 0.0;
        evidence[e] = (double)(t.good + t.bad);
    }
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_detect_scores(const char *bytes, size_t len, double *scores,
                                              size_t count)
{
    VN_CHECK_LEN("vnseg_detect_scores", bytes, len);
    if ((!bytes && len > 0) || (!scores && count > 0))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "NULL argument");
    double s[VNSEG_ENC_COUNT], ev[VNSEG_ENC_COUNT];
    bool utf8_ok;
    vnseg_status st = score_all((const unsigned char *)(bytes ? bytes : ""), len, s, ev, &utf8_ok);
    if (st != VNSEG_OK) return st;
    for (size_t e = 0; e < count && e < VNSEG_ENC_COUNT; e++)
        scores[e] = s[e];
    return VNSEG_OK;
}

static double pow8(double x)
{
    x *= x;
    x *= x;
    return x * x;
}

/* Confidence in encoding `best`: its share of the sharpened scores (s^8, so that 1.0 against
 * 0.6 still reads as clear), times its score, lowered when few words were judged. */
static double confidence_of(const double *s, const double *ev, int best)
{
    if (s[best] <= 0) return 0;
    double sum = 0;
    for (int e = 0; e < VNSEG_ENC_COUNT; e++)
        sum += pow8(s[e]);
    double c = s[best] * pow8(s[best]) / sum;
    double w = ev[best] / EVIDENCE_WORDS;
    return c * (w < 1 ? w : 1);
}

VNSEG_EXPORT vnseg_status vnseg_detect_encoding(const char *bytes, size_t len, int *encoding,
                                                double *confidence)
{
    VN_CHECK_LEN("vnseg_detect_encoding", bytes, len);
    if ((!bytes && len > 0) || !encoding)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "NULL argument");
    double s[VNSEG_ENC_COUNT], ev[VNSEG_ENC_COUNT];
    bool utf8_ok;
    vnseg_status st = score_all((const unsigned char *)(bytes ? bytes : ""), len, s, ev, &utf8_ok);
    if (st != VNSEG_OK) return st;
    int best = utf8_ok ? VNSEG_ENC_UTF8 : VNSEG_ENC_CP1258;
    for (int e = 0; e < VNSEG_ENC_COUNT; e++)
        if (s[e] > s[best]) best = e;
    double c = confidence_of(s, ev, best);
    /* Valid UTF-8 stays UTF-8 unless another reading is clearly better: it reads clearly
     * better where UTF-8 has words with diacritics, or it is confident on its own (VIQR on
     * ASCII text, where UTF-8 has nothing to judge). */
    if (utf8_ok && best != VNSEG_ENC_UTF8 &&
        !(ev[VNSEG_ENC_UTF8] > 0 && s[best] > s[VNSEG_ENC_UTF8] + 0.25) && c < 0.5) {
        best = VNSEG_ENC_UTF8;
        c = confidence_of(s, ev, best);
    }
    *encoding = best;
    if (confidence) *confidence = c;
    return VNSEG_OK;
}
