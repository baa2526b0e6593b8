/* Entity rules for name-shaped runs on no list: a run of capitalized words typed by its context
 * (a title, a place word, a shop, a list it belongs to), or dropped. */
#include "entity_rules.h"

/* A name listed after one typed by its head (`các đường Đỗ_Quang , Tô_Ngọc_Vân và Văn_Cao`):
 * that mention, or NULL. */
static const vn_cand *enumerated_after(vn_scan *s, size_t a, size_t first)
{
    if (a < first + 2) return NULL;
    const vnseg_token *p = &s->tok[a - 1];
    bool comma = p->kind == VNSEG_KIND_PUNCT && p->length == 1 && s->text[p->offset] == ',';
    const vn_cand *c = vn_rule_owner_of(s, a - 2);
    /* Places joined by a dash (`giao_lộ Lê_Lai - Nguyễn_Thị_Nghĩa`). */
    if (p->kind == VNSEG_KIND_PUNCT_DASH && c && !c->dead && c->type == VNSEG_ENT_LOC &&
        (c->flags & VNSEG_MF_CUED) && c->source == VNSEG_SOURCE_HEURISTIC)
        return c;
    if (!comma && !(vn_rule_is_word(s, a - 1) && (vn_scan_cue(s, a - 1) & CUE_AND))) return NULL;
    if (!c || c->dead || c->source != VNSEG_SOURCE_HEURISTIC) return NULL;
    /* A full person's name after a place with its head is the next item only when the head is
     * a street's (`đường Thái_Thịnh , Tôn_Đức_Thắng`), not `cửa_khẩu Sa_Kỳ , Võ_Thị_Dung`. */
    if (c->type == VNSEG_ENT_LOC && (c->flags & VNSEG_MF_HEAD) && vn_rule_person_shaped(s, a) &&
        !vn_rule_street_head(s, c->first))
        return NULL;
    if (c->flags & (VNSEG_MF_HEAD | VN_CF_LISTED)) return c;
    /* A given name joined by `và` to a person's name just before it (`Hải và Thơm`). */
    return !comma && c->type == VNSEG_ENT_PER && c->last == a - 2 && !(c->flags & VN_CF_TENTATIVE)
               ? c
               : NULL;
}

/* A shop's name before a comma, maybe with its place in brackets (`tiệm vàng Kim_Hoàn ( quận
 * 7 ) , Kim_Lan`): the name after the comma is another shop. */
static bool shop_listed_before(const vn_scan *s, size_t a, size_t first)
{
    if (a < first + 2 || !vn_rule_punct_is(s, a - 1, ',')) return false;
    size_t p = a - 2;
    if (s->tok[p].kind == VNSEG_KIND_PUNCT_CLOSE) {
        size_t q = p;
        while (q > first && q + 8 > p && s->tok[q].kind != VNSEG_KIND_PUNCT_OPEN)
            q--;
        if (q <= first || s->tok[q].kind != VNSEG_KIND_PUNCT_OPEN) return false;
        p = q - 1;
    }
    const vn_cand *c = vn_rule_owner_of(s, p);
    return c && !c->dead && c->type == VNSEG_ENT_ORG && c->last == p &&
           c->source == VNSEG_SOURCE_HEURISTIC && (c->flags & VN_CF_LISTED);
}

/* The kind of a shop before a name (`tiệm Kim_Hoàn`, `tiệm vàng Kim_Hoàn`, `hiệu thuốc X`). It
 * runs at every name, so lengths and first bytes are compared before the words. */
static bool shop_before(const vn_scan *s, size_t a, size_t first)
{
    if (a < first + 1 || vn_rule_covered(s, a - 1) || !vn_rule_is_word(s, a - 1)) return false;
    const vnseg_token *p = &s->tok[a - 1];
    size_t n = p->length;
    if (n == 6 && (vn_rule_word_is(s, a - 1, "tiệm") || vn_rule_word_is(s, a - 1, "hiệu")))
        return true;
    if (n != 5 && n != 7 && n != 3) return false;
    if (!(vn_rule_word_is(s, a - 1, "vàng") || vn_rule_word_is(s, a - 1, "thuốc") ||
          vn_rule_word_is(s, a - 1, "sách") || vn_rule_word_is(s, a - 1, "ảnh") ||
          vn_rule_word_is(s, a - 1, "may") || vn_rule_word_is(s, a - 1, "bánh")))
        return false;
    return a >= first + 2 && !vn_rule_covered(s, a - 2) &&
           (vn_rule_word_is(s, a - 2, "tiệm") || vn_rule_word_is(s, a - 2, "hiệu"));
}

/* Whether the acronym at a, in brackets, spells the syllables of the words right before the
 * bracket and the first of them is in lower case (`quan_hệ tình_dục ( QHTD )`, `đại_biểu
 * Quốc_hội ( ĐBQH )`): the abbreviation of a common noun, no name. */
