/* Vietnamese phonotactics: split letter symbols into onset, medial, nucleus, coda; spelling rules. */
#include "syllable.h"

#define CB(c) (1u << (c))
#define STOPS (CB(VN_CO_C) | CB(VN_CO_P) | CB(VN_CO_T))
#define NASALS (CB(VN_CO_M) | CB(VN_CO_N) | CB(VN_CO_NG))
#define OPEN CB(VN_CO_NONE)

/* Codas each nucleus takes when there is no medial. The palatal ch/nh follow a ê i (and the
 * diphthong-free front vowels only); ă â need a coda; i/y glides after a â, o/u glides by
 * vowel length; the closed diphthongs need a coda, the open spellings take none. */
static const uint16_t coda_plain[VN_NU_COUNT] = {
    [VN_NU_A] = OPEN | STOPS | NASALS | CB(VN_CO_CH) | CB(VN_CO_NH) | CB(VN_CO_I) |
                CB(VN_CO_Y) | CB(VN_CO_O) | CB(VN_CO_U),
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
    [VN_NU_UW] = OPEN | CB(VN_CO_C) | CB(VN_CO_T) | CB(VN_CO_NG) | CB(VN_CO_I) | CB(VN_CO_U) |
                 CB(VN_CO_M),
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
    [VN_NU_A] = OPEN | STOPS | NASALS | CB(VN_CO_CH) | CB(VN_CO_NH) | CB(VN_CO_I) |
                CB(VN_CO_Y) | CB(VN_CO_O) | CB(VN_CO_U),
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

static const uint8_t mono_nucleus[VN_Y + 1] = {
    [VN_A] = VN_NU_A,   [VN_AW] = VN_NU_AW, [VN_AA] = VN_NU_AA, [VN_E] = VN_NU_E,
    [VN_EE] = VN_NU_EE, [VN_I] = VN_NU_I,   [VN_O] = VN_NU_O,   [VN_OO] = VN_NU_OO,
    [VN_OW] = VN_NU_OW, [VN_U] = VN_NU_U,   [VN_UW] = VN_NU_UW, [VN_Y] = VN_NU_Y,
};

static inline bool is_front(unsigned s)
{
    return s == VN_I || s == VN_E || s == VN_EE || s == VN_Y;
}

/* The onset at the start of sym: sets *onset, returns the letters it takes, or -1. */
static inline int parse_onset(const uint8_t *sym, unsigned *onset)
{
    unsigned s1 = sym[1];
    switch (sym[0]) {
    case VN_B: *onset = VN_ON_B; return 1;
    case VN_C: return s1 == VN_H ? (*onset = VN_ON_CH, 2) : (*onset = VN_ON_C, 1);
    case VN_D: *onset = VN_ON_D; return 1;
    case VN_DD: *onset = VN_ON_DD; return 1;
    case VN_G:
        if (s1 == VN_H)
            return *onset = VN_ON_GH, 2;
        return s1 == VN_I ? (*onset = VN_ON_GI, 2) : (*onset = VN_ON_G, 1);
    case VN_H: *onset = VN_ON_H; return 1;
    case VN_K: return s1 == VN_H ? (*onset = VN_ON_KH, 2) : (*onset = VN_ON_K, 1);
    case VN_L: *onset = VN_ON_L; return 1;
    case VN_M: *onset = VN_ON_M; return 1;
    case VN_N:
        if (s1 == VN_G)
            return sym[2] == VN_H ? (*onset = VN_ON_NGH, 3) : (*onset = VN_ON_NG, 2);
        return s1 == VN_H ? (*onset = VN_ON_NH, 2) : (*onset = VN_ON_N, 1);
    case VN_P: return s1 == VN_H ? (*onset = VN_ON_PH, 2) : (*onset = VN_ON_P, 1);
    case VN_Q: return s1 == VN_U ? (*onset = VN_ON_QU, 1) : -1;
    case VN_R: *onset = VN_ON_R; return 1;
    case VN_S: *onset = VN_ON_S; return 1;
    case VN_T:
        if (s1 == VN_H)
            return *onset = VN_ON_TH, 2;
        return s1 == VN_R ? (*onset = VN_ON_TR, 2) : (*onset = VN_ON_T, 1);
    case VN_V: *onset = VN_ON_V; return 1;
    case VN_X: *onset = VN_ON_X; return 1;
    default: return vn_sym_is_vowel(sym[0]) ? (*onset = VN_ON_NONE, 0) : -1;
    }
}

/* The nucleus at sym[i]: sets *nucleus, returns its letters (1 or 2), or 0. */
static inline unsigned parse_nucleus(const uint8_t *sym, unsigned i, unsigned *nucleus)
{
    unsigned a = sym[i], b = sym[i + 1];
    switch (a) {
    case VN_I:
    case VN_Y:
        if (b == VN_EE)
            return *nucleus = VN_NU_IE, 2;
        if (b == VN_A)
            return *nucleus = VN_NU_IA, 2;
        break;
    case VN_U:
        if (b == VN_OO)
            return *nucleus = VN_NU_UO, 2;
        if (b == VN_A)
            return *nucleus = VN_NU_UA, 2;
        break;
    case VN_UW:
        if (b == VN_OW)
            return *nucleus = VN_NU_UOW, 2;
        if (b == VN_A)
            return *nucleus = VN_NU_UWA, 2;
        break;
    case VN_O:
        if (b == VN_O)
            return *nucleus = VN_NU_OOO, 2;
        break;
    default:
        if (!vn_sym_is_vowel(a))
            return 0;
    }
    *nucleus = mono_nucleus[a];
    return 1;
}

/* The coda at sym[k]: sets *coda, returns its letters (0..2), or -1. */
static inline int parse_coda(const uint8_t *sym, unsigned k, unsigned *coda)
{
    switch (sym[k]) {
    case VN_SYM_NONE: *coda = VN_CO_NONE; return 0;
    case VN_I: *coda = VN_CO_I; return 1;
    case VN_Y: *coda = VN_CO_Y; return 1;
    case VN_O: *coda = VN_CO_O; return 1;
    case VN_U: *coda = VN_CO_U; return 1;
    case VN_C: return sym[k + 1] == VN_H ? (*coda = VN_CO_CH, 2) : (*coda = VN_CO_C, 1);
    case VN_M: *coda = VN_CO_M; return 1;
    case VN_N:
        if (sym[k + 1] == VN_G)
            return *coda = VN_CO_NG, 2;
        return sym[k + 1] == VN_H ? (*coda = VN_CO_NH, 2) : (*coda = VN_CO_N, 1);
    case VN_P: *coda = VN_CO_P; return 1;
    case VN_T: *coda = VN_CO_T; return 1;
    default: return -1;
    }
}

/* Spelling of the onset against the letter after it: k gh ngh only before i e ê y, c g ng
 * never there; c takes no medial (/kw/ is written qu); gi is not followed by another i. */
static inline bool onset_spelling_ok(unsigned onset, unsigned next, bool medial, bool shared)
{
    switch (onset) {
    case VN_ON_K:
    case VN_ON_GH:
    case VN_ON_NGH: return is_front(next);
    case VN_ON_C: return !is_front(next) && !medial;
    case VN_ON_G:
    case VN_ON_NG: return !is_front(next);
    case VN_ON_GI: return shared || next != VN_I;
    default: return true;
    }
}

/* Spelling of the nucleus: y/i, yê/iê and ya/ia by position. */
static inline bool nucleus_spelling_ok(unsigned nucleus, unsigned first, unsigned onset,
                                       bool medial)
{
    switch (nucleus) {
    case VN_NU_Y: return medial || (y_onsets >> onset & 1u);
    case VN_NU_IE: return (first == VN_Y) == (onset == VN_ON_NONE || medial);
    case VN_NU_IA: return (first == VN_Y) == medial;
    default: return true;
    }
}

bool vn_syl_parse(const uint8_t *sym, unsigned n, vn_syl *out)
{
    unsigned onset, nucleus, coda, flags = 0;
    int on_len = parse_onset(sym, &onset);
    if (on_len < 0)
        return false;
    unsigned i = (unsigned)on_len, span = i;
    bool shared = false;
    if (onset == VN_ON_GI && (!vn_sym_is_vowel(sym[2]) || (sym[2] == VN_EE && sym[3]))) {
        /* gì, gìn, giếng: the i of gi also starts the nucleus (i, iê). */
        shared = true;
        flags |= VN_SYL_F_GI_SHARED;
        i = span = 1;
    }
    unsigned next = sym[i], medial = VN_SYL_NO_POS;
    if (onset == VN_ON_QU) {
        medial = i++;
    } else if (!shared) {
        unsigned after = sym[i + 1];
        if ((next == VN_O && (after == VN_A || after == VN_AW || after == VN_E)) ||
            (next == VN_U && (after == VN_AA || after == VN_EE || after == VN_Y || after == VN_OW)))
            medial = i++;
    }
    bool has_medial = medial != VN_SYL_NO_POS;
    if (!onset_spelling_ok(onset, next, has_medial, shared))
        return false;
    unsigned nuc_len = parse_nucleus(sym, i, &nucleus);
    if (!nuc_len)
        return false;
    unsigned k = i + nuc_len;
    int coda_len = parse_coda(sym, k, &coda);
    if (coda_len < 0 || k + (unsigned)coda_len != n)
        return false;
    uint16_t codas = has_medial ? coda_medial[nucleus] : coda_plain[nucleus];
    if (!(codas >> coda & 1u) || !nucleus_spelling_ok(nucleus, sym[i], onset, has_medial))
        return false;
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
    bool second = nucleus == VN_NU_IE || nucleus == VN_NU_UO || nucleus == VN_NU_UOW ||
                  nucleus == VN_NU_OOO;
    out->main_pos = (uint8_t)(i + second);
    out->old_pos = out->main_pos;
    if (has_medial && onset != VN_ON_QU && coda == VN_CO_NONE &&
        (nucleus == VN_NU_A || nucleus == VN_NU_E || nucleus == VN_NU_Y))
        out->old_pos = (uint8_t)medial;
    out->flags = (uint8_t)flags;
    return true;
}
