/* Syllable keys for the segmentation model: one key for every spelling of a syllable (NFC or
 * NFD, any case, old or new tone placement), and the token shapes the features see. */
#include <pthread.h>
#include <string.h>

#include <utf8proc.h>

#include "chars.h"
#include "seg_model.h"
#include "utf8.h"

/* Latin letters with marks, decomposed once: lower-case base, up to two non-tone marks and
 * the tone. Covers U+00C0..U+024F and U+1E00..U+1EFF, where Vietnamese letters live. */
typedef struct latin_entry {
    uint32_t base;
    uint16_t mark[2];
    uint8_t tone; /* 0 none, 1..5 the tones, 6 other tone-like mark */
    uint8_t valid;
} latin_entry;

#define LAT1_FIRST 0x00C0u
#define LAT1_LAST 0x024Fu
#define LATX_FIRST 0x1E00u
#define LATX_LAST 0x1EFFu
#define LAT1_COUNT (LAT1_LAST - LAT1_FIRST + 1)
#define LATX_COUNT (LATX_LAST - LATX_FIRST + 1)

static latin_entry latin[LAT1_COUNT + LATX_COUNT];
static pthread_once_t latin_once = PTHREAD_ONCE_INIT;

/* Tone of a combining mark: the five Vietnamese tones, 0 for any other mark. */
static unsigned tone_of_mark(uint32_t cp)
{
    switch (cp) {
    case 0x0300:
    case 0x0340:
        return 1; /* huyền */
    case 0x0301:
    case 0x0341:
        return 2; /* sắc */
    case 0x0309:
        return 3; /* hỏi */
    case 0x0303:
        return 4; /* ngã */
    case 0x0323:
        return 5; /* nặng */
    }
    return 0;
}

static void build_latin(void)
{
    for (uint32_t i = 0; i < LAT1_COUNT + LATX_COUNT; i++) {
        uint32_t cp = i < LAT1_COUNT ? LAT1_FIRST + i : LATX_FIRST + (i - LAT1_COUNT);
        utf8proc_int32_t buf[8];
        int bound = 0;
        utf8proc_ssize_t n =
            utf8proc_decompose_char((utf8proc_int32_t)cp, buf, 8, UTF8PROC_DECOMPOSE, &bound);
        latin_entry e = {0, {0, 0}, 0, 0};
        if (n >= 1 && n <= 8) {
            e.base = vn_char_lower((uint32_t)buf[0]);
            unsigned m = 0;
            for (utf8proc_ssize_t k = 1; k < n; k++) {
                unsigned t = tone_of_mark((uint32_t)buf[k]);
                if (t)
                    e.tone = (uint8_t)t;
                else if (m < 2)
                    e.mark[m++] = (uint16_t)buf[k];
            }
            e.valid = 1;
        }
        latin[i] = e;
    }
}

static inline const latin_entry *latin_lookup(uint32_t cp)
{
    if (cp >= LAT1_FIRST && cp <= LAT1_LAST) return &latin[cp - LAT1_FIRST];
    if (cp >= LATX_FIRST && cp <= LATX_LAST) return &latin[LAT1_COUNT + (cp - LATX_FIRST)];
    return NULL;
}

static inline uint64_t step(uint64_t h, uint32_t code)
{
    return (h ^ code) * 0x100000001B3ull;
}

uint64_t vn_seg_key(const unsigned char *s, size_t n)
{
    pthread_once(&latin_once, build_latin);
    uint64_t h = 0xCBF29CE484222325ull;
    unsigned tone = 0;
    const unsigned char *p = s, *end = s + n;
    while (p < end) {
        unsigned b = *p;
        if (b < 0x80) {
            h = step(h, b - 'A' < 26u ? b | 0x20u : b);
            p++;
            continue;
        }
        uint32_t cp;
        int k = vn_utf8_decode(p, end, &cp);
        if (k < 0) {
            h = step(h, 0xFFFD);
            p += -k;
            continue;
        }
        p += k;
        const latin_entry *e = latin_lookup(cp);
        if (e && e->valid) {
            h = step(h, e->base);
            if (e->mark[0]) h = step(h, e->mark[0]);
            if (e->mark[1]) h = step(h, e->mark[1]);
            if (e->tone) tone = tone * 8 + e->tone;
            continue;
        }
        unsigned t = tone_of_mark(cp);
        if (t) {
            tone = tone * 8 + t;
            continue;
        }
        if (vn_char_class(cp) & VC_INVIS) continue;
        h = step(h, vn_char_lower(cp));
    }
    return vn_mix(h, tone);
}

/* Keys of the token classes whose spelling does not matter. */
#define KEY_NUMBER 0x4E554D4245520001ull
#define KEY_LINK 0x4C494E4B00000002ull

void vn_seg_token_key(const unsigned char *text, const vnseg_token *t, uint64_t *key,
                      uint8_t *shape)
{
    const unsigned char *s = text + t->offset;
    switch (t->kind) {
    case VNSEG_KIND_NUMBER:
    case VNSEG_KIND_DATETIME:
        *key = KEY_NUMBER;
        *shape = VN_SH_NUMBER;
        return;
    case VNSEG_KIND_URL:
    case VNSEG_KIND_EMAIL:
        *key = KEY_LINK;
        *shape = VN_SH_OTHER;
        return;
    case VNSEG_KIND_SYMBOL:
        *shape = VN_SH_OTHER;
        break;
    case VNSEG_KIND_WORD: {
        uint32_t f = t->flags;
        if (f & VNSEG_TF_HAS_DIGIT)
            *shape = VN_SH_MIXED;
        else if (f & VNSEG_TF_NOT_VIETNAMESE)
            *shape = f & VNSEG_TF_CAPITALIZED ? VN_SH_FOREIGN_CAP : VN_SH_FOREIGN;
        else if ((f & VNSEG_TF_ALL_CAPS) && t->length > 1 &&
                 vn_utf8_step(s, s + t->length) < t->length)
            *shape = VN_SH_CAPS;
        else
            *shape = f & VNSEG_TF_CAPITALIZED ? VN_SH_CAP : VN_SH_LOWER;
        break;
    }
    default:
        *shape = VN_SH_PUNCT;
        break;
    }
    *key = vn_seg_key(s, t->length);
}
