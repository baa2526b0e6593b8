/* Vietnamese phonotactics as tables: split letters into onset, medial, nucleus, coda and check. */
#include "syllable.h"

#define CB(c) (1u << (c))
#define STOPS (CB(VN_CO_C) | CB(VN_CO_P) | CB(VN_CO_T))
#define NASALS (CB(VN_CO_M) | CB(VN_CO_N) | CB(VN_CO_NG))
#define OPEN CB(VN_CO_NONE)

/* Codas each nucleus takes when there is no medial: the rhymes of native words. The palatal
 * ch/nh follow only a ê i; c/ng not ê i ơ; ă â need a coda; the glide y follows a â only, o
 * follows a e only; the closed diphthongs need a coda, their open spellings take none. */
static const uint16_t coda_plain[VN_NU_COUNT] = {
    [VN_NU_A] = OPEN | STOPS | NASALS | CB(VN_CO_CH) | CB(VN_CO_NH) | CB(VN_CO_I) | CB(VN_CO_Y) |
                CB(VN_CO_O) | CB(VN_CO_U),
    [VN_NU_AW] = STOPS | NASALS,
    [VN_NU_AA] = STOPS | NASALS | CB(VN_CO_U) | CB(VN_CO_Y),
    [VN_NU_E] = OPEN | STOPS | NASALS | CB(VN_CO_O),
    [VN_NU_EE] = OPEN | CB(VN_CO_CH) | CB(VN_CO_P) | CB(VN_CO_T) | CB(VN_CO_M) | CB(VN_CO_N) |
                 CB(VN_CO_NH) | CB(VN_CO_U),
    [VN_NU_I] = OPEN | CB(VN_CO_CH) | CB(VN_CO_P) | CB(VN_CO_T) | CB(VN_CO_M) | CB(VN_CO_N) |
                CB(VN_CO_NH) | CB(VN_CO_U),
    [VN_NU_Y] = OPEN,
    [VN_NU_O] = OPEN | STOPS | NASALS | CB(VN_CO_I),
    [VN_NU_OO] = OPEN | STOPS | NASALS | CB(VN_CO_I),
    [VN_NU_OW] = OPEN | CB(VN_CO_P) | CB(VN_CO_T) | CB(VN_CO_M) | CB(VN_CO_N) | CB(VN_CO_I),
    [VN_NU_U] = OPEN | STOPS | NASALS | CB(VN_CO_I),
    [VN_NU_UW] =
        OPEN | CB(VN_CO_C) | CB(VN_CO_T) | CB(VN_CO_NG) | CB(VN_CO_I) | CB(VN_CO_U) | CB(VN_CO_M),
    [VN_NU_IE] = STOPS | NASALS | CB(VN_CO_U),
    [VN_NU_IA] = OPEN,
    [VN_NU_UO] = CB(VN_CO_C) | CB(VN_CO_T) | NASALS | CB(VN_CO_I),
    [VN_NU_UA] = OPEN,
    [VN_NU_UOW] = STOPS | NASALS | CB(VN_CO_I) | CB(VN_CO_U),
    [VN_NU_UWA] = OPEN,
    [VN_NU_OOO] = CB(VN_CO_C) | CB(VN_CO_NG),
};

/* Codas after a medial (o/u, or the u of qu). A nucleus missing here takes no medial. */
static const uint16_t coda_medial[VN_NU_COUNT] = {
    [VN_NU_A] = OPEN | STOPS | NASALS | CB(VN_CO_CH) | CB(VN_CO_NH) | CB(VN_CO_I) | CB(VN_CO_Y) |
                CB(VN_CO_O) | CB(VN_CO_U),
    [VN_NU_AW] = STOPS | NASALS,
    [VN_NU_AA] = CB(VN_CO_N) | CB(VN_CO_NG) | CB(VN_CO_T) | CB(VN_CO_Y),
    [VN_NU_E] = OPEN | STOPS | NASALS | CB(VN_CO_O),
    [VN_NU_EE] = OPEN | CB(VN_CO_CH) | CB(VN_CO_NH) | CB(VN_CO_N) | CB(VN_CO_T) | CB(VN_CO_U),
    [VN_NU_Y] = OPEN | CB(VN_CO_CH) | CB(VN_CO_NH) | CB(VN_CO_T) | CB(VN_CO_U) | CB(VN_CO_P),
    [VN_NU_I] = OPEN | CB(VN_CO_CH) | CB(VN_CO_NH) | CB(VN_CO_T) | CB(VN_CO_U),
    [VN_NU_OW] = OPEN,
    [VN_NU_IE] = CB(VN_CO_N) | CB(VN_CO_T),
    [VN_NU_IA] = OPEN,
    [VN_NU_OO] = CB(VN_CO_C),
};

