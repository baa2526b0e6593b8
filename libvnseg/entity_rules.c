/* The scanner's rules for names on no list, one pass per sentence: the order in which the rule
 * families (entity_rule_*.c) run at each word. */
#include "entity_rules.h"

/* Whether a name may follow token t closely enough for a head to apply: a capitalized word or
 * a gazetteer name among the next three words (`Ủy_ban nhân_dân thành_phố Đà_Nẵng`). */
static bool name_ahead(const vn_scan *s, size_t t, size_t end)
{
    for (size_t j = t + 1; j < end && j <= t + 3; j++) {
        if (vn_rule_covered(s, j) || (s->tok[j].flags & VNSEG_TF_CAPITALIZED)) return true;
        if (j == t + 1 && s->tok[j].kind == VNSEG_KIND_NUMBER) return true;
        if (!vn_rule_is_word(s, j)) return false;
    }
    return false;
}

/* A capitalized organization head inside a sentence, before the lower-case words of a field
 * (`hình_thành Tổng_công_ty đầu_tư và kinh_doanh vốn nhà_nước`). */
static bool field_ahead(vn_scan *s, size_t t, size_t end)
{
    return (s->tok[t].flags & VNSEG_TF_CAPITALIZED) && t + 1 < end &&
           vn_rule_lower_word(s, t + 1) && !vn_rule_covered(s, t + 1) &&
           !vn_rule_initial(s, t, s->sent_first) && (vn_scan_cue(s, t) & CUE_ORG_HEAD) &&
           (vn_scan_cue(s, t + 1) & (CUE_NAME_PART | CUE_FIELD));
}

/* A headline in capitals: most of its words are all caps. */
static bool caps_sentence(const vn_scan *s, size_t first, size_t end)
{
    size_t words = 0, caps = 0;
    for (size_t t = first; t < end; t++)
        if (vn_rule_is_word(s, t)) {
            words++;
            caps += vn_rule_all_caps(s, t);
        }
    return words >= 4 && caps * 10 >= words * 7;
}

/* One pass per sentence, left to right: heads first at each word (they cover the names they
 * govern), then name-shaped runs and glued names. Every rule looks only backwards at what was
 * decided before it, or forwards at gazetteer names. */