static bool defines_common_noun(vn_scan *s, size_t a, size_t first, size_t end)
{
    if (a < first + 2 || a + 1 >= end || !vn_rule_punct_is(s, a - 1, '(') ||
        s->tok[a + 1].kind != VNSEG_KIND_PUNCT_CLOSE)
        return false;
    const unsigned char *p = s->text + s->tok[a].offset;
    size_t n = s->tok[a].length, k = n; /* letters of the acronym, matched from the end */
    size_t t = a - 1;
    while (k > 0 && t > first) {
        t--;
        if (!vn_rule_is_word(s, t)) return false;
        vn_syls sy;
        size_t ns = vn_scan_syllables(s, t, &sy);
        if (ns == 0) return false;
        const unsigned char *w = s->text + s->tok[t].offset;
        for (size_t i = ns; i-- > 0;) {
            if (k == 0) return false;
            unsigned char c = w[sy.start[i]];
            if (k >= 2 && p[k - 2] == 0xC4 && p[k - 1] == 0x90) { /* Đ, đ */
                if (c != 0xC4 || (w[sy.start[i] + 1] | 1) != 0x91) return false;
                k -= 2;
            } else {
                if ((unsigned)p[k - 1] - 'A' >= 26u || (c | 0x20) != (p[k - 1] | 0x20))
                    return false;
                k--;
            }
        }
    }
    return k == 0 && vn_rule_lower_word(s, t);
}

/* The name-shaped run that starts at name word a, typed by its context; *next receives the
 * token after it. */