/* Onsets after which a bare y (no medial, no coda) is written: hy, kỳ, lý, mỹ, ny, sỹ, tý,
 * thy, vy, xy; and no onset (ý). Elsewhere /i/ is written i. */
#define ON(o) (1u << (o))
static const uint32_t y_onsets = ON(VN_ON_NONE) | ON(VN_ON_H) | ON(VN_ON_K) | ON(VN_ON_L) |
                                 ON(VN_ON_M) | ON(VN_ON_N) | ON(VN_ON_S) | ON(VN_ON_T) |
                                 ON(VN_ON_TH) | ON(VN_ON_V) | ON(VN_ON_X);

/* Onsets whose medial is found only in loan words (buýt, phuy, voan) or names (Gioan). */
static const uint32_t loan_medial_onsets =
    ON(VN_ON_B) | ON(VN_ON_M) | ON(VN_ON_P) | ON(VN_ON_PH) | ON(VN_ON_V) | ON(VN_ON_GI);

/* Symbol sets as bit masks (symbols are < 64). */
#define SB(s) (1ull << (s))
#define FRONT (SB(VN_I) | SB(VN_E) | SB(VN_EE) | SB(VN_Y))
#define VOWELS                                                                                     \
    (SB(VN_A) | SB(VN_AW) | SB(VN_AA) | SB(VN_E) | SB(VN_EE) | SB(VN_I) | SB(VN_O) | SB(VN_OO) |   \
     SB(VN_OW) | SB(VN_U) | SB(VN_UW) | SB(VN_Y))
#define AFTER_MEDIAL_O (SB(VN_A) | SB(VN_AW) | SB(VN_E))
#define AFTER_MEDIAL_U (SB(VN_AA) | SB(VN_EE) | SB(VN_Y) | SB(VN_OW))

/* Letters that may follow each onset: k gh ngh only i e ê y; c g ng never those; gi no
 * second i (gì is written with one). */
static const uint64_t onset_next[VN_ON_COUNT] = {
    [VN_ON_NONE] = VOWELS,        [VN_ON_B] = VOWELS,  [VN_ON_C] = VOWELS & ~FRONT,
    [VN_ON_CH] = VOWELS,          [VN_ON_D] = VOWELS,  [VN_ON_DD] = VOWELS,
    [VN_ON_G] = VOWELS & ~FRONT,  [VN_ON_GH] = FRONT,  [VN_ON_GI] = VOWELS & ~SB(VN_I),
    [VN_ON_H] = VOWELS,           [VN_ON_K] = FRONT,   [VN_ON_KH] = VOWELS,
    [VN_ON_L] = VOWELS,           [VN_ON_M] = VOWELS,  [VN_ON_N] = VOWELS,
    [VN_ON_NG] = VOWELS & ~FRONT, [VN_ON_NGH] = FRONT, [VN_ON_NH] = VOWELS,
    [VN_ON_P] = VOWELS,           [VN_ON_PH] = VOWELS, [VN_ON_QU] = SB(VN_U),
    [VN_ON_R] = VOWELS,           [VN_ON_S] = VOWELS,  [VN_ON_T] = VOWELS,
    [VN_ON_TH] = VOWELS,          [VN_ON_TR] = VOWELS, [VN_ON_V] = VOWELS,
    [VN_ON_X] = VOWELS,
};

/* Letters of each onset as written; qu counts 1 (its u is the medial). */
static const uint8_t onset_letters[VN_ON_COUNT] = {
    [VN_ON_CH] = 2, [VN_ON_GH] = 2, [VN_ON_GI] = 2, [VN_ON_KH] = 2, [VN_ON_NG] = 2, [VN_ON_NGH] = 3,
    [VN_ON_NH] = 2, [VN_ON_PH] = 2, [VN_ON_TH] = 2, [VN_ON_TR] = 2, [VN_ON_B] = 1,  [VN_ON_C] = 1,
    [VN_ON_D] = 1,  [VN_ON_DD] = 1, [VN_ON_G] = 1,  [VN_ON_H] = 1,  [VN_ON_K] = 1,  [VN_ON_L] = 1,
    [VN_ON_M] = 1,  [VN_ON_N] = 1,  [VN_ON_P] = 1,  [VN_ON_QU] = 1, [VN_ON_R] = 1,  [VN_ON_S] = 1,
    [VN_ON_T] = 1,  [VN_ON_V] = 1,  [VN_ON_X] = 1,
};

/* The tables below hold value + 1, so that 0 means "none".
 * One-letter onsets by first letter (a vowel: no onset; q alone is none). */
