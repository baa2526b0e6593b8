/* Tone placement and repair as a normalization step: the syllable module's tone rewrite (what
 * vnseg_tone_style() and vnseg_tone_repair() do) applied word by word, so the map stays exact
 * letter by letter. */
#include <string.h>

#include "chars.h"
#include "norm_passes.h"
#include "syllable.h"
#include "utf8.h"
#include "vnseg/syllable.h"

/* Rewrite one word (s[a..b)) if the syllable module changes it. */
static void tone_word(vn_emit *e, size_t a, size_t b, int style, bool repair)
{
    const unsigned char *s = e->in + a;
    size_t len = b - a;
    vn_syl_text t;
    if (!vn_syl_read(s, len, &t) || t.tones > 1 || (t.tones == 0 && !repair)) return;
    unsigned char out[VN_SYL_MAX_BYTES];
    size_t n = vn_tone_rewrite(&t, style, out, sizeof out);
    if (n == 0 || n > sizeof out || (n == len && memcmp(out, s, len) == 0)) return;
    /* The rewritten word has one precomposed letter per letter read: map letter to letter. */
    size_t starts[VN_SYL_MAX_LETTERS + 1], count = 0;
    for (size_t i = 0; i < n && count <= VN_SYL_MAX_LETTERS; count++) {
        starts[count] = i;
        i += vn_utf8_step(out + i, out + n);
    }
    if (count != t.n) {
        vn_emit_unit(e, a, b, out, n);
        return;
    }
    starts[count] = n;
    for (unsigned j = 0; j < t.n; j++)
        vn_emit_unit(e, a + t.start[j], a + t.start[j + 1], out + starts[j],
                     starts[j + 1] - starts[j]);
}

vnseg_status vn_pass_tone(vn_emit *e, uint32_t steps)
{
    vn_chars_init();
    bool repair = steps & VNSEG_NORM_REPAIR;
    int style = steps & VNSEG_NORM_TONE_NEW   ? VNSEG_TONE_STYLE_NEW
                : steps & VNSEG_NORM_TONE_OLD ? VNSEG_TONE_STYLE_OLD
                                              : 0;
    if (style && repair) style |= VNSEG_TONE_REPAIR;
    /* Words: letters and combining marks; only words with a non-ASCII letter can change. */
    size_t a, i = 0;
    bool non_ascii;
    while (vn_next_word(e->in, e->in_len, &a, &i, &non_ascii))
        if (non_ascii && i - a <= VN_SYL_MAX_BYTES) tone_word(e, a, i, style, repair);
    return VNSEG_OK;
}