vnseg_status vn_rule_run_at(vn_scan *s, size_t a, size_t first, size_t end, bool caps_sentence,
                            size_t *next)
{
    size_t b = a;
    /* An acronym stands alone; so does a word after one. */
    while (b + 1 < end && b + 1 - a < VN_MAX_RUN && vn_rule_name_word(s, b + 1) &&
           vn_rule_all_caps(s, b + 1) == vn_rule_all_caps(s, a))
        b++;
    *next = b + 1;
    /* Capitalized by position only: a one-syllable Vietnamese word at the start. Before a word
     * that follows a subject (`Thuỷ chưa ...`, `: Hùng đang ...`) it is kept for the document
     * pass, which makes it a person if the document names that person elsewhere. */
    if (vn_rule_initial(s, a, first) && vn_rule_vietnamese_syllable_word(s, a) &&
        !vn_rule_all_caps(s, a) && !((vn_scan_cue(s, a) & CUE_FAMILY) && b > a)) {
        /* Before a verb of speech and a colon (`Châu nói : " ...`): a person who speaks. */
        if (a == b && a + 2 < end && (vn_scan_cue(s, a + 1) & CUE_AFTER_NAME) &&
            vn_rule_punct_is(s, a + 2, ':'))
            return vn_rule_add(s, a, a, VNSEG_ENT_PER, VNSEG_MF_CUED);
        if (a == b && a + 1 < end && (vn_scan_cue(s, a + 1) & CUE_AFTER_NAME) &&
            !(s->options & VNSEG_SCAN_NO_LINKS))
            return vn_rule_add(s, a, a, VNSEG_ENT_PER, VN_CF_TENTATIVE);
        if (++a > b) return VNSEG_OK;
    }
    if (caps_sentence) {
        bool foreign = false;
        for (size_t t = a; t <= b; t++)
            foreign |= (s->tok[t].flags & VNSEG_TF_NOT_VIETNAMESE) != 0;
        if (!foreign) return VNSEG_OK;
    }
    uint32_t type = VNSEG_ENT_PER, flags = 0;
    uint32_t prev = vn_rule_cue_before(s, a, first);
    if (a == b && vn_rule_all_caps(s, a) && a >= first + 2 && vn_rule_punct_is(s, a - 1, '/') &&
        s->tok[a - 2].kind == VNSEG_KIND_NUMBER)
        return VNSEG_OK; /* the code of a document's number (`602 / GPĐC7`) */
    if (a == b && vn_rule_all_caps(s, a) &&
        s->tok[a - 1 < a ? a - 1 : a].kind == VNSEG_KIND_PUNCT_OPEN &&
        defines_common_noun(s, a, first, end))
        return VNSEG_OK;
    if (vn_rule_title_before(s, a, first)) {
        flags = VNSEG_MF_CUED;
        if (a == b && vn_rule_all_caps(s, a) && vn_rule_acronym(s, a))
            type = VNSEG_ENT_ORG; /* a body after a title (`đại_biểu QH`), not a person */
    } else if (shop_before(s, a, first)) {
        type = VNSEG_ENT_ORG; /* `tiệm vàng Kim_Hoàn`: the shop's name, without its kind */
        flags = VNSEG_MF_CUED | VN_CF_LISTED;
    } else if (prev & CUE_LOC_PREP) {
        type = VNSEG_ENT_LOC;
        flags = VNSEG_MF_CUED;
    } else if (a == b && s->tok[a].length == 6 && vn_rule_word_is(s, a, "Luật")) {
        return VNSEG_OK; /* a law (`dự_án Luật bảo_vệ ...`): the samples do not annotate laws */
    } else if (prev & CUE_MISC_HEAD) {
        /* The code of a strain (`virus H5N1`) is no name. */
        if (a == b && (s->tok[a].flags & VNSEG_TF_HAS_DIGIT) && vn_rule_word_is(s, a - 1, "virus"))
            return VNSEG_OK;
        type = VNSEG_ENT_MISC;
        flags = VNSEG_MF_CUED;
    } else if (a == b && vn_rule_vietnamese_syllable_word(s, a) &&
               vn_rule_dash_to_place(s, a, b, first, end)) {
        type = VNSEG_ENT_LOC;
        flags = VNSEG_MF_CUED;
    } else if (a == b && vn_rule_all_caps(s, a) && (prev & CUE_QUANT)) {
        return VNSEG_OK; /* an abbreviated common noun (`các DN`, `những BN`) */
    } else if (vn_rule_house_number_before(s, a, first) && (b > a || s->tok[a].syllables >= 2)) {
        type = VNSEG_ENT_LOC; /* a street after a house number (`282 Nơ_Trang_Long`) */
        flags = VNSEG_MF_CUED;
    } else if (shop_listed_before(s, a, first)) {
        type = VNSEG_ENT_ORG; /* more shops (`tiệm vàng Kim_Hoàn ( quận 7 ) , Kim_Lan`) */
        flags = VNSEG_MF_CUED | VN_CF_LISTED;
    } else if (!vn_rule_all_caps(s, a) && vn_rule_place_by_brackets(s, a, b, first, end)) {
        type = VNSEG_ENT_LOC;
        flags = VNSEG_MF_CUED | VN_CF_LISTED;
    } else if (vn_rule_highland_place(s, a)) {
        type = VNSEG_ENT_LOC; /* `Ia_Mơ`, `Ea_Súp`, `Chư_Sê`, `Krông_Pắc` */
        flags = VNSEG_MF_CUED;
    } else if (prev & CUE_LOC_HEAD) {
        type = VNSEG_ENT_LOC; /* after a place word that is no head (`miền núi Sơn_Hoà`) */
        flags = VNSEG_MF_CUED | VN_CF_LISTED;
    } else if (a == b && vn_rule_all_caps(s, a) && vn_rule_acronym(s, a)) {
        type = VNSEG_ENT_ORG;
        flags = VNSEG_MF_ACRONYM;
    } else if (a == b && vn_rule_all_caps(s, a) && s->tok[a].syllables >= 2 &&
               !(s->tok[a].flags & VNSEG_TF_NOT_VIETNAMESE) &&
               (vn_rule_first_syllable_cue(s, a) & CUE_FAMILY)) {
        flags = VNSEG_MF_CUED; /* a full name in capitals (a byline's `LÊ_VĂN_AN`) */
    } else if (a == b && vn_rule_all_caps(s, a)) {
        return VNSEG_OK; /* capitals that are no acronym: emphasis, not a name */
    } else if (a == b && (prev & CUE_PEOPLE) &&
               (vn_rule_vietnamese_syllable_word(s, a) ||
                (s->tok[a].syllables == 2 && !(vn_rule_first_syllable_cue(s, a) & CUE_FAMILY)))) {
        return VNSEG_OK; /* a people or a dynasty (`người Việt`, `quân Thanh`, `người Ê_Đê`) */
    }
    if (!(flags & VNSEG_MF_CUED)) {
        const vn_cand *c = enumerated_after(s, a, first);
        if (c) {
            type = c->type;
            flags = VNSEG_MF_CUED | VN_CF_LISTED;
        } else if (vn_rule_between_places(s, a, b, first, end) ||
                   vn_rule_list_before_place(s, b, end)) {
            type = VNSEG_ENT_LOC;
            flags = VNSEG_MF_CUED | VN_CF_LISTED;
        }
    }
    if (a == b && vn_rule_all_caps(s, a)) flags |= VNSEG_MF_ACRONYM;
    /* A lone one-syllable Vietnamese word with no cue, right before a lower-case word, is a
     * capitalized common word (`Luật doanh_nghiệp`, `Người phát_ngôn`), not a name. */
    if (!(flags & VNSEG_MF_CUED) && a == b && vn_rule_vietnamese_syllable_word(s, a) &&
        b + 1 < end && vn_rule_lower_word(s, b + 1) && !vn_rule_subject_before(s, a, first, end))
        return VNSEG_OK;
    if (vn_rule_ends_with_org_suffix(s, b) || vn_rule_trade_name(s, a, b)) {
        type = VNSEG_ENT_ORG;
        flags |= VNSEG_MF_CUED;
    }
    return vn_rule_add(s, a, b, type, flags);
}