#define V1 (VN_ON_NONE + 1)
static const uint8_t onset_one[VN_SYM_COUNT] = {
    [VN_A] = V1,          [VN_AW] = V1,         [VN_AA] = V1,         [VN_E] = V1,
    [VN_EE] = V1,         [VN_I] = V1,          [VN_O] = V1,          [VN_OO] = V1,
    [VN_OW] = V1,         [VN_U] = V1,          [VN_UW] = V1,         [VN_Y] = V1,
    [VN_B] = VN_ON_B + 1, [VN_C] = VN_ON_C + 1, [VN_D] = VN_ON_D + 1, [VN_DD] = VN_ON_DD + 1,
    [VN_G] = VN_ON_G + 1, [VN_H] = VN_ON_H + 1, [VN_K] = VN_ON_K + 1, [VN_L] = VN_ON_L + 1,
    [VN_M] = VN_ON_M + 1, [VN_N] = VN_ON_N + 1, [VN_P] = VN_ON_P + 1, [VN_R] = VN_ON_R + 1,
    [VN_S] = VN_ON_S + 1, [VN_T] = VN_ON_T + 1, [VN_V] = VN_ON_V + 1, [VN_X] = VN_ON_X + 1,
};

/* Two-letter onsets (ngh is ng followed by h), and q + u. */
static const uint8_t onset_two[VN_SYM_COUNT][VN_SYM_COUNT] = {
    [VN_C][VN_H] = VN_ON_CH + 1, [VN_G][VN_H] = VN_ON_GH + 1, [VN_G][VN_I] = VN_ON_GI + 1,
    [VN_K][VN_H] = VN_ON_KH + 1, [VN_N][VN_G] = VN_ON_NG + 1, [VN_N][VN_H] = VN_ON_NH + 1,
    [VN_P][VN_H] = VN_ON_PH + 1, [VN_T][VN_H] = VN_ON_TH + 1, [VN_T][VN_R] = VN_ON_TR + 1,
    [VN_Q][VN_U] = VN_ON_QU + 1,
};

/* Nuclei: diphthongs by their two letters, single vowels by their letter. */
static const uint8_t nucleus_two[VN_Y + 1][VN_SYM_COUNT] = {
    [VN_I][VN_EE] = VN_NU_IE + 1,   [VN_Y][VN_EE] = VN_NU_IE + 1,  [VN_I][VN_A] = VN_NU_IA + 1,
    [VN_Y][VN_A] = VN_NU_IA + 1,    [VN_U][VN_OO] = VN_NU_UO + 1,  [VN_U][VN_A] = VN_NU_UA + 1,
    [VN_UW][VN_OW] = VN_NU_UOW + 1, [VN_UW][VN_A] = VN_NU_UWA + 1, [VN_O][VN_O] = VN_NU_OOO + 1,
};

static const uint8_t nucleus_one[VN_Y + 1] = {
    [VN_A] = VN_NU_A,   [VN_AW] = VN_NU_AW, [VN_AA] = VN_NU_AA, [VN_E] = VN_NU_E,
    [VN_EE] = VN_NU_EE, [VN_I] = VN_NU_I,   [VN_O] = VN_NU_O,   [VN_OO] = VN_NU_OO,
    [VN_OW] = VN_NU_OW, [VN_U] = VN_NU_U,   [VN_UW] = VN_NU_UW, [VN_Y] = VN_NU_Y,
};

/* Codas: one letter (0 at the end of the string is "no coda"), or ch ng nh. */
static const uint8_t coda_one[VN_SYM_COUNT] = {
    [VN_SYM_NONE] = VN_CO_NONE + 1, [VN_I] = VN_CO_I + 1, [VN_Y] = VN_CO_Y + 1,
    [VN_O] = VN_CO_O + 1,           [VN_U] = VN_CO_U + 1, [VN_C] = VN_CO_C + 1,
    [VN_M] = VN_CO_M + 1,           [VN_N] = VN_CO_N + 1, [VN_P] = VN_CO_P + 1,
    [VN_T] = VN_CO_T + 1,
};

static const uint8_t coda_two[VN_SYM_COUNT][VN_SYM_COUNT] = {
    [VN_C][VN_H] = VN_CO_CH + 1,
    [VN_N][VN_G] = VN_CO_NG + 1,
    [VN_N][VN_H] = VN_CO_NH + 1,
};

static const uint8_t coda_letters[VN_CO_COUNT] = {
    [VN_CO_CH] = 2, [VN_CO_NG] = 2, [VN_CO_NH] = 2, [VN_CO_C] = 1, [VN_CO_M] = 1, [VN_CO_N] = 1,
    [VN_CO_P] = 1,  [VN_CO_T] = 1,  [VN_CO_I] = 1,  [VN_CO_Y] = 1, [VN_CO_O] = 1, [VN_CO_U] = 1,
};