vnseg_status vn_scan_rules(vn_scan *s)
{
    vnseg_status st = VNSEG_OK;
    for (size_t k = 0; k < s->nsent && st == VNSEG_OK; k++) {
        size_t first = (size_t)s->sent[k].first_token;
        size_t end = first + (size_t)s->sent[k].token_count;
        int caps = -1; /* a headline in capitals? worked out when an all-caps word shows up */
        s->sent_first = first;
        /* The newspaper of a byline (`TT - `, `TTO ( Hà_Nội ) - `). */
        if (!(s->options & VNSEG_SCAN_NO_HEURISTICS) && !vn_rule_covered(s, first) &&
            vn_rule_byline_dash(s, first, end))
            st = vn_rule_add(s, first, first, VNSEG_ENT_ORG, VNSEG_MF_ACRONYM | VNSEG_MF_CUED);
        /* The newspaper a line credits (`Theo Phụ_Nữ TP. HCM`), over the place in its name. */
        size_t credit = s->tok[first].length == 4 ? vn_rule_credit_line(s, first, end) : 0;
        if (credit && st == VNSEG_OK) {
            for (size_t t = first + 2; t <= credit; t++)
                if (vn_rule_covered(s, t)) vn_rule_absorb(s, vn_rule_owner_of(s, t));
            st = vn_rule_add(s, first + 1, credit, VNSEG_ENT_ORG, VNSEG_MF_CUED);
        }
        for (size_t t = first; t < end && st == VNSEG_OK;) {
            const vnseg_token *tk = &s->tok[t];
            if (tk->kind == VNSEG_KIND_WORD && vn_rule_covered(s, t)) {
                vn_rule_pronoun_not_place(s, t, end);
                vn_rule_address_not_place(s, t, first);
            }
            if (tk->kind != VNSEG_KIND_WORD || vn_rule_covered(s, t)) {
                t++;
                continue;
            }
            if (caps < 0 && (tk->flags & VNSEG_TF_ALL_CAPS)) caps = caps_sentence(s, first, end);
            if ((tk->flags & VNSEG_TF_CAPITALIZED) && vn_rule_suffix_at(s, t, first)) {
                t++;
                continue;
            }
            if (tk->flags & VNSEG_TF_ALL_CAPS) {
                uint32_t type =
                    vn_rule_initials_after_title(s, t, first) || vn_rule_byline_name(s, t, end)
                        ? VNSEG_ENT_PER
                    : vn_rule_admin_acronym_listed(s, t, end) ? VNSEG_ENT_ORG
                                                              : VN_NONE;
                if (type != VN_NONE) {
                    st = vn_rule_add(s, t, t, type, VNSEG_MF_CUED);
                    t++;
                    continue;
                }
            }
            if ((tk->flags & VNSEG_TF_TITLE_CASE) && vn_rule_the_party(s, t, end)) {
                st = vn_rule_add(s, t, t, VNSEG_ENT_ORG, VNSEG_MF_CUED);
                t++;
                continue;
            }
            /* A vocative (`" Trang ơi , ...`): a given name wherever it stands, even one that
             * is also a cue word; not a form of address (`Anh ơi`, `Mẹ ơi`). */
            if ((tk->flags & VNSEG_TF_TITLE_CASE) && vn_rule_vietnamese_syllable_word(s, t) &&
                !vn_rule_all_caps(s, t) && vn_rule_vocative(s, t + 1, end) &&
                !(vn_scan_cue(s, t) & (CUE_PER_TITLE | CUE_COMMON))) {
                st = vn_rule_add(s, t, t, VNSEG_ENT_PER, VNSEG_MF_CUED);
                t++;
                continue;
            }
            /* `khu` (3 bytes, tested first: this runs at every word) starting a zone. */
            size_t zone = tk->length == 3 && (s->text[tk->offset] | 0x20) == 'k' && caps != 1 &&
                                  !(s->options & VNSEG_SCAN_NO_HEADS)
                              ? vn_rule_zone_at(s, t, end)
                              : 0;
            if (zone) {
                st = vn_rule_add(s, t, zone, VNSEG_ENT_LOC, VNSEG_MF_HEAD | VNSEG_MF_CUED);
                t = zone + 1;
                continue;
            }
            if (caps != 1 && vn_rule_head_with_acronym(s, t, end)) {
                st = vn_rule_add(s, t, t, VNSEG_ENT_ORG, VNSEG_MF_HEAD | VNSEG_MF_CUED);
                if (st == VNSEG_OK)
                    st = vn_rule_add(s, t + 2, t + 2, VNSEG_ENT_ORG,
                                     VNSEG_MF_ACRONYM | VNSEG_MF_CUED);
                t += 4;
                continue;
            }
            if (caps != 1 && (name_ahead(s, t, end) || field_ahead(s, t, end))) {
                uint32_t cue = vn_scan_cue(s, t);
                if (cue & CUE_ORG_HEAD)
                    st = vn_rule_org_at(s, t, end);
                else if ((cue & CUE_LOC_HEAD) &&
                         !(vn_rule_lower_word(s, t) && vn_rule_region_word_before(s, t, first)))
                    st = vn_rule_place_head_at(s, t, end); /* not `núi` in `miền núi Sơn_Hoà` */
                if (vn_rule_covered(s, t)) {
                    t++;
                    continue;
                }
            }
            if (st != VNSEG_OK || !(tk->flags & VNSEG_TF_CAPITALIZED)) {
                t++;
                continue;
            }
            if (vn_rule_glued_district(s, t)) {
                st = vn_rule_add(s, t, t, VNSEG_ENT_LOC, VNSEG_MF_HEAD | VNSEG_MF_CUED);
                t++;
                continue;
            }
            if (vn_rule_name_word(s, t)) {
                st = vn_rule_run_at(s, t, first, end, caps == 1, &t);
                continue;
            }
            if (!(s->options & VNSEG_SCAN_NO_GLUED)) st = vn_rule_glued_name_at(s, t, first);
            t++;
        }
    }
    return st;
}
