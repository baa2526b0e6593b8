/* Segmenter: the best join labels of a text's gaps (Viterbi over word states: how many gaps
 * of the word being built are joined, so that a whole word can be scored when it ends). */
#include "seg_model.h"

#define S VN_WSTATES

void vn_seg_viterbi(const int64_t *sc, const int64_t *cl, const uint8_t *joinable, size_t n,
                    uint8_t *labels, uint8_t *back)
{
    /* b[s]: best score of the gaps so far with the word being built in state s; back[S*i + t]:
     * the state before gap i on the best path that gives state t after it (t == 0: gap i not
     * joined). */
    const int64_t none = INT64_MIN / 4;
    int64_t b[S];
    b[0] = 0;
    for (unsigned s = 1; s < S; s++)
        b[s] = none;
    for (size_t i = 0; i < n; i++) {
        int64_t nb[S];
        uint8_t *bk = back + (size_t)S * i;
        const int64_t *c = cl + (size_t)S * i;
        /* gap i not joined: the word ends at token i */
        int64_t best = b[0] + c[0];
        uint8_t arg = 0;
        for (unsigned s = 1; s < S; s++) {
            if (b[s] <= none) continue;
            int64_t v = b[s] + c[s];
            if (v > best) {
                best = v;
                arg = (uint8_t)s;
            }
        }
        nb[0] = best;
        bk[0] = arg;
        for (unsigned s = 1; s < S; s++) {
            nb[s] = none;
            bk[s] = 0;
        }
        if (joinable[i]) {
            const int64_t j0 = sc[3 * i] + sc[3 * i + 1], j1 = sc[3 * i] + sc[3 * i + 2];
            for (unsigned s = 0; s < S; s++) {
                if (b[s] <= none) continue;
                unsigned t = s + 1 < S ? s + 1 : S - 1;
                int64_t v = b[s] + (s ? j1 : j0);
                if (v > nb[t]) {
                    nb[t] = v;
                    bk[t] = (uint8_t)s;
                }
            }
        }
        /* keep the numbers small: only the differences matter */
        int64_t low = nb[0];
        for (unsigned s = 0; s < S; s++) {
            if (nb[s] > none && nb[s] < low) low = nb[s];
        }
        for (unsigned s = 0; s < S; s++)
            b[s] = nb[s] > none ? nb[s] - low : none;
    }
    /* the last word ends at token n */
    const int64_t *c = cl + (size_t)S * n;
    unsigned state = 0;
    int64_t best = b[0] + c[0];
    for (unsigned s = 1; s < S; s++) {
        if (b[s] <= none) continue;
        if (b[s] + c[s] > best) {
            best = b[s] + c[s];
            state = s;
        }
    }
    for (size_t i = n; i-- > 0;) {
        labels[i] = state != 0;
        state = back[(size_t)S * i + state];
    }
}