/* Spelling of the nucleus: y/i, yê/iê and ya/ia by position. */
static inline bool nucleus_spelling_ok(unsigned nucleus, unsigned first, unsigned onset,
                                       bool medial)
{
    switch (nucleus) {
    case VN_NU_Y:
        return medial || (y_onsets >> onset & 1u);
    case VN_NU_IE:
        return (first == VN_Y) == (onset == VN_ON_NONE || medial);
    case VN_NU_IA:
        return (first == VN_Y) == medial;
    default:
        return true;
    }
}

bool vn_syl_parse(const uint8_t *sym, unsigned n, vn_syl *out)
{
    unsigned s0 = sym[0], s1 = sym[1], onset, nucleus, coda, flags = 0;
    unsigned two = onset_two[s0][s1];
    if (two) {
        onset = two - 1;
        if (onset == VN_ON_NG && sym[2] == VN_H) onset = VN_ON_NGH;
    } else {
        if (!onset_one[s0]) return false;
        onset = onset_one[s0] - 1u;
    }
    unsigned i = onset_letters[onset], span = i;
    bool shared = false;
    if (onset == VN_ON_GI && (!vn_sym_is_vowel(sym[2]) || (sym[2] == VN_EE && sym[3]))) {
        /* gì, gìn, giếng: the i of gi also starts the nucleus (i, iê). */
        shared = true;
        flags |= VN_SYL_F_GI_SHARED;
        i = span = 1;
    } else if (!(onset_next[onset] >> sym[i] & 1u)) {
        return false;
    }
    unsigned next = sym[i], after = sym[i + 1], medial = VN_SYL_NO_POS;
    if (onset == VN_ON_QU || (!shared && ((next == VN_O && (AFTER_MEDIAL_O >> after & 1u)) ||
                                          (next == VN_U && (AFTER_MEDIAL_U >> after & 1u)))))
        medial = i++;
    bool has_medial = medial != VN_SYL_NO_POS;
    if (has_medial && onset == VN_ON_C) return false; /* /kw/ is written qu */
    unsigned a = sym[i];
    if (!vn_sym_is_vowel(a)) return false;
    unsigned nuc_len = 2;
    nucleus = nucleus_two[a][sym[i + 1]];
    if (nucleus)
        nucleus--;
    else
        nucleus = nucleus_one[a], nuc_len = 1;
    unsigned k = i + nuc_len;
    coda = coda_two[sym[k]][sym[k + 1]];
    if (coda) {
        coda--;
    } else {
        coda = coda_one[sym[k]];
        if (!coda) return false;
        coda--;
    }
    unsigned coda_len = coda_letters[coda];
    if (k + coda_len != n) return false;
    uint16_t codas = has_medial ? coda_medial[nucleus] : coda_plain[nucleus];
    if (!(codas >> coda & 1u) || !nucleus_spelling_ok(nucleus, a, onset, has_medial)) return false;
    if (onset == VN_ON_P || nucleus == VN_NU_OOO || (nucleus == VN_NU_UW && coda == VN_CO_M) ||
        (has_medial && ((loan_medial_onsets >> onset & 1u) || nucleus == VN_NU_I ||
                        (nucleus == VN_NU_Y && coda == VN_CO_P))))
        flags |= VN_SYL_F_MARGINAL;

    out->onset = (uint8_t)onset;
    out->onset_len = (uint8_t)span;
    out->medial = (uint8_t)medial;
    out->nucleus = (uint8_t)nucleus;
    out->nuc_pos = (uint8_t)i;
    out->nuc_len = (uint8_t)nuc_len;
    out->coda = (uint8_t)coda;
    out->coda_pos = (uint8_t)k;
    out->coda_len = (uint8_t)coda_len;
    /* The tone goes on the main vowel: the second letter of a closed diphthong (iê uô ươ) and
     * of oo, the first of an open one (ia ua ưa), the vowel itself otherwise. The old style
     * puts it on the medial of an open oa, oe, uy (hòa, khỏe, thủy), but never on qu's u. */
    bool second =
        nucleus == VN_NU_IE || nucleus == VN_NU_UO || nucleus == VN_NU_UOW || nucleus == VN_NU_OOO;
    out->main_pos = (uint8_t)(i + second);
    out->old_pos = out->main_pos;
    if (has_medial && onset != VN_ON_QU && coda == VN_CO_NONE &&
        (nucleus == VN_NU_A || nucleus == VN_NU_E || nucleus == VN_NU_Y))
        out->old_pos = (uint8_t)medial;
    out->flags = (uint8_t)flags;
    return true;
}
