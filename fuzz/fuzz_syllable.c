/* Fuzz target: the syllable checker, parser and tone placement. Check and parse agree; parts
 * lie in the string; tone style output respects the buffer protocol and converting to one style
 * twice changes nothing the second time; repair never fails on any bytes. */
#include <string.h>

#include <vnseg.h>

#include "fuzz.h"

static char *styled(const char *in, size_t len, int style, size_t *out_len)
{
    size_t need = 0;
    vnseg_status st = vnseg_tone_style(in, len, style, NULL, 0, &need);
    FUZZ_CHECK(st == VNSEG_OK || st == VNSEG_E_BUFFER);
    char *out = malloc(need + 1);
    size_t got = 0;
    FUZZ_CHECK(vnseg_tone_style(in, len, style, out, need, &got) == VNSEG_OK && got == need);
    if (need > 0) {
        /* One byte short must fail without writing past the given capacity. */
        FUZZ_CHECK(vnseg_tone_style(in, len, style, out, need - 1, &got) == VNSEG_E_BUFFER);
        FUZZ_CHECK(got == need);
        vnseg_tone_style(in, len, style, out, need, &got);
    }
    *out_len = need;
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *copy = malloc(size ? size : 1);
    memcpy(copy, data, size);
    if (size <= 64) {
        vnseg_syllable syl;
        memset(&syl, 0, sizeof syl);
        syl.size = sizeof syl;
        int ok = vnseg_syllable_check(copy, size);
        FUZZ_CHECK(ok == 0 || ok == 1);
        FUZZ_CHECK((vnseg_syllable_parse(copy, size, &syl) == VNSEG_OK) == ok);
        if (ok) {
            const vnseg_syllable_part *parts[] = {&syl.onset, &syl.medial, &syl.nucleus,
                                                  &syl.coda, &syl.tone_letter};
            for (size_t i = 0; i < 5; i++)
                FUZZ_CHECK(parts[i]->offset + parts[i]->length <= size);
            FUZZ_CHECK(syl.tone <= VNSEG_TONE_NANG);
        }
    }
    size_t n1, n2;
    char *once = styled(copy, size, VNSEG_TONE_STYLE_NEW, &n1);
    char *twice = styled(once, n1, VNSEG_TONE_STYLE_NEW, &n2);
    FUZZ_CHECK(n1 == n2 && memcmp(once, twice, n1) == 0);
    free(twice);
    free(once);
    once = styled(copy, size, VNSEG_TONE_STYLE_OLD, &n1);
    free(once);
    size_t need = 0;
    vnseg_status st = vnseg_tone_repair(copy, size, NULL, 0, &need);
    FUZZ_CHECK(st == VNSEG_OK || st == VNSEG_E_BUFFER);
    free(copy);
    return 0;
}
