/* Segmenter: the best join labels of a text's gaps under first-order scores (Viterbi). */
#include "seg_model.h"

void vn_seg_viterbi(const int64_t *sc, const uint8_t *joinable, size_t n, uint8_t *labels,
                    uint8_t *back)
{
    /* b0, b1: best score of the gaps so far ending with label 0 or 1; back[i] bit p: the
     * label of gap i-1 on the best path that gives gap i label p. */
    const int64_t none = INT64_MIN / 4;
    int64_t b0 = 0, b1 = none;
    for (size_t i = 0; i < n; i++) {
        uint8_t bp = b1 > b0 ? 1 : 0;
        int64_t n0 = bp ? b1 : b0, n1 = none;
        if (joinable[i]) {
            int64_t from0 = b0 + sc[3 * i] + sc[3 * i + 1];
            int64_t from1 = b1 + sc[3 * i] + sc[3 * i + 2];
            if (from1 > from0) {
                n1 = from1;
                bp |= 2;
            } else {
                n1 = from0;
            }
        }
        back[i] = bp;
        b0 = n0;
        b1 = n1;
        /* keep the numbers small: only the difference matters */
        if (b1 > none) {
            int64_t low = b0 < b1 ? b0 : b1;
            b0 -= low;
            b1 -= low;
        } else {
            b0 = 0;
        }
    }
    int label = b1 > b0 ? 1 : 0;
    for (size_t i = n; i-- > 0;) {
        labels[i] = (uint8_t)label;
        label = (back[i] >> label) & 1;
    }
}
